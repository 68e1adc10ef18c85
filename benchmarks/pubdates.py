"""Estimated publication dates against the true ones: wire copy with its dates withheld.

    python benchmarks/pubdates.py [--topics N]

Every document of DUC 2007's update task (10 topics, 25 documents each) and DUC 2006
(50 topics, 25 each) carries its filing date. Each topic is parsed once with no date,
then dated two ways: every date withheld (a folder of saved pages, none stamped) and
every other document's withheld (a feed where some items have dates). The stages that
date documents run on them as the brief runs them (entities, dates, claims,
episodes), and each withheld document's estimate, if any, is compared with its true
day: right at its granularity (a day within one day, as an archive may file a story a
day after it was written; the month; the year). Per method of estimate (the start of
its evidence): how many, how many right, how many right to the year. The texts are
read by path from ../shared (research-only data; nothing is copied). Prints the table
and saves it to benchmarks/results/pubdates.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import time
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Any

from storybrief.analysis import claims, dates, entities, episodes
from storybrief.ingest import load_articles
from storybrief.model import Article, DateRef, ParsedArticle
from storybrief.nlp import load_nlp, parse_articles

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"
DUC2007 = EVAL / "duc2007_update" / "duc2007_update.jsonl"
DUC2006 = EVAL / "duc2006" / "duc2006_qfmds.jsonl"
RESULTS = Path(__file__).resolve().parent / "results"
FORMATS = ("%Y-%m-%d", "%m/%d/%Y")


def true_day(value: str) -> dt.date | None:
    for form in FORMATS:
        try:
            return dt.datetime.strptime(value.strip()[:10], form).date()
        except ValueError:
            continue
    return None  # a few of DUC 2006's are malformed ("1998-14-06"): left out


def topics(limit: int | None) -> list[tuple[str, list[dict[str, Any]]]]:
    with DUC2007.open(encoding="utf-8") as lines:
        rows = [json.loads(line) for line in lines]
    out = [
        (t, [d for r in rows if r["topic"] == t for d in r["documents"]])
        for t in sorted({r["topic"] for r in rows})
    ]
    with DUC2006.open(encoding="utf-8") as lines:
        out += [(r["id"], r["documents"]) for r in map(json.loads, lines)]
    return out[:limit]


def dated(docs: list[ParsedArticle]) -> list[ParsedArticle]:
    """The documents as the brief dates them: entities, dates, claims, episodes."""
    found, linked = entities.resolve_entities(docs)
    linked = list(dates.estimate_dates(linked))
    people = {e.id for e in found if e.type == "PERSON"}
    figures = claims.build_claims(linked, people)
    out, _, _ = episodes.assign_episodes(linked, found, figures)
    return list(out)


def method(published: DateRef) -> str:
    text = published.evidence.text if published.evidence else ""
    for start, name in (
        ("latest date", "latest day stated with its weekday"),
        ("the day a caption", "a caption's day"),
        ("reports the same events", "month of a dated report of the same events"),
        ("the page's stamp", "the page's stamp"),
    ):
        if text.startswith(start):
            return name
    return text.split(":")[0][:40] or "?"


def right(published: DateRef, truth: dt.date) -> tuple[bool, bool]:
    value = published.value
    year = value.year == truth.year
    if published.granularity == "day":
        return abs((value - truth).days) <= 1, year
    if published.granularity == "month":
        return year and value.month == truth.month, year
    return year, year


def score(limit: int | None = None) -> tuple[dict[str, Counter[str]], Counter[str]]:
    """Per setting ("all", "half"): the estimates of withheld dates by method (``METHOD|n``,
    ``METHOD|right``, ``METHOD|year``), and how many dates each setting withheld."""
    nlp = load_nlp()
    counts: dict[str, Counter[str]] = {"all": Counter(), "half": Counter()}
    withheld: Counter[str] = Counter()
    for _name, records in topics(limit):
        records = [r for r in records if r["text"].strip() and true_day(r.get("date") or "")]
        articles = list(load_articles([{"text": r["text"]} for r in records]))
        keep = [(a, r) for a, r in zip(articles, records, strict=True) if isinstance(a, Article)]
        parsed = list(parse_articles([a for a, _ in keep], nlp))
        truth = {d.id: true_day(r["date"]) for d, (_, r) in zip(parsed, keep, strict=True)}
        for setting in ("all", "half"):
            docs = [
                d
                if setting == "all" or k % 2
                else replace(
                    d,
                    article=d.article.with_published(
                        DateRef(truth[d.id] or dt.date.min, "day")  # stated, as a feed's
                    ),
                )
                for k, d in enumerate(parsed)
            ]
            hidden = {d.id for d in docs if d.article.published is None}
            withheld[setting] += len(hidden)
            for d in dated(docs):
                if d.id not in hidden or d.article.published is None:
                    continue
                day = truth[d.id]
                assert day is not None
                how = method(d.article.published)
                ok, year = right(d.article.published, day)
                counts[setting][f"{how}|n"] += 1
                counts[setting][f"{how}|right"] += ok
                counts[setting][f"{how}|year"] += year
    return counts, withheld


def right_share(counts: Counter[str]) -> tuple[int, int]:
    """(estimates right, estimates) over every method."""
    return (
        sum(v for k, v in counts.items() if k.endswith("|right")),
        sum(v for k, v in counts.items() if k.endswith("|n")),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--topics", type=int, default=None)
    args = parser.parse_args()
    started = time.perf_counter()
    counts, withheld = score(args.topics)
    lines = [
        f"## Estimated publication dates: DUC 2007 update and DUC 2006, dates withheld "
        f"({dates.METHOD}, {episodes.METHOD})",
        "",
        "| dates withheld | method | estimates | right | right to the year |",
        "|---|---|---:|---:|---:|",
    ]
    for setting, label in (("all", "every document"), ("half", "every other document")):
        methods = sorted({k.split("|")[0] for k in counts[setting]})
        for m in methods:
            n = counts[setting][f"{m}|n"]
            lines.append(
                f"| {label} ({withheld[setting]}) | {m} | {n} | {counts[setting][f'{m}|right']} "
                f"({counts[setting][f'{m}|right'] / n:.0%}) | {counts[setting][f'{m}|year']} |"
            )
        if not methods:
            lines.append(f"| {label} ({withheld[setting]}) | none | 0 | | |")
        ok, total = right_share(counts[setting])
        lines.append(
            f"| {label} | all methods | {total} of {withheld[setting]} withheld | {ok} | |"
        )
    lines += ["", f"Wall time {time.perf_counter() - started:.0f} s.", ""]
    text = "\n".join(lines)
    print(text)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "pubdates.md").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
