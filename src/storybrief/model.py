"""The records storybrief passes between stages: frozen, slotted, and traceable.

Every derived fact carries character offsets into a document's *cleaned* text
(``Span``) or, for metadata taken from lines that cleaning removed, an
``Evidence`` that says where it was found. No I/O and no spaCy here: the NLP
layer converts its Docs into these records in ``storybrief.nlp.convert``.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, fields, replace
from enum import Enum
from typing import Any, Literal

SCHEMA_ID = "storybrief.brief/1"

Granularity = Literal["day", "week", "month", "year"]
EvidenceLocation = Literal["text", "removed", "html", "record"]


def _json_value(value: Any) -> Any:
    if isinstance(value, Record):
        return value.to_dict()
    if isinstance(value, tuple):
        return [_json_value(v) for v in value]
    return value


class Record:
    """A record of the brief: ``to_dict()`` gives its fields in declared order as JSON values
    (records as dicts, tuples as lists). Records whose JSON differs say so in their own."""

    __slots__ = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            f.name: _json_value(getattr(self, f.name))
            for f in fields(self)  # type: ignore[arg-type]
        }


class FailureReason(str, Enum):
    """Why an input was not used. The value is the stable code in the JSON output."""

    NOT_FOUND = "not_found"
    UNREADABLE = "unreadable"
    EMPTY = "empty"
    BINARY = "binary"
    TOO_LARGE = "too_large"
    NOT_ENGLISH = "not_english"
    MALFORMED = "malformed"
    NO_TEXT = "no_text"
    DUPLICATE = "duplicate"


@dataclass(frozen=True, slots=True)
class Span(Record):
    """A piece of one document's cleaned text: ``text == document.text[start:end]``."""

    doc_id: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Evidence(Record):
    """Where a metadata value was found.

    ``location`` says what the offsets index: ``text`` the cleaned text,
    ``removed`` the decoded input (the piece is listed in ``Article.removed``);
    ``html`` and ``record`` have no offsets and name the element or field in ``text``.
    """

    text: str
    location: EvidenceLocation
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True, slots=True)
class Stated(Record):
    """A metadata string the input states, with its evidence."""

    value: str
    evidence: Evidence


def last_day(first: dt.date, granularity: Granularity) -> dt.date:
    """The last day of the period that starts on ``first`` (a day, week, month or year)."""
    if granularity == "week":
        return first + dt.timedelta(days=6)
    if granularity == "month":
        following = dt.date(first.year + first.month // 12, first.month % 12 + 1, 1)
        return following - dt.timedelta(days=1)
    if granularity == "year":
        return dt.date(first.year, 12, 31)
    return first


def iso_date(day: dt.date, granularity: Granularity) -> str:
    """A date as ISO text at its granularity: ``2013``, ``2013-02``, ``2013-02-02``, and a
    week as the ISO 8601 interval of its days: ``2013-02-04/10``, ``2013-01-28/02-03``,
    ``2013-12-30/2014-01-05`` (the end without the parts the start states).

    The one way a date is printed; ``date_of`` reads it back. A week is printed
    as its Monday and Sunday rather than as its TIMEX3 number (``2013-W05``):
    a reader sees the days, and the text sorts with days and months.
    """
    if granularity == "year":
        return f"{day.year:04d}"
    if granularity == "month":
        return f"{day.year:04d}-{day.month:02d}"
    if granularity == "week":
        monday = day - dt.timedelta(days=day.weekday())
        sunday = monday + dt.timedelta(days=6)
        # ISO 8601 leaves out the end's leading parts that the start states.
        cut = 0 if sunday.year != monday.year else 5 if sunday.month != monday.month else 8
        return f"{monday.isoformat()}/{sunday.isoformat()[cut:]}"
    return day.isoformat()


_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_INTERVAL = re.compile(r"^(\d{4}-\d{2}-\d{2})/((?:(?:\d{4}-)?\d{2}-)?\d{2})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")


def date_of(value: str | None) -> tuple[dt.date, Granularity] | None:
    """The first day and granularity of a date value, if it names a calendar period.

    Reads what ``iso_date`` prints and TIMEX3 values (a week as ``2013-W05``).
    """
    if not value:
        return None
    if m := _INTERVAL.match(value):
        try:
            first = dt.date.fromisoformat(m[1])
            last = dt.date.fromisoformat(m[1][: 10 - len(m[2])] + m[2])
        except ValueError:
            return None
        return (first, "week") if first.weekday() == 0 and (last - first).days == 6 else None
    if m := _DAY.match(value):
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3])), "day"
        except ValueError:
            return None
    if m := _WEEK.match(value):
        try:
            return dt.date.fromisocalendar(int(m[1]), int(m[2]), 1), "week"
        except ValueError:
            return None
    if m := _MONTH.match(value):
        if 1 <= int(m[2]) <= 12:
            return dt.date(int(m[1]), int(m[2]), 1), "month"
        return None
    if m := _YEAR.match(value):
        return dt.date(int(m[1]), 1, 1), "year"
    return None


