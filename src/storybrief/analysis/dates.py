"""Publication dates the text supports, where the input states none.

Method (``dates.v3``): a document whose date is not stated gets an estimate
when its text states a full date (day, month, year) outside future-tense
context: the latest such date, marked ``estimated`` with that expression as
evidence (an article is written on or after the latest day it reports). A
month or a year alone is no evidence; without one the date stays unknown, and
so it does when the text states a month or a year after that day (``dates.v3``:
the latest time it reports is then no day).
A photo caption's date is the picture's, never the article's ("FILE - In
this April 17, 2018 file photo", "... sit with their mothers in Tehran May
20, 2010"): dates in captions (``Article.captions``) and in sentences that
read as captions (``text.is_caption_like``) are not evidence.

Since ``dates.v4``: a page that stamps the day it was put up on a line of its own
("Published: June 22, 2017 1:24 pm", "Posted Jan. 2, 2012") states its date: the
stamp's day is its publication day, not an estimate (so its "Wednesday" is
resolved as a dated page's is). An "Updated:" stamp is not: the copy is older.

Since ``dates.v5``: a caption that states a day with its weekday ("... on the Las
Vegas Strip early Thursday, Feb. 21, 2013"), where the story's own text names that
weekday and no day of its own ("opened fire early Thursday"), dates the page as an
estimate: the picture is of the story's day, and the story's "Thursday" is that day.

Since ``dates.v6``: the latest full date counts only as written with its weekday, the
date's own ("Wednesday, Feb. 9, 2000"). Briefed with their dates withheld, DUC 2007 and
DUC 2006 wire copy had 51 such latest days without that test, 7 of them the page's own:
most were another day's, background ("came to power on Sept. 18, 1988"), a coming one
("from January 1, 2002") or an anniversary's. And an undated document's month is
estimated from the day of a document it reports the same events with only where that
day is stated (``episodes``), not itself an estimate.

Since ``dates.v7``: a date alone on a line in the page's head ("April 04, 2007" under
the title, "WEDNESDAY, MARCH 4, 2009, 10:53 AM") is the page's stamp too: of ECB+'s 502
second-half pages, 176 have one, and of the 23 whose address holds a day, 22 state that
day (one the day after).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import replace

from storybrief.analysis.timex import Timex, document_timexes, tense_of
from storybrief.lexicon import WEEKDAYS
from storybrief.model import DateRef, Evidence, Granularity, ParsedArticle, date_of
from storybrief.text import is_caption_like

METHOD = "dates.v7"

#: A page's own stamp of when it was put up, a line of its own: "Published: June 22,
#: 2017 1:24 pm", "Published on March 3, 2012", "Posted Jan. 2, 2012 at 5:10 AM". (Not
#: "Updated: ...": a page is updated days or weeks after the copy was written, and its
#: "Wednesday" is the writing's.)
_STAMP = re.compile(
    r"(?:^|\n)[ \t]*(?:Posted|Published|First\s+published)(?:\s+(?:on|at))?\s*:?\s*$",
    re.IGNORECASE,
)
#: A stamp's line holds the date and no more than a time after it ("1:24 pm EDT").
STAMP_TAIL = 40
#: A line that is a date and nothing else but its weekday and a time ("April 04, 2007",
#: "WEDNESDAY, MARCH 4, 2009, 10:53 AM", "Nov 13, 2007, 1:17pm EST"): the page's stamp
#: too, where it stands in the page's head (``HEAD_LINES``). Of the 502 pages of ECB+'s
#: second half, 176 have one; of the 23 whose address holds a day, 22 state that day
#: and one the day after.
_BARE_LINE = re.compile(
    r"[\s,.:|-]*(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day[\s,.]*)?"
    r"@"
    r"[\s,.:|-]*(?:(?:at\s+)?\d{1,2}[:.]\d\d\s*(?:[ap]\.?\s?m\.?)?(?:\s+[A-Z]{2,4})?)?[\s,.]*",
    re.IGNORECASE,
)
#: Judgement call: the page's head is its first lines (a title, a deck, a byline, the
#: stamp); a date line further down is a box's or a list's.
HEAD_LINES = 5


def _in_caption(doc: ParsedArticle, offset: int) -> bool:
    """Whether the offset is in a photo caption: a caption block, or a caption-like sentence."""
    if any(start <= offset < end for start, end in doc.article.captions):
        return True
    sentence = doc.tree.sentence_at(offset)
    return sentence is not None and is_caption_like(sentence.text)


def _caption_day(doc: ParsedArticle) -> tuple[dt.date, Timex] | None:
    """The day a photo caption states with its weekday ("... on the Las Vegas Strip
    early Thursday, Feb. 21, 2013"), where the story's own text names that weekday and
    no day of its own ("opened fire early Thursday"): the picture is of the story's
    day. The weekday must be the date's (a caption's slip reads as no evidence); the
    latest such day, if several."""
    text = doc.article.text
    found: list[tuple[dt.date, Timex]] = []
    named: set[str] = set()  # the weekdays the story's own text names
    for timex in document_timexes(doc, None):
        if timex.type != "DATE":
            continue
        words = set(_WORD.findall(timex.text.lower()))
        if not _in_caption(doc, timex.start):
            if timex.relative:
                named.update(words & set(WEEKDAYS))
            continue
        parsed = date_of(timex.value) if timex.value else None
        if timex.relative or parsed is None or parsed[1] != "day":
            continue
        dated = _with_weekday(text, timex, parsed[0])
        if dated is not None:
            found.append((parsed[0], dated))
    found = [(day, timex) for day, timex in found if WEEKDAYS[day.weekday()] in named]
    return max(found, key=lambda f: f[0]) if found else None


def _with_weekday(text: str, timex: Timex, day: dt.date) -> Timex | None:
    """The day's time expression with the weekday written with it, the date's own
    ("Thursday, Feb. 21, 2013"; the weekday may be a time expression of its own, "early
    Thursday, Feb. 21, 2013"), else None."""
    weekday = WEEKDAYS[day.weekday()]
    if weekday in _WORD.findall(timex.text.lower()):
        return timex
    at = text.lower().rfind(weekday, max(0, timex.start - _WEEKDAY_BEFORE), timex.start)
    if at >= 0 and not _ALNUM.search(text, at + len(weekday), timex.start):
        return replace(timex, start=at, text=text[at : timex.end])
    return None


_WORD = re.compile(r"[a-z]+")
_ALNUM = re.compile(r"[A-Za-z0-9]")
#: How far before a caption's date its weekday may stand ("Thursday, ").
_WEEKDAY_BEFORE = 12


def _after(when: dt.date, grain: Granularity, day: dt.date) -> bool:
    """Whether a month or a year lies wholly after a day."""
    if grain == "year":
        return when.year > day.year
    return (when.year, when.month) > (day.year, day.month)


def _bare_line(text: str, timex: Timex, line_start: int, line_end: int) -> bool:
    """Whether the date is a line of its own in the page's head: the line holds nothing
    else but its weekday and a time, and fewer than ``HEAD_LINES`` lines with words come
    before it."""
    line = text[line_start : timex.start] + "@" + text[timex.end : line_end]
    if not _BARE_LINE.fullmatch(line):
        return False
    before = [ln for ln in text[:line_start].split("\n") if any(c.isalnum() for c in ln)]
    return len(before) < HEAD_LINES


def _stamped(doc: ParsedArticle) -> DateRef | None:
    """The day a page's stamp states ("Published: June 22, 2017 1:24 pm" on a line of
    its own, or "April 04, 2007" alone under the title): stated by the page, not
    estimated. The earliest, where it has several
    (the copy was written for the day it was first put up)."""
    text = doc.article.text
    found = []
    for timex in document_timexes(doc, None):
        if timex.type != "DATE" or timex.relative or timex.mod is not None:
            continue
        parsed = date_of(timex.value)
        if parsed is None or parsed[1] != "day":
            continue
        line_start = text.rfind("\n", 0, timex.start) + 1
        line_end = text.find("\n", timex.end)
        line_end = len(text) if line_end < 0 else line_end
        stamped = line_end - timex.end <= STAMP_TAIL and _STAMP.search(
            text, line_start, timex.start
        )
        if not stamped and not _bare_line(text, timex, line_start, line_end):
            continue
        found.append((parsed[0], timex))
    if not found:
        return None
    day, timex = min(found, key=lambda f: f[0])
    line_start = text.rfind("\n", 0, timex.start) + 1
    evidence = Evidence(
        f"the page's stamp: {text[line_start : timex.end].strip()!r}", "text", line_start, timex.end
    )
    return DateRef(day, "day", evidence=evidence)


def estimate_dates(documents: Sequence[ParsedArticle]) -> tuple[ParsedArticle, ...]:
    """The documents, with an estimated publication date where the text supports one,
    and a stated one where the page stamps its day (``_stamped``)."""
    out = []
    for doc in documents:
        if doc.article.published is not None:
            out.append(doc)
            continue
        stamp = _stamped(doc)
        if stamp is not None:
            out.append(replace(doc, article=doc.article.with_published(stamp)))
            continue
        best: tuple[dt.date, Granularity, Timex] | None = None
        coarse: list[tuple[dt.date, Granularity]] = []  # the months and years it states
        for timex in document_timexes(doc, None):
            if timex.type != "DATE" or timex.relative or timex.mod is not None:
                continue
            parsed = date_of(timex.value)
            if parsed is None or parsed[1] not in ("day", "month", "year"):
                continue
            if tense_of(doc.tree, timex.start, timex.end) == "future":
                continue
            if _in_caption(doc, timex.start):
                continue
            if parsed[1] != "day":
                coarse.append((parsed[0], parsed[1]))
                continue
            # Only a day written with its weekday, the date's own ("Wednesday, Feb. 9,
            # 2000"): the story's day. A day without one is mostly another's: a
            # background date ("came to power on Sept. 18, 1988"), a coming one ("from
            # January 1, 2002"), an anniversary's. Briefed undated, DUC 2007 and DUC
            # 2006 had 51 latest days stated, 7 the page's own (1 of them with no
            # weekday).
            dated = _with_weekday(doc.article.text, timex, parsed[0])
            if dated is not None and (best is None or parsed[0] > best[0]):
                best = (parsed[0], parsed[1], dated)
        if best is not None and any(_after(when, grain, best[0]) for when, grain in coarse):
            # A later month or year is stated: the day is not the latest time the text
            # reports (a film's story set on "December 6, 1973" in a review that tells
            # of the film's 2009 release), and a month or a year dates no day.
            best = None
        if best is None:
            captioned = _caption_day(doc)
            if captioned is not None and not any(
                _after(when, grain, captioned[0]) for when, grain in coarse
            ):
                day, timex = captioned
                evidence = Evidence(
                    f"the day a caption states, whose weekday the text names: {timex.text!r}",
                    "text",
                    timex.start,
                    timex.end,
                )
                published = DateRef(day, "day", estimated=True, evidence=evidence)
                out.append(replace(doc, article=doc.article.with_published(published)))
                continue
        if best is None:
            out.append(doc)
            continue
        day, granularity, timex = best
        evidence = Evidence(
            f"latest date the text states with its weekday: {timex.text!r}",
            "text",
            timex.start,
            timex.end,
        )
        published = DateRef(day, granularity, estimated=True, evidence=evidence)
        out.append(replace(doc, article=doc.article.with_published(published)))
    return tuple(out)
