"""The timeline: hand-built documents (no model), the seeds, and the Timeline17 gate."""

from __future__ import annotations

import datetime as dt
import json
import re
import statistics
from typing import Any

import pytest

import storybrief
from storybrief.analysis.timeline import build_timeline
from storybrief.render import render
from storybrief.render.view import TimelineRow, key_events
from tests.conftest import SHARED, build_parsed, load_benchmark, seed_document
from tests.gold.pin import floor

# --- Hand-built documents: events, merging, no model ----------------------------------------

BRIDGE = "The Harlow bridge reopened to traffic on {date} after repairs."


@pytest.mark.parametrize(
    ("written", "date", "granularity"),
    [("May 6, 2024", "2024-05-06", "day"), ("May 2024", "2024-05", "month")],
)
def test_timeline_a_sentence_with_a_stated_date_is_an_event_of_that_date(
    written: str, date: str, granularity: str
) -> None:
    text = BRIDGE.format(date=written)
    doc = build_parsed(text, mentions=[(written, "DATE")], published="2024-05-08")
    (event,) = build_timeline([doc])
    assert (event.date, event.granularity, event.estimated) == (date, granularity, False)
    assert (event.text, event.start, event.end) == (text, 0, len(text))
    assert (event.timex.text, text[event.timex.start : event.timex.end]) == (written, written)
    assert (event.documents, event.reports) == (("d1",), 1)


@pytest.mark.parametrize(("written", "date"), [("2019", "2019"), ("next summer", "2025")])
def test_timeline_a_year_or_a_season_dates_its_sentence_to_the_year(
    written: str, date: str
) -> None:
    text = BRIDGE.format(date=written)
    doc = build_parsed(text, mentions=[(written, "DATE")], published="2024-09-08")
    (event,) = build_timeline([doc])
    assert (event.date, event.granularity, event.text) == (date, "year", text)


def test_timeline_a_year_is_reported_by_those_that_mention_it_not_by_all_published_in_it() -> None:
    year = build_parsed(
        BRIDGE.format(date="2019"), mentions=[("2019", "DATE")], published="2024-05-08"
    )
    other = build_parsed("Traffic was heavy.", doc_id="d2", published="2019-06-01")
    (event,) = build_timeline([year, other])
    assert (event.date, event.documents, event.reports) == ("2019", ("d1",), 1)


def test_timeline_a_year_is_no_event_in_a_document_of_that_year() -> None:
    doc = build_parsed(
        BRIDGE.format(date="2024"), mentions=[("2024", "DATE")], published="2024-05-08"
    )
    assert build_timeline([doc]) == ()


def test_timeline_a_winter_or_a_number_that_is_no_year_dates_nothing() -> None:
    for written in ("next winter", "4590"):
        doc = build_parsed(
            BRIDGE.format(date=written), mentions=[(written, "DATE")], published="2024-05-08"
        )
        assert build_timeline([doc]) == (), written


def test_timeline_a_date_in_the_headline_is_no_event() -> None:
    text = "Bridge reopens on May 6, 2024\n\nTraffic is back on the Harlow bridge."
    doc = build_parsed(
        text,
        mentions=[("May 6, 2024", "DATE")],
        published="2024-05-08",
        title="Bridge reopens on May 6, 2024",
    )
    assert build_timeline([doc]) == ()


def test_timeline_two_documents_reporting_the_same_dated_sentence_are_one_event() -> None:
    first = build_parsed(
        BRIDGE.format(date="May 6, 2024"),
        mentions=[("May 6, 2024", "DATE")],
        doc_id="d1",
        published="2024-05-08",
    )
    # "May 6" without its year: the one nearest the publication day.
    second = build_parsed(
        "Repairs done, the Harlow bridge reopened to traffic on May 6, officials said.",
        mentions=[("May 6", "DATE")],
        doc_id="d2",
        published="2024-05-07",
    )
    (event,) = build_timeline([first, second])
    assert event.date == "2024-05-06"
    assert sorted(event.documents) == ["d1", "d2"]
    assert event.reports == 2


def test_timeline_a_different_sentence_of_the_same_date_is_another_event() -> None:
    first = build_parsed(
        BRIDGE.format(date="May 6, 2024"),
        mentions=[("May 6, 2024", "DATE")],
        doc_id="d1",
        published="2024-05-08",
    )
    second = build_parsed(
        "The council elected a new mayor on May 6, 2024, in a close vote.",
        mentions=[("May 6, 2024", "DATE")],
        doc_id="d2",
        published="2024-05-08",
    )
    events = build_timeline([first, second])
    assert sorted((e.date, e.documents) for e in events) == [
        ("2024-05-06", ("d1",)),
        ("2024-05-06", ("d2",)),
    ]
    # Both report the date: each event counts both documents.
    assert {e.reports for e in events} == {2}