@dataclass(frozen=True, slots=True)
class DateRef:
    """A calendar date known to a granularity.

    An unknown date is ``None`` wherever a ``DateRef`` is expected; it is never
    filled in with today. ``value`` is the first day of the period it names.
    """

    value: dt.date
    granularity: Granularity
    estimated: bool = False
    evidence: Evidence | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "value": self.iso(),
            "granularity": self.granularity,
            "estimated": self.estimated,
            "evidence": None if self.evidence is None else self.evidence.to_dict(),
        }

    def iso(self) -> str:
        """The date as ISO text cut to its granularity (``iso_date``)."""
        return iso_date(self.value, self.granularity)


@dataclass(frozen=True, slots=True)
class Removed(Record):
    """A piece of the decoded input that cleaning took out, kept so nothing is lost."""

    kind: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Metadata:
    """What an article states about itself: each value with its evidence, or None.

    The one record of stated metadata: a format reader fills it from the input's
    structure (``RawArticle``), cleaning from the lines of the text (``CleanResult``),
    and a finished ``Article`` holds the two merged (``Article.metadata``).
    """

    title: Stated | None = None
    outlet: Stated | None = None
    byline: Stated | None = None
    dateline: Stated | None = None
    published: DateRef | None = None
    url: str | None = None


class StatesMetadata:
    """Read access to a record's stated metadata held in one ``metadata: Metadata`` field.

    ``raw.title`` is ``raw.metadata.title``, and so on for each field of ``Metadata``.
    """

    __slots__ = ()
    metadata: Metadata

    @property
    def title(self) -> Stated | None:
        return self.metadata.title

    @property
    def outlet(self) -> Stated | None:
        return self.metadata.outlet

    @property
    def byline(self) -> Stated | None:
        return self.metadata.byline

    @property
    def dateline(self) -> Stated | None:
        return self.metadata.dateline

    @property
    def published(self) -> DateRef | None:
        return self.metadata.published

    @property
    def url(self) -> str | None:
        return self.metadata.url


@dataclass(frozen=True, slots=True)
class Article(StatesMetadata):
    """One cleaned article and its stated metadata (each value with evidence, or None).

    ``article.title``, ``.outlet``, ``.byline``, ``.dateline``, ``.published`` and
    ``.url`` read its ``metadata``.
    """

    id: str
    source: str
    text: str
    content_hash: str
    metadata: Metadata = Metadata()
    lang: str | None = None
    encoding: str | None = None
    removed: tuple[Removed, ...] = ()
    #: Character ranges of the cleaned text that are not the story's body: photo
    #: captions, and the wire's sign-off ("(Reporting by ...; Editing by ...)").
    captions: tuple[tuple[int, int], ...] = ()

    def with_published(self, published: DateRef | None) -> Article:
        """The article with this publication date (an estimate, say)."""
        return replace(self, metadata=replace(self.metadata, published=published))


