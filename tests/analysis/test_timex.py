"""Temporal expressions: normalised against an anchor date, found in hand-built
documents (no model), in parsed briefs, and the TempEval-3 gate."""

from __future__ import annotations

import datetime as dt
import json

import pytest

import storybrief
from storybrief.analysis.timex import document_timexes, month_day, normalize, range_pieces
from storybrief.model import ParsedArticle
from tests.conftest import SHARED, TokenSpec, build_parsed, load_benchmark
from tests.gold.pin import floor

FRIDAY = dt.date(2024, 3, 8)  # a Friday
WEDNESDAY = dt.date(2024, 5, 8)


@pytest.mark.parametrize(
    ("text", "tense", "value"),
    [
        ("Monday", "past", "2024-03-04"),
        ("on Monday", "future", "2024-03-11"),
        ("Friday", "past", "2024-03-08"),
        ("Sunday", None, "2024-03-03"),
        ("next Monday", None, "2024-03-11"),
        ("yesterday", None, "2024-03-07"),
        ("today", None, "2024-03-08"),
        ("last week", None, "2024-W09"),
        ("this week", None, "2024-W10"),
        ("next week", None, "2024-W11"),
        ("last month", None, "2024-02"),
        ("next year", None, "2025"),
        ("last year", None, "2023"),
        ("two years ago", None, "2022"),
        ("three days ago", None, "2024-03-05"),
        ("October", "past", "2023-10"),
        ("June", "future", "2024-06"),
        ("last June", None, "2023-06"),
        ("Feb. 28", "past", "2024-02-28"),
        ("April 7", "future", "2024-04-07"),
        ("Feb. 3, 2013", None, "2013-02-03"),
        ("February 2013", None, "2013-02"),
        ("2009", None, "2009"),
        ("the 1990s", None, "199"),
        ("the 20th century", None, "19"),
        ("last summer", None, "2023-SU"),
        ("now", None, "PRESENT_REF"),
        ("the past", None, "PAST_REF"),
        ("Sunday night", "past", "2024-03-03TNI"),
    ],
)
def test_dates_resolve_against_the_anchor_and_tense(
    text: str, tense: str | None, value: str
) -> None:
    assert normalize(text, FRIDAY, tense)[1] == value  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("22 months", "P22M"),
        ("two-year", "P2Y"),
        ("the past three months", "P3M"),
        ("a decade", "P10Y"),
        ("the last twenty four hours", "PT24H"),
        ("several days", "PXD"),
        ("years", "PXY"),
        ("a couple of years", "P2Y"),
        ("a mere 24 hours", "PT24H"),
        ("about a month earlier", "P1M"),
        ("two years later", "P2Y"),
    ],
)
def test_durations_have_their_length_and_no_anchor(text: str, value: str) -> None:
    kind, got, _, relative = normalize(text, None)
    assert (kind, got, relative) == ("DURATION", value, False)


def test_modifiers_are_kept_apart_from_the_value() -> None:
    assert normalize("early December", FRIDAY, "past")[1:3] == ("2023-12", "START")
    assert normalize("late 2013", None)[1:3] == ("2013", "END")
    assert normalize("almost seven years", None)[1:3] == ("P7Y", "LESS_THAN")
    assert normalize("just over a week", None)[1:3] == ("P1W", "MORE_THAN")
    assert normalize("just six years ago", FRIDAY)[1] == "2018"


def test_relative_expressions_without_an_anchor_stay_unknown() -> None:
    for text in ("on Monday", "last week", "yesterday", "June", "two years ago"):
        _kind, value, _, relative = normalize(text, None, "past")
        assert value is None
        assert relative
    # ... but absolute ones do not need it.
    assert normalize("March 5, 2024", None)[1] == "2024-03-05"


def test_a_day_that_cannot_be_gives_no_date_not_its_month() -> None:
    for text in ("32 March 2025", "0 June 2010", "Feb. 30, 2024"):
        assert normalize(text, FRIDAY)[1] is None, text
    assert normalize("June 2010", FRIDAY)[1] == "2010-06"


@pytest.mark.parametrize(
    ("written", "pieces"),
    [
        ("2009-2010", [("2009", "2009"), ("2010", "2010")]),
        ("1957-58", [("1957", "1957"), ("58", "1958")]),
        ("between 12 and 18 months", [("12", "P12M"), ("18 months", "P18M")]),
        ("March 5, 2024", [("March 5, 2024", "2024-03-05")]),
        ("1992 and 1993", [("1992", "1992"), ("1993", "1993")]),
        ("from 1994 to last year", [("1994", "1994"), ("last year", "2023")]),
    ],
)
def test_a_range_gives_each_of_its_ends(written: str, pieces: list[tuple[str, str]]) -> None:
    text = f"It ran {written}, the report said."
    start = text.index(written)
    found = range_pieces(text, start, start + len(written))
    assert [(text[s:e], normalize(t, FRIDAY)[1]) for s, e, t in found] == pieces


