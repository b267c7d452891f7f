"""Saving English targets: one revision per save, guarded by the segment's version."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from typing import Any, NoReturn, cast

from sqlalchemy import (
    Select,
    Table,
    bindparam,
    case,
    insert,
    select,
    update,
)
from sqlalchemy.orm import Session
from sqlalchemy.sql.dml import ReturningInsert, ReturningUpdate

from workbench.errors import InputError, NotFoundError, StaleVersionError
from workbench.services.claims import Reanchored, reanchor_claims
from workbench.services.memory import sync_segment_memory
from workbench.services.users import ensure_user
from workbench.services.validation import check_storable
from workbench.store.database import Database
from workbench.store.models import Origin, Revision, Segment, SegmentStatus, User, utcnow
from workbench.store.vocabulary import EDITOR_STATUSES

# A reviewer's approval covers the text they saw: a new text goes back to "translated" (and so
# to the review queue) unless the save names a status itself.
REVIEWED_STATUSES = (SegmentStatus.REVIEWED.value, SegmentStatus.APPROVED.value)


@dataclass(frozen=True, slots=True)
class SavedTarget:
    segment_id: int
    version: int
    status: str
    revision_id: int
    reanchored: list[Reanchored] = field(default_factory=list)  # claims that followed the edit
    # What the row holds after the save besides the text, version and status, read back by the
    # UPDATE itself: the editor shows the saved row without reading it again.
    saved_at: datetime | None = None
    mt: str | None = None
    mt_score: float | None = None


def parse_status(value: str, allowed: tuple[SegmentStatus, ...] = tuple(SegmentStatus)) -> str:
    if value not in {status.value for status in allowed}:
        names = ", ".join(status.value for status in allowed)
        raise InputError(f"status {value!r} is not one of: {names}")
    return value


def _raise_not_saved(session: Session, segment_id: int, expected: int | None) -> NoReturn:
    row = session.execute(
        select(Segment.version, Segment.target, User.name)
        .outerjoin(User, Segment.updated_by_id == User.id)
        .where(Segment.id == segment_id)
    ).one_or_none()
    if row is None:
        raise NotFoundError(
            f"segment {segment_id} does not exist; list ids with `workbench segments`"
        )
    version, text, saved_by = row
    assert expected is not None, "an unconditional update only misses a missing row"
    raise StaleVersionError(segment_id, expected, version, saved_by, text)


# The statements of a save are built once with bound parameters, on the tables (Core): the
# editor saves on every Enter, and building them, or the ORM's bulk path, cost more than the SQL.


def _segments() -> Table:
    return cast(Table, Segment.__table__)


@cache
def _previous_target() -> Select[str | None]:
    segments = _segments()
    return (
        select(segments.c.target).where(segments.c.id == bindparam("segment_id")).with_for_update()
    )


@cache
def _update_target(
    with_status: bool, with_version: bool
) -> ReturningUpdate[int, str, str | None, float | None]:
    """The segment's new text, version, author and status, guarded by the version if given."""
    columns = _segments().c
    status: object = bindparam("status")
    if not with_status:
        # A new text is at least a draft: a segment still "new" after an edit reads as untouched.
        status = case(
            (columns.status.in_(REVIEWED_STATUSES), SegmentStatus.TRANSLATED.value),
            (columns.status == SegmentStatus.NEW.value, SegmentStatus.DRAFT.value),
            else_=columns.status,
        )
    statement = update(_segments()).where(columns.id == bindparam("segment_id"))
    if with_version:
        statement = statement.where(columns.version == bindparam("expect_version"))
    return statement.values(
        target=bindparam("target"),
        version=columns.version + 1,
        updated_by_id=bindparam("author_id"),
        updated_at=bindparam("now"),
        status=status,
    ).returning(columns.version, columns.status, columns.mt, columns.mt_score)


@cache
def _insert_revision() -> ReturningInsert[int]:
    revisions = cast(Table, Revision.__table__)
    columns = ("segment_id", "text", "origin", "status", "version", "author_id", "created_at")
    values: dict[str, Any] = {
        name: bindparam(name) for name in (*columns, "seconds_spent", "keystrokes")
    }
    return insert(revisions).values(values).returning(revisions.c.id)


