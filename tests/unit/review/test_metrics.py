"""Metric functions and the statistics built from records, against values worked out by hand."""

from __future__ import annotations

import pytest
from sacrebleu.metrics.ter import TER

from tests.conftest import SHARED_DIR
from workbench.review import metrics
from workbench.review.stats import ReviewRecord, SegmentEffort, compute_stats


def test_hter_counts_edits_over_reference_words() -> None:
    # MT:    Voting  stations closed at eight.
    # final: Polling stations closed at 8 pm.
    # Voting→Polling (substitution), eight.→8 (substitution), pm. inserted: 3 edits over the
    # 6 words of the final text = 50.0. Tokens split on spaces only, so "eight." is one word.
    rate = metrics.hter("Voting stations closed at eight.", "Polling stations closed at 8 pm.")
    assert (rate.edits, rate.reference_words, rate.score) == (3, 6, 50.0)


def test_hter_is_case_sensitive() -> None:
    # "president" → "President" is one substitution over 4 words.
    rate = metrics.hter("The president visited Moscow.", "The President visited Moscow.")
    assert rate.score == 25.0


def test_corpus_hter_is_total_edits_over_total_reference_words() -> None:
    pairs = [
        ("Voting stations closed at eight.", "Polling stations closed at 8 pm."),
        ("He said that.", "He said so."),
    ]
    total = metrics.corpus_hter(metrics.hter(mt, final) for mt, final in pairs)
    assert (total.edits, total.reference_words) == (4, 9)  # (3 + 1) / (6 + 3)
    # The same figure as sacrebleu's own corpus score, not the mean of 50 and 33.3.
    corpus = TER(case_sensitive=True).corpus_score([p[0] for p in pairs], [[p[1] for p in pairs]])
    assert total.score == pytest.approx(corpus.score) == pytest.approx(400 / 9)


def test_empty_reference() -> None:
    assert metrics.rate_score(0, 0) == 0.0
    assert metrics.rate_score(2, 0) == 100.0


def test_chrf_reads_higher_for_closer_mt() -> None:
    final = "Polling stations closed at 8 pm."
    assert metrics.chrf(final, final) == 100.0
    assert metrics.chrf("Voting stations closed at eight.", final) < 100.0


def test_time_outlier_limits_are_inclusive() -> None:
    assert not metrics.is_time_outlier(0.25)
    assert not metrics.is_time_outlier(30.0)
    assert metrics.is_time_outlier(0.24)
    assert metrics.is_time_outlier(30.5)
    assert metrics.seconds_per_word(None, 4) is None
    assert metrics.seconds_per_word(12.0, 0) is None


def test_every_metric_names_its_direction() -> None:
    assert metrics.heading("hter") == "HTER ↓ lower = less editing of the MT"
    assert all(text[0] in "↑↓" for text in metrics.DIRECTIONS.values())


def effort(segment_id: int, editor: str, mt: str, final: str, **kw: object) -> SegmentEffort:
    values: dict[str, object] = {"seconds": None, "keystrokes": None, "document_id": 1}
    values.update(kw)
    return SegmentEffort(
        segment_id=segment_id,
        document_title=f"doc {values['document_id']}",
        editor=editor,
        status="approved",
        mt=mt,
        final=final,
        **values,  # type: ignore[arg-type]
    )


def test_stats_group_by_editor() -> None:
    efforts = [
        effort(1, "amal", "Voting stations closed at eight.", "Polling stations closed at 8 pm.",
               seconds=18.0, keystrokes=38),
        effort(2, "chadi", "The president visited Moscow.", "The President visited Moscow.",
               seconds=200.0, keystrokes=2),  # 50 s/word: cut
        effort(3, "amal", "He said that.", "He said so.", document_id=2),
    ]  # fmt: skip
    reviews = [
        ReviewRecord(1, 1, "doc 1", "amal", "rejected"),
        ReviewRecord(1, 1, "doc 1", "amal", "approved"),
        ReviewRecord(3, 2, "doc 2", "amal", "approved"),
    ]
    report = compute_stats(efforts, reviews, "editor")

    amal, chadi = report.groups
    assert (amal.label, amal.segments, amal.edits, amal.reference_words) == ("amal", 2, 4, 9)
    assert amal.hter == pytest.approx(400 / 9)
    assert (amal.timed_segments, amal.outliers_cut, amal.seconds_per_word) == (1, 0, 3.0)
    assert (amal.keystrokes, amal.reviews, amal.approvals, amal.rejections) == (38, 3, 2, 1)
    assert amal.approval_rate == pytest.approx(2 / 3)
    assert (chadi.hter, chadi.outliers_cut, chadi.seconds_per_word) == (25.0, 1, None)
    assert (chadi.reviews, chadi.approval_rate) == (0, None)
    overall = report.overall
    assert overall.hter == pytest.approx(500 / 13)  # (3 + 1 + 1) / (6 + 4 + 3)
    assert (overall.timed_segments, overall.outliers_cut, overall.keystrokes) == (1, 1, 40)
    assert [s.time_outlier for s in report.segments] == [False, True, False]
    assert report.series("hter") == [("amal", amal.hter), ("chadi", 25.0)]
    with pytest.raises(ValueError, match="no chart"):
        report.series("keystrokes_per_segment")


def test_stats_group_by_document_sorts_ids_as_numbers() -> None:
    efforts = [
        effort(i, "amal", "a b", "a c", document_id=doc) for i, doc in enumerate([10, 2, 2], 1)
    ]
    report = compute_stats(efforts, [], "document")
    assert [(g.key, g.segments, g.hter) for g in report.groups] == [("2", 2, 50.0), ("10", 1, 50.0)]
    assert report.groups[0].label == "2: doc 2"
    assert report.overall.bleu is not None
    assert compute_stats([], [], None).overall.hter is None


def _ntrex_pairs(start: int, count: int) -> list[tuple[str, str]]:
    """(MT, final) pairs from NTREX's English: unchanged, lower-cased, another sentence, cut."""
    lines = (SHARED_DIR / "corpora" / "ntrex-ar-en" / "en.txt").read_text(encoding="utf-8")
    english = [line.strip() for line in lines.splitlines() if line.strip()][start:]
    edits = (
        lambda i: english[i],
        lambda i: english[i].lower(),
        lambda i: english[i + 1],
        lambda i: " ".join(english[i].split()[: max(len(english[i].split()) // 2, 1)]),
    )
    return [(edits[i % len(edits)](i), english[i]) for i in range(count)]


@pytest.mark.parametrize(("start", "count"), [(0, 1), (0, 40), (500, 200), (1500, 7)])
def test_summed_pair_statistics_are_sacrebleus_corpus_and_sentence_scores(
    start: int, count: int
) -> None:
    from sacrebleu.metrics.bleu import BLEU
    from sacrebleu.metrics.chrf import CHRF

    pairs = _ntrex_pairs(start, count)
    mts, finals = [p[0] for p in pairs], [p[1] for p in pairs]
    measured = [metrics.pair_stats(mt, final) for mt, final in pairs]
    assert metrics.chrf_of(measured) == pytest.approx(CHRF().corpus_score(mts, [finals]).score)
    assert metrics.bleu_of(measured) == pytest.approx(BLEU().corpus_score(mts, [finals]).score)
    for (mt, final), one in zip(pairs, measured, strict=True):
        assert metrics.chrf_of([one]) == pytest.approx(CHRF().sentence_score(mt, [final]).score)
        assert one.sentence_chrf == pytest.approx(metrics.chrf(mt, final))
        assert one.rate == metrics.hter(mt, final)
    assert metrics.chrf_of([]) is None and metrics.bleu_of([]) is None
