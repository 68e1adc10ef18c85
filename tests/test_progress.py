"""Progress reports (``ProgressStep``): the library tells, the command line draws."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import storybrief
from storybrief.analysis import STAGES, run
from storybrief.config import Settings
from storybrief.model import ProgressStep
from storybrief.store import open_store
from storybrief.stories.collect import cluster_store, ingest
from tests.conftest import build_parsed

TEXT = "Ferry crews at {place} walked out on Monday over a new rota, the operator said."


def test_progress_analysis_tells_each_stage_before_it_runs_then_the_end() -> None:
    steps: list[ProgressStep] = []
    docs = [build_parsed("The council approved the harbour plan.", doc_id="d1")]
    run(docs, 50, progress=steps.append)
    n = len(STAGES)
    assert steps == [
        *(ProgressStep("analysing", k, n, s.name) for k, s in enumerate(STAGES)),
        ProgressStep("analysing", n, n),
    ]


def test_progress_brief_tells_parsing_per_article_and_every_stage(
    blank_nlp: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("storybrief.service.load_nlp", lambda model=None: blank_nlp)
    steps: list[ProgressStep] = []
    texts = [TEXT.format(place=place) for place in ("Brackwater", "Oldhaven", "Kestle")]
    storybrief.brief(texts, progress=steps.append)
    assert [(s.done, s.total) for s in steps if s.name == "parsing"] == [(k, 3) for k in range(4)]
    assert [s.detail for s in steps if s.name == "analysing"][:-1] == [s.name for s in STAGES]
    assert steps[0].name == "reading"


def test_progress_ingest_counts_the_files_of_folders_first(tmp_path: Path) -> None:
    pile = tmp_path / "pile"
    (pile / "sub").mkdir(parents=True)
    for k, place in enumerate(("Brackwater", "Oldhaven")):
        (pile / f"{k}.txt").write_text(TEXT.format(place=place), encoding="utf-8")
    (pile / "sub" / "2.txt").write_text(TEXT.format(place="Kestle"), encoding="utf-8")
    missing = tmp_path / "gone.txt"
    steps: list[ProgressStep] = []
    failed: list[Any] = []
    store = open_store(tmp_path / "store.db")
    counts = ingest(
        store, [pile, missing], Settings.from_env(), progress=steps.append, failed=failed.append
    )
    assert counts["failed"] == 1
    assert [f.source for f in failed] == [str(missing)]
    assert [(s.done, s.total) for s in steps] == [(k, 4) for k in range(5)]
    assert steps[-2].detail == str(missing)


def test_progress_cluster_tells_the_count_then_each_batch_placed(tmp_path: Path) -> None:
    store = open_store(tmp_path / "store.db")
    for place in ("Brackwater", "Oldhaven"):
        (tmp_path / f"{place}.txt").write_text(TEXT.format(place=place), encoding="utf-8")
    ingest(store, [tmp_path / "Brackwater.txt", tmp_path / "Oldhaven.txt"], Settings.from_env())
    steps: list[ProgressStep] = []
    cluster_store(store, progress=steps.append)
    assert steps[0] == ProgressStep("clustering", 0, None, "2 new of 2 articles")
    placing = [(s.name, s.done, s.total) for s in steps[1:]]
    assert placing[0] == ("placing", 0, 2)
    assert placing[-1] == ("placing", 2, 2)  # told after each batch (a day's articles)
    assert [d for _, d, _ in placing] == sorted(d for _, d, _ in placing)
