"""Rich renderables for the statistics screen: a table per grouping and a horizontal bar chart.

Every heading carries its metric's direction (↓ lower is better, ↑ higher is better), and the
legend spells each one out, as `workbench stats` does.

The tables and the legend fit the width they are drawn at. From COMPACT_BELOW cells down (an
80-column terminal leaves 76) the full table cannot keep its ten columns: Rich cut the later
headings to "s/wo…", "keyst…", wrapped "1.71 (2 timed)" over three lines and dropped the last
columns. There the compact table keeps every column on one line each: short headings ("s/w↓",
"keys↓", "appr↑", "rej↓", "revs") that the legend spells out, no rules between the columns,
counts in at most five cells, and seconds per word without its "(n timed)" (a `*` marks a group
some of whose times were cut; the counts are in a wider window and in `workbench stats`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rich import box
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
# Below this many cells the full table squeezes its headings: the compact one is drawn instead
# (a 120-column terminal gives the statistics 116-118 cells, an 80-column one 76).
COMPACT_BELOW = 110
METRICS = ("hter", "chrf", "bleu", "seconds_per_word", "keystrokes")
RATE_METRICS = ("approval_rate", "rejection_rate")
# The compact table's headings where the full name is longer than its figures.
SHORT = {"seconds_per_word": "s/w", "keystrokes": "keys", "approval_rate": "appr"}
SHORT |= {"rejection_rate": "rej"}


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
    for metric in (*METRICS, *RATE_METRICS):
        table.add_column(short_heading(metric), justify="right")
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


def compact_heading(metric: str) -> str:
    """`s/w↓`: the compact table's heading, spelled out by the compact legend."""
    return f"{SHORT.get(metric, metrics.LABELS[metric])}{metrics.DIRECTIONS[metric][0]}"


def count(number: int | None) -> str:
    """A count in at most five cells: 12345, 123k, 1.2M."""
    if number is None:
        return "-"
    if number < 100_000:
        return str(number)
    return f"{number // 1000}k" if number < 1_000_000 else f"{number / 1_000_000:.1f}M"


def compact_table(
    report: StatsReport, title: str, label: Callable[[str], RenderableType] = str.strip
) -> Table:
    """The columns of `group_table`, each on one line in 76 cells (see the module's note)."""
    table = Table(
        title=title,
        title_justify="left",
        expand=True,
        box=box.SIMPLE_HEAD,  # a rule under the headings, none between the columns
        show_edge=False,
        pad_edge=False,
        collapse_padding=True,  # two cells between figures, not three
    )
    table.add_column(report.by or "", ratio=1, min_width=MIN_LABEL, no_wrap=True)
    for heading in ("segs", *(compact_heading(m) for m in (*METRICS, *RATE_METRICS)), "revs"):
        table.add_column(heading, justify="right", no_wrap=True)
    for group in [*report.groups, report.overall]:
        overall = group is report.overall
        timing = figure("seconds_per_word", group.seconds_per_word)
        table.add_row(
            "all" if overall else label(group.label),
            count(group.segments),
            figure("hter", group.hter),
            figure("chrf", group.chrf),
            figure("bleu", group.bleu),
            timing + ("*" if group.outliers_cut else ""),
            count(group.keystrokes),
            figure("approval_rate", group.approval_rate),
            figure("rejection_rate", group.rejection_rate),
            count(group.reviews),
            style="bold" if overall else None,
        )
    return table


@dataclass(frozen=True, slots=True)
class GroupTable:
    """`group_table`, or `compact_table` when drawn in fewer than COMPACT_BELOW cells."""

    report: StatsReport
    title: str
    label: Callable[[str], RenderableType] = str.strip

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        draw = compact_table if options.max_width < COMPACT_BELOW else group_table
        yield draw(self.report, self.title, self.label)


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


def legend(compact: bool = False) -> Text:
    """How to read the tables; `compact`: also what the compact table's short headings stand for."""
    low, high = metrics.MIN_SECONDS_PER_WORD, metrics.MAX_SECONDS_PER_WORD
    text = Text("How to read: ", style="bold")
    text.append(
        "segments are post-edited MT that is translated, reviewed or approved; "
        f"times outside {low:g}–{high:g} s/word are cut"
        + (" (a * after s/w: some were)" if compact else "")
        + "; reviews count against the editor whose text was judged.\n",
        style="",
    )
    for name in metrics.DIRECTIONS:
        if compact and name in SHORT:
            line = f"  {SHORT[name]} ({metrics.LABELS[name]}) {metrics.DIRECTIONS[name]}"
        else:
            line = f"  {metrics.heading(name)}"
        text.append(line + "\n", style="dim")
    if compact:
        text.append("  revs: reviews · segs: segments\n", style="dim")
    return text