def save_target(
    session: Session,
    segment_id: int,
    text: str,
    author: User,
    *,
    status: str | None = None,
    expect_version: int | None = None,
    origin: Origin = Origin.HUMAN,
    seconds_spent: float | None = None,
    keystrokes: int | None = None,
) -> SavedTarget:
    """Write `text` as the segment's target, bump its version and record a revision.

    With `expect_version`, the write happens only if nobody saved since that version; otherwise
    StaleVersionError says who did, and nothing is written. The segment's claims on the English
    side are re-anchored to the new text in the same transaction.
    """
    if status is not None:
        parse_status(status, EDITOR_STATUSES)
    check_storable(text, f"the text for segment {segment_id}")
    now = utcnow()
    # The text the claims' offsets refer to; FOR UPDATE so no other save slips in before ours.
    previous = session.scalar(_previous_target(), {"segment_id": segment_id})
    params: dict[str, object] = {
        "segment_id": segment_id,
        "target": text,
        "author_id": author.id,
        "now": now,
    }
    if status is not None:
        params["status"] = status
    if expect_version is not None:
        params["expect_version"] = expect_version
    # One conditional UPDATE: the version check and the write cannot be split by another writer.
    row = session.execute(
        _update_target(status is not None, expect_version is not None), params
    ).one_or_none()
    if row is None:
        _raise_not_saved(session, segment_id, expect_version)
    new_version, new_status, mt, mt_score = row
    revision_id = session.scalar(
        _insert_revision(),
        {
            "segment_id": segment_id,
            "text": text,
            "origin": origin.value,
            "status": new_status,
            "version": new_version,
            "author_id": author.id,
            "created_at": now,
            "seconds_spent": seconds_spent,
            "keystrokes": keystrokes,
        },
    )
    assert revision_id is not None, "an INSERT ... RETURNING returns the new id"
    sync_segment_memory(session, segment_id)  # finished segments feed the translation memory
    reanchored = []
    if previous != text:
        reanchored = reanchor_claims(session, segment_id, previous, text, author)
    return SavedTarget(
        segment_id, new_version, new_status, revision_id, reanchored, now, mt, mt_score
    )


def save_segment(
    database: Database,
    user_name: str,
    segment_id: int,
    text: str,
    *,
    status: str | None = None,
    expect_version: int | None = None,
    origin: Origin = Origin.HUMAN,
    seconds_spent: float | None = None,
    keystrokes: int | None = None,
) -> SavedTarget:
    """`save_target` as `user_name`, in a transaction of its own: what `workbench edit` and the
    screen's editor call."""
    with database.write() as session:
        return save_target(
            session,
            segment_id,
            text,
            ensure_user(session, user_name),
            status=status,
            expect_version=expect_version,
            origin=origin,
            seconds_spent=seconds_spent,
            keystrokes=keystrokes,
        )


def record_machine_translations(
    session: Session,
    texts: Mapping[int, str],
    *,
    author: User | None,
    mt_package: str | None,
    mt_version: str | None,
    scores: Mapping[int, float | None] | None = None,
) -> int:
    """Store machine translations (segment id -> text): `Segment.mt` and one MT revision each.

    `scores` (segment id -> the engine's confidence, mt/confidence.py) go to `mt_score` on both.

    The revisions carry each segment's current version and status: writing MT does not bump the
    version, so an editor's open segment is not made stale by a background translation. Ids that
    do not exist are skipped; returns how many were written.
    """
    if not texts:
        return 0
    states = session.execute(
        select(Segment.id, Segment.status, Segment.version).where(Segment.id.in_(list(texts)))
    ).all()
    if not states:
        return 0
    score_of = scores or {}
    session.execute(
        update(Segment),
        [{"id": row.id, "mt": texts[row.id], "mt_score": score_of.get(row.id)} for row in states],
    )
    now = utcnow()
    session.execute(
        insert(Revision),
        [
            {
                "segment_id": row.id,
                "text": texts[row.id],
                "origin": Origin.MT.value,
                "status": row.status,
                "version": row.version,
                "author_id": author.id if author else None,
                "created_at": now,
                "mt_package": mt_package,
                "mt_version": mt_version,
                "mt_score": score_of.get(row.id),
            }
            for row in states
        ],
    )
    return len(states)


def record_machine_translation(
    session: Session,
    segment_id: int,
    text: str,
    *,
    mt_package: str | None = None,
    mt_version: str | None = None,
) -> None:
    """One segment's machine translation (see `record_machine_translations`)."""
    written = record_machine_translations(
        session, {segment_id: text}, author=None, mt_package=mt_package, mt_version=mt_version
    )
    if not written:
        raise NotFoundError(
            f"segment {segment_id} does not exist; list ids with `workbench segments`"
        )
