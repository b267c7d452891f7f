"""The claims of one document: Enter jumps to the segment, e edits, d deletes, h shows history.

Every write goes through claim_ops with the version shown here; a claim someone changed
meanwhile is reported (who, which version) and the list is read again: nothing is overwritten.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Label

from workbench.errors import StaleClaimError, WorkbenchError
from workbench.glossary.loading import glossary_index
from workbench.services.claim_fields import ClaimFields
from workbench.store.claim_labels import label
from workbench.store.claim_queries import ClaimView
from workbench.store.stamps import Stamp, claims_stamp
from workbench.tui.claims import ops as claim_ops
from workbench.tui.claims.desk import checks_by_claim
from workbench.tui.claims.form import ClaimFormRequest, shelved_form
from workbench.tui.claims.form_values import other_side_text
from workbench.tui.claims.history import ClaimHistoryScreen, ConfirmScreen
from workbench.tui.common.host import workbench_of
from workbench.tui.common.kept_styles import KeptStylesScreen
from workbench.tui.common.kept_table import KeptTable
from workbench.tui.display.bidi import Base, display_line

if TYPE_CHECKING:
    from workbench.tui.app import WorkbenchApp

# The quote last: at 80 columns it is the one cut, the verdict, status and anchor stay legible.
COLUMNS = (
    "#",
    "Seg",
    "Side",
    "Type",
    "Verdict",
    "Status",
    "Anchor",
    "Checks",
    "Quote",
)  # Checks
QUOTE_WIDTH = 40
ATTENTION = "⚠ needs attention"


def stale_message(error: StaleClaimError) -> str:
    who = error.saved_by or "someone else"
    return (
        f"Claim {error.claim_id} was changed by {who} (now version {error.current}); "
        "nothing was written. The list is reloaded: apply your change again."
    )


class ClaimsPanel(ModalScreen[int | None], KeptStylesScreen):
    """Returns the position of the segment to jump to, or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close", id="claims_close"),
        Binding("enter", "jump", "Go to segment", id="claims_jump", priority=True),
        Binding("e", "edit", "Edit", id="claims_edit"),
        Binding("d", "delete", "Delete", id="claims_delete"),
        Binding("h", "history", "History", id="claims_history"),
    ]

    def __init__(self, document_id: int, title: str) -> None:
        super().__init__(classes="dialog-screen")
        self.document_id = document_id
        self.title_text = title
        self.claims: list[ClaimView] = []
        self.stale = True  # read the claims again when next shown
        self.stamp: Stamp | None = None  # of the claims read last

    @property
    def workbench(self) -> WorkbenchApp:
        return workbench_of(self)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog claims-panel"):
            yield Label(self.title_text, classes="dialog-title", markup=False)
            yield KeptTable(cursor_type="row", zebra_stripes=True, id="claims-table")
            yield Label(
                "Enter go to segment · e edit · d delete · h history · Escape close",
                classes="dialog-hint",
            )

    @property
    def table(self) -> DataTable[str]:
        return self.query_one(DataTable)

    def on_mount(self) -> None:
        self.table.add_columns(*COLUMNS)

    def show_document(self, document_id: int, title: str) -> None:
        """Kept by the app and shown again: the claims of `document_id`, read when shown."""
        self.document_id, self.title_text, self.stale = document_id, title, True
        if self.is_mounted:
            self.query_one(".dialog-title", Label).update(title)

    def on_screen_resume(self) -> None:
        """Read the claims again when asked to, unless nothing they are read from changed since
        (store/stamps.py): the table of a long list costs more to fill than to keep."""
        if self.stale:
            self.stale = False
            if self.read_stamp() != self.stamp:
                self.reload()
            self.table.focus()

    def read_stamp(self) -> Stamp:
        with self.workbench.database.read() as session:
            # The Checks column reads the glossary too.
            claims = claims_stamp(session, self.document_id)
            return (self.document_id, *claims, glossary_index(session).signature)

    def reload(self) -> None:
        row = self.table.cursor_row
        self.stamp = self.read_stamp()
        self.claims = claim_ops.claims_of(self.workbench.database, self.document_id)
        self.table.clear()
        bidi = self.workbench.bidi_active
        badges = checks_by_claim(self.workbench.database, self.claims)  # check badges
        for claim in self.claims:
            quote = claim.quote if len(claim.quote) <= QUOTE_WIDTH else claim.quote[:QUOTE_WIDTH]
            base: Base = "R" if claim.side == "ar" else "L"
            anchor = ATTENTION if claim.anchor_state == "needs_attention" else claim.anchor_state
            self.table.add_row(
                str(claim.id),
                str(claim.position),
                claim.side,
                label(claim.claim_type),
                label(claim.verdict),
                claim.status,
                anchor,
                badges[claim.id],
                display_line(quote, bidi, base),
                key=str(claim.id),
            )
        if self.claims:
            self.table.move_cursor(row=min(row, len(self.claims) - 1))

    def selected(self) -> ClaimView | None:
        if not self.claims:
            self.notify("This document has no claims yet.")
            return None
        return self.claims[self.table.cursor_row]

    def action_close(self) -> None:
        self.dismiss(None)

    def action_jump(self) -> None:
        claim = self.selected()
        if claim is not None:
            self.dismiss(claim.position)

    def action_edit(self) -> None:
        claim = self.selected()
        if claim is None:
            return

        def submit(fields: ClaimFields) -> str | None:
            try:
                claim_ops.update(self.workbench.database, self.workbench.settings, claim, fields)
            except StaleClaimError as error:
                self.notify(stale_message(error), severity="error", timeout=15)
                return None  # the form closes; the reloaded list shows their version
            except WorkbenchError as error:
                return str(error)
            return None

        # The app's one claim form, refilled for this claim (building it was most of the open).
        request = ClaimFormRequest(
            f"Claim {claim.id} · segment {claim.position} · {claim.side}",
            claim.quote,
            submit,
            bidi=self.workbench.bidi_active,
            side=claim.side,
            position=claim.position,
            other=other_side_text(claim.side, claim.source, claim.target),
            claim=claim,
        )
        form = shelved_form(self.workbench.shelf, request)
        # Cancelled, nothing was written: the list shown holds.
        self.app.push_screen(form, lambda saved: self.reload() if saved else None)

    def action_delete(self) -> None:
        claim = self.selected()
        if claim is None:
            return

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            try:
                claim_ops.delete(self.workbench.database, self.workbench.settings, claim)
            except StaleClaimError as error:
                self.notify(stale_message(error), severity="error", timeout=15)
            except WorkbenchError as error:
                self.notify(str(error), severity="error", timeout=15)
            else:
                self.notify(f"Claim {claim.id} deleted (its history is kept).")
            self.reload()

        question = f"Delete claim {claim.id} of segment {claim.position}?"
        self.app.push_screen(ConfirmScreen(question), answered)

    def action_history(self) -> None:
        claim = self.selected()
        if claim is not None:
            entries = claim_ops.history(self.workbench.database, claim.id)
            self.app.push_screen(ClaimHistoryScreen(claim.id, entries))
