"""The web UI and JSON API over a store (FastAPI TestClient), and one real-browser walk."""

from __future__ import annotations

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
    for path in ("/", "/api/stories", "/stories/1", "/search?q=ferry", "/api/search?q=ferry"):
        seen.clear()
        assert client.get(path).status_code == 200, path
        assert seen, path
        for sql in seen:
            assert "brief_json" not in sql, (path, sql)
            assert "brief_html" not in sql, (path, sql)
            assert "articles.text" not in sql, (path, sql)
            assert "minhash" not in sql, (path, sql)
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
        assert page.locator("iframe").count() == 1
        # The report's policy lets its own story's page frame it.
        assert page.frame_locator("iframe").locator("#summary").count() == 1
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
