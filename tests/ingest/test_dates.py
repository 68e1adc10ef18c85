from __future__ import annotations

import datetime as dt

import pytest

from storybrief.ingest.dates import parse_date_line


@pytest.mark.parametrize(
    ("line", "value", "granularity"),
    [
        ("March 5, 2024", dt.date(2024, 3, 5), "day"),
        ("November 09, 2019", dt.date(2019, 11, 9), "day"),
        ("5 March 2024", dt.date(2024, 3, 5), "day"),
        ("Tuesday, Mar. 5, 2024", dt.date(2024, 3, 5), "day"),
        ("Published: March 5, 2024 10:31 AM", dt.date(2024, 3, 5), "day"),
        ("Updated 2024-03-05T18:40:00+00:00", dt.date(2024, 3, 5), "day"),
        ("March 2024", dt.date(2024, 3, 1), "month"),
    ],
)
def test_dates_parse_header_date_lines(line: str, value: dt.date, granularity: str) -> None:
    assert parse_date_line(line) == (value, granularity)


@pytest.mark.parametrize(
    "line",
    [
        "on Monday",
        "The strike began on March 4, 2024 at the port.",
        "Calder dockworkers walk out",
        "2,800 workers",
        "The Calder Courier",
    ],
)
def test_dates_ignore_lines_that_are_not_only_a_date(line: str) -> None:
    assert parse_date_line(line) is None
