"""The README's first steps work as written on a fresh clone (#23).

The steps run once, in a copy of the files git tracks, with ``.venv`` linked to the
environment running the tests (what ``make demo`` makes; ``make -n`` shows it installs the
web extra), a HOME of their own (so the default store is a fresh one) and nothing mocked.
docs/readme.py parses and runs them; it measures the README's timings the same way.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from .test_docs import README, readme

STEPS = readme.newcomer_steps(README.read_text(encoding="utf-8"))
HOW = "fix the README's first steps (between the newcomer path markers) or the command"

needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git not installed")


@pytest.fixture(scope="module")
def first_steps(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    if not (Path(sys.prefix) / "bin" / "storybrief").exists():
        pytest.skip(f"no storybrief script in {sys.prefix}: run make demo or make test")
    workdir = tmp_path_factory.mktemp("clone") / "storybrief"
    workdir.mkdir()
    runs = readme.run_newcomer_path(workdir)
    return {"workdir": workdir, "home": workdir.parent / "storybrief-home", "runs": runs}


def _run(first_steps: dict[str, Any], command: str) -> Any:
    runs = {run.step.command: run for run in first_steps["runs"]}
    failed = [run for run in first_steps["runs"] if run.returncode != 0]
    assert command in runs, (
        f"not run: an earlier step failed:\n{failed[0].output if failed else ''}"
    )
    return runs[command]


# --- What the README says ---------------------------------------------------------------


def test_newcomer_path_activates_once_then_calls_storybrief() -> None:
    commands = [step.command for step in STEPS]
    assert commands[0].startswith("source .venv/bin/activate")
    assert all(c.startswith("storybrief ") for c in commands[1:]), commands
    used = {c.split()[1] for c in commands[1:]}
    assert {"brief", "ingest", "cluster", "errors", "serve"} <= used


def test_newcomer_path_uses_only_commands_the_cli_has() -> None:
    names = {name for name, _, _ in readme._commands()}
    for step in STEPS[1:]:
        assert step.command.split()[1] in names, f"{step.command}: no such command; {HOW}"


def test_make_demo_installs_the_web_extra_the_path_uses() -> None:
    if shutil.which("make") is None:
        pytest.skip("make not installed")
    planned = subprocess.run(
        ["make", "-n", "-B", "demo"], cwd=readme.ROOT, capture_output=True, text=True, check=True
    ).stdout
    installs = [line for line in planned.splitlines() if "pip install" in line and "-e" in line]
    assert any('".[web]"' in line or "'.[web]'" in line for line in installs), planned


def test_readme_timings_are_the_first_steps_measured() -> None:
    body = readme.blocks(README.read_text(encoding="utf-8"))["timings"]
    timed = [line.split("`")[1] for line in body.splitlines() if line.startswith("| `storybrief")]
    assert timed == [
        s.command.split("#")[0].strip() for s in STEPS if not s.command.startswith("source ")
    ], "the timings are stale; run python docs/readme.py --update --only timings"
    assert "Measured on " in body


# --- The steps, run -----------------------------------------------------------------------


@pytest.mark.model
@needs_git
@pytest.mark.parametrize("step", STEPS, ids=[s.command.split("#")[0].strip() for s in STEPS])
def test_newcomer_step_exits_0_and_prints_what_the_readme_shows(
    first_steps: dict[str, Any], step: Any
) -> None:
    run = _run(first_steps, step.command)
    assert run.returncode == 0, f"`{step.command}` exited {run.returncode}:\n{run.output}"
    missing = readme.missing_lines(run)
    assert not missing, f"`{step.command}` did not print {missing}; it printed:\n{run.output}"


@pytest.mark.model
@needs_git
def test_newcomer_brief_writes_the_html_report(first_steps: dict[str, Any]) -> None:
    report = first_steps["workdir"] / "brief.html"
    assert report.read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype html>")
    assert "Calder" in (first_steps["workdir"] / "brief.md").read_text(encoding="utf-8")


@pytest.mark.model
@needs_git
@pytest.mark.skipif(sys.platform != "linux", reason="the README's Linux path")
def test_newcomer_store_is_where_the_readme_says(first_steps: dict[str, Any]) -> None:
    assert "`~/.local/share/storybrief/store.db` on Linux" in README.read_text(encoding="utf-8")
    assert (first_steps["home"] / ".local" / "share" / "storybrief" / "store.db").is_file()
    assert not (first_steps["workdir"] / "store.db").exists()


@pytest.mark.model
@needs_git
def test_newcomer_serve_answers_on_its_url_with_the_story(first_steps: dict[str, Any]) -> None:
    serve = next(run for run in first_steps["runs"] if run.step.serves)
    assert serve.url.startswith("http://127.0.0.1:")
    pages = {path: (status, body) for path, status, body in serve.pages}
    assert pages["/"][0] == 200
    assert "Calder" in pages["/"][1]
    status, body = pages["/api/stories"]
    assert status == 200
    assert len(json.loads(body)["stories"]) == 1
