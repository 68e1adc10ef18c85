"""The brief service: which settings a brief is made with (explicit > settings or env > default)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from typing import Any

import pytest

from storybrief.config import Settings

from .conftest import EXAMPLES

pytestmark = pytest.mark.model

CLUSTER = EXAMPLES / "harbor-strike"


def summary_words(made: Any) -> int:
    return sum(len(passage["text"].split()) for passage in made.to_dict()["summary"])


@pytest.mark.issue(17)
def test_service_words_from_settings_are_used(nlp: Any) -> None:
    import storybrief

    short = storybrief.brief([CLUSTER], settings=Settings(words=60))
    assert 0 < summary_words(short) <= 60
    assert short.config_digest == Settings(words=60).digest()


@pytest.mark.issue(17)
def test_service_words_from_the_environment_are_used(
    nlp: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    import storybrief

    monkeypatch.setenv("STORYBRIEF_WORDS", "60")
    assert summary_words(storybrief.brief([CLUSTER])) <= 60


def test_service_explicit_words_win_over_settings_and_environment(
    nlp: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    import storybrief

    monkeypatch.setenv("STORYBRIEF_WORDS", "400")
    made = storybrief.brief([CLUSTER], words=60, settings=Settings(words=400))
    assert summary_words(made) <= 60
    assert made.config_digest == Settings(words=60).digest()


@pytest.mark.issue(17)
def test_service_cli_reads_words_from_the_environment() -> None:
    env = {**os.environ, "STORYBRIEF_WORDS": "60"}
    done = subprocess.run(
        [sys.executable, "-m", "storybrief", "brief", str(CLUSTER), "--format", "json"],
        capture_output=True,
        timeout=300,
        check=True,
        env=env,
    )
    data = json.loads(done.stdout)
    assert sum(len(s["text"].split()) for s in data["summary"]) <= 60
    assert data["generator"]["config_digest"] == Settings(words=60).digest()


@pytest.mark.issue(18)
def test_service_a_reprint_in_the_pile_is_one_source_with_its_copy_listed(nlp: Any) -> None:
    import storybrief

    story = (CLUSTER / sorted(p.name for p in CLUSTER.iterdir())[0]).read_text(encoding="utf-8")
    made = storybrief.brief([story, "Reprinted from the wire\n\n" + story])
    assert len(made.documents) == 1
    (copy,) = made.errors
    assert copy.reason.value == "duplicate"
    assert "a copy of" in copy.message
