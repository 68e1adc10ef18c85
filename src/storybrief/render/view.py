"""What every human-readable rendering shows, computed once from a brief."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from storybrief import lexicon
from storybrief.lexicon import HONORIFICS
from storybrief.model import (
    Brief,
    Claim,
    DateRef,
    Episode,
    ParsedArticle,
    SourceProfile,
    SummaryPassage,
    date_of,
)
from storybrief.text import outside_quotes, typographic_quotes

# Entity types shown under "Who and what", in this order, with a heading each.
NAME_GROUPS: tuple[tuple[str, str], ...] = (
    ("PERSON", "People"),
    ("ORG", "Organisations"),
    ("GPE", "Places"),
)
NAMES_PER_GROUP = 8


@dataclass(frozen=True, slots=True)
class EntityRow:
    id: str
    canonical: str
    #: Other spellings seen, without the canonical one.
    aliases: tuple[str, ...]
    role: str
    mentions: int
    #: Numbers of the documents that mention it.
    documents: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class DocumentRow:
    number: int
    doc: ParsedArticle
    title: str
    outlet: str
    byline: str
    published: str
    dateline: str
    #: From the sources comparison (empty when the brief has none).
    kind: str = ""
    signals: tuple[str, ...] = ()
    contributions: tuple[str, ...] = ()
    quotes: int = 0
    #: Summary sentences this document does not carry.
    omits: int = 0
    episode: str = ""
    #: For an estimated publication date, what supports it.
    date_evidence: str = ""


@dataclass(frozen=True, slots=True)
class QuoteRow:
    id: str
    text: str
    kind: str
    #: Numbers of the documents that carry it.
    documents: tuple[int, ...]
    doc_id: str


@dataclass(frozen=True, slots=True)
class SpeakerGroup:
    #: The speaker's canonical name, or the phrase as written for unnamed speakers.
    speaker: str
    kind: str
    entity_id: str | None
    quotes: tuple[QuoteRow, ...]


@dataclass(frozen=True, slots=True)
class TimelineRow:
    date: str
    text: str
    #: Numbers of the documents that report it (the quoted sentence's own first).
    documents: tuple[int, ...]
    estimated: bool
    #: Documents that report its date (see ``storybrief.analysis.timeline.date_reports``).
    reports: int = 0
    #: Still to come when its documents were written (``TimelineEvent.expected``).
    expected: bool = False
    #: Its reports, each counted by its document's closeness to the story
    #: (``TimelineEvent.weight``).
    weight: float = 0.0


#: Text and Markdown renderings show at most this many timeline events: the
#: first event of each of the dates that weigh most (the JSON and HTML
#: keep them all).
TIMELINE_ROWS = 30


#: Judgement call: events up to this many days before the first report are the
#: story's own (what led to it); earlier ones are background.
STORY_LEAD_DAYS = 31


def key_events(
    rows: tuple[TimelineRow, ...],
    limit: int = TIMELINE_ROWS,
    since: dt.date | None = None,
) -> tuple[TimelineRow, ...]:
    """At most ``limit`` events, in date order: the event that stands for each date.

    The timeline lists the events of a date with the one that stands for it
    first (``storybrief.analysis.timeline``). When there are more than
    ``limit``, background that a single document gives (an event that ended
    more than ``STORY_LEAD_DAYS`` before ``since``, the first report) is left
    out; of the rest, dates are taken most-reported first (their ``weight``:
    reports counted by each document's closeness to the story, then their
    number), one event each, and
    only when there are fewer dates than ``limit`` do second and later events
    of a date fill it, in the same order.
    """
    return tuple(rows[i] for i in key_event_indexes(rows, limit, since))


def key_event_indexes(
    rows: Sequence[TimelineRow],
    limit: int = TIMELINE_ROWS,
    since: dt.date | None = None,
) -> tuple[int, ...]:
    """The positions in ``rows`` of the events ``key_events`` picks, in order."""
    if len(rows) <= limit:
        return tuple(range(len(rows)))
    kept = list(range(len(rows)))
    if since is not None:
        start = since - dt.timedelta(days=STORY_LEAD_DAYS)
        kept = [i for i in kept if rows[i].reports >= 2 or not _ends_before(rows[i].date, start)]
    position: list[int] = []
    for k, i in enumerate(kept):
        same = k > 0 and rows[kept[k - 1]].date == rows[i].date
        position.append(position[-1] + 1 if same else 0)
    first = {rows[i].date: i for i in reversed(kept)}
    ranked = sorted(
        range(len(kept)),
        key=lambda k: (
            position[k],
            -rows[kept[k]].weight,
            -rows[kept[k]].reports,
            -len(rows[first[rows[kept[k]].date]].documents),
            k,
        ),
    )
    return tuple(kept[k] for k in sorted(ranked[:limit]))


def _ends_before(value: str, day: dt.date) -> bool:
    """Whether the period a timeline date names ends before a day."""
    period = date_period(value)
    return period is not None and period[1] < day


def date_period(value: str) -> tuple[dt.date, dt.date] | None:
    """The first and last day of the period a timeline date names (None if it names none)."""
    parsed = date_of(value)
    if parsed is None:
        return None
    first, granularity = parsed
    last = {
        "day": first,
        "week": first + dt.timedelta(days=6),
        "month": (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        - dt.timedelta(days=1),
    }.get(granularity, first.replace(month=12, day=31))
    return first, last


def shown_claims(claims: Sequence[Claim]) -> list[Claim]:
    """The claims a rendering lists: figures two or more documents state. Dates two
    sources state (claims.v6) are read on the timeline: in the JSON and the tables for
    tools, not repeated here (a big cluster states hundreds)."""
    return [c for c in claims if len(c.documents) > 1 and c.unit != "date"]


def _claim_row(claim: Claim, number_of: dict[str, int]) -> ClaimRow:
    return ClaimRow(
        relation=claim.relation,
        counts=claim.what or claim.counts or claim.unit,
        statements=tuple(
            (st.text, number_of[st.doc_id], st.time or "date unknown")
            for st in sorted(claim.statements, key=lambda st: st.time or "~")
        ),
    )


def story_start(view: BriefView) -> dt.date | None:
    """The first day a document of the brief was published, if any says."""
    days = [r.doc.article.published.value for r in view.rows if r.doc.article.published]
    return min(days, default=None)


@dataclass(frozen=True, slots=True)
class ClaimRow:
    relation: str
    counts: str
    #: (figure as written, document number, time or "date unknown"), in time order.
    statements: tuple[tuple[str, int, str], ...]


class PassageRow(NamedTuple):
    """A passage as shown: its text (with the brief's bracketed insertions), the numbers
    of the documents that report it (its own first), and the kind of its own document
    where that is no report ("opinion", "analysis"; else "")."""

    text: str
    numbers: tuple[int, ...]
    kind: str = ""


@dataclass(frozen=True, slots=True)
class BriefView:
    title: str
    rows: tuple[DocumentRow, ...]
    outlets: tuple[str, ...]
    date_range: str
    names: tuple[tuple[str, tuple[EntityRow, ...]], ...]
    #: Summary sentences with the numbers of the documents that report them (own first)
    #: and the kind of their own document where it is no report.
    summary: tuple[PassageRow, ...] = ()
    #: With ``Brief.update``: what the new documents add, the background to read it
    #: by (passages of the documents already read), how many were read, and the
    #: figures that changed.
    update: tuple[PassageRow, ...] = ()
    background: tuple[PassageRow, ...] = ()
    read_before: int = 0
    changed: tuple[ClaimRow, ...] = ()
    #: Direct quotations grouped by speaker, most quoted first; unknown speakers last.
    quotes: tuple[SpeakerGroup, ...] = ()
    timeline: tuple[TimelineRow, ...] = ()
    #: Figures stated by two or more documents.
    claims: tuple[ClaimRow, ...] = ()
    #: One line per episode: "main · 2013-02-01 to 2013-02-03 · documents 1, 2, 4".
    episodes: tuple[str, ...] = ()
    #: Whether a passage shown carries the brief's words in square brackets (given names,
    #: a dateline's place: ``given_names``).
    bracketed: bool = False


_NAME_WORD = re.compile(r"[^\W\d_][\w'’.-]*")


def given_names(brief: Brief, items: Sequence[SummaryPassage]) -> tuple[str, ...]:
    """Each passage's text on one line, with the given names of a person it names by
    surname alone inserted before the surname in square brackets, where no passage
    before it (nor the passage itself, anywhere) named the person in full: "[Igor]
    Dygalo said", "Ms. [Sarah] Shourd". An editor's insertion, from the name the
    entities section gives the person; the passage's own words are untouched around it.
    Likewise the place of its document's dateline after the writer's "here" ("said here
    [in Ulan Bator] today"): a wire story's "here" is where it was filed.

    None where a bracket could name the wrong person or misread the word:
    - two people of the brief share the surname;
    - the canonical name does not open with a known given name (``lexicon.given_names``);
    - the tagger never called the person's full name a person's (an entity typed
      wrong is not made to read as a person's name);
    - the surname is also a month or weekday, or the documents write it as a common
      word ("in May", "may"), or it is the one-word name of a place, an organisation or
      a thing of the brief ("giving Kyle Ritalin": the drug);
    - an honorific before it names the other gender than the given name ("Mrs. Bush"
      is not George W. Bush);
    - the surname modifies a common noun ("the Kennedy family", "the Bush
      administration"): it names a family or an office, not the one person.
    """
    # People the tagger itself called a person by a full name somewhere: a one-word
    # mention it called something else ("Shourd" as a place) that the entities joined to
    # one of them is that person's.
    tagged = {
        m.entity_id
        for d in brief.documents
        for m in d.mentions
        if m.label == "PERSON" and len(_NAME_WORD.findall(m.span.text)) >= 2
    }
    canonical = {e.id: e.canonical for e in brief.entities if e.type == "PERSON" and e.id in tagged}
    first_names = lexicon.given_names()
    common = {t.text for d in brief.documents for t in d.tokens if t.text.islower()}
    calendar = {*lexicon.MONTHS, *lexicon.WEEKDAYS}
    # A surname two people of the brief share says nothing of which one is meant; nor one
    # that is also the name of a place or a thing of the brief ("giving Kyle Ritalin":
    # the drug, tagged a person's surname once).
    surnames = Counter(_bare_word(name.split()[-1]) for name in canonical.values() if name)
    things = {
        _bare_word(alias)
        for e in brief.entities
        if e.type != "PERSON"
        for alias in (e.canonical, *e.aliases)
        if len(alias.split()) == 1
    }
    documents = {d.id: d for d in brief.documents}
    # A story filed from many places, none of them the story's own (topic clusters: home
    # schooling across the states), not one event's story told from its place and its
    # capital, where a passage naming no place is most likely of the event's.
    filed = Counter(p for d in brief.documents if (p := _dateline_place(d)))
    several_places = (
        len(filed) >= FILED_PLACES and max(filed.values()) < FILED_SHARE * filed.total()
    )
    # A passage of another episode than the story's main one ("another episode · 1998-01-07
    # to 1998-01-28"), with no date of its own, says when its page was written: read
    # beside the main story's, an earlier attempt told undated reads as part of it. Only
    # where the main story holds half the documents or more: of a collection of pages on
    # a topic over years (DUC 2006's), no stretch is the story, and every other passage
    # would carry the mark.
    main = next((e for e in brief.episodes if e.main), None)
    elsewhere = (
        {d for e in brief.episodes if not e.main for d in e.documents}
        if main is not None and 2 * len(main.documents) >= len(brief.documents)
        else set()
    )
    named: set[str] = set()
    out = []
    for item in items:
        doc = documents.get(item.doc_id)
        mentions = sorted(
            (
                m
                for m in (doc.mentions if doc is not None else ())
                if m.entity_id in canonical
                and item.start <= m.span.start
                and m.span.end <= item.end
            ),
            key=lambda m: m.span.start,
        )
        bare = []
        for m in mentions:
            words = [
                w
                for w in _NAME_WORD.finditer(m.span.text)
                if _bare_word(w.group()) not in HONORIFICS
            ]
            full = [
                w for w in canonical[str(m.entity_id)].split() if _bare_word(w) not in HONORIFICS
            ]
            # A surname of two words is still a surname alone: "Dickson Wright" of
            # "Clarissa Dickson Wright".
            tail = [_bare_word(w) for w in full[len(full) - len(words) :]]
            if len(words) == 1 or (
                len(words) < len(full) and [_bare_word(w.group()) for w in words] == tail
            ):
                bare.append((m, words))
            else:
                named.add(str(m.entity_id))
        inserts: list[tuple[int, str]] = []
        other_person: set[str] = set()  # this passage's only
        for m, words in bare:
            entity = str(m.entity_id)
            if entity in named or entity in other_person or doc is None:
                continue
            full = [w for w in canonical[entity].split() if _bare_word(w) not in HONORIFICS]
            surname = _bare_word(words[-1].group())
            given = _ascii(full[0])
            at = m.span.start + words[0].start()
            if (
                len(full) <= len(words)
                or _bare_word(full[-1]) != surname
                or surnames[surname] > 1
                or surname in things
                or given not in first_names
                or surname in calendar
                or surname in common
            ):
                named.add(entity)  # no bracket for this person anywhere
                continue
            if _other_gender(doc.article.text[max(0, at - 24) : at], first_names[given]):
                # "Mr. Carver" is not Helen Carver: the passage may be of another
                # Carver throughout ("Mr. Carver sent a letter, and Carver said he ...").
                other_person.add(entity)
                continue
            if _modifies_a_noun(doc, at):
                continue  # the family, not the person: a later mention may take it
            named.add(entity)
            inserts.append((at - item.start, " ".join(full[: -len(words)])))
        added = [(at, f"[{given}] ") for at, given in inserts]
        place = _dateline_place(doc)
        if place is not None and doc is not None:
            # "said here today": here is the dateline's place, which the passage lacks.
            outside = outside_quotes(typographic_quotes(item.text))
            here = _HERE.search(outside)  # the first "here" of the passage says it
            if here is not None:
                added.append((here.end(), f" [in {place}]"))
            elif several_places and not _names_a_place(doc, item):
                # A story filed from several places: a passage that names none is told
                # from where its dateline says ("[dateline: Des Moines, Iowa] Home-school
                # families won a years-long legislative battle ..."). Said as the
                # dateline, not as the place of what it tells: a national story filed in
                # Las Vegas tells of reservations elsewhere (read on unseen briefs, where
                # 7 of 10 such places were not the event's).
                added.append((0, f"[dateline: {place}] "))
        # "said Tuesday": the day it was, counted from its page's day.
        added += [(day.end - item.start, f" [{day.date}]") for day in item.days]
        if item.doc_id in elsewhere and doc is not None and not item.days:
            when = _written_when(doc, item)
            if when is not None:
                added.append((0, f"[another episode, {when}] "))
        text = item.text
        for at, insert in sorted(added, reverse=True):
            text = f"{text[:at]}{insert}{text[at:]}"
        out.append(" ".join(text.split()))
    return tuple(out)


def _written_when(doc: ParsedArticle, item: SummaryPassage) -> str | None:
    """When a passage's page was published ("1998-01-28"; "1998-01 (estimated)"), unless
    the passage dates itself (a date of its own with a month or a year: "on Jan. 28",
    "in 1998") or the page's date is unknown."""
    published = doc.article.published
    if published is None:
        return None
    for m in doc.mentions:
        if (
            m.label == "DATE"
            and item.start <= m.span.start < item.end
            and (_YEAR.search(m.span.text) or _MONTH_NAME.search(m.span.text))
        ):
            return None
    return published.iso() + (" (estimated)" if published.estimated else "")


_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
_MONTH_NAME = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b\.?", re.IGNORECASE
)


#: The writer's "here" (the place of the dateline: "said here today", "left here for
#: Japan"); not "Here is ...", "here's", "here in Ohio" (it names its place).
_HERE = re.compile(r"(?<![Ff]rom )\bhere\b(?!\s*(?:is|are|was|were|in|at|on)\b|['’]s)")


#: Judgement calls: a story is filed from many places when its datelines name this many
#: places or more, none in this share of them or more (``given_names``).
FILED_PLACES = 3
FILED_SHARE = 0.5


def _names_a_place(doc: ParsedArticle, item: SummaryPassage) -> bool:
    """Whether a passage names a place, or carries its document's dateline."""
    stated = doc.article.dateline
    if (
        stated is not None
        and stated.evidence.location == "text"
        and stated.evidence.end is not None
        and item.start < stated.evidence.end
    ):
        return True
    return any(
        m.label in _PLACE_LABELS and item.start <= m.span.start < item.end for m in doc.mentions
    )


_PLACE_LABELS = frozenset(("GPE", "LOC", "FAC"))


def _dateline_place(doc: ParsedArticle | None) -> str | None:
    """The place a document's dateline states, as a name reads ("ULAN BATOR": "Ulan
    Bator", "DES MOINES, Iowa": "Des Moines, Iowa"; "WASHINGTON, D.C." keeps its
    initials), or None."""
    stated = doc.article.dateline if doc is not None else None
    if stated is None or not stated.value.strip():
        return None
    place = " ".join(stated.value.split())
    return _CAPITALS.sub(lambda m: m.group().title(), place)


#: A word in capitals, not initials ("DES", "MOINES"; not "D.C.", "U.S.").
_CAPITALS = re.compile(r"\b[A-Z]{2,}\b(?!\.)")


#: Honorifics of one gender; a name listed under the other is not the one they title.
_FEMALE_HONORIFICS = frozenset(
    ("mrs", "ms", "miss", "lady", "dame", "queen", "princess", "duchess", "madam", "madame")
)
_MALE_HONORIFICS = frozenset(("mr", "sir", "lord", "king", "prince", "duke"))
_LAST_WORD = re.compile(r"([^\W\d_]+)\.?\s*$")


def _other_gender(before: str, gender: str) -> bool:
    """Whether the honorific written right before a name is of the other gender than
    the given name's listing ("m", "f" or "mf")."""
    match = _LAST_WORD.search(before)
    if match is None:
        return False
    word = match.group(1).casefold()
    return (word in _FEMALE_HONORIFICS and "f" not in gender) or (
        word in _MALE_HONORIFICS and "m" not in gender
    )


def _modifies_a_noun(doc: ParsedArticle, at: int) -> bool:
    """Whether the name word at this offset modifies a common noun ("the Kennedy
    family"), as the parse says."""
    token = next((t for t in doc.tree.between(at, at + 1)), None)
    head = doc.tree.head(token) if token is not None else None
    return (
        token is not None
        and token.dep in ("compound", "amod", "nmod")
        and head is not None
        and head.pos == "NOUN"
    )


def _ascii(word: str) -> str:
    """A word as ``lexicon.given_names`` spells its keys: lower case, ASCII letters."""
    folded = unicodedata.normalize("NFKD", word.casefold())
    return "".join(ch for ch in folded if ch.isascii() and ch.isalpha())


def _bare_word(word: str) -> str:
    """A name word compared: case and a possessive or a full stop left out."""
    return word.casefold().removesuffix("'s").removesuffix("’s").rstrip(".")


def _bare(name: str) -> str:
    return name.casefold().removeprefix("the ").strip()


def describe_date(date: DateRef | None) -> str:
    if date is None:
        return "unknown"
    return date.iso() + (" (estimated)" if date.estimated else "")


def numbered(text: str, number_of: dict[str, int]) -> str:
    """Evidence names documents by id; a rendering names them by their number."""
    for doc_id, number in number_of.items():
        text = text.replace(f"document {doc_id}", f"document {number}")
    return text


def _date_evidence(date: DateRef | None, number_of: dict[str, int]) -> str:
    if date is None or not date.estimated or date.evidence is None:
        return ""
    return numbered(date.evidence.text, number_of)


def build_view(brief: Brief, names_per_group: int = NAMES_PER_GROUP) -> BriefView:
    """What a rendering shows; ``names_per_group`` caps each group of "Who and what"."""
    compared = {s.doc_id: s for s in brief.sources}
    main_episode = next((e.id for e in brief.episodes if e.main), None)
    number_of = {d.id: i for i, d in enumerate(brief.documents, 1)}
    rows = tuple(
        DocumentRow(
            number=i,
            doc=d,
            # A document that states no headline is "Document N"; its source (a
            # path) stays beside it in small type, never in its place.
            title=d.article.title.value if d.article.title else f"Document {i}",
            outlet=d.article.outlet.value if d.article.outlet else "",
            byline=d.article.byline.value if d.article.byline else "",
            published=describe_date(d.article.published),
            dateline=d.article.dateline.value if d.article.dateline else "",
            **_comparison(compared.get(d.id), main_episode),
            date_evidence=_date_evidence(d.article.published, number_of),
        )
        for i, d in enumerate(brief.documents, 1)
    )
    outlets = tuple(dict.fromkeys(r.outlet for r in rows if r.outlet))
    dates = sorted(d.article.published.iso() for d in brief.documents if d.article.published)
    if not dates:
        date_range = "no stated dates"
    elif dates[0] == dates[-1]:
        date_range = dates[0]
    else:
        date_range = f"{dates[0]} to {dates[-1]}"
    names = []
    for label, heading in NAME_GROUPS:
        top = tuple(
            EntityRow(
                id=e.id,
                canonical=e.canonical,
                aliases=tuple(
                    dict.fromkeys(
                        a.removeprefix("the ").removeprefix("The ")
                        for a in e.aliases
                        if _bare(a) != _bare(e.canonical)
                    )
                ),
                role=e.roles[0] if e.roles else "",
                mentions=len(e.mentions),
                documents=tuple(sorted(number_of[d] for d in e.documents)),
            )
            for e in brief.entities
            if e.type == label
        )[:names_per_group]
        if top:
            names.append((heading, top))

    bracketed = False

    # A passage of an opinion piece or an analysis says so where it is shown: a
    # columnist's judgement ("the best ex-president in history") or a company's own
    # account is a source's view, not the story's facts.
    kind_of = {s.doc_id: s.kind for s in brief.sources if s.kind != "report"}

    def passages(items: Sequence[SummaryPassage]) -> tuple[PassageRow, ...]:
        nonlocal bracketed
        texts = given_names(brief, items)
        bracketed = bracketed or any(
            text != " ".join(item.text.split()) for text, item in zip(texts, items, strict=True)
        )
        # A passage may run over a paragraph break of its article: one line here.
        return tuple(
            PassageRow(
                text,
                tuple(number_of[d] for d in [item.doc_id, *(s.doc_id for s in item.support)]),
                kind_of.get(item.doc_id, ""),
            )
            for text, item in zip(texts, items, strict=True)
        )

    summary = passages(brief.summary)

    update = brief.update
    changed_ids = set(update.changed) if update else set()
    new = passages(update.summary) if update else ()
    background = passages(update.background) if update else ()
    return BriefView(
        update=new,
        background=background,
        bracketed=bracketed,
        read_before=len(update.since) if update else 0,
        changed=tuple(_claim_row(c, number_of) for c in brief.claims if c.id in changed_ids),
        episodes=tuple(_episode_line(e, number_of) for e in brief.episodes)
        if len(brief.episodes) > 1
        else (),
        claims=tuple(_claim_row(c, number_of) for c in shown_claims(brief.claims)),
        timeline=tuple(
            TimelineRow(
                date=e.date,
                text=e.text,
                documents=tuple(number_of[d] for d in e.documents),
                estimated=e.estimated,
                reports=e.reports,
                expected=e.expected,
                weight=e.weight,
            )
            for e in brief.timeline
        ),
        quotes=_quotes_by_speaker(brief, number_of),
        summary=summary,
        title=brief.title,
        rows=rows,
        outlets=outlets,
        date_range=date_range,
        names=tuple(names),
    )


def _quotes_by_speaker(brief: Brief, number_of: dict[str, int]) -> tuple[SpeakerGroup, ...]:
    groups: dict[tuple[str, str | None], list[QuoteRow]] = {}
    kinds: dict[tuple[str, str | None], str] = {}
    for q in brief.quotes:
        if q.kind != "direct":
            continue
        if q.speaker_name:
            key = (q.speaker_name, q.entity_id)
        elif q.speaker:
            key = (f"{q.speaker} ({q.speaker_kind})", None)
        else:
            key = ("Speaker unknown", None)
        kinds[key] = q.speaker_kind if q.speaker else "unknown"
        groups.setdefault(key, []).append(
            QuoteRow(
                id=q.id,
                text=q.text,
                kind=q.kind,
                documents=tuple(sorted({number_of[s.doc_id] for s in q.sources})),
                doc_id=q.doc_id,
            )
        )
    order = sorted(groups, key=lambda k: (k[0] == "Speaker unknown", -len(groups[k]), k[0]))
    return tuple(SpeakerGroup(k[0], kinds[k], k[1], tuple(groups[k])) for k in order)


def _episode_line(episode: Episode, number_of: dict[str, int]) -> str:
    if episode.start is None:
        when = "date unknown"
        if episode.after is not None:
            when += (
                f", later than {episode.after.date} "
                f"({numbered(episode.after.evidence.text, number_of)})"
            )
    elif episode.start == episode.end:
        when = episode.start
    else:
        when = f"{episode.start} to {episode.end}"
    numbers = ", ".join(str(n) for n in sorted(number_of[d] for d in episode.documents))
    label = "main story" if episode.main else "another episode"
    noun = "documents" if len(episode.documents) > 1 else "document"
    return f"{label} · {when} · {noun} {numbers}"


def _comparison(source: SourceProfile | None, main_episode: str | None) -> dict[str, Any]:
    if source is None:
        return {}
    episode = source.episode
    return {
        "kind": source.kind,
        "signals": source.signals,
        "contributions": tuple(c.text for c in source.contributions)
        or (str(source.contributions_note),),
        "quotes": len(source.quotes),
        "omits": len(source.omits),
        "episode": "another story: not in the summary"
        if source.off_story
        else ("" if episode is None or episode == main_episode else "another episode"),
    }
