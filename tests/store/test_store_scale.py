"""The store as it grows: lookups by index, search by index and rank, lists in pages, no blobs."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from storybrief.model import FailureReason, IngestFailure
from storybrief.store import Store, open_store
from tests.conftest import build_article

PG_URL = os.environ.get("STORYBRIEF_TEST_PG")
needs_pg = pytest.mark.skipif(
    not PG_URL, reason="set STORYBRIEF_TEST_PG to a postgresql:// URL (.ci/run does)"
)

FERRY = (
    "Ferry crews at Brackwater walked out over a new rota on day {n}, leaving passengers "
    "stranded at the terminal, the operator said. The union said talks had broken down."
)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=needs_pg)])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    if request.param == "sqlite":
        store = open_store(tmp_path / "store.db")
    else:
        store = open_store(PG_URL)
        with store.engine.begin() as connection:
            for table in ("articles", "stories", "ingest_errors"):
                connection.execute(text(f"DELETE FROM {table}"))
    yield store
    store.close()


def _plan(store: Store, sql: str, **params: str) -> str:
    """The query plan of ``sql`` as one text (PostgreSQL: with sequential scans made dear,
    so a usable index is used however small the table is)."""
    with store.engine.connect() as connection:
        if store.dialect == "sqlite":
            rows = connection.execute(text("EXPLAIN QUERY PLAN " + sql), params)
            return " | ".join(str(r[-1]) for r in rows)
        connection.execute(text("SET enable_seqscan = off"))
        return " | ".join(str(r[0]) for r in connection.execute(text("EXPLAIN " + sql), params))


@pytest.mark.issue(21)
@pytest.mark.parametrize(
    "sql",
    [
        "SELECT id FROM articles WHERE url = :v AND duplicate_of IS NULL",
        "SELECT id FROM ingest_errors WHERE source = :v AND reason = 'empty'",
        "SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL",
    ],
)
def test_store_lookups_of_ingest_use_an_index(store: Store, sql: str) -> None:
    # Each article and each failure ingested looks these up: a scan would slow
    # ingest down as the store grows.
    plan = _plan(store, sql, v="https://example.org/a")
    assert "INDEX" in plan.upper(), plan
    assert "SCAN articles" not in plan
    assert "SCAN ingest_errors" not in plan


@pytest.mark.issue(21)
def test_store_records_a_failure_once_by_its_indexed_source(store: Store) -> None:
    failure = IngestFailure("https://example.org/" + "x" * 5000, FailureReason.EMPTY, "empty")
    store.record_error(failure)
    store.record_error(failure)  # a source longer than a btree entry is no problem
    assert len(store.errors()) == 1


@needs_pg
@pytest.mark.issue(21)
def test_postgresql_search_uses_its_gin_index() -> None:
    store = open_store(PG_URL)
    try:
        plan = _plan(
            store,
            "SELECT id FROM articles WHERE search @@ plainto_tsquery('english', :v)",
            v="ferry",
        )
    finally:
        store.close()
    assert "ix_articles_search" in plan, plan


@pytest.mark.issue(21)
def test_store_search_ranks_the_closest_match_first(store: Store) -> None:
    once = build_article(FERRY.format(n=1) + " The harbour was quiet.", "once")
    often = build_article(
        "Harbour strike: harbour pickets at the harbour gate. " + FERRY.format(n=2), "often"
    )
    for article in (once, often):  # the weaker match is stored first
        assert store.add_article(article).status == "new"
    assert [row.id for row in store.search("harbour")] == ["often", "once"]
    assert [row.id for row in store.search("harbour", limit=1, offset=1)] == ["once"]
    assert store.search("nothing-like-this") == []