@pytest.mark.model
def test_timeline_events_are_traceable_sorted_and_resolved_from_the_stated_date(
    seeds_brief: Any,
) -> None:
    events = seeds_brief.timeline
    assert events
    for e in events:
        text = seeds_brief.document(e.doc_id).article.text
        assert text[e.start : e.end] == e.text
        assert e.start <= e.timex.start < e.end
        assert e.doc_id in e.documents
    days = [e.date for e in events if e.granularity == "day"]
    assert days == sorted(days)
    munich = seed_document(seeds_brief, "001_8056b7e6942b9be6.txt")
    # Its "Saturday" is the day it was published (a Saturday).
    assert any(e.date == "2013-02-02" and munich.id in e.documents for e in events)
    # Undated documents contribute no relative dates.
    undated = {
        seed_document(seeds_brief, n).id
        for n in ("002_0d67aa0fa0fc8738.txt", "004_ca769873db705c5c.txt")
    }
    assert not any(set(e.documents) & undated for e in events)


@pytest.mark.model
def test_the_same_event_in_two_sources_is_one_entry() -> None:
    texts = [
        {
            "text": "Bridge reopens\n\nThe Harlow bridge reopened to traffic on Monday after repairs.",
            "published": "2024-05-08",
        },
        {
            "text": "Traffic returns\n\nRepairs done, the Harlow bridge reopened to traffic on Monday, officials said.",
            "published": "2024-05-07",
        },
    ]
    brief = storybrief.brief(texts)
    monday = [e for e in brief.timeline if e.date == "2024-05-06"]
    assert len(monday) == 1
    assert len(monday[0].documents) == 2


@pytest.mark.model
def test_timeline_events_read_as_whole_sentences_without_datelines(seeds_brief: Any) -> None:
    for brief in (
        seeds_brief,
        storybrief.brief(
            [
                {
                    "text": "Ferry deal\n\nPORTBY (Harbor Wire) - Ferry crews ended their "
                    "strike on Monday after a new pay offer.",
                    "published": "2024-03-06",
                }
            ]
        ),
    ):
        assert brief.timeline
        for e in brief.timeline:
            doc = brief.document(e.doc_id)
            assert doc.article.text[e.start : e.end] == e.text
            sentence = doc.tree.sentence_at(e.start)
            if sentence is None or sentence.start != e.start:
                continue  # a clause dated on its own ("which expires in mid-2014")
            # The splitter cuts at "Sheik" or "Capt."; an event is the whole sentence.
            assert re.search(r"""[.!?]["'”’)]*$""", e.text), e.text
            assert not re.match(r"[A-Z]{3,}[ ,(]", e.text), e.text


@pytest.mark.model
def test_a_date_is_reported_by_articles_of_that_day_and_later_not_by_announcements() -> None:
    texts = [
        {
            "text": "Vote ahead\n\nThe council will vote on the harbour plan on Friday, "
            "its chair said.",
            "published": "2024-02-27",  # a Tuesday: "Friday" is 2024-03-01, ahead
        },
        {
            "text": "Council backs plan\n\nThe council approved the harbour plan in a "
            "late vote, with nine members in favour.",
            "published": "2024-03-01",
        },
        {
            "text": "Plan under way\n\nWork began a week after the council approved the "
            "harbour plan on Friday, March 1, 2024.",
            "published": "2024-03-08",
        },
    ]
    brief = storybrief.brief(texts)
    ids = [d.id for d in brief.documents]
    march_1 = [e for e in brief.timeline if e.date == "2024-03-01"]
    assert march_1
    assert {d for e in march_1 for d in e.documents} == {ids[0], ids[2]}
    # Published that day, or looking back on it: 2 reports; the announcement is not one.
    assert {e.reports for e in march_1} == {2}
    # The event reads as the report after the fact, not as the announcement.
    assert march_1[0].doc_id == ids[2]
    assert march_1[0].documents[0] == ids[2]
    assert "approved" in march_1[0].text


@pytest.mark.model
@pytest.mark.issue(20)
def test_what_was_still_to_come_is_expected_until_a_source_reports_it_after_the_fact() -> None:
    texts = [
        {
            "text": "Vote ahead\n\nThe council will vote on the harbour plan on Friday, "
            "its chair said. Engineers estimate the new quay will open in 2027.",
            "published": "2024-02-27",  # a Tuesday: "Friday" is 2024-03-01, ahead
        },
        {
            "text": "Plan under way\n\nWork began a week after the council approved the "
            "harbour plan on Friday, March 1, 2024.",
            "published": "2024-03-08",
        },
        {
            "text": "Ferry talks\n\nTalks of the ferry union with the council are set for "
            "March 20.",
            "published": "2024-03-08",
        },
    ]
    brief = storybrief.brief(texts)
    expected = {e.date: e.expected for e in brief.timeline}
    # The vote was reported after the fact; the quay and the talks were still to come.
    assert expected == {"2024-03-01": False, "2027": True, "2024-03-20": True}
    text = render(brief, "md")
    assert "| 2027 (expected) |" in text
    assert "| 2024-03-01 |" in text


