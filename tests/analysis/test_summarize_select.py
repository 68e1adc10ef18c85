"""The summary's concept program: built by hand, no model."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

import numpy as np
import pytest

from storybrief.analysis import summarize as summary_module
from storybrief.analysis.summarize import candidates, concept_weights, select, trim_quote_marks
from storybrief.model import ParsedArticle, Sentence


def _sets(*groups: str) -> list[frozenset[tuple[str, str]]]:
    return [frozenset((w, w) for w in group.split()) for group in groups]


def test_select_covers_the_most_weight_within_the_budget() -> None:
    # Greedy by weight per word takes C (1.5/5) then B (1/4) and has no room
    # left for A; the exact program sees that A + C covers more (3.5 against 2.5).
    concepts = _sets("x y", "x", "z")
    weights = {("x", "x"): 1.0, ("y", "y"): 1.0, ("z", "z"): 1.5}
    assert sorted(select([10, 4, 5], concepts, weights, 15)) == [0, 2]
    assert sorted(select([10, 4, 5], concepts, weights, 10)) == [1, 2]


def test_select_counts_a_concept_once_however_many_sentences_carry_it() -> None:
    # B repeats A; with room for two sentences the second pick must add something new.
    concepts = _sets("x y", "x y", "z")
    weights = {("x", "x"): 2.0, ("y", "y"): 2.0, ("z", "z"): 0.5}
    chosen = sorted(select([5, 5, 5], concepts, weights, 10))
    assert chosen in ([0, 2], [1, 2])


def test_select_never_exceeds_the_budget_and_handles_nothing_to_cover() -> None:
    concepts = _sets("a b", "c", "d e f")
    weights = {(w, w): 1.0 for w in "abcdef"}
    for budget in range(30):
        chosen = select([12, 7, 9], concepts, weights, budget)
        assert sum([12, 7, 9][i] for i in chosen) <= budget
    assert select([5, 5], _sets("a", "b"), {}, 20) == []
    assert select([], [], {("a", "a"): 1.0}, 20) == []


def test_select_takes_a_sentence_only_with_the_sentence_it_needs() -> None:
    # B alone is the best buy, but it may only come with A (it opens "He said").
    concepts = _sets("a", "b c", "d")
    weights = {("a", "a"): 0.1, ("b", "b"): 2.0, ("c", "c"): 2.0, ("d", "d"): 1.5}
    assert sorted(select([5, 5, 5], concepts, weights, 10)) == [1, 2]
    assert sorted(select([5, 5, 5], concepts, weights, 10, needs=[(1, 0)])) == [0, 1]
    # No room for both: B cannot be had, D is taken instead.
    assert sorted(select([6, 5, 5], concepts, weights, 10, needs=[(1, 0)])) == [2]
    # A quotation over two sentences: both or neither.
    pair = [(1, 0), (0, 1)]
    assert sorted(select([5, 5, 5], concepts, weights, 5, needs=pair)) == [2]


def test_select_keeps_what_a_dense_candidate_needs_in_the_program(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Only the densest candidate (B) enters the program, and with it the one it needs.
    monkeypatch.setattr(summary_module, "MAX_CANDIDATES", 1)
    concepts = _sets("a", "b c", "d")
    weights = {("a", "a"): 0.1, ("b", "b"): 2.0, ("c", "c"): 2.0, ("d", "d"): 0.5}
    assert sorted(select([5, 5, 5], concepts, weights, 10, needs=[(1, 0)])) == [0, 1]


def test_greedy_fallback_takes_a_sentence_with_all_it_needs() -> None:
    concepts = _sets("a", "b c", "d")
    weights = {("a", "a"): 0.1, ("b", "b"): 2.0, ("c", "c"): 2.0, ("d", "d"): 1.5}
    greedy, problem = summary_module._greedy, summary_module.Selection
    assert sorted(greedy(problem([5, 5, 5], concepts, weights, 10, [(1, 0)]))) == [0, 1]
    assert sorted(greedy(problem([6, 5, 5], concepts, weights, 10, [(1, 0)]))) == [2]
    assert sorted(greedy(problem([5, 5, 5], concepts, weights, 10, []))) == [1, 2]


def test_select_keeps_only_the_densest_candidates_for_the_program(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    concepts = _sets("a b c", "d")
    weights = {("a", "a"): 1.0, ("b", "b"): 1.0, ("c", "c"): 1.0, ("d", "d"): 1.0}
    assert select([30, 2], concepts, weights, 30) == [0]
    # With room for one candidate in the program, the densest one is chosen
    # even though the other covers more weight.
    monkeypatch.setattr(summary_module, "MAX_CANDIDATES", 1)
    assert select([30, 2], concepts, weights, 30) == [1]


def test_concept_weights_are_probabilities_that_grow_with_spread() -> None:
    names = summary_module.CONCEPT_FEATURES
    base = dict.fromkeys(names, 0.0)
    base.update(content=1.0, log_cluster=float(np.log(4)), log_sentences=float(np.log1p(1)))
    base.update(first_position=1 / np.sqrt(1 + 9), first_word_share=0.25, second_word_share=0.25)
    base.update(documents=1.0, document_share=0.25)
    spread = dict(base, log_sentences=float(np.log1p(4)), first_word_share=1.0)
    spread.update(second_word_share=1.0, first_position=1.0, leads=4.0, early=4.0)
    spread.update(documents=4.0, document_share=1.0)
    rows = np.array([[row[n] for n in names] for row in (base, spread)])
    rare, common = concept_weights(rows)
    assert 0.0 < rare < common < 1.0


def test_solver_output_is_kept_off_standard_output(capfd: pytest.CaptureFixture[str]) -> None:
    with summary_module._solver_output_muted():
        os.write(1, b"solver noise\n")
    os.write(1, b"ours\n")
    assert capfd.readouterr().out == "ours\n"


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        (
            '"Ten ships waited at anchor, the authority said.',
            "Ten ships waited at anchor, the authority said.",
        ),
        (
            "Four lines diverted ships, the authority said.”",
            "Four lines diverted ships, the authority said.",
        ),
        ("``Talks resume on Monday, he said.", "Talks resume on Monday, he said."),
        ('"We will talk," she said.', '"We will talk," she said.'),
        ('The minister said talks were "over."', 'The minister said talks were "over."'),
        ("No quotation here.", "No quotation here."),
    ],
)
def test_trim_quote_marks_drops_only_a_mark_without_partner(text: str, kept: str) -> None:
    document = f"Intro. {text} Outro."
    start = document.index(text)
    sentence = Sentence("d1", 1, start, start + len(text), text)
    trimmed = trim_quote_marks(sentence)
    assert trimmed.text == kept
    assert document[trimmed.start : trimmed.end] == trimmed.text


def _split(make_article: Callable[..., Any], text: str, pieces: list[str]) -> ParsedArticle:
    """An article split into the given sentences, as a sentence splitter might."""
    sentences, at = [], 0
    for k, piece in enumerate(pieces):
        start = text.index(piece, at)
        at = start + len(piece)
        sentences.append(Sentence("d1", k, start, at, piece))
    return ParsedArticle(make_article(text, "d1"), tuple(sentences), (), ())


def test_candidates_need_the_sentence_before_and_take_quotations_whole(
    make_article: Callable[..., Any],
) -> None:
    opener = "He said the pier would stay closed until the spring repairs end."
    quote = [
        'Harbor master Dele Okafor said: "The pier is not safe for the ferry now.',
        'We will reopen it when the repairs are done and inspected."',
    ]
    text = f"{opener} Crews from the harbor office began work on the pier today. " + " ".join(quote)
    pieces = [opener, "Crews from the harbor office began work on the pier today.", *quote]
    found = candidates([_split(make_article, text, pieces)])
    # Opening the article, "He said" has nothing to follow: not a candidate.
    assert [c.sentence.text for c in found] == pieces[1:]
    crews, first, tail = found
    assert (crews.follows, crews.leads) == (None, False)
    assert (first.follows, first.leads) == (None, True)
    assert (tail.follows, tail.leads) == (1, False)
    assert summary_module.needs(found) == [(1, 2), (2, 1)]


def test_candidates_skip_a_sentence_the_splitter_cut_in_two(
    make_article: Callable[..., Any],
) -> None:
    head = "The offer was made late last week by Sheik"
    rest = "Ahmad Moaz al-Khatib, the coalition's elected leader, to the council members."
    after = "Most members of the council welcomed the offer on Monday in the capital."
    last = "Ahmad Moaz al-Khatib spoke to reporters in the capital."
    # A heading ends without a full stop, but the paragraph after it starts afresh.
    text = f"{head} {rest} {after}\n\nCouncil reactions\n\n{last}"
    pieces = [head, rest, after, "Council reactions", last]
    found = candidates([_split(make_article, text, pieces)])
    assert [c.sentence.text for c in found] == [after, last]


def test_candidates_keep_the_sentence_after_a_dateline_and_skip_lower_case_fragments(
    make_article: Callable[..., Any],
) -> None:
    dateline = "BRACKWATER _"
    lead = "The harbor office closed the ferry pier on Friday for repairs."
    fragment = "and then the crews waited for the tide to turn before work began."
    text = f"{dateline} {lead} {fragment}"
    found = candidates([_split(make_article, text, [dateline, lead, fragment])])
    assert [c.sentence.text for c in found] == [lead]


def test_candidates_read_a_clitic_pronoun_as_an_opener_and_skip_run_in_captions(
    make_article: Callable[..., Any],
) -> None:
    lead = "The harbor office closed the ferry pier on Friday for urgent repairs."
    clitic = "It’s expected to stay closed for at least three more weeks."
    caption = "This undated photo provided by the harbor office shows the damaged pier."
    credit = "Workers inspect the pier in Brackwater on Friday, May 7, 2021. REUTERS/Tom Berg"
    name = "O'Neill's crew finished the first inspection of the pier on Saturday."
    pieces = [lead, clitic, caption, credit, name]
    found = candidates([_split(make_article, " ".join(pieces), pieces)])
    assert [c.sentence.text for c in found] == [lead, clitic, name]
    assert [c.follows for c in found] == [None, 0, None]
