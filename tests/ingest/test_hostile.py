"""Hostile inputs (#21): one bad input is one recorded failure, the rest is read, nothing hangs."""

from __future__ import annotations

import gzip
import io
import json
import os
from pathlib import Path

import pytest

from storybrief.config import Settings
from storybrief.ingest import ArticleInput, load_articles
from storybrief.ingest.feeds import read_warc
from storybrief.ingest.formats import RawArticle
from storybrief.ingest.read import MAX_EXPANSION, MIN_EXPANDED_BYTES, bounded_lines
from storybrief.ingest.stream import iter_stream
from storybrief.model import Article, FailureReason, IngestFailure

pytestmark = pytest.mark.issue(21)

REPORT = (
    "The island ferry resumed its normal timetable on Monday after a week of storms kept "
    "it in port, the operator said. Passengers who missed sailings can use their tickets "
    "until the end of the month."
)


def _record(**fields: object) -> str:
    return json.dumps({"text": REPORT, **fields})


def _texts(results: list[Article | IngestFailure]) -> list[str]:
    return [r.text for r in results if isinstance(r, Article)]


def _failures(results: list[Article | IngestFailure]) -> list[IngestFailure]:
    return [r for r in results if isinstance(r, IngestFailure)]


def _utf8(results: list[Article | IngestFailure]) -> None:
    """Every string a result carries can be written as UTF-8 (a store, JSON, a terminal)."""
    for result in results:
        json.dumps(result.to_dict() if isinstance(result, IngestFailure) else result.source)
        result.source.encode("utf-8")
        if isinstance(result, Article):
            for stated in (result.title, result.outlet, result.byline):
                if stated is not None:
                    stated.value.encode("utf-8")
                    stated.evidence.text.encode("utf-8")
            if result.url is not None:
                result.url.encode("utf-8")
        else:
            result.message.encode("utf-8")


# -- one bad record does not stop the others --------------------------------------------------


@pytest.mark.parametrize("field", ["title", "url", "outlet", "byline", "published", "source"])
def test_hostile_a_lone_surrogate_in_a_record_field_is_replaced(field: str) -> None:
    results = load_articles([{"text": REPORT, field: "Harbour \ud800 news"}])
    (article,) = results
    assert isinstance(article, Article)
    _utf8(results)


def test_hostile_a_lone_surrogate_in_a_jsonl_line_does_not_stop_the_ingest(tmp_path: Path) -> None:
    path = tmp_path / "records.jsonl"
    lines = [
        _record(title="Ferry \ud800 back"),
        _record(url="https://e.org/\udcff", outlet="\ud83d"),
        json.dumps({"text": REPORT.replace("ferry", "tram")}),
    ]
    path.write_bytes("\n".join(lines).encode("utf-8", "surrogatepass"))
    results = list(iter_stream([path], Settings()))
    assert len(_texts(results)) == 3
    _utf8(results)


