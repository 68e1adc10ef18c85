"""The analysis as declared stages (``storybrief.analysis``): order, declarations, the run."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

import pytest

import storybrief
from storybrief.analysis import INPUTS, STAGES, Analysis, Stage, StageError, methods, run
from tests.conftest import build_parsed


@pytest.mark.parametrize("stage", STAGES, ids=[s.name for s in STAGES])
def test_analysis_each_requirement_is_an_input_or_assigned_by_an_earlier_stage(
    stage: Stage,
) -> None:
    earlier = STAGES[: STAGES.index(stage)]
    available = {*INPUTS, *(a for s in earlier for a in s.assigns)}
    assert set(stage.requires) <= available, set(stage.requires) - available


@pytest.mark.parametrize("stage", STAGES, ids=[s.name for s in STAGES])
def test_analysis_each_declaration_names_a_field_of_the_analysis(stage: Stage) -> None:
    fields = set(Analysis.__dataclass_fields__)
    assert {d.split(".")[0] for d in (*stage.requires, *stage.assigns)} <= fields


def test_analysis_stage_names_are_unique() -> None:
    names = [s.name for s in STAGES]
    assert len(set(names)) == len(names)


def _stage(assigns: tuple[str, ...], **changes: Any) -> Stage:
    """A fake stage that declares ``assigns`` and changes the fields of ``changes``."""
    return Stage("fake", "fake.v1", ("documents",), assigns, lambda a: replace(a, **changes))


PAIR = frozenset({frozenset({"d1", "d2"})})


@pytest.mark.parametrize(
    ("assigns", "changes", "undeclared"),
    [
        (("summary",), {"apart": PAIR}, "['apart']"),
        (("summary",), {"words": 99}, "['words']"),
        (("documents.entity_id",), {"apart": PAIR, "words": 99}, "['apart', 'words']"),
    ],
)
def test_analysis_run_raises_when_a_stage_changes_an_undeclared_field(
    assigns: tuple[str, ...], changes: dict[str, Any], undeclared: str
) -> None:
    with pytest.raises(StageError, match=rf"stage 'fake' changed {re.escape(undeclared)}"):
        run([build_parsed("Nothing happened.")], 50, (_stage(assigns, **changes),))


@pytest.mark.parametrize(
    ("assigns", "changes"),
    [
        (("apart",), {"apart": PAIR}),
        # A declaration about the documents lets the stage replace them.
        (("documents.published",), {"documents": ()}),
    ],
)
def test_analysis_run_keeps_what_a_stage_declares(
    assigns: tuple[str, ...], changes: dict[str, Any]
) -> None:
    analysis = run([build_parsed("Nothing happened.")], 50, (_stage(assigns, **changes),))
    for name, value in changes.items():
        assert getattr(analysis, name) == value


def test_analysis_every_stage_runs_on_hand_built_documents() -> None:
    docs = [
        build_parsed("The council approved the harbour plan.", doc_id="d1", published="2024-03-01"),
        build_parsed("Residents protested outside the hall.", doc_id="d2", published="2024-03-02"),
    ]
    analysis = run(docs, 50)
    assert [p.doc_id for p in analysis.sources] == ["d1", "d2"]
    assert [e.documents for e in analysis.episodes] == [("d1", "d2")]
    assert analysis.overlap is not None


def test_analysis_the_briefs_methods_name_every_stage(
    blank_nlp: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The service's own path, with the model-free pipeline in place of the English model.
    monkeypatch.setattr("storybrief.service.load_nlp", lambda model=None: blank_nlp)
    brief = storybrief.brief([{"text": "Harbour plan\n\nThe council approved the plan on Friday."}])
    generator = brief.to_dict()["generator"]["methods"]
    assert list(generator) == [s.name for s in STAGES]
    assert generator == {s.name: s.method for s in STAGES}
    assert brief.methods == methods()
