"""The store and the stream: idempotent ingest, near-duplicates, formats, crash safety, stories."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from storybrief.config import Settings
from storybrief.errors import IngestError
from storybrief.ingest.fetch import _check_host
from storybrief.store import open_store
from storybrief.stories.collect import brief_stories, cluster_store, ingest
from tests.conftest import EXAMPLES

PORT_TEXT = (
    "Ferry crews at Brackwater walked out on {day} over a new rota, leaving about {n} "
    "passengers stranded at the terminal, the operator said. The union said talks with the "
    "operator had broken down after the company refused to drop weekend shifts, and a "
    "spokesman for the operator said it regretted the disruption to island residents."
)


def _settings() -> Settings:
    return Settings.from_env()


def test_ingest_is_idempotent_and_links_near_duplicates(tmp_path: Path) -> None:
    store = open_store(tmp_path / "store.db")
    first = ingest(store, [EXAMPLES / "harbor-strike"], _settings())
    assert first["new"] == 5
    assert first["failed"] == 0
    again = ingest(store, [EXAMPLES / "harbor-strike"], _settings())
    assert again["new"] == 0
    assert again["duplicate"] == 5
    # The same report with one word changed is linked, not stored as news.
    original = (EXAMPLES / "harbor-strike" / "01_calder_courier.txt").read_text(encoding="utf-8")
    edited = tmp_path / "edited.txt"
    edited.write_text(original.replace("stranded", "stuck", 1), encoding="utf-8")
    near = ingest(store, [edited], _settings())
    assert near["near-duplicate"] == 1
    assert store.counts()["near_duplicates"] == 1
    assert len(store.articles()) == 5


def test_jsonl_documents_feeds_and_bad_items(tmp_path: Path) -> None:
    jsonl = tmp_path / "clusters.jsonl"
    records = [
        {"id": "a", "documents": [{"text": PORT_TEXT.format(day="Monday", n=300)}, {"text": ""}]},
        {
            "id": "b",
            "documents": [{"text": PORT_TEXT.format(day="Friday", n=900).replace("Ferry", "Tram")}],
        },
    ]
    jsonl.write_text("\n".join(json.dumps(r) for r in records) + "\n{broken\n", encoding="utf-8")
    feed = tmp_path / "feed.xml"
    feed.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour desk</title>'
        "<item><title>Ferry strike ends</title><link>https://example.invalid/ferry</link>"
        "<pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate>"
        f"<description>{PORT_TEXT.format(day='Tuesday', n=120).replace('walked out', 'returned')}</description>"
        "</item></channel></rss>",
        encoding="utf-8",
    )
    store = open_store(tmp_path / "store.db")
    counts = ingest(store, [jsonl, feed, tmp_path / "missing.txt"], _settings())
    assert counts["new"] == 3
    assert counts["failed"] == 3  # the empty document, the broken line, the missing file
    reasons = sorted(e.reason for e in store.errors())
    assert reasons == ["empty", "malformed", "not_found"]
    # A second run adds nothing, not even the same failures again.
    again = ingest(store, [jsonl, feed, tmp_path / "missing.txt"], _settings())
    assert (again["new"], again["duplicate"]) == (0, 3)
    assert len(store.errors()) == 3
    from_feed = [a for a in store.articles() if a.url == "https://example.invalid/ferry"]
    assert len(from_feed) == 1
    assert from_feed[0].published == "2024-03-05"
    assert from_feed[0].title == "Ferry strike ends"


def _warc_record(url: str, html: bytes) -> bytes:
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
    http += b"Content-Length: " + str(len(html)).encode() + b"\r\n\r\n" + html
    head = (
        "WARC/1.0\r\nWARC-Type: response\r\n"
        f"WARC-Target-URI: {url}\r\nWARC-Date: 2024-03-05T10:00:00Z\r\n"
        "WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-000000000001>\r\n"
        "Content-Type: application/http; msgtype=response\r\n"
        f"Content-Length: {len(http)}\r\n\r\n"
    ).encode()
    return head + http + b"\r\n\r\n"


def test_warc_html_records_are_read(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc"
    html = (
        "<html><head><title>Ferry strike</title></head><body><article><h1>Ferry strike</h1>"
        f"<p>{PORT_TEXT.format(day='Monday', n=450)}</p></article></body></html>"
    ).encode()
    path.write_bytes(_warc_record("https://example.invalid/ferry-strike", html))
    store = open_store(tmp_path / "store.db")
    counts = ingest(store, [path, tmp_path / "missing.warc"], _settings())
    assert counts["new"] == 1
    assert store.articles()[0].url == "https://example.invalid/ferry-strike"
    broken = tmp_path / "broken.warc"
    broken.write_bytes(b"this is not a WARC file at all")
    assert ingest(store, [broken], _settings())["failed"] == 1


def test_fetching_refuses_private_hosts_and_other_schemes() -> None:
    for url in (
        "http://127.0.0.1:8000/feed",
        "http://localhost/x",
        "http://10.1.2.3/",
        "http://[::1]/",
    ):
        with pytest.raises(IngestError, match="private or loopback"):
            _check_host(url, allow_private=False)
    with pytest.raises(IngestError, match="only http"):
        _check_host("file:///etc/passwd", allow_private=False)
    _check_host("http://127.0.0.1:8000/feed", allow_private=True)


def test_a_killed_ingest_leaves_a_consistent_store_and_a_rerun_completes(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    total = 300
    for n in range(total):
        text = (
            PORT_TEXT.format(day="Monday", n=n)
            + f" Crossing number {n} of the season was cancelled."
        )
        (folder / f"{n:04d}.txt").write_text(
            f"Ferry report {n} of {total} on crossing {n * 7}\n\n{text}", encoding="utf-8"
        )
    db = tmp_path / "store.db"
    command = [
        str(Path(sys.executable).parent / "storybrief"),
        "ingest",
        str(folder),
        "--db",
        str(db),
    ]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        time.sleep(0.3)
        if db.exists():
            try:
                if open_store(db).counts()["articles"] >= 20:
                    break
            except Exception:  # the schema may be mid-migration in the child
                continue
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    store = open_store(db)
    stored = store.counts()["articles"]
    assert 0 < stored < total
    with store.engine.connect() as connection:
        from sqlalchemy import text

        assert connection.execute(text("PRAGMA integrity_check")).scalar() == "ok"
        fts = connection.execute(text("SELECT count(*) FROM articles_fts")).scalar()
    assert fts == stored  # no article without its search row, and no orphan
    rerun = subprocess.run(command, capture_output=True, text=True, timeout=600, check=True)
    assert f"duplicate {stored}" in rerun.stderr  # counts are a message: stderr (#23)
    assert open_store(db).counts()["articles"] == total


@pytest.mark.model
def test_stories_keep_different_events_apart_and_say_why(tmp_path: Path) -> None:
    store = open_store(tmp_path / "store.db")
    ingest(store, [EXAMPLES / "harbor-strike"], _settings())
    other = tmp_path / "other"
    other.mkdir()
    for n, day in enumerate(("Monday", "Tuesday", "Wednesday")):
        (other / f"f{n}.txt").write_text(
            f"Brackwater ferry strike, day {n + 1}\n\n" + PORT_TEXT.format(day=day, n=300 + n),
            encoding="utf-8",
        )
    ingest(store, [other], _settings())
    result = cluster_store(store)
    assert result["placed"] == 8
    groups: dict[int, set[str]] = {}
    for article in store.articles():
        assert article.story_id is not None
        groups.setdefault(article.story_id, set()).add(Path(article.source).parent.name)
        why: Any = json.loads(article.membership or "{}")
        assert "joined" in why
    assert sorted(sorted(g) for g in groups.values()) == [["harbor-strike"], ["other"]]
    # A second run places nothing new and keeps the stories.
    assert cluster_store(store)["placed"] == 0
    # The stored briefs keep the bylines that cleaning took off the text.
    assert brief_stories(store, _settings()) == 2
    stored = [a.byline for a in store.articles() if a.source.endswith("01_calder_courier.txt")]
    assert stored == ["Nadia Ferrant"]
    briefed = json.dumps([json.loads(story.brief_json or "{}") for story in store.stories()])
    assert '"Nadia Ferrant"' in briefed


@pytest.mark.skipif(
    not os.environ.get("STORYBRIEF_TEST_PG"),
    reason="set STORYBRIEF_TEST_PG to a postgresql:// URL (.ci/run does)",
)
def test_postgresql_store_round_trip() -> None:
    store = open_store(os.environ["STORYBRIEF_TEST_PG"])
    from sqlalchemy import text

    with store.engine.begin() as connection:
        connection.execute(text("DELETE FROM articles"))
        connection.execute(text("DELETE FROM stories"))
    counts = ingest(store, [EXAMPLES / "harbor-strike"], _settings())
    assert counts["new"] == 5
    assert ingest(store, [EXAMPLES / "harbor-strike"], _settings())["duplicate"] == 5
    assert store.search("dockworkers")
    assert cluster_store(store)["stories"] >= 1
    store.close()


def test_fetch_follows_redirects_only_to_public_hosts_and_caps_the_size() -> None:
    import httpx

    from storybrief.ingest.fetch import fetch

    public = "http://93.184.216.34"  # an address literal: no DNS needed

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/moved":
            return httpx.Response(302, headers={"location": "http://127.0.0.1:8080/admin"})
        if request.url.path == "/big":
            return httpx.Response(200, content=b"x" * 5000)
        return httpx.Response(
            200, content=b"<rss></rss>", headers={"content-type": "application/rss+xml"}
        )

    transport = httpx.MockTransport(handler)
    body, kind = fetch(f"{public}/feed", max_bytes=1000, transport=transport)
    assert (body, kind) == (b"<rss></rss>", "application/rss+xml")
    with pytest.raises(IngestError, match="private or loopback"):
        fetch(f"{public}/moved", max_bytes=1000, transport=transport)
    with pytest.raises(IngestError, match="larger than 1000 bytes"):
        fetch(f"{public}/big", max_bytes=1000, transport=transport)


def test_a_store_that_cannot_open_is_a_one_line_user_error(tmp_path: Path) -> None:
    storybrief_cli = str(Path(sys.executable).parent / "storybrief")
    result = subprocess.run(
        [storybrief_cli, "ingest", str(EXAMPLES / "harbor-strike"), "--db", "nosuchdriver://x/y"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0
    assert "store" in result.stderr


def test_a_url_served_again_with_new_text_is_stored_not_a_crash(tmp_path: Path) -> None:
    store = open_store(tmp_path / "store.db")
    url = "https://example.org/ferry"
    first = tmp_path / "v1.jsonl"
    first.write_text(
        json.dumps({"url": url, "text": PORT_TEXT.format(day="Monday", n=300)}) + "\n",
        encoding="utf-8",
    )
    second = tmp_path / "v2.jsonl"
    update = PORT_TEXT.format(day="Monday", n=300) + " Sailings resumed on Tuesday evening."
    other = PORT_TEXT.format(day="Friday", n=900).replace("Ferry", "Tram")
    second.write_text(
        json.dumps({"url": url, "text": update}) + "\n" + json.dumps({"text": other}) + "\n",
        encoding="utf-8",
    )
    assert ingest(store, [first], _settings())["new"] == 1
    cluster_store(store)
    (story,) = store.stories()
    counts = ingest(store, [second], _settings())
    # The update replaces the first version; the next record is not lost.
    assert counts["failed"] == 0
    assert counts["updated"] == 1
    assert counts["new"] == 1
    current = [row for row in store.articles() if row.url == url]
    assert [row.text for row in current] == [update]
    # The story lost the old version and must be briefed again.
    assert store.members(story.id) == []
    assert story.id in {s.id for s in store.stale_stories()}
    cluster_store(store)
    assert [row.text for row in store.articles() if row.url == url and row.story_id] == [update]


def test_feed_dates_that_cannot_be_are_unknown(tmp_path: Path) -> None:
    feed = tmp_path / "dates.atom"
    entries = "".join(
        f"<entry><title>Ferry {n}</title><link href='https://example.org/{n}'/>"
        f"<updated>{stamp}</updated><content type='html'>&lt;p&gt;"
        f"{PORT_TEXT.format(day='Monday', n=100 + n)}&lt;/p&gt;</content></entry>"
        for n, stamp in enumerate(
            ["0000-00-00T00:00:00Z", "2024-02-30T10:00:00Z", "2024-13-45T99:00:00Z",
             "9999-12-31T00:00:00Z", "2024-03-04T10:00:00Z"]
        )
    )  # fmt: skip
    feed.write_text(
        "<?xml version='1.0' encoding='utf-8'?><feed xmlns='http://www.w3.org/2005/Atom'>"
        f"<title>Port news</title>{entries}</feed>",
        encoding="utf-8",
    )
    store = open_store(tmp_path / "store.db")
    counts = ingest(store, [feed], _settings())
    assert counts["failed"] == 0
    published = sorted(row.published or "unknown" for row in store.articles())
    # Only the real date is kept; no date is rolled over into another one.
    assert published.count("2024-03-04") == 1
    assert set(published) <= {"2024-03-04", "unknown"}


def test_a_groups_similarity_is_over_pairs_of_different_articles() -> None:
    import datetime as dt

    from storybrief.stories.cluster import Item, cluster

    items = [
        Item("a", PORT_TEXT.format(day="Monday", n=300), dt.date(2024, 3, 4)),
        Item(
            "b",
            "The orchid show opened at the botanic garden with 400 rare plants on display, "
            "and the gardeners said the cold spring had delayed the flowering by weeks.",
            dt.date(2024, 3, 5),
        ),
    ]
    # A cut that joins anything: the two unrelated articles share a group, and its
    # similarity says how little they have in common (an article's similarity to
    # itself does not count; with it, the pair read about 0.5).
    labels, why = cluster(items, distance=1.0)
    assert labels[0] == labels[1]
    assert why[0]["group_similarity"] < 0.2
