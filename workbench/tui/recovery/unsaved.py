"""Typed words are never lost: journalled while typed, saved as a draft at a hang-up, offered at
the next start.

- Every few seconds (and after each save) the open segment's unsaved text is written to this
  app's recovery journal (journal.py), or the journal is cleared when nothing is unsaved.
- SIGHUP (the terminal or the SSH link went away) and SIGTERM: the keys already received are
  let in, the text is journalled, then saved as a draft against the version it was typed on. If
  someone else saved meanwhile (or the database is unreachable) nothing is overwritten: the
  journal keeps the text for the next start. A watchdog ends the process if the exit itself
  hangs on the dead terminal.
- At start, entries left by apps that stopped are offered one by one: restore into the editor
  (the save then names the version it was typed on, so newer work meets the conflict dialog) or
  discard. An entry whose text is already the saved target is removed without asking.
"""

from __future__ import annotations

import asyncio
import os
import signal
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from sqlalchemy.exc import SQLAlchemyError
from textual.css.query import NoMatches

from workbench.errors import WorkbenchError
from workbench.store.queries import SegmentRow, get_segment_row
from workbench.tui.editor.session import OpenSegment
from workbench.tui.keys.key_order import keys_delivered
from workbench.tui.recovery.dialog import RecoveryScreen
from workbench.tui.recovery.journal import (
    JournalEntry,
    LeftBehind,
    RecoveryJournal,
    journal_folder,
    source_digest,
)

if TYPE_CHECKING:
    from workbench.tui.app import WorkbenchApp
    from workbench.tui.editor.main import MainScreen

HANG_UP_SIGNALS = (signal.SIGHUP, signal.SIGTERM)
HANG_UP_GRACE_SECONDS = 10.0  # then the process ends even if the exit hangs on a dead terminal


def open_text(main: MainScreen | None) -> tuple[OpenSegment, str] | None:
    """The open segment and the editor's text; None if there is none or the screen is going."""
    if main is None or not main.is_mounted:
        return None
    try:
        return main.unsaved_text()
    except NoMatches:  # the screen is being taken down
        return None


def unsaved_entry(opened: tuple[OpenSegment, str], user: str) -> JournalEntry | None:
    """The open segment's text if it differs from what was last saved."""
    current, text = opened
    if not current.is_dirty(text):
        return None
    row = current.row
    return JournalEntry(
        row.id,
        row.document,
        row.position,
        current.base_version,
        text,
        user,
        source_digest(row.source),
    )


class UnsavedKeeper:
    def __init__(self, app: WorkbenchApp) -> None:
        self.app = app
        self.journal = RecoveryJournal(journal_folder(app.database.engine.url))
        self._journal_failed = False
        self._hanging_up = False

    # --- while the app runs ----------------------------------------------------------------------

    def keep(self) -> bool:
        """Journal the unsaved text (or clear the journal); False if the journal cannot be written
        (said once: the app goes on, saving to the database as usual)."""
        opened = open_text(self.app.main_screen)
        if opened is None:
            return True  # nothing open, or the app is closing: the journal stays as it is
        entry = unsaved_entry(opened, self.app.settings.user)
        try:
            if entry is None:
                self.journal.clear()
            else:
                self.journal.write(entry)
        except (OSError, WorkbenchError) as error:
            if not self._journal_failed:
                self.app.notify(
                    f"Unsaved text cannot be kept in {self.journal.folder}: {error}",
                    title="Recovery journal",
                    severity="warning",
                    timeout=15,
                    markup=False,
                )
            self._journal_failed = True
            return False
        self._journal_failed = False
        return True

    def catch_hang_ups(self) -> None:
        loop = asyncio.get_running_loop()
        for signum in HANG_UP_SIGNALS:
            loop.add_signal_handler(signum, self._on_signal, signum)

    def _on_signal(self, signum: int) -> None:
        self.app.call_later(self.hang_up, signum)

    async def hang_up(self, signum: int) -> None:
        if self._hanging_up:
            return
        self._hanging_up = True
        code = 128 + signum
        watchdog = threading.Timer(HANG_UP_GRACE_SECONDS, os._exit, (code,))
        watchdog.daemon = True
        watchdog.start()
        await keys_delivered(self.app)
        self.keep()  # first: whatever happens next, the text is on disk
        if self._save_draft():
            self.journal.clear()
        self.journal.close()
        self.app.exit(return_code=code)

    def _save_draft(self) -> bool:
        """Save the open segment's text as a draft, version-checked; False if it was not."""
        app = self.app
        opened = open_text(app.main_screen)
        if opened is None or unsaved_entry(opened, app.settings.user) is None:
            return False
        current, text = opened
        try:
            current.save(
                app.database,
                app.settings.user,
                text,
                current.status_on_leave(),
            )
        except (WorkbenchError, SQLAlchemyError):
            return False  # someone saved meanwhile, or no database: the journal keeps it
        return True

    # --- at start ---------------------------------------------------------------------------

    def offer_left_behind(self) -> None:
        try:
            pending = self.journal.left_behind()
        except OSError:
            return
        self._offer_next(pending)

    def _offer_next(self, pending: list[LeftBehind]) -> None:
        while pending:
            left = pending.pop(0)
            entry = left.entry
            try:
                with self.app.database.read() as session:
                    row = get_segment_row(session, entry.segment_id)
            except (WorkbenchError, SQLAlchemyError):
                return  # offered again at the next start
            if row is None or not _same_source(row, entry):
                self.app.notify(
                    f"Unsaved text for segment {entry.position}, which is not in this database "
                    "(any more), is kept "
                    f"in {left.path}:\n{entry.text}",
                    severity="warning",
                    timeout=60,
                    markup=False,
                )
                continue
            if (row.target or "") == entry.text:
                left.discard()  # saved after all (killed between the save and the clean-up)
                continue
            self.app.push_screen(
                RecoveryScreen(entry, _saved_since(row, entry)),
                self._chosen(left, pending),
            )
            return

    def _chosen(self, left: LeftBehind, pending: list[LeftBehind]) -> Callable[[bool | None], None]:
        def chosen(restore: bool | None) -> None:
            if restore:
                self._restore(left)
            elif restore is False:
                left.discard()
            self._offer_next(pending)

        return chosen

    def _restore(self, left: LeftBehind) -> None:
        entry, main = left.entry, self.app.main_screen
        if main is None or not main.open_document(entry.document_id, position=entry.position):
            self.app.notify("Not restored: it is offered again at the next start.")
            return
        # A save then meets anyone's save after the version it was typed on as a conflict.
        if not main.restore_text(entry.segment_id, entry.base_version, entry.text):
            return
        if self.keep():
            left.discard()  # now this app's journal holds it


def _same_source(row: SegmentRow, entry: JournalEntry) -> bool:
    return not entry.source_digest or source_digest(row.source) == entry.source_digest


def _saved_since(row: SegmentRow, entry: JournalEntry) -> str | None:
    if row.version == entry.base_version:
        return None
    return row.updated_by or "someone"
