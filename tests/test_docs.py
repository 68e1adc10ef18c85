"""Docs that cannot go stale: the README's generated blocks, and floors that only go up."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from .conftest import ROOT
from .gold import pin

README = ROOT / "README.md"
HOW = "run `PYTHONPATH=src python docs/readme.py --update` and review the README diff"


def _readme_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("_docs_readme", ROOT / "docs" / "readme.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


readme = _readme_script()


def _stale(name: str, generated: str) -> str:
    current = readme.blocks(README.read_text(encoding="utf-8")).get(name, "")
    lines = readme.diff(current, generated, name).splitlines()
    shown = "\n".join(lines[:80]) + ("\n..." if len(lines) > 80 else "")
    return f"the README's {name} block is stale; {HOW}\n{shown}"


# --- The README's generated blocks -------------------------------------------------------


def test_readme_has_the_generated_blocks_once() -> None:
    text = README.read_text(encoding="utf-8")
    assert set(readme.blocks(text)) == set(readme.GENERATORS)
    for name in readme.GENERATORS:
        assert text.count(f"<!-- begin generated: {name} ") == 1
        assert text.count(f"<!-- end generated: {name} -->") == 1


@pytest.mark.model
def test_readme_demo_output_is_what_make_demo_prints() -> None:
    generated = readme.demo()
    assert readme.blocks(README.read_text(encoding="utf-8"))["demo"] == generated, _stale(
        "demo", generated
    )


def test_readme_demo_output_is_100_columns_wide() -> None:
    """The demo is rendered at render_text's fixed width, as piped output is."""
    body = readme.blocks(README.read_text(encoding="utf-8"))["demo"]
    lines = body.splitlines()[1:-1]
    assert lines[0].startswith("╭─ storybrief ")
    framed = [line for line in lines if line[:1] in "╭│╰┏┃┡└"]
    assert framed
    assert {len(line) for line in framed} == {100}


def test_readme_synopsis_is_generated_from_the_cli() -> None:
    generated = readme.synopsis()
    assert readme.blocks(README.read_text(encoding="utf-8"))["synopsis"] == generated, _stale(
        "synopsis", generated
    )


def test_every_cli_command_and_option_is_in_the_readme() -> None:
    text = README.read_text(encoding="utf-8")
    commands = list(readme._commands())
    assert [name for name, _, _ in commands] == [
        "brief",
        "ingest",
        "cluster",
        "errors",
        "serve",
        "schema",
        "rename",
    ]
    for name, command, _ in commands:
        assert f"storybrief {name}" in text, f"`storybrief {name}` is not in the README; {HOW}"
        for param in command.params:
            if param.param_type_name == "option":
                forms = [o for o in [*param.opts, *param.secondary_opts] if o.startswith("--")]
                assert any(f in text for f in forms), f"{name} {forms} not in the README; {HOW}"


def test_synopsis_shows_arguments_flags_and_repeatable_options() -> None:
    usage = readme.synopsis().split("```")[1]
    assert "$ storybrief brief PATHS... [--format text|md|json|html] [--output FILE]..." in usage
    assert "[--no-briefs]" in usage  # a flag on by default shows its off switch
    assert "[--allow-private]" in usage
    assert "$ storybrief serve [--db DB] [--host HOST] [--port N]" in usage
    assert all(len(line) <= readme.SYNOPSIS_WIDTH for line in usage.splitlines())


def test_replace_rewrites_only_between_markers() -> None:
    text = (
        "intro\n<!-- begin generated: demo (how) -->\nold\n<!-- end generated: demo -->\n"
        "middle\n<!-- begin generated: synopsis -->\nkeep\n<!-- end generated: synopsis -->\n"
    )
    new = readme.replace(text, {"demo": "new\nlines\n"})
    assert new == text.replace("old\n", "new\nlines\n")
    assert readme.blocks(new) == {"demo": "new\nlines\n", "synopsis": "keep\n"}
    assert readme.replace(new, {"demo": "new\nlines\n"}) == new
    with pytest.raises(KeyError, match="other"):
        readme.replace(text, {"other": "x"})


# --- Floors only go up -------------------------------------------------------------------


def test_committed_baseline_agrees_with_its_floor_history() -> None:
    assert pin.check(pin.load(pin.BASELINE), pin.load(pin.HISTORY)) == []
    assert (
        pin.floor("timex_tempeval3_value_f1") == pin.load(pin.BASELINE)["timex_tempeval3_value_f1"]
    )


@pytest.fixture
def gold(tmp_path: Path) -> tuple[Path, Path]:
    baseline, history = tmp_path / "baseline.json", tmp_path / "floor-history.json"
    shutil.copy(pin.BASELINE, baseline)
    shutil.copy(pin.HISTORY, history)
    return baseline, history


def _pin(gold: tuple[Path, Path], name: str, value: float | None, **kw: Any) -> Any:
    return pin.pin(
        name, value, baseline_path=gold[0], history_path=gold[1], today=dt.date(2030, 1, 2), **kw
    )


