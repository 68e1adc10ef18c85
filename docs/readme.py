"""Regenerate the generated blocks of README.md: the demo output, the CLI synopsis and the
timings of the first steps.

python docs/readme.py            # check: exit 1 with a diff when a block is stale
python docs/readme.py --update   # rewrite the stale blocks in README.md
python docs/readme.py --only synopsis   # one block (the synopsis needs no spaCy model)
python docs/readme.py --update --only timings   # measure the first steps again

A block sits between ``<!-- begin generated: NAME ... -->`` and
``<!-- end generated: NAME -->``; everything between the markers is rewritten.
tests/test_docs.py compares each block with what this script generates. The timings are
measured, so they are compared with their numbers masked: a block is stale when its steps
are not the README's first steps, and rewritten with new numbers only when named in --only.

The first steps (the newcomer path) sit between ``<!-- begin newcomer path ... -->`` and
``<!-- end newcomer path -->``: one console block whose ``$ `` lines are commands and whose
other lines are what the command before them prints. :func:`run_newcomer_path` runs them
on a copy of the clone's files; tests/test_newcomer.py checks what they print.
"""

from __future__ import annotations

import argparse
import difflib
import inspect
import os
import platform
import queue
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import typing
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
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


# --- The first steps (the newcomer path) -------------------------------------------------

NEWCOMER = re.compile(
    r"<!-- begin newcomer path[^\n]*-->\n```console\n(?P<body>.*?)```\n<!-- end newcomer path -->",
    re.DOTALL,
)
#: Commands that change the shell the next commands run in: kept as their prefix.
SHELL_STATE = ("source ", ". ", "cd ", "export ")
#: Seconds a step may take (the first loads the spaCy model).
STEP_TIMEOUT = 300
SERVED = re.compile(r"serving on (?P<url>http://\S+)")
LOOPBACK_PORT = re.compile(r"(http://127\.0\.0\.1):\d+")


@dataclass(frozen=True, slots=True)
class Step:
    """One command of the first steps and the lines the README says it prints."""

    command: str
    expected: tuple[str, ...]

    @property
    def serves(self) -> bool:
        return self.command.split("#")[0].split()[:2] == ["storybrief", "serve"]


@dataclass(frozen=True, slots=True)
class StepRun:
    """What one step did: exit status, standard output and error together, seconds taken.

    For ``serve``, ``seconds`` is the time until it answered ``/``, and ``pages`` holds
    what it answered, by path; the server is stopped after that.
    """

    step: Step
    returncode: int
    output: str
    seconds: float
    url: str = ""
    pages: tuple[tuple[str, int, str], ...] = ()


def newcomer_steps(text: str) -> list[Step]:
    """The README's first steps, in order."""
    match = NEWCOMER.search(text)
    if match is None:
        raise KeyError("README.md has no <!-- begin newcomer path --> console block")
    steps: list[tuple[str, list[str]]] = []
    for line in match["body"].splitlines():
        if line.startswith("$ "):
            steps.append((line[2:].strip(), []))
        elif line.strip():
            if not steps:
                raise ValueError(f"output before the first command: {line!r}")
            steps[-1][1].append(line)
    return [Step(command, tuple(expected)) for command, expected in steps]


def clone_files(workdir: Path) -> None:
    """Copy what a fresh clone holds (the files git tracks, as they are now) to WORKDIR."""
    listed = subprocess.run(
        ["git", "-C", str(ROOT), "ls-files", "-z"], capture_output=True, check=True
    ).stdout.decode()
    for name in filter(None, listed.split("\0")):
        source = ROOT / name
        if source.is_file() and not source.is_symlink():
            (workdir / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, workdir / name)


