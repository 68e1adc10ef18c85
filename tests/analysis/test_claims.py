"""Numbers across sources: statements grouped by quantity and labelled by how they relate."""

from __future__ import annotations

import json
from typing import Any

import pytest

import storybrief
from storybrief.analysis.claims import build_claims
from storybrief.model import Claim, ParsedArticle
from storybrief.render import render
from tests.conftest import SEEDS_GOLD, TokenSpec, build_parsed

# --- Hand-built parses: grouping and relations, no model ------------------------------------


def _stranded(figure: str, doc_id: str, published: str | None) -> ParsedArticle:
    """'<figure> containers were stranded at the port.', the figure tagged CARDINAL."""
    *qualifier, number = figure.split()
    tokens: list[TokenSpec] = [
        *((word, word.lower(), "ADV", "RB", "advmod", number) for word in qualifier),
        (number, number, "NUM", "CD", "nummod", "containers"),
        ("containers", "container", "NOUN", "NNS", "nsubjpass", "stranded"),
        ("were", "be", "AUX", "VBD", "auxpass", "stranded"),
        ("stranded", "strand", "VERB", "VBN", "ROOT", None),
        ("at", "at", "ADP", "IN", "prep", "stranded"),
        ("the", "the", "DET", "DT", "det", "port"),
        ("port", "port", "NOUN", "NN", "pobj", "at"),
        ".",
    ]
    text = f"{figure} containers were stranded at the port."
    return build_parsed(text, [tokens], [(figure, "CARDINAL")], doc_id=doc_id, published=published)


def _grouped(claims: tuple[Claim, ...]) -> list[Claim]:
    return [c for c in claims if len(c.documents) == 2]


@pytest.mark.parametrize("figure", ["1,200", "about 1,150"])
def test_claims_two_documents_stating_the_same_count_agree(figure: str) -> None:
    claims = build_claims(
        [_stranded("1,200", "d1", "2024-03-05"), _stranded(figure, "d2", "2024-03-08")]
    )
    (claim,) = _grouped(claims)
    assert (claim.unit, claim.counts, claim.relation) == ("count", "container", "agree")
    assert len(claim.readings) == 1
    assert sorted(claim.readings[0].documents) == ["d1", "d2"]


@pytest.mark.parametrize(
    ("published", "relation"),
    [("2024-03-08", "evolves"), ("2024-03-05", "conflict"), (None, "differs")],
)
def test_claims_different_figures_relate_by_the_dates_they_hold_for(
    published: str | None, relation: str
) -> None:
    # Three days apart the figure grew; the same day it is a conflict; with a
    # date unknown it only differs.
    claims = build_claims(
        [
            _stranded("About 1,200", "d1", "2024-03-05"),
            _stranded("More than 3,400", "d2", published),
        ]
    )
    (claim,) = _grouped(claims)
    assert claim.relation == relation
    assert [(r.value, r.documents) for r in claim.readings] == [(1200, ("d1",)), (3400, ("d2",))]
    assert [st.qualifier for st in claim.statements] == ["about", "more than"]


def _flooded(
    rest: str, tokens: list[TokenSpec], mention: tuple[str, str], doc_id: str
) -> ParsedArticle:
    """'The storm flooded <rest>.' with the figure's tokens and mention."""
    return build_parsed(
        f"The storm flooded {rest}.",
        [
            [
                ("The", "the", "DET", "DT", "det", "storm"),
                ("storm", "storm", "NOUN", "NN", "nsubj", "flooded"),
                ("flooded", "flood", "VERB", "VBD", "ROOT", None),
                *tokens,
                ".",
            ]
        ],
        [mention],
        doc_id=doc_id,
        published="2024-05-07",
    )


@pytest.mark.parametrize(
    ("rest", "tokens", "mention", "unit"),
    [
        (
            "40 miles of the coast",
            [
                ("40", "40", "NUM", "CD", "nummod", "miles"),
                ("miles", "mile", "NOUN", "NNS", "dobj", 2),
                ("of", "of", "ADP", "IN", "prep", "miles"),
                ("the", "the", "DET", "DT", "det", "coast"),
                ("coast", "coast", "NOUN", "NN", "pobj", "of"),
            ],
            ("40 miles", "QUANTITY"),
            "mile",
        ),
        (
            "40% of the coast",
            [
                ("40", "40", "NUM", "CD", "nummod", "%"),
                ("%", "%", "NOUN", "NN", "dobj", 2),
                ("of", "of", "ADP", "IN", "prep", "%"),
                ("the", "the", "DET", "DT", "det", "coast"),
                ("coast", "coast", "NOUN", "NN", "pobj", "of"),
            ],
            ("40%", "PERCENT"),
            "percent",
        ),
    ],
)
def test_claims_a_figure_of_another_unit_is_not_grouped(
    rest: str, tokens: list[TokenSpec], mention: tuple[str, str], unit: str
) -> None:
    # The same verb would group two counts ("flooded 40 homes", "flooded 40 more"):
    # only the unit keeps these apart.
    homes = _flooded(
        "40 homes along the coast",
        [
            ("40", "40", "NUM", "CD", "nummod", "homes"),
            ("homes", "home", "NOUN", "NNS", "dobj", 2),
            ("along", "along", "ADP", "IN", "prep", 2),
            ("the", "the", "DET", "DT", "det", "coast"),
            ("coast", "coast", "NOUN", "NN", "pobj", "along"),
        ],
        ("40", "CARDINAL"),
        "d1",
    )
    claims = build_claims([homes, _flooded(rest, tokens, mention, "d2")])
    assert not _grouped(claims)
    assert sorted(c.unit for c in claims) == sorted(["count", unit])


def _claim_holding(brief: Any, doc_id: str, text: str) -> Claim | None:
    from rapidfuzz import fuzz

    doc_text = brief.document(doc_id).article.text
    # The gold quotes the figure's phrase, sometimes not letter for letter.
    where = fuzz.partial_ratio_alignment(text, doc_text)
    assert where is not None
    assert where.score >= 85, text
    at, end = where.dest_start, where.dest_end
    for claim in brief.claims:
        for st in claim.statements:
            if st.doc_id == doc_id and st.start < end and at < st.end:
                return claim
    return None


@pytest.mark.model
def test_seed_quantities_are_grouped_as_the_gold_groups_them(seeds_brief: Any) -> None:
    gold = json.loads((SEEDS_GOLD / "claims.json").read_text(encoding="utf-8"))
    ids = {
        name: d.id
        for d in seeds_brief.documents
        for q in gold["quantities"]
        for name in [s["doc"] for s in q["statements"]]
        if d.article.source.endswith(name)
    }
    for quantity in gold["quantities"]:
        if len(quantity["statements"]) < 2:
            continue
        claims = [
            _claim_holding(seeds_brief, ids[s["doc"]], s["text"]) for s in quantity["statements"]
        ]
        assert all(c is not None for c in claims), quantity["quantity"]
        assert len({c.id for c in claims if c}) == 1, quantity["quantity"]
        relation = claims[0].relation if claims[0] else None
        # Different figures at different (or unknown) times are never a contradiction.
        assert relation != "conflict"
        if quantity["relation"].startswith("consistent"):
            assert relation == "agree"
        if quantity["relation"].startswith("evolves"):
            assert relation == "evolves"


@pytest.mark.model
def test_statements_point_at_their_figures(seeds_brief: Any) -> None:
    assert seeds_brief.claims
    for claim in seeds_brief.claims:
        assert claim.relation in {"single", "agree", "evolves", "conflict", "differs"}
        for st in claim.statements:
            text = seeds_brief.document(st.doc_id).article.text
            assert text[st.start : st.end] == st.text
            assert st.sentence.start <= st.start < st.sentence.end


def _brief(*texts: tuple[str, str | None]) -> Any:
    return storybrief.brief([{"text": t, "published": p} for t, p in texts])


@pytest.mark.model
def test_a_figure_that_grows_between_reports_evolves() -> None:
    brief = _brief(
        (
            "Port backlog grows\n\nAbout 1,200 containers were stranded at the port, the authority said.",
            "2024-03-05",
        ),
        (
            "Port backlog tops 3,400\n\nMore than 3,400 containers were stranded at the port, the authority said.",
            "2024-03-08",
        ),
    )
    grouped = [c for c in brief.claims if len(c.documents) == 2]
    assert len(grouped) == 1
    assert grouped[0].relation == "evolves"
    assert sorted(st.value for st in grouped[0].statements) == [1200, 3400]


@pytest.mark.model
def test_different_figures_for_the_same_day_conflict_and_equal_ones_agree() -> None:
    conflict = _brief(
        ("Flood toll\n\nThe floods killed 41 people on Monday, police said.", "2024-05-07"),
        ("Flood deaths\n\nThe floods killed 63 people on Monday, officials said.", "2024-05-07"),
    )
    # (The day they give, Monday, is one date both state: a claim of its own.)
    counts = [c for c in conflict.claims if c.unit == "count"]
    assert [c.relation for c in counts if len(c.documents) == 2] == ["conflict"]
    agree = _brief(
        ("Flood toll\n\nThe floods killed 41 people on Monday, police said.", "2024-05-07"),
        (
            "Flood deaths\n\nThe floods killed some 41 people on Monday, officials said.",
            "2024-05-08",
        ),
    )
    counts = [c for c in agree.claims if c.unit == "count"]
    assert [c.relation for c in counts if len(c.documents) == 2] == ["agree"]


@pytest.mark.model
@pytest.mark.issue(20)
def test_a_toll_two_sources_give_over_the_same_days_conflicts_and_one_that_moves_on_evolves() -> (
    None
):
    sources = iter(["police", "the coast guard", "the port authority"] * 2)

    def crash(figure: str, published: str) -> tuple[str, str]:
        # Three different reports (an article repeated word for word is one source).
        source = next(sources)
        return (
            f"Ferry crash\n\nThe ferry crash killed {figure} people, {source} said.",
            published,
        )

    # 52 is reported before and after 53: two accounts of one toll.
    accounts = _brief(
        crash("52", "2024-05-03"), crash("53", "2024-05-05"), crash("52", "2024-05-09")
    )
    (toll,) = [c for c in accounts.claims if len(c.documents) == 3]
    assert [r.value for r in toll.readings] == [52, 53]
    assert toll.relation == "conflict"
    # Once 53 is reported, 52 is not again: the toll moved on.
    update = _brief(crash("52", "2024-05-03"), crash("52", "2024-05-05"), crash("53", "2024-05-09"))
    (toll,) = [c for c in update.claims if len(c.documents) == 3]
    assert toll.relation == "evolves"


@pytest.mark.model
def test_an_undated_different_figure_is_not_called_a_contradiction() -> None:
    brief = storybrief.brief(
        [
            {
                "text": "Flood toll\n\nThe floods killed 41 people on Monday, police said.",
                "published": "2024-05-07",
            },
            {"text": "Looking back\n\nThe floods killed 260 people in all, a report found."},
        ]
    )
    grouped = [c for c in brief.claims if len(c.documents) == 2]
    assert [c.relation for c in grouped] == ["differs"]


@pytest.mark.model
def test_the_death_toll_reads_as_one_agreed_figure_then_a_later_one(seeds_brief: Any) -> None:
    toll = next(c for c in seeds_brief.claims if c.readings and c.readings[0].value >= 10_000)
    low, high = toll.readings
    assert low.value < high.value
    assert len(low.documents) == 3  # the three 2013 reports agree
    assert toll.relation == "evolves"


@pytest.mark.model
def test_a_group_says_what_it_counts_in_the_sources_words(seeds_brief: Any) -> None:
    brief = _brief(
        ("Flood toll\n\nThe floods killed 41 people on Monday, police said.", "2024-05-07"),
        ("Flood deaths\n\nAbout 40 people died in the floods on Monday.", "2024-05-07"),
    )
    (grouped,) = [c for c in brief.claims if len(c.documents) == 2 and c.unit != "date"]
    assert set(grouped.what.split(" / ")) == {"people killed", "people died"}
    # The seeds' death toll: the verbs of the event, not the lemma "life" alone.
    toll = next(c for c in seeds_brief.claims if any(st.value == 250000 for st in c.statements))
    assert "people killed" in toll.what.split(" / ")
    assert "Numbers across sources" in render(brief, "text")
    assert "people killed" in render(brief, "md")


