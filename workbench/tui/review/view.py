"""Rich renderables for the review screens: Arabic source, word diffs, a segment's edit log.

No Textual here: plain Rich objects that a Static draws, sized at render time to the width given.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.table import Table
from rich.text import Text

from workbench.qa.checks import QaIssue
from workbench.review.diff import DiffPiece, word_diff
from workbench.review.history import HistoryEntry
from workbench.store.models import Origin
from workbench.tui.aids.qa_badges import SEVERITY_STYLES
from workbench.tui.display.bidi import display_lines

# Styles that read without colour too: deleted words struck through, inserted words underlined.
DIFF_STYLES = {"equal": "", "delete": "red strike", "insert": "green underline"}


@dataclass(frozen=True, slots=True)
class ArabicText:
    """Arabic wrapped in logical order to the width it gets, each line converted for display."""

    text: str
    bidi: bool

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = max(options.max_width, 1)
        for visual in display_lines(self.text, width, self.bidi):
            yield Text(" " * max(width - cell_len(visual), 0) + visual)


def diff_text(pieces: list[DiffPiece]) -> Text:
    """Equal words plain, deleted red and struck through, inserted green and underlined."""
    text = Text()
    for piece in pieces:
        text.append(piece.text, style=DIFF_STYLES[piece.op])
    return text


def _effort(entry: HistoryEntry) -> str:
    parts = []
    if entry.seconds is not None:
        parts.append(f"{entry.seconds:g} s")
    if entry.keystrokes is not None:
        parts.append(f"{entry.keystrokes} keys")
    return ", ".join(parts)


def history_table(entries: list[HistoryEntry]) -> Table:
    """Every revision and review, oldest first; each text as a word diff from the one before."""
    table = Table(expand=True, show_edge=False, show_lines=True)
    table.add_column("v", justify="right", no_wrap=True)
    table.add_column("when (UTC)", no_wrap=True)
    table.add_column("who", no_wrap=True)
    table.add_column("what", no_wrap=True)
    table.add_column("text (changes from the previous text) / comment", ratio=1)
    previous = ""
    for entry in entries:
        when = entry.at.strftime("%Y-%m-%d %H:%M")
        if entry.kind == "review":
            comment = Text(entry.comment or "(no comment)", style="italic")
            what = Text(entry.decision or "", style="bold")
            table.add_row(str(entry.version), when, entry.who or "-", what, comment)
            continue
        text = entry.text or ""
        if entry.origin == Origin.MT.value:
            shown = Text(text, style="dim")
        else:
            shown = diff_text(word_diff(previous, text))
            effort = _effort(entry)
            if effort:
                shown.append(f"  ({effort})", style="dim")
        previous = text
        change = f"{entry.origin} → {entry.status}"
        table.add_row(str(entry.version), when, entry.who or "MT", change, shown)
    return table


def short(text: str | None, width: int = 48) -> str:
    """One line of at most `width` characters, cut with …."""
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"


def issue_lines(issues: list[QaIssue]) -> list[Text]:
    """The checks of the segment shown, errors first."""
    if not issues:
        return [Text("No problem found.", style="italic")]
    return [
        Text.assemble((f" {found.code} ", SEVERITY_STYLES.get(found.severity, "reverse")), " ")
        + Text(found.message)
        for found in sorted(issues, key=lambda found: found.severity != "error")
    ]
