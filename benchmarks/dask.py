"""Wall time of the stream's batch work in one process vs a 2-worker Dask LocalCluster.

    python benchmarks/dask.py [--articles 2000] [--repeats 3] [--workers 2]

The articles are the documents of DUC 2004 task 2 (``../shared/eval``; 50 clusters of
10), cluster after cluster, repeated with a suffix line when more are asked for, each
written to its own text file (the reading is chunked by file). Each repeat runs, on a
fresh SQLite store, ``ingest`` (read, clean, store), ``cluster_store`` (in this process
in both runs) and ``brief_stories``, first in this process and then on the cluster;
both with a warm start: the model is loaded in this process and on every worker
before the first repeat (those cold costs are reported on their own). Dask's task
stream gives each chunk's compute time on its worker; a chunk's overhead is what the
workers spent beyond computing it (``workers × wall − Σ compute``, per chunk): the
scheduling, the pickling both ways, and the wait for this process, the one writer.
Writes ``benchmarks/results/dask.md``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

# Run as a script, this file's folder comes first on sys.path, where its name would
# shadow the dask package that distributed imports.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

from storybrief.config import Settings  # noqa: E402
from storybrief.store import open_store  # noqa: E402
from storybrief.stories import collect  # noqa: E402
from storybrief.stories.collect import brief_stories, cluster_store, ingest  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DUC = ROOT.parent / "shared" / "eval" / "duc2004_task2" / "duc2004_task2.jsonl"
RESULTS = ROOT / "benchmarks" / "results"


def write_articles(folder: Path, count: int) -> None:
    """``count`` articles as text files (DUC 2004 documents, in cluster order)."""
    texts = [
        str(document["text"])
        for line in DUC.read_text(encoding="utf-8").splitlines()
        for document in json.loads(line)["documents"]
        if str(document.get("text") or "").strip()
    ]
    for n in range(count):
        text = texts[n % len(texts)]
        if n >= len(texts):  # another copy: a different text (not a duplicate)
            text += f"\n\nThis is copy {n // len(texts)} of the report."
        (folder / f"{n:05d}.txt").write_text(text, encoding="utf-8")


def timed(work: Callable[[], Any]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def run_once(
    folder: Path, db: Path, client: Any = None, workers: int = 1
) -> tuple[dict[str, float], dict[str, tuple[int, float, float]]]:
    """Seconds of each step of one run on a fresh store (on the client's workers if one is
    given), and for each step on Dask, its chunks, compute per chunk and overhead per chunk."""
    executor = None if client is None else client.get_executor(pure=False)
    settings = Settings.from_env()
    store = open_store(db)
    steps: list[tuple[str, Callable[[], Any]]] = [
        ("ingest", lambda: ingest(store, [folder], settings, executor=executor)),
        ("cluster", lambda: cluster_store(store)),
        ("brief", lambda: brief_stories(store, settings, executor=executor)),
    ]
    seconds: dict[str, float] = {}
    chunks: dict[str, tuple[int, float, float]] = {}
    for step, work in steps:
        if client is None or step == "cluster":
            seconds[step] = timed(work)
            continue
        from distributed import get_task_stream

        with get_task_stream(client) as stream:
            seconds[step] = timed(work)
        chunks[step] = (len(stream.data), *chunk_costs(stream.data, seconds[step], workers))
    seconds["ingest + brief"] = seconds["ingest"] + seconds["brief"]
    store.close()
    return seconds, chunks


def chunk_costs(records: list[dict[str, Any]], wall: float, workers: int) -> tuple[float, float]:
    """Median compute per chunk and the overhead per chunk, from Dask's task stream."""
    computes = [
        sum(s["stop"] - s["start"] for s in r["startstops"] if s["action"] == "compute")
        for r in records
    ]
    if not computes:
        return 0.0, 0.0
    return statistics.median(computes), (workers * wall - sum(computes)) / len(computes)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    try:
        import distributed
    except ImportError:
        print("needs the dask extra: pip install 'storybrief[dask]'", file=sys.stderr)
        return 2
    from storybrief.nlp import load_nlp

    runs: dict[str, list[dict[str, float]]] = {"in-process": [], "dask": []}
    chunks: dict[str, list[tuple[int, float, float]]] = {"ingest": [], "brief": []}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        write_articles(folder, args.articles)
        model_load = timed(load_nlp)
        start = time.perf_counter()
        cluster = distributed.LocalCluster(
            n_workers=args.workers, threads_per_worker=1, processes=True, dashboard_address=":0"
        )
        client = distributed.Client(cluster)
        cluster_start = time.perf_counter() - start
        worker_load = timed(lambda: client.run(load_nlp))
        # The fixed cost of one chunk: an empty task's round trip through the scheduler.
        empty_task = statistics.median(
            timed(lambda: client.submit(len, [], pure=False).result()) for _ in range(20)
        )
        for repeat in range(args.repeats):
            here, _ = run_once(folder, Path(tmp) / f"here{repeat}.db")
            there, costs = run_once(folder, Path(tmp) / f"there{repeat}.db", client, args.workers)
            runs["in-process"].append(here)
            runs["dask"].append(there)
            for step, measured in costs.items():
                chunks[step].append(measured)
            print(f"repeat {repeat + 1}: {here} | {there}", file=sys.stderr)
        stories = len(open_store(Path(tmp) / "here0.db").stories())
        client.close()
        cluster.close()
    table = report(
        args, runs, chunks, stories, (model_load, cluster_start, worker_load, empty_task)
    )
    print(table)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "dask.md").write_text(table, encoding="utf-8")
    return 0


