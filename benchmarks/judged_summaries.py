"""The summary as a fact-checker judged it: each sentence's verdict, each support link's.

    python benchmarks/judged_summaries.py [--recheck] [--no-save]

Reads ``benchmarks/judged/summaries/<round>-<commit>/<cluster>.json``: for every
dev-gold cluster, the brief's summary at that commit read as a journalist would (a
later round reuses the verdicts of passages that did not change). Each sentence is
``fine`` or one defect: ``fragment``, ``debris`` (caption,
headline, blurb, chronology line, chatter), ``dangling`` (needs a missing
antecedent), ``redundant``, ``superseded`` (a report later documents overtake,
stated as fact) or ``off-topic``; each support link is ``right`` (states the same
thing about the same referent) or ``wrong``. Files hold the passages' offsets and
their first words only, never article text.

Prints, for each round, per cluster and in all: sentences, the share judged fine, the count of each
defect, support links and the share right (issue #20 asks for fine >= 0.85 and
support right >= 0.95), and saves the table to benchmarks/results/summaries_judged.md.

``--recheck`` briefs each dev-gold cluster with the code as it is now and says what
became of the last round's judged support links of the passages it still chooses: right links
kept or lost, wrong links dropped or still given (and how many links are new, not
judged). The share right of the links it gives, among the judged ones, is
``right kept / (right kept + wrong kept)``. Passages: how many of each verdict the
summary still chooses, and how many it chooses that were not judged.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
JUDGED = HERE / "judged" / "summaries"
RESULTS = HERE / "results"
SENTENCE_VERDICTS = (
    "fine",
    "fragment",
    "debris",
    "dangling",
    "redundant",
    "superseded",
    "off-topic",
)
SUPPORT_VERDICTS = ("right", "wrong")


def load(folder: Path = JUDGED) -> dict[str, dict[str, Any]]:
    """Every judged file, by cluster; a verdict outside the lists is an error."""
    found: dict[str, dict[str, Any]] = {}
    for path in sorted(folder.glob("*.json")):
        judged = json.loads(path.read_text(encoding="utf-8"))
        for sentence in judged["sentences"]:
            if sentence["verdict"] not in SENTENCE_VERDICTS:
                raise ValueError(f"{path.name}: sentence verdict {sentence['verdict']!r}")
            for link in sentence.get("support", []):
                if link["verdict"] not in SUPPORT_VERDICTS:
                    raise ValueError(f"{path.name}: support verdict {link['verdict']!r}")
        found[judged["cluster"]] = judged
    return found


def tally(judged: dict[str, Any]) -> tuple[Counter[str], Counter[str]]:
    """Counts of sentence verdicts and of support verdicts."""
    sentences = Counter(s["verdict"] for s in judged["sentences"])
    support = Counter(link["verdict"] for s in judged["sentences"] for link in s.get("support", []))
    return sentences, support


def table(found: dict[str, dict[str, Any]]) -> str:
    head = ["cluster", "sentences", "fine", *SENTENCE_VERDICTS[1:], "support", "right"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    all_sentences: Counter[str] = Counter()
    all_support: Counter[str] = Counter()

    def row(name: str, sentences: Counter[str], support: Counter[str]) -> str:
        n, links = sum(sentences.values()), sum(support.values())
        fine = f"{sentences['fine'] / n:.2f}" if n else "-"
        right = f"{support['right'] / links:.2f}" if links else "-"
        cells = [name, str(n), fine, *(str(sentences[v]) for v in SENTENCE_VERDICTS[1:])]
        return "| " + " | ".join([*cells, str(links), right]) + " |"

    for name, judged in found.items():
        sentences, support = tally(judged)
        all_sentences.update(sentences)
        all_support.update(support)
        lines.append(row(name, sentences, support))
    lines.append(row("**all**", all_sentences, all_support))
    commits = sorted({j["judged_at_commit"][:7] for j in found.values()})
    return (
        f"## Summaries judged by a reader ({len(found)} dev-gold clusters; "
        f"judged at {', '.join(commits)})\n\n" + "\n".join(lines) + "\n"
    )


def recheck(found: dict[str, dict[str, Any]]) -> str:
    """What the code as it is now does with the judged support links."""
    import storybrief

    gold = HERE.parent.parent / "shared" / "dev-gold"
    folders = json.loads((gold / "clusters.json").read_text(encoding="utf-8"))
    counts: Counter[str] = Counter()
    for name, judged in found.items():
        brief = storybrief.brief(paths=[str(gold / folders[name] / "docs")])
        given = {
            (p.doc_id, p.start, p.end): {(s.doc_id, s.start, s.end) for s in p.support}
            for p in brief.summary
        }
        for sentence in judged["sentences"]:
            links = given.get((sentence["doc_id"], sentence["start"], sentence["end"]))
            state = "still chosen" if links is not None else "no longer chosen"
            counts[f"passage judged {sentence['verdict']}: {state}"] += 1
            if links is None:
                continue
            judged_links = {(s["doc_id"], s["start"], s["end"]): s for s in sentence["support"]}
            for key, link in judged_links.items():
                kept = "kept" if key in links else "dropped"
                counts[f"support link judged {link['verdict']}: {kept}"] += 1
            counts["support link new, not judged"] += len(links - set(judged_links))
        judged_passages = {(s["doc_id"], s["start"], s["end"]) for s in judged["sentences"]}
        counts["passage new, not judged"] += len(set(given) - judged_passages)
    right = counts["support link judged right: kept"]
    wrong = counts["support link judged wrong: kept"]
    given_right = right / max(1, right + wrong)
    rows = "\n".join(f"| {k} | {v} |" for k, v in sorted(counts.items()))
    return (
        "## Judged support links, rechecked with the code as it is now\n\n"
        f"| links | n |\n|---|---:|\n{rows}\n\nright among the judged links given: "
        f"{given_right:.2f}\n"
    )


def rounds(folder: Path = JUDGED) -> dict[str, dict[str, dict[str, Any]]]:
    """Every round of judgement (a folder ``<round>-<commit>`` each), in order."""
    found = {path.name: load(path) for path in folder.iterdir() if path.is_dir()}
    return dict(sorted(found.items(), key=lambda kv: int(kv[0].split("-")[0])))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-save", action="store_true")
    parser.add_argument("--recheck", action="store_true", help="brief the clusters again")
    args = parser.parse_args()
    judged = rounds()
    text = "\n".join(table(found) for found in judged.values())
    if args.recheck:
        text += "\n" + recheck(list(judged.values())[-1])
    print(text)
    if not args.no_save:
        (RESULTS / "summaries_judged.md").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
