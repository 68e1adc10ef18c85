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
from typing import Any, BinaryIO

from storybrief.config import Settings
from storybrief.errors import MissingDependency
from storybrief.ingest.formats import RawArticle, read_html
from storybrief.model import DateRef, Evidence, FailureReason, IngestFailure, Stated
from storybrief.text import clean_label

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
    """Every HTML response record of a WARC file (``.gz`` too) through trafilatura.

    A record whose ``Content-Length`` does not match its content (it runs into the next
    record, or stops short of its end) is a failure of its own, and so is data that is
    no record; reading goes on at the next record found after it (``_next_record_start``).
    """
    label = clean_label(str(path))
    found = 0
    try:
        stream = path.open("rb")
    except OSError as exc:
        yield IngestFailure(label, FailureReason.UNREADABLE, exc.strerror or str(exc))
        return
    with stream:
        compressed = path.name.lower().endswith(".gz")
        start: int | None = 0
        while start is not None:
            resume: int | None = None
            for item in _warc_records(stream, start, label, settings):
                if isinstance(item, int):  # where a failure was: resume after it
                    resume = item + 1
                else:
                    found += 1
                    yield item
            start = None if resume is None else _next_record_start(stream, resume, compressed)
    if not found:
        yield IngestFailure(
            label, FailureReason.NO_TEXT, "no HTML response records in the WARC file"
        )


#: A record's header block as it starts a line: "WARC/1.0" or "WARC/1.1", then a WARC field.
_WARC_START = re.compile(rb"(?:^|\n)WARC/1\.[01]\r?\n(?:WARC|Content)-[A-Za-z-]+:")
_GZIP_START = b"\x1f\x8b\x08"
#: Bytes read at a time when looking for the next record after a broken one.
_SCAN_CHUNK = 1 << 20


def _warc_records(
    stream: BinaryIO, start: int, label: str, settings: Settings
) -> Iterator[RawArticle | IngestFailure | int]:
    """The records from ``start`` on; a broken one ends them with its failure and its offset."""
    from warcio.archiveiterator import ArchiveIterator

    stream.seek(start)
    offset = start
    try:
        records = ArchiveIterator(stream)
        for record in records:
            url = record.rec_headers.get_header("WARC-Target-URI") or label
            url = clean_label(url)
            wanted = record.rec_type == "response" and record.http_headers is not None
            kind = (record.http_headers.get_header("Content-Type") or "") if wanted else ""
            # Every record's content is read (bounded): one that swallowed the records
            # after it (a Content-Length too long) holds their headers.
            body = record.content_stream().read(settings.max_bytes + 1)
            errors = records.err_count
            records.read_to_end()  # past the record: warcio checks what follows it
            offset = records.get_record_offset()
            if records.err_count > errors or _WARC_START.search(body):
                yield IngestFailure(
                    url,
                    FailureReason.MALFORMED,
                    f"the WARC record at byte {offset:,} has a Content-Length that does not "
                    "match its content; reading goes on at the next record",
                )
                yield offset
                return
            if not body or "html" not in kind.lower():
                continue
            if len(body) > settings.max_bytes:
                yield IngestFailure(url, FailureReason.TOO_LARGE, "record over the size limit")
                continue
            item = read_html(url, body.decode("utf-8", errors="replace"), "utf-8")
            if isinstance(item, RawArticle) and item.url is None:
                item = replace(item, metadata=replace(item.metadata, url=url))
            yield item
    except MissingDependency:
        raise
    except Exception as exc:  # warcio raises many types on broken archives
        yield IngestFailure(
            label,
            FailureReason.MALFORMED,
            clean_label(f"not a readable WARC record after byte {offset:,}: {exc}".strip()),
        )
        yield offset


def _next_record_start(stream: BinaryIO, after: int, compressed: bool) -> int | None:
    """The offset of the next record (or gzip member) at or after ``after``, or None."""
    position = after
    tail = b""
    while True:
        stream.seek(position)
        chunk = stream.read(_SCAN_CHUNK)
        if not chunk:
            return None
        data = tail + chunk
        base = position - len(tail)
        if compressed:
            at = data.find(_GZIP_START)
            if at >= 0:
                return base + at
        else:
            found = _WARC_START.search(data)
            if found is not None:
                return (
                    base
                    + found.start()
                    + (1 if data[found.start() : found.start() + 1] == b"\n" else 0)
                )
        tail = data[-16:]
        position += len(chunk)


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
