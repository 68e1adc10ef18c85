"""Number groups to judge: every quantity the brief says several documents state, on
DUC 2006 topics never tuned on.

    python benchmarks/claim_groups.py --out /tmp/groups [--topics D0617H,D0647B]

Briefs each topic's 25 documents (with their dates) and writes, per topic, one file
``<out>/<topic>.md`` with every claim that spans two documents or more: its unit, what
it counts, the relation the brief gives (agree, conflict, evolves, differs), its
readings and times, and each statement with its source, publication day, figure and
whole sentence, for a reader to judge: pure (every statement counts the same thing of
the same event, place and time scope) or mixed (which statements are of something
else), and the relation right or wrong. The data are research-only: the files hold
their text, so write them outside the repository.

Prints a table: topics, multi-document groups, statements. Session 71 read the six
default topics this way (145 groups at df2eba4: 83 pure, relation right 113; 140 at
5689c15: 87 pure, 110 right; its note).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import storybrief
from storybrief.model import Brief

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "eval" / "duc2006" / "duc2006_qfmds.jsonl"
#: Topics of one event or one run of events (not broad questions), none of them a
#: dev-gold story: EgyptAir 990, Elian Gonzalez, Stephen Lawrence, Chechnya, the
#: Phantom Menace premiere, NASA's Galileo.
TOPICS = ("D0617H", "D0647B", "D0624F", "D0616G", "D0604D", "D0638B")


def groups_text(topic: str, title: str, brief: Brief) -> tuple[str, int, int]:
    """A topic's multi-document claims as Markdown, with how many groups and statements."""
    texts = {d.id: d.article.text for d in brief.documents}
    names = {
        d.id: (d.article.source or d.id, d.article.published.iso() if d.article.published else "?")
        for d in brief.documents
    }
    lines = [f"# {topic}: {title}", ""]
    groups = statements = 0
    for claim in brief.claims:
        if len(claim.documents) < 2:
            continue
        groups += 1
        lines.append(
            f"## G{groups}: unit {claim.unit}; what: {claim.what}; "
            f"relation given: **{claim.relation}**"
        )
        readings = (
            f"{r.value:g} (documents {len(r.documents)}, times {', '.join(r.times) or 'unknown'})"
            for r in claim.readings
        )
        lines.append("readings: " + "; ".join(readings))
        for st in claim.statements:
            statements += 1
            source, published = names[st.doc_id]
            sentence = texts[st.doc_id][st.sentence.start : st.sentence.end].replace("\n", " ")
            value = "none" if st.value is None else f"{st.value:g}"
            lines.append(
                f"- [{source}, published {published}] value {value} «{st.text}» "
                f"(time {st.time or 'unknown'}): {sentence}"
            )
        lines.append("")
    return "\n".join(lines), groups, statements


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, required=True, help="a folder outside the repository")
    parser.add_argument("--topics", default=",".join(TOPICS))
    args = parser.parse_args()
    wanted = args.topics.split(",")
    args.out.mkdir(parents=True, exist_ok=True)
    print("| topic | documents | groups of 2+ documents | statements |")
    print("|---|---:|---:|---:|")
    for line in DATA.open(encoding="utf-8"):
        record = json.loads(line)
        if record["id"] not in wanted:
            continue
        inputs = [
            {
                "text": d["text"],
                "published": d["date"][:10],
                "title": d.get("title") or "",
                "id": d["doc_id"],
                "source": d["doc_id"],
            }
            for d in record["documents"]
        ]
        brief = storybrief.brief(inputs)
        text, groups, statements = groups_text(record["id"], record["query"]["title"], brief)
        (args.out / f"{record['id']}.md").write_text(text, encoding="utf-8")
        print(f"| {record['id']} | {len(inputs)} | {groups} | {statements} |")


if __name__ == "__main__":
    main()
