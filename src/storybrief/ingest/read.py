"""Reading one input: a path (a file, or a folder read recursively) or bytes, into raw articles.

The floor under both entry points, ``sources.load_articles`` and ``stream.iter_stream``:
size limits, decoding, newlines, and the format readers (``formats``, ``feeds``).
Every read is bounded: a file by ``Settings.max_bytes``, a line of JSONL by the same
limit (``bounded_lines``), a compressed file by what it may expand to (``MAX_EXPANSION``);
only regular files are opened (a FIFO or a device could block or never end), and a
folder that cannot be listed is a failure of its own (``walk_folder``).
"""

from __future__ import annotations

import gzip
import json
import logging
import os
import stat
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Protocol, TypeVar, cast

from storybrief.config import Settings
from storybrief.errors import IngestError, StorybriefError
from storybrief.ingest.decode import decode_bytes
from storybrief.ingest.feeds import (
    FEED_SUFFIXES,
    WARC_SUFFIXES,
    looks_like_feed,
    read_feed,
    read_warc,
)
from storybrief.ingest.formats import RawArticle, format_for, read_items, record_article
from storybrief.model import FailureReason, IngestFailure
from storybrief.text import clean_label, normalize_newlines

#: A compressed JSONL file is refused once it has expanded to this many times its
#: size: a decompression bomb (a 458 KB file holding one 300 MB line). Judgement
#: call: news JSONL compresses 3-10 times with gzip, repetitive records up to about
#: 20; a bomb of repeated bytes expands about 1,000 times.
MAX_EXPANSION = 100
#: A compressed file may expand to this many bytes whatever its size (a small file's
#: gzip header outweighs its text).
MIN_EXPANDED_BYTES = 1 << 24
#: Bytes read at a time when skipping the rest of an over-long line.
_SKIP_CHUNK = 1 << 20
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz")

logger = logging.getLogger(__name__)
T = TypeVar("T")


def unexpected_failure(label: str, exc: Exception) -> IngestFailure:
    """An error no reader foresaw, as the failure of the one input it happened on."""
    if isinstance(exc, IngestError):
        return IngestFailure(clean_label(label), exc.reason, clean_label(exc.message))
    logger.warning("unexpected error on %s", label, exc_info=True)
    return IngestFailure(
        clean_label(label),
        FailureReason.MALFORMED,
        clean_label(f"storybrief could not read it ({type(exc).__name__}: {exc})"),
    )


def clean_failure(failure: IngestFailure) -> IngestFailure:
    """A failure whose source and message can be stored and printed (see ``clean_label``)."""
    source, message = clean_label(failure.source), clean_label(failure.message)
    if source == failure.source and message == failure.message:
        return failure
    return IngestFailure(source, failure.reason, message)


def guarded(label: str, items: Iterator[T]) -> Iterator[T | IngestFailure]:
    """The items of one input; an error while making them ends that input as its failure.

    Errors that concern the whole run (a missing package, a bad ``--cluster``) still
    propagate: they are not the input's fault.
    """
    try:
        yield from items
    except StorybriefError as exc:
        if not isinstance(exc, IngestError):
            raise
        yield unexpected_failure(label, exc)
    except Exception as exc:  # any other: the input's failure, the rest is still read
        yield unexpected_failure(label, exc)


def walk_folder(folder: Path) -> Iterator[Path | IngestFailure]:
    """The files in a folder and its sub-folders, in name order, hidden ones left out.

    A sub-folder that cannot be listed is a failure of its own (not skipped without a
    word); symbolic links to folders are followed once (a link back up is a loop).
    """
    yield from _walk(folder, set())


def _walk(folder: Path, seen: set[tuple[int, int]]) -> Iterator[Path | IngestFailure]:
    label = clean_label(str(folder))
    try:
        info = folder.stat()
        key = (info.st_dev, info.st_ino)
        if key in seen:
            yield IngestFailure(label, FailureReason.UNREADABLE, "a link back to a folder above")
            return
        seen.add(key)
        with os.scandir(folder) as entries:
            children = sorted(
                (Path(entry.path), entry.is_dir())
                for entry in entries
                if not entry.name.startswith(".")
            )
    except OSError as exc:
        reason = exc.strerror or str(exc)
        yield IngestFailure(label, FailureReason.UNREADABLE, f"cannot list the folder: {reason}")
        return
    for child, is_dir in children:
        if is_dir:
            yield from _walk(child, seen)
        else:
            yield child


def regular_file_failure(path: Path) -> IngestFailure | None:
    """Why ``path`` cannot be read as a file (missing, a FIFO, a device...), or None."""
    label = clean_label(str(path))
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return IngestFailure(label, FailureReason.NOT_FOUND, "no such file or folder")
    except OSError as exc:  # a name too long, no permission...
        return IngestFailure(label, FailureReason.UNREADABLE, exc.strerror or str(exc))
    except ValueError as exc:  # a NUL byte in the name
        return IngestFailure(label, FailureReason.UNREADABLE, f"not a usable file name: {exc}")
    if not stat.S_ISREG(mode):
        # A pipe or a device (/dev/zero) could block or never end.
        return IngestFailure(label, FailureReason.UNREADABLE, "not a regular file")
    return None


