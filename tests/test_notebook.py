"""A brief in a notebook: a short ``repr``, the HTML report as its display, renderings as
methods. Built with the model-free pipeline (``blank_nlp``)."""

from __future__ import annotations

import html
import re
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
