"""The HTML report: one self-contained file (inline CSS and one small script, no network).

Article text is hostile input: it is only ever autoescaped text, and the page's
Content-Security-Policy allows no script but the report's own (by hash), no
network, no form submission. The report reads the same with scripts off; the
script opens and highlights the cited span a link points to, and runs the search
box and the timeline's filters (see ``SCRIPT``).
"""

from __future__ import annotations

import base64
import hashlib

from jinja2 import Environment, PackageLoader, select_autoescape

from storybrief.model import Brief
from storybrief.render.report import build_report
from storybrief.render.view import build_view

#: "Who and what" lists at most this many names of a group (the first few shown,
#: the rest under "show all"); the text and Markdown renderings list fewer.
NAMES_PER_GROUP = 30

#: The report's one script (allowed by its hash in the page's CSP; see ``script_hash``).
#: Without it the report reads the same: every section is in the page, "show all"
#: lists are ``<details>``, and a chip still lands on its span's anchor. With it:
#: - a link opens the ``<details>`` around its target and highlights the span it
#:   cites (every piece of text that carries it);
#: - the search box (hidden without scripts) marks what it finds in the story and
#:   lists the places, each a button that opens and scrolls to it;
#: - the timeline's filters (hidden without scripts) show the events of a date
#:   range, of a source or naming an entity;
#: - printing opens every ``<details>`` (the print stylesheet does too, where
#:   the browser supports ``::details-content``).
#: It builds elements with ``textContent`` only: article text never becomes markup.
SCRIPT = r"""(function () {
  "use strict";
  var MAX_MARKS = 500, MAX_LISTED = 40;
  function reveal(el) {
    for (var p = el; p; p = p.parentElement) {
      if (p.tagName === "DETAILS" && !p.open) { p.open = true; }
    }
  }
  function show() {
    var lit = document.querySelectorAll("span.hl");
    for (var i = 0; i < lit.length; i++) { lit[i].classList.remove("hl"); }
    var id;
    try { id = decodeURIComponent(location.hash.slice(1)); } catch (e) { return; }
    if (!id) { return; }
    var target = document.getElementById(id);
    if (target) { reveal(target); }
    if (id.indexOf("s-") !== 0) {
      if (target) { target.scrollIntoView(); }
      return;
    }
    var parts = document.querySelectorAll('[data-s~="' + id.replace(/["\\]/g, "") + '"]');
    for (var j = 0; j < parts.length; j++) { reveal(parts[j]); parts[j].classList.add("hl"); }
    if (parts.length) { parts[0].scrollIntoView({block: "center"}); }
  }
  window.addEventListener("hashchange", show);
  document.addEventListener("click", function (e) {
    var a = e.target.closest ? e.target.closest("a[href^='#']") : null;
    if (a && a.getAttribute("href") === location.hash) { show(); }
  });

  var opened = [];
  window.addEventListener("beforeprint", function () {
    var closed = document.querySelectorAll("details:not([open])");
    for (var i = 0; i < closed.length; i++) { closed[i].open = true; opened.push(closed[i]); }
  });
  window.addEventListener("afterprint", function () {
    while (opened.length) { opened.pop().open = false; }
  });

  var search = document.getElementById("search");
  if (search) {
    var box = search.querySelector("input");
    var count = search.querySelector("output");
    var found = document.getElementById("found");
    var timer = 0;
    search.hidden = false;
    search.addEventListener("submit", function (e) { e.preventDefault(); find(); });
    box.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(find, 250);
    });
  }
  function unmark() {
    var marks = document.querySelectorAll("mark.found");
    for (var i = 0; i < marks.length; i++) {
      var parent = marks[i].parentNode;
      parent.replaceChild(document.createTextNode(marks[i].textContent), marks[i]);
      parent.normalize();
    }
  }
  function place(mark) {
    var doc = mark.closest("details.doc");
    if (doc) { return "document " + doc.getAttribute("data-number"); }
    var section = mark.closest("section");
    var heading = section ? section.querySelector("h2") : null;
    return heading ? heading.textContent : "";
  }
  function around(mark) {
    var block = mark.closest("li, tr, p, .doctext, h1, h3, summary") || mark.parentNode;
    var range = document.createRange();
    range.setStart(block, 0);
    range.setEndBefore(mark);
    var before = range.toString().slice(-60);
    range.setStartAfter(mark);
    range.setEnd(block, block.childNodes.length);
    var after = range.toString().slice(0, 60);
    return [before.replace(/\s+/g, " "), after.replace(/\s+/g, " ")];
  }
  function find() {
    unmark();
    found.textContent = "";
    var query = box.value.trim();
    if (query.length < 2) { count.textContent = ""; return; }
    var pattern = new RegExp(query.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "i");
    var walker = document.createTreeWalker(document.querySelector("main"), NodeFilter.SHOW_TEXT, {
      acceptNode: function (node) {
        var skip = node.parentElement.closest("form, #found, svg");
        return skip ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
      }
    });
    var nodes = [];
    while (walker.nextNode()) { nodes.push(walker.currentNode); }
    var marks = [];
    for (var i = 0; i < nodes.length && marks.length < MAX_MARKS; i++) {
      var node = nodes[i], hit = pattern.exec(node.nodeValue);
      while (hit && marks.length < MAX_MARKS) {
        var middle = node.splitText(hit.index);
        node = middle.splitText(hit[0].length);
        var mark = document.createElement("mark");
        mark.className = "found";
        middle.parentNode.replaceChild(mark, middle);
        mark.appendChild(middle);
        marks.push(mark);
        hit = pattern.exec(node.nodeValue);
      }
    }
    count.textContent = marks.length === MAX_MARKS ? "the first " + MAX_MARKS + " matches"
      : marks.length + (marks.length === 1 ? " match" : " matches");
    for (var k = 0; k < marks.length && k < MAX_LISTED; k++) {
      var item = document.createElement("li");
      var button = document.createElement("button");
      var where = document.createElement("span");
      var text = around(marks[k]);
      var strong = document.createElement("strong");
      button.type = "button";
      where.className = "where";
      where.textContent = place(marks[k]) + ": ";
      strong.textContent = marks[k].textContent;
      button.appendChild(where);
      button.appendChild(document.createTextNode("\u2026" + text[0]));
      button.appendChild(strong);
      button.appendChild(document.createTextNode(text[1] + "\u2026"));
      button.addEventListener("click", jump.bind(null, marks[k]));
      item.appendChild(button);
      found.appendChild(item);
    }
    found.hidden = marks.length === 0;
  }
  function jump(mark) {
    var current = document.querySelectorAll("mark.current");
    for (var i = 0; i < current.length; i++) { current[i].classList.remove("current"); }
    reveal(mark);
    mark.classList.add("current");
    mark.scrollIntoView({block: "center"});
  }

  var filter = document.getElementById("timeline-filter");
  if (filter) {
    filter.hidden = false;
    filter.addEventListener("input", narrow);
    filter.addEventListener("change", narrow);
    filter.addEventListener("submit", function (e) { e.preventDefault(); narrow(); });
    filter.addEventListener("reset", function () { setTimeout(narrow, 0); });
  }
  function has(list, value) { return (" " + list + " ").indexOf(" " + value + " ") >= 0; }
  function narrow() {
    var from = filter.elements.from.value, to = filter.elements.to.value;
    var doc = filter.elements.doc.value, entity = filter.elements.entity.value;
    var active = Boolean(from || to || doc || entity);
    var rows = document.querySelectorAll("#timeline-all tr[data-first]");
    var shown = 0;
    for (var i = 0; i < rows.length; i++) {
      var d = rows[i].dataset;
      var fits = (!from || (d.last && d.last >= from)) && (!to || (d.first && d.first <= to)) &&
        (!doc || has(d.docs, doc)) && (!entity || has(d.entities, entity));
      rows[i].hidden = active && !fits;
      if (fits) { shown++; }
    }
    document.getElementById("timeline-key").hidden = active;
    if (active) { document.getElementById("timeline-all").open = true; }
    filter.querySelector("output").textContent =
      active ? shown + " of " + rows.length + " events" : "";
  }
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


def table_links(brief: Brief) -> dict[str, str]:
    """The brief's CSV tables as ``data:`` URIs the report offers for download."""
    from urllib.parse import quote

    from storybrief.render.tables import csv_tables

    return {
        name: "data:text/csv;charset=utf-8," + quote(table, safe="")
        for name, table in csv_tables(brief).items()
    }


def render_html(brief: Brief) -> str:
    template = _environment().get_template("brief.html.j2")
    view = build_view(brief, names_per_group=NAMES_PER_GROUP)
    return template.render(
        brief=brief,
        view=view,
        report=build_report(brief, view),
        number_of={d.id: n for n, d in enumerate(brief.documents, 1)},
        script=SCRIPT,
        script_hash=script_hash(),
        tables=table_links(brief),
    )
