"""Summary quality and speed: storybrief next to lead and sumy's LexRank, TextRank, LSA.

    python benchmarks/summarize.py [--limit N] [--sets multinews,duc2004]
    python benchmarks/summarize.py --focus-dev [--limit N]

All systems see the same sentences (storybrief's spaCy sentences of the cleaned
documents) and the same word budget. ROUGE with the rouge-score package,
stemming on: F1 against the one Multi-News reference (300 words); recall
averaged over the four DUC 2004 references (100 words), where the 13 published
system summaries each record carries are scored by the same scorer in the same
run. The published summaries fill the budget and are cut mid-sentence, so
they are also scored cut back to their last complete sentence, the constraint
every other summary here obeys. 95% bootstrap interval on R-2. Prints a table
and saves it under benchmarks/results/.

``--focus-dev`` calibrates ``summarize.FOCUS_WEIGHT`` (the focus question's pull) on
DUC 2006 (50 topics of 25 documents, each with its topic statement and four
references; query-focused, not a test set of this project): R-2 recall at 250 words
(the task's length) and at 100, for each weight of ``FOCUS_GRID``, the topic's title
and narrative as the focus; writes ``benchmarks/results/summarize-focus.md``.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import storybrief
from storybrief.analysis.summarize import summarize
from storybrief.errors import InputError
from storybrief.model import ParsedArticle, Sentence

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"
RESULTS = Path(__file__).resolve().parent / "results"
SETS = {
    "multinews": (EVAL / "multinews_longbench" / "multinews_test200.jsonl", 300, "f"),
    "duc2004": (EVAL / "duc2004_task2" / "duc2004_task2.jsonl", 100, "r"),
}
DUC2006 = EVAL / "duc2006" / "duc2006_qfmds.jsonl"
FOCUS_GRID = (0.0, 0.5, 1.0, 2.0, 4.0, 8.0)
_WORD = re.compile(r"\w+(?:[-'’]\w+)*")


def words_of(text: str) -> int:
    return len(_WORD.findall(text))


def truncate(text: str, budget: int) -> str:
    """Cut a summary to the budget, as ROUGE's -l option does."""
    return " ".join(text.split()[:budget])


_SENTENCE_END = re.compile(r"""[.!?]["'”’)]*(?=\s|$)""")


def whole_sentences(text: str, budget: int) -> str:
    """The summary cut to the budget, then back to its last complete sentence.

    Published DUC systems fill the budget and are cut mid-sentence; a
    storybrief summary is whole sentences within the budget. Scoring the
    published summaries this way too shows what the cut part is worth.
    """
    cut = truncate(text, budget)
    ends = list(_SENTENCE_END.finditer(cut))
    return cut[: ends[-1].end()] if ends else ""


def lead(docs: Sequence[ParsedArticle], budget: int) -> str:
    """First sentences of each article, round robin, while they fit the budget."""
    queues = [list(d.sentences) for d in docs]
    picked: list[str] = []
    used = 0
    while any(queues):
        for q in queues:
            if q:
                s = q.pop(0)
                n = words_of(s.text)
                if used + n > budget:
                    return " ".join(picked)
                picked.append(s.text)
                used += n
    return " ".join(picked)


class _Tokenizer:
    """sumy's tokenizer protocol, on our own splitting (NLTK data cannot be downloaded)."""

    language = "english"

    def to_sentences(self, paragraph: str) -> list[str]:
        return [paragraph]

    def to_words(self, sentence: str) -> list[str]:
        return _WORD.findall(sentence)


