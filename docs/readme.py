"""Regenerate the generated blocks of README.md: the demo output and the CLI synopsis.

python docs/readme.py            # check: exit 1 with a diff when a block is stale
python docs/readme.py --update   # rewrite the stale blocks in README.md
python docs/readme.py --only synopsis   # one block (the synopsis needs no spaCy model)

A block sits between ``<!-- begin generated: NAME ... -->`` and
``<!-- end generated: NAME -->``; everything between the markers is rewritten.
tests/test_docs.py compares each block with what this script generates.
"""

from __future__ import annotations

import argparse
import difflib
import inspect
import os
import re
import subprocess
import sys
import tempfile
import typing
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
SRC = ROOT / "src"
UPDATE = "python docs/readme.py --update"
DEMO_ARGS = ("brief", "examples/harbor-strike", "--format", "text", "-o")
SYNOPSIS_WIDTH = 92
MARKERS = re.compile(
    r"(?P<begin><!-- begin generated: (?P<name>[\w-]+)[^\n]*-->\n)"
    r"(?P<body>.*?)"
    r"(?P<end><!-- end generated: (?P=name) -->)",
    re.DOTALL,
)


def demo_output() -> str:
    """What ``make demo`` prints: the CLI run as a separate process, its output piped.

    Piped, ``--format text`` renders with ``render_text`` at its fixed width of 100
    columns, whatever the terminal; the STORYBRIEF_* settings of the environment are left
    out so that the defaults (the default spaCy model) apply, as in the README.
    """
    env = {k: v for k, v in os.environ.items() if not k.startswith("STORYBRIEF_")}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(SRC), env.get("PYTHONPATH")]))
    env["COLUMNS"] = "100"
    with tempfile.TemporaryDirectory() as tmp:
        done = subprocess.run(
            [sys.executable, "-m", "storybrief", *DEMO_ARGS, str(Path(tmp) / "brief.html")],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=600,
            check=False,
        )
    if done.returncode != 0:
        raise RuntimeError(f"the demo failed ({done.returncode}): {done.stderr.strip()}")
    return done.stdout


def _commands() -> Iterator[tuple[str, Any, Callable[..., Any]]]:
    """The CLI's commands in the order of --help: name, Click command, Python function."""
    import typer

    from storybrief.cli import app

    group = typer.main.get_command(app)
    functions = {info.name or "": info.callback for info in app.registered_commands}
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        yield name, command, functions[name]


def _metavar(param: Any, annotation: Any) -> str:
    from storybrief.render import FORMATS

    if param.name == "fmt":
        return "|".join(FORMATS)
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    base = args[0] if typing.get_origin(annotation) is not None and args else annotation
    if typing.get_origin(base) is list:
        base = typing.get_args(base)[0]
    if base is int:
        return "N"
    if base is Path:
        return "FILE"
    return str(param.opts[0]).lstrip("-").upper().replace("-", "_")


def _pieces(command: Any, function: Callable[..., Any]) -> list[str]:
    """The usage of one command, piece by piece: arguments, then options as declared."""
    hints = typing.get_type_hints(function)
    pieces = []
    for param in command.params:
        if param.param_type_name == "argument":
            more = "..." if param.nargs == -1 else ""
            piece = f"{param.name.upper()}{more}"
            pieces.append(piece if param.required else f"[{piece}]")
            continue
        if param.is_flag:
            shown = param.secondary_opts if param.default and param.secondary_opts else param.opts
            pieces.append(f"[{shown[0]}]")
            continue
        piece = f"[{param.opts[0]} {_metavar(param, hints[param.name])}]"
        pieces.append(piece + ("..." if param.multiple else ""))
    return pieces


def _wrap(head: str, pieces: list[str]) -> list[str]:
    lines, line = [], head
    for piece in pieces:
        if len(line) + 1 + len(piece) > SYNOPSIS_WIDTH and line != head:
            lines.append(line)
            line = " " * len(head)
        line += " " + piece
    return [*lines, line]


def synopsis() -> str:
    """The CLI synopsis: a usage line per command, then a table of their one-line help."""
    usage, table = [], ["| Command | What it does |", "|---|---|"]
    for name, command, function in _commands():
        usage += _wrap(f"$ storybrief {name}", _pieces(command, function))
        help_line = inspect.cleandoc(command.help or "").split("\n")[0]
        table.append(f"| `storybrief {name}` | {help_line} |")
    usage.append("$ storybrief --version")
    return "```console\n" + "\n".join(usage) + "\n```\n\n" + "\n".join(table) + "\n"


def demo() -> str:
    return "```text\n" + demo_output() + "```\n"


GENERATORS: dict[str, Callable[[], str]] = {"demo": demo, "synopsis": synopsis}


def blocks(text: str) -> dict[str, str]:
    """The generated blocks of a README, by name."""
    return {m["name"]: m["body"] for m in MARKERS.finditer(text)}


def replace(text: str, new: dict[str, str]) -> str:
    """The README with the named blocks replaced; raises KeyError for a missing marker."""
    missing = set(new) - set(blocks(text))
    if missing:
        raise KeyError(f"README.md has no markers for {sorted(missing)}")
    return MARKERS.sub(
        lambda m: m["begin"] + new.get(m["name"], m["body"]) + m["end"],
        text,
    )


def diff(old: str, new: str, name: str) -> str:
    lines = difflib.unified_diff(
        old.splitlines(keepends=True),
        new.splitlines(keepends=True),
        f"README.md ({name} block)",
        f"generated ({name})",
    )
    return "".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--update", action="store_true", help="rewrite stale blocks")
    parser.add_argument("--only", choices=sorted(GENERATORS), action="append")
    args = parser.parse_args()
    text = README.read_text(encoding="utf-8")
    new = {name: GENERATORS[name]() for name in args.only or GENERATORS}
    current = blocks(text)
    stale = {name: body for name, body in new.items() if current.get(name) != body}
    if args.update:
        README.write_text(replace(text, stale), encoding="utf-8")
        sys.stdout.write("".join(f"updated the {name} block\n" for name in stale) or "current\n")
        return 0
    for name, body in stale.items():
        sys.stdout.write(diff(current.get(name, ""), body, name))
    if stale:
        sys.stdout.write(f"stale: {', '.join(stale)}; run {UPDATE}\n")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.path.insert(0, str(SRC))
    sys.exit(main())
