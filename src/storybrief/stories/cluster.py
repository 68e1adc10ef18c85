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

``StoryIndex`` (``stories.v4``) is an incremental index that keeps per-story state
(hashed TF-IDF centroid, name counts, date span) instead of the articles, finds
candidate stories by blocking, and is fed a day at a time. It is measured in
``benchmarks/cluster.py`` but not used by ``cluster_store``: it scores below v3.

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


# -- stories.v4: the incremental story index ---------------------------------------

INDEX_METHOD = "stories.v4"
#: Hashed feature space of words and two-word phrases: fixed, so a stored centroid
#: never needs the vocabulary refitted (a collision costs a little precision).
HASH_FEATURES = 2**20
#: The cut that groups a batch (as ``BATCH_DISTANCE``; not recalibrated for v4).
INDEX_DISTANCE = 0.95
#: Least score (cosine to the story's centroid x decay, plus ``INDEX_NAME_WEIGHT`` x
#: name overlap, over 1 + that weight) for a group to join a story. Chosen with the
#: name weight by ``benchmarks/cluster.py --calibrate`` on the dev pool (B³ F1 88.4 at
#: 0.12 and weight 0.75; the neighbours 0.10 and 0.14 gave 82.8 and 87.0).
INDEX_JOIN = 0.12
INDEX_NAME_WEIGHT = 0.75
INDEX_DECAY_DAYS = 3650.0  # as BATCH_DECAY_DAYS
#: Days either side of a story's first and last member in which a shared name makes
#: it a candidate (the name blocking of dated articles).
NAME_WINDOW_DAYS = 30
#: Terms (by TF-IDF weight) a story and an article are indexed under for blocking.
TOP_TERMS = 40
#: Documents the index must have seen before a term met once is dropped: among two or
#: three articles the few shared terms would be all of each vector (judgement call, as
#: v3 keeps every term under three texts; it only touches a store's first articles).
MIN_DF_DOCUMENTS = 20
#: Names a story keeps (by how many members name them).
STORY_NAMES = 200


@dataclass(slots=True)
class StoryState:
    """What the index keeps of one story: enough to score an article against it.

    The centroid (``features``, ``weights``) is the sum over members of their
    sublinear hashed term counts, each scaled to unit length: it does not depend on
    the IDF, which is applied (from the document frequencies so far) when an article
    is scored against it, so it never goes stale as the frequencies grow.
    """

    key: int
    count: int
    features: Any  # int32 array, ascending
    weights: Any  # float32 array
    names: dict[str, int] = field(default_factory=dict)  # name -> members naming it
    name_total: int = 0  # sum of the members' name-set sizes
    day_sum: int = 0  # sum of the dated members' day ordinals
    dated: int = 0
    first: dt.date | None = None
    last: dt.date | None = None
    terms: tuple[int, ...] = ()  # the blocking terms it is indexed under


@dataclass(slots=True)
class IndexState:
    """The index as stored: document frequencies and the stories' states."""

    documents: int = 0
    #: Documents per hashed feature (int32, ``HASH_FEATURES`` long); None: none yet.
    frequency: Any = None
    stories: dict[int, StoryState] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Placement:
    """Where one article went: a story key (negative: a story started in this batch)."""

    story: int
    why: dict[str, Any]


