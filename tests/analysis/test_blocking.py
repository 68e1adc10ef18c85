"""Blocking for fuzzy matching: which pairs are scored, and that those that score are kept."""

from __future__ import annotations

import random
import string
from difflib import SequenceMatcher

import numpy as np
import pytest
from rapidfuzz import fuzz
from rapidfuzz.distance import LCSseq

from storybrief.analysis import blocking
from storybrief.analysis.blocking import partial_matches, scoring_choices, scoring_pairs

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
    "we will fight to the last man and the last woman and the last bullet",
    "ab",
]


def _scoring_pairs(texts: list[str], min_score: float) -> set[tuple[int, int]]:
    return {
        (i, j)
        for i in range(len(texts))
        for j in range(i)
        if fuzz.partial_ratio(texts[i], texts[j]) >= min_score
    }


def _guaranteed(texts: list[str], min_score: float) -> set[tuple[int, int]]:
    """The pairs that score and that the module docstring says are found, for fewer
    texts than ``RARE_TEXTS`` (every gram is then rare): copies, a text shorter than
    ``SHORT_WINDOW``, or a shared substring of the run length for the shorter text."""
    guaranteed = set()
    for i, j in _scoring_pairs(texts, min_score):
        a, b = texts[i], texts[j]
        shorter = min(len(a), len(b))
        run = blocking.SHORT_WINDOW if shorter < blocking.SHORT_TEXT else blocking.LONG_WINDOW
        shared = SequenceMatcher(None, a, b, autojunk=False).find_longest_match().size
        if a == b or shorter < blocking.SHORT_WINDOW or shared >= run:
            guaranteed.add((i, j))
    return guaranteed


def _found(texts: list[str], min_score: float) -> set[tuple[int, int]]:
    found = partial_matches(texts, min_score)
    assert all(earlier == sorted(earlier) for earlier in found)
    return {(i, j) for i, earlier in enumerate(found) for j in earlier}