@pytest.mark.model
def test_a_length_is_as_precise_as_its_unit() -> None:
    # 22 months is "two years" to the nearest year; 25 years is not a 30-year career.
    close = _brief(
        ("Talks\n\nThe two-year strike has shut the Calder yard.", "2024-05-07"),
        ("Yard shut\n\nThe strike at the Calder yard is 22 months old.", "2024-05-07"),
    )
    (grouped,) = [c for c in close.claims if len(c.documents) == 2]
    assert grouped.relation == "agree"
    apart = _brief(
        ("Tributes\n\nTributes poured in for Ana Ruiz and her 30-year career.", "2024-05-07"),
        (
            "Obituary\n\nAna Ruiz worked at the Calder yard for the past 25 years.",
            "2024-05-07",
        ),
    )
    for claim in apart.claims:
        if len(claim.documents) == 2:
            assert claim.relation != "agree"


@pytest.mark.model
def test_a_clock_length_is_a_figure_and_two_accounts_of_it_conflict() -> None:
    brief = _brief(
        (
            "Ferry fire\n\nThe Northern Star caught fire about 90 seconds after leaving "
            "the quay, the harbour master said. Over the past 24 hours, divers searched "
            "the wreck. Its crew worked 6 to 8 hours a day for eight hours' pay. The "
            "crossing takes 3 hours, 50 minutes.",
            "2024-05-07",
        ),
        (
            "Ferry inquiry\n\nThe Northern Star caught fire less than two minutes after "
            "leaving the quay, the report said. Two hours later the crew was rescued. Its "
            "crew worked five or six hours a day for eight hours' pay. The record "
            "crossing took two hours, 54 minutes and 30 seconds.",
            "2024-05-08",
        ),
        (
            "Ferry sank\n\nThe Northern Star sank 40 minutes into its crossing to Harwick, "
            "the operator said. Its recorder kept the final 30 minutes of the crossing. "
            "The line's first three-hour crossing ran in 1990. The board met for "
            "nearly five hours.",
            "2024-05-08",
        ),
        (
            "Sinking\n\nThe Northern Star sank about 25 minutes into its crossing to "
            "Harwick, a survivor said. The line's first three-hour crossing ran in 1990. "
            "The board ended a tense five-hour meeting.",
            "2024-05-09",
        ),
    )
    lengths = {
        tuple(sorted(st.text for st in c.statements)): c
        for c in brief.claims
        if len(c.documents) == 2 and c.unit in ("seconds", "minutes", "hours")
    }
    # Within the precision of a qualified length: one figure, in its sources' unit.
    fire = lengths[("about 90 seconds", "less than two minutes")]
    assert fire.relation == "agree"
    # One interval's length does not change with the day it is told.
    sank = lengths[("40 minutes", "about 25 minutes")]
    assert sank.relation == "conflict"
    assert sank.unit == "minutes"
    told = {st.text for c in brief.claims for st in c.statements}
    # Ends of a range, what a pay is reckoned in and parts of a longer length are not
    # lengths of their own.
    assert not told & {"6", "8 hours", "five", "six hours", "eight hours", "3 hours"}
    assert not told & {"50 minutes", "two hours", "54 minutes", "30 seconds"}
    # A length hyphened to its noun is a size, whatever comes before it.
    assert lengths[("three-hour", "three-hour")].relation == "agree"
    # ("for nearly five hours": "for" ends no range.)
    assert lengths[("five-hour", "nearly five hours")].relation == "agree"
    # A window and a time after an unnamed moment tell when, not how long.
    assert len(lengths) == 4
    assert not told & {"the past 24 hours", "Two hours", "Two hours later", "30 minutes"}


@pytest.mark.model
def test_what_does_the_harm_or_where_it_happened_is_no_toll() -> None:
    brief = _brief(
        (
            "Blasts\n\nOfficials blamed the militants for four recent bomb blasts in the "
            "region that killed nearly 300 people, police said on Monday.",
            "2024-03-11",
        ),
        (
            "Bombings\n\nThree bombs killed about 300 people in Varna and two other "
            "cities on Monday, officials said.",
            "2024-03-12",
        ),
        (
            "Mourning\n\nThe apartment blasts killed 300 people on Monday. Twelve people "
            "were killed by two bombs in Ruse on Tuesday.",
            "2024-03-13",
        ),
    )
    (dead,) = [c for c in brief.claims if any(st.value == 300 for st in c.statements)]
    assert {st.value for st in dead.statements} == {300}
    assert len(dead.documents) == 3
    # The blasts, the bombs and the cities are counted as what they are, not as the dead.
    counted = {st.text: c.counts for c in brief.claims for st in c.statements}
    assert counted["four"] == "blast"
    assert counted["Three"] == "bomb"
    assert counted["two"] in ("bomb", "city")
    assert "people" not in {counted["four"], counted["Three"], counted["two"]}


@pytest.mark.model
def test_tolls_of_two_days_attacks_are_two_tolls() -> None:
    brief = _brief(
        (
            "Attack\n\nIn the town of Harwick, two policemen were killed and three "
            "wounded on March 1 when gunmen opened fire on them, officials said.",
            "2024-03-02",
        ),
        (
            "Ambush\n\nThree policemen were killed on March 9 when their car came under "
            "fire on the motorway, officials said.",
            "2024-03-10",
        ),
        (
            "Funerals\n\nThe attack on March 1 killed two policemen, officials said. "
            "Forensic experts on March 6 identified both of them.",
            "2024-03-07",
        ),
    )
    dead = [c for c in brief.claims if c.counts == "policeman"]
    # March 1's two dead, told twice, agree; March 9's three are another attack's, not
    # a contradiction of them (the day said of the experts' work is not the attack's).
    by_values = {tuple(sorted(st.value for st in c.statements)): c.relation for c in dead}
    assert by_values == {(2, 2): "agree", (3,): "single"}


@pytest.mark.model
def test_a_year_long_past_is_one_only_of_one_named_actor_or_place() -> None:
    brief = _brief(
        (
            "Crash\n\nInvestigators recalled that ValuJet lost a jet over the Everglades "
            "in 1996. Egypt has been ruled by the military since its 1952 coup.",
            "2000-03-01",
        ),
        (
            "Inquiry\n\nThe board worked with Aeroperu after its jet crashed off Lima in "
            "1996. The Egyptian military has been the backbone of the state since 1952.",
            "2000-03-02",
        ),
    )
    # Two airlines' crashes of 1996 are two events; Egypt's (and the Egyptian
    # military's) 1952 is one.
    assert (1952,) in _shared_values(brief)
    assert (1996,) not in _shared_values(brief)


@pytest.mark.model
def test_the_same_large_figure_of_two_other_nouns_is_two_figures() -> None:
    brief = _brief(
        (
            "Fan fair\n\nThe collector keeps 4,000 dolls at her home in Leeds, and "
            "435,000 people live in the city.",
            "2024-05-07",
        ),
        (
            "Fair opens\n\nOrganisers handed out 4,000 passes to the fair, and the "
            "city's 435,000 residents were invited.",
            "2024-05-08",
        ),
    )
    assert (435_000,) in _shared_values(brief)
    assert (4_000,) not in _shared_values(brief)


@pytest.mark.model
def test_ages_of_two_people_are_not_one_figure() -> None:
    brief = _brief(
        ("Crash\n\nA 15-year-old girl was hurt in the crash on Monday.", "2024-05-07"),
        ("Crash victims\n\nA 15-year-old boy was also hurt on Monday.", "2024-05-07"),
    )
    # (Both were hurt on Monday: that day is one date, a claim of its own.)
    assert not [c for c in brief.claims if len(c.documents) == 2 and c.unit == "age"]


@pytest.mark.model
def test_addresses_names_and_years_are_not_counts() -> None:
    brief = _brief(
        (
            "Car stolen\n\nPolice found the 2008 Porsche 911 Carrera in the 5000 block of "
            "Calder Road, and 12 officers searched the house.",
            "2024-05-07",
        ),
    )
    values = sorted(st.value for c in brief.claims for st in c.statements)
    assert values == [12]


@pytest.mark.model
def test_money_is_read_with_its_scale_and_currency() -> None:
    brief = _brief(
        ("Losses\n\nThe bank lost $5.2 billion in the quarter, it said.", "2024-05-07"),
        ("Bank loss\n\nThe bank reported a US$5.2bn loss for the quarter.", "2024-05-07"),
        ("Aid\n\nThe bank said it lost 5.2 billion euros in the quarter.", "2024-05-07"),
        ("Fossils\n\nThe reptile lived some 160 million years ago, the museum said.", None),
    )
    money = [c for c in brief.claims if c.unit == "money"]
    # Dollars agree with dollars; 5.2 billion euros is money too, but not the same figure.
    assert sorted(len(c.documents) for c in money) == [1, 2]
    (dollars,) = [c for c in money if len(c.documents) == 2]
    assert [st.value for st in dollars.statements] == [5.2e9, 5.2e9]
    assert dollars.relation == "agree"
    assert not any("million years" in st.text for c in money for st in c.statements)


@pytest.mark.model
def test_measures_are_compared_only_with_the_same_measure() -> None:
    brief = _brief(
        ("Storm\n\nThe storm killed 40 people along the coast, officials said.", "2024-05-07"),
        ("Storm path\n\nThe storm hit 40 miles of the coast, officials said.", "2024-05-07"),
    )
    assert not [c for c in brief.claims if len(c.documents) == 2]
    units = {c.unit for c in brief.claims}
    assert "mile" in units


@pytest.mark.model
def test_percentages_are_as_precise_as_written_and_figures_take_their_nearest_date() -> None:
    brief = _brief(
        (
            "Deficit\n\nThe deficit was 3.1% of output in March, the ministry said on Monday.",
            "2024-05-07",
        ),
        (
            "Deficit revised\n\nAfter the floods of last week, the deficit stood at 3.4% of "
            "output on Tuesday, the ministry said.",
            "2024-05-08",
        ),
    )
    (deficit,) = [c for c in brief.claims if c.unit == "percent" and len(c.documents) == 2]
    assert deficit.relation != "agree"
    times = sorted(st.time for st in deficit.statements)
    # "3.4% … on Tuesday" holds for that Tuesday, not for "last week".
    assert times == ["2024-03", "2024-05-07"]


@pytest.mark.model
def test_a_death_toll_is_one_quantity_however_put_and_apart_from_the_injured() -> None:
    brief = _brief(
        (
            "Flood\n\nAt least four people were killed on Sunday when the river burst its "
            "banks, officials said. Rescuers said more than 200 people were injured.",
            "2024-06-10",
        ),
        (
            "Toll rises\n\nThe death toll from Sunday's flood rose to 11 on Wednesday, the "
            "agency said.",
            "2024-06-12",
        ),
        (
            "Hospital count\n\nFourteen people have died in the flood, the director of the "
            "hospital said on Wednesday.",
            "2024-06-12",
        ),
    )
    (toll,) = [c for c in brief.claims if any(st.value == 11 for st in c.statements)]
    assert sorted(st.value for st in toll.statements) == [4, 11, 14]
    # 11 and 14 for the same Wednesday: a conflict, not an evolution.
    assert toll.relation == "conflict"
    eleven = next(st for st in toll.statements if st.value == 11)
    assert eleven.time == "2024-06-12"  # not "Sunday's", the day of the flood
    injured = [c for c in brief.claims if any(st.value == 200 for st in c.statements)]
    assert injured
    assert all(c.id != toll.id for c in injured)


