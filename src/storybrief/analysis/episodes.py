"""Episodes: which documents report the same stretch of the story, and when.

Method (``episodes.v2``):

- Documents with a publication date known to the day (stated, or estimated
  from a stated date) are put in date order; a gap of more than
  ``EPISODE_GAP_DAYS`` starts a new episode.
- A document without such a date whose text is alike (TF-IDF cosine at least
  ``SAME_EVENTS``) a document of a stated day, and whose figures do not set it apart
  from it (the same quantity differing by ``JUMP``-fold or more is a report from
  another time, not the same week's), reports the same events: it joins that
  document's episode and gets its month as an estimated publication month, with
  that evidence (since ``episodes.v2``; before, the dated document it shared the most
  people with gave it, right one time in three on wire copy). Otherwise it joins the
  episode of the dated document it shares the most people with, if at least
  ``MIN_SHARED_PEOPLE`` resolved persons, with that document's month only where the
  story's stated days are one stretch (no more than ``EPISODE_GAP_DAYS`` from the first
  to the last); else an undated document it shares enough people with, or forms an
  episode of its own with its date unknown.
- The main episode is the one with the most documents (then the latest).
- An episode with no date at all gets a lower bound, ``after``, where one of
  its documents gives a toll (people killed, dead, displaced, fled...) at least
  ``JUMP`` times the same quantity's figure in a dated episode: tolls of an
  ongoing story only grow, so it reports a later time than that episode's
  last date. The bound names both figures and points at the larger one's
  span. Its publication date itself stays unknown.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace

from storybrief.analysis.claims import LARGE_FIGURE
from storybrief.analysis.similarity import ARTICLES, cosine, tfidf
from storybrief.lexicon import GROWING_TOLL
from storybrief.model import (
    Claim,
    DateRef,
    Entity,
    Episode,
    EpisodeAfter,
    Evidence,
    ParsedArticle,
)

METHOD = "episodes.v2"
# Judgement call (episodes.v1, not measured): a gap of more than three weeks
# between dated reports starts a new episode.
EPISODE_GAP_DAYS = 21
# Judgement call: an undated report joins a dated one only if they share two
# people; one shared person (a president, a spokesman) is too common.
MIN_SHARED_PEOPLE = 2
# An undated document whose text is this alike (TF-IDF cosine) a report of a stated day
# reports the same events, and gets that report's month. Set on DUC 2007's wire copy,
# every other document's date withheld (at 0.35, 13 of 15 months right), and measured
# on DUC 2006 (39 of 45; benchmarks/pubdates.py). Sharing two people, the rule before,
# gave the right month for 37%: a story's people are in all its stretches.
SAME_EVENTS = 0.35
# Judgement call: a figure of a thousand or more (``claims.LARGE_FIGURE``) that
# at least doubles is a count from a later time, not a week's disagreement.
JUMP = 2.0


def _nearest_stated(
    documents: Sequence[ParsedArticle],
    dated: Sequence[ParsedArticle],
    jumps: Callable[[ParsedArticle, ParsedArticle], bool],
) -> dict[str, tuple[str, float]]:
    """For each document without a day, the document of a stated day whose text is most
    alike (TF-IDF cosine, ``similarity.ARTICLES``), where at least ``SAME_EVENTS``
    and no figure sets the two apart: (its id, the cosine)."""
    stated = [d for d in dated if d.article.published and not d.article.published.estimated]
    undated = [d for d in documents if d not in dated]
    if not stated or not undated:
        return {}
    vectors = tfidf([d.article.text for d in [*undated, *stated]], ARTICLES)
    if vectors is None:
        return {}
    alike = cosine(vectors.matrix[: len(undated)], vectors.matrix[len(undated) :])
    out = {}
    for i, d in enumerate(undated):
        ranked = sorted(range(len(stated)), key=lambda j: (-alike[i, j], j))
        j = next((j for j in ranked if not jumps(d, stated[j])), None)
        if j is not None and alike[i, j] >= SAME_EVENTS:
            out[d.id] = (stated[j].id, float(alike[i, j]))
    return out


def _people(doc: ParsedArticle, person_ids: set[str]) -> set[str]:
    return {m.entity_id for m in doc.mentions if m.entity_id in person_ids}


def jump_pairs(claims: Sequence[Claim]) -> frozenset[frozenset[str]]:
    """Document pairs whose figures for one quantity differ ``JUMP``-fold or more."""
    pairs: set[frozenset[str]] = set()
    for claim in claims:
        if claim.unit != "count":
            continue
        figures = [
            (st.doc_id, float(st.value))
            for st in claim.statements
            if st.value is not None and st.value >= LARGE_FIGURE
        ]
        for a, x in figures:
            for b, y in figures:
                if a != b and max(x, y) / min(x, y) >= JUMP:
                    pairs.add(frozenset((a, b)))
    return frozenset(pairs)


def assign_episodes(
    documents: Sequence[ParsedArticle],
    entities: Sequence[Entity],
    claims: Sequence[Claim] = (),
) -> tuple[tuple[ParsedArticle, ...], tuple[Episode, ...], frozenset[frozenset[str]]]:
    """Episodes of a cluster, and the documents with estimated months where an episode gives one.

    Returns:
        The documents (undated ones that joined a dated episode now carry an
        estimated publication month with evidence), the episodes, and the pairs
        of documents whose figures set them apart in time (``jump_pairs``).
    """
    jumps = jump_pairs(claims)

    def _jumps(a: ParsedArticle, b: ParsedArticle) -> bool:
        return frozenset((a.id, b.id)) in jumps

    person_ids = {e.id for e in entities if e.type == "PERSON"}
    people = {d.id: _people(d, person_ids) for d in documents}
    by_id = {d.id: d for d in documents}
    dated = sorted(
        (d for d in documents if d.article.published and d.article.published.granularity == "day"),
        key=lambda d: d.article.published.value,  # type: ignore[union-attr]
    )
    episodes: list[list[str]] = []
    last_day: dt.date | None = None
    for d in dated:
        day = d.article.published.value  # type: ignore[union-attr]
        if last_day is None or (day - last_day).days > EPISODE_GAP_DAYS:
            episodes.append([])
        episodes[-1].append(d.id)
        last_day = day
    episode_of = {doc_id: k for k, ep in enumerate(episodes) for doc_id in ep}
    updated: dict[str, ParsedArticle] = {}
    undated_alone: list[str] = []
    nearest = _nearest_stated(documents, dated, _jumps)
    names = {e.id: e.canonical for e in entities}
    stated_days = [
        d.article.published.value
        for d in dated
        if d.article.published is not None and not d.article.published.estimated
    ]
    one_stretch = bool(stated_days) and (
        (max(stated_days) - min(stated_days)).days <= EPISODE_GAP_DAYS
    )
    for d in documents:
        if d.id in episode_of:
            continue
        near = nearest.get(d.id)
        if near is not None:
            # Its text alike a report of a stated day: the same events, that month.
            other, similarity = by_id[near[0]], near[1]
            episode_of[d.id] = episode_of[other.id]
            episodes[episode_of[other.id]].append(d.id)
            anchor = other.article.published
            assert anchor is not None
            if d.article.published is None:
                evidence = Evidence(
                    f"reports the same events as document {other.id} of {anchor.iso()} "
                    f"(its text alike: cosine {similarity:.2f})",
                    "record",
                )
                month = DateRef(
                    anchor.value.replace(day=1), "month", estimated=True, evidence=evidence
                )
                updated[d.id] = replace(d, article=d.article.with_published(month))
            continue
        best: tuple[int, str] | None = None
        for other in dated:
            shared = len(people[d.id] & people[other.id])
            if shared >= MIN_SHARED_PEOPLE and (best is None or shared > best[0]):
                if _jumps(d, other):
                    continue
                best = (shared, other.id)
        if best is None:
            undated_alone.append(d.id)
            continue
        # The same people: the same stretch of the story, most likely. Its month only
        # where the story's stated days are one stretch: a story's people are in all
        # its stretches (over years of wire copy, 37% of such months were right).
        other = by_id[best[1]]
        episode_of[d.id] = episode_of[other.id]
        episodes[episode_of[other.id]].append(d.id)
        anchor = other.article.published
        assert anchor is not None
        if d.article.published is None and not anchor.estimated and one_stretch:
            shared_names = sorted(names[p] for p in people[d.id] & people[other.id])
            evidence = Evidence(
                f"reports the same events as document {other.id} of {anchor.iso()} "
                f"(shares {', '.join(shared_names)})",
                "record",
            )
            month = DateRef(anchor.value.replace(day=1), "month", estimated=True, evidence=evidence)
            updated[d.id] = replace(d, article=d.article.with_published(month))
    for doc_id in undated_alone:
        home = next(
            (
                k
                for k, ep in enumerate(episodes)
                if all(x not in episode_of or episode_of[x] == k for x in ep)
                and any(
                    x in undated_alone
                    and len(people[doc_id] & people[x]) >= MIN_SHARED_PEOPLE
                    and not _jumps(by_id[doc_id], by_id[x])
                    for x in ep
                )
            ),
            None,
        )
        if home is None:
            episodes.append([doc_id])
            home = len(episodes) - 1
        else:
            episodes[home].append(doc_id)
        episode_of[doc_id] = home
    docs = tuple(updated.get(d.id, d) for d in documents)
    described = _describe(episodes, {d.id: d for d in docs})
    texts = {d.id: d.article.text for d in docs}
    return (
        docs,
        tuple(_with_lower_bound(e, described, claims, texts) for e in described),
        jumps,
    )


def _with_lower_bound(
    episode: Episode,
    episodes: Sequence[Episode],
    claims: Sequence[Claim],
    texts: Mapping[str, str],
) -> Episode:
    """The episode, with ``after`` where a toll far above a dated episode's places it later."""
    if episode.start is not None:
        return episode
    members = set(episode.documents)
    dated = {d: e for e in episodes if e.end is not None for d in e.documents}
    best: EpisodeAfter | None = None
    for claim in claims:
        if claim.unit != "count":
            continue
        tolls = [
            st
            for st in claim.statements
            if st.value is not None
            and GROWING_TOLL.search(texts[st.doc_id][st.sentence.start : st.sentence.end])
        ]
        for high in (st for st in tolls if st.doc_id in members):
            for low in (st for st in tolls if st.doc_id in dated):
                assert high.value is not None
                assert low.value is not None
                if float(high.value) < max(JUMP * float(low.value), LARGE_FIGURE):
                    continue
                end = str(dated[low.doc_id].end)
                if best is not None and best.date >= end:
                    continue
                evidence = Evidence(
                    f"gives {high.text!r} where document {low.doc_id}, of an episode "
                    f"up to {end}, gives {low.text!r}: a toll "
                    f"{float(high.value) / float(low.value):.1f} times as large is a "
                    "later count",
                    "text",
                    high.start,
                    high.end,
                )
                best = EpisodeAfter(end, high.doc_id, evidence)
    return episode if best is None else replace(episode, after=best)


def _describe(
    episodes: Sequence[Sequence[str]], docs: Mapping[str, ParsedArticle]
) -> tuple[Episode, ...]:
    described: list[Episode] = []
    for members in episodes:
        dates = sorted(
            (ref for m in members if (ref := docs[m].article.published) is not None),
            key=lambda ref: (ref.value, ref.granularity != "day"),
        )
        described.append(
            Episode(
                id="",
                documents=tuple(members),
                start=dates[0].iso() if dates else None,
                end=dates[-1].iso() if dates else None,
                main=False,
            )
        )
    main = max(
        range(len(described)),
        key=lambda k: (len(described[k].documents), described[k].end or ""),
        default=None,
    )
    order = sorted(
        range(len(described)),
        key=lambda k: (described[k].start is None, described[k].start or ""),
    )
    return tuple(replace(described[k], id=f"p{n}", main=k == main) for n, k in enumerate(order, 1))
