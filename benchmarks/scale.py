"""Ingest and cluster a long stream into one store: memory and throughput as the store grows.

    python benchmarks/scale.py --articles 100000 [--chunk 10000] [--per-day 100]

The stream is built from the eval sets (the pooled clustering stream and dev pool
of ``benchmarks/cluster.py``, and Timeline17's articles), repeated: the first
round is the texts as they are, each later round another "outlet's version" of
each text (a seeded random three quarters of its sentences, so it is neither a
copy nor a near-copy of 5-shingle Jaccard ≥ 0.9), under new ids and dates
(``--per-day`` articles a day, in order). It arrives in chunks of ``--chunk``
articles, each written as a JSONL file, ingested (``collect.ingest``) and
clustered (``collect.cluster_store``), as a newsroom's scheduled run would.
After each chunk: articles stored, seconds to ingest and to cluster, resident
memory now and at its peak (the process's, from ``/proc`` and ``getrusage``).
Compare the peak of a 10,000-article run with a 100,000-article run: memory
that follows the store would grow tenfold.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import random
import re
import resource
import sys
import tempfile
import time
from pathlib import Path

import cluster as cluster_benchmark  # benchmarks/cluster.py: the same pooled texts
from storybrief.config import Settings
from storybrief.store import open_store
from storybrief.stories.collect import cluster_store, ingest
from timeline import T17, detokenize

RESULTS = Path(__file__).resolve().parent / "results"
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def base_texts() -> list[str]:
    texts = [i.text for i, _ in cluster_benchmark.load_stream()]
    texts += [i.text for i, _ in cluster_benchmark.load_dev()]
    for path in sorted((T17 / "articles").glob("t17_*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as lines:
            texts += [detokenize(json.loads(line)["text"]) for line in lines]
    return [t for t in texts if len(t.split()) >= 50]


def version(text: str, seed: int) -> str:
    """Another version of a text: a seeded three quarters of its sentences, in order."""
    sentences = _SENTENCE_END.split(text)
    rng = random.Random(seed)
    kept = [s for s in sentences if rng.random() < 0.75]
    return " ".join(kept if len(kept) >= 3 else sentences)


def records(texts: list[str], start: int, stop: int, per_day: int) -> list[dict[str, str]]:
    """Articles ``start`` to ``stop`` of the stream (made when needed: the benchmark's own
    memory must not grow with the stream either)."""
    day0 = dt.date(2020, 1, 1)
    out = []
    for k in range(start, stop):
        base = texts[k % len(texts)]
        text = base if k < len(texts) else version(base, k)
        day = day0 + dt.timedelta(days=k // per_day)
        out.append({"text": text, "published": day.isoformat(), "title": text[:70]})
    return out


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--chunk", type=int, default=10_000)
    parser.add_argument("--per-day", type=int, default=100)
    parser.add_argument("--output", type=Path, default=None)
    args = parser.parse_args()
    texts = base_texts()
    lines = [
        f"## Scale stream: {args.articles:,} articles in chunks of {args.chunk:,} "
        f"({args.per_day} a day), SQLite store; {len(texts):,} base texts",
        "",
        "| chunk | stored | stories | ingest s | cluster s | RSS MB | peak RSS MB |",
        "|---:|---:|---:|---:|---:|---:|---:|",
    ]
    ingest_seconds = cluster_seconds = 0.0
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(Path(folder) / "store.db")
        settings = Settings.from_env()
        for n, start in enumerate(range(0, args.articles, args.chunk)):
            path = Path(folder) / f"chunk{n}.jsonl"
            stop = min(start + args.chunk, args.articles)
            with path.open("w", encoding="utf-8") as out:
                for record in records(texts, start, stop, args.per_day):
                    out.write(json.dumps(record) + "\n")
            began = time.perf_counter()
            ingest(store, [path], settings)
            took_ingest = time.perf_counter() - began
            began = time.perf_counter()
            found = cluster_store(store)
            took_cluster = time.perf_counter() - began
            path.unlink()
            ingest_seconds += took_ingest
            cluster_seconds += took_cluster
            counts = store.counts()
            lines.append(
                f"| {n + 1} | {counts['articles']:,} | {found['stories']:,} | "
                f"{took_ingest:.0f} | {took_cluster:.0f} | {rss_mb():.0f} | {peak_mb():.0f} |"
            )
            sys.stderr.write(lines[-1] + "\n")
        store.close()
    lines += [
        "",
        f"Ingest {args.articles / ingest_seconds:.0f} articles/s, cluster "
        f"{args.articles / cluster_seconds:.0f} articles/s; peak RSS {peak_mb():.0f} MB.",
        "",
    ]
    sys.stdout.write("\n".join(lines))
    if args.output:
        args.output.write_text("\n".join(lines), encoding="utf-8")


if __name__ == "__main__":
    main()