# --- In hand-built documents: the tense of the verb, no model -------------------------------


def _reopens(*verb: TokenSpec) -> ParsedArticle:
    """'The bridge <verb> on Monday.', the verb's tokens given (auxiliaries first)."""
    written = " ".join(v[0] for v in verb)
    return build_parsed(
        f"The bridge {written} on Monday.",
        [
            [
                ("The", "the", "DET", "DT", "det", "bridge"),
                ("bridge", "bridge", "NOUN", "NN", "nsubj", 1 + len(verb)),
                *verb,
                ("on", "on", "ADP", "IN", "prep", 1 + len(verb)),
                ("Monday", "Monday", "PROPN", "NNP", "pobj", "on"),
                ".",
            ]
        ],
        [("Monday", "DATE")],
    )


@pytest.mark.parametrize(
    ("verb", "value"),
    [
        ([("reopened", "reopen", "VERB", "VBD", "ROOT", None)], "2024-05-06"),
        (
            [
                ("will", "will", "AUX", "MD", "aux", 3),
                ("reopen", "reopen", "VERB", "VB", "ROOT", None),
            ],
            "2024-05-13",
        ),
        # A timetable in the present tense: the Monday to come.
        ([("reopens", "reopen", "VERB", "VBZ", "ROOT", None)], "2024-05-13"),
    ],
    ids=["past", "future", "timetable"],
)
def test_timex_a_weekday_is_the_one_its_verbs_tense_points_to(
    verb: list[TokenSpec], value: str
) -> None:
    (timex,) = document_timexes(_reopens(*verb), WEDNESDAY)
    assert (timex.text, timex.type, timex.value, timex.relative) == ("Monday", "DATE", value, True)


def test_timex_a_weekday_without_an_anchor_stays_unresolved() -> None:
    doc = _reopens(("reopened", "reopen", "VERB", "VBD", "ROOT", None))
    (timex,) = document_timexes(doc, None)
    assert (timex.text, timex.value, timex.relative) == ("Monday", None, True)


@pytest.mark.parametrize(("dep", "found"), [("compound", []), ("npadvmod", ["Sunday"])])
def test_timex_a_weekday_that_modifies_a_noun_is_no_date(dep: str, found: list[str]) -> None:
    doc = build_parsed(
        "Crews will work Sunday shifts.",
        [
            [
                ("Crews", "crew", "NOUN", "NNS", "nsubj", "work"),
                ("will", "will", "AUX", "MD", "aux", "work"),
                ("work", "work", "VERB", "VB", "ROOT", None),
                (
                    "Sunday",
                    "Sunday",
                    "PROPN",
                    "NNP",
                    dep,
                    "shifts" if dep == "compound" else "work",
                ),
                ("shifts", "shift", "NOUN", "NNS", "dobj", "work"),
                ".",
            ]
        ],
        [("Sunday", "DATE")],
    )
    assert [t.text for t in document_timexes(doc, WEDNESDAY)] == found


def test_timex_a_weekday_after_on_or_glued_to_a_name_is_a_date() -> None:
    # The parser reads "Friday" as part of the name that follows it.
    doc = build_parsed(
        "On Friday Ada Salim was charged.",
        [
            [
                ("On", "on", "ADP", "IN", "prep", "charged"),
                ("Friday", "Friday", "PROPN", "NNP", "compound", "Salim"),
                ("Ada", "Ada", "PROPN", "NNP", "compound", "Salim"),
                ("Salim", "Salim", "PROPN", "NNP", "pobj", "On"),
                ("was", "be", "AUX", "VBD", "auxpass", "charged"),
                ("charged", "charge", "VERB", "VBN", "ROOT", None),
                ".",
            ]
        ],
        [("Friday", "DATE"), ("Ada Salim", "PERSON")],
    )
    assert [(t.text, t.value) for t in document_timexes(doc, WEDNESDAY)] == [
        ("Friday", "2024-05-03")
    ]


@pytest.mark.issue(20)
def test_timex_a_verb_the_tagger_ran_into_a_date_is_not_the_dates() -> None:
    doc = build_parsed(
        "The mayor flew Tuesday to Calder.",
        [
            [
                ("The", "the", "DET", "DT", "det", "mayor"),
                ("mayor", "mayor", "NOUN", "NN", "nsubj", "flew"),
                ("flew", "fly", "VERB", "VBD", "ROOT", None),
                ("Tuesday", "Tuesday", "PROPN", "NNP", "npadvmod", "flew"),
                ("to", "to", "ADP", "IN", "prep", "flew"),
                ("Calder", "Calder", "PROPN", "NNP", "pobj", "to"),
                ".",
            ]
        ],
        [("flew Tuesday", "DATE"), ("Calder", "GPE")],
    )
    assert [(t.text, t.value) for t in document_timexes(doc, WEDNESDAY)] == [
        ("Tuesday", "2024-05-07")
    ]


