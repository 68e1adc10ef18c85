"""Publication dates the text supports, where the input states none.

Method (``dates.v1``): a document whose date is not stated gets an estimate
when its text states a full date (day, month, year) outside future-tense
context (a dated caption, "Feb. 3, 2013"): the latest such date, marked
``estimated`` with that expression as evidence (an article is written on or
after the latest day it reports). A month or a year alone is no evidence;
without one the date stays unknown.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace

from storybrief.analysis.timex import Timex, document_timexes, tense_of
from storybrief.model import DateRef, Evidence, Granularity, ParsedArticle, date_of

METHOD = "dates.v1"


def estimate_dates(documents: Sequence[ParsedArticle]) -> tuple[ParsedArticle, ...]:
    """The documents, with an estimated publication date where the text supports one."""
    out = []
    for doc in documents:
        if doc.article.published is not None:
            out.append(doc)
            continue
        best: tuple[dt.date, Granularity, Timex] | None = None
        for timex in document_timexes(doc, None):
            if timex.type != "DATE" or timex.relative or timex.mod is not None:
                continue
            parsed = date_of(timex.value)
            if parsed is None or parsed[1] != "day":
                continue
            if tense_of(doc.tree, timex.start, timex.end) == "future":
                continue
            if best is None or parsed[0] > best[0]:
                best = (parsed[0], parsed[1], timex)
        if best is None:
            out.append(doc)
            continue
        day, granularity, timex = best
        evidence = Evidence(
            f"latest date the text states: {timex.text!r}", "text", timex.start, timex.end
        )
        published = DateRef(day, granularity, estimated=True, evidence=evidence)
        out.append(replace(doc, article=doc.article.with_published(published)))
    return tuple(out)
