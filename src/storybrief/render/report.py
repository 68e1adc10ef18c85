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


@dataclass(frozen=True, slots=True)
class GraphEdge:
    x1: float
    y1: float
    x2: float
    y2: float
    width: float
    title: str


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
    overlap: tuple[tuple[str, ...], ...]
    #: Links of the update's passages and of its background (``Brief.update``).
    update: tuple[tuple[Link, ...], ...] = ()
    background: tuple[tuple[Link, ...], ...] = ()


CHART_WIDTH = 900
CHART_HEIGHT = 120
GRAPH_SIZE = 420
GRAPH_NODES = 12


def build_report(brief: Brief) -> Report:
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
        for c in brief.claims
        if len(c.documents) > 1
    )
    contributions = {
        s.doc_id: tuple(link(s.doc_id, c.start, c.end) for c in s.contributions)
        for s in brief.sources
    }
    segments = {d.id: tuple(_segments(d.article.text, d.id, spans[d.id])) for d in brief.documents}
    chart, ticks = _chart(brief, number_of)
    nodes, edges = _graph(brief)
    overlap = _overlap(brief)
    return Report(
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
        overlap=overlap,
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
    centre = GRAPH_SIZE / 2
    radius = GRAPH_SIZE / 2 - 60
    position = {}
    nodes = []
    most = max(len(e.mentions) for e in chosen)
    for k, e in enumerate(chosen):
        angle = 2 * math.pi * k / len(chosen) - math.pi / 2
        x, y = centre + radius * math.cos(angle), centre + radius * math.sin(angle)
        position[e.id] = (x, y)
        nodes.append(
            GraphNode(
                round(x, 1),
                round(y, 1),
                round(5 + 12 * math.sqrt(len(e.mentions) / most), 1),
                e.canonical,
                e.id,
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


def _overlap(brief: Brief) -> tuple[tuple[str, ...], ...]:
    if brief.overlap is None or not brief.overlap.shared:
        return ()
    return tuple(
        tuple("" if v is None else f"{round(100 * v)}%" for v in row)
        for row in brief.overlap.shared
    )