@dataclass(frozen=True, slots=True)
class Sentence:
    doc_id: str
    index: int
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"index": self.index, "start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True, slots=True)
class Token:
    """One token; ``head`` is the index of its syntactic head within the document."""

    index: int
    start: int
    end: int
    text: str
    lemma: str
    pos: str
    tag: str
    dep: str
    head: int
    sentence: int
    is_stop: bool


class TokenTree:
    """The dependency tree of one document's tokens, and where its sentences lie.

    Built once per document (``ParsedArticle.tree``): heads, children and
    subtrees by token index, tokens by offset, the sentence at an offset. A
    root is its own head. ``Token.index`` is spaCy's index, which skips the
    whitespace tokens the records drop: it is not a position in ``tokens``.
    """

    __slots__ = (
        "_by_index",
        "_children",
        "_in_sentence",
        "_sentence_starts",
        "_starts",
        "sentences",
        "tokens",
    )

    def __init__(self, tokens: Sequence[Token], sentences: Sequence[Sentence]) -> None:
        self.tokens = tuple(tokens)
        self.sentences = tuple(sentences)
        self._by_index = {t.index: t for t in tokens}
        self._children: dict[int, list[Token]] = {}
        self._in_sentence: dict[int, list[Token]] = {}
        for t in tokens:
            if t.head != t.index:
                self._children.setdefault(t.head, []).append(t)
            self._in_sentence.setdefault(t.sentence, []).append(t)
        self._starts = [t.start for t in tokens]
        self._sentence_starts = [s.start for s in sentences]

    def token(self, index: int) -> Token | None:
        """The token of this index, if the document has one."""
        return self._by_index.get(index)

    def head(self, token: Token) -> Token | None:
        """The token's syntactic head; None for a root."""
        return None if token.head == token.index else self._by_index.get(token.head)

    def children(self, token: Token) -> Sequence[Token]:
        """The tokens whose head it is, in text order."""
        return self._children.get(token.index, ())

    def child(self, token: Token, *deps: str) -> Token | None:
        """The first child with one of these dependency labels."""
        return next((c for c in self.children(token) if c.dep in deps), None)

    def subtree(self, token: Token) -> list[Token]:
        """The token and all below it, in index order."""
        out, stack = [], [token]
        while stack:
            t = stack.pop()
            out.append(t)
            stack.extend(self.children(t))
        return sorted(out, key=lambda t: t.index)

    def ancestors(self, token: Token, hops: int) -> Iterator[Token]:
        """The heads above a token, nearest first, at most ``hops`` of them."""
        for _ in range(hops):
            head = self.head(token)
            if head is None:
                return
            yield head
            token = head

    def in_sentence(self, index: int) -> Sequence[Token]:
        """The tokens of the sentence of this index."""
        return self._in_sentence.get(index, ())

    def between(self, start: int, end: int) -> tuple[Token, ...]:
        """The tokens that start in ``[start, end)``, in text order."""
        return self.tokens[bisect_left(self._starts, start) : bisect_left(self._starts, end)]

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence whose span holds the offset; None between sentences."""
        k = bisect_right(self._sentence_starts, offset) - 1
        if k >= 0 and offset < self.sentences[k].end:
            return self.sentences[k]
        return None


@dataclass(frozen=True, slots=True)
class Mention:
    """A named-entity mention as the tagger labelled it; ``entity_id`` links it once resolved."""

    span: Span
    label: str
    sentence: int
    entity_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.span.to_dict(),
            "label": self.label,
            "sentence": self.sentence,
            "entity_id": self.entity_id,
        }


@dataclass(frozen=True, slots=True)
class ParsedArticle:
    """An article with the NLP layer's records.

    ``_tree`` is no argument to give: it holds the tree once built, and being an
    ``__init__`` field, ``dataclasses.replace`` carries it to a refined copy (new
    mentions, a publication date), which uses it only while it is the tree of that
    copy's own tokens and sentences (the same objects); so a document's tree is built
    once, not once per stage that refines the document.
    """

    article: Article
    sentences: tuple[Sentence, ...]
    tokens: tuple[Token, ...]
    mentions: tuple[Mention, ...]
    _tree: TokenTree | None = field(default=None, repr=False, compare=False, kw_only=True)

    @property
    def id(self) -> str:
        return self.article.id

    @property
    def tree(self) -> TokenTree:
        """The dependency tree of the tokens, built on first use and kept with the document."""
        tree = self._tree
        if tree is None or tree.tokens is not self.tokens or tree.sentences is not self.sentences:
            tree = TokenTree(self.tokens, self.sentences)
            object.__setattr__(self, "_tree", tree)
        return tree

    def word_count(self) -> int:
        """Tokens with a letter or digit: the same count whatever the pipeline tags."""
        return sum(1 for t in self.tokens if any(ch.isalnum() for ch in t.text))


@dataclass(frozen=True, slots=True)
class IngestFailure:
    """One input that could not be used, and why."""

    source: str
    reason: FailureReason
    message: str

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "reason": self.reason.value, "message": self.message}


def count_reasons(failures: Sequence[IngestFailure]) -> str:
    """How many failures there are of each reason, as ``empty: 1, not_found: 2``."""
    counts: dict[str, int] = {}
    for f in failures:
        counts[f.reason.value] = counts.get(f.reason.value, 0) + 1
    return ", ".join(f"{reason}: {n}" for reason, n in sorted(counts.items()))


def _stated(value: Stated | None) -> dict[str, Any] | None:
    return None if value is None else value.to_dict()


def article_to_dict(parsed: ParsedArticle) -> dict[str, Any]:
    """The JSON form of one document of a brief."""
    a = parsed.article
    return {
        "id": a.id,
        "source": a.source,
        "url": a.url,
        "title": _stated(a.title),
        "outlet": _stated(a.outlet),
        "byline": _stated(a.byline),
        "dateline": _stated(a.dateline),
        "published": None if a.published is None else a.published.to_dict(),
        "lang": a.lang,
        "encoding": a.encoding,
        "content_hash": a.content_hash,
        "word_count": parsed.word_count(),
        "text": a.text,
        "captions": [{"start": s, "end": e} for s, e in a.captions],
        "removed": [r.to_dict() for r in a.removed],
        "sentences": [s.to_dict() for s in parsed.sentences],
    }


# --- The sections of a brief: what the analysis stages assign and the renderers read. ---
# Collections are tuples; ``to_dict()`` gives the published JSON (schema ``storybrief.brief/1``).


@dataclass(frozen=True, slots=True)
class Offsets(Record):
    """A stretch of a document's cleaned text, by offsets alone."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class SpanRef(Record):
    """Offsets into one document's cleaned text, without the text."""

    doc_id: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class EntityMention(Record):
    """One mention of a resolved entity, with the label it was found under."""

    span: Span
    label: str

    def to_dict(self) -> dict[str, Any]:
        return {**self.span.to_dict(), "label": self.label}


