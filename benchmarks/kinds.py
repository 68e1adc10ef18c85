"""Source kinds (report / analysis / opinion) against hand labels, per split.

    python benchmarks/kinds.py [--split fit|held_apart|web_fit|web_held_apart] [--no-save]

Labels: benchmarks/judged/kinds.json (ids, kinds and a short reason; the criteria and
the commit they were judged at are in the file). ``fit`` is the ten dev-gold
clusters (the kinds dev-gold gives), on which the thresholds of
``storybrief.analysis.compare`` were set; ``held_apart`` is labelled for this
benchmark and never tuned on: NewsWCL50 events 0-4 and 6-9 and the first twelve
documents of DUC 2006 D0617H and D0619A. The web pages of Multi-News (test clusters
0-49 of LongBench's 200) were labelled by reading, blind to the classifier: clusters
0-24 are ``web_fit`` (their errors were read when sources.v6 was set), 25-49
``web_held_apart`` (never looked at before measuring). Pages that are only a crawler's
boilerplate are not labelled.

Each cluster is briefed whole (as the CLI does: the quotes a document carries are
part of its signals) and each labelled document's kind is read from the brief's
sources. The texts are read by path from ../shared (research-only data; nothing is
copied). NewsWCL50 texts are tokenized; they are detokenized the way dev-gold's
dev_wcl was (quotes re-attached, "\\n" markers as paragraph breaks, the first
segment as the title). Prints accuracy per split, a confusion matrix and the
errors per source with their signals, and saves the table to
benchmarks/results/kinds.md.
"""

from __future__ import annotations

import argparse
import json
import re
import time
from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import storybrief
from storybrief.analysis.compare import METHOD

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DEV_GOLD = SHARED / "dev-gold"
NEWSWCL = SHARED / "eval" / "newswcl50" / "newswcl50_clusters.jsonl"
DUC2006 = SHARED / "eval" / "duc2006" / "duc2006_qfmds.jsonl"
MULTINEWS = SHARED / "eval" / "multinews_longbench" / "multinews_test200.jsonl"
LABELS = Path(__file__).resolve().parent / "judged" / "kinds.json"
RESULTS = Path(__file__).resolve().parent / "results"
KINDS = ("report", "analysis", "opinion")
SPLITS = ("fit", "held_apart", "web_fit", "web_held_apart")
OUTLETS = {
    "LL": "HuffPost",
    "L": "The New York Times",
    "M": "USA Today",
    "R": "Fox News",
    "RR": "Breitbart",
    "APW": "Associated Press",
    "NYT": "New York Times",
    "XIE": "Xinhua",
}


def detokenize(text: str) -> str:
    """PTB-style tokens back to prose, as dev-gold's dev_wcl was made.

    Quote marks pair over the whole text: a quotation may run over several
    paragraphs without reopening.
    """
    words = " " + re.sub(r"\s*\\n\s*|\s*\n+\s*", " \u2029 ", text.strip()) + " "
    parts = words.split(' " ')
    out = parts[0]
    for k, part in enumerate(parts[1:]):
        out += (' "' if k % 2 == 0 else '" ') + part
    out = re.sub(r" ([,.;:!?%)\]])", r"\1", out)
    out = re.sub(r"([(\[$]) ", r"\1", out)
    out = re.sub(r" (n't|'s|'re|'ve|'ll|'d|'m|’s|n’t)\b", r"\1", out)
    out = re.sub(r"(\w) - (\w)", r"\1-\2", out)
    out = re.sub(r"([‘“]) ", r"\1", out)
    out = re.sub(r" ([’”])", r"\1", out)
    paragraphs = (p.strip() for p in out.split("\u2029"))
    return "\n\n".join(p for p in paragraphs if p)


