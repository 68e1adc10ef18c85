"""The stream side of the service: ingest into the store, cluster into stories, brief them."""

from __future__ import annotations

import datetime as dt
import functools
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Executor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from storybrief.config import Settings
from storybrief.ingest.read import clean_failure, walk_folder
from storybrief.ingest.stream import Result, count_sources, iter_stream
from storybrief.model import (
    Article,
    FailureReason,
    IngestFailure,
    ProgressCallback,
    ProgressStep,
    ignore_progress,
)
from storybrief.store import Store
from storybrief.store.models import ArticleRow
from storybrief.stories.cluster import Item, day_batches
from storybrief.stories.parallel import chunked, ordered_map
from storybrief.text import clean_label

#: Files (or URLs) a worker reads in one chunk: coarse enough that a task's round trip
#: (about 10 ms on a local cluster, ``benchmarks/dask.py``) is small next to its reading
#: (about 15 ms a news article, so 0.3 to 0.8 s a chunk).
INGEST_CHUNK_SOURCES = 50
#: Articles a worker briefs in one chunk (whole stories, so a story may make it larger):
#: about one ``nlp.pipe`` batch (``Settings.batch_size``), so two workers share even a
#: handful of stories while the model is loaded once per worker, not once per chunk.
BRIEF_CHUNK_ARTICLES = 16
#: Undated articles the story index takes in one batch, in arrival order.
UNDATED_BATCH = 50


def ingest(
    store: Store,
    sources: Iterable[str | Path],
    settings: Settings,
    *,
    allow_private: bool = False,
    progress: ProgressCallback | None = None,
    failed: Callable[[IngestFailure], None] | None = None,
    executor: Executor | None = None,
) -> Counter[str]:
    """Read every source into the store, one transaction per article.

    Args:
        progress: told ``ProgressStep("reading", files done, files)`` as each file or URL
            is opened (folders are walked first to count them) and at the end; with an
            executor, as each chunk of files is stored.
        failed: told of each failure, as it is recorded in the store.
        executor: where the sources are read and cleaned, in chunks of
            ``INGEST_CHUNK_SOURCES`` files or URLs (``parallel.open_executor``: Dask);
            None reads them here. Either way this process writes every result, in the
            order of the sources, so the store comes out the same.

    Returns counts of ``read``, ``new``, ``updated`` (a new version from a URL already
    stored), ``duplicate``, ``near-duplicate`` and ``failed``.
    """
    sources = list(sources)
    if executor is not None:
        return _ingest_on(executor, store, sources, settings, allow_private, progress, failed)
    total = count_sources(sources) if progress is not None else None
    files = 0

    def opened(label: str) -> None:
        nonlocal files
        if progress is not None:
            progress(ProgressStep("reading", files, total, label))
        files += 1

    counts: Counter[str] = Counter()
    for result in iter_stream(sources, settings, allow_private=allow_private, opened=opened):
        _store_result(store, result, counts, failed)
    if progress is not None:
        progress(ProgressStep("reading", files, max(files, total or 0)))
    return counts


def _store_result(
    store: Store,
    result: Result,
    counts: Counter[str],
    failed: Callable[[IngestFailure], None] | None,
) -> None:
    counts["read"] += 1
    if isinstance(result, IngestFailure):
        store.record_error(result)
        counts["failed"] += 1
        if failed is not None:
            failed(result)
    elif isinstance(result, Article):
        counts[store.add_article(result).status] += 1


#: What a worker reads: a file or URL, or a failure already met (a folder that cannot
#: be listed, or holds no files), passed through so the failures keep their place.
ReadUnit = str | IngestFailure


def read_units(sources: Iterable[str | Path]) -> Iterator[ReadUnit]:
    """The files and URLs ``iter_stream`` opens, in its order: folders walked here."""
    for source in sources:
        text = str(source)
        if text.startswith(("http://", "https://")) or not _is_folder(Path(text)):
            yield text
            continue
        empty = True
        for found in walk_folder(Path(text)):
            empty = False
            yield found if isinstance(found, IngestFailure) else str(found)
        if empty:  # as ``iter_stream`` says it
            yield IngestFailure(clean_label(text), FailureReason.EMPTY, "the folder holds no files")


def _is_folder(path: Path) -> bool:
    try:
        return path.is_dir()
    except (OSError, ValueError):  # a name too long, a NUL in it: not a folder
        return False


