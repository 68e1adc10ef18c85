"""Story clustering: articles join the story they fit, or start a new one.

Method (``stories.v3``). The articles of one run (up to ``BATCH_MAX``) are
grouped by average-linkage agglomerative clustering on the weighted mean of
TF-IDF cosine similarity (words and two-word phrases that occur in at least
two of the articles given, IDF from all of them) and the Jaccard overlap of
capitalised names (weight ``BATCH_NAME_WEIGHT``), the cosine multiplied by a
time decay ``exp(-|days apart| / BATCH_DECAY_DAYS)`` where both dates are
known; the tree is cut at distance ``BATCH_DISTANCE``. Two-word phrases
("budget surplus", "west bank") separate stories of one broad subject that
single words mix up. Each group
then joins the existing story it is closest to on average, if that is within
the same cut, else it starts a story: earlier stories are never reshuffled.
Every membership records why (the average similarity to the story, the
group's own similarity, shared names).

Larger runs fall back to ``single_pass`` (``stories.v1``): in publication
order, each article joins the story whose centroid it fits best
(``cosine * decay + NAME_WEIGHT * jaccard(capitalised names)`` ≥ ``THRESHOLD``),
else starts one; it needs no pairwise matrix.

The store is clustered by the incremental index (``stories.index``, ``stories.v5``),
which never reads the whole store; this module's batch method clusters articles
given at once (``storybrief.brief`` of a pile, the benchmark).

The constants were calibrated on a development pool the benchmark does not
use (DUC 2007 update topics, WikiRef220, NewsWCL50 events: 520 articles, 36
stories; ``python benchmarks/cluster.py --calibrate``): the name weight and
the cut with the best B³ F1 averaged over the cut and its neighbours
(±0.005, ±0.01), so that a lucky spike of that small pool is not chosen.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from storybrief.analysis.similarity import ARTICLE_PHRASES, ARTICLES, Vectors, tfidf

METHOD = "stories.v3"
BATCH_MAX = 5000
BATCH_DISTANCE = 0.95
BATCH_NAME_WEIGHT = 0.75
BATCH_DECAY_DAYS = 3650.0  # the dev pool's update stages months apart want a slow decay
THRESHOLD = 0.2
NAME_WEIGHT = 1.0
DECAY_DAYS = 730.0
MAX_NAMES = 40

_NAME = re.compile(r"\b[A-Z][a-z]+(?:\s+(?:[A-Z][a-z]+|[A-Z]\.|of|de|al-?\w+))*")
_COMMON = frozenset(
    (
        *("The", "A", "An", "In", "On", "At", "But", "And", "He", "She", "It", "They", "We"),
        *("This", "That", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday"),
        *("Saturday", "Sunday", "January", "February", "March", "April", "May", "June"),
        *("July", "August", "September", "October", "November", "December", "Mr", "Mrs"),
    )
)


@dataclass(frozen=True, slots=True)
class Item:
    id: str
    text: str
    published: dt.date | None = None


@dataclass(slots=True)
class _Story:
    index: int
    centroid: Any  # unused: centroids live in one array (see ``cluster``)
    count: int
    names: set[str] = field(default_factory=set)
    last: dt.date | None = None


def names_of(text: str) -> set[str]:
    """Capitalised name runs, not at a sentence's first word alone."""
    found: dict[str, int] = {}
    for match in _NAME.finditer(text):
        name = match.group(0)
        if name in _COMMON or len(name) < 3:
            continue
        found[name] = found.get(name, 0) + 1
    return set(sorted(found, key=lambda n: -found[n])[:MAX_NAMES])


def cluster(
    items: Sequence[Item],
    *,
    existing: Sequence[Sequence[int]] = (),
    distance: float = BATCH_DISTANCE,
    decay_days: float = BATCH_DECAY_DAYS,
) -> tuple[list[int], list[dict[str, Any]]]:
    """Story index per item, and why each item joined (or started) its story.

    Up to ``BATCH_MAX`` new items are grouped together (average-linkage
    agglomerative clustering on phrase cosine × time decay and shared names, cut at
    ``distance``), then each group joins the existing story it is closest to on
    average if that is within the same cut, else starts a story. Larger
    batches fall back to the single pass (``single_pass``).

    Args:
        items: the articles, in any order.
        existing: stories already made, as lists of item indexes (kept as they are).
    """
    placed = {k for members in existing for k in members}
    new = [k for k in range(len(items)) if k not in placed]
    if len(new) > BATCH_MAX:
        return single_pass(items, existing=existing)
    return _batch(items, existing, new, distance, decay_days)