def read_path(
    path: Path, settings: Settings, cluster: int | None
) -> Iterator[RawArticle | IngestFailure]:
    """The articles (or failures) in a file, or in every file of a folder but hidden ones."""
    label = clean_label(str(path))
    try:
        if path.is_dir():
            empty = True
            for found in walk_folder(path):
                empty = False
                if isinstance(found, IngestFailure):
                    yield found
                else:
                    yield from read_path(found, settings, cluster)
            if empty:
                yield IngestFailure(label, FailureReason.EMPTY, "the folder holds no files")
            return
        refused = regular_file_failure(path)
        if refused is not None:
            yield refused
            return
        if path.name.lower().endswith(WARC_SUFFIXES):
            yield from read_warc(path, settings)
            return
        size = path.stat().st_size
        if size > settings.max_bytes:
            yield _too_large(label, size, settings)
            return
        # The size a file reports is not always its size (/proc): the read is bounded too.
        data = read_file_bytes(path, settings.max_bytes)
        if len(data) > settings.max_bytes:
            yield _too_large(label, len(data), settings)
            return
        if path.name.lower().endswith(FEED_SUFFIXES) or looks_like_feed(path):
            yield from read_feed(label, data)
            return
    except OSError as exc:
        yield IngestFailure(label, FailureReason.UNREADABLE, exc.strerror or str(exc))
        return
    yield from read_bytes(label, data, settings, cluster, name=path.name)


def read_file_bytes(path: Path, limit: int) -> bytes:
    """At most ``limit + 1`` bytes of a file: one more than the limit tells it is over."""
    with path.open("rb") as handle:
        return handle.read(limit + 1)


def _too_large(label: str, size: int, settings: Settings) -> IngestFailure:
    return IngestFailure(
        label,
        FailureReason.TOO_LARGE,
        f"{size:,} bytes or more is over the {settings.max_bytes:,}-byte limit "
        "(raise it with --max-bytes or STORYBRIEF_MAX_BYTES)",
    )


class LineReader(Protocol):
    """A binary stream read line by line."""

    def readline(self, size: int = -1, /) -> bytes: ...


def bounded_lines(stream: LineReader, limit: int) -> Iterator[tuple[int, bytes | None]]:
    """The numbered lines of a binary stream, each at most ``limit`` bytes.

    A longer line is never held whole: it is read past in chunks and given as None,
    so that one line of 300 MB costs no more memory than the limit.
    """
    number = 0
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        number += 1
        if len(line) <= limit:
            yield number, line
            continue
        while not line.endswith(b"\n"):
            line = stream.readline(_SKIP_CHUNK)
            if not line:
                break
        yield number, None


class _CountingReader:
    """A binary file that counts the bytes read from it (the compressed size read so far)."""

    def __init__(self, raw: IO[bytes]) -> None:
        self.raw = raw
        self.count = 0

    def read(self, size: int = -1, /) -> bytes:
        data = self.raw.read(size)
        self.count += len(data)
        return data

    def readable(self) -> bool:
        return True


def read_jsonl(path: Path, settings: Settings) -> Iterator[RawArticle | IngestFailure]:
    """The records of a JSONL file (``.gz`` too), line by line, with no limit on the file.

    Each line is bounded by ``settings.max_bytes``; a bad line (not JSON, a number of
    5,000 digits, too long, a NUL byte) is a failure of its own and the next is read;
    a compressed file cut short keeps the lines before the cut and records the cut; a
    compressed file expanding past ``MAX_EXPANSION`` times its size is refused there.
    A record with a ``documents`` list gives one article per document.
    """
    label = clean_label(str(path))
    compressed = path.name.lower().endswith(".gz")
    number = 0
    try:
        with path.open("rb") as raw:
            counter = _CountingReader(raw)
            stream: LineReader = (
                gzip.GzipFile(mode="rb", fileobj=cast("IO[bytes]", counter)) if compressed else raw
            )
            expanded = 0
            records = 0
            for number, line in bounded_lines(stream, settings.max_bytes):
                line_label = f"{label}:{number}"
                if line is None:
                    yield IngestFailure(
                        line_label,
                        FailureReason.TOO_LARGE,
                        f"the line is over the {settings.max_bytes:,}-byte limit "
                        "(raise it with --max-bytes or STORYBRIEF_MAX_BYTES)",
                    )
                    expanded += settings.max_bytes
                else:
                    expanded += len(line)
                    for item in _jsonl_line(line_label, line):
                        records += 1
                        yield item
                allowed = max(MAX_EXPANSION * counter.count, MIN_EXPANDED_BYTES)
                if compressed and expanded > allowed:
                    yield IngestFailure(
                        label,
                        FailureReason.TOO_LARGE,
                        f"stopped after line {number}: the file expands to over {MAX_EXPANSION} "
                        "times its compressed size (a decompression bomb, or broken)",
                    )
                    return
            if not records:
                yield IngestFailure(label, FailureReason.EMPTY, "the file holds no records")
    except PermissionError as exc:
        yield IngestFailure(label, FailureReason.UNREADABLE, exc.strerror or str(exc))
    except (OSError, EOFError, zlib.error) as exc:  # gzip.BadGzipFile is an OSError
        where = f"after line {number}" if number else "at its start"
        yield IngestFailure(
            label, FailureReason.MALFORMED, f"unreadable {where} (cut short or corrupt): {exc}"
        )


def _jsonl_line(label: str, line: bytes) -> Iterator[RawArticle | IngestFailure]:
    if not line.strip():
        return
    if b"\x00" in line:
        yield IngestFailure(label, FailureReason.BINARY, "the line contains NUL bytes")
        return
    try:
        record = json.loads(line.decode("utf-8", errors="replace"))
    except (ValueError, RecursionError) as exc:  # ValueError: a 5,000-digit number too
        yield IngestFailure(label, FailureReason.MALFORMED, f"invalid JSON: {exc}")
        return
    if isinstance(record, dict) and isinstance(record.get("documents"), list):
        for i, doc in enumerate(record["documents"]):
            doc_id = doc.get("doc_id", i) if isinstance(doc, dict) else i
            yield record_article(f"{label}/{clean_label(str(doc_id))}", doc, "utf-8")
    else:
        yield record_article(label, record, "utf-8")


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
