"""Reading a stream of sources for the store: files, folders, feeds, WARC, JSONL and URLs.

Everything the ``brief`` command reads is read here too; in addition:

- JSONL is read line by line (no size limit for the file, the per-article
  limit still holds), and a record with a ``documents`` list gives one article
  per document;
- RSS/Atom feeds (feedparser; a file or a URL): one article per entry, its
  content (or summary) with the entry's title, link and date;
- WARC files (warcio): every HTML response record through trafilatura;
- http(s) URLs, fetched safely (``storybrief.ingest.fetch``): a feed or a page.

Every item comes out as an ``Article`` or an ``IngestFailure`` with its reason.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from storybrief.config import Settings
from storybrief.errors import IngestError
from storybrief.ingest.feeds import (
    FEED_SNIFF_BYTES,
    FEED_SUFFIXES,
    WARC_SUFFIXES,
    looks_like_feed,
    read_feed,
    read_warc,
)
from storybrief.ingest.finish import finish_article
from storybrief.ingest.formats import ALL_CLUSTERS, RawArticle, record_article
from storybrief.ingest.read import read_bytes, read_path
from storybrief.model import Article, FailureReason, IngestFailure

JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz")

Result = Article | IngestFailure


def iter_stream(
    sources: Iterable[str | Path], settings: Settings, *, allow_private: bool = False
) -> Iterator[Result]:
    """Every article (or failure) in the sources, in order."""
    for source in sources:
        text = str(source)
        if text.startswith(("http://", "https://")):
            yield from _from_url(text, settings, allow_private)
            continue
        path = Path(text)
        if path.is_dir():
            files = sorted(
                p
                for p in path.rglob("*")
                if p.is_file() and not any(x.startswith(".") for x in p.relative_to(path).parts)
            )
            if not files:
                yield IngestFailure(text, FailureReason.EMPTY, "the folder holds no files")
            for file in files:
                yield from _from_file(file, settings)
        else:
            yield from _from_file(path, settings)


def _finish(items: Iterable[RawArticle | IngestFailure], settings: Settings) -> Iterator[Result]:
    for item in items:
        yield finish_article(item, settings) if isinstance(item, RawArticle) else item


def _from_file(path: Path, settings: Settings) -> Iterator[Result]:
    name = path.name.lower()
    if not path.exists():
        yield IngestFailure(str(path), FailureReason.NOT_FOUND, "no such file or folder")
    elif name.endswith(JSONL_SUFFIXES):
        yield from _finish(_jsonl(path), settings)
    elif name.endswith(WARC_SUFFIXES):
        yield from _finish(read_warc(path, settings), settings)
    elif name.endswith(FEED_SUFFIXES) or looks_like_feed(path):
        try:
            data = path.read_bytes()
        except OSError as exc:
            yield IngestFailure(str(path), FailureReason.UNREADABLE, str(exc))
            return
        yield from _finish(read_feed(str(path), data), settings)
    else:
        yield from _finish(read_path(path, settings, ALL_CLUSTERS), settings)


def _jsonl(path: Path) -> Iterator[RawArticle | IngestFailure]:
    import gzip

    opener: Any = gzip.open if path.name.lower().endswith(".gz") else open
    try:
        with opener(path, "rt", encoding="utf-8", errors="replace") as lines:
            for number, line in enumerate(lines, 1):
                if not line.strip():
                    continue
                label = f"{path}:{number}"
                try:
                    record = json.loads(line)
                except (json.JSONDecodeError, RecursionError) as exc:
                    yield IngestFailure(label, FailureReason.MALFORMED, f"invalid JSON: {exc}")
                    continue
                if isinstance(record, dict) and isinstance(record.get("documents"), list):
                    for i, doc in enumerate(record["documents"]):
                        doc_id = doc.get("doc_id", i) if isinstance(doc, dict) else i
                        yield record_article(f"{label}/{doc_id}", doc, "utf-8")
                else:
                    yield record_article(label, record, "utf-8")
    except OSError as exc:
        yield IngestFailure(str(path), FailureReason.UNREADABLE, str(exc))


def _from_url(url: str, settings: Settings, allow_private: bool) -> Iterator[Result]:
    from storybrief.ingest.fetch import fetch

    try:
        body, kind = fetch(url, max_bytes=settings.max_bytes, allow_private=allow_private)
    except IngestError as exc:
        yield IngestFailure(url, exc.reason, exc.message)
        return
    head = body[:FEED_SNIFF_BYTES].lower()
    if "xml" in kind or "rss" in kind or "atom" in kind or b"<rss" in head or b"<feed" in head:
        yield from _finish(read_feed(url, body), settings)
    else:
        yield from _finish(read_bytes(url, body, settings, ALL_CLUSTERS, name=".html"), settings)
