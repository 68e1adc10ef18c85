"""Format readers: text/markdown, HTML, JSON/JSONL records, Multi-News lines.

Each reader turns decoded input into ``RawArticle``s (not yet cleaned) or
``IngestFailure``s; it never raises for bad content.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from storybrief.ingest.dates import parse_date_line
from storybrief.model import (
    DateRef,
    Evidence,
    FailureReason,
    IngestFailure,
    Metadata,
    Stated,
    StatesMetadata,
)
from storybrief.text import clean_field

logger = logging.getLogger(__name__)

Format = Literal["text", "html", "json", "jsonl", "multinews"]

_EXTENSIONS: Mapping[str, Format] = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".markdown": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".src": "multinews",
}
_MULTINEWS_DOC_SEP = "|||||"
_MULTINEWS_NEWLINE = re.compile(r"[ \t]*NEWLINE_CHAR[ \t]*")
_HTML_START = re.compile(r"^\s*(?:<!doctype html|<html|<head|<body|<article|<p[\s>]|<div)", re.I)
_ISO_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ].*)?$")
# A record's date written in figures, with a clock time or not: "08/20/1998 05:55:00"
# (DUC's wire copy), "20.08.1998", "1998/08/20".
_NUMERIC_DATE = re.compile(
    r"^(?:(\d{1,2})([/.-])(\d{1,2})\2(\d{4})|(\d{4})/(\d{1,2})/(\d{1,2}))"
    r"(?:[ T]\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?)?$"
)
# Judgement calls: characters read to tell a format from its content, and to
# find Multi-News markers (a cluster's first separator can come after a long article).
SNIFF_CHARS = 2000
MULTINEWS_SNIFF_CHARS = 200_000


@dataclass(frozen=True, slots=True)
class RawArticle(StatesMetadata):
    """An article as read, before cleaning.

    ``metadata`` holds what the input's structure states (HTML markup, record fields, a
    feed entry), never what its text says; ``raw.title`` and the like read it too.
    """

    source: str
    text: str
    encoding: str | None = None
    metadata: Metadata = field(default_factory=Metadata)


Item = RawArticle | IngestFailure


def format_for(name: str, text: str) -> Format:
    """The format of an input, from its file extension or, failing that, its content."""
    lowered = name.lower()
    for ext, fmt in _EXTENSIONS.items():
        if lowered.endswith(ext):
            if fmt in ("text", "jsonl") and _is_multinews(text):
                return "multinews"
            return fmt
    return sniff_format(text)


def sniff_format(text: str) -> Format:
    head = text.lstrip()[:SNIFF_CHARS]
    if _is_multinews(text):
        return "multinews"
    if _HTML_START.match(head):
        return "html"
    if head.startswith("["):
        return "json"
    if head.startswith("{"):
        first_line = head.split("\n", 1)[0].strip()
        return "jsonl" if first_line.endswith("}") and "\n" in text.strip() else "json"
    return "text"


def _is_multinews(text: str) -> bool:
    head = text[:MULTINEWS_SNIFF_CHARS]
    return _MULTINEWS_DOC_SEP in head or "NEWLINE_CHAR" in head


def read_items(
    source: str, text: str, fmt: Format, *, encoding: str | None, cluster: int | None
) -> Iterator[Item]:
    """The articles (or failures) that one decoded input holds."""
    if fmt == "text":
        yield RawArticle(source, text, encoding)
    elif fmt == "html":
        yield read_html(source, text, encoding)
    elif fmt == "multinews":
        yield from read_multinews(source, text, encoding, cluster)
    else:
        yield from read_json(source, text, encoding, cluster, lines=fmt == "jsonl")


# -- HTML ----------------------------------------------------------------------------


_TAG = re.compile(r"<(script|style)\b.*?(?:</\1\s*>|$)|<[^>]*>", re.IGNORECASE | re.DOTALL)


def read_html(source: str, html: str, encoding: str | None) -> Item:
    """Main text and metadata with trafilatura, the publication date with htmldate."""
    try:
        import trafilatura
        from htmldate import find_date
    except ImportError as exc:
        # lxml 5.2 moved lxml.html.clean (which trafilatura's justext imports) to a
        # package of its own, lxml_html_clean; an install that misses it fails here.
        from storybrief.errors import MissingDependency

        raise MissingDependency(
            f"reading HTML needs trafilatura and its dependencies ({exc}); "
            "run `pip install lxml_html_clean trafilatura` or install storybrief again"
        ) from None
    try:
        extracted = trafilatura.extract(
            html,
            output_format="json",
            with_metadata=True,
            include_comments=False,
            include_tables=False,
        )
    except Exception as exc:  # trafilatura/lxml raise many types on hostile markup
        return IngestFailure(source, FailureReason.MALFORMED, f"HTML could not be parsed: {exc}")
    if not extracted:
        return IngestFailure(
            source, FailureReason.NO_TEXT, "no article text found in the HTML (trafilatura)"
        )
    data: dict[str, Any] = json.loads(extracted)
    published: DateRef | None = None
    try:
        # extensive_search=False: only dates the page states in its markup or URL,
        # never a guess from free text.
        found = find_date(html, extensive_search=False, original_date=True)
    except Exception:  # htmldate can fail on broken markup; a missing date is not fatal
        found = None
    if found:
        try:
            day = dt.date.fromisoformat(found)
        except ValueError:  # a date htmldate read but no calendar has: unknown
            day = None
        if day is not None:
            published = DateRef(day, "day", False, Evidence(found, "html"))

    def stated(key: str) -> Stated | None:
        value = data.get(key)
        if not value:
            return None
        # A <title> holds text only: markup written inside it is not part of the title.
        value = " ".join(_TAG.sub(" ", str(value)).split())
        return Stated(value, Evidence(value, "html")) if value else None

    return RawArticle(
        source,
        str(data.get("text") or ""),
        encoding,
        Metadata(
            title=stated("title"),
            url=data.get("url") or data.get("source") or None,
            outlet=stated("sitename") or stated("source-hostname"),
            byline=stated("author"),
            published=published,
        ),
    )


# -- JSON ----------------------------------------------------------------------------


def read_json(
    source: str, text: str, encoding: str | None, cluster: int | None, *, lines: bool
) -> Iterator[Item]:
    """Records with ``text`` (and optional title, url, outlet, byline, published).

    A record with a ``documents`` list is a cluster (as in Multi-News or DUC
    converted to JSONL): its documents are the articles, and ``cluster`` picks the
    line when there are several.
    """
    records: list[tuple[str, Any]] = []
    failures: dict[str, IngestFailure] = {}
    if lines:
        for number, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            label = f"{source}:{number}"
            try:
                records.append((label, json.loads(line)))
            except (ValueError, RecursionError) as exc:  # ValueError: a 5,000-digit number
                failures[label] = IngestFailure(
                    label, FailureReason.MALFORMED, f"invalid JSON: {exc}"
                )
                records.append((label, None))
    else:
        try:
            data = json.loads(text)
        # RecursionError: "[[[[…" nested past Python's limit; ValueError: a 5,000-digit number.
        except (ValueError, RecursionError) as exc:
            yield IngestFailure(source, FailureReason.MALFORMED, f"invalid JSON: {exc}")
            return
        items = data if isinstance(data, list) else [data]
        records = [
            (source if len(items) == 1 else f"{source}[{i}]", item) for i, item in enumerate(items)
        ]
    clusters = [
        r for r in records if isinstance(r[1], dict) and isinstance(r[1].get("documents"), list)
    ]
    if clusters:
        chosen_ones = (
            clusters if cluster == ALL_CLUSTERS else [_pick_cluster(source, clusters, cluster)]
        )
        for label, chosen in chosen_ones:
            for i, doc in enumerate(chosen["documents"]):
                doc_label = f"{label}/{doc.get('doc_id', i) if isinstance(doc, dict) else i}"
                yield record_article(doc_label, doc, encoding)
        # The other records of a file of clusters are not dropped without a word.
        in_clusters = {label for label, _ in clusters}
        for label, _record in records:
            if label in failures:
                yield failures[label]
            elif label not in in_clusters:
                yield IngestFailure(
                    label,
                    FailureReason.MALFORMED,
                    "a single record in a file of clusters (records with 'documents'); "
                    "give it in a file of its own",
                )
        return
    for label, record in records:
        yield failures[label] if label in failures else record_article(label, record, encoding)


#: ``cluster`` value that reads every cluster of a file (the store's ingest does).
ALL_CLUSTERS = -1


def _pick_cluster(
    source: str, clusters: list[tuple[str, Any]], cluster: int | None
) -> tuple[str, Any]:
    if cluster is None:
        if len(clusters) > 1:
            logger.warning(
                "%s holds %d clusters; briefing the first (choose one with --cluster N)",
                source,
                len(clusters),
            )
        cluster = 0
    if not 0 <= cluster < len(clusters):
        from storybrief.errors import InputError

        raise InputError(
            f"{source} has clusters 0-{len(clusters) - 1}; --cluster {cluster} is not one"
        )
    return clusters[cluster]


def record_article(label: str, record: Any, encoding: str | None) -> Item:
    """One record (a JSON object with ``text`` and optional metadata fields) as an article."""
    if not isinstance(record, dict):
        return IngestFailure(label, FailureReason.MALFORMED, "a record must be a JSON object")
    body = record.get("text")
    if not isinstance(body, str):
        return IngestFailure(
            label, FailureReason.MALFORMED, "the record has no string 'text' field"
        )

    def stated(key: str) -> Stated | None:
        value = record.get(key)
        if isinstance(value, str) and value.strip():
            value = clean_field(value)
            return Stated(value, Evidence(f"{key}: {value}", "record"))
        return None

    url = record.get("url")
    url = clean_field(url) if isinstance(url, str) else None
    return RawArticle(
        label,
        body,
        encoding,
        Metadata(
            title=stated("title"),
            url=url or None,
            outlet=stated("outlet"),
            byline=stated("byline"),
            published=_record_date(record),
        ),
    )


def _record_date(record: Mapping[str, Any]) -> DateRef | None:
    for key in ("published", "date"):
        value = record.get(key)
        if not isinstance(value, str) or not value.strip():
            continue
        value = clean_field(value)
        evidence = Evidence(f"{key}: {value}", "record")
        m = _ISO_PARTIAL.match(value.strip())
        if m:
            year, month, day = m.group(1), m.group(2), m.group(3)
            try:
                if day:
                    return DateRef(dt.date(int(year), int(month), int(day)), "day", False, evidence)
                if month:
                    return DateRef(dt.date(int(year), int(month), 1), "month", False, evidence)
                return DateRef(dt.date(int(year), 1, 1), "year", False, evidence)
            except ValueError:
                continue
        day = _numeric_date(value.strip())
        if day is not None:
            return DateRef(day, "day", False, evidence)
        parsed = parse_date_line(value)
        if parsed:
            return DateRef(parsed[0], parsed[1], False, evidence)
    return None


def _numeric_date(value: str) -> dt.date | None:
    """A date in figures ("08/20/1998 05:55:00", "20.08.1998", "1998/08/20"). Day and
    month are told apart where one of them is over 12; where both could be either, a
    slash or a dash reads month first (the American order of the English-language wire
    copy this reads most: DUC's "09/10/1998" is September 10) and a full stop day
    first (the European "10.09.1998")."""
    m = _NUMERIC_DATE.match(value)
    if m is None:
        return None
    if m.group(5):
        year, month, day = int(m.group(5)), int(m.group(6)), int(m.group(7))
    else:
        first, second, year = int(m.group(1)), int(m.group(3)), int(m.group(4))
        day_first = first > 12 or (second <= 12 and m.group(2) == ".")
        day, month = (first, second) if day_first else (second, first)
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


# -- Multi-News ----------------------------------------------------------------------


def read_multinews(
    source: str, text: str, encoding: str | None, cluster: int | None
) -> Iterator[Item]:
    """One cluster per line, documents separated by ``|||||``, ``NEWLINE_CHAR`` for newlines."""
    lines = [(n, line) for n, line in enumerate(text.splitlines(), 1) if line.strip()]
    if not lines:
        yield IngestFailure(source, FailureReason.EMPTY, "the Multi-News file has no clusters")
        return
    labelled = [(f"{source}:{n}", line) for n, line in lines]
    chosen = labelled if cluster == ALL_CLUSTERS else [_pick_cluster(source, labelled, cluster)]
    for label, line in chosen:
        for i, doc in enumerate(line.split(_MULTINEWS_DOC_SEP)):
            doc_text = _MULTINEWS_NEWLINE.sub("\n", doc).strip()
            doc_label = f"{label}/{i}"
            if not doc_text:
                yield IngestFailure(doc_label, FailureReason.EMPTY, "empty document in the cluster")
                continue
            yield RawArticle(doc_label, doc_text, encoding)
