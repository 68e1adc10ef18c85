"""Temporal expression normalisation on TempEval-3 (platinum test): storybrief next to dateparser.

    python benchmarks/timex.py [--split test_platinum]

Both systems get the document creation time as the anchor. Two measures:

- value accuracy on the gold spans: normalisation alone (the expression is given);
- value F1 end to end: spans found by the system (storybrief: spaCy DATE/TIME
  mentions plus reference words), a system timex matches a gold one when their
  spans overlap, and counts as right when its value equals the gold value
  (TempEval-3's relaxed-match value F1). dateparser is scored on the same spans
  (so the difference is normalisation) and with its own ``search_dates``.

dateparser's value is its date cut to the period it reports (day, week, month,
year); it has no notion of durations or of PRESENT_REF, which is part of what
the comparison shows. Published anchor: HeidelTime, value F1 77.6.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from storybrief.analysis.timex import METHOD, document_timexes, normalize, tense_of
from storybrief.model import Article, ParsedArticle, iso_date
from storybrief.nlp import load_nlp, parse_articles

ROOT = Path(__file__).resolve().parent.parent
TEMPEVAL = ROOT.parent / "shared" / "eval" / "tempeval3" / "tempeval3_timex.jsonl"
RESULTS = Path(__file__).resolve().parent / "results"


def dateparser_value(text: str, anchor: dt.date) -> str | None:
    """dateparser's reading of an expression, cut to the period it reports."""
    from dateparser.date import DateDataParser

    base = dt.datetime(anchor.year, anchor.month, anchor.day)
    data = DateDataParser(languages=["en"], settings={"RELATIVE_BASE": base}).get_date_data(text)
    if data.date_obj is None:
        return None
    period = data.period if data.period in ("year", "month", "week") else "day"
    return iso_date(data.date_obj.date(), period)


def parse(records: Sequence[dict[str, Any]]) -> list[ParsedArticle]:
    articles = [
        Article(
            id=r["doc_id"],
            source=r["doc_id"],
            text=r["text"],
            content_hash=hashlib.sha256(r["text"].encode()).hexdigest(),
        )
        for r in records
    ]
    return parse_articles(articles, load_nlp())


Span = tuple[int, int, str | None]


def value_f1(gold: Sequence[Sequence[Span]], system: Sequence[Sequence[Span]]) -> tuple[float, ...]:
    """Relaxed-match value precision, recall, F1 over all documents."""
    right = n_gold = n_system = 0
    for gold_spans, system_spans in zip(gold, system, strict=True):
        n_gold += len(gold_spans)
        n_system += len(system_spans)
        used: set[int] = set()
        for start, end, value in system_spans:
            for k, (gs, ge, gv) in enumerate(gold_spans):
                if k not in used and gs < end and start < ge:
                    used.add(k)
                    right += value is not None and value == gv
                    break
    p = right / n_system if n_system else 0.0
    r = right / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", default="test_platinum")
    args = parser.parse_args()
    if not TEMPEVAL.is_file():
        sys.exit(f"{TEMPEVAL} not found")
    with TEMPEVAL.open(encoding="utf-8") as lines:
        records = [r for line in lines if (r := json.loads(line))["split"] == args.split]
    started = time.perf_counter()
    docs = parse(records)
    parse_seconds = time.perf_counter() - started
    anchors = [dt.date.fromisoformat(r["dct"][:10]) for r in records]
    gold = [[(t["start"], t["end"], t["value"]) for t in r["timexes"]] for r in records]

    def on_gold(value_of: Callable[[ParsedArticle, int, int, str, dt.date], str | None]) -> float:
        right = total = 0
        for doc, record, anchor in zip(docs, records, anchors, strict=True):
            for t in record["timexes"]:
                total += 1
                right += value_of(doc, t["start"], t["end"], t["text"], anchor) == t["value"]
        return right / total

    def ours(doc: ParsedArticle, start: int, end: int, text: str, anchor: dt.date) -> str | None:
        return normalize(text, anchor, tense_of(doc.tree, start, end))[1]

    def theirs(doc: ParsedArticle, start: int, end: int, text: str, anchor: dt.date) -> str | None:
        return dateparser_value(text, anchor)

    t0 = time.perf_counter()
    our_spans = [
        [(t.start, t.end, t.value) for t in document_timexes(doc, anchor)]
        for doc, anchor in zip(docs, anchors, strict=True)
    ]
    our_seconds = time.perf_counter() - t0
    t0 = time.perf_counter()
    dp_same_spans = [
        [(s, e, dateparser_value(doc.article.text[s:e], anchor)) for s, e, _ in spans]
        for doc, anchor, spans in zip(docs, anchors, our_spans, strict=True)
    ]
    dp_seconds = time.perf_counter() - t0
    from dateparser.search import search_dates

    dp_search: list[list[Span]] = []
    for doc, anchor in zip(docs, anchors, strict=True):
        base = dt.datetime(anchor.year, anchor.month, anchor.day)
        found = (
            search_dates(doc.article.text, languages=["en"], settings={"RELATIVE_BASE": base}) or []
        )
        spans: list[Span] = []
        cursor = 0
        for written, _ in found:
            start = doc.article.text.find(written, cursor)
            if start < 0:
                continue
            cursor = start + len(written)
            spans.append((start, cursor, dateparser_value(written, anchor)))
        dp_search.append(spans)

    n_gold = sum(len(g) for g in gold)
    rows = [
        (f"storybrief {METHOD}", on_gold(ours), value_f1(gold, our_spans), our_seconds),
        ("dateparser (same spans)", on_gold(theirs), value_f1(gold, dp_same_spans), dp_seconds),
        ("dateparser search_dates", None, value_f1(gold, dp_search), None),
    ]
    lines = [
        f"## TempEval-3 {args.split}: {len(records)} documents, {n_gold} gold timexes",
        "",
        "| system | value acc. on gold spans | value P | value R | value F1 | s/doc |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for name, accuracy, (p, r, f1), seconds in rows:
        acc = f"{100 * accuracy:.1f}" if accuracy is not None else ""
        secs = f"{seconds / len(records):.4f}" if seconds is not None else ""
        lines.append(
            f"| {name} | {acc} | {100 * p:.1f} | {100 * r:.1f} | {100 * f1:.1f} | {secs} |"
        )
    lines += [
        "",
        f"spaCy parse {parse_seconds / len(records):.2f} s/doc (not counted above). "
        "Relaxed span match (overlap), value must equal the gold TIMEX3 value. "
        "Published anchor: HeidelTime value F1 77.6.",
        "",
    ]
    sys.stdout.write("\n".join(lines))
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "timex.md").write_text("\n".join(lines), encoding="utf-8")


if __name__ == "__main__":
    main()