@pytest.mark.parametrize("name", ["records.jsonl", "records.json.jsonl"])
def test_hostile_a_number_of_5000_digits_fails_its_line_alone(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text(
        "\n".join(
            [
                _record(),
                '{"text": "x", "n": ' + "1" * 5000 + "}",
                json.dumps({"text": REPORT.replace("ferry", "tram")}),
            ]
        ),
        encoding="utf-8",
    )
    for results in (list(iter_stream([path], Settings())), load_articles([path])):
        assert len(_texts(results)) == 2
        (failure,) = _failures(results)
        assert failure.reason is FailureReason.MALFORMED
        assert failure.source.endswith(":2")


def test_hostile_a_truncated_jsonl_gz_keeps_the_lines_before_the_cut(tmp_path: Path) -> None:
    lines = [json.dumps({"text": REPORT.replace("Monday", f"day {n}")}) for n in range(200)]
    data = gzip.compress("\n".join(lines).encode())
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(data[: len(data) // 2])
    results = list(iter_stream([path], Settings()))
    assert 0 < len(_texts(results)) < 200
    (failure,) = _failures(results)
    assert failure.reason is FailureReason.MALFORMED
    assert "cut.jsonl.gz" in failure.source


def test_hostile_a_jsonl_line_over_the_limit_fails_alone(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl.gz"
    huge = json.dumps({"text": "word " * 40_000})
    path.write_bytes(gzip.compress("\n".join([_record(), huge, _record(title="Second")]).encode()))
    results = list(iter_stream([path], Settings(max_bytes=10_000)))
    assert len(results) == 3
    assert isinstance(results[0], Article)
    assert isinstance(results[1], IngestFailure)
    assert results[1].reason is FailureReason.TOO_LARGE
    assert results[1].source.endswith(":2")
    assert isinstance(results[2], Article)


def test_hostile_bounded_lines_never_holds_more_than_the_limit() -> None:
    stream = io.BytesIO(b"short\n" + b"x" * 100_000 + b"\nafter\nlast")
    lines = list(bounded_lines(stream, 1000))
    assert lines == [(1, b"short\n"), (2, None), (3, b"after\n"), (4, b"last")]


def test_hostile_a_decompression_bomb_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bomb.jsonl.gz"
    blank = b" " * 9999 + b"\n"  # blank lines: read and skipped, nothing else to do
    count = MIN_EXPANDED_BYTES // len(blank) + 10
    path.write_bytes(gzip.compress(_record().encode() + b"\n" + blank * count))
    assert path.stat().st_size * MAX_EXPANSION < MIN_EXPANDED_BYTES
    results = list(iter_stream([path], Settings()))
    assert isinstance(results[0], Article)
    assert results[-1].source.endswith("bomb.jsonl.gz")
    assert isinstance(results[-1], IngestFailure)
    assert results[-1].reason is FailureReason.TOO_LARGE


# -- special files and folders ----------------------------------------------------------------


def test_hostile_a_fifo_is_refused_by_ingest(tmp_path: Path) -> None:
    for name in ("pipe.jsonl", "pipe.xml", "pipe.warc", "pipe.txt"):
        os.mkfifo(tmp_path / name)
    (tmp_path / "good.txt").write_text(REPORT, encoding="utf-8")
    direct = list(iter_stream([tmp_path / "pipe.jsonl", tmp_path / "pipe.xml"], Settings()))
    assert [r.reason for r in _failures(direct)] == [FailureReason.UNREADABLE] * 2
    in_folder = list(iter_stream([tmp_path], Settings()))
    assert len(_texts(in_folder)) == 1
    assert sorted(Path(f.source).name for f in _failures(in_folder)) == [
        "pipe.jsonl",
        "pipe.txt",
        "pipe.warc",
        "pipe.xml",
    ]


def test_hostile_an_unreadable_sub_folder_is_a_recorded_failure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "good.txt").write_text(REPORT, encoding="utf-8")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "hidden.txt").write_text(REPORT.replace("ferry", "tram"), encoding="utf-8")
    real_scandir = os.scandir

    def deny(path: object = ".") -> object:
        if Path(str(path)) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)  # type: ignore[arg-type]

    # chmod 0 does not stop root (CI runs as root), so the OS refusal is simulated.
    monkeypatch.setattr(os, "scandir", deny)
    for results in (load_articles([tmp_path]), list(iter_stream([tmp_path], Settings()))):
        assert len(_texts(results)) == 1
        (failure,) = _failures(results)
        assert failure.reason is FailureReason.UNREADABLE
        assert failure.source.endswith("locked")


def test_hostile_names_no_file_can_have_fail_alone_in_ingest(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(REPORT, encoding="utf-8")
    results = list(iter_stream(["a" * 5000, "bad\x00name.txt", tmp_path / "good.txt"], Settings()))
    assert [type(r).__name__ for r in results] == ["IngestFailure", "IngestFailure", "Article"]
    assert {r.reason for r in _failures(results)} == {FailureReason.UNREADABLE}


# -- WARC -------------------------------------------------------------------------------------


def _warc_record(uri: str, text: str, delta: int = 0) -> bytes:
    body = f"<html><body><article><p>{text}</p></article></body></html>".encode()
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + body
    return (
        b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: "
        + uri.encode()
        + b"\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: "
        + str(len(http) + delta).encode()
        + b"\r\n\r\n"
        + http
        + b"\r\n\r\n"
    )


@pytest.mark.parametrize("delta", [40, -40, 1_000_000])
def test_hostile_a_warc_record_with_a_bad_length_fails_and_the_rest_is_read(
    tmp_path: Path, delta: int
) -> None:
    texts = [REPORT.replace("Monday", day) for day in ("Monday", "Tuesday", "Friday", "Sunday")]
    path = tmp_path / "crawl.warc"
    path.write_bytes(
        b"".join(
            _warc_record(f"https://e.org/{k}", text, delta if k == 1 else 0)
            for k, text in enumerate(texts)
        )
    )
    items = list(read_warc(path, Settings()))
    read = [i.url for i in items if isinstance(i, RawArticle)]
    failed = [i for i in items if isinstance(i, IngestFailure)]
    assert read == ["https://e.org/0", "https://e.org/2", "https://e.org/3"]
    assert [f.reason for f in failed] == [FailureReason.MALFORMED]
    assert "https://e.org/1" in failed[0].source


# -- text is text -----------------------------------------------------------------------------


def test_hostile_a_string_naming_a_file_is_text_not_the_file(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text(REPORT, encoding="utf-8")
    for given in (str(secret), "/etc/passwd"):
        results = load_articles([given])
        assert REPORT not in "".join(_texts(results))
        assert all("passwd" not in text or text == "/etc/passwd" for text in _texts(results))


def test_hostile_paths_are_read_when_the_caller_says_so(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text(REPORT, encoding="utf-8")
    assert _texts(load_articles([story])) == [REPORT]
    assert _texts(load_articles([], paths=[str(story)])) == [REPORT]


@pytest.mark.parametrize("length", [255, 256, 576, 1024, 1025, 5000])
def test_hostile_a_long_one_line_text_is_text(length: int) -> None:
    line = (REPORT + " ") * (length // len(REPORT) + 1)
    (article,) = load_articles([line[:length]])
    assert isinstance(article, Article)
    assert article.source == "<text:0>"


def test_hostile_an_unexpected_error_in_one_input_is_its_failure(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import storybrief.ingest.sources as sources

    real = sources.finish_article

    def explode(raw: RawArticle, settings: Settings) -> Article | IngestFailure:
        if "tram" in raw.text:
            raise KeyError("boom")
        return real(raw, settings)

    monkeypatch.setattr(sources, "finish_article", explode)
    results = load_articles([REPORT, ArticleInput(REPORT.replace("ferry", "tram")), REPORT[4:]])
    assert [type(r).__name__ for r in results] == ["Article", "IngestFailure", "Article"]
    failure = results[1]
    assert isinstance(failure, IngestFailure)
    assert "KeyError" in failure.message


def test_hostile_html_without_its_cleaner_package_names_what_to_install(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import sys

    from storybrief.errors import MissingDependency
    from storybrief.ingest.formats import read_html

    # What an install without lxml_html_clean does: trafilatura's import fails.
    monkeypatch.setitem(sys.modules, "trafilatura", None)
    with pytest.raises(MissingDependency, match="lxml_html_clean"):
        read_html("<page>", "<html><body><p>Text.</p></body></html>", None)
    with pytest.raises(MissingDependency):
        load_articles([b"<html><body><article><p>" + REPORT.encode() + b"</p></article></html>"])
