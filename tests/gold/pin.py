"""Floors of the quality gates: they only go up, unless a pin says why they go down.

python tests/gold/pin.py NAME VALUE [--measured X] [--reason TEXT]
python tests/gold/pin.py NAME VALUE --allow-regression --reason TEXT
python tests/gold/pin.py NAME --retire --allow-regression --reason TEXT
python tests/gold/pin.py --check

``baseline.json`` holds the floors the gate tests read (``floor(name)``);
``floor-history.json`` holds every pin, oldest first, and is only ever appended to. The
rules (``check``), which the tests and the gates enforce:

- each floor in ``baseline.json`` equals its last pin in the history, so a floor edited
  by hand (up or down) fails until it is pinned with this script;
- each pin names the floor before it (``previous``), so the chain of pins is complete;
- a pin below its previous floor (or retiring a floor) carries ``allow_regression: true``
  and a ``reason``; this script writes one only when given ``--allow-regression``;
- a floor is not above its ``NAME_measured`` value when one is recorded.

Deleting or editing old pins is caught from git: every committed version of the history
(and the working copy) keeps all entries of the version before it (``git_problems``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

GOLD = Path(__file__).resolve().parent
BASELINE = GOLD / "baseline.json"
HISTORY = GOLD / "floor-history.json"
HISTORY_IN_REPO = "tests/gold/floor-history.json"
SUFFIXES = ("_measured", "_note")
HOW = "re-pin with: python tests/gold/pin.py NAME VALUE (floors only go up; see its --help)"


class FloorError(ValueError):
    """The floors break a rule, or a pin would."""


def load(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def dump(path: Path, data: Any) -> None:
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def floors(baseline: Mapping[str, Any]) -> dict[str, float]:
    """The gate floors of a baseline: its numbers that are not a ``_measured`` record."""
    return {
        k: v
        for k, v in baseline.items()
        if isinstance(v, (int, float)) and not isinstance(v, bool) and not k.endswith(SUFFIXES)
    }


def last_pins(pins: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """Each name's current floor by the history (None: retired)."""
    return {p["name"]: p["floor"] for p in pins}


def check(baseline: Mapping[str, Any], history: Mapping[str, Any]) -> list[str]:
    """Every way the baseline and its history break the rules (empty: they agree)."""
    problems: list[str] = []
    pins = history.get("pins")
    if not isinstance(pins, list):
        return ["floor-history.json has no 'pins' list"]
    current: dict[str, Any] = {}
    for i, pin in enumerate(pins):
        name = pin.get("name")
        where = f"pin {i} ({name})"
        if not isinstance(name, str) or "floor" not in pin or "previous" not in pin:
            problems.append(f"{where}: needs 'name', 'floor' and 'previous'")
            continue
        value, previous = pin["floor"], pin["previous"]
        if previous != current.get(name):
            problems.append(
                f"{where}: says the floor before it was {previous}, the history has "
                f"{current.get(name)} (a pin was edited or removed)"
            )
        lowered = value is None or (previous is not None and value < previous)
        if lowered and not (pin.get("allow_regression") is True and pin.get("reason")):
            problems.append(
                f"{where}: lowers the floor {previous} -> {value} without "
                "'allow_regression': true and a 'reason'"
            )
        current[name] = value
    pinned = {k: v for k, v in current.items() if v is not None}
    for name, value in floors(baseline).items():
        if name not in pinned:
            problems.append(f"{name}: floor {value} in baseline.json was never pinned; {HOW}")
        elif value != pinned[name]:
            change = "lowered" if value < pinned[name] else "changed"
            problems.append(
                f"{name}: baseline.json has {value}, its last pin is {pinned[name]} "
                f"({change} by hand); {HOW}"
            )
        measured = baseline.get(f"{name}_measured")
        if isinstance(measured, (int, float)) and value > measured:
            problems.append(f"{name}: floor {value} is above the measured {measured}")
    for name in sorted(set(pinned) - set(floors(baseline))):
        problems.append(
            f"{name}: pinned at {pinned[name]} but missing from baseline.json "
            "(retire it with --retire --allow-regression --reason)"
        )
    for key, value in baseline.items():
        if not isinstance(value, (int, float, str)) or isinstance(value, bool):
            problems.append(f"{key}: baseline.json values are numbers or text, not {value!r}")
    return problems


def floor(name: str, baseline_path: Path = BASELINE, history_path: Path = HISTORY) -> float:
    """The pinned floor of one gate; raises when the baseline breaks the rules."""
    baseline = load(baseline_path)
    problems = check(baseline, load(history_path))
    if problems:
        raise FloorError("; ".join(problems))
    return float(baseline[name])


