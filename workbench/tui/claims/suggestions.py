"""Where the claims are: the open document's sentences likely to hold a checkable claim.

Each row gives the reasons (quantity, attribution, quotation, comparison, date; see
`qa/claim_suggest.py`). `a` toggles between the suggested sentences and every sentence (the
others unmarked), Enter goes to the sentence, Escape closes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Label

from workbench.qa.claim_suggest import suggest
from workbench.store.database import Database
from workbench.store.queries import iter_segment_rows
from workbench.tui.common.host import workbench_of
from workbench.tui.display.bidi import display_line

if TYPE_CHECKING:
    from workbench.tui.app import WorkbenchApp

COLUMNS = ("", "Seg", "Reasons", "Sentence")
SENTENCE_WIDTH = 70
MARK = "◆"


@dataclass(frozen=True, slots=True)
class SuggestedRow:
    position: int
    source: str
    checkable: bool
    reasons: tuple[str, ...]


def suggested_rows(database: Database, document_id: int) -> list[SuggestedRow]:
    with database.read() as session:
        rows = list(iter_segment_rows(session, document_id))
    found = []
    for row in rows:
        suggestion = suggest(row.source)
        found.append(
            SuggestedRow(row.position, row.source, suggestion.checkable, suggestion.reasons)
        )
    return found


class ClaimSuggestions(ModalScreen[int | None]):
    """Returns the position of the sentence to go to, or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close", id="suggest_close"),
        Binding("enter", "jump", "Go to sentence", id="suggest_jump", priority=True),
        Binding("a", "toggle_all", "All / suggested", id="suggest_all"),
    ]

    def __init__(self, document_id: int) -> None:
        super().__init__(classes="dialog-screen")
        self.document_id = document_id
        self.show_all = False
        self.rows: list[SuggestedRow] = []
        self.everything: list[SuggestedRow] = []

    @property
    def workbench(self) -> WorkbenchApp:
        return workbench_of(self)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog claims-panel"):
            yield Label("", classes="dialog-title", id="suggest-title")
            yield DataTable(cursor_type="row", zebra_stripes=True, id="suggest-table")
            yield Label(
                "Enter go to sentence · a all / suggested · Escape close", classes="dialog-hint"
            )

    @property
    def table(self) -> DataTable[str]:
        return self.query_one(DataTable)

    def on_mount(self) -> None:
        self.table.add_columns(*COLUMNS)
        self.everything = suggested_rows(self.workbench.database, self.document_id)
        self.reload()
        self.table.focus()

    def reload(self) -> None:
        self.rows = [row for row in self.everything if row.checkable or self.show_all]
        self.table.clear()
        bidi = self.workbench.bidi_active
        for row in self.rows:
            self.table.add_row(
                MARK if row.checkable else "",
                str(row.position),
                ", ".join(row.reasons),
                display_line(row.source[:SENTENCE_WIDTH], bidi, "R"),
                key=str(row.position),
            )
        marked = sum(row.checkable for row in self.everything)
        self.query_one("#suggest-title", Label).update(
            f"Likely claims · {marked} of {len(self.everything)} sentences"
        )

    def action_close(self) -> None:
        self.dismiss(None)

    def action_jump(self) -> None:
        if self.rows:
            self.dismiss(self.rows[self.table.cursor_row].position)

    def action_toggle_all(self) -> None:
        self.show_all = not self.show_all
        self.reload()


def open_claim_suggestions(app: WorkbenchApp) -> None:
    main = app.main_screen
    if main is None or app.screen is not main or main.document_id is None:
        return
    document_id = main.document_id
    if not main.leave_current():
        return

    def chosen(position: int | None) -> None:
        if position is not None:
            main.open_document(document_id, position=position)

    app.push_screen(ClaimSuggestions(document_id), chosen)
