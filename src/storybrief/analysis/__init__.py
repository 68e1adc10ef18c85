"""ParsedArticle → brief sections: pure, no I/O.

``STAGES`` is the analysis in the order it runs. Like spaCy's pipeline
components, each stage declares what it reads (``requires``) and what it
writes (``assigns``) of the ``Analysis`` record, and carries the versioned id
of its method; ``run`` executes them and checks that each stage changed only
what it declares. A requirement names a field of ``Analysis``, or a fact about
the documents that an earlier stage establishes:

- ``documents.entity_id``: each mention carries the id of its resolved entity;
- ``documents.published``: publication dates estimated where the input states
  none (from the text, then from the episode a document joins).

The stages, in order (``python -c "import storybrief.analysis as a; print(a.describe())"``):

=========  ====================  ==============================================
entities   names.v6              who is who: mentions resolved to entities
dates      dates.v7              publication dates the text supports
claims     claims.v20            statements of one quantity, grouped
episodes   episodes.v2           which documents report the same stretch of time
relations  claims.v20            claims' relations, given the episodes
summary    bigram-ilp.v3         the summary, every passage an exact span
quotes     cues.v4               who said what
timeline   timeline.v10          dated events, merged across documents
sources    sources.v9            sources compared: kind, contributions, overlap
=========  ====================  ==============================================
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields, replace

from storybrief.analysis import claims as claims_stage
from storybrief.analysis import compare, dates, entities, episodes, quotes, summarize, timeline
from storybrief.model import (
    Claim,
    Entity,
    Episode,
    Overlap,
    ParsedArticle,
    ProgressCallback,
    ProgressStep,
    Quote,
    SourceProfile,
    SummaryPassage,
    TimelineEvent,
)


@dataclass(frozen=True, slots=True)
class Analysis:
    """What the analysis knows of a story so far: its inputs, then each stage's sections.

    Args:
        documents: the parsed articles; stages may refine them (entity ids on
            mentions, estimated publication dates).
        words: the summary's word budget.
    """

    documents: tuple[ParsedArticle, ...]
    words: int
    entities: tuple[Entity, ...] = ()
    claims: tuple[Claim, ...] = ()
    episodes: tuple[Episode, ...] = ()
    #: Pairs of documents whose figures set them apart in time.
    apart: frozenset[frozenset[str]] = frozenset()
    summary: tuple[SummaryPassage, ...] = ()
    quotes: tuple[Quote, ...] = ()
    timeline: tuple[TimelineEvent, ...] = ()
    sources: tuple[SourceProfile, ...] = ()
    overlap: Overlap | None = None


#: What an analysis starts with.
INPUTS = ("documents", "words")


@dataclass(frozen=True, slots=True)
class Stage:
    """One step of the analysis: a pure function of the ``Analysis`` so far."""

    name: str
    method: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    function: Callable[[Analysis], Analysis]

    def fields_assigned(self) -> set[str]:
        """The ``Analysis`` fields this stage may change."""
        return {a.split(".")[0] for a in self.assigns}


def _entities(a: Analysis) -> Analysis:
    found, linked = entities.resolve_entities(a.documents)
    return replace(a, entities=found, documents=linked)


def _dates(a: Analysis) -> Analysis:
    return replace(a, documents=dates.estimate_dates(a.documents))


def _claims(a: Analysis) -> Analysis:
    people = {e.id for e in a.entities if e.type == "PERSON"}
    return replace(a, claims=claims_stage.build_claims(a.documents, people))


def _episodes(a: Analysis) -> Analysis:
    documents, found, apart = episodes.assign_episodes(a.documents, a.entities, a.claims)
    return replace(a, documents=documents, episodes=found, apart=apart)


def _relations(a: Analysis) -> Analysis:
    return replace(a, claims=claims_stage.relate_claims(a.claims, a.episodes, a.apart))


def _summary(a: Analysis) -> Analysis:
    return replace(a, summary=summarize.summarize(a.documents, a.words))


def _quotes(a: Analysis) -> Analysis:
    return replace(a, quotes=quotes.extract_quotes(a.documents, a.entities))


def _timeline(a: Analysis) -> Analysis:
    return replace(a, timeline=timeline.build_timeline(a.documents))


def _sources(a: Analysis) -> Analysis:
    profiles, overlap = compare.compare_sources(a.documents, a.summary, a.quotes, a.episodes)
    return replace(a, sources=profiles, overlap=overlap)


STAGES: tuple[Stage, ...] = (
    Stage(
        "entities",
        entities.METHOD,
        requires=("documents",),
        assigns=("entities", "documents.entity_id"),
        function=_entities,
    ),
    Stage(
        "dates",
        dates.METHOD,
        requires=("documents",),
        assigns=("documents.published",),
        function=_dates,
    ),
    Stage(
        "claims",
        claims_stage.METHOD,
        requires=("documents.published", "documents.entity_id", "entities"),
        assigns=("claims",),
        function=_claims,
    ),
    Stage(
        "episodes",
        episodes.METHOD,
        requires=("documents.entity_id", "documents.published", "entities", "claims"),
        assigns=("episodes", "apart", "documents.published"),
        function=_episodes,
    ),
    Stage(
        "relations",
        claims_stage.METHOD,
        requires=("claims", "episodes", "apart"),
        assigns=("claims",),
        function=_relations,
    ),
    Stage(
        "summary",
        summarize.METHOD,
        requires=("documents.published", "words"),
        assigns=("summary",),
        function=_summary,
    ),
    Stage(
        "quotes",
        quotes.METHOD,
        requires=("documents.entity_id", "entities"),
        assigns=("quotes",),
        function=_quotes,
    ),
    Stage(
        "timeline",
        timeline.METHOD,
        requires=("documents.published",),
        assigns=("timeline",),
        function=_timeline,
    ),
    Stage(
        "sources",
        compare.METHOD,
        requires=("documents.published", "summary", "quotes", "episodes"),
        assigns=("sources", "overlap"),
        function=_sources,
    ),
)


class StageError(RuntimeError):
    """A stage changed what it does not declare: a bug in the stage list."""


def run(
    documents: Sequence[ParsedArticle],
    words: int,
    stages: tuple[Stage, ...] = STAGES,
    *,
    progress: ProgressCallback | None = None,
) -> Analysis:
    """Run the stages in order on parsed documents.

    Args:
        progress: told ``ProgressStep("analysing", done, len(stages), name)`` before
            each stage runs, and once more (``done == total``, no name) at the end.

    Raises:
        StageError: a stage changed a field it does not declare in ``assigns``.
    """
    analysis = Analysis(documents=tuple(documents), words=words)
    names = [f.name for f in fields(Analysis)]
    for done, stage in enumerate(stages):
        if progress is not None:
            progress(ProgressStep("analysing", done, len(stages), stage.name))
        after = stage.function(analysis)
        changed = {n for n in names if getattr(after, n) is not getattr(analysis, n)}
        undeclared = changed - stage.fields_assigned()
        if undeclared:
            raise StageError(f"stage {stage.name!r} changed {sorted(undeclared)} undeclared")
        analysis = after
    if progress is not None:
        progress(ProgressStep("analysing", len(stages), len(stages)))
    return analysis


def methods(stages: tuple[Stage, ...] = STAGES) -> tuple[tuple[str, str], ...]:
    """Each stage's name and method id, as the brief records them."""
    return tuple((s.name, s.method) for s in stages)


def describe(stages: tuple[Stage, ...] = STAGES) -> str:
    """The stage list as a table: name, method, requires, assigns."""
    return "\n".join(
        f"{s.name:<10} {s.method:<14} requires {', '.join(s.requires):<60} "
        f"assigns {', '.join(s.assigns)}"
        for s in stages
    )


__all__ = ["INPUTS", "STAGES", "Analysis", "Stage", "StageError", "describe", "methods", "run"]
