from __future__ import annotations

import io
import json
import random
from pathlib import Path

import pytest

from storybrief.config import Settings
from storybrief.ingest import ArticleInput, load_articles, near_copies
from storybrief.model import Article, FailureReason, IngestFailure

REPORT = (
    "Ferry back on schedule\n\nBy Lars Udal\n\n"
    "The island ferry resumed its normal timetable on Monday after a week of storms kept "
    "it in port, the operator said. Passengers who missed sailings can use their tickets "
    "until the end of the month."
)
GERMAN = (
    "Die Fähre zur Insel fährt seit Montag wieder nach dem normalen Fahrplan, nachdem "
    "Stürme sie eine Woche lang im Hafen festgehalten hatten, teilte der Betreiber mit. "
    "Fahrgäste können ihre Tickets bis zum Monatsende verwenden."
)


def _reasons(results: list[Article | IngestFailure]) -> dict[str, FailureReason]:
    return {Path(r.source).name: r.reason for r in results if isinstance(r, IngestFailure)}


def test_sources_folder_with_bad_files_keeps_the_good_ones(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(REPORT, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "noise.bin").write_bytes(random.Random(7).randbytes(65536))
    (tmp_path / "german.txt").write_text(GERMAN, encoding="utf-8")
    (tmp_path / "nested").mkdir()
    (tmp_path / "nested" / "legacy.txt").write_bytes(
        REPORT.replace("Monday", "Monday’s café").encode("cp1252")
    )
    (tmp_path / ".hidden").write_bytes(b"\x00\x01")
    results = load_articles([tmp_path], Settings())
    articles = [r for r in results if isinstance(r, Article)]
    assert sorted(Path(a.source).name for a in articles) == ["good.txt", "legacy.txt"]
    assert "café" in next(a for a in articles if a.encoding == "cp1252").text
    assert _reasons(results) == {
        "empty.txt": FailureReason.EMPTY,
        "noise.bin": FailureReason.BINARY,
        "german.txt": FailureReason.NOT_ENGLISH,
    }


def test_sources_refuses_files_over_the_size_limit(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text(REPORT * 10, encoding="utf-8")
    (result,) = load_articles([big], Settings(max_bytes=100))
    assert isinstance(result, IngestFailure)
    assert result.reason is FailureReason.TOO_LARGE


def test_sources_reports_missing_paths(tmp_path: Path) -> None:
    (result,) = load_articles([tmp_path / "nope.txt"], Settings())
    assert isinstance(result, IngestFailure)
    assert result.reason is FailureReason.NOT_FOUND


def test_sources_reports_unreadable_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_text(REPORT, encoding="utf-8")

    def deny(self: Path, *args: object, **kwargs: object) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    # chmod 0 does not stop root (CI runs as root), so the OS refusal is simulated.
    monkeypatch.setattr(Path, "open", deny)
    (result,) = load_articles([locked], Settings())
    assert isinstance(result, IngestFailure)
    assert result.reason is FailureReason.UNREADABLE
    assert "Permission denied" in result.message


def test_sources_reports_a_duplicate_text_once(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(REPORT, encoding="utf-8")
    (tmp_path / "b.txt").write_text(REPORT + "\n", encoding="utf-8")
    first, second = load_articles([tmp_path], Settings())
    assert isinstance(first, Article)
    assert isinstance(second, IngestFailure)
    assert second.reason is FailureReason.DUPLICATE
    assert first.source in second.message


def test_sources_reads_raw_text_records_and_stdin() -> None:
    stdin = io.BytesIO(REPORT.replace("ferry", "boat").encode("utf-16"))
    results = load_articles(
        [
            REPORT,
            ArticleInput(text=REPORT.replace("island", "harbour"), outlet="Isle Post"),
            {"text": REPORT.replace("storms", "gales"), "published": "2021-03-01"},
        ],
        Settings(),
        paths=["-"],
        stdin=stdin,
    )
    assert all(isinstance(r, Article) for r in results), results
    raw_text, record, mapping, from_stdin = results
    assert isinstance(raw_text, Article)
    assert raw_text.source == "<text:0>"
    assert raw_text.byline is not None
    assert raw_text.byline.value == "Lars Udal"
    assert isinstance(record, Article)
    assert record.outlet is not None
    assert record.outlet.evidence.location == "record"
    assert isinstance(mapping, Article)
    assert mapping.published is not None
    assert isinstance(from_stdin, Article)
    assert from_stdin.encoding == "utf-16"


def test_sources_ids_are_stable_and_distinct(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(REPORT, encoding="utf-8")
    first = load_articles([tmp_path], Settings())
    again = load_articles([tmp_path], Settings())
    other = load_articles([REPORT.replace("Monday", "Tuesday")], Settings())
    assert first[0].id == again[0].id  # type: ignore[union-attr]
    assert first[0].id != other[0].id  # type: ignore[union-attr]


def test_special_files_nested_json_odd_names_and_empty_strings_fail_alone(
    tmp_path: Path,
) -> None:
    import os

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(REPORT, encoding="utf-8")
    (folder / "deep.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    os.mkfifo(folder / "pipe.txt")  # would block a plain read forever
    (folder / "zero.txt").symlink_to("/dev/zero")  # reports size 0, never ends
    odd = folder / os.fsdecode(b"bad\xffname.txt")  # not UTF-8: a surrogate in Python
    odd.write_bytes(REPORT.replace("ferry", "tram").encode())
    results = load_articles([folder, "", Path("no-such-file.txt")], Settings(max_bytes=300_000))
    reasons = _reasons(results)
    assert reasons["deep.json"] == FailureReason.MALFORMED
    assert reasons["pipe.txt"] == FailureReason.UNREADABLE
    assert reasons["zero.txt"] == FailureReason.UNREADABLE
    assert reasons["no-such-file.txt"] == FailureReason.NOT_FOUND
    # "" is an empty text, not the current folder.
    assert any(isinstance(r, IngestFailure) and r.reason == FailureReason.EMPTY for r in results)
    articles = [r for r in results if isinstance(r, Article)]
    assert len(articles) == 2
    for result in results:
        result.source.encode("utf-8")  # every label can be stored and printed


def test_inputs_of_the_wrong_type_fail_alone() -> None:
    results = load_articles([None, 5, REPORT])  # type: ignore[list-item]
    assert [type(r).__name__ for r in results] == ["IngestFailure", "IngestFailure", "Article"]
    assert all(r.reason == FailureReason.MALFORMED for r in results[:2])  # type: ignore[union-attr]


def test_a_text_without_spaces_between_words_is_language_checked() -> None:
    # Written for this test: "The island ferry resumed its timetable on Monday after
    # storms; passengers may use their tickets until the end of the month."
    chinese = (
        "岛上的渡轮在暴风雨过后于周一恢复了正常时刻表，运营方表示，乘客可以在月底前继续使用车票。"
    )
    (result,) = load_articles([chinese])
    assert isinstance(result, IngestFailure)
    assert result.reason == FailureReason.NOT_ENGLISH


def test_feeds_are_read_as_their_items_not_as_text(tmp_path: Path) -> None:
    feed = tmp_path / "port.rss"
    feed.write_text(
        "<?xml version='1.0'?><rss version='2.0'><channel><title>Port</title>"
        "<item><title>Ferry back on schedule</title><link>https://example.org/ferry</link>"
        "<pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate>"
        f"<description>{REPORT.split(chr(10) * 2)[-1]}</description></item>"
        "</channel></rss>",
        encoding="utf-8",
    )
    (article,) = load_articles([feed])
    assert isinstance(article, Article)
    assert article.title is not None
    assert article.title.value == "Ferry back on schedule"
    assert article.url == "https://example.org/ferry"
    assert article.published is not None
    assert article.published.value.isoformat() == "2024-03-05"
    assert "<" not in article.text


def test_a_text_without_a_word_is_not_an_article() -> None:
    (result,) = load_articles(["a" * 50_000])
    assert isinstance(result, IngestFailure)
    assert result.reason == FailureReason.NO_TEXT


def test_a_jsonl_line_with_a_nul_byte_fails_alone(tmp_path: Path) -> None:
    path = tmp_path / "records.jsonl"
    good = json.dumps({"text": REPORT.replace("\n", " ")})
    path.write_bytes(
        good.encode()
        + b"\n"
        + b'{"text": "bad\x00line"}\n'
        + good.replace("ferry", "tram").encode()
    )
    results = load_articles([path])
    assert [type(r).__name__ for r in results].count("Article") == 2
    failures = [r for r in results if isinstance(r, IngestFailure)]
    assert [(f.source.rsplit(":", 1)[-1], f.reason) for f in failures] == [
        ("2", FailureReason.BINARY)
    ]


def test_of_two_versions_at_one_url_the_later_is_used() -> None:
    url = "https://example.org/ferry"
    first = {"text": REPORT, "url": url, "published": "2024-03-05"}
    second = {
        "text": REPORT + " Sailings were full on Tuesday.",
        "url": url,
        "published": "2024-03-06",
    }
    for records in ([first, second], [second, first]):
        results = load_articles(records)
        articles = [r for r in results if isinstance(r, Article)]
        assert [a.text.endswith("Tuesday.") for a in articles] == [True]
        (failure,) = [r for r in results if isinstance(r, IngestFailure)]
        assert failure.reason == FailureReason.DUPLICATE
        assert url in failure.message


HEADED_REPORT = (
    "Ferry back on schedule\n\nBy Lars Udal\nThe Calder Courier\nMarch 4, 2024\n\n"
    "LERWICK, Shetland — The island ferry resumed its normal timetable on Monday after a "
    "week of storms kept it in port, the operator said. Passengers who missed sailings can "
    "use their tickets until the end of the month.\n\n"
    "Original url: https://courier.example/ferry"
)


def test_sources_merge_what_the_input_states_with_what_its_text_states() -> None:
    (stated,) = load_articles(
        [
            ArticleInput(
                text=HEADED_REPORT,
                title="Ferry back on schedule",
                outlet="Isle Post",
                byline="Ane Berg",
                published="2024-03-02",
                url="https://isle.example/ferry",
            )
        ]
    )
    (unstated,) = load_articles([HEADED_REPORT])
    (impossible,) = load_articles([{"text": HEADED_REPORT, "published": "9999-01-01"}])
    assert isinstance(stated, Article)
    # The title as the text shows it wins; the input's own outlet, byline, date and URL win.
    assert stated.title is not None
    assert (stated.title.value, stated.title.evidence.location) == (
        "Ferry back on schedule",
        "text",
    )
    assert stated.outlet is not None
    assert (stated.outlet.value, stated.outlet.evidence.location) == ("Isle Post", "record")
    assert stated.byline is not None
    assert stated.byline.value == "Ane Berg"
    assert stated.published is not None
    assert stated.published.iso() == "2024-03-02"
    assert stated.url == "https://isle.example/ferry"
    assert stated.dateline is not None
    assert stated.dateline.value == "LERWICK, Shetland"
    # Without them, what the text states is used; a date no article can bear is unstated.
    for article in (unstated, impossible):
        assert isinstance(article, Article)
        assert article.outlet is not None
        assert article.outlet.value == "The Calder Courier"
        assert article.byline is not None
        assert article.byline.value == "Lars Udal"
        assert article.published is not None
        assert article.published.iso() == "2024-03-04"
        assert article.url == "https://courier.example/ferry"
    # The article's stated metadata as one record.
    metadata = stated.metadata
    assert (metadata.title, metadata.outlet, metadata.byline) == (
        stated.title,
        stated.outlet,
        stated.byline,
    )
    assert (metadata.dateline, metadata.published, metadata.url) == (
        stated.dateline,
        stated.published,
        stated.url,
    )


_STORY = [
    "Dockworkers at the port of Calder walked out on Monday after pay talks with the "
    "port authority broke down, leaving hundreds of containers stranded on the quays.",
    "The union said its members would stay out until the authority improved its offer of "
    "a four percent rise, which it called an insult to workers who kept the port running.",
    "The authority said it regretted the strike and that its door remained open, adding "
    "that shipping lines had already begun to divert vessels to rival harbours upriver.",
    "Talks are due to resume on Thursday at the offices of the national mediation service, "
    "a spokesman for the labour ministry said late on Monday evening in the capital.",
]


def _records(*texts: str) -> list[ArticleInput]:
    return [ArticleInput(text=t, source=f"doc{k}") for k, t in enumerate(texts)]


@pytest.mark.issue(18)
def test_sources_a_reprint_under_a_new_headline_is_a_copy_of_the_story() -> None:
    story = "\n\n".join(_STORY)
    reprint = "Calder port strike begins\n\n" + story
    results = near_copies(load_articles(_records(story, reprint)))
    kept = [r for r in results if isinstance(r, Article)]
    copies = [r for r in results if isinstance(r, IngestFailure)]
    assert [a.source for a in kept] == ["doc1"]  # the fuller text, with its headline
    assert [(c.source, c.reason) for c in copies] == [("doc0", FailureReason.DUPLICATE)]
    assert "a copy of doc1" in copies[0].message


@pytest.mark.issue(18)
def test_sources_the_second_half_of_a_story_is_a_copy_of_the_whole() -> None:
    whole = "\n\n".join(_STORY)
    half = "\n\n".join(_STORY[2:])
    results = near_copies(load_articles(_records(half, whole)))
    assert [r.source for r in results if isinstance(r, Article)] == ["doc1"]


def test_sources_two_reports_of_one_event_are_two_sources() -> None:
    other = (
        "Shipping lines began diverting vessels from Calder on Tuesday as a strike by "
        "dockworkers entered its second day, with no sign of a settlement in sight.\n\n"
        "The walkout, called after talks on pay collapsed, has left the port's container "
        "terminals idle, according to figures from the harbour master's office."
    )
    results = near_copies(load_articles(_records("\n\n".join(_STORY), other)))
    assert all(isinstance(r, Article) for r in results)


@pytest.mark.issue(21)
def test_sources_a_dash_given_as_text_is_text_not_standard_input() -> None:
    stdin = io.BytesIO(REPORT.encode("utf-8"))
    (result,) = load_articles(["-"], Settings(), stdin=stdin)
    assert isinstance(result, IngestFailure)
    assert result.source == "<text:0>"
    assert stdin.tell() == 0  # standard input was not read
