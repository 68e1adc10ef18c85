"""The incremental story index (``stories.v5``): stories kept current batch by batch.

An article is its hashed, sublinear counts of words and two-word phrases
(``HASH_FEATURES`` wide, English stop words out): fixed features, so nothing
stored ever needs a vocabulary refitted. The index keeps the document
frequency of every feature, so the IDF is always that of everything seen so far
(a feature met in one document only links nothing and weighs 0 once
``MIN_DF_DOCUMENTS`` have been seen).

A story keeps the sum of its members' count vectors, each divided by the length
of its IDF-weighted self when it joined: with the current IDF applied, that sum
dotted with an article's unit vector, over the story's size, is the article's
mean cosine to the members (average linkage) without the members at hand.

Each batch (a day of articles, say) is clustered by average linkage together
with the stories found by blocking (an inverted index of each story's
``TOP_TERMS`` heaviest terms): nodes are the new articles and those stories,
similarities mean cosines, merged while the best pair reaches ``JOIN``. A group
with no story starts one; a group with one story joins it; a group with two or
more merges them (the largest keeps its key; the merge is recorded with its
similarity). Then stories are checked for drift: a story touched by the batch,
or not checked since the corpus doubled, is re-clustered from its members' own
counts with the current IDF (average linkage cut at ``1 - JOIN``) and split
when it falls apart (recorded). A story is checked again when it has grown by
half, so checks cost O(n log n) over a stream.

Members' counts are read through ``CountSource`` (a dict in memory, or the
store), so the index never holds the articles themselves.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

METHOD = "stories.v5"
HASH_FEATURES = 2**22
#: Least mean cosine (current IDF) of two groups for average linkage to join them.
#: Calibrated on the dev pool (``benchmarks/cluster.py --calibrate``).
JOIN = 0.06
TOP_TERMS = 40
MIN_DF_DOCUMENTS = 20
#: A story is re-checked for drift once it has grown by this factor since its last
#: check, or the corpus has (so a stable story is re-read O(log n) times).
RECHECK_GROWTH = 1.5
#: Stories a blocking term may point to before it stops being a useful key
#: (the term is in too many stories to tell them apart).
TERM_STORIES = 200
#: Similarities fall by exp(-days apart / DECAY_DAYS) (0 days where the dates of an
#: article and a story's span overlap; undated: no decay), as ``stories.v3``'s.
DECAY_DAYS = 3650.0
#: A story no article has joined for this many articles goes dormant: out of memory
#: and out of blocking (kept in the store), so memory follows the live stories, not
#: the store. At 100,000 articles a day, about five hours of news.
LIVE_DOCUMENTS = 20_000


@dataclass(slots=True)
class Counts:
    """One article's sublinear hashed term counts (features ascending)."""

    features: Any  # int32 array
    weights: Any  # float32 array


class CountSource(Protocol):
    def __call__(self, ids: Sequence[str]) -> Mapping[str, Counts]: ...


@dataclass(slots=True)
class StoryState:
    key: int
    #: Member article ids; None until needed when they live in the store (``members``).
    members: list[str] | None
    features: Any  # int32 array, ascending: the summed member vectors' features
    weights: Any  # float32 array
    size: int = 0
    touched: int = 0  # corpus size when a member last joined (or it was checked)
    checked_size: int = 0  # members at the last drift check
    checked_documents: int = 0  # corpus size at the last drift check
    first: dt.date | None = None
    last: dt.date | None = None
    terms: tuple[int, ...] = ()


@dataclass(slots=True)
class IndexState:
    documents: int = 0
    frequency: Any = None  # int32 array, HASH_FEATURES long
    stories: dict[int, StoryState] = field(default_factory=dict)
    next_key: int = 0


@dataclass(frozen=True, slots=True)
class Event:
    """A change the index made to earlier stories: a merge or a split, with its reason."""

    kind: str  # "merge" | "split"
    story: int  # the story kept (merge) or split
    others: tuple[int, ...]  # merged into ``story`` / the new stories split off
    why: dict[str, Any]


@dataclass(frozen=True, slots=True)
class Placement:
    story: int
    why: dict[str, Any]


