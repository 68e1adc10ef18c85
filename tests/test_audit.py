"""The trust audit as a quality gate: every section of the brief on real clusters with gold.

``benchmarks/audit.py`` runs ``../shared/tools/audit.py`` on ``../shared/dev-gold`` (ten real
clusters nobody tuned the brief on); each section's total is held to its floor in
``tests/gold/baseline.json`` (a count of errors as its negative), and floors only go up.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import load_benchmark
from tests.gold.pin import floor

pytestmark = pytest.mark.slow

audit = load_benchmark("audit")


@pytest.fixture(scope="module")
def totals() -> dict[str, Any]:
    why = audit.available()
    if why:
        pytest.skip(why)
    _, found = audit.run_audit()
    return dict(found)


def test_audit_briefs_every_cluster(totals: dict[str, Any]) -> None:
    assert totals["failed_clusters"] == 0


@pytest.mark.parametrize("section", sorted(audit.SECTIONS))
def test_audit_section_holds_its_floor(totals: dict[str, Any], section: str) -> None:
    name = audit.gate_name(section)
    assert audit.gate_value(section, totals) >= floor(name), (
        f"{section}: {totals[section]} (floor {name} = {floor(name)})"
    )


def test_audit_gates_a_count_of_errors_as_its_negative() -> None:
    assert audit.gate_name("wrong_merges") == "audit_minus_wrong_merges"
    assert audit.gate_value("wrong_merges", {"wrong_merges": 8}) == -8.0
    assert audit.gate_value("entity_f1", {"entity_f1": 0.758}) == 0.758
