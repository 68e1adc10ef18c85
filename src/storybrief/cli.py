"""The command line: thin wrappers over ``storybrief.service``.

Standard output carries only what a command produces (a brief, the schema); every
message goes to standard error: one line per input skipped or failed, with its
reason (a count instead when there are more than ``MAX_LISTED``), progress bars
when standard error is a terminal, and the summary of a run. ``-q`` leaves errors
only; ``-v`` adds details (every failure listed, logged details). User errors
print one line on stderr and exit with status 2; no tracebacks.
"""

from __future__ import annotations

import logging
import socket
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer
from rich.console import Console

from storybrief.config import Settings
from storybrief.errors import InputError, StorybriefError
from storybrief.model import IngestFailure, ProgressCallback, ProgressStep, count_reasons
from storybrief.render import EXTENSION_FORMATS, FORMATS, OutputFormat, render
from storybrief.version import __version__

if TYPE_CHECKING:
    from rich.progress import TaskID

USER_ERROR = 2
#: Failures listed one line each; more are summed up in one line (``-v`` lists them all).
MAX_LISTED = 5
#: Longest source label a progress line shows (its end: the file name).
PROGRESS_LABEL_CHARS = 50

Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="Print errors only.")]
Verbose = Annotated[
    bool,
    typer.Option("--verbose", "-v", help="Print details: every failed input, logged details."),
]


@dataclass(frozen=True, slots=True)
class Messages:
    """Where a command's messages go (standard error) and which it prints."""

    quiet: bool = False
    verbose: bool = False

    def info(self, message: str) -> None:
        """A message of the default level: not under ``-q``."""
        if not self.quiet:
            typer.echo(f"storybrief: {message}", err=True)

    def failures(self, failures: Sequence[IngestFailure], verb: str) -> None:
        """One line per failure with its reason, or one line counting them when there
        are more than ``MAX_LISTED`` (unless ``-v``)."""
        if len(failures) <= MAX_LISTED or self.verbose:
            for f in failures:
                self.info(f"{verb} {f.source}: {f.message} ({f.reason.value})")
        elif failures:
            self.info(
                f"{verb} {len(failures)} inputs ({count_reasons(failures)}); "
                "-v lists each with its reason"
            )

    @contextmanager
    def progress(self) -> Iterator[ProgressCallback | None]:
        """A progress callback drawing Rich bars on standard error (count, elapsed, ETA),
        one per step; None, and nothing drawn, under ``-q`` or when stderr is no terminal."""
        from rich.markup import escape
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            SpinnerColumn,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        console = Console(stderr=True)
        if self.quiet or not console.is_terminal:
            yield None
            return
        columns = (
            SpinnerColumn(),
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            TextColumn("eta"),
            TimeRemainingColumn(),
        )
        with Progress(*columns, console=console, transient=True) as bar:
            tasks: dict[str, TaskID] = {}

            def tell(step: ProgressStep) -> None:
                detail = step.detail[-PROGRESS_LABEL_CHARS:]
                description = escape(f"{step.name} {detail}" if detail else step.name)
                if step.name not in tasks:
                    tasks[step.name] = bar.add_task(description, total=step.total)
                bar.update(
                    tasks[step.name],
                    description=description,
                    total=step.total,
                    completed=step.done,
                )

            yield tell


def _messages(quiet: bool, verbose: bool) -> Messages:
    """The messages a command prints, and logging set to match (``-q``/``-v``)."""
    if quiet and verbose:
        _fail("-q and -v contradict each other: give one")
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("storybrief: %(message)s"))
    root = logging.getLogger("storybrief")
    root.handlers = [h for h in root.handlers if isinstance(h, logging.NullHandler)] + [handler]
    root.setLevel(logging.ERROR if quiet else logging.INFO if verbose else logging.WARNING)
    return Messages(quiet=quiet, verbose=verbose)