@dataclass(slots=True)
class BatchResult:
    placements: list[Placement]
    events: list[Event]
    #: Story key -> its members now, for every story this batch changed.
    changed: dict[int, list[str]]
    removed: set[int]
    #: Earlier articles a merge or split moved: article -> (its story key now, why).
    moved: dict[str, tuple[int, dict[str, Any]]] = field(default_factory=dict)


def hashed_counts(texts: Sequence[str]) -> Any:
    """Sublinear hashed counts of words and two-word phrases (CSR float32, sorted)."""
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


def counts_of(texts: Sequence[str]) -> list[Counts]:
    import numpy as np

    matrix = hashed_counts(texts)
    return [
        Counts(
            matrix.indices[matrix.indptr[k] : matrix.indptr[k + 1]].astype(np.int32),
            matrix.data[matrix.indptr[k] : matrix.indptr[k + 1]].astype(np.float32),
        )
        for k in range(matrix.shape[0])
    ]


def _stack(vectors: Sequence[tuple[Any, Any]]) -> Any:
    import numpy as np
    from scipy.sparse import csr_matrix

    pointers = np.cumsum([0] + [len(f) for f, _ in vectors])
    features = np.concatenate([f for f, _ in vectors]) if vectors else np.zeros(0, np.int32)
    weights = np.concatenate([w for _, w in vectors]) if vectors else np.zeros(0, np.float32)
    return csr_matrix((weights, features, pointers), shape=(len(vectors), HASH_FEATURES))


def _norms(rows: Any) -> Any:
    """Each row's length (1 for a row of zeros, so dividing leaves it zero)."""
    import numpy as np

    row = np.repeat(np.arange(rows.shape[0]), np.diff(rows.indptr))
    squares = np.bincount(row, weights=rows.data.astype(np.float64) ** 2, minlength=rows.shape[0])
    norms = np.sqrt(squares)
    norms[norms == 0] = 1.0
    return norms


def _scaled(rows: Any, factors: Any) -> Any:
    """Rows each multiplied by its factor (no product over the hashed width)."""
    import numpy as np

    out = rows.copy()
    out.data = (out.data * np.repeat(factors, np.diff(out.indptr))).astype(np.float32)
    return out


def _unit(rows: Any) -> Any:
    return _scaled(rows, 1.0 / _norms(rows))


def _compact(*matrices: Any) -> list[Any]:
    """The matrices over only the features they use (products over 2^22 columns are slow)."""
    import numpy as np
    from scipy.sparse import csr_matrix

    indices = np.concatenate([m.indices for m in matrices])
    if indices.size < 2**18:
        used = np.unique(indices)
        return [
            csr_matrix(
                (m.data, np.searchsorted(used, m.indices), m.indptr),
                shape=(m.shape[0], len(used)),
            )
            for m in matrices
        ]
    # Many entries: a bitmap of the hashed width beats sorting them.
    mark = np.zeros(HASH_FEATURES, dtype=bool)
    mark[indices] = True
    position = np.cumsum(mark, dtype=np.int32) - 1
    width = int(position[-1]) + 1
    return [
        csr_matrix((m.data, position[m.indices], m.indptr), shape=(m.shape[0], width))
        for m in matrices
    ]


def _dot(a: Any, b: Any) -> Any:
    """Dense ``a @ b.T`` of two sparse row sets."""
    left, right = _compact(a, b)
    return (left @ right.T).toarray()


def _row_sum(rows: Any) -> tuple[Any, Any]:
    """The sum of some rows as (features ascending, weights), zeros dropped."""
    import numpy as np

    features, where = np.unique(rows.indices, return_inverse=True)
    weights = np.bincount(where, weights=rows.data, minlength=len(features))
    keep = weights != 0
    return features[keep].astype(np.int32), weights[keep].astype(np.float32)


def _decay(spans: Sequence[tuple[dt.date | None, dt.date | None]], days: float) -> Any:
    """exp(-gap / days) for every pair of date spans (an article's is one day); the gap
    is 0 where the spans overlap, and a span of unknown dates decays nothing."""
    import numpy as np

    first = np.array([a.toordinal() if a else np.nan for a, _ in spans], dtype=float)
    last = np.array([b.toordinal() if b else np.nan for _, b in spans], dtype=float)
    gap = np.maximum(first[None, :] - last[:, None], first[:, None] - last[None, :])
    gap = np.clip(gap, 0.0, None)
    return np.where(np.isnan(gap), 1.0, np.exp(-np.nan_to_num(gap) / days))


