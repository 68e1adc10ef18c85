"""The one global conftest: paths to shared data, model fixtures, document builders."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
SEEDS_GOLD = SHARED / "seeds-gold"
DATA = Path(__file__).resolve().parent / "data"
EXAMPLES = ROOT / "examples"


def load_benchmark(name: str) -> ModuleType:
    """A script of benchmarks/, imported as a module (gates reuse its scoring)."""
    path = ROOT / "benchmarks" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"_bench_{name}", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if SEEDS.is_dir():
        return
    skip = pytest.mark.skip(reason=f"shared seeds not found at {SEEDS}")
    for item in items:
        if "seeds" in item.fixturenames or "seeds_brief" in item.fixturenames:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def seeds() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def nlp() -> Any:
    """The real English pipeline, loaded once per session."""
    from storybrief.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def blank_nlp() -> Any:
    """A model-free pipeline (tokenizer + paragraph boundaries + sentencizer) for unit tests."""
    import spacy

    from storybrief.nlp import components  # noqa: F401

    pipeline = spacy.blank("en")
    pipeline.add_pipe("storybrief_paragraphs")
    pipeline.add_pipe("sentencizer")
    return pipeline


@pytest.fixture(scope="session")
def seeds_brief(nlp: Any) -> Any:
    import storybrief

    return storybrief.brief([SEEDS])


@pytest.fixture
def make_article() -> Callable[..., Any]:
    """Build an ``Article`` from text without going through ingestion."""
    import hashlib

    from storybrief.model import Article

    def build(text: str, doc_id: str = "doc1", **kwargs: Any) -> Article:
        digest = hashlib.sha256(text.encode()).hexdigest()[:16]
        return Article(id=doc_id, source=f"<{doc_id}>", text=text, content_hash=digest, **kwargs)

    return build