def test_a_busy_date_shows_once_in_a_long_rendered_timeline() -> None:
    march = [
        TimelineRow("2024-03", f"Crews repaired berth {n} in March.", (1,), False, 60)
        for n in range(40)
    ]
    days = [
        TimelineRow(f"2024-04-{n:02d}", f"Berth {n} reopened.", (2,), False, n)
        for n in range(1, 31)
    ]
    rows = (*march, *days)
    shown = key_events(rows)
    assert len(shown) == 30
    dates = [row.date for row in shown]
    # One event per date: the month once (its first event), then the 29
    # most-reported days; in date order.
    assert len(set(dates)) == 30
    assert shown[0] == march[0]
    assert dates[1:] == [f"2024-04-{n:02d}" for n in range(2, 31)]
    # With fewer dates than the limit, a date's next events fill the rest.
    few = key_events((*march, *days[:5]))
    assert len(few) == 30
    assert sum(row.date == "2024-03" for row in few) == 25


@pytest.mark.issue(20)
def test_a_long_timeline_keeps_the_dates_that_weigh_most_not_the_first_of_equal_counts() -> None:
    # 31 dates, each reported by one document: the first by a page far from the
    # story (weight 0.1), the others by reports of it (0.8).
    rows = tuple(
        TimelineRow(
            (dt.date(2024, 5, 1) + dt.timedelta(days=n)).isoformat(),
            f"Event {n}.",
            (n + 1,),
            False,
            1,
            weight=0.1 if n == 0 else 0.8,
        )
        for n in range(31)
    )
    shown = key_events(rows)
    assert len(shown) == 30
    assert rows[0] not in shown
    assert rows[-1] in shown


@pytest.mark.model
@pytest.mark.issue(20)
def test_a_date_weighs_by_how_close_its_documents_are_to_the_story() -> None:
    texts = [
        {
            "text": "Harlow dockers strike\n\nDockers at Harlow port walked out on "
            "Saturday, March 2, 2024, over pay, halting ferries. The union first called "
            "the strike on February 20, 2024, after pay talks with the port failed.",
            "published": "2024-03-04",
        },
        {
            "text": "Harlow strike goes on\n\nThe Harlow port strike by dockers over "
            "pay entered its fourth day, the union said, with ferries still halted since "
            "dockers walked out on March 2, 2024.",
            "published": "2024-03-05",
        },
        {
            "text": "Talks to end Harlow strike\n\nThe port and the dockers' union "
            "met to end the Harlow strike over pay that has halted ferries since the "
            "walkout of March 2, 2024.",
            "published": "2024-03-06",
        },
        {
            "text": "Copper climbs\n\nCopper prices rose 2 percent on Thursday, March 7, "
            "2024, as metal traders bet on lower interest rates and Chinese demand for "
            "cable and wire, with aluminium and zinc also firmer. Harlow was calm.",
            "published": "2024-03-07",
        },
    ]
    brief = storybrief.brief(texts)
    weight = {e.date: e.weight for e in brief.timeline}
    reports = {e.date: e.reports for e in brief.timeline}
    assert reports["2024-02-20"] == reports["2024-03-07"] == 1
    # One report each, but the call to strike is told by a report of the story and
    # the copper prices by a page of another: the story's date weighs more.
    assert weight["2024-02-20"] > weight["2024-03-07"]
    # Three reports of the walkout weigh most, and no date weighs more than its count.
    assert max(weight, key=lambda d: weight[d]) == "2024-03-02"
    assert all(0 < weight[d] <= reports[d] for d in weight)


@pytest.mark.model
def test_text_and_markdown_keep_the_events_of_the_most_reported_dates() -> None:
    days = [dt.date(2024, 1, 1) + dt.timedelta(days=n) for n in range(34)]
    diary = " ".join(
        f"On {d:%B} {d.day}, {d.year}, crews finished section {n} of the Harlow sea wall."
        for n, d in enumerate(days, 1)
    )
    recap = "The storm of January 20, 2024 broke the Harlow sea wall, engineers said."
    texts = [
        {"text": f"Sea wall diary\n\n{diary}", "published": "2024-02-01"},
        {"text": f"Storm damage\n\n{recap}", "published": "2024-02-02"},
    ]
    brief = storybrief.brief(texts)
    assert len(brief.timeline) > 30
    markdown = render(brief, "md")
    assert f"30 of {len(brief.timeline)} dated events" in markdown
    rows = [line for line in markdown.splitlines() if line.startswith("| 2024-")]
    assert len(rows) == 30
    # Two documents report January 20: its events are among those shown.
    assert any(row.startswith("| 2024-01-20 |") for row in rows)
    assert f"30 of {len(brief.timeline)} dated events" in render(brief, "text")