def read_chunk(units: Sequence[ReadUnit], settings: Settings, allow_private: bool) -> list[Result]:
    """Every article (or failure) in some files and URLs, in order (a worker's task)."""
    results: list[Result] = []
    for unit in units:
        if isinstance(unit, IngestFailure):
            results.append(clean_failure(unit))
        else:
            results.extend(iter_stream([unit], settings, allow_private=allow_private))
    return results


def _ingest_on(
    executor: Executor,
    store: Store,
    sources: list[str | Path],
    settings: Settings,
    allow_private: bool,
    progress: ProgressCallback | None,
    failed: Callable[[IngestFailure], None] | None,
) -> Counter[str]:
    """``ingest`` with the reading on the executor's workers, the writing here, in order."""
    tell = progress or ignore_progress
    units = list(read_units(sources))
    total = sum(1 for u in units if not isinstance(u, IngestFailure))
    chunks = list(chunked(units, lambda _: 1, INGEST_CHUNK_SOURCES))
    work = functools.partial(read_chunk, settings=settings, allow_private=allow_private)
    counts: Counter[str] = Counter()
    files = 0
    tell(ProgressStep("reading", 0, total))
    for chunk, results in zip(chunks, ordered_map(executor, work, chunks), strict=True):
        for result in results:
            _store_result(store, result, counts, failed)
        opened = [u for u in chunk if not isinstance(u, IngestFailure)]
        files += len(opened)
        tell(ProgressStep("reading", files, total, clean_label(opened[-1]) if opened else ""))
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
    """Place every unplaced article in a story with the incremental index (``stories.v5``).

    The store is never loaded: the index's state (document frequencies, each story's
    summed vector) is read from it, the unplaced articles are fed a day at a time
    (undated ones ``UNDATED_BATCH`` at a time, in arrival order) and each batch's
    placements, merges, splits and the new state are written in one transaction. A
    store clustered before the index (no counts stored) has its stories adopted first,
    as they are. ``progress`` is told ``ProgressStep("clustering", 0, None, "N new of M
    articles")`` first, then ``ProgressStep("placing", done, new articles)`` at 0 and
    after each batch.
    Returns counts: placed, new_stories, stories (in the store), live_stories (in the
    index's memory), removed (empty stories dropped), merged, split.
    """
    from storybrief.stories import index as story_index

    tell = progress or ignore_progress
    removed = store.drop_empty_stories()
    index = _open_index(store)
    unplaced = store.unplaced()
    counts = store.counts()
    total = counts["articles"] - counts["near_duplicates"]
    tell(ProgressStep("clustering", 0, None, f"{len(unplaced):,} new of {total:,} articles"))
    batches = day_batches([Item(i, "", _day(p)) for i, p in unplaced], undated=UNDATED_BATCH)
    placed = started = merged = split = 0
    tell(ProgressStep("placing", 0, len(unplaced)))
    for batch in batches:
        ids = [unplaced[k][0] for k in batch]
        days = [_day(unplaced[k][1]) for k in batch]
        found = store.texts(ids)
        terms = story_index.counts_of([found[i][0] for i in ids])
        result = index.add(ids, [found[i][0] for i in ids], days, counts=terms)
        split += sum(e.kind == "split" for e in result.events)
        merged += sum(e.kind == "merge" for e in result.events)
        new_keys = sorted(k for k in result.changed if k < 0)
        first = {k: result.changed[k][0] for k in new_keys}
        missing = [first[k] for k in new_keys if first[k] not in found]
        found.update(store.texts(missing) if missing else {})
        titles = {k: found[first[k]][1] or found[first[k]][0][:80] for k in new_keys}
        ids_of = store.save_index_batch(
            terms=[(i, *story_index.counts_bytes(c)) for i, c in zip(ids, terms, strict=True)],
            started={k: (titles[k], first[k]) for k in new_keys},
            placed=[(i, p.story, p.why) for i, p in zip(ids, result.placements, strict=True)]
            + [(m, key, reason) for m, (key, reason) in result.moved.items()],
            removed=result.removed,
            shrunk={e.story for e in result.events if e.kind == "split"} - result.removed,
            states={k: story_index.story_fields(index.state.stories[k]) for k in result.changed},
            meta=(
                story_index.METHOD,
                index.state.documents,
                story_index.frequency_bytes(index.state.frequency),
            ),
        )
        for temporary, story_id in ids_of.items():
            index.rename(temporary, story_id)
        index.forget_members()  # they are in the store now
        index.retire()
        started += len(new_keys)
        placed += len(ids)
        tell(ProgressStep("placing", placed, len(unplaced)))
    return {
        "placed": placed,
        "new_stories": started,
        "stories": store.counts()["stories"],
        "live_stories": len(index.state.stories),
        "removed": removed,
        "merged": merged,
        "split": split,
    }