def newcomer_env(workdir: Path, home: Path) -> dict[str, str]:
    """The environment of a newcomer's shell: a HOME of its own (so the default store is a
    fresh one), no STORYBRIEF_* or XDG_DATA_HOME settings, and the copy's source first on
    the path (standing in for the editable install ``make demo`` makes of the clone)."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("STORYBRIEF_") and k not in {"XDG_DATA_HOME", "VIRTUAL_ENV"}
    }
    env |= {"HOME": str(home), "PYTHONPATH": str(workdir / "src"), "COLUMNS": "100"}
    env["NO_PROXY"] = env["no_proxy"] = "127.0.0.1,localhost"
    return env


def _shell(prefix: list[str], command: str) -> list[str]:
    return ["bash", "-c", "\n".join(["set -e", *prefix, command])]


def _fetch(url: str) -> tuple[int, str]:
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    with opener.open(url, timeout=30) as response:
        return response.status, response.read().decode("utf-8", "replace")


def _serve(step: Step, prefix: list[str], workdir: Path, env: dict[str, str]) -> StepRun:
    """Start ``serve`` (on a free port unless the README names one), wait for the URL it
    prints, fetch ``/`` and ``/api/stories``, stop it."""
    command = step.command.split("#")[0].strip()
    if "--port" not in command:
        command += " --port 0"  # port 8000 may be taken on the machine running this
    started = time.perf_counter()
    process = subprocess.Popen(
        _shell(prefix, f"exec {command}"),
        cwd=workdir,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )
    lines: queue.Queue[str] = queue.Queue()
    assert process.stderr is not None
    stream = process.stderr

    def read() -> None:
        for line in stream:
            lines.put(line)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    output, url, pages = [], "", []
    try:
        deadline = started + STEP_TIMEOUT
        while not url and process.poll() is None and time.perf_counter() < deadline:
            try:
                line = lines.get(timeout=0.2)
            except queue.Empty:
                continue
            output.append(line)
            found = SERVED.search(line)
            url = found["url"] if found else ""
        if url:
            for path in ("/", "/api/stories"):
                status, body = _fetch(url.rstrip("/") + path)
                pages.append((path, status, body))
        seconds = time.perf_counter() - started
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        reader.join(timeout=15)
        stream.close()
    while not lines.empty():
        output.append(lines.get())
    returncode = 0 if url and process.returncode in (0, -15) else (process.returncode or 1)
    return StepRun(step, returncode, "".join(output), seconds, url, tuple(pages))


def run_newcomer_path(workdir: Path, steps: list[Step] | None = None) -> list[StepRun]:
    """Run the README's first steps in WORKDIR, a copy of the clone's files, with ``.venv``
    linked to this interpreter's environment (what ``make demo`` made), one after another
    as a newcomer types them; stops at the first step that fails."""
    steps = newcomer_steps(README.read_text(encoding="utf-8")) if steps is None else steps
    clone_files(workdir)
    venv = workdir / ".venv"
    if not venv.exists():
        venv.symlink_to(Path(sys.prefix), target_is_directory=True)
    home = workdir.parent / f"{workdir.name}-home"
    home.mkdir(exist_ok=True)
    env = newcomer_env(workdir, home)
    prefix: list[str] = []
    runs = []
    for step in steps:
        if step.serves:
            run = _serve(step, prefix, workdir, env)
        else:
            started = time.perf_counter()
            done = subprocess.run(
                _shell(prefix, step.command),
                cwd=workdir,
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
                encoding="utf-8",
                timeout=STEP_TIMEOUT,
                check=False,
            )
            run = StepRun(step, done.returncode, done.stdout, time.perf_counter() - started)
        runs.append(run)
        if run.returncode != 0:
            break
        if step.command.startswith(SHELL_STATE):
            prefix.append(step.command)
    return runs


def missing_lines(run: StepRun) -> list[str]:
    """The lines the README shows for a step that its run did not print (a served URL's
    port aside: the run picks a free one)."""
    printed = LOOPBACK_PORT.sub(r"\1:PORT", run.output)
    return [
        line for line in run.step.expected if LOOPBACK_PORT.sub(r"\1:PORT", line) not in printed
    ]


def timings() -> str:
    """How long each first step takes: the path run once in a temporary folder."""
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp) / "storybrief"
        workdir.mkdir()
        runs = run_newcomer_path(workdir)
    failed = [run for run in runs if run.returncode != 0 or missing_lines(run)]
    if failed:
        raise RuntimeError(f"a first step failed: {failed[0].step.command}\n{failed[0].output}")
    rows = ["| Step | Seconds |", "|---|---:|"]
    for run in runs:
        if run.step.command.startswith(SHELL_STATE):
            continue
        command = run.step.command.split("#")[0].strip()
        shown = f"`{command}` (until it answers)" if run.step.serves else f"`{command}`"
        rows.append(f"| {shown} | {run.seconds:.1f} |")
    machine = f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs"
    rows.append("")
    rows.append(
        f"Measured on {time.strftime('%Y-%m-%d')} ({machine}, Python {platform.python_version()})."
    )
    return "\n".join(rows) + "\n"


def _masked(body: str) -> str:
    """A timings block without its numbers: what must stay as generated."""
    body = re.sub(r"Measured on [^\n]*", "Measured on ...", body)
    return re.sub(r"\| [\d.]+ \|", "| ... |", body)


GENERATORS: dict[str, Callable[[], str]] = {
    "demo": demo,
    "synopsis": synopsis,
    "timings": timings,
}
#: Measured blocks: compared without their numbers, rewritten when named in --only.
MASKS: dict[str, Callable[[str], str]] = {"timings": _masked}


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


def is_stale(name: str, current: str | None, generated: str) -> bool:
    """Whether a block differs from what was generated (a measured one: but for its numbers)."""
    if current is None:
        return True
    mask = MASKS.get(name)
    if mask is None:
        return current != generated
    return mask(current) != mask(generated)


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
    stale = {name: body for name, body in new.items() if is_stale(name, current.get(name), body)}
    if args.update:
        remeasured = {name: new[name] for name in args.only or () if name in MASKS}
        stale |= remeasured
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