def test_timex_four_digits_outside_the_years_of_news_are_no_year() -> None:
    assert normalize("4590", FRIDAY)[1] is None
    assert normalize("1970", FRIDAY)[1] == "1970"


def test_timex_a_weekday_tagged_apart_from_its_part_of_the_day_is_one_expression() -> None:
    doc = build_parsed(
        "The two sides met on Friday afternoon.",
        [
            [
                ("The", "the", "DET", "DT", "det", "sides"),
                ("two", "two", "NUM", "CD", "nummod", "sides"),
                ("sides", "side", "NOUN", "NNS", "nsubj", "met"),
                ("met", "meet", "VERB", "VBD", "ROOT", None),
                ("on", "on", "ADP", "IN", "prep", "met"),
                ("Friday", "Friday", "PROPN", "NNP", "compound", "afternoon"),
                ("afternoon", "afternoon", "NOUN", "NN", "pobj", "on"),
                ".",
            ]
        ],
        [("Friday", "DATE"), ("afternoon", "TIME")],
    )
    found = [(t.text, t.type, t.value) for t in document_timexes(doc, dt.date(2024, 3, 9))]
    assert found == [("Friday afternoon", "TIME", "2024-03-08TAF")]


# --- Parsed briefs and the TempEval-3 gate (the English model) ------------------------------

TEMPEVAL = SHARED / "eval" / "tempeval3" / "tempeval3_timex.jsonl"


@pytest.mark.slow
@pytest.mark.model
@pytest.mark.skipif(not TEMPEVAL.is_file(), reason=f"{TEMPEVAL} not found")
def test_timex_value_f1_on_tempeval3_beats_dateparser() -> None:
    bench = load_benchmark("timex")
    with TEMPEVAL.open(encoding="utf-8") as lines:
        records = [r for line in lines if (r := json.loads(line))["split"] == "test_platinum"]
    docs = bench.parse(records)
    anchors = [dt.date.fromisoformat(r["dct"][:10]) for r in records]
    gold = [[(t["start"], t["end"], t["value"]) for t in r["timexes"]] for r in records]
    ours = [
        [(t.start, t.end, t.value) for t in document_timexes(d, a)]
        for d, a in zip(docs, anchors, strict=True)
    ]
    theirs = [
        [(s, e, bench.dateparser_value(d.article.text[s:e], a)) for s, e, _ in spans]
        for d, a, spans in zip(docs, anchors, ours, strict=True)
    ]
    f1 = 100 * bench.value_f1(gold, ours)[2]
    assert f1 >= floor("timex_tempeval3_value_f1")
    assert f1 >= 100 * bench.value_f1(gold, theirs)[2] + 15


@pytest.mark.model
def test_a_weekday_and_its_part_of_the_day_are_one_expression() -> None:
    brief = storybrief.brief(
        [
            {
                "text": "Ferry talks\n\nThe two sides met again on Friday afternoon and agreed "
                "on a timetable, the operator said.",
                "published": "2024-03-09",
            }
        ]
    )
    doc = brief.documents[0]
    found = [(t.text, t.value) for t in document_timexes(doc, dt.date(2024, 3, 9))]
    assert ("Friday afternoon", "2024-03-08TAF") in found
    assert [e.date for e in brief.timeline] == ["2024-03-08"]


@pytest.mark.model
def test_what_a_source_said_would_happen_is_dated_ahead() -> None:
    brief = storybrief.brief(
        [
            {
                "text": "Lights review\n\nThe highways department said it would review the "
                "traffic lights on the detour in May, after the bridge reopened in March.",
                "published": "2024-04-05",
            }
        ]
    )
    # Without a publication day, a month without its year stays unknown.
    assert all(t.value is None for t in document_timexes(brief.documents[0], None))
    found = {t.text: t.value for t in document_timexes(brief.documents[0], dt.date(2024, 4, 5))}
    # "would review … in May": the May to come; "reopened in March": the one past.
    assert found["May"] == "2024-05"
    assert found["March"] == "2024-03"


