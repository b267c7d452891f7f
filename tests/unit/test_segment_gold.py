"""The hand-labelled segmentation set: our boundaries score F1 >= 0.99 and beat the naive
splitter. ICU's sentence breaker is compared in bench/segment.py only (PyICU builds from source,
so it is in the optional `bench` extra, not in what CI installs)."""

from __future__ import annotations

from tests.segmentation_gold import FILES, load, naive, ours, score

FLOOR = 0.99


def test_set_is_large_and_covers_each_file() -> None:
    for name in FILES:
        paragraphs = load([name])
        assert sum(len(p.boundaries) for p in paragraphs) >= 60, name


def test_ours_reaches_the_floor_and_beats_the_naive_splitter() -> None:
    paragraphs = load()
    mine, baseline = score(paragraphs, ours), score(paragraphs, naive)
    assert mine.f1 >= FLOOR, mine
    assert mine.f1 > baseline.f1


def test_written_phenomena_have_no_error() -> None:
    result = score(load(["written.txt"]), ours)
    assert result.false_positives == result.false_negatives == 0, result


def test_scores_count_misses_and_extras() -> None:
    paragraph = load(["written.txt"])[0]
    assert score([paragraph], lambda _text: []).recall == 0.0
    everywhere = score([paragraph], lambda text: list(range(1, len(text))))
    assert everywhere.recall == 1.0
    assert everywhere.precision < 0.05
