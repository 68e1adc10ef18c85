"""Regenerate the README's pictures in headless Chromium (no network).

python docs/screenshot.py [--chromium /usr/bin/chromium] [--only NAME ...]

- ``docs/report-seeds.png``: the HTML report of ``../shared/seeds``;
- ``docs/report-50.png``: the first screen (1400×900) of the report of 50 Timeline17
  articles (the Libya topic, the first 50 by date; skipped without ``../shared/eval``);
- ``docs/web-home.png`` and ``docs/web-story.png``: the web UI over a store of the example
  cluster and the seeds, the story page on a reader's second visit, after two articles
  arrived ("New since your last visit").
"""

from __future__ import annotations

import argparse
import socket
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import storybrief
from storybrief.render import render

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]
T17_TOPIC, T17_ARTICLES = "libya", 50


def _offline(page: Any, allowed: str) -> None:
    page.route(
        "**/*",
        lambda route: route.continue_() if route.request.url.startswith(allowed) else route.abort(),
    )


def report_seeds(browser: Any, tmp: Path) -> None:
    html = render(storybrief.brief([SHARED / "seeds"]), "html")
    page_file = tmp / "seeds.html"
    page_file.write_text(html, encoding="utf-8")
    page = browser.new_page(viewport={"width": 1100, "height": 1500})
    _offline(page, "file:")
    page.goto(page_file.as_uri())
    page.screenshot(path=str(ROOT / "docs" / "report-seeds.png"))
    page.close()


def report_50(browser: Any, tmp: Path) -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from timeline import load_articles  # benchmarks/timeline.py

    try:
        articles = load_articles(T17_TOPIC, T17_ARTICLES)
    except FileNotFoundError:
        sys.stderr.write("no Timeline17 data: docs/report-50.png not made\n")
        return
    records = [
        {"text": a.text, "published": a.published.iso() if a.published else None} for a in articles
    ]
    page_file = tmp / "t17.html"
    page_file.write_text(render(storybrief.brief(records), "html"), encoding="utf-8")
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    _offline(page, "file:")
    page.goto(page_file.as_uri())
    page.screenshot(path=str(ROOT / "docs" / "report-50.png"))
    page.close()


@contextmanager
def _server(store: Any) -> Iterator[str]:
    import uvicorn

    from storybrief.web import create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    runner = uvicorn.Server(
        uvicorn.Config(create_app(store), host="127.0.0.1", port=port, log_level="error")
    )
    thread = threading.Thread(target=runner.run, daemon=True)
    thread.start()
    while not runner.started:
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        runner.should_exit = True
        thread.join(timeout=10)


def web(browser: Any, tmp: Path) -> None:
    from storybrief.config import Settings
    from storybrief.store import open_store
    from storybrief.stories.collect import brief_stories, cluster_store, ingest

    settings = Settings.from_env()
    store = open_store(tmp / "store.db")

    def add(paths: list[Path]) -> None:
        ingest(store, paths, settings)
        cluster_store(store)
        brief_stories(store, settings)

    harbor = sorted((ROOT / "examples" / "harbor-strike").iterdir())
    add([SHARED / "seeds", *harbor[:3]])
    with _server(store) as url:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        _offline(page, url)
        page.goto(url + "/")
        story = page.locator("#stories a", has_text="Calder").first.get_attribute("href")
        page.goto(url + str(story))  # the first visit
        add(harbor[3:])  # two articles arrive
        page.goto(url + "/")
        page.screenshot(path=str(ROOT / "docs" / "web-home.png"))
        page.goto(url + str(story))
        page.screenshot(path=str(ROOT / "docs" / "web-story.png"))
        context.close()


SHOTS: dict[str, Callable[[Any, Path], None]] = {
    "report-seeds": report_seeds,
    "report-50": report_50,
    "web": web,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--only", nargs="*", choices=sorted(SHOTS), default=sorted(SHOTS))
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=args.chromium, args=FLAGS)
        for name in args.only:
            SHOTS[name](browser, Path(tmp))
            sys.stderr.write(f"made {name}\n")
        browser.close()


if __name__ == "__main__":
    main()
