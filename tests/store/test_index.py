"""The incremental story index (``stories.v5``): placing, merging, splitting, the store."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import numpy as np
import pytest

from storybrief.store import Store, open_store
from storybrief.stories.cluster import Item, day_batches
from storybrief.stories.collect import cluster_store
from storybrief.stories.index import JOIN, METHOD, StoryIndex, average_groups, stream_cluster
from tests.conftest import build_article

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
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday")


def _batches() -> list[list[tuple[str, str, dt.date | None]]]:
    return [
        [
            (f"ferry{n}", FERRY.format(day=day, n=300 + n), dt.date(2024, 3, 4 + n)),
            (f"orchid{n}", ORCHIDS.format(day=day, n=400 + n), dt.date(2024, 3, 4 + n)),
        ]
        for n, day in enumerate(DAYS[:3])
    ]


def test_index_keeps_two_events_apart_and_says_why() -> None:
    reasons = []
    story_of, _ = stream_cluster(_batches(), on_batch=lambda r: reasons.extend(r.placements))
    assert len({story_of[f"ferry{n}"] for n in range(3)}) == 1
    assert len({story_of[f"orchid{n}"] for n in range(3)}) == 1
    assert story_of["ferry0"] != story_of["orchid0"]
    assert all(p.why["method"] == METHOD for p in reasons)
    joined = [p.why for p in reasons if p.why["joined"]]
    assert len(joined) == 4  # every article after the first of each story
    assert all(w["candidates"] >= 1 and w["similarity"] >= JOIN for w in joined)


def test_index_day_batches_follow_publication_then_arrival() -> None:
    items = [
        Item("late", "x", dt.date(2024, 3, 5)),
        Item("undated-1", "x"),
        Item("early", "x", dt.date(2024, 3, 4)),
        Item("undated-2", "x"),
        Item("late-too", "x", dt.date(2024, 3, 5)),
    ]
    assert day_batches(items, undated=1) == [[2], [0, 4], [1], [3]]


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_index_average_groups_is_average_linkage(seed: int) -> None:
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform

    rng = random.Random(seed)
    points = np.array([[rng.random() for _ in range(4)] for _ in range(30)])
    points /= np.linalg.norm(points, axis=1)[:, None]
    similarity = points @ points.T
    join = 0.9
    ours = average_groups(similarity, [1] * 30, join)
    distance = np.clip(1 - similarity, 0, None)
    np.fill_diagonal(distance, 0)
    labels = fcluster(
        linkage(squareform(distance, checks=False), "average"), t=1 - join, criterion="distance"
    )
    theirs: dict[int, set[int]] = {}
    for k, label in enumerate(labels):
        theirs.setdefault(int(label), set()).add(k)
    assert sorted(map(sorted, ours)) == sorted(map(sorted, theirs.values()))
    assert 1 < len(ours) < 30  # the cut falls inside the tree


def test_index_splits_a_story_whose_members_fall_apart() -> None:
    index = StoryIndex(join=-1.0)  # everything joins: one story of two events
    first = index.add(["ferry0", "orchid0"], [FERRY.format(day="Monday", n=1), ORCHIDS])
    assert first.placements[0].story == first.placements[1].story
    index.join = 0.2
    later = index.add(["ferry1"], [FERRY.format(day="Tuesday", n=2)])
    splits = [e for e in later.events if e.kind == "split"]
    assert len(splits) == 1
    assert splits[0].why["sizes"] == [2, 1]
    kept, (part,) = splits[0].story, splits[0].others
    assert later.placements[0].story == kept
    assert later.moved["orchid0"][0] == part
    assert later.moved["orchid0"][1]["event"] == "split"
    assert set(later.changed[kept]) == {"ferry0", "ferry1"}
    assert later.changed[part] == ["orchid0"]


def test_index_merges_two_stories_an_article_brings_together() -> None:
    index = StoryIndex(join=0.99)  # two reports of one strike kept apart
    one = index.add(["ferry0"], [FERRY.format(day="Monday", n=1)]).placements[0].story
    two = index.add(["ferry1"], [FERRY.format(day="Tuesday", n=2)]).placements[0].story
    assert one != two
    index.join = 0.3
    later = index.add(["ferry2"], [FERRY.format(day="Wednesday", n=3)])
    merges = [e for e in later.events if e.kind == "merge"]
    assert len(merges) == 1
    assert {merges[0].story, *merges[0].others} == {one, two}
    assert merges[0].why["similarity"] >= 0.3
    gone = merges[0].others[0]
    assert later.removed == {gone}
    assert later.placements[0].story == merges[0].story
    moved = next(m for m in ("ferry0", "ferry1") if m in later.moved)
    assert later.moved[moved][0] == merges[0].story


def _add(store: Store, batches: list[list[tuple[str, str, dt.date | None]]]) -> None:
    for batch in batches:
        for doc_id, text, day in batch:
            store.add_article(build_article(text, doc_id, published=_ref(day)))


def _ref(day: dt.date | None) -> object:
    from storybrief.model import DateRef

    return None if day is None else DateRef(day, "day")


def test_cluster_store_never_reads_the_store_and_continues(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no(self: Store, **_: object) -> None:
        raise AssertionError("the store was read whole")

    monkeypatch.setattr(Store, "articles", no)
    store = open_store(tmp_path / "store.db")
    batches = _batches()
    _add(store, batches[:2])
    first = cluster_store(store)
    assert first["placed"] == 4
    assert first["new_stories"] == 2
    meta, states = store.index_state()
    assert meta is not None
    assert meta.documents == 4
    stories = {s.id for s in store.story_list()[0]}
    assert {row.story_id for row in states} == stories
    # A later run continues from the stored state: the new day joins the two stories.
    _add(store, batches[2:])
    second = cluster_store(store)
    assert second["placed"] == 2
    assert second["new_stories"] == 0
    assert {s.id for s in store.story_list()[0]} == stories
    assert all(s.sources == 3 for s in store.story_list()[0])


def test_cluster_store_adopts_stories_an_earlier_method_made(tmp_path: Path) -> None:
    store = open_store(tmp_path / "store.db")
    batches = _batches()
    _add(store, batches[:1])
    story = store.start_story("ferry0", "Ferry strike", {"method": "stories.v3"})
    store.start_story("orchid0", "Orchids", {"method": "stories.v3"})
    _add(store, batches[1:2])
    found = cluster_store(store)
    assert found["new_stories"] == 0
    assert store.article("ferry1") is not None
    assert store.article("ferry1").story_id == story  # type: ignore[union-attr]
    assert store.term_counts(["ferry0", "ferry1"]).keys() == {"ferry0", "ferry1"}


def test_index_keeps_the_same_words_decades_apart_in_two_stories() -> None:
    texts = [FERRY.format(day="Monday", n=300), FERRY.format(day="Tuesday", n=301)]
    close = StoryIndex().add(["a", "b"], texts, [dt.date(2024, 3, 4), dt.date(2024, 3, 5)])
    assert close.placements[0].story == close.placements[1].story
    apart = StoryIndex().add(["a", "b"], texts, [dt.date(1990, 3, 4), dt.date(2024, 3, 5)])
    assert apart.placements[0].story != apart.placements[1].story
    # Undated, nothing decays.
    undated = StoryIndex().add(["a", "b"], texts)
    assert undated.placements[0].story == undated.placements[1].story


def test_cluster_store_records_a_split_and_recounts_both_stories(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import json

    defaults = StoryIndex.__init__.__kwdefaults__
    store = open_store(tmp_path / "store.db")
    _add(store, _batches()[:1])
    monkeypatch.setitem(defaults, "join", -1.0)  # everything joins: one story of two events
    assert cluster_store(store)["new_stories"] == 1
    (story,) = store.story_list()[0]
    assert story.sources == 2
    monkeypatch.setitem(defaults, "join", 0.2)
    # Unrelated news doubles the store: the story is checked again, and falls apart.
    trams = (
        "Tram drivers in Oldhaven voted to accept the new pay offer on {day}, ending a "
        "dispute that had halted the city's trams for a week, their union said."
    )
    store.add_article(build_article(trams.format(day="Monday"), "tram0"))
    store.add_article(build_article(trams.format(day="Tuesday"), "tram1"))
    found = cluster_store(store)
    assert found["split"] == 1
    ferry, orchid = store.article("ferry0"), store.article("orchid0")
    assert ferry is not None
    assert orchid is not None
    assert ferry.story_id != orchid.story_id
    moved = orchid if orchid.story_id != story.id else ferry
    assert json.loads(moved.membership or "{}")["event"] == "split"
    counts = {s.id: s.sources for s in store.story_list()[0]}
    assert counts == {s: len(store.member_ids(s)) for s in counts}
    assert counts[story.id] == 1
    assert store.story(story.id).brief_json is None  # type: ignore[union-attr]
