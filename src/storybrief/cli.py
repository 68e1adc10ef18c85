"""The command line: thin wrappers over ``storybrief.service``.

User errors print one line on stderr and exit with status 2; no tracebacks.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console

from storybrief.config import Settings
from storybrief.errors import StorybriefError
from storybrief.render import EXTENSION_FORMATS, FORMATS, OutputFormat, render
from storybrief.version import __version__

USER_ERROR = 2

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
            "Default: text on a terminal, json otherwise (nothing when -o is given).",
        ),
    ] = None,
    output: Annotated[
        Optional[list[Path]],  # noqa: UP045
        typer.Option(
            "--output",
            "-o",
            help="Write the brief to FILE, in the format its extension names "
            "(.json, .md, .html, .txt). May be repeated.",
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
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log skipped inputs.")] = False,
) -> None:
    """Brief the articles in PATHS."""
    from storybrief.service import brief

    _configure_logging(verbose)
    if fmt is not None and fmt not in FORMATS:
        _fail(f"unknown --format {fmt!r}; choose one of {', '.join(FORMATS)}")
    targets = [(path, _format_for_path(path, fmt)) for path in output or []]
    settings = Settings.from_env(words=words, model=model, max_bytes=max_bytes)
    # On the command line every argument is a path ("-": standard input), never article text.
    result = brief(paths=[str(p) for p in paths], settings=settings, cluster=cluster)
    for path, path_fmt in targets:
        try:
            path.write_text(render(result, path_fmt), encoding="utf-8")
        except OSError as exc:
            _fail(f"cannot write {path}: {exc.strerror or exc}")
    stdout_fmt: OutputFormat | None = fmt  # type: ignore[assignment]
    if stdout_fmt is None and not targets:
        stdout_fmt = "text" if sys.stdout.isatty() else "json"
    if stdout_fmt == "text" and sys.stdout.isatty():
        from storybrief.render.text import brief_renderable

        Console().print(brief_renderable(result))
    elif stdout_fmt is not None:
        sys.stdout.write(render(result, stdout_fmt))
    for path, _ in targets:
        typer.echo(f"wrote {path}", err=True)


_DB_HELP = (
    "Store: a SQLite file path or a SQLAlchemy URL (postgresql://...); "
    "default in the user data dir."
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
) -> None:
    """Read SOURCES into the store (idempotent; near-duplicates are linked, not stored twice)."""
    from rich.progress import Progress, SpinnerColumn, TextColumn

    from storybrief.store import open_store
    from storybrief.stories.collect import ingest

    store = open_store(db)
    settings = Settings.from_env(max_bytes=max_bytes)
    console = Console(stderr=True)
    with Progress(
        SpinnerColumn(), TextColumn("{task.description}"), console=console, transient=True
    ) as bar:
        task = bar.add_task("reading", total=None)
        counts = ingest(
            store,
            sources,
            settings,
            allow_private=allow_private,
            progress=lambda label: bar.update(task, description=f"reading {label[-60:]}"),
        )
    typer.echo(
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
) -> None:
    """Group the store's articles into stories and brief the stories that changed."""
    from storybrief.store import open_store
    from storybrief.stories.collect import brief_stories, cluster_store

    store = open_store(db)
    result = cluster_store(store)
    typer.echo(
        f"placed {result['placed']} articles · {result['new_stories']} new stories · "
        f"{result['stories']} stories"
        + (f" · {result['removed']} empty stories removed" if result["removed"] else "")
    )
    if briefs:
        from rich.progress import Progress, SpinnerColumn, TextColumn

        with Progress(
            SpinnerColumn(),
            TextColumn("{task.description}"),
            console=Console(stderr=True),
            transient=True,
        ) as bar:
            task = bar.add_task("briefing", total=None)
            done = brief_stories(
                store,
                Settings.from_env(),
                limit=max_briefs,
                progress=lambda title: bar.update(task, description=f"briefed {title[:60]}"),
            )
        typer.echo(f"briefed {done} stories")


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
) -> None:
    """Serve the stories, their briefs and a JSON API on http://HOST:PORT."""
    try:
        import uvicorn
    except ImportError:
        _fail("serving needs the web extra: pip install 'storybrief[web]'")
    from storybrief.store import open_store
    from storybrief.web import create_app
    from storybrief.web.app import is_loopback, served_hosts

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
    uvicorn.run(app_, host=host, port=port, log_level="warning")


@app.command("schema")
def schema_command() -> None:
    """Print the JSON Schema of the brief (storybrief.brief/1)."""
    import json

    from storybrief.schema import brief_schema

    sys.stdout.write(json.dumps(brief_schema(), indent=2) + "\n")


def _format_for_path(path: Path, fmt: str | None) -> OutputFormat:
    by_extension = EXTENSION_FORMATS.get(path.suffix.lower())
    if by_extension is not None:
        return by_extension
    if fmt in FORMATS:
        return fmt
    _fail(f"cannot tell the format of {path} from its extension; use .json, .md, .html or .txt")
    raise AssertionError  # unreachable: _fail exits


def _configure_logging(verbose: bool) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("storybrief: %(message)s"))
    root = logging.getLogger("storybrief")
    root.handlers = [h for h in root.handlers if isinstance(h, logging.NullHandler)] + [handler]
    root.setLevel(logging.INFO if verbose else logging.WARNING)


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