@dataclass(frozen=True, slots=True)
class Entity(Record):
    """One person, organisation or place, every spelling of it resolved to one id."""

    id: str
    canonical: str
    type: str | None
    aliases: tuple[str, ...]
    roles: tuple[str, ...]
    documents: tuple[str, ...]
    mentions: tuple[EntityMention, ...]


QuoteKind = Literal["direct", "indirect"]


@dataclass(frozen=True, slots=True)
class Quote(Record):
    """Words someone said, grouped across the documents that carry them.

    ``text`` is the fullest version of the group; ``doc_id``, ``start`` and
    ``end`` locate its first occurrence, ``sources`` every occurrence.
    """

    id: str
    kind: QuoteKind
    text: str
    doc_id: str
    start: int
    end: int
    speaker: str | None
    speaker_kind: str
    entity_id: str | None
    speaker_name: str | None
    sources: tuple[SpanRef, ...]


#: A figure as read: a float, or an int where a duration counts whole months.
Figure = float | int


@dataclass(frozen=True, slots=True)
class Statement(Record):
    """One document's statement of a quantity: the figure, its qualifier, when it holds."""

    doc_id: str
    start: int
    end: int
    text: str
    value: Figure | None
    qualifier: str | None
    time: str | None
    #: The sentence that states it.
    sentence: Offsets


