"""The MT panel's heading: the sentence's confidence before the model's (long) name."""

from __future__ import annotations

from workbench.store.segment_list import SegmentRow
from workbench.tui.aids.mt_confidence import panel_label

MODEL = "ar→en TEST MODEL 0.1 (not for real use)"


def row(mt: str | None, score: float | None) -> SegmentRow:
    return SegmentRow(1, 1, 1, 1, "نص", mt, None, "new", 0, False, None, None, score)


def test_a_low_score_is_said_before_the_model_so_80_columns_keep_it() -> None:
    label = panel_label(MODEL, row("Text.", 0.11), threshold=0.35)
    assert label == f"confidence 0.11 — low, check it · {MODEL}"
    assert len("MT · " + label.split(" · ")[0]) < 80


def test_a_sure_translation_has_no_warning_and_unscored_mt_only_the_model() -> None:
    assert panel_label(MODEL, row("Text.", 0.8), threshold=0.35) == f"confidence 0.80 · {MODEL}"
    assert panel_label(MODEL, row("Text.", None), threshold=0.35) == MODEL
    assert panel_label(MODEL, row(None, None), threshold=0.35) == MODEL
