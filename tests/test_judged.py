"""The hand-judged files of benchmarks/judged: well-formed, complete, and free of article text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SUMMARIES = ROOT / "benchmarks" / "judged" / "summaries"


def _judged() -> dict[str, dict]:  # type: ignore[type-arg]
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "judged_summaries", ROOT / "benchmarks" / "judged_summaries.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.rounds(SUMMARIES)  # type: ignore[no-any-return]


@pytest.mark.issue(20)
def test_every_dev_gold_clusters_summary_is_judged_with_known_verdicts() -> None:
    rounds = _judged()
    assert rounds
    clusters = json.loads((ROOT.parent / "shared" / "dev-gold" / "clusters.json").read_text())
    for folder, judged in rounds.items():
        assert set(judged) == set(clusters), folder
        assert {j["judged_at_commit"][:7] for j in judged.values()} == {folder.split("-")[1]}
    for name, found in ((n, f) for judged in rounds.values() for n, f in judged.items()):
        assert len(found["judged_at_commit"]) == 40, name
        assert found["sentences"], name
        for sentence in found["sentences"]:
            # Offsets and first words locate a passage: no article text is kept.
            assert len(sentence["snippet"].split()) <= 9, (name, sentence["n"])
            assert 0 <= sentence["start"] < sentence["end"], (name, sentence["n"])
            assert sentence["verdict"] == "fine" or sentence.get("note"), (name, sentence["n"])