class StoryIndex:
    """Incremental story clustering: feed batches (a day of articles), get placements.

    Candidates for each new article come from blocking, never from every story:
    stories sharing a capitalised name with it (dated: within ``NAME_WINDOW_DAYS``
    of the story's span) or one of its ``TOP_TERMS`` heaviest TF-IDF terms. A batch
    is first grouped by average linkage cut at ``distance`` (as ``stories.v3``),
    then each group joins the candidate story with the best mean score (see
    ``INDEX_JOIN``) if it reaches ``join``, else starts a story. Stories never
    merge: when a group reaches ``join`` with two stories, it joins the better and
    records the others (``also_close``). ``exhaustive`` scores every story instead
    of the candidates (to measure what blocking loses).

    Not wired into ``cluster_store``: on the benchmark stream it scores below the
    batch method (``benchmarks/results/cluster.md``).
    """

    def __init__(
        self,
        state: IndexState | None = None,
        *,
        distance: float = INDEX_DISTANCE,
        join: float = INDEX_JOIN,
        name_weight: float = INDEX_NAME_WEIGHT,
        decay_days: float = INDEX_DECAY_DAYS,
        exhaustive: bool = False,
    ) -> None:
        self.state = state or IndexState()
        self.distance = distance
        self.join = join
        self.exhaustive = exhaustive
        self.name_weight = name_weight
        self.decay_days = decay_days
        self._next_new = -1
        self._by_name: dict[str, set[int]] = {}
        self._by_term: dict[int, set[int]] = {}
        self.changed: set[int] = set()
        for story in self.state.stories.values():
            self._index(story)

    # -- blocking --------------------------------------------------------------

    def _index(self, story: StoryState) -> None:
        for name in story.names:
            self._by_name.setdefault(name, set()).add(story.key)
        for term in story.terms:
            self._by_term.setdefault(term, set()).add(story.key)

    def _unindex(self, story: StoryState) -> None:
        for name in story.names:
            self._by_name.get(name, set()).discard(story.key)
        for term in story.terms:
            self._by_term.get(term, set()).discard(story.key)

    def _candidates(self, names: set[str], terms: Sequence[int], day: dt.date | None) -> set[int]:
        found: set[int] = set()
        for term in terms:
            found |= self._by_term.get(term, set())
        window = dt.timedelta(days=NAME_WINDOW_DAYS)
        stories = self.state.stories
        for name in names:
            for key in self._by_name.get(name, ()):
                story = stories[key]
                if (
                    day is None
                    or story.first is None
                    or story.last is None
                    or story.first - window <= day <= story.last + window
                ):
                    found.add(key)
        return found

    # -- vectors -----------------------------------------------------------------

    def _counts(self, texts: Sequence[str]) -> Any:
        """Sublinear hashed counts of words and two-word phrases (CSR, float32)."""
        import numpy as np
        from sklearn.feature_extraction.text import HashingVectorizer

        counts = HashingVectorizer(
            n_features=HASH_FEATURES,
            ngram_range=(1, 2),
            stop_words="english",
            alternate_sign=False,
            norm=None,
        ).transform(list(texts))
        counts = counts.astype(np.float32).tocsr()
        counts.data = 1.0 + np.log(counts.data)
        counts.sort_indices()
        return counts

    def _idf(self, features: Any) -> Any:
        """Smoothed IDF (as scikit-learn's) of some features, from the documents so far."""
        import numpy as np

        df = self.state.frequency[features].astype(np.float32)
        idf = np.log((1.0 + self.state.documents) / (1.0 + df)) + 1.0
        if self.state.documents < MIN_DF_DOCUMENTS:
            return idf.astype(np.float32)
        # A term in one document so far links nothing: dropped, as ``min_df=2`` in v3.
        return np.where(df >= 2, idf, 0.0).astype(np.float32)

    # -- placing -----------------------------------------------------------------

    def add(self, items: Sequence[Item]) -> list[Placement]:
        """Place one batch (the articles of a day, say); the state is updated."""
        import numpy as np
        from scipy.sparse import csr_matrix

        if not items:
            return []
        counts = self._counts([i.text for i in items])
        if self.state.frequency is None:
            self.state.frequency = np.zeros(HASH_FEATURES, dtype=np.int32)
        np.add.at(self.state.frequency, counts.indices, 1)  # a row holds a feature once
        self.state.documents += len(items)
        used = np.unique(counts.indices)
        idf_used = self._idf(used)
        idf = csr_matrix((idf_used, (np.zeros(len(used), int), used)), shape=(1, HASH_FEATURES))
        weighted = counts.multiply(idf).tocsr()
        unit = _normalised(weighted)
        names = [names_of(i.text) for i in items]
        days = [i.published for i in items]
        groups = self._group(unit, names, days)
        placements: list[Placement | None] = [None] * len(items)
        for group in groups:
            self._place(group, counts, unit, names, days, placements)
        return [p for p in placements if p is not None]

    def _pair_similarity(self, unit: Any, names: Sequence[set[str]], days: Sequence[Any]) -> Any:
        import numpy as np

        similarity = (unit @ unit.T).toarray()
        ordinal = np.array([d.toordinal() if d else np.nan for d in days], dtype=float)
        gap = np.abs(ordinal[:, None] - ordinal[None, :])
        decay = np.where(np.isnan(gap), 1.0, np.exp(-np.nan_to_num(gap) / self.decay_days))
        similarity = similarity * decay
        if self.name_weight:
            similarity = (
                similarity + self.name_weight * _name_jaccard(names, range(len(names)))
            ) / (1 + self.name_weight)
        return similarity

    def _group(self, unit: Any, names: Sequence[set[str]], days: Sequence[Any]) -> list[list[int]]:
        import numpy as np
        from sklearn.cluster import AgglomerativeClustering

        n = unit.shape[0]
        if n == 1:
            return [[0]]
        similarity = self._pair_similarity(unit, names, days)
        labels = AgglomerativeClustering(
            n_clusters=None,
            distance_threshold=self.distance,
            metric="precomputed",
            linkage="average",
        ).fit_predict(np.clip(1.0 - similarity, 0.0, None))
        grouped: dict[int, list[int]] = {}
        for position, label in enumerate(labels):
            grouped.setdefault(int(label), []).append(position)
        return sorted(grouped.values(), key=min)

    def _story_scores(
        self,
        keys: Sequence[int],
        rows: Any,
        names: Sequence[set[str]],
        days: Sequence[dt.date | None],
    ) -> Any:
        """Average similarity of each row (article) to each story: rows x stories."""
        import numpy as np
        from scipy.sparse import csr_matrix

        stories = [self.state.stories[k] for k in keys]
        data = np.concatenate([s.weights for s in stories])
        features = np.concatenate([s.features for s in stories])
        pointers = np.cumsum([0] + [len(s.features) for s in stories])
        data = data * self._idf(features)
        centroids = csr_matrix((data, features, pointers), shape=(len(stories), HASH_FEATURES))
        cosine = (rows @ _normalised(centroids).T).toarray()
        for column, story in enumerate(stories):
            mean_day = story.day_sum / story.dated if story.dated else None
            for row, day in enumerate(days):
                if day is not None and mean_day is not None:
                    cosine[row, column] *= math.exp(
                        -abs(day.toordinal() - mean_day) / self.decay_days
                    )
        if not self.name_weight:
            return cosine
        overlap = np.zeros_like(cosine)
        for column, story in enumerate(stories):
            average = story.name_total / story.count
            for row, found in enumerate(names):
                shared = sum(story.names.get(n, 0) for n in found) / story.count
                union = len(found) + average - shared
                overlap[row, column] = shared / union if union > 0 else 0.0
        return (cosine + self.name_weight * overlap) / (1 + self.name_weight)

    def _terms(self, row: Any) -> list[int]:
        import numpy as np

        top = np.argsort(-row.data)[:TOP_TERMS]
        return [int(f) for f in row.indices[top]]

    def _place(
        self,
        group: list[int],
        counts: Any,
        unit: Any,
        names: Sequence[set[str]],
        days: Sequence[dt.date | None],
        placements: list[Placement | None],
    ) -> None:
        candidates: set[int] = set()
        for k in group:
            candidates |= self._candidates(names[k], self._terms(unit[k]), days[k])
        keys = sorted(self.state.stories) if self.exhaustive else sorted(candidates)
        best: tuple[float, int] | None = None
        close: list[tuple[float, int]] = []
        if keys:
            scores = self._story_scores(
                keys, unit[group], [names[k] for k in group], [days[k] for k in group]
            ).mean(axis=0)
            ranked = sorted(zip(scores.tolist(), keys, strict=True), reverse=True)
            best = ranked[0]
            close = [(s, k) for s, k in ranked[1:] if s >= self.join]
        group_names = set().union(*(names[k] for k in group))
        if best is not None and best[0] >= self.join:
            key = best[1]
            story = self.state.stories[key]
            reason: dict[str, Any] = {
                "joined": True,
                "method": INDEX_METHOD,
                "average_similarity": round(best[0], 3),
                "shared_names": sorted(group_names & set(story.names))[:10],
                "candidates": len(keys),
            }
            if close:  # would bridge two stories: say so, join only the closer
                reason["also_close"] = [
                    {"story": k, "similarity": round(s, 3)} for s, k in close[:3]
                ]
        else:
            key = self._next_new
            self._next_new -= 1
            story = StoryState(key, 0, _empty_int(), _empty_float())
            self.state.stories[key] = story
            reason = {
                "joined": False,
                "method": INDEX_METHOD,
                "best_similarity": round(best[0], 3) if best else None,
                "candidates": len(keys),
            }
        self._absorb(story, group, counts, names, days)
        for k in group:
            placements[k] = Placement(key, {**reason, "group": len(group)})

    def _absorb(
        self,
        story: StoryState,
        group: list[int],
        counts: Any,
        names: Sequence[set[str]],
        days: Sequence[dt.date | None],
    ) -> None:
        import numpy as np
        from scipy.sparse import csr_matrix

        self._unindex(story)
        total = csr_matrix(_normalised(counts[group]).sum(axis=0))
        old = csr_matrix(
            (story.weights, story.features, [0, len(story.features)]),
            shape=(1, HASH_FEATURES),
        )
        merged = (old + total).tocsr()
        merged.sort_indices()
        story.count += len(group)
        story.features = merged.indices.astype(np.int32)
        story.weights = merged.data.astype(np.float32)
        for k in group:
            for name in names[k]:
                story.names[name] = story.names.get(name, 0) + 1
            story.name_total += len(names[k])
            day = days[k]
            if day is not None:
                story.day_sum += day.toordinal()
                story.dated += 1
                story.first = day if story.first is None else min(story.first, day)
                story.last = day if story.last is None else max(story.last, day)
        if len(story.names) > STORY_NAMES:
            kept = sorted(story.names, key=lambda n: (-story.names[n], n))[:STORY_NAMES]
            story.names = {n: story.names[n] for n in kept}
        weighted = story.weights * self._idf(story.features)
        top = np.argsort(-weighted)[:TOP_TERMS]
        story.terms = tuple(int(f) for f in story.features[top])
        self._index(story)
        self.changed.add(story.key)

    def rename(self, temporary: int, key: int) -> None:
        """Give a story started in a batch (negative key) its lasting key (a story id)."""
        story = self.state.stories.pop(temporary)
        self._unindex(story)
        story.key = key
        self.state.stories[key] = story
        self._index(story)
        self.changed.discard(temporary)
        self.changed.add(key)


def _normalised(rows: Any) -> Any:
    """Sparse rows scaled to unit length (rows of zeros stay zero)."""
    import numpy as np
    from scipy.sparse import csr_matrix, diags

    norms = np.sqrt(np.asarray(rows.multiply(rows).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return csr_matrix(diags(1.0 / norms) @ rows)


def _empty_int() -> Any:
    import numpy as np

    return np.zeros(0, dtype=np.int32)


def _empty_float() -> Any:
    import numpy as np

    return np.zeros(0, dtype=np.float32)


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


def index_cluster(
    items: Sequence[Item],
    *,
    batches: Sequence[Sequence[int]] | None = None,
    **params: Any,
) -> tuple[list[int], list[dict[str, Any]]]:
    """Story label per item with the incremental index fed batch by batch (default: days)."""
    index = StoryIndex(**params)
    story_of = [0] * len(items)
    why: list[dict[str, Any]] = [{} for _ in items]
    for batch in batches if batches is not None else day_batches(items):
        for k, placed in zip(batch, index.add([items[k] for k in batch]), strict=True):
            story_of[k] = placed.story
            why[k] = placed.why
    return story_of, why
