"""Renderings of a brief: JSON, Rich text, Markdown and self-contained HTML."""

from __future__ import annotations

from typing import Literal

from storybrief.model import Brief, register_renderer
from storybrief.render.html import render_html
from storybrief.render.json import render_json
from storybrief.render.markdown import render_markdown
from storybrief.render.text import render_text

OutputFormat = Literal["text", "md", "json", "html"]
FORMATS: tuple[OutputFormat, ...] = ("text", "md", "json", "html")
EXTENSION_FORMATS: dict[str, OutputFormat] = {
    ".txt": "text",
    ".md": "md",
    ".markdown": "md",
    ".json": "json",
    ".html": "html",
    ".htm": "html",
}


def render(brief: Brief, fmt: OutputFormat) -> str:
    """The brief in one format, as text."""
    if fmt == "json":
        return render_json(brief)
    if fmt == "md":
        return render_markdown(brief)
    if fmt == "html":
        return render_html(brief)
    return render_text(brief)


# ``Brief.to_html()`` and ``Brief.to_markdown()`` (and a notebook's display) use these.
register_renderer("html", render_html)
register_renderer("md", render_markdown)


__all__ = ["EXTENSION_FORMATS", "FORMATS", "OutputFormat", "render"]