@pytest.mark.model
def test_a_figure_the_source_denies_is_not_a_statement_of_it() -> None:
    brief = _brief(
        ("Deal\n\nHarlow Foods agreed to buy the dairy group for $1.8 billion.", "2025-03-03"),
        (
            "Correction\n\nThe deal is worth $1.6 billion, not $1.8 billion, the company said.",
            "2025-03-05",
        ),
    )
    stated = [(st.text, st.doc_id) for c in brief.claims for st in c.statements]
    correction = brief.documents[1].id
    assert ("$1.6 billion", correction) in stated
    assert ("$1.8 billion", correction) not in stated
    assert all(c.relation != "agree" for c in brief.claims if len(c.documents) == 2)


@pytest.mark.model
def test_a_currency_after_an_adjective_is_money() -> None:
    brief = _brief(
        ("Deal\n\nThe group was sold for 12.4 billion Danish kroner on Monday.", "2025-03-03"),
    )
    (claim,) = [c for c in brief.claims if c.statements[0].value == 12.4e9]
    assert claim.unit == "money"


def _shared_values(brief: Any) -> set[tuple[float | None, ...]]:
    """The figures of each claim two or more documents state."""
    return {
        tuple(sorted({st.value for st in c.statements}))
        for c in brief.claims
        if len(c.documents) >= 2
    }


@pytest.mark.model
@pytest.mark.issue(20)
def test_tolls_of_other_places_aboard_or_on_the_ground_or_of_one_people_stay_apart() -> None:
    brief = _brief(
        (
            "Twin blasts\n\nThe bombing in Kenya killed 247 people, including 12 Americans. "
            "The bombing in Tanzania killed 11 people.",
            "2024-08-08",
        ),
        (
            "Blasts toll\n\nThe bombing in Kenya killed 247 people on Friday. The bombing in "
            "Tanzania killed 11 people on Friday. It killed two young Britons.",
            "2024-08-09",
        ),
        (
            "Plane crash\n\nThe jet crashed, killing all 109 people on board and four people on "
            "the ground.",
            "2024-08-09",
        ),
        (
            "Crash toll\n\nAll 109 people aboard were killed and four on the ground died.",
            "2024-08-10",
        ),
    )
    by_values = _shared_values(brief)
    assert (247.0,) in by_values
    assert (11.0,) in by_values
    assert (109.0,) in by_values
    assert (4.0,) in by_values
    assert not any(len(values) > 1 for values in by_values)


@pytest.mark.model
@pytest.mark.issue(20)
def test_a_count_of_the_last_day_is_not_the_running_total() -> None:
    brief = _brief(
        (
            "Gaza\n\nAccording to the news agency, 84 Palestinians were killed over the last "
            "24 hours. Seventeen rockets were fired at southern Israel since midnight.",
            "2024-07-31",
        ),
        (
            "Gaza toll\n\nThe war has killed 1,372 Palestinians, health officials said. "
            "Militants have fired more than 2,600 rockets at Israel.",
            "2024-07-31",
        ),
    )
    joined = [{st.value for st in c.statements} for c in brief.claims if len(c.documents) > 1]
    # A day's figures are not the totals they are part of (no "conflict" of 17 and 2,600).
    assert not any({84.0, 1372.0} <= values or {17.0, 2600.0} <= values for values in joined)


@pytest.mark.model
@pytest.mark.issue(20)
def test_a_part_of_a_whole_is_not_the_whole() -> None:
    brief = _brief(
        ("Budget\n\nCongress has passed only six of the 13 spending bills, leaders said.", None),
        ("Budget\n\nThe House could not pass eight of the 13 spending bills in time.", None),
    )
    joined = [sorted(st.value for st in c.statements) for c in brief.claims if len(c.documents) > 1]
    # "eight of the 13": eight is a part, 13 the whole both sources state.
    assert joined == [[13.0, 13.0]]


@pytest.mark.model
@pytest.mark.issue(20)
def test_a_part_of_a_count_said_before_is_not_a_count_of_its_own() -> None:
    brief = _brief(
        (
            "Strike\n\nThe strike wounded 12 soldiers, two of them seriously.",
            "2024-07-31",
        ),
        (
            "Strike\n\nTwo soldiers were wounded by sniper fire near the border crossing. "
            "Three civilians were hurt in the town.",
            "2024-07-31",
        ),
        ("Town\n\nThe shelling hurt 15 people, three seriously.", "2024-07-31"),
    )
    (first,) = [d.id for d in brief.documents if "two of them" in d.article.text]
    parts = [
        c for c in brief.claims if any(st.value == 2 and st.doc_id == first for st in c.statements)
    ]
    # "two of them" are two of the 12 wounded, not the two wounded by sniper fire; "three
    # seriously" are three of the 15 hurt, not the three civilians.
    assert [len(c.documents) for c in parts] == [1]
    assert not any(
        len(c.documents) > 1 and {st.value for st in c.statements} == {3} for c in brief.claims
    )


@pytest.mark.model
@pytest.mark.issue(20)
def test_a_part_of_a_toll_is_not_the_toll() -> None:
    brief = _brief(
        (
            "Fire\n\nA fire in a dance hall killed 60 people and injured 162 on Thursday.",
            "2024-10-30",
        ),
        (
            "Fire toll\n\nThe fire killed 63 people, police said on Friday. Only 18 of the dead "
            "had been identified. Of the injured, at least 57 were in intensive care.",
            "2024-10-31",
        ),
        (
            "Mourning\n\nOnly 18 of the dead had been identified by Saturday, and 160 people "
            "were injured in the blaze. At least 57 people were in intensive care.",
            "2024-11-01",
        ),
    )
    tolls = [
        {st.value for st in c.statements}
        for c in brief.claims
        if len(c.documents) > 1 and {60.0, 63.0} & {st.value for st in c.statements}
    ]
    injured = [
        {st.value for st in c.statements}
        for c in brief.claims
        if len(c.documents) > 1 and {162.0, 160.0} & {st.value for st in c.statements}
    ]
    # Those of the dead identified and those of the injured in intensive care are
    # parts of the tolls, not the tolls.
    assert tolls == [{60.0, 63.0}]
    assert injured == [{162.0, 160.0}]


@pytest.mark.model
@pytest.mark.issue(20)
def test_a_toll_naming_no_place_joins_the_place_whose_figures_are_nearest() -> None:
    # "The blast killed 248" matches the dead of both places; the toll of Tanzania was
    # opened first, but 248 is Kenya's figure.
    brief = _brief(
        ("Tanzania blast\n\nThe bombing in Tanzania killed 11 people on Friday.", "2024-08-08"),
        ("Kenya blast\n\nThe bombing in Kenya killed 247 people on Friday.", "2024-08-08"),
        ("Blast toll\n\nThe blast killed 248 people, officials said on Sunday.", "2024-08-10"),
    )
    by_values = _shared_values(brief)
    assert (247.0, 248.0) in by_values
    assert not any(11.0 in values for values in by_values)


@pytest.mark.model
@pytest.mark.issue(20)
def test_a_toll_of_places_joined_by_and_is_their_sum_not_one_places() -> None:
    brief = _brief(
        ("Kenya blast\n\nThe bombing in Kenya killed 247 people on Friday.", "2024-08-08"),
        # Names no place: it may join either, but must not chain them.
        ("Blast\n\nThe blast killed 247 people, officials said on Saturday.", "2024-08-09"),
        (
            "Twin blasts\n\nThe bombings in Kenya and Tanzania killed 257 people on Friday.",
            "2024-08-10",
        ),
        (
            "Blasts toll\n\nThe bombings in Kenya and Tanzania killed 258 people on Friday.",
            "2024-08-11",
        ),
    )
    by_values = _shared_values(brief)
    assert (247.0,) in by_values
    assert (257.0, 258.0) in by_values


@pytest.mark.model
@pytest.mark.issue(20)
@pytest.mark.parametrize(
    ("clause", "several"),
    [
        ("The bombings in Kenya and Tanzania killed", True),
        ("The bombings in Kenya and in Tanzania killed", True),
        ("The Kenyan and Tanzanian bombings killed", True),
        # A day in the subject is no figure of its own; the parser may join the wrong
        # words ("embassies" and "capital").
        (
            "Twin bombings at embassies in Peru and the Ecuadorian capital Quito on May 7 killed",
            True,
        ),
        # One country's towns, and a town with its country: one place's toll.
        ("The attacks in Nairobi and Mombasa, Kenya, killed", False),
        ("The bombing in Nairobi, Kenya, killed", False),
        # Peoples' adjectives beside a place are of the people, not places.
        ("A clash between Indian and Chinese troops in Kashmir killed", False),
    ],
)
def test_a_toll_of_places_joined_by_and_is_marked_a_sum(clause: str, several: bool) -> None:
    from storybrief.analysis.claims import SEVERAL, extract_statements

    brief = storybrief.brief(
        [{"text": f"Blasts\n\n{clause} 257 people on Friday.", "published": "2024-08-09"}]
    )
    (toll,) = [s for s in extract_statements(brief.documents[0], set()) if s.toll]
    assert (SEVERAL in {key for key, _ in toll.places}) is several


@pytest.mark.model
@pytest.mark.issue(20)
def test_a_verb_joined_to_another_shares_its_subjects_places() -> None:
    from storybrief.analysis.claims import SEVERAL, extract_statements

    text = (
        "Blasts\n\nNearly simultaneous bombings at embassies in Lima, Peru, and Quito, "
        "Ecuador, on May 7 killed 258 people and injured more than 5,500 people."
    )
    brief = storybrief.brief([{"text": text, "published": "2024-05-09"}])
    tolls = [s for s in extract_statements(brief.documents[0], set()) if s.toll]
    assert sorted(s.value for s in tolls) == [258, 5500]
    assert all(SEVERAL in {key for key, _ in s.places} for s in tolls)


@pytest.mark.model
@pytest.mark.issue(20)
def test_a_toll_of_a_town_is_one_with_its_countrys() -> None:
    brief = _brief(
        ("Kenya blast\n\nThe bombing in Kenya killed 247 people on Friday.", "2024-08-08"),
        ("Nairobi toll\n\nThe bombing in Nairobi killed 248 people on Friday.", "2024-08-09"),
        ("Tanzania toll\n\nThe bombing in Tanzania killed 11 people on Friday.", "2024-08-09"),
    )
    assert (247.0, 248.0) in _shared_values(brief)


@pytest.mark.parametrize(("other", "relation"), [("11", "conflict"), ("about 11", "agree")])
def test_claims_exact_figures_agree_only_when_equal(other: str, relation: str) -> None:
    claims = build_claims(
        [_stranded("10", "d1", "2024-03-05"), _stranded(other, "d2", "2024-03-05")]
    )
    (claim,) = _grouped(claims)
    assert claim.relation == relation


@pytest.mark.model
@pytest.mark.issue(20)
def test_shares_of_one_named_owner_are_one_quantity_and_other_owners_shares_apart() -> None:
    brief = _brief(
        ("Vote count\n\nAnna Kolb had 52.4 percent of the vote on Monday.", "2024-03-27"),
        ("Second place\n\nJohn Miller had 29.2 percent of the vote on Monday.", "2024-03-27"),
        (
            "Official result\n\nElection officials said on Wednesday that Anna Kolb "
            "collected 52.9 percent of ballots cast.",
            "2024-03-29",
        ),
    )
    groups = [sorted(st.value for st in c.statements) for c in brief.claims if c.unit == "percent"]
    assert [52.4, 52.9] in groups
    assert not any(29.2 in g and len(g) > 1 for g in groups)


@pytest.mark.model
@pytest.mark.issue(20)
def test_a_share_is_its_owner_s_however_the_sentence_puts_it_and_a_poll_s_is_not_the_vote_s() -> (
    None
):
    brief = _brief(
        (
            "Poll\n\nA poll released Tuesday showed 58 percent of respondents would choose "
            "Anna Kolb, to 15 percent for John Miller, her leading opponent.",
            "2024-03-12",
        ),
        (
            "Campaign\n\nKolb's nearest rival, party chief John Miller, trails with about 20 "
            "percent, while the other candidates barely show up in the polls.",
            "2024-03-19",
        ),
        (
            "Result\n\nJohn Miller was projected to take second place with 29.6 percent of "
            "the vote on Sunday.",
            "2024-03-25",
        ),
        ("Count\n\nJohn Miller finished second with 29.6 percent of the vote.", "2024-03-26"),
    )
    groups = [sorted(st.value for st in c.statements) for c in brief.claims if c.unit == "percent"]
    # "15 percent for Miller" and "Miller ... trails with about 20 percent": his, in polls.
    assert [15, 20] in groups
    # "was projected to take second place with 29.6 percent": Miller's, in the vote.
    assert [29.6, 29.6] in groups


