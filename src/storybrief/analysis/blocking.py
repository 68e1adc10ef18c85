"""Blocking for fuzzy matching: which pairs of texts can match at all.

``scoring_pairs`` finds every pair of short texts (names) that a rapidfuzz scorer
scores R or more: rapidfuzz's ``cdist`` scores all pairs in C, a block of rows at a
time, and each pair it keeps is scored again by the scorer itself, so the result is
the scorer's own test on every pair, only without a Python call per pair (issue #22).

``partial_matches`` finds, for rapidfuzz's ``fuzz.partial_ratio`` and a minimum score R,
the pairs of texts that score R or more among those that blocking proposes; each
proposed pair is scored in C (``process.cpdist``), none in a Python loop (issue #22).

Blocking: identical texts are one text (a dict), and copies of a text pair with each
other. Each distinct text is cut into its k-grams (``GRAM``, 6 characters), and a
gram's rarity is the number of distinct texts that hold it. In each run of
``L - GRAM + 1`` consecutive grams (L characters) the text keeps the rarest gram as a
fingerprint (winnowing: Schleimer, Wilkerson and Aiken 2003, with rarity in place of a
random hash): two texts that hold the same L characters hold that run of grams, and
keep the same rarest gram of it. Texts that share a fingerprint are proposed. A gram
held by more than ``RARE_TEXTS`` (64) distinct texts is no fingerprint: each
fingerprint then proposes fewer than 64 partners for a text, so the pairs proposed
grow at most linearly with the texts once the cap binds (short of it, as the square of
the texts sharing each gram: 12k pairs for the 1,513 distinct quotes of 96 Timeline17
'libya' articles, 154k for the 6,095 of 381), where the trigram counts this module used
before, a bound that holds for every pair that scores, proposed 20k and 298k, English
trigrams being spread too evenly for their product to be sparse. Of the proposed
pairs, those whose longest common subsequence is under the bound below are dropped
unscored (rapidfuzz's bit-parallel ``LCSseq``, about 0.5 µs a pair against 4 µs for
``partial_ratio``; 154k -> 12.5k pairs at 381 articles); the rest are scored.

The guarantee: a pair of distinct texts, the shorter m characters long, is scored if
they share a substring of at least L characters (``SHORT_WINDOW`` = 10 when m is under
``SHORT_TEXT`` = 50, else ``LONG_WINDOW`` = 16) in which some 6-gram is held by at most
64 distinct texts; a text shorter than 10 characters is scored with every other; every
pair returned scores R or more (rapidfuzz's own score); copies of a text always pair
(``partial_ratio`` scores a text 100 with itself, the empty one too). The
subsequence test drops no pair that scores: ``partial_ratio`` aligns the shorter text
s with a window t' of the longer text, at most m long, and scores
``200 * lcs(s, t') / (m + |t'|)``; as ``lcs(s, t') <= |t'|``, a score of R or more
needs ``|t'| >= R m / (200 - R)`` and so ``lcs(s, t) >= lcs(s, t') >= R m / (200 - R)``
(one less is asked, for the rounding of scores).

Not every pair that scores R shares such a substring: a copy of a text of 104 letters
with every 13th letter changed, inside a longer text, scores 92.3 and shares no more
than 12 characters with it, and is not found. Copies with one edit (a character changed,
inserted or deleted) keep a substring of at least ``(m - 1) / 2`` characters, with two
edits ``(m - 2) / 3``: with R 92, a copy of a text of 21 characters or more with one edit,
of 50 or more with two, is found whenever that substring holds a 6-gram of at most 64
texts. Measured (issue #22, the quotes of at least 20 characters that ``quotes._group``
compares, R 92, the piles of ``benchmarks/speed.py``): of the pairs that score 92 (all
found by the trigram bound above, each then scored), every one is found, 312 of 312
among the 1,662 quotes of 96 articles and 1,280 of 1,280 among the 6,634 of 381, and
the quote groups are the same (1,597 and 6,354 groups). Blocking and scoring take
0.07 s and 0.38 s of CPU, against 0.29 s and 2.48 s for the trigram product alone.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence
from typing import Any

#: The length of the grams that are fingerprints.
GRAM = 6
#: A pair whose shorter text is shorter than this is proposed on shared runs of
#: ``SHORT_WINDOW`` characters, other pairs on runs of ``LONG_WINDOW``.
SHORT_TEXT = 50
SHORT_WINDOW = 10
LONG_WINDOW = 16
#: A gram held by more distinct texts than this is no fingerprint.
RARE_TEXTS = 64
#: How many shared counts the sparse product holds at once (a block of rows against
#: every row).
BLOCK_CELLS = 8_000_000


def _distinct(values: Any) -> Any:
    """The distinct values of an int64 array, ascending (a sort: numpy 2.4's ``unique``
    hashes, about 100 times as slow on 700k values)."""
    import numpy as np

    values = np.sort(values)
    return values[np.concatenate(([True], values[1:] != values[:-1]))] if len(values) else values


def _gram_ranks(texts: Sequence[str]) -> tuple[Any, Any, Any]:
    """The ``GRAM``-grams of the texts, as ranks from the rarest gram (the fewest texts
    hold it; ties in the grams' order) to the most common.

    Returns:
        ``(owner, rank, held)``: per gram position, in text order then position order,
        the text's index and the gram's rank; per rank, how many texts hold the gram.
    """
    import numpy as np

    n = len(texts)
    lengths = np.fromiter(map(len, texts), dtype=np.int64, count=n)
    counts = np.maximum(lengths - GRAM + 1, 0)
    owner = np.repeat(np.arange(n, dtype=np.int64), counts)
    if not len(owner):
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, empty
    codes = np.frombuffer(
        "".join(texts).encode("utf-32-le", "surrogatepass"), dtype=np.uint32
    ).astype(np.int64)
    at = np.arange(len(owner)) - (np.cumsum(counts) - counts)[owner]
    at += (np.cumsum(lengths) - lengths)[owner]
    letters, dense = np.unique(codes, return_inverse=True)
    base = len(letters)
    packed: Any
    if base**GRAM < 2**62:
        packed = np.zeros(len(owner), dtype=np.int64)
        for offset in range(GRAM):
            packed = packed * base + dense[at + offset]
    else:  # a very large alphabet: the grams as raw bytes
        packed = np.ascontiguousarray(codes[at[:, None] + np.arange(GRAM)])
        packed = packed.view(np.dtype((np.void, 8 * GRAM))).ravel()
    gram = np.unique(packed, return_inverse=True)[1].ravel()
    grams = int(gram.max()) + 1
    held = np.bincount(_distinct(owner * grams + gram) % grams, minlength=grams)
    order = np.lexsort((np.arange(grams), held))
    rank = np.empty(grams, dtype=np.int64)
    rank[order] = np.arange(grams)
    return owner, rank[gram], held[order]


def _fingerprints(owner: Any, rank: Any, held: Any, n: int, size: int) -> Any:
    """Each text's fingerprints for runs of ``size`` characters: the rarest gram of each
    run of ``size - GRAM + 1`` grams, among those held by at most ``RARE_TEXTS`` texts,
    as a sparse 0/1 matrix (texts by gram ranks)."""
    import numpy as np
    from numpy.lib.stride_tricks import sliding_window_view
    from scipy import sparse

    run = size - GRAM + 1
    rows = cols = np.zeros(0, dtype=np.int64)
    if len(rank) >= run:
        lowest = sliding_window_view(rank, run).min(axis=1)
        first = np.arange(len(lowest))
        inside = owner[first] == owner[first + run - 1]
        rows, cols = owner[first][inside], lowest[inside]
        rare = held[cols] <= RARE_TEXTS
        rows, cols = rows[rare], cols[rare]
    return sparse.csr_matrix(
        (np.ones(len(rows), dtype=np.int32), (rows, cols)),
        shape=(n, max(len(held), 1)),
    )


def _sharing(fingerprints: Any, rows: Any) -> Any:
    """The pairs ``(row, other)`` of ``rows`` with every other text sharing a
    fingerprint, as codes ``larger * n + smaller``."""
    import numpy as np

    n = fingerprints.shape[0]
    found = [np.zeros(0, dtype=np.int64)]
    step = max(1, BLOCK_CELLS // max(n, 1))
    columns = fingerprints.T.tocsr()
    for first in range(0, len(rows), step):
        block = rows[first : first + step]
        shared = (fingerprints[block] @ columns).tocoo()
        i, j = block[shared.row], shared.col.astype(np.int64)
        apart = i != j
        i, j = i[apart], j[apart]
        found.append(np.maximum(i, j) * n + np.minimum(i, j))
    return _distinct(np.concatenate(found))


def _candidates(texts: Sequence[str]) -> Any:
    """The pairs of distinct texts that blocking proposes (see the module docstring),
    as codes ``larger * n + smaller``, ascending."""
    import numpy as np

    n = len(texts)
    lengths = np.fromiter(map(len, texts), dtype=np.int64, count=n)
    owner, rank, held = _gram_ranks(texts)
    short = np.flatnonzero(lengths < SHORT_TEXT)
    found = [
        _sharing(_fingerprints(owner, rank, held, n, SHORT_WINDOW), short),
        _sharing(_fingerprints(owner, rank, held, n, LONG_WINDOW), np.arange(n)),
    ]
    everyone = np.arange(n, dtype=np.int64)
    for row in np.flatnonzero(lengths < SHORT_WINDOW).tolist():
        others = everyone[everyone != row]
        found.append(np.maximum(others, row) * n + np.minimum(others, row))
    return _distinct(np.concatenate(found))


def partial_matches(texts: Sequence[str], min_score: float) -> list[list[int]]:
    """For each text, the earlier texts found to score ``min_score`` or more with it.

    Args:
        texts: the texts, in order.
        min_score: the ``fuzz.partial_ratio`` score (0-100) a pair must reach.

    Returns:
        One list per text of the indexes of earlier texts, ascending. Each scores
        ``min_score`` or more with the text; the pairs that score and are left out
        are those the module docstring describes (none that share a long enough
        substring with a rare gram in it).

    Example:
        >>> partial_matches(
        ...     ["we will fight to the last man", "officials declined to comment",
        ...      "he said we will fight to the last man", "we will fight to the last man"],
        ...     92)
        [[], [], [0], [0, 2]]
    """
    import numpy as np
    from rapidfuzz import fuzz, process
    from rapidfuzz.distance import LCSseq

    which: dict[str, int] = {}
    copies: list[list[int]] = []
    for index, text in enumerate(texts):
        distinct = which.setdefault(text, len(which))
        if distinct == len(copies):
            copies.append([])
        copies[distinct].append(index)
    unique = list(which)
    n = len(unique)
    codes = _candidates(unique)
    larger, smaller = codes // max(n, 1), codes % max(n, 1)
    later = [unique[k] for k in larger.tolist()]
    earlier = [unique[k] for k in smaller.tolist()]
    lengths = np.fromiter(map(len, unique), dtype=np.int64, count=n)
    shorter = np.minimum(lengths[larger], lengths[smaller])
    common = process.cpdist(later, earlier, scorer=LCSseq.similarity, dtype=np.int64)
    possible = np.flatnonzero(common >= np.ceil(min_score * shorter / (200 - min_score)) - 1)
    scores = process.cpdist(
        [later[k] for k in possible.tolist()],
        [earlier[k] for k in possible.tolist()],
        scorer=fuzz.partial_ratio,
        dtype=np.float64,
    )
    partners: list[list[int]] = [[] for _ in range(n)]
    for k in possible[scores >= min_score].tolist():
        partners[int(larger[k])].append(int(smaller[k]))
        partners[int(smaller[k])].append(int(larger[k]))
    for distinct, text in enumerate(unique):
        if fuzz.partial_ratio(text, text) >= min_score:
            partners[distinct].append(distinct)
    found: list[list[int]] = []
    for index, text in enumerate(texts):
        found.append(
            sorted(
                other
                for partner in partners[which[text]]
                for other in copies[partner][: bisect_left(copies[partner], index)]
            )
        )
    return found


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
        >>> scoring_pairs(["khatib", "alkhatib", "lavrov"], 80, fuzz.ratio)
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


__all__ = ["partial_matches", "scoring_choices", "scoring_pairs"]
