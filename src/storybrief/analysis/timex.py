"""Temporal expressions: found in the parse, normalised against an anchor date.

Method (``timex.v8``): spaCy's DATE and TIME mentions, plus reference words it
does not tag ("now", "currently"), are normalised to TimeML values (TIMEX3):
``2013-02-04`` (day), ``2013-W06`` (week), ``2013-02`` (month), ``2013``,
``201`` (decade), ``19`` (century), ``2012-SU`` (season), ``2013-Q1``,
``PRESENT_REF``/``PAST_REF``/``FUTURE_REF``, durations ``P3M``, ``PT24H``,
``PXY`` (unspecified number). Relative expressions ("on Monday", "last week",
"next June", "two years ago") are resolved against the anchor (the document's
publication date) with the tense of the verb they attach to: a past-tense
"Monday" is the Monday before, a future one (also "said it would … in May",
the future of the saying, and a timetable in the present tense: "the museum
reopens on Monday", "the tender closes Nov. 21") the Monday after. Absolute dates
are read by dateparser; the granularity is the finest part the text states.
Without an anchor, relative expressions stay unresolved (``value`` None).
A range is two expressions, as TimeML annotates it: "2009-2010" and "1957-58"
are two years, "between 12 and 18 months" two durations. Hedges ("just",
"a mere") are dropped, "a month earlier" is the duration it states, and a
weekday tagged apart from its part of the day ("Friday" "afternoon") joins it.

Since timex.v4: a modal points ahead ("a contract would be initialed
Saturday", "could begin in late September"; not "would have been"), and so
does "is to" ("the board is to vote on Saturday"); a schedule told in the past
("were scheduled to end on Sunday", "the inauguration, scheduled for May 5")
and a limit ("through September", "until Wednesday", "by Thursday", "as of
Feb. 1") not in the future tense are the nearest such day or month, before or
after (``Tense`` "near"), as is an event told in the present tense ("faces a
vote Friday"; not a saying, a state or a perfect). "Three weeks ago" is the day three weeks before
the anchor (the text counts days, not a calendar week); "January last year"
and "Tuesday last week" are in the year and week named. A month that is a
name ("Theresa May", "Capt. Ada March", "Trump and May met") and a reference
word in a name ("USA Today") are no dates. "The following day", "the next
day", "a day later" (and "the day before") are the day after (before) the last
day stated in their sentence or the one before, else unknown (found also
where the tagger leaves them untagged). A chronology's
line that opens with a month and day ("Nov. 22 -- ...") under a header line
of its year ("1999:") is in that year. Holidays on a fixed day ("New Year's
Eve", "Christmas") are that day.

Since timex.v5: "1992 and 1993" and "from 1994 to last year" are two
expressions (a year and the other end), four digits outside 1600-2099 are no
year ("flight 4590"), and a weekday after "on" or glued by the parser to the
name that follows ("On Friday Ada Salim was charged") is a date, not a
modifier ("Sunday shifts"); a day a prediction or expectation names ("a
protest predicted again Friday", "a ruling expected Monday") is ahead, as a
scheduled one is.

Since timex.v6: four digits that are a 24-hour clock time are no year: before
a time zone or "local time" ("1653 local time", "1600 GMT"), or opening the
lines of a live page (three or more lines "1602 Rear Adm ..."); a month's
abbreviation before a capitalised word that is no month or weekday is a given
name ("Jan Egeland"); a holiday with its year is that year's ("Boxing Day,
2004"); a space before a comma ("Jan. 12 , 2010") does not hide a year; a
weekday before a date ("Thursday 14 January") is the date, in the year nearest
the anchor whose day is that weekday. Four digits before a capitalised word
glued to the end of a live page's entry ("... food and water 1828 US Agency")
are a time stamp too, when three or more read so.

Since timex.v7: a number after "No.", "Resolution", "Flight", "Article"...
is one of a series, no year ("Resolution 1973"); a date of a thing set for a
time ("the slated visit in September", "the planned summit in March") is the
nearest such date, before or after; "a week ago" (or two, three) is the day of
the weekday its sentence names within two days of it, a kind of thing's
weekday included ("One week ago, Egyptians emerged from Friday prayers": that
Friday); "early Saturday" in a page of Friday is the Saturday after it (the
page was updated after midnight where it happened), not six days before.

Since timex.v8: the anchor is the day the copy was filed (``anchor_day``): a
dateline's day one to ``FILED_BEFORE_DAYS`` days before the publication day
("WASHINGTON, August 27 (Xinhua) --" in the copy of August 28), else the
publication day.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from storybrief.lexicon import (
    MONTH_ABBREVIATIONS,
    MONTHS,
    SPEECH_VERBS,
    TIME_LABELS,
    TITLE_SMALL_WORDS,
    WEEKDAYS,
)
from storybrief.model import ParsedArticle, Record, Token, TokenTree, date_of

METHOD = "timex.v8"

#: Judgement call: a dateline's day at most this many days before the publication day
#: is the day the copy was filed (a wire's copy of the evening, dated the next day
#: where the wire publishes); one further back is no such day.
FILED_BEFORE_DAYS = 3


def anchor_day(doc: ParsedArticle) -> dt.date | None:
    """The day a document's relative expressions count from ("today", "on
    Tuesday"): the day its dateline states, where that is one to
    ``FILED_BEFORE_DAYS`` days before the publication day ("WASHINGTON, August 27
    (Xinhua) -- ... today" in the copy of August 28: the 27th), else the publication
    day. None unless it is published on a known day."""
    published = doc.article.published
    if published is None or published.granularity != "day":
        return None
    stated = doc.article.dateline
    if stated is None or stated.evidence.location != "text":
        return published.value
    written = month_day(stated.evidence.text)
    if written is None or written.count("-") != 2:
        return published.value
    month, day = int(written[5:7]), int(written[8:10])
    for year in (published.value.year, published.value.year - 1):
        try:
            filed = dt.date(year, month, day)
        except ValueError:
            continue
        if 0 < (published.value - filed).days <= FILED_BEFORE_DAYS:
            return filed
    return published.value


#: "near": the text points neither way ("had suspended flights through September"):
#: the nearest such day or month to the anchor, before or after.
Tense = Literal["past", "future", "near"] | None

_SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
_SEASON_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
_PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
_UNITS = {
    "second": ("S", True),
    "minute": ("M", True),
    "hour": ("H", True),
    "day": ("D", False),
    "week": ("W", False),
    "month": ("M", False),
    "year": ("Y", False),
    "decade": ("DE", False),
    "century": ("CE", False),
    "quarter": ("Q", False),
}
_PRESENT = frozenset(("now", "currently", "present", "nowadays", "at present", "the present"))
_PAST = frozenset(("the past", "recently", "previously", "formerly", "at the time", "once"))
_FUTURE = frozenset(("the future", "in the future", "future"))
_MODS = (
    (re.compile(r"^(?:early|the beginning of|the start of|beginning of|start of)\s+"), "START"),
    (re.compile(r"^(?:mid|the middle of|middle of|mid-)\s*-?"), "MID"),
    (re.compile(r"^(?:late|the end of|end of)\s+"), "END"),
    (re.compile(r"^(?:about|around|nearly|roughly|some|approximately)\s+"), "APPROX"),
    (re.compile(r"^(?:more than|over|at least)\s+"), "MORE_THAN"),
    (re.compile(r"^(?:less than|almost|under|up to|at most)\s+"), "LESS_THAN"),
)
_FEW = frozenset(("several", "few", "a few", "recent", "many", "some", "the past few", "couple"))


@dataclass(frozen=True, slots=True)
class Timex(Record):
    """A temporal expression: span, TIMEX3 type and value, and how it was resolved."""

    start: int
    end: int
    text: str
    type: str  # DATE, TIME, DURATION, SET
    value: str | None
    mod: str | None = None
    #: Resolved against the anchor (the document date) rather than stated outright.
    relative: bool = False


@lru_cache(maxsize=4096)
def number_in_words(words: str) -> int | None:
    """The count a time expression's number says ("18", "a", "a couple of", "twenty")."""
    words = words.strip().lower().replace("-", " ")
    if words in ("a", "an", "one", "a single"):
        return 1
    if words in ("a couple of", "couple of", "a couple", "two"):
        return 2
    if words.isdigit():
        return int(words)
    try:
        from text_to_num import text2num

        return int(text2num(words, "en"))
    except (ValueError, ImportError):
        return None


def _week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def _shift_month(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def _weekday(anchor: dt.date, weekday: int, tense: Tense, direction: str | None) -> dt.date:
    delta = weekday - anchor.weekday()
    if direction is None and tense == "near":
        ahead = delta % 7
        return anchor + dt.timedelta(days=ahead if ahead <= 3 else ahead - 7)
    if direction == "next" or (direction is None and tense == "future"):
        return anchor + dt.timedelta(days=delta % 7 or (7 if direction == "next" else 0))
    if direction == "last":
        return anchor - dt.timedelta(days=(-delta) % 7 or 7)
    return anchor - dt.timedelta(days=(-delta) % 7)


def _month_year(anchor: dt.date, month: int, tense: Tense, direction: str | None) -> int:
    if direction == "next" or (direction is None and tense == "future"):
        return anchor.year if month > anchor.month else anchor.year + 1
    if direction == "last":
        return anchor.year if month < anchor.month else anchor.year - 1
    if direction == "this":
        return anchor.year
    if tense == "near":
        options = (anchor.year - 1, anchor.year, anchor.year + 1)
        return min(options, key=lambda y: abs(y * 12 + month - anchor.year * 12 - anchor.month))
    return anchor.year if month <= anchor.month else anchor.year - 1


def normalize(
    text: str, anchor: dt.date | None, tense: Tense = None
) -> tuple[str, str | None, str | None, bool]:
    """The TIMEX3 ``(type, value, mod, relative)`` of one expression.

    Args:
        text: the expression as written ("last week", "Feb. 3, 2013", "22 months").
        anchor: the date relative expressions count from (publication date), or None.
        tense: of the verb the expression attaches to, when known.
    """
    t = " ".join(text.lower().replace("’", "'").split()).strip(" ,.;:'")
    t = re.sub(r"'s$", "", t)
    if t in _PRESENT:
        return "DATE", "PRESENT_REF", None, True
    if t in _PAST:
        return "DATE", "PAST_REF", None, True
    if t in _FUTURE:
        return "DATE", "FUTURE_REF", None, True
    t = re.sub(r"^(?:just|only|a mere|mere)\s+", "", t)
    mod = None
    for pattern, name in _MODS:
        if pattern.match(t):
            t, mod = pattern.sub("", t, count=1), name
            break
    t = re.sub(r"^(?:the|this past|on|in|by|since|until|from)\s+", "", t) if mod != "START" else t
    dated = re.fullmatch(rf"({'|'.join(WEEKDAYS)}),?\s+(.+)", t)
    if dated and any(_month_of(w) for w in dated.group(2).split()):
        # "Thursday 14 January", "Thursday, January 14": the date, in the year
        # (nearest the anchor) whose day it is that weekday.
        kind, value, relative = _normalize_core(dated.group(2), anchor, tense)
        if relative and anchor is not None and (day := _day_value(value)) is not None:
            weekday = WEEKDAYS.index(dated.group(1))
            fits = [
                d
                for y in (anchor.year - 1, anchor.year, anchor.year + 1)
                if _valid(y, day.month, day.day)
                and (d := dt.date(y, day.month, day.day)).weekday() == weekday
            ]
            if fits and day.weekday() != weekday:
                value = min(fits, key=lambda d: abs(d - anchor)).isoformat()
        return kind, value, mod, relative
    kind, value, relative = _normalize_core(t, anchor, tense)
    return kind, value, mod, relative


def _day_value(value: str | None) -> dt.date | None:
    parsed = date_of(value)
    return parsed[0] if parsed is not None and parsed[1] == "day" else None


def _normalize_core(t: str, anchor: dt.date | None, tense: Tense) -> tuple[str, str | None, bool]:
    # Durations: "22 months", "two-year", "the past three months", "a decade", "years".
    duration = _duration(t)
    if duration is not None:
        return "DURATION", duration, False
    # "a month earlier", "two years later": the expression is the duration.
    if (m := re.fullmatch(r"(.+?)\s+(?:earlier|later|before|after|afterwards)", t)) and (
        duration := _duration(m.group(1))
    ):
        return "DURATION", duration, False
    words = t.split()
    # "two years ago", "a week ago"
    ago = re.fullmatch(r"(.+?)\s+(second|minute|hour|day|week|month|year|decade)s?\s+ago", t)
    if ago:
        n = number_in_words(ago.group(1))
        if n is None or anchor is None:
            return "DATE", None, True
        return "DATE", _ago(anchor, n, ago.group(2)), True
    if t in ("today", "this day"):
        return "DATE", anchor.isoformat() if anchor else None, True
    if t in ("yesterday", "tomorrow"):
        if anchor is None:
            return "DATE", None, True
        step = -1 if t == "yesterday" else 1
        return "DATE", (anchor + dt.timedelta(days=step)).isoformat(), True
    if t in ("tonight", "this morning", "this afternoon", "this evening"):
        part = _PARTS_OF_DAY["night" if t == "tonight" else words[-1]]
        return "TIME", f"{anchor.isoformat()}T{part}" if anchor else None, True
    # "January last year", "Dec. 3 of next year": the month (and day) in the year named.
    if (m := re.fullmatch(r"(.+?),?\s+(?:of\s+)?(last|next|this)\s+year", t)) and _month_of(
        m.group(1).split()[0]
    ):
        if anchor is None:
            return "DATE", None, True
        year = anchor.year + {"last": -1, "next": 1, "this": 0}[m.group(2)]
        kind, value, _ = _calendar(f"{m.group(1)} {year}", None, tense)
        return kind, value, True
    # "Tuesday last week", "Friday next week": that weekday in the week named.
    if (m := re.fullmatch(r"(\w+)\s+(?:of\s+)?(last|next|this)\s+week", t)) and m.group(
        1
    ) in WEEKDAYS:
        if anchor is None:
            return "DATE", None, True
        monday = anchor - dt.timedelta(days=anchor.weekday())
        step = {"last": -1, "next": 1, "this": 0}[m.group(2)]
        day = monday + dt.timedelta(weeks=step, days=WEEKDAYS.index(m.group(1)))
        return "DATE", day.isoformat(), True
    direction = None
    if words and words[0] in ("last", "past", "previous", "next", "coming", "this", "following"):
        direction = {"past": "last", "previous": "last", "coming": "next", "following": "next"}.get(
            words[0], words[0]
        )
        words = words[1:]
    if not words:
        return "DATE", None, False
    head = words[0]
    # Weekdays, possibly with a part of the day ("Sunday night").
    if head.rstrip("s") in WEEKDAYS or head in WEEKDAYS:
        if anchor is None:
            return "DATE", None, True
        day = _weekday(anchor, WEEKDAYS.index(head.rstrip("s")), tense, direction)
        if len(words) > 1 and words[1] in _PARTS_OF_DAY:
            return "TIME", f"{day.isoformat()}T{_PARTS_OF_DAY[words[1]]}", True
        return "DATE", day.isoformat(), True
    # "last week", "this month", "next year", "this weekend", "last summer", "next June"
    if (direction is not None and len(words) == 1) or (direction and words[-1] == "year"):
        unit = words[-1]
        if anchor is None:
            return "DATE", None, True
        step = {"last": -1, "next": 1}.get(direction or "this", 0)
        if unit == "week":
            return "DATE", _week(anchor + dt.timedelta(weeks=step)), True
        if unit == "weekend":
            return "DATE", _week(anchor + dt.timedelta(weeks=step)) + "-WE", True
        if unit == "month":
            day = _shift_month(anchor, step)
            return "DATE", f"{day.year:04d}-{day.month:02d}", True
        if unit == "year":
            return "DATE", f"{anchor.year + step:04d}", True
        if unit == "quarter":
            quarter = (anchor.month - 1) // 3 + step
            year = anchor.year + quarter // 4
            return "DATE", f"{year:04d}-Q{quarter % 4 + 1}", True
        if unit in _SEASONS:
            code = _SEASONS[unit]
            year = _month_year(anchor, _SEASON_MONTH[code], tense, direction)
            return "DATE", f"{year:04d}-{code}", True
        month = _month_of(unit)
        if month:
            return "DATE", f"{_month_year(anchor, month, tense, direction):04d}-{month:02d}", True
    # Decades and centuries: "the 1990s", "the '90s", "20th century".
    if m := re.fullmatch(r"(\d{3})0s", t):
        return "DATE", m.group(1), False
    if m := re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th) century", t):
        return "DATE", f"{int(m.group(1)) - 1:02d}", False
    if (m := re.fullmatch(r"'?(\d{2})", t)) and t.startswith("'"):
        return "DATE", f"19{m.group(1)}", False
    if re.fullmatch(r"\d{4}", t):
        # The same judgement as for a year after a month: "flight 4590" is no year.
        return "DATE", t if _PLAUSIBLE_YEAR.fullmatch(t) else None, False
    if t in _SEASONS or (len(words) == 2 and words[0] in _SEASONS and words[1].isdigit()):
        code = _SEASONS[words[0]]
        if len(words) == 2:
            return "DATE", f"{words[1]}-{code}", False
        if anchor is None:
            return "DATE", None, True
        return "DATE", f"{_month_year(anchor, _SEASON_MONTH[code], tense, None):04d}-{code}", True
    holiday = re.fullmatch(r"(.+?)(?:,?\s+(\d{4}))?", t)
    if holiday and (fixed := _HOLIDAYS.get(holiday.group(1))):
        stated = f" {holiday.group(2)}" if holiday.group(2) else ""
        return _calendar(f"{MONTHS[fixed[0] - 1]} {fixed[1]}{stated}", anchor, tense)
    return _calendar(t, anchor, tense)


#: Holidays on a fixed day of the calendar: (month, day).
_HOLIDAYS = {
    "new year's eve": (12, 31),
    "new year's day": (1, 1),
    "christmas eve": (12, 24),
    "christmas day": (12, 25),
    "christmas": (12, 25),
    "boxing day": (12, 26),
    "valentine's day": (2, 14),
    "halloween": (10, 31),
}


_HOLIDAY_NAMES = re.compile(
    r"\b(?:"
    + "|".join(
        re.escape(h).replace("'", "['’]")
        for h in sorted(_HOLIDAYS, key=len, reverse=True)
        if " " in h  # "Christmas" alone is as often a season ("Christmas shopping")
    )
    + r")\b",
    re.IGNORECASE,
)


def holiday_only(text: str) -> bool:
    """Whether a date is written as a fixed holiday's name alone ("Christmas", "New
    Year's Day"; not "Christmas 1999"): its year is only the nearest one's, a guess."""
    words = re.sub(r"^(?:the|on|at|for|by|this|next|last)\s+", "", text.strip(), flags=re.I)
    return words.lower().replace("’", "'") in _HOLIDAYS


def _month_of(word: str) -> int | None:
    w = word.strip(".").lower()
    if w in MONTHS:
        return MONTHS.index(w) + 1
    if w == "sept":
        return 9
    return MONTH_ABBREVIATIONS.get(w) if len(w) == 3 else None


def month_day(text: str) -> str | None:
    """A month and day as written with no year ("Oct. 9", "the 13th of July"), as
    TIMEX3 writes a date of unknown year: "XXXX-10-09" (a month alone: "XXXX-01");
    None for anything else (a year stated, no month, no such day)."""
    t = " ".join(text.lower().replace("’", "'").split())
    if re.search(rf"\b({_PLAUSIBLE_YEAR.pattern})\b", t):
        return None
    words = re.findall(r"[a-z]+\.?|\d+", t)
    month = next((m for w in words if (m := _month_of(w))), None)
    day_match = re.search(r"\b([0-3]?\d)(?:st|nd|rd|th)?\b", t)
    if month is None:
        return None
    if day_match is None:
        return f"XXXX-{month:02d}" if re.search(r"\d", t) is None else None
    if not _valid(2000, month, int(day_match.group(1))):
        return None
    return f"XXXX-{month:02d}-{int(day_match.group(1)):02d}"


def _calendar(t: str, anchor: dt.date | None, tense: Tense) -> tuple[str, str | None, bool]:
    """Month names, days and years: "February 2013", "Feb. 3", "Feb. 3, 2013", "June"."""
    words = re.findall(r"[a-z]+\.?|\d+", t)
    month = next((m for w in words if (m := _month_of(w))), None)
    year_match = re.search(rf"\b({_PLAUSIBLE_YEAR.pattern})\b", t)
    day_match = re.search(r"\b([0-3]?\d)(?:st|nd|rd|th)?\b", re.sub(r"\b\d{4}\b", "", t))
    if month is None:
        return "DATE", None, False
    relative = year_match is None
    if year_match:
        year = int(year_match.group(1))
    elif anchor is not None:
        year = _month_year(anchor, month, tense, None)
    else:
        return "DATE", None, True
    if day_match and not 1 <= int(day_match.group(1)) <= 31:
        return "DATE", None, relative  # "32 March", "0 June": no such day, and no month either
    if day_match:
        day = int(day_match.group(1))
        try:
            date = dt.date(year, month, day)
        except ValueError:
            return "DATE", None, relative
        if relative and anchor is not None:
            options = [
                date.replace(year=year + k) for k in (-1, 0, 1) if _valid(year + k, month, day)
            ]
            # A future "Nov. 21" is the first one from the anchor on; with no
            # tense, the nearest. (A past one keeps the year its month gives:
            # moving it back a year cost 0.6 value F1 on TempEval-3 AQUAINT.)
            ahead = [d for d in options if d >= anchor]
            if tense == "future" and ahead:
                date = min(ahead)
            elif tense in (None, "near"):
                date = min(options, key=lambda d: abs((d - anchor).days))
        return "DATE", date.isoformat(), relative
    return "DATE", f"{year:04d}-{month:02d}", relative


#: Judgement call: four digits from 1600 to 2099 are a year; others are likelier counts or names.
_PLAUSIBLE_YEAR = re.compile(r"1[6-9]\d\d|20\d\d")


def _valid(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def _ago(anchor: dt.date, n: int, unit: str) -> str:
    if unit in ("second", "minute", "hour"):
        return anchor.isoformat()
    if unit == "day":
        return (anchor - dt.timedelta(days=n)).isoformat()
    if unit == "week":
        # "three weeks ago" from a Wednesday is a Wednesday: the text counts days.
        return (anchor - dt.timedelta(weeks=n)).isoformat()
    if unit == "month":
        day = _shift_month(anchor, -n)
        return f"{day.year:04d}-{day.month:02d}"
    if unit == "decade":
        return f"{(anchor.year - 10 * n) // 10:03d}"
    return f"{anchor.year - n:04d}"


_DURATION = re.compile(
    r"^(?:(?:the\s+)?(?:past|last|next|first|following|coming|previous)\s+)?"
    r"(?P<n>[\w\s-]+?)?[\s-]*"
    r"(?P<unit>second|minute|hour|day|week|month|year|decade|century|centurie)s?"
    r"(?:[\s-]+(?:long|old))?$"
)


def _duration(t: str) -> str | None:
    m = _DURATION.match(t)
    if not m:
        return None
    n_text = (m.group("n") or "").strip(" -")
    unit = m.group("unit").replace("centurie", "century")
    plural = t.rstrip().endswith(("s", "s long", "s old")) and not t.endswith("ss")
    if not n_text:
        if not plural:
            return None  # "the last week" is a date, not a duration
        number: int | None = None
    elif n_text in _FEW or n_text.endswith(("several", "few", "recent", "many")):
        number = None
    else:
        number = number_in_words(n_text)
        if number is None:
            return None
    code, timed = _UNITS[unit]
    count = "X" if number is None else str(number)
    if code == "DE":
        return f"P{count}0Y" if number is not None else "PXDE"
    if code == "CE":
        return f"P{count}00Y" if number is not None else "PXCE"
    return f"PT{count}{code}" if timed else f"P{count}{code}"


# ---------------------------------------------------------------------------
# In documents.

_FUTURE_GOVERNORS = frozenset(
    ("due", "set", "expect", "schedule", "plan", "going", "poised", "likely", "intend")
)
_REF_WORDS = re.compile(r"\b(?:now|currently|nowadays|today|yesterday|tomorrow|tonight)\b", re.I)


# How far up the tree the tense of a date's verb is looked for: a judgement
# call, enough for "was expected to be signed on Friday".
TENSE_HOPS = 8
_TIMETABLE_VERBS = frozenset(
    ("open", "close", "shut", "reopen", "start", "begin", "resume", "end", "launch", "expire")
)


_STATES = frozenset(("be", "have", "remain", "stay", "continue", "seem", "appear", "know"))
_MODALS = frozenset(("would", "'d", "could", "might", "should"))
#: Verbs that set or foresee a time to come: what they set is ahead of when
#: they were said ("a protest predicted again Friday", "a ruling expected Monday").
_SCHEDULE_VERBS = frozenset(
    ("schedule", "reschedule", "slate", "plan", "predict", "forecast", "expect", "anticipate")
)


def _past_form(tree: TokenTree, verb: Token) -> bool:
    """Whether a verb is in a past form: "scheduled" (not "is scheduled"), "were expected"."""
    aux = {c.text.lower() for c in tree.children(verb) if c.dep in ("aux", "auxpass")}
    if aux & {"was", "were", "had"}:
        return True
    return verb.tag == "VBD" or (verb.tag == "VBN" and not aux)


def tense_of(tree: TokenTree, span_start: int, span_end: int) -> Tense:
    """The tense of the verb a span attaches to: past, future, or None (present/unknown)."""
    inside = tree.between(span_start, span_end)
    if not inside:
        return None
    token: Token | None = inside[-1]
    for _ in range(TENSE_HOPS):
        if token is None:
            return None
        if token.pos in ("VERB", "AUX") and not (span_start <= token.start < span_end):
            children = tree.children(token)
            aux = {c.text.lower() for c in children if c.dep in ("aux", "auxpass")}
            if aux & {"will", "'ll", "shall"} or any(c.text.lower() == "going" for c in children):
                return "future"
            # "said it would review the lights in May", "a contract would be
            # initialed Saturday", "work could begin in late September": the
            # future of the saying (not "would have been"; nor "could not", what
            # was not possible then: "could not be reached for comment Monday night").
            could_not = aux & _MODALS == {"could"} and tree.child(token, "neg") is not None
            if aux & _MODALS and not aux & {"have", "'ve"} and not could_not:
                return "future"
            governor = tree.token(token.head)
            if "to" in aux and governor is not None:
                # "are due to meet", "is set to vote", "expected to sign"; told in
                # the past ("were scheduled to end on Sunday") the time may be
                # past by now: the nearest.
                if governor.lemma.lower() in _FUTURE_GOVERNORS:
                    return "near" if _past_form(tree, governor) else "future"
                # "The commission is to consider it on Saturday."
                if governor.lemma.lower() == "be" and governor.tag in ("VBZ", "VBP"):
                    return "future"
            # "the inauguration, tentatively scheduled for May 5"
            if token.lemma.lower() in _SCHEDULE_VERBS:
                return "near" if _past_form(tree, token) else "future"
            if token.tag in ("VBD", "VBN") or aux & {"was", "were", "had", "did"}:
                return "past"
            # "The bridge shuts on Monday": a timetable in the present tense.
            if token.tag in ("VBZ", "VBP") and token.lemma.lower() in _TIMETABLE_VERBS:
                return "future"
            # "Mubarak faces another challenge Friday" (in a Thursday article),
            # "they point to the explosions on Aug. 7": an event told in the
            # present (not a saying, a state or a perfect) is the nearest day.
            if (
                token.tag in ("VBZ", "VBP")
                and not aux
                and token.lemma.lower() not in SPEECH_VERBS | _STATES
            ):
                return "near"
            # "would keep calling … until July", "We will show the moon rising above
            # Rome on 31 Jan. 2018": an untensed verb takes the tense of the verb it
            # completes.
            if token.tag in ("VBG", "VB") and not aux and token.dep in ("xcomp", "ccomp"):
                token = tree.token(token.head)
                continue
            # "The plane crashed ..., killing all 217 aboard on Oct. 31", "crashed shortly
            # after taking off on October 31", "will travel to Paris, arriving on Friday":
            # a participle's clause is told in the tense of the verb it hangs from.
            if token.tag == "VBG" and not aux and token.dep in _PARTICIPLE_CLAUSES:
                token = tree.token(token.head)
                continue
            return None
        # "the slated visit of Daley in September", "the planned summit in
        # March": a thing set for a time is the nearest such time, either way.
        if token.pos in ("NOUN", "PROPN") and any(
            c.dep in ("amod", "acl", "compound") and c.lemma.lower() in _PLANNED
            for c in tree.children(token)
        ):
            return "near"
        if token.head == token.index:
            return None
        token = tree.token(token.head)
    return None


#: How a participle's clause ("..., killing 12 on Friday"; "after taking off on Oct. 31")
#: hangs from the verb whose tense it takes.
_PARTICIPLE_CLAUSES = frozenset(("advcl", "pcomp", "conj"))

#: Words after which a number is one of a series, never a year.
_NUMBERED = re.compile(
    r"(?:\b(?:No|Nos|Nr|Num)\.?|\b(?:[Nn]umber|Resolution|[Rr]esolution|Flight|[Ff]light|"
    r"Route|Highway|Room|Bill|Article|Section|Rule|Chapter)|#)\s*$"
)
#: Modifiers that make a noun a thing set for a time to come when they were written.
_PLANNED = _SCHEDULE_VERBS | frozenset(("upcoming", "forthcoming", "proposed", "planned"))


def document_timexes(doc: ParsedArticle, anchor: dt.date | None) -> tuple[Timex, ...]:
    """Every temporal expression of a parsed document, normalised against ``anchor``."""
    text = doc.article.text
    spans = sorted({(m.span.start, m.span.end) for m in doc.mentions if m.label in TIME_LABELS})
    names = [(m.span.start, m.span.end) for m in doc.mentions if m.label not in TIME_LABELS]
    for match in _REF_WORDS.finditer(text):
        if not any(s <= match.start() < e for s, e in spans):
            spans.append(match.span())
    # "USA Today", "Democracy Now": a reference word in a name is the name's.
    spans = [(s, e) for s, e in spans if not any(a <= s < b for a, b in names)]
    # A holiday on a fixed day, which the tagger may call an event, and "the
    # following day", which it may not tag at all.
    found = [*_HOLIDAY_NAMES.finditer(text), *_UNTAGGED_ANAPHORS.finditer(text)]
    for match in found:
        if not any(s <= match.start() < e or match.start() <= s < match.end() for s, e in spans):
            spans.append(match.span())
    spans = _holidays_with_years(text, sorted(spans))
    # "flew Tuesday", "arrived Monday": a verb the tagger ran into the date is the
    # sentence's, not the date's.
    spans = [_without_verb(doc, start, end) for start, end in spans]
    out: list[Timex] = []
    starts = {t.start: t for t in doc.tokens}
    stamps = _line_stamps(text)
    # "Friday afternoon" tagged as "Friday" and "afternoon": one expression.
    joined: list[tuple[int, int]] = []
    weekdays: set[tuple[int, int]] = set()
    for start, end in spans:
        # 12 characters hold the longest weekday and the spaces after it ("Wednesday ").
        before = re.search(r"\b(\w+)\s+$", text[max(0, start - 12) : start])
        if before and text[start:end].lower() in _PARTS_OF_DAY:
            day = before.group(1)
            if day.lower() in WEEKDAYS:
                day_start = start - len(before.group(0))
                weekdays.add((day_start, day_start + len(day)))
                start = day_start
        joined.append((start, end))
    spans = [span for span in joined if span not in weekdays]
    pieces = [piece for start, end in sorted(spans) for piece in range_pieces(text, start, end)]
    # (offset, weekday) of every weekday written, a kind of thing's too ("Friday prayers").
    named_days = [(s, WEEKDAYS.index(w.lower())) for s, _e, w in pieces if w.lower() in WEEKDAYS]
    for start, end, written in pieces:
        first = starts.get(start)
        if (
            first is not None
            and first.end == end
            and written.lower() in WEEKDAYS
            and (
                first.dep in ("compound", "amod", "nmod")
                or (first.dep == "conj" and _modifier_weekday(doc.tree, first.head))
            )
            # "On Friday Mamdouh Salim ...": a weekday after "on", or glued to a
            # name by the parser, is a date.
            and not _ON.search(text[max(0, start - 4) : start])
            and not _head_is_name(doc.tree, first)
        ):
            continue  # "Sunday shifts": a kind of shift, not a date
        if _is_name(text, start, end, first, doc.tree) or _MONTH_BEFORE_NAME.search(written):
            continue  # "Theresa May", "Trump and May met", "USA Today", "Jan Egeland"
        if written.isdigit() and _NUMBERED.search(text[max(0, start - 16) : start]):
            continue  # "Resolution 1973", "No. 1987", "Flight 1998": a number, no year
        if _clock_time(text, start, written, stamps):
            continue  # "1653 local time", "1600 GMT", a live page's "1602 Rear Adm ..."
        tense = tense_of(doc.tree, start, end)
        # "through September", "until Wednesday", "by Thursday at the earliest":
        # a limit ahead, unless a past verb makes it the nearest either way.
        if _LIMIT.search(text[max(0, start - 24) : start]) or _LIMIT.match(written):
            tense = "future" if tense == "future" else "near"
        if (
            anchor is not None
            and (early := _EARLY_DAY.fullmatch(written.strip()))
            and WEEKDAYS.index(early.group(1).lower()) == (anchor.weekday() + 1) % 7
        ):
            # "in a televised speech early Saturday" in a page of Friday: the page
            # was updated after midnight, where it happened; not six days before.
            tense = "near"
        kind, value, mod, relative = normalize(re.sub(r"\s+,", ",", written), anchor, tense)
        if (
            relative
            and value
            and (year := _header_year(text, start))
            and _month_of(written.split()[0])
        ):
            # A chronology's "Nov. 22 -- ..." under its year's header line ("1999:").
            kind, value, mod, relative = normalize(f"{written} {year}", None)
        if (step := _day_anaphor(written)) is not None:
            # "The following day": the day after the one stated just before, else unknown.
            day = _day_before_it(doc, out, start)
            kind, mod, relative = "DATE", None, True
            value = (day + dt.timedelta(days=step)).isoformat() if day else None
        if relative and anchor is not None and (said := _said_on(doc, out, start)) is not None:
            # 'Khan remarked in January: "His visit next month ..."': a quotation
            # counts from when it was said, when its sentence says so.
            kind, value, mod, relative = _from_saying(written, tense, said, anchor)
        if _WEEKS_AGO.fullmatch(written.strip()) and value and (day := _day_value(value)):
            # "One week ago, Egyptians emerged from Friday prayers": the weekday
            # the sentence names says which day "a week ago" was.
            value = _named_day_near(doc, start, day, named_days) or value
        out.append(Timex(start, end, text[start:end], kind, value, mod, relative))
    return tuple(out)


#: Quotation marks: those that open, those that close, and those that do either.
_OPENING, _CLOSING, _EITHER = ("“", "``"), ("”", "''"), ('"',)
_QUOTE_MARK = re.compile(r'“|”|``|\'\'|"')
#: Judgement call: a quotation runs over at most this many paragraphs.
_MAX_QUOTE_PARAGRAPHS = 4


def _without_verb(doc: ParsedArticle, start: int, end: int) -> tuple[int, int]:
    """A date's span without the finite verbs the tagger ran into its start ("flew
    Tuesday": "Tuesday"); not a participle of the date ("coming years", "opening
    day"), nor a month the tagger took for a verb ("May 5")."""
    tokens = doc.tree.between(start, end)
    k = 0
    while (
        k < len(tokens) - 1
        and tokens[k].tag in ("VBD", "VBZ", "VBP")
        and tokens[k].text.islower()
        and tokens[k].text not in ("last", "next", "past")
    ):
        k += 1
    return (tokens[k].start, end) if k else (start, end)


def _opening_mark(text: str, offset: int, paragraphs: int = _MAX_QUOTE_PARAGRAPHS) -> int | None:
    """Where the quotation an offset lies in opens, if it lies in one.

    A paragraph that opens with a quotation mark goes on with the quotation the
    paragraph before left open (the convention of quotes over several paragraphs).
    """
    start = text.rfind("\n", 0, offset) + 1
    opened: int | None = None
    for m in _QUOTE_MARK.finditer(text, start, offset):
        mark = m.group(0)
        opens = mark in _OPENING or (mark in _EITHER and opened is None)
        opened = m.start() if opens else None
    if opened is None or text[start:opened].strip() or paragraphs <= 1:
        return opened
    before = text[:start].rstrip()
    earlier = _opening_mark(text, len(before), paragraphs - 1) if before else None
    return opened if earlier is None else earlier


def _said_on(doc: ParsedArticle, found: Sequence[Timex], offset: int) -> Timex | None:
    """The date its sentence gives the saying of the quotation an offset lies in.

    'Khan remarked in January that: "..."', 'Saif said late Thursday: "..."':
    a date of a speech verb in the words before the quotation's opening mark,
    in its sentence or the one before. None when the offset is in no quotation
    or no such date is stated.
    """
    opening = _opening_mark(doc.article.text, offset)
    if opening is None:
        return None
    sentence = doc.tree.sentence_at(opening)
    if sentence is None:
        return None
    first = doc.sentences[sentence.index - 1].start if sentence.index > 0 else sentence.start
    for timex in reversed(found):
        if timex.start >= opening:
            continue
        if timex.start < first:
            return None
        verb = _speech_verb_of(doc.tree, timex.start, timex.end)
        if timex.type == "DATE" and timex.value and verb is not None:
            return timex
    return None


def _speech_verb_of(tree: TokenTree, start: int, end: int) -> Token | None:
    inside = tree.between(start, end)
    token = inside[-1] if inside else None
    for _ in range(TENSE_HOPS):
        if token is None:
            return None
        if token.pos in ("VERB", "AUX") and not start <= token.start < end:
            return token if token.lemma.lower() in SPEECH_VERBS | {"remark"} else None
        if token.head == token.index:
            return None
        token = tree.token(token.head)
    return None


_MONTH_STEP = re.compile(r"(?:the\s+)?(next|last|this|coming|past)\s+month", re.IGNORECASE)


def _from_saying(
    written: str, tense: Tense, said: Timex, anchor: dt.date
) -> tuple[str, str | None, str | None, bool]:
    """A relative expression of a quotation, counted from the day or month it was said.

    Said on a day: counted from that day. Said in a month: "next month" and
    "last month" count from it, and an expression that needs a day stays
    unknown. Said on the publication day: as before.
    """
    parsed = date_of(said.value)
    if parsed is None or parsed[1] not in ("day", "month"):
        return normalize(written, anchor, tense)
    day, granularity = parsed
    if granularity == "day":
        return normalize(written, day, tense)
    if day.year == anchor.year and day.month == anchor.month:
        return normalize(written, anchor, tense)
    kind, _value, mod, relative = normalize(written, anchor, tense)
    if (m := _MONTH_STEP.fullmatch(written.strip(" ,.;:"))) is not None:
        step = {"next": 1, "coming": 1, "last": -1, "past": -1}.get(m.group(1).lower(), 0)
        month = _shift_month(day, step)
        return kind, f"{month.year:04d}-{month.month:02d}", mod, relative
    return kind, None, mod, relative


_EARLY_DAY = re.compile(
    r"early\s+(monday|tuesday|wednesday|thursday|friday|saturday|sunday)", re.IGNORECASE
)
_WEEKS_AGO = re.compile(r"(?:a|one|two|three|\d+)\s+weeks?\s+ago", re.IGNORECASE)
#: Judgement call: a weekday this many days or fewer from "a week ago" is the day it meant.
_WEEK_AGO_SLACK = 2


def _named_day_near(
    doc: ParsedArticle, start: int, day: dt.date, named_days: Sequence[tuple[int, int]]
) -> str | None:
    """The day of the one weekday the sentence names within a few days of ``day``."""
    sentence = doc.tree.sentence_at(start)
    if sentence is None:
        return None
    near = {
        day + dt.timedelta(days=shift)
        for offset, weekday in named_days
        if sentence.start <= offset < sentence.end
        for shift in range(-_WEEK_AGO_SLACK, _WEEK_AGO_SLACK + 1)
        if (day + dt.timedelta(days=shift)).weekday() == weekday
    }
    return next(iter(near)).isoformat() if len(near) == 1 else None


#: A month's abbreviation that is a given name: "Jan Egeland" (not "Jan. 12", "Jan 2010").
_MONTH_BEFORE_NAME = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\s+(?!(?:"
    + "|".join(m.capitalize() for m in (*MONTHS, *WEEKDAYS))
    + r")\b)[A-Z][a-z]+"
)
_ZONE = r"(?:GMT|UTC|BST|CET|CEST|EST|EDT|PST|PDT|ET|hrs|hours|local\s+time)\b"
#: What follows a clock time: a time zone or "local time" ("1653 local time", "1600
#: GMT"), or the same time in another zone in brackets ("1653 (2153 GMT)").
_TIME_ZONE = re.compile(rf"\s*(?:{_ZONE}|(?:\(|-LRB-)\s*[0-2]\d[0-5]\d\s*{_ZONE})")
#: A live page's time stamp: four digits before a capitalised word, opening a
#: line or glued to the end of the entry before ("1602 Rear Adm Victor Guillery
#: ...", "... looking for food and water 1828 US Agency for ..."), not after a
#: word a year follows ("in 1994 Aristide", "the 1994 World Cup").
_LINE_STAMP = re.compile(
    r"(?:^[ \t]*|(?<=[a-z.!?'\"”)])[ \t]+)"
    r"(?<!\bin )(?<!\bof )(?<!\bby )(?<!\bto )(?<!\bthe )(?<!\band )(?<!\bsince )"
    r"(?<!\bfrom )(?<!\buntil )(?<!\bearly )(?<!\blate )"
    r"([0-2]\d[0-5]\d)[ \t]+(?=[A-Z])",
    re.MULTILINE,
)
#: Judgement call: a page is a live page with time stamps when three figures read so.
MIN_LINE_STAMPS = 3


def _clock(digits: str) -> bool:
    return len(digits) == 4 and digits.isdigit() and int(digits[:2]) < 24 and int(digits[2:]) < 60


def _line_stamps(text: str) -> frozenset[int]:
    """Where the time stamps of a live page's entries are (``_LINE_STAMP``: a
    24-hour time before a capitalised word), when at least ``MIN_LINE_STAMPS`` are."""
    found = [m.start(1) for m in _LINE_STAMP.finditer(text) if _clock(m.group(1))]
    return frozenset(found) if len(found) >= MIN_LINE_STAMPS else frozenset()


def _clock_time(text: str, start: int, written: str, stamps: frozenset[int]) -> bool:
    """Whether four digits read as a year are a 24-hour clock time: before a time
    zone or "local time", or a live page's line stamp."""
    digits = written.strip()
    if not _clock(digits[:4]):
        return False
    if start in stamps:
        return True
    return digits.isdigit() and bool(_TIME_ZONE.match(text, start + len(written)))


def _holidays_with_years(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans, with a holiday and the year written after it one span ("Boxing Day, 2004")."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        if (
            out
            and _HOLIDAY_NAMES.fullmatch(text, out[-1][0], out[-1][1])
            and re.fullmatch(r"\s*,?\s*", text[out[-1][1] : start])
            and _PLAUSIBLE_YEAR.fullmatch(text, start, end)
        ):
            out[-1] = (out[-1][0], end)
            continue
        out.append((start, end))
    return out


_YEAR_HEADER = re.compile(
    r"^[ \t]*(?:[-*•]+[ \t]*)?(1[6-9]\d\d|20\d\d)[ \t]*:?[ \t]*$", re.MULTILINE
)
_LINE_ITEM = re.compile(r"[ \t]*(?:[-*•_]+[ \t]*)?$")


def _header_year(text: str, start: int) -> str | None:
    """The year of the chronology header line above a line that opens with this date."""
    line_start = text.rfind("\n", 0, start) + 1
    if not _LINE_ITEM.fullmatch(text[line_start:start]):
        return None
    headers = [m.group(1) for m in _YEAR_HEADER.finditer(text, 0, line_start)]
    return headers[-1] if headers else None


_DAY_ANAPHOR = re.compile(
    r"(?:the\s+)?(?:(?P<after>following|next)\s+day|day\s+(?P<after2>after)|(?:previous|prior)\s+day"
    r"|day\s+before|a\s+day\s+(?P<later>later|after)|a\s+day\s+(?:earlier|before))"
)


_UNTAGGED_ANAPHORS = re.compile(
    r"\b(?:the\s+(?:following|next|previous)\s+day|a\s+day\s+(?:later|earlier))\b",
    re.IGNORECASE,
)


def _day_anaphor(written: str) -> int | None:
    """+1 for "the following day", "a day later"; -1 for "the day before"; else None."""
    m = _DAY_ANAPHOR.fullmatch(" ".join(written.lower().split()).strip(" ,.;:"))
    if m is None:
        return None
    return 1 if m.group("after") or m.group("after2") or m.group("later") else -1


def _day_before_it(doc: ParsedArticle, found: list[Timex], start: int) -> dt.date | None:
    """The day the last date stated before ``start`` names, in its sentence or the one before."""
    sentence = doc.tree.sentence_at(start)
    if sentence is None:
        return None
    first = doc.sentences[sentence.index - 1].start if sentence.index > 0 else sentence.start
    for timex in reversed(found):
        if timex.start < first:
            return None
        if timex.type in ("DATE", "TIME") and timex.value and (m := _DAY_VALUE.match(timex.value)):
            return dt.date.fromisoformat(m.group(0))
    return None


_DAY_VALUE = re.compile(r"\d{4}-\d\d-\d\d")


_LIMIT = re.compile(
    r"(?:^|\b)(?:until|till|through|thru|by|as of|as early as|no later than)\s+$"
    r"|^(?:until|till|through|by|as of|as early as|no later than)\s",
    re.IGNORECASE,
)
#: Words before a month's name that make it a person's name ("Capt. Ada March").
_NAME_TITLES = frozenset(
    ("mrs", "mr", "ms", "miss", "dr", "capt", "gen", "sen", "rep", "prof", "minister", "premier")
)
#: Words before a month's name that keep it a month ("In May", "since June").
_MONTH_WORDS = frozenset(
    (
        *("since", "until", "till", "through", "during", "early", "late", "mid", "last"),
        *("next", "this", "before", "after", "between", "throughout", "every", "each"),
    )
)
_NAME_ROLES = frozenset(("nsubj", "nsubjpass", "dobj", "poss", "appos", "agent"))


def _is_name(text: str, start: int, end: int, first: Token | None, tree: TokenTree) -> bool:
    """Whether an expression is a name that looks like a date: "Theresa May", "USA Today"."""
    word = text[start:end]
    if not word[:1].isupper() or " " in word:
        return False
    before = re.search(r"(\S+)\s+$", text[max(0, start - 30) : start])
    previous = before.group(1) if before else ""
    capitalised_before = (
        previous[:1].isupper()
        and previous.isalpha()
        and previous.lower() not in _MONTH_WORDS
        and previous.lower() not in TITLE_SMALL_WORDS
        and _month_of(previous) is None
        and previous.lower() not in WEEKDAYS
    )
    if capitalised_before and first is not None and first.index > 0:
        # "Around May" is no name; "Theresa May" and "USA Today" are (proper nouns).
        token_before = tree.token(first.index - 1)
        capitalised_before = token_before is None or token_before.pos == "PROPN"
    if word.lower() in ("today", "now", "tonight"):
        return capitalised_before
    if _month_of(word) is None or word.lower().strip(".") not in MONTHS:
        return False
    if previous.lower().strip(".") in _NAME_TITLES or capitalised_before:
        return True
    if first is None or first.end != end:
        return False
    role = first.dep
    if role == "conj" and (head := tree.token(first.head)) is not None:
        role = head.dep
    return role in _NAME_ROLES


_YEAR_RANGE = re.compile(r"(\d{4})\s*[-–]\s*(\d{4}|\d{2})")
#: "1992 and 1993", "from 1994 to last year": a year, then another end of its own.
_YEAR_AND = re.compile(
    r"(?:(?:from|between)\s+)?(1[6-9]\d\d|20\d\d)\s+(?:and|to|or|through|until)\s+(\S.*)",
    re.IGNORECASE,
)
_NUMBER_RANGE = re.compile(
    r"(?:between\s+)?(\w+)\s+(?:and|to|or|-|–)\s+(\w+\s+(second|minute|hour|day|week|month|year)s?)",
    re.IGNORECASE,
)


def range_pieces(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """A span, or the two ends of a range it gives, each with the text to normalise.

    "2009-2010", "1957-58" and "1992 and 1993" are two years ("from 1994 to
    last year": a year and "last year"); "between 12 and 18 months" is
    "12 months" (written "12") and "18 months".
    """
    written = text[start:end]
    if m := _YEAR_RANGE.fullmatch(written):
        first, second = m.group(1), m.group(2)
        if len(second) == 2:
            second = first[:2] + second
        return [
            (start + m.start(1), start + m.end(1), first),
            (start + m.start(2), start + m.end(2), second),
        ]
    if m := _YEAR_AND.fullmatch(written):
        return [
            (start + m.start(1), start + m.end(1), m.group(1)),
            (start + m.start(2), end, m.group(2)),
        ]
    if (m := _NUMBER_RANGE.fullmatch(written)) and number_in_words(m.group(1).lower()) is not None:
        return [
            (start + m.start(1), start + m.end(1), f"{m.group(1)} {m.group(3)}s"),
            (start + m.start(2), end, m.group(2)),
        ]
    return [(start, end, written)]


_ON = re.compile(r"\bon\s+$", re.IGNORECASE)


def _head_is_name(tree: TokenTree, token: Token) -> bool:
    head = tree.token(token.head)
    return (
        head is not None
        and head.index != token.index
        and head.pos == "PROPN"
        and head.text.lower() not in WEEKDAYS
        and _month_of(head.text.lower()) is None
    )


def _modifier_weekday(tree: TokenTree, index: int) -> bool:
    head = tree.token(index)
    return (
        head is not None
        and head.text.lower() in WEEKDAYS
        and head.dep in ("compound", "amod", "nmod")
    )
