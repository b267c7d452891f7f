"""Segmentation benchmark: sentence-boundary precision, recall and F1 on the hand-labelled set.

The set (tests/fixtures/segmentation/, see tests/segmentation_gold.py): NTREX-128 news
paragraphs rebuilt from consecutive sentences, and paragraphs written for era letters, naming
words, company suffixes, Q&A labels, bidi marks, Arabic-Indic digits, quotes, datelines and lists.
Floor for ours: F1 >= 0.99. Baselines scored in the same run: a naive regex splitter and ICU's
sentence break iterator (PyICU, locale "ar").

    .venv/bin/python bench/segment.py
"""

from __future__ import annotations

import sys

from tests.segmentation_gold import Score, Splitter, icu_sentences, load, naive, ours, score

FLOOR = 0.99


def _row(name: str, result: Score) -> str:
    return (
        f"{name:<22} {result.precision:9.4f} {result.recall:9.4f} {result.f1:9.4f}"
        f" {result.true_positives:6d} {result.false_positives:5d} {result.false_negatives:5d}"
    )


def main() -> int:
    paragraphs = load()
    gold = sum(len(p.boundaries) for p in paragraphs)
    print(f"{len(paragraphs)} paragraphs, {gold} gold boundaries inside them")
    print(
        f"{'splitter':<22} {'precision':>9} {'recall':>9} {'F1':>9} {'TP':>6} {'FP':>5} {'FN':>5}"
    )
    splitters: list[tuple[str, Splitter]] = [("workbench (ours)", ours), ("naive regex", naive)]
    try:
        splitters.append(("ICU sentence (PyICU)", icu_sentences()))
    except ImportError:
        print("PyICU is not installed: no ICU baseline (pip install pyicu)")
    results = {name: score(paragraphs, splitter) for name, splitter in splitters}
    for name, result in results.items():
        print(_row(name, result))
    f1 = results["workbench (ours)"].f1
    print(f"ours: F1 {f1:.4f} (floor {FLOOR}): {'met' if f1 >= FLOOR else 'NOT met'}")
    return 0 if f1 >= FLOOR else 1


if __name__ == "__main__":
    sys.exit(main())