@pytest.mark.model
@pytest.mark.issue(20)
def test_a_poll_share_is_of_the_one_chosen_or_of_the_he_it_was_given_to() -> None:
    brief = _brief(
        (
            "Poll\n\nRecent polls have shown Anna Kolb attracting the support of more than "
            "50 percent of the electorate.",
            "2024-01-14",
        ),
        (
            "Survey\n\nJohn Miller campaigned in the north. A poll released Tuesday showed 58 "
            "percent of respondents would choose Anna Kolb if the vote were held now.",
            "2024-02-08",
        ),
        (
            "Slip\n\nAnna Kolb spoke in the capital on Monday. Recent polls show her support "
            "down by 2 to 3 percentage points compared to the 60 percent she had received "
            "in recent weeks.",
            "2024-03-18",
        ),
    )
    groups = [sorted(st.value for st in c.statements) for c in brief.claims if c.unit == "percent"]
    # Kolb's share of the polls, however it is put: the one chosen, "she had received".
    assert [50, 58, 60] in groups


@pytest.mark.model
@pytest.mark.issue(20)
def test_a_poll_s_share_of_no_owner_is_not_a_share_the_vote_needs() -> None:
    brief = _brief(
        (
            "Campaign\n\nOpinion polls put his approval rating at more than 50 percent of "
            "the vote, 10 percent to 30 percent ahead of his nearest challenger.",
            "2024-03-07",
        ),
        (
            "Turnout\n\nThe turnout was 68.7 percent, far above the 50 percent needed to "
            "validate the vote.",
            "2024-04-05",
        ),
        (
            "Rally\n\nThe president held a rally in the capital on Sunday, and thousands of "
            "supporters came to see him.",
            "2024-03-09",
        ),
        (
            "Debate\n\nThe challenger attacked the president over the economy in a debate on "
            "Tuesday.",
            "2024-03-12",
        ),
    )
    fifty = [
        c for c in brief.claims if c.unit == "percent" and 50 in {st.value for st in c.statements}
    ]
    # What polls say people would do is not what the vote requires: two quantities.
    assert len(fifty) == 2
    assert all(len(c.documents) == 1 for c in fifty)


@pytest.mark.model
@pytest.mark.issue(20)
def test_the_murders_of_people_count_the_dead_but_a_count_of_murders_counts_charges() -> None:
    brief = _brief(
        (
            "Bombing\n\nThe bombing of the embassy in Valdor killed 12 Americans, officials "
            "said on Monday.",
            "2024-03-04",
        ),
        (
            "Indictment\n\nThe indictment charges him with the murders of 10 Americans at the "
            "embassy in Valdor.",
            "2024-03-05",
        ),
        (
            "Memorial\n\nA memorial service was held for the 12 Americans killed in the "
            "embassy bombing in Valdor.",
            "2024-03-07",
        ),
        (
            "Trial\n\nA guard at the Valdor camp was convicted of three murders and sentenced "
            "to 15 years.",
            "2024-03-06",
        ),
        (
            "Camp\n\nThree people were killed at the Valdor camp in 1995, the court heard.",
            "2024-03-06",
        ),
    )
    grouped = {
        tuple(sorted(st.value or 0 for st in c.statements)): c.relation
        for c in brief.claims
        if len(c.documents) > 1
    }
    # "the murders of 10 Americans": ten dead, against twelve before and after.
    assert grouped.get((10, 12, 12)) == "conflict"
    # "convicted of three murders" counts what he was convicted of, not the dead.
    assert (3, 3) not in grouped


@pytest.mark.model
@pytest.mark.issue(20)
def test_ages_are_in_years_and_one_person_s_ages_are_one_quantity() -> None:
    brief = _brief(
        ("Profile\n\nThe 47-year-old Anna Kolb took office on Monday.", "2024-03-27"),
        ("Sworn in\n\nAnna Kolb, 47, was sworn in on Monday, officials said.", "2024-03-27"),
        ("Deputy\n\nPiotr Quell, 47, will be her deputy, officials said.", "2024-03-28"),
    )
    ages = [c for c in brief.claims if c.unit == "age"]
    assert ages
    assert all(st.value == 47 for c in ages for st in c.statements)
    (kolb,) = [c for c in ages if len(c.documents) == 2]
    quell_doc = brief.documents[2].id
    assert quell_doc not in kolb.documents
    assert kolb.relation == "agree"


@pytest.mark.model
def test_a_length_is_given_in_the_unit_its_sources_write() -> None:
    brief = _brief(
        ("Ruler\n\nThe general ended his 17-year rule in a referendum.", "2024-05-07"),
        ("Vote\n\nAfter 17 years of rule, the general lost the referendum.", "2024-05-08"),
        ("Talks\n\nThe envoy has 40 days to file the request, the court said.", "2024-05-07"),
        ("Court\n\nThe envoy now has 40 days to file the request, the judge said.", "2024-05-08"),
    )
    lengths = {c.unit: c for c in brief.claims if len(c.documents) == 2}
    assert [st.value for st in lengths["years"].statements] == [17, 17]
    assert [r.value for r in lengths["years"].readings] == [17]
    assert [st.value for st in lengths["days"].statements] == [40, 40]


@pytest.mark.model
@pytest.mark.issue(20)
def test_a_year_since_which_something_has_been_so_is_a_year_of_the_story_s_history() -> None:
    brief = _brief(
        (
            "Army\n\nAs protests went on Friday, the army that's been the backbone to "
            "Calder's secular rulers since 1952 seemed to have had enough.",
            "2024-05-07",
        ),
        ("Rule\n\nThe republic born of the revolution of 1952 faces its test.", "2024-05-08"),
    )
    years = [c for c in brief.claims if c.unit == "year"]
    assert [sorted(st.value for st in c.statements) for c in years] == [[1952, 1952]]


@pytest.mark.model
def test_the_year_of_one_event_is_one_quantity() -> None:
    brief = _brief(
        ("Islands\n\nBritain fought the Falklands war in 1982, the minister said.", "2024-05-07"),
        ("Veterans\n\nVeterans of its 1982 war with Argentina met on Monday.", "2024-05-08"),
        ("Sub\n\nThe submarine was commissioned in 1995 and carries 24 missiles.", "2024-05-07"),
        ("Navy\n\nThe submarine, commissioned in 1994, sank on Monday.", "2024-05-08"),
        ("Deal\n\nThe two sides signed the deal on May 3, 1998, in Geneva.", "2024-05-07"),
    )
    years = [c for c in brief.claims if c.unit == "year"]
    war = next(c for c in years if "war" in (c.what or "").split(" / "))
    assert war.relation == "agree"
    assert len(war.documents) == 2
    # Two years for one event are two readings, not an evolution: a year holds for no time.
    built = next(c for c in years if c.what == "commission")
    assert built.relation == "differs"
    assert sorted(r.value for r in built.readings) == [1994, 1995]
    # A full date is the timeline's, not a year figure.
    assert not any(st.value == 1998 for c in years for st in c.statements)


@pytest.mark.model
@pytest.mark.issue(20)
def test_another_year_of_one_of_several_things_is_another_of_them() -> None:
    brief = _brief(
        ("Star\n\nThe actress told a magazine in a 2008 interview that she loved dogs.", None),
        ("Star\n\nThe actress told a newspaper in a 2011 interview that she loved dogs.", None),
        ("Court\n\nThe court upheld the 2016 ruling on the trademark on Tuesday.", None),
        ("Court\n\nThe court upheld the 2012 ruling on the trademark, lawyers said.", None),
    )
    joined = [
        sorted(st.value for st in c.statements)
        for c in brief.claims
        if c.unit == "year" and len(c.documents) > 1
    ]
    # "a 2008 interview" is one of her interviews; "the 2016 ruling" is the ruling.
    assert [2008, 2011] not in joined
    assert [2012, 2016] in joined


@pytest.mark.model
def test_an_unnamed_persons_age_is_the_named_persons_of_that_age() -> None:
    brief = _brief(
        (
            "Arrest\n\nGen. John Marsh, 82, was arrested by British police in London on Friday.",
            "2024-05-07",
        ),
        ("Arrest\n\nThe 82-year-old general was arrested in London on Friday.", "2024-05-08"),
        ("Hospital\n\nThe general, 82, had surgery in London this month.", "2024-05-09"),
        ("Crash\n\nA 15-year-old girl was hurt in a crash in London.", "2024-05-09"),
    )
    ages = [c for c in brief.claims if c.unit == "age"]
    (general,) = [c for c in ages if len(c.documents) > 1]
    assert len(general.documents) == 3
    assert general.relation == "agree"
    assert all(st.value == 82 for st in general.statements)


@pytest.mark.model
def test_one_measure_or_count_stated_twice_in_other_words_is_one_quantity() -> None:
    brief = _brief(
        (
            "Runway\n\nA tire burst while the plane was moving down the runway at about 195 mph "
            "and threw up large pieces of the tire, some of them weighing as much as 9 pounds.",
            "2024-05-07",
        ),
        (
            "Report\n\nThundering down the runway at around 195 mph for take-off, the plane lost "
            "thrust. Investigators photographed a nearly 9-pound tire part.",
            "2024-05-08",
        ),
        ("Air France\n\nThe airline found cracks in all seven of its Concorde jets.", "2024-05-07"),
        ("Fleet\n\nThe airline grounded its fleet of seven Concorde jets.", "2024-05-08"),
    )
    grouped = {c.unit: c for c in brief.claims if len(c.documents) == 2}
    assert grouped["mph"].relation == "agree"
    # A pound that is a weight is neither money nor a percentage.
    assert grouped["pound"].relation == "agree"
    assert not [c for c in brief.claims if c.unit in ("money", "percent")]
    # "seven of its Concorde jets" counts jets.
    assert grouped["count"].counts == "jet"


@pytest.mark.model
def test_those_aboard_and_those_on_the_ground_are_two_tolls_however_ordered() -> None:
    brief = _brief(
        (
            "Crash\n\nThe jet crashed after takeoff, killing all 109 people on board and four "
            "people on the ground.",
            "2024-05-07",
        ),
        (
            "Inquiry\n\nThe jet slammed into a small hotel north of the city shortly after "
            "takeoff. Four people on the ground and all 109 people in the plane were killed.",
            "2024-05-08",
        ),
        (
            "Victims\n\nThe crash claimed the lives of all 109 people aboard the jet and four on "
            "the ground.",
            "2024-05-09",
        ),
    )
    tolls = {
        frozenset(st.value for st in c.statements): len(c.documents)
        for c in brief.claims
        if c.unit == "count"
    }
    assert tolls == {frozenset({109}): 3, frozenset({4}): 3}


@pytest.mark.model
@pytest.mark.issue(20)
def test_a_toll_of_those_aboard_and_on_the_ground_is_the_whole_toll() -> None:
    brief = _brief(
        (
            "Crash\n\nA total of 270 people on board and on ground were killed when the jet "
            "blew up.",
            "2024-05-07",
        ),
        (
            "Anniversary\n\nAll 259 people aboard the jet and 11 people on ground were killed.",
            "2024-05-08",
        ),
        ("Memorial\n\nThe town paid tribute to the 270 people killed.", "2024-05-09"),
    )
    tolls = {
        frozenset(st.value for st in c.statements): len(c.documents)
        for c in brief.claims
        if c.unit == "count"
    }
    # Those aboard and those on the ground ("on ground": no article) are two tolls; a
    # toll said of both is the whole, the 270 killed.
    assert tolls == {frozenset({270}): 2, frozenset({259}): 1, frozenset({11}): 1}