def sumy_system(name: str) -> Callable[[Sequence[ParsedArticle], int], str]:
    from sumy.models.dom import ObjectDocumentModel, Paragraph
    from sumy.models.dom import Sentence as SumySentence
    from sumy.nlp.stemmers import Stemmer
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.lsa import LsaSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer
    from sumy.utils import get_stop_words

    classes = {"LexRank": LexRankSummarizer, "TextRank": TextRankSummarizer, "LSA": LsaSummarizer}
    tokenizer = _Tokenizer()

    def run(docs: Sequence[ParsedArticle], budget: int) -> str:
        sentences: list[Sentence] = [s for d in docs for s in d.sentences]
        model = ObjectDocumentModel(
            [Paragraph([SumySentence(s.text, tokenizer) for s in d.sentences]) for d in docs]
        )
        summarizer = classes[name](Stemmer("english"))
        summarizer.stop_words = get_stop_words("english")
        captured: list[Any] = []
        summarizer._get_best_sentences = lambda ss, count, rating, *a, **k: (
            captured.append((ss, rating, a)) or ()
        )
        summarizer(model, len(sentences))
        ss, rating, extra = captured[0]
        scores = [rating(s, *extra) if callable(rating) else rating[s] for s in ss]
        order = sorted(range(len(ss)), key=lambda i: -scores[i])
        chosen, used = [], 0
        for i in order:
            n = words_of(sentences[i].text)
            if used + n <= budget:
                chosen.append(i)
                used += n
        return " ".join(sentences[i].text for i in sorted(chosen))

    return run


def storybrief_system(docs: Sequence[ParsedArticle], budget: int) -> str:
    return " ".join(s.text for s in summarize(docs, budget))


def bootstrap(values: list[float], rounds: int = 1000, seed: int = 0) -> tuple[float, float]:
    rng = random.Random(seed)
    means = sorted(statistics.fmean(rng.choice(values) for _ in values) for _ in range(rounds))
    return means[int(0.025 * rounds)], means[int(0.975 * rounds)]


def evaluate(set_name: str, limit: int | None) -> list[str]:
    from rouge_score import rouge_scorer

    path, budget, measure = SETS[set_name]
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True)
    records = [json.loads(line) for line in path.open(encoding="utf-8")]
    if limit:
        records = records[:limit]
    systems: dict[str, Callable[[Sequence[ParsedArticle], int], str]] = {
        "storybrief": storybrief_system,
        "lead": lead,
        **{f"sumy {n}": sumy_system(n) for n in ("LexRank", "TextRank", "LSA")},
    }
    scores: dict[str, dict[str, list[float]]] = {}
    seconds: dict[str, list[float]] = {name: [] for name in systems}
    parse_seconds: list[float] = []

    def add(system: str, summary: str, references: list[str]) -> None:
        per = [scorer.score(ref, truncate(summary, budget)) for ref in references]
        bucket = scores.setdefault(system, {"rouge1": [], "rouge2": [], "rougeL": []})
        for key in bucket:
            values = [getattr(p[key], "fmeasure" if measure == "f" else "recall") for p in per]
            bucket[key].append(100 * statistics.fmean(values))

    for record in records:
        inputs = [{"text": d["text"]} for d in record["documents"] if d["text"].strip()]
        start = time.perf_counter()
        try:
            brief = storybrief.brief(inputs)
        except InputError:
            continue
        parse_seconds.append(time.perf_counter() - start)
        for name, system in systems.items():
            start = time.perf_counter()
            summary = system(brief.documents, budget)
            seconds[name].append(time.perf_counter() - start)
            add(name, summary, record["summaries"])
        for name, summary in (record.get("system_summaries") or {}).items():
            add(f"published {name}", summary, record["summaries"])
            add(f"{name}, whole sentences", whole_sentences(summary, budget), record["summaries"])

    label = "F1" if measure == "f" else "recall"
    lines = [
        f"## {set_name}: {len(parse_seconds)} clusters, {budget} words, ROUGE {label} "
        "(rouge-score, stemming)",
        "",
        "| system | R-1 | R-2 | R-2 95% CI | R-L | s/cluster |",
        "|---|---:|---:|---|---:|---:|",
    ]

    def row(name: str, bucket: dict[str, list[float]]) -> str:
        low, high = bootstrap(bucket["rouge2"])
        secs = f"{statistics.median(seconds[name]):.3f}" if name in seconds else ""
        return (
            f"| {name} | {statistics.fmean(bucket['rouge1']):.2f} | "
            f"{statistics.fmean(bucket['rouge2']):.2f} | {low:.2f}-{high:.2f} | "
            f"{statistics.fmean(bucket['rougeL']):.2f} | {secs} |"
        )

    ranked = sorted(scores.items(), key=lambda kv: -statistics.fmean(kv[1]["rouge2"]))
    cut = [(name, bucket) for name, bucket in ranked if name.endswith(", whole sentences")]
    lines += [row(name, bucket) for name, bucket in ranked if (name, bucket) not in cut]
    if cut:
        lines += [
            "",
            "The published summaries fill the budget and are cut mid-sentence; here each is "
            "cut back to its last complete sentence, as every summary above but theirs is:",
            "",
            "| system | R-1 | R-2 | R-2 95% CI | R-L | s/cluster |",
            "|---|---:|---:|---|---:|---:|",
            *(row(name, bucket) for name, bucket in cut),
        ]
    lines += [
        "",
        f"spaCy + ingestion per cluster (median): {statistics.median(parse_seconds):.3f} s; "
        f"summary step / parse: "
        f"{statistics.median(seconds['storybrief']) / statistics.median(parse_seconds):.2f}",
        "",
    ]
    return lines


