"""What only the HTML report needs: cited spans in the document texts, links, and charts.

Every statement the report shows links to ``#s-<doc>-<start>-<end>``: the span
of the document text that carries it. The document texts are cut at every
span boundary into segments that name the spans they belong to, so the page
can highlight a span (a small inline script on navigation) and, with scripts
off, the link still lands on an anchor at the span's start.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import combinations, pairwise

from storybrief.model import Brief, TimelineEvent, date_of
from storybrief.render.view import (
    BriefView,
    build_view,
    date_period,
    key_event_indexes,
    shown_claims,
    story_start,
)

Link = tuple[int, str]  # (document number, span id)


def span_id(doc_id: str, start: int, end: int) -> str:
    return f"s-{doc_id}-{start}-{end}"


@dataclass(frozen=True, slots=True)
class Segment:
    text: str
    #: Span ids this piece of text belongs to ("" for plain text).
    spans: str
    #: Span ids that start here (anchors for navigation without scripts).
    anchors: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ChartPoint:
    x: float
    y: float
    r: float
    date: str
    label: str
    href: str


@dataclass(frozen=True, slots=True)
class GraphNode:
    x: float
    y: float
    r: float
    name: str
    id: str
    #: Its name as drawn (cut to ``GRAPH_LABEL``), outside the ring, anchored away from it.
    label: str = ""
    label_x: float = 0.0
    label_y: float = 0.0
    anchor: str = "middle"


@dataclass(frozen=True, slots=True)
class GraphEdge:
    x1: float
    y1: float
    x2: float
    y2: float
    width: float
    title: str


@dataclass(frozen=True, slots=True)
class EventFacets:
    """What the timeline's filters read off an event (``data-*`` attributes of its row)."""

    #: First and last day of the period its date names (ISO; "" when it names none).
    first: str
    last: str
    #: Ids of the entities named in its sentence, space-separated.
    entities: str


@dataclass(frozen=True, slots=True)
class OverlapPair:
    """Two documents that share content, numbered, with each one's share in the other."""

    a: int
    b: int
    #: Rounded percentages: of a's sentences that b also carries, and of b's that a carries.
    a_in_b: int
    b_in_a: int


@dataclass(frozen=True, slots=True)
class TopItems:
    """How many items of a long section the report shows before its "show all".

    Judgement calls, set on the 50-article Timeline17 brief (tests/browser/
    test_report_size.py): with these its report up to the documents is 6.6
    screens of 1400x900 (the acceptance of #23 is at most 12; it was 49 with
    every item shown), and each section's first items are what a reader needs
    first (key events, the most named, the most quoted).
    """

    timeline: int = 12
    names: int = 4  # per group of "Who and what"
    speakers: int = 5
    quotes: int = 2  # per speaker shown
    claims: int = 6
    sources: int = 10
    pairs: int = 8
    reuse: int = 5
    passages: int = 8  # of an update and of its background
    episodes: int = 1
    #: Document numbers listed for an entity before "and N more".
    documents: int = 8
    #: Entities offered by the timeline's filter.
    filter_entities: int = 40


TOP = TopItems()


@dataclass(frozen=True, slots=True)
class Report:
    segments: Mapping[str, tuple[Segment, ...]]
    summary: tuple[tuple[Link, ...], ...]
    quotes: Mapping[str, tuple[Link, ...]]  # quote text + doc -> links
    timeline: tuple[tuple[Link, ...], ...]
    claims: tuple[tuple[Link, ...], ...]
    contributions: Mapping[str, tuple[Link, ...]]
    chart: tuple[ChartPoint, ...]
    chart_ticks: tuple[tuple[float, str], ...]
    graph_nodes: tuple[GraphNode, ...]
    graph_edges: tuple[GraphEdge, ...]
    #: Links of the update's passages and of its background (``Brief.update``).
    update: tuple[tuple[Link, ...], ...] = ()
    background: tuple[tuple[Link, ...], ...] = ()
    #: Positions in the timeline of its key events (``view.key_event_indexes``).
    key_events: tuple[int, ...] = ()
    #: One per timeline event, in timeline order.
    facets: tuple[EventFacets, ...] = ()
    #: Entities the timeline's events name, most mentioned first: (id, name).
    event_entities: tuple[tuple[str, str], ...] = ()
    #: Pairs of documents that share content, most shared first.
    pairs: tuple[OverlapPair, ...] = ()
    top: TopItems = TOP


CHART_WIDTH = 900
CHART_HEIGHT = 120
GRAPH_WIDTH = 560
GRAPH_HEIGHT = 420
#: Labels longer than this are cut (with an ellipsis) so that they stay inside the graph.
GRAPH_LABEL = 24
GRAPH_NODES = 12


