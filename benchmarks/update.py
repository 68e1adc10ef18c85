"""Update summaries on DUC 2007's update task: what stage B adds to A, and C to A and B.

    python benchmarks/update.py [--topics N] [--dev]

Ten topics, each in three stages of documents (A, B, C) with four reference summaries
per stage (``../shared/eval/duc2007_update``; NIST data: read by path, never copied).
Every system writes 100 words; ROUGE-1/2 recall with the scorer of
``benchmarks/summarize.py`` (rouge-score, stemming, mean over the references, the
summary cut to 100 words). Systems, on the same parses:

- ``storybrief update``: ``summarize_update(new, old)``: stage B with A as already
  read, C with A and B (A alone is the plain summary);
- ``storybrief plain``: the summary of the new stage alone, no history;
- ``lead``: the first sentences of the newest document.

Each storybrief system runs twice: with the topic statement (title and narrative, what
the participants were given) as the ``focus`` question (``summarize.focused_weights``,
its weight calibrated on DUC 2006 by ``benchmarks/summarize.py --focus-dev``), and
without it.

The best of the 23 DUC 2007 participants, rescored with this scorer, reached R-2
recall 12.51 on A and 10.63 on B and C together (the issue's figures; their summaries
are not in the data).

``--dev`` also prints the calibration of ``summarize.ALREADY_READ`` on a dev set that is
not DUC 2007: the dev split of Pratapa et al.'s background summaries (Haiti earthquake,
Michael Jackson's death; annotators' "update" summaries per date) with the Timeline17
articles of those stories: for each dated step, the articles of that day are new and
the twelve before it old; R-2 recall of 100 words against the annotators' updates.
``--dev`` also prints a pseudo-update dev set from DUC 2006 (not a test set here): each
topic's 25 documents split by date, the older half read, the newer half new, with the
topic statement as the focus; R-2 recall of 100 words against the topic's four
references (which summarise the whole topic, old half included), for each
ALREADY_READ and for the plain summary of the new half.
Writes ``benchmarks/results/update.md``.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from storybrief.analysis.summarize import summarize, summarize_update
from storybrief.config import Settings
from storybrief.ingest import load_articles
from storybrief.model import Article, ParsedArticle
from storybrief.nlp import load_nlp, parse_articles

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "eval" / "duc2007_update" / "duc2007_update.jsonl"
RESULTS = ROOT / "benchmarks" / "results" / "update.md"
BUDGET = 100
#: The best participant, rescored with this scorer (from the issue).
PUBLISHED_BEST = {"A": 12.51, "B+C": 10.63}


def truncate(text: str, budget: int) -> str:
    return " ".join(text.split()[:budget])


def lead_of_newest(docs: Sequence[ParsedArticle], budget: int) -> str:
    """The first sentences of the newest document, within the budget."""
    newest = max(docs, key=lambda d: d.article.published.iso() if d.article.published else "")
    picked: list[str] = []
    used = 0
    for sentence in newest.sentences:
        n = len(sentence.text.split())
        if used + n > budget:
            break
        picked.append(sentence.text)
        used += n
    return " ".join(picked)


DEV = ROOT.parent / "shared" / "eval"
DEV_STORIES = {"haitian_earthquake": "haiti", "mj_death": "mj"}
DEV_SHARES = (0.1, 0.3, 0.5, 0.7, 1.0)


def dev_calibration(nlp: object, scorer: object) -> list[str]:
    """R-2 recall of update summaries on the dev stories, for each ALREADY_READ."""
    import gzip

    import storybrief.analysis.summarize as summarize_module

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from timeline import detokenize

    timelines = {}
    for line in (DEV / "background_summaries" / "background_timelines.jsonl").open():
        record = json.loads(line)
        timelines[record["event"]] = record

    def parse(rows: list[dict[str, str]]) -> list[ParsedArticle]:
        inputs = [{"text": detokenize(a["text"]), "published": a["pub_date"]} for a in rows]
        articles = [a for a in load_articles(inputs) if isinstance(a, Article)]
        return list(parse_articles(articles, nlp))

    cases = []
    for event, topic in DEV_STORIES.items():
        path = DEV / "timeline17_crisis" / "articles" / f"t17_{topic}.jsonl.gz"
        with gzip.open(path, "rt", encoding="utf-8") as f:
            rows = [r for r in map(json.loads, f) if len(r["text"]) > 800]
        for step in timelines[event]["timesteps"][1:12]:
            new = [r for r in rows if r["pub_date"] == step["date"]][:8]
            old = sorted(
                (r for r in rows if r["pub_date"] < step["date"]), key=lambda r: r["pub_date"]
            )
            if new and old:
                cases.append((parse(new), parse(old[-12:]), list(step["updates"].values())))
    lines = [
        "",
        f"Dev calibration of ALREADY_READ ({len(cases)} dated steps of the dev stories):",
        "",
        "| ALREADY_READ | update R-2 recall |",
        "|---:|---:|",
    ]
    chosen = summarize_module.ALREADY_READ
    for share in DEV_SHARES:
        summarize_module.ALREADY_READ = share
        values = []
        for new, old, refs in cases:
            update, _ = summarize_update(new, old, BUDGET, 0)
            text = truncate(" ".join(p.text for p in update), BUDGET)
            values.append(
                100 * statistics.fmean(scorer.score(r, text)["rouge2"].recall for r in refs)
            )  # type: ignore[attr-defined]
        mark = " (chosen)" if share == chosen else ""
        lines.append(f"| {share}{mark} | {statistics.fmean(values):.2f} |")
    summarize_module.ALREADY_READ = chosen
    return lines


DUC2006 = DEV / "duc2006" / "duc2006_qfmds.jsonl"


def focus_of(record: dict[str, Any]) -> str:
    """A DUC topic statement as a focus question: its title, then its narrative."""
    query = record["query"]
    return f"{query['title']}. {query['narrative']}"


def parse_records(documents: list[dict[str, Any]], nlp: object) -> list[ParsedArticle]:
    inputs = [
        {"text": d["text"], "published": (d.get("date") or "")[:10] or None}
        for d in documents
        if d["text"].strip()
    ]
    articles = [a for a in load_articles(inputs) if isinstance(a, Article)]
    return list(parse_articles(articles, nlp))


def pseudo_update_calibration(nlp: object, scorer: Any) -> list[str]:
    """R-2 recall of update summaries on DUC 2006 split by date, for each ALREADY_READ."""
    import storybrief.analysis.summarize as summarize_module

    cases = []
    for line in DUC2006.open(encoding="utf-8"):
        record = json.loads(line)
        docs = sorted(
            parse_records(record["documents"], nlp),
            key=lambda d: d.article.published.iso() if d.article.published else "",
        )
        half = len(docs) // 2
        cases.append((docs[half:], docs[:half], focus_of(record), record["summaries"]))

    def recall(summary: str, refs: list[str]) -> float:
        text = truncate(summary, BUDGET)
        return 100 * statistics.fmean(scorer.score(r, text)["rouge2"].recall for r in refs)

    plain = statistics.fmean(
        recall(" ".join(p.text for p in summarize(new, BUDGET, focus)), refs)
        for new, _, focus, refs in cases
    )
    lines = [
        "",
        f"DUC 2006 pseudo-update dev set ({len(cases)} topics split by date; focus on):",
        "",
        "| ALREADY_READ | update R-2 recall |",
        "|---:|---:|",
    ]
    chosen = summarize_module.ALREADY_READ
    for share in DEV_SHARES:
        summarize_module.ALREADY_READ = share
        value = statistics.fmean(
            recall(" ".join(p.text for p in summarize_update(new, old, BUDGET, 0, focus)[0]), r)
            for new, old, focus, r in cases
        )
        mark = " (chosen)" if share == chosen else ""
        lines.append(f"| {share}{mark} | {value:.2f} |")
    summarize_module.ALREADY_READ = chosen
    lines.append(f"| plain summary of the new half | {plain:.2f} |")
    return lines


SYSTEMS = (
    "storybrief update, focus",
    "storybrief plain, focus",
    "storybrief update",
    "storybrief plain",
    "lead of the newest document",
)


def main() -> None:
    from rouge_score import rouge_scorer

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--topics", type=int, default=None, help="only the first N topics")
    parser.add_argument("--dev", action="store_true", help="also the dev calibration")
    args = parser.parse_args()
    records = [json.loads(line) for line in DATA.open(encoding="utf-8")]
    topics = sorted({r["topic"] for r in records})[: args.topics]
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2"], use_stemmer=True)
    nlp = load_nlp(Settings.from_env().model)
    scores: dict[tuple[str, str], dict[str, list[float]]] = {}
    background_words: list[int] = []
    started = time.perf_counter()
    for topic in topics:
        stages = {r["update_stage"]: r for r in records if r["topic"] == topic}
        parsed: dict[str, list[ParsedArticle]] = {}
        for stage in ("A", "B", "C"):
            parsed[stage] = parse_records(stages[stage]["documents"], nlp)
        for stage in ("A", "B", "C"):
            new = parsed[stage]
            old = [d for s in "ABC"[: "ABC".index(stage)] for d in parsed[s]]
            refs = stages[stage]["summaries"]
            summaries = {"lead of the newest document": lead_of_newest(new, BUDGET)}
            for focus, suffix in ((focus_of(stages[stage]), ", focus"), (None, "")):
                plain = " ".join(p.text for p in summarize(new, BUDGET, focus))
                updated = plain
                if old:
                    update, background = summarize_update(new, old, BUDGET, focus=focus)
                    updated = " ".join(p.text for p in update)
                    if focus:
                        background_words.append(sum(len(p.text.split()) for p in background))
                summaries[f"storybrief update{suffix}"] = updated
                summaries[f"storybrief plain{suffix}"] = plain
            for name, summary in summaries.items():
                per = [scorer.score(ref, truncate(summary, BUDGET)) for ref in refs]
                bucket = scores.setdefault((name, stage), {"rouge1": [], "rouge2": []})
                for key in bucket:
                    bucket[key].append(100 * statistics.fmean(p[key].recall for p in per))
    lines = [
        f"DUC 2007 update task: {len(topics)} topics, stages A, B, C; {BUDGET} words; "
        "ROUGE recall (rouge-score, stemming, mean over 4 references).",
        "",
        "| system | A R-1 | A R-2 | B R-2 | C R-2 | B+C R-1 | B+C R-2 |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for name in SYSTEMS:
        a, b, c = (scores[(name, s)] for s in "ABC")
        lines.append(
            f"| {name} | {statistics.fmean(a['rouge1']):.2f} | {statistics.fmean(a['rouge2']):.2f} "
            f"| {statistics.fmean(b['rouge2']):.2f} | {statistics.fmean(c['rouge2']):.2f} "
            f"| {statistics.fmean(b['rouge1'] + c['rouge1']):.2f} "
            f"| {statistics.fmean(b['rouge2'] + c['rouge2']):.2f} |"
        )
    lines.append(
        f"| best DUC 2007 participant (published, rescored) | | {PUBLISHED_BEST['A']:.2f} | | "
        f"| | {PUBLISHED_BEST['B+C']:.2f} |"
    )
    lines += [
        "",
        f"Background section: median {statistics.median(background_words or [0])} words "
        f"(update.v1 budget 60). Wall time {time.perf_counter() - started:.0f} s.",
    ]
    if args.dev:
        lines += dev_calibration(nlp, scorer)
        lines += pseudo_update_calibration(nlp, scorer)
    text = "\n".join(lines) + "\n"
    print(text)
    RESULTS.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
