"""Blocking for fuzzy matching: every pair that scores is a candidate."""

from __future__ import annotations

import random

import pytest
from rapidfuzz import fuzz

from storybrief.analysis.blocking import partial_match_candidates, scoring_choices, scoring_pairs

QUOTES = [
    "we will fight to the last man and the last woman and the last bullet",
    "We will fight to the last man and the last woman and the last bullet",
    "we will fight to the last man and the last woman",
    "he said we will fight to the last man and the last woman and the last bullet today",
    "we will fght to the lst man and the last woman and the last bulet",
    "the regime has lost all legitimacy and must step aside now",
    "the regime has lost its legitimacy and must step aside",
    "officials declined to comment on the report",
    "there is nothing serious here these are just young people",
    "these are just young people fighting each other",
    "aaaaaaaaaaaaaaaaaaaaaaaa",
    "ab",
]


def _matching_pairs(texts: list[str], min_score: float) -> set[tuple[int, int]]:
    return {
        (i, j)
        for i in range(len(texts))
        for j in range(i)
        if fuzz.partial_ratio(texts[i], texts[j]) >= min_score
    }


def _candidate_pairs(texts: list[str], min_score: float) -> set[tuple[int, int]]:
    found = partial_match_candidates(texts, min_score)
    return {(i, j) for i, earlier in enumerate(found) for j in earlier}


@pytest.mark.parametrize("min_score", [92, 80, 60])
def test_blocking_candidates_hold_every_pair_that_scores(min_score: float) -> None:
    matching = _matching_pairs(QUOTES, min_score)
    assert matching, "the input should hold pairs that score"
    assert matching <= _candidate_pairs(QUOTES, min_score)


def test_blocking_candidates_hold_edited_copies() -> None:
    """Copies with characters deleted, inserted or changed, inside longer texts."""
    rng = random.Random(22)
    alphabet = "abcdefghij "
    texts = []
    for _ in range(40):
        base = "".join(rng.choice(alphabet) for _ in range(rng.randint(20, 90)))
        texts.append(base)
        copy = list(base)
        for _ in range(rng.randint(0, len(base) // 12)):
            at = rng.randrange(len(copy))
            edit = rng.choice(("delete", "insert", "change"))
            if edit == "delete":
                del copy[at]
            elif edit == "insert":
                copy.insert(at, rng.choice(alphabet))
            else:
                copy[at] = rng.choice(alphabet)
        texts.append("x" * rng.randint(0, 30) + "".join(copy) + "y" * rng.randint(0, 30))
    matching = _matching_pairs(texts, 92)
    assert len(matching) >= 20
    assert matching <= _candidate_pairs(texts, 92)


def test_blocking_leaves_out_unrelated_texts() -> None:
    found = partial_match_candidates(QUOTES[:10], 92)
    assert 7 not in found[9]  # 'these are just young people...' vs 'officials declined...'
    assert 0 not in found[5]


def test_blocking_pairs_a_text_too_short_for_the_bound_with_every_other() -> None:
    found = partial_match_candidates(["ab", "officials declined to comment", "xy"], 92)
    assert found == [[], [0], [0, 1]]


NAMES = [
    "khatib",
    "khateeb",
    "alkhatib",
    "gadhafi",
    "gaddafi",
    "qaddafi",
    "lavrov",
    "lavrova",
    "jibril",
    "jebril",
    "syrian national coalition",
    "national coalition syrian",
    "coalition for syrian revolutionary forces",
    "coalition of syrian revolutionary forces",
    "ab",
    "",
]


@pytest.mark.parametrize("scorer", [fuzz.ratio, fuzz.token_sort_ratio])
@pytest.mark.parametrize("min_score", [92, 85, 80, 50])
def test_blocking_scoring_pairs_are_the_pairs_that_score(scorer: object, min_score: float) -> None:
    expected = [
        (i, j)
        for i in range(len(NAMES))
        for j in range(i + 1, len(NAMES))
        if scorer(NAMES[i], NAMES[j]) >= min_score  # type: ignore[operator]
    ]
    assert expected
    assert scoring_pairs(NAMES, min_score, scorer) == expected  # type: ignore[arg-type]


def test_blocking_scoring_pairs_hold_random_near_copies() -> None:
    rng = random.Random(22)
    texts = ["".join(rng.choice("abcde") for _ in range(rng.randint(3, 12))) for _ in range(200)]
    expected = [
        (i, j)
        for i in range(len(texts))
        for j in range(i + 1, len(texts))
        if fuzz.ratio(texts[i], texts[j]) >= 80
    ]
    assert len(expected) >= 40
    assert scoring_pairs(texts, 80, fuzz.ratio) == expected


@pytest.mark.parametrize("query", ["khatib", "gadafi", "lavrov", "nobody"])
def test_blocking_scoring_choices_are_the_choices_that_score(query: str) -> None:
    expected = [k for k, name in enumerate(NAMES) if fuzz.ratio(name, query) >= 85]
    assert scoring_choices(query, NAMES, 85, fuzz.ratio) == expected
