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
