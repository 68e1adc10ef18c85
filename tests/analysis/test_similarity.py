"""TF-IDF cosines: the close pairs and the sparse square are the whole square, to the last bit."""

from __future__ import annotations

import numpy as np
import pytest

from storybrief.analysis import similarity
from storybrief.analysis.similarity import SENTENCES, close_pairs, cosine, sparse_cosine, tfidf

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
