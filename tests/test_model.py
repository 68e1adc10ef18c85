"""The records of ``storybrief.model``: what they keep when refined."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from storybrief.model import date_of, iso_date
from tests.conftest import build_parsed

TEXT = "Ana Ruiz left. Ruiz came back."


def test_model_refined_document_keeps_its_tree() -> None:
    doc = build_parsed(TEXT, ["Ana Ruiz left.", "Ruiz came back."])
    tree = doc.tree
    refined = replace(doc, mentions=(), article=doc.article)
    assert refined.tree is tree


def test_model_document_with_other_tokens_gets_its_own_tree() -> None:
    doc = build_parsed(TEXT, ["Ana Ruiz left.", "Ruiz came back."])
    tree = doc.tree
    fewer = replace(doc, tokens=doc.tokens[:3], sentences=doc.sentences[:1])
    assert fewer.tree is not tree
    assert fewer.tree.tokens is fewer.tokens
    assert [s.text for s in fewer.tree.sentences] == ["Ana Ruiz left."]
    same_tokens = replace(doc, sentences=doc.sentences[:1])
    assert same_tokens.tree is not tree
    assert same_tokens.tree.sentences is same_tokens.sentences


def test_model_tree_is_no_part_of_equality() -> None:
    doc = build_parsed(TEXT, ["Ana Ruiz left.", "Ruiz came back."])
    other = build_parsed(TEXT, ["Ana Ruiz left.", "Ruiz came back."])
    assert doc.tree is not None
    assert doc == other
    assert "_tree" not in repr(doc)


def test_a_week_prints_as_the_interval_of_its_days_and_reads_back() -> None:
    wednesday = dt.date(2011, 3, 30)
    printed = iso_date(wednesday, "week")
    assert printed == "2011-03-28/04-03"
    assert iso_date(dt.date(2011, 3, 16), "week") == "2011-03-14/20"
    assert iso_date(dt.date(2014, 1, 1), "week") == "2013-12-30/2014-01-05"
    assert date_of("2013-12-30/2014-01-05") == (dt.date(2013, 12, 30), "week")
    assert date_of("2011-03-14/20") == (dt.date(2011, 3, 14), "week")
    assert date_of(printed) == (dt.date(2011, 3, 28), "week")
    # It sorts with the days and months around it, which "2011-W13" did not.
    assert sorted(["2011-04", printed, "2011-03-27", "2011-03-29"]) == [
        "2011-03-27",
        printed,
        "2011-03-29",
        "2011-04",
    ]
    # TIMEX3 week values still read; an interval that is no Monday-to-Sunday week does not.
    assert date_of("2011-W13") == (dt.date(2011, 3, 28), "week")
    assert date_of("2011-03-29/04-04") is None
