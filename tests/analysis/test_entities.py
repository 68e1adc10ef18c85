"""Entity resolution: name strings (no model), the seeds gold and the public-set gates."""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

import pytest

import storybrief
from storybrief.analysis.entities import NameMention, resolve_mentions
from tests.conftest import SEEDS_GOLD, SHARED, load_benchmark
from tests.gold.pin import floor


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


@pytest.mark.model
def test_seed_entities_meet_the_gold(seeds_brief: Any) -> None:
    gold = json.loads((SEEDS_GOLD / "entities.json").read_text(encoding="utf-8"))
    # score_seeds(brief, gold) is score_entities on the brief's entities, which it reads as dicts.
    score = load_benchmark("entities").score_entities(
        seeds_brief.documents, [e.to_dict() for e in seeds_brief.entities], gold
    )
    assert score["forms_found"] >= 0.9 * score["forms_total"], score["missing"]
    assert score["pairwise_f1"] >= 0.90, (score["split"], score["merged"])
    assert score["apart"] == score["must_not_merge"], score["merged"]
    assert score["person_typed"] == score["person_total"]


@pytest.mark.model
def test_every_entity_mention_is_traceable(seeds_brief: Any) -> None:
    for entity in seeds_brief.entities:
        assert entity.aliases
        assert entity.mentions
        for m in entity.mentions:
            span = m.span
            assert (
                seeds_brief.document(span.doc_id).article.text[span.start : span.end] == span.text
            )
    linked = [m for m in seeds_brief.mentions if m.entity_id is not None]
    assert len(linked) > 0.9 * len([m for m in seeds_brief.mentions if m.label == "PERSON"])


@pytest.mark.slow
@pytest.mark.parametrize("set_name", ["newswcl50", "meantime"])
def test_entity_resolution_beats_exact_strings_on_public_sets(set_name: str) -> None:
    if not (SHARED / "eval" / {"meantime": "meantime_en"}.get(set_name, set_name)).is_dir():
        pytest.skip(f"{set_name} not found")
    from storybrief.evaluate import b_cubed

    bench = load_benchmark("entities")
    gold_set = {"newswcl50": bench.load_newswcl50, "meantime": bench.load_meantime}[set_name]()
    by_topic: dict[str, list[Any]] = defaultdict(list)
    for mention in gold_set.mentions:
        by_topic[mention.topic].append(mention)
    gold: list[str] = []
    ours: list[str] = []
    exact: list[str] = []
    for topic, members in sorted(by_topic.items()):
        members.sort(key=lambda m: (m.doc_id, m.position))
        names = [NameMention(m.doc_id, m.text, m.gold_label) for m in members]
        gold += [f"{topic}:{m.chain}" for m in members]
        ours += [f"{topic}:{c}" for c in resolve_mentions(names)]
        exact += [f"{topic}:{c}" for c in bench.exact_string(names)]
    f1 = b_cubed(gold, ours)[2]
    assert f1 > b_cubed(gold, exact)[2]
    assert f1 >= floor(f"entities_{set_name}_b3_f1")


@pytest.mark.model
def test_a_name_after_a_title_the_tagger_missed_is_its_own_person() -> None:
    text = (
        "Flood hits Calder\n\n"
        "Mayor Ana Ruiz said rescuers were still searching for nine people. "
        '"We have lost neighbours," Mayor Ana Ruiz said at the town hall.\n\n'
        "Fire chief Carlos Ruiz, who is not related to the mayor, said his crews had "
        "pulled 37 people from rooftops overnight."
    )
    brief = storybrief.brief([{"text": text, "published": "2024-06-10"}])
    people = {e.canonical for e in brief.entities if e.type == "PERSON"}
    assert {"Ana Ruiz", "Carlos Ruiz"} <= people
    (quote,) = [q for q in brief.quotes if "lost neighbours" in q.text]
    assert quote.speaker_name == "Ana Ruiz"


@pytest.mark.model
def test_a_given_name_alone_joins_the_one_person_of_that_name() -> None:
    texts = [
        {
            "text": "Fraud trial\n\nSamuel Okoro told the jury on Thursday that his brother "
            "Daniel Okoro had run the scheme. Samuel said he had only followed orders.",
            "published": "2024-11-22",
        },
        {
            "text": "Verdicts\n\nThe judge jailed Daniel Okoro for six years, and his brother "
            "Samuel was sentenced to 30 months, the court heard.",
            "published": "2024-12-13",
        },
    ]
    brief = storybrief.brief(texts)
    people = {e.canonical: e for e in brief.entities if e.type == "PERSON"}
    assert "Samuel" not in people
    assert "Samuel" in people["Samuel Okoro"].aliases
    assert "Samuel" not in people["Daniel Okoro"].aliases


