"""The stream on Dask (issue #22): a 2-worker LocalCluster makes the same store as one process."""

from __future__ import annotations

import json
from collections.abc import Iterator
from concurrent.futures import Executor, ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from storybrief.config import Settings
from storybrief.errors import MissingDependency
from storybrief.store import Store, open_store
from storybrief.stories import parallel
from storybrief.stories.collect import brief_stories, cluster_store, ingest
from storybrief.stories.parallel import open_executor, ordered_map
from tests.conftest import EXAMPLES

FERRY = (
    "Ferry strike at Brackwater, day {n}\n\n"
    "Ferry crews at Brackwater walked out on {day} over a new rota, leaving about {count} "
    "passengers stranded at the terminal, the operator said. The union said talks with the "
    "operator had broken down after the company refused to drop weekend shifts. "
    '"We regret the disruption to island residents," said Mara Quill, a spokeswoman for '
    "Brackwater Ferries."
)


def _stream(tmp_path: Path) -> list[str]:
    """The example cluster, a second story of three short reports, an empty file (a failure)
    and a JSONL line repeating one report (a duplicate)."""
    ferry = tmp_path / "ferry"
    ferry.mkdir()
    texts = [
        FERRY.format(n=n + 1, day=day, count=300 + 100 * n)
        for n, day in enumerate(("Monday", "Tuesday", "Wednesday"))
    ]
    for n, text in enumerate(texts):
        (ferry / f"report{n}.txt").write_text(text, encoding="utf-8")
    (ferry / "empty.txt").write_text("", encoding="utf-8")
    jsonl = tmp_path / "wire.jsonl"
    jsonl.write_text(json.dumps({"text": texts[0]}) + "\n", encoding="utf-8")
    return [str(EXAMPLES / "harbor-strike"), str(ferry), str(jsonl)]


def _run(db: Path, sources: list[str], executor: Executor | None) -> Store:
    store = open_store(db)
    settings = Settings.from_env()
    ingest(store, sources, settings, executor=executor)
    cluster_store(store)
    brief_stories(store, settings, executor=executor)
    return store


def _contents(store: Store) -> dict[str, Any]:
    """What a run leaves in the store: articles, failures, stories and their briefs (less
    the time each was made)."""
    briefs = {}
    for story in store.stories():
        brief = json.loads(story.brief_json or "{}")
        made = brief.get("generator", {}).pop("created_at", "")
        html = (story.brief_html or "").replace(made, "") if made else story.brief_html
        members = sorted(a.id for a in store.members(story.id))
        briefs[tuple(members)] = (story.title, brief, html, story.brief_tables)
    return {
        "articles": [(a.id, a.source, a.text, a.duplicate_of) for a in store.articles()],
        "errors": [(e.source, e.reason, e.message) for e in store.errors()],
        "briefs": briefs,
    }


@pytest.fixture(scope="module")
def dask_executor() -> Iterator[Executor | None]:
    pytest.importorskip("distributed")
    with open_executor(workers=2) as executor:
        yield executor


@pytest.mark.model
@pytest.mark.issue(22)
def test_dask_local_cluster_makes_the_same_stories_and_briefs(
    tmp_path: Path, dask_executor: Executor
) -> None:
    sources = _stream(tmp_path)
    here = _contents(_run(tmp_path / "here.db", sources, None))
    there = _contents(_run(tmp_path / "there.db", sources, dask_executor))
    assert len(here["briefs"]) == 2
    assert len(here["errors"]) == 1
    assert there == here


def test_dask_ordered_map_keeps_the_order_of_the_chunks() -> None:
    chunks = [[n] * (5 - n) for n in range(5)]
    with ThreadPoolExecutor(2) as pool:
        assert list(ordered_map(pool, len, chunks, in_flight=3)) == [5, 4, 3, 2, 1]
    assert list(ordered_map(None, len, chunks)) == [5, 4, 3, 2, 1]


def test_dask_missing_is_a_user_error_naming_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_dask(name: str) -> Any:
        raise ImportError(name)

    monkeypatch.setattr(parallel.importlib, "import_module", no_dask)
    with pytest.raises(MissingDependency, match=r"storybrief\[dask\]"), open_executor(workers=2):
        pass
    with open_executor(workers=1) as executor:  # in-process: Dask not needed
        assert executor is None
