"""Blocking for fuzzy matching: which pairs of texts can match at all.

``scoring_pairs`` finds every pair of short texts (names) that a rapidfuzz scorer
scores R or more: rapidfuzz's ``cdist`` scores all pairs in C, a block of rows at a
time, and each pair it keeps is scored again by the scorer itself, so the result is
the scorer's own test on every pair, only without a Python call per pair (issue #22).

``partial_match_candidates`` finds, for rapidfuzz's ``fuzz.partial_ratio`` and a
minimum score R, a superset of the pairs of texts that score R or more, so that only
those are scored instead of every pair (issue #22). No pair it leaves out can score R:

``partial_ratio`` aligns the shorter text s (m characters) with windows of the longer
one no longer than s and scores ``100 * (1 - d / (m + w))``, d the characters deleted
from s or inserted into it to make the window (w characters). A score of R or more
allows ``d <= (100 - R) * 2m / 100``; D is that, rounded down, plus one for the
rounding of scores. Each character deleted from s breaks at most the 3 character
trigrams of s that hold it, each one inserted at most the 2 that span it, so at most
3D trigram positions of s break: of the k distinct trigrams of s, at least k - 3D
appear in the window, and so in the longer text. A pair whose shorter text shares
fewer of its trigrams with the other is left out. The shared counts come from one
sparse product of trigram sets, a block of rows at a time; a text with k - 3D <= 0
(too short for the bound) is paired with every other.

Tried and left out (issue #22, the 6,639 quotes of 381 Timeline17 articles, R 92):
leaving very common trigrams out of the product. Counting without them lowers each
bound by the common trigrams of the text: with those in over 20% of texts left out,
candidates grow from 300k to 1.1M pairs; counting them back exactly (bitsets) keeps
the 300k but costs what it saves (1.96-2.45 s against 2.42 s), because English
trigrams are spread too evenly for the product to become sparse.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence
from typing import Any

GRAM = 3
#: How many shared counts the sparse product holds at once (a block of rows against
#: the rows before them).
BLOCK_CELLS = 8_000_000


def _trigram_sets(texts: Sequence[str]) -> Any:
    """The texts as rows of 0/1 trigram indicators (a sparse int32 matrix)."""
    import numpy as np
    from scipy import sparse

    vocabulary: dict[str, int] = {}
    rows: list[int] = []
    columns: list[int] = []
    for row, text in enumerate(texts):
        grams = {text[i : i + GRAM] for i in range(len(text) - GRAM + 1)}
        for gram in grams:
            rows.append(row)
            columns.append(vocabulary.setdefault(gram, len(vocabulary)))
    return sparse.csr_matrix(
        (np.ones(len(rows), dtype=np.int32), (rows, columns)),
        shape=(len(texts), max(len(vocabulary), 1)),
    )


def partial_match_candidates(texts: Sequence[str], min_score: float) -> list[list[int]]:
    """For each text, the earlier texts that may score ``min_score`` or more with it.

    Args:
        texts: the texts, in order.
        min_score: the ``fuzz.partial_ratio`` score (0-100) a pair must reach.

    Returns:
        One list per text of the indexes of earlier texts, ascending. Every pair that
        scores ``min_score`` or more is in it (see the module docstring); most pairs
        that do not are not.

    Example:
        >>> partial_match_candidates(
        ...     ["we will fight to the last man", "officials declined to comment",
        ...      "he said we will fight to the last man"], 92)
        [[], [], [0]]
    """
    import numpy as np

    n = len(texts)
    if n == 0:
        return []
    indicators = _trigram_sets(texts)
    lengths = np.array([len(t) for t in texts])
    distinct = np.asarray(indicators.sum(axis=1)).ravel()
    edits = ((100 - min_score) * 2 * lengths / 100).astype(np.int64) + 1
    need = distinct - GRAM * edits
    unbounded = need <= 0
    found: list[set[int]] = [set() for _ in range(n)]
    step = max(1, BLOCK_CELLS // n)
    for first in range(0, n, step):
        last = min(first + step, n)
        shared = (indicators[first:last] @ indicators[:last].T).tocoo()
        rows = shared.row + first
        earlier = shared.col < rows
        rows, columns, counts = rows[earlier], shared.col[earlier], shared.data[earlier]
        # The bound is the shorter text's; of two as long, either may be the one aligned.
        shorter = np.where(
            lengths[rows] < lengths[columns],
            need[rows],
            np.where(
                lengths[columns] < lengths[rows],
                need[columns],
                np.minimum(need[rows], need[columns]),
            ),
        )
        keep = counts >= shorter
        for row, column in zip(rows[keep].tolist(), columns[keep].tolist(), strict=True):
            found[row].add(column)
    every_unbounded = np.flatnonzero(unbounded).tolist()
    for row in range(n):
        if unbounded[row]:
            found[row].update(range(row))
        else:
            found[row].update(every_unbounded[: bisect_left(every_unbounded, row)])
    return [sorted(columns) for columns in found]


#: ``cdist`` keeps pairs from this much under the score asked, so that no pair is lost to
#: a difference in the last bit of its score; the scorer then decides.
CDIST_SLACK = 1.0


def scoring_pairs(
    texts: Sequence[str], min_score: float, scorer: Callable[..., float]
) -> list[tuple[int, int]]:
    """Every pair of texts that ``scorer`` scores ``min_score`` or more.

    Args:
        texts: the texts (short ones: names).
        min_score: the score (0-100) a pair must reach.
        scorer: a rapidfuzz scorer (``fuzz.ratio``, ``fuzz.token_sort_ratio``...),
            symmetric in its two texts.

    Returns:
        The pairs ``(i, j)``, ``i < j``, ascending: exactly those with
        ``scorer(texts[i], texts[j]) >= min_score``.

    Example:
        >>> from rapidfuzz import fuzz
        >>> scoring_pairs(["khatib", "khateeb", "lavrov"], 80, fuzz.ratio)
        [(0, 1)]
    """
    import numpy as np
    from rapidfuzz import process

    n = len(texts)
    pairs: list[tuple[int, int]] = []
    step = max(1, BLOCK_CELLS // max(n, 1))
    for first in range(0, n, step):
        scores = process.cdist(
            texts[first : first + step],
            texts,
            scorer=scorer,
            score_cutoff=max(min_score - CDIST_SLACK, 0.0),
            dtype=np.float64,
        )
        for row, column in zip(*np.nonzero(scores), strict=True):
            i, j = first + int(row), int(column)
            if i < j and scorer(texts[i], texts[j]) >= min_score:
                pairs.append((i, j))
    return pairs


def scoring_choices(
    query: str, choices: Sequence[str], min_score: float, scorer: Callable[..., float]
) -> list[int]:
    """The indexes, ascending, of the choices that ``scorer`` scores ``min_score`` or
    more with ``query`` (``scorer(choice, query)``, as a loop over them would score)."""
    from rapidfuzz import process

    found = process.extract(
        query,
        choices,
        scorer=scorer,
        score_cutoff=max(min_score - CDIST_SLACK, 0.0),
        limit=None,
    )
    return sorted(k for _, _, k in found if scorer(choices[k], query) >= min_score)


__all__ = ["partial_match_candidates", "scoring_choices", "scoring_pairs"]