app = typer.Typer(
    name="storybrief",
    help="Turn a pile of news articles about one story into a traceable brief.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"storybrief {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        Optional[bool],  # noqa: UP045  (typer reads the annotation at run time on 3.10)
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = None,
) -> None:
    """storybrief: briefs from news articles, every statement traced to its sources."""


@app.command("brief")
def brief_command(
    paths: Annotated[
        list[str],
        typer.Argument(help="Files, folders (read recursively) or '-' for standard input."),
    ],
    fmt: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--format",
            "-f",
            help="Output format for standard output: text, md, json or html. "
            "Default: text on a terminal, json otherwise (nothing when -o is given). "
            "csv: the entities, quotes, claims and timeline as CSV files, into the "
            "folder -o names (or a .zip).",
        ),
    ] = None,
    output: Annotated[
        Optional[list[Path]],  # noqa: UP045
        typer.Option(
            "--output",
            "-o",
            help="Write the brief to FILE, in the format its extension names "
            "(.json, .md, .html, .txt; .zip: CSV tables of entities, quotes, claims and "
            "timeline). May be repeated.",
        ),
    ] = None,
    words: Annotated[
        Optional[int],  # noqa: UP045
        typer.Option(help="Word budget of the summary (default 250; env STORYBRIEF_WORDS)."),
    ] = None,
    model: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(help="spaCy pipeline to use (env STORYBRIEF_SPACY_MODEL)."),
    ] = None,
    cluster: Annotated[
        Optional[int],  # noqa: UP045
        typer.Option(help="For files holding several clusters (Multi-News, JSONL), which one."),
    ] = None,
    max_bytes: Annotated[
        Optional[int],  # noqa: UP045
        typer.Option(help="Refuse inputs larger than this many bytes (default 5 MB)."),
    ] = None,
    since: Annotated[
        Optional[list[str]],  # noqa: UP045
        typer.Option(
            help="Files or folders already read: the brief then opens with what PATHS "
            "add to them (update summary, background, changed figures). May be repeated."
        ),
    ] = None,
    focus: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            help="A question or topic the summary should answer first, e.g. "
            "'What did the strike cost the port?' (env STORYBRIEF_FOCUS)."
        ),
    ] = None,
    quiet: Quiet = False,
    verbose: Verbose = False,
) -> None:
    """Brief the articles in PATHS."""
    from storybrief.service import brief

    say = _messages(quiet, verbose)
    if fmt is not None and fmt not in (*FORMATS, "csv"):
        _fail(f"unknown --format {fmt!r}; choose one of {', '.join(FORMATS)}, csv")
    # "-o tables.zip": the entities, quotes, claims and timeline as CSV tables;
    # "--format csv -o DIR": the same as one file per section in DIR.
    tables = [path for path in output or [] if path.suffix.lower() == ".zip"]
    folders: list[Path] = []
    if fmt == "csv":
        folders = [path for path in output or [] if path not in tables]
        if not output:
            _fail("--format csv writes files: give -o FOLDER (one CSV per section) or -o FILE.zip")
        fmt = None
    targets = [
        (path, _format_for_path(path, fmt))
        for path in output or []
        if path not in tables and path not in folders
    ]
    settings = Settings.from_env(words=words, model=model, max_bytes=max_bytes, focus=focus)
    try:
        with say.progress() as progress:
            # On the command line every argument is a path ("-": standard input), never text.
            result = brief(
                paths=[str(p) for p in paths],
                settings=settings,
                cluster=cluster,
                progress=progress,
                since_paths=since or (),
            )
    except InputError as exc:
        if verbose:  # the error line counts them by reason; -v names each
            say.failures(exc.failures, "skipped")
        raise
    say.failures(result.errors, "skipped")
    for path, path_fmt in targets:
        try:
            path.write_text(render(result, path_fmt), encoding="utf-8")
        except OSError as exc:
            _fail(f"cannot write {path}: {exc.strerror or exc}")
    for path in tables:
        from storybrief.render.tables import write_zip

        try:
            write_zip(result, path)
        except OSError as exc:
            _fail(f"cannot write {path}: {exc.strerror or exc}")
    for path in folders:
        from storybrief.render.tables import csv_tables

        try:
            path.mkdir(parents=True, exist_ok=True)
            for name, table in csv_tables(result).items():
                (path / name).write_text(table, encoding="utf-8")
        except OSError as exc:
            _fail(f"cannot write {path}: {exc.strerror or exc}")
    stdout_fmt: OutputFormat | None = fmt  # type: ignore[assignment]
    if stdout_fmt is None and not targets and not tables:
        stdout_fmt = "text" if sys.stdout.isatty() else "json"
    if stdout_fmt == "text" and sys.stdout.isatty():
        from storybrief.render.text import brief_renderable

        Console().print(brief_renderable(result))
    elif stdout_fmt is not None:
        sys.stdout.write(render(result, stdout_fmt))
    for path in [*(p for p, _ in targets), *tables, *folders]:
        say.info(f"wrote {path}")


_DB_HELP = (
    "Store: a SQLite file path or a SQLAlchemy URL (postgresql://...); "
    "default in the user data dir."
)


def _workers_option(work: str) -> Any:
    return typer.Option(
        min=1,
        help=f"Run the {work} on a local Dask cluster of this many worker processes "
        "(needs the dask extra); 1: in this process.",
    )