def average_groups(similarity: Any, sizes: Sequence[int], join: float) -> list[list[int]]:
    """Average linkage over nodes of given sizes (Lance-Williams), merged while ≥ ``join``.

    ``similarity[i, j]`` is the mean similarity between the members of nodes i and j.
    Nodes in different components of the graph of pairs at ``join`` or more never merge
    (a mean of pairs all below ``join`` is below it), so each component is linked alone.
    """
    import numpy as np
    from scipy.sparse import csr_matrix
    from scipy.sparse.csgraph import connected_components

    matrix = np.asarray(similarity, dtype=np.float64)
    n = len(sizes)
    if n == 0:
        return []
    edges = matrix >= join
    np.fill_diagonal(edges, False)
    _, component = connected_components(csr_matrix(edges), directed=False)
    members: dict[int, list[int]] = {}
    for node, label in enumerate(component):
        members.setdefault(int(label), []).append(node)
    groups: list[list[int]] = []
    for nodes in members.values():
        if len(nodes) == 1:
            groups.append(nodes)
            continue
        local = _link(matrix[np.ix_(nodes, nodes)], [sizes[k] for k in nodes], join)
        groups += [[nodes[k] for k in group] for group in local]
    return sorted(groups, key=min)


def _link(similarity: Any, sizes: Sequence[int], join: float) -> list[list[int]]:
    """Average linkage of one component (see ``average_groups``)."""
    import numpy as np

    n = len(sizes)
    sim = np.array(similarity, dtype=np.float64, copy=True)
    np.fill_diagonal(sim, -np.inf)
    size = np.array(sizes, dtype=np.float64)
    groups: list[list[int]] = [[k] for k in range(n)]
    alive = np.ones(n, dtype=bool)
    while n > 1:
        flat = int(np.argmax(sim))
        i, j = divmod(flat, sim.shape[0])
        if not sim[i, j] >= join:
            break
        merged = (size[i] * sim[i] + size[j] * sim[j]) / (size[i] + size[j])
        sim[i, :] = merged
        sim[:, i] = merged
        sim[i, i] = -np.inf
        sim[j, :] = -np.inf
        sim[:, j] = -np.inf
        size[i] += size[j]
        groups[i] += groups[j]
        groups[j] = []
        alive[j] = False
    return [g for g, a in zip(groups, alive, strict=True) if a and g]


