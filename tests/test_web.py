"""The web UI and JSON API over a store (FastAPI TestClient), and one real-browser walk."""

from __future__ import annotations

import datetime as dt
import os
import re
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from storybrief.config import Settings
from storybrief.store import Store, open_store
from storybrief.stories.collect import brief_stories, cluster_store, ingest

from .conftest import EXAMPLES, build_article

#: What a browser on this machine sends as ``Host`` (the test client's default,
#: ``testserver``, is a name the server does not serve).
LOCAL = "http://127.0.0.1:8000"

FERRY = (
    "Ferry crews at Brackwater walked out over a new rota on day {n}, leaving passengers "
    "stranded at the terminal, the operator said. The union said talks had broken down."
)


def hand_store(path: Path, stories: int = 3, members: int = 2) -> Store:
    """A store filled through its API, with short stand-in briefs (no English model)."""
    store = open_store(path)
    for s in range(stories):
        story = store.new_story(f"Story {s}")
        for m in range(members):
            article = build_article(
                FERRY.format(n=f"{s}-{m} " + "x" * s * 7 + "y" * m * 5), f"a{s}-{m}"
            )
            assert store.add_article(article).status == "new"
            store.assign(article.id, story, {"joined": False, "group": 1})
        store.save_brief(story, f"Story {s}", {"schema": "storybrief.brief/1"}, f"<p>brief {s}</p>")
    return store


@pytest.fixture
def hand_client(tmp_path: Path) -> Any:
    from fastapi.testclient import TestClient

    from storybrief.web import create_app

    return TestClient(create_app(hand_store(tmp_path / "store.db")), base_url=LOCAL)


@pytest.mark.issue(21)
@pytest.mark.parametrize(
    "host",
    ["evil.example", "evil.example:8000", "127.0.0.1.evil.example", "localhost.evil", "[::2]:80"],
)
def test_web_refuses_a_host_it_does_not_serve(hand_client: Any, host: str) -> None:
    # A DNS-rebinding page reaches the server under its own name: it must get nothing.
    for path in ("/", "/api/stories", "/api/articles/a0-0"):
        response = hand_client.get(path, headers={"host": host})
        assert response.status_code == 400
        assert "Brackwater" not in response.text


@pytest.mark.issue(21)
@pytest.mark.parametrize(
    "host", ["localhost", "localhost:8000", "127.0.0.1:9", "[::1]:8000", "LOCALHOST."]
)
def test_web_answers_loopback_names(hand_client: Any, host: str) -> None:
    assert hand_client.get("/api/stories", headers={"host": host}).status_code == 200


