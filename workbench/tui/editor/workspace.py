"""The work area of the main screen: the segment list, the open segment, and what serves it.

`Workspace` composes the parts and wires them; each part owns its state:

- `SegmentList` the listed rows (document, filter) and the cursor;
- `DetailPane` the open segment (loading, saving, conflicts) and what is shown of it;
- `SegmentAids` glossary, checks and memory; `MtSuggestions` and `OtherModels` the MT
  alternatives; `ClaimActions` the claim marks and dialogs (these four draw nothing themselves).

The workspace calls its parts; a part tells it what happened with a message (editor/messages.py),
which bubbles up through it (and on to the screen) and its handler tells the parts that care.
Every move goes through `go_to_index`, which first saves the open segment if it changed; a save
that meets a newer version stops the move and opens the conflict dialog, so nothing is
overwritten and nothing typed is lost.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import TextArea

from workbench.store.models import SegmentStatus
from workbench.tui.aids.model_notes import missing_model_note
from workbench.tui.aids.mt_confidence import panel_label
from workbench.tui.aids.mt_suggestions import MtSuggestions
from workbench.tui.aids.other_models import OtherModels
from workbench.tui.aids.segment_aids import TM_MATCHES, SegmentAids
from workbench.tui.claims.actions import ClaimActions
from workbench.tui.claims.offsets import selection_offsets
from workbench.tui.common.host import workbench_of
from workbench.tui.editor.detail import DetailPane
from workbench.tui.editor.messages import (
    AlternativesArrived,
    ClaimsChanged,
    DocumentOpened,
    GoToPosition,
    OtherModelArrived,
    QaChecked,
    ReloadWanted,
    SegmentOpened,
    SegmentSaved,
    TmMatchesFound,
)
from workbench.tui.editor.navigation import next_unconfirmed_index
from workbench.tui.editor.rows import RowFilter, SegmentRows
from workbench.tui.editor.segment_list import SegmentList
from workbench.tui.editor.session import OpenSegment
from workbench.tui.editor.target_editor import TargetEditor
from workbench.tui.keys import keymap

if TYPE_CHECKING:
    from workbench.tui.app import WorkbenchApp


class Workspace(Vertical):
    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        app = self.workbench
        # The parts that draw nothing: they own what the pane shows beside the open segment.
        self.aids = SegmentAids(app.database, app.settings)
        self.suggestions = MtSuggestions(app.engine, app.settings.mt_num_hypotheses)
        self.other_models = OtherModels(app.settings)
        self.claims = ClaimActions(app.database, app.settings, app.shelf)

    @property
    def workbench(self) -> WorkbenchApp:
        return workbench_of(self)

    def compose(self) -> ComposeResult:
        app = self.workbench
        yield SegmentList(id="segments")
        yield DetailPane(app.database, app.settings.user, id="detail")
        yield from (self.aids, self.suggestions, self.other_models, self.claims)

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
    def rows(self) -> SegmentRows | None:
        return self.segment_list.rows

    @property
    def document_id(self) -> int | None:
        rows = self.segment_list.rows
        return rows.document_id if rows is not None else None

    @property
    def current(self) -> OpenSegment | None:
        return self.detail.current

    @property
    def last_position(self) -> int:
        rows = self.segment_list.rows
        return max(rows.last_position, 1) if rows is not None else 1

    # --- opening documents and moving ------------------------------------------------------------

    def open_document(
        self, document_id: int, row_filter: RowFilter | None = None, position: int | None = None
    ) -> bool:
        """Show a document (through a filter), the cursor on `position` or the current segment."""
        if not self.leave_current():
            return False
        current = self.current
        if position is None and current is not None and document_id == self.document_id:
            position = current.row.position
        rows = SegmentRows(self.workbench.database, document_id, row_filter or RowFilter())
        index = (rows.index_of_position(position) if position else None) or 0
        self.segment_list.low_confidence = self.workbench.settings.mt_low_confidence
        self.segment_list.show(rows, index)
        self.load_index(index)
        shown = None if rows.filter.is_empty else rows.filter.describe()
        self.post_message(DocumentOpened(document_id, shown))
        return True

    def load_index(self, index: int) -> None:
        """Open the segment at `index` in the editor, read afresh from the database."""
        rows = self.rows
        if rows is None or not len(rows):
            shown = rows.filter.describe() if rows is not None else "no document"
            self.detail.close(f"No segment to show: {shown}.")
            return
        current = self.detail.open(rows.id_at(index))
        self.detail.clear_aids()
        self.show_current()
        self.detail.set_target(current.saved_text, undoable=False)

    @on(SegmentOpened)
    def segment_opened(self, event: SegmentOpened) -> None:
        """Alternatives, checks and matches of the open segment come a moment later."""
        event.stop()  # nobody above listens: every move would pay for the climb
        if self.workbench.model is not None:
            self.suggestions.schedule(event.row)
        self.aids.opened(event.row, self.editor.text)

    def go_to_index(self, index: int, top: int | None = None) -> bool:
        rows = self.rows
        if rows is None or not len(rows):
            return False
        index = max(0, min(index, len(rows) - 1))
        if self.current is not None and self.current.row.id == rows.id_at(index):
            return True
        if not self.leave_current():
            return False
        self.segment_list.move_cursor(index, top)
        self.load_index(index)
        return True

    def jump_to_position(self, position: int) -> None:
        """Go to segment `position`; a filter that hides it is dropped."""
        index = self.rows.index_of_position(position) if self.rows is not None else None
        if index is not None:
            self.go_to_index(index)
        elif self.document_id is not None:
            self.open_document(self.document_id, RowFilter(), position)
        self.editor.focus()

    def apply_filter(self, row_filter: RowFilter) -> None:
        if self.document_id is None:
            return
        self.open_document(self.document_id, row_filter)
        if self.rows is not None and not len(self.rows):
            self.notify(f"No segment matches: {row_filter.describe()}.", severity="warning")

    def leave_current(self) -> bool:
        """Save the open segment if its text changed; False if that met someone else's save."""
        return self.detail.leave()

    @on(SegmentList.Clicked)
    def clicked(self, event: SegmentList.Clicked) -> None:
        self.go_to_index(event.index)
        self.editor.focus()

    @on(TargetEditor.Typed)
    def typed(self, event: TargetEditor.Typed) -> None:
        event.stop()  # one per keystroke: handled here only
        if self.current is not None:
            self.current.touch(keystroke=True)

    # --- after a save, and others' saves -----------------------------------------------------

    @on(SegmentSaved)
    def segment_saved(self, event: SegmentSaved) -> None:
        """Redraw what shows the saved segment (called for Enter and ctrl+s; a message for a
        save on the way elsewhere, which goes on to the screen: counts)."""
        row = event.row
        index = self.rows.index_of_position(row.position) if self.rows is not None else None
        if index is not None:
            self.segment_list.row_saved(index, row)  # read back by the save: no page re-read
        # A saved target moves its claims; a save never adds any, so a segment without claims
        # has none to read again.
        if row.id in self.claims.marks.claimed(self.document_id):
            self.claims.marks.segment_changed(row.id)
        current = self.current
        # Enter has usually moved on by now: the segment left is not drawn again for nothing.
        if current is not None and current.row.id == row.id:
            self.show_current()
            self.detail.qa.show_issues(
                self.aids.check(current.row, self.editor.text), self.workbench.bidi_active
            )

    @on(ReloadWanted)
    def reload_current(self, event: ReloadWanted | None = None) -> None:
        """Show the open segment as stored now; after a conflict, maybe with both texts."""
        current = self.current
        if self.rows is None or current is None:
            return
        if event is not None and event.segment_id != current.row.id:
            return
        index = self.rows.index_of_position(current.row.position)
        if index is not None:
            self.segment_list.row_changed(index)
            self.load_index(index)
            if event is not None and event.merge is not None:
                self.detail.set_target(event.merge, undoable=True)

    def others_saved(self) -> None:
        """Others work in the same database: show their saves. The open segment is reloaded only
        if nothing was typed in it; otherwise the next save meets their version (conflict)."""
        current = self.current
        if current is None:
            return
        self.claims.marks.forget()  # others tag claims too
        self.segment_list.all_changed()
        fresh = OpenSegment.load(self.workbench.database, current.row.id)
        if fresh.row.version != current.base_version and not current.is_dirty(self.editor.text):
            who = fresh.row.updated_by or "someone"
            self.notify(f"Segment {fresh.row.position} was just saved by {who}; showing theirs.")
            self.reload_current()

    # --- what the detail pane shows ----------------------------------------------------------

    def show_current(self) -> None:
        """The open segment in the detail pane: heading, source, MT and alternatives, with what
        the parts hold of it (glossary terms, claims, alternatives)."""
        current = self.current
        if current is None:
            return
        row, app = current.row, self.workbench
        model = app.current_model()  # one installed meanwhile is seen here
        note = None if model is not None else missing_model_note()
        marks, terms = self.aids.glossary_shown(row)
        claims = self.claims.marks.shown(self.document_id, row, self.claims.panel_key)
        self.segment_list.set_claimed(self.claims.marks.claimed(self.document_id))
        self.detail.show_segment(
            row,
            self.last_position,
            panel_label(app.model_label(), row, app.settings.mt_low_confidence),
            note,
            self.alternatives_of(row.id),
            returned=current.returned_note(),
            claim_notes=claims.notes,
            source_marks=(*marks, *claims.source),
            source_note=terms,
        )
        self.editor.show_claims(row.target or "", claims.target)

    def alternatives_of(self, segment_id: int) -> list[str]:
        """The default model's alternatives, another model's English first when asked for."""
        return self.other_models.first_of(segment_id, self.suggestions.of(segment_id))

    @on(TextArea.Changed, "#target")
    def target_changed(self, event: TextArea.Changed) -> None:
        event.stop()  # one per keystroke and per segment opened: handled here only
        if self.current is not None:
            self.aids.typed(self.current.row, self.editor.text)

    @on(QaChecked)
    def qa_checked(self, event: QaChecked) -> None:
        self.detail.show_qa(event.segment_id, event.issues, self.workbench.bidi_active)

    @on(TmMatchesFound)
    def tm_found(self, event: TmMatchesFound) -> None:
        keys = keymap.effective_keys(self.workbench.settings.keymap)
        labels = [keys[f"tm_insert_{n}"].split(",")[0] for n in range(1, TM_MATCHES + 1)]
        self.detail.show_tm(event.segment_id, event.matches, labels, self.workbench.bidi_active)

    @on(AlternativesArrived)
    def alternatives_arrived(self, event: AlternativesArrived) -> None:
        self.show_alternatives(event.segment_id, event.alternatives)

    def show_alternatives(self, segment_id: int, alternatives: list[str]) -> None:
        """Keep a segment's alternatives (those unlike its MT) and show them if it is open."""
        is_open = self.detail.is_open(segment_id)
        mt = self.current.row.mt if is_open and self.current is not None else None
        self.suggestions.keep(segment_id, alternatives, mt)
        if is_open:
            self.detail.set_alternatives(self.alternatives_of(segment_id))

    @on(OtherModelArrived)
    def other_model_arrived(self, event: OtherModelArrived) -> None:
        if not self.detail.is_open(event.segment_id) or not event.text:
            return
        self.other_models.keep(event.segment_id, event.text)
        self.detail.set_alternatives(self.alternatives_of(event.segment_id))
        sure = f", confidence {event.score:.2f}" if event.score is not None else ""
        self.notify(
            f"Alternative 1 is {event.name}'s translation{sure}; alt+1 puts it in the target.",
            markup=False,
        )

    @on(ClaimsChanged)
    def claims_changed(self) -> None:
        self.show_current()

    @on(GoToPosition)
    def go_to_position(self, event: GoToPosition) -> None:
        self.jump_to_position(event.position)

    def mt_wrote(self) -> None:
        """Background MT wrote a batch: redraw the rows, and show MT the open segment lacked."""
        self.segment_list.all_changed()
        current = self.current
        if current is not None and current.row.mt is None:
            fresh = OpenSegment.load(self.workbench.database, current.row.id)
            if fresh.row.version == current.base_version:
                current.row = fresh.row
                self.show_current()

    # --- what the screen's keys ask of the open segment --------------------------------------

    # Enter and ctrl+s pass their save to the parts in the key's own turn and return it to the
    # screen (counts): one frame draws it all, where a message arrived after a first frame.

    def confirm(self) -> SegmentSaved | None:
        """Save as translated and go to the next unconfirmed segment; None if nothing saved."""
        current = self.current
        if current is None:
            return None
        if not self.editor.text.strip():
            self.notify("Nothing to confirm: type the English, or ctrl+t copies the MT.")
            return None
        translated = SegmentStatus.TRANSLATED.value
        saved = None
        needs_save = current.needs_save(self.editor.text, translated)
        if needs_save and (saved := self.detail.save(translated)) is None:
            return None  # a conflict or a failure: the segment stays open
        self.next_unconfirmed()
        if saved is not None:
            self.segment_saved(saved)  # after the move: the segment left is not drawn again
        return saved

    def save_draft(self) -> SegmentSaved | None:
        draft = SegmentStatus.DRAFT.value
        if self.current is None or not self.current.needs_save(self.editor.text, draft):
            return None
        if (saved := self.detail.save(draft)) is not None:
            self.segment_saved(saved)
        return saved

    def next_unconfirmed(self) -> None:
        if self.rows is None or self.current is None:
            return
        index = next_unconfirmed_index(self.workbench.database, self.rows, self.segment_list.cursor)
        if index is None:
            self.notify("Every segment here is confirmed.", title="Done")
        else:
            self.go_to_index(index)

    def other_model_mt(self) -> None:
        if self.current is not None:
            default = self.workbench.model.name if self.workbench.model is not None else None
            self.other_models.ask(self.current.row, default)

    def tag_claim(self) -> None:
        """Tag the English selected in the target, or else select Arabic in the source."""
        current, selection, bidi = self.current, self.editor.selection, self.workbench.bidi_active
        if current is None:
            return
        if not (self.screen.focused is self.editor and selection.start != selection.end):
            self.claims.tag_arabic(current.row, self.document_id, bidi=bidi)
        # The claim's offsets are those of the stored target: save what is typed first.
        elif self.leave_current() and self.current is not None:
            row = self.current.row
            stored = row.target or ""
            if self.editor.text != stored:
                self.notify("The target differs from the saved text; save it, then select again.")
                return
            span = selection_offsets(stored, selection.start, selection.end)
            self.open_claim_form(row.id, row.position, "en", stored, span, other=row.source)

    def open_claim_form(
        self, segment_id: int, position: int, side: str, text: str, span: tuple[int, int],
        *, other: str | None,
    ) -> None:  # fmt: skip
        bidi = self.workbench.bidi_active
        self.claims.open_form(
            segment_id, position, side, text, span,
            other=other, document_id=self.document_id, bidi=bidi,
        )  # fmt: skip

    def claims_panel(self) -> None:
        if self.document_id is not None and self.leave_current():
            self.claims.open_panel(self.document_id)