T17 = SHARED / "eval" / "timeline17_crisis"


@pytest.mark.slow
@pytest.mark.model
@pytest.mark.skipif(not (T17 / "articles" / "t17_mj.jsonl.gz").is_file(), reason="no Timeline17")
def test_timeline17_gate_the_most_reported_days_are_the_gold_timeline_days() -> None:
    """Date F1 on one Timeline17 topic (121 articles) against the pinned floor."""
    from collections import Counter

    from storybrief.analysis.timeline import build_timeline, date_weights
    from storybrief.nlp import load_nlp, parse_articles

    bench = load_benchmark("timeline")
    articles = bench.load_articles("mj", None)
    docs = parse_articles(articles, load_nlp())
    weights = date_weights(docs, build_timeline(docs))
    ranking = Counter({day: w for day, w in weights.items() if len(day) == 10})
    published = Counter(a.published.iso() for a in articles if a.published)
    with (T17 / "gold_timelines.jsonl").open(encoding="utf-8") as lines:
        golds = [
            {e["date"] for e in t["entries"]}
            for line in lines
            if (t := json.loads(line))["dataset"] == "timeline17" and t["topic"] == "mj"
        ]
    assert golds
    f1 = statistics.fmean(bench.date_scores(ranking, gold)[3] for gold in golds)
    baseline = statistics.fmean(bench.date_scores(published, gold)[3] for gold in golds)
    assert f1 >= floor("timeline17_mj_date_f1")
    assert f1 > baseline


def test_timeline_a_sentence_is_dated_by_its_main_clause_and_a_clause_by_its_own() -> None:
    text = "Police charged two men on Monday over the attack on Aug. 7 ."
    words: list[Any] = [
        ("Police", "police", "NOUN", "NNS", "nsubj", "charged"),
        ("charged", "charge", "VERB", "VBD", "ROOT", None),
        ("two", "two", "NUM", "CD", "nummod", "men"),
        ("men", "man", "NOUN", "NNS", "dobj", "charged"),
        ("on", "on", "ADP", "IN", "prep", 1),
        ("Monday", "Monday", "PROPN", "NNP", "pobj", 4),
        ("over", "over", "ADP", "IN", "prep", 1),
        ("the", "the", "DET", "DT", "det", "attack"),
        ("attack", "attack", "NOUN", "NN", "pobj", "over"),
        ("on", "on", "ADP", "IN", "prep", "attack"),
        ("Aug.", "Aug.", "PROPN", "NNP", "pobj", 9),
        ("7", "7", "NUM", "CD", "nummod", "Aug."),
        ".",
    ]
    doc = build_parsed(
        text, [words], [("Monday", "DATE"), ("Aug. 7", "DATE")], published="2024-08-14"
    )
    events = build_timeline([doc])
    assert [(e.date, e.text) for e in events] == [
        ("2024-08-07", "over the attack on Aug. 7"),
        ("2024-08-12", text),
    ]


def test_timeline_a_date_that_qualifies_a_noun_does_not_date_the_sentence() -> None:
    text = "Calm replaced Friday 's chaos on Saturday ."
    words: list[Any] = [
        ("Calm", "calm", "NOUN", "NN", "nsubj", "replaced"),
        ("replaced", "replace", "VERB", "VBD", "ROOT", None),
        ("Friday", "Friday", "PROPN", "NNP", "poss", "chaos"),
        ("'s", "'s", "PART", "POS", "case", "Friday"),
        ("chaos", "chaos", "NOUN", "NN", "dobj", "replaced"),
        ("on", "on", "ADP", "IN", "prep", "replaced"),
        ("Saturday", "Saturday", "PROPN", "NNP", "pobj", "on"),
        ".",
    ]
    doc = build_parsed(
        text, [words], [("Friday", "DATE"), ("Saturday", "DATE")], published="2024-08-11"
    )
    events = {e.date: e.text for e in build_timeline([doc])}
    assert events["2024-08-10"] == text
    assert events["2024-08-09"] != text


# "Ahmed lived in Nairobi , where el Hage was indicted last week ."
_RELATIVE: list[Any] = [
    ("Ahmed", "Ahmed", "PROPN", "NNP", "nsubj", "lived"),
    ("lived", "live", "VERB", "VBD", "ROOT", None),
    ("in", "in", "ADP", "IN", "prep", "lived"),
    ("Nairobi", "Nairobi", "PROPN", "NNP", "pobj", "in"),
    (",", ",", "PUNCT", ",", "punct", "Nairobi"),
    ("where", "where", "SCONJ", "WRB", "advmod", "indicted"),
    ("el", "el", "PROPN", "NNP", "compound", "Hage"),
    ("Hage", "Hage", "PROPN", "NNP", "nsubjpass", "indicted"),
    ("was", "be", "AUX", "VBD", "auxpass", "indicted"),
    ("indicted", "indict", "VERB", "VBN", "relcl", "Nairobi"),
    ("last", "last", "ADJ", "JJ", "amod", "week"),
    ("week", "week", "NOUN", "NN", "npadvmod", "indicted"),
    ".",
]


