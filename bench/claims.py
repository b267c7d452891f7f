"""Fact-checking desk figures on the labelled seeds: suggestions and "claims seen before".

Suggestions (`workbench claims suggest`, `qa/claim_suggest.py`) against the baseline a desk would
try first, "every sentence with a digit", on every sentence of the five seed articles labelled
checkable or not (`tests/data/claims/checkable_seeds.tsv`). Claims seen before
(`workbench claims similar`, `qa/claim_similarity.py`) on every pair of the claims labelled in
`tests/data/claims/similar_claims.tsv` (positive: the same fact), against the baseline "the same
normalised Arabic quote", and by each reading alone. Both measured in this run.

    .venv/bin/python bench/claims.py
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.claim_labels import (
    LabelledClaim,
    checkable_sentences,
    labelled_pairs,
    precision_recall,
)
from workbench.qa.claim_similarity import SIMILAR_AT, match_key, score
from workbench.qa.claim_suggest import digit_baseline, suggest
from workbench.text.normalise import normalise_arabic


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _line(name: str, predicted: list[bool], actual: list[bool]) -> tuple[float, float]:
    precision, recall = precision_recall(predicted, actual)
    print(
        f"  {name:<44} precision {precision:5.3f}  recall {recall:5.3f}  "
        f"F1 {_f1(precision, recall):5.3f}  ({sum(predicted)} flagged)"
    )
    return precision, recall


def suggestions() -> None:
    sentences = checkable_sentences()
    actual = [s.checkable for s in sentences]
    print(f"suggestions: {len(sentences)} seed sentences, {sum(actual)} labelled checkable")
    started = time.perf_counter()
    predicted = [suggest(s.text).checkable for s in sentences]
    seconds = time.perf_counter() - started
    _, recall = _line("workbench claims suggest", predicted, actual)
    _, base_recall = _line("baseline: every sentence with a digit", [
        digit_baseline(s.text) for s in sentences
    ], actual)  # fmt: skip
    ratio = recall / base_recall if base_recall else float("inf")
    print(f"  recall ratio suggest/baseline: {ratio:.2f}x   ({seconds * 1000:.1f} ms in all)")


def _arabic(claim: LabelledClaim) -> str:
    return normalise_arabic(claim.quote)


def _english(claim: LabelledClaim) -> str:
    return claim.claim_en.casefold()


def similarity() -> None:

    pairs = labelled_pairs()
    actual = [same for *_, same in pairs]
    print(f"\nclaims seen before: {len(pairs)} pairs of labelled claims, {sum(actual)} positive")

    def at(reading: Callable[[LabelledClaim], str]) -> list[bool]:
        return [
            score(match_key(reading(a)), match_key(reading(b))) >= SIMILAR_AT for a, b, _ in pairs
        ]

    arabic, english = at(_arabic), at(_english)
    _line(f"workbench (either reading >= {SIMILAR_AT:.0f})", [
        a or e for a, e in zip(arabic, english, strict=True)
    ], actual)  # fmt: skip
    _line("  Arabic quote alone", arabic, actual)
    _line("  English claim text alone", english, actual)
    _line("baseline: same normalised Arabic quote", [
        match_key(_arabic(a)) == match_key(_arabic(b)) for a, b, _ in pairs
    ], actual)  # fmt: skip


if __name__ == "__main__":
    suggestions()
    similarity()