@pytest.mark.model
def test_a_name_with_an_age_or_a_person_noun_in_apposition_is_a_person() -> None:
    text = (
        "Flood victims\n\n"
        "Among the dead was an 84-year-old woman, Pilar Esteve, who was found in her flat. "
        "Her neighbour, Tomas Ferreira, 59, said she had refused to leave."
    )
    brief = storybrief.brief([{"text": text, "published": "2024-06-12"}])
    types = {e.canonical: e.type for e in brief.entities}
    assert types.get("Pilar Esteve") == "PERSON"
    assert types.get("Tomas Ferreira") == "PERSON"


@pytest.mark.issue(18)
def test_entities_a_dateline_gives_its_places_and_agency_apart() -> None:
    from storybrief.analysis.entities import resolve_entities
    from storybrief.model import Evidence, Stated
    from tests.conftest import build_parsed

    text = (
        "PORT ELLIS, Norland (AP) _ The harbour wall held, the mayor of Port Ellis said. "
        "The AP reported the ferries would sail on Monday."
    )
    dateline = "PORT ELLIS, Norland (AP) _"
    doc = build_parsed(
        text,
        # The tagger runs the dateline's place and agency together.
        mentions=[("PORT ELLIS, Norland (AP", "ORG"), ("Port Ellis", "GPE"), ("AP", "ORG")],
        dateline=Stated("PORT ELLIS, Norland", Evidence(dateline, "text", 0, len(dateline))),
    )
    entities, _ = resolve_entities([doc])
    names = {e.canonical: e for e in entities}
    assert "PORT ELLIS, Norland (AP" not in names
    agency = next(e for e in entities if "AP" in e.aliases)
    assert agency.type == "ORG"
    place = next(e for e in entities if "Port Ellis" in e.aliases)
    assert place.type == "GPE"
    assert "PORT ELLIS" in place.aliases  # the dateline's place is the same town
    assert agency is not place
    assert any("Norland" in e.aliases and e.type == "GPE" for e in entities)


def _types(mentions: list[NameMention], more: str = "") -> dict[str, str | None]:
    from storybrief.analysis.entities import resolve_entities
    from tests.conftest import build_parsed

    text = " . ".join(m.text for m in mentions) + " . " + more
    doc = build_parsed(text, mentions=[(m.text, m.label) for m in mentions])
    entities, _ = resolve_entities([doc])
    return {e.canonical: e.type for e in entities}


@pytest.mark.issue(19)
def test_entities_a_full_name_opening_with_a_given_name_is_a_person() -> None:
    types = _types(
        [
            NameMention("d1", "Valentina Fomina", "ORG"),
            NameMention("d1", "Georgia Tech", "ORG"),
            NameMention("d1", "Jackson Memorial Hospital", "ORG"),
        ]
    )
    assert types == {
        "Valentina Fomina": "PERSON",
        "Georgia Tech": "ORG",
        "Jackson Memorial Hospital": "ORG",
    }


@pytest.mark.issue(19)
def test_entities_the_tagger_outweighs_a_given_name_when_it_says_so_often() -> None:
    types = _types([NameMention("d1", "Morgan Stanley", "ORG") for _ in range(3)])
    assert types == {"Morgan Stanley": "ORG"}


@pytest.mark.issue(19)
def test_entities_parts_of_a_persons_name_are_that_person_whatever_the_tagger_says() -> None:
    types = _types(
        [
            NameMention("d1", "Alberto Espina", "PERSON"),
            NameMention("d1", "Espina", "GPE"),
            NameMention("d1", "Espina", "GPE"),
            NameMention("d1", "Espina", "GPE"),
        ]
    )
    assert types == {"Alberto Espina": "PERSON"}


@pytest.mark.issue(19)
def test_entities_a_persons_initials_are_no_acronym_of_them() -> None:
    labels = resolve_mentions(
        [NameMention("a", "Andrei Piontkovsky", "PERSON"), NameMention("a", "AP", "ORG")]
    )
    assert labels[0] != labels[1]


@pytest.mark.issue(19)
def test_entities_a_given_name_the_text_writes_as_a_common_word_is_no_evidence() -> None:
    mentions = [NameMention("d1", "Will Grange", "ORG")]
    assert _types(mentions) == {"Will Grange": "PERSON"}
    assert _types(mentions, "The ferries will sail .") == {"Will Grange": "ORG"}


