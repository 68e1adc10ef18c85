"""Publication-date lines in article headers ("February 02, 2013", "Updated March 5, 2024").

Only a line that is a date and nothing else is read, so a date mentioned in a
sentence is never taken for the publication date.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Any

from storybrief.model import Granularity

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?"
_PREFIX = re.compile(
    r"^(?:(?:first\s+)?published|posted|updated|last\s+updated|date)\s*(?:on|at)?\s*:?\s*",
    re.IGNORECASE,
)
_TIME = r"(?:\s*(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?)?"
_DATE_ONLY = re.compile(
    rf"^(?:{_WEEKDAY}\s*)?(?:"
    rf"{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"  # February 02, 2013
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}"  # 2 February 2013
    rf"|{_MONTH}\s+\d{{4}}"  # February 2013
    r"|\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?"  # ISO
    rf"){_TIME}$",
    re.IGNORECASE,
)


@lru_cache(maxsize=1)
def _parser() -> Any:
    # Imported lazily: dateparser takes ~0.3 s to import and is only needed here.
    from dateparser.date import DateDataParser

    return DateDataParser(languages=["en"], settings={"PREFER_DAY_OF_MONTH": "first"})


def parse_date_line(line: str) -> tuple[dt.date, Granularity] | None:
    """The date a header line states, with its granularity, or None if it is not a date line."""
    text = _PREFIX.sub("", " ".join(line.split()))
    if not _DATE_ONLY.match(text):
        return None
    data = _parser().get_date_data(text)
    if data.date_obj is None:
        return None
    value = data.date_obj.date()
    if data.period == "month":
        return value.replace(day=1), "month"
    if data.period == "year":
        return value.replace(month=1, day=1), "year"
    return value, "day"
