"""Publication-date estimates, the timeline, and the TempEval-3 gate."""

from __future__ import annotations

import datetime as dt
import json
import re
import statistics
from typing import Any

import pytest

import storybrief
from storybrief.render import render
from storybrief.render.view import TimelineRow, key_events

from .conftest import SHARED, load_benchmark
from .gold.pin import floor

TEMPEVAL = SHARED / "eval" / "tempeval3" / "tempeval3_timex.jsonl"


def _doc(brief: Any, name: str) -> Any:
    return next(d for d in brief.documents if d.article.source.endswith(name))


def test_seed_dates_are_stated_estimated_with_evidence_or_unknown(seeds_brief: Any) -> None:
    stated = _doc(seeds_brief, "001_8056b7e6942b9be6.txt").article.published
    assert (stated.iso(), stated.estimated) == ("2013-02-02", False)
    estimate = _doc(seeds_brief, "000_04d76850fbd2c8bc.txt").article.published
    assert estimate.estimated
    assert estimate.iso().startswith("2013-02")
    doc = _doc(seeds_brief, "000_04d76850fbd2c8bc.txt")
    evidence = doc.article.text[estimate.evidence.start : estimate.evidence.end]
    assert "2013" in evidence
    # Nothing in these texts states a full date: no date is invented for them.
    for name in ("002_0d67aa0fa0fc8738.txt", "004_ca769873db705c5c.txt"):
        assert _doc(seeds_brief, name).article.published is None


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
    munich = _doc(seeds_brief, "001_8056b7e6942b9be6.txt")
    # Its "Saturday" is the day it was published (a Saturday).
    assert any(e.date == "2013-02-02" and munich.id in e.documents for e in events)
    # Undated documents contribute no relative dates.
    undated = {
        _doc(seeds_brief, n).id for n in ("002_0d67aa0fa0fc8738.txt", "004_ca769873db705c5c.txt")
    }
    assert not any(set(e.documents) & undated for e in events)


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
            text = brief.document(e.doc_id).article.text
            assert text[e.start : e.end] == e.text
            # The splitter cuts at "Sheik" or "Capt."; an event is the whole sentence.
            assert re.search(r"""[.!?]["'”’)]*$""", e.text), e.text
            assert not re.match(r"[A-Z]{3,}[ ,(]", e.text), e.text


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