def build_report(brief: Brief, view: BriefView | None = None) -> Report:
    if view is None:
        view = build_view(brief)
    number_of = {d.id: n for n, d in enumerate(brief.documents, 1)}
    spans: dict[str, set[tuple[int, int]]] = {d.id: set() for d in brief.documents}

    def link(doc_id: str, start: int, end: int) -> Link:
        spans[doc_id].add((start, end))
        return number_of[doc_id], span_id(doc_id, start, end)

    summary = tuple(
        (
            link(item.doc_id, item.start, item.end),
            *(link(s.doc_id, s.start, s.end) for s in item.support),
        )
        for item in brief.summary
    )
    passages = brief.update.summary if brief.update else ()
    update = tuple(
        (link(p.doc_id, p.start, p.end), *(link(s.doc_id, s.start, s.end) for s in p.support))
        for p in passages
    )
    background = tuple(
        (link(p.doc_id, p.start, p.end),) for p in (brief.update.background if brief.update else ())
    )
    quotes = {q.id: tuple(link(s.doc_id, s.start, s.end) for s in q.sources) for q in brief.quotes}
    timeline = tuple((link(e.doc_id, e.start, e.end),) for e in brief.timeline)
    claims = tuple(
        tuple(
            link(st.doc_id, st.start, st.end)
            for st in sorted(c.statements, key=lambda st: st.time or "~")
        )
        for c in shown_claims(brief.claims)  # row for row with ``view.claims``
    )
    contributions = {
        s.doc_id: tuple(link(s.doc_id, c.start, c.end) for c in s.contributions)
        for s in brief.sources
    }
    segments = {d.id: tuple(_segments(d.article.text, d.id, spans[d.id])) for d in brief.documents}
    chart, ticks = _chart(brief, number_of)
    nodes, edges = _graph(brief)
    facets = _facets(brief)
    return Report(
        key_events=key_event_indexes(view.timeline, TOP.timeline, since=story_start(view)),
        facets=facets,
        event_entities=_event_entities(brief, facets),
        pairs=_pairs(brief, number_of),
        segments=segments,
        summary=summary,
        update=update,
        background=background,
        quotes=quotes,
        timeline=timeline,
        claims=claims,
        contributions=contributions,
        chart=chart,
        chart_ticks=ticks,
        graph_nodes=nodes,
        graph_edges=edges,
    )


def _segments(text: str, doc_id: str, spans: Iterable[tuple[int, int]]) -> Iterable[Segment]:
    ranges = sorted(set(spans))
    cuts = sorted({0, len(text), *(p for r in ranges for p in r)})
    for a, b in pairwise(cuts):
        if a >= b:
            continue
        inside = [span_id(doc_id, s, e) for s, e in ranges if s <= a and b <= e]
        anchors = tuple(span_id(doc_id, s, e) for s, e in ranges if s == a)
        yield Segment(text[a:b], " ".join(inside), anchors)


def _chart(
    brief: Brief, number_of: Mapping[str, int]
) -> tuple[tuple[ChartPoint, ...], tuple[tuple[float, str], ...]]:
    """Timeline events on a date axis: one dot per date, sized by the documents reporting it."""
    by_day: dict[dt.date, list[TimelineEvent]] = {}
    for e in brief.timeline:
        day = _first_day(e.date)
        if day is not None:
            by_day.setdefault(day, []).append(e)
    if not by_day:
        return (), ()
    first, last = min(by_day), max(by_day)
    span = max((last - first).days, 1)
    margin = 30

    def x_of(day: dt.date) -> float:
        return margin + (CHART_WIDTH - 2 * margin) * (day - first).days / span

    points = []
    for day, events in sorted(by_day.items()):
        documents = {d for e in events for d in e.documents}
        top = max(events, key=lambda e: len(e.documents))
        points.append(
            ChartPoint(
                x=round(x_of(day), 1),
                y=CHART_HEIGHT / 2 - 8,
                r=round(4 + 3 * math.sqrt(len(documents)), 1),
                date=top.date,
                label=f"{top.date}: {len(events)} event(s) in {len(documents)} document(s)",
                href="#" + span_id(top.doc_id, top.start, top.end),
            )
        )
    ticks = [(round(x_of(first), 1), first.isoformat())]
    if last != first:
        ticks.append((round(x_of(last), 1), last.isoformat()))
    return tuple(points), tuple(ticks)


def _first_day(value: str) -> dt.date | None:
    parsed = date_of(value)
    return parsed[0] if parsed else None


