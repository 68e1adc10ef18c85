"""The command line, run as a user runs it: a separate process, real exit codes."""

from __future__ import annotations

import json
import random
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from .conftest import SEEDS

pytestmark = pytest.mark.model

LEGACY_ARTICLE = (
    "Café owners protest new terrace rules\n\n"
    "Owners of the city’s cafés said on Wednesday that the new terrace rules, which take "
    "effect in May, would cost them “thousands” in lost trade, and asked the council to "
    "delay them by a year."
)


def run_cli(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "storybrief", *args],
        input=stdin,
        capture_output=True,
        timeout=300,
        check=False,
    )


def test_cli_briefs_good_inputs_and_reports_bad_ones(tmp_path: Path) -> None:
    for seed in SEEDS.iterdir():
        shutil.copy(seed, tmp_path / seed.name)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "noise.dat").write_bytes(random.Random(42).randbytes(64 * 1024))
    (tmp_path / "legacy.txt").write_bytes(LEGACY_ARTICLE.encode("cp1252"))
    result = run_cli("brief", str(tmp_path), "--format", "json")
    assert result.returncode == 0, result.stderr.decode()
    data: dict[str, Any] = json.loads(result.stdout)
    assert len(data["documents"]) == 6
    assert {(Path(e["source"]).name, e["reason"]) for e in data["errors"]} == {
        ("empty.txt", "empty"),
        ("noise.dat", "binary"),
    }
    legacy = next(d for d in data["documents"] if d["source"].endswith("legacy.txt"))
    assert legacy["encoding"] == "cp1252"
    assert "city’s cafés" in legacy["text"]


def test_cli_exits_2_with_one_line_when_nothing_is_usable(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    result = run_cli("brief", str(tmp_path), str(tmp_path / "missing.txt"))
    assert result.returncode == 2
    stderr = result.stderr.decode()
    assert stderr.count("\n") == 1, stderr
    assert stderr.startswith("storybrief: error: no usable article")
    assert "Traceback" not in stderr
    assert result.stdout == b""
    # An argument is a path: a missing one is not read as a one-word article.
    word = run_cli("brief", "no-such-story")
    assert word.returncode == 2
    assert "not_found" in word.stderr.decode()


def test_cli_reads_stdin_and_writes_files_by_extension(tmp_path: Path) -> None:
    out_html, out_md = tmp_path / "b.html", tmp_path / "b.md"
    result = run_cli(
        "brief", "-", "-o", str(out_html), "-o", str(out_md), stdin=LEGACY_ARTICLE.encode()
    )
    assert result.returncode == 0, result.stderr.decode()
    assert result.stdout == b""  # with -o and no --format nothing goes to stdout
    assert out_html.read_text(encoding="utf-8").startswith("<!doctype html>")
    assert out_md.read_text(encoding="utf-8").startswith("# Café owners protest")


def test_cli_rejects_an_unknown_format() -> None:
    result = run_cli("brief", str(SEEDS), "--format", "pdf")
    assert result.returncode == 2
    assert b"unknown --format" in result.stderr
    assert b"Traceback" not in result.stderr


def test_cli_schema_command_prints_the_schema() -> None:
    result = run_cli("schema")
    assert result.returncode == 0
    assert json.loads(result.stdout)["title"].startswith("storybrief brief")
