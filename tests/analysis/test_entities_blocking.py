"""Entity resolution's indexes (issue #22): they try fewer pairs, never link other ones.

Each index is checked against the rule it replaces, applied to every pair of
hand-written names: misspelt and transliterated surnames and given names, glued
Arabic articles, initials, nicknames and names of different genders.
"""

from __future__ import annotations

from collections import defaultdict

import pytest
from rapidfuzz import fuzz

from storybrief.analysis.entities import (
    _GivenNames,
    _givens_compatible,
    _link_full_person_names,
    _link_long_names,
    _Name,
    _parse_name,
    _surnames_match,
    _UnionFind,
)

FULL_NAMES = [
    "Moaz al-Khatib",
    "Moaz Alkhatib",
    "Moaz Khateeb",
    "Mouaz al-Khatib",
    "Ahmed Khatib",
    "Muammar Gadhafi",
    "Moammar Gaddafi",
    "Muammar al-Qaddafi",
    "Saif al-Islam Gadhafi",
    "Seif Gadhafi",
    "Sergei Lavrov",
    "Sergey Lavrov",
    "S. Lavrov",
    "Robert Gates",
    "Bob Gates",
    "Bill Gates",
    "William Gates",
    "Mario Rossi",
    "Maria Rossi",
    "Mustafa Abdel-Jalil",
    "Mustafa Abdul Jalil",
    "Mahmoud Jibril",
    "Mahmud Jebril",
    "J. Smith",
    "John Smith",
    "Jon Smyth",
    "Daniel Craig",
    "Danielle Craig",
    "Hillary Rodham Clinton",
    "Hillary Clinton",
    "Bill Clinton",
]
WORDS_ALONE = [
    "moaz",
    "muammar",
    "moammar",
    "bob",
    "robert",
    "bill",
    "william",
    "s",
    "j",
    "sergey",
    "mario",
    "maria",
    "mahmud",
    "danielle",
    "hillary",
    "saif",
    "nobody",
]


def _forms() -> list[_Name]:
    return [_parse_name(text, "PERSON") for text in FULL_NAMES]


def _partition(uf: _UnionFind, n: int) -> list[int]:
    return [uf.find(f) for f in range(n)]


def test_entities_surname_index_links_what_every_pair_links() -> None:
    forms = _forms()
    by_surname: dict[str, list[int]] = defaultdict(list)
    for f, name in enumerate(forms):
        for variant in name.surnames:
            by_surname[variant].append(f)
    every_pair = _UnionFind(len(forms))
    for f in range(len(forms)):
        for g in range(f + 1, len(forms)):
            a, b = forms[f], forms[g]
            exact = _surnames_match(a, b, fuzzy=False)
            if not exact and not _surnames_match(a, b, fuzzy=True):
                continue
            if (exact or (a.given and b.given)) and _givens_compatible(a.given, b.given):
                every_pair.union(f, g)
    indexed = _UnionFind(len(forms))
    _link_full_person_names(forms, ["PERSON"] * len(forms), by_surname, indexed)
    expected = _partition(every_pair, len(forms))
    assert len(set(expected)) < len(forms) - 8, "the names should hold links of every kind"
    assert _partition(indexed, len(forms)) == expected


@pytest.mark.parametrize("word", WORDS_ALONE)
def test_entities_given_name_index_finds_every_compatible_person(word: str) -> None:
    forms = _forms()
    # Each form its own entity (numbered 100 + its index).
    forms_of = {100 + f: {f} for f in range(len(forms))}
    expected = {
        100 + f
        for f, name in enumerate(forms)
        if name.given and _givens_compatible((word,), name.given[:1])
    }
    assert _GivenNames(forms, forms_of).persons(word) == expected


def test_entities_given_name_index_covers_nicknames_initials_and_spellings() -> None:
    forms = _forms()
    index = _GivenNames(forms, {100 + f: {f} for f in range(len(forms))})
    named = {f: " ".join(n.tokens) for f, n in enumerate(forms)}
    found = {word: {named[e - 100] for e in index.persons(word)} for word in WORDS_ALONE}
    assert "robert gates" in found["bob"]  # a nickname
    assert "s lavrov" in found["sergey"]  # an initial
    assert "muammar gadhafi" in found["moammar"]  # a transliteration
    assert "maria rossi" not in found["mario"]  # never across genders
    assert found["nobody"] == set()


LONG_NAMES = [
    "Syrian National Coalition",
    "National Coalition of Syrian Revolutionary Forces",
    "National Coalition for Syrian Revolutionary Forces",
    "National Coalition for Syrian Revolution Forces",
    "Libyan National Transitional Council",
    "National Transitional Council",
    "Transitional National Council",
    "UN Security Council",
    "Security Council",
    "Organisation for the Prohibition",
]


def test_entities_long_names_link_what_every_pair_links() -> None:
    forms = [_parse_name(text, "ORG") for text in LONG_NAMES]
    labels: list[str | None] = ["ORG"] * len(forms)
    texts = [" ".join(name.tokens) for name in forms]
    every_pair = _UnionFind(len(forms))
    for f in range(len(forms)):
        for g in range(f + 1, len(forms)):
            if min(len(texts[f]), len(texts[g])) >= 12 and (
                fuzz.token_sort_ratio(texts[f], texts[g]) >= 92
            ):
                every_pair.union(f, g)
    scored = _UnionFind(len(forms))
    _link_long_names(forms, labels, list(range(len(forms))), scored)
    expected = _partition(every_pair, len(forms))
    assert len(set(expected)) <= len(forms) - 3, "the names should hold links"
    assert _partition(scored, len(forms)) == expected
