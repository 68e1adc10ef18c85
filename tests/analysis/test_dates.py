"""Publication dates estimated from the text: hand-built documents (no model), and the seeds."""

from __future__ import annotations

from typing import Any

import pytest

from storybrief.analysis.dates import estimate_dates
from tests.conftest import TokenSpec, build_parsed, seed_document

# --- Hand-built documents: what is evidence of a date, no model -----------------------------


def test_dates_an_undated_document_gets_the_latest_full_date_its_text_states() -> None:
    text = (
        "The dam burst on Friday, Feb. 1, 2013. Rescuers searched the valley until "
        "Sunday, Feb. 3, 2013."
    )
    doc = build_parsed(text, mentions=[("Feb. 1, 2013", "DATE"), ("Feb. 3, 2013", "DATE")])
    (dated,) = estimate_dates([doc])
    published = dated.article.published
    assert published is not None
    assert (published.iso(), published.granularity, published.estimated) == (
        "2013-02-03",
        "day",
        True,
    )
    evidence = published.evidence
    assert evidence is not None
    assert evidence.location == "text"
    assert text[evidence.start : evidence.end] == "Sunday, Feb. 3, 2013"


@pytest.mark.issue(20)
def test_dates_a_day_without_its_weekday_is_another_days() -> None:
    # Background, a day to come: neither is the day the story was written (judge19's
    # d07D0706B, a 1998 story dated 1988 by "came to power on Sept. 18, 1988").
    for text, day in (
        ("The junta came to power on Sept. 18, 1988. It arrested 300 people on Sunday.", None),
        ("Notes and coins will circulate from Jan. 1, 2002, the bank said on Tuesday.", None),
        # A weekday that is not the date's own is no evidence either.
        ("The dam burst on Monday, Feb. 1, 2013, the council said.", None),
        ("The dam burst on Friday, Feb. 1, 2013, the council said.", "2013-02-01"),
    ):
        date = next(d for d in ("Sept. 18, 1988", "Jan. 1, 2002", "Feb. 1, 2013") if d in text)
        (out,) = estimate_dates([build_parsed(text, mentions=[(date, "DATE")])])
        published = out.article.published
        assert (published.iso() if published else None) == day


@pytest.mark.issue(20)
def test_dates_a_page_that_stamps_its_day_states_its_date() -> None:
    head = "Published: June 22, 2017 1:24 pm"
    text = (
        f"{head}\n\nA jogger drowned a rabid raccoon near Calder on June 5, 2017. "
        "Officials confirmed on Wednesday that it had rabies."
    )
    doc = build_parsed(text, mentions=[("June 22, 2017", "DATE"), ("June 5, 2017", "DATE")])
    (dated,) = estimate_dates([doc])
    published = dated.article.published
    # The page says when it was put up: its day is stated, not guessed.
    assert published is not None
    assert (published.iso(), published.estimated) == ("2017-06-22", False)
    assert published.evidence is not None
    assert text[published.evidence.start : published.evidence.end] == "Published: June 22, 2017"
    # An update's stamp is not the day the copy was written: "Wednesday" may be weeks
    # before it.
    updated = text.replace("Published:", "Updated:")
    doc = build_parsed(updated, mentions=[("June 22, 2017", "DATE"), ("June 5, 2017", "DATE")])
    (dated,) = estimate_dates([doc])
    assert dated.article.published is None or dated.article.published.estimated
    # A date in a sentence is no stamp, whatever word comes before it.
    text = "The council updated: Thursday, June 22, 2017 was the day the pier closed."
    doc = build_parsed(text, mentions=[("June 22, 2017", "DATE")])
    (dated,) = estimate_dates([doc])
    assert dated.article.published is not None
    assert dated.article.published.estimated


@pytest.mark.issue(20)
def test_dates_a_date_alone_on_a_line_under_the_title_is_the_pages_stamp() -> None:
    for line, date in (
        ("April 04, 2007", "April 04, 2007"),
        ("WEDNESDAY, APRIL 4, 2007, 10:53 AM", "APRIL 4, 2007"),
        ("Apr 4, 2007, 1:17pm EST", "Apr 4, 2007"),
    ):
        text = (
            f"Calder pier closes\n\nThe port gives up on its oldest pier.\n\n{line}\n\n"
            "The harbour board closed the Calder pier on Tuesday, a week after the "
            "ferry Norland struck it on March 27, 2007."
        )
        doc = build_parsed(text, mentions=[(date, "DATE"), ("March 27, 2007", "DATE")])
        (dated,) = estimate_dates([doc])
        published = dated.article.published
        # The page says its day under its title and deck: stated, not guessed.
        assert published is not None, line
        assert (published.iso(), published.estimated) == ("2007-04-04", False)
        assert published.evidence is not None
        assert text[published.evidence.start : published.evidence.end].endswith(date)
    # A date line further down the page is a box's or a list's; a date with more words
    # on its line is a sentence's.
    body = " ".join(f"The pier was repaired in year {k}." for k in range(1, 7))
    for text in (
        "Calder pier closes\n\n" + "\n\n".join(body.split(". ")) + "\n\nApril 04, 2007\n\nEnd.",
        "Calder pier closes\n\nThe pier shut on April 04, 2007\n\nThe board said so.",
    ):
        doc = build_parsed(text, mentions=[("April 04, 2007", "DATE")])
        (dated,) = estimate_dates([doc])
        published = dated.article.published
        assert published is None or published.estimated, text


