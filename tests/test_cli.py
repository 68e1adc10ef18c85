"""The command line, run as a user runs it: a separate process, real exit codes."""

from __future__ import annotations

import json
import random
import re
import select
import shutil
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from .conftest import EXAMPLES, SEEDS

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


def _stderr_lines(result: subprocess.CompletedProcess[bytes]) -> list[str]:
    return result.stderr.decode().splitlines()


@pytest.mark.issue(23)
def test_cli_ingest_names_the_reason_and_fails_when_every_input_fails(tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    result = run_cli("ingest", str(missing), "--db", str(tmp_path / "store.db"))
    assert result.returncode == 2
    assert result.stdout == b""
    lines = _stderr_lines(result)
    assert f"storybrief: failed {missing}: no such file or folder (not_found)" in lines
    assert lines[-1] == "storybrief: error: nothing ingested: all 1 inputs failed (not_found: 1)"


@pytest.mark.issue(23)
def test_cli_ingest_says_how_many_failed_when_some_did(tmp_path: Path) -> None:
    pile = tmp_path / "pile"
    pile.mkdir()
    (pile / "good.txt").write_text(LEGACY_ARTICLE, encoding="utf-8")
    (pile / "empty.txt").write_bytes(b"")
    result = run_cli("ingest", str(pile), "--db", str(tmp_path / "store.db"))
    assert result.returncode == 0, result.stderr.decode()
    assert result.stdout == b""
    lines = _stderr_lines(result)
    assert lines[0].startswith(f"storybrief: failed {pile / 'empty.txt'}: ")
    assert lines[0].endswith("(empty)")
    assert lines[-1].startswith("storybrief: read 2 · new 1 ·")
    assert lines[-1].endswith("failed 1")


@pytest.mark.issue(23)
def test_cli_brief_names_each_skipped_input_and_briefs_the_rest(tmp_path: Path) -> None:
    good, empty, missing = tmp_path / "good.txt", tmp_path / "empty.txt", tmp_path / "gone.txt"
    good.write_text(LEGACY_ARTICLE, encoding="utf-8")
    empty.write_bytes(b"")
    result = run_cli("brief", str(good), str(empty), str(missing), "--format", "json")
    assert result.returncode == 0, result.stderr.decode()
    assert len(json.loads(result.stdout)["documents"]) == 1
    lines = _stderr_lines(result)
    assert len(lines) == 2, lines
    assert lines[0].startswith(f"storybrief: skipped {empty}: ")
    assert lines[0].endswith("(empty)")
    assert lines[1] == f"storybrief: skipped {missing}: no such file or folder (not_found)"


@pytest.mark.issue(23)
@pytest.mark.parametrize("verbose", [False, True], ids=["default", "verbose"])
def test_cli_brief_sums_up_more_than_five_skipped_inputs(tmp_path: Path, verbose: bool) -> None:
    good = tmp_path / "good.txt"
    good.write_text(LEGACY_ARTICLE, encoding="utf-8")
    missing = [str(tmp_path / f"gone-{k}.txt") for k in range(6)]
    flags = ["-v"] if verbose else []
    result = run_cli("brief", str(good), *missing, "-o", str(tmp_path / "b.json"), *flags)
    assert result.returncode == 0, result.stderr.decode()
    skipped = [line for line in _stderr_lines(result) if line.startswith("storybrief: skipped")]
    if verbose:
        assert [line.split(": ")[1] for line in skipped] == [f"skipped {m}" for m in missing]
    else:
        assert skipped == [
            "storybrief: skipped 6 inputs (not_found: 6); -v lists each with its reason"
        ]


@pytest.mark.issue(23)
def test_cli_quiet_prints_errors_only(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(LEGACY_ARTICLE, encoding="utf-8")
    gone = str(tmp_path / "gone.txt")
    briefed = run_cli("brief", str(good), gone, "-o", str(tmp_path / "b.md"), "-q")
    assert briefed.returncode == 0
    assert (briefed.stdout, briefed.stderr) == (b"", b"")
    ingested = run_cli("ingest", gone, "--db", str(tmp_path / "store.db"), "-q")
    assert ingested.returncode == 2
    assert _stderr_lines(ingested) == [
        "storybrief: error: nothing ingested: all 1 inputs failed (not_found: 1)"
    ]


@pytest.mark.issue(23)
def test_cli_serve_prints_the_url_it_serves(tmp_path: Path) -> None:
    import urllib.request

    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "storybrief",
            "serve",
            "--db",
            str(tmp_path / "s.db"),
            "--port",
            "0",
        ],
        stderr=subprocess.PIPE,
    )
    try:
        assert server.stderr is not None
        # The line must come before the server is up; a server that never says is a failure.
        ready, _, _ = select.select([server.stderr], [], [], 60)
        assert ready, "serve printed nothing in 60 s"
        line = server.stderr.readline().decode()
        match = re.fullmatch(r"storybrief: serving on (http://127\.0\.0\.1:\d+/) \(.*\)\n", line)
        assert match, line
        with urllib.request.urlopen(match.group(1), timeout=30) as page:
            assert page.status == 200
    finally:
        server.terminate()
        server.wait(timeout=30)
        if server.stderr is not None:
            server.stderr.close()


@pytest.mark.issue(23)
def test_cli_serve_on_a_port_in_use_is_a_one_line_error(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run_cli("serve", "--db", str(tmp_path / "s.db"), "--port", str(port))
    assert result.returncode == 2
    assert _stderr_lines(result) == [
        f"storybrief: error: cannot listen on 127.0.0.1 port {port}: Address already in use"
    ]


@pytest.mark.issue(23)
def test_errors_lists_the_inputs_the_store_could_not_ingest(tmp_path: Path) -> None:
    db = str(tmp_path / "store.db")
    missing = str(tmp_path / "gone.txt")
    assert run_cli("ingest", missing, "--db", db).returncode == 2
    listed = run_cli("errors", "--db", db, "--json")
    assert listed.returncode == 0, listed.stderr.decode()
    (record,) = [json.loads(line) for line in listed.stdout.decode().splitlines()]
    assert (record["source"], record["reason"]) == (missing, "not_found")


@pytest.mark.issue(24)
def test_cli_brief_takes_a_focus_question() -> None:
    result = run_cli(
        "brief",
        str(EXAMPLES / "harbor-strike"),
        "--focus",
        "What did the strike cost the port?",
        "--words",
        "60",
        "--format",
        "json",
    )
    assert result.returncode == 0, result.stderr.decode()
    data = json.loads(result.stdout)
    assert data["generator"]["methods"]["summary"] == "bigram-ilp.v3+focus.v1"
    assert 0 < sum(len(p["text"].split()) for p in data["summary"]) <= 60
