"""The Markdown rendering, for pasting into notes and tickets.

Everything an article supplies is escaped before it is embedded: HTML's ``&``,
``<`` and ``>`` become entities (a Markdown renderer passes raw HTML through),
and Markdown's own syntax (links and images, emphasis, code, table pipes) is
backslash-escaped, so a title or a quote renders as the words it holds.
"""

from __future__ import annotations

import re

from storybrief.model import Brief
from storybrief.render.view import PassageRow, build_view, key_events, story_start

_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
#: Markdown's inline syntax: backslash, link and image brackets, emphasis, code,
#: strike-through, table pipes.
_MARKDOWN = re.compile(r"([\\`*_\[\]|~])")
#: Control characters (a terminal or a renderer may act on them), tabs and newlines aside.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _cell(value: str) -> str:
    """Article text as inline Markdown that renders as itself, on one line ("-" if empty)."""
    value = _CONTROL.sub("", value)
    value = "".join(_HTML.get(c, c) for c in value)
    return _MARKDOWN.sub(r"\\\1", " ".join(value.split())) or "-"


def render_markdown(brief: Brief) -> str:
    view = build_view(brief)
    lines = [f"# {_cell(view.title)}", ""]
    summary = f"{len(view.rows)} documents, {len(view.outlets)} named outlets, {view.date_range}"
    if brief.errors:
        summary += f"; {len(brief.errors)} inputs skipped"
    lines += [f"_{summary}._", ""]
    if view.episodes:
        lines += ["Episodes:", "", *(f"- {_cell(line)}" for line in view.episodes), ""]

    def passages(items: tuple[PassageRow, ...]) -> list[str]:
        out = []
        for sentence, numbers, kind in items:
            cites = "".join(f"[^{n}]" for n in numbers)
            count = f" _({len(numbers)} sources)_" if len(numbers) > 1 else ""
            label = f" _({kind})_" if kind else ""
            out.append(f"- {_cell(sentence)}{cites}{label}{count}")
        return [*out, ""]

    if brief.update is not None:
        lines += [f"## New since the {view.read_before} documents already read", ""]
        lines += passages(view.update) if view.update else ["_Nothing new._", ""]
        for row in view.changed:
            figures = " → ".join(f"{_cell(text)}[^{n}]" for text, n, _ in row.statements)
            lines += [f"- Changed: {_cell(row.counts)}: {figures}"]
        if view.changed:
            lines.append("")
        if view.background:
            lines += ["## Background", "", *passages(view.background)]
    if view.summary:
        lines += ["## Summary", "", *passages(view.summary)]
    lines += ["## Sources", ""]
    lines += [
        "| # | Title | Outlet | Byline | Published | Dateline | Kind | Words |",
        "|---:|---|---|---|---|---|---|---:|",
    ]
    for r in view.rows:
        lines.append(
            f"| {r.number} | {_cell(r.title)} | {_cell(r.outlet)} | {_cell(r.byline)} | "
            f"{_cell(r.published)} | {_cell(r.dateline)} | {r.kind or '-'} | {r.doc.word_count()} |"
        )
    estimated = [r for r in view.rows if r.date_evidence]
    if estimated:
        lines += ["", "Estimated dates:", ""]
        lines += [
            f"- \\[{r.number}\\] {_cell(r.published.removesuffix(' (estimated)'))}: "
            f"{_cell(r.date_evidence)}"
            for r in estimated
        ]
    if any(r.kind for r in view.rows):
        lines += ["", "### What each source adds", ""]
        for r in view.rows:
            signals = "; ".join(r.signals)
            lines.append(f"- **\\[{r.number}\\] {r.kind}** ({_cell(signals)})")
            if r.episode:
                lines.append(f"  - _{_cell(r.episode)}_")
            for text in r.contributions:
                lines.append(f"  - {_cell(text)}")
            if r.omits:
                lines.append(f"  - _leaves out {r.omits} of the summary's points_")
    if view.names:
        lines += ["", "## Who and what", ""]
        for heading, entries in view.names:
            lines += [f"**{_cell(heading)}**", ""]
            for e in entries:
                also = f" (also {', '.join(_cell(a) for a in e.aliases)})" if e.aliases else ""
                role = f", {_cell(e.role)}" if e.role else ""
                cites = "".join(f"[^{n}]" for n in e.documents)
                lines.append(f"- {_cell(e.canonical)}{role}{also} ×{e.mentions}{cites}")
            lines.append("")
    if view.timeline:
        shown = key_events(view.timeline, since=story_start(view))
        lines += ["", "## Timeline", ""]
        if len(shown) < len(view.timeline):
            lines += [
                f"{len(shown)} of {len(view.timeline)} dated events: the main one of each date "
                "the story's documents report most, background only when two or more do "
                "(all in the JSON).",
                "",
            ]
        lines += ["| Date | What happened | Docs |", "|---|---|---|"]
        for event in shown:
            cites = "".join(f"[^{n}]" for n in event.documents)
            mark = (" (estimated)" if event.estimated else "") + (
                " (expected)" if event.expected else ""
            )
            lines.append(f"| {_cell(event.date)}{mark} | {_cell(event.text)} | {cites} |")
    if view.claims:
        lines += [
            "",
            "## Numbers across sources",
            "",
            "| What | Relation | Figures |",
            "|---|---|---|",
        ]
        for claim in view.claims:
            figures = "; ".join(
                f"{_cell(t)}[^{n}] ({_cell(time)})" for t, n, time in claim.statements
            )
            lines.append(f"| {_cell(claim.counts)} | {_cell(claim.relation)} | {figures} |")
    if view.quotes:
        lines += ["", "## Who said what", ""]
        for group in view.quotes:
            lines += [f"**{_cell(group.speaker)}**", ""]
            for q in group.quotes:
                cites = "".join(f"[^{n}]" for n in q.documents)
                lines.append(f"- “{_cell(q.text)}”{cites}")
            lines.append("")
    if brief.errors:
        lines += ["", "## Skipped inputs", "", "| Source | Reason | Message |", "|---|---|---|"]
        lines += [
            f"| {_cell(e.source)} | `{e.reason.value}` | {_cell(e.message)} |" for e in brief.errors
        ]
    if view.summary or view.names or view.quotes or view.timeline or view.claims:
        lines.append("")
        lines += [
            f"[^{r.number}]: {_cell(r.title)}, {_cell(r.outlet)}, {_cell(r.published)}"
            for r in view.rows
        ]
    return "\n".join(lines) + "\n"
