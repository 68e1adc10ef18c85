"""Reading one input: a path (a file, or a folder read recursively) or bytes, into raw articles.

The floor under both entry points, ``sources.load_articles`` and ``stream.iter_stream``:
size limits, decoding, newlines, and the format readers (``formats``, ``feeds``).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from storybrief.config import Settings
from storybrief.errors import IngestError
from storybrief.ingest.decode import decode_bytes
from storybrief.ingest.feeds import (
    FEED_SUFFIXES,
    WARC_SUFFIXES,
    looks_like_feed,
    read_feed,
    read_warc,
)
from storybrief.ingest.formats import RawArticle, format_for, read_items
from storybrief.model import FailureReason, IngestFailure
from storybrief.text import no_surrogates, normalize_newlines


def read_path(
    path: Path, settings: Settings, cluster: int | None
) -> Iterator[RawArticle | IngestFailure]:
    """The articles (or failures) in a file, or in every file of a folder but hidden ones."""
    label = no_surrogates(str(path))
    try:
        if path.is_dir():
            files = sorted(
                p
                for p in path.rglob("*")
                if not p.is_dir()
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            if not files:
                yield IngestFailure(label, FailureReason.EMPTY, "the folder holds no files")
            for file in files:
                yield from read_path(file, settings, cluster)
            return
        if not path.exists():
            yield IngestFailure(label, FailureReason.NOT_FOUND, "no such file or folder")
            return
        if not path.is_file():
            # A pipe or a device (/dev/zero) could block or never end.
            yield IngestFailure(label, FailureReason.UNREADABLE, "not a regular file")
            return
        if path.name.lower().endswith(WARC_SUFFIXES):
            yield from read_warc(path, settings)
            return
        if path.name.lower().endswith(FEED_SUFFIXES) or looks_like_feed(path):
            if path.stat().st_size > settings.max_bytes:
                yield IngestFailure(label, FailureReason.TOO_LARGE, "over the size limit")
                return
            yield from read_feed(label, path.read_bytes())
            return
        size = path.stat().st_size
        if size > settings.max_bytes:
            yield IngestFailure(
                label,
                FailureReason.TOO_LARGE,
                f"{size:,} bytes is over the {settings.max_bytes:,}-byte limit "
                "(raise it with --max-bytes or STORYBRIEF_MAX_BYTES)",
            )
            return
        with path.open("rb") as handle:  # the size a file reports is not always its size
            data = handle.read(settings.max_bytes + 1)
    except OSError as exc:
        yield IngestFailure(label, FailureReason.UNREADABLE, exc.strerror or str(exc))
        return
    yield from read_bytes(label, data, settings, cluster, name=path.name)


def read_bytes(
    label: str, data: bytes, settings: Settings, cluster: int | None, *, name: str = ""
) -> Iterator[RawArticle | IngestFailure]:
    """The articles (or failures) in one input's bytes; ``name`` (a file name) tells the format."""
    if len(data) > settings.max_bytes:
        yield IngestFailure(
            label,
            FailureReason.TOO_LARGE,
            f"over the {settings.max_bytes:,}-byte limit (raise it with --max-bytes)",
        )
        return
    if name.lower().endswith((".jsonl", ".ndjson")) and b"\x00" in data:
        # One line of JSONL with a NUL in it does not make the other lines binary.
        kept = []
        for number, line in enumerate(data.split(b"\n"), 1):
            if b"\x00" in line:
                yield IngestFailure(
                    f"{label}:{number}", FailureReason.BINARY, "the line contains NUL bytes"
                )
                kept.append(b"")
            else:
                kept.append(line)
        data = b"\n".join(kept)
    try:
        text, encoding = decode_bytes(data)
    except IngestError as exc:
        yield IngestFailure(label, exc.reason, exc.message)
        return
    text = normalize_newlines(text)
    if not text.strip():
        yield IngestFailure(label, FailureReason.EMPTY, "the input holds only whitespace")
        return
    yield from read_items(label, text, format_for(name, text), encoding=encoding, cluster=cluster)
