"""The stream side of the service: ingest into the store, cluster into stories, brief them."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from storybrief.config import Settings
from storybrief.ingest.stream import count_sources, iter_stream
from storybrief.model import (
    Article,
    IngestFailure,
    ProgressCallback,
    ProgressStep,
    ignore_progress,
)
from storybrief.store import Store
from storybrief.store.models import ArticleRow
from storybrief.stories.cluster import Item, cluster


def ingest(
    store: Store,
    sources: Iterable[str | Path],
    settings: Settings,
    *,
    allow_private: bool = False,
    progress: ProgressCallback | None = None,
    failed: Callable[[IngestFailure], None] | None = None,
) -> Counter[str]:
    """Read every source into the store, one transaction per article.

    Args:
        progress: told ``ProgressStep("reading", files done, files)`` as each file or URL
            is opened (folders are walked first to count them) and at the end.
        failed: told of each failure, as it is recorded in the store.

    Returns counts of ``read``, ``new``, ``updated`` (a new version from a URL already
    stored), ``duplicate``, ``near-duplicate`` and ``failed``.
    """
    sources = list(sources)
    total = count_sources(sources) if progress is not None else None
    files = 0

    def opened(label: str) -> None:
        nonlocal files
        if progress is not None:
            progress(ProgressStep("reading", files, total, label))
        files += 1

    counts: Counter[str] = Counter()
    for result in iter_stream(sources, settings, allow_private=allow_private, opened=opened):
        counts["read"] += 1
        if isinstance(result, IngestFailure):
            store.record_error(result)
            counts["failed"] += 1
            if failed is not None:
                failed(result)
        elif isinstance(result, Article):
            counts[store.add_article(result).status] += 1
    if progress is not None:
        progress(ProgressStep("reading", files, max(files, total or 0)))
    return counts


def _day(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _record_date(row: ArticleRow) -> str | None:
    """The publication date a record hands the brief: ISO text cut to its granularity.

    A record reads ``2024-03`` as a stated month; the first day, ``2024-03-01``, would be
    a stated day. A record can only state a date, so an estimate is not handed over (the
    brief estimates again, from the text); nor is a week, which no ISO prefix names.
    """
    published = row.published_ref()
    if published is None or published.estimated or published.granularity == "week":
        return None
    return published.iso()


def cluster_store(store: Store, *, progress: ProgressCallback | None = None) -> dict[str, int]:
    """Place every unplaced article in a story (``stories.cluster``), keeping earlier ones.

    Each new story is created with its first article (one transaction), and stories an
    earlier run left empty are deleted first (``removed``). ``progress`` is told
    ``ProgressStep("clustering", 0, None, "N new articles")`` before the grouping and
    ``ProgressStep("placing", done, new articles)`` as each is stored in its story.
    """
    tell = progress or ignore_progress
    removed = store.drop_empty_stories()
    rows = store.articles()
    items = [Item(r.id, r.text, _day(r.published)) for r in rows]
    by_story: dict[int, list[int]] = {}
    for k, r in enumerate(rows):
        if r.story_id is not None:
            by_story.setdefault(r.story_id, []).append(k)
    existing_ids = list(by_story)
    unplaced = sum(1 for r in rows if r.story_id is None)
    tell(ProgressStep("clustering", 0, None, f"{unplaced:,} new of {len(rows):,} articles"))
    labels, why = cluster(items, existing=[by_story[s] for s in existing_ids])
    story_id_of: dict[int, int] = dict(enumerate(existing_ids))
    placed = started = 0
    for k, r in enumerate(rows):
        if r.story_id is not None:
            continue
        tell(ProgressStep("placing", placed, unplaced))
        label = labels[k]
        if label not in story_id_of:
            story_id_of[label] = store.start_story(r.id, r.title or r.text[:80], why[k])
            started += 1
        else:
            store.assign(r.id, story_id_of[label], why[k])
        placed += 1
    tell(ProgressStep("placing", placed, unplaced))
    return {
        "placed": placed,
        "new_stories": started,
        "stories": len(set(story_id_of.values())),
        "removed": removed,
    }


def member_records(members: Sequence[Any]) -> list[dict[str, Any]]:
    """Stored articles as the records ``storybrief.brief`` reads (text and metadata)."""
    return [
        {
            "text": m.text,
            "title": m.title,
            "url": m.url,
            "outlet": m.outlet,
            "byline": m.byline,
            "published": _record_date(m),
            "source": m.source,
        }
        for m in members
    ]


def brief_stories(
    store: Store,
    settings: Settings,
    *,
    limit: int | None = None,
    progress: ProgressCallback | None = None,
) -> int:
    """Brief every story whose brief is missing or stale; returns how many were briefed.

    ``progress`` is told ``ProgressStep("briefing", done, stories to brief, title)``
    before each story (with the title of the one before) and at the end.
    """
    tell = progress or ignore_progress
    from storybrief.errors import InputError
    from storybrief.render import render
    from storybrief.render.tables import csv_tables
    from storybrief.render.view import build_view
    from storybrief.service import brief

    done = 0
    stale = store.stale_stories()[:limit]
    title = ""
    for tried, story in enumerate(stale):
        tell(ProgressStep("briefing", tried, len(stale), title))
        records = member_records(store.members(story.id))
        try:
            result = brief(records, settings=settings)
        except InputError:
            continue
        # The most central headline of its members, never a sentence or a path
        # (``Brief.title``).
        title = build_view(result).title
        store.save_brief(
            story.id, title, result.to_dict(), render(result, "html"), csv_tables(result)
        )
        done += 1
    tell(ProgressStep("briefing", len(stale), len(stale), title))
    return done
