"""The claims board: every document's claims by state, with their checks and claims seen before.

`s` cycles the status shown (all, draft, tagged, in review, approved, rejected), `m` shows only
the claims assigned to you, Enter opens the claim's segment in its document, Escape closes.
Under the table: the selected claim's automatic findings and the earlier claims like it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Label, Static

from workbench.store.claim_labels import label
from workbench.tui.claims.desk import BoardRow, board_filter, board_rows, detail_lines, next_status
from workbench.tui.common.host import workbench_of
from workbench.tui.display.bidi import Base, display_line

if TYPE_CHECKING:
    from workbench.tui.app import WorkbenchApp

COLUMNS = ("#", "Doc", "Seg", "Status", "Verdict", "Assignee", "Checks", "Claim")
CLAIM_WIDTH = 48

Target = tuple[int, int]  # (document id, segment position)


class ClaimsBoard(ModalScreen[Target | None]):
    """Returns the document and segment position to open, or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close", id="board_close"),
        Binding("enter", "open_claim", "Open segment", id="board_open", priority=True),
        Binding("s", "cycle_status", "Status", id="board_status"),
        Binding("m", "toggle_mine", "Mine", id="board_mine"),
    ]

    def __init__(self) -> None:
        super().__init__(classes="dialog-screen")
        self.status: str | None = None
        self.mine = False
        self.rows: list[BoardRow] = []

    @property
    def workbench(self) -> WorkbenchApp:
        return workbench_of(self)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog claims-panel"):
            yield Label("Claims board", classes="dialog-title", id="board-title")
            yield DataTable(cursor_type="row", zebra_stripes=True, id="board-table")
            yield Static("", id="board-detail")
            yield Label(
                "Enter open segment · s status · m mine · Escape close", classes="dialog-hint"
            )

    @property
    def table(self) -> DataTable[str]:
        return self.query_one(DataTable)

    def on_mount(self) -> None:
        self.table.add_columns(*COLUMNS)
        self.reload()
        self.table.focus()

    def reload(self) -> None:
        assignee = self.workbench.settings.user if self.mine else None
        self.rows = board_rows(self.workbench.database, board_filter(self.status, assignee))
        self.table.clear()
        bidi = self.workbench.bidi_active
        for row in self.rows:
            claim = row.claim
            text = claim.claim_text_en or claim.quote
            base: Base = "L" if claim.claim_text_en or claim.side == "en" else "R"
            self.table.add_row(
                str(claim.id),
                str(claim.document_id),
                str(claim.position),
                label(claim.status),
                label(claim.verdict),
                claim.assignee or "",
                row.badges,
                display_line(text[:CLAIM_WIDTH], bidi, base),
                key=str(claim.id),
            )
        shown = label(self.status) if self.status else "all"
        who = " · mine" if self.mine else ""
        self.query_one("#board-title", Label).update(
            f"Claims board · {shown}{who} · {len(self.rows)} claim(s)"
        )
        self.show_detail()

    def selected(self) -> BoardRow | None:
        if not self.rows:
            return None
        return self.rows[min(self.table.cursor_row, len(self.rows) - 1)]

    def show_detail(self) -> None:
        row = self.selected()
        lines = detail_lines(row) if row is not None else ["no claims match"]
        bidi = self.workbench.bidi_active
        shown = "\n".join(display_line(line, bidi, "L") for line in lines)
        self.query_one("#board-detail", Static).update(shown)

    def on_data_table_row_highlighted(self, _event: DataTable.RowHighlighted) -> None:
        self.show_detail()

    def action_close(self) -> None:
        self.dismiss(None)

    def action_open_claim(self) -> None:
        row = self.selected()
        if row is None:
            self.notify("No claim to open.")
            return
        self.dismiss((row.claim.document_id, row.claim.position))

    def action_cycle_status(self) -> None:
        self.status = next_status(self.status)
        self.reload()

    def action_toggle_mine(self) -> None:
        self.mine = not self.mine
        self.reload()


def open_claims_board(app: WorkbenchApp) -> None:
    """Save the open segment first; Enter on a claim opens its document at its segment."""
    main = app.main_screen
    if main is None or app.screen is not main or not main.leave_current():
        return

    def opened(target: Target | None) -> None:
        if target is None:
            main.refresh_from_database()
            return
        document_id, position = target
        main.open_document(document_id, position=position)

    app.push_screen(ClaimsBoard(), opened)
