"""The bottom line: counts by status, the MT package in use, bidi mode, background progress."""

from __future__ import annotations

from collections.abc import Mapping

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Label, ProgressBar

from workbench.store.models import SegmentStatus


def format_counts(counts: Mapping[str, int]) -> str:
    shown = [f"{counts[s.value]} {s.value}" for s in SegmentStatus if counts.get(s.value)]
    return " · ".join(shown) or "no segments"


class StatusBar(Horizontal):
    """Owns the counts it shows (of the open document, by status): a save moves one segment from
    one status to another without counting the document again."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.counts: dict[str, int] | None = None
        self._counts_width = -1  # cells of the counts shown

    def compose(self) -> ComposeResult:
        yield Label("", id="counts")
        yield Label("", id="filter")
        yield Label("", id="spacer")
        yield Label("", id="mt-progress-label")
        yield ProgressBar(id="mt-progress", show_eta=False)
        yield Label("", id="model")
        yield Label("", id="bidi")

    def on_mount(self) -> None:
        self.show_progress(None)

    def show_counts(self, counts: Mapping[str, int]) -> None:
        self.counts = dict(counts)
        text = format_counts(counts)
        # The label is as wide as its text: a new layout of the screen only when that width
        # changes (a save after Enter usually turns "412 new" into "411 new"), a repaint otherwise.
        label = self.query_one("#counts", Label)
        label.update(text, layout=cell_len(text) != self._counts_width)
        self._counts_width = cell_len(text)

    def count_moved(self, before: str, after: str) -> None:
        """One segment went from status `before` to `after`."""
        counts = self.counts
        if counts is None or before == after:
            return
        counts[before] = counts.get(before, 1) - 1
        counts[after] = counts.get(after, 0) + 1
        self.show_counts(counts)

    def show_filter(self, description: str | None) -> None:
        label = self.query_one("#filter", Label)
        label.update(f"showing {description}" if description else "")
        label.display = bool(description)

    def show_model(self, label: str) -> None:
        self.query_one("#model", Label).update(label)

    def show_bidi(self, mode: str, active: bool) -> None:
        self.query_one("#bidi", Label).update(f"bidi {mode} ({'on' if active else 'off'})")

    def show_progress(self, done_total: tuple[int, int] | None, stop_key: str = "f8") -> None:
        """MT progress while the background translation runs; hidden otherwise."""
        bar = self.query_one("#mt-progress", ProgressBar)
        label = self.query_one("#mt-progress-label", Label)
        bar.display = label.display = done_total is not None
        if done_total is not None:
            done, total = done_total
            bar.update(total=total or None, progress=done)
            label.update(f"MT {done}/{total} ({stop_key} stops)")
