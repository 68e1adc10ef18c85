"""The brief service: inputs in, ``Brief`` out. The CLI, web UI and benchmarks call this."""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import os
from collections.abc import Iterable, Sequence
from typing import Any, BinaryIO

from storybrief.analysis import STAGES, Analysis, Stage, methods, run
from storybrief.analysis.summarize import UPDATE_METHOD, summarize, summarize_update
from storybrief.config import Settings
from storybrief.errors import InputError, StorybriefError
from storybrief.ingest import InputLike, load_articles, near_copies
from storybrief.model import (
    Article,
    Brief,
    FailureReason,
    IngestFailure,
    ParsedArticle,
    ProgressCallback,
    ProgressStep,
    UpdateSection,
    count_reasons,
    ignore_progress,
)
from storybrief.nlp import load_nlp, parse_articles, resolve_model_name
from storybrief.version import __version__

logger = logging.getLogger(__name__)


def brief(
    sources: InputLike | Iterable[InputLike] = (),
    *,
    paths: Iterable[str | os.PathLike[str]] = (),
    words: int | None = None,
    model: str | None = None,
    settings: Settings | None = None,
    cluster: int | None = None,
    stdin: BinaryIO | None = None,
    progress: ProgressCallback | None = None,
    since: InputLike | Iterable[InputLike] | None = None,
    since_paths: Iterable[str | os.PathLike[str]] = (),
    focus: str | None = None,
) -> Brief:
    """Brief a pile of articles about one story.

    A string is article text, never a path, whatever it looks like: text that names a
    file is briefed as that text, so a service may hand user text to this function
    without exposing its files. Say when an input is a path: pass a ``pathlib.Path``
    (or any ``os.PathLike``), or give path strings in ``paths``.

    Args:
        sources: article text (``str``), bytes, ``ArticleInput`` records, mappings
            with a ``text`` key and ``pathlib.Path`` objects (files or folders, read
            recursively); one such value or an iterable of them.
        paths: files or folders given as strings (as a command line gives them),
            read after ``sources``; ``"-"`` among them is standard input.
        words: the summary's word budget; None takes it from ``settings``.
        model: the spaCy pipeline to use; None takes it from ``settings`` (whose
            default is described in ``storybrief.nlp.pipeline``).
        settings: all settings; None reads them from the environment
            (``Settings.from_env``). An explicit ``words`` or ``model`` wins over it.
        cluster: which cluster to read from files that hold several.
        stdin: the stream that ``"-"`` in ``paths`` reads.
        progress: told how far each step has come (``ProgressStep``): ``reading``,
            ``loading model``, ``parsing`` (articles) and ``analysing`` (stages).
        since: articles the reader has already read (the same kinds of input as
            ``sources``); with them (or ``since_paths``), the brief covers both piles
            and ``Brief.update`` says what the new ones add (``update.v1``: the
            update summary, a background from the read ones, and the claims whose
            figures changed).
        since_paths: already-read files or folders given as strings.
        focus: a question or topic statement ("What did the strike cost the
            port?") the summary, and the update summary, should answer first: the
            concepts of the sentences most like it weigh more (``focus.v1``, in
            ``storybrief.analysis.summarize.focused_weights``). None takes it from
            ``settings`` (default: no focus, the plain summary).

    Returns:
        The brief. Inputs that could not be used are listed in ``Brief.errors``, one
        ``IngestFailure`` each with its reason, however they failed: one bad input
        never stops the others.

    Raises:
        InputError: no input gave a usable article.
        MissingDependency: the spaCy pipeline is not installed.

    Example:
        >>> from pathlib import Path
        >>> b = storybrief.brief([Path("articles/")])  # doctest: +SKIP
        >>> b = storybrief.brief(paths=["articles/"])  # the same  # doctest: +SKIP
        >>> b = storybrief.brief(["Text of one article...", "Text of another..."])  # doctest: +SKIP
        >>> b.to_dict()["schema"]  # doctest: +SKIP
        'storybrief.brief/1'
    """
    settings = merge_settings(settings, words=words, model=model, focus=focus)
    if isinstance(sources, (str, bytes)) or not isinstance(sources, Iterable):
        sources = [sources]
    elif hasattr(sources, "keys"):  # a single mapping record
        sources = [sources]  # type: ignore[list-item]
    tell = progress or ignore_progress
    tell(ProgressStep("reading", 0, None))
    # A reprint, or a part of another article, is one source with it, not a second.
    read_before: list[Article | IngestFailure] = []
    if since is not None or since_paths:
        if since is None:
            since = []
        elif isinstance(since, (str, bytes)) or not isinstance(since, Iterable):
            since = [since]
        elif hasattr(since, "keys"):
            since = [since]  # type: ignore[list-item]
        read_before = load_articles(since, settings, paths=since_paths, cluster=cluster)
    loaded = near_copies(
        [
            *read_before,
            *load_articles(sources, settings, paths=paths, cluster=cluster, stdin=stdin),
        ]
    )
    old_ids = {a.id for a in read_before if isinstance(a, Article)}
    tell(ProgressStep("reading", len(loaded), len(loaded)))
    articles = [a for a in loaded if isinstance(a, Article)]
    failures = tuple(f for f in loaded if isinstance(f, IngestFailure))
    if not articles:
        _log_skipped(failures)
        raise InputError(_nothing_usable(failures), failures)
    tell(ProgressStep("loading model", 0, 1, settings.model or ""))
    nlp = load_nlp(settings.model)
    tell(ProgressStep("loading model", 1, 1, settings.model or ""))
    analysis, failed = _analyse(articles, nlp, settings, tell)
    failures += failed
    _log_skipped(failures)
    update = (
        _update(analysis, old_ids, settings.words, settings.focus)
        if (since is not None or since_paths)
        else None
    )
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
        methods=methods(_stages(settings.focus)),
        version=__version__,
        update=update,
    )


