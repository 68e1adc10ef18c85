"""Time to brief, next to spaCy alone on the same texts: on the seeds, then as a pile grows.

    python benchmarks/speed.py [--repeat N] [--seeds PATH] [--sizes 5,25,100,400]
                               [--topic libya] [--no-seeds]

Seeds: wall time of a whole brief of the five seed documents with a warm model, next
to ``nlp.pipe`` alone on the same cleaned texts (medians over ``--repeat`` runs).

Growth: piles of the first N Timeline17 articles of one topic by publication date
(read by path from ``shared/eval/timeline17_crisis``, detokenized as
``benchmarks/timeline.py`` does, handed over as records with their publication
day). For each pile, CPU time (``time.process_time``: all threads of the process)
of ``storybrief.brief`` and of spaCy's ``nlp.pipe`` alone on the texts the brief
parses, the ratio of the two, and the CPU time of each analysis stage (``STAGES``),
measured inside the same brief. The growth exponent of a stage is the slope of
log(CPU time) over log(words in the pile) between two pile sizes: 1 is linear;
stages that take under 0.05 s at the larger pile are timer noise and shown as "-".
Medians over the runs of each size (``--repeat``, else 7/5/3/3 runs at 5/25/100/400
and 3 beyond); this machine is noisy.
"""

from __future__ import annotations

import argparse
import dataclasses
import gzip
import itertools
import json
import math
import statistics
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import storybrief
import storybrief.service
from storybrief.analysis import STAGES, Analysis, Stage, run
from storybrief.config import Settings
from storybrief.ingest import ArticleInput, load_articles, near_copies
from storybrief.model import Article
from storybrief.nlp import load_nlp, resolve_model_name
from storybrief.nlp.convert import tokenizable
from timeline import T17, detokenize  # benchmarks/timeline.py: the same reading of T17

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SEEDS = ROOT.parent / "shared" / "seeds"
RESULTS = Path(__file__).resolve().parent / "results"
DEFAULT_SIZES = "5,25,100,400"
DEFAULT_RUNS = {5: 7, 25: 5, 100: 3, 400: 3}
# Stages faster than this at the larger pile are timer noise: no exponent is shown.
NOISE_SECONDS = 0.05


def t17_inputs(topic: str, limit: int) -> list[ArticleInput]:
    """The first ``limit`` articles of a Timeline17 topic by publication date, as records."""
    with gzip.open(T17 / "articles" / f"t17_{topic}.jsonl.gz", "rt", encoding="utf-8") as lines:
        rows = sorted((json.loads(line) for line in lines), key=lambda r: r["pub_date"])
    if len(rows) < limit:
        raise SystemExit(f"t17_{topic} has {len(rows)} articles, fewer than {limit}")
    return [
        ArticleInput(
            text=detokenize(row["text"]),
            published=row["pub_date"][:10],
            source=f"t17-{topic}-{n}",
        )
        for n, row in enumerate(rows[:limit])
    ]


def timed(stages: Sequence[Stage], spent: dict[str, float]) -> tuple[Stage, ...]:
    """The stages, each adding its CPU time to ``spent[name]``."""

    def timing(stage: Stage) -> Stage:
        def function(analysis: Analysis) -> Analysis:
            start = time.process_time()
            try:
                return stage.function(analysis)
            finally:
                spent[stage.name] = spent.get(stage.name, 0.0) + time.process_time() - start

        return dataclasses.replace(stage, function=function)

    return tuple(timing(s) for s in stages)


@contextmanager
def stage_clock(spent: dict[str, float]) -> Iterator[None]:
    """Within the block, ``storybrief.brief`` runs timed stages (benchmark only): the
    stages the service asks for (with a focus, its own), each timed."""

    def timed_run(
        documents: Sequence[object],
        words: int,
        stages: tuple[Stage, ...] = STAGES,
        *,
        progress: object = None,
    ) -> Analysis:
        return run(documents, words, timed(stages, spent), progress=progress)  # type: ignore[arg-type]

    original = storybrief.service.run
    storybrief.service.run = timed_run  # type: ignore[assignment]
    try:
        yield
    finally:
        storybrief.service.run = original


def cpu(call: Callable[[], object]) -> float:
    start = time.process_time()
    call()
    return time.process_time() - start


def seeds_table(seeds: Path, repeat: int, nlp: object) -> list[str]:
    texts = [a.text for a in load_articles([seeds]) if isinstance(a, Article)]
    words = sum(len(t.split()) for t in texts)
    storybrief.brief([seeds])  # warm-up: imports, caches, first-call costs
    list(nlp.pipe(texts))  # type: ignore[attr-defined]

    spacy_times, brief_times = [], []
    for _ in range(repeat):
        start = time.perf_counter()
        list(nlp.pipe(texts))  # type: ignore[attr-defined]
        spacy_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        storybrief.brief([seeds])
        brief_times.append(time.perf_counter() - start)

    spacy_median = statistics.median(spacy_times)
    brief_median = statistics.median(brief_times)
    rows = [
        ("spaCy nlp.pipe alone", spacy_median, min(spacy_times)),
        ("storybrief.brief (whole)", brief_median, min(brief_times)),
    ]
    lines = [
        f"Seeds: {len(texts)} documents, {words} words; model {resolve_model_name()}; "
        f"{repeat} runs, warm model, wall time",
        "",
        f"| {'step':<28} | {'median s':>9} | {'min s':>7} | {'words/s':>8} |",
        f"|{'-' * 30}|{'-' * 11}|{'-' * 9}|{'-' * 10}|",
    ]
    for name, median, best in rows:
        lines.append(f"| {name:<28} | {median:9.3f} | {best:7.3f} | {words / median:8.0f} |")
    lines += ["", f"ratio storybrief / spaCy (medians): {brief_median / spacy_median:.2f}"]
    return lines


