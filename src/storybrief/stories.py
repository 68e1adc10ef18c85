"""Story clustering: articles join the story they fit, or start a new one.

Method (``stories.v1``), single pass in publication order (so it runs
incrementally over a store): each article is compared with every story's
centroid (mean TF-IDF vector of its members, the 20,000 most frequent words,
IDF from all the articles given) and with the story's names (capitalised name runs:
a cheap stand-in for entities that needs no parse). The score is

    cosine(article, centroid) * decay + NAME_WEIGHT * jaccard(names)

with ``decay = exp(-|days apart| / DECAY_DAYS)`` when both dates are known
(else 1). The article joins the best story if the score reaches ``THRESHOLD``,
else it starts a new one. Every membership records why: the score, the
similarity, the names shared.

The constants were calibrated on a development pool the benchmark does not
use (DUC 2007 update topics, WikiRef220, NewsWCL50 events: 520 articles, 36
stories; ``python benchmarks/cluster.py --calibrate``).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

METHOD = "stories.v1"
THRESHOLD = 0.15
NAME_WEIGHT = 1.0
DECAY_DAYS = 730.0
MAX_NAMES = 40
MAX_FEATURES = 20_000

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
    from sklearn.feature_extraction.text import TfidfVectorizer

    if not items:
        return [], []
    vectorizer = TfidfVectorizer(
        stop_words="english", sublinear_tf=True, min_df=1, max_features=MAX_FEATURES
    )
    matrix = vectorizer.fit_transform([i.text for i in items]).astype(np.float32)
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