class StoryIndex:
    """Feed batches of articles (``add``); stories are placed, merged and split."""

    def __init__(
        self,
        counts: CountSource | None = None,
        state: IndexState | None = None,
        *,
        members: Callable[[int], list[str]] | None = None,
        live_documents: int = LIVE_DOCUMENTS,
        decay_days: float = DECAY_DAYS,
        join: float = JOIN,
        recheck_growth: float = RECHECK_GROWTH,
        merge_pass: bool = True,
        temporary_keys: bool = False,
    ) -> None:
        self.state = state or IndexState()
        self.join = join
        self.recheck_growth = recheck_growth
        self.merge_pass = merge_pass
        self.live_documents = live_documents
        self.decay_days = decay_days
        self._member_source = members
        self.temporary_keys = temporary_keys
        if temporary_keys:
            self.state.next_key = -1
        if self.state.frequency is None:
            import numpy as np

            self.state.frequency = np.zeros(HASH_FEATURES, dtype=np.int32)
        self._memory: dict[str, Counts] = {}
        self._moved: dict[str, tuple[int, dict[str, Any]]] = {}
        self._batch: dict[str, Counts] = {}
        self._checked: set[int] = set()
        self._counts: CountSource = counts or self._from_memory
        self._by_term: dict[int, set[int]] = {}
        for story in self.state.stories.values():
            if not story.terms:
                story.terms = self._top(story.features, story.weights)
            self._index(story)

    def members(self, story: StoryState) -> list[str]:
        """The story's member ids (read from the store the first time they are needed)."""
        if story.members is None:
            if self._member_source is None:
                raise ValueError(f"story {story.key}: no members and no source for them")
            story.members = list(self._member_source(story.key))
        return story.members

    def forget_members(self) -> None:
        """Drop the member lists read so far (they are in the store): memory stays small."""
        if self._member_source is not None:
            for story in self.state.stories.values():
                story.members = None

    def retire(self) -> list[int]:
        """Put to sleep the stories no article joined for ``live_documents`` articles."""
        oldest = self.state.documents - self.live_documents
        dormant = [k for k, s in self.state.stories.items() if s.touched < oldest]
        for key in dormant:
            self._unindex(self.state.stories.pop(key))
        return dormant

    def _from_memory(self, ids: Sequence[str]) -> Mapping[str, Counts]:
        return {i: self._memory[i] for i in ids}

    def _lookup(self, ids: Sequence[str]) -> dict[str, Counts]:
        """Members' counts: this batch's as given, the others' from the source."""
        found = {i: self._batch[i] for i in ids if i in self._batch}
        missing = [i for i in ids if i not in found]
        if missing:
            found.update(self._counts(missing))
        return found

    # -- weights ---------------------------------------------------------------

    def _idf(self, features: Any) -> Any:
        import numpy as np

        df = self.state.frequency[features].astype(np.float32)
        idf = np.log((1.0 + self.state.documents) / (1.0 + df)) + 1.0
        if self.state.documents >= MIN_DF_DOCUMENTS:
            idf = np.where(df >= 2, idf, 0.0)
        return idf.astype(np.float32)

    def _weighted(self, rows: Any) -> Any:
        """Rows (CSR over the hashed features) times the current IDF."""
        rows = rows.tocsr(copy=True)
        rows.data = rows.data * self._idf(rows.indices)
        return rows

    def _story_rows(self, keys: Sequence[int]) -> Any:
        stories = self.state.stories
        return self._weighted(_stack([(stories[k].features, stories[k].weights) for k in keys]))

    # -- blocking --------------------------------------------------------------

    def _index(self, story: StoryState) -> None:
        for term in story.terms:
            self._by_term.setdefault(term, set()).add(story.key)

    def _unindex(self, story: StoryState) -> None:
        for term in story.terms:
            keys = self._by_term.get(term)
            if keys is not None:
                keys.discard(story.key)
                if not keys:
                    del self._by_term[term]

    def _top(self, features: Any, weights: Any) -> tuple[int, ...]:
        import numpy as np

        weighted = weights * self._idf(features)
        top = np.argsort(-weighted, kind="stable")[:TOP_TERMS]
        return tuple(int(f) for f in features[top])

    def _candidates(self, unit: Any) -> list[int]:
        import numpy as np

        found: set[int] = set()
        for k in range(unit.shape[0]):
            row = unit.getrow(k)
            top = np.argsort(-row.data, kind="stable")[:TOP_TERMS]
            for term in row.indices[top]:
                keys = self._by_term.get(int(term))
                if keys and len(keys) <= TERM_STORIES:
                    found |= keys
        return sorted(found)

    # -- story state -------------------------------------------------------------

    def _new_key(self) -> int:
        key = self.state.next_key
        self.state.next_key += -1 if self.temporary_keys else 1
        return key

    def rename(self, temporary: int, key: int) -> None:
        """Give a story started here (a temporary key) its lasting key (a story id)."""
        story = self.state.stories.pop(temporary)
        self._unindex(story)
        story.key = key
        self.state.stories[key] = story
        self._index(story)

    def adopt(self, key: int, members: Sequence[str], counts: Mapping[str, Counts]) -> None:
        """Take in a story made elsewhere (a store clustered before this index)."""
        import numpy as np

        for member in members:
            np.add.at(self.state.frequency, counts[member].features, 1)
        self.state.documents += len(members)
        story = StoryState(key, list(members), _ints(), _floats(), size=len(members))
        story.touched = self.state.documents
        self.state.stories[key] = story
        self._refresh(story, counts)

    def _refresh(self, story: StoryState, counts: Mapping[str, Counts]) -> None:
        """The story's sum from its members' counts with the current IDF."""
        rows = _stack([(counts[m].features, counts[m].weights) for m in self.members(story)])
        self._set_sum(story, *_row_sum(_scaled(rows, 1.0 / _norms(self._weighted(rows)))))

    def _set_sum(self, story: StoryState, features: Any, weights: Any) -> None:
        self._unindex(story)
        story.features, story.weights = features, weights
        story.terms = self._top(features, weights)
        self._index(story)

    def _add_rows(self, story: StoryState, rows: Any) -> None:
        """Add unit-scaled member rows (CSR, already divided by their weighted norms)."""
        from scipy.sparse import vstack

        both = vstack([_stack([(story.features, story.weights)]), rows]).tocsr()
        self._set_sum(story, *_row_sum(both))

    # -- one batch -------------------------------------------------------------

    def add(
        self,
        ids: Sequence[str],
        texts: Sequence[str],
        days: Sequence[dt.date | None] | None = None,
        *,
        counts: Sequence[Counts] | None = None,
    ) -> BatchResult:
        """Place one batch; returns placements (in order), merges and splits, changes."""
        import numpy as np

        days = list(days) if days is not None else [None] * len(ids)
        self._moved = {}
        if counts is None:
            counts = counts_of(texts)
        if not ids:
            return BatchResult([], [], {}, set())
        self._batch = dict(zip(ids, counts, strict=True))
        if self._counts == self._from_memory:
            self._memory.update(self._batch)
        state = self.state
        raw = _stack([(c.features, c.weights) for c in counts])
        np.add.at(state.frequency, raw.indices, 1)
        state.documents += len(ids)
        weighted = self._weighted(raw)
        norms = _norms(weighted)
        unit = _scaled(weighted, 1.0 / norms)
        scaled = _scaled(raw, 1.0 / norms)  # the rows a story sums

        keys = self._candidates(unit)
        story_rows: Any = self._story_rows(keys) if keys else None
        sizes = [1] * len(ids) + [state.stories[k].size for k in keys]
        n = len(ids)
        similarity = np.zeros((len(sizes), len(sizes)))
        if keys:
            size = np.array(sizes[n:], dtype=np.float64)
            left, right = _compact(unit, story_rows)
            similarity[:n, :n] = (left @ left.T).toarray()
            across = (left @ right.T).toarray() / size[None, :]
            similarity[:n, n:] = across
            similarity[n:, :n] = across.T
            similarity[n:, n:] = (right @ right.T).toarray() / np.outer(size, size)
        else:
            similarity[:n, :n] = _dot(unit, unit)
        if self.decay_days:
            spans = [(d, d) for d in days] + [
                (state.stories[k].first, state.stories[k].last) for k in keys
            ]
            similarity *= _decay(spans, self.decay_days)
        groups = average_groups(similarity, sizes, self.join)

        placements: list[Placement | None] = [None] * n
        events: list[Event] = []
        touched: set[int] = set()
        for group in sorted(groups, key=min):
            articles = [g for g in group if g < n]
            old = sorted((g for g in group if g >= n), key=lambda g: -sizes[g])
            if not articles and len(old) < 2:
                continue
            inner = similarity[np.ix_(group, group)]
            weights_ = np.array([sizes[g] for g in group], dtype=np.float64)
            pairs = float(weights_.sum() ** 2 - (weights_**2).sum())
            off = inner * np.outer(weights_, weights_)
            np.fill_diagonal(off, 0.0)
            mean = float(off.sum() / pairs) if pairs else None
            if old:
                target = state.stories[keys[old[0] - n]]
                for g in old[1:]:
                    events.append(self._absorb(target, keys[g - n], float(similarity[old[0], g])))
                reason: dict[str, Any] = {
                    "joined": True,
                    "method": METHOD,
                    "similarity": round(float(similarity[np.ix_(articles, [old[0]])].mean()), 3)
                    if articles
                    else None,
                }
            else:
                target = StoryState(
                    self._new_key(), [], _ints(), _floats(), touched=state.documents
                )
                state.stories[target.key] = target
                reason = {"joined": False, "method": METHOD}
            if articles:
                self.members(target).extend(ids[a] for a in articles)
                target.size += len(articles)
                target.touched = state.documents
                for a in articles:
                    target.first = _earliest(target.first, days[a])
                    target.last = _latest(target.last, days[a])
                self._add_rows(target, scaled[articles])
            touched.add(target.key)
            for a in articles:
                placements[a] = Placement(
                    target.key,
                    {
                        **reason,
                        "group": len(articles),
                        "group_similarity": round(mean, 3) if mean is not None else None,
                        "candidates": len(keys),
                    },
                )
        events += self._check(touched)
        removed = {e.others[0] for e in events if e.kind == "merge"}
        changed = {
            k: list(self.members(state.stories[k]))
            for k in touched | self._checked | {k for e in events for k in (e.story, *e.others)}
            if k in state.stories
        }
        removed -= set(changed)
        # A drift check may have moved an article placed above: the final story counts.
        final = {m: key for key, members in changed.items() for m in members}
        done = [Placement(final[ids[k]], p.why) for k, p in enumerate(placements) if p is not None]
        batch = set(ids)
        moved = {m: found for m, found in self._moved.items() if m not in batch}
        return BatchResult(done, events, changed, removed, moved)

    # -- drift ---------------------------------------------------------------------

    def _check(self, touched: set[int]) -> list[Event]:
        """Stories due a check: split those that fell apart, merge those that came together.

        A story is due when the batch touched it and it has grown by ``recheck_growth``
        since its last check, or when the corpus has grown by that factor since (the
        IDF it was judged with has changed): a singleton then looks for a story to join.
        """
        documents = self.state.documents
        due: list[StoryState] = []
        for story in self.state.stories.values():
            grown = story.size >= self.recheck_growth * max(story.checked_size, 1)
            old = documents >= self.recheck_growth * max(story.checked_documents, 1)
            if (story.key in touched and grown) or old:
                due.append(story)
        events: list[Event] = []
        self._checked = {s.key for s in due}
        for story in due:
            if story.size > 1:
                events += self._split(story)
            else:
                story.checked_size, story.checked_documents = 1, documents
        if self.merge_pass:
            events += self._merge([s.key for s in due if s.key in self.state.stories])
        return events

    def _merge(self, keys: Sequence[int]) -> list[Event]:
        """Merge checked stories with the stories their terms block with, by average linkage."""
        import numpy as np

        if not keys:
            return []
        stories = self.state.stories
        found: set[int] = set(keys)
        for key in keys:
            for term in stories[key].terms:
                near = self._by_term.get(term)
                if near and len(near) <= TERM_STORIES:
                    found |= near
        nodes = sorted(found)
        if len(nodes) < 2:
            return []
        rows = self._story_rows(nodes)
        size = np.array([stories[k].size for k in nodes], dtype=np.float64)
        similarity = _dot(rows, rows) / np.outer(size, size)
        if self.decay_days:
            spans = [(stories[k].first, stories[k].last) for k in nodes]
            similarity *= _decay(spans, self.decay_days)
        events: list[Event] = []
        for group in average_groups(similarity, size.astype(int).tolist(), self.join):
            if len(group) < 2:
                continue
            group = sorted(group, key=lambda g: -size[g])
            target = stories[nodes[group[0]]]
            for g in group[1:]:
                events.append(self._absorb(target, nodes[g], float(similarity[group[0], g])))
        return events

    def _absorb(self, target: StoryState, key: int, similarity: float) -> Event:
        """Merge story ``key`` into ``target`` (the larger); the event says why."""
        other = self.state.stories.pop(key)
        self._unindex(other)
        event = Event(
            "merge",
            target.key,
            (other.key,),
            {
                "method": METHOD,
                "similarity": round(similarity, 3),
                "sizes": [target.size, other.size],
            },
        )
        for member in self.members(other):
            self._moved[member] = (target.key, {**event.why, "event": "merge"})
        self.members(target).extend(self.members(other))
        target.size += other.size
        target.touched = max(target.touched, other.touched)
        target.first = _earliest(target.first, other.first)
        target.last = _latest(target.last, other.last)
        self._add_rows(target, _stack([(other.features, other.weights)]))
        return event

    def _split(self, story: StoryState) -> list[Event]:
        import numpy as np
        from scipy.cluster.hierarchy import fcluster, linkage
        from scipy.spatial.distance import squareform

        members = self.members(story)
        counts = self._lookup(members)
        rows = _stack([(counts[m].features, counts[m].weights) for m in members])
        unit = _unit(self._weighted(rows))
        distance = np.clip(1.0 - _dot(unit, unit), 0.0, None)
        distance = (distance + distance.T) / 2
        np.fill_diagonal(distance, 0.0)
        tree = linkage(squareform(distance, checks=False), method="average")
        labels = fcluster(tree, t=1.0 - self.join, criterion="distance")
        story.checked_size = story.size
        story.checked_documents = self.state.documents
        parts: dict[int, list[str]] = {}
        for member, label in zip(members, labels, strict=True):
            parts.setdefault(int(label), []).append(member)
        ordered = sorted(parts.values(), key=len, reverse=True)
        if len(ordered) == 1:
            self._refresh(story, counts)
            return []
        story.members = ordered[0]
        story.size = len(ordered[0])
        self._refresh(story, counts)
        new: list[int] = []
        for members in ordered[1:]:
            part = StoryState(
                self._new_key(),
                members,
                _ints(),
                _floats(),
                size=len(members),
                touched=story.touched,
                first=story.first,  # the members' own dates are not kept here:
                last=story.last,  # the span it was split from bounds them
                checked_size=len(members),
                checked_documents=self.state.documents,
            )
            self.state.stories[part.key] = part
            self._refresh(part, counts)
            new.append(part.key)
            for member in members:
                why = {"method": METHOD, "event": "split", "from": story.key}
                self._moved[member] = (part.key, why)
        return [
            Event(
                "split",
                story.key,
                tuple(new),
                {
                    "method": METHOD,
                    "sizes": [len(m) for m in ordered],
                    "cut": round(1.0 - self.join, 3),
                },
            )
        ]