def test_timeline_a_date_of_a_subordinate_clause_dates_that_clause_not_the_sentence() -> None:
    text = "Ahmed lived in Nairobi , where el Hage was indicted last week ."
    doc = build_parsed(text, [_RELATIVE], [("last week", "DATE")], published="2024-08-14")
    (event,) = build_timeline([doc])
    assert event.date == "2024-08-05/11"
    assert event.text == "Nairobi , where el Hage was indicted last week"


def test_timeline_a_when_clause_dates_the_clause_it_qualifies() -> None:
    text = "Ruiz took over when Cole resigned on Aug. 7 ."
    words: list[Any] = [
        ("Ruiz", "Ruiz", "PROPN", "NNP", "nsubj", "took"),
        ("took", "take", "VERB", "VBD", "ROOT", None),
        ("over", "over", "ADP", "RP", "prt", "took"),
        ("when", "when", "SCONJ", "WRB", "advmod", "resigned"),
        ("Cole", "Cole", "PROPN", "NNP", "nsubj", "resigned"),
        ("resigned", "resign", "VERB", "VBD", "advcl", "took"),
        ("on", "on", "ADP", "IN", "prep", "resigned"),
        ("Aug.", "Aug.", "PROPN", "NNP", "pobj", "on"),
        ("7", "7", "NUM", "CD", "nummod", "Aug."),
        ".",
    ]
    doc = build_parsed(text, [words], [("Aug. 7", "DATE")], published="2024-08-14")
    (event,) = build_timeline([doc])
    assert (event.date, event.text) == ("2024-08-07", text)


def test_timeline_an_unknown_main_date_leaves_the_sentence_undated() -> None:
    # No publication date: "on Monday" cannot be resolved, so the sentence is not
    # dated by the year of its relative clause; the clause is.
    text = "Police charged Cole , who fled in 2019 , on Monday ."
    words: list[Any] = [
        ("Police", "police", "NOUN", "NNS", "nsubj", "charged"),
        ("charged", "charge", "VERB", "VBD", "ROOT", None),
        ("Cole", "Cole", "PROPN", "NNP", "dobj", "charged"),
        (",", ",", "PUNCT", ",", "punct", "Cole"),
        ("who", "who", "PRON", "WP", "nsubj", "fled"),
        ("fled", "flee", "VERB", "VBD", "relcl", "Cole"),
        ("in", "in", "ADP", "IN", "prep", "fled"),
        ("2019", "2019", "NUM", "CD", "pobj", 6),
        (",", ",", "PUNCT", ",", "punct", "Cole"),
        ("on", "on", "ADP", "IN", "prep", "charged"),
        ("Monday", "Monday", "PROPN", "NNP", "pobj", 9),
        ".",
    ]
    doc = build_parsed(text, [words], [("2019", "DATE"), ("Monday", "DATE")])
    (event,) = build_timeline([doc])
    assert (event.date, event.text) == ("2019", "Cole , who fled in 2019 ,")


def test_timeline_a_clause_opened_by_a_preposition_reads_with_it() -> None:
    text = "Cole spoke on Monday about Ruiz , who died after falling on Aug. 7 ."
    words: list[Any] = [
        ("Cole", "Cole", "PROPN", "NNP", "nsubj", "spoke"),
        ("spoke", "speak", "VERB", "VBD", "ROOT", None),
        ("on", "on", "ADP", "IN", "prep", 1),
        ("Monday", "Monday", "PROPN", "NNP", "pobj", 2),
        ("about", "about", "ADP", "IN", "prep", 1),
        ("Ruiz", "Ruiz", "PROPN", "NNP", "pobj", "about"),
        (",", ",", "PUNCT", ",", "punct", "Ruiz"),
        ("who", "who", "PRON", "WP", "nsubj", "died"),
        ("died", "die", "VERB", "VBD", "relcl", "Ruiz"),
        ("after", "after", "ADP", "IN", "prep", "died"),
        ("falling", "fall", "VERB", "VBG", "pcomp", "after"),
        ("on", "on", "ADP", "IN", "prep", "falling"),
        ("Aug.", "Aug.", "PROPN", "NNP", "pobj", 11),
        ("7", "7", "NUM", "CD", "nummod", "Aug."),
        ".",
    ]
    doc = build_parsed(
        text, [words], [("Monday", "DATE"), ("Aug. 7", "DATE")], published="2024-08-14"
    )
    events = {e.date: e.text for e in build_timeline([doc])}
    assert events == {"2024-08-07": "after falling on Aug. 7", "2024-08-12": text}


