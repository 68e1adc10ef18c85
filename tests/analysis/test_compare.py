"""Sources compared: kind with its signals, what only each adds, overlap and reuse."""

from __future__ import annotations

import re
from typing import Any

import pytest

import storybrief
from storybrief.analysis.compare import classify, compare_sources
from storybrief.model import ParsedArticle, SourceProfile
from tests.conftest import EXAMPLES, build_parsed

# --- Hand-built documents: kinds, contributions, overlap, no model --------------------------


def _piece(text: str) -> ParsedArticle:
    """A document of sentences of bare tokens, but "said" is a speech verb (a cue)."""
    said = ("said", "say", "VERB", "VBD", "ROOT", None)
    sentences = [
        [said if word == "said" else word for word in re.findall(r"\w+|[^\w\s]", sentence)]
        for sentence in re.findall(r"\S.*?[.!?]\"?(?=\s|$)", text)
    ]
    return build_parsed(text, sentences)


CATALOGUE = " ".join(f"Section {n} of the plan covers the harbour." for n in range(1, 14))


@pytest.mark.parametrize(
    ("text", "quotes", "kind", "signal"),
    [
        (
            "The council approved the harbour plan on Friday, its chair said.",
            0,
            "report",
            "attribution 1.00 cues or quotes per sentence",
        ),
        (
            "We contend that the harbour plan is a mistake.",
            0,
            "opinion",
            "the writer takes a stance: “We contend”",
        ),
        (
            f"Of course, the plan was always going to pass. {CATALOGUE}",
            0,
            "analysis",
            "evaluative or sarcastic asides ×1",
        ),
        # "We" and "must" in quotation marks are the speaker's, not the writer's.
        (
            'The chair said: "We must build it, and we will."',
            1,
            "report",
            "attribution 2.00 cues or quotes per sentence",
        ),
    ],
    ids=["report", "opinion", "analysis", "quoted we"],
)
def test_compare_kind_and_the_signal_that_decides_it(
    text: str, quotes: int, kind: str, signal: str
) -> None:
    found, signals = classify(_piece(text), quotes)
    assert found == kind
    assert signal in signals
    if kind == "report":
        assert not any("first person" in s or "stance" in s for s in signals)


SHARED_SENTENCE = "The council approved the harbour plan on Friday after a long debate."
ONLY_B = "Residents of the old town protested outside the hall in the rain."


def _two_sources() -> tuple[ParsedArticle, ParsedArticle]:
    return (
        build_parsed(SHARED_SENTENCE, doc_id="a"),
        build_parsed(f"{SHARED_SENTENCE} {ONLY_B}", doc_id="b"),
    )


def test_compare_a_sentence_only_one_document_has_is_its_contribution() -> None:
    a, b = _two_sources()
    profiles, _ = compare_sources([a, b], (), (), ())
    first, second = profiles
    assert [(c.text, b.article.text[c.start : c.end]) for c in second.contributions] == [
        (ONLY_B, ONLY_B)
    ]
    assert second.contributions_note is None
    assert first.contributions == ()
    assert first.contributions_note is not None
    assert first.contributions_note.startswith("none")


def test_compare_overlap_is_the_share_of_sentences_the_other_carries() -> None:
    a, b = _two_sources()
    _, overlap = compare_sources([a, b], (), (), ())
    assert overlap.documents == ("a", "b")
    assert overlap.shared == ((None, 1.0), (0.5, None))
    (reuse,) = overlap.reuse
    assert (reuse.a.doc_id, reuse.b.doc_id, reuse.text) == ("a", "b", SHARED_SENTENCE)


# --- The seeds and the example (the English model) ------------------------------------------


def _source(brief: Any, name: str) -> SourceProfile:
    doc = next(d for d in brief.documents if d.article.source.endswith(name))
    return next(s for s in brief.sources if s.doc_id == doc.id)


@pytest.mark.model
def test_seed_kinds_and_their_signals(seeds_brief: Any) -> None:
    commentary = _source(seeds_brief, "004_ca769873db705c5c.txt")
    assert commentary.kind in {"opinion", "analysis"}
    assert any("first person" in s or "stance" in s for s in commentary.signals)
    for name in ("001_8056b7e6942b9be6.txt", "003_113f131c5443b38d.txt"):
        assert _source(seeds_brief, name).kind == "report", name
    wire = _source(seeds_brief, "003_113f131c5443b38d.txt")
    assert any(s.startswith("wire attribution") and "Reuters" in s for s in wire.signals)


@pytest.mark.model
def test_every_source_has_contributions_or_says_none(seeds_brief: Any) -> None:
    for source in seeds_brief.sources:
        assert source.contributions or source.contributions_note.startswith("none")
        text = seeds_brief.document(source.doc_id).article.text
        for c in source.contributions:
            assert text[c.start : c.end] == c.text
        assert source.date_status in {"stated", "estimated", "unknown"}
        assert all(0 <= k < len(seeds_brief.summary) for k in source.omits)


@pytest.mark.model
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


@pytest.mark.issue(18)
def test_compare_first_person_a_speech_verb_attributes_is_not_the_writers() -> None:
    # A wire report that gives a speaker's words without quotation marks.
    text = (
        "We will rebuild the harbour wall before winter, the mayor said. "
        "We have the money and we have the crews, she said. "
        "Our engineers start on Monday, she said. "
        "The council approved the plan on Friday."
    )
    kind, signals = classify(_piece(text), 0)
    assert kind == "report"
    assert not any("first person" in s for s in signals)


def test_compare_the_writers_own_first_person_still_counts() -> None:
    text = (
        "We should rebuild the harbour wall before winter. "
        "I think our council has waited too long. "
        "We must act now. The council approved the plan on Friday."
    )
    kind, signals = classify(_piece(text), 0)
    assert kind != "report"
    assert any("first person" in s for s in signals)
