"""The workbench screen: segment list above, the open segment below, status bar and footer.

The screen composes the work area (`Workspace`: the list, the open segment
and what serves it, editor/workspace.py), the status bar and the footer; its keys (keys/keymap.py)
call the work area. It owns nothing the parts own: what others read of it (`rows`, `current`,
`document_id`, ...) is read from the part that holds it. What the app has to say (MT progress, a
model found) reaches it as messages (editor/messages.py), and it tells the status bar.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal

from workbench.store.queries import list_documents, status_counts
from workbench.tui.common.host import workbench_of
from workbench.tui.common.kept_styles import KeptStylesScreen
from workbench.tui.common.key_footer import KeyFooter
from workbench.tui.documents.screen import DocumentsScreen
from workbench.tui.editor import finding
from workbench.tui.editor.detail import DetailPane
from workbench.tui.editor.messages import (
    DocumentOpened,
    ModelFound,
    MtFinished,
    MtProgress,
    SegmentSaved,
)
from workbench.tui.editor.rows import RowFilter, SegmentRows
from workbench.tui.editor.segment_list import SegmentList
from workbench.tui.editor.session import OpenSegment
from workbench.tui.editor.status_bar import StatusBar
from workbench.tui.editor.target_editor import TargetEditor
from workbench.tui.editor.workspace import Workspace
from workbench.tui.keys import keymap
from workbench.tui.keys.key_order import keys_delivered

if TYPE_CHECKING:
    from workbench.tui.app import WorkbenchApp

# Actions that act on the editor: when another widget has focus (the segment list), their keys
# (enter, page up/down) go to that widget instead.
EDITOR_ACTIONS = frozenset(
    {"confirm", "save_draft", "move", "page", "copy_mt", "pick_alternative", "revert", "insert_tm"}
)
REFRESH_SECONDS = 10.0  # how often others' saves are picked up
# Below this many rows (80x24, most SSH sessions) the open segment takes the screen: the list
# keeps a few rows, the checks and matches fold into the texts (compact layout, app.tcss).
COMPACT_BELOW_ROWS = 32


class MainScreen(KeptStylesScreen):
    """Kept styles (common/kept_styles.py): Textual restyles every node of a screen each time it
    is shown again, here each time a dialog over it closes and once more as the app starts; the
    styles still hold unless the stylesheet, theme or app focus changed meanwhile."""

    BINDINGS: ClassVar[list[BindingType]] = list(keymap.bindings())

    def __init__(self, document_id: int | None = None) -> None:
        super().__init__()
        self.requested_document = document_id

    @property
    def workbench(self) -> WorkbenchApp:
        return workbench_of(self)

    def compose(self) -> ComposeResult:
        with Horizontal(id="body"):
            yield Workspace(id="work")
        yield StatusBar(id="status")
        yield KeyFooter()

    @property
    def work(self) -> Workspace:
        return self.query_one(Workspace)

    @property
    def status_bar(self) -> StatusBar:
        return self.query_one(StatusBar)

    # --- what others (the app, the palette, other screens, tests) read: the parts hold it --------

    @property
    def segment_list(self) -> SegmentList:
        return self.work.segment_list

    @property
    def detail(self) -> DetailPane:
        return self.work.detail

    @property
    def editor(self) -> TargetEditor:
        return self.work.editor

    @property
    def rows(self) -> SegmentRows | None:
        return self.work.rows

    @property
    def document_id(self) -> int | None:
        return self.work.document_id

    @property
    def current(self) -> OpenSegment | None:
        return self.work.current

    def open_document(
        self, document_id: int, row_filter: RowFilter | None = None, position: int | None = None
    ) -> bool:
        return self.work.open_document(document_id, row_filter, position)

    def go_to_index(self, index: int, top: int | None = None) -> bool:
        return self.work.go_to_index(index, top)

    def jump_to_position(self, position: int) -> None:
        self.work.jump_to_position(position)

    def apply_filter(self, row_filter: RowFilter) -> None:
        self.work.apply_filter(row_filter)

    def leave_current(self) -> bool:
        return self.work.leave_current()

    def show_alternatives(self, segment_id: int, alternatives: list[str]) -> None:
        self.work.show_alternatives(segment_id, alternatives)

    def open_claim_form(
        self, segment_id: int, position: int, side: str, text: str, span: tuple[int, int],
        *, other: str | None,
    ) -> None:  # fmt: skip
        self.work.open_claim_form(segment_id, position, side, text, span, other=other)

    def unsaved_text(self) -> tuple[OpenSegment, str] | None:
        return self.detail.unsaved_text()

    def restore_text(self, segment_id: int, base_version: int, text: str) -> bool:
        return self.detail.restore_text(segment_id, base_version, text)

    # --- start, and what the parts and the app say -----------------------------------------------

    def on_mount(self) -> None:
        self.set_interval(REFRESH_SECONDS, self._refresh_after_keys)
        self.apply_bidi()
        self.status_bar.show_model(self.workbench.model_label())
        with self.workbench.database.read() as session:
            documents = list_documents(session)
        known = {document.id for document in documents}
        if self.requested_document in known:
            self.open_document(self.requested_document)
        elif documents:
            self.open_document(documents[0].id)
        else:
            self.detail.show_message("No documents yet: import some with `workbench import`.")
        self.editor.focus()

    @on(DocumentOpened)
    def document_opened(self, event: DocumentOpened) -> None:
        self.status_bar.show_filter(event.filter_description)
        self.refresh_counts()

    @on(SegmentSaved)
    def segment_saved(self, event: SegmentSaved) -> None:
        """A save made on the way elsewhere (leaving a segment, a conflict resolved)."""
        event.stop()  # the app does not listen
        self.saved(event)

    def saved(self, saved: SegmentSaved | None) -> None:
        """What the screen shows of a save: told by the message above, or returned by the
        workspace to the screen's own action (Enter, ctrl+s), drawn in the same frame."""
        if saved is not None:
            self.workbench.unsaved.keep()  # saved: nothing left to recover
            self.status_bar.count_moved(saved.before, saved.row.status)

    def refresh_counts(self) -> None:
        if self.document_id is None:
            return
        with self.workbench.database.read() as session:
            self.status_bar.show_counts(status_counts(session, self.document_id))

    async def _refresh_after_keys(self) -> None:
        await keys_delivered(self.app)  # a key still on its way makes the editor dirty first
        self.refresh_from_database()

    def refresh_from_database(self) -> None:
        """Others work in the same database: show their saves (not while another screen is on
        top, nor once the database file is gone)."""
        if self.current is None or self.app.screen is not self or self.workbench.database_changed():
            return
        self.refresh_counts()
        self.work.others_saved()

    @on(MtProgress)
    def mt_progress(self, event: MtProgress) -> None:
        self.status_bar.show_progress(event.done_total, event.stop_key)
        if event.done_total is not None and event.done_total[0]:
            self.work.mt_wrote()

    @on(MtFinished)
    def mt_finished(self, event: MtFinished) -> None:
        self.status_bar.show_progress(None)
        self.work.mt_wrote()
        if event.filled:
            self.refresh_from_database()  # the memory's English, as `workbench translate`

    @on(ModelFound)
    def model_found(self, event: ModelFound) -> None:
        self.status_bar.show_model(event.label)

    # --- display ---------------------------------------------------------------------------------

    def apply_bidi(self) -> None:
        active = self.workbench.bidi_active
        self.work.segment_list.set_bidi(active)
        self.work.detail.set_bidi(active)
        self.status_bar.show_bidi(self.workbench.bidi_mode, active)

    def on_resize(self, event: events.Resize) -> None:
        compact = event.size.height < COMPACT_BELOW_ROWS
        if compact != self.has_class("-compact"):
            self.set_class(compact, "-compact")
            self.work.detail.set_compact(compact)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return not (action in EDITOR_ACTIONS and self.focused is not self.editor)

    # --- actions (bound in keymap.py) ------------------------------------------------------------

    def action_confirm(self) -> None:
        self.saved(self.work.confirm())

    def action_save_draft(self) -> None:
        self.saved(self.work.save_draft())

    def action_next_unconfirmed(self) -> None:
        self.work.next_unconfirmed()

    def action_move(self, delta: int) -> None:
        self.go_to_index(self.segment_list.cursor + delta)

    def action_page(self, direction: int) -> None:
        segment_list = self.segment_list
        step = segment_list.page_height * direction
        self.go_to_index(segment_list.cursor + step, round(segment_list.scroll_offset.y) + step)

    def action_scroll_details(self, pages: int) -> None:
        self.detail.scroll_texts(pages)

    def action_revert(self) -> None:
        self.detail.revert()

    def action_copy_mt(self) -> None:
        self.detail.copy_mt()

    def action_pick_alternative(self, number: int) -> None:
        self.detail.pick_alternative(number)

    def action_insert_tm(self, number: int) -> None:
        self.detail.insert_tm(number)

    def action_other_model_mt(self) -> None:
        self.work.other_model_mt()

    def action_tag_claim(self) -> None:
        self.work.tag_claim()

    def action_claims_panel(self) -> None:
        self.work.claims_panel()

    def action_go_to(self) -> None:
        last = self.work.last_position
        if self.rows is not None:
            finding.ask_position(self.app, self.workbench.shelf, last, self.jump_to_position)

    def action_search(self) -> None:
        previous = self.rows.filter if self.rows is not None else RowFilter()
        finding.ask_search(self.app, self.workbench.shelf, previous, self.apply_filter)

    def action_cycle_filter(self) -> None:
        rows, document_id = self.rows, self.document_id
        if rows is not None and document_id is not None:
            database = self.workbench.database
            self.apply_filter(finding.next_status_filter(database, document_id, rows.filter))

    def action_documents(self) -> None:
        """F2: the list over this screen (documents/screen.py); F2 there closes it."""
        screen = self.workbench.shelf.get("documents", DocumentsScreen, DocumentsScreen)
        screen.show(self.document_id, self.workbench.bidi_active)
        self.app.push_screen(screen, self._document_chosen)

    def _document_chosen(self, document_id: int | None) -> None:
        if document_id is not None:
            self.open_document(document_id)

    def action_toggle_bidi(self) -> None:
        self.workbench.cycle_bidi()
        self.apply_bidi()