def phrase_vectors(texts: Sequence[str]) -> Any:
    """L2-normalised TF-IDF rows of words and two-word phrases seen in ≥ 2 texts.

    With fewer than three texts, or texts that share no term, every term is kept.
    """
    found = tfidf(texts, ARTICLE_PHRASES) if len(texts) >= 3 else None
    if found is None:  # no term in two texts
        found = tfidf(texts, replace(ARTICLE_PHRASES, min_df=1))
    return _rows(found, len(texts))


def _rows(found: Vectors | None, n: int) -> Any:
    """The TF-IDF rows; for texts of no word at all (empty, stop words only), zero rows."""
    if found is None:
        from scipy.sparse import csr_matrix

        return csr_matrix((n, 1))
    return found.matrix


def _name_jaccard(names: Sequence[set[str]], new: Sequence[int]) -> Any:
    """Jaccard overlap of capitalised names: all items x the new items."""
    import numpy as np
    from sklearn.feature_extraction.text import CountVectorizer

    binary = CountVectorizer(analyzer=sorted, binary=True, lowercase=False).fit_transform(
        [n or {"\x00"} for n in names]
    )
    binary = binary.astype(np.float32)
    inter = (binary @ binary[list(new)].T).toarray()
    sizes = np.asarray(binary.sum(axis=1)).ravel()
    union = sizes[:, None] + sizes[list(new)][None, :] - inter
    return np.where(union > 0, inter / np.maximum(union, 1.0), 0.0)


def similarities(
    items: Sequence[Item],
    new: Sequence[int],
    decay_days: float = BATCH_DECAY_DAYS,
    name_weight: float = BATCH_NAME_WEIGHT,
) -> tuple[Any, list[set[str]]]:
    """The batch similarity of all items x the new ones, and each item's names."""
    import numpy as np

    vectors = phrase_vectors([i.text for i in items])
    similarity = (vectors @ vectors[list(new)].T).toarray()  # all items x new items
    days = np.array(
        [i.published.toordinal() if i.published else np.nan for i in items], dtype=float
    )
    gap = np.abs(days[:, None] - days[list(new)][None, :])
    similarity = similarity * np.where(np.isnan(gap), 1.0, np.exp(-np.nan_to_num(gap) / decay_days))
    names = [names_of(i.text) for i in items]
    if name_weight:
        similarity = (similarity + name_weight * _name_jaccard(names, new)) / (1 + name_weight)
    return similarity, names


def _batch(
    items: Sequence[Item],
    existing: Sequence[Sequence[int]],
    new: Sequence[int],
    distance: float,
    decay_days: float,
    name_weight: float = BATCH_NAME_WEIGHT,
) -> tuple[list[int], list[dict[str, Any]]]:
    import numpy as np
    from sklearn.cluster import AgglomerativeClustering

    story_of = [-1] * len(items)
    why: list[dict[str, Any]] = [{} for _ in items]
    for index, members in enumerate(existing):
        for k in members:
            story_of[k] = index
    if not new:
        return story_of, why
    similarity, names = similarities(items, new, decay_days, name_weight)
    if len(new) == 1:
        groups = [[new[0]]]
    else:
        local = similarity[list(new)]
        model = AgglomerativeClustering(
            n_clusters=None,
            distance_threshold=distance,
            metric="precomputed",
            linkage="average",
        )
        labels = model.fit_predict(np.clip(1.0 - local, 0.0, None))
        grouped: dict[int, list[int]] = {}
        for position, label in enumerate(labels):
            grouped.setdefault(int(label), []).append(new[position])
        groups = sorted(grouped.values(), key=lambda g: min(g))
    column = {k: c for c, k in enumerate(new)}
    next_story = len(existing)
    for group in groups:
        columns = [column[k] for k in group]
        best: tuple[float, int] | None = None
        for index, members in enumerate(existing):
            average = float(similarity[np.ix_(list(members), columns)].mean())
            if best is None or average > best[0]:
                best = (average, index)
        group_names = set().union(*(names[k] for k in group))
        if best is not None and 1.0 - best[0] <= distance:
            target = best[1]
            shared = group_names & set().union(*(names[k] for k in existing[target]))
            reason: dict[str, Any] = {
                "joined": True,
                "average_similarity": round(best[0], 3),
                "shared_names": sorted(shared)[:10],
            }
        else:
            target, next_story = next_story, next_story + 1
            reason = {"joined": False, "best_similarity": round(best[0], 3) if best else None}
        inner = similarity[np.ix_(group, columns)]
        # The mean over pairs of different articles (an article's similarity to
        # itself, 1, would make a loose group look close).
        pairs = len(group) * (len(group) - 1)
        between = (float(inner.sum()) - float(np.trace(inner))) / pairs if pairs else None
        for k in group:
            story_of[k] = target
            why[k] = {
                **reason,
                "group": len(group),
                "group_similarity": round(between, 3) if between is not None else None,
            }
    return story_of, why


