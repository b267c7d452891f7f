"""At start, text a stopped app left in the recovery journal is offered: restore or discard.

The real app under Pilot on a real database; the journal entries are real files in the state
folder (XDG_STATE_HOME points into the test's temporary folder, tests/conftest.py).
"""

from __future__ import annotations

from pathlib import Path

from tests.tui.conftest import AppFactory, main_screen, segment_at
from tests.tui.test_editing import cursor_position, editor_text, type_text
from workbench.store.database import Database
from workbench.tui.recovery.dialog import RecoveryScreen
from workbench.tui.recovery.journal import (
    JournalEntry,
    RecoveryJournal,
    journal_folder,
    source_digest,
)


def left_behind(database: Database, position: int, text: str) -> Path:
    """A journal as a killed app leaves it: written, its lock released."""
    row = segment_at(database, 1, position)
    journal = RecoveryJournal(journal_folder(database.engine.url), "stopped")
    digest = source_digest(row.source)
    journal.write(JournalEntry(row.id, 1, position, row.version, text, "tess", digest))
    journal.close()
    return journal.path


def journals(database: Database) -> list[Path]:
    return sorted(journal_folder(database.engine.url).glob("*.json"))


async def test_restore_puts_the_text_back_on_its_segment(
    make_app: AppFactory, seeded_database: Database
) -> None:
    left_behind(seeded_database, 3, "Kept by the [journal].")
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, RecoveryScreen)
        shown = str(app.screen.query_one("#recovery-text").render())
        assert shown == "Kept by the [journal]."  # shown as typed, not read as markup
        await pilot.press("r")
        await pilot.pause()
        assert (cursor_position(app), editor_text(app)) == (3, "Kept by the [journal].")
        await pilot.press("enter")
        await pilot.pause()
    assert segment_at(seeded_database, 1, 3).target == "Kept by the [journal]."
    assert journals(seeded_database) == []


async def test_discard_removes_the_entry_and_changes_nothing(
    make_app: AppFactory, seeded_database: Database
) -> None:
    path = left_behind(seeded_database, 2, "Not wanted.")
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, RecoveryScreen)
        await pilot.press("d")
        await pilot.pause()
        assert not isinstance(app.screen, RecoveryScreen)
        assert (cursor_position(app), editor_text(app)) == (1, "")
    assert not path.exists()
    assert segment_at(seeded_database, 1, 2).target is None


async def test_text_already_saved_is_not_offered(
    make_app: AppFactory, seeded_database: Database
) -> None:
    """Killed between the save and the journal's clean-up: the entry is the saved target."""
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await type_text(pilot, "Saved")
        await pilot.press("ctrl+s")
        await pilot.pause()
    path = left_behind(seeded_database, 1, "Saved")
    again = make_app()
    async with again.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert not isinstance(again.screen, RecoveryScreen)
    assert not path.exists()


async def test_quit_with_the_database_file_gone_keeps_the_text(
    make_app: AppFactory, seeded_database: Database, db_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await type_text(pilot, "Typed late")
        db_path.rename(db_path.with_name("moved.sqlite"))
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert main_screen(app).editor.text == "Typed late"
    assert app.return_code == 0  # the app closed
    (path,) = journals(seeded_database)
    assert '"text": "Typed late"' in path.read_text()


async def test_an_entry_for_another_database_s_segment_is_not_restored(
    make_app: AppFactory, seeded_database: Database
) -> None:
    """The file was replaced by another database: the same segment id holds other Arabic."""
    row = segment_at(seeded_database, 1, 2)
    journal = RecoveryJournal(journal_folder(seeded_database.engine.url), "stopped")
    journal.write(JournalEntry(row.id, 1, 2, 0, "Other text.", "tess", source_digest("آخر")))
    journal.close()
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert not isinstance(app.screen, RecoveryScreen)
        assert "is not in this database" in "\n".join(n.message for n in app._notifications)
    assert journal.path.exists()  # kept for the database it belongs to
    assert segment_at(seeded_database, 1, 2).target is None
