"""TF-IDF vectors and their cosines: one helper, its settings named by what they compare.

Every vectorizer drops English stop words and L2-normalises its rows, so a dot
product of two rows is their cosine. The settings differ only where what is
compared differs:

- ``SENTENCES``: sentences and figure contexts compared with each other
  (claims, summary support, sources). Sublinear term frequency, so a word
  repeated in one long sentence does not outweigh the words two sentences share.
- ``EVENT_SENTENCES``: the sentences of one date, merged into timeline events.
  Raw term frequency: ``timeline.SAME_EVENT`` (0.3) and the order of a date's
  events were set with it, and have not been measured with sublinear counts.
- ``ARTICLE_PHRASES``: whole articles for batch story clustering: words and
  two-word phrases seen in two articles or more (``stories.cluster``; B³ in
  benchmarks/cluster.py).
- ``CONTENT_WORDS``: one cluster's documents as their content words or names, to
  find the one that tells another story (``compare.off_story``). Sublinear, as
  ``SENTENCES``: a long page repeating its own words is not closer for it.
- ``ARTICLES``: whole articles in the single-pass clusterer of large streams,
  capped at ``max_features`` terms so a centroid stays a small dense row.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

#: How many cosines ``close_pairs`` holds at once (a block of rows against all
#: rows): 8M float64, 64 MB.
BLOCK_CELLS = 8_000_000


@dataclass(frozen=True, slots=True)
class TfidfSettings:
    """How texts become TF-IDF rows (scikit-learn's ``TfidfVectorizer`` arguments).

    Args:
        sublinear_tf: 1 + log(tf) instead of raw counts.
        ngram_range: the word n-grams counted.
        min_df: terms in fewer texts than this are dropped.
        max_features: keep only this many of the most frequent terms.
    """

    sublinear_tf: bool = True
    ngram_range: tuple[int, int] = (1, 1)
    min_df: int = 1
    max_features: int | None = None


SENTENCES = TfidfSettings()
CONTENT_WORDS = TfidfSettings()
EVENT_SENTENCES = TfidfSettings(sublinear_tf=False)
# Judgement call: min_df 2 came with stories.v3 (commit 86676e0, B³ F1 81.8 in
# benchmarks/results/cluster.md) but was not on the --calibrate grid that chose its cut.
ARTICLE_PHRASES = TfidfSettings(ngram_range=(1, 2), min_df=2)
# Judgement call: 20,000 terms keep a centroid small (the baselines of
# benchmarks/cluster.py use the same cap).
ARTICLES = TfidfSettings(max_features=20_000)


@dataclass(frozen=True, slots=True)
class Vectors:
    """Texts as TF-IDF rows, with the vectorizer that can place other texts in the same space."""

    vectorizer: Any
    matrix: Any

    def transform(self, texts: Sequence[str]) -> Any:
        """Other texts as rows of the same space."""
        return self.vectorizer.transform(list(texts))


def tfidf(texts: Sequence[str], settings: TfidfSettings) -> Vectors | None:
    """The texts as TF-IDF rows; None when they hold no term (empty, or stop words only)."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    vectorizer = TfidfVectorizer(
        stop_words="english",
        sublinear_tf=settings.sublinear_tf,
        ngram_range=settings.ngram_range,
        min_df=settings.min_df,
        max_features=settings.max_features,
    )
    try:
        matrix = vectorizer.fit_transform(list(texts))
    except ValueError:  # no term left ("empty vocabulary"), or none in min_df texts
        return None
    return Vectors(vectorizer, matrix)


def cosine(a: Any, b: Any = None) -> Any:
    """The cosine of every row of ``a`` with every row of ``b`` (default: ``a``), as an array."""
    from sklearn.metrics.pairwise import cosine_similarity

    return cosine_similarity(a, b)


def centrality(matrix: Any) -> Any:
    """The cosine of every row of ``matrix`` with the mean of its rows, as a flat array."""
    import numpy as np

    return cosine(matrix, np.asarray(matrix.mean(axis=0))).ravel()


def sparse_cosine(a: Any) -> Any:
    """The cosine of every row of sparse ``a`` with every row, as a sparse CSR matrix.

    The same numbers as ``cosine(a)``, whose dense array is this product made dense;
    the pairs that share no term (cosine 0) are not stored.
    """
    from sklearn.metrics.pairwise import cosine_similarity

    return cosine_similarity(a, dense_output=False).tocsr()