@pytest.mark.issue(19)
def test_entities_transliterations_of_one_name_are_one_person_but_not_across_genders() -> None:
    labels = resolve_mentions(
        [
            NameMention("a", "Muammar Gaddafi", "PERSON"),
            NameMention("b", "Moammar Gadhafi", "PERSON"),
            NameMention("c", "Sergei Stepashin", "PERSON"),
            NameMention("d", "Sergey Stepashin", "PERSON"),
            NameMention("e", "Mario Rossi", "PERSON"),
            NameMention("f", "Maria Rossi", "PERSON"),
        ]
    )
    assert labels[0] == labels[1]
    assert labels[2] == labels[3]
    assert labels[4] != labels[5]


@pytest.mark.issue(19)
def test_entities_a_body_named_by_the_end_of_its_name_is_the_one_that_ends_so() -> None:
    labels = resolve_mentions(
        [
            NameMention("a", "State Duma", "ORG"),
            NameMention("b", "Duma", "ORG"),
            NameMention("c", "Gulf of Suez", "FAC"),
            NameMention("c", "Suez", "FAC"),
            NameMention("d", "National Ferry Council", "ORG"),
            NameMention("d", "Regional Ferry Council", "ORG"),
            NameMention("d", "Ferry Council", "ORG"),  # two fit: stays apart
        ]
    )
    assert labels[0] == labels[1]
    assert labels[2] != labels[3]
    assert labels[6] not in (labels[4], labels[5])


@pytest.mark.issue(19)
def test_entities_places_with_and_without_an_article_and_peoples_in_both_numbers() -> None:
    labels = resolve_mentions(
        [
            NameMention("a", "al-Brega", "GPE"),
            NameMention("b", "Brega", "GPE"),
            NameMention("a", "Libyan", "NORP"),
            NameMention("b", "Libyans", "NORP"),
        ]
    )
    assert labels[0] == labels[1]
    assert labels[2] == labels[3]


@pytest.mark.issue(19)
def test_entities_an_acronym_links_only_a_name_of_the_same_kind() -> None:
    labels = resolve_mentions(
        [NameMention("a", "USS Kearsarge", "PRODUCT"), NameMention("a", "UK", "GPE")]
    )
    assert labels[0] != labels[1]


@pytest.mark.issue(19)
def test_entities_aliases_are_names_without_a_leading_the_or_a_possessive() -> None:
    from storybrief.analysis.entities import resolve_entities
    from tests.conftest import build_parsed

    text = (
        "the Royal Air Force's jets . Royal Air Force . Col. Moammar Gadhafi . "
        "a Human Rights Watch researcher ."
    )
    doc = build_parsed(
        text,
        mentions=[
            ("the Royal Air Force's", "ORG"),
            ("Royal Air Force", "ORG"),
            ("Col. Moammar Gadhafi", "PERSON"),
            ("a Human Rights Watch", "ORG"),
        ],
    )
    entities, _ = resolve_entities([doc])
    assert {e.aliases for e in entities} == {
        ("Royal Air Force",),
        ("Col. Moammar Gadhafi",),
        ("Human Rights Watch",),
    }
    assert "Human Rights Watch" in {e.canonical for e in entities}


@pytest.mark.issue(19)
@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Police said so , director of criminal investigation Qorvan Telluk said .",
            "Qorvan Telluk",
        ),
        ("He was an aide to Zhelan Ostrik , that city 's mayor from 1991 .", "Zhelan Ostrik"),
        ("( Reporting by Brannoc Vell ; Editing by Tom Ash )", "Brannoc Vell"),
        ("( Reporting by Vellacott )", "Vellacott"),
        ("( Reporting by Ana Lund and Vellacott ; Editing by Tom Ash )", "Vellacott"),
    ],
)
def test_entities_a_role_around_a_name_or_a_contributor_line_makes_a_person(
    text: str, name: str
) -> None:
    from storybrief.analysis.entities import resolve_entities
    from tests.conftest import build_parsed

    doc = build_parsed(text, mentions=[(name, "ORG")])
    entities, _ = resolve_entities([doc])
    assert {e.canonical: e.type for e in entities}[name] == "PERSON"


@pytest.mark.issue(19)
def test_entities_a_name_a_role_governs_through_of_is_not_a_person() -> None:
    from storybrief.analysis.entities import resolve_entities
    from tests.conftest import build_parsed

    text = "the governor of the Bank of Kestrel said ."
    doc = build_parsed(text, mentions=[("Bank of Kestrel", "ORG")])
    entities, _ = resolve_entities([doc])
    assert {e.canonical: e.type for e in entities}["Bank of Kestrel"] == "ORG"