def test_pin_raises_a_floor_and_appends_to_the_history(gold: tuple[Path, Path]) -> None:
    before = pin.load(gold[1])["pins"]
    entry = _pin(gold, "entities_meantime_b3_f1", 0.8, measured=0.81)
    assert entry == {
        "name": "entities_meantime_b3_f1",
        "floor": 0.8,
        "previous": 0.79,
        "date": "2030-01-02",
    }
    baseline, history = pin.load(gold[0]), pin.load(gold[1])
    assert baseline["entities_meantime_b3_f1"] == 0.8
    assert baseline["entities_meantime_b3_f1_measured"] == 0.81
    assert history["pins"] == [*before, entry]
    assert pin.check(baseline, history) == []
    assert pin.floor("entities_meantime_b3_f1", gold[0], gold[1]) == 0.8


def test_pin_refuses_to_lower_a_floor_without_the_flag(gold: tuple[Path, Path]) -> None:
    files = [path.read_bytes() for path in gold]
    with pytest.raises(pin.FloorError, match="floors only go up"):
        _pin(gold, "timex_tempeval3_value_f1", 76.0)
    with pytest.raises(pin.FloorError, match="needs a --reason"):
        _pin(gold, "timex_tempeval3_value_f1", 76.0, allow_regression=True)
    with pytest.raises(pin.FloorError, match="floors only go up"):
        _pin(gold, "timex_tempeval3_value_f1", None, reason="gate retired")
    assert [path.read_bytes() for path in gold] == files


def test_pin_lowers_a_floor_with_the_flag_and_a_reason(gold: tuple[Path, Path]) -> None:
    previous = pin.load(gold[0])["timex_tempeval3_value_f1"]
    entry = _pin(
        gold,
        "timex_tempeval3_value_f1",
        previous - 1.0,
        allow_regression=True,
        reason="timex.v3 method",
    )
    assert entry["allow_regression"] is True
    assert entry["previous"] == previous
    assert entry["reason"] == "timex.v3 method"
    assert pin.check(pin.load(gold[0]), pin.load(gold[1])) == []


def test_pin_retires_a_floor_only_with_the_flag(gold: tuple[Path, Path]) -> None:
    _pin(gold, "timeline17_mj_date_f1", None, allow_regression=True, reason="topic dropped")
    baseline = pin.load(gold[0])
    assert "timeline17_mj_date_f1" not in baseline
    assert "timeline17_mj_date_f1_measured" not in baseline
    assert pin.check(baseline, pin.load(gold[1])) == []


def test_pin_refuses_a_floor_above_the_measured_value(gold: tuple[Path, Path]) -> None:
    files = [path.read_bytes() for path in gold]
    with pytest.raises(pin.FloorError, match="above the measured"):
        _pin(gold, "entities_meantime_b3_f1", 0.9)
    assert [path.read_bytes() for path in gold] == files


def test_a_floor_lowered_by_hand_fails_the_check_and_the_gates(gold: tuple[Path, Path]) -> None:
    baseline = pin.load(gold[0])
    baseline["quotes_polnear30_f1_with_source"] = 0.5
    pin.dump(gold[0], baseline)
    problems = pin.check(baseline, pin.load(gold[1]))
    assert len(problems) == 1
    assert "quotes_polnear30_f1_with_source" in problems[0]
    assert "lowered by hand" in problems[0]
    assert "pin.py" in problems[0]
    with pytest.raises(pin.FloorError, match="lowered by hand"):
        pin.floor("quotes_seeds_recall", gold[0], gold[1])


def test_a_floor_added_or_removed_by_hand_fails_the_check(gold: tuple[Path, Path]) -> None:
    baseline = pin.load(gold[0])
    history = pin.load(gold[1])
    added = {**baseline, "new_gate_f1": 0.5}
    assert any("never pinned" in p for p in pin.check(added, history))
    removed = {k: v for k, v in baseline.items() if k != "entities_meantime_b3_f1"}
    assert any("missing from baseline.json" in p for p in pin.check(removed, history))


def test_a_lowering_written_into_the_history_by_hand_needs_the_flag(
    gold: tuple[Path, Path],
) -> None:
    baseline, history = pin.load(gold[0]), pin.load(gold[1])
    baseline["quotes_seeds_recall"] = 0.5
    history["pins"].append({"name": "quotes_seeds_recall", "floor": 0.5, "previous": 0.9})
    problems = pin.check(baseline, history)
    assert len(problems) == 1
    assert "without 'allow_regression': true and a 'reason'" in problems[0]
    history["pins"][-1] |= {"allow_regression": True, "reason": "seeds gold rewritten"}
    assert pin.check(baseline, history) == []


def test_an_old_pin_edited_or_removed_breaks_the_chain(gold: tuple[Path, Path]) -> None:
    history = pin.load(gold[1])
    baseline = pin.load(gold[0])
    multinews = [i for i, p in enumerate(history["pins"]) if "multinews" in p["name"]]
    assert len(multinews) >= 3
    removed = {**history, "pins": [p for i, p in enumerate(history["pins"]) if i != multinews[1]]}
    assert any("was edited or removed" in p for p in pin.check(baseline, removed))
    edited = json.loads(json.dumps(history))
    edited["pins"][multinews[1]]["floor"] = 1.0
    assert any("was edited or removed" in p for p in pin.check(baseline, edited))