def clusters(split: Mapping[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """(set name, arguments for storybrief.brief) for every set a split labels."""
    wanted = {item["set"] for item in split}
    folders = json.loads((DEV_GOLD / "clusters.json").read_text())
    for name in sorted(wanted & set(folders)):
        yield name, {"paths": [str(DEV_GOLD / folders[name] / "docs")]}
    if any(name.startswith("wcl_") for name in wanted):
        for line in NEWSWCL.read_text().splitlines():
            event = json.loads(line)
            name = f"wcl_{event['event_id']}"
            if name not in wanted:
                continue
            records = []
            for doc in event["documents"]:
                title, body = re.split(r"\s*\\n\s*|\n", doc["text"], maxsplit=1)
                date = re.search(r"/(20\d\d)/(\d\d)/(\d\d)/", doc["url"])
                records.append(
                    {
                        "text": detokenize(body),
                        "title": detokenize(title),
                        "outlet": OUTLETS[doc["outlet_position"]],
                        "published": "-".join(date.groups()) if date else None,
                        "source": doc["doc_id"],
                    }
                )
            yield name, {"sources": records}
    if any(name.startswith("duc06_") for name in wanted):
        for line in DUC2006.read_text().splitlines():
            topic = json.loads(line)
            name = f"duc06_{topic['id']}"
            if name not in wanted:
                continue
            ids = {item["doc"] for item in split if item["set"] == name}
            records = [
                {
                    "text": doc["text"],
                    "title": doc.get("title"),
                    "outlet": OUTLETS.get(doc["doc_id"][:3]),
                    "source": doc["doc_id"],
                }
                for doc in topic["documents"]
                if doc["doc_id"] in ids
            ]
            yield name, {"sources": records}
    if any(name.startswith("mn_") for name in wanted):
        for k, line in enumerate(MULTINEWS.read_text().splitlines()):
            name = f"mn_{k}"
            if name not in wanted:
                continue
            cluster = json.loads(line)
            records = [
                {"text": doc["text"], "source": doc["doc_id"]}
                for doc in cluster["documents"]
                if doc["text"].strip()
            ]
            yield name, {"sources": records}


def judge(split: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every labelled document with the kind and signals its cluster's brief gives it."""
    rows = []
    for name, arguments in clusters(split):
        brief = storybrief.brief(**arguments)
        by_name = {Path(d.article.source).name: d.id for d in brief.documents}
        sources = {s.doc_id: s for s in brief.sources}
        for item in split:
            if item["set"] != name:
                continue
            doc_id = by_name.get(item["doc"])
            source = sources.get(doc_id) if doc_id else None
            rows.append(
                {
                    **item,
                    "got": source.kind if source else "missing",
                    "outlet": source.outlet if source else None,
                    "signals": list(source.signals) if source else [],
                }
            )
    return rows


def table(split: str, rows: list[dict[str, Any]]) -> list[str]:
    right = sum(r["got"] == r["kind"] for r in rows)
    confusion = Counter((r["kind"], r["got"]) for r in rows)
    lines = [
        f"## {split}: {right}/{len(rows)} right, accuracy {right / max(len(rows), 1):.3f}",
        "",
        "| gold \\ got | " + " | ".join(KINDS) + " |",
        "|---|" + "---:|" * len(KINDS),
    ]
    for gold in KINDS:
        cells = " | ".join(str(confusion[(gold, got)]) for got in KINDS)
        lines.append(f"| {gold} ({sum(r['kind'] == gold for r in rows)}) | {cells} |")
    errors: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        if r["got"] != r["kind"]:
            errors[r["outlet"] or "no outlet stated"].append(r)
    lines += ["", "Errors per source (want/got: signals):", ""]
    for outlet in sorted(errors):
        lines.append(f"- {outlet}")
        for r in errors[outlet]:
            signals = "; ".join(r["signals"])
            lines.append(f"  - {r['set']} {r['doc']} {r['kind']}/{r['got']}: {signals}")
    if not errors:
        lines.append("- none")
    return [*lines, ""]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", choices=SPLITS)
    parser.add_argument("--no-save", action="store_true")
    args = parser.parse_args()
    labels = json.loads(LABELS.read_text())
    splits = [args.split] if args.split else list(SPLITS)
    started = time.perf_counter()
    lines = [
        "Source kinds against hand labels",
        "",
        f"{METHOD}; labels {LABELS.relative_to(ROOT)}"
        f" (judged at {labels['judged_at_commit'][:12]})",
        "",
    ]
    for split in splits:
        lines += table(split, judge(labels[split]))
    lines.append(f"({time.perf_counter() - started:.0f} s)")
    text = "\n".join(lines)
    print(text)
    if not args.no_save and not args.split:
        (RESULTS / "kinds.md").write_text(text + "\n")


if __name__ == "__main__":
    main()