@pytest.mark.model
def test_a_participles_clause_takes_the_tense_of_its_verb() -> None:
    brief = storybrief.brief(
        [
            {
                "text": "Ferry inquiry\n\nThe Northern Star sank off Harwick shortly after "
                "leaving port on Nov. 14, killing all 31 people aboard on Nov. 14. "
                "The minister will travel to Harwick, arriving on Friday for talks.",
                "published": "2024-08-21",  # a Wednesday, nine months after the sinking
            }
        ]
    )
    doc = brief.documents[0]
    found = [(t.text, t.value) for t in document_timexes(doc, dt.date(2024, 8, 21))]
    # "sank ... after leaving port on Nov. 14", "sank ..., killing ... on Nov. 14": the
    # November past, not the nearest one (to come); "will travel ..., arriving on
    # Friday": the Friday ahead.
    assert found.count(("Nov. 14", "2023-11-14")) == 2
    assert ("Friday", "2024-08-23") in found


@pytest.mark.model
def test_a_timetable_in_the_present_tense_is_dated_ahead() -> None:
    brief = storybrief.brief(
        [
            {
                "text": "Bridge works\n\nThe Harlow bridge reopens on Monday after six months "
                "of repairs. The tender for the works closes Nov. 21, the county said.",
                "published": "2024-11-06",  # a Wednesday
            }
        ]
    )
    found = {t.text: t.value for t in document_timexes(brief.documents[0], dt.date(2024, 11, 6))}
    assert found["Monday"] == "2024-11-11"
    assert found["Nov. 21"] == "2024-11-21"
    # An untensed verb takes the tense of the verb it completes.
    later = storybrief.brief(
        [
            {
                "text": "Port calls\n\nBaltic Arrow said it would keep calling at the port "
                "until July, a spokesman said.",
                "published": "2024-05-24",
            }
        ]
    )
    values = {t.text: t.value for t in document_timexes(later.documents[0], dt.date(2024, 5, 24))}
    assert values["July"] == "2024-07"


# --- timex.v4: limits, schedules, names, weeks counted in days, anaphoric days -------------

MONDAY = dt.date(2024, 8, 12)


@pytest.mark.parametrize(
    ("text", "tense", "value"),
    [
        # "Three weeks ago" from a Wednesday is a Wednesday: the text counts days.
        ("three weeks ago", None, "2024-04-17"),
        ("a week ago", None, "2024-05-01"),
        ("January last year", "past", "2023-01"),
        ("Tuesday last week", "past", "2024-04-30"),
        ("Friday next week", None, "2024-05-17"),
        # Neither way: the nearest such day or month.
        ("September", "near", "2024-09"),
        ("March", "near", "2024-03"),
        ("Sunday", "near", "2024-05-05"),
        ("Friday", "near", "2024-05-10"),
    ],
)
def test_timex_v4_relative_dates(text: str, tense: str | None, value: str) -> None:
    assert normalize(text, WEDNESDAY, tense)[1] == value  # type: ignore[arg-type]


def _sentence(words: list[TokenSpec], date: str, *, anchor: dt.date = MONDAY) -> list[str]:
    text = " ".join(w if isinstance(w, str) else w[0] for w in words)
    doc = build_parsed(text, [words], [(date, "DATE")])
    return [t.value or "" for t in document_timexes(doc, anchor)]


def test_timex_a_modal_points_ahead_even_before_a_participle() -> None:
    # "A contract would be initialed Saturday." (a Monday article): the Saturday to come.
    words: list[TokenSpec] = [
        ("A", "a", "DET", "DT", "det", "contract"),
        ("contract", "contract", "NOUN", "NN", "nsubjpass", "initialed"),
        ("would", "would", "AUX", "MD", "aux", "initialed"),
        ("be", "be", "AUX", "VB", "auxpass", "initialed"),
        ("initialed", "initial", "VERB", "VBN", "ROOT", None),
        ("Saturday", "Saturday", "PROPN", "NNP", "npadvmod", "initialed"),
        ".",
    ]
    assert _sentence(words, "Saturday") == ["2024-08-17"]


def test_timex_could_not_is_what_was_not_possible_then() -> None:
    # "The office could not be reached Saturday." (a Monday article): two days ago, not
    # the Saturday to come; "could be reached" may be either, and looks ahead.
    def words(negated: bool) -> list[TokenSpec]:
        return [
            ("The", "the", "DET", "DT", "det", "office"),
            ("office", "office", "NOUN", "NN", "nsubjpass", "reached"),
            ("could", "could", "AUX", "MD", "aux", "reached"),
            *([("not", "not", "PART", "RB", "neg", "reached")] if negated else []),
            ("be", "be", "AUX", "VB", "auxpass", "reached"),
            ("reached", "reach", "VERB", "VBN", "ROOT", None),
            ("Saturday", "Saturday", "PROPN", "NNP", "npadvmod", "reached"),
            ".",
        ]

    assert _sentence(words(True), "Saturday") == ["2024-08-10"]
    assert _sentence(words(False), "Saturday") == ["2024-08-17"]


