"""The open segment: Arabic source, the MT suggestion with its alternatives, the English target.

The texts are drawn read-only (SegmentTexts); the target is edited in a TextArea in logical
order, so cursor positions stay right whatever the display does with Arabic.

The pane owns the open segment (`OpenSegment`, session.py): it opens it, saves it (a newer
version met opens the conflict dialog, nothing is overwritten and nothing typed is lost) and
tells the screen (`SegmentOpened`, `SegmentSaved`, `ReloadWanted`); a save the workspace asked
for (Enter, ctrl+s) is returned to it instead, to pass on before the next frame.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from sqlalchemy.exc import SQLAlchemyError
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import TextArea

from workbench.errors import StaleVersionError, WorkbenchError
from workbench.qa.checks import QaIssue
from workbench.store.database import Database
from workbench.store.queries import SegmentRow
from workbench.tm.lookup import TmMatch
from workbench.tui.aids.foldable import FoldableAid
from workbench.tui.aids.qa_badges import QaBadges
from workbench.tui.aids.tm_matches import TmMatches
from workbench.tui.common.naming import by_position
from workbench.tui.display.word_marks import MarkedSpan
from workbench.tui.editor.conflict import Choice, ConflictScreen
from workbench.tui.editor.messages import ReloadWanted, SegmentOpened, SegmentSaved
from workbench.tui.editor.segment_texts import SegmentTexts, Shown
from workbench.tui.editor.session import OpenSegment
from workbench.tui.editor.target_editor import TargetEditor

# What the last change of a segment with this status was: a reviewer's decision is not a save.
_LAST_CHANGE = {"rejected": "rejected by", "approved": "approved by"}


def _heading(row: SegmentRow, last_position: int) -> str:
    verb = _LAST_CHANGE.get(row.status, "saved by")
    who = f" · {verb} {row.updated_by}" if row.updated_by else ""
    repeat = " · repeated paragraph" if row.is_repeat else ""
    return f"Segment {row.position} of {last_position} · {row.status} · v{row.version}{who}{repeat}"


class DetailPane(Vertical):
    """The open segment's texts above the editor for its target."""

    def __init__(self, database: Database, user: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.database = database
        self.user = user  # who saves
        self.current: OpenSegment | None = None  # the open segment
        self.alternatives: list[str] = []
        self.compact = False  # a short terminal: checks and matches folded into the texts

    def set_compact(self, compact: bool) -> None:
        """On a short terminal the Arabic, the MT and the target must show together: the checks
        and the memory matches move below the texts, reached by scrolling them."""
        self.compact = compact
        self.set_class(compact, "-compact")
        self.qa.fold(compact)
        self.tm.fold(compact)
        self._fold()

    def _fold(self) -> None:
        shown = (self.qa.shown_text, self.tm.shown_text) if self.compact else ()
        self.texts.set_folded(tuple(text for text in shown if text is not None))

    @on(FoldableAid.Changed)
    def aids_changed(self, event: Message) -> None:
        event.stop()
        if self.compact:
            self._fold()

    @on(TextArea.SelectionChanged, "#target")
    def target_cursor_moved(self, event: TextArea.SelectionChanged) -> None:
        """Nobody above listens to the target's cursor: it goes no further (one per keystroke
        and per segment opened)."""
        event.stop()

    def scroll_texts(self, pages: int) -> None:
        texts = self.texts
        texts.scroll_relative(
            y=pages * max(texts.scrollable_content_region.height - 1, 1), animate=False
        )

    def compose(self) -> ComposeResult:
        yield SegmentTexts(id="texts")
        yield QaBadges(id="qa")
        yield TmMatches(id="tm")
        # No cursor-line band: a target is a paragraph wrapped over rows, and the band would hide
        # the claimed words' highlight on the very line being typed.
        yield TargetEditor(
            "",
            id="target",
            soft_wrap=True,
            tab_behavior="focus",
            show_line_numbers=False,
            highlight_cursor_line=False,
        )

    @property
    def editor(self) -> TargetEditor:
        return self.query_one(TargetEditor)

    @property
    def texts(self) -> SegmentTexts:
        return self.query_one(SegmentTexts)

    def show_segment(
        self,
        row: SegmentRow,
        last_position: int,
        mt_label: str,
        note: str | None = None,
        alternatives: Sequence[str] = (),
        *,
        returned: str | None = None,
        claim_notes: tuple[str, ...] = (),
        source_marks: tuple[MarkedSpan, ...] = (),
        source_note: str | None = None,
    ) -> None:
        self.alternatives = list(alternatives)
        heading = _heading(row, last_position)
        self.texts.show(
            Shown(
                heading,
                row.source,
                mt_label,
                row.mt,
                note,
                self.alternatives,
                returned,
                claim_notes,
                source_marks,
                source_note,
            )
        )

    @property
    def qa(self) -> QaBadges:
        return self.query_one(QaBadges)

    @property
    def tm(self) -> TmMatches:
        return self.query_one(TmMatches)

    def show_message(self, message: str) -> None:
        self.alternatives = []
        self.qa.show_issues([], bidi=False)
        self.tm.show_matches([], [], bidi=False)
        self.texts.show(Shown(note=message))

    def set_bidi(self, enabled: bool) -> None:
        self.texts.set_bidi(enabled)

    def set_alternatives(self, alternatives: Sequence[str]) -> None:
        self.alternatives = list(alternatives)
        shown = self.texts.shown
        self.texts.show(dataclasses.replace(shown, alternatives=self.alternatives))

    def set_target(self, text: str, *, undoable: bool) -> None:
        """Replace the target text; undoable replacements can be taken back with ctrl+z."""
        editor = self.editor
        if undoable:
            editor.replace(text, editor.document.start, editor.document.end)
        else:
            # Loading a segment's saved text is no edit and no move of the reader's: nobody
            # listens for these then (the workspace's check of a change would find it unchanged),
            # and each climbed three parts on every segment opened.
            with editor.prevent(TextArea.Changed, TextArea.SelectionChanged):
                editor.load_text(text)  # which moves the cursor to the start
            if not text:
                return  # the start is the end: moving there again would only refresh it
        editor.move_cursor(editor.document.end)

    # --- the open segment ------------------------------------------------------------------------

    def open(self, segment_id: int) -> OpenSegment:
        """Open the segment, read afresh from the database, its saved target in the editor. The
        screen draws its texts (they need what other parts hold) before the editor's text."""
        current = self.current = OpenSegment.load(self.database, segment_id)
        self.editor.disabled = False
        self.post_message(SegmentOpened(current.row))
        return current

    def close(self, message: str) -> None:
        """No segment to open: say why, and take the editor away."""
        self.current = None
        self.editor.disabled = True
        self.show_message(message)

    def is_open(self, segment_id: int) -> bool:
        return self.current is not None and self.current.row.id == segment_id

    def clear_aids(self) -> None:
        """The previous segment's badges and matches go; the open one's come a moment later
        (their rows kept blank meanwhile)."""
        self.qa.blank()
        self.tm.blank()

    def leave(self) -> bool:
        """Save the open segment if its text changed; False if that met someone else's save.
        A save on the way elsewhere is told with `SegmentSaved`, which climbs to the screen."""
        current = self.current
        if current is None or not current.is_dirty(self.editor.text):
            return True
        return self._save_and_tell(current.status_on_leave())

    def _save_and_tell(self, status: str) -> bool:
        saved = self.save(status)
        if saved is not None:
            self.post_message(saved)
        return saved is not None

    def save(self, status: str) -> SegmentSaved | None:
        """Save the editor's text with `status`; a conflict or a failure keeps it on screen
        (None). What was saved goes back to the caller, the workspace, which passes it on at
        once (Enter, ctrl+s): what shows the save changes in the same frame as the move."""
        current = self.current
        assert current is not None
        text = self.editor.text
        before = current.row.status
        try:
            current.save(self.database, self.user, text, status)
        except StaleVersionError as error:
            self._conflict(error, text, status)
            return None
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
            return None
        return SegmentSaved(current.row, before)

    def _conflict(self, error: StaleVersionError, mine: str, status: str) -> None:
        current = self.current
        assert current is not None
        dialog = ConflictScreen(
            current.row.position, mine, error.current_text, error.saved_by, error.current
        )
        both = f"{mine}\n{error.current_text or ''}"

        def resolve(choice: Choice | None) -> None:
            if choice is None or self.current is not current:
                return
            if choice is Choice.KEEP_MINE:
                current.rebase(error.current)
                self._save_and_tell(status)
            elif choice is Choice.TAKE_THEIRS:
                self.post_message(ReloadWanted(current.row.id))
            else:
                self.post_message(ReloadWanted(current.row.id, both))
                self.app.copy_to_clipboard(both)

        self.app.push_screen(dialog, resolve)

    def unsaved_text(self) -> tuple[OpenSegment, str] | None:
        """The open segment and the editor's text, for the recovery journal."""
        current = self.current
        return None if current is None else (current, self.editor.text)

    def restore_text(self, segment_id: int, base_version: int, text: str) -> bool:
        """Put text kept from an earlier run into the open segment `segment_id`; a save then
        meets anyone's save after `base_version` as a conflict."""
        current = self.current
        if current is None or current.row.id != segment_id:
            return False
        current.rebase(base_version)
        self.set_target(text, undoable=True)
        return True

    # --- what the editing keys put in the target -------------------------------------------------

    def revert(self) -> None:
        if self.current is not None:
            self.set_target(self.current.saved_text, undoable=True)

    def copy_mt(self) -> None:
        if self.current is None or not self.current.row.mt:
            self.notify("This segment has no machine translation yet.")
            return
        self.set_target(self.current.row.mt, undoable=True)

    def pick_alternative(self, number: int) -> None:
        if not 1 <= number <= len(self.alternatives):
            self.notify(f"There is no alternative {number} for this segment.")
            return
        self.set_target(self.alternatives[number - 1], undoable=True)

    def insert_tm(self, number: int) -> None:
        """Put memory match `number` in the target; saved unchanged, its origin is "tm"."""
        matches = self.tm.matches
        if self.current is None or not 1 <= number <= len(matches):
            self.notify(f"There is no translation-memory match {number} for this segment.")
            return
        target = matches[number - 1].target
        self.set_target(target, undoable=True)
        self.current.tm_text = target

    # --- what arrives for a segment: shown only while it is open ---------------------------------

    def show_qa(self, segment_id: int, issues: Sequence[QaIssue], bidi: bool) -> None:
        if self.is_open(segment_id):
            self.qa.show_issues(issues, bidi)

    def show_tm(
        self, segment_id: int, matches: Sequence[TmMatch], keys: Sequence[str], bidi: bool
    ) -> None:
        if self.is_open(segment_id):
            self.tm.show_matches(matches, keys, bidi)