def _scheduler_option(work: str) -> Any:
    return typer.Option(
        help=f"Run the {work} on the workers of the Dask scheduler at this address "
        "(tcp://host:port), which need storybrief and its model installed.",
    )


@app.command("ingest")
def ingest_command(
    sources: Annotated[
        list[str], typer.Argument(help="Files, folders, feeds, WARC, JSONL or URLs.")
    ],
    db: Annotated[Optional[str], typer.Option(help=_DB_HELP)] = None,  # noqa: UP045
    allow_private: Annotated[
        bool, typer.Option(help="Allow fetching URLs on private or loopback addresses.")
    ] = False,
    max_bytes: Annotated[
        Optional[int],  # noqa: UP045
        typer.Option(help="Refuse articles larger than this many bytes (default 5 MB)."),
    ] = None,
    workers: Annotated[int, _workers_option("reading")] = 1,
    scheduler: Annotated[Optional[str], _scheduler_option("reading")] = None,  # noqa: UP045
    quiet: Quiet = False,
    verbose: Verbose = False,
) -> None:
    """Read SOURCES into the store (idempotent; near-duplicates are linked, not stored twice)."""
    from storybrief.store import open_store
    from storybrief.stories.collect import ingest
    from storybrief.stories.parallel import open_executor

    say = _messages(quiet, verbose)
    store = open_store(db)
    settings = Settings.from_env(max_bytes=max_bytes)
    failures: list[IngestFailure] = []
    with open_executor(workers, scheduler) as executor, say.progress() as progress:
        counts = ingest(
            store,
            sources,
            settings,
            allow_private=allow_private,
            progress=progress,
            failed=failures.append,
            executor=executor,
        )
    say.failures(failures, "failed")
    if failures and len(failures) == counts["read"]:
        _fail(f"nothing ingested: all {len(failures)} inputs failed ({count_reasons(failures)})")
    say.info(
        f"read {counts['read']} · new {counts['new']} · updated {counts['updated']} · "
        f"duplicate {counts['duplicate']} · near-duplicate {counts['near-duplicate']} · "
        f"failed {counts['failed']}"
    )


@app.command("cluster")
def cluster_command(
    db: Annotated[Optional[str], typer.Option(help=_DB_HELP)] = None,  # noqa: UP045
    briefs: Annotated[bool, typer.Option(help="Brief the stories that changed.")] = True,
    max_briefs: Annotated[
        Optional[int], typer.Option(help="Brief at most this many stories now.")  # noqa: UP045
    ] = None,
    workers: Annotated[int, _workers_option("briefing")] = 1,
    scheduler: Annotated[Optional[str], _scheduler_option("briefing")] = None,  # noqa: UP045
    quiet: Quiet = False,
    verbose: Verbose = False,
) -> None:
    """Group the store's articles into stories and brief the stories that changed."""
    from storybrief.store import open_store
    from storybrief.stories.collect import brief_stories, cluster_store
    from storybrief.stories.parallel import open_executor

    say = _messages(quiet, verbose)
    store = open_store(db)
    with say.progress() as progress:
        result = cluster_store(store, progress=progress)
    say.info(
        f"placed {result['placed']} articles · {result['new_stories']} new stories · "
        + (f"{result['merged']} merged · " if result["merged"] else "")
        + (f"{result['split']} split · " if result["split"] else "")
        + f"{result['stories']} stories"
        + (f" · {result['removed']} empty stories removed" if result["removed"] else "")
    )
    if briefs:
        with open_executor(workers, scheduler) as executor, say.progress() as progress:
            done = brief_stories(
                store, Settings.from_env(), limit=max_briefs, progress=progress, executor=executor
            )
        say.info(f"briefed {done} stories")


@app.command("errors")
def errors_command(
    db: Annotated[Optional[str], typer.Option(help=_DB_HELP)] = None,  # noqa: UP045
    json_out: Annotated[bool, typer.Option("--json", help="One JSON object per line.")] = False,
    quiet: Quiet = False,
    verbose: Verbose = False,
) -> None:
    """List the inputs the store could not ingest, each with its reason."""
    import json

    from storybrief.store import open_store

    say = _messages(quiet, verbose)
    rows = open_store(db, read_only=None).errors()
    for row in rows:
        at = row.at.isoformat(timespec="seconds") if row.at else ""
        if json_out:
            record = {"source": row.source, "reason": row.reason, "message": row.message, "at": at}
            sys.stdout.write(json.dumps(record) + "\n")
        else:
            sys.stdout.write(f"{at}\t{row.reason}\t{row.source}\t{row.message}\n")
    say.info(f"{len(rows)} failed input{'' if len(rows) == 1 else 's'}")


