"""The web UI in a real headless Chromium: story cards, a story page, what is new, search.

A real server over a real store (the example cluster, ingested in two batches):
a reader opens the story, two articles arrive, and the reader comes back.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from storybrief.config import Settings
from storybrief.store import Store, open_store
from storybrief.stories.collect import brief_stories, cluster_store, ingest

from ..conftest import EXAMPLES
from .test_report import CHROMIUM_FLAGS, _chromium

pytestmark = [pytest.mark.model, pytest.mark.issue(23)]

FILES = sorted((EXAMPLES / "harbor-strike").iterdir())
#: An element wider than the page, or a page wider than the window.
OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  const wide = [...document.querySelectorAll('body *')]
    .filter(e => e.getBoundingClientRect().right > width + 1 && getComputedStyle(e).position !== 'fixed')
    .map(e => e.tagName + (e.id ? '#' + e.id : '') + (e.className ? '.' + e.className : ''));
  return {scroll: document.documentElement.scrollWidth, width, wide: wide.slice(0, 5)};
}"""


def _update(store: Store, paths: list[Path]) -> None:
    ingest(store, paths, Settings.from_env())
    cluster_store(store)
    brief_stories(store, Settings.from_env())


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    store = open_store(tmp_path_factory.mktemp("web") / "store.db")
    _update(store, FILES[:3])
    return store


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


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    executable = _chromium()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        executable = None
    if executable is None:
        import os

        if os.environ.get("STORYBRIEF_REQUIRE_BROWSER"):
            pytest.fail("headless Chromium and playwright are required (make test installs them)")
        pytest.skip("no Chromium/playwright on this machine")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_FLAGS)
        yield b
        b.close()


def _fits(page: Any, url: str) -> None:
    for width in (1400, 375):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(url)
        found = page.evaluate(OVERFLOW)
        assert found["scroll"] <= width, (url, width, found)

        assert found["wide"] == [], (url, width, found)


def test_a_reader_comes_back_to_a_story_and_sees_what_is_new(
    browser: Any, server: str, store: Store
) -> None:
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    outside: list[str] = []
    page.on("request", lambda r: None if r.url.startswith(server) else outside.append(r.url))
    page.goto(server + "/")
    card = page.locator("#stories li.story").first
    assert card.locator("h2 a").inner_text().strip()
    assert "outlet" in card.inner_text()
    card.locator("h2 a").click()
    page.wait_for_url("**/stories/*")
    story_url = page.url
    # The brief is on the page (no frame), its title and summary on the first screen.
    assert page.locator("iframe").count() == 0
    assert page.locator("#summary").is_visible()
    first = page.locator("#summary li, #summary p").first.bounding_box()
    assert first is not None
    assert first["y"] < 900
    assert page.locator("#since").count() == 0  # a first visit: nothing to compare
    rows = page.locator("#members tbody tr")
    assert rows.count() == 3
    numbers = [rows.nth(i).locator("td").first.inner_text() for i in range(3)]
    assert sorted(numbers) == ["1", "2", "3"]
    assert all(rows.nth(i).locator(".count").count() for i in range(3))  # outlet and date

    _update(store, FILES[3:])  # two articles arrive while the reader is away
    story_id = int(story_url.rstrip("/").rsplit("/", 1)[1])
    ids = {m.id: m for m in store.members(story_id)}
    assert len(ids) == 5
    page.goto(server + "/")
    badge = page.locator(f'#stories li[data-story="{story_id}"] .new')
    assert badge.inner_text() == "2 new since your last visit"

    page.goto(story_url)
    assert page.locator("#since h2").text_content() == "New since your last visit: 2 articles"
    assert page.locator("#members tr.is-new").count() == 2
    new_titles = {r.inner_text() for r in page.locator("#new-articles a").all()}
    arrived = {m.title for m in ids.values() if m.source in {str(f) for f in FILES[3:]}}
    assert new_titles == arrived
    new_ids = {i for i, m in ids.items() if m.source in {str(f) for f in FILES[3:]}}
    cited = {a.get_attribute("data-doc") for a in page.locator("#update-summary a").all()}
    assert cited
    assert cited <= new_ids  # the update cites only what is new ...
    background = {a.get_attribute("data-doc") for a in page.locator("#update-background a").all()}
    assert background <= set(ids) - new_ids  # ... its background only what was read
    # A chip opens its passage marked in the article.
    page.locator("#update-summary a").first.click()
    page.wait_for_url("**/articles/**")
    assert page.locator("mark#span").inner_text().strip()
    # Seen now: coming back again, nothing is new.
    page.goto(story_url)
    assert "Nothing new since your last visit" in page.locator("#since").inner_text()
    for url in (server + "/", story_url, server + "/search?q=port"):
        _fits(page, url)
    context.close()
    assert outside == []


def test_search_counts_what_the_store_counts_and_marks_the_words(
    browser: Any, server: str, store: Store
) -> None:
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.goto(server + "/")
    page.fill("input[name=q]", "dockworkers")
    page.click("button[type=submit]")
    page.wait_for_url("**/search?q=dockworkers")
    with store.engine.connect() as c:
        count = c.scalar(
            text("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH '\"dockworkers\"'")
        )
    assert count
    assert page.locator("#found").inner_text().startswith(f"{count} article")
    assert page.locator("#results li").count() == count
    assert page.locator("#results mark").count() >= count
    page.close()


def test_the_failures_page_lists_a_missing_file_with_its_reason(
    browser: Any, server: str, store: Store, tmp_path: Path
) -> None:
    missing = tmp_path / "gone.txt"
    ingest(store, [missing], Settings.from_env())
    page = browser.new_page()
    page.goto(server + "/")
    page.click("text=Failed inputs")
    page.wait_for_url("**/failures")
    row = page.locator("#failures tbody tr", has_text=str(missing))
    assert row.count() == 1
    assert "not_found" in row.inner_text()
    page.close()
