"""End to end on ../shared/seeds, checked against ../shared/seeds-gold."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from .conftest import SEEDS_GOLD

pytestmark = pytest.mark.model


def _by_file(brief: Any) -> dict[str, Any]:
    return {d.article.source.rsplit("/", 1)[-1]: d.article for d in brief.documents}


def test_seeds_all_five_briefed_without_errors(seeds_brief: Any) -> None:
    assert len(seeds_brief.documents) == 5
    assert seeds_brief.errors == ()


def test_seeds_metadata_matches_gold(seeds_brief: Any) -> None:
    gold = json.loads((SEEDS_GOLD / "dates.json").read_text(encoding="utf-8"))
    docs = _by_file(seeds_brief)
    for entry in gold["documents"]:
        article = docs[entry["doc"]]
        stated = entry["published_stated"]
        if stated is None:
            # Unstated: unknown, or an estimate that says so.
            assert article.published is None or article.published.estimated, entry["doc"]
        else:
            assert article.published.value == dt.date.fromisoformat(stated)
            assert article.published.granularity == "day"
            assert not article.published.estimated
        if "byline" in entry:
            assert article.byline is not None
            assert article.byline.value == entry["byline"]
        if "dateline" in entry:
            assert article.dateline is not None
            assert article.dateline.value.upper().startswith(entry["dateline"])


def test_seeds_outlet_of_the_moscow_times(seeds_brief: Any) -> None:
    article = _by_file(seeds_brief)["001_8056b7e6942b9be6.txt"]
    assert article.outlet is not None
    assert article.outlet.value == "The Moscow Times"


@pytest.mark.parametrize("debris", ["RELATED:", "Original url", "](#)", "AP Photo/"])
def test_seeds_debris_is_gone(seeds_brief: Any, debris: str) -> None:
    for doc in seeds_brief.documents:
        assert debris not in doc.article.text, doc.article.source


def test_seeds_no_paragraph_appears_twice(seeds_brief: Any) -> None:
    for doc in seeds_brief.documents:
        paragraphs = [p.strip() for p in doc.article.text.split("\n\n") if len(p.split()) >= 6]
        repeated = [p for p, n in Counter(paragraphs).items() if n > 1]
        assert repeated == [], doc.article.source


def test_seeds_removed_pieces_are_kept_with_their_source_offsets(seeds_brief: Any) -> None:
    for doc in seeds_brief.documents:
        raw = Path(doc.article.source).read_text(encoding="utf-8")
        for piece in doc.article.removed:
            assert raw[piece.start : piece.end] == piece.text


def test_seeds_sentences_and_mentions_are_exact_substrings(seeds_brief: Any) -> None:
    for doc in seeds_brief.documents:
        text = doc.article.text
        assert doc.sentences
        for s in doc.sentences:
            assert text[s.start : s.end] == s.text
        for m in doc.mentions:
            assert text[m.span.start : m.span.end] == m.span.text
    labels = Counter(m.label for m in seeds_brief.mentions)
    assert labels["PERSON"] > 20
    assert labels["GPE"] > 20


def test_seeds_headline_is_its_own_sentence(seeds_brief: Any) -> None:
    for doc in seeds_brief.documents:
        title = doc.article.title
        assert title is not None
        assert doc.sentences[0].text == title.value