def _update(analysis: Analysis, old_ids: set[str], words: int, focus: str | None) -> UpdateSection:
    """What the documents not in ``old_ids`` add to those that are."""
    old = [d for d in analysis.documents if d.id in old_ids]
    new = [d for d in analysis.documents if d.id not in old_ids]
    summary, background = summarize_update(new, old, words, focus=focus) if new else ((), ())
    changed = tuple(
        c.id
        for c in analysis.claims
        if len(c.readings) > 1
        and any(set(r.documents) & old_ids for r in c.readings)
        and any(set(r.documents) - old_ids for r in c.readings)
    )
    return UpdateSection(
        since=tuple(d.id for d in old),
        summary=summary,
        background=background,
        changed=changed,
        method=UPDATE_METHOD,
    )


#: The summary stage's method id when a focus is given.
FOCUSED = "+focus.v1"


def _stages(focus: str | None) -> tuple[Stage, ...]:
    """The analysis stages; with a focus, the summary stage answers it."""
    if not focus or not focus.strip():
        return STAGES

    def focused_summary(a: Analysis) -> Analysis:
        return dataclasses.replace(a, summary=summarize(a.documents, a.words, focus=focus))

    return tuple(
        dataclasses.replace(s, method=s.method + FOCUSED, function=focused_summary)
        if s.name == "summary"
        else s
        for s in STAGES
    )


def _analyse(
    articles: Sequence[Article], nlp: Any, settings: Settings, progress: ProgressCallback
) -> tuple[Analysis, tuple[IngestFailure, ...]]:
    """The analysis of the articles; an article it fails on is left out as a failure.

    Only when the analysis of the whole pile fails is each article tried alone, so
    the cost is paid on that path only.

    Raises:
        InputError: it failed on every article.
    """
    try:
        parsed = _parse(articles, nlp, settings, progress)
        return run(parsed, settings.words, stages=_stages(settings.focus), progress=progress), ()
    except StorybriefError:
        raise
    except Exception:  # an analysis bug on some input: find it, brief the rest
        logger.warning("the analysis failed; trying each article alone", exc_info=True)
    kept: list[Article] = []
    failed: list[IngestFailure] = []
    for done, article in enumerate(articles):
        progress(ProgressStep("checking each article", done, len(articles)))
        try:
            run(
                _parse([article], nlp, settings, ignore_progress),
                settings.words,
                stages=_stages(settings.focus),
            )
        except Exception as exc:  # this article's failure, whatever it is
            message = f"the analysis failed on it ({type(exc).__name__}: {exc})"
            failed.append(IngestFailure(article.source, FailureReason.MALFORMED, message))
        else:
            kept.append(article)
    if not kept:
        raise InputError(_nothing_usable(tuple(failed)), tuple(failed))
    parsed = _parse(kept, nlp, settings, progress)
    return run(parsed, settings.words, stages=_stages(settings.focus), progress=progress), tuple(
        failed
    )


def _parse(
    articles: Sequence[Article], nlp: Any, settings: Settings, progress: ProgressCallback
) -> list[ParsedArticle]:
    return parse_articles(articles, nlp, batch_size=settings.batch_size, progress=progress)


def _log_skipped(failures: tuple[IngestFailure, ...]) -> None:
    # The command line reports these itself (``cli.report_failures``); a library user
    # finds them in ``Brief.errors`` or ``InputError.failures``.
    for failure in failures:
        logger.debug("skipped %s: %s (%s)", failure.source, failure.message, failure.reason.value)


def merge_settings(settings: Settings | None, **explicit: object) -> Settings:
    """Explicit arguments (those not None) > ``settings`` (else the environment) > defaults."""
    base = Settings.from_env() if settings is None else settings
    given = {name: value for name, value in explicit.items() if value is not None}
    return dataclasses.replace(base, **given) if given else base  # type: ignore[arg-type]


def _nothing_usable(failures: tuple[IngestFailure, ...]) -> str:
    if not failures:
        return (
            "no input given: pass text, records, Path objects or paths=, or '-' for standard input"
        )
    return f"no usable article in {len(failures)} input(s) ({count_reasons(failures)})"
