"""Property tests over hostile input (#21): whatever comes in, each input is an article or a
recorded failure, nothing raises, and every string that comes out can be written as UTF-8.

Bounded to stay in the unit suite: a few hundred examples in all, derandomized (the same
examples on every run); ``benchmarks/fuzz.py`` runs ten thousand.
"""

from __future__ import annotations

import gzip
import json
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storybrief.config import Settings
from storybrief.errors import InputError
from storybrief.ingest import load_articles
from storybrief.ingest.stream import iter_stream
from storybrief.model import Article, IngestFailure

pytestmark = pytest.mark.issue(21)

FAST = settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

SENTENCE = "The island ferry resumed its normal timetable on Monday after a week of storms."
# Pieces that broke storybrief before #21, mixed with arbitrary text.
PIECES = st.sampled_from(
    [
        SENTENCE,
        "\ud800",
        "\x00",
        "\x1b[31m",
        "[/bold]",
        "[" * 300,
        "$" * 300,
        "1" * 5000,
        " " * 500,
        "January 1, 0000",
        "Published 0000-00-00",
        "|||||",
        "/etc/passwd",
        "<title>x</title>",
        "WARC/1.0\r\n",
    ]
)
TEXTS = st.lists(st.one_of(PIECES, st.text(max_size=80)), max_size=8).map(" ".join)
VALUES = st.one_of(
    TEXTS,
    st.none(),
    st.integers(),
    st.floats(),
    st.sampled_from(["0000-01-01", "2024-02-30", "9999-99-99", "2024"]),
    st.lists(st.dictionaries(st.sampled_from(["text", "title"]), TEXTS, max_size=2), max_size=2),
)
RECORDS = st.dictionaries(
    st.sampled_from(["text", "title", "url", "outlet", "byline", "published", "date", "source"]),
    VALUES,
    max_size=8,
)
SUFFIXES = [".txt", ".html", ".json", ".jsonl", ".jsonl.gz", ".rss", ".atom", ".warc", ".src", ""]


def _sane(results: Iterable[Article | IngestFailure]) -> list[Article | IngestFailure]:
    out = list(results)
    for result in out:
        assert isinstance(result, Article | IngestFailure)
        result.source.encode("utf-8")
        if isinstance(result, IngestFailure):
            json.dumps(result.to_dict(), ensure_ascii=False).encode("utf-8")
        else:
            result.text.encode("utf-8")
            for stated in (result.title, result.outlet, result.byline, result.dateline):
                if stated is not None:
                    (stated.value + stated.evidence.text).encode("utf-8")
            (result.url or "").encode("utf-8")
    return out


@FAST
@given(TEXTS)
def test_fuzz_any_text_is_read_without_raising(text: str) -> None:
    # One result, or one per document when the text is a Multi-News line ("|||||").
    assert len(_sane(load_articles([text]))) >= 1


@FAST
@given(RECORDS)
def test_fuzz_any_record_is_an_article_or_one_failure(record: dict[str, Any]) -> None:
    assert len(_sane(load_articles([record]))) == 1


def _as_file(suffix: str, data: bytes, structured: Any) -> bytes:
    if structured is None:
        return data
    if suffix in (".jsonl", ".jsonl.gz"):
        lines = "\n".join(json.dumps(r) for r in structured).encode("utf-8", "surrogatepass")
        return gzip.compress(lines) if suffix.endswith(".gz") else lines
    if suffix == ".json":
        return json.dumps(structured).encode("utf-8", "surrogatepass")
    if suffix in (".rss", ".atom"):
        items = "".join(
            f"<item><title>{r.get('title')}</title><description>{r.get('text')}</description>"
            "</item>"
            for r in structured
        )
        return f"<rss><channel>{items}</channel></rss>".encode("utf-8", "surrogatepass")
    return "\n\n".join(str(r.get("text")) for r in structured).encode("utf-8", "surrogatepass")


@FAST
@given(
    st.sampled_from(SUFFIXES),
    st.binary(max_size=3000),
    st.one_of(st.none(), st.lists(RECORDS, max_size=4)),
)
def test_fuzz_any_file_is_read_by_brief_and_ingest_without_raising(
    suffix: str, data: bytes, structured: Any
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"input{suffix}"
        path.write_bytes(_as_file(suffix, data, structured))
        assert _sane(load_articles([path]))
        assert _sane(iter_stream([path], Settings()))
        # A folder holding it reads the same way.
        assert _sane(load_articles([Path(tmp)]))


@FAST
@given(st.binary(max_size=4000), st.integers(min_value=0, max_value=4000))
def test_fuzz_a_cut_or_broken_gzip_never_raises(data: bytes, cut: int) -> None:
    packed = gzip.compress(json.dumps({"text": SENTENCE}).encode() + b"\n" + data)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "records.jsonl.gz"
        path.write_bytes(packed[:cut] + data[:10])
        assert _sane(iter_stream([path], Settings()))


@pytest.mark.model
@settings(max_examples=25, deadline=None, derandomize=True)
@given(st.lists(st.one_of(TEXTS, RECORDS), min_size=1, max_size=3))
def test_fuzz_the_api_briefs_or_says_nothing_was_usable(inputs: list[Any]) -> None:
    import storybrief

    try:
        made = storybrief.brief(inputs)
    except InputError as exc:
        failures = exc.failures
        made = None
    if made is None:
        assert all(isinstance(f, IngestFailure) for f in failures)
        return
    assert len(made.documents) + len(made.errors) >= 1
    json.dumps(made.to_dict(), ensure_ascii=False).encode("utf-8")
