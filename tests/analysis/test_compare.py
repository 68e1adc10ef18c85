"""Sources compared: kind with its signals, what only each adds, overlap and reuse."""

from __future__ import annotations

from typing import Any

import pytest

import storybrief
from storybrief.model import SourceProfile

from .conftest import EXAMPLES

pytestmark = pytest.mark.model


def _source(brief: Any, name: str) -> SourceProfile:
    doc = next(d for d in brief.documents if d.article.source.endswith(name))
    return next(s for s in brief.sources if s.doc_id == doc.id)


def test_seed_kinds_and_their_signals(seeds_brief: Any) -> None:
    commentary = _source(seeds_brief, "004_ca769873db705c5c.txt")
    assert commentary.kind in {"opinion", "analysis"}
    assert any("first person" in s or "stance" in s for s in commentary.signals)
    for name in ("001_8056b7e6942b9be6.txt", "003_113f131c5443b38d.txt"):
        assert _source(seeds_brief, name).kind == "report", name
    wire = _source(seeds_brief, "003_113f131c5443b38d.txt")
    assert any(s.startswith("wire attribution") and "Reuters" in s for s in wire.signals)


def test_every_source_has_contributions_or_says_none(seeds_brief: Any) -> None:
    for source in seeds_brief.sources:
        assert source.contributions or source.contributions_note.startswith("none")
        text = seeds_brief.document(source.doc_id).article.text
        for c in source.contributions:
            assert text[c.start : c.end] == c.text
        assert source.date_status in {"stated", "estimated", "unknown"}
        assert all(0 <= k < len(seeds_brief.summary) for k in source.omits)


def test_overlap_matrix_and_wire_reuse_on_the_example() -> None:
    brief = storybrief.brief([EXAMPLES / "harbor-strike"])
    names = {d.id: d.article.source.rsplit("/", 1)[-1] for d in brief.documents}
    assert brief.overlap is not None
    shared = brief.overlap.shared
    assert len(shared) == len(brief.documents)
    assert all(shared[i][i] is None for i in range(len(shared)))
    # The opinion piece quotes the wire's paragraph word for word.
    pairs = {frozenset((names[r.a.doc_id], names[r.b.doc_id])) for r in brief.overlap.reuse}
    assert frozenset(("02_apa_wire.txt", "03_harbour_review.txt")) in pairs
    assert _source(brief, "03_harbour_review.txt").kind == "opinion"
    assert _source(brief, "02_apa_wire.txt").kind == "report"


def test_a_quotation_over_two_paragraphs_is_not_the_writers_first_person() -> None:
    from storybrief.analysis.compare import _outside_quotes

    text = (
        'The minister said: "We will rebuild every home.\n\n'
        '"We will not leave the town alone. The money will come."\n\n'
        "The ministry said aid would rise."
    )
    outside = _outside_quotes(text)
    assert len(outside) == len(text)
    assert "We" not in outside
    assert "The ministry said aid would rise." in outside
