"""MT confidence on the main screen: the mark in the list, the MT panel's label, palette entries.

The score is the engine's own (workbench/mt/confidence.py); `mt_low_confidence` in the settings
says below what a machine translation is marked and listed by the "low-confidence MT" filter.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from typing import TYPE_CHECKING, Any

from workbench.store.queries import SegmentRow
from workbench.tui.editor.rows import RowFilter

if TYPE_CHECKING:
    from workbench.tui.app import WorkbenchApp
    from workbench.tui.editor.main import MainScreen

LOW_MARK = "?"  # before the English of a row whose MT the engine was unsure of

Command = tuple[str, Callable[[], Any], str]


def is_low(row: SegmentRow, threshold: float) -> bool:
    """Unconfirmed MT the engine was unsure of (a person's target replaces the mark)."""
    return not row.target and row.mt_score is not None and row.mt_score < threshold


def panel_label(model_label: str, row: SegmentRow, threshold: float) -> str:
    """The MT panel's heading: how sure the model was of this sentence, then the model. The
    confidence comes first: at 80 columns a long model name is what gets cut."""
    if row.mt is None or row.mt_score is None:
        return model_label
    low = " — low, check it" if row.mt_score < threshold else ""
    return f"confidence {row.mt_score:.2f}{low} · {model_label}"


def commands(screen: MainScreen, app: WorkbenchApp) -> Iterator[Command]:
    """Palette entries: low-confidence MT only, and the whole document least confident first."""
    threshold = app.settings.mt_low_confidence
    search = screen.rows.filter.search if screen.rows is not None else None
    yield (
        "Show low-confidence MT",
        partial(screen.apply_filter, RowFilter(None, search, threshold, by_mt_score=True)),
        f"List only segments whose MT confidence is below {threshold:.2f}, least confident "
        "first (mt_low_confidence in the config file).",
    )
    yield (
        "Sort by MT confidence",
        partial(screen.apply_filter, RowFilter(None, search, by_mt_score=True)),
        "List every segment, the least confident machine translation first.",
    )