@dataclass(frozen=True, slots=True)
class Reading(Record):
    """One distinct figure of a claim, with the documents and times that give it."""

    value: Figure
    documents: tuple[str, ...]
    times: tuple[str, ...]


ClaimRelation = Literal["single", "agree", "evolves", "conflict", "differs"]


@dataclass(frozen=True, slots=True)
class Claim(Record):
    """Statements of one quantity across documents, and how their figures relate."""

    id: str
    unit: str
    counts: str | None
    what: str | None
    relation: ClaimRelation
    documents: tuple[str, ...]
    readings: tuple[Reading, ...]
    statements: tuple[Statement, ...]


@dataclass(frozen=True, slots=True)
class TimexRef(Record):
    """The temporal expression that dates an event."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class TimelineEvent(Record):
    """A dated event: the sentence that reports it first, and every document that does."""

    date: str
    granularity: Granularity
    estimated: bool
    text: str
    doc_id: str
    start: int
    end: int
    timex: TimexRef
    documents: tuple[str, ...]
    reports: int
    #: Still to come when every document reporting it was written: told in the future
    #: ("will go on line in 2002", "is expected to rule on Oct. 5") or dated after its
    #: documents' publication; a plan or a forecast, not something that happened.
    expected: bool = False
    #: The documents reporting its date, each counted by its closeness to the story
    #: (0 to 1: the cosine of its words with the mean of the cluster's); at most ``reports``.
    weight: float = 0.0


@dataclass(frozen=True, slots=True)
class EpisodeAfter(Record):
    """An undated episode's lower bound: it comes after ``date``, on this evidence."""

    date: str
    doc_id: str
    evidence: Evidence


@dataclass(frozen=True, slots=True)
class Episode(Record):
    """Documents that report the same stretch of the story."""

    id: str
    documents: tuple[str, ...]
    start: str | None
    end: str | None
    main: bool
    after: EpisodeAfter | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "documents": list(self.documents),
            "start": self.start,
            "end": self.end,
            "main": self.main,
        }
        if self.after is not None:
            out["after"] = self.after.to_dict()
        return out


@dataclass(frozen=True, slots=True)
class Contribution(Record):
    """A passage only one source carries."""

    start: int
    end: int
    text: str


SourceKind = Literal["report", "analysis", "opinion"]


@dataclass(frozen=True, slots=True)
class SourceProfile(Record):
    """One document compared with the others: its kind, what only it adds, what it omits."""

    doc_id: str
    outlet: str | None
    byline: str | None
    published: str | None
    date_status: Literal["stated", "estimated", "unknown"]
    date_evidence: str | None
    words: int
    episode: str | None
    kind: SourceKind
    signals: tuple[str, ...]
    contributions: tuple[Contribution, ...]
    contributions_note: str | None
    quotes: tuple[str, ...]
    omits: tuple[int, ...]
    #: It tells another story than the other documents (``compare.off_story``): the
    #: summary takes nothing from it.
    off_story: bool = False


@dataclass(frozen=True, slots=True)
class Support(Record):
    """A sentence of another document that says what a summary passage says."""

    doc_id: str
    start: int
    end: int
    text: str
    similarity: float


@dataclass(frozen=True, slots=True)
class DayRef(Record):
    """A day a passage names relative to its document's publication day ("said
    Tuesday", "left today"), resolved: ``text`` is the document's ``text[start:end]``,
    ``date`` the ISO day it counts to; or a year or month so named ("this year",
    "last month"): ``date`` "1999", "1999-02"."""

    start: int
    end: int
    text: str
    date: str


@dataclass(frozen=True, slots=True)
class SummaryPassage(Record):
    """One passage of the summary: an exact span of one document, and its support."""

    text: str
    doc_id: str
    start: int
    end: int
    support: tuple[Support, ...]
    #: The days it names relative to its document's publication day, resolved.
    days: tuple[DayRef, ...] = ()

    @property
    def sources(self) -> int:
        """How many documents carry the passage: its own and each supporting one."""
        return 1 + len(self.support)

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "doc_id": self.doc_id,
            "start": self.start,
            "end": self.end,
            "support": [s.to_dict() for s in self.support],
            "sources": self.sources,
            "days": [d.to_dict() for d in self.days],
        }