def _proposed(texts: list[str]) -> set[tuple[int, int]]:
    n = len(texts)
    return {(int(code) // n, int(code) % n) for code in blocking._candidates(texts)}


@pytest.mark.parametrize("min_score", [92, 80, 60])
def test_blocking_partial_matches_hold_the_guaranteed_pairs_and_only_pairs_that_score(
    min_score: float,
) -> None:
    guaranteed = _guaranteed(QUOTES, min_score)
    assert len(guaranteed) >= 8, "the input should hold pairs that score"
    assert guaranteed <= _found(QUOTES, min_score) <= _scoring_pairs(QUOTES, min_score)


def test_blocking_partial_matches_on_these_quotes_are_every_pair_that_scores_92() -> None:
    assert _found(QUOTES, 92) == _scoring_pairs(QUOTES, 92)


def _edited(rng: random.Random, text: str, edits: int, alphabet: str) -> str:
    copy = list(text)
    for _ in range(edits):
        if not copy:
            break
        at = rng.randrange(len(copy))
        edit = rng.choice(("delete", "insert", "change"))
        if edit == "delete":
            del copy[at]
        elif edit == "insert":
            copy.insert(at, rng.choice(alphabet))
        else:
            copy[at] = rng.choice(alphabet)
    return "".join(copy)


def test_blocking_partial_matches_hold_edited_copies() -> None:
    """Copies with characters deleted, inserted or changed, inside longer texts."""
    rng = random.Random(22)
    alphabet = "abcdefghij "
    texts = []
    for _ in range(30):
        base = "".join(rng.choice(alphabet) for _ in range(rng.randint(20, 90)))
        texts.append(base)
        copy = _edited(rng, base, rng.randint(0, len(base) // 12), alphabet)
        texts.append("x" * rng.randint(0, 30) + copy + "y" * rng.randint(0, 30))
    guaranteed = _guaranteed(texts, 92)
    assert len(guaranteed) >= 20
    assert guaranteed <= _found(texts, 92) <= _scoring_pairs(texts, 92)


@pytest.mark.parametrize("edits", [1, 2])
def test_blocking_partial_matches_hold_copies_with_one_or_two_edits(edits: int) -> None:
    """One edit anywhere in a text of 21 characters or more, two in one of 50 or more."""
    rng = random.Random(edits)
    letters = string.ascii_lowercase
    for length in range(21 if edits == 1 else 50, 90):
        base = "".join(rng.choice(letters) for _ in range(length))
        copy = "said " + _edited(rng, base, edits, letters) + " on monday"
        if fuzz.partial_ratio(base, copy) >= 92:
            assert partial_matches([base, copy], 92) == [[], [0]], (base, copy)


def test_blocking_copies_always_pair_however_many() -> None:
    texts = ["the colonel will never leave libya"] * 100 + ["officials declined to comment"]
    found = partial_matches(texts, 92)
    assert found[:100] == [list(range(k)) for k in range(100)]
    assert found[100] == []


def test_blocking_scores_a_text_shorter_than_the_run_with_every_other() -> None:
    texts = ["officials declined to comment", "de", "xy de", "comment", "zz"]
    assert _proposed(texts) == {(i, j) for i in range(5) for j in range(i)}
    assert _found(texts, 92) == _scoring_pairs(texts, 92)
    assert (1, 0) in _found(texts, 92)


@pytest.mark.parametrize("shorter", [20, 49, 50, 120])
def test_blocking_proposes_texts_whose_only_common_substring_is_the_run(shorter: int) -> None:
    """Common substring SHORT_WINDOW characters long (LONG_WINDOW from SHORT_TEXT on)."""
    run = blocking.SHORT_WINDOW if shorter < blocking.SHORT_TEXT else blocking.LONG_WINDOW
    rng = random.Random(shorter)
    letters = [chr(0x4E00 + k) for k in range(20_000)]
    for at in sorted({0, 1, (shorter - run) // 2, shorter - run - 1, shorter - run}):
        unique = iter(rng.sample(letters, 2 * shorter + 100))
        shared = "".join(next(unique) for _ in range(run))
        before = "".join(next(unique) for _ in range(at))
        after = "".join(next(unique) for _ in range(shorter - run - at))
        other = "".join(next(unique) for _ in range(rng.randint(0, 100)))
        longer = other + shared + "".join(next(unique) for _ in range(shorter))
        assert _proposed([before + shared + after, longer]) == {(1, 0)}, at


def test_blocking_grams_of_many_letters() -> None:
    """Over about 1,290 letters the grams no longer pack into an int64; same pairs."""
    letters = [chr(0x4E00 + k) for k in range(3000)]
    texts = ["".join(letters[:1500]), "".join(letters[1500:]), "".join(letters[1000:1020])]
    assert _proposed(texts) == {(2, 0)}
    assert partial_matches(texts, 92) == [[], [], [0]]


@pytest.mark.parametrize(("sharing", "paired"), [(blocking.RARE_TEXTS, True), (100, False)])
def test_blocking_a_substring_held_by_too_many_texts_proposes_no_pair(
    sharing: int, paired: bool
) -> None:
    """A phrase in more than RARE_TEXTS distinct texts is no reason to score a pair."""
    rng = random.Random(sharing)
    phrase = "the transitional national council"
    # A character of its own on each side of the phrase: the texts share the phrase only.
    texts = [
        "".join(rng.choice(string.ascii_uppercase) for _ in range(25))
        + f"{chr(0x4E00 + k)}{phrase}{chr(0x5E00 + k)}"
        for k in range(sharing)
    ]
    proposed = _proposed(texts)
    everyone = {(i, j) for i in range(sharing) for j in range(i)}
    assert proposed == (everyone if paired else set())


@pytest.mark.parametrize("min_score", [92, 80, 60])
def test_blocking_subsequence_bound_holds_for_every_pair_that_scores(min_score: float) -> None:
    """A pair that scores has ``lcs >= R m / (200 - R) - 1``, m the shorter length."""
    rng = random.Random(int(min_score))
    alphabet = "abcd "
    checked = 0
    for _ in range(3000):
        a = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 40)))
        b = _edited(rng, a, rng.randint(0, 6), alphabet) + "".join(
            rng.choice(alphabet) for _ in range(rng.randint(0, 20))
        )
        if b and fuzz.partial_ratio(a, b) >= min_score:
            checked += 1
            shorter = min(len(a), len(b))
            bound = np.ceil(min_score * shorter / (200 - min_score)) - 1
            assert LCSseq.similarity(a, b) >= bound, (a, b)
    assert checked >= 500


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
