"""Running the batch work of the stream in this process or on Dask workers.

The store has one writer: the caller of ``ordered_map``. The work it hands out is
pure (sources in, ``Article``/``IngestFailure`` records out; a story's member
records in, its brief out), so a worker needs neither the store nor the client's
state, and the results come back, and are written, in the order the work was
given: the same store as an in-process run, whatever worker finished first.

Dask is optional and imported only by ``open_executor`` when it is asked for. A
worker keeps the spaCy pipeline it loaded (``storybrief.nlp.load_nlp`` caches it per
process), so each worker process loads it once, on its first briefing chunk.
"""

from __future__ import annotations

import importlib
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, Future
from contextlib import contextmanager
from typing import Any, TypeVar

from storybrief.errors import ConfigError, MissingDependency

T = TypeVar("T")
R = TypeVar("R")

#: Chunks in flight per worker: one being worked on, one waiting, so a worker never
#: idles between chunks while the results held on the client stay bounded.
CHUNKS_PER_WORKER = 2

DASK_EXTRA = "pip install 'storybrief[dask]'"


@contextmanager
def open_executor(workers: int = 1, scheduler: str | None = None) -> Iterator[Executor | None]:
    """A Dask executor for the batch work, or None to run it in this process.

    Args:
        workers: worker processes of a ``distributed.LocalCluster`` (one thread each)
            started for this run and closed after it; 1 runs in this process.
        scheduler: the address of a running Dask scheduler (``tcp://host:port``);
            its workers are used instead of a local cluster, and ``workers`` is ignored.

    Raises:
        ConfigError: ``workers`` is below 1, or the scheduler cannot be reached.
        MissingDependency: Dask is asked for but not installed.
    """
    if workers < 1:
        raise ConfigError(f"--workers must be at least 1, got {workers}")
    if scheduler is None and workers == 1:
        yield None
        return
    try:
        # As Any: its calls are untyped, and it may be absent where mypy runs.
        distributed: Any = importlib.import_module("distributed")
    except ImportError:
        raise MissingDependency(
            f"running on Dask (--workers above 1 or --scheduler) needs the dask extra: {DASK_EXTRA}"
        ) from None
    if scheduler is not None:
        try:
            client = distributed.Client(scheduler)
        except (OSError, ValueError, TypeError) as exc:  # unreachable, or not an address
            raise ConfigError(f"cannot use the Dask scheduler at {scheduler}: {exc}") from None
        with client:
            yield client.get_executor(pure=False)
        return
    # Processes, not threads: spaCy and the analysis hold the GIL. The dashboard on any
    # free port: 8787 may be taken (by another run), which Dask would warn about.
    with (
        distributed.LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0"
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        yield client.get_executor(pure=False)


def executor_workers(executor: Executor | None) -> int:
    """How many workers (threads) run the executor's tasks; 1 for None (this process)."""
    if executor is None:
        return 1
    client = getattr(executor, "_client", None)
    if client is not None:  # a Dask ClientExecutor
        return max(1, int(sum(client.nthreads().values())))
    return max(1, int(getattr(executor, "_max_workers", 1)))


def ordered_map(
    executor: Executor | None,
    work: Callable[[T], R],
    chunks: Iterable[T],
    *,
    in_flight: int | None = None,
) -> Iterator[R]:
    """``work(chunk)`` for each chunk, in the order of ``chunks``.

    With no executor each chunk is worked on here, when its result is asked for. With
    one, up to ``in_flight`` chunks (default ``CHUNKS_PER_WORKER`` per worker) are
    submitted ahead, so the chunks are read lazily and the results waiting to be
    taken stay bounded. An error in ``work`` is raised here, at its chunk.
    """
    if executor is None:
        for chunk in chunks:
            yield work(chunk)
        return
    limit = in_flight or CHUNKS_PER_WORKER * executor_workers(executor)
    pending: deque[Future[R]] = deque()
    try:
        for chunk in chunks:
            pending.append(executor.submit(work, chunk))
            if len(pending) >= limit:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        for future in pending:  # the caller stopped early, or a chunk failed
            future.cancel()


def chunked(items: Iterable[T], size: Callable[[T], int], target: int) -> Iterator[list[T]]:
    """Consecutive items in lists whose ``size`` adds up to ``target`` or just past it."""
    chunk: list[T] = []
    total = 0
    for item in items:
        chunk.append(item)
        total += size(item)
        if total >= target:
            yield chunk
            chunk, total = [], 0
    if chunk:
        yield chunk