def _graph(brief: Brief) -> tuple[tuple[GraphNode, ...], tuple[GraphEdge, ...]]:
    """The most mentioned people and organisations, linked when named in one sentence."""
    chosen = [e for e in brief.entities if e.type in ("PERSON", "ORG")][:GRAPH_NODES]
    if len(chosen) < 2:
        return (), ()
    ids = {e.id for e in chosen}
    in_sentence: dict[tuple[str, int], set[str]] = {}
    for d in brief.documents:
        for m in d.mentions:
            if m.entity_id in ids:
                in_sentence.setdefault((d.id, m.sentence), set()).add(m.entity_id)
    pairs: Counter[tuple[str, str]] = Counter()
    for members in in_sentence.values():
        for a, b in combinations(sorted(members), 2):
            pairs[(a, b)] += 1
    centre_x, centre_y = GRAPH_WIDTH / 2, GRAPH_HEIGHT / 2
    radius = GRAPH_HEIGHT / 2 - 70
    position = {}
    nodes = []
    most = max(len(e.mentions) for e in chosen)
    for k, e in enumerate(chosen):
        angle = 2 * math.pi * k / len(chosen) - math.pi / 2
        cos, sin = math.cos(angle), math.sin(angle)
        x, y = centre_x + radius * cos, centre_y + radius * sin
        r = round(5 + 12 * math.sqrt(len(e.mentions) / most), 1)
        position[e.id] = (x, y)
        # The label sits outside the ring, past the node: to its right on the right
        # half, to its left on the left half, above or below it at the top and bottom.
        out = r + 5
        anchor = "start" if cos > 0.25 else "end" if cos < -0.25 else "middle"
        label = e.canonical
        if len(label) > GRAPH_LABEL:
            label = label[: GRAPH_LABEL - 1].rstrip() + "…"
        nodes.append(
            GraphNode(
                round(x, 1),
                round(y, 1),
                r,
                e.canonical,
                e.id,
                label=label,
                label_x=round(x + out * cos, 1),
                label_y=round(y + out * sin + 4 + (7 if sin > 0.9 else 0), 1),
                anchor=anchor,
            )
        )
    names = {e.id: e.canonical for e in chosen}
    strongest = max(pairs.values(), default=1)
    edges = [
        GraphEdge(
            x1=round(position[a][0], 1),
            y1=round(position[a][1], 1),
            x2=round(position[b][0], 1),
            y2=round(position[b][1], 1),
            width=round(1 + 5 * n / strongest, 1),
            title=f"{names[a]} and {names[b]}: named together in {n} sentence(s)",
        )
        for (a, b), n in pairs.most_common()
    ]
    return tuple(nodes), tuple(edges)


def _facets(brief: Brief) -> tuple[EventFacets, ...]:
    """The period and the named entities of each timeline event, for the filters."""
    named: dict[str, list[tuple[int, int, str]]] = {}
    for e in brief.entities:
        for m in e.mentions:
            named.setdefault(m.span.doc_id, []).append((m.span.start, m.span.end, e.id))
    facets = []
    for event in brief.timeline:
        period = date_period(event.date)
        inside = dict.fromkeys(
            entity_id
            for start, end, entity_id in named.get(event.doc_id, ())
            if event.start <= start and end <= event.end
        )
        facets.append(
            EventFacets(
                first=period[0].isoformat() if period else "",
                last=period[1].isoformat() if period else "",
                entities=" ".join(inside),
            )
        )
    return tuple(facets)


def _event_entities(brief: Brief, facets: Iterable[EventFacets]) -> tuple[tuple[str, str], ...]:
    """The entities some timeline event names, most mentioned first (the filter's choices)."""
    used = {entity_id for f in facets for entity_id in f.entities.split()}
    chosen = [(e.id, e.canonical) for e in brief.entities if e.id in used]
    return tuple(chosen[: TOP.filter_entities])


def _pairs(brief: Brief, number_of: Mapping[str, int]) -> tuple[OverlapPair, ...]:
    """Pairs of documents where either carries at least 1% of the other's sentences.

    The N x N grid this replaces was mostly "0%" cells at 50 documents; a list of the
    pairs that share content reads at any size.
    """
    if brief.overlap is None or not brief.overlap.shared:
        return ()
    shared = brief.overlap.shared
    numbers = [number_of[d] for d in brief.overlap.documents]

    def percent(i: int, j: int) -> int:
        value = shared[i][j]
        return 0 if value is None else round(100 * value)

    pairs = [
        OverlapPair(numbers[i], numbers[j], percent(i, j), percent(j, i))
        for i, j in combinations(range(len(numbers)), 2)
        if percent(i, j) or percent(j, i)
    ]
    pairs.sort(key=lambda p: (-max(p.a_in_b, p.b_in_a), -min(p.a_in_b, p.b_in_a), p.a, p.b))
    return tuple(pairs)
