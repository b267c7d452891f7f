"""Rich renderables for the statistics screen: a table per grouping and a horizontal bar chart.

Every heading carries its metric's direction (↓ lower is better, ↑ higher is better), and the
legend spells each one out, as `workbench stats` does.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rich.cells import cell_len, set_cell_size
from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.measure import Measurement
from rich.table import Table
from rich.text import Text

from workbench.review import metrics
from workbench.review.stats import GroupStats, StatsReport
from workbench.tui.display.bidi import display_line

RATES = frozenset({"approval_rate", "rejection_rate"})
EIGHTHS = " ▏▎▍▌▋▊▉"  # partial blocks: a bar's length to an eighth of a cell
LABEL_WIDTH = 16
MIN_LABEL = 12  # cells a group's name keeps however narrow the table
MAX_BAR_WIDTH = 48


def short_heading(metric: str) -> str:
    """`HTER ↓`: the name and the arrow of its direction."""
    return f"{metrics.LABELS[metric]} {metrics.DIRECTIONS[metric][0]}"


def figure(metric: str, value: float | None) -> str:
    if value is None:
        return "-"
    if metric in RATES:
        return f"{100 * value:.0f}%"
    return f"{value:.2f}" if metric == "seconds_per_word" else f"{value:.1f}"


def _timing(group: GroupStats) -> str:
    text = f"{figure('seconds_per_word', group.seconds_per_word)} ({group.timed_segments} timed"
    return text + (f", {group.outliers_cut} cut)" if group.outliers_cut else ")")


@dataclass(frozen=True, slots=True)
class FittedLine:
    """One line cut to the cell's width in logical order, then converted for display: cutting
    after the conversion would drop the start of an Arabic title instead of its end."""

    text: str
    bidi: bool

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(min(MIN_LABEL, cell_len(self.text)), cell_len(self.text))

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width, text = max(options.max_width, 2), self.text
        if cell_len(text) > width:
            text = set_cell_size(text, width - 1).rstrip() + "…"
        yield Text(display_line(text, self.bidi, "L"), no_wrap=True, overflow="crop")


def group_table(
    report: StatsReport, title: str, label: Callable[[str], RenderableType] = str.strip
) -> Table:
    """One row per group and an `all` row; `label` prepares a group's name for display."""
    table = Table(title=title, title_justify="left", expand=True, show_edge=False)
    # The names keep MIN_LABEL cells at 80 columns: the figures' headings wrap instead.
    table.add_column(report.by or "", ratio=1, min_width=MIN_LABEL)
    table.add_column("segs", justify="right")
    for metric in ("hter", "chrf", "bleu", "seconds_per_word", "keystrokes"):
        table.add_column(short_heading(metric), justify="right")
    table.add_column(short_heading("approval_rate"), justify="right")
    table.add_column(short_heading("rejection_rate"), justify="right")
    table.add_column("reviews", justify="right")
    for group in [*report.groups, report.overall]:
        overall = group is report.overall
        table.add_row(
            "all" if overall else label(group.label),
            str(group.segments),
            figure("hter", group.hter),
            figure("chrf", group.chrf),
            figure("bleu", group.bleu),
            _timing(group),
            "-" if group.keystrokes is None else str(group.keystrokes),
            figure("approval_rate", group.approval_rate),
            figure("rejection_rate", group.rejection_rate),
            str(group.reviews),
            style="bold" if overall else None,
        )
    return table


def bar(value: float, top: float, width: int) -> str:
    """A bar of `value` on a scale where `top` fills `width` cells."""
    eighths = round(8 * width * value / top) if top > 0 else 0
    full, part = divmod(max(eighths, 0), 8)
    return "█" * full + (EIGHTHS[part] if part else "")


@dataclass(frozen=True, slots=True)
class BarChart:
    """One metric per group as horizontal bars, scaled to the largest value; the title says
    which way is better."""

    metric: str
    series: list[tuple[str, float | None]]

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        title = Text(f"{metrics.heading(self.metric)} · per editor", style="bold")
        yield title.append("   (c: next metric)", style="dim")
        if not self.series:
            yield Text("No figures yet: nothing post-edited and finished.", style="dim")
            return
        values = [value for _, value in self.series if value is not None]
        top = max(values, default=0.0)
        bar_width = min(max(options.max_width - LABEL_WIDTH - 10, 4), MAX_BAR_WIDTH)
        for label, value in self.series:
            line = Text(set_cell_size(label, LABEL_WIDTH - 1) + " ")
            if value is not None:
                line.append(bar(value, top, bar_width), style="green")
            line.append(f" {figure(self.metric, value)}")
            yield line


def legend() -> Text:
    low, high = metrics.MIN_SECONDS_PER_WORD, metrics.MAX_SECONDS_PER_WORD
    text = Text("How to read: ", style="bold")
    text.append(
        "segments are post-edited MT that is translated, reviewed or approved; "
        f"times outside {low:g}–{high:g} s/word are cut; "
        "reviews count against the editor whose text was judged.\n",
        style="",
    )
    for name in metrics.DIRECTIONS:
        text.append(f"  {metrics.heading(name)}\n", style="dim")
    return text
