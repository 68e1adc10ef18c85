"""A brief in a notebook: a short ``repr``, the HTML report as its display, renderings as
methods. Built with the model-free pipeline (``blank_nlp``)."""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

import pytest

import storybrief
from storybrief.render import render

ARTICLES = [
    {
        "text": "Harbour plan approved\n\nThe council approved the harbour plan on Friday, "
        "the mayor said. Work on the new quay starts in May.",
        "published": "2024-03-01",
    },
    {
        "text": "Residents protest harbour plan\n\nResidents protested outside the town hall "
        "on Saturday against the harbour plan the council approved.",
        "published": "2024-03-02",
    },
    b"",
]


@pytest.fixture
def brief(blank_nlp: Any, monkeypatch: pytest.MonkeyPatch) -> storybrief.Brief:
    monkeypatch.setattr("storybrief.service.load_nlp", lambda model=None: blank_nlp)
    return storybrief.brief(ARTICLES)


def test_notebook_repr_is_one_short_line_of_title_and_counts(brief: storybrief.Brief) -> None:
    text = repr(brief)
    assert len(text) < 1000
    assert "\n" not in text
    assert text.startswith("<Brief 'Residents protest harbour plan': 2 documents, 1 skipped, ")
    assert f"{len(brief.entities)} entities" in text


def test_notebook_repr_html_shows_the_report_with_its_summary(brief: storybrief.Brief) -> None:
    shown = brief._repr_html_()
    frame = re.fullmatch(r'<iframe srcdoc="([^"]*)"[^>]*></iframe>', shown)
    assert frame is not None, shown[:200]
    page = html.unescape(frame.group(1))
    assert page == render(brief, "html")
    assert brief.summary
    assert html.escape(brief.summary[0].text, quote=False) in page


def test_notebook_to_html_and_to_markdown_are_the_renderings(brief: storybrief.Brief) -> None:
    assert brief.to_html() == render(brief, "html")
    assert brief.to_markdown() == render(brief, "md")
    assert brief.to_markdown().startswith("# Residents protest harbour plan")


@pytest.mark.model
@pytest.mark.issue(23)
def test_a_brief_is_named_by_its_most_central_headline_never_by_a_path(tmp_path: Path) -> None:
    texts = {
        "a.txt": "Calder dock strike enters second week\n\nDock workers in Calder stayed out on Monday.",
        "b.txt": "Calder dock strike ends with pay deal\n\nDock workers in Calder accepted a deal on Friday.",
        "c.txt": "Weather: sunny spells\n\nThe coast will be sunny on Friday with a light breeze.",
    }
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    brief = storybrief.brief([tmp_path])
    assert brief.title in {
        "Calder dock strike enters second week",
        "Calder dock strike ends with pay deal",
    }
    untitled = storybrief.brief(
        ["dock workers in calder stayed out on monday, the union said, and talks stalled."] * 1
        + ["the port authority said on tuesday that the backlog had grown to three thousand."]
    )
    assert untitled.title == "Untitled story (2 documents)"
    markdown = render(untitled, "md")
    assert "| 1 | Document 1 |" in markdown
    assert "<text:" not in markdown.split("## Sources")[1].split("\n\n")[1]
