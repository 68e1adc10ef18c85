"""The brief service: inputs in, ``Brief`` out. The CLI, web UI and benchmarks call this."""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from collections import Counter
from collections.abc import Iterable
from typing import BinaryIO

from storybrief.analysis import methods, run
from storybrief.config import Settings
from storybrief.errors import InputError
from storybrief.ingest import InputLike, load_articles, near_copies
from storybrief.model import Article, Brief, IngestFailure
from storybrief.nlp import load_nlp, parse_articles, resolve_model_name
from storybrief.version import __version__

logger = logging.getLogger(__name__)


def brief(
    sources: InputLike | Iterable[InputLike],
    *,
    words: int | None = None,
    model: str | None = None,
    settings: Settings | None = None,
    cluster: int | None = None,
    stdin: BinaryIO | None = None,
) -> Brief:
    """Brief a pile of articles about one story.

    Args:
        sources: paths (files or folders), ``"-"`` for standard input, raw text,
            bytes, ``ArticleInput`` records or mappings with a ``text`` key; one
            such value or an iterable of them.
        words: the summary's word budget; None takes it from ``settings``.
        model: the spaCy pipeline to use; None takes it from ``settings`` (whose
            default is described in ``storybrief.nlp.pipeline``).
        settings: all settings; None reads them from the environment
            (``Settings.from_env``). An explicit ``words`` or ``model`` wins over it.
        cluster: which cluster to read from files that hold several.
        stdin: the stream that ``"-"`` reads.

    Returns:
        The brief. Inputs that could not be used are listed in ``Brief.errors``.

    Raises:
        InputError: no input gave a usable article.
        MissingDependency: the spaCy pipeline is not installed.

    Example:
        >>> b = storybrief.brief(["articles/"])  # doctest: +SKIP
        >>> b.to_dict()["schema"]  # doctest: +SKIP
        'storybrief.brief/1'
    """
    settings = merge_settings(settings, words=words, model=model)
    if isinstance(sources, (str, bytes)) or not isinstance(sources, Iterable):
        sources = [sources]
    elif hasattr(sources, "keys"):  # a single mapping record
        sources = [sources]  # type: ignore[list-item]
    # A reprint, or a part of another article, is one source with it, not a second.
    loaded = near_copies(load_articles(sources, settings, cluster=cluster, stdin=stdin))
    articles = [a for a in loaded if isinstance(a, Article)]
    failures = tuple(f for f in loaded if isinstance(f, IngestFailure))
    for failure in failures:
        logger.info("skipped %s: %s (%s)", failure.source, failure.message, failure.reason.value)
    if not articles:
        raise InputError(_nothing_usable(failures), failures)
    nlp = load_nlp(settings.model)
    analysis = run(parse_articles(articles, nlp, batch_size=settings.batch_size), settings.words)
    return Brief(
        documents=analysis.documents,
        errors=failures,
        model=resolve_model_name(settings.model),
        config_digest=settings.digest(),
        created_at=dt.datetime.now(dt.timezone.utc),
        summary=analysis.summary,
        entities=analysis.entities,
        quotes=analysis.quotes,
        timeline=analysis.timeline,
        claims=analysis.claims,
        sources=analysis.sources,
        episodes=analysis.episodes,
        overlap=analysis.overlap,
        methods=methods(),
        version=__version__,
    )


def merge_settings(settings: Settings | None, **explicit: object) -> Settings:
    """Explicit arguments (those not None) > ``settings`` (else the environment) > defaults."""
    base = Settings.from_env() if settings is None else settings
    given = {name: value for name, value in explicit.items() if value is not None}
    return dataclasses.replace(base, **given) if given else base  # type: ignore[arg-type]


def _nothing_usable(failures: tuple[IngestFailure, ...]) -> str:
    if not failures:
        return "no input given: pass files, folders, '-' for standard input, or text"
    counts = Counter(f.reason.value for f in failures)
    detail = ", ".join(f"{reason}: {n}" for reason, n in sorted(counts.items()))
    return f"no usable article in {len(failures)} input(s) ({detail})"
