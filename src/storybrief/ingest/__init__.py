"""Ingestion: any pile of inputs to cleaned ``Article``s, or ``IngestFailure``s with reasons.

    load_articles(inputs) -> [Article | IngestFailure, ...]

Inputs may be paths (files or folders, read recursively), ``"-"`` for standard
input, raw text, bytes, ``ArticleInput`` records or mappings with a ``text`` key.
One bad input never stops the others.
"""

from __future__ import annotations

from storybrief.ingest.sources import ArticleInput, InputLike, load_articles

__all__ = ["ArticleInput", "InputLike", "load_articles"]