@dataclasses.dataclass
class Pile:
    """The medians measured on one pile."""

    articles: int
    words: int
    spacy: float
    brief: float
    stages: dict[str, float]


def measure(topic: str, size: int, runs: int, nlp: object) -> Pile:
    inputs = t17_inputs(topic, size)
    settings = Settings.from_env()
    texts = [
        tokenizable(a.text) for a in near_copies(load_articles(inputs)) if isinstance(a, Article)
    ]
    spacy_times, brief_times = [], []
    stage_times: dict[str, list[float]] = {s.name: [] for s in STAGES}
    for _ in range(runs):
        spacy_times.append(
            cpu(lambda: list(nlp.pipe(texts, batch_size=settings.batch_size)))  # type: ignore[attr-defined]
        )
        spent: dict[str, float] = {}
        with stage_clock(spent):
            brief_times.append(cpu(lambda: storybrief.brief(inputs, settings=settings)))
        for name, seconds in spent.items():
            stage_times[name].append(seconds)
    return Pile(
        articles=len(texts),
        words=sum(len(t.split()) for t in texts),
        spacy=statistics.median(spacy_times),
        brief=statistics.median(brief_times),
        stages={name: statistics.median(times) for name, times in stage_times.items()},
    )


def exponent(small: Pile, large: Pile, before: float, after: float) -> str:
    if after < NOISE_SECONDS or before <= 0:
        return "-"
    return f"{math.log(after / before) / math.log(large.words / small.words):.2f}"


def growth_table(topic: str, piles: list[Pile], runs: list[int]) -> list[str]:
    sizes = " / ".join(f"{p.articles} ({r} runs)" for p, r in zip(piles, runs, strict=True))
    lines = [
        f"Growth: the first N Timeline17 '{topic}' articles by date; {sizes}; CPU seconds, medians",
        "",
        "| articles | words | spaCy alone | brief | brief / spaCy | analysis stages |",
        "|---------:|------:|------------:|------:|--------------:|----------------:|",
    ]
    for p in piles:
        lines.append(
            f"| {p.articles:8d} | {p.words:6d} | {p.spacy:11.2f} | {p.brief:6.2f} "
            f"| {p.brief / p.spacy:13.2f} | {sum(p.stages.values()):15.2f} |"
        )
    pairs = list(itertools.pairwise(piles))
    head = " | ".join(f"{p.articles:>7}" for p in piles)
    span = " | ".join(f"{a.articles}→{b.articles}" for a, b in pairs)
    lines += [
        "",
        "Stages: CPU seconds (medians) and growth exponents over words "
        f"(under {NOISE_SECONDS} s: '-')",
        "",
        f"| stage     | {head} | {span} |",
        "|-----------|" + "--------:|" * len(piles) + "------:|" * len(pairs),
    ]
    for stage in STAGES:
        times = " | ".join(f"{p.stages[stage.name]:7.2f}" for p in piles)
        exps = " | ".join(
            exponent(a, b, a.stages[stage.name], b.stages[stage.name]) for a, b in pairs
        )
        lines.append(f"| {stage.name:<9} | {times} | {exps} |")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=None)
    parser.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS)
    parser.add_argument("--no-seeds", action="store_true")
    parser.add_argument("--sizes", default=DEFAULT_SIZES)
    parser.add_argument("--topic", default="libya")
    parser.add_argument("--output", type=Path, default=RESULTS / "speed.md")
    args = parser.parse_args()

    nlp = load_nlp()
    lines: list[str] = []
    if not args.no_seeds:
        lines += seeds_table(args.seeds, args.repeat or 7, nlp)
    sizes = [int(n) for n in args.sizes.split(",") if n]
    if sizes:
        storybrief.brief(t17_inputs(args.topic, min(sizes)))  # warm-up
        runs = [args.repeat or DEFAULT_RUNS.get(n, 3) for n in sizes]
        piles = []
        for size, n_runs in zip(sizes, runs, strict=True):
            piles.append(measure(args.topic, size, n_runs, nlp))
            print(f"{size} articles measured", flush=True)
        lines += ["", *growth_table(args.topic, piles, runs)]
    table = "\n".join(lines).strip("\n")
    print(table)
    args.output.parent.mkdir(exist_ok=True)
    args.output.write_text(table + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
