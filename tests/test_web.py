"""The web UI and JSON API over a store (FastAPI TestClient), and one real-browser walk."""

from __future__ import annotations

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

from .conftest import EXAMPLES

pytestmark = pytest.mark.model


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

    return TestClient(create_app(store))


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


def test_search_and_the_json_api(client: Any, store: Store) -> None:
    found = client.get("/search", params={"q": "dockworkers"})
    assert found.status_code == 200
    assert "/articles/" in found.text
    api = client.get("/api/search", params={"q": "dockworkers"}).json()
    assert api
    assert all(a["story_id"] is not None for a in api)
    stories = client.get("/api/stories").json()
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
        page.locator("#members a.source").first.click()
        page.wait_for_url("**/articles/*")
        assert len(page.locator("#text").inner_text()) > 200
        page.screenshot(path=str(tmp_path / "article.png"))
        browser.close()
    assert outside == []
