"""Entity resolution on name strings: what merges, what stays apart (no model needed)."""

from __future__ import annotations

import pytest

from storybrief.analysis.entities import NameMention, resolve_mentions


def _same(labels: list[int], i: int, j: int) -> bool:
    return labels[i] == labels[j]


def test_spellings_of_one_arabic_name_resolve_together() -> None:
    mentions = [
        NameMention("a", "Sheikh Moaz Al-Khabib", "PERSON"),
        NameMention("a", "Moaz al-Khatib", "PERSON"),
        NameMention("b", "Moaz Alkhatib", "PERSON"),
        NameMention("b", "Alkhatib", "ORG"),  # the tagger's label does not decide
        NameMention("c", "Khatib", "PERSON"),
    ]
    labels = resolve_mentions(mentions)
    assert len(set(labels)) == 1


def test_people_sharing_a_surname_stay_apart_and_context_decides_the_bare_surname() -> None:
    mentions = [
        NameMention("a", "Henrik Vasaly", "PERSON"),
        NameMention("a", "Vasaly", "PERSON"),
        NameMention("b", "Tomas Vasaly", "PERSON"),
        NameMention("b", "Vasaly", "PERSON"),
        NameMention("c", "Henrik Vasaly", "PERSON"),
        NameMention("c", "Tomas Vasaly", "PERSON"),
        NameMention("c", "Vasaly", "PERSON"),  # both in this document: unknown stays apart
    ]
    labels = resolve_mentions(mentions)
    assert not _same(labels, 0, 2)
    assert _same(labels, 0, 1)
    assert _same(labels, 2, 3)
    assert labels[6] not in (labels[0], labels[2])


def test_nicknames_and_titles_merge_but_a_shared_first_name_does_not() -> None:
    mentions = [
        NameMention("a", "Joe Biden", "PERSON"),
        NameMention("b", "Vice President Joseph Biden", "PERSON"),
        NameMention("b", "John Kerry", "PERSON"),
        NameMention("c", "John Smith", "PERSON"),
        NameMention("c", "Bob Marlowe", "PERSON"),
        NameMention("d", "Robert Marlowe", "PERSON"),
    ]
    labels = resolve_mentions(mentions)
    assert _same(labels, 0, 1)
    assert _same(labels, 4, 5)
    assert len({labels[0], labels[2], labels[3]}) == 3


@pytest.mark.parametrize(
    ("short", "long"),
    [
        ("SNC", "Syrian National Coalition"),
        ("U.N.", "United Nations"),
        ("UN", "the United Nations"),
        ("US", "the United States"),
        ("CDU", "Calder Dockworkers' Union"),
    ],
)
def test_acronyms_resolve_to_their_full_names(short: str, long: str) -> None:
    labels = resolve_mentions([NameMention("a", long, "ORG"), NameMention("b", short, "ORG")])
    assert labels[0] == labels[1]


def test_dotted_forms_case_and_possessives_are_one_form() -> None:
    labels = resolve_mentions(
        [
            NameMention("a", "U.N. Security Council", "ORG"),
            NameMention("b", "UN Security Council", "ORG"),
            NameMention("c", "MUNICH", "GPE"),
            NameMention("c", "Munich's", "GPE"),
        ]
    )
    assert labels[0] == labels[1]
    assert labels[2] == labels[3]
    assert labels[0] != labels[2]


def test_long_names_differing_by_a_word_merge_but_different_bodies_do_not() -> None:
    labels = resolve_mentions(
        [
            NameMention("a", "National Coalition of Averland Labour and Port Unions", "ORG"),
            NameMention("b", "National Coalition for Averland Labour and Port Unions", "ORG"),
            NameMention("b", "National Mediation Service", "ORG"),
            NameMention("c", "National Security Council", "ORG"),
        ]
    )
    assert labels[0] == labels[1]
    assert len({labels[0], labels[2], labels[3]}) == 3


def test_known_pairs_are_honoured_and_nothing_is_lost() -> None:
    mentions = [NameMention("a", "Harbour Workers Federation", "ORG"), NameMention("a", "HWU")]
    assert resolve_mentions(mentions) == [0, 1]
    assert resolve_mentions(mentions, same_as=[(0, 1)]) == [0, 0]
    assert resolve_mentions([]) == []