def test_the_pin_command_exits_2_when_refusing(
    gold: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pin, "BASELINE", gold[0])
    monkeypatch.setattr(pin, "HISTORY", gold[1])
    assert pin.main(["entities_meantime_b3_f1", "0.7"]) == 2
    assert pin.load(gold[0])["entities_meantime_b3_f1"] == 0.79
    assert pin.main(["entities_meantime_b3_f1", "0.7", "--allow-regression", "--reason", "x"]) == 0
    assert pin.load(gold[0])["entities_meantime_b3_f1"] == 0.7


# --- The history is append-only in git ---------------------------------------------------


def _git(repo: Path, *args: str, check: bool = True) -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.invalid",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.invalid",
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
    }
    done = subprocess.run(
        ["git", "-C", str(repo), *args], env=env, capture_output=True, text=True, check=check
    )
    return done.stdout


def _commit(repo: Path, pins: list[dict[str, Any]], message: str) -> None:
    path = repo / pin.HISTORY_IN_REPO
    path.parent.mkdir(parents=True, exist_ok=True)
    pin.dump(path, {"pins": pins})
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", message)


needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git not installed")
A = {"name": "a", "floor": 1.0, "previous": None}
B = {"name": "a", "floor": 2.0, "previous": 1.0}
C = {"name": "c", "floor": 5.0, "previous": None}


@needs_git
def test_git_history_of_the_pins_appended_and_merged_is_fine(tmp_path: Path) -> None:
    _git(tmp_path, "init", "-q", "-b", "main")
    _commit(tmp_path, [A], "first pin")
    _git(tmp_path, "checkout", "-q", "-b", "other")
    _commit(tmp_path, [A, C], "pin c")
    _git(tmp_path, "checkout", "-q", "main")
    _commit(tmp_path, [A, B], "raise a")
    _git(tmp_path, "merge", "-q", "--no-commit", "other", check=False)  # a conflict: by hand
    _commit(tmp_path, [A, B, C], "merge")
    assert len(_git(tmp_path, "rev-list", "--parents", "-n1", "HEAD").split()) == 3
    assert pin.git_problems(tmp_path) == []


@needs_git
def test_git_history_catches_a_merge_that_drops_the_other_sides_pin(tmp_path: Path) -> None:
    _git(tmp_path, "init", "-q", "-b", "main")
    _commit(tmp_path, [A], "first pin")
    _git(tmp_path, "checkout", "-q", "-b", "other")
    _commit(tmp_path, [A, C], "pin c")
    _git(tmp_path, "checkout", "-q", "main")
    _commit(tmp_path, [A, B], "raise a")
    _git(tmp_path, "merge", "-q", "-s", "ours", "-m", "merge, keeping ours", "other")
    head = _git(tmp_path, "rev-parse", "HEAD").strip()
    assert pin.git_problems(tmp_path) == [
        f"commit {head[:10]} removed or edited a pin of {pin.HISTORY_IN_REPO}"
    ]


@needs_git
def test_git_history_catches_a_pin_removed_in_a_commit_or_the_working_copy(
    tmp_path: Path,
) -> None:
    _git(tmp_path, "init", "-q", "-b", "main")
    _commit(tmp_path, [A], "first pin")
    _commit(tmp_path, [A, B], "raise a")
    pin.dump(tmp_path / pin.HISTORY_IN_REPO, {"pins": [A]})
    assert pin.git_problems(tmp_path) == [
        f"the working copy of {pin.HISTORY_IN_REPO} removed or edited a committed pin"
    ]
    _commit(tmp_path, [A], "drop the raise")
    head = _git(tmp_path, "rev-parse", "HEAD").strip()
    assert pin.git_problems(tmp_path) == [
        f"commit {head[:10]} removed or edited a pin of {pin.HISTORY_IN_REPO}"
    ]


@needs_git
def test_the_repository_never_removed_a_pin() -> None:
    try:
        inside = _git(ROOT, "rev-parse", "--is-inside-work-tree").strip() == "true"
    except subprocess.CalledProcessError:
        inside = False
    if not inside:
        pytest.skip(f"{ROOT} is not a git checkout")
    assert pin.git_problems(ROOT) == []


@pytest.mark.issue(23)
def test_the_readme_shows_the_screenshots_the_script_makes() -> None:
    text = README.read_text(encoding="utf-8")
    shown = set(re.findall(r"\]\((docs/[\w.-]+\.png)\)", text))
    script = (README.parent / "docs" / "screenshot.py").read_text(encoding="utf-8")
    made = {f"docs/{name}" for name in re.findall(r'"docs" / "([\w.-]+\.png)"', script)}
    assert (
        made
        == shown
        == {
            "docs/report-seeds.png",
            "docs/report-50.png",
            "docs/web-home.png",
            "docs/web-story.png",
        }
    )
    assert all((README.parent / path).stat().st_size > 10_000 for path in shown)
