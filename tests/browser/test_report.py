"""The HTML report in a real headless Chromium: sections, chips, no network, nothing executes."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import storybrief
from storybrief.render import render

pytestmark = pytest.mark.model

SECTIONS = ("summary", "timeline", "entities", "quotes", "claims", "sources", "documents")
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _chromium() -> str | None:
    return os.environ.get("STORYBRIEF_CHROMIUM") or shutil.which("chromium")


def launch_chromium() -> Iterator[Any]:
    """A headless Chromium; skips without one (fails under ``STORYBRIEF_REQUIRE_BROWSER``)."""
    executable = _chromium()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        executable = None
    if executable is None:
        if os.environ.get("STORYBRIEF_REQUIRE_BROWSER"):
            pytest.fail("headless Chromium and playwright are required (make test installs them)")
        pytest.skip("no Chromium/playwright on this machine")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_FLAGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    yield from launch_chromium()


def open_report(
    browser: Any,
    html: str | None,
    path: Path,
    *,
    width: int = 1280,
    height: int = 1600,
    scripts: bool = True,
    color_scheme: str = "light",
) -> tuple[Any, list[str]]:
    """The report (written to ``path`` unless ``html`` is None) in a page of a context of its own.

    Every request but the file's own is aborted and listed in the second value; close
    the page's context (``page.context.close()``) when done.
    """
    if html is not None:
        path.write_text(html, encoding="utf-8")
    url = path.resolve().as_uri()
    context = browser.new_context(
        viewport={"width": width, "height": height},
        java_script_enabled=scripts,
        color_scheme=color_scheme,
    )
    page = context.new_page()
    outside: list[str] = []

    def guard(route: Any) -> None:
        if route.request.url.split("#")[0] == url:
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    page.route("**/*", guard)
    page.goto(url)
    return page, outside


def test_seeds_report_has_every_section_and_chips_highlight_their_span(
    browser: Any, seeds_brief: Any, tmp_path: Path
) -> None:
    page, outside = open_report(browser, render(seeds_brief, "html"), tmp_path / "report.html")
    for section in SECTIONS:
        assert page.locator(f"section#{section}").is_visible(), section
    assert page.locator("#timeline svg circle").count() > 0
    assert page.locator("#entities svg.graph circle").count() > 1
    shot = page.screenshot(full_page=True)
    assert len(shot) > 10_000

    chip = page.locator("#summary a.chip").first
    target = chip.get_attribute("href")
    assert target is not None
    assert target.startswith("#s-")
    chip.click()
    page.wait_for_function("location.hash.length > 1")
    lit = page.locator("span.hl")
    assert lit.count() >= 1
    assert target[1:] in (lit.first.get_attribute("data-s") or "").split()
    assert lit.first.is_visible()
    # The highlighted text is the summary sentence the chip belongs to.
    sentence = seeds_brief.summary[0].text
    # (The highlight may be split over several spans, e.g. at a quotation mark.)
    highlighted = "".join(lit.nth(i).inner_text() for i in range(lit.count()))
    assert "".join(sentence.split()[:3]) in "".join(highlighted.split())
    assert outside == []
    page.context.close()


def test_hostile_article_text_does_not_execute(browser: Any, tmp_path: Path) -> None:
    hostile = (
        "Harbour news <script>window.__pwned = 1</script>\n\n"
        'The port reopened on Monday, officials said. <img src=x onerror="window.__pwned = 2">'
        ' <a href="javascript:window.__pwned=3">read more</a> and '
        '<svg onload="window.__pwned = 4"></svg> "We are back," the harbour master said.'
    )
    brief = storybrief.brief([{"text": hostile, "title": "<script>window.__pwned=5</script>"}])
    page, outside = open_report(browser, render(brief, "html"), tmp_path / "hostile.html")
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.wait_for_timeout(300)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.locator("img").count() == 0
    assert page.locator("main script, main svg[onload]").count() == 0
    assert page.locator("script").count() == 1  # the report's own
    assert page.locator('a[href^="javascript:"]').count() == 0
    assert "<script>" in page.locator("#documents").inner_text()  # shown as text
    assert dialogs == []
    assert outside == []
    page.context.close()


def test_search_shows_hostile_article_text_as_text(browser: Any, tmp_path: Path) -> None:
    hostile = (
        "Harbour news\n\nThe port reopened on Monday, officials said. "
        '<img src=x onerror="window.__pwned = 1"> <b onclick="window.__pwned = 2">bold</b>'
    )
    brief = storybrief.brief([{"text": hostile, "title": "Port <i>reopens</i>"}])
    page, outside = open_report(browser, render(brief, "html"), tmp_path / "search.html")
    page.locator("#find").fill("onerror")
    page.wait_for_selector("#found li button")
    page.locator("#found li button").first.click()
    page.wait_for_timeout(200)
    assert "<img src=x onerror=" in page.locator("#found").inner_text()
    assert page.locator("mark.found.current").is_visible()
    assert page.locator("img, main b, main i").count() == 0
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert outside == []
    page.context.close()


@pytest.mark.issue(23)
def test_the_report_downloads_its_tables_as_csv(
    browser: Any, seeds_brief: Any, tmp_path: Path
) -> None:
    import csv
    import io

    from storybrief.render.tables import csv_tables

    page, outside = open_report(browser, render(seeds_brief, "html"), tmp_path / "report.html")
    links = page.locator("p.downloads a[download]")
    assert links.count() == 4
    expected = csv_tables(seeds_brief)
    for i in range(links.count()):
        with page.expect_download() as caught:
            links.nth(i).click()
        download = caught.value
        name = download.suggested_filename
        got = Path(download.path()).read_text(encoding="utf-8")
        assert got == expected[name], name
        assert next(csv.reader(io.StringIO(got)))  # a table with its header, not a page
    assert outside == []
    page.context.close()