@pytest.mark.issue(20)
def test_dates_a_day_before_a_later_year_the_text_states_dates_nothing() -> None:
    # A review: the story it tells is set on a day long past, the film it reviews is of
    # a later year. The writing is after both; no day dates it.
    text = (
        "The girl is murdered on Dec. 6, 1973, on her way home. "
        "The film, released in 2009, follows her family. "
        "The studio reported record sales in March 2010."
    )
    for later in ("2009", "March 2010"):
        doc = build_parsed(text, mentions=[("Dec. 6, 1973", "DATE"), (later, "DATE")])
        (undated,) = estimate_dates([doc])
        assert undated.article.published is None
    # An earlier year, or a month the day is in, leaves the day the latest.
    text = "In 1998 the dam was built. It burst on Friday, Feb. 1, 2013, in February 2013's storms."
    doc = build_parsed(
        text,
        mentions=[("1998", "DATE"), ("Feb. 1, 2013", "DATE"), ("February 2013", "DATE")],
    )
    (dated,) = estimate_dates([doc])
    assert dated.article.published is not None
    assert dated.article.published.iso() == "2013-02-01"


@pytest.mark.issue(18)
def test_dates_a_file_photo_caption_does_not_date_the_article() -> None:
    text = (
        "FILE - In this April 17, 2018 file photo, the singer arrives at a premiere. "
        "The singer was arrested on Thursday at the Capitol."
    )
    doc = build_parsed(text, mentions=[("April 17, 2018", "DATE")])
    (dated,) = estimate_dates([doc])
    assert dated.article.published is None


@pytest.mark.issue(18)
def test_dates_a_caption_block_does_not_date_the_article_but_the_body_does() -> None:
    caption = "Two captains stand on the quay at Port Ellis on Dec. 20, 2010."
    text = f"{caption}\n\nThe hearing opened on Monday, Nov. 1, 2010, in the harbour court."
    doc = build_parsed(
        text,
        mentions=[("Dec. 20, 2010", "DATE"), ("Nov. 1, 2010", "DATE")],
        captions=((0, len(caption)),),
    )
    (dated,) = estimate_dates([doc])
    assert dated.article.published is not None
    assert dated.article.published.iso() == "2010-11-01"


@pytest.mark.issue(20)
def test_dates_a_caption_of_the_day_the_story_names_dates_the_article() -> None:
    body = "A gunman opened fire on a car on the Calder Strip early Thursday, police said."

    def dated(caption: str, story: str = body) -> str | None:
        text = f"{caption}\n\n{story}"
        date = caption[caption.index(",") + 2 : caption.rindex(" in")]  # "Thursday, Feb. ..."
        mentions = [(date, "DATE")] + [("early Thursday", "DATE")] * ("Thursday" in story)
        doc = build_parsed(text, mentions=mentions, captions=((0, len(caption)),))
        (out,) = estimate_dates([doc])
        published = out.article.published
        if published is None:
            return None
        assert published.estimated
        assert published.evidence is not None
        assert text[published.evidence.start : published.evidence.end] == date
        return published.iso()

    # The picture is of the story's "Thursday": its day dates the article, as an
    # estimate that cites the caption. (21 February 2013 was a Thursday.)
    assert dated("Police at the scene of the shooting, Thursday, Feb. 21, 2013 in Calder.") == (
        "2013-02-21"
    )
    # A weekday that is not the date's is a slip: no evidence. A caption's day that
    # the story never names as its own may be any picture's.
    assert dated("Police at the scene of the shooting, Friday, Feb. 21, 2013 in Calder.") is None
    story = "A gunman opened fire on a car on the Calder Strip, police said."
    caption = "Police at the scene of the shooting, Thursday, Feb. 21, 2013 in Calder."
    assert dated(caption, story) is None


@pytest.mark.issue(18)
def test_dates_who_stands_where_marks_a_caption() -> None:
    text = "Jane Roe (2nd L) and John Doe (R) sit with their lawyers in Lima on May 20, 2010."
    doc = build_parsed(text, mentions=[("May 20, 2010", "DATE")])
    (dated,) = estimate_dates([doc])
    assert dated.article.published is None