def test_timex_a_schedule_told_in_the_past_is_the_nearest_day() -> None:
    # "The drills were scheduled to end on Sunday." (Monday): yesterday, not in six days.
    words: list[TokenSpec] = [
        ("The", "the", "DET", "DT", "det", "drills"),
        ("drills", "drill", "NOUN", "NNS", "nsubjpass", "scheduled"),
        ("were", "be", "AUX", "VBD", "auxpass", "scheduled"),
        ("scheduled", "schedule", "VERB", "VBN", "ROOT", None),
        ("to", "to", "PART", "TO", "aux", "end"),
        ("end", "end", "VERB", "VB", "xcomp", "scheduled"),
        ("on", "on", "ADP", "IN", "prep", "end"),
        ("Sunday", "Sunday", "PROPN", "NNP", "pobj", "on"),
        ".",
    ]
    assert _sentence(words, "Sunday") == ["2024-08-11"]


def test_timex_is_to_points_ahead() -> None:
    # "The board is to vote on Saturday."
    words: list[TokenSpec] = [
        ("The", "the", "DET", "DT", "det", "board"),
        ("board", "board", "NOUN", "NN", "nsubj", "is"),
        ("is", "be", "AUX", "VBZ", "ROOT", None),
        ("to", "to", "PART", "TO", "aux", "vote"),
        ("vote", "vote", "VERB", "VB", "xcomp", "is"),
        ("on", "on", "ADP", "IN", "prep", "vote"),
        ("Saturday", "Saturday", "PROPN", "NNP", "pobj", "on"),
        ".",
    ]
    assert _sentence(words, "Saturday") == ["2024-08-17"]


def test_timex_a_limit_after_a_past_verb_is_the_nearest_month() -> None:
    # "The line had suspended flights through September." (an August article)
    words: list[TokenSpec] = [
        ("The", "the", "DET", "DT", "det", "line"),
        ("line", "line", "NOUN", "NN", "nsubj", "suspended"),
        ("had", "have", "AUX", "VBD", "aux", "suspended"),
        ("suspended", "suspend", "VERB", "VBN", "ROOT", None),
        ("flights", "flight", "NOUN", "NNS", "dobj", "suspended"),
        ("through", "through", "ADP", "IN", "prep", "suspended"),
        ("September", "September", "PROPN", "NNP", "pobj", "through"),
        ".",
    ]
    assert _sentence(words, "September") == ["2024-09"]


def test_timex_a_month_that_names_a_person_is_no_date() -> None:
    # "Ruiz and May met in January."
    words: list[TokenSpec] = [
        ("Ruiz", "Ruiz", "PROPN", "NNP", "nsubj", "met"),
        ("and", "and", "CCONJ", "CC", "cc", "Ruiz"),
        ("May", "May", "PROPN", "NNP", "conj", "Ruiz"),
        ("met", "meet", "VERB", "VBD", "ROOT", None),
        ("in", "in", "ADP", "IN", "prep", "met"),
        ("January", "January", "PROPN", "NNP", "pobj", "in"),
        ".",
    ]
    text = "Ruiz and May met in January ."
    doc = build_parsed(text, [words], [("May", "DATE"), ("January", "DATE")])
    assert [t.text for t in document_timexes(doc, MONDAY)] == ["January"]
    captain: list[TokenSpec] = [
        ("Navy", "Navy", "PROPN", "NNP", "compound", 3),
        ("Capt.", "Capt.", "PROPN", "NNP", "compound", 3),
        ("Ada", "Ada", "PROPN", "NNP", "compound", 3),
        ("March", "March", "PROPN", "NNP", "nsubj", "spoke"),
        ("spoke", "speak", "VERB", "VBD", "ROOT", None),
        ("in", "in", "ADP", "IN", "prep", "spoke"),
        ("March", "March", "PROPN", "NNP", "pobj", "in"),
        ".",
    ]
    doc = build_parsed(
        "Navy Capt. Ada March spoke in March .",
        [captain],
        [("March", "DATE"), ("March", "DATE")],
    )
    assert [t.start for t in document_timexes(doc, MONDAY)] == [30]


def test_timex_a_reference_word_in_a_name_is_no_date() -> None:
    doc = build_parsed(
        "USA Today reported the vote today.", mentions=[("USA Today", "ORG"), ("today", "DATE")]
    )
    assert [t.text for t in document_timexes(doc, MONDAY)] == ["today"]


def test_timex_the_following_day_is_the_day_after_the_one_just_stated() -> None:
    doc = build_parsed(
        "Crews met on Saturday. The following day, the bridge opened.",
        mentions=[("Saturday", "DATE"), ("The following day", "DATE")],
    )
    assert [t.value for t in document_timexes(doc, MONDAY)] == ["2024-08-10", "2024-08-11"]
    alone = build_parsed(
        "The bridge opened. A day later, crews left.", mentions=[("A day later", "DATE")]
    )
    assert [t.value for t in document_timexes(alone, MONDAY)] == [None]


