"""When things happened: the timeline of dated events.

Method (``timeline.v4``):

- Every document's temporal expressions are normalised (``storybrief.analysis.timex``)
  against its publication date when that is known to the day (stated, or
  estimated by ``storybrief.analysis.dates``).
- Each sentence holding a date resolved to a day, week or month (never a bare
  year, a reference like "now", or a duration) is a timeline event, dated by
  that expression. Events of the same date whose sentences match (TF-IDF
  cosine ≥ ``SAME_EVENT``) are one event with all the documents that report
  it. Headlines and captions are not events; undated events are not placed.
  A sentence with several dates is the event of its main clause, dated by
  the date closest to its root ("Tanzania charged two men on Monday over the
  bombing on Aug. 7": Monday; a date that qualifies a noun, "Friday's
  scenes", counts as far from it); each other date dates the clause it sits in,
  an event that reads as that clause ("over the bombing on Aug. 7"; since
  timeline.v4).
  An event reads as a whole sentence (pieces the splitter cut at an
  abbreviation are joined back) without the dateline that opens it.
- Each event says how many documents report its date (``reports``): those
  published on it, and those that mention it and were published on or after
  it (or whose publication date is unknown). A mention made in advance ("the
  vote on Friday") is not a report that it happened. On Timeline17 this count
  ranks the days of the gold timelines better than publication counts or
  mentions alone (benchmarks/timeline.py).
- Within a date, the event that best stands for it comes first: a whole
  sentence before a clause (since timeline.v4), then one that a
  document reports after the fact (not announced in advance), then the one
  most documents report, then the one closest to all that date's sentences
  (mean TF-IDF cosine). Renderings of a long timeline show the first event of
  each of the most-reported dates, so one busy month cannot fill them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Protocol

from storybrief.analysis.similarity import EVENT_SENTENCES, cosine, tfidf
from storybrief.analysis.summarize import MAX_WORDS, without_dateline
from storybrief.analysis.timex import Timex, document_timexes
from storybrief.model import (
    Granularity,
    ParsedArticle,
    Sentence,
    TimelineEvent,
    TimexRef,
    Token,
    TokenTree,
    date_of,
    iso_date,
)

METHOD = "timeline.v4"
# Judgement call (timeline.v1, not measured): raw-count TF-IDF cosine from which
# two sentences of one date are one event (see ``similarity.EVENT_SENTENCES``).
SAME_EVENT = 0.3
# An event is a sentence a reader can take in: the summary's length cap
# (words counted here by whitespace).
MAX_EVENT_WORDS = MAX_WORDS
# Judgement call: a sentence the splitter cut at abbreviations is joined with at
# most this many following pieces.
MAX_JOINED_PIECES = 3


@dataclass(slots=True)
class _Candidate:
    """An event while the timeline is built, and what merging adds to it."""

    #: The event as it stands (``reports`` is counted once all are merged).
    event: TimelineEvent
    #: The first day of its date.
    day: dt.date
    #: The mean cosine of its sentence with all the sentences dated the same (itself included).
    central: float = 1.0
    #: The events merged into this one (itself first); empty when none was.
    members: list[_Candidate] = field(default_factory=list)
    #: The event reads as a clause of its sentence, not the whole sentence.
    clause: bool = False


def build_timeline(documents: Sequence[ParsedArticle]) -> tuple[TimelineEvent, ...]:
    """Dated events, earliest first, each with every document that reports it."""
    events: list[_Candidate] = []
    for doc in documents:
        published = doc.article.published
        # Relative expressions count from a publication day, never from a coarser date.
        anchor = published.value if published and published.granularity == "day" else None
        title = doc.article.title
        title_end = title.evidence.end if title and title.evidence.location == "text" else None
        # A sentence is an event dated by the date of its main clause ("Tanzania
        # charged two men on Monday over the bombing on Aug. 7": the charging,
        # Monday); a date of another clause dates that clause ("the bombing on
        # Aug. 7"), an event of its own that reads as the clause.
        dated: dict[int, list[tuple[int, Timex, tuple[dt.date, Granularity], Sentence]]] = {}
        for timex in document_timexes(doc, anchor):
            if timex.type not in ("DATE", "TIME"):
                continue
            parsed = date_of(timex.value)
            if parsed is None or parsed[1] == "year":
                continue
            sentence = doc.tree.sentence_at(timex.start)
            if sentence is None or (title_end is not None and sentence.start < title_end):
                continue
            if any(s <= sentence.start < e for s, e in doc.article.captions):
                continue
            depth = clause_depth(doc.tree, timex.start, timex.end)
            dated.setdefault(sentence.start, []).append((depth, timex, parsed, sentence))
        for found in dated.values():
            main = min(found, key=lambda f: f[0])
            whole = event_sentence(doc, main[3])
            for _depth, timex, parsed, sentence in found:
                if timex is main[1]:
                    sentence = whole
                elif parsed == main[2]:
                    continue  # the main clause's date already dates the sentence
                else:
                    sentence = clause_of(doc, timex, whole)
                if len(sentence.text.split()) > MAX_EVENT_WORDS:
                    continue
                day, granularity = parsed
                event = TimelineEvent(
                    date=iso_date(day, granularity),
                    granularity=granularity,
                    estimated=bool(published and published.estimated) and timex.relative,
                    text=sentence.text,
                    doc_id=doc.id,
                    start=sentence.start,
                    end=sentence.end,
                    timex=TimexRef(timex.text, timex.start, timex.end),
                    documents=(doc.id,),
                    reports=0,
                )
                events.append(_Candidate(event, day, clause=timex is not main[1]))
    merged = _merge(events)
    reports = date_reports(documents, [c.event for c in merged])
    for c in merged:
        # A merged event reads as the sentence of a document that reports it
        # after the fact, the one closest to the date's other sentences.
        lead = min(
            c.members or [c],
            key=lambda m: (m.clause, m.event.doc_id not in reports[c.event.date], -m.central),
        )
        others = [d for d in c.event.documents if d != lead.event.doc_id]
        c.event = replace(lead.event, documents=(lead.event.doc_id, *others))
        c.day, c.central, c.clause = lead.day, lead.central, lead.clause
    merged.sort(
        key=lambda c: (
            c.day,
            c.event.granularity != "day",
            c.event.date,
            # The event that stands for its date first: a whole sentence, reported
            # after the fact, by the most documents, closest to the date's other
            # sentences.
            c.clause,
            not set(c.event.documents) & reports[c.event.date],
            -len(c.event.documents),
            -c.central,
            c.event.doc_id,
            c.event.start,
        )
    )
    return tuple(replace(c.event, reports=len(reports[c.event.date])) for c in merged)


#: The clauses a date in them dates apart from the sentence's main clause.
_CLAUSES = frozenset(("relcl", "acl", "advcl", "ccomp", "xcomp", "conj", "pcomp", "csubj"))


def clause_of(doc: ParsedArticle, timex: Timex, sentence: Sentence) -> Sentence:
    """The part of a sentence a date of a subordinate clause dates.

    The clause the date belongs to ("adding that further evacuations would take
    place Thursday"), with the noun a relative clause tells of ("an operation
    that started Monday"); for a date in a phrase of the main clause, the
    phrase ("with the bombing of the embassy on Aug. 7"). The whole sentence
    when none is found.
    """
    tree = doc.tree
    inside = tree.between(timex.start, timex.end)
    token = next(
        (t for t in inside if not timex.start <= _start_of(tree, t.head) < timex.end), None
    )
    path: list[Token] = []
    while token is not None and token.head != token.index and len(path) < _MAX_DEPTH:
        token = tree.token(token.head)
        if token is None:
            break
        path.append(token)
    top = next((t for t in path if t.pos in ("VERB", "AUX") and t.dep in _CLAUSES), None)
    if top is not None and top.dep in ("relcl", "acl"):
        top = tree.token(top.head) or top
    if top is None and len(path) >= 2:
        top = path[-2]  # the phrase of the root the date sits in
    if top is None:
        return sentence
    tokens = _subtree(tree, top)
    begin = max(min(t.start for t in tokens), sentence.start)
    end = min(max(t.end for t in tokens), sentence.end)
    if begin >= end or (begin, end) == (sentence.start, sentence.end):
        return sentence
    text = doc.article.text
    return replace(sentence, start=begin, end=end, text=text[begin:end])


def _subtree(tree: TokenTree, top: Token) -> list[Token]:
    out, todo = [top], [top]
    while todo and len(out) < 10 * _MAX_DEPTH:
        for child in tree.children(todo.pop()):
            if child.index != top.index:
                out.append(child)
                todo.append(child)
    return out


def clause_depth(tree: TokenTree, start: int, end: int) -> int:
    """How many steps up the tree the span's head is from its sentence's root."""
    token = _span_head(tree, start, end)
    # "Friday's scenes", "the Aug. 7 bombing": a date that qualifies a noun
    # tells when that thing was, not when the clause's event is.
    depth = _QUALIFIER if token is not None and token.dep in _QUALIFIES else 0
    while token is not None and token.head != token.index and depth < _MAX_DEPTH:
        token = tree.token(token.head)
        depth += 1
    return depth


_MAX_DEPTH = 64
_QUALIFIES = frozenset(("poss", "compound", "amod", "nmod", "nummod"))
#: Judgement call: a date that qualifies a noun counts as this many steps deeper.
_QUALIFIER = 8


def _span_head(tree: TokenTree, start: int, end: int) -> Token | None:
    """The token of a span whose head lies outside it; None for the root."""
    inside = tree.between(start, end)
    return next((t for t in inside if not start <= _start_of(tree, t.head) < end), None)


def _start_of(tree: TokenTree, index: int) -> int:
    token = tree.token(index)
    return -1 if token is None else token.start


class DatedEvent(Protocol):
    """What ``date_reports`` reads of an event."""

    @property
    def date(self) -> str: ...

    @property
    def documents(self) -> Sequence[str]: ...


def date_reports(
    documents: Sequence[ParsedArticle], events: Sequence[DatedEvent]
) -> dict[str, set[str]]:
    """For each date, the documents that report it.

    The dates are those of the events (ISO, cut to their granularity) and the
    days the documents were published on. A document reports a date if it was
    published on it (within it, for a week or a month), or if it mentions it
    and was published on or after it, or at an unknown date: what an article
    announces in advance has not happened when it is written.
    """
    published = {doc.id: doc.article.published for doc in documents}
    on_day: dict[dt.date, set[str]] = {}
    for doc in documents:
        date = doc.article.published
        if date is not None and date.granularity == "day":
            on_day.setdefault(date.value, set()).add(doc.id)
    found = {day.isoformat(): set(ids) for day, ids in on_day.items()}
    for e in events:
        parsed = date_of(e.date)
        if parsed is None:
            continue
        first, granularity = parsed
        if e.date not in found:
            found[e.date] = set()
            day, last = first, _last_day(first, granularity)
            while day <= last:
                found[e.date] |= on_day.get(day, set())
                day += dt.timedelta(days=1)
        reporting = found[e.date]
        for doc_id in e.documents:
            date = published.get(doc_id)
            if date is None or _last_day(date.value, date.granularity) >= first:
                reporting.add(doc_id)
    return found


def _last_day(first: dt.date, granularity: Granularity) -> dt.date:
    if granularity == "week":
        return first + dt.timedelta(days=6)
    if granularity == "month":
        following = dt.date(first.year + first.month // 12, first.month % 12 + 1, 1)
        return following - dt.timedelta(days=1)
    if granularity == "year":
        return dt.date(first.year, 12, 31)
    return first


_ENDS_SENTENCE = re.compile(r"""[.!?]["'”’)]*$""")


def event_sentence(doc: ParsedArticle, sentence: Sentence) -> Sentence:
    """The sentence as an event reads: whole, without the dateline that opens it.

    Where the splitter cut a sentence at an abbreviation ("... by Sheik" |
    "Moaz al-Khatib ..."), the pieces that follow in the paragraph join it
    until one ends as a sentence does. The span stays one span of the text.
    """
    text = doc.article.text
    following = iter(doc.sentences[sentence.index + 1 :])
    end = sentence.end
    for _ in range(MAX_JOINED_PIECES):
        if _ENDS_SENTENCE.search(text[sentence.start : end].rstrip()):
            break
        after = next(following, None)
        if after is None or "\n" in text[end : after.start]:
            break
        end = after.end
    joined = replace(sentence, end=end, text=text[sentence.start : end])
    return without_dateline(doc, joined)


def _merge(events: list[_Candidate]) -> list[_Candidate]:
    """One event per (date, matching sentences); one entry per sentence and date.

    Each event gets ``central``: the mean cosine of its sentence with all the
    sentences dated the same (itself included).
    """
    unique: dict[tuple[str, str, int], _Candidate] = {}
    for c in events:
        unique.setdefault((c.event.date, c.event.doc_id, c.event.start), c)
    events = list(unique.values())
    if len(events) < 2:
        return events
    found = tfidf([c.event.text for c in events], EVENT_SENTENCES)
    if found is None:
        return events
    similarity = cosine(found.matrix)
    same_date: dict[str, list[int]] = {}
    for i, c in enumerate(events):
        same_date.setdefault(c.event.date, []).append(i)
    for rows in same_date.values():
        for i in rows:
            events[i].central = float(similarity[i, rows].mean())
    merged: list[_Candidate] = []
    taken: set[int] = set()
    for i, c in enumerate(events):
        if i in taken:
            continue
        group = _Candidate(c.event, c.day, c.central, [c], c.clause)
        for j in range(i + 1, len(events)):
            other = events[j].event
            if (
                j not in taken
                and other.date == c.event.date
                and other.doc_id not in group.event.documents
                and similarity[i, j] >= SAME_EVENT
            ):
                group.event = replace(group.event, documents=(*group.event.documents, other.doc_id))
                group.members.append(events[j])
                taken.add(j)
        merged.append(group)
    return merged