def test_text_and_markdown_keep_the_events_of_the_most_reported_dates() -> None:
    days = [dt.date(2024, 1, 1) + dt.timedelta(days=n) for n in range(34)]
    diary = " ".join(
        f"On {d:%B} {d.day}, {d.year}, crews finished section {n} of the Harlow sea wall."
        for n, d in enumerate(days, 1)
    )
    recap = "The storm of January 20, 2024 broke the Harlow sea wall, engineers said."
    texts = [
        {"text": f"Sea wall diary\n\n{diary}", "published": "2024-03-01"},
        {"text": f"Storm damage\n\n{recap}", "published": "2024-03-02"},
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


@pytest.mark.skipif(not TEMPEVAL.is_file(), reason=f"{TEMPEVAL} not found")
def test_timex_value_f1_on_tempeval3_beats_dateparser() -> None:
    bench = load_benchmark("timex")
    with TEMPEVAL.open(encoding="utf-8") as lines:
        records = [r for line in lines if (r := json.loads(line))["split"] == "test_platinum"]
    docs = bench.parse(records)
    anchors = [dt.date.fromisoformat(r["dct"][:10]) for r in records]
    gold = [[(t["start"], t["end"], t["value"]) for t in r["timexes"]] for r in records]
    from storybrief.analysis.timex import document_timexes

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


T17 = SHARED / "eval" / "timeline17_crisis"


@pytest.mark.skipif(not (T17 / "articles" / "t17_mj.jsonl.gz").is_file(), reason="no Timeline17")
def test_timeline17_gate_the_most_reported_days_are_the_gold_timeline_days() -> None:
    """Date F1 on one Timeline17 topic (121 articles) against the pinned floor."""
    from collections import Counter

    from storybrief.analysis.timeline import build_timeline, date_reports
    from storybrief.nlp import load_nlp, parse_articles

    bench = load_benchmark("timeline")
    articles = bench.load_articles("mj", None)
    docs = parse_articles(articles, load_nlp())
    reports = date_reports(docs, build_timeline(docs))
    ranking = Counter({day: len(ids) for day, ids in reports.items() if len(day) == 10})
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


def test_seed_episodes_keep_the_three_stretches_apart(seeds_brief: Any) -> None:
    gold = json.loads((SHARED / "seeds-gold" / "dates.json").read_text(encoding="utf-8"))
    episode_of = {d: e.id for e in seeds_brief.episodes for d in e.documents}
    gold_episode = {
        _doc(seeds_brief, entry["doc"]).id: entry["episode"] for entry in gold["documents"]
    }
    for a, ga in gold_episode.items():
        for b, gb in gold_episode.items():
            assert (episode_of[a] == episode_of[b]) == (ga == gb), (ga, gb)
    main = next(e for e in seeds_brief.episodes if e.main)
    assert len(main.documents) == 3
    assert main.start.startswith("2013-02")


def test_an_undated_report_of_the_main_episode_gets_its_month_with_evidence(
    seeds_brief: Any,
) -> None:
    doc = _doc(seeds_brief, "003_113f131c5443b38d.txt")
    published = doc.article.published
    assert published.estimated
    assert (published.iso(), published.granularity) == ("2013-02", "month")
    stated = _doc(seeds_brief, "001_8056b7e6942b9be6.txt")
    assert stated.id in published.evidence.text


def test_an_undated_episode_with_a_far_larger_toll_is_placed_after_the_dated_one(
    seeds_brief: Any,
) -> None:
    gold = json.loads((SHARED / "seeds-gold" / "dates.json").read_text(encoding="utf-8"))
    latest = next(e for e in gold["documents"] if e["episode"].startswith("2015"))
    doc = _doc(seeds_brief, latest["doc"])
    episode = next(e for e in seeds_brief.episodes if doc.id in e.documents)
    assert episode.start is None
    assert doc.article.published is None  # still unknown
    after = episode.after
    main = next(e for e in seeds_brief.episodes if e.main)
    assert after.date == main.end
    evidence = after.evidence
    assert after.doc_id == doc.id
    assert doc.article.text[evidence.start : evidence.end].endswith("250,000")
    # An episode that has dates needs no bound.
    assert all(e.after is None for e in seeds_brief.episodes if e.start is not None)


def test_only_a_growing_toll_gives_a_lower_bound() -> None:
    dated = (
        "Flooding in the Varn valley\n\nPublished on March 3, 2021.\n\n"
        "The floods in the Varn valley have killed 1,200 people, officials Lena Ostrow "
        "and Piet Halvar said on Wednesday. Some 3,000 volunteers joined the relief work."
    )
    later = (
        "Varn valley rebuilds\n\nThe floods in the Varn valley killed 9,800 people, "
        "Lena Ostrow and Piet Halvar said. Some 3,000 volunteers are still at work."
    )
    volunteers = (
        "Varn valley volunteers\n\nSome 12,000 volunteers joined the Varn valley relief, "
        "Lena Ostrow and Piet Halvar said."
    )
    brief = storybrief.brief(
        [{"text": dated, "published": "2021-03-03"}, {"text": later}, {"text": volunteers}]
    )
    by_doc = {d: e for e in brief.episodes for d in e.documents}
    later_id, volunteers_id = brief.documents[1].id, brief.documents[2].id
    assert by_doc[later_id].after.date == "2021-03-03"
    assert "9,800" in by_doc[later_id].after.evidence.text
    # 12,000 volunteers against 3,000 sets that report apart, but volunteers are no toll.
    assert by_doc[volunteers_id].id != by_doc[brief.documents[0].id].id
    assert by_doc[volunteers_id].after is None


def test_a_weekday_and_its_part_of_the_day_are_one_expression() -> None:
    from storybrief.analysis.timex import document_timexes

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


def test_what_a_source_said_would_happen_is_dated_ahead() -> None:
    from storybrief.analysis.timex import document_timexes

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


def test_a_timetable_in_the_present_tense_is_dated_ahead() -> None:
    from storybrief.analysis.timex import document_timexes

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