def report(
    args: argparse.Namespace,
    runs: dict[str, list[dict[str, float]]],
    chunks: dict[str, list[tuple[int, float, float]]],
    stories: int,
    costs: tuple[float, float, float, float],
) -> str:
    model_load, cluster_start, worker_load, empty_task = costs

    def median(kind: str, step: str) -> float:
        return statistics.median(r[step] for r in runs[kind])

    def spread(kind: str, step: str) -> str:
        values = [r[step] for r in runs[kind]]
        return f"{median(kind, step):.1f} ({min(values):.1f}–{max(values):.1f})"

    lines = [
        f"# In-process vs a {args.workers}-worker Dask LocalCluster",
        "",
        f"{args.articles:,} articles (DUC 2004 task 2 documents, one text file each) in "
        f"{stories} stories; median of {args.repeats} repeats, warm model everywhere. "
        f"Chunks: {collect.INGEST_CHUNK_SOURCES} files to read, stories of about "
        f"{collect.BRIEF_CHUNK_ARTICLES} articles to brief.",
        "",
        "| step | in-process, s (min–max) | Dask, s (min–max) | speed-up of the medians |",
        "|---|---:|---:|---:|",
    ]
    for step in ("ingest", "cluster", "brief", "ingest + brief"):
        here, there = median("in-process", step), median("dask", step)
        lines.append(
            f"| {step} | {spread('in-process', step)} | {spread('dask', step)} "
            f"| {here / there:.2f}× |"
        )
    lines += [
        "",
        "| Dask step | chunks | compute per chunk (median, s) | "
        "workers' time not computing, per chunk (s) |",
        "|---|---:|---:|---:|",
    ]
    for step, measured in chunks.items():
        n = statistics.median(m[0] for m in measured)
        compute = statistics.median(m[1] for m in measured)
        overhead = statistics.median(m[2] for m in measured)
        lines.append(f"| {step} | {n:.0f} | {compute:.2f} | {overhead:.2f} |")
    lines += [
        "",
        "Workers' time not computing is the workers × wall time less the chunks' compute, "
        "per chunk: an idle worker (fewer chunks than workers, or the last chunk alone), "
        "pickling both ways, and waiting for this process, which writes every result. "
        f"An empty task's round trip through the scheduler: {empty_task * 1000:.1f} ms.",
        "",
        f"Cold costs, not in the table: loading the model here {model_load:.1f} s; starting "
        f"the LocalCluster {cluster_start:.1f} s; loading the model on its workers "
        f"{worker_load:.1f} s (at once).",
        "",
        f"Measured on {dt.date.today().isoformat()} ({platform.system()} "
        f"{platform.machine()}, {_cpus()} CPUs, Python {platform.python_version()}), "
        f"load average {_load()} at the end (a shared machine: other jobs' load varies).",
        "",
    ]
    return "\n".join(lines)


def _cpus() -> int:
    import os

    return os.cpu_count() or 1


def _load() -> str:
    import os

    return " ".join(f"{x:.1f}" for x in os.getloadavg())


if __name__ == "__main__":
    sys.exit(main())
