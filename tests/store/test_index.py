"""The incremental story index (``stories.v4``): blocking, placing, continuing from its state."""

from __future__ import annotations

import datetime as dt

from storybrief.stories.cluster import INDEX_METHOD, Item, StoryIndex, day_batches, index_cluster

FERRY = (
    "Ferry crews at Brackwater walked out on {day} over a new rota, leaving about {n} "
    "passengers stranded at the terminal, the operator said. The union said talks with the "
    "operator had broken down after the company refused to drop weekend shifts, and a "
    "spokesman for the operator said it regretted the disruption to island residents."
)
ORCHIDS = (
    "The orchid show opened at the Kelvin botanic garden on {day} with {n} rare plants on "
    "display, and the gardeners said the cold spring had delayed the flowering by weeks. "
    "Visitors queued at the glasshouse gates before the show opened, the garden said."
)
DAYS = ("Monday", "Tuesday", "Wednesday")


def _items() -> list[Item]:
    items = []
    for n, day in enumerate(DAYS):
        date = dt.date(2024, 3, 4 + n)
        items.append(Item(f"ferry{n}", FERRY.format(day=day, n=300 + n), date))
        items.append(Item(f"orchid{n}", ORCHIDS.format(day=day, n=400 + n), date))
    return items


def test_index_keeps_two_events_apart_and_says_why() -> None:
    labels, why = index_cluster(_items())
    ferry = {labels[k] for k in range(0, 6, 2)}
    orchids = {labels[k] for k in range(1, 6, 2)}
    assert len(ferry) == 1
    assert len(orchids) == 1
    assert ferry != orchids
    assert all(w["method"] == INDEX_METHOD for w in why)
    joined = [w for w in why if w["joined"]]
    assert joined
    assert all(w["candidates"] >= 1 for w in joined)


def test_index_day_batches_follow_publication_then_arrival() -> None:
    items = [
        Item("late", "x", dt.date(2024, 3, 5)),
        Item("undated-1", "x"),
        Item("early", "x", dt.date(2024, 3, 4)),
        Item("undated-2", "x"),
        Item("late-too", "x", dt.date(2024, 3, 5)),
    ]
    assert day_batches(items, undated=1) == [[2], [0, 4], [1], [3]]


def test_index_continues_from_its_state() -> None:
    items = _items()
    first = StoryIndex()
    placed = first.add(items[:2])
    for temporary in sorted({p.story for p in placed}, reverse=True):
        first.rename(temporary, 100 - temporary)  # as the store gives stories ids
    later = StoryIndex(first.state)  # a new run that only has the state
    again = later.add(items[2:4])
    assert {p.story for p in again} == {100 - p.story for p in placed}
    assert all(p.why["joined"] for p in again)
