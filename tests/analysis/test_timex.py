"""Temporal expressions normalised against an anchor date (no model needed)."""

from __future__ import annotations

import datetime as dt

import pytest

from storybrief.analysis.timex import normalize, range_pieces

FRIDAY = dt.date(2024, 3, 8)  # a Friday


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
    ],
)
def test_a_range_gives_each_of_its_ends(written: str, pieces: list[tuple[str, str]]) -> None:
    text = f"It ran {written}, the report said."
    start = text.index(written)
    found = range_pieces(text, start, start + len(written))
    assert [(text[s:e], normalize(t, FRIDAY)[1]) for s, e, t in found] == pieces