def pin(
    name: str,
    value: float | None,
    *,
    allow_regression: bool = False,
    reason: str | None = None,
    measured: float | None = None,
    baseline_path: Path = BASELINE,
    history_path: Path = HISTORY,
    today: dt.date | None = None,
) -> dict[str, Any] | None:
    """Set a floor (None: retire it) and append the pin to the history.

    Refuses (FloorError) to lower or retire a floor without ``allow_regression`` and a
    reason, and to write a baseline that breaks any rule of ``check``. Returns the new
    history entry, or None when the floor is unchanged (``measured`` is still recorded).
    """
    baseline = dict(load(baseline_path))
    history = dict(load(history_path))
    pins = list(history.get("pins", []))
    previous = last_pins(pins).get(name)
    if previous is None and name in floors(baseline):
        raise FloorError(f"{name} is in baseline.json but not in the history; {HOW}")
    lowered = value is None or (previous is not None and value < previous)
    if value is None and previous is None:
        raise FloorError(f"{name} has no floor to retire")
    if lowered and not allow_regression:
        raise FloorError(
            f"{name}: {previous} -> {value} lowers a floor; floors only go up. If a change of "
            "method moves it down and the full benchmark shows no regression, pass "
            "--allow-regression with --reason"
        )
    if lowered and not reason:
        raise FloorError(f"{name}: lowering a floor needs a --reason")
    entry: dict[str, Any] | None = None
    if value != previous:
        entry = {
            "name": name,
            "floor": value,
            "previous": previous,
            "date": (today or dt.date.today()).isoformat(),
        }
        if reason:
            entry["reason"] = reason
        if lowered:
            entry["allow_regression"] = True
        pins.append(entry)
    if value is None:
        for key in (name, f"{name}_measured", f"{name}_note"):
            baseline.pop(key, None)
    else:
        baseline[name] = value
        if measured is not None:
            baseline[f"{name}_measured"] = measured
    history["pins"] = pins
    problems = check(baseline, history)
    if problems:
        raise FloorError("; ".join(problems))
    dump(baseline_path, baseline)
    dump(history_path, history)
    return entry


def _git(root: Path, *args: str, stdin: str | None = None) -> str:
    return subprocess.run(
        ["git", "-C", str(root), *args],
        input=stdin,
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def _keeps(older: list[Any], newer: list[Any]) -> bool:
    """Whether every entry of ``older`` is in ``newer``, unchanged and in the same order."""
    rest = iter(newer)
    return all(any(entry == later for later in rest) for entry in older)


def git_problems(root: Path, path: str = HISTORY_IN_REPO) -> list[str]:
    """Commits (and the working copy) that removed or edited a pin of the history.

    Every commit reachable from HEAD is compared with each of its parents, merges
    included, so a fresh clone with full history checks every change the history ever had.
    Raises OSError/CalledProcessError when git or the repository is unavailable.
    """
    lines = _git(root, "rev-list", "--parents", "HEAD").split("\n")
    parents = {ln.split()[0]: ln.split()[1:] for ln in lines if ln.strip()}
    query = "".join(f"{commit}:{path}\n" for commit in parents)
    answers = _git(root, "cat-file", "--batch-check", stdin=query).splitlines()
    blobs: dict[str, str | None] = {}
    for commit, answer in zip(parents, answers, strict=True):
        oid, kind, *_ = [*answer.split(), "", ""]
        blobs[commit] = oid if kind == "blob" else None  # "<commit>:<path> missing"

    cache: dict[str | None, list[Any]] = {None: []}

    def pins_of(blob: str | None) -> list[Any]:
        if blob not in cache:
            cache[blob] = list(json.loads(_git(root, "cat-file", "blob", str(blob)))["pins"])
        return cache[blob]

    problems = []
    for commit, commit_parents in parents.items():
        for parent in commit_parents:
            if (
                parent in blobs
                and blobs[parent] != blobs[commit]
                and not _keeps(pins_of(blobs[parent]), pins_of(blobs[commit]))
            ):
                problems.append(f"commit {commit[:10]} removed or edited a pin of {path}")
    working = root / path
    head = next(iter(parents), None)
    if (
        working.is_file()
        and head is not None
        and not _keeps(pins_of(blobs[head]), list(load(working).get("pins", [])))
    ):
        problems.append(f"the working copy of {path} removed or edited a committed pin")
    return problems


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Pin a quality-gate floor in tests/gold/baseline.json (floors only go up)."
    )
    parser.add_argument("name", nargs="?", help="the floor, e.g. entities_meantime_b3_f1")
    parser.add_argument("value", nargs="?", type=float, help="the new floor")
    parser.add_argument("--measured", type=float, help="record NAME_measured as well")
    parser.add_argument("--reason", help="why (required to lower or retire a floor)")
    parser.add_argument(
        "--allow-regression",
        action="store_true",
        help="allow lowering or retiring a floor (with --reason: a change of method the full "
        "benchmark shows is no regression)",
    )
    parser.add_argument("--retire", action="store_true", help="remove the floor NAME")
    parser.add_argument("--check", action="store_true", help="check the rules and git history")
    args = parser.parse_args(argv)
    try:
        if args.check or args.name is None:
            problems = check(load(BASELINE), load(HISTORY))
            try:
                problems += git_problems(GOLD.parent.parent)
            except (OSError, subprocess.CalledProcessError) as exc:
                print(f"pin.py: history not checked against git: {exc}", file=sys.stderr)  # noqa: T201
            for problem in problems:
                print(problem, file=sys.stderr)  # noqa: T201
            return 1 if problems else 0
        if args.retire == (args.value is not None):
            parser.error("give either VALUE or --retire")
        entry = pin(
            args.name,
            None if args.retire else args.value,
            allow_regression=args.allow_regression,
            reason=args.reason,
            measured=args.measured,
            baseline_path=BASELINE,
            history_path=HISTORY,
        )
    except FloorError as exc:
        print(f"pin.py: {exc}", file=sys.stderr)  # noqa: T201
        return 2
    print(f"pinned {entry}" if entry else f"{args.name} unchanged")  # noqa: T201
    return 0


if __name__ == "__main__":
    sys.exit(main())
