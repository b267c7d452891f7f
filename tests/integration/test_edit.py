"""`workbench edit`: revisions, statuses and the version check, on SQLite and PostgreSQL."""

from __future__ import annotations

from sqlalchemy import func, select

from tests.conftest import Cli
from workbench.store.database import Database
from workbench.store.models import Revision


def revision_count(database: Database) -> int:
    with database.read() as session:
        return session.scalar(select(func.count()).select_from(Revision)) or 0


def test_edit_saves_a_revision_by_the_user(any_seeded_cli: Cli, any_database: Database) -> None:
    result = any_seeded_cli(
        "edit", "3", "--text", "Polling stations closed.", "--status", "translated"
    )
    assert result.exit_code == 0, result.output
    row = next(r for r in any_seeded_cli.json_lines("segments", "--json") if r["id"] == 3)
    assert row["target"] == "Polling stations closed."
    assert row["status"] == "translated"
    assert row["version"] == 1
    assert row["updated_by"] == "alice"
    with any_database.read() as session:
        revision = session.scalars(select(Revision)).one()
        assert revision.author is not None and revision.author.name == "alice"
        assert revision.origin == "human"
        assert revision.version == 1


def test_stale_version_is_refused_with_exit_3(any_seeded_cli: Cli, any_database: Database) -> None:
    assert any_seeded_cli("edit", "3", "--text", "First", "--expect-version", "0").exit_code == 0
    bob = any_seeded_cli("edit", "3", "--text", "Bob's", "--expect-version", "1", user="bob")
    assert bob.exit_code == 0
    before = revision_count(any_database)

    stale = any_seeded_cli("edit", "3", "--text", "Alice late", "--expect-version", "1")

    assert stale.exit_code == 3
    assert "version 2" in stale.stderr
    assert "bob" in stale.stderr
    assert revision_count(any_database) == before
    row = next(r for r in any_seeded_cli.json_lines("segments", "--json") if r["id"] == 3)
    assert row["target"] == "Bob's"


def test_unknown_segment_and_bad_status(any_seeded_cli: Cli) -> None:
    missing = any_seeded_cli("edit", "999999", "--text", "x")
    assert missing.exit_code == 4
    assert "segment 999999 does not exist" in missing.stderr
    bad = any_seeded_cli("edit", "3", "--text", "x", "--status", "approved")
    assert bad.exit_code == 2
    assert "approved" in bad.stderr


def test_arabic_source_is_stored_in_logical_order(any_seeded_cli: Cli) -> None:
    row = any_seeded_cli.json_lines("segments", "--doc", "1", "--json")[0]
    # Logical order: the first stored character is the first letter a reader reads (ي of يقول).
    assert row["source"].startswith("يقول تقرير")