@pytest.mark.model
def test_the_toll_of_an_earlier_disaster_stays_apart() -> None:
    brief = _brief(
        (
            "Sinking\n\nThe navy said 118 sailors were killed when the Kursk sank on Saturday.",
            "2000-08-20",
        ),
        ("Past\n\nIn April 1989, 42 sailors were killed when the Komsomolets sank.", "2000-08-21"),
        ("Toll\n\nAll 118 sailors were killed when the Kursk sank, the navy said.", "2000-08-22"),
    )
    (toll,) = [c for c in brief.claims if len(c.documents) > 1]
    assert toll.relation == "agree"
    assert [st.value for st in toll.statements] == [118, 118]


@pytest.mark.model
@pytest.mark.issue(20)
def test_a_toll_abroad_stays_apart_from_the_storys_own() -> None:
    brief = _brief(
        (
            "Crash\n\nThe jet crashed near Paris on Tuesday. Rescuers said 37 people were "
            "killed in the crash.",
            "2024-07-03",
        ),
        (
            "Inquiry\n\nInvestigators in France began to examine the wreck near Paris. A "
            "similar crash in Jakarta killed 41 people in May.",
            "2024-07-04",
        ),
        (
            "Toll\n\nThe crash near Paris killed 41 people, officials in France said.",
            "2024-07-05",
        ),
    )
    (toll,) = [c for c in brief.claims if len(c.documents) > 1]
    # The crash in Jakarta is another event; the toll near Paris rose from 37 to 41.
    (inquiry,) = [d.id for d in brief.documents if "Jakarta" in d.article.text]
    assert inquiry not in toll.documents
    assert sorted(st.value for st in toll.statements) == [37, 41]


@pytest.mark.model
@pytest.mark.issue(20)
def test_the_toll_of_an_earlier_disaster_told_over_two_sentences_stays_apart() -> None:
    # The earlier disaster's year is in the sentence before its toll.
    brief = _brief(
        (
            "Sinking\n\nThe navy said 118 sailors were killed when the Kursk sank on Saturday.",
            "2000-08-20",
        ),
        (
            "Past\n\nThe Komsomolets sank in April 1989. Its 69 sailors were killed in the fire.",
            "2000-08-21",
        ),
        ("Toll\n\nAll 118 sailors were killed when the Kursk sank, the navy said.", "2000-08-22"),
    )
    (toll,) = [c for c in brief.claims if len(c.documents) > 1]
    assert [st.value for st in toll.statements] == [118, 118]
    # In a paragraph of its own, a figure is of the story's time again.
    joined = _brief(
        (
            "Sinking\n\nThe navy said 118 sailors were killed when the Kursk sank on Saturday.",
            "2000-08-20",
        ),
        (
            "Past\n\nThe Komsomolets sank in April 1989.\n\nAll 118 sailors were killed in the "
            "Kursk, the navy said.",
            "2000-08-21",
        ),
    )
    (toll,) = [c for c in joined.claims if len(c.documents) > 1]
    assert [st.value for st in toll.statements] == [118, 118]


@pytest.mark.model
@pytest.mark.issue(20)
def test_a_part_of_a_toll_and_a_rough_guess_are_not_the_toll() -> None:
    brief = _brief(
        (
            "Raid\n\nThe raid killed 14 people, including three police officers, officials said. "
            "An inquiry could take a week or two.",
            "2024-06-03",
        ),
        (
            "Raid toll\n\nThe raid killed 14 people, among them three officers, the mayor said.",
            "2024-06-04",
        ),
    )
    grouped = {
        tuple(st.value for st in c.statements): c.relation
        for c in brief.claims
        if len(c.documents) > 1
    }
    assert grouped == {(14, 14): "agree", (3, 3): "agree"}
    assert not any(st.text == "two" for c in brief.claims for st in c.statements)


@pytest.mark.model
@pytest.mark.issue(20)
def test_a_figure_after_including_is_a_part_of_the_toll(make_article: Any) -> None:
    from storybrief.analysis.claims import extract_statements
    from storybrief.nlp.convert import parse_articles
    from storybrief.nlp.pipeline import load_nlp

    text = (
        "In Chile, seven Spaniards have been identified as missing or dead under the regime, "
        "including two Catholic priests and a U.N. official."
    )
    (doc,) = parse_articles([make_article(text)], load_nlp())
    who = {st.text: st.who for st in extract_statements(doc)}
    assert who == {"seven": "spaniards", "two": "priest"}  # a people, and a part


@pytest.mark.model
@pytest.mark.issue(20)
def test_a_year_long_past_is_one_event_in_undated_documents_too() -> None:
    # No publication dates: each was written no earlier than 1990, the latest year
    # it tells of as past, so 1973 is the story's history in both.
    brief = storybrief.brief(
        [
            {"text": "Profile\n\nRuiz seized power in 1973 and stepped down in 1990."},
            {"text": "Trial\n\nRuiz, who led a military coup in 1973, left office in 1990."},
        ]
    )
    years = {tuple(st.value for st in c.statements) for c in brief.claims if c.unit == "year"}
    assert (1973, 1973) in years


@pytest.mark.model
def test_the_share_of_the_vote_counted_is_not_the_winners_share() -> None:
    brief = _brief(
        (
            "Results\n\nWith 93 percent of the vote from Sunday's election counted by Monday "
            "morning, Vladimir Putin had 52.4 percent of the vote.",
            "2000-03-27",
        ),
        (
            "Winner\n\nVladimir Putin gained 52.9 percent of votes in the election, the "
            "commission said.",
            "2000-03-28",
        ),
    )
    share = next(c for c in brief.claims if any(st.value == 52.4 for st in c.statements))
    assert sorted(st.value for st in share.statements) == [52.4, 52.9]


@pytest.mark.model
def test_plural_names_days_and_what_a_percentage_changes_are_quantities() -> None:
    brief = _brief(
        (
            "Fleet\n\nAir France grounded its remaining five Concordes on Tuesday. The "
            "inauguration should take place 30 days after the official results. The government "
            "will boost pensions by 20 percent.",
            "2000-07-26",
        ),
        (
            "Jets\n\nAir France grounded its five remaining Concordes. The new president will be "
            "sworn into office in 30 days. Pensions would be increased by the same 20 percent.",
            "2000-07-27",
        ),
    )
    grouped = {c.unit: c for c in brief.claims if len(c.documents) == 2}
    assert [st.value for st in grouped["count"].statements] == [5, 5]
    assert [st.value for st in grouped["days"].statements] == [30, 30]
    assert [st.value for st in grouped["percent"].statements] == [20, 20]


@pytest.mark.model
def test_a_year_long_past_is_one_event_whatever_the_words() -> None:
    brief = _brief(
        ("Coup\n\nThe general led a 1973 coup, the court heard on Monday.", "1998-10-20"),
        ("Rule\n\nThe general seized power in 1973 and ruled until 1990.", "1998-10-21"),
    )
    (year,) = [c for c in brief.claims if c.unit == "year" and len(c.documents) == 2]
    assert [st.value for st in year.statements] == [1973, 1973]


@pytest.mark.model
def test_the_day_of_one_event_stated_by_two_sources_is_a_claim() -> None:
    # Undated documents: "Oct. 9" is a month and day of no known year, and the same
    # month and day of the same event agree; a day one source alone gives is the
    # timeline's, not a claim.
    brief = _brief(
        ("Minister\n\nThe minister was arrested in Lisbon on Oct. 16 at a clinic.", None),
        ("Clinic\n\nHe was arrested Oct. 16 while recovering from surgery.", None),
        ("Surgery\n\nThe minister had surgery on Oct. 9, his lawyer said.", None),
    )
    dates = [c for c in brief.claims if c.unit == "date"]
    (arrest,) = dates
    assert arrest.relation == "agree"
    assert len(arrest.documents) == 2
    assert [(st.text, st.value, st.time) for st in arrest.statements] == [
        ("Oct. 16", 16, "XXXX-10-16"),
        ("Oct. 16", 16, "XXXX-10-16"),
    ]
    for st in arrest.statements:
        doc = next(d for d in brief.documents if d.id == st.doc_id)
        assert doc.article.text[st.start : st.end] == st.text


@pytest.mark.model
@pytest.mark.issue(20)
def test_a_day_something_began_is_one_claim_however_the_beginning_is_put() -> None:
    brief = _brief(
        ("Strike\n\nThe dock strike in Calder started on March 4, the union said.", None),
        ("Talks\n\nTalks resumed a week after the dock strike began on March 4.", None),
        ("Ships\n\nThe first ships left Calder on March 4 for Norway.", None),
    )
    (began,) = [c for c in brief.claims if c.unit == "date"]
    assert (began.relation, len(began.documents)) == ("agree", 2)
    assert {st.time for st in began.statements} == {"XXXX-03-04"}


@pytest.mark.model
def test_one_day_two_sources_give_agrees_and_two_days_never_join() -> None:
    brief = _brief(
        (
            "Ferry\n\nThe ferry sank on Sunday off the coast, the coast guard said.",
            "2024-08-13",  # a Tuesday: Sunday is 11 August
        ),
        ("Ferry lost\n\nThe ferry sank on Aug. 11 off the coast, divers said.", "2024-08-15"),
        ("Protest\n\nHundreds gathered on Friday in the square, police said.", "2024-08-17"),
        ("Rally\n\nHundreds gathered on Saturday in the square, police said.", "2024-08-18"),
    )
    dates = [c for c in brief.claims if c.unit == "date"]
    (sank,) = [c for c in dates if c.what == "sink"]
    assert sank.relation == "agree"
    assert [st.time for st in sank.statements] == ["2024-08-11", "2024-08-11"]
    # Gathering on Friday and on Saturday are two happenings, not a conflict of dates.
    assert all(len({st.time for st in c.statements}) == 1 for c in dates)
    assert not any(c.what == "gather" for c in dates)


@pytest.mark.model
def test_a_year_written_with_its_month_dates_what_the_whole_expression_dates() -> None:
    # "in May 1977" hangs from "disappeared" through its month: the year dates the
    # disappearance as "in 1977" does.
    brief = _brief(
        ("Case\n\nThe student disappeared in May 1977, his family said.", "2024-05-07"),
        ("Court\n\nThe student, who disappeared in 1977, was never found.", "2024-05-08"),
    )
    (year,) = [c for c in brief.claims if c.unit == "year"]
    assert year.what == "disappear"
    assert len(year.documents) == 2
    assert year.relation == "agree"


@pytest.mark.model
def test_last_year_is_the_year_before_publication_and_joins_the_written_year() -> None:
    brief = _brief(
        ("Visit\n\nThe state visit was proposed last year, officials said.", "2018-04-26"),
        ("Plans\n\nThe state visit, proposed in 2017, was put off.", "2018-05-02"),
        ("Past\n\nThe town was bombed sixty years ago, its mayor said.", "2018-05-02"),
    )
    years = [c for c in brief.claims if c.unit == "year"]
    (proposed,) = [c for c in years if len(c.documents) == 2]
    assert sorted(st.value for st in proposed.statements) == [2017, 2017]
    assert proposed.relation == "agree"
    # "sixty years ago" is a round figure counted back, not a year a source states.
    assert not any(st.text.lower().startswith("sixty") for c in years for st in c.statements)


@pytest.mark.model
def test_a_rank_of_one_thing_is_one_quantity_and_never_a_count() -> None:
    brief = _brief(
        ("Protests\n\nProtests spread to Misrata, Libya's third-largest city.", "2024-05-07"),
        (
            "Clashes\n\nClashes broke out for the second time in Misrata, the third-largest city.",
            "2024-05-08",
        ),
        ("Talks\n\nThree cities sent envoys for the second time this week.", "2024-05-08"),
    )
    (rank,) = [c for c in brief.claims if c.unit == "rank"]
    assert (rank.counts, rank.relation, len(rank.documents)) == ("city", "agree", 2)
    assert [st.value for st in rank.statements] == [3, 3]
    # "The second time", though two sources write it, ranks nothing.
    assert not any(c.unit == "rank" and st.value == 2 for c in brief.claims for st in c.statements)


