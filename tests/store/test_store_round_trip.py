"""Articles keep their stated metadata through the store: dates at their granularity."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import os
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storybrief.config import Settings
from storybrief.model import Article, DateRef, Evidence, Metadata, Removed, Stated
from storybrief.store import Store, open_store
from storybrief.stories.collect import brief_stories
from tests.conftest import build_article

PG_URL = os.environ.get("STORYBRIEF_TEST_PG")

FERRY = (
    "Ferry crews at Brackwater walked out over a new rota, leaving about {n} passengers "
    "stranded at the terminal, the operator said. The union said talks with the operator "
    "had broken down after the company refused to drop weekend shifts, and a spokesman for "
    "the operator said it regretted the disruption to island residents."
)


# Another report of the strike, in words of its own (a reprint would be one source).
TRAM = (
    "Tram drivers in Brackwater joined the ferry crews on Tuesday, and the city's two lines "
    "stood still from dawn. Commuters queued for buses that ran every twenty minutes, and "
    "the transport authority asked employers to let staff work from home until Friday."
)


def _article(doc_id: str, text: str, **kwargs: Any) -> Article:
    return build_article(text, doc_id, **kwargs)


@pytest.mark.model
@pytest.mark.issue(17)
def test_a_month_date_comes_back_a_month_not_a_stated_day(tmp_path: Path) -> None:
    text = FERRY.format(n=300)
    removed = (Removed("date", 0, 10, "March 2024"),)
    estimated = _article(
        "est",
        text,
        published=DateRef(
            dt.date(2024, 3, 1),
            "month",
            estimated=True,
            evidence=Evidence("reports the same events as document x of 2024-03", "record"),
        ),
        title=Stated("Ferry crews walk out", Evidence("Ferry crews walk out", "removed", 11, 31)),
        removed=removed,
    )
    stated = _article(
        "stated",
        TRAM,
        published=DateRef(
            dt.date(2024, 3, 1), "month", False, Evidence("March 2024", "removed", 0, 10)
        ),
        removed=removed,
    )
    store = open_store(tmp_path / "store.db")
    story = store.new_story("Ferry strike")
    for article in (estimated, stated):
        assert store.add_article(article).status == "new"
        store.assign(article.id, story, {"joined": "test"})

    assert brief_stories(store, Settings.from_env()) == 1
    (saved,) = store.stories()
    documents = {d["source"]: d for d in json.loads(saved.brief_json or "{}")["documents"]}
    # The stated month is read back as a stated month, not as the day 2024-03-01.
    assert documents["<stated>"]["published"]["value"] == "2024-03"
    assert documents["<stated>"]["published"]["granularity"] == "month"
    assert documents["<stated>"]["published"]["estimated"] is False
    # The estimate is not handed to the brief as a date the input states.
    published = documents["<est>"]["published"]
    assert published is None or published["estimated"] is True
    assert published is None or published["granularity"] != "day" or published["estimated"]

    # And the store gives the articles back as they were given.
    for article in (estimated, stated):
        row = store.article(article.id)
        assert row is not None
        assert row.to_article() == article


# -- any article: the store gives back what it was given -------------------------------


def _strings(backend: str) -> st.SearchStrategy[str]:
    # Any Unicode but lone surrogates (no UTF-8 form); PostgreSQL text cannot hold NUL.
    return st.text(
        st.characters(codec="utf-8", exclude_characters="\x00" if backend == "pg" else "")
    )


def _articles(backend: str) -> st.SearchStrategy[Article]:
    text = _strings(backend)
    offset = st.none() | st.integers(min_value=0, max_value=2**31 - 1)
    evidence = st.builds(
        Evidence,
        text,
        st.sampled_from(["text", "removed", "html", "record"]),
        offset,
        offset,
    )
    stated = st.none() | st.builds(Stated, text, evidence)
    published = st.none() | st.builds(
        DateRef,
        st.dates(),
        st.sampled_from(["day", "week", "month", "year"]),
        st.booleans(),
        st.none() | evidence,
    )
    index = st.integers(min_value=0, max_value=2**31 - 1)
    return st.builds(
        Article,
        id=st.just(""),  # made unique per example
        source=text,
        text=text,
        content_hash=st.just(""),
        metadata=st.builds(
            Metadata,
            title=stated,
            outlet=stated,
            byline=stated,
            dateline=stated,
            published=published,
            url=st.none() | text,
        ),
        lang=st.none() | st.sampled_from(["en", "de", "zh-Hant", ""]) | text,
        encoding=st.none() | st.sampled_from(["utf-8", "windows-1252"]) | text,
        removed=st.lists(st.builds(Removed, text, index, index, text), max_size=3).map(tuple),
        captions=st.lists(st.tuples(index, index), max_size=3).map(tuple),
    )


def _open(backend: str, tmp_path: Path) -> Store:
    if backend == "sqlite":
        return open_store(tmp_path / "store.db")
    store = open_store(PG_URL)
    from sqlalchemy import text

    with store.engine.begin() as connection:
        connection.execute(text("DELETE FROM articles"))
        connection.execute(text("DELETE FROM stories"))
    return store


BACKENDS = [
    "sqlite",
    pytest.param(
        "pg",
        marks=pytest.mark.skipif(
            not PG_URL, reason="set STORYBRIEF_TEST_PG to a postgresql:// URL (.ci/run does)"
        ),
    ),
]


@pytest.mark.parametrize("backend", BACKENDS)
def test_any_article_comes_back_from_the_store_as_it_went_in(backend: str, tmp_path: Path) -> None:
    store = _open(backend, tmp_path)
    numbers = itertools.count()

    @settings(
        max_examples=50,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(_articles(backend))
    def round_trip(generated: Article) -> None:
        n = next(numbers)
        article = replace(generated, id=f"a{n}", content_hash=f"{n:016x}")
        assert store.add_article(article).id == article.id
        row = store.article(article.id)
        assert row is not None
        assert row.to_article() == article
        listed = {r.id: r for r in store.articles()}
        if article.id in listed:  # not a near-duplicate of an earlier example
            assert listed[article.id].to_article() == article

    try:
        round_trip()
    finally:
        store.close()


# -- rows stored before the metadata was kept -------------------------------------------


def _migrate(url: str, revision: str, *, down: bool = False) -> None:
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import create_engine

    config = Config()
    config.set_main_option("script_location", "storybrief.store:migrations")
    engine = create_engine(url)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        (command.downgrade if down else command.upgrade)(config, revision)
    engine.dispose()


@pytest.mark.parametrize("backend", BACKENDS)
def test_rows_stored_before_0004_read_back_as_stated_days(backend: str, tmp_path: Path) -> None:
    from sqlalchemy import create_engine, text

    if backend == "sqlite":
        url = f"sqlite:///{tmp_path / 'old.db'}"
        _migrate(url, "0003")
    else:
        assert PG_URL is not None
        url = PG_URL
        _open(backend, tmp_path).close()  # empty, at the newest revision
        _migrate(url, "0003", down=True)
    engine = create_engine(url)
    row: dict[str, Any] = {
        "id": "old",
        "content_hash": "0" * 16,
        "source": "old.txt",
        "url": None,
        "title": "Ferry strike",
        "outlet": None,
        "byline": "Nadia Ferrant",
        "published": "2024-03-05",
        "text": FERRY.format(n=1),
        "minhash": b"",
        "ingested_at": dt.datetime(2024, 3, 6, tzinfo=dt.timezone.utc),
    }
    undated = {**row, "id": "undated", "content_hash": "1" * 16, "published": None}
    with engine.begin() as connection:
        for values in (row, undated):
            connection.execute(
                text(
                    f"INSERT INTO articles ({', '.join(values)}) "
                    f"VALUES ({', '.join(':' + k for k in values)})"
                ),
                values,
            )
    engine.dispose()

    store = open_store(url)
    old = store.article("old")
    assert old is not None
    assert (old.published_granularity, old.published_estimated) == ("day", False)
    assert old.to_article() == Article(
        id="old",
        source="old.txt",
        text=FERRY.format(n=1),
        content_hash="0" * 16,
        metadata=Metadata(
            title=Stated("Ferry strike", Evidence("title: Ferry strike", "record")),
            byline=Stated("Nadia Ferrant", Evidence("byline: Nadia Ferrant", "record")),
            published=DateRef(
                dt.date(2024, 3, 5), "day", False, Evidence("published: 2024-03-05", "record")
            ),
        ),
    )
    none = store.article("undated")
    assert none is not None
    assert none.published_granularity is None
    assert none.to_article().published is None
    store.close()
    # The migration goes back down (and up again) without losing the rows.
    _migrate(url, "0003", down=True)
    _migrate(url, "head")
    again = open_store(url)
    assert {r.id for r in again.articles()} == {"old", "undated"}
    if backend == "pg":  # the rows have no real MinHash: leave no one else to read them
        with again.engine.begin() as connection:
            connection.execute(text("DELETE FROM articles"))
    again.close()


def test_articles_stored_before_0008_are_found_as_near_duplicates(tmp_path: Path) -> None:
    """Migration 0008 backfills the LSH bands of stored articles from their MinHash."""
    from datasketch import LeanMinHash
    from sqlalchemy import create_engine, text

    from storybrief.store.db import minhash_of

    url = f"sqlite:///{tmp_path / 'old.db'}"
    _migrate(url, "0007")
    body = FERRY.format(n=1)
    lean = LeanMinHash(minhash_of(body))
    blob = bytearray(lean.bytesize())
    lean.serialize(blob)
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO articles (id, content_hash, source, text, minhash, ingested_at) "
                "VALUES ('old', :hash, 'old.txt', :text, :minhash, :at)"
            ),
            {"hash": "0" * 16, "text": body, "minhash": bytes(blob), "at": "2024-03-06"},
        )
    engine.dispose()
    store = open_store(url)  # migrates to the newest revision
    # The same text but for its last words: a near-duplicate of the stored one.
    again = store.add_article(build_article(body.replace("island residents", "islanders"), "new"))
    assert again.status == "near-duplicate"
    assert again.duplicate_of == "old"
    # And a different text is not.
    other = "The orchid show opened at the botanic garden with 400 rare plants on display."
    assert store.add_article(build_article(other, "other")).status == "new"
