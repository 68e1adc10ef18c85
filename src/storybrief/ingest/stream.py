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

import datetime as dt
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from storybrief.config import Settings
from storybrief.errors import IngestError
from storybrief.ingest.formats import ALL_CLUSTERS, RawArticle, _record_article, read_html
from storybrief.ingest.sources import _from_bytes, _from_path, finish_article
from storybrief.model import Article, DateRef, Evidence, FailureReason, IngestFailure, Stated

FEED_SUFFIXES = (".rss", ".atom", ".xml")
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
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
        yield from _finish(_from_path(path, settings, ALL_CLUSTERS), settings)


def looks_like_feed(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            head = handle.read(512).lower()
    except OSError:
        return False
    return b"<rss" in head or b"<feed" in head


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
                        yield _record_article(f"{label}/{doc_id}", doc, "utf-8")
                else:
                    yield _record_article(label, record, "utf-8")
    except OSError as exc:
        yield IngestFailure(str(path), FailureReason.UNREADABLE, str(exc))


def read_warc(path: Path, settings: Settings) -> Iterator[RawArticle | IngestFailure]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    found = 0
    try:
        with path.open("rb") as stream:
            for record in ArchiveIterator(stream):
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                kind = record.http_headers.get_header("Content-Type") or ""
                if "html" not in kind.lower():
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI") or str(path)
                body = record.content_stream().read(settings.max_bytes + 1)
                if len(body) > settings.max_bytes:
                    yield IngestFailure(url, FailureReason.TOO_LARGE, "record over the size limit")
                    continue
                found += 1
                html = body.decode("utf-8", errors="replace")
                item = read_html(url, html, "utf-8")
                if isinstance(item, RawArticle) and item.url is None:
                    item = RawArticle(**{**_fields(item), "url": url})
                yield item
    except (ArchiveLoadFailed, OSError, ValueError) as exc:
        yield IngestFailure(str(path), FailureReason.MALFORMED, f"not a readable WARC file: {exc}")
        return
    if not found:
        yield IngestFailure(
            str(path), FailureReason.NO_TEXT, "no HTML response records in the WARC file"
        )


def _fields(item: RawArticle) -> dict[str, Any]:
    return {name: getattr(item, name) for name in item.__dataclass_fields__}


def read_feed(label: str, data: bytes) -> Iterator[RawArticle | IngestFailure]:
    import feedparser

    parsed = feedparser.parse(data)
    if not parsed.entries:
        reason = "not a feed" if parsed.get("bozo") else "the feed has no entries"
        yield IngestFailure(label, FailureReason.MALFORMED, reason)
        return
    for number, entry in enumerate(parsed.entries):
        link = entry.get("link")
        entry_label = link or f"{label}#{number}"
        body = ""
        if entry.get("content"):
            body = entry["content"][0].get("value", "")
        body = body or entry.get("summary", "")
        if not body.strip():
            yield IngestFailure(entry_label, FailureReason.EMPTY, "the feed entry has no text")
            continue
        item = read_html(entry_label, f"<html><body><article>{body}</article></body></html>", None)
        if isinstance(item, IngestFailure):
            # Short entries are often plain text that trafilatura does not keep.
            item = RawArticle(entry_label, _plain(body), None)
        published = None
        for key in ("published", "updated"):
            day = _feed_day(entry.get(key), entry.get(f"{key}_parsed"))
            if day is not None:
                published = DateRef(day, "day", False, Evidence(entry[key], "record"))
                break
        title = entry.get("title")
        yield RawArticle(
            **{
                **_fields(item),
                "url": link or item.url,
                "title": Stated(title, Evidence(title, "record")) if title else item.title,
                "published": published or item.published,
            }
        )


def _feed_day(raw: Any, stamp: Any) -> dt.date | None:
    """The day of a feed's date, only when the text states that very day.

    feedparser rolls impossible dates over ("2024-02-30" becomes March 1,
    "2024-13-45" next January) and fails on year 0: such a date is unknown.
    """
    if not isinstance(raw, str) or stamp is None:
        return None
    try:
        day = dt.date(stamp.tm_year, stamp.tm_mon, stamp.tm_mday)
    except (ValueError, TypeError, AttributeError):
        return None
    month = day.strftime("%b")
    stated = (
        day.isoformat() in raw
        or re.search(rf"\b0?{day.day}\s+{month}[a-z]*\.?\s+{day.year}\b", raw, re.IGNORECASE)
        or re.search(rf"\b{month}[a-z]*\.?\s+0?{day.day},?\s+{day.year}\b", raw, re.IGNORECASE)
    )
    return day if stated else None


def _plain(html: str) -> str:
    import re

    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


def _from_url(url: str, settings: Settings, allow_private: bool) -> Iterator[Result]:
    from storybrief.ingest.fetch import fetch

    try:
        body, kind = fetch(url, max_bytes=settings.max_bytes, allow_private=allow_private)
    except IngestError as exc:
        yield IngestFailure(url, exc.reason, exc.message)
        return
    head = body[:512].lower()
    if "xml" in kind or "rss" in kind or "atom" in kind or b"<rss" in head or b"<feed" in head:
        yield from _finish(read_feed(url, body), settings)
    else:
        yield from _finish(_from_bytes(url, body, settings, ALL_CLUSTERS, name=".html"), settings)