def focus_of(record: dict[str, Any]) -> str:
    """A DUC topic statement as a focus question: its title, then its narrative."""
    query = record["query"]
    return f"{query['title']}. {query['narrative']}"


def focus_calibration(limit: int | None) -> list[str]:
    """R-2 recall on DUC 2006 for each focus weight of ``FOCUS_GRID``."""
    from rouge_score import rouge_scorer

    import storybrief.analysis.summarize as summarize_module
    from storybrief.config import Settings
    from storybrief.ingest import load_articles
    from storybrief.model import Article
    from storybrief.nlp import load_nlp, parse_articles

    scorer = rouge_scorer.RougeScorer(["rouge2"], use_stemmer=True)
    nlp = load_nlp(Settings.from_env().model)
    records = [json.loads(line) for line in DUC2006.open(encoding="utf-8")][:limit]
    topics = []
    for record in records:
        inputs = [
            {"text": d["text"], "published": (d.get("date") or "")[:10] or None}
            for d in record["documents"]
            if d["text"].strip()
        ]
        articles = [a for a in load_articles(inputs) if isinstance(a, Article)]
        topics.append((list(parse_articles(articles, nlp)), focus_of(record), record))
    chosen = summarize_module.FOCUS_WEIGHT
    lines = [
        f"## Focus weight on DUC 2006 ({len(topics)} topics, topic statement as the focus), "
        "R-2 recall (rouge-score, stemming)",
        "",
        "| FOCUS_WEIGHT | R-2 at 250 words | R-2 at 100 words |",
        "|---:|---:|---:|",
    ]
    for weight in FOCUS_GRID:
        summarize_module.FOCUS_WEIGHT = weight
        means = []
        for budget in (250, 100):
            values = []
            for docs, focus, record in topics:
                text = truncate(" ".join(p.text for p in summarize(docs, budget, focus)), budget)
                per = [scorer.score(r, text)["rouge2"].recall for r in record["summaries"]]
                values.append(100 * statistics.fmean(per))
            means.append(statistics.fmean(values))
        mark = " (chosen)" if weight == chosen else ""
        lines.append(f"| {weight}{mark} | {means[0]:.2f} | {means[1]:.2f} |")
        print(lines[-1], flush=True)
    summarize_module.FOCUS_WEIGHT = chosen
    return [*lines, ""]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="first N clusters of each set")
    parser.add_argument("--sets", default="multinews,duc2004")
    parser.add_argument(
        "--focus-dev", action="store_true", help="only the focus calibration on DUC 2006"
    )
    args = parser.parse_args()
    started = time.perf_counter()
    if args.focus_dev:
        lines = focus_calibration(args.limit)
        lines.append(f"total {time.perf_counter() - started:.0f} s")
        text = "\n".join(lines) + "\n"
        (RESULTS / "summarize-focus.md").write_text(text, encoding="utf-8")
        print(text)
        return
    lines: list[str] = []
    for name in args.sets.split(","):
        lines += evaluate(name, args.limit)
        print("\n".join(lines[-30:]))
    lines.append(f"total {time.perf_counter() - started:.0f} s")
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "summarize.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(lines[-1])


if __name__ == "__main__":
    main()