@pytest.mark.model
def test_a_day_something_happened_before_is_not_its_day() -> None:
    brief = _brief(
        ("Report\n\nThe report was released before Oct. 16, the ministry said.", None),
        ("Review\n\nThe report was released on Oct. 16, the ministry said.", None),
    )
    assert not [c for c in brief.claims if c.unit == "date"]


@pytest.mark.model
def test_a_day_of_unknown_year_never_chains_two_years_into_one_claim() -> None:
    brief = _brief(
        ("Memorial\n\nThe tower was attacked on Sept. 11, 2001, in New York.", "2021-09-10"),
        ("Anniversary\n\nThe tower was attacked on Sept. 11 in New York.", None),
        (
            "Drill\n\nThe tower was attacked on Sept. 11, 2020, in a drill in New York.",
            "2020-09-12",
        ),
    )
    for claim in brief.claims:
        if claim.unit == "date":
            years = {st.time[:4] for st in claim.statements if st.time and st.time[0] != "X"}
            assert len(years) <= 1


@pytest.mark.model
@pytest.mark.issue(20)
def test_one_exact_count_is_one_quantity_whatever_it_counts_and_small_ones_are_not() -> None:
    brief = _brief(
        (
            "Ferry sinks\n\nThe Calder ferry sank in the strait with 137 crew on board. "
            "Eight lifeboats were launched.",
            "2024-05-07",
        ),
        (
            "Search goes on\n\nDivers searched for the 137 sailors of the Calder ferry. "
            "Eight boats joined the search.",
            "2024-05-08",
        ),
    )
    (crew,) = [c for c in brief.claims if any(st.value == 137 for st in c.statements)]
    assert (len(crew.documents), crew.relation) == (2, "agree")
    # Eight lifeboats are not eight boats: a small count joins only what it counts.
    assert not any(
        len(c.documents) == 2 and {st.value for st in c.statements} == {8} for c in brief.claims
    )


@pytest.mark.model
@pytest.mark.issue(20)
def test_telephone_numbers_codes_and_calibres_are_no_counts() -> None:
    brief = _brief(
        (
            "Van sought\n\nPolice sought a van with plate 173GPS after a neighbour called 911. "
            "Anyone with information should call the sheriff at (423) 272-7555. "
            "The 911 call came at noon, and 137 officers joined the search. They carried a "
            ".357 magnum and a .22-caliber rifle. The crews work 24/7 since the 9/11 attacks.",
            "2024-05-07",
        ),
    )
    counted = {st.value for c in brief.claims for st in c.statements if c.unit == "count"}
    assert counted == {137}


@pytest.mark.model
@pytest.mark.issue(20)
def test_a_count_of_more_is_a_change_not_the_whole() -> None:
    brief = _brief(
        ("Arrests\n\nPolice in Calder said 14 people were arrested after the riot.", "2024-05-07"),
        (
            "More arrests\n\nPolice in Calder said two more people were arrested on Sunday. "
            "The riot killed 67 people, and another 173 were injured.",
            "2024-05-08",
        ),
        (
            "Hospitals\n\nHospitals in Calder said 173 people were injured in the riot.",
            "2024-05-09",
        ),
    )
    grouped = [c for c in brief.claims if len(c.documents) > 1]
    # "two more" adds to the 14; it is no second reading of the arrests.
    assert not any({st.value for st in c.statements} >= {14, 2} for c in grouped)
    # "another 173 were injured" after the dead is the injured's own count.
    (injured,) = [c for c in grouped if any(st.value == 173 for st in c.statements)]
    assert (injured.relation, len(injured.documents)) == ("agree", 2)


@pytest.mark.model
@pytest.mark.issue(20)
def test_a_speed_is_not_a_distance() -> None:
    from storybrief.analysis.claims import extract_statements

    brief = _brief(
        (
            "Train\n\nThe test train reached 300 km/h on a 300 km stretch; winds of 120 km per "
            "hour swept 120 km of coast, and the jet flew at 195 miles an hour.",
            "2024-05-07",
        ),
    )
    units = {(s.value, s.unit) for s in extract_statements(brief.documents[0], set())}
    assert {(300, "km/h"), (300, "km"), (120, "km/h"), (120, "km"), (195, "mile/h")} <= units


@pytest.mark.model
@pytest.mark.issue(20)
def test_a_toll_that_falls_well_below_an_earlier_one_is_another_episodes() -> None:
    brief = _brief(
        (
            "Protests\n\nPolice in Calder said five protesters were killed in the clashes.",
            "2024-01-10",
        ),
        (
            "Funerals\n\nFive protesters were killed in the first clashes, doctors said.",
            "2024-01-12",
        ),
        (
            "New clash\n\nSoldiers killed three protesters in Calder on Wednesday, doctors said.",
            "2024-01-24",
        ),
        ("Toll rises\n\nEight protesters were killed in the clash, doctors said.", "2024-01-25"),
    )
    grouped = [c for c in brief.claims if len(c.documents) > 1]
    tolls = sorted(sorted(st.value for st in c.statements) for c in grouped)
    # The first days' five dead are not the later clash's toll, which rose from 3 to 8.
    assert tolls == [[3, 8], [5, 5]]
    (later,) = [c for c in grouped if any(st.value == 8 for st in c.statements)]
    assert later.relation == "evolves"


@pytest.mark.model
@pytest.mark.issue(20)
def test_a_toll_corrected_down_a_little_stays_one() -> None:
    brief = _brief(
        ("Blast\n\nThe bombing in Calder killed 253 people, officials said.", "2024-01-10"),
        ("Toll\n\nThe bombing in Calder killed 248 people, officials said.", "2024-01-20"),
    )
    (toll,) = [c for c in brief.claims if len(c.documents) > 1]
    assert sorted(st.value for st in toll.statements) == [248, 253]


@pytest.mark.model
@pytest.mark.issue(20)
def test_a_round_figure_does_not_make_two_exact_ones_agree() -> None:
    brief = _brief(
        ("Blast\n\nThe bombing in Calder on Aug. 7 killed more than 250 people.", "1998-08-14"),
        ("Trial\n\nThe bombing in Calder on Aug. 7 killed 257 people.", "1998-09-05"),
        ("Inquiry\n\nThe bombing in Calder on Aug. 7 killed 258 people.", "1998-09-11"),
    )
    (toll,) = [c for c in brief.claims if c.unit == "count"]
    assert sorted(st.value for st in toll.statements) == [250, 257, 258]
    # "more than 250" fits both, but 257 is not 258: not one reading, and reported a week
    # apart the toll moved on (its sentences both date it to the day of the bombing).
    # (Since claims.v11 the first week's "more than 250" is a reading of its own too:
    # the exact figures came later.)
    assert [r.value for r in toll.readings] == [250, 257, 258]
    assert toll.relation == "evolves"


@pytest.mark.model
@pytest.mark.issue(20)
def test_a_toll_that_rose_within_rounding_evolves() -> None:
    brief = _brief(
        ("Blast\n\nThe bombing in Calder injured 5,000 people, officials said.", "2024-01-10"),
        ("Toll\n\nThe bombing in Calder injured more than 5,000 people.", "2024-01-12"),
        ("Aid\n\nThe bombing in Calder injured more than 5,400 people.", "2024-02-05"),
    )
    (toll,) = [c for c in brief.claims if len(c.documents) > 1]
    # The three agree as figures (round, qualified), but the larger was only
    # reported weeks after the others: the count went up.
    assert [r.value for r in toll.readings] == [5000, 5400]
    assert toll.relation == "evolves"


@pytest.mark.model
@pytest.mark.issue(20)
def test_a_toll_told_round_before_and_after_agrees() -> None:
    brief = _brief(
        ("Blast\n\nThe bombing in Calder injured about 5,000 people.", "2024-01-10"),
        ("Toll\n\nThe bombing in Calder injured 5,200 people, officials said.", "2024-01-12"),
        ("Aid\n\nThe bombing in Calder injured some 5,000 people.", "2024-02-05"),
    )
    (toll,) = [c for c in brief.claims if len(c.documents) > 1]
    # The round figure was told before and after the exact one: one figure.
    assert len(toll.readings) == 1
    assert toll.relation == "agree"


@pytest.mark.model
@pytest.mark.issue(20)
def test_two_sums_of_one_sentence_each_join_their_own_figure() -> None:
    brief = _brief(
        (
            "Will\n\nThe actress left her maid $15,000 and her driver $20,000, papers filed on "
            "Friday showed.",
            "2024-08-20",
        ),
        (
            "Bequests\n\nHer driver was given $20,000 and her maid was left $15,000 in the will.",
            "2024-08-21",
        ),
        ("Maid\n\nThe maid said she was shocked by her $15,000 bequest.", "2024-08-22"),
    )
    money = [c for c in brief.claims if c.unit == "money" and len(c.documents) > 1]
    # Each sum finds its own figure, not the first group its sentence's words match.
    assert sorted(sorted(st.value for st in c.statements) for c in money) == [
        [15000, 15000, 15000],
        [20000, 20000],
    ]


@pytest.mark.model
@pytest.mark.issue(20)
def test_different_figures_in_like_words_are_not_one_quantity() -> None:
    brief = _brief(
        (
            "Shares\n\nShares of Calder Bank closed at $46.20 on Tuesday, traders said.",
            "2024-08-20",
        ),
        (
            "Rally\n\nThe rally added about $30 to shares of Calder Bank since June, traders said.",
            "2024-08-21",
        ),
        ("Close\n\nCalder Bank shares closed at $46.20, traders said.", "2024-08-21"),
    )
    money = [c for c in brief.claims if c.unit == "money" and len(c.documents) > 1]
    # The same words around two figures do not make them one quantity: what a rally
    # added is not the price; the same price in like words is.
    assert [sorted(st.value for st in c.statements) for c in money] == [[46.2, 46.2]]


@pytest.mark.model
@pytest.mark.issue(20)
def test_a_scale_run_into_a_sum_is_part_of_it() -> None:
    from storybrief.analysis.claims import extract_statements

    brief = _brief(
        ("Pay\n\nThe chief was awarded $199m (£138m) worth of shares on Friday.", "2024-05-07"),
    )
    doc = brief.documents[0]
    found = {(s.value, s.currency) for s in extract_statements(doc, set()) if s.unit == "money"}
    assert found == {(199e6, "USD"), (138e6, "GBP")}
    assert all(
        doc.article.text[s.start : s.end].endswith("m")
        for s in extract_statements(doc, set())
        if s.unit == "money"
    )


@pytest.mark.model
@pytest.mark.issue(20)
def test_the_injured_follow_the_episode_of_the_dead_beside_them() -> None:
    brief = _brief(
        (
            "Protests\n\nPolice in Calder said five protesters were killed and 100 people were "
            "injured in the clashes.",
            "2024-01-10",
        ),
        (
            "Funerals\n\nFive protesters were killed and 120 people were injured in the first "
            "clashes, doctors said.",
            "2024-01-12",
        ),
        (
            "New clash\n\nSoldiers killed three protesters and injured 600 people in Calder on "
            "Wednesday, doctors said.",
            "2024-01-24",
        ),
        (
            "Toll rises\n\nEight protesters were killed and 850 people were injured in the "
            "clash, doctors said.",
            "2024-01-25",
        ),
    )
    grouped = sorted(
        sorted(st.value for st in c.statements) for c in brief.claims if len(c.documents) > 1
    )
    # The injured rise throughout, but the dead fall from five to three: the first
    # days' injured are not the later clash's.
    assert [100, 120] in grouped
    assert [600, 850] in grouped
    assert not any({120, 600} <= set(g) for g in grouped)