def _earliest(a: dt.date | None, b: dt.date | None) -> dt.date | None:
    return b if a is None else a if b is None else min(a, b)


def _latest(a: dt.date | None, b: dt.date | None) -> dt.date | None:
    return b if a is None else a if b is None else max(a, b)


def _ints() -> Any:
    import numpy as np

    return np.zeros(0, dtype=np.int32)


def _floats() -> Any:
    import numpy as np

    return np.zeros(0, dtype=np.float32)


def stream_cluster(
    batches: Iterable[Sequence[tuple[str, str, dt.date | None]]],
    *,
    on_batch: Callable[[BatchResult], None] | None = None,
    **params: Any,
) -> tuple[dict[str, int], StoryIndex]:
    """Article id -> story key after feeding every batch (in memory; for benchmarks)."""
    index = StoryIndex(**params)
    for batch in batches:
        result = index.add([b[0] for b in batch], [b[1] for b in batch], [b[2] for b in batch])
        if on_batch is not None:
            on_batch(result)
    story_of = {m: key for key, s in index.state.stories.items() for m in index.members(s)}
    return story_of, index


# -- stored form ---------------------------------------------------------------------


def counts_bytes(counts: Counts) -> tuple[bytes, bytes]:
    import numpy as np

    return (
        np.asarray(counts.features, dtype="<i4").tobytes(),
        np.asarray(counts.weights, dtype="<f4").tobytes(),
    )