def _open_index(store: Store) -> Any:
    """The store's story index (its live stories); a store clustered before the index
    has its stories adopted first."""
    from storybrief.stories import index as story_index

    meta, rows = store.index_state(live_documents=story_index.LIVE_DOCUMENTS)
    state = story_index.IndexState()
    if meta is not None:
        state.documents = meta.documents
        state.frequency = story_index.frequency_from(meta.frequency)
    for row in rows:
        state.stories[row.story_id] = story_index.story_from(row)
    index = story_index.StoryIndex(
        lambda ids: {
            i: story_index.counts_from(*blob) for i, blob in store.term_counts(list(ids)).items()
        },
        state,
        members=store.member_ids,
        temporary_keys=True,
    )
    if not store.placed_without_terms():
        return index
    for key, ids in store.story_member_ids().items():
        if store.term_counts(ids[:1]):
            continue
        found = store.texts(ids)
        counts = dict(zip(ids, story_index.counts_of([found[i][0] for i in ids]), strict=True))
        index.adopt(key, ids, counts)
        store.save_index_batch(
            terms=[(i, *story_index.counts_bytes(c)) for i, c in counts.items()],
            started={},
            placed=[],
            removed=set(),
            states={key: story_index.story_fields(index.state.stories[key])},
            meta=(
                story_index.METHOD,
                index.state.documents,
                story_index.frequency_bytes(index.state.frequency),
            ),
        )
    index.forget_members()
    return index


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


@dataclass(frozen=True, slots=True)
class StoryBrief:
    """What ``Store.save_brief`` keeps of a story's brief: made on a worker, written here."""

    title: str
    brief: dict[str, Any]
    html: str
    tables: dict[str, str]


def brief_records(records: Sequence[dict[str, Any]], settings: Settings) -> StoryBrief | None:
    """A story's brief from its member records (``member_records``); None if none is usable."""
    from storybrief.errors import InputError
    from storybrief.render import render
    from storybrief.render.tables import csv_tables
    from storybrief.render.view import build_view
    from storybrief.service import brief

    try:
        result = brief(records, settings=settings)
    except InputError:
        return None
    # The most central headline of its members, never a sentence or a path
    # (``Brief.title``).
    title = build_view(result).title
    return StoryBrief(title, result.to_dict(), render(result, "html"), csv_tables(result))


StoryRecords = tuple[int, list[dict[str, Any]]]


def brief_chunk(
    stories: Sequence[StoryRecords], settings: Settings
) -> list[tuple[int, StoryBrief | None]]:
    """The briefs of some stories, each by its id (a worker's task)."""
    return [(story_id, brief_records(records, settings)) for story_id, records in stories]


def brief_stories(
    store: Store,
    settings: Settings,
    *,
    limit: int | None = None,
    progress: ProgressCallback | None = None,
    executor: Executor | None = None,
) -> int:
    """Brief every story whose brief is missing or stale; returns how many were briefed.

    Args:
        limit: brief at most this many stories.
        progress: told ``ProgressStep("briefing", done, stories to brief, title)``
            before the first story and as each is done, with the title of the last one
            briefed.
        executor: where the briefs are made, in chunks of whole stories of about
            ``BRIEF_CHUNK_ARTICLES`` articles (``parallel.open_executor``: Dask); None
            makes them here, one story at a time. Either way this process writes each
            brief, in the order of the stories.
    """
    tell = progress or ignore_progress
    stale = store.stale_stories()[:limit]
    stories = ((story.id, member_records(store.members(story.id))) for story in stale)
    target = 1 if executor is None else BRIEF_CHUNK_ARTICLES
    chunks = chunked(stories, lambda story: len(story[1]), target)
    work = functools.partial(brief_chunk, settings=settings)
    done = tried = 0
    title = ""
    tell(ProgressStep("briefing", 0, len(stale)))
    for results in ordered_map(executor, work, chunks):
        for story_id, made in results:
            tried += 1
            if made is not None:
                store.save_brief(story_id, made.title, made.brief, made.html, made.tables)
                title = made.title
                done += 1
            tell(ProgressStep("briefing", tried, len(stale), title))
    return done
