"""The SQLite file is deleted, moved or replaced under the running app: noticed, said, not saved.

Real files: the seeded database is copied, moved, deleted and put back with the file system while
the real app runs under Pilot.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.tui.conftest import AppFactory, main_screen, revisions_of, segment_at
from tests.tui.test_editing import cursor_position, editor_text, type_text
from workbench.services.claim_writes import add_claim
from workbench.store.claim_queries import list_claims
from workbench.store.database import Database, open_database
from workbench.tui.app import WorkbenchApp
from workbench.tui.recovery.db_file import DatabaseFileChangedError

pytestmark = pytest.mark.skipif(
    os.environ.get("WORKBENCH_TEST_BACKEND") == "postgresql",
    reason="a PostgreSQL database has no file to delete",
)


def notices(app: WorkbenchApp) -> str:
    return "\n".join(notification.message for notification in app._notifications)


def checkpoint(database: Database) -> None:
    """Everything in the main file (WAL folded in), so that a copy of the file is the database."""
    with database.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")


async def test_replaced_file_is_noticed_before_saving(
    make_app: AppFactory, seeded_database: Database, db_path: Path
) -> None:
    checkpoint(seeded_database)
    copy = db_path.with_name("copy.sqlite")
    shutil.copyfile(db_path, copy)
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await type_text(pilot, "Words typed")
        copy.replace(db_path)  # a restored backup, a sync tool
        await pilot.press("enter")
        await pilot.pause()
        assert "replaced by another file" in notices(app)
        assert "Not saved" in notices(app)
        # Still on the segment, the text still there: nothing pretended to be saved.
        assert (cursor_position(app), editor_text(app)) == (1, "Words typed")
        main = main_screen(app)
        assert main.current is not None and main.current.is_dirty(editor_text(app))
    # Neither the new file nor the old one (still open in the app's connections) got the text.
    assert segment_at(seeded_database, 1, 1).target is None
    replaced = open_database(f"sqlite:///{db_path}")
    try:
        first = segment_at(replaced, 1, 1)
        assert first.target is None and revisions_of(replaced, first.id) == []
    finally:
        replaced.dispose()


async def test_deleted_file_is_noticed_at_refresh_and_said_once(
    make_app: AppFactory, db_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        moved = db_path.with_name("elsewhere.sqlite")
        db_path.rename(moved)
        main = main_screen(app)
        main.refresh_from_database()
        main.refresh_from_database()
        await pilot.pause()
        assert notices(app).count("deleted or moved away") == 1
        await type_text(pilot, "More")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Not saved" in notices(app) and editor_text(app) == "More"
        moved.rename(db_path)  # put back: the same file again, saving works
        await pilot.press("ctrl+s")
        await pilot.pause()
    database = open_database(f"sqlite:///{db_path}")
    try:
        assert segment_at(database, 1, 1).target == "More"
    finally:
        database.dispose()


async def test_every_write_of_the_app_checks_the_file(
    make_app: AppFactory, seeded_database: Database, db_path: Path
) -> None:
    """Not only segment saves: a claim tagged from the screen (its form, the claims panel and the
    review desk write through the app's database too) is refused into a moved file."""
    first = segment_at(seeded_database, 1, 1)
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        moved = db_path.with_name("elsewhere.sqlite")
        db_path.rename(moved)
        with pytest.raises(DatabaseFileChangedError, match="deleted or moved away"):
            add_claim(app.database, "alice", first.id, "ar", (0, 4))
        moved.rename(db_path)  # the same file again: writes go through
        claim = add_claim(app.database, "alice", first.id, "ar", (0, 4))
        await pilot.pause()
    with seeded_database.read() as session:
        assert [view.id for view in list_claims(session, 1)] == [claim.id]
