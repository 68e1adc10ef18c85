"""Episodes: hand-built documents (no model), and the seeds' three stretches."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from typing import Any

import pytest

import storybrief
from storybrief.analysis.episodes import EPISODE_GAP_DAYS, assign_episodes
from storybrief.model import DateRef, ParsedArticle
from tests.conftest import SHARED, build_entities, build_parsed, seed_document

# --- Hand-built documents: dates and shared people, no model --------------------------------

PEOPLE = {"Lena Ostrow": "e1", "Piet Halvar": "e2"}


def _report(
    doc_id: str, published: str | None, *people: str, did: str = "visited the Varn valley"
) -> ParsedArticle:
    """'<people> visited the Varn valley.', each name a resolved person."""
    names = " and ".join(people) or "Volunteers"
    return build_parsed(
        f"{names} {did}.",
        mentions=[(name, "PERSON", PEOPLE[name]) for name in people],
        doc_id=doc_id,
        published=published,
    )


@pytest.mark.parametrize(("days", "episodes"), [(EPISODE_GAP_DAYS, 1), (EPISODE_GAP_DAYS + 1, 2)])
def test_episodes_a_gap_of_more_than_three_weeks_starts_another(days: int, episodes: int) -> None:
    later = (dt.date(2024, 3, 1) + dt.timedelta(days=days)).isoformat()
    docs = [_report("d1", "2024-03-01"), _report("d2", later)]
    _, found, _ = assign_episodes(docs, ())
    assert len(found) == episodes
    assert [d for e in found for d in e.documents] == ["d1", "d2"]
    assert (found[0].start, found[-1].end) == ("2024-03-01", later)
    # The main episode: the most documents, then the latest.
    assert found[-1].main


def test_episodes_an_undated_document_sharing_two_people_joins_with_an_estimated_month() -> None:
    other = "opened a ferry school for island children at Marsh harbour with Calder teachers"
    docs = [
        _report("d1", "2024-06-10", "Lena Ostrow", "Piet Halvar"),
        _report("d2", "2024-06-20", "Lena Ostrow"),
        _report("d3", None, "Lena Ostrow", "Piet Halvar", did=other),
    ]
    updated, found, _ = assign_episodes(docs, build_entities(*docs))
    assert [e.documents for e in found] == [("d1", "d2", "d3")]
    published = updated[2].article.published
    assert published is not None
    assert (published.iso(), published.granularity, published.estimated) == (
        "2024-06",
        "month",
        True,
    )
    assert published.evidence is not None
    assert published.evidence.location == "record"
    assert "document d1 of 2024-06-10" in published.evidence.text
    assert "Lena Ostrow, Piet Halvar" in published.evidence.text
    # The dated documents are left as they were.
    assert updated[:2] == tuple(docs[:2])
    # Where the stated days are two stretches, the same people are in both: the
    # document joins the stretch, its month stays unknown.
    docs[1] = _report("d2", "2024-09-20", "Lena Ostrow")
    updated, found, _ = assign_episodes(docs, build_entities(*docs))
    assert [e.documents for e in found] == [("d1", "d3"), ("d2",)]
    assert updated[2].article.published is None
    # A day that is itself an estimate gives no month: an estimate of an estimate.
    docs[1] = _report("d2", "2024-06-20", "Lena Ostrow")
    guessed = DateRef(dt.date(2024, 6, 10), "day", estimated=True)
    docs[0] = dataclasses.replace(docs[0], article=docs[0].article.with_published(guessed))
    updated, found, _ = assign_episodes(docs, build_entities(*docs))
    assert updated[2].article.published is None


def test_episodes_an_undated_document_alike_a_dated_one_reports_its_events() -> None:
    # Its text alike a report of a stated day: the same events, that month, whatever
    # the stretches of the story.
    docs = [
        _report("d1", "2024-06-10", "Lena Ostrow", "Piet Halvar"),
        _report("d2", "2024-09-20", "Lena Ostrow", did="opened a ferry school in Marsh"),
        _report("d3", None, "Piet Halvar"),
    ]
    updated, found, _ = assign_episodes(docs, build_entities(*docs))
    assert [e.documents for e in found] == [("d1", "d3"), ("d2",)]
    published = updated[2].article.published
    assert published is not None
    assert (published.iso(), published.estimated) == ("2024-06", True)
    assert published.evidence is not None
    assert "document d1 of 2024-06-10 (its text alike: cosine" in published.evidence.text


def test_episodes_an_undated_document_sharing_one_person_stays_apart_and_undated() -> None:
    docs = [
        _report("d1", "2024-06-10", "Lena Ostrow", "Piet Halvar"),
        _report("d2", None, "Lena Ostrow", did="opened a ferry school in Marsh harbour"),
    ]
    updated, found, _ = assign_episodes(docs, build_entities(*docs))
    assert [(e.documents, e.start) for e in found] == [(("d1",), "2024-06-10"), (("d2",), None)]
    assert updated[1].article.published is None


# --- The seeds (the English model) ----------------------------------------------------------


@pytest.mark.model
def test_seed_episodes_keep_the_three_stretches_apart(seeds_brief: Any) -> None:
    gold = json.loads((SHARED / "seeds-gold" / "dates.json").read_text(encoding="utf-8"))
    episode_of = {d: e.id for e in seeds_brief.episodes for d in e.documents}
    gold_episode = {
        seed_document(seeds_brief, entry["doc"]).id: entry["episode"] for entry in gold["documents"]
    }
    for a, ga in gold_episode.items():
        for b, gb in gold_episode.items():
            assert (episode_of[a] == episode_of[b]) == (ga == gb), (ga, gb)
    main = next(e for e in seeds_brief.episodes if e.main)
    assert len(main.documents) == 3
    assert main.start.startswith("2013-02")


@pytest.mark.model
def test_an_undated_report_of_the_main_episode_gets_its_month_with_evidence(
    seeds_brief: Any,
) -> None:
    doc = seed_document(seeds_brief, "003_113f131c5443b38d.txt")
    published = doc.article.published
    assert published.estimated
    assert (published.iso(), published.granularity) == ("2013-02", "month")
    stated = seed_document(seeds_brief, "001_8056b7e6942b9be6.txt")
    assert stated.id in published.evidence.text


@pytest.mark.model
def test_an_undated_episode_with_a_far_larger_toll_is_placed_after_the_dated_one(
    seeds_brief: Any,
) -> None:
    gold = json.loads((SHARED / "seeds-gold" / "dates.json").read_text(encoding="utf-8"))
    latest = next(e for e in gold["documents"] if e["episode"].startswith("2015"))
    doc = seed_document(seeds_brief, latest["doc"])
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


@pytest.mark.model
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