@pytest.mark.model
@pytest.mark.issue(20)
def test_a_count_takes_no_toll_word_of_another_clause() -> None:
    from storybrief.analysis.claims import extract_statements

    brief = _brief(
        (
            "Gaza\n\nMost were not hurt, aid workers said, in Calder, where 1.7 million people "
            "live. The blasts killed three people and injured and maimed more than 200 others. "
            "The fire left 60 people dead.",
            "2024-05-07",
        ),
    )
    tolls = {s.value: s.toll for s in extract_statements(brief.documents[0], set())}
    # The people who live in Calder are no toll; those maimed are the injured, not the
    # dead the first verb counts; "left 60 people dead" is a toll of its own clause.
    assert tolls[1.7e6] is None
    assert tolls[200] == "injured"
    assert tolls[60] == "deaths"


@pytest.mark.model
@pytest.mark.issue(20)
def test_a_figure_counts_the_toll_its_own_words_name() -> None:
    from storybrief.analysis.claims import extract_statements

    brief = _brief(
        (
            "Vigil\n\nThe student, beaten and left to die, was mourned by 1,000 people on "
            "Friday. The injured toll was lowered slightly to "
            "180, police said. The dead and injured were of 19 nationalities. A trader who "
            "was among 14 foreigners arrested was freed. Rescuers recorded the deaths of 23 "
            "people. Libya was told to hand over two suspects in the bombing that killed 270 "
            "people, and 31 people who were killed in it were named. Clinics perform 1.4 "
            "million a year, according to the National Right to Life Committee. The army "
            "gave no details of injuries sustained by 790 troops. The flu has not been as "
            "deadly, with 176 suspected deaths in Mexico.",
            "2024-05-07",
        ),
    )
    tolls = {s.value: s.toll for s in extract_statements(brief.documents[0], set())}
    # Mourners (the "by" of a passive) are no toll, whatever "die" says before them; an
    # "injured toll" is the injured; nationalities are no toll beside "the dead"; a toll
    # word in the figure's own phrase, or the noun it is "of", names its toll; but not
    # one in a clause of another noun of its phrase, nor a word of a name.
    assert tolls[1000] is None
    assert tolls[180] == "injured"
    assert tolls[19] is None
    assert tolls[14] == "arrested"
    assert tolls[23] == "deaths"
    assert tolls[2] is None
    assert tolls[270] == tolls[31] == "deaths"
    assert tolls[1.4e6] is None
    assert tolls[790] == "injured"
    assert tolls[176] == "deaths"


@pytest.mark.model
@pytest.mark.issue(20)
def test_how_long_ago_an_event_was_is_one_quantity_of_that_event() -> None:
    brief = _brief(
        (
            "Visit\n\nThe envoy came to Harwick, whose coalition was elected 18 months ago, "
            "after a two-week tour.",
            "2024-10-18",
        ),
        (
            "Talks\n\nThe envoy met the coalition, which replaced a caretaker government 18 "
            "months ago. Her 18-month mission ends in May.",
            "2024-10-19",
        ),
        ("Tour\n\nThe envoy's mission began 18 months ago.", "2024-10-19"),
    )
    grouped = [c for c in brief.claims if len(c.documents) > 1]
    ago = [c for c in grouped if any("ago" in st.text for st in c.statements)]
    # The coalition's age in two documents; not the mission's start, said of another
    # thing, nor the mission's length ("18-month"), which lasts rather than lies behind.
    assert len(ago) == 1
    assert sorted(st.text for st in ago[0].statements) == ["18 months ago", "18 months ago"]
    assert ago[0].relation == "agree"
    assert not any(
        "ago" in a.text and "ago" not in b.text
        for c in grouped
        for a in c.statements
        for b in c.statements
    )


@pytest.mark.model
@pytest.mark.issue(20)
def test_one_named_things_act_on_a_day_is_one_event_however_told() -> None:
    brief = _brief(
        ("Ferry lost\n\nThe Marisol sank in the Kettle Strait on March 3.", "2024-03-05"),
        (
            "Inquiry opens\n\nDivers reached the Marisol, which plunged to the seabed on March "
            "3. Officials said the Corvan ferry resumed service on March 3.",
            "2024-03-20",
        ),
        (
            "Report\n\nThe commission on the ferry Marisol sinking in the strait on March 3 "
            "met on Monday.",
            "2024-04-02",
        ),
    )
    (day,) = [c for c in brief.claims if c.unit == "date" and len(c.documents) > 1]
    # "sank", "plunged", "sinking": the Marisol's on March 3; not another ship's act.
    assert len(day.documents) == 3
    assert len(day.statements) == 3
    assert day.relation == "agree"


@pytest.mark.model
@pytest.mark.issue(20)
def test_counts_of_two_places_are_two_quantities() -> None:
    brief = _brief(
        (
            "Flu spreads\n\nHealth officials confirmed 64 cases in the United States on "
            "Tuesday. Seven people were infected in California, officials said.",
            "2024-04-29",
        ),
        (
            "Flu cases\n\nThe ministry has confirmed 13 cases in Canada. The agency "
            "confirmed 64 cases in the United States.",
            "2024-04-29",
        ),
        (
            "Outbreak\n\nIn all, 13 cases were confirmed across Canada, and two people were "
            "infected in Texas.",
            "2024-04-29",
        ),
    )
    grouped = [c for c in brief.claims if len(c.documents) > 1]
    # The United States' 64 and Canada's 13 are two counts, each told twice; California's
    # seven and Texas's two are no count of one thing.
    assert sorted(sorted(st.value for st in c.statements) for c in grouped) == [
        [13, 13],
        [64, 64],
    ]
    assert all(c.relation == "agree" for c in grouped)


@pytest.mark.model
@pytest.mark.issue(20)
def test_a_rate_is_no_figure_of_the_storys_events() -> None:
    from storybrief.analysis.claims import _similar, extract_statements

    brief = _brief(
        (
            "Flu toll\n\nThe outbreak has killed 176 people. Seasonal flu kills about 250,000 "
            "people every year, and as many as 90 people die here each day. Influenza kills "
            "250,000 people a year. The man was jailed for a year in 2005 and freed a year "
            "later, when 300 people died in a fire after a day's warning. After nearly a week "
            "of searching, only 30 bodies have been found, and savings come to $145,000 a "
            "month.",
            "2024-05-01",
        ),
    )
    statements = {s.text: s for s in extract_statements(brief.documents[0], set())}
    rates = {text for text, s in statements.items() if s.rate}
    # How often a toll recurs is a rate; "for a year", "a year later" say no such thing.
    # (A sum or a share "a year" is given in its unit, per annum: "rates hiked to 50
    # percent a year" is the rate another source gives as "more than 50 percent".)
    assert rates == {"about 250,000", "as many as 90", "250,000"}
    outbreak, fire = statements["176"], statements["300"]
    assert outbreak.toll
    assert fire.toll
    assert not outbreak.rate
    assert not fire.rate
    # A rate never joins a toll of events, however alike their words.
    assert not _similar(statements["250,000"], outbreak, 1.0)
    assert _similar(statements["250,000"], statements["about 250,000"], 1.0)


@pytest.mark.model
@pytest.mark.issue(20)
def test_one_verb_alone_does_not_make_two_figures_one_quantity() -> None:
    brief = _brief(
        (
            "Markets slide\n\nThe main index fell 0.9 percent on Monday. Acme's shares fell 3 "
            "percent.",
            "2024-04-27",
        ),
        (
            "Oil drops\n\nOil prices fell more than 2 percent to close to $50 a barrel. "
            "Acme's shares fell 5 percent.",
            "2024-04-28",
        ),
    )
    grouped = [c for c in brief.claims if len(c.documents) > 1]
    # The index's fall and oil's are two things falling; Acme's shares fell twice.
    assert [sorted(st.value for st in c.statements) for c in grouped] == [[3, 5]]


@pytest.mark.model
@pytest.mark.issue(20)
def test_one_counted_noun_alone_does_not_make_two_figures_one_quantity() -> None:
    brief = _brief(
        (
            "Arrests\n\nPolice said six Iraqis were arrested in the port over the bombing. "
            "Rescuers tried to reach the 116 sailors trapped aboard the sunken submarine.",
            "2024-08-15",
        ),
        (
            "Deported\n\nPolice said five Iraqis were deported from the port over the "
            "bombing. Divers will retrieve the bodies of the 118 sailors aboard the sunken "
            "submarine.",
            "2024-08-29",
        ),
    )
    grouped = [c for c in brief.claims if len(c.documents) > 1]
    # Six Iraqis arrested and five deported are two sets; 116 and 118 sailors, two
    # exact counts a few apart, are two accounts of one crew.
    assert [sorted(st.value for st in c.statements) for c in grouped] == [[116, 118]]
    assert grouped[0].relation == "evolves"


@pytest.mark.model
@pytest.mark.issue(20)
def test_a_live_pages_time_stamps_are_no_counts() -> None:
    from storybrief.analysis.claims import extract_statements

    brief = _brief(
        (
            "Swine flu cases rise\n\nThe outbreak has spread to Europe, officials say. \nI've "
            "heard about people being alive one day and stuck under the rubble, but who don't "
            'make it. " \n1319 Troylivesay tweets: " Yesterday there was only one gas station '
            "operating in town that I saw.\n1324 Acting CDC Director Richard Besser said the "
            "agency has confirmed 109 cases in the US.",
            "2009-04-30",
        ),
    )
    counts = [s for s in extract_statements(brief.documents[0], set()) if s.unit == "count"]
    # "1319" opening a line of a live page (its lines open with times) is the time of
    # the entry, not a count.
    assert [s.value for s in counts] == [109]


@pytest.mark.model
@pytest.mark.issue(20)
def test_a_count_given_as_a_level_is_of_the_set_the_story_counts() -> None:
    brief = _brief(
        (
            "Strike\n\nThe dockworkers' strike at the Port of Calder entered its second day, "
            "leaving roughly 1,200 shipping containers stranded on the quays.",
            "2024-03-05",
        ),
        (
            "Backlog\n\nMore than 3,400 shipping containers were stranded at the Port of "
            "Calder on Friday as the dockworkers' strike went on.",
            "2024-03-08",
        ),
    )
    grouped = [c for c in brief.claims if len(c.documents) > 1]
    # "leaving ... stranded" says how many there are: the stranded containers, which grew.
    assert [sorted(st.value for st in c.statements) for c in grouped] == [[1200, 3400]]
    assert grouped[0].relation == "evolves"


@pytest.mark.model
@pytest.mark.issue(20)
def test_magnitudes_and_multiples_are_not_the_toll() -> None:
    from storybrief.analysis.claims import extract_statements

    brief = _brief(
        (
            "Quake\n\nTuesday's 7.0 magnitude earthquake has killed about 45,000 people, the "
            "Red Cross said. The loss of life is typically 10 times higher in poor countries. "
            "The UN said 36 of its staff were killed in the earthquake.",
            "2010-01-14",
        ),
        (
            "Toll rises\n\nThe earthquake has killed 50,000 people, the Red Cross said. The UN "
            "said 36 of its staff were killed in the earthquake.",
            "2010-01-15",
        ),
    )
    statements = extract_statements(brief.documents[0], set())
    counts = {s.text: s for s in statements if s.unit == "count"}
    # A magnitude counts no dead; a multiple counts nothing.
    assert counts["about 45,000"].toll
    assert not counts["7.0"].toll
    assert "10" not in counts
    tolls = sorted(
        sorted(st.value for st in c.statements)
        for c in brief.claims
        if len(c.documents) > 1 and c.unit == "count"
    )
    assert tolls == [[36, 36], [45000, 50000]]


@pytest.mark.issue(20)
@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("45-50,000", 45_000),
        ("an estimated 8 to 15 million", 8_000_000),
        ("2-3 million", 2_000_000),
        ("45,000-50,000", 45_000),
        ("between 100 and 150", 100),
        ("3 to 2,000", 3),
        ("10-15", 10),
    ],
)
def test_a_range_written_with_its_scale_once_is_read_at_that_scale(
    written: str, value: float
) -> None:
    from storybrief.analysis.claims import _value

    assert _value(written)[0] == value