@pytest.mark.issue(21)
def test_web_answers_the_names_it_is_told_to_serve(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from storybrief.web import create_app

    app = create_app(hand_store(tmp_path / "store.db", 1), allowed_hosts=["news.lan", "10.0.0.7"])
    client = TestClient(app, base_url="http://news.lan:8000")
    assert client.get("/").status_code == 200
    assert client.get("/", headers={"host": "10.0.0.7:8000"}).status_code == 200
    assert client.get("/", headers={"host": "localhost"}).status_code == 200
    assert client.get("/", headers={"host": "other.lan"}).status_code == 400


@pytest.mark.issue(21)
def test_web_sends_its_security_policy_as_headers(hand_client: Any) -> None:
    story = 1  # the hand store's first story
    for path in ("/", "/api/stories", f"/stories/{story}", "/search?q=ferry", "/nope"):
        response = hand_client.get(path)
        policy = response.headers["content-security-policy"]
        assert "frame-ancestors 'none'" in policy, path
        assert "script-src 'none'" in policy, path
        assert response.headers["x-content-type-options"] == "nosniff", path
    # The report is framed by its story's page, and by nothing else.
    report = hand_client.get(f"/stories/{story}/report")
    assert report.status_code == 200
    assert "frame-ancestors 'self'" in report.headers["content-security-policy"]
    assert report.headers["x-content-type-options"] == "nosniff"
    refused = hand_client.get("/", headers={"host": "evil.example"})
    assert refused.headers["x-content-type-options"] == "nosniff"


def _statements(store: Store) -> list[str]:
    """The SQL the store runs from now on, collected as it runs."""
    from sqlalchemy import event

    seen: list[str] = []
    event.listen(store.engine, "before_cursor_execute", lambda *args: seen.append(args[2].lower()))
    return seen


@pytest.mark.issue(21)
def test_web_lists_read_no_brief_and_no_article_text(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from storybrief.web import create_app

    store = hand_store(tmp_path / "store.db", stories=3, members=3)
    client = TestClient(create_app(store), base_url=LOCAL)
    seen = _statements(store)
    for path in ("/", "/api/stories", "/search?q=ferry", "/api/search?q=ferry", "/feed.atom"):
        seen.clear()
        assert client.get(path).status_code == 200, path
        assert seen, path
        for sql in seen:
            assert "brief_json" not in sql, (path, sql)
            assert "brief_html" not in sql, (path, sql)
            assert "articles.text" not in sql, (path, sql)
            assert "minhash" not in sql, (path, sql)
    # A story's page shows its brief (so reads that one story's), never article texts.
    seen.clear()
    assert client.get("/stories/1").status_code == 200
    assert any("brief_html" in sql for sql in seen)
    assert not any("articles.text" in sql or "minhash" in sql for sql in seen)
    # The report and the story's JSON read their one story's brief.
    assert client.get("/stories/1/report").text == "<p>brief 0</p>"
    assert client.get("/api/stories/1").json()["brief"] == {"schema": "storybrief.brief/1"}


@pytest.mark.issue(21)
def test_web_story_list_comes_in_pages(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from storybrief.web import create_app

    client = TestClient(create_app(hand_store(tmp_path / "store.db", 7, 1)), base_url=LOCAL)
    first = client.get("/api/stories", params={"limit": 3}).json()
    assert [s["title"] for s in first["stories"]] == ["Story 6", "Story 5", "Story 4"]
    assert first["paging"] == {
        "page": 1,
        "limit": 3,
        "total": 7,
        "pages": 3,
        "previous": None,
        "next": "/api/stories?page=2&limit=3",
    }
    last = client.get(first["paging"]["next"].replace("page=2", "page=3")).json()
    assert [s["title"] for s in last["stories"]] == ["Story 0"]
    assert last["paging"]["next"] is None
    assert last["paging"]["previous"] == "/api/stories?page=2&limit=3"
    assert client.get("/api/stories", params={"page": 9}).json()["stories"] == []
    assert client.get("/api/stories", params={"limit": 100_000}).status_code == 422
    assert client.get("/api/stories", params={"page": 0}).status_code == 422
    page = client.get("/", params={"page": 2, "limit": 3}).text
    assert "Story 3" in page
    assert "Story 6" not in page
    assert 'href="/?page=1&amp;limit=3"' in page
    assert 'href="/?page=3&amp;limit=3"' in page
    assert "page 2 of 3" in page


@pytest.mark.issue(21)
def test_web_story_members_and_search_come_in_pages(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from storybrief.web import create_app

    client = TestClient(create_app(hand_store(tmp_path / "store.db", 1, 5)), base_url=LOCAL)
    detail = client.get("/api/stories/1", params={"limit": 2}).json()
    assert len(detail["articles"]) == 2
    assert detail["paging"]["total"] == 5
    assert detail["paging"]["next"] == "/api/stories/1?page=2&limit=2"
    page = client.get("/stories/1", params={"page": 3, "limit": 2}).text
    assert page.count('class="source"') == 1
    assert "5 sources" in page
    assert 'href="/stories/1?page=2&amp;limit=2"' in page
    found = client.get("/api/search", params={"q": "ferry", "limit": 2}).json()
    assert len(found["results"]) == 2
    assert found["paging"]["next"] == "/api/search?q=ferry&page=2&limit=2"
    rest = client.get("/api/search", params={"q": "ferry", "limit": 2, "page": 3}).json()
    assert len(rest["results"]) == 1
    assert rest["paging"]["next"] is None
    html = client.get("/search", params={"q": "ferry", "limit": 2}).text
    assert 'href="/search?q=ferry&amp;page=2&amp;limit=2"' in html


@pytest.mark.issue(21)
@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.168.1.20"])
def test_serve_warns_when_bound_beyond_loopback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, host: str
) -> None:
    import uvicorn
    from fastapi.testclient import TestClient
    from typer.testing import CliRunner

    from storybrief.cli import app, listen

    served: dict[str, Any] = {}
    monkeypatch.setattr(uvicorn, "run", lambda asgi, **options: served.update(app=asgi, **options))
    # The address is not this machine's (192.168.1.20): a loopback socket stands in for it.
    monkeypatch.setattr("storybrief.cli.listen", lambda host, port: listen("127.0.0.1", 0))
    hand_store(tmp_path / "store.db", 1).close()
    result = CliRunner().invoke(
        app,
        ["serve", "--db", str(tmp_path / "store.db"), "--host", host, "--allow-host", "news.lan"],
    )
    assert result.exit_code == 0, result.output
    assert "WARNING" in result.stderr
    assert "no login" in result.stderr
    assert served["host"] == host
    client = TestClient(served["app"], base_url="http://news.lan")
    assert client.get("/").status_code == 200
    assert client.get("/", headers={"host": "evil.example"}).status_code == 400


@pytest.mark.issue(21)
def test_serve_on_loopback_warns_of_nothing_and_prints_its_url(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import uvicorn
    from typer.testing import CliRunner

    from storybrief.cli import app

    monkeypatch.setattr(uvicorn, "run", lambda asgi, **options: None)
    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "store.db"), "--port", "0"])
    assert result.exit_code == 0, result.output
    assert re.fullmatch(
        r"storybrief: serving on http://127\.0\.0\.1:\d+/ \(Ctrl\+C stops it\)\n", result.stderr
    ), result.stderr
    quiet = CliRunner().invoke(
        app, ["serve", "--db", str(tmp_path / "store.db"), "--port", "0", "-q"]
    )
    assert quiet.exit_code == 0, quiet.output
    assert quiet.stderr == ""


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    store = open_store(tmp_path_factory.mktemp("web") / "store.db")
    ingest(store, [EXAMPLES / "harbor-strike"], Settings.from_env())
    cluster_store(store)
    brief_stories(store, Settings.from_env())
    return store


@pytest.fixture(scope="module")
def client(store: Store) -> Any:
    from fastapi.testclient import TestClient

    from storybrief.web import create_app

    return TestClient(create_app(store), base_url=LOCAL)


@pytest.mark.model
def test_pages_and_statuses(client: Any, store: Store) -> None:
    index = client.get("/")
    assert index.status_code == 200
    story = store.stories()[0]
    assert story.title in index.text
    page = client.get(f"/stories/{story.id}")
    assert page.status_code == 200
    assert "/articles/" in page.text
    # Why each article is in the story reads as words, not as the stored JSON.
    assert "{&#34;" not in page.text
    assert '{"' not in page.text
    assert "joined" in page.text or "grouped with" in page.text or "started the story" in page.text
    report = client.get(f"/stories/{story.id}/report")
    assert report.status_code == 200
    assert 'id="summary"' in report.text
    assert client.get("/stories/9999").status_code == 404
    assert client.get("/articles/nope").status_code == 404
    assert client.get("/stories/abc").status_code == 422
    # Hostile input is a 404 or an empty result, never a server error.
    assert client.get("/stories/99999999999999999999999").status_code == 404
    assert client.get("/api/stories/99999999999999999999999").status_code == 404
    assert client.get("/search", params={"q": "dock\x00workers"}).status_code == 200
    assert client.get("/api/search", params={"q": "\x00"}).status_code == 200


@pytest.mark.model
def test_search_and_the_json_api(client: Any, store: Store) -> None:
    found = client.get("/search", params={"q": "dockworkers"})
    assert found.status_code == 200
    assert "/articles/" in found.text
    api = client.get("/api/search", params={"q": "dockworkers"}).json()["results"]
    assert api
    assert all(a["story_id"] is not None for a in api)
    stories = client.get("/api/stories").json()["stories"]
    assert stories[0]["sources"] == 5
    detail = client.get(f"/api/stories/{stories[0]['id']}").json()
    assert detail["brief"]["schema"] == "storybrief.brief/1"
    assert len(detail["articles"]) == 5
    article = client.get(f"/api/articles/{detail['articles'][0]['id']}").json()
    assert article["text"]
    assert client.get("/api/search").status_code == 422
    assert "/api/stories" in client.get("/openapi.json").json()["paths"]


@pytest.fixture(scope="module")
def server(store: Store) -> Iterator[str]:
    import uvicorn

    from storybrief.web import create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    config = uvicorn.Config(create_app(store), host="127.0.0.1", port=port, log_level="error")
    runner = uvicorn.Server(config)
    thread = threading.Thread(target=runner.run, daemon=True)
    thread.start()
    for _ in range(100):
        if runner.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    runner.should_exit = True
    thread.join(timeout=10)


@pytest.mark.model
def test_browser_searches_opens_a_story_and_follows_a_source(server: str, tmp_path: Path) -> None:
    from .browser.test_report import CHROMIUM_FLAGS, _chromium

    executable = _chromium()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        executable = None
    if executable is None:
        pytest.skip("no Chromium/playwright on this machine")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        page = browser.new_page()
        outside: list[str] = []
        page.on(
            "request",
            lambda r: None if r.url.startswith(server) else outside.append(r.url),
        )
        page.goto(server + "/")
        page.fill("input[name=q]", "mediation")
        page.click("button[type=submit]")
        page.wait_for_url("**/search?q=mediation")
        assert page.locator("#results li").count() >= 1
        page.locator("#results a", has_text="its story").first.click()
        page.wait_for_url("**/stories/*")
        # The brief is on the story's page itself, its chips working (its one script runs).
        assert page.locator("iframe").count() == 0
        assert page.locator("#summary").is_visible()
        page.locator("#summary a.chip").first.click()
        page.wait_for_function("location.hash.length > 1")
        assert page.locator("span.hl").count() >= 1
        page.locator("#members a.source").first.click()
        page.wait_for_url("**/articles/*")
        assert len(page.locator("#text").inner_text()) > 200
        page.screenshot(path=str(tmp_path / "article.png"))
        browser.close()
    assert outside == []


@pytest.mark.issue(23)
def test_the_failures_page_lists_an_ingested_missing_file_with_its_reason(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from storybrief.web import create_app

    store = open_store(tmp_path / "store.db")
    missing = tmp_path / "no-such-article.txt"
    ingest(store, [missing], Settings.from_env())
    client = TestClient(create_app(store), base_url=LOCAL)
    (failure,) = client.get("/api/failures").json()["failures"]
    assert failure["source"] == str(missing)
    assert failure["reason"] == "not_found"
    page = client.get("/failures")
    assert page.status_code == 200
    assert str(missing) in page.text
    assert "not_found" in page.text
    assert 'href="/failures"' in client.get("/").text


@pytest.mark.model
@pytest.mark.issue(24)
def test_the_update_route_says_what_articles_since_a_time_add(tmp_path: Path) -> None:
    import datetime as dt

    from fastapi.testclient import TestClient

    from storybrief.web import create_app

    store = open_store(tmp_path / "store.db")
    files = sorted((EXAMPLES / "harbor-strike").iterdir())
    ingest(store, files[:2], Settings.from_env())
    time.sleep(0.05)
    cut = dt.datetime.now(dt.timezone.utc).isoformat()
    time.sleep(0.05)
    ingest(store, files[2:], Settings.from_env())
    cluster_store(store)
    client = TestClient(create_app(store), base_url=LOCAL)
    story = max(store.stories(), key=lambda s: len(store.members(s.id)))
    found = client.get(f"/api/stories/{story.id}/update", params={"since": cut}).json()
    assert found["new"] >= 1
    assert found["read"] >= 1
    update = found["update"]
    read = set(update["since"])
    assert {found["sources"][d] for d in read} <= {str(f) for f in files[:2]}
    assert update["summary"]
    assert all(p["doc_id"] not in read for p in update["summary"])
    later = (dt.datetime.now(dt.timezone.utc) + dt.timedelta(days=1)).date().isoformat()
    nothing = client.get(f"/api/stories/{story.id}/update", params={"since": later}).json()
    assert (nothing["new"], nothing["update"]) == (0, None)
    assert (
        client.get(f"/api/stories/{story.id}/update", params={"since": "soon"}).status_code == 422
    )


def _brief_of(summary: str, entities: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    return {
        "schema": "storybrief.brief/1",
        "summary": [{"text": summary, "doc_id": "x", "start": 0, "end": len(summary)}],
        "entities": entities or [],
    }


@pytest.mark.issue(23)
def test_story_cards_show_outlets_dates_lead_and_sort(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from storybrief.model import DateRef, Evidence, Stated
    from storybrief.web import create_app

    store = open_store(tmp_path / "store.db")
    plan = {
        "Harbour strike": [
            ("Daily Post", "2024-03-01"),
            ("Daily Post", "2024-03-04"),
            ("Wire", None),
        ],
        "Bridge closure": [("Evening News", "2024-05-02")],
    }
    for title, articles in plan.items():
        story = store.new_story(title)
        for n, (outlet, day) in enumerate(articles):
            article = build_article(
                f"{title} report number {n} by {outlet}, with its own words {n * 'z'}.",
                f"{title[:3]}{n}",
                outlet=Stated(outlet, Evidence(f"outlet: {outlet}", "record")),
                published=None if day is None else DateRef(dt.date.fromisoformat(day), "day"),
            )
            assert store.add_article(article).status == "new"
            store.assign(article.id, story, {"joined": False, "group": 1})
        store.save_brief(story, title, _brief_of(f"The {title.lower()} lead sentence."), "<p/>")
    client = TestClient(create_app(store), base_url=LOCAL)
    cards = {c["title"]: c for c in client.get("/api/stories").json()["stories"]}
    harbour = cards["Harbour strike"]
    assert harbour["outlets"] == [
        {"outlet": "Daily Post", "articles": 2},
        {"outlet": "Wire", "articles": 1},
    ]
    assert (harbour["first_published"], harbour["last_published"]) == ("2024-03-01", "2024-03-04")
    assert harbour["lead"] == "The harbour strike lead sentence."
    assert harbour["new_since_last_visit"] is None  # never visited
    page = client.get("/").text
    assert "2 outlets: Daily Post (2), Wire" in page
    assert "2024-03-01 to 2024-03-04" in page
    assert "The harbour strike lead sentence." in page

    def order(sort: str) -> list[str]:
        got = client.get("/api/stories", params={"sort": sort}).json()["stories"]
        return [s["title"] for s in got]

    assert order("sources") == ["Harbour strike", "Bridge closure"]
    assert order("published") == ["Bridge closure", "Harbour strike"]
    assert order("title") == ["Bridge closure", "Harbour strike"]
    assert client.get("/api/stories", params={"sort": "nonsense"}).status_code == 422
    assert 'href="/?sort=sources&amp;limit=50"' in page


@pytest.mark.issue(23)
def test_a_story_keeps_its_first_title_unless_renamed(tmp_path: Path) -> None:
    store = hand_store(tmp_path / "store.db", 1, 1)
    assert store.stories()[0].title == "Story 0"
    store.save_brief(1, "A later headline", {"schema": "storybrief.brief/1"}, "<p/>")
    assert store.stories()[0].title == "Story 0"
    assert store.rename_story(1, "  The ferry   walkout ")
    store.save_brief(1, "Yet another headline", {"schema": "storybrief.brief/1"}, "<p/>")
    assert store.stories()[0].title == "The ferry walkout"
    assert not store.rename_story(99, "Nothing")
    with pytest.raises(ValueError, match="cannot be empty"):
        store.rename_story(1, " ")


@pytest.mark.issue(24)
def test_cards_count_articles_stored_since_this_browsers_last_visit(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from storybrief.web import create_app
    from storybrief.web.app import SEEN_COOKIE

    store = hand_store(tmp_path / "store.db", 2, 2)
    client = TestClient(create_app(store), base_url=LOCAL)
    assert "new since your last visit" not in client.get("/").text
    client.get("/stories/1")  # this browser has now seen story 1's two articles
    assert SEEN_COOKIE in client.cookies
    for n in range(3):
        article = build_article(FERRY.format(n=f"later {n}"), f"late{n}")
        store.add_article(article)
        store.assign(article.id, 1, {"joined": True, "similarity": 0.5})
    stories = {s["id"]: s for s in client.get("/api/stories").json()["stories"]}
    assert stories[1]["new_since_last_visit"] == 3
    assert stories[2]["new_since_last_visit"] is None  # never opened here
    assert "3 new since your last visit" in client.get("/").text
    page = client.get("/stories/1").text
    assert page.count('class="is-new"') == 3
    assert "New since your last visit: 3 articles" in page
    # That visit saw them: nothing is new now, in this browser; another browser never visited.
    assert client.get("/api/stories").json()["stories"][0]["new_since_last_visit"] in (0, None)
    assert "Nothing new since your last visit" in client.get("/stories/1").text
    other = TestClient(create_app(store), base_url=LOCAL)
    assert "since your last visit" not in other.get("/stories/1").text
    # A cookie that is not ours is ignored, not an error.
    other.cookies.set(SEEN_COOKIE, "1:zzzzzzzzzzzzzzzzz.x:y.;;")
    assert other.get("/").status_code == 200


PG_URL = os.environ.get("STORYBRIEF_TEST_PG")
BACKENDS = [
    "sqlite",
    pytest.param(
        "pg",
        marks=pytest.mark.skipif(
            not PG_URL, reason="set STORYBRIEF_TEST_PG to a postgresql:// URL (.ci/run does)"
        ),
    ),
]


def _empty_store(backend: str, tmp_path: Path) -> Store:
    from sqlalchemy import text

    store = open_store(tmp_path / "store.db" if backend == "sqlite" else PG_URL)
    with store.engine.begin() as connection:
        for table in ("entity_forms", "articles", "stories", "ingest_errors"):
            connection.execute(text(f"DELETE FROM {table}"))
    return store


@pytest.mark.issue(23)
@pytest.mark.parametrize("backend", BACKENDS)
def test_search_counts_snippets_and_other_spellings_of_a_name(backend: str, tmp_path: Path) -> None:
    from fastapi.testclient import TestClient
    from sqlalchemy import text

    from storybrief.web import create_app

    store = _empty_store(backend, tmp_path)
    story = store.new_story("Clinic fire")
    texts = {
        "k1": "Dr. Hamza Khatib ran the clinic for ten years before the fire.",
        "k2": "Khatib said the clinic would reopen within a month.",
        "k3": "Alkhatib told the council that the clinic had passed its inspection.",
        "o1": "The council met on Tuesday to discuss the budget for roads.",
    }
    for doc_id, body in texts.items():
        store.add_article(build_article(body, doc_id))
        store.assign(doc_id, story, {"joined": False, "group": 1})
    entity = {"id": "e1", "canonical": "Hamza Khatib", "aliases": ["Khatib", "Alkhatib"]}
    store.save_brief(story, "Clinic fire", _brief_of("The clinic burned.", [entity]), "<p/>")
    client = TestClient(create_app(store), base_url=LOCAL)
    for spelling in ("Khatib", "alkhatib", "Hamza Khatib"):
        found = client.get("/api/search", params={"q": spelling}).json()
        assert {r["id"] for r in found["results"]} == {"k1", "k2", "k3"}, spelling
        assert found["total"] == 3
    assert client.get("/api/search", params={"q": "council"}).json()["total"] == 2
    # "clinic" names no one: no spelling is added, and the count is the engine's own.
    clinic = client.get("/api/search", params={"q": "clinic", "limit": 2}).json()
    count = (
        "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH '\"clinic\"'"
        if backend == "sqlite"
        else "SELECT count(*) FROM articles WHERE search @@ plainto_tsquery('english', 'clinic')"
    )
    with store.engine.connect() as c:
        sql_count = c.scalar(text(count))
    assert clinic["total"] == sql_count == 3
    assert clinic["aliases"] == []
    assert len(clinic["results"]) == 2
    assert clinic["paging"]["pages"] == 2
    assert all("clinic" in r["snippet"].lower() for r in clinic["results"])
    assert all(m.lower() == "clinic" for r in clinic["results"] for m in r["matches"])
    page = client.get("/search", params={"q": "clinic", "limit": 2}).text
    assert "3 articles match" in page
    assert "<mark>clinic</mark>" in page
    assert "page 1 of 2" in page
    shown = client.get("/search", params={"q": "Khatib"}).text
    assert "another spelling of the same name" in shown
    assert "“Alkhatib”" in shown
    # Hostile text in a snippet stays text.
    store.add_article(build_article("The clinic <script>alert(1)</script> fire.", "h1"))
    assert "<script>alert" not in client.get("/search", params={"q": "clinic"}).text
    store.close()


@pytest.mark.issue(23)
def test_atom_feeds_for_the_home_page_and_each_story(hand_client: Any) -> None:
    from xml.etree import ElementTree as ET

    atom = "{http://www.w3.org/2005/Atom}"
    home = hand_client.get("/feed.atom")
    assert home.headers["content-type"].startswith("application/atom+xml")
    feed = ET.fromstring(home.content)
    entries = feed.findall(f"{atom}entry")
    assert [e.findtext(f"{atom}title") for e in entries] == ["Story 2", "Story 1", "Story 0"]
    assert all(e.findtext(f"{atom}id") and e.findtext(f"{atom}updated") for e in entries)
    story = ET.fromstring(hand_client.get("/stories/1/feed.atom").content)
    assert story.findtext(f"{atom}title") == "Story 0"
    links = [e.find(f"{atom}link").get("href") for e in story.findall(f"{atom}entry")]  # type: ignore[union-attr]
    assert sorted(links) == [f"{LOCAL}/articles/a0-0", f"{LOCAL}/articles/a0-1"]
    assert hand_client.get("/stories/99/feed.atom").status_code == 404
    assert 'type="application/atom+xml"' in hand_client.get("/stories/1").text


@pytest.mark.issue(23)
def test_every_html_page_names_its_json_twin(hand_client: Any) -> None:
    for path in ("/", "/stories/1", "/articles/a0-0", "/search?q=ferry", "/failures"):
        page = hand_client.get(path).text
        twin = re.search(r'<link rel="alternate" type="application/json" href="([^"]+)"', page)
        assert twin, path
        response = hand_client.get(twin.group(1).replace("&amp;", "&"))
        assert response.status_code == 200, (path, twin.group(1))
        assert response.headers["content-type"].startswith("application/json"), path


@pytest.mark.issue(23)
def test_an_article_page_marks_the_cited_span(hand_client: Any) -> None:
    text = hand_client.get("/api/articles/a0-0").json()["text"]
    page = hand_client.get("/articles/a0-0", params={"start": 0, "end": 17}).text
    assert f'<mark id="span">{text[:17]}</mark>' in page
    # A span outside the text marks nothing.
    assert "<mark" not in hand_client.get("/articles/a0-0", params={"start": 5, "end": 99999}).text


@pytest.mark.model
@pytest.mark.issue(23)
def test_the_story_page_exports_its_briefs_tables_as_csv(client: Any, store: Store) -> None:
    import csv
    import io
    import zipfile

    story = store.stories()[0]
    page = client.get(f"/stories/{story.id}").text
    assert f'href="/stories/{story.id}/tables.zip"' in page
    archive = zipfile.ZipFile(io.BytesIO(client.get(f"/stories/{story.id}/tables.zip").content))
    assert sorted(archive.namelist()) == [
        "claims.csv",
        "entities.csv",
        "quotes.csv",
        "timeline.csv",
    ]
    brief = client.get(f"/api/stories/{story.id}").json()["brief"]
    entities = list(csv.DictReader(io.StringIO(archive.read("entities.csv").decode())))
    assert [e["id"] for e in entities] == [e["id"] for e in brief["entities"]]
    one = client.get(f"/stories/{story.id}/tables/quotes.csv")
    assert one.headers["content-type"].startswith("text/csv")
    assert len(list(csv.DictReader(io.StringIO(one.text)))) == len(brief["quotes"])
    assert client.get(f"/stories/{story.id}/tables/secrets.csv").status_code == 404


def test_a_story_pages_update_reads_the_latest_articles_only() -> None:
    import types

    from storybrief.web.app import _latest

    at = dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc)
    rows = [
        types.SimpleNamespace(id=f"a{n}", ingested_at=at + dt.timedelta(minutes=(7 * n) % 10))
        for n in range(10)
    ]
    latest = _latest(rows, 3)
    assert [m.id for m in latest] == ["a1", "a4", "a7"]  # stored last, in their order
    assert _latest(rows, 10) == rows


@pytest.mark.issue(23)
def test_rename_gives_a_story_a_title_briefs_keep(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from storybrief.cli import app

    db = tmp_path / "store.db"
    hand_store(db, 2, 1).close()
    done = CliRunner().invoke(app, ["rename", "2", "Ferry  walkout, day two", "--db", str(db)])
    assert done.exit_code == 0, done.output
    assert "story 2 is now titled 'Ferry walkout, day two'" in done.stderr
    store = open_store(db)
    store.save_brief(2, "A headline from a new brief", {"schema": "storybrief.brief/1"}, "<p/>")
    assert {s.id: s.title for s in store.stories()} == {1: "Story 0", 2: "Ferry walkout, day two"}
    missing = CliRunner().invoke(app, ["rename", "9", "Nothing", "--db", str(db)])
    assert missing.exit_code != 0
    assert "no story 9" in missing.stderr
    empty = CliRunner().invoke(app, ["rename", "1", "  ", "--db", str(db)])
    assert empty.exit_code != 0
    assert "cannot be empty" in empty.stderr
