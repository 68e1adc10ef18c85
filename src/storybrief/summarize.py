"""Extractive multi-document summary: every sentence is a source's own, with its support.

Method (``centroid-support.v1``): TF-IDF sentence vectors over the cluster;
each candidate is scored by its similarity to the cluster centroid, the share of
other documents that carry a similar sentence (cross-document support), and a
position prior within its article; sentences are then picked greedily under the
word budget with an MMR redundancy penalty, and put in reading order (dated
documents by date, then document order, then position).

Candidates exclude headlines, photo captions, questions, very short or very long
sentences, sentences that open with an unresolved pronoun or connective, and
pieces of a quotation that runs over several sentences unless they name the
speaker.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from storybrief.model import ParsedArticle, Sentence

METHOD = "centroid-support.v1"

# Weights and thresholds: first settings, to be calibrated on benchmarks/summarize.py.
CENTROID_WEIGHT = 1.0
SUPPORT_WEIGHT = 0.5
POSITION_WEIGHT = 0.6
REDUNDANCY_WEIGHT = 0.7
# Cosine similarity above which a sentence of another document counts as
# reporting the same content.
SUPPORT_THRESHOLD = 0.3
MIN_WORDS = 6
MAX_WORDS = 60

_OPENERS = frozenset(
    (
        *("he", "she", "it", "they", "them", "his", "her", "its", "their"),
        *("this", "that", "these", "those", "there", "such", "which", "who", "whom"),
        *("but", "and", "or", "so", "yet", "also", "however", "meanwhile", "still"),
        *("then", "thus", "instead", "although", "though", "because"),
    )
)
# A candidate must end as a sentence ends: fragments cut at an abbreviation do not.
_ENDS_SENTENCE = re.compile(r"""[.!]["'”’)]*$""")
_WORD = re.compile(r"\w+(?:[-'’]\w+)*")
_QUOTE_OPEN = re.compile(r"^[\"“‘']")
_ATTRIBUTION = re.compile(
    r"\b(?:said|says|told|added|according|stated|announced|reported|warned)\b", re.I
)


@dataclass(frozen=True, slots=True)
class _Candidate:
    doc_index: int
    position: int  # rank among the document's candidates
    sentence: Sentence
    words: int


def _word_count(text: str) -> int:
    return len(_WORD.findall(text))


def _is_candidate(doc: ParsedArticle, sentence: Sentence) -> bool:
    text = sentence.text
    n = _word_count(text)
    if not MIN_WORDS <= n <= MAX_WORDS or "\n" in text:
        return False
    title = doc.article.title
    if (
        title is not None
        and title.evidence.location == "text"
        and sentence.start < (title.evidence.end or 0)
    ):
        return False
    if any(start <= sentence.start < end for start, end in doc.article.captions):
        return False
    if not _ENDS_SENTENCE.search(text):  # also drops questions
        return False
    first = _WORD.findall(text[:40].lower())
    if first and first[0] in _OPENERS:
        return False
    # Part of a quotation that runs over several sentences, with no speaker named
    # in it, reads as a fragment.
    if _unbalanced_quotes(text) and not _ATTRIBUTION.search(text):
        return False
    # A bare quote fragment: opens with a quotation mark and names no speaker.
    return not (_QUOTE_OPEN.match(text) and not _ATTRIBUTION.search(text))


def _unbalanced_quotes(text: str) -> bool:
    """Double quotation marks that do not pair up within the sentence."""
    return (
        text.count("“") != text.count("”")
        or text.count("``") != text.count("''")
        or text.count('"') % 2 == 1
    )


def summarize(documents: Sequence[ParsedArticle], words: int = 250) -> tuple[dict[str, Any], ...]:
    """The summary of a cluster, as JSON-ready dicts (see the brief schema).

    Args:
        documents: the parsed articles of one story.
        words: the word budget; the summary never exceeds it.

    Returns:
        Ordered sentences, each with ``text``, ``doc_id``, ``start``, ``end``,
        ``support`` (matching sentences of other documents) and ``sources``.
    """
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics.pairwise import cosine_similarity

    candidates: list[_Candidate] = []
    for d, doc in enumerate(documents):
        position = 0
        for sentence in doc.sentences:
            if _is_candidate(doc, sentence):
                candidates.append(_Candidate(d, position, sentence, _word_count(sentence.text)))
                position += 1
    if not candidates:
        return ()
    all_sentences = [s for doc in documents for s in doc.sentences]
    vectorizer = TfidfVectorizer(stop_words="english", sublinear_tf=True)
    try:
        vectorizer.fit([s.text for s in all_sentences])
    except ValueError:  # only stop words: nothing to score by
        return ()
    cand_vectors = vectorizer.transform([c.sentence.text for c in candidates])
    centroid = vectorizer.transform([doc.article.text for doc in documents]).mean(axis=0)
    centrality = cosine_similarity(cand_vectors, _as_array(centroid)).ravel()

    # Support: for each candidate, the best-matching sentence of every other document.
    doc_of_sentence = [d for d, doc in enumerate(documents) for _ in doc.sentences]
    sentence_vectors = vectorizer.transform([s.text for s in all_sentences])
    cross = cosine_similarity(cand_vectors, sentence_vectors)
    supports: list[list[tuple[int, float]]] = []
    for i, cand in enumerate(candidates):
        best: dict[int, tuple[int, float]] = {}
        for j, sim in enumerate(cross[i]):
            d = doc_of_sentence[j]
            if d == cand.doc_index or sim < SUPPORT_THRESHOLD:
                continue
            if d not in best or sim > best[d][1]:
                best[d] = (j, float(sim))
        supports.append(sorted(best.values(), key=lambda x: doc_of_sentence[x[0]]))
    others = max(len(documents) - 1, 1)
    scores = [
        CENTROID_WEIGHT * centrality[i]
        + SUPPORT_WEIGHT * len(supports[i]) / others
        + POSITION_WEIGHT / math.sqrt(1 + c.position)
        for i, c in enumerate(candidates)
    ]

    pair = cosine_similarity(cand_vectors)
    chosen: list[int] = []
    used = 0
    remaining = set(range(len(candidates)))
    while remaining:

        def gain(i: int) -> float:
            redundancy = max((pair[i][j] for j in chosen), default=0.0)
            return float(scores[i] - REDUNDANCY_WEIGHT * redundancy)

        fitting = [i for i in remaining if used + candidates[i].words <= words]
        if not fitting:
            break
        best_i = max(fitting, key=lambda i: (gain(i), -i))
        chosen.append(best_i)
        used += candidates[best_i].words
        remaining.discard(best_i)

    def reading_order(i: int) -> tuple[int, str, int, int]:
        c = candidates[i]
        published = documents[c.doc_index].article.published
        return (
            published is None,
            published.value.isoformat() if published else "",
            c.doc_index,
            c.sentence.start,
        )

    result = []
    for i in sorted(chosen, key=reading_order):
        c = candidates[i]
        support = [
            {
                "doc_id": all_sentences[j].doc_id,
                "start": all_sentences[j].start,
                "end": all_sentences[j].end,
                "text": all_sentences[j].text,
                "similarity": round(sim, 3),
            }
            for j, sim in supports[i]
        ]
        result.append(
            {
                "text": c.sentence.text,
                "doc_id": c.sentence.doc_id,
                "start": c.sentence.start,
                "end": c.sentence.end,
                "support": support,
                "sources": 1 + len(support),
            }
        )
    return tuple(result)


def _as_array(matrix: Any) -> Any:
    import numpy as np

    return np.asarray(matrix)
