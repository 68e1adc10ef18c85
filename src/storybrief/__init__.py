"""storybrief: turn a pile of news articles about one story into a traceable brief.

    >>> import storybrief
    >>> b = storybrief.brief(["articles/"])  # doctest: +SKIP
    >>> b.to_dict()["schema"]  # doctest: +SKIP
    'storybrief.brief/1'
"""

from __future__ import annotations

import logging

__version__ = "0.1.0"

from storybrief.config import Settings  # noqa: E402
from storybrief.errors import (  # noqa: E402
    ConfigError,
    IngestError,
    InputError,
    MissingDependency,
    StorybriefError,
)
from storybrief.ingest import ArticleInput, load_articles  # noqa: E402
from storybrief.model import (  # noqa: E402
    SCHEMA_ID,
    Article,
    Brief,
    DateRef,
    Evidence,
    FailureReason,
    IngestFailure,
    Mention,
    ParsedArticle,
    Sentence,
    Span,
    Stated,
    Token,
)
from storybrief.service import brief  # noqa: E402

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