@pytest.mark.model
@pytest.mark.issue(20)
def test_counts_of_two_kinds_of_a_noun_are_two_quantities() -> None:
    brief = _brief(
        (
            "Flu\n\nHealth officials in the city reported 40 suspected cases on Monday. The "
            "suspect faces two robbery charges in the city court.",
            "2024-04-29",
        ),
        (
            "Flu spreads\n\nHealth officials in the city reported 40 confirmed cases on "
            "Monday. The suspect faces three charges of arson in the city court.",
            "2024-04-29",
        ),
        (
            "Outbreak\n\nHealth officials in the city reported 40 new cases on Monday.",
            "2024-04-29",
        ),
    )
    first, second, third = (d.id for d in brief.documents)
    grouped = [{st.doc_id: st.text for st in c.statements} for c in brief.claims]
    # Suspected and confirmed cases are two counts, robbery and arson charges two sets;
    # "new" says no kind: the 40 new cases join one of them.
    assert not any(first in g and second in g for g in grouped)
    assert any(third in g and len(g) == 2 for g in grouped)


@pytest.mark.model
@pytest.mark.issue(20)
def test_what_looks_like_a_multiple_a_stamp_or_a_rate_may_be_a_count() -> None:
    from storybrief.analysis.claims import extract_statements

    brief = _brief(
        (
            "1200 Workers Lose Their Jobs\n\nTwo Times reporters were detained on Monday. "
            "Police shot the man 41 times. Rescuers found 30 bodies a day after the storm.",
            "2024-05-02",
        ),
    )
    counts = {s.text: s for s in extract_statements(brief.documents[0], set()) if s.unit == "count"}
    # A headline's count, a newspaper's name and the day after the storm are no time
    # stamp, multiple or rate.
    assert {"1200", "Two", "30"} <= set(counts)
    assert not counts["30"].rate


@pytest.mark.model
@pytest.mark.issue(20)
def test_one_verb_or_one_actor_alone_joins_nothing() -> None:
    brief = _brief(
        (
            "Summit\n\nPutin met Bush in Moscow on Aug. 12. Smith said two years ago that the "
            "plan would fail.",
            "2024-08-14",
        ),
        (
            "Holiday\n\nPutin flew to Sochi on Aug. 12. The couple had a baby two years ago.",
            "2024-08-14",
        ),
    )
    # Two acts of one man on one day; two events two years back.
    assert not [c for c in brief.claims if len(c.documents) > 1]


@pytest.mark.issue(20)
def test_two_figures_joined_by_and_are_no_range() -> None:
    from storybrief.analysis.claims import _value

    assert _value("2 and 3,000")[0] == 2
    assert _value("between 45 and 50,000")[0] == 45_000


@pytest.mark.model
@pytest.mark.issue(20)
def test_a_range_the_tagger_cut_short_keeps_its_scale() -> None:
    from storybrief.analysis.claims import extract_statements

    # The tagger takes "45" of "45-50,000" for the whole figure.
    brief = _brief(
        ("Quake\n\nThe Red Cross says it believes 45-50,000 people died in the quake.", None)
    )
    (statement,) = [s for s in extract_statements(brief.documents[0], set()) if s.unit == "count"]
    assert (statement.text, statement.value) == ("45-50,000", 45_000)


@pytest.mark.model
@pytest.mark.issue(20)
def test_a_groups_size_is_no_toll_near_its_figure() -> None:
    brief = _brief(
        (
            "Famine\n\nAn aid worker said at least 1 million people had died in the famine.",
            "2024-05-07",
        ),
        ("Army\n\nThe country's 1.1 million-strong army is the region's largest.", "2024-05-08"),
        ("Toll\n\nOfficials said 1 million people had died in the famine.", "2024-05-09"),
    )
    groups = {
        frozenset(st.value for st in c.statements): len(c.documents)
        for c in brief.claims
        if c.unit == "count"
    }
    # The army's size ("-strong": its members) and the famine's toll are two quantities,
    # though their figures are near.
    assert groups == {frozenset({1_000_000}): 2, frozenset({1_100_000}): 1}


@pytest.mark.model
@pytest.mark.issue(20)
def test_an_unnamed_age_two_named_people_share_joins_neither() -> None:
    brief = _brief(
        (
            "Charged\n\nPolice said Russell Dane, 21, was charged on Friday with the assault.",
            "2024-05-07",
        ),
        ("Vigil\n\nThe 21-year-old student was remembered at a vigil on Sunday.", "2024-05-08"),
        (
            "Court\n\nPolice said Aaron Olsen, 21, appeared in court on Monday with Russell Dane.",
            "2024-05-09",
        ),
        (
            "Denied\n\nPolice said Russell Dane, the 21-year-old driver, denied the charges on Tuesday.",
            "2024-05-10",
        ),
    )
    whose = {d.id: d.article.title.value if d.article.title else "" for d in brief.documents}
    ages = [{whose[st.doc_id] for st in c.statements} for c in brief.claims if c.unit == "age"]
    # Dane and Olsen are both 21: the student may be either (or neither), so his age
    # joins no one's, and theirs are two people's; "the 21-year-old driver" beside
    # Dane's name is Dane's.
    assert sorted(map(sorted, ages)) == [["Charged", "Denied"], ["Court"], ["Vigil"]]


@pytest.mark.model
@pytest.mark.issue(20)
def test_a_death_that_says_when_is_no_toll_of_the_figure() -> None:
    brief = _brief(
        (
            "Messages\n\nHours after Dane's death, two groups received messages praising "
            "the attack.",
            "2024-05-07",
        ),
        ("Toll\n\nThe attack in Laramie killed three people, police said.", "2024-05-08"),
    )
    # Two groups that received messages are no toll of the dead, so no earlier reading
    # of the three killed.
    assert [len(c.documents) for c in brief.claims if c.unit == "count"] == [1, 1]


@pytest.mark.model
@pytest.mark.issue(20)
def test_a_count_of_a_verb_with_its_own_object_takes_no_toll_of_the_verb_beside_it() -> None:
    from storybrief.analysis.claims import extract_statements

    brief = _brief(
        (
            "Storm\n\nThe storm destroyed 300 homes and killed 12 people. The virus has "
            "infected an estimated 1,000 people and killed around 150. The blast injured "
            "and maimed 200 people in the market.",
            "2024-05-07",
        )
    )
    tolls = {s.value: s.toll for s in extract_statements(brief.documents[0], None)}
    # Homes destroyed and people infected are not dead; "injured and maimed 200" share
    # their object.
    assert tolls == {300: None, 12: "deaths", 1000: None, 150: "deaths", 200: "injured"}


@pytest.mark.model
@pytest.mark.issue(20)
def test_a_size_of_a_thing_joins_only_the_same_size() -> None:
    brief = _brief(
        (
            "Charged\n\nProsecutors charged him in a 238-count indictment on Wednesday.",
            "2024-05-07",
        ),
        ("Unsealed\n\nThe 238-page indictment was unsealed in New York on Thursday.", "2024-05-08"),
        ("Counts\n\nHe pleaded not guilty to the 238-count indictment on Friday.", "2024-05-09"),
    )
    groups = [
        sorted(st.doc_id for st in c.statements)
        for c in brief.claims
        if c.unit == "count" and len(c.documents) > 1
    ]
    counts = sorted(d.id for d in brief.documents if "count" in d.article.text)
    # 238 counts and 238 pages are two sizes of one indictment.
    assert groups == [counts]


@pytest.mark.model
@pytest.mark.issue(20)
def test_a_toll_told_as_a_participle_holds_where_its_clause_acted() -> None:
    brief = _brief(
        ("Bombing\n\nThe bombing in Nairobi killed 213 people, police said.", "2024-05-07"),
        (
            "Strikes\n\nThe United States retaliated by firing missiles at camps in eastern "
            "Afghanistan, killing 26 people.",
            "2024-05-08",
        ),
        ("Toll\n\nThe blast in Nairobi killed 213 people, officials said.", "2024-05-09"),
    )
    groups = [sorted(st.value for st in c.statements) for c in brief.claims if len(c.documents) > 1]
    # The 26 killed in Afghanistan are not a reading of the toll in Nairobi.
    assert groups == [[213, 213]]


@pytest.mark.model
@pytest.mark.issue(20)
def test_a_vague_count_joins_only_figures_it_may_stand_for() -> None:
    brief = _brief(
        (
            "Campus\n\nThe killing of the student elicited two candlelight vigils on the "
            "campus in Laramie.",
            "2024-05-07",
        ),
        (
            "Nation\n\nThe killing of the student elicited dozens of candlelight vigils "
            "across the country.",
            "2024-05-08",
        ),
        (
            "Country\n\nThe killing of the student elicited hundreds of candlelight vigils "
            "across the country.",
            "2024-05-09",
        ),
    )
    groups = [
        sorted(st.text.lower() for st in c.statements)
        for c in brief.claims
        if c.unit == "count" and len(c.documents) > 1
    ]
    # Neither "dozens" nor "hundreds" is a reading of two.
    assert not any("two" in group for group in groups)


@pytest.mark.model
@pytest.mark.issue(20)
def test_a_figure_a_clause_only_supposes_is_no_statement() -> None:
    from storybrief.analysis.claims import extract_statements

    brief = _brief(
        (
            "Deal\n\nThe company is worth $61.1 billion. If they fork out $60 billion, the "
            "refinery will close, a worker said. Unless 500 workers return, the plant stops.",
            "2024-05-07",
        )
    )
    values = sorted(s.value for s in extract_statements(brief.documents[0], None) if s.value)
    assert values == [61.1e9]


@pytest.mark.model
@pytest.mark.issue(20)
def test_two_kinds_of_the_dead_are_two_tolls() -> None:
    brief = _brief(
        ("Army\n\nFifty-six soldiers have been killed since the offensive began.", "2024-05-07"),
        ("Civilians\n\nThree civilians have been killed since the offensive began.", "2024-05-08"),
        (
            "Toll\n\nFifty-six soldiers have been killed in the offensive, the army said.",
            "2024-05-09",
        ),
    )
    groups = [sorted(st.value for st in c.statements) for c in brief.claims if c.unit == "count"]
    # Soldiers and civilians killed are two parts of the dead, not two readings of one toll.
    assert sorted(groups) == [[3], [56, 56]]


@pytest.mark.model
@pytest.mark.issue(20)
def test_two_ages_of_one_person_told_days_apart_conflict_they_do_not_evolve() -> None:
    brief = _brief(
        ("Climber dies\n\nTomas Lind, 32, fell 600 metres on Mount Sefton.", "2024-09-14"),
        ("Fall\n\nThe 32-year-old Tomas Lind fell while climbing Mount Sefton.", "2024-09-14"),
        ("Lind named\n\nEnglishman Tomas Lind, 31, fell on Mount Sefton.", "2024-09-16"),
    )
    (lind,) = [c for c in brief.claims if c.unit == "age" and len(c.documents) == 3]
    assert sorted(r.value for r in lind.readings) == [31, 32]
    # Two days apart, one man is not both 32 and 31 by a birthday: the sources disagree.
    assert lind.relation == "conflict"


@pytest.mark.model
@pytest.mark.issue(20)
def test_a_length_written_against_its_figure_is_no_count() -> None:
    brief = _brief(
        (
            "Climb\n\nTomas Lind died after falling about 60m from a ridge on Friday. Two "
            "climbers died on Mount Sefton at the weekend.",
            "2024-09-14",
        ),
        (
            "Fall\n\nA second climber fell about 600m near a hut. Rescuers raised £60m for "
            "the park, and two climbers were rescued. The film's audience peaked at 6.9m.",
            "2024-09-15",
        ),
    )
    units = {st.text: c.unit for c in brief.claims for st in c.statements}
    # "60m" from a ridge is a length, never a count beside the climbers.
    assert units["about 60"] == "meter"
    assert units["about 600"] == "meter"
    assert any(u.startswith("money") for u in units.values())
    # A decimal with its "m" is a million more often than a length: no length here.
    assert units.get("6.9") != "meter"
    assert all(
        st.value != 60 for c in brief.claims if c.unit.startswith("count") for st in c.statements
    )