@dataclass(frozen=True, slots=True)
class UpdateSection(Record):
    """What documents add to those a reader already read (``storybrief.brief(new,
    since=old)``): the update summary, the background to read it by, and the claims
    whose figures changed between the two."""

    #: The ids of the documents already read.
    since: tuple[str, ...]
    #: Passages of the new documents: what they add (exact spans, with support).
    summary: tuple[SummaryPassage, ...]
    #: Passages of the documents already read that the update needs (exact spans).
    background: tuple[SummaryPassage, ...]
    #: Ids of the claims whose figures differ between the read and the new documents.
    changed: tuple[str, ...]
    method: str = "update.v1"


@dataclass(frozen=True, slots=True)
class Reuse(Record):
    """A sentence one document shares almost word for word with another."""

    similarity: float
    a: SpanRef
    b: SpanRef
    text: str


@dataclass(frozen=True, slots=True)
class Overlap(Record):
    """Which documents share which content: ``shared[a][b]`` is the share of a's
    sentences that b also carries (None on the diagonal, for a document of no
    countable sentence, and for a pair not compared: in a large cluster a document
    is compared with its nearest documents only), and the passages reused between
    documents."""

    documents: tuple[str, ...]
    shared: tuple[tuple[float | None, ...], ...]
    reuse: tuple[Reuse, ...]


@dataclass(frozen=True, slots=True)
class ProgressStep:
    """How far a long step has come, as a progress callback (``ProgressCallback``) is told.

    Args:
        name: the step: ``reading``, ``parsing``, ``analysing``, ``clustering``...
        done: how many of its units are done.
        total: how many units it has; None when that is not known in advance.
        detail: what it works on now (a source, a stage's name), or "".
    """

    name: str
    done: int
    total: int | None
    detail: str = ""


#: Told of each step of a long task; library code reports, the command line draws.
ProgressCallback = Callable[[ProgressStep], None]


def ignore_progress(step: ProgressStep) -> None:
    """The progress callback that tells no one (for a caller that gave none)."""


#: Renderings of a brief by format, registered by ``storybrief.render`` when it is
#: imported (``import storybrief`` does): render imports this module, so this module
#: cannot import render without a cycle.
_RENDERERS: dict[str, Callable[[Brief], str]] = {}


def register_renderer(fmt: str, renderer: Callable[[Brief], str]) -> None:
    """Make ``renderer`` the one ``Brief.to_html``/``to_markdown`` use for ``fmt``."""
    _RENDERERS[fmt] = renderer


#: The height of the report in a notebook cell (it scrolls inside).
NOTEBOOK_HEIGHT_PX = 640


