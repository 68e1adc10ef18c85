"""The store when things go wrong: races, interruptions, a full disk, read-only files, newer schemas."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, text

from storybrief.errors import StorageError
from storybrief.store import Store, db, open_store
from storybrief.stories.collect import cluster_store
from tests.conftest import build_article

FERRY = (
    "Ferry crews at Brackwater walked out over a new rota on day {n}, leaving passengers "
    "stranded at the terminal, the operator said. The union said talks had broken down."
)
ORCHIDS = (
    "The orchid show opened at the botanic garden with {n} rare plants on display, and the "
    "gardeners said the cold spring had delayed the flowering by weeks."
)


def _cli(*args: str, read_only: bool = False) -> subprocess.CompletedProcess[str]:
    """Run ``storybrief`` as a user would; ``read_only``: without the power to write files
    their modes forbid (root keeps that power unless it drops the capability)."""
    command = [sys.executable, "-m", "storybrief", *args]
    if read_only and os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("running as root without setpriv: read-only files stay writable")
        command = [setpriv, "--bounding-set=-dac_override,-dac_read_search", "--", *command]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)


def _one_line_error(result: subprocess.CompletedProcess[str], *words: str) -> None:
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    line = result.stderr.strip()
    assert line.count("\n") == 0, line
    assert line.startswith("storybrief: error: "), line
    for word in words:
        assert word in line, line


# -- races and interruptions ----------------------------------------------------


@pytest.mark.issue(21)
def test_store_an_article_stored_by_a_concurrent_ingest_is_a_duplicate(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    mine, theirs = open_store(tmp_path / "store.db"), open_store(tmp_path / "store.db")
    article = build_article(FERRY.format(n=1), "ferry")
    minhash_of = db.minhash_of

    def the_other_ingest_stores_it_first(body: str) -> Any:
        # Between this store's duplicate check and its insert, another process stores it.
        monkeypatch.setattr(db, "minhash_of", minhash_of)
        assert theirs.add_article(article).status == "new"
        return minhash_of(body)

    monkeypatch.setattr(db, "minhash_of", the_other_ingest_stores_it_first)
    added = mine.add_article(article)
    assert (added.status, added.id) == ("duplicate", "ferry")
    assert mine.counts()["articles"] == 1
    # The store goes on: the next article is stored as usual.
    assert mine.add_article(build_article(ORCHIDS.format(n=40), "orchids")).status == "new"


@pytest.mark.issue(21)
def test_store_an_interrupted_clustering_leaves_no_empty_story(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = open_store(tmp_path / "store.db")
    for n, body in enumerate((FERRY, ORCHIDS, FERRY)):
        store.add_article(build_article(body.format(n=n * 100), f"a{n}"))
    new_story = Store._new_story
    made: list[int] = []

    def interrupted(s: Any, title: str) -> int:
        if made:  # the user stops the run inside a batch's write, after one story
            raise KeyboardInterrupt
        made.append(new_story(s, title))
        return made[-1]

    monkeypatch.setattr(Store, "_new_story", staticmethod(interrupted))
    with pytest.raises(KeyboardInterrupt):
        cluster_store(store)
    monkeypatch.setattr(Store, "_new_story", staticmethod(new_story))
    assert made  # it was stopped mid-write ...
    stories, _ = store.story_list()
    assert all(s.sources > 0 for s in stories)  # ... and left no empty story
    assert all(store.member_list(s.id)[1] > 0 for s in stories)
    _, states = store.index_state()
    assert {row.story_id for row in states} == {s.id for s in stories}
    # The next run places the rest.
    cluster_store(store)
    assert all(a.story_id is not None for a in store.articles())
    assert len(store.story_list()[0]) == 2


@pytest.mark.issue(21)
def test_store_clustering_removes_stories_left_empty(tmp_path: Path) -> None:
    store = open_store(tmp_path / "store.db")
    store.add_article(build_article(FERRY.format(n=1), "a1"))
    store.new_story("left behind by an interrupted run")
    assert cluster_store(store)["stories"] == 1
    stories, total = store.story_list()
    assert total == 1
    assert stories[0].title != "left behind by an interrupted run"


# -- storage errors -------------------------------------------------------------


@pytest.mark.issue(21)
def test_store_a_full_disk_is_a_storage_error_and_loses_nothing(tmp_path: Path) -> None:
    store = open_store(tmp_path / "store.db")
    with store.engine.connect() as connection:
        pages = connection.execute(text("PRAGMA page_count")).scalar()
    # SQLite's own limit on the file's size: it reports a full disk as the disk would.
    event.listen(
        store.engine,
        "connect",
        lambda dbapi, _record: dbapi.execute(f"PRAGMA max_page_count = {int(pages or 0) + 12}"),
    )
    store.engine.dispose()
    stored, message = 0, ""
    for n in range(500):
        body = FERRY.format(n=n) + f" Sailing {n} was cancelled. " + "harbour " * 200
        try:
            store.add_article(build_article(body, f"a{n}"))
        except StorageError as exc:
            message = str(exc)
            break
        stored += 1
    assert "\n" not in message
    assert "full" in message
    assert str(tmp_path / "store.db") in message
    assert 0 < stored < 500
    fresh = open_store(tmp_path / "store.db")
    assert fresh.counts()["articles"] == stored
    with fresh.engine.connect() as connection:
        assert connection.execute(text("PRAGMA integrity_check")).scalar() == "ok"
        assert connection.execute(text("SELECT count(*) FROM articles_fts")).scalar() == stored


def _store_file(tmp_path: Path) -> Path:
    path = tmp_path / "store" / "store.db"
    path.parent.mkdir()
    store = open_store(path)
    story = store.new_story("Ferry strike")
    store.add_article(build_article(FERRY.format(n=1), "a1"))
    store.assign("a1", story, {"joined": False})
    store.save_brief(story, "Ferry strike", {"schema": "storybrief.brief/1"}, "<p>brief</p>")
    store.close()
    return path


@pytest.fixture
def read_only_store(tmp_path: Path) -> Iterator[Path]:
    path = _store_file(tmp_path)
    path.chmod(0o444)
    path.parent.chmod(0o555)
    yield path
    path.parent.chmod(0o755)
    path.chmod(0o644)


@pytest.mark.issue(21)
def test_cli_ingest_into_a_read_only_store_is_a_one_line_error(
    read_only_store: Path, tmp_path: Path
) -> None:
    source = tmp_path / "ferry.txt"
    source.write_text(FERRY.format(n=7), encoding="utf-8")
    result = _cli("ingest", str(source), "--db", str(read_only_store), read_only=True)
    _one_line_error(result, "read-only", str(read_only_store))


@pytest.mark.issue(21)
def test_cli_a_store_of_a_newer_schema_is_a_one_line_error(tmp_path: Path) -> None:
    path = _store_file(tmp_path)
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0099'")
    result = _cli("cluster", "--db", str(path), "--no-briefs")
    _one_line_error(result, "newer", "0099", "upgrade storybrief")
    with pytest.raises(StorageError, match="newer"):
        open_store(path)


# -- serving a store it cannot write ----------------------------------------------

# ``storybrief serve --db PATH``, its server replaced by a test client of the app it serves.
SERVE_READ_ONLY = """
import sys
import uvicorn
from fastapi.testclient import TestClient
from typer.testing import CliRunner
from storybrief.cli import app

