from __future__ import annotations

import datetime as dt
import json

import pytest

from storybrief.errors import InputError
from storybrief.ingest.formats import (
    RawArticle,
    format_for,
    read_html,
    read_items,
    read_json,
    read_multinews,
)
from storybrief.model import FailureReason, IngestFailure
from tests.conftest import DATA

BODY = "The ferry resumed service on Monday after a week of storms, the operator said."


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("a.txt", BODY, "text"),
        ("a.md", BODY, "text"),
        ("a.html", "<html><body><p>x</p></body></html>", "html"),
        ("a.json", '{"text": "x"}', "json"),
        ("a.jsonl", '{"text": "x"}\n{"text": "y"}\n', "jsonl"),
        ("a.txt", "doc one NEWLINE_CHAR text ||||| doc two", "multinews"),
        ("noext", "<!DOCTYPE html><html></html>", "html"),
        ("noext", '{"text": "x"}\n{"text": "y"}\n', "jsonl"),
        ("noext", BODY, "text"),
    ],
)
def test_formats_chooses_by_extension_then_content(name: str, text: str, expected: str) -> None:
    assert format_for(name, text) == expected


def test_formats_reads_html_text_and_metadata() -> None:
    html = (DATA / "tram.html").read_text(encoding="utf-8")
    raw = read_html("tram.html", html, "utf-8")
    assert isinstance(raw, RawArticle)
    assert raw.title is not None
    assert raw.title.value.startswith("Night trams saved")
    assert raw.byline is not None
    assert raw.byline.value == "Helga Brunnhart"
    assert raw.outlet is not None
    assert raw.outlet.value == "Vestby Observer"
    assert raw.published is not None
    assert raw.published.value == dt.date(2022, 10, 4)
    assert raw.published.evidence is not None
    assert raw.published.evidence.location == "html"
    assert "People who clean our hospitals" in raw.text
    assert "cookies" not in raw.text
    assert "Bus drivers vote on pay" not in raw.text


def test_formats_html_without_article_text_is_a_failure() -> None:
    result = read_html("x.html", "<html><head><title>x</title></head><body></body></html>", "utf-8")
    assert isinstance(result, IngestFailure)
    assert result.reason is FailureReason.NO_TEXT


def test_formats_reads_json_records_with_metadata() -> None:
    record = {"text": BODY, "title": "Ferry back", "outlet": "Isle Post", "published": "2020-02"}
    (raw,) = read_json("r.json", json.dumps(record), None, None, lines=False)
    assert isinstance(raw, RawArticle)
    assert raw.outlet is not None
    assert raw.outlet.value == "Isle Post"
    assert raw.published is not None
    assert (raw.published.value, raw.published.granularity) == (dt.date(2020, 2, 1), "month")


@pytest.mark.parametrize(
    ("written", "day"),
    [
        ("08/20/1998 05:55:00", dt.date(1998, 8, 20)),  # DUC's wire copy
        ("09/10/1998", dt.date(1998, 9, 10)),  # either way: month first, as written in English
        ("20/08/1998", dt.date(1998, 8, 20)),  # over 12: the day
        ("10.09.1998", dt.date(1998, 9, 10)),  # a full stop: day first
        ("1998/08/20", dt.date(1998, 8, 20)),
    ],
)
def test_formats_reads_a_record_date_written_in_figures(written: str, day: dt.date) -> None:
    record = {"text": BODY, "date": written}
    (raw,) = read_json("r.json", json.dumps(record), None, None, lines=False)
    assert isinstance(raw, RawArticle)
    assert raw.published is not None
    assert (raw.published.value, raw.published.granularity) == (day, "day")
    # Not a date: no day at all, rather than a wrong one.
    bad = {"text": BODY, "date": "13/13/1998"}
    (raw,) = read_json("r.json", json.dumps(bad), None, None, lines=False)
    assert isinstance(raw, RawArticle)
    assert raw.published is None


def test_formats_reports_bad_json_lines_and_keeps_the_rest() -> None:
    text = json.dumps({"text": BODY}) + "\n{broken\n" + json.dumps({"title": "no text"}) + "\n"
    items = list(read_json("r.jsonl", text, None, None, lines=True))
    assert isinstance(items[0], RawArticle)
    assert [i.source for i in items] == ["r.jsonl:1", "r.jsonl:2", "r.jsonl:3"]
    assert [i.reason for i in items[1:] if isinstance(i, IngestFailure)] == [
        FailureReason.MALFORMED,
        FailureReason.MALFORMED,
    ]


def test_formats_reads_one_cluster_of_documents_lists() -> None:
    lines = [
        json.dumps({"id": "c0", "documents": [{"doc_id": "a", "text": "first"}]}),
        json.dumps(
            {
                "id": "c1",
                "documents": [{"doc_id": "b", "text": "second"}, {"doc_id": "c", "text": "third"}],
            }
        ),
    ]
    items = list(read_json("e.jsonl", "\n".join(lines), None, 1, lines=True))
    assert [i.text for i in items if isinstance(i, RawArticle)] == ["second", "third"]
    assert items[0].source == "e.jsonl:2/b"
    with pytest.raises(InputError):
        list(read_json("e.jsonl", "\n".join(lines), None, 5, lines=True))


def test_formats_reads_multinews_lines() -> None:
    line = "First story para one. NEWLINE_CHAR NEWLINE_CHAR Para two. ||||| ||||| Second story."
    items = list(read_multinews("m.src", line + "\n" + "Other cluster.\n", None, 0))
    texts = [i.text for i in items if isinstance(i, RawArticle)]
    assert texts == ["First story para one.\n\nPara two.", "Second story."]
    assert [i.reason for i in items if isinstance(i, IngestFailure)] == [FailureReason.EMPTY]


def test_formats_read_items_dispatches_text() -> None:
    (raw,) = read_items("a.txt", BODY, "text", encoding="utf-8", cluster=None)
    assert isinstance(raw, RawArticle)
    assert raw.text == BODY


def test_a_file_of_clusters_reports_its_other_lines() -> None:

    lines = [
        json.dumps({"id": "c1", "documents": [{"text": "Ferry crews walked out on Monday."}]}),
        json.dumps({"text": "A record of its own, not in a cluster."}),
        "{not json",
    ]
    items = list(read_json("mixed.jsonl", "\n".join(lines), "utf-8", None, lines=True))
    articles = [i for i in items if isinstance(i, RawArticle)]
    failures = [i for i in items if isinstance(i, IngestFailure)]
    assert [a.text for a in articles] == ["Ferry crews walked out on Monday."]
    assert sorted(f.source for f in failures) == ["mixed.jsonl:2", "mixed.jsonl:3"]
    assert all(f.reason == FailureReason.MALFORMED for f in failures)


def test_markup_written_inside_a_title_is_not_part_of_it() -> None:
    html = (
        "<html><head><title>Ferry <b>news</b> today</title></head><body><article>"
        "<p>The ferry operator said on Friday that 40 sailings were cancelled because of "
        "the storm, and that services would resume on Saturday morning.</p>"
        "<p>Passengers with tickets for cancelled sailings can travel on any later "
        "sailing this week, the operator said.</p></article></body></html>"
    )
    raw = read_html("ferry.html", html, "utf-8")
    assert isinstance(raw, RawArticle)
    assert raw.title is not None
    assert raw.title.value == "Ferry news today"
