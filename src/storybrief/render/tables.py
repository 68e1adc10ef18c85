"""The brief's sections as CSV tables: one row per entity, quote, claim statement and event.

``csv_tables(brief)`` gives ``{file name: CSV text}``; ``write_zip`` puts them in one
zip file (the command line's ``-o brief.zip``). Every row keeps what a spreadsheet
needs to trace it: the document it comes from (id and number, as the reports number
documents) and the character offsets of its span. Columns:

- ``entities.csv``: id, canonical, type, aliases (" | " between them), roles, mentions
  (how many), documents (numbers, " ");
- ``quotes.csv``: id, kind, text, speaker, speaker_kind, entity_id, doc_id, document,
  start, end, sources (how many documents carry it);
- ``claims.csv``: one row per statement: claim_id, relation, unit, counts, what,
  value, qualifier, text (the figure as written), time, doc_id, document, start, end;
- ``timeline.csv``: date, granularity, estimated, text, doc_id, document, start, end,
  reports, documents (numbers, " ").
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from storybrief.model import Brief


def _csv(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow(["" if v is None else v for v in row])
    return out.getvalue()


def csv_tables(brief: Brief) -> dict[str, str]:
    """The entities, quotes, claims and timeline of a brief as CSV texts."""
    number = {d.id: n for n, d in enumerate(brief.documents, 1)}

    def numbers(doc_ids: Iterable[str]) -> str:
        return " ".join(str(number[d]) for d in doc_ids if d in number)

    entities = _csv(
        ("id", "canonical", "type", "aliases", "roles", "mentions", "documents"),
        (
            (
                e.id,
                e.canonical,
                e.type,
                " | ".join(e.aliases),
                " | ".join(e.roles),
                len(e.mentions),
                numbers(e.documents),
            )
            for e in brief.entities
        ),
    )
    quotes = _csv(
        (
            "id",
            "kind",
            "text",
            "speaker",
            "speaker_kind",
            "entity_id",
            "doc_id",
            "document",
            "start",
            "end",
            "sources",
        ),
        (
            (
                q.id,
                q.kind,
                q.text,
                q.speaker,
                q.speaker_kind,
                q.entity_id,
                q.doc_id,
                number.get(q.doc_id),
                q.start,
                q.end,
                len({s.doc_id for s in q.sources}),
            )
            for q in brief.quotes
        ),
    )
    claims = _csv(
        (
            "claim_id",
            "relation",
            "unit",
            "counts",
            "what",
            "value",
            "qualifier",
            "text",
            "time",
            "doc_id",
            "document",
            "start",
            "end",
        ),
        (
            (
                c.id,
                c.relation,
                c.unit,
                c.counts,
                c.what,
                st.value,
                st.qualifier,
                st.text,
                st.time,
                st.doc_id,
                number.get(st.doc_id),
                st.start,
                st.end,
            )
            for c in brief.claims
            for st in c.statements
        ),
    )
    timeline = _csv(
        (
            "date",
            "granularity",
            "estimated",
            "text",
            "doc_id",
            "document",
            "start",
            "end",
            "reports",
            "documents",
            "expected",
        ),
        (
            (
                e.date,
                e.granularity,
                e.estimated,
                e.text,
                e.doc_id,
                number.get(e.doc_id),
                e.start,
                e.end,
                e.reports,
                numbers(e.documents),
                e.expected,
            )
            for e in brief.timeline
        ),
    )
    return {
        "entities.csv": entities,
        "quotes.csv": quotes,
        "claims.csv": claims,
        "timeline.csv": timeline,
    }


def write_zip(brief: Brief, path: Path) -> None:
    """The CSV tables of a brief in one zip file."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, text in csv_tables(brief).items():
            archive.writestr(name, text)