@pytest.mark.issue(19)
def test_entities_a_title_the_tagger_left_out_is_kept_in_the_written_form() -> None:
    from storybrief.analysis.entities import resolve_entities
    from tests.conftest import build_parsed

    text = "Col. Moammar Gadhafi spoke . Later Gadhafi left . The Lyon Times reported it ."
    doc = build_parsed(
        text,
        mentions=[
            ("Moammar Gadhafi", "PERSON"),
            ("Gadhafi", "PERSON"),
            ("Lyon Times", "ORG"),
        ],
    )
    entities, _ = resolve_entities([doc])
    by_name = {e.canonical: e for e in entities}
    assert set(by_name["Moammar Gadhafi"].aliases) == {
        "Col. Moammar Gadhafi",
        "Moammar Gadhafi",
        "Gadhafi",
    }
    assert by_name["Lyon Times"].aliases == ("Lyon Times",)


@pytest.mark.issue(19)
def test_entities_a_month_the_tagger_took_a_surname_for_is_the_person() -> None:
    from storybrief.analysis.entities import resolve_entities
    from tests.conftest import build_parsed

    text = "Theresa May spoke . Trump and May met . The vote is in May 2025 ."
    doc = build_parsed(
        text,
        mentions=[
            ("Theresa May", "PERSON"),
            ("Trump", "PERSON"),
            ("May", "DATE"),
            ("May 2025", "DATE"),
        ],
    )
    entities, (linked,) = resolve_entities([doc])
    (may,) = [e for e in entities if e.canonical == "Theresa May"]
    assert [m.span.text for m in may.mentions] == ["Theresa May", "May"]
    labels = {m.span.text: m.label for m in linked.mentions}
    assert labels == {
        "Theresa May": "PERSON",
        "Trump": "PERSON",
        "May": "PERSON",
        "May 2025": "DATE",
    }


def test_a_name_ending_in_an_institution_word_and_no_given_name_is_no_person() -> None:
    from storybrief.analysis.entities import _form_label, _parse_name

    # The tagger calls "White House" a person; it opens with no given name and ends
    # in an institution word.
    assert _form_label(_parse_name("White House", "PERSON"), ["PERSON"]) == "ORG"
    assert _form_label(_parse_name("White House", "PERSON"), ["PERSON", "PERSON", "FAC"]) == "FAC"
    # A person whose surname is such a word keeps a given name before it.
    assert _form_label(_parse_name("Jerry Hall", "PERSON"), ["PERSON"]) == "PERSON"


def test_a_title_the_tagger_kept_in_a_name_it_calls_an_organisation_marks_a_person() -> None:
    from storybrief.analysis.entities import _form_label, _parse_name

    # "bishop" is also written in lower case in the documents: the title, not a name.
    hofmann = _parse_name("Bishop Friedhelm Hofmann", "ORG")
    assert _form_label(hofmann, ["ORG"], frozenset({"bishop"})) == "PERSON"
    # Not an institution that opens with a title word.
    assert _form_label(_parse_name("General Motors Company", "ORG"), ["ORG"]) == "ORG"


def test_entities_a_datelines_agency_defines_no_acronym_of_its_place() -> None:
    # "New York (CNN) --" is a place and the wire, not "New York" defined as "CNN".
    from storybrief.analysis.entities import resolve_entities
    from tests.conftest import build_parsed

    text = "New York (CNN) -- Talks began . CNN reported that New York was calm ."
    doc = build_parsed(
        text,
        ["New York ( CNN ) -- Talks began .", "CNN reported that New York was calm ."],
        [("New York", "GPE"), ("CNN", "ORG"), ("CNN", "ORG"), ("New York", "GPE")],
    )
    entities, _ = resolve_entities([doc])
    assert {e.canonical: e.aliases for e in entities} == {
        "New York": ("New York",),
        "CNN": ("CNN",),
    }


def test_entities_a_name_used_as_a_place_is_one_when_the_tagger_says_so_too() -> None:
    from storybrief.analysis.entities import resolve_entities
    from tests.conftest import build_parsed

    text = (
        "Rebels fought in Misrata . Misrata fell . Misrata was shelled . "
        "Ruiz spoke . Faith in Ruiz grew . Ruiz left ."
    )
    doc = build_parsed(
        text,
        [s.strip() + " ." for s in text.split(" .") if s.strip()],
        [
            ("Misrata", "GPE"),
            ("Misrata", "PERSON"),
            ("Misrata", "PERSON"),
            ("Ruiz", "PERSON"),
            ("Ruiz", "PERSON"),
            ("Ruiz", "PERSON"),
        ],
    )
    entities, _ = resolve_entities([doc])
    # "Ruiz" after "in" once is still a person: the tagger never calls it a place.
    assert {e.canonical: e.type for e in entities} == {"Misrata": "GPE", "Ruiz": "PERSON"}


