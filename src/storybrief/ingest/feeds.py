"""Feeds and web archives: RSS/Atom entries and WARC response records as raw articles.

- RSS/Atom feeds (feedparser): one article per entry, its content (or summary) with
  the entry's title, link and date;
- WARC files (warcio): every HTML response record through trafilatura.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from storybrief.config import Settings
from storybrief.ingest.formats import RawArticle, read_html
from storybrief.model import DateRef, Evidence, FailureReason, IngestFailure, Stated

FEED_SUFFIXES = (".rss", ".atom", ".xml")
#: Bytes read from the start of a file or response to see an RSS or Atom root
#: (a judgement call: the root element follows the XML declaration near the start).
FEED_SNIFF_BYTES = 512
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")


def looks_like_feed(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            head = handle.read(FEED_SNIFF_BYTES).lower()
    except OSError:
        return False
    return b"<rss" in head or b"<feed" in head


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
                    item = replace(item, metadata=replace(item.metadata, url=url))
                yield item
    except (ArchiveLoadFailed, OSError, ValueError) as exc:
        yield IngestFailure(str(path), FailureReason.MALFORMED, f"not a readable WARC file: {exc}")
        return
    if not found:
        yield IngestFailure(
            str(path), FailureReason.NO_TEXT, "no HTML response records in the WARC file"
        )


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
        stated = replace(
            item.metadata,
            url=link or item.url,
            title=Stated(title, Evidence(title, "record")) if title else item.title,
            published=published or item.published,
        )
        yield replace(item, metadata=stated)


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
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()
