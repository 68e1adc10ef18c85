"""The terminal rendering, with Rich: compact, one screen per section.

What an article supplies is shown as plain text: never read as Rich markup (a
title holding ``[/bold]`` is those characters), and without control
characters, so no escape sequence of an input reaches the terminal.
"""

from __future__ import annotations

import io
import re

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from storybrief.model import Brief
from storybrief.render.view import PassageRow, build_view, key_events, story_start

#: Control characters, tabs and newlines aside (ESC would start a terminal sequence).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _plain(value: str, style: str = "") -> Text:
    """Article text as a Rich ``Text``: no markup read, no control characters."""
    return Text(_CONTROL.sub("", value), style=style)


def _clean(value: str) -> str:
    return _CONTROL.sub("", value)


def brief_renderable(brief: Brief) -> Group:
    """The Rich renderable of a brief, for printing to any console."""
    view = build_view(brief)
    parts: list[object] = []
    header = Text()
    header.append(_clean(view.title), style="bold")
    header.append(
        _clean(
            f"\n{len(view.rows)} documents · {len(view.outlets)} named outlets · {view.date_range}"
        ),
        style="dim",
    )
    if brief.errors:
        header.append(f" · {len(brief.errors)} inputs skipped", style="yellow")
    for line in view.episodes:
        header.append(_clean(f"\n{line}"), style="dim")
    parts.append(Panel(header, title="storybrief", title_align="left"))

    def passages(items: tuple[PassageRow, ...]) -> Text:
        out = Text()
        for i, (sentence, numbers, kind) in enumerate(items):
            if i:
                out.append("\n")
            out.append(_clean(sentence))
            cites = ",".join(str(n) for n in numbers)
            label = f" · {kind}" if kind else ""
            count = f" · {len(numbers)} sources" if len(numbers) > 1 else ""
            out.append(f" [{cites}]{label}{count}", style="cyan")
        return out

    if brief.update is not None:
        new = passages(view.update) if view.update else Text("Nothing new.", style="dim")
        for change in view.changed:
            figures = " → ".join(f"{text} [{n}]" for text, n, _ in change.statements)
            new.append(_clean(f"\nChanged: {change.counts}: {figures}"), style="yellow")
        title = f"New since the {view.read_before} documents already read"
        parts.append(Panel(new, title=title, title_align="left"))
        if view.background:
            parts.append(Panel(passages(view.background), title="Background", title_align="left"))
    if view.summary:
        parts.append(Panel(passages(view.summary), title="Summary", title_align="left"))

    docs = Table(title="Sources", title_justify="left", expand=True, show_lines=False)
    for column, kwargs in (
        ("#", {"justify": "right", "no_wrap": True}),
        ("Title", {"ratio": 4}),
        ("Outlet / dateline", {"ratio": 2}),
        ("Byline", {"ratio": 2}),
        ("Published", {"no_wrap": True}),
        ("Kind", {"no_wrap": True}),
        ("Words", {"justify": "right", "no_wrap": True}),
    ):
        docs.add_column(column, **kwargs)
    for row in view.rows:
        docs.add_row(
            str(row.number),
            _plain(row.title),
            _plain(row.outlet or "-")
            + _plain(f"\n{row.dateline}" if row.dateline else "", style="dim"),
            _plain(row.byline or "-"),
            _plain(row.published + (f"\n{row.episode}" if row.episode else "")),
            row.kind or "-",
            str(row.doc.word_count()),
        )
    parts.append(docs)
    estimated = [row for row in view.rows if row.date_evidence]
    if estimated:
        notes = Text("Estimated dates", style="bold")
        for row in estimated:
            notes.append(
                _clean(f"\n{row.number} · {row.published.removesuffix(' (estimated)')} · ")
            )
            notes.append(_clean(row.date_evidence), style="dim")
        parts.append(notes)

    if view.names:
        names = Table(title="Who and what", title_justify="left", expand=True)
        names.add_column("Name", ratio=2)
        names.add_column("Also written", ratio=3)
        names.add_column("Role", ratio=2)
        names.add_column("Docs", no_wrap=True)
        for heading, entries in view.names:
            names.add_row(_plain(heading, style="bold"), "", "", "")
            for ent in entries:
                names.add_row(
                    _plain(f"{ent.canonical} ×{ent.mentions}"),
                    _plain(", ".join(ent.aliases)),
                    _plain(ent.role),
                    ",".join(str(n) for n in ent.documents),
                )
        parts.append(names)

    if view.timeline:
        shown = key_events(view.timeline, since=story_start(view))
        title = "Timeline"
        if len(shown) < len(view.timeline):
            title += (
                f" ({len(shown)} of {len(view.timeline)} dated events: the main one of each "
                "date the story's documents report most, background only when two or more "
                "do; all in the JSON)"
            )
        timeline = Table(title=title, title_justify="left", expand=True)
        timeline.add_column("Date", no_wrap=True)
        timeline.add_column("What happened (as a source reports it)", ratio=1)
        timeline.add_column("Docs", no_wrap=True)
        for event in shown:
            timeline.add_row(
                _plain(
                    event.date
                    + (" ~" if event.estimated else "")
                    + (" (expected)" if event.expected else "")
                ),
                _plain(event.text),
                ",".join(str(n) for n in event.documents),
            )
        parts.append(timeline)

    if view.claims:
        claims = Table(title="Numbers across sources", title_justify="left", expand=True)
        claims.add_column("What", ratio=1)
        claims.add_column("Relation", no_wrap=True)
        claims.add_column("Figures (document, time)", ratio=3)
        for claim in view.claims:
            claims.add_row(
                _plain(claim.counts),
                _plain(claim.relation),
                _plain("; ".join(f"{text} [{n}] {time}" for text, n, time in claim.statements)),
            )
        parts.append(claims)

    if view.quotes:
        quotes = Text()
        for i, group in enumerate(view.quotes):
            if i:
                quotes.append("\n")
            quotes.append(_clean(group.speaker), style="bold")
            for q in group.quotes:
                cites = ",".join(str(n) for n in q.documents)
                quotes.append(_clean(f"\n  “{q.text}”"))
                quotes.append(f" [{cites}]", style="cyan")
        parts.append(Panel(quotes, title="Who said what", title_align="left"))

    if brief.errors:
        errors = Table(title="Skipped inputs", title_justify="left", expand=True)
        errors.add_column("Source", ratio=2, overflow="fold")
        errors.add_column("Reason", no_wrap=True, style="yellow")
        errors.add_column("Message", ratio=3)
        for e in brief.errors:
            errors.add_row(_plain(e.source), e.reason.value, _plain(e.message))
        parts.append(errors)
    return Group(*parts)  # type: ignore[arg-type]


def render_text(brief: Brief, *, width: int = 100) -> str:
    """The brief as plain text (no colour codes), as a terminal would show it."""
    console = Console(file=io.StringIO(), width=width, color_system=None, record=True)
    console.print(brief_renderable(brief))
    return console.export_text()