def test_timex_an_event_told_in_the_present_is_the_nearest_day() -> None:
    # "The mayor faces a vote Friday." (a Thursday article): tomorrow, not six days ago.
    words: list[TokenSpec] = [
        ("The", "the", "DET", "DT", "det", "mayor"),
        ("mayor", "mayor", "NOUN", "NN", "nsubj", "faces"),
        ("faces", "face", "VERB", "VBZ", "ROOT", None),
        ("a", "a", "DET", "DT", "det", "vote"),
        ("vote", "vote", "NOUN", "NN", "dobj", "faces"),
        ("Friday", "Friday", "PROPN", "NNP", "npadvmod", "faces"),
        ".",
    ]
    assert _sentence(words, "Friday", anchor=dt.date(2024, 8, 15)) == ["2024-08-16"]


def test_timex_a_chronology_line_takes_the_year_of_its_header() -> None:
    text = "Key dates:\n\n1999:\n\nNov. 22 -- The mill closes.\n\n2001:\n\nMarch 3 -- It reopens."
    doc = build_parsed(text, mentions=[("Nov. 22", "DATE"), ("March 3", "DATE")])
    assert [t.value for t in document_timexes(doc, MONDAY)] == ["1999-11-22", "2001-03-03"]
    # Not under a header: the year nearest the anchor.
    plain = build_parsed("Nov. 22 -- The mill closes.", mentions=[("Nov. 22", "DATE")])
    assert [t.value for t in document_timexes(plain, MONDAY)] == ["2024-11-22"]


def test_timex_a_holiday_on_a_fixed_day_is_that_day() -> None:
    assert normalize("New Year's Eve", MONDAY, "past")[1] == "2023-12-31"
    assert normalize("Christmas Day 2019", MONDAY)[1] == "2019-12-25"
    # Found even where the tagger calls it an event.
    doc = build_parsed("The mayor quit on Christmas Eve.", mentions=[("Christmas Eve", "EVENT")])
    assert [(t.text, t.value) for t in document_timexes(doc, MONDAY)] == [
        ("Christmas Eve", "2024-12-24")  # no tense here: the nearest
    ]


def test_timex_the_following_day_is_found_where_the_tagger_misses_it() -> None:
    doc = build_parsed(
        "Crews met on Saturday.\n\nThe following day, the bridge opened.",
        mentions=[("Saturday", "DATE")],
    )
    found = [(t.text, t.value) for t in document_timexes(doc, MONDAY)]
    assert found == [("Saturday", "2024-08-10"), ("The following day", "2024-08-11")]


def test_timex_a_day_a_prediction_or_expectation_names_is_ahead() -> None:
    # Published on a Thursday: the protest predicted for Friday is the next day.
    doc = build_parsed(
        "A protest predicted again Friday worried the army .",
        [
            [
                ("A", "a", "DET", "DT", "det", "protest"),
                ("protest", "protest", "NOUN", "NN", "nsubj", "worried"),
                ("predicted", "predict", "VERB", "VBN", "acl", "protest"),
                ("again", "again", "ADV", "RB", "advmod", "predicted"),
                ("Friday", "Friday", "PROPN", "NNP", "npadvmod", "predicted"),
                ("worried", "worry", "VERB", "VBD", "ROOT", None),
                ("the", "the", "DET", "DT", "det", "army"),
                ("army", "army", "NOUN", "NN", "dobj", "worried"),
                ".",
            ]
        ],
        [("Friday", "DATE")],
    )
    (timex,) = document_timexes(doc, dt.date(2024, 5, 9))
    assert timex.value == "2024-05-10"


@pytest.mark.issue(20)
def test_timex_a_clock_time_is_no_year() -> None:
    text = (
        "Live: the quake\n\n"
        "1602 Rear Adm Ana Cole spoke of the relief ships.\n\n"
        "1618 The commission approved emergency funds.\n\n"
        "1651 The main prison has collapsed.\n\n"
        "The tremor hit at 1653 local time, and by 1100 (1600 GMT) rescuers were out.\n\n"
        "In 1946 a quake hit the island."
    )
    written = ["1602", "1618", "1651", "1653", "1600", "1946"]
    doc = build_parsed(text, mentions=[(w, "DATE") for w in written])
    assert [t.text for t in document_timexes(doc, MONDAY)] == ["1946"]
    # Two stamped lines are no live page: a chronology's years stay years.
    years = "1994 Elections are held.\n\n2001 Cole is elected."
    doc = build_parsed(years, mentions=[("1994", "DATE"), ("2001", "DATE")])
    assert [t.value for t in document_timexes(doc, MONDAY)] == ["1994", "2001"]


