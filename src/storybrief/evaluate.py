"""Scoring against gold: clustering (B³, pairwise) and quote coverage.

Used by the benchmarks and by the tests' quality gates; also useful to anyone
checking storybrief against gold of their own.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Hashable, Sequence


def _prf(precision: float, recall: float) -> tuple[float, float, float]:
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def b_cubed(gold: Sequence[Hashable], system: Sequence[Hashable]) -> tuple[float, float, float]:
    """B³ precision, recall and F1 of a clustering of the same items.

    Args:
        gold: the gold cluster label of each item.
        system: the system's cluster label of each item, in the same order.
    """
    if len(gold) != len(system):
        raise ValueError("gold and system must label the same items")
    if not gold:
        return 0.0, 0.0, 0.0
    by_gold: dict[Hashable, set[int]] = defaultdict(set)
    by_system: dict[Hashable, set[int]] = defaultdict(set)
    for i, (g, s) in enumerate(zip(gold, system, strict=True)):
        by_gold[g].add(i)
        by_system[s].add(i)
    precision = recall = 0.0
    for g, s in zip(gold, system, strict=True):
        both = len(by_gold[g] & by_system[s])
        precision += both / len(by_system[s])
        recall += both / len(by_gold[g])
    return _prf(precision / len(gold), recall / len(gold))


def pairwise(gold: Sequence[Hashable], system: Sequence[Hashable]) -> tuple[float, float, float]:
    """Pairwise precision, recall and F1: over item pairs, "same cluster" in gold vs system.

    With no linked pair on a side, that side's score is 1.0 (nothing claimed, nothing missed).
    """
    if len(gold) != len(system):
        raise ValueError("gold and system must label the same items")
    tp = fp = fn = 0
    for i, j in itertools.combinations(range(len(gold)), 2):
        same_gold = gold[i] == gold[j]
        same_system = system[i] == system[j]
        tp += same_gold and same_system
        fp += same_system and not same_gold
        fn += same_gold and not same_system
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return _prf(precision, recall)


def coverage(gold: str, system: str) -> float:
    """About how much of ``gold``'s text ``system`` covers, from 0 to 1.

    Case, whitespace and quotation marks are ignored. The best-aligned window of
    the longer text is compared with the shorter (rapidfuzz's partial ratio); a
    system text shorter than the gold covers at most its own share of it.
    """
    from rapidfuzz import fuzz

    def norm(text: str) -> str:
        for mark in '"“”':
            text = text.replace(mark, "")
        return " ".join(text.split()).lower().strip(" .,;:")

    g, s = norm(gold), norm(system)
    if not g or not s:
        return 0.0
    if g in s:
        return 1.0
    similarity = fuzz.partial_ratio(g, s) / 100
    return similarity * min(1.0, len(s) / len(g))
