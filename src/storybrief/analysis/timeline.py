"""When things happened: the timeline of dated events.

Method (``timeline.v10``):

- Every document's temporal expressions are normalised (``storybrief.analysis.timex``)
  against its publication date when that is known to the day (stated, or
  estimated by ``storybrief.analysis.dates``).
- Each sentence holding a date resolved to a day, week, month or year (a
  season counts as its year; never a reference like "now" or a duration) is a
  timeline event, dated by that expression. A year is no event in a document
  of that year ("this year", "in 2024" in 2024), whose month or day says more.
  Events of the same date whose sentences match (TF-IDF cosine ≥
  ``SAME_EVENT``) are one event with all the documents that report it.
  Headlines and captions are not events; undated events are not placed.
- A sentence with several dates is the event of its main clause, dated by
  the date closest to its root ("Tanzania charged two men on Monday over the
  bombing on Aug. 7": Monday; a date that qualifies a noun, "Friday's
  scenes", counts as far from it); each other date dates the clause it sits in,
  an event that reads as that clause ("over the bombing on Aug. 7").
  The whole sentence is dated only by a date of its main clause (since
  timeline.v5): a date in a relative or adverbial clause ("Ahmed's life
  paralleled that of el Hage, who was indicted last week") or one that
  qualifies a noun ("the 1988 bombing") dates that clause or phrase alone; a
  "when" clause dates the clause it qualifies. When the main clause's date
  cannot be resolved (no publication day to count "Monday" from), the sentence
  stays undated and only its other clauses are placed. A date between "the"
  and a common noun ("the March 26 balloting") qualifies the noun however the
  parser attached it.
- A sentence whose main clause reports speech is the event it reports
  (since timeline.v6): "Younis told CNN Wednesday that he resigned Monday"
  is the resignation, Monday, and the telling is no event of its own. Not
  when the reported date qualifies a noun ("announced Wednesday that Putin
  won the March 26 election") or is still to come ("Trump will travel to the
  UK in July, the White House confirmed Thursday"): then what happened is the
  saying, and the plan's date dates its clause.
  An event reads as a whole sentence (pieces the splitter cut at an
  abbreviation are joined back) without the dateline that opens it, and
  without a coordinated clause that closes it with a date of its own
  (since timeline.v7): "Pinochet ruled from 1973 until 1990 but remained army
  commander until last March" is "Pinochet ruled from 1973 until 1990" in
  1973, and its other clause, in March, another event (or none, when "last
  March" cannot be resolved). Likewise without a phrase or adverbial clause
  that opens it, set off by a comma, with a date of its own (since
  timeline.v8): "According to a complaint filed Sept. 17, Fazil rented the
  house from May to August" is "Fazil rented the house from May to August",
  and the complaint is the event of Sept. 17. A phrase that closes the
  sentence stays in it (there a comma as often ends an apposition).
- A count of days or weeks before or after a clause dates that clause from
  the day of the clause it qualifies (since timeline.v7): "The intervention
  comes two days after the Security Council passed a resolution" dates the
  resolution two days before the intervention. That day is one its own clause
  states, or, for a report that something "comes" or "follows" (present
  tense), the publication day (an estimate). A vague span ("nearly two
  weeks") or a clause with a date of its own dates nothing this way.
- An event is dated as an estimate (``estimated``) when its date counts from
  an estimated publication date, from an assumed publication day (above), or
  from an expression that says it is approximate ("more than a week ago").
- An event is ``expected`` (since timeline.v9) when it was still to come as every
  document that reports it tells it: its date says when its clause's verb happens
  (not a thing of a noun phrase: "the bombing on Dec. 21, 1988") and that verb is in
  the future ("will go on line in 2002", "is expected to last into 1999", "is
  scheduled for Dec. 18") or the date is after the document's stated publication
  day. One document telling of it after the fact makes it something that happened.
  Renderings mark it "(expected)": a plan or a forecast, not an event. A date with no
  words of its own ("1941" on a line) or a short label ending in a colon ("2010 U.S.
  Release Date:", "1956 Sinai campaign:") is no event.
- A date in an aside (between two dashes, or in parentheses) dates the aside,
  never the sentence: "Libya -- ruled by Gadhafi since 1969 -- is not Egypt"
  is no event of 1969; "ruled by Gadhafi since 1969" is.
- A week is printed as the ISO 8601 interval of its days
  (``2011-03-28/2011-04-03``), which reads and sorts with days and months.
- Each event says how many documents report its date (``reports``): those
  published on it, and those that mention it and were published on or after
  it (or whose publication date is unknown). A mention made in advance ("the
  vote on Friday") is not a report that it happened. On Timeline17 this count
  ranks the days of the gold timelines better than publication counts or
  mentions alone (benchmarks/timeline.py). Its ``weight`` (since timeline.v10)
  counts each of those documents by how close it is to the story (the cosine of
  its content words with the mean of the cluster's): a page that tells another
  story and names it in passing weighs little. The dates that weigh most are the
  key events of a long timeline.
- Within a date, the event that best stands for it comes first: one that a
  document reports after the fact (not announced in advance), then a whole
  sentence before a clause (since timeline.v4), then the one
  most documents report, then the one closest to all that date's sentences
  (mean TF-IDF cosine). Renderings of a long timeline show the first event of
  each of the dates that weigh most, so one busy month cannot fill them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Protocol

from storybrief.analysis.similarity import (
    CONTENT_WORDS,
    EVENT_SENTENCES,
    centrality,
    cosine,
    tfidf,
)
from storybrief.analysis.summarize import MAX_WORDS, without_dateline
from storybrief.analysis.timex import Timex, anchor_day, document_timexes, tense_of
from storybrief.lexicon import INDIRECT_SPEECH_VERBS
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
    last_day,
)
from storybrief.text import find_dateline

METHOD = "timeline.v10"
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
        # Relative expressions count from the day the copy was filed (its publication
        # day, or its dateline's day just before it), never from a coarser date.
        anchor = anchor_day(doc)
        title = doc.article.title
        title_end = title.evidence.end if title and title.evidence.location == "text" else None
        # A sentence is an event dated by the date of its main clause ("Tanzania
        # charged two men on Monday over the bombing on Aug. 7": the charging,
        # Monday); a date of another clause dates that clause ("the bombing on
        # Aug. 7"), an event of its own that reads as the clause.
        dated: dict[int, list[tuple[int, Timex, tuple[dt.date, Granularity] | None, Sentence]]] = {}
        offsets: list[Timex] = []
        for timex in document_timexes(doc, anchor):
            if timex.type == "DURATION":
                offsets.append(timex)
            if timex.type not in ("DATE", "TIME"):
                continue
            parsed = calendar_date(timex.value)
            if (
                parsed is not None
                and parsed[1] == "year"
                and published is not None
                and parsed[0].year == published.value.year
            ):
                continue  # "this year", "in 2024" in 2024: its month or day dates it, if any
            # A weekday or month left unresolved (no publication day to count from)
            # still tells which clause is the sentence's main one.
            if parsed is None and not (timex.relative and timex.value is None):
                continue
            sentence = doc.tree.sentence_at(timex.start)
            if sentence is None or (title_end is not None and sentence.start < title_end):
                continue
            if any(s <= sentence.start < e for s, e in doc.article.captions):
                continue
            depth = clause_depth(doc.tree, timex.start, timex.end)
            if in_aside(doc.article.text, sentence, timex.start):
                depth += _QUALIFIER  # "Libya -- ruled by Gadhafi since 1969 -- is not Egypt"
            dated.setdefault(sentence.start, []).append((depth, timex, parsed, sentence))
        for found in dated.values():
            saying = min(found, key=lambda f: f[0])
            main = _reported(doc.tree, saying, found)
            whole = event_sentence(doc, main[3])
            # The whole sentence is dated only by a date of its main clause: "Ahmed's
            # life paralleled that of el Hage, who was indicted last week" is not
            # an event of last week; its relative clause is.
            dates_whole = (
                main[2] is not None
                and in_main_clause(doc.tree, main[1].start, main[1].end)
                and not in_aside(doc.article.text, main[3], main[1].start)
            )
            # "Pinochet ruled from 1973 until 1990 but remained army commander until
            # last March": a coordinated clause with a date of its own is another
            # event; the sentence's event reads without it.
            own = without_dated_edges(doc, whole, main[1], [f[1] for f in found])
            for _depth, timex, parsed, sentence in found:
                if parsed is None:
                    continue  # unknown stays unknown: its clause is not dated by another's date
                if timex is saying[1] and main is not saying:
                    continue  # the date of the saying: the sentence is what was said
                if timex is main[1] and dates_whole:
                    sentence = own
                elif parsed == main[2] and dates_whole:
                    continue  # the main clause's date already dates the sentence
                elif (aside := aside_of(doc.article.text, whole, timex.start)) is not None:
                    # "-- ruled by Gadhafi since 1969 --": the aside is the event.
                    sentence = replace(
                        whole, start=aside[0], end=aside[1], text=doc.article.text[slice(*aside)]
                    )
                else:
                    elsewhere = [(t.start, t.end) for _, t, p, _ in found if p != parsed]
                    sentence = clause_of(doc, timex, whole, elsewhere)
                if len(sentence.text.split()) > MAX_EVENT_WORDS:
                    continue
                if not _tells(doc.article.text, sentence, timex):
                    continue  # "1941", "2010 U.S. Release Date:": a date with no event
                day, granularity = parsed
                expected = _dates_a_verb(doc.tree, timex.start, timex.end) and (
                    tense_of(doc.tree, timex.start, timex.end) == "future"
                    or (
                        published is not None
                        and not published.estimated
                        and day > last_day(published.value, published.granularity)
                    )
                )
                event = TimelineEvent(
                    date=iso_date(day, granularity),
                    granularity=granularity,
                    # An estimate: counted from an estimated publication date, or
                    # from an expression that says it is approximate ("more than a
                    # week ago", "about two weeks ago").
                    estimated=(bool(published and published.estimated) and timex.relative)
                    or (timex.relative and timex.mod in _APPROXIMATE),
                    text=sentence.text,
                    doc_id=doc.id,
                    start=sentence.start,
                    end=sentence.end,
                    timex=TimexRef(timex.text, timex.start, timex.end),
                    documents=(doc.id,),
                    reports=0,
                    expected=expected,
                )
                events.append(
                    _Candidate(
                        event,
                        day,
                        clause=(sentence.start, sentence.end) != (whole.start, whole.end),
                    )
                )
        for timex in offsets:
            if (offset := offset_event(doc, timex, dated, anchor, title_end)) is not None:
                events.append(offset)
    merged = _merge(events)
    reports = date_reports(documents, [c.event for c in merged])
    weights = _weigh(reports, story_closeness(documents))
    for c in merged:
        # A merged event reads as the sentence of a document that reports it
        # after the fact, a whole sentence rather than a clause, the one closest
        # to the date's other sentences.
        lead = min(
            c.members or [c],
            key=lambda m: (m.event.doc_id not in reports[c.event.date], m.clause, -m.central),
        )
        others = [d for d in c.event.documents if d != lead.event.doc_id]
        c.event = replace(lead.event, documents=(lead.event.doc_id, *others))
        c.day, c.central, c.clause = lead.day, lead.central, lead.clause
    merged.sort(
        key=lambda c: (
            c.day,
            c.event.granularity != "day",
            c.event.date,
            # The event that stands for its date first: reported after the fact,
            # a whole sentence, by the most documents, closest to the date's other
            # sentences.
            not set(c.event.documents) & reports[c.event.date],
            c.clause,
            -len(c.event.documents),
            -c.central,
            c.event.doc_id,
            c.event.start,
        )
    )
    return tuple(
        replace(
            c.event,
            reports=len(reports[c.event.date]),
            weight=weights[c.event.date],
            # Something that happened once any of its documents tells of it so.
            expected=all(m.event.expected for m in c.members or [c]),
        )
        for c in merged
    )


#: TIMEX3 modifiers of a count that is not exact ("about", "more than", "almost").
_APPROXIMATE = frozenset(("APPROX", "MORE_THAN", "LESS_THAN"))
_OFFSET = re.compile(r"P(\d+)([DW])")
#: Verbs whose present tense in a news report tells of the day it is written
#: ("The intervention comes two days after ...").
_NEWS_NOW = frozenset(("come", "follow"))


def offset_event(
    doc: ParsedArticle,
    timex: Timex,
    dated: dict[int, list[tuple[int, Timex, tuple[dt.date, Granularity] | None, Sentence]]],
    anchor: dt.date | None,
    title_end: int | None,
) -> _Candidate | None:
    """The event a span of days before or after a dated clause dates.

    "The intervention comes two days after the Security Council passed a
    resolution": the resolution was passed two days before the clause that
    governs it. That clause's day is a day its own clause states, or, for a
    report that something "comes" or "follows" (present tense), the day the
    document was published (an estimate). Counted in days and weeks only; a
    vaguer span ("months after") dates nothing, and neither does a clause whose
    day is unknown, nor a span that is not exact ("nearly two weeks after"), nor
    a clause with a date of its own ("10 weeks before the March 26 election").
    """
    tree = doc.tree
    # "nearly two weeks after": a count of days only when it is exact.
    m = _OFFSET.fullmatch(timex.value or "") if timex.mod is None else None
    after = tree.between(timex.end, timex.end + 8)
    if m is None or not after or after[0].text.lower() not in ("after", "before"):
        return None
    word = after[0]
    sentence = tree.sentence_at(timex.start)
    if sentence is None or (title_end is not None and sentence.start < title_end):
        return None
    if any(s <= sentence.start < e for s, e in doc.article.captions):
        return None
    # "after the Council passed ...": the clause it opens, and the clause that clause qualifies.
    if word.dep == "mark":
        clause = tree.token(word.head)
        governor = None if clause is None else tree.token(clause.head)
    elif word.dep == "prep":
        clause, governor = word, tree.token(word.head)
    else:
        return None
    if clause is None or governor is None or governor.pos not in ("VERB", "AUX"):
        return None
    tokens = _subtree(tree, clause)
    low, high = min(t.start for t in tokens), min(max(t.end for t in tokens), sentence.end)
    found = dated.get(sentence.start, [])
    if any(low <= other.start < high for _d, other, _p, _s in found):
        return None  # "10 weeks before the March 26 election": the clause has a date of its own
    base: dt.date | None = None
    estimated = False
    for _depth, other, parsed, _s in found:
        if (
            parsed is not None
            and parsed[1] == "day"
            and _verb_of(tree, other.start, other.end) is governor
        ):
            base = parsed[0]
            break
    present = governor.tag in ("VBZ", "VBP")
    if base is None and anchor is not None and present and governor.lemma.lower() in _NEWS_NOW:
        base, estimated = anchor, True
    if base is None:
        return None
    days = int(m[1]) * (7 if m[2] == "W" else 1)
    day = base + dt.timedelta(days=-days if word.text.lower() == "after" else days)
    end = high
    text = doc.article.text[timex.start : end]
    if len(text.split()) > MAX_EVENT_WORDS:
        return None
    event = TimelineEvent(
        date=iso_date(day, "day"),
        granularity="day",
        estimated=estimated or bool(doc.article.published and doc.article.published.estimated),
        text=text,
        doc_id=doc.id,
        start=timex.start,
        end=end,
        timex=TimexRef(timex.text, timex.start, timex.end),
        documents=(doc.id,),
        reports=0,
    )
    return _Candidate(event, day, clause=True)


#: The clauses a date in them dates apart from the sentence's main clause.
_CLAUSES = frozenset(("relcl", "acl", "advcl", "ccomp", "xcomp", "conj", "pcomp", "csubj"))


_SEASON = re.compile(r"(\d{4})-(?:SP|SU|FA)")


def calendar_date(value: str | None) -> tuple[dt.date, Granularity] | None:
    """The calendar period a timeline event is dated by: a day, week, month or year.

    A season ("next summer") dates its event to its year; winter, which
    straddles two years, does not date it.
    """
    if value and (m := _SEASON.fullmatch(value)):
        return dt.date(int(m[1]), 1, 1), "year"
    return date_of(value)


def clause_of(
    doc: ParsedArticle,
    timex: Timex,
    sentence: Sentence,
    others: Sequence[tuple[int, int]] = (),
) -> Sentence:
    """The part of a sentence a date of a subordinate clause dates.

    The clause the date belongs to ("adding that further evacuations would take
    place Thursday"), with the noun a relative clause tells of ("an operation
    that started Monday") or the preposition that opens it ("before dying
    January 4"); for a date in a phrase of the main clause, the phrase ("with
    the bombing of the embassy on Aug. 7"). An infinitive reads with the clause
    that governs it ("declined to comment on Thursday night"), unless that
    clause holds one of the ``others`` (spans of the sentence's other dates).
    The whole sentence when none is found.
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
    clauses = [t for t in path if t.pos in ("VERB", "AUX") and t.dep in _CLAUSES]
    infinitive = next((t for t in clauses if t.dep == "xcomp"), None)
    top = next((t for t in clauses if t.dep != "xcomp"), infinitive)
    if top is not None and infinitive is not None and top is not infinitive:
        tokens = _subtree(tree, top)
        low, high = min(t.start for t in tokens), max(t.end for t in tokens)
        if any(low <= start < high for start, _end in others):
            top = infinitive
    if top is not None and top.dep in ("relcl", "acl", "pcomp"):
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


def without_dated_edges(
    doc: ParsedArticle, sentence: Sentence, timex: Timex, dates: Sequence[Timex]
) -> Sentence:
    """The sentence without the parts at its edges that hold a date of their own.

    Two kinds of part are cut, each an event of its own dated by its date:

    - a coordinated clause that closes the sentence: "Pinochet ruled from 1973
      until 1990 but remained army commander until last March" is, in 1973,
      "Pinochet ruled from 1973 until 1990" (with the conjunction and
      punctuation before the clause cut too);
    - a phrase or adverbial clause of the main verb that opens the sentence,
      set off by a comma ("According to a complaint filed Sept. 17, Fazil
      rented the house from May to August"; "Two days after the bombing on
      Aug. 7, police arrested two men on Aug. 9"). One that closes it stays:
      a comma there as often ends an apposition, and what follows is often
      what the main clause says ("used the privileges of incumbency Friday,
      dominating the news with his promise ... starting April 1").

    The span stays one span of the text; a part that holds the date itself
    (``timex``) is kept, and an opening part is kept when the main verb's
    subject would go with it (a misparse would leave a clause without its
    subject).
    """
    tree = doc.tree
    verb = _verb_of(tree, timex.start, timex.end)
    if verb is None:
        return sentence
    text = doc.article.text
    begin, cut = sentence.start, sentence.end
    children = tree.children(verb)
    for child in children:
        adjunct = child.dep in _EDGE_ADJUNCTS
        if not adjunct and not (child.dep == "conj" and child.pos in ("VERB", "AUX")):
            continue
        tokens = _subtree(tree, child)
        low, high = min(t.start for t in tokens), max(t.end for t in tokens)
        holds_date = any(
            low <= t.start < high and t.value != timex.value for t in dates if t is not timex
        )
        if not holds_date or low <= timex.start < high:
            continue
        closes = text[high : sentence.end].strip(" .!?\"'”’)") == ""
        if closes and not adjunct and low > sentence.start:
            cut = min(cut, low)
            continue
        opens = text[sentence.start : low].strip(" \"'“‘(") == ""
        if (
            adjunct
            and opens
            and text[high:cut].lstrip().startswith(",")
            and any(c.dep in _SUBJECTS and c.start >= high for c in children)
        ):
            begin = max(begin, high)
    if (begin, cut) == (sentence.start, sentence.end):
        return sentence
    kept = list(tree.between(begin, cut))
    while kept and kept[0].pos == "PUNCT":
        kept.pop(0)
    while cut < sentence.end and kept and (kept[-1].dep == "cc" or kept[-1].pos == "PUNCT"):
        kept.pop()
    if not kept:
        return sentence
    begin, end = kept[0].start, (kept[-1].end if cut < sentence.end else sentence.end)
    return replace(sentence, start=begin, end=end, text=text[begin:end])


#: Phrases and clauses of a verb that can stand apart from it at a sentence's edge.
_EDGE_ADJUNCTS = frozenset(("prep", "advcl", "npadvmod"))
#: The dependents that are a clause's subject.
_SUBJECTS = frozenset(("nsubj", "nsubjpass", "expl", "csubj", "csubjpass"))


def _subtree(tree: TokenTree, top: Token) -> list[Token]:
    out, todo = [top], [top]
    while todo and len(out) < 10 * _MAX_DEPTH:
        for child in tree.children(todo.pop()):
            if child.index != top.index:
                out.append(child)
                todo.append(child)
    return out


#: The clauses whose date is not the date of the sentence they sit in.
_SUBORDINATE = frozenset(("relcl", "acl", "advcl", "csubj", "pcomp"))
#: Verbs whose clause complement is the news they report ("said Tuesday that
#: it had suspended flights through September").
_REPORTING = INDIRECT_SPEECH_VERBS | frozenset(("confirm", "report", "reveal", "disclose"))

_Found = tuple[int, Timex, tuple[dt.date, Granularity] | None, Sentence]


def _reported(tree: TokenTree, main: _Found, found: list[_Found]) -> _Found:
    """The date that dates a sentence whose main clause reports speech.

    When the main clause's date dates the saying ("Younis told CNN Wednesday
    that he resigned Monday", "pensions will rise as of Feb. 1, Putin said
    Tuesday") and the reported clause holds a date of its own, the sentence is
    the event it reports, dated by that clause's date (the shallowest one
    there), and the saying is no event of its own. A date that qualifies a
    noun of the reported clause ("announced Wednesday that Putin won the March
    26 election") tells when that thing was, not the news, and a date still to
    come ("Trump will travel to the UK in July, the White House confirmed
    Thursday") is a plan: what happened is the saying, whose date stays (the
    plan's date dates its clause).
    """
    verb = _verb_of(tree, main[1].start, main[1].end)
    if verb is None or verb.lemma.lower() not in _REPORTING:
        return main
    reported = [c for c in tree.children(verb) if c.dep == "ccomp"]
    if not reported:
        return main
    subtrees = [tree.subtree(c) for c in reported]
    spans = [(min(t.start for t in sub), max(t.end for t in sub)) for sub in subtrees]
    inside = [
        f
        for f in found
        if f[2] is not None
        and f[1] is not main[1]
        and f[0] < _QUALIFIER
        and tense_of(tree, f[1].start, f[1].end) != "future"
        and any(s <= f[1].start and f[1].end <= e for s, e in spans)
    ]
    return min(inside, key=lambda f: f[0]) if inside else main


def _verb_of(tree: TokenTree, start: int, end: int) -> Token | None:
    """The nearest verb above a span (the clause it dates)."""
    token = _span_head(tree, start, end)
    steps = 0
    while token is not None and steps < _MAX_DEPTH:
        if token.pos in ("VERB", "AUX"):
            return token
        if token.head == token.index:
            return None
        token = tree.token(token.head)
        steps += 1
    return None


def in_main_clause(tree: TokenTree, start: int, end: int) -> bool:
    """Whether a span dates its sentence's main clause.

    Not when it qualifies a noun ("the 1988 bombing"; a possessive does date
    the clause of its noun: "Thursday's session lasted nine hours") or
    sits in a relative, adverbial or other subordinate clause ("who was
    indicted last week", "while living in Kenya from 1994"); a "when" clause
    dates the clause it qualifies ("was named acting president when Yeltsin
    resigned on Dec. 31"). A reported clause
    ("officials said the lenders would close until Wednesday") and an
    infinitive one ("due to be stood down tonight", "made up his mind to step
    down Thursday night") are the main clause's.
    """
    token = _span_head(tree, start, end)
    # "Thursday's session lasted nine hours": a possessive dates its noun's clause.
    if token is not None and token.dep in _QUALIFIES and token.dep != "poss":
        return False
    steps = 0
    while token is not None and token.head != token.index and steps < _MAX_DEPTH:
        if (
            token.dep in _SUBORDINATE
            and token.pos in ("VERB", "AUX")
            and not _when(tree, token)
            and not _infinitive(tree, token)
        ):
            return False
        token = tree.token(token.head)
        steps += 1
    return True


_ASIDE = re.compile(r"\s(?:--|—|–)\s(.+?)\s(?:--|—|–)\s|\(([^()]*)\)")


def in_aside(text: str, sentence: Sentence, offset: int) -> bool:
    """Whether an offset lies in an aside of its sentence: between two dashes
    ("Libya -- ruled by Gadhafi since 1969 -- is not Egypt") or in parentheses.
    An aside's date tells of the aside, not of the sentence's event."""
    return aside_of(text, sentence, offset) is not None


def aside_of(text: str, sentence: Sentence, offset: int) -> tuple[int, int] | None:
    """The span of the aside an offset lies in (its words, without the dashes or
    parentheses), if it lies in one."""
    # A dateline's dash ("Tripoli (CNN) -- ") opens no aside.
    dateline = find_dateline(sentence.text, glued=True)
    begin = sentence.start + (dateline.end if dateline is not None and dateline.start == 0 else 0)
    for m in _ASIDE.finditer(text, begin, sentence.end):
        group = 1 if m.group(1) is not None else 2
        if m.start(group) <= offset < m.end(group):
            return m.start(group), m.end(group)
    return None


def _infinitive(tree: TokenTree, verb: Token) -> bool:
    """Whether a clause is an infinitive with no subject of its own ("made up his
    mind to step down Thursday night"): it tells of its governing clause's event."""
    children = tree.children(verb)
    return any(c.dep == "aux" and c.text.lower() == "to" for c in children) and not any(
        c.dep in ("nsubj", "nsubjpass", "csubj") for c in children
    )


def _when(tree: TokenTree, verb: Token) -> bool:
    """Whether a clause is a "when" clause, which dates the clause it qualifies."""
    return verb.dep == "advcl" and any(
        c.text.lower() == "when" and c.dep in ("advmod", "mark") for c in tree.children(verb)
    )


def clause_depth(tree: TokenTree, start: int, end: int) -> int:
    """How many steps up the tree the span's head is from its sentence's root."""
    token = _span_head(tree, start, end)
    # "Friday's scenes", "the Aug. 7 bombing": a date that qualifies a noun
    # tells when that thing was, not when the clause's event is.
    qualifies = token is not None and (token.dep in _QUALIFIES or _before_noun(tree, start, end))
    depth = _QUALIFIER if qualifies else 0
    while token is not None and token.head != token.index and depth < _MAX_DEPTH:
        token = tree.token(token.head)
        depth += 1
    return depth


_MAX_DEPTH = 64
_QUALIFIES = frozenset(("poss", "compound", "amod", "nmod", "nummod"))
#: Judgement call: a date that qualifies a noun counts as this many steps deeper.
_QUALIFIER = 8


def _before_noun(tree: TokenTree, start: int, end: int) -> bool:
    """Whether a date stands between "the" and a common noun ("in the March 26
    balloting"), which it qualifies however the parser attached it."""
    inside = tree.between(start, end)
    if not inside:
        return False
    before = tree.token(inside[0].index - 1)
    after = tree.token(inside[-1].index + 1)
    return (
        before is not None
        and before.text.lower() == "the"
        and after is not None
        and after.text.islower()
        and after.pos in ("NOUN", "VERB")
    )


#: Judgement call (timeline.v9): a label ending in a colon ("2010 U.S. Release Date:",
#: "1956 Sinai campaign:") with fewer words than this besides its date is no event.
MIN_LABEL_WORDS = 4
_LETTERS = re.compile(r"[^\W\d_]{2,}")


def _tells(text: str, sentence: Sentence, timex: Timex) -> bool:
    """Whether an event's text holds words of its own besides its date: "1941" alone, a
    credits box's "2010 U.S. Release Date:" or a chronology's "1984-90:" do not."""
    before = text[sentence.start : max(sentence.start, timex.start)]
    after = text[min(sentence.end, timex.end) : sentence.end]
    words = _LETTERS.findall(before + " " + after)
    return bool(words) and not (after.rstrip().endswith(":") and len(words) < MIN_LABEL_WORDS)


def _dates_a_verb(tree: TokenTree, start: int, end: int) -> bool:
    """Whether a date says when its clause's verb happens, not when a thing of a noun
    phrase did ("will go on line in 2002", not "to try the suspects of the bombing on
    Dec. 21, 1988" nor "the years from 1960 to 1994")."""
    token = _span_head(tree, start, end)
    for _ in range(_MAX_DEPTH):
        if token is None or token.head == token.index:
            return False
        token = tree.token(token.head)
        if token is None:
            return False
        if token.pos in ("VERB", "AUX"):
            return True
        if token.pos in ("NOUN", "PROPN"):
            return False
    return False


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
            day, last = first, last_day(first, granularity)
            # A year is reported by those that mention it, not by all published in it.
            while day <= last and granularity != "year":
                found[e.date] |= on_day.get(day, set())
                day += dt.timedelta(days=1)
        reporting = found[e.date]
        for doc_id in e.documents:
            date = published.get(doc_id)
            if date is None or last_day(date.value, date.granularity) >= first:
                reporting.add(doc_id)
    return found


def story_closeness(documents: Sequence[ParsedArticle]) -> dict[str, float]:
    """How close each document is to the story its cluster tells, from 0 to 1.

    The cosine of the document's words (TF-IDF of content words) with the mean of
    all the documents': a market report that names the country once is far from a
    cluster of reports on its uprising. Every document is 1.0 when none has a word
    to compare.
    """
    found = tfidf([d.article.text for d in documents], CONTENT_WORDS)
    if found is None:
        return {d.id: 1.0 for d in documents}
    return {
        d.id: max(0.0, float(c)) for d, c in zip(documents, centrality(found.matrix), strict=True)
    }


def date_weights(
    documents: Sequence[ParsedArticle], events: Sequence[DatedEvent]
) -> dict[str, float]:
    """For each date, how much the documents report it (``date_reports``), each
    document counted by its closeness to the story (``story_closeness``)."""
    return _weigh(date_reports(documents, events), story_closeness(documents))


def _weigh(reports: dict[str, set[str]], closeness: dict[str, float]) -> dict[str, float]:
    return {
        date: round(sum(closeness.get(d, 0.0) for d in ids), 3) for date, ids in reports.items()
    }


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
