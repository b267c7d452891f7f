"""Claims on the main screen: tagging a selection, the claims panel, and the marks that show them.

The English side is selected in the target editor itself (shift+arrows or the mouse); the Arabic
side in a logical-order view of the source (SourceSelectScreen), never on the converted display.
`ClaimActions` (drawing nothing itself) owns the marks of the open document (`ClaimMarks`) and
the dialogs; it tells the screen when claims changed (`ClaimsChanged`) or when the panel asked
for a segment (`GoToPosition`).
"""

from __future__ import annotations

from textual.widget import Widget

from workbench.config import Settings
from workbench.errors import WorkbenchError
from workbench.services.claim_fields import ClaimFields
from workbench.store.database import Database
from workbench.store.queries import SegmentRow
from workbench.tui.claims import ops as claim_ops
from workbench.tui.claims.form import ClaimFormRequest, shelved_form
from workbench.tui.claims.marks import ClaimMarks
from workbench.tui.claims.panel import ClaimsPanel
from workbench.tui.claims.source_select import SourceSelectScreen
from workbench.tui.common.naming import by_position, segment_name
from workbench.tui.common.shelf import ScreenShelf
from workbench.tui.editor.messages import ClaimsChanged, GoToPosition
from workbench.tui.keys.keymap import effective_keys


class ClaimActions(Widget):
    DEFAULT_CSS = "ClaimActions { display: none; }"

    def __init__(self, database: Database, settings: Settings, shelf: ScreenShelf) -> None:
        super().__init__()
        self.database = database
        self.settings = settings
        self.shelf = shelf
        self.marks = ClaimMarks(database)

    @property
    def panel_key(self) -> str:
        return effective_keys(self.settings.keymap)["claims_panel"]

    # --- tagging -------------------------------------------------------------------------------

    def tag_arabic(self, row: SegmentRow, document_id: int | None, *, bidi: bool) -> None:
        """Select Arabic in a logical-order view of the source, then fill in the claim."""
        select = SourceSelectScreen(row.position, row.source, bidi=bidi)

        def chosen(span: tuple[int, int] | None) -> None:
            if span is not None:
                self.open_form(
                    row.id, row.position, "ar", row.source, span,
                    other=row.target, document_id=document_id, bidi=bidi,
                )  # fmt: skip

        self.app.push_screen(select, chosen)

    def open_form(
        self,
        segment_id: int,
        position: int,
        side: str,
        text: str,
        span: tuple[int, int],
        *,
        other: str | None,
        document_id: int | None,
        bidi: bool,
    ) -> None:
        """The form for a new claim on `text[span]`; `other` is the other side's stored text,
        where its aligned span may be chosen (None: no saved English target yet)."""
        document = document_id or 0

        def submit(fields: ClaimFields) -> str | None:
            try:
                claim = claim_ops.tag(
                    self.database, self.settings, segment_id, side, span=span, fields=fields
                )
            except WorkbenchError as error:
                return by_position(str(error), segment_id, position, document)
            where = segment_name(position, document)
            self.notify(f"Claim {claim.id} tagged in {where} ({side}).", markup=False)
            return None

        title = f"New claim · segment {position} · {'Arabic' if side == 'ar' else 'English'}"
        request = ClaimFormRequest(
            title, text[span[0] : span[1]], submit, bidi, side, position, other or None
        )
        form = shelved_form(self.shelf, request)

        def closed(saved: bool | None) -> None:
            if saved:
                self.marks.segment_changed(segment_id)
                self.post_message(ClaimsChanged(segment_id))

        self.app.push_screen(form, closed)

    # --- the panel -----------------------------------------------------------------------------

    def open_panel(self, document_id: int) -> None:
        """The claims of the document; closed with a segment chosen, the screen goes to it."""
        title = f"Claims of document {document_id}"
        panel = self.shelf.get("claims panel", ClaimsPanel, lambda: ClaimsPanel(document_id, title))
        panel.show_document(document_id, title)

        def closed(position: int | None) -> None:
            self.marks.forget()
            self.post_message(ClaimsChanged(None))
            if position is not None:
                self.post_message(GoToPosition(position))

        self.app.push_screen(panel, closed)