def test_timeline_an_infinitive_without_a_subject_dates_its_governing_clause() -> None:
    text = "Cole decided to resign on Monday ."
    words: list[Any] = [
        ("Cole", "Cole", "PROPN", "NNP", "nsubj", "decided"),
        ("decided", "decide", "VERB", "VBD", "ROOT", None),
        ("to", "to", "PART", "TO", "aux", "resign"),
        ("resign", "resign", "VERB", "VB", "advcl", "decided"),
        ("on", "on", "ADP", "IN", "prep", "resign"),
        ("Monday", "Monday", "PROPN", "NNP", "pobj", "on"),
        ".",
    ]
    doc = build_parsed(text, [words], [("Monday", "DATE")], published="2024-08-14")
    (event,) = build_timeline([doc])
    assert (event.date, event.text) == ("2024-08-12", text)


def _reported(verb: str, aux: list[Any]) -> tuple[str, list[Any]]:
    """ "Cole told reporters Wednesday that he <aux> resigned Monday ." """
    words: list[Any] = [
        ("Cole", "Cole", "PROPN", "NNP", "nsubj", "told"),
        ("told", "tell", "VERB", "VBD", "ROOT", None),
        ("reporters", "reporter", "NOUN", "NNS", "dobj", "told"),
        ("Wednesday", "Wednesday", "PROPN", "NNP", "npadvmod", "told"),
        ("that", "that", "SCONJ", "IN", "mark", verb),
        ("he", "he", "PRON", "PRP", "nsubj", verb),
        *[(a, a, "AUX", "MD", "aux", verb) for a in aux],
        (verb, "resign", "VERB", "VBD" if not aux else "VB", "ccomp", "told"),
        ("Monday", "Monday", "PROPN", "NNP", "npadvmod", verb),
        ".",
    ]
    text = " ".join(w if isinstance(w, str) else w[0] for w in words)
    return text, words


def test_timeline_a_reported_past_event_dates_the_sentence_and_the_saying_is_no_event() -> None:
    text, words = _reported("resigned", [])
    doc = build_parsed(
        text, [words], [("Wednesday", "DATE"), ("Monday", "DATE")], published="2024-08-14"
    )
    events = build_timeline([doc])
    assert [(e.date, e.text) for e in events] == [("2024-08-12", text)]


def test_timeline_a_reported_plan_leaves_the_sentence_dated_by_the_saying() -> None:
    text, words = _reported("resign", ["will"])
    doc = build_parsed(
        text, [words], [("Wednesday", "DATE"), ("Monday", "DATE")], published="2024-08-14"
    )
    events = {e.date: e.text for e in build_timeline([doc])}
    assert events["2024-08-14"] == text
    assert events["2024-08-19"] != text


def test_timeline_a_date_between_the_and_a_noun_qualifies_it_whatever_the_parse() -> None:
    # The parser made "March" the object of "in"; "the March 26 vote" still
    # tells when the vote was, not when the sentence's event is.
    text = "After the March 26 vote , Cole was named mayor on Wednesday ."
    words: list[Any] = [
        ("After", "after", "ADP", "IN", "prep", "named"),
        ("the", "the", "DET", "DT", "det", "March"),
        ("March", "March", "PROPN", "NNP", "pobj", "After"),
        ("26", "26", "NUM", "CD", "nummod", "March"),
        ("vote", "vote", "NOUN", "NN", "appos", "March"),
        (",", ",", "PUNCT", ",", "punct", "named"),
        ("Cole", "Cole", "PROPN", "NNP", "nsubjpass", "named"),
        ("was", "be", "AUX", "VBD", "auxpass", "named"),
        ("named", "name", "VERB", "VBN", "ROOT", None),
        ("mayor", "mayor", "NOUN", "NN", "oprd", "named"),
        ("on", "on", "ADP", "IN", "prep", "named"),
        ("Wednesday", "Wednesday", "PROPN", "NNP", "pobj", 10),
        ".",
    ]
    doc = build_parsed(
        text, [words], [("March 26", "DATE"), ("Wednesday", "DATE")], published="2024-04-05"
    )
    events = {e.date: e.text for e in build_timeline([doc])}
    # The opening phrase, set off by a comma, is the vote's own event.
    assert events["2024-04-03"] == "Cole was named mayor on Wednesday ."
    assert events["2024-03-26"] == "After the March 26 vote"


@pytest.mark.model
@pytest.mark.issue(20)
def test_a_long_rendered_timeline_leaves_out_background_a_single_document_gives() -> None:
    # 34 days of the story and 10 years of one document's history: the text and
    # Markdown timelines keep the story's days and the history two documents give.
    days = [dt.date(2024, 1, 1) + dt.timedelta(days=n) for n in range(34)]
    diary = " ".join(
        f"On {d:%B} {d.day}, {d.year}, crews finished section {n} of the Harlow sea wall."
        for n, d in enumerate(days, 1)
    )
    history = " ".join(f"In {y}, the old pier was painted." for y in range(1950, 1960))
    texts = [
        {"text": f"Sea wall diary\n\n{diary}", "published": "2024-02-01"},
        {
            "text": f"Pier history\n\n{history} The wall was built in 1921.",
            "published": "2024-02-02",
        },
        {"text": "Wall story\n\nThe sea wall was built in 1921.", "published": "2024-02-03"},
    ]
    brief = storybrief.brief(texts)
    rows = [line for line in render(brief, "md").splitlines() if line.startswith("| 19")]
    assert [row[:6] for row in rows] == ["| 1921"]
    assert {e.date for e in brief.timeline} >= {str(y) for y in range(1950, 1960)}


