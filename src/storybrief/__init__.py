"""storybrief: turn a pile of news articles about one story into a traceable brief.

A string given to ``brief`` is article text, never a path: pass ``pathlib.Path``
objects, or path strings in ``paths=``, for files and folders.

>>> import storybrief
>>> from pathlib import Path
>>> b = storybrief.brief([Path("articles/")])  # doctest: +SKIP
>>> b.to_dict()["schema"]  # doctest: +SKIP
'storybrief.brief/1'
"""

from __future__ import annotations

import logging

from storybrief import render  # noqa: F401  (importing it registers Brief.to_html, to_markdown)
from storybrief.config import Settings
from storybrief.errors import (
    ConfigError,
    IngestError,
    InputError,
    MissingDependency,
    StorybriefError,
)
from storybrief.ingest import ArticleInput, load_articles
from storybrief.model import (
    SCHEMA_ID,
    Article,
    Brief,
    DateRef,
    Evidence,
    FailureReason,
    IngestFailure,
    Mention,
    ParsedArticle,
    ProgressStep,
    Sentence,
    Span,
    Stated,
    Token,
)
from storybrief.service import brief
from storybrief.version import __version__

logging.getLogger(__name__).addHandler(logging.NullHandler())

__all__ = [
    "SCHEMA_ID",
    "Article",
    "ArticleInput",
    "Brief",
    "ConfigError",
    "DateRef",
    "Evidence",
    "FailureReason",
    "IngestError",
    "IngestFailure",
    "InputError",
    "Mention",
    "MissingDependency",
    "ParsedArticle",
    "ProgressStep",
    "Sentence",
    "Settings",
    "Span",
    "Stated",
    "StorybriefError",
    "Token",
    "__version__",
    "brief",
    "load_articles",
]
