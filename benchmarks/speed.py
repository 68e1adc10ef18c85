"""Time to brief the seeds with a warm model, next to spaCy alone on the same texts.

    python benchmarks/speed.py [--repeat N] [--seeds PATH]

Both timings use the same loaded pipeline and the same cleaned texts; the
difference is what storybrief adds (reading, decoding, cleaning, language
identification, record conversion). Medians over N runs; this machine is noisy.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

import storybrief
from storybrief.ingest import load_articles
from storybrief.model import Article
from storybrief.nlp import load_nlp, resolve_model_name

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SEEDS = ROOT.parent / "shared" / "seeds"
RESULTS = Path(__file__).resolve().parent / "results"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS)
    args = parser.parse_args()

    nlp = load_nlp()
    texts = [a.text for a in load_articles([args.seeds]) if isinstance(a, Article)]
    words = sum(len(t.split()) for t in texts)
    storybrief.brief([args.seeds])  # warm-up: imports, caches, first-call costs
    list(nlp.pipe(texts))

    spacy_times, brief_times = [], []
    for _ in range(args.repeat):
        start = time.perf_counter()
        list(nlp.pipe(texts))
        spacy_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        storybrief.brief([args.seeds])
        brief_times.append(time.perf_counter() - start)

    spacy_median = statistics.median(spacy_times)
    brief_median = statistics.median(brief_times)
    rows = [
        ("spaCy nlp.pipe alone", spacy_median, min(spacy_times)),
        ("storybrief.brief (whole)", brief_median, min(brief_times)),
    ]
    lines = [
        f"Seeds: {len(texts)} documents, {words} words; model {resolve_model_name()}; "
        f"{args.repeat} runs, warm model",
        "",
        f"| {'step':<28} | {'median s':>9} | {'min s':>7} | {'words/s':>8} |",
        f"|{'-' * 30}|{'-' * 11}|{'-' * 9}|{'-' * 10}|",
    ]
    for name, median, best in rows:
        lines.append(f"| {name:<28} | {median:9.3f} | {best:7.3f} | {words / median:8.0f} |")
    lines += ["", f"ratio storybrief / spaCy (medians): {brief_median / spacy_median:.2f}"]
    table = "\n".join(lines)
    print(table)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "speed.md").write_text(table + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
