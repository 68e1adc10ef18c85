"""Expand inputs (text, records, bytes, paths, folders, stdin) and turn each into articles.

A string is article text, never a path: text that names a file is not read as that file
(a service handing user text to the API must not leak its files). Paths are read when the
caller says they are paths: ``pathlib.Path`` objects (any ``os.PathLike``), or strings in
``paths=``, where ``"-"`` is standard input, as on the command line.
"""

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
from storybrief.ingest.read import clean_failure, guarded, read_bytes, read_path, unexpected_failure
from storybrief.model import Article, FailureReason, IngestFailure
from storybrief.text import clean_label, no_surrogates, shingles

# Judgement call: an article four fifths of whose five-word runs stand in another is a
# copy of it (a reprint with a new headline or lead, or a part of the story); rewrites of
# one wire story by different outlets share far less.
COPY_SHARE = 0.8


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


class _Stdin:
    """Standard input, as ``"-"`` among ``paths`` names it (a ``"-"`` string input is text)."""

    def __repr__(self) -> str:
        return "STDIN"


STDIN = _Stdin()


def load_articles(
    inputs: Iterable[InputLike] = (),
    settings: Settings | None = None,
    *,
    paths: Iterable[str | os.PathLike[str]] = (),
    cluster: int | None = None,
    stdin: BinaryIO | None = None,
) -> list[Article | IngestFailure]:
    """Read, decode, clean and check every input; keep the order they were given in.

    Args:
        inputs: what to read: text (a ``str``: always text, never a path), ``bytes``,
            ``ArticleInput`` records, mappings with a ``text`` key, and ``pathlib.Path``
            objects (files or folders, read recursively).
        settings: size limit and language check; defaults from the environment.
        paths: files or folders given as strings, read after ``inputs``; ``"-"``
            among them is standard input (as on the command line).
        cluster: for files holding several clusters (Multi-News, JSONL with
            ``documents``), which one to read.
        stdin: the stream ``"-"`` reads; defaults to the process's standard input.

    Returns:
        One entry per article found or per input that failed, in input order.
        Identical texts after the first are ``duplicate`` failures. An input that
        fails, however it fails, is one ``IngestFailure``; the others are still read.
    """
    settings = settings or Settings.from_env()
    results: list[Article | IngestFailure] = []
    seen: dict[str, str] = {}
    # A path string is a Path from here on; anything else in paths fails as an input of its own.
    given = [
        *inputs,
        *(STDIN if p == "-" else Path(p) if isinstance(p, str | os.PathLike) else p for p in paths),
    ]
    for item in _expand(given, settings, cluster, stdin):
        if isinstance(item, RawArticle):
            try:
                result: Article | IngestFailure = finish_article(item, settings)
            except Exception as exc:  # one article's failure, whatever it is
                result = unexpected_failure(item.source, exc)
        else:
            result = clean_failure(item)
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
    inputs: Iterable[InputLike | _Stdin],
    settings: Settings,
    cluster: int | None,
    stdin: BinaryIO | None,
) -> Iterator[RawArticle | IngestFailure]:
    for number, given in enumerate(inputs):
        yield from guarded(
            _label(given, number), _read_one(given, number, settings, cluster, stdin)
        )


def _label(given: object, number: int) -> str:
    if isinstance(given, ArticleInput):
        return clean_label(given.source or f"<record:{number}>")
    if isinstance(given, Mapping):
        source = given.get("source")
        return clean_label(source if isinstance(source, str) and source else f"<record:{number}>")
    if isinstance(given, bytes):
        return f"<bytes:{number}>"
    if given is STDIN:
        return "<stdin>"
    if isinstance(given, str):
        return f"<text:{number}>"
    if isinstance(given, os.PathLike):
        return clean_label(os.fsdecode(given))
    return f"<input:{number}>"


def _read_one(
    given: object, number: int, settings: Settings, cluster: int | None, stdin: BinaryIO | None
) -> Iterator[RawArticle | IngestFailure]:
    label = _label(given, number)
    if isinstance(given, ArticleInput):
        yield record_article(label, given.as_record(), None)
    elif isinstance(given, Mapping):
        yield record_article(label, given, None)
    elif isinstance(given, bytes):
        yield from read_bytes(label, given, settings, cluster)
    elif given is STDIN:
        stream = stdin if stdin is not None else sys.stdin.buffer
        yield from read_bytes(label, stream.read(settings.max_bytes + 1), settings, cluster)
    elif isinstance(given, str):
        data = no_surrogates(given).encode("utf-8")
        yield from read_bytes(label, data, settings, cluster, name=".txt")
    elif isinstance(given, os.PathLike):
        yield from read_path(Path(os.fsdecode(given)), settings, cluster)
    else:  # None, a number…: an input of its own that fails alone
        yield IngestFailure(
            label,
            FailureReason.MALFORMED,
            f"cannot read a {type(given).__name__}: give text, bytes, a path or a record",
        )
