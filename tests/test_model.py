"""The records of ``storybrief.model``: what they keep when refined."""

from __future__ import annotations

from dataclasses import replace

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
