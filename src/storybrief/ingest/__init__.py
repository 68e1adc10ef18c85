"""Ingestion: any pile of inputs to cleaned ``Article``s, or ``IngestFailure``s with reasons.

    load_articles(inputs, paths=()) -> [Article | IngestFailure, ...]
    near_copies(results) -> the same, with copies of another article as failures

Inputs may be raw text (a ``str`` is always text, never a path), bytes,
``ArticleInput`` records, mappings with a ``text`` key and ``pathlib.Path`` objects
(files or folders, read recursively); path strings go in ``paths``, where ``"-"`` is
standard input. One bad input never stops the others: whatever goes wrong with
it is its ``IngestFailure``.

The modules, each building only on those listed before it (and on ``storybrief.text``
and ``storybrief.model``):

- ``decode``, ``dates``, ``language``, ``fetch``: bytes to text, date lines, language, URLs;
- ``formats``: decoded text (plain, HTML, JSON, Multi-News) to ``RawArticle``s;
- ``feeds``: RSS/Atom feeds and WARC archives to ``RawArticle``s;
- ``read``: one path or one input's bytes to ``RawArticle``s (size limits, decoding);
- ``clean``: an article's text without its debris, and the metadata its lines state;
- ``finish``: a ``RawArticle`` cleaned, checked and merged into an ``Article``;
- ``sources`` (``load_articles``, for a brief) and ``stream`` (``iter_stream``, for the
  store): the two entry points, side by side.
"""

from __future__ import annotations

from storybrief.ingest.sources import ArticleInput, InputLike, load_articles, near_copies

__all__ = ["ArticleInput", "InputLike", "load_articles", "near_copies"]
