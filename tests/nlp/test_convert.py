from __future__ import annotations

from collections.abc import Callable
from typing import Any

from spacy.tokens import Span as SpacySpan

from storybrief.nlp.convert import doc_to_records, parse_articles

TEXT = "Harbour strike ends\n\nThe union accepted the offer on Sunday. Work resumes Monday."


def test_convert_sentences_respect_paragraphs_and_offsets(
    blank_nlp: Any, make_article: Callable[..., Any]
) -> None:
    article = make_article(TEXT)
    (parsed,) = parse_articles([article], blank_nlp)
    assert [s.text for s in parsed.sentences] == [
        "Harbour strike ends",
        "The union accepted the offer on Sunday.",
        "Work resumes Monday.",
    ]
    for s in parsed.sentences:
        assert TEXT[s.start : s.end] == s.text


def test_convert_tokens_skip_whitespace_and_carry_offsets(
    blank_nlp: Any, make_article: Callable[..., Any]
) -> None:
    (parsed,) = parse_articles([make_article(TEXT)], blank_nlp)
    assert all(TEXT[t.start : t.end] == t.text for t in parsed.tokens)
    assert not any(t.text.isspace() for t in parsed.tokens)
    assert {t.sentence for t in parsed.tokens} == {0, 1, 2}
    assert parsed.word_count() == 13


def test_convert_mentions_carry_spans_and_sentences(
    blank_nlp: Any, make_article: Callable[..., Any]
) -> None:
    article = make_article(TEXT, doc_id="d7")
    doc = blank_nlp(TEXT)
    doc.ents = [SpacySpan(doc, 10, 11, label="DATE")]  # "Sunday"
    parsed = doc_to_records(article, doc)
    (mention,) = parsed.mentions
    assert mention.span.text == "Sunday"
    assert TEXT[mention.span.start : mention.span.end] == "Sunday"
    assert (mention.span.doc_id, mention.label, mention.sentence) == ("d7", "DATE", 1)


def test_convert_raises_max_length_for_long_texts(
    blank_nlp: Any, make_article: Callable[..., Any]
) -> None:
    long_text = "Word. " * 10
    saved = blank_nlp.max_length
    try:
        blank_nlp.max_length = 20
        (parsed,) = parse_articles([make_article(long_text)], blank_nlp)
        assert len(parsed.sentences) == 10
    finally:
        blank_nlp.max_length = saved