def test_timeline_a_closing_coordinated_clause_with_a_date_of_its_own_is_another_event() -> None:
    text = "Ruiz ruled from 1973 but remained chief until last March ."
    words: list[Any] = [
        ("Ruiz", "Ruiz", "PROPN", "NNP", "nsubj", "ruled"),
        ("ruled", "rule", "VERB", "VBD", "ROOT", None),
        ("from", "from", "ADP", "IN", "prep", "ruled"),
        ("1973", "1973", "NUM", "CD", "pobj", "from"),
        ("but", "but", "CCONJ", "CC", "cc", "ruled"),
        ("remained", "remain", "VERB", "VBD", "conj", "ruled"),
        ("chief", "chief", "NOUN", "NN", "attr", "remained"),
        ("until", "until", "ADP", "IN", "prep", "remained"),
        ("last", "last", "ADJ", "JJ", "amod", "March"),
        ("March", "March", "PROPN", "NNP", "pobj", "until"),
        ".",
    ]
    spans = [("1973", "DATE"), ("last March", "DATE")]
    dated = build_parsed(text, [words], spans, published="2024-08-14")
    events = {e.date: e.text for e in build_timeline([dated])}
    assert events == {
        "1973": "Ruiz ruled from 1973",
        "2024-03": "remained chief until last March",
    }
    # With no publication day, "last March" stays unknown and its clause undated,
    # but it is still no part of the event of 1973.
    undated = build_parsed(text, [words], spans)
    assert [(e.date, e.text) for e in build_timeline([undated])] == [
        ("1973", "Ruiz ruled from 1973")
    ]
    # A coordinated clause of the same date stays in the sentence's event.
    same = "Ruiz ruled from 1973 but remained chief until 1973 ."
    same_words = [*words[:8], ("1973", "1973", "NUM", "CD", "pobj", "until"), "."]
    doc = build_parsed(same, [same_words], [("1973", "DATE")], published="2024-08-14")
    assert [e.text for e in build_timeline([doc])] == [same]


def test_timeline_an_opening_phrase_with_a_date_of_its_own_is_another_event() -> None:
    text = "After the flood of April 2 , crews rebuilt the bridge on May 9 over the river ."
    words: list[Any] = [
        ("After", "after", "ADP", "IN", "prep", "rebuilt"),
        ("the", "the", "DET", "DT", "det", "flood"),
        ("flood", "flood", "NOUN", "NN", "pobj", "After"),
        ("of", "of", "ADP", "IN", "prep", "flood"),
        ("April", "April", "PROPN", "NNP", "pobj", "of"),
        ("2", "2", "NUM", "CD", "nummod", "April"),
        (",", ",", "PUNCT", ",", "punct", "rebuilt"),
        ("crews", "crew", "NOUN", "NNS", "nsubj", "rebuilt"),
        ("rebuilt", "rebuild", "VERB", "VBD", "ROOT", None),
        ("the", "the", "DET", "DT", "det", "bridge"),
        ("bridge", "bridge", "NOUN", "NN", "dobj", "rebuilt"),
        ("on", "on", "ADP", "IN", "prep", "rebuilt"),
        ("May", "May", "PROPN", "NNP", "pobj", "on"),
        ("9", "9", "NUM", "CD", "nummod", "May"),
        ("over", "over", "ADP", "IN", "prep", "rebuilt"),
        ("the", "the", "DET", "DT", "det", "river"),
        ("river", "river", "NOUN", "NN", "pobj", "over"),
        ".",
    ]
    spans = [("April 2", "DATE"), ("May 9", "DATE")]
    doc = build_parsed(text, [words], spans, published="2024-05-20")
    events = {e.date: e.text for e in build_timeline([doc])}
    # The sentence's event, May 9, reads without the opening phrase; the
    # phrase is the event of April 2.
    assert events["2024-05-09"] == "crews rebuilt the bridge on May 9 over the river ."
    assert events["2024-04-02"] == "After the flood of April 2"
    # Not set off by a comma, the phrase is part of the sentence's event.
    joined = text.replace("2 , crews", "2 crews")
    no_comma = build_parsed(joined, [[*words[:6], *words[7:]]], spans, published="2024-05-20")
    assert {e.date: e.text for e in build_timeline([no_comma])}["2024-05-09"] == joined
    # A clause that would lose its subject keeps the phrase.
    headless = text.replace("crews ", "")
    subjectless = [*words[:7], *words[8:]]
    no_subject = build_parsed(headless, [subjectless], spans, published="2024-05-20")
    assert {e.date: e.text for e in build_timeline([no_subject])}["2024-05-09"] == headless


