"""The exporters' read path (export/rows.py) against the revisions read one by one: the first and
last revision of the target and the latest MT revision of every segment, on both backends."""

from __future__ import annotations

from collections import Counter

import pytest
from sqlalchemy import select

from tests.integration.exchange.conftest import Desk
from workbench.export import rows as export_rows
from workbench.export.rows import ExportFilter, ExportRow, Needs, iter_export_rows
from workbench.services.claim_writes import add_claim, remove_claim
from workbench.store.models import Document, Origin, Revision, User

HISTORY_FIELDS = ExportRow._fields[10:18]


def expected_history(desk: Desk, segment_id: int) -> tuple[object, ...]:
    """(created_by, created_at, changed_by, changed_at, target_origin, mt_package, mt_version,
    mt_at) of one segment, from its revisions in id order."""
    with desk.database.read() as session:
        revisions = session.execute(
            select(Revision, User.name)
            .outerjoin(User, User.id == Revision.author_id)
            .where(Revision.segment_id == segment_id)
            .order_by(Revision.id)
        ).all()
    targets = [(r, name) for r, name in revisions if r.origin != Origin.MT.value]
    machine = [r for r, _ in revisions if r.origin == Origin.MT.value]
    created = changed = (None, None)
    origin = None
    if targets:
        created = (targets[0][1], targets[0][0].created_at)
        changed = (targets[-1][1], targets[-1][0].created_at)
        origin = targets[-1][0].origin
    mt = (machine[-1].mt_package, machine[-1].mt_version, machine[-1].created_at) if machine else (
        None, None, None,
    )  # fmt: skip
    return (*created, *changed, origin, *mt)


@pytest.mark.parametrize(
    ("export", "needs"),
    [
        (ExportFilter(status_floor="any", include_mt=True), "nothing"),
        (ExportFilter(status_floor="any", include_mt=True), "target_or_mt"),
        (ExportFilter(), "target"),
        (ExportFilter(document_id=1, status_floor="any"), "nothing"),
    ],
)
def test_history_of_every_row_is_that_of_its_revisions(
    desk: Desk, export: ExportFilter, needs: Needs
) -> None:
    with desk.database.read() as session:
        rows = list(iter_export_rows(session, export, needs))
        plain = list(iter_export_rows(session, export, needs, history=False))
    assert rows, "the desk has segments for every case"
    for row, without in zip(rows, plain, strict=True):
        assert tuple(row)[10:18] == expected_history(desk, row.segment_id), row.segment_id
        # Without the history: the same segments, claims and all, and no history fields.
        assert row._replace(**dict.fromkeys(HISTORY_FIELDS)) == without


def test_the_desk_has_every_kind_of_history(desk: Desk) -> None:
    """So that the comparison above bites: MT revisions, and targets changed by someone else."""
    with desk.database.read() as session:
        rows = list(iter_export_rows(session, ExportFilter(status_floor="any"), "nothing"))
    assert any(row.mt_package and row.target is not None for row in rows)
    assert any(row.mt_package and row.target is None for row in rows)
    assert any(row.created_by and row.changed_by != row.created_by for row in rows)
    assert any(row.created_by is None and row.mt_package is None for row in rows)  # untouched


@pytest.mark.parametrize("chunk", [1, 2, 3])
def test_rows_are_the_same_whatever_the_fetch_chunk(
    desk: Desk, chunk: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A segment's revision rows straddle fetches of a few rows (SQLite's fetches are of
    SQLITE_CHUNK rows, PostgreSQL's of CHUNK): its history is still read whole."""
    export = ExportFilter(status_floor="any", include_mt=True)
    with desk.database.read() as session:
        whole = list(iter_export_rows(session, export, "nothing"))
        monkeypatch.setattr(export_rows, "SQLITE_CHUNK", chunk)
        monkeypatch.setattr(export_rows, "CHUNK", chunk)
        chunked = list(iter_export_rows(session, export, "nothing"))
    assert chunked == whole
    revisions = Counter(row.segment_id for row in revision_rows(desk))
    assert max(revisions.values()) > 1, "some segment has several revision rows to straddle"
    for row in chunked:
        assert tuple(row)[10:18] == expected_history(desk, row.segment_id), row.segment_id


def revision_rows(desk: Desk) -> list[Revision]:
    with desk.database.read() as session:
        return list(session.scalars(select(Revision)))


def first_word(desk: Desk, segment_id: int) -> tuple[int, int]:
    source = desk.segment(segment_id).source
    return 0, source.index(" ")


def test_notes_only_from_live_claims_of_the_exported_segments(desk: Desk) -> None:
    """The claims are merged only when a live claim is in the export's scope: a deleted claim,
    or a claim in another document, adds no note."""
    live, gone, elsewhere = (
        add_claim(desk.database, "alice", segment_id, "ar", first_word(desk, segment_id))
        for segment_id in (desk.tricky[0], desk.tricky[1], 3)
    )
    remove_claim(desk.database, "alice", gone.id)
    noted: dict[int | None, set[int]] = {}
    for document_id in (None, 6, 1):
        export = ExportFilter(document_id=document_id, status_floor="any")
        with desk.database.read() as session:
            rows = list(iter_export_rows(session, export, "nothing"))
        noted[document_id] = {row.segment_id for row in rows if row.claims}
        assert all(len(row.claims) == 1 for row in rows if row.claims)
    assert noted[None] == {live.segment_id, elsewhere.segment_id}
    assert noted[6] == {live.segment_id}
    assert desk.segment(elsewhere.segment_id).document_id == 1
    assert noted[1] == {elsewhere.segment_id}
    # The only live claim is in the exported document, then there is none.
    remove_claim(desk.database, "alice", elsewhere.id)
    assert noted_segments(desk, 6) == [live.segment_id]
    remove_claim(desk.database, "alice", live.id)
    assert noted_segments(desk, 6) == []


def noted_segments(desk: Desk, document_id: int) -> list[int]:
    with desk.database.read() as session:
        export = ExportFilter(document_id=document_id, status_floor="any")
        return [
            row.segment_id for row in iter_export_rows(session, export, "nothing") if row.claims
        ]


def test_a_document_missing_from_the_names_read_first_is_read_when_met(desk: Desk) -> None:
    """On PostgreSQL each statement reads at its own snapshot: rows may name a document the
    names read before them did not hold (added meanwhile), or one deleted since."""
    with desk.database.read() as session:
        names = export_rows._NamesById(
            session.connection(), export_rows._DOCUMENTS.c.source_name, 1
        )
        assert set(names) == {None, 1}
        assert names[6] == desk_document_name(desk, 6)
        assert names[10_000] == ""
        assert names[None] is None
        assert set(names) == {None, 1, 6, 10_000}


def test_a_user_added_after_the_names_were_read_is_read_when_met(desk: Desk) -> None:
    """The same for users (someone added, then saving a segment, while an export runs). On
    PostgreSQL the late read finds them; SQLite's read transaction keeps the snapshot of its
    first read, where no row can name them either, and they read as a user gone."""
    with desk.database.read() as session:
        connection = session.connection()
        names = export_rows._NamesById(connection, export_rows._USERS.c.name)
        with desk.database.write() as writer:
            late = User(name="late-editor")
            writer.add(late)
            writer.flush()
            late_id = late.id
        assert late_id not in names
        fresh = connection.dialect.name == "postgresql"
        assert names[late_id] == ("late-editor" if fresh else "")
        assert names[None] is None  # a segment nobody wrote


def desk_document_name(desk: Desk, document_id: int) -> str:
    with desk.database.read() as session:
        document = session.get(Document, document_id)
        assert document is not None
        return document.source_name
