"""The trust audit: real news clusters with hand-made gold, every section of the brief scored.

    python benchmarks/audit.py [--gold DIR] [-v]

Runs ``../shared/tools/audit.py`` (beside the project) on its gold folder (default
``../shared/dev-gold``: ten real clusters, wire copy of 1998-2000, web articles, broadcaster
pages), which briefs each cluster through this project's ``.venv/bin/storybrief`` and scores
entities (pairwise F1 over gold forms, forms found, must-not-merge pairs merged, people typed
otherwise), quotes (recall, speaker accuracy, gold not-quotes reported), publication dates
and datelines, timeline dates, multi-document quantities (grouped purely, relation right)
and source kinds. Prints the per-cluster table and saves it with the totals under
``benchmarks/results/audit.md``. The tests gate the totals (``tests/test_audit.py``).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
TOOL = ROOT.parent / "shared" / "tools" / "audit.py"
GOLD = ROOT.parent / "shared" / "dev-gold"
RESULTS = ROOT / "benchmarks" / "results" / "audit.md"

#: The totals the gate reads, and whether more is better (True) or fewer (False).
SECTIONS: dict[str, bool] = {
    "entity_f1": True,
    "forms_found": True,
    "wrong_merges": False,
    "person_typed_wrong": False,
    "quote_recall": True,
    "speaker_acc": True,
    "not_quotes": False,
    "pub_dates_wrong": False,
    "datelines_found": True,
    "timeline_date_acc": True,
    "claims_grouped": True,
    "claims_relation": True,
    "kind_acc": True,
}


def available(gold: Path = GOLD) -> str | None:
    """Why the audit cannot run here, or None when it can."""
    if not TOOL.is_file():
        return f"the audit tool is not at {TOOL}"
    if not (gold / "clusters.json").is_file():
        return f"no audit gold at {gold}"
    if not (ROOT / ".venv" / "bin" / "storybrief").is_file():
        return f"the audit briefs through {ROOT / '.venv' / 'bin' / 'storybrief'}: run make first"
    return None


def run_audit(gold: Path = GOLD, verbose: bool = False) -> tuple[str, dict[str, Any]]:
    """The audit's printed table and its totals."""
    command = [sys.executable, str(TOOL), str(ROOT), "--gold", str(gold)]
    done = subprocess.run(
        [*command, "-v"] if verbose else command,
        capture_output=True,
        text=True,
        timeout=1800,
        check=True,
    )
    lines = done.stdout.rstrip().splitlines()
    return "\n".join(lines[:-1]), json.loads(lines[-1])


def gate_name(section: str) -> str:
    """The floor of a section in tests/gold/baseline.json. A count of errors is gated as
    its negative, so that every floor only goes up."""
    return f"audit_{section}" if SECTIONS[section] else f"audit_minus_{section}"


def gate_value(section: str, totals: dict[str, Any]) -> float:
    value = float(totals[section])
    return value if SECTIONS[section] else -value


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("-v", action="store_true", help="list every error")
    args = parser.parse_args()
    why = available(args.gold)
    if why:
        raise SystemExit(why)
    table, totals = run_audit(args.gold, args.v)
    print(table)
    print(json.dumps(totals))
    rows = "\n".join(f"| {section} | {totals[section]} |" for section in SECTIONS)
    RESULTS.write_text(
        "# Trust audit (benchmarks/audit.py)\n\n"
        f"Gold: `{args.gold.name}` ({len(table.splitlines()) - 1} clusters).\n\n"
        f"```text\n{table}\n```\n\n| section | total |\n|---|---|\n{rows}\n",
        encoding="utf-8",
    )


if __name__ == "__main__":
    main()
