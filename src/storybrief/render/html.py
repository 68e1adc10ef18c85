"""The HTML rendering: one self-contained file (inline CSS, no scripts, no network)."""

from __future__ import annotations

from jinja2 import Environment, PackageLoader, select_autoescape

from storybrief.model import Brief
from storybrief.render.view import build_view


def _environment() -> Environment:
    # Autoescaping everywhere: article text is hostile input and must render inert.
    return Environment(
        loader=PackageLoader("storybrief.render", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_html(brief: Brief) -> str:
    template = _environment().get_template("brief.html.j2")
    return template.render(brief=brief, view=build_view(brief))