served = {}
uvicorn.run = lambda asgi, **options: served.update(app=asgi)
result = CliRunner().invoke(app, ["serve", "--db", sys.argv[1]])
assert result.exit_code == 0, (result.output, result.exception)
client = TestClient(served["app"], base_url="http://localhost")
for path in ("/", "/api/stories", "/stories/1", "/stories/1/report", "/search?q=ferry"):
    response = client.get(path)
    assert response.status_code == 200, (path, response.status_code, response.text)
print(client.get("/api/stories").json()["stories"][0]["title"])
"""


@pytest.mark.issue(21)
@pytest.mark.parametrize("folder_writable", [False, True])
def test_store_a_read_only_store_is_served_read_only(
    read_only_store: Path, folder_writable: bool
) -> None:
    if folder_writable:
        read_only_store.parent.chmod(0o755)
    before = sorted(p.name for p in read_only_store.parent.iterdir())
    command = [sys.executable, "-c", SERVE_READ_ONLY, str(read_only_store)]
    if os.geteuid() == 0:
        if shutil.which("setpriv") is None:
            pytest.skip("running as root without setpriv: read-only files stay writable")
        command = ["setpriv", "--bounding-set=-dac_override,-dac_read_search", "--", *command]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "Ferry strike"
    if not folder_writable:
        assert sorted(p.name for p in read_only_store.parent.iterdir()) == before


@pytest.mark.issue(21)
@pytest.mark.skipif(
    not os.environ.get("STORYBRIEF_TEST_PG"),
    reason="set STORYBRIEF_TEST_PG to a postgresql:// URL (.ci/run does)",
)
def test_store_opened_read_only_on_postgresql_refuses_to_write() -> None:
    url = os.environ["STORYBRIEF_TEST_PG"]
    open_store(url).close()  # migrated
    store = open_store(url, read_only=True)
    try:
        with pytest.raises(StorageError, match="read-only"):
            store.add_article(build_article(ORCHIDS.format(n=5), "pg-read-only"))
        assert store.article("pg-read-only") is None
    finally:
        store.close()


@pytest.mark.issue(21)
def test_store_opened_read_only_refuses_to_write(read_only_store: Path) -> None:
    read_only_store.parent.chmod(0o755)
    read_only_store.chmod(0o644)
    store = open_store(read_only_store, read_only=True)
    assert json.loads(store.story(1).brief_json or "{}") == {"schema": "storybrief.brief/1"}
    with pytest.raises(StorageError, match="read-only"):
        store.add_article(build_article(ORCHIDS.format(n=3), "b1"))
    assert store.counts()["articles"] == 1
