"""CSV export (issue 23): one row per entity, quote, claim statement and timeline event."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path
from typing import Any

import pytest

from storybrief.render.tables import csv_tables
from tests.conftest import EXAMPLES
from tests.test_cli import run_cli

pytestmark = [pytest.mark.model, pytest.mark.issue(23)]


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_csv_tables_round_trip_every_row_of_the_brief(seeds_brief: Any) -> None:
    tables = {name: _rows(text) for name, text in csv_tables(seeds_brief).items()}
    assert [r["id"] for r in tables["entities.csv"]] == [e.id for e in seeds_brief.entities]
    assert [r["canonical"] for r in tables["entities.csv"]] == [
        e.canonical for e in seeds_brief.entities
    ]
    assert [(r["id"], r["text"]) for r in tables["quotes.csv"]] == [
        (q.id, q.text) for q in seeds_brief.quotes
    ]
    statements = [(c.id, st) for c in seeds_brief.claims for st in c.statements]
    assert [(r["claim_id"], r["text"]) for r in tables["claims.csv"]] == [
        (cid, st.text) for cid, st in statements
    ]
    assert [(r["date"], r["text"]) for r in tables["timeline.csv"]] == [
        (e.date, e.text) for e in seeds_brief.timeline
    ]
    texts = {d.id: d.article.text for d in seeds_brief.documents}
    for row in tables["quotes.csv"] + tables["claims.csv"] + tables["timeline.csv"]:
        span = texts[row["doc_id"]][int(row["start"]) : int(row["end"])]
        assert span
        assert row["document"]


def test_the_command_line_writes_the_tables_to_a_zip(tmp_path: Path) -> None:
    out = tmp_path / "brief.zip"
    result = run_cli("brief", str(EXAMPLES / "harbor-strike"), "-o", str(out))
    assert result.returncode == 0, result.stderr.decode()
    with zipfile.ZipFile(out) as archive:
        assert sorted(archive.namelist()) == [
            "claims.csv",
            "entities.csv",
            "quotes.csv",
            "timeline.csv",
        ]
        assert _rows(archive.read("entities.csv").decode())


def test_format_csv_writes_one_file_per_section_into_a_folder(tmp_path: Path) -> None:
    out = tmp_path / "tables"
    result = run_cli("brief", str(EXAMPLES / "harbor-strike"), "--format", "csv", "-o", str(out))
    assert result.returncode == 0, result.stderr.decode()
    assert sorted(p.name for p in out.iterdir()) == [
        "claims.csv",
        "entities.csv",
        "quotes.csv",
        "timeline.csv",
    ]
    assert _rows((out / "quotes.csv").read_text(encoding="utf-8"))
    alone = run_cli("brief", str(EXAMPLES / "harbor-strike"), "--format", "csv")
    assert alone.returncode != 0
    assert b"-o FOLDER" in alone.stderr
