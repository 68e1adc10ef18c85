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


REPORT = (
    "The island ferry resumed its normal timetable on Monday after a week of storms kept "
    "it in port, the operator said. Passengers who missed sailings can use their tickets "
    "until the end of the month."
)


@pytest.mark.issue(21)
def test_service_a_one_line_text_of_576_characters_is_briefed_as_text(nlp: Any) -> None:
    import storybrief

    line = ((REPORT + " ") * 5)[:576]
    made = storybrief.brief([line])
    (document,) = made.documents
    assert document.article.source == "<text:0>"
    assert document.article.text == line.strip()


@pytest.mark.issue(21)
def test_service_a_string_naming_a_file_is_never_read(nlp: Any, tmp_path: Any) -> None:
    import storybrief

    secret = tmp_path / "secret.txt"
    secret.write_text("The vault code is 4471, the manager said on Monday in a note.")
    made = storybrief.brief([REPORT, str(secret), "/etc/passwd"])
    assert "4471" not in json.dumps(made.to_dict())
    assert "root:" not in json.dumps(made.to_dict())
    (document,) = storybrief.brief(["/etc/passwd"]).documents
    assert document.article.text == "/etc/passwd"  # the text given, not the file
    # Paths are read when the caller says so: a Path, or paths=.
    assert "4471" in json.dumps(storybrief.brief([secret]).to_dict())
    assert "4471" in json.dumps(storybrief.brief(paths=[str(secret)]).to_dict())


@pytest.mark.issue(21)
def test_service_a_surrogate_in_a_record_field_does_not_crash_the_api(nlp: Any) -> None:
    import storybrief

    made = storybrief.brief(
        [{"text": REPORT, "title": "Ferry \ud800", "outlet": "\udcff Post", "url": "x\ud83d"}]
    )
    json.dumps(made.to_dict(), ensure_ascii=False).encode("utf-8")


@pytest.mark.issue(21)
@pytest.mark.parametrize(
    "text",
    [
        "Published 0000-01-01\n\n" + REPORT,
        REPORT + " It happened in the year 0.",
        REPORT + " On January 1, 0000 the port closed.",
        REPORT + " The log said 0000-00-00 and 0000-12-31.",
        REPORT + " Records go back to 0 AD, 1 BC and year 0000.",
    ],
)
def test_service_year_zero_in_a_text_does_not_crash(nlp: Any, text: str) -> None:
    import storybrief

    made = storybrief.brief([{"text": text, "published": "0000-01-01"}])
    assert len(made.documents) == 1


@pytest.mark.issue(21)
def test_service_an_analysis_crash_on_one_article_is_its_failure(
    nlp: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    import storybrief
    import storybrief.service as service

    real = service.run

    def fragile(parsed: Any, words: int, **options: Any) -> Any:
        if any("tram" in p.article.text for p in parsed):
            raise IndexError("boom")
        return real(parsed, words, **options)

    monkeypatch.setattr(service, "run", fragile)
    other = (
        "The city tram network closed for repairs on Tuesday, the council said. The work on "
        "the tracks near the station is expected to last two weeks, officials told reporters."
    )
    made = storybrief.brief([REPORT, other])
    assert len(made.documents) == 1
    (failure,) = made.errors
    assert failure.source == "<text:1>"
    assert "IndexError" in failure.message


@pytest.mark.issue(24)
def test_service_a_focus_is_a_setting_and_names_the_summary_method(nlp: Any) -> None:
    import storybrief

    focus = "What did the strike cost the port?"
    made = storybrief.brief([CLUSTER], words=60, focus=focus)
    assert made.config_digest == Settings(words=60, focus=focus).digest()
    assert made.config_digest != Settings(words=60).digest()
    assert dict(made.methods)["summary"] == "bigram-ilp.v3+focus.v1"
    assert dict(storybrief.brief([CLUSTER], words=60).methods)["summary"] == "bigram-ilp.v3"