@dataclass(frozen=True, slots=True, repr=False)
class Brief:
    """A story brief: documents, their mentions, per-input errors, and the analysis sections.

    The sections are the records the analysis stages assign
    (``storybrief.analysis.STAGES``); ``methods`` names the method of each stage
    that made them. In a notebook a brief shows as its HTML report; its ``repr``
    is one line (title and counts).
    """

    documents: tuple[ParsedArticle, ...]
    errors: tuple[IngestFailure, ...]
    model: str
    config_digest: str
    created_at: dt.datetime
    summary: tuple[SummaryPassage, ...] = ()
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    timeline: tuple[TimelineEvent, ...] = ()
    claims: tuple[Claim, ...] = ()
    sources: tuple[SourceProfile, ...] = ()
    #: Stretches of the story: documents grouped by time and shared people.
    episodes: tuple[Episode, ...] = ()
    #: Which documents share which content, and passages reused between them.
    overlap: Overlap | None = None
    #: Each analysis stage's name and the id of the method it ran.
    methods: tuple[tuple[str, str], ...] = ()
    version: str = field(default="0.1.0")
    #: When briefed with ``since``: what the new documents add to those already read.
    update: UpdateSection | None = None

    @property
    def mentions(self) -> tuple[Mention, ...]:
        return tuple(m for d in self.documents for m in d.mentions)

    @property
    def title(self) -> str:
        """The story's headline: the most central of its documents' headlines.

        The headline sharing the most words (of four letters or more) with the
        others, then the most recent, then the first; never a file path or a
        sentence of the text: a brief whose documents state no headline is an
        "Untitled story" with its number of documents.
        """
        titled = [
            (d.article.title.value, d.article.published)
            for d in self.documents
            if d.article.title and d.article.title.value.strip()
        ]
        if not titled:
            n = len(self.documents)
            return f"Untitled story ({n} document{'s' if n != 1 else ''})" if n else ""
        words = [{w.casefold() for w in re.findall(r"\w{4,}", title)} for title, _ in titled]

        def rank(k: int) -> tuple[int, str, int]:
            shared = sum(len(words[k] & other) for j, other in enumerate(words) if j != k)
            published = titled[k][1]
            return (shared, published.iso() if published else "", -k)

        return titled[max(range(len(titled)), key=rank)][0]

    def __repr__(self) -> str:
        title = self.title if len(self.title) <= 80 else self.title[:79] + "…"
        counts = (
            f"{len(self.documents)} documents, {len(self.errors)} skipped, "
            f"{len(self.summary)} summary passages, {len(self.entities)} entities, "
            f"{len(self.quotes)} quotes, {len(self.timeline)} timeline events, "
            f"{len(self.claims)} claims"
        )
        return f"<Brief {title!r}: {counts}>"

    def to_html(self) -> str:
        """The self-contained HTML report (as ``storybrief brief -o brief.html`` writes it)."""
        return self._render("html")

    def to_markdown(self) -> str:
        """The Markdown rendering (as ``storybrief brief -f md`` prints it)."""
        return self._render("md")

    def _repr_html_(self) -> str:
        # The report is a whole page with its own styles and script: in its own frame it
        # neither restyles the notebook nor is restyled by it.
        return (
            f'<iframe srcdoc="{html.escape(self.to_html())}" title="storybrief report" '
            'sandbox="allow-scripts" '
            f'style="width:100%;height:{NOTEBOOK_HEIGHT_PX}px;border:1px solid #ccc"></iframe>'
        )

    def _render(self, fmt: str) -> str:
        renderer = _RENDERERS.get(fmt)
        if renderer is None:
            raise RuntimeError(
                f"no {fmt} renderer registered: import storybrief (or storybrief.render) first"
            )
        return renderer(self)

    def document(self, doc_id: str) -> ParsedArticle:
        """The document with this id. Raises KeyError if there is none."""
        for d in self.documents:
            if d.id == doc_id:
                return d
        raise KeyError(doc_id)

    def to_dict(self) -> dict[str, Any]:
        """The brief as JSON-ready data, in the ``storybrief.brief/1`` schema."""
        return {
            "schema": SCHEMA_ID,
            "generator": {
                "name": "storybrief",
                "version": self.version,
                "model": self.model,
                "config_digest": self.config_digest,
                "created_at": self.created_at.isoformat(timespec="seconds"),
                "methods": dict(self.methods),
            },
            "documents": [article_to_dict(d) for d in self.documents],
            "mentions": [m.to_dict() for m in self.mentions],
            "errors": [e.to_dict() for e in self.errors],
            "summary": [p.to_dict() for p in self.summary],
            "entities": [e.to_dict() for e in self.entities],
            "quotes": [q.to_dict() for q in self.quotes],
            "timeline": [e.to_dict() for e in self.timeline],
            "episodes": [e.to_dict() for e in self.episodes],
            "overlap": {} if self.overlap is None else self.overlap.to_dict(),
            "claims": [c.to_dict() for c in self.claims],
            "sources": [s.to_dict() for s in self.sources],
            **({} if self.update is None else {"update": self.update.to_dict()}),
        }