@pytest.mark.issue(20)
def test_timex_a_month_abbreviation_before_a_name_is_a_given_name() -> None:
    text = "Jan Egeland told the BBC on Jan 12 that aid was coming."
    doc = build_parsed(text, mentions=[("Jan Egeland", "DATE"), ("Jan 12", "DATE")])
    assert [t.text for t in document_timexes(doc, MONDAY)] == ["Jan 12"]


@pytest.mark.issue(20)
def test_timex_a_holiday_with_its_year_is_that_year_s() -> None:
    text = "It recalled the tsunami which struck on Boxing Day , 2004 ."
    doc = build_parsed(text, mentions=[("2004", "DATE")])
    assert [(t.text, t.value) for t in document_timexes(doc, MONDAY)] == [
        ("Boxing Day , 2004", "2004-12-26")
    ]


@pytest.mark.issue(20)
@pytest.mark.parametrize("written", ["Thursday 14 January", "Thursday, January 14"])
def test_timex_a_weekday_before_a_date_picks_the_year_it_fits(written: str) -> None:
    # Published Thursday 21 January 2010: the 14th of January is a Thursday in
    # 2010, not in 2011, whatever the tense says.
    anchor = dt.date(2010, 1, 21)
    for tense in ("past", "future"):
        assert normalize(written, anchor, tense)[1] == "2010-01-14"  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("day", "value"),
    [("Friday", "2011-01-28"), ("Monday", "2011-01-27"), (None, "2011-01-27")],
    ids=["weekday-near", "weekday-far", "no-weekday"],
)
def test_timex_a_week_ago_is_the_weekday_its_sentence_names_near_it(
    day: str | None, value: str
) -> None:
    # Published Thursday 2011-02-03: a week ago is Thursday 27 January; "Friday
    # prayers" says it was the 28th; a Monday is too far from it to say anything.
    words: list[TokenSpec] = [
        ("One", "one", "NUM", "CD", "nummod", "week"),
        ("week", "week", "NOUN", "NN", "npadvmod", "ago"),
        ("ago", "ago", "ADV", "RB", "advmod", "left"),
        ("crowds", "crowd", "NOUN", "NNS", "nsubj", "left"),
        ("left", "leave", "VERB", "VBD", "ROOT", None),
    ]
    spans = [("One week ago", "DATE")]
    if day is not None:
        words += [
            (day, day, "PROPN", "NNP", "compound", "prayers"),
            ("prayers", "prayer", "NOUN", "NNS", "dobj", "left"),
        ]
        spans.append((day, "DATE"))
    words.append(".")
    text = " ".join(w if isinstance(w, str) else w[0] for w in words)
    doc = build_parsed(text, [words], spans, published="2011-02-03")
    found = document_timexes(doc, dt.date(2011, 2, 3))
    assert [(t.text, t.value) for t in found if t.text == "One week ago"] == [
        ("One week ago", value)
    ]


def test_timex_a_number_of_a_series_is_no_year() -> None:
    text = "Resolution 1973 passed in 1973 ."
    words: list[TokenSpec] = [
        ("Resolution", "resolution", "PROPN", "NNP", "nsubj", "passed"),
        ("1973", "1973", "NUM", "CD", "nummod", "Resolution"),
        ("passed", "pass", "VERB", "VBD", "ROOT", None),
        ("in", "in", "ADP", "IN", "prep", "passed"),
        ("1973", "1973", "NUM", "CD", "pobj", "in"),
        ".",
    ]
    spans = [("1973", "DATE"), ("1973", "DATE")]
    doc = build_parsed(text, [words], spans, published="2011-03-19")
    found = document_timexes(doc, dt.date(2011, 3, 19))
    assert [(t.start, t.value) for t in found] == [(text.rindex("1973"), "1973")]


@pytest.mark.parametrize(
    ("modifier", "value"),
    [("slated", "1998-09"), ("planned", "1998-09"), ("last", "1997-09")],
    ids=["slated", "planned", "plain"],
)
def test_timex_a_thing_set_for_a_month_is_the_nearest_such_month(modifier: str, value: str) -> None:
    # Published 26 August 1998: "the slated visit in September" is the coming one.
    text = f"Officials discussed the {modifier} visit in September ."
    lemma = {"slated": "slate", "planned": "plan"}.get(modifier, modifier)
    words: list[TokenSpec] = [
        ("Officials", "official", "NOUN", "NNS", "nsubj", "discussed"),
        ("discussed", "discuss", "VERB", "VBD", "ROOT", None),
        ("the", "the", "DET", "DT", "det", "visit"),
        (modifier, lemma, "VERB" if modifier != "last" else "ADJ", "VBN", "amod", "visit"),
        ("visit", "visit", "NOUN", "NN", "dobj", "discussed"),
        ("in", "in", "ADP", "IN", "prep", "visit"),
        ("September", "September", "PROPN", "NNP", "pobj", "in"),
        ".",
    ]
    doc = build_parsed(text, [words], [("September", "DATE")], published="1998-08-26")
    (timex,) = document_timexes(doc, dt.date(1998, 8, 26))
    assert timex.value == value


