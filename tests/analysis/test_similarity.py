"""TF-IDF cosines: the close pairs and the sparse square are the whole square, to the last bit."""

from __future__ import annotations

import numpy as np
import pytest

from storybrief.analysis import similarity
from storybrief.analysis.similarity import (
    SENTENCES,
    close_pairs,
    close_pairs_between,
    cosine,
    nearest_groups,
    sparse_cosine,
    tfidf,
)

SENTENCES_TEXT = [
    "The ferry sank off the coast on Monday, the coast guard said.",
    "A ferry sank off the coast on Monday.",
    "Rescuers pulled 40 people from the water, officials said.",
    "Officials said rescuers pulled forty people from the water.",
    "The harbor strike entered its third week.",
    "Dock workers walked out three weeks ago.",
    "The the the.",
]


@pytest.mark.parametrize("block_cells", [1, 10, 8_000_000])
def test_similarity_close_pairs_are_the_squares_entries_above_the_threshold(
    monkeypatch: pytest.MonkeyPatch, block_cells: int
) -> None:
    monkeypatch.setattr(similarity, "BLOCK_CELLS", block_cells)
    found = tfidf(SENTENCES_TEXT, SENTENCES)
    assert found is not None
    square = cosine(found.matrix)
    pairs = close_pairs(found.matrix, 0.35)
    assert len(pairs) == len(SENTENCES_TEXT)
    for row, (columns, values) in enumerate(pairs):
        expected = np.flatnonzero(square[row] >= 0.35)
        assert columns.tolist() == expected.tolist()
        assert values.tolist() == square[row][expected].tolist()  # the same floats
    assert 1 in pairs[0][0].tolist()  # the two ferry sentences are close


def test_similarity_sparse_cosine_is_the_square() -> None:
    found = tfidf(SENTENCES_TEXT, SENTENCES)
    assert found is not None
    square = cosine(found.matrix)
    sparse = sparse_cosine(found.matrix)
    assert np.array_equal(sparse.toarray(), square)  # the same floats
    assert sparse.nnz < square.size  # pairs sharing no word are not stored


@pytest.mark.parametrize("k", [1, 2, 10])
def test_similarity_nearest_groups_are_symmetric_and_all_when_few(k: int) -> None:
    found = tfidf(SENTENCES_TEXT, SENTENCES)
    assert found is not None
    group = [0, 0, 1, 1, 2, 3, 4]  # the ferry, the rescue, the strike (two), "the the"
    near = nearest_groups(found.matrix, group, k, 6)  # group 5 has no row
    assert len(near) == 6
    for a, others in enumerate(near):
        assert a not in others
        assert len(others) >= min(k, 5)
        for b in others:
            assert a in near[b]
    if k >= 5:
        assert near == [[b for b in range(6) if b != a] for a in range(6)]
    else:
        assert near[1][0] == 0  # the rescue shares "said" with the ferry only


@pytest.mark.parametrize(("k", "cells"), [(1, None), (10, None), (10, 1)])
def test_similarity_close_pairs_between_are_the_close_pairs_of_compared_groups(
    k: int, cells: int | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    if cells is not None:  # one row of a group at a time: the same pairs
        monkeypatch.setattr("storybrief.analysis.similarity.BLOCK_CELLS", cells)
    found = tfidf(SENTENCES_TEXT, SENTENCES)
    assert found is not None
    group = [0, 0, 1, 1, 2, 3, 4]
    compared = nearest_groups(found.matrix, group, k, 5)
    between = close_pairs_between(found.matrix, group, compared, 0.05)
    for row, ((columns, values), (all_columns, all_values)) in enumerate(
        zip(between, close_pairs(found.matrix, 0.05), strict=True)
    ):
        kept = [group[j] in compared[group[row]] for j in all_columns.tolist()]
        assert columns.tolist() == all_columns[kept].tolist()
        assert values == pytest.approx(all_values[kept])
    # The ferry (group 0) and the rescue (group 1) share "said": compared at every k.
    assert between[0][0].tolist() == [2, 3]
