"""The hand-built documents of the tests (``tests.conftest.build_parsed``): valid records."""

from __future__ import annotations

import datetime as dt

import pytest

from storybrief.model import DateRef
from tests.conftest import TokenSpec, build_entities, build_parsed

TEXT = "Ana Ruiz said so.\n\nRuiz left. Ruiz came back."
SAID: list[TokenSpec] = [
    ("Ana", "Ana", "PROPN", "NNP", "compound", "Ruiz"),
    ("Ruiz", "Ruiz", "PROPN", "NNP", "nsubj", "said"),
    ("said", "say", "VERB", "VBD", "ROOT", None),
    ("so", "so", "ADV", "RB", "advmod", 2),
    ".",
]


def test_build_parsed_offsets_point_into_the_text() -> None:
    doc = build_parsed(TEXT, [SAID, "Ruiz left.", "Ruiz came back."])
    assert [s.text for s in doc.sentences] == ["Ana Ruiz said so.", "Ruiz left.", "Ruiz came back."]
    assert all(TEXT[t.start : t.end] == t.text for t in doc.tokens)
    assert all(TEXT[s.start : s.end] == s.text for s in doc.sentences)
    assert [t.index for t in doc.tokens] == list(range(len(doc.tokens)))


def test_build_parsed_heads_make_one_tree_per_sentence() -> None:
    doc = build_parsed(TEXT, [SAID, "Ruiz left.", "Ruiz came back."])
    said = doc.tokens[2]
    roots = [t for t in doc.tokens if t.head == t.index]
    assert [(t.text, t.sentence) for t in roots] == [("said", 0), ("Ruiz", 1), ("Ruiz", 2)]
    assert [t.text for t in doc.tree.children(said)] == ["Ruiz", "so", "."]
    assert [t.text for t in doc.tree.subtree(said)] == ["Ana", "Ruiz", "said", "so", "."]
    # A bare token hangs from its sentence's root, and is tagged as nothing in particular.
    period = doc.tokens[4]
    assert (period.pos, period.dep, period.head) == ("PUNCT", "punct", said.index)
    assert all(t.sentence == 0 for t in doc.tree.subtree(said))


def test_build_parsed_splits_a_text_without_sentences_given() -> None:
    doc = build_parsed(TEXT)
    assert [s.text for s in doc.sentences] == ["Ana Ruiz said so.", "Ruiz left.", "Ruiz came back."]
    assert [s.index for s in doc.sentences] == [0, 1, 2]


def test_build_parsed_mentions_are_found_in_text_order() -> None:
    doc = build_parsed(TEXT, mentions=[("Ana Ruiz", "PERSON", "e1"), ("Ruiz", "PERSON", "e1")])
    first, second = doc.mentions
    assert (first.span.start, first.sentence) == (0, 0)
    assert (second.span.start, second.sentence) == (TEXT.index("Ruiz", 9), 1)
    (entity,) = build_entities(doc)
    assert (entity.id, entity.canonical, entity.type) == ("e1", "Ana Ruiz", "PERSON")
    assert entity.aliases == ("Ana Ruiz", "Ruiz")


def test_build_parsed_article_metadata() -> None:
    doc = build_parsed(TEXT, doc_id="x", published="2024-05", title="Ana Ruiz said so.")
    assert doc.id == "x"
    assert doc.article.published == DateRef(dt.date(2024, 5, 1), "month")
    assert doc.article.title is not None
    assert doc.article.title.evidence.start == 0


@pytest.mark.parametrize(
    ("sentences", "problem"),
    [
        ([["Ana", "Rui", "said"]], "skipped before it"),
        ([["Ana", "Ruiz", "shouted"]], "not found"),
        (
            [
                [
                    ("Ana", "Ana", "PROPN", "NNP", "ROOT", None),
                    ("Ruiz", "Ruiz", "PROPN", "NNP", "ROOT", None),
                ]
            ],
            "2 roots",
        ),
        (
            [
                [
                    ("Ana", "Ana", "PROPN", "NNP", "nsubj", 5),
                    ("Ruiz", "Ruiz", "PROPN", "NNP", "ROOT", None),
                ]
            ],
            "outside",
        ),
        (
            [
                [
                    ("Ana", "Ana", "PROPN", "NNP", "nsubj", 1),
                    ("Ruiz", "Ruiz", "PROPN", "NNP", "nsubj", 0),
                    ("said", "say", "VERB", "VBD", "ROOT", None),
                ]
            ],
            "cycle",
        ),
    ],
    ids=["a gap", "a missing token", "two roots", "a head outside", "a cycle"],
)
def test_build_parsed_refuses_an_invalid_spec(
    sentences: list[list[TokenSpec]], problem: str
) -> None:
    with pytest.raises(AssertionError, match=problem):
        build_parsed(TEXT, sentences)
