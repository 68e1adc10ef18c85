"""Fit the summary's concept weights on DUC 2006 and DUC 2007 (stage A) references.

    python benchmarks/train_summary.py [--cache FILE] [--cv]

The summary (storybrief.analysis.summarize, ``bigram-ilp.v2``) picks the sentences that
cover the most concept weight. A concept is a lemma bigram; its weight is the
probability that a human summary of the cluster carries it, from a logistic
regression over ``CONCEPT_FEATURES``. This script parses the training clusters
with storybrief, labels each concept of the candidates by whether any of the
cluster's reference summaries has it, fits the model and prints the
coefficients to paste into summarize.py. ``--cv`` also prints ROUGE recall of
the whole summary step in 5-fold cross-validation over the training topics for
a few settings (regularisation, concept floor): that is how the settings were
chosen. The benchmark sets (DUC 2004, Multi-News) are never read here.

DUC topics have 7 to 25 articles; users (and Multi-News) often have two to
four. So that the model learns how the features behave on small clusters,
each training topic also gives two random subsets of 2-4 of its articles
(seeded), labelled by the same references.

The data are NIST DUC sets, read by path from ../shared/eval and never copied:
only the 12 fitted numbers go into the project.
"""

from __future__ import annotations

import argparse
import json
import pickle
import random
import statistics
import time
from pathlib import Path
from typing import Any

import storybrief
from storybrief.analysis.summarize import (
    CONCEPT_FEATURES,
    bigrams,
    candidates,
    concept_table,
    needs,
    select,
)
from storybrief.errors import InputError
from storybrief.ingest import load_articles
from storybrief.model import Article
from storybrief.nlp import load_nlp, parse_articles

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"
TRAIN = (
    (EVAL / "duc2006" / "duc2006_qfmds.jsonl", 250),
    (EVAL / "duc2007_update" / "duc2007_update.jsonl", 100),
)


def load_clusters() -> list[dict[str, Any]]:
    """Parsed training clusters with their references' bigram sets and budget."""
    nlp = load_nlp(None)
    clusters = []
    for path, budget in TRAIN:
        for line in path.open(encoding="utf-8"):
            record = json.loads(line)
            if record.get("update_stage") not in (None, "A"):
                continue  # stages B and C summarise only what is new
            inputs = [
                {"text": d["text"], "published": (d.get("date") or "")[:10] or None}
                for d in record["documents"]
                if d["text"].strip()
            ]
            try:
                documents = storybrief.brief(inputs).documents
            except InputError:
                continue
            refs = load_articles([{"text": s} for s in record["summaries"]])
            parsed = parse_articles([a for a in refs if isinstance(a, Article)], nlp)
            clusters.append(
                {
                    "id": record["id"],
                    "documents": documents,
                    "references": record["summaries"],
                    "reference_bigrams": [bigrams(p.tokens) for p in parsed],
                    "budget": budget,
                }
            )
            print(f"parsed {record['id']}", flush=True)
    return clusters


def with_small_clusters(clusters: list[dict[str, Any]], seed: int = 0) -> list[dict[str, Any]]:
    """The clusters plus two random subsets of 2-4 articles of each."""
    rng = random.Random(seed)
    extra = []
    for cluster in clusters:
        documents = cluster["documents"]
        for _ in range(2):
            size = min(rng.choice((2, 3, 4)), len(documents))
            picked = sorted(rng.sample(range(len(documents)), size))
            extra.append({**cluster, "documents": tuple(documents[i] for i in picked)})
    return clusters + extra


def examples(cluster: dict[str, Any]) -> tuple[Any, Any, Any, list[Any]]:
    """Features and labels of one cluster's concepts, and its candidates."""
    import numpy as np

    found = candidates(cluster["documents"])
    table = concept_table(cluster["documents"], found)
    labels = np.array(
        [any(b in ref for ref in cluster["reference_bigrams"]) for b in table.concepts],
        dtype=int,
    )
    return table, table.features, labels, found


def fit(clusters: list[dict[str, Any]], c: float) -> Any:
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    parts = [examples(cl) for cl in with_small_clusters(clusters)]
    x = np.vstack([p[1] for p in parts if len(p[1])])
    y = np.concatenate([p[2] for p in parts if len(p[2])])
    return LogisticRegression(C=c, max_iter=5000).fit(x, y)


def summary_text(cluster: dict[str, Any], model: Any, floor: float) -> str:
    table, x, _, found = examples(cluster)
    if not found or not len(x):
        return ""
    weights = {
        b: float(p)
        for b, p in zip(table.concepts, model.predict_proba(x)[:, 1], strict=True)
        if p >= floor
    }
    chosen = select(
        [f.words for f in found],
        table.sentence_concepts,
        weights,
        cluster["budget"],
        needs(found),
    )
    chosen.sort(key=lambda i: (found[i].doc_index, found[i].sentence.start))
    return " ".join(found[i].sentence.text for i in chosen)


def cross_validate(clusters: list[dict[str, Any]], c: float, floor: float) -> tuple[float, float]:
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2"], use_stemmer=True)
    r1: list[float] = []
    r2: list[float] = []
    folds = 5
    for fold in range(folds):
        train = [cl for i, cl in enumerate(clusters) if i % folds != fold]
        model = fit(train, c)
        for i, cluster in enumerate(clusters):
            if i % folds != fold:
                continue
            text = " ".join(summary_text(cluster, model, floor).split()[: cluster["budget"]])
            per = [scorer.score(ref, text) for ref in cluster["references"]]
            r1.append(100 * statistics.fmean(p["rouge1"].recall for p in per))
            r2.append(100 * statistics.fmean(p["rouge2"].recall for p in per))
    return statistics.fmean(r1), statistics.fmean(r2)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cache", type=Path, help="parsed clusters (pickle, made if missing)")
    parser.add_argument("--cv", action="store_true", help="cross-validate a few settings")
    parser.add_argument("--c", type=float, default=0.1, help="inverse regularisation")
    args = parser.parse_args()
    start = time.perf_counter()
    if args.cache and args.cache.is_file():
        clusters = pickle.loads(args.cache.read_bytes())
    else:
        clusters = load_clusters()
        if args.cache:
            args.cache.write_bytes(pickle.dumps(clusters))
    print(f"{len(clusters)} training clusters ({time.perf_counter() - start:.0f} s)")
    if args.cv:
        print("| C | concept floor | R-1 recall | R-2 recall |")
        print("|---:|---:|---:|---:|")
        for c in (0.1, 1.0):
            for floor in (0.0, 0.05):
                r1, r2 = cross_validate(clusters, c, floor)
                print(f"| {c} | {floor} | {r1:.2f} | {r2:.2f} |", flush=True)
    model = fit(clusters, args.c)
    print(f"C = {args.c}")
    print("CONCEPT_COEFFICIENTS = (")
    for name, value in zip(CONCEPT_FEATURES, model.coef_[0], strict=True):
        print(f"    {value:.4f},  # {name}")
    print(")")
    print(f"CONCEPT_INTERCEPT = {model.intercept_[0]:.4f}")


if __name__ == "__main__":
    main()