def _offset_words(verb: str, tag: str) -> list[Any]:
    # "The vote {verb} two days after the council approved a plan ."
    return [
        ("The", "the", "DET", "DT", "det", "vote"),
        ("vote", "vote", "NOUN", "NN", "nsubj", verb),
        (verb, "come" if verb.startswith("c") else "happen", "VERB", tag, "ROOT", None),
        ("two", "two", "NUM", "CD", "nummod", "days"),
        ("days", "day", "NOUN", "NNS", "npadvmod", verb),
        ("after", "after", "SCONJ", "IN", "mark", "approved"),
        ("the", "the", "DET", "DT", "det", "council"),
        ("council", "council", "NOUN", "NN", "nsubj", "approved"),
        ("approved", "approve", "VERB", "VBD", "advcl", verb),
        ("a", "a", "DET", "DT", "det", "plan"),
        ("plan", "plan", "NOUN", "NN", "dobj", "approved"),
        ".",
    ]


def test_timeline_a_span_of_days_after_a_clause_dates_that_clause_from_its_governor() -> None:
    # Present "comes" in a report: the day it is written, so an estimate.
    text = "The vote comes two days after the council approved a plan ."
    doc = build_parsed(
        text, [_offset_words("comes", "VBZ")], [("two days", "DATE")], published="2024-05-15"
    )
    (event,) = build_timeline([doc])
    assert (event.date, event.estimated) == ("2024-05-13", True)
    assert event.text == "two days after the council approved a plan"
    assert text[event.start : event.end] == event.text
    # Past "happened" with no date of its own: the clause's day is unknown.
    past = "The vote happened two days after the council approved a plan ."
    doc = build_parsed(
        past, [_offset_words("happened", "VBD")], [("two days", "DATE")], published="2024-05-15"
    )
    assert build_timeline([doc]) == ()


@pytest.mark.parametrize(
    ("ago", "estimated"), [("more than a week ago", True), ("a week ago", False)]
)
def test_timeline_an_approximate_expression_dates_its_event_as_an_estimate(
    ago: str, estimated: bool
) -> None:
    text = f"Ruiz left {ago} ."
    words: list[Any] = [
        ("Ruiz", "Ruiz", "PROPN", "NNP", "nsubj", "left"),
        ("left", "leave", "VERB", "VBD", "ROOT", None),
        *[(w, w, "ADV", "RB", "advmod", "left") for w in ago.split()],
        ".",
    ]
    doc = build_parsed(text, [words], [(ago, "DATE")], published="2024-05-15")
    (event,) = build_timeline([doc])
    assert (event.date, event.estimated) == ("2024-05-08", estimated)


def test_timeline_a_date_in_an_aside_between_dashes_does_not_date_the_sentence() -> None:
    # The parser may hang the aside's phrase on the main verb; the dashes still
    # say it is an aside.
    text = "Libya -- ruled by Ruiz since 1969 -- is calm ."
    words: list[Any] = [
        ("Libya", "Libya", "PROPN", "NNP", "nsubj", "is"),
        ("--", "--", "PUNCT", ":", "punct", "is"),
        ("ruled", "rule", "VERB", "VBN", "advcl", "is"),
        ("by", "by", "ADP", "IN", "agent", "ruled"),
        ("Ruiz", "Ruiz", "PROPN", "NNP", "pobj", "by"),
        ("since", "since", "ADP", "IN", "prep", "is"),
        ("1969", "1969", "NUM", "CD", "pobj", "since"),
        ("--", "--", "PUNCT", ":", "punct", "is"),
        ("is", "be", "AUX", "VBZ", "ROOT", None),
        ("calm", "calm", "ADJ", "JJ", "acomp", "is"),
        ".",
    ]
    doc = build_parsed(text, [words], [("1969", "DATE")], published="2011-02-16")
    assert [(e.date, e.text) for e in build_timeline([doc])] == [
        ("1969", "ruled by Ruiz since 1969")
    ]


@pytest.mark.model
@pytest.mark.issue(20)
def test_a_date_with_no_words_of_its_own_is_no_event() -> None:
    brief = storybrief.brief(
        [
            {
                "text": "Wolf Man\n\n1941\n\nThe film was remade in 2010 by the studio after "
                "years of delays.\n\n2010 U.S. Release Date:\n\nThe first film opened in 1941 "
                "in New York.",
                "published": "2024-01-02",
            }
        ]
    )
    # A bare year and a credits box's label are no events; the sentences are.
    assert [e.text.split()[1] for e in brief.timeline] == ["first", "film"]