@app.command("serve")
def serve_command(
    db: Annotated[Optional[str], typer.Option(help=_DB_HELP)] = None,  # noqa: UP045
    host: Annotated[
        str, typer.Option(help="Address to bind (local only by default).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    allow_host: Annotated[
        Optional[list[str]],  # noqa: UP045
        typer.Option(
            help="Also answer requests for this host name (besides localhost and the bound "
            "address; others get 400). May be repeated."
        ),
    ] = None,
    quiet: Quiet = False,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="Print details: every request served.")
    ] = False,
) -> None:
    """Serve the stories, their briefs and a JSON API on http://HOST:PORT."""
    try:
        import uvicorn
    except ImportError:
        _fail("serving needs the web extra: pip install 'storybrief[web]'")
    from storybrief.store import open_store
    from storybrief.web import create_app
    from storybrief.web.app import is_loopback, served_hosts

    say = _messages(quiet, verbose)
    names = served_hosts(host, allow_host or ())
    if not is_loopback(host):
        typer.echo(
            f"storybrief: WARNING: serving on {host}, beyond this machine: anyone who can reach "
            f"port {port} can read the whole store (there is no login). Use --host 127.0.0.1 "
            "to keep it local. Requests must name one of: " + ", ".join(names),
            err=True,
        )
    # Serving only reads: a store this process cannot write is opened read-only.
    app_ = create_app(open_store(db, read_only=None), allowed_hosts=names)
    level = "error" if quiet else "info" if verbose else "warning"
    # Bound here, not by uvicorn: the URL printed is the one bound (``--port 0``: any free
    # port), and an address that cannot be bound is a one-line user error.
    with listen(host, port) as listening:
        say.info(f"serving on {served_url(host, listening.getsockname()[1])} (Ctrl+C stops it)")
        uvicorn.run(app_, host=host, port=port, fd=listening.fileno(), log_level=level)


def listen(host: str, port: int) -> socket.socket:
    """A socket bound to HOST:PORT and listening (port 0: any free port); a user error when
    the address cannot be bound."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
        sock.listen(socket.SOMAXCONN)
    except OSError as exc:
        sock.close()
        _fail(f"cannot listen on {host} port {port}: {exc.strerror or exc}")
    return sock


def served_url(host: str, port: int) -> str:
    """The URL a browser opens for a server bound to HOST:PORT."""
    return f"http://[{host}]:{port}/" if ":" in host else f"http://{host}:{port}/"


@app.command("schema")
def schema_command(quiet: Quiet = False, verbose: Verbose = False) -> None:
    """Print the JSON Schema of the brief (storybrief.brief/1)."""
    import json

    from storybrief.schema import brief_schema

    _messages(quiet, verbose)

    sys.stdout.write(json.dumps(brief_schema(), indent=2) + "\n")


@app.command("rename")
def rename_command(
    story: Annotated[int, typer.Argument(help="The story's number (as the web UI shows it).")],
    title: Annotated[str, typer.Argument(help="Its new title.")],
    db: Annotated[Optional[str], typer.Option(help=_DB_HELP)] = None,  # noqa: UP045
    quiet: Quiet = False,
    verbose: Verbose = False,
) -> None:
    """Give a story the title you choose; later briefs keep it."""
    from storybrief.store import open_store

    say = _messages(quiet, verbose)
    if not title.strip():
        _fail("a story's title cannot be empty")
    if not open_store(db).rename_story(story, title):
        _fail(f"no story {story} in the store")
    say.info(f"story {story} is now titled {' '.join(title.split())!r}")


def _format_for_path(path: Path, fmt: str | None) -> OutputFormat:
    by_extension = EXTENSION_FORMATS.get(path.suffix.lower())
    if by_extension is not None:
        return by_extension
    if fmt in FORMATS:
        return fmt
    _fail(
        f"cannot tell the format of {path} from its extension; "
        "use .json, .md, .html, .txt or .zip (CSV tables)"
    )
    raise AssertionError  # unreachable: _fail exits


def _fail(message: str) -> None:
    typer.echo(f"storybrief: error: {message}", err=True)
    raise typer.Exit(USER_ERROR)


def main() -> None:
    """Entry point of the ``storybrief`` command."""
    try:
        app()
    except StorybriefError as exc:
        typer.echo(f"storybrief: error: {exc}", err=True)
        sys.exit(USER_ERROR)
    except KeyboardInterrupt:
        typer.echo("storybrief: interrupted", err=True)
        sys.exit(130)
