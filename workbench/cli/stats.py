"""`workbench stats`: post-editing effort and review outcomes, overall or by editor/document."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from workbench.cli.context import CliContext, pass_context
from workbench.cli.output import echo, json_line
from workbench.cli.types import ROW_ID
from workbench.review import metrics
from workbench.review.stats import GROUPINGS, GroupBy, GroupStats, SegmentMetrics, StatsReport
from workbench.text.inert import inert

if TYPE_CHECKING:
    from rich.table import Table

# rich and the database are imported inside the command (cli/lazy.py: --help stays light).

GROUP_OPTIONS: dict[str, GroupBy] = {name: name for name in GROUPINGS}
COLUMNS = ("hter", "chrf", "bleu", "seconds_per_word", "keystrokes", "approval_rate")


def _number(value: float | None, digits: int = 1) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def _percent(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.0f}%"


def _arrow(metric: str) -> str:
    return f"{metrics.LABELS[metric]} {metrics.DIRECTIONS[metric][0]}"


def _group_table(report: StatsReport) -> Table:
    from rich.table import Table

    table = Table(title=f"Post-editing by {report.by}" if report.by else "Post-editing")
    table.add_column(report.by or "", overflow="fold")
    table.add_column("segs", justify="right")
    for metric in COLUMNS:
        table.add_column(_arrow(metric), justify="right")
    table.add_column(_arrow("rejection_rate"), justify="right")
    table.add_column("reviews", justify="right")
    for group in [*report.groups, report.overall]:
        table.add_row(*_group_cells(group))
    return table


def _group_cells(group: GroupStats) -> list[str]:
    timing = f"{_number(group.seconds_per_word, 2)} ({group.timed_segments} timed"
    timing += f", {group.outliers_cut} cut)" if group.outliers_cut else ")"
    return [
        inert(group.label),
        str(group.segments),
        _number(group.hter),
        _number(group.chrf),
        _number(group.bleu),
        timing,
        "-" if group.keystrokes is None else str(group.keystrokes),
        _percent(group.approval_rate),
        _percent(group.rejection_rate),
        str(group.reviews),
    ]


def _segment_table(rows: list[SegmentMetrics]) -> Table:
    from rich.table import Table

    table = Table(title="Post-editing by segment")
    for name in ("segment", "editor", "status", "words"):
        table.add_column(name, justify="right" if name in ("segment", "words") else "left")
    for metric in ("hter", "chrf", "seconds_per_word", "keystrokes"):
        table.add_column(_arrow(metric), justify="right")
    table.add_column("approved/rejected", justify="right")
    for row in rows:
        per_word = _number(row.seconds_per_word, 2) + (" cut" if row.time_outlier else "")
        table.add_row(
            str(row.segment_id),
            inert(row.editor or "-"),
            row.status,
            str(row.words),
            f"{_number(row.hter)} ({row.edits}/{row.reference_words:g})",
            _number(row.chrf),
            per_word,
            "-" if row.keystrokes is None else str(row.keystrokes),
            f"{row.approvals}/{row.rejections}",
        )
    return table


ROWS = {
    None: "one row: all editors together",
    "editor": "one row per editor, then all together",
    "document": "one row per document, then all together",
    "segment": "one row per finished segment",
}
OTHER_ROWS = {"editor": "per editor", "document": "per document", "segment": "every segment"}


def _rows_note(by: str | None, document_id: int | None) -> str:
    """Which rows were printed, and the options that print the others."""
    scope = f"document {document_id}" if document_id is not None else "all documents"
    others = [f"--by {name} ({what})" for name, what in OTHER_ROWS.items() if name != by]
    if by is not None:
        others.append("no --by (all together)")
    if document_id is None:
        others.append("--doc ID (one document)")
    return f"Rows: {ROWS[by]}, over {scope}. Others: {'; '.join(others)}."


def _legend() -> str:
    from workbench.review.records import FINISHED_STATUSES

    low, high = metrics.MIN_SECONDS_PER_WORD, metrics.MAX_SECONDS_PER_WORD
    lines = [f"  {metrics.heading(name)}" for name in metrics.DIRECTIONS]
    return "\n".join(
        [
            f"Segments: post-edited MT that is {', '.join(FINISHED_STATUSES)}.",
            "HTER = edits / words of the final text (corpus: totals), chrF and BLEU of the MT "
            "against the final text; BLEU per group only.",
            f"Times outside {low:g}–{high:g} s/word are cut; reviews count against the editor "
            "whose text was judged.",
            *lines,
        ]
    )


@click.command("stats")
@click.option(
    "--by",
    type=click.Choice([*GROUPINGS, "segment"]),
    help="Group by editor or document, or list every segment.",
)
@click.option("--doc", "document_id", type=ROW_ID, metavar="ID", help="Only this document.")
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help="One JSON object; with --by segment, per-segment rows too.",
)
@pass_context
def stats_command(
    context: CliContext, by: str | None, document_id: int | None, as_json: bool
) -> None:
    """Post-editing effort (HTER, chrF, BLEU, seconds per word, keystrokes) and review rates.

    Every figure says which way is better: HTER ↓ lower = less editing.
    """
    from rich.console import Console

    from workbench.review.records import load_stats

    grouping = GROUP_OPTIONS.get(by or "")
    with context.database().read() as session:
        report = load_stats(session, grouping, document_id)
    if as_json:
        data = report.to_json()
        if by == "segment":
            data["segments"] = [row.to_json() for row in report.segments]
        echo(json_line(data))
        return
    console = Console(highlight=False, width=None if Console().is_terminal else 160)
    if by == "segment":
        console.print(_segment_table(report.segments))
    else:
        console.print(_group_table(report))
    console.print(_rows_note(by, document_id), soft_wrap=True)  # one line, for grep
    console.print(_legend())
