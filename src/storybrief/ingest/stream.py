"""Reading a stream of sources for the store: files, folders, feeds, WARC, JSONL and URLs.

Everything the ``brief`` command reads is read here too; in addition:

- JSONL is read line by line (no size limit for the file, the per-article
  limit holds for each line, a compressed file may not expand past
  ``read.MAX_EXPANSION`` times its size), and a record with a ``documents`` list
  gives one article per document;
- RSS/Atom feeds (feedparser; a file or a URL): one article per entry, its
  content (or summary) with the entry's title, link and date;
- WARC files (warcio): every HTML response record through trafilatura;
- http(s) URLs, fetched safely (``storybrief.ingest.fetch``): a feed or a page.

Every item comes out as an ``Article`` or an ``IngestFailure`` with its reason: an
error in one source or one article, whatever it is, is that one's failure and the
rest is read. Only regular files are opened (a FIFO would block), and a folder
that cannot be listed is a failure too.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

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
from storybrief.ingest.formats import ALL_CLUSTERS, RawArticle
from storybrief.ingest.read import (
    JSONL_SUFFIXES,
    clean_failure,
    guarded,
    read_bytes,
    read_file_bytes,
    read_jsonl,
    read_path,
    regular_file_failure,
    unexpected_failure,
    walk_folder,
)
from storybrief.model import Article, FailureReason, IngestFailure
from storybrief.text import clean_label

Result = Article | IngestFailure


def iter_stream(
    sources: Iterable[str | Path],
    settings: Settings,
    *,
    allow_private: bool = False,
    opened: Callable[[str], None] | None = None,
) -> Iterator[Result]:
    """Every article (or failure) in the sources, in order.

    Args:
        sources: paths (files or folders) and http(s) URLs.
        settings: the size limit and the language check.
        allow_private: fetch URLs on private and loopback addresses too.
        opened: told the label of each file or URL as its reading starts (as many
            calls as ``count_sources`` counts).
    """
    for source in sources:
        text = str(source)
        yield from _finish(
            guarded(clean_label(text), _read_source(text, settings, allow_private, opened)),
            settings,
        )


def count_sources(sources: Iterable[str | Path]) -> int:
    """How many files and URLs ``iter_stream`` will open: folders are walked (names only)."""
    count = 0
    for source in sources:
        text = str(source)
        if _is_folder(text):
            count += sum(1 for found in walk_folder(Path(text)) if isinstance(found, Path))
        else:
            count += 1
    return count


def _is_folder(text: str) -> bool:
    if text.startswith(("http://", "https://")):
        return False
    try:
        return Path(text).is_dir()
    except (OSError, ValueError):  # a name too long, a NUL in it: not a folder
        return False


def _read_source(
    text: str, settings: Settings, allow_private: bool, opened: Callable[[str], None] | None
) -> Iterator[RawArticle | IngestFailure]:
    if not _is_folder(text):
        if opened is not None:
            opened(clean_label(text))
        if text.startswith(("http://", "https://")):
            yield from _from_url(text, settings, allow_private)
        else:
            yield from _from_file(Path(text), settings)
        return
    empty = True
    for found in walk_folder(Path(text)):
        empty = False
        if isinstance(found, IngestFailure):
            yield found
        else:
            if opened is not None:
                opened(clean_label(str(found)))
            yield from guarded(clean_label(str(found)), _from_file(found, settings))
    if empty:
        yield IngestFailure(clean_label(text), FailureReason.EMPTY, "the folder holds no files")


def _finish(items: Iterable[RawArticle | IngestFailure], settings: Settings) -> Iterator[Result]:
    for item in items:
        if isinstance(item, IngestFailure):
            yield clean_failure(item)
            continue
        try:
            yield finish_article(item, settings)
        except Exception as exc:  # one article's failure, whatever it is
            yield unexpected_failure(item.source, exc)


def _from_file(path: Path, settings: Settings) -> Iterator[RawArticle | IngestFailure]:
    refused = regular_file_failure(path)
    if refused is not None:
        yield refused
        return
    name = path.name.lower()
    if name.endswith(JSONL_SUFFIXES):
        yield from read_jsonl(path, settings)
    elif name.endswith(WARC_SUFFIXES):
        yield from read_warc(path, settings)
    elif name.endswith(FEED_SUFFIXES) or looks_like_feed(path):
        label = clean_label(str(path))
        try:
            data = read_file_bytes(path, settings.max_bytes)
        except OSError as exc:
            yield IngestFailure(label, FailureReason.UNREADABLE, exc.strerror or str(exc))
            return
        if len(data) > settings.max_bytes:
            yield IngestFailure(
                label, FailureReason.TOO_LARGE, f"over the {settings.max_bytes:,}-byte limit"
            )
            return
        yield from read_feed(label, data)
    else:
        yield from read_path(path, settings, ALL_CLUSTERS)


def _from_url(
    url: str, settings: Settings, allow_private: bool
) -> Iterator[RawArticle | IngestFailure]:
    from storybrief.ingest.fetch import fetch

    try:
        body, kind = fetch(url, max_bytes=settings.max_bytes, allow_private=allow_private)
    except IngestError as exc:
        yield IngestFailure(clean_label(url), exc.reason, exc.message)
        return
    head = body[:FEED_SNIFF_BYTES].lower()
    if "xml" in kind or "rss" in kind or "atom" in kind or b"<rss" in head or b"<feed" in head:
        yield from read_feed(clean_label(url), body)
    else:
        yield from read_bytes(clean_label(url), body, settings, ALL_CLUSTERS, name=".html")