def test_dates_a_stated_date_is_kept() -> None:
    doc = build_parsed(
        "The dam burst on Feb. 1, 2013.",
        mentions=[("Feb. 1, 2013", "DATE")],
        published="2013-02-05",
    )
    assert estimate_dates([doc]) == (doc,)


# "The inquiry will report on March 9, 2013.": a date ahead is not when it was written.
WILL_REPORT: list[TokenSpec] = [
    ("The", "the", "DET", "DT", "det", "inquiry"),
    ("inquiry", "inquiry", "NOUN", "NN", "nsubj", "report"),
    ("will", "will", "AUX", "MD", "aux", "report"),
    ("report", "report", "VERB", "VB", "ROOT", None),
    ("on", "on", "ADP", "IN", "prep", "report"),
    ("March", "March", "PROPN", "NNP", "pobj", "on"),
    ("9", "9", "NUM", "CD", "nummod", "March"),
    (",", ",", "PUNCT", ",", "punct", "March"),
    ("2013", "2013", "NUM", "CD", "nummod", "March"),
    ".",
]


# "We will show the moon rising over Calder on March 9, 2013.": the clause a future
# verb completes is ahead too.
WILL_SHOW: list[TokenSpec] = [
    ("We", "we", "PRON", "PRP", "nsubj", "show"),
    ("will", "will", "AUX", "MD", "aux", "show"),
    ("show", "show", "VERB", "VB", "ROOT", None),
    ("the", "the", "DET", "DT", "det", "moon"),
    ("moon", "moon", "NOUN", "NN", "nsubj", "rising"),
    ("rising", "rise", "VERB", "VBG", "ccomp", "show"),
    ("over", "over", "ADP", "IN", "prep", "rising"),
    ("Calder", "Calder", "PROPN", "NNP", "pobj", "over"),
    ("on", "on", "ADP", "IN", "prep", "rising"),
    ("March", "March", "PROPN", "NNP", "pobj", "on"),
    ("9", "9", "NUM", "CD", "nummod", "March"),
    (",", ",", "PUNCT", ",", "punct", "March"),
    ("2013", "2013", "NUM", "CD", "nummod", "March"),
    ".",
]


@pytest.mark.parametrize(
    ("text", "sentences", "date"),
    [
        ("The dam burst in February 2013.", None, "February 2013"),
        ("The inquiry will report on March 9, 2013.", [WILL_REPORT], "March 9, 2013"),
        (
            "We will show the moon rising over Calder on March 9, 2013.",
            [WILL_SHOW],
            "March 9, 2013",
        ),
        ("The dam burst on Friday.", None, "Friday"),
    ],
    ids=["a month alone", "a future date", "completes a future verb", "a relative day"],
)
def test_dates_no_estimate_without_a_full_past_date(
    text: str, sentences: list[list[TokenSpec]] | None, date: str
) -> None:
    doc = build_parsed(text, sentences, [(date, "DATE")])
    (undated,) = estimate_dates([doc])
    assert undated.article.published is None


# --- The seeds (the English model) ----------------------------------------------------------


@pytest.mark.model
def test_seed_dates_are_stated_estimated_with_evidence_or_unknown(seeds_brief: Any) -> None:
    stated = seed_document(seeds_brief, "001_8056b7e6942b9be6.txt").article.published
    assert (stated.iso(), stated.estimated) == ("2013-02-02", False)
    estimate = seed_document(seeds_brief, "000_04d76850fbd2c8bc.txt").article.published
    assert estimate.estimated
    assert estimate.iso().startswith("2013-02")
    doc = seed_document(seeds_brief, "000_04d76850fbd2c8bc.txt")
    evidence = doc.article.text[estimate.evidence.start : estimate.evidence.end]
    assert "2013" in evidence
    # Nothing in these texts states a full date: no date is invented for them.
    for name in ("002_0d67aa0fa0fc8738.txt", "004_ca769873db705c5c.txt"):
        assert seed_document(seeds_brief, name).article.published is None


@pytest.mark.slow
@pytest.mark.issue(20)
def test_estimated_publication_dates_quality_gate_on_duc2007() -> None:
    """Estimates of withheld dates on DUC 2007's wire copy (every date withheld, and
    every other), scored as ``benchmarks/pubdates.py`` scores them: the share right and
    how many are made, against the pinned floors. An estimate that is mostly wrong is
    worse than none."""
    from tests.conftest import load_benchmark
    from tests.gold.pin import floor

    bench = load_benchmark("pubdates")
    if not bench.DUC2007.is_file():
        pytest.skip(f"{bench.DUC2007} not found")
    counts, _ = bench.score(10)  # the ten DUC 2007 topics come first
    shares = [bench.right_share(c) for c in counts.values()]
    right, made = sum(r for r, _ in shares), sum(n for _, n in shares)
    assert made >= floor("pubdates_duc2007_estimates")
    assert right / made >= floor("pubdates_duc2007_right_share")
