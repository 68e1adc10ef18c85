"""Story clustering on a pooled, shuffled stream: storybrief next to scikit-learn baselines.

    python benchmarks/cluster.py [--calibrate]

The stream pools every document of Multi-News (200 clusters), DUC 2004 (50),
DUC 2006 (50 topics) and ECB+ (43 topics; text = its sentences) and shuffles it
(seed 0); a story's gold label is its cluster/topic. Empty documents are
skipped. Systems: storybrief ``stories.cluster`` (single pass, incremental),
TF-IDF + agglomerative clustering (cosine, average linkage, distance
threshold) and HDBSCAN (cosine distances, min cluster size; noise points are
singletons), all with parameters chosen on a development pool that is not in
the stream: DUC 2007 update topics, WikiRef220 and NewsWCL50 events
(``--calibrate`` prints the grid). Scores: B³ precision, recall,
F1, number of stories; articles per second; peak memory (tracemalloc) of each
system's run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import random
import sys
import time
import tracemalloc
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from storybrief.evaluate import b_cubed
from storybrief.stories import Item, cluster, single_pass

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"
RESULTS = Path(__file__).resolve().parent / "results"
AGGLOMERATIVE_THRESHOLD = 0.92
HDBSCAN_MIN = 3


def _date(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except (TypeError, ValueError):
        return None


def _mds(path: Path, name: str, key: str = "id") -> list[tuple[Item, str]]:
    out = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            for n, doc in enumerate(record["documents"]):
                if doc.get("text", "").strip():
                    item = Item(f"{name}:{record[key]}:{n}", doc["text"], _date(doc.get("date")))
                    out.append((item, f"{name}:{record[key]}"))
    return out


def load_stream() -> list[tuple[Item, str]]:
    stream = _mds(EVAL / "multinews_longbench" / "multinews_test200.jsonl", "multinews")
    stream += _mds(EVAL / "duc2004_task2" / "duc2004_task2.jsonl", "duc2004")
    stream += _mds(EVAL / "duc2006" / "duc2006_qfmds.jsonl", "duc2006")
    with gzip.open(EVAL / "ecbplus" / "ecbplus_docs.jsonl.gz", "rt", encoding="utf-8") as lines:
        for line in lines:
            doc = json.loads(line)
            text = " ".join(doc["sentences"])
            if text.strip():
                stream.append((Item(f"ecb:{doc['doc_name']}", text), f"ecb:{doc['topic']}"))
    random.Random(0).shuffle(stream)
    return stream


def load_dev() -> list[tuple[Item, str]]:
    """DUC 2007 update topics, WikiRef220 and NewsWCL50 events, pooled: none is in the stream."""
    dev = _mds(EVAL / "duc2007_update" / "duc2007_update.jsonl", "duc2007", key="topic")
    with (EVAL / "news_clustering" / "wikiref" / "wikiref220.jsonl").open(
        encoding="utf-8"
    ) as lines:
        for line in lines:
            doc = json.loads(line)
            if doc["text"].strip():
                dev.append(
                    (Item(f"wikiref:{doc['doc_id']}", doc["text"]), f"wikiref:{doc['label']}")
                )
    with (EVAL / "newswcl50" / "newswcl50_clusters.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            event = json.loads(line)
            for doc in event["documents"]:
                if doc.get("text", "").strip():
                    item = Item(f"wcl:{doc['doc_id']}", doc["text"])
                    dev.append((item, f"wcl:{event['event_id']}"))
    random.Random(0).shuffle(dev)
    return dev


def _tfidf(items: Sequence[Item]) -> Any:
    from sklearn.feature_extraction.text import TfidfVectorizer

    return TfidfVectorizer(
        stop_words="english", sublinear_tf=True, max_features=20_000
    ).fit_transform([i.text for i in items])


def agglomerative(items: Sequence[Item], threshold: float = AGGLOMERATIVE_THRESHOLD) -> list[int]:
    from sklearn.cluster import AgglomerativeClustering

    model = AgglomerativeClustering(
        n_clusters=None, distance_threshold=threshold, metric="cosine", linkage="average"
    )
    return [int(x) for x in model.fit_predict(_tfidf(items).toarray())]


def hdbscan(items: Sequence[Item], min_size: int = HDBSCAN_MIN) -> list[int]:
    from sklearn.cluster import HDBSCAN
    from sklearn.metrics.pairwise import cosine_distances

    distances = cosine_distances(_tfidf(items)).astype("float64")
    labels = HDBSCAN(min_cluster_size=min_size, metric="precomputed", copy=True).fit_predict(
        distances
    )
    singles = iter(range(10**6, 10**7))
    return [int(x) if x >= 0 else next(singles) for x in labels]


def ours(items: Sequence[Item], **params: Any) -> list[int]:
    return cluster(items, **params)[0]


def ours_single_pass(items: Sequence[Item], **params: Any) -> list[int]:
    return single_pass(items, **params)[0]


def measure(
    system: Callable[[Sequence[Item]], list[int]], stream: Sequence[tuple[Item, str]]
) -> tuple[tuple[float, float, float], int, float, float]:
    items = [i for i, _ in stream]
    gold = [g for _, g in stream]
    tracemalloc.start()
    start = time.perf_counter()
    labels = system(items)
    seconds = time.perf_counter() - start
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return b_cubed(gold, labels), len(set(labels)), len(items) / seconds, peak / 2**20


def calibrate() -> None:
    dev = load_dev()
    items, gold = [i for i, _ in dev], [g for _, g in dev]
    sys.stdout.write(f"dev: {len(items)} articles, {len(set(gold))} stories\n")
    for distance in (0.9, 0.92, 0.94, 0.95, 0.96):
        f1 = b_cubed(gold, ours(items, distance=distance))[2]
        sys.stdout.write(f"storybrief batch distance={distance}: B3 F1 {f1:.3f}\n")
    for threshold in (0.12, 0.15, 0.18, 0.2, 0.22, 0.25, 0.3):
        for weight in (0.3, 0.6, 1.0):
            labels = ours_single_pass(items, threshold=threshold, name_weight=weight)
            f1 = b_cubed(gold, labels)[2]
            sys.stdout.write(f"storybrief single pass {threshold} names={weight}: {f1:.3f}\n")
    for t in (0.8, 0.85, 0.88, 0.9, 0.92, 0.94, 0.95, 0.97):
        sys.stdout.write(f"agglomerative {t}: {b_cubed(gold, agglomerative(items, t))[2]:.3f}\n")
    for m in (2, 3, 4, 5, 6):
        sys.stdout.write(f"hdbscan {m}: {b_cubed(gold, hdbscan(items, m))[2]:.3f}\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--calibrate", action="store_true", help="print the DUC 2007 grid")
    args = parser.parse_args()
    if args.calibrate:
        calibrate()
        return
    stream = load_stream()
    gold_stories = len({g for _, g in stream})
    lines = [
        f"## Story clustering: {len(stream)} articles, {gold_stories} gold stories "
        "(Multi-News, DUC 2004, DUC 2006, ECB+ pooled, shuffled)",
        "",
        "| system | B³ P | B³ R | B³ F1 | stories | articles/s | peak MB |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    systems: dict[str, Callable[[Sequence[Item]], list[int]]] = {
        "storybrief stories.v2 (batch)": ours,
        "storybrief single pass (stories.v1)": ours_single_pass,
        f"TF-IDF + agglomerative (cosine, average, {AGGLOMERATIVE_THRESHOLD})": agglomerative,
        f"TF-IDF + HDBSCAN (min size {HDBSCAN_MIN})": hdbscan,
    }
    for name, system in systems.items():
        (p, r, f1), stories, rate, peak = measure(system, stream)
        lines.append(
            f"| {name} | {100 * p:.1f} | {100 * r:.1f} | {100 * f1:.1f} | {stories} | "
            f"{rate:.0f} | {peak:.0f} |"
        )
        sys.stderr.write(lines[-1] + "\n")
    lines += [
        "",
        "Parameters of every system chosen on DUC 2007 update + WikiRef220 + NewsWCL50 "
        "(not in the stream).",
        "",
    ]
    sys.stdout.write("\n".join(lines))
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "cluster.md").write_text("\n".join(lines), encoding="utf-8")


if __name__ == "__main__":
    main()
