"""Update briefs (issue 24): what new documents add to those a reader already read."""

from __future__ import annotations

import json

import jsonschema
import pytest

import storybrief
from storybrief.render import render
from storybrief.schema import brief_schema
from tests.conftest import EXAMPLES
from tests.test_cli import run_cli

pytestmark = [pytest.mark.model, pytest.mark.issue(24)]

STRIKE = EXAMPLES / "harbor-strike"
READ = [STRIKE / "01_calder_courier.txt", STRIKE / "02_apa_wire.txt"]
NEW = [
    STRIKE / "03_harbour_review.txt",
    STRIKE / "04_calder_evening_post.html",
    STRIKE / "05_rhosmouth_daily.json",
]


@pytest.fixture(scope="module")
def updated() -> storybrief.Brief:
    return storybrief.brief(NEW, since=READ, words=120)


def test_an_update_brief_says_what_the_new_documents_add_in_their_own_words(
    updated: storybrief.Brief,
) -> None:
    update = updated.update
    assert update is not None
    read = {d.id for d in updated.documents if d.article.source in {str(p) for p in READ}}
    assert set(update.since) == read
    assert len(read) == 2
    assert update.summary
    texts = {d.id: d.article.text for d in updated.documents}
    for passage in update.summary:
        assert passage.doc_id not in read
        assert texts[passage.doc_id][passage.start : passage.end] == passage.text
    for passage in update.background:
        assert passage.doc_id in read
        assert texts[passage.doc_id][passage.start : passage.end] == passage.text
    assert sum(len(p.text.split()) for p in update.summary) <= 120
    # The pay offer went from 4.5% in the read reports to 6% in the new ones.
    changed = [c for c in updated.claims if c.id in update.changed]
    assert any({r.value for r in c.readings} >= {4.5, 6.0} for c in changed)


def test_an_update_brief_is_valid_json_and_renders_the_update_first(
    updated: storybrief.Brief,
) -> None:
    data = json.loads(render(updated, "json"))
    jsonschema.Draft202012Validator(brief_schema()).validate(data)
    assert data["update"]["method"] == "update.v1"
    markdown = render(updated, "md")
    assert markdown.index("## New since the 2 documents already read") < markdown.index(
        "## Summary"
    )
    assert "Changed:" in markdown
    assert "New since the 2 documents already read" in render(updated, "html")
    # Without ``since`` there is no update section.
    assert "update" not in storybrief.brief(NEW, words=120).to_dict()


def test_the_command_line_takes_the_documents_already_read_with_since() -> None:
    result = run_cli(
        "brief",
        *map(str, NEW),
        *(arg for path in READ for arg in ("--since", str(path))),
        "--format",
        "md",
    )
    assert result.returncode == 0, result.stderr.decode()
    assert "## New since the 2 documents already read" in result.stdout.decode()


def test_an_update_brief_answers_a_focus_question_too() -> None:
    focused = storybrief.brief(NEW, since=READ, words=60, focus="What is the new pay offer?")
    assert focused.update is not None
    assert focused.update.summary
    texts = {d.id: d.article.text for d in focused.documents}
    for passage in (*focused.update.summary, *focused.update.background):
        assert texts[passage.doc_id][passage.start : passage.end] == passage.text
    assert sum(len(p.text.split()) for p in focused.update.summary) <= 60


@pytest.mark.slow
def test_update_quality_gate_on_duc2007() -> None:
    """R-2 recall of the update (topic statement as focus) on DUC 2007's stages B and C,
    scored as ``benchmarks/update.py`` scores it, against the pinned floor."""
    import statistics

    from rouge_score import rouge_scorer

    from storybrief.analysis.summarize import summarize_update
    from storybrief.nlp import load_nlp
    from tests.conftest import load_benchmark
    from tests.gold.pin import floor

    bench = load_benchmark("update")
    if not bench.DATA.is_file():
        pytest.skip(f"{bench.DATA} not found")
    with bench.DATA.open(encoding="utf-8") as lines:
        records = [json.loads(line) for line in lines]
    scorer = rouge_scorer.RougeScorer(["rouge2"], use_stemmer=True)
    nlp = load_nlp()
    scores = []
    for topic in sorted({r["topic"] for r in records}):
        stages = {r["update_stage"]: r for r in records if r["topic"] == topic}
        parsed = {s: bench.parse_records(stages[s]["documents"], nlp) for s in "ABC"}
        for stage in "BC":
            old = [d for s in "ABC"[: "ABC".index(stage)] for d in parsed[s]]
            update, _ = summarize_update(
                parsed[stage], old, bench.BUDGET, focus=bench.focus_of(stages[stage])
            )
            summary = bench.truncate(" ".join(p.text for p in update), bench.BUDGET)
            per = [
                scorer.score(ref, summary)["rouge2"].recall for ref in stages[stage]["summaries"]
            ]
            scores.append(100 * statistics.fmean(per))
    assert statistics.fmean(scores) >= floor("update_duc2007_bc_focus_rouge2_recall")