def close_pairs(matrix: Any, threshold: float) -> list[tuple[Any, Any]]:
    """For each row, the rows whose cosine with it is at least ``threshold``.

    The same cosines as ``cosine(matrix)`` (the same computation, a block of rows at a
    time), without holding the whole square: memory stays at ``BLOCK_CELLS`` and only
    the close pairs are kept, so the caller never walks the pairs below the threshold.

    Returns:
        One ``(columns, cosines)`` pair of arrays per row, columns ascending (the row
        itself included when its cosine with itself reaches the threshold).
    """
    import numpy as np

    rows = matrix.shape[0]
    step = max(1, BLOCK_CELLS // max(rows, 1))
    out: list[tuple[Any, Any]] = []
    for first in range(0, rows, step):
        block = cosine(matrix[first : first + step], matrix)
        for row in block:
            columns = np.flatnonzero(row >= threshold)
            out.append((columns, row[columns]))
    return out


def nearest_groups(matrix: Any, group: Sequence[int], k: int, count: int) -> list[list[int]]:
    """For each of ``count`` groups of rows, the groups compared with it: its ``k``
    nearest by the cosine of their summed rows, and every group that counts it among
    its own ``k``.

    ``group[i]`` is the group of row ``i``, numbered from 0 (a group may have no row).
    Symmetric (``b`` is in ``a``'s list when ``a`` is in ``b``'s) and never lists a
    group itself; with ``k`` or fewer other groups, every other group. A group of no
    row or no term has cosine 0 with all and is compared by the order of its number.
    """
    import numpy as np
    import scipy.sparse as sp

    rows = matrix.shape[0]
    member = sp.csr_matrix((np.ones(rows), (np.asarray(group), np.arange(rows))), (count, rows))
    sums = member @ matrix
    near: list[set[int]] = [set() for _ in range(count)]
    if count <= k + 1:
        return [[b for b in range(count) if b != a] for a in range(count)]
    step = max(1, BLOCK_CELLS // count)
    for first in range(0, count, step):
        block = cosine(sums[first : first + step], sums)
        for offset, row in enumerate(block):
            a = first + offset
            row[a] = -np.inf
            # Ties broken by group number, so the lists do not depend on the sort.
            order = np.lexsort((np.arange(count), -row))[:k]
            for b in order.tolist():
                near[a].add(b)
                near[b].add(a)
    return [sorted(n) for n in near]


def close_pairs_between(
    matrix: Any, group: Sequence[int], compared: Sequence[Sequence[int]], threshold: float
) -> list[tuple[Any, Any]]:
    """For each row, the rows of the groups compared with its own (``compared[g]``, as
    ``nearest_groups`` gives) whose cosine with it is at least ``threshold``.

    The cosines are those of ``close_pairs``; only the pairs of rows whose groups are
    compared are computed, so with a bounded number of compared groups the cost
    grows with the rows, not with their square.

    Returns:
        One ``(columns, cosines)`` pair of arrays per row, columns ascending.
    """
    import numpy as np

    matrix = matrix.tocsr()
    owner = np.asarray(group, dtype=np.int64)
    rows_of = [np.flatnonzero(owner == g) for g in range(len(compared))]
    empty = (np.zeros(0, dtype=np.int64), np.zeros(0))
    out: list[tuple[Any, Any]] = [empty] * matrix.shape[0]
    for g, others in enumerate(compared):
        mine = rows_of[g]
        if not len(mine) or not others:
            continue
        columns = np.sort(np.concatenate([rows_of[b] for b in others]))
        against = matrix[columns].T
        # A hub document's rows against many long documents: a block of its rows at a
        # time, so memory stays at ``BLOCK_CELLS``.
        step = max(1, BLOCK_CELLS // max(len(columns), 1))
        for first in range(0, len(mine), step):
            part = mine[first : first + step]
            # Rows are L2-normalised (every vectorizer here does it): the product is
            # the cosine.
            block = (matrix[part] @ against).toarray()
            for i, row in zip(part.tolist(), block, strict=True):
                close = np.flatnonzero(row >= threshold)
                out[i] = (columns[close], row[close])
    return out