def test_entities_a_second_given_name_written_differently_tells_brothers_apart() -> None:
    labels = resolve_mentions(
        [
            NameMention("a", "Saif al-Islam Gadhafi", "PERSON"),
            NameMention("a", "Saif al-Arab Gadhafi", "PERSON"),
            NameMention("a", "George W. Bush", "PERSON"),
            NameMention("a", "George Walker Bush", "PERSON"),
        ]
    )
    assert labels[0] != labels[1]
    assert labels[2] == labels[3]  # an initial of the same name


def test_entities_a_bare_surname_of_two_namesakes_is_still_a_person() -> None:
    from storybrief.analysis.entities import resolve_entities
    from tests.conftest import build_parsed

    text = (
        "Moammar Gadhafi spoke . Saif Gadhafi agreed . Gadhafi forces advanced . "
        "Gadhafi loyalists fled . Gadhafi said no . Ford Motor Co. fell . Ford rose . "
        "Henry Ford smiled ."
    )
    doc = build_parsed(
        text,
        [s.strip() + " ." for s in text.split(" .") if s.strip()],
        [
            ("Moammar Gadhafi", "PERSON"),
            ("Saif Gadhafi", "PERSON"),
            ("Gadhafi", "ORG"),
            ("Gadhafi", "ORG"),
            ("Gadhafi", "PERSON"),
            ("Ford Motor Co.", "ORG"),
            ("Ford", "ORG"),
            ("Henry Ford", "PERSON"),
        ],
    )
    entities, _ = resolve_entities([doc])
    kinds = {e.canonical: e.type for e in entities}
    # "Gadhafi" stays apart (two Gadhafis are named) and is typed a person.
    assert kinds["Gadhafi"] == "PERSON"
    # A company's name stays a company's.
    assert kinds["Ford Motor Co"] == "ORG"


def test_entities_an_organisation_romanised_two_ways_is_one() -> None:
    labels = resolve_mentions(
        [
            NameMention("a", "al Qaeda", "ORG"),
            NameMention("b", "al Qaida", "ORG"),
            NameMention("a", "Hezbollah", "ORG"),
            NameMention("b", "Hizbollah", "ORG"),
            NameMention("a", "Nokia", "ORG"),
            NameMention("b", "Nikon", "ORG"),
            NameMention("a", "Hamas", "ORG"),
            NameMention("b", "Hama", "GPE"),
        ]
    )
    assert labels[0] == labels[1]
    assert labels[2] == labels[3]
    assert labels[4] != labels[5]  # not vowels alone
    assert labels[6] != labels[7]  # a city is no organisation


@pytest.mark.issue(20)
def test_entities_a_legislature_or_force_opening_with_a_given_name_is_no_person() -> None:
    # "General" and "Christian" are given names; the word that ends the name is not a
    # surname.
    bodies = ("General People's Congress", "Christian Democratic Union", "Victoria Police")
    types = _types([NameMention("d1", name, "ORG") for name in bodies])
    assert {types[name] for name in bodies} == {"ORG"}


@pytest.mark.issue(20)
def test_entities_a_person_whose_surname_is_a_body_word_stays_a_person() -> None:
    # The tagger calls them organisations for their last word once or twice, and a
    # person's once; a given name that names no place opens each, in two words.
    people = ("Gabrielle Union", "Robert Service", "Lillian Board", "Michael League")
    types = _types(
        [NameMention("d1", name, label) for name in people for label in ("ORG", "PERSON", "ORG")]
    )
    assert {types[name] for name in people} == {"PERSON"}
    # Nothing says these are people's; and a word in capitals is no given name.
    bodies = ("Ivy League", "Mahdi Army", "Amal Movement", "US Senate", "US Army")
    types = _types([NameMention("d1", name, "ORG") for name in bodies])
    assert {types[name] for name in bodies} == {"ORG"}


@pytest.mark.issue(20)
def test_entities_a_dotted_abbreviation_gives_all_its_letters_to_an_acronym() -> None:
    # "U.S. Navy" is USN, not UN.
    labels = resolve_mentions(
        [
            NameMention("a", "U.S. Navy", "ORG"),
            NameMention("a", "U.N.", "ORG"),
            NameMention("a", "USN", "ORG"),
        ]
    )
    assert labels[0] != labels[1]
    assert labels[0] == labels[2]
