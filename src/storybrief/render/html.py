"""The HTML report: one self-contained file (inline CSS and one small script, no network).

Article text is hostile input: it is only ever autoescaped text, and the page's
Content-Security-Policy allows no script but the report's own (by hash), no
network, no forms. The report reads the same with scripts off; the script only
highlights the cited span a link points to.
"""

from __future__ import annotations

import base64
import hashlib

from jinja2 import Environment, PackageLoader, select_autoescape

from storybrief.model import Brief
from storybrief.render.report import build_report
from storybrief.render.view import build_view

# Highlights the span a "#s-..." link points to (every piece of text that carries it).
SCRIPT = """(function () {
  function show() {
    var lit = document.querySelectorAll("span.hl");
    for (var i = 0; i < lit.length; i++) { lit[i].classList.remove("hl"); }
    var id = decodeURIComponent(location.hash.slice(1));
    if (id.indexOf("s-") !== 0) { return; }
    var parts = document.querySelectorAll('[data-s~="' + id.replace(/"/g, "") + '"]');
    for (var j = 0; j < parts.length; j++) { parts[j].classList.add("hl"); }
    if (parts.length) { parts[0].scrollIntoView({block: "center"}); }
  }
  window.addEventListener("hashchange", show);
  show();
})();"""


def _environment() -> Environment:
    # Autoescaping everywhere: article text is hostile input and must render inert.
    return Environment(
        loader=PackageLoader("storybrief.render", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )


def script_hash() -> str:
    """The CSP source that allows exactly the report's own script."""
    digest = hashlib.sha256(SCRIPT.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


def render_html(brief: Brief) -> str:
    template = _environment().get_template("brief.html.j2")
    return template.render(
        brief=brief,
        view=build_view(brief),
        report=build_report(brief),
        number_of={d.id: n for n, d in enumerate(brief.documents, 1)},
        script=SCRIPT,
        script_hash=script_hash(),
    )