def _quoted(said: list[TokenSpec], when: str) -> ParsedArticle:
    # 'Ruiz said {when}: "She leaves tomorrow and returns next month."'
    text = f'Ruiz said {when}: "She leaves tomorrow and returns next month."'
    words: list[TokenSpec] = [
        ("Ruiz", "Ruiz", "PROPN", "NNP", "nsubj", "said"),
        ("said", "say", "VERB", "VBD", "ROOT", None),
        *said,
        (":", ":", "PUNCT", ":", "punct", "said"),
        ('"', '"', "PUNCT", "``", "punct", "leaves"),
        ("She", "she", "PRON", "PRP", "nsubj", "leaves"),
        ("leaves", "leave", "VERB", "VBZ", "ccomp", "said"),
        ("tomorrow", "tomorrow", "NOUN", "NN", "npadvmod", "leaves"),
        ("and", "and", "CCONJ", "CC", "cc", "leaves"),
        ("returns", "return", "VERB", "VBZ", "conj", "leaves"),
        ("next", "next", "ADJ", "JJ", "amod", "month"),
        ("month", "month", "NOUN", "NN", "npadvmod", "returns"),
        (".", ".", "PUNCT", ".", "punct", "said"),
        ('"', '"', "PUNCT", "''", "punct", "said"),
    ]
    spans = [(when.removeprefix("in ").removeprefix("on "), "DATE")]
    spans += [("tomorrow", "DATE"), ("next month", "DATE")]
    return build_parsed(text, [words], spans, published="2018-04-28")


def test_timex_a_quotation_counts_from_when_it_was_said() -> None:
    saturday = dt.date(2018, 4, 28)
    on_thursday: list[TokenSpec] = [
        ("on", "on", "ADP", "IN", "prep", "said"),
        ("Thursday", "Thursday", "PROPN", "NNP", "pobj", "on"),
    ]
    values = {
        t.text: t.value for t in document_timexes(_quoted(on_thursday, "on Thursday"), saturday)
    }
    assert values == {"Thursday": "2018-04-26", "tomorrow": "2018-04-27", "next month": "2018-05"}
    in_january: list[TokenSpec] = [
        ("in", "in", "ADP", "IN", "prep", "said"),
        ("January", "January", "PROPN", "NNP", "pobj", "in"),
    ]
    values = {
        t.text: t.value for t in document_timexes(_quoted(in_january, "in January"), saturday)
    }
    # Said in January: next month is February; which day "tomorrow" was is unknown.
    assert values == {"January": "2018-01", "tomorrow": None, "next month": "2018-02"}


@pytest.mark.parametrize(
    ("day", "value"),
    [("early Saturday", "2011-01-29"), ("early Sunday", "2011-01-23"), ("Saturday", "2011-01-22")],
)
def test_timex_early_on_the_day_after_the_page_is_that_day(day: str, value: str) -> None:
    # A page of Friday 28 January that tells of a speech "early Saturday" was
    # updated after midnight; "early Sunday" and a bare "Saturday" are behind it.
    text = f"Mubarak spoke {day} ."
    words: list[TokenSpec] = [
        ("Mubarak", "Mubarak", "PROPN", "NNP", "nsubj", "spoke"),
        ("spoke", "speak", "VERB", "VBD", "ROOT", None),
        *[
            (w, w.lower(), "ADJ" if w == "early" else "PROPN", "NNP", "npadvmod", "spoke")
            for w in day.split()
        ],
        ".",
    ]
    doc = build_parsed(text, [words], [(day, "DATE")], published="2011-01-28")
    (timex,) = document_timexes(doc, dt.date(2011, 1, 28))
    assert timex.value == value


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("Oct. 9", "XXXX-10-09"),
        ("the 13th of July", "XXXX-07-13"),
        ("January", "XXXX-01"),
        ("Feb. 30", None),  # no such day in any year
        ("Oct. 9, 1998", None),  # a year stated: the calendar's, not a month and day
        ("Tuesday", None),
    ],
)
def test_a_month_and_day_of_no_stated_year_is_timex3_s_unknown_year(
    written: str, value: str | None
) -> None:
    assert month_day(written) == value


def test_a_holiday_named_alone_is_told_apart_from_a_dated_one() -> None:
    from storybrief.analysis.timex import holiday_only

    assert holiday_only("Christmas")
    assert holiday_only("on New Year’s Eve")
    assert holiday_only("next Christmas")
    assert not holiday_only("Christmas 1999")
    assert not holiday_only("Thursday")
    assert not holiday_only("Dec. 25")
