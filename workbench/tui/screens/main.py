"""The workbench screen: segment list above, the open segment below, status bar and footer.

The screen owns the cursor. Every move goes through `go_to_index`, which first saves the open
segment if it changed; a save that meets a newer version stops the move and opens the conflict
dialog, so nothing is overwritten and nothing typed is lost.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from sqlalchemy.exc import SQLAlchemyError
from textual import events, on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import OptionList

from workbench.errors import StaleVersionError, WorkbenchError
from workbench.store.models import SegmentStatus
from workbench.store.queries import list_documents, status_counts
from workbench.tui import keymap
from workbench.tui.key_order import keys_delivered
from workbench.tui.mt_confidence import panel_label  # mt18
from workbench.tui.naming import by_position
from workbench.tui.navigation import next_unconfirmed_index
from workbench.tui.rows import RowFilter, SegmentRows
from workbench.tui.screens.aids import SegmentAids
from workbench.tui.screens.claim_actions import ClaimActions
from workbench.tui.screens.conflict import Choice, ConflictScreen
from workbench.tui.screens.finding import FindingActions
from workbench.tui.screens.other_models import OtherModels  # mt18
from workbench.tui.screens.suggestions import MtSuggestions
from workbench.tui.session import OpenSegment
from workbench.tui.widgets.detail import DetailPane, TargetEditor
from workbench.tui.widgets.document_picker import DocumentPicker
from workbench.tui.widgets.key_footer import KeyFooter
from workbench.tui.widgets.segment_list import SegmentList
from workbench.tui.widgets.status_bar import StatusBar

if TYPE_CHECKING:
    from workbench.tui.app import WorkbenchApp

# Actions that act on the editor: when another widget has focus (the document list), their keys
# (enter, page up/down) go to that widget instead.
EDITOR_ACTIONS = frozenset(
    {"confirm", "save_draft", "move", "page", "copy_mt", "pick_alternative", "revert", "insert_tm"}
)
REFRESH_SECONDS = 10.0  # how often others' saves are picked up
# Below this many rows (80x24, most SSH sessions) the open segment takes the screen: the list
# keeps a few rows, the checks and matches fold into the texts (compact layout, app.tcss).
COMPACT_BELOW_ROWS = 32


class MainScreen(FindingActions, ClaimActions, SegmentAids, OtherModels, MtSuggestions):
    BINDINGS: ClassVar[list[BindingType]] = list(keymap.bindings())

    def __init__(self, document_id: int | None = None) -> None:
        super().__init__()
        self.requested_document = document_id
        self.document_id: int | None = None
        self.rows: SegmentRows | None = None
        self.current: OpenSegment | None = None
        self.last_position = 0
        self._alternatives: dict[int, list[str]] = {}
        # English another model gave (alt+m), by segment: kept first among the alternatives.
        self._other_model_texts: dict[int, str] = {}
        self._counts: dict[str, int] | None = None  # of the open document, by status

    @property
    def workbench(self) -> WorkbenchApp:
        from workbench.tui.app import WorkbenchApp

        assert isinstance(self.app, WorkbenchApp)
        return self.app

    def compose(self) -> ComposeResult:
        with Horizontal(id="body"):
            yield DocumentPicker(id="documents")
            with Vertical(id="work"):
                yield SegmentList(id="segments")
                yield DetailPane(id="detail")
        yield StatusBar(id="status")
        yield KeyFooter()

    @property
    def segment_list(self) -> SegmentList:
        return self.query_one(SegmentList)

    @property
    def detail(self) -> DetailPane:
        return self.query_one(DetailPane)

    @property
    def editor(self) -> TargetEditor:
        return self.query_one(TargetEditor)

    @property
    def status_bar(self) -> StatusBar:
        return self.query_one(StatusBar)

    def on_mount(self) -> None:
        self.set_interval(REFRESH_SECONDS, self._refresh_after_keys)
        self.query_one(DocumentPicker).display = False
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

    # --- opening documents and moving ------------------------------------------------------------

    def open_document(
        self, document_id: int, row_filter: RowFilter | None = None, position: int | None = None
    ) -> bool:
        """Show a document (through a filter), the cursor on `position` or the current segment."""
        if not self.leave_current():
            return False
        if position is None and self.current is not None and document_id == self.document_id:
            position = self.current.row.position
        rows = SegmentRows(self.workbench.database, document_id, row_filter or RowFilter())
        self.document_id, self.rows = document_id, rows
        self.last_position = max(rows.last_position, 1)
        index = (rows.index_of_position(position) if position else None) or 0
        self.segment_list.low_confidence = self.workbench.settings.mt_low_confidence  # mt18
        self.segment_list.show(rows, index)
        self.status_bar.show_filter(None if rows.filter.is_empty else rows.filter.describe())
        self.current = None
        self.load_index(index)
        self.refresh_counts()
        return True

    def load_index(self, index: int) -> None:
        """Open the segment at `index` in the editor, read afresh from the database."""
        if self.rows is None or not len(self.rows):
            self.current = None
            self.editor.disabled = True
            shown = self.rows.filter.describe() if self.rows is not None else "no document"
            self.detail.show_message(f"No segment to show: {shown}.")
            return
        self.editor.disabled = False
        self.current = OpenSegment.load(self.workbench.database, self.rows.id_at(index))
        self.show_current()
        self.detail.set_target(self.current.saved_text, undoable=False)
        self.schedule_alternatives()
        self.opened()  # glossary, checks, memory (screens/aids.py)

    def go_to_index(self, index: int, top: int | None = None) -> bool:
        if self.rows is None or not len(self.rows):
            return False
        index = max(0, min(index, len(self.rows) - 1))
        if self.current is not None and self.current.row.id == self.rows.id_at(index):
            return True
        if not self.leave_current():
            return False
        self.segment_list.move_cursor(index, top)
        self.load_index(index)
        return True

    def leave_current(self) -> bool:
        """Save the open segment if its text changed; False if that met someone else's save."""
        current = self.current
        if current is None or not current.is_dirty(self.editor.text):
            return True
        return self.save(current.status_on_leave())

    def save(self, status: str, *, moving: bool = False) -> bool:  # moving: to another next
        current = self.current
        assert current is not None
        text = self.editor.text
        before = current.row.status
        try:
            database, user = self.workbench.database, self.workbench.settings.user
            current.save(database, user, text, status)
        except StaleVersionError as error:
            self.show_conflict(error, text, status)
            return False
        except (WorkbenchError, SQLAlchemyError) as error:
            # The database is unreachable or locked too long: keep the text on screen, stay.
            row = current.row
            message = by_position(str(error), row.id, row.position, row.document)
            self.notify(
                f"Not saved (your text is kept): {message}",
                severity="error",
                timeout=15,
                markup=False,
            )
            return False
        self.saved(before, moving=moving)
        return True

    def saved(self, before: str, *, moving: bool = False) -> None:
        assert self.current is not None and self.rows is not None
        index = self.rows.index_of_position(self.current.row.position)
        if index is not None:
            self.segment_list.row_saved(index, self.current.row)  # read back by the save
        self.segment_claims_changed(self.current.row.id)  # a saved target moves its claims
        self.workbench.unsaved.keep()  # saved: nothing left to recover
        if not moving:  # else the next segment is shown instead, at once
            self.show_current()
            self.refresh_qa()
        after = self.current.row.status
        if self._counts is not None and after != before:
            # One segment moved from one status to another: no need to count the document again.
            self._counts[before] = self._counts.get(before, 1) - 1
            self._counts[after] = self._counts.get(after, 0) + 1
            self.status_bar.show_counts(self._counts)

    def refresh_counts(self) -> None:
        if self.document_id is None:
            return
        with self.workbench.database.read() as session:
            self._counts = status_counts(session, self.document_id)
        self.status_bar.show_counts(self._counts)

    # --- conflicts -------------------------------------------------------------------------------

    def show_conflict(self, error: StaleVersionError, mine: str, status: str) -> None:
        current = self.current
        assert current is not None
        dialog = ConflictScreen(
            current.row.position, mine, error.current_text, error.saved_by, error.current
        )

        def resolve(choice: Choice | None) -> None:
            if choice is None or self.current is not current:
                return
            if choice is Choice.KEEP_MINE:
                current.rebase(error.current)
                self.save(status)
            elif choice is Choice.TAKE_THEIRS:
                self._reload_current()
            else:
                self._reload_current()
                self.detail.set_target(f"{mine}\n{error.current_text or ''}", undoable=True)
                self.workbench.copy_to_clipboard(f"{mine}\n{error.current_text or ''}")

        self.app.push_screen(dialog, resolve)

    def _reload_current(self) -> None:
        if self.rows is not None and self.current is not None:
            index = self.rows.index_of_position(self.current.row.position)
            self.current = None
            if index is not None:
                self.segment_list.row_changed(index)
                self.load_index(index)

    # --- what the detail pane shows -------------------------------------------------------------

    def show_current(self) -> None:
        """The open segment in the detail pane: heading, source, MT and alternatives."""
        if self.current is None:
            return
        row = self.current.row
        model = self.workbench.current_model()  # one installed meanwhile is seen here
        note = None if model is not None else self.workbench.missing_model_note()
        marks, terms = self.glossary_shown(row)
        claims = self.claims_shown(row)
        self.detail.show_segment(
            row,
            self.last_position,
            panel_label(
                self.workbench.model_label(), row, self.workbench.settings.mt_low_confidence
            ),
            note,
            self.with_other_model(row.id, self._alternatives.get(row.id, [])),
            returned=self.current.returned_note(),
            claim_notes=claims.notes,
            source_marks=(*marks, *claims.source),
            source_note=terms,
        )
        self.editor.show_claims(row.target or "", claims.target)

    async def _refresh_after_keys(self) -> None:
        await keys_delivered(self.app)  # a key still on its way makes the editor dirty first
        self.refresh_from_database()

    def refresh_from_database(self) -> None:
        """Others work in the same database: show their saves. The open segment is reloaded only
        if nothing was typed in it; otherwise the next save meets their version (conflict)."""
        current = self.current
        if current is None or self.app.screen is not self or self.workbench.database_changed():
            return
        self._claim_spans = None  # others tag claims too
        self.segment_list.all_changed()
        self.refresh_counts()
        fresh = OpenSegment.load(self.workbench.database, current.row.id)
        if fresh.row.version != current.base_version and not current.is_dirty(self.editor.text):
            who = fresh.row.updated_by or "someone"
            self.notify(f"Segment {fresh.row.position} was just saved by {who}; showing theirs.")
            self._reload_current()

    # --- display ---------------------------------------------------------------------------------

    def apply_bidi(self) -> None:
        active = self.workbench.bidi_active
        self.segment_list.set_bidi(active)
        self.detail.set_bidi(active)
        self.status_bar.show_bidi(self.workbench.bidi_mode, active)

    # --- events ----------------------------------------------------------------------------------

    def on_resize(self, event: events.Resize) -> None:
        compact = event.size.height < COMPACT_BELOW_ROWS
        if compact != self.has_class("-compact"):
            self.set_class(compact, "-compact")
            self.detail.set_compact(compact)

    @on(SegmentList.Clicked)
    def clicked(self, event: SegmentList.Clicked) -> None:
        self.go_to_index(event.index)
        self.editor.focus()

    @on(TargetEditor.Typed)
    def typed(self) -> None:
        if self.current is not None:
            self.current.touch(keystroke=True)

    @on(OptionList.OptionSelected, "#documents")
    def document_chosen(self, event: OptionList.OptionSelected) -> None:
        picker = self.query_one(DocumentPicker)
        if event.option.id is not None and self.open_document(int(event.option.id)):
            picker.display = False
            self.editor.focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return not (action in EDITOR_ACTIONS and self.focused is not self.editor)

    # --- actions (bound in keymap.py) ------------------------------------------------------------

    def action_confirm(self) -> None:
        if self.current is None:
            return
        if not self.editor.text.strip():
            self.notify("Nothing to confirm: type the English, or ctrl+t copies the MT.")
            return
        translated = SegmentStatus.TRANSLATED.value
        saving = self.current.needs_save(self.editor.text, translated)
        if saving and not self.save(translated, moving=True):
            return
        saved = self.current
        self.action_next_unconfirmed()
        if saving and self.current is saved:  # nowhere else to go: show it as saved
            self.show_current()
            self.refresh_qa()

    def action_save_draft(self) -> None:
        if self.current is None:
            return
        if self.current.needs_save(self.editor.text, SegmentStatus.DRAFT.value):
            self.save(SegmentStatus.DRAFT.value)

    def action_next_unconfirmed(self) -> None:
        if self.rows is None or self.current is None:
            return
        index = next_unconfirmed_index(self.workbench.database, self.rows, self.segment_list.cursor)
        if index is None:
            self.notify("Every segment here is confirmed.", title="Done")
        else:
            self.go_to_index(index)

    def action_move(self, delta: int) -> None:
        self.go_to_index(self.segment_list.cursor + delta)

    def action_page(self, direction: int) -> None:
        segment_list = self.segment_list
        step = segment_list.page_height * direction
        self.go_to_index(segment_list.cursor + step, round(segment_list.scroll_offset.y) + step)

    def action_scroll_details(self, pages: int) -> None:
        self.detail.scroll_texts(pages)

    def action_revert(self) -> None:
        if self.current is not None:
            self.detail.set_target(self.current.saved_text, undoable=True)

    def action_documents(self) -> None:
        picker = self.query_one(DocumentPicker)
        if picker.display:
            picker.display = False
            self.editor.focus()
            return
        with self.workbench.database.read() as session:
            documents = list_documents(session)
        picker.show_documents(documents, self.document_id, self.workbench.bidi_active)
        picker.display = True
        picker.focus()

    def action_toggle_bidi(self) -> None:
        self.workbench.cycle_bidi()
        self.apply_bidi()