def single_pass(
    items: Sequence[Item],
    *,
    threshold: float = THRESHOLD,
    name_weight: float = NAME_WEIGHT,
    decay_days: float = DECAY_DAYS,
    existing: Sequence[Sequence[int]] = (),
) -> tuple[list[int], list[dict[str, Any]]]:
    """Story index per item, and why each item joined (or started) its story.

    Args:
        items: the articles, in any order (processed by publication date).
        existing: stories already made, as lists of item indexes (their items
            keep their story; only the others are placed).
    """
    import numpy as np

    if not items:
        return [], []
    texts = [i.text for i in items]
    matrix = _rows(tfidf(texts, ARTICLES), len(texts)).astype(np.float32)
    names = [names_of(i.text) for i in items]
    story_of = [-1] * len(items)
    why: list[dict[str, Any]] = [{} for _ in items]
    stories: list[_Story] = []
    # Centroids as rows of one dense array, grown as stories start.
    width = matrix.shape[1]
    centroids = np.zeros((16, width), dtype=np.float32)

    def start(vec: Any, members: Sequence[int]) -> _Story:
        nonlocal centroids
        if len(stories) == centroids.shape[0]:
            centroids = np.vstack([centroids, np.zeros_like(centroids)])
        centroids[len(stories)] = vec
        story = _Story(len(stories), None, len(members))
        for m in members:
            story_of[m] = story.index
            story.names |= names[m]
            story.last = _later(story.last, items[m].published)
        stories.append(story)
        return story

    for members in existing:
        start(np.asarray(matrix[list(members)].mean(axis=0)).ravel(), list(members))
    order = sorted(
        (k for k in range(len(items)) if story_of[k] < 0),
        key=lambda k: (items[k].published is None, items[k].published or dt.date.min, k),
    )
    for k in order:
        vec = np.asarray(matrix[k].todense()).ravel()
        best: tuple[float, _Story, float, set[str]] | None = None
        if stories:
            block = centroids[: len(stories)]
            norms = np.linalg.norm(block, axis=1) * (float(np.linalg.norm(vec)) or 1.0)
            sims = block @ vec / np.where(norms == 0, 1.0, norms)
            for story, sim in zip(stories, sims, strict=True):
                decay = _decay(items[k].published, story.last, decay_days)
                shared = names[k] & story.names
                union = names[k] | story.names
                score = float(sim) * decay + name_weight * (
                    len(shared) / len(union) if union else 0
                )
                if best is None or score > best[0]:
                    best = (score, story, float(sim), shared)
        if best is not None and best[0] >= threshold:
            score, story, sim, shared = best
            row = story.index
            centroids[row] = (centroids[row] * story.count + vec) / (story.count + 1)
            story.count += 1
            story.names |= names[k]
            story.last = _later(story.last, items[k].published)
            story_of[k] = story.index
            why[k] = {
                "joined": True,
                "score": round(score, 3),
                "similarity": round(sim, 3),
                "shared_names": sorted(shared)[:10],
            }
        else:
            start(vec, [k])
            why[k] = {
                "joined": False,
                "best_score": round(best[0], 3) if best else None,
                "threshold": threshold,
            }
    return story_of, why


def _decay(a: dt.date | None, b: dt.date | None, days: float) -> float:
    if a is None or b is None:
        return 1.0
    return math.exp(-abs((a - b).days) / days)


def _later(a: dt.date | None, b: dt.date | None) -> dt.date | None:
    if a is None:
        return b
    if b is None:
        return a
    return max(a, b)


def day_batches(items: Sequence[Item], undated: int = 50) -> list[list[int]]:
    """Item indexes in publication order, a day at a time; then the undated items in
    their given (arrival) order, ``undated`` at a time."""
    by_day: dict[dt.date, list[int]] = {}
    rest: list[int] = []
    for k, item in enumerate(items):
        if item.published is None:
            rest.append(k)
        else:
            by_day.setdefault(item.published, []).append(k)
    batches = [by_day[d] for d in sorted(by_day)]
    batches += [rest[k : k + undated] for k in range(0, len(rest), undated)]
    return batches
