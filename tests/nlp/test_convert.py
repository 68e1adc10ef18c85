from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from spacy.tokens import Span as SpacySpan

from storybrief.nlp.convert import (
    MAX_TOKEN_CHARS,
    doc_to_records,
    fronted_subjects,
    parse_articles,
    tokenizable,
)

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


class _CountingDoc:
    """A Doc that counts how often its whole text is built (spaCy joins it anew each time)."""

    def __init__(self, doc: Any) -> None:
        self._doc = doc
        self.text_reads = 0

    @property
    def text(self) -> str:
        self.text_reads += 1
        return str(self._doc.text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._doc, name)

    def __iter__(self) -> Any:
        return iter(self._doc)


@pytest.mark.issue(21)
def test_convert_reads_the_whole_text_at_most_once(
    blank_nlp: Any, make_article: Callable[..., Any]
) -> None:
    text = " ".join(f"Sentence number {n} ends here." for n in range(50))
    doc = _CountingDoc(blank_nlp(text))
    parsed = doc_to_records(make_article(text), doc)
    assert len(parsed.sentences) == 50
    assert doc.text_reads <= 1


@pytest.mark.issue(21)
@pytest.mark.parametrize("run", ["[" * 3000, "$" * 3000, ".," * 1500, "'s" * 1500, "a" * 3000])
def test_convert_long_runs_are_bounded_for_the_tokenizer_at_the_same_offsets(run: str) -> None:
    text = f"Prices rose. {run} The end came."
    seen = tokenizable(text)
    assert len(seen) == len(text)
    assert max(len(chunk) for chunk in seen.split()) <= MAX_TOKEN_CHARS
    assert all(a == b or b == " " for a, b in zip(text, seen, strict=True))
    assert seen.startswith("Prices rose. ")
    assert seen.endswith(" The end came.")


@pytest.mark.issue(21)
def test_convert_records_of_a_bounded_text_index_the_article_text(
    blank_nlp: Any, make_article: Callable[..., Any]
) -> None:
    text = "Prices rose. " + "[" * 2000 + " The end came."
    (parsed,) = parse_articles([make_article(text)], blank_nlp)
    assert all(text[t.start : t.end] == t.text for t in parsed.tokens)
    assert all(text[s.start : s.end] == s.text for s in parsed.sentences)
    assert parsed.sentences[-1].text.endswith("The end came.")


def test_convert_a_caption_run_into_the_lead_ends_its_sentence(
    blank_nlp: Any, make_article: Callable[..., Any]
) -> None:
    # A page ran its story highlights into the dateline of the lead: cleaning
    # marks the highlights a caption, and the lead is a sentence of its own.
    text = (
        "Council meets on harbour Unions warn of a long strike "
        "Calder (CNN) -- The council voted Saturday to end the strike. Work resumes Monday."
    )
    end = text.index("Calder (CNN)")
    (parsed,) = parse_articles([make_article(text, captions=((0, end),))], blank_nlp)
    assert [s.text for s in parsed.sentences][-2:] == [
        "Calder (CNN) -- The council voted Saturday to end the strike.",
        "Work resumes Monday.",
    ]
    assert parsed.sentences[-2].start == end
    # Without the caption it is all one sentence, as the sentencizer reads it.
    (plain,) = parse_articles([make_article(text)], blank_nlp)
    assert plain.sentences[0].text.startswith("Council meets")
    assert plain.sentences[0].text.endswith("the strike.")


def _parsed_doc(blank_nlp: Any, rows: list[tuple[str, str, str, int]]) -> Any:
    """A spaCy Doc with the parse given by hand: (word, pos, dep, head index) rows."""
    from spacy.tokens import Doc

    return Doc(
        blank_nlp.vocab,
        words=[r[0] for r in rows],
        pos=[r[1] for r in rows],
        deps=[r[2] for r in rows],
        heads=[r[3] for r in rows],
    )


def test_convert_a_subject_parsed_as_an_apposition_of_an_opening_phrase_is_the_subject(
    blank_nlp: Any, make_article: Callable[..., Any]
) -> None:
    # The small English model's parse of "According to police in Leeds, Smith,
    # 45, was arrested on Monday.": "Smith" an apposition of "Leeds", "arrested"
    # without a subject.
    rows = [
        ("According", "VERB", "prep", 11),
        ("to", "ADP", "prep", 0),
        ("police", "NOUN", "pobj", 1),
        ("in", "ADP", "prep", 2),
        ("Leeds", "PROPN", "pobj", 3),
        (",", "PUNCT", "punct", 4),
        ("Smith", "PROPN", "appos", 4),
        (",", "PUNCT", "punct", 6),
        ("45", "NUM", "appos", 6),
        (",", "PUNCT", "punct", 6),
        ("was", "AUX", "auxpass", 11),
        ("arrested", "VERB", "ROOT", 11),
        ("on", "ADP", "prep", 11),
        ("Monday", "PROPN", "pobj", 12),
        (".", "PUNCT", "punct", 11),
    ]
    doc = _parsed_doc(blank_nlp, rows)
    assert fronted_subjects(doc) == {6: (11, "nsubjpass"), 5: (11, "punct")}
    records = doc_to_records(make_article(doc.text), doc)
    smith = next(t for t in records.tokens if t.text == "Smith")
    assert (smith.head, smith.dep) == (11, "nsubjpass")
    # A clause with its subject, or a name coordinated with the phrase's noun
    # ("in Cairo, Mubarak, the president, said"), is left as parsed.
    with_subject = [*rows[:10], ("he", "PRON", "nsubjpass", 11), *rows[11:]]
    assert fronted_subjects(_parsed_doc(blank_nlp, with_subject)) == {}
    coordinated = [*rows[:6], ("Smith", "PROPN", "conj", 4), *rows[7:]]
    assert fronted_subjects(_parsed_doc(blank_nlp, coordinated)) == {}
