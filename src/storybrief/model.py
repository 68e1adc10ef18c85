"""The records storybrief passes between stages: frozen, slotted, and traceable.

Every derived fact carries character offsets into a document's *cleaned* text
(``Span``) or, for metadata taken from lines that cleaning removed, an
``Evidence`` that says where it was found. No I/O and no spaCy here: the NLP
layer converts its Docs into these records in ``storybrief.nlp.convert``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, Literal

SCHEMA_ID = "storybrief.brief/1"

Granularity = Literal["day", "week", "month", "year"]
EvidenceLocation = Literal["text", "removed", "html", "record"]


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
class Span:
    """A piece of one document's cleaned text: ``text == document.text[start:end]``."""

    doc_id: str
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"doc_id": self.doc_id, "start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a metadata value was found.

    ``location`` says what the offsets index: ``text`` the cleaned text,
    ``removed`` the decoded input (the piece is listed in ``Article.removed``);
    ``html`` and ``record`` have no offsets and name the element or field in ``text``.
    """

    text: str
    location: EvidenceLocation
    start: int | None = None
    end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "location": self.location, "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class Stated:
    """A metadata string the input states, with its evidence."""

    value: str
    evidence: Evidence

    def to_dict(self) -> dict[str, Any]:
        return {"value": self.value, "evidence": self.evidence.to_dict()}


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
        """The date as ISO text cut to its granularity (``2013``, ``2013-02``, ``2013-02-02``)."""
        if self.granularity == "year":
            return f"{self.value.year:04d}"
        if self.granularity == "month":
            return f"{self.value.year:04d}-{self.value.month:02d}"
        return self.value.isoformat()


@dataclass(frozen=True, slots=True)
class Removed:
    """A piece of the decoded input that cleaning took out, kept so nothing is lost."""

    kind: str
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True, slots=True)
class Article:
    """One cleaned article and its stated metadata (each value with evidence, or None)."""

    id: str
    source: str
    text: str
    content_hash: str
    title: Stated | None = None
    outlet: Stated | None = None
    byline: Stated | None = None
    dateline: Stated | None = None
    published: DateRef | None = None
    url: str | None = None
    lang: str | None = None
    encoding: str | None = None
    removed: tuple[Removed, ...] = ()
    #: Character ranges of the cleaned text that are photo captions.
    captions: tuple[tuple[int, int], ...] = ()


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
    """An article with the NLP layer's records."""

    article: Article
    sentences: tuple[Sentence, ...]
    tokens: tuple[Token, ...]
    mentions: tuple[Mention, ...]

    @property
    def id(self) -> str:
        return self.article.id

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


@dataclass(frozen=True, slots=True)
class Brief:
    """A story brief: documents, their mentions, per-input errors, and the analysis sections.

    The sections that later stages fill (``summary``, ``entities``, ``quotes``,
    ``timeline``, ``claims``, ``sources``) hold plain JSON-ready dicts so that the
    output schema is the single contract between stages and renderers.
    """

    documents: tuple[ParsedArticle, ...]
    errors: tuple[IngestFailure, ...]
    model: str
    config_digest: str
    created_at: dt.datetime
    summary: tuple[dict[str, Any], ...] = ()
    entities: tuple[dict[str, Any], ...] = ()
    quotes: tuple[dict[str, Any], ...] = ()
    timeline: tuple[dict[str, Any], ...] = ()
    claims: tuple[dict[str, Any], ...] = ()
    sources: tuple[dict[str, Any], ...] = ()
    #: Stretches of the story: documents grouped by time and shared people.
    episodes: tuple[dict[str, Any], ...] = ()
    #: Which documents share which content, and passages reused between them.
    overlap: dict[str, Any] = field(default_factory=dict)
    version: str = field(default="0.1.0")

    @property
    def mentions(self) -> tuple[Mention, ...]:
        return tuple(m for d in self.documents for m in d.mentions)

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
            },
            "documents": [article_to_dict(d) for d in self.documents],
            "mentions": [m.to_dict() for m in self.mentions],
            "errors": [e.to_dict() for e in self.errors],
            "summary": list(self.summary),
            "entities": list(self.entities),
            "quotes": list(self.quotes),
            "timeline": list(self.timeline),
            "episodes": list(self.episodes),
            "overlap": self.overlap,
            "claims": list(self.claims),
            "sources": list(self.sources),
        }