def counts_from(features: bytes, weights: bytes) -> Counts:
    import numpy as np

    return Counts(
        np.frombuffer(features, dtype="<i4").astype(np.int32),
        np.frombuffer(weights, dtype="<f4").astype(np.float32),
    )


def frequency_bytes(frequency: Any) -> bytes:
    import zlib

    import numpy as np

    return zlib.compress(np.asarray(frequency, dtype="<i4").tobytes(), 1)


def frequency_from(blob: bytes) -> Any:
    import zlib

    import numpy as np

    return np.frombuffer(zlib.decompress(blob), dtype="<i4").astype(np.int32)


def story_fields(story: StoryState) -> dict[str, Any]:
    """What the store keeps of a story's state (``StoryIndexRow`` columns)."""
    features, weights = counts_bytes(Counts(story.features, story.weights))
    return {
        "features": features,
        "weights": weights,
        "size": story.size,
        "touched": story.touched,
        "checked_size": story.checked_size,
        "checked_documents": story.checked_documents,
        "first": story.first.isoformat() if story.first else None,
        "last": story.last.isoformat() if story.last else None,
    }


def story_from(row: Any) -> StoryState:
    """A story's state as the store keeps it (members read when needed)."""
    counts = counts_from(row.features, row.weights)
    return StoryState(
        row.story_id,
        None,
        counts.features,
        counts.weights,
        size=row.size,
        touched=row.touched,
        checked_size=row.checked_size,
        checked_documents=row.checked_documents,
        first=dt.date.fromisoformat(row.first) if row.first else None,
        last=dt.date.fromisoformat(row.last) if row.last else None,
    )
