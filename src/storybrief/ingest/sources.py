"""Expand inputs (paths, folders, stdin, text, records) and turn each into articles."""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from storybrief.config import Settings
from storybrief.ingest.finish import finish_article
from storybrief.ingest.formats import RawArticle, record_article
from storybrief.ingest.read import read_bytes, read_path
from storybrief.model import Article, FailureReason, IngestFailure
from storybrief.text import no_surrogates, shingles

# Judgement call: an article four fifths of whose five-word runs stand in another is a
# copy of it (a reprint with a new headline or lead, or a part of the story); rewrites of
# one wire story by different outlets share far less.
COPY_SHARE = 0.8
_PATH_SUFFIXES = (".txt", ".md", ".html", ".htm", ".json", ".jsonl", ".src", ".ndjson")
# Judgement call: a string longer than this is text, not a path.
_MAX_PATH_CHARS = 1024


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


def near_copies(results: list[Article | IngestFailure]) -> list[Article | IngestFailure]:
    """One source per text: an article most of whose text another article carries is a copy.

    An article is a copy when at least ``COPY_SHARE`` of its word shingles are in
    one other article: a verbatim or nearly verbatim reprint, or a part of a
    longer story (a wire story's second half). The fuller article is kept, the
    first given of two equal ones; the copy is a ``duplicate`` failure that names
    it. Shingles are indexed, so the cost grows with the words, not the pairs.
    """
    articles = [(k, r) for k, r in enumerate(results) if isinstance(r, Article)]
    sets = {k: shingles(a.text) for k, a in articles}
    holders: dict[str, list[int]] = {}
    for k, _ in articles:
        for shingle in sets[k]:
            holders.setdefault(shingle, []).append(k)
    copy_of: dict[int, tuple[int, float]] = {}
    for k, _ in articles:
        shared: dict[int, int] = {}
        for shingle in sets[k]:
            for other in holders[shingle]:
                if other != k:
                    shared[other] = shared.get(other, 0) + 1
        for other, n in sorted(shared.items(), key=lambda x: (-x[1], x[0])):
            share = n / len(sets[k])
            fuller = len(sets[other]) > len(sets[k]) or (
                len(sets[other]) == len(sets[k]) and other < k
            )
            if share >= COPY_SHARE and fuller and other not in copy_of:
                copy_of[k] = (other, share)
            break
    out: list[Article | IngestFailure] = []
    for k, result in enumerate(results):
        if k in copy_of:
            other, share = copy_of[k]
            kept = results[other]
            assert isinstance(result, Article)
            assert isinstance(kept, Article)
            out.append(
                IngestFailure(
                    result.source,
                    FailureReason.DUPLICATE,
                    f"a copy of {kept.source}: {share:.0%} of its text is there",
                )
            )
        else:
            out.append(result)
    return out


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
            yield record_article(label, given.as_record(), None)
        elif isinstance(given, Mapping):
            yield record_article(str(given.get("source") or f"<record:{number}>"), given, None)
        elif isinstance(given, bytes):
            yield from read_bytes(f"<bytes:{number}>", given, settings, cluster)
        elif isinstance(given, str) and given == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            data = stream.read(settings.max_bytes + 1)
            yield from read_bytes("<stdin>", data, settings, cluster)
        elif isinstance(given, str) and not _looks_like_path(given):
            yield from read_bytes(
                f"<text:{number}>",
                no_surrogates(given).encode("utf-8"),
                settings,
                cluster,
                name=".txt",
            )
        elif isinstance(given, (str, os.PathLike)):
            yield from read_path(Path(given), settings, cluster)
        else:  # None, a number…: an input of its own that fails alone
            yield IngestFailure(
                f"<input:{number}>",
                FailureReason.MALFORMED,
                f"cannot read a {type(given).__name__}: give text, bytes, a path or a record",
            )


def _looks_like_path(value: str) -> bool:
    if "\n" in value or len(value) > _MAX_PATH_CHARS or not value.strip():
        return False  # "" is empty text, not the current folder
    if Path(value).exists():
        return True
    return " " not in value.strip() and (
        "/" in value or os.sep in value or value.lower().endswith(_PATH_SUFFIXES)
    )
