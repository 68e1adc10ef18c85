"""Expand inputs (paths, folders, stdin, text, records) and turn each into articles."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import sys
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, BinaryIO

from storybrief.config import Settings
from storybrief.errors import IngestError
from storybrief.ingest.clean import clean_text, normalize_newlines, squash, words
from storybrief.ingest.decode import decode_bytes
from storybrief.ingest.formats import (
    RawArticle,
    _record_article,
    format_for,
    read_items,
)
from storybrief.ingest.language import MIN_CONFIDENCE, identify_language
from storybrief.model import Article, DateRef, FailureReason, IngestFailure

#: A text with no word this short or shorter is not prose ("aaaa…" for two megabytes).
MAX_WORD_CHARS = 40
#: Publication years before this are taken as mistakes, as are years after next year.
EARLIEST_YEAR = 1800
_PATH_SUFFIXES = (".txt", ".md", ".html", ".htm", ".json", ".jsonl", ".src", ".ndjson")


@dataclass(frozen=True, slots=True)
class ArticleInput:
    """An article handed over as a record rather than a file.

    Args:
        text: the article text.
        title, url, outlet, byline: optional stated metadata.
        published: the stated publication date (ISO text such as ``2013-02-02`` or a date).
        source: a label for messages and output; defaults to ``<record:N>``.
    """

    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    byline: str | None = None
    published: str | dt.date | None = None
    source: str | None = None

    def as_record(self) -> dict[str, Any]:
        published = self.published
        if isinstance(published, dt.date):
            published = published.isoformat()
        return {
            "text": self.text,
            "title": self.title,
            "url": self.url,
            "outlet": self.outlet,
            "byline": self.byline,
            "published": published,
        }


InputLike = str | os.PathLike[str] | bytes | ArticleInput | Mapping[str, Any]


def load_articles(
    inputs: Iterable[InputLike],
    settings: Settings | None = None,
    *,
    cluster: int | None = None,
    stdin: BinaryIO | None = None,
) -> list[Article | IngestFailure]:
    """Read, decode, clean and check every input; keep the order they were given in.

    Args:
        inputs: what to read (see the module docstring).
        settings: size limit and language check; defaults from the environment.
        cluster: for files holding several clusters (Multi-News, JSONL with
            ``documents``), which one to read.
        stdin: the stream ``"-"`` reads; defaults to the process's standard input.

    Returns:
        One entry per article found or per input that failed, in input order.
        Identical texts after the first are ``duplicate`` failures.
    """
    settings = settings or Settings.from_env()
    results: list[Article | IngestFailure] = []
    seen: dict[str, str] = {}
    for item in _expand(inputs, settings, cluster, stdin):
        if isinstance(item, RawArticle):
            result: Article | IngestFailure = finish_article(item, settings)
        else:
            result = item
        if isinstance(result, Article):
            first = seen.get(result.content_hash)
            if first is not None:
                result = IngestFailure(
                    result.source, FailureReason.DUPLICATE, f"same text as {first}"
                )
            else:
                seen[result.content_hash] = result.source
        results.append(result)
    return _latest_versions(results)


def _latest_versions(results: list[Article | IngestFailure]) -> list[Article | IngestFailure]:
    """One article per URL: an earlier version of an updated article is a duplicate.

    The later version is the one published later, else the one given later.
    """
    latest: dict[str, tuple[int, Article]] = {}
    for k, result in enumerate(results):
        if not isinstance(result, Article) or not result.url:
            continue
        seen = latest.get(result.url)
        older = (
            seen is not None
            and seen[1].published is not None
            and result.published is not None
            and result.published.value < seen[1].published.value
        )
        if not older:
            latest[result.url] = (k, result)
    keep = {k for k, _ in latest.values()}
    out: list[Article | IngestFailure] = []
    for k, result in enumerate(results):
        if isinstance(result, Article) and result.url and k not in keep:
            newer = latest[result.url][1]
            out.append(
                IngestFailure(
                    result.source,
                    FailureReason.DUPLICATE,
                    f"an earlier version of {result.url}; {newer.source} is used",
                )
            )
        else:
            out.append(result)
    return out


def _expand(
    inputs: Iterable[InputLike],
    settings: Settings,
    cluster: int | None,
    stdin: BinaryIO | None,
) -> Iterator[RawArticle | IngestFailure]:
    for number, given in enumerate(inputs):
        if isinstance(given, ArticleInput):
            label = given.source or f"<record:{number}>"
            yield _record_article(label, given.as_record(), None)
        elif isinstance(given, Mapping):
            yield _record_article(str(given.get("source") or f"<record:{number}>"), given, None)
        elif isinstance(given, bytes):
            yield from _from_bytes(f"<bytes:{number}>", given, settings, cluster)
        elif isinstance(given, str) and given == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            data = stream.read(settings.max_bytes + 1)
            yield from _from_bytes("<stdin>", data, settings, cluster)
        elif isinstance(given, str) and not _looks_like_path(given):
            yield from _from_bytes(
                f"<text:{number}>",
                no_surrogates(given).encode("utf-8"),
                settings,
                cluster,
                name=".txt",
            )
        elif isinstance(given, (str, os.PathLike)):
            yield from _from_path(Path(given), settings, cluster)
        else:  # None, a number…: an input of its own that fails alone
            yield IngestFailure(
                f"<input:{number}>",
                FailureReason.MALFORMED,
                f"cannot read a {type(given).__name__}: give text, bytes, a path or a record",
            )


def _looks_like_path(value: str) -> bool:
    if "\n" in value or len(value) > 1024 or not value.strip():
        return False  # "" is empty text, not the current folder
    if Path(value).exists():
        return True
    return " " not in value.strip() and (
        "/" in value or os.sep in value or value.lower().endswith(_PATH_SUFFIXES)
    )


def _from_path(
    path: Path, settings: Settings, cluster: int | None
) -> Iterator[RawArticle | IngestFailure]:
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
                yield from _from_path(file, settings, cluster)
            return
        if not path.exists():
            yield IngestFailure(label, FailureReason.NOT_FOUND, "no such file or folder")
            return
        if not path.is_file():
            # A pipe or a device (/dev/zero) could block or never end.
            yield IngestFailure(label, FailureReason.UNREADABLE, "not a regular file")
            return
        from storybrief.ingest import stream  # it builds on this module

        if path.name.lower().endswith(stream.WARC_SUFFIXES):
            yield from stream.read_warc(path, settings)
            return
        if path.name.lower().endswith(stream.FEED_SUFFIXES) or stream.looks_like_feed(path):
            if path.stat().st_size > settings.max_bytes:
                yield IngestFailure(label, FailureReason.TOO_LARGE, "over the size limit")
                return
            yield from stream.read_feed(label, path.read_bytes())
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
    yield from _from_bytes(label, data, settings, cluster, name=path.name)


def _from_bytes(
    label: str, data: bytes, settings: Settings, cluster: int | None, *, name: str = ""
) -> Iterator[RawArticle | IngestFailure]:
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


_SURROGATE = re.compile("[\ud800-\udfff]")


def no_surrogates(text: str) -> str:
    """The text with lone surrogates (undecodable file names, broken strings) replaced by U+FFFD.

    They cannot be written as UTF-8: a store or a JSON file would fail on them.
    """
    return _SURROGATE.sub("\ufffd", text)


# Scripts written without spaces between words: each character counts as a word.
_UNSPACED = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\u0e00-\u0e7f]")


def _language_units(text: str) -> int:
    """How many words the text has, for deciding whether its language can be told."""
    return len(words(text)) + len(_UNSPACED.findall(text[:20000]))


def _plausible(date: DateRef | None) -> DateRef | None:
    """A stated publication date, unless no news article can bear it (year 9999, year 1)."""
    if date is None:
        return None
    latest = dt.date.today().year + 1
    return date if EARLIEST_YEAR <= date.value.year <= latest else None


def finish_article(raw: RawArticle, settings: Settings) -> Article | IngestFailure:
    """Clean one raw article, check its language, and give it its id."""
    raw = replace(raw, source=no_surrogates(raw.source))
    text = normalize_newlines(no_surrogates(raw.text))
    if not text.strip():
        return IngestFailure(raw.source, FailureReason.EMPTY, "the article text is empty")
    cleaned = clean_text(text, known_title=raw.title.value if raw.title else None)
    if not cleaned.text.strip():
        return IngestFailure(
            raw.source, FailureReason.NO_TEXT, "nothing is left once headers and debris are removed"
        )
    if not any(len(w) <= MAX_WORD_CHARS for w in words(cleaned.text)) and not _UNSPACED.search(
        cleaned.text[:20000]
    ):
        return IngestFailure(
            raw.source,
            FailureReason.NO_TEXT,
            f"no words: {len(cleaned.text):,} characters without a word of "
            f"{MAX_WORD_CHARS} letters or fewer",
        )
    lang: str | None = None
    if _language_units(cleaned.text) >= settings.min_language_words:
        lang, confidence = identify_language(cleaned.text)
        sample = cleaned.text[:20000]
        letters = sum(ch.isalpha() for ch in sample)
        # Mostly in a script English is not written in: not English, however short.
        unspaced = len(_UNSPACED.findall(sample)) >= 0.5 * max(letters, 1)
        if lang != "en" and (confidence >= MIN_CONFIDENCE or unspaced):
            return IngestFailure(
                raw.source,
                FailureReason.NOT_ENGLISH,
                f"the text is in '{lang}' (confidence {confidence:.2f}); storybrief reads English",
            )
    normalized = squash(cleaned.text)
    content_hash = hashlib.sha256(normalized.encode()).hexdigest()[:16]
    url = raw.url or cleaned.url
    # The text is part of the id: one URL can serve an article and, later, its update.
    id_basis = f"{url}\n{normalized}" if url else normalized
    return Article(
        id=hashlib.sha256(id_basis.encode()).hexdigest()[:12],
        source=raw.source,
        text=cleaned.text,
        content_hash=content_hash,
        title=cleaned.title if cleaned.title is not None else raw.title,
        outlet=raw.outlet or cleaned.outlet,
        byline=raw.byline or cleaned.byline,
        dateline=cleaned.dateline,
        published=_plausible(raw.published) or _plausible(cleaned.published),
        url=url,
        lang=lang,
        encoding=raw.encoding,
        removed=cleaned.removed,
        captions=cleaned.captions,
    )
