"""Stamps (store/stamps.py): a kept screen reads afresh exactly when what it shows has changed.

On both backends; on PostgreSQL also the case that made the counts necessary: a revision that
commits after a later one (its id lower than the maximum already seen).
"""

from __future__ import annotations

import pytest
from sqlalchemy import select

from tests.conftest import Cli
from workbench.store.database import open_database
from workbench.store.models import Revision, Segment
from workbench.store.stamps import Stamp, claims_stamp, content_stamp


def _stamps(url: str) -> tuple[Stamp, Stamp]:
    database = open_database(url)
    try:
        with database.read() as session:
            return content_stamp(session), claims_stamp(session, 1)
    finally:
        database.dispose()


def test_every_write_a_screen_shows_changes_its_stamp(any_seeded_cli: Cli) -> None:
    cli = any_seeded_cli
    url = cli.db_url
    first = cli.json_lines("segments", "--doc", "1", "--json")[0]
    before = _stamps(url)
    assert cli("segments", "--doc", "1").exit_code == 0
    assert _stamps(url) == before  # reading changes nothing
    assert cli("edit", str(first["id"]), "--text", "Done.", "--status", "translated").exit_code == 0
    edited = _stamps(url)
    assert edited[0] != before[0] and edited[1] == before[1]
    assert cli("documents", "rename", "1", "Another title").exit_code == 0
    renamed = _stamps(url)
    assert renamed[0] != edited[0]
    added = cli("claims", "add", str(first["id"]), "--side", "ar", "--start", "0", "--end", "3")
    assert added.exit_code == 0, added.output
    claimed = _stamps(url)
    assert claimed[1] != renamed[1]
    claim = cli.json_lines("claims", "list", "--doc", "1", "--json")[0]
    assert cli("claims", "edit", str(claim["id"]), "--notes", "checked").exit_code == 0
    assert _stamps(url)[1] != claimed[1]


def test_deleting_an_older_document_changes_the_stamp(any_seeded_cli: Cli) -> None:
    """The rows of a document that is not the newest go below every maximum: on SQLite, where
    the stamp holds maxima only, the titles show that they went."""
    from workbench.services.documents import delete_document
    from workbench.services.users import ensure_user
    from workbench.store.models import Role

    database = open_database(any_seeded_cli.db_url)
    try:
        with database.write() as session:
            ensure_user(session, "admin", Role.ADMIN)
        with database.read() as session:
            before = content_stamp(session)
        delete_document(database, "admin", 1)
        with database.read() as session:
            assert content_stamp(session) != before
    finally:
        database.dispose()


def test_a_revision_committed_after_a_later_one_changes_the_stamp(
    postgres_url: str, request: pytest.FixtureRequest
) -> None:
    """PostgreSQL takes ids at insert: the slow writer's row arrives below the maximum seen."""
    from tests.conftest import build_seeded_by_cli
    from tests.templates import restore_template

    restore_template(request, "seeded-cli", build_seeded_by_cli, postgres_url)
    database = open_database(postgres_url)
    try:
        with database.read() as session:
            segment = session.scalars(select(Segment).order_by(Segment.id)).first()
            assert segment is not None
            segment_id, version = segment.id, segment.version

        def revision() -> Revision:
            return Revision(
                segment_id=segment_id, text="x", origin="human", status="draft", version=version
            )

        with database.write() as slow:
            slow.add(revision())
            slow.flush()  # its id is taken now; it commits after the quick one
            with database.write() as quick:
                quick.add(revision())
            with database.read() as session:
                seen = content_stamp(session)
        with database.read() as session:
            assert content_stamp(session) != seen
    finally:
        database.dispose()
