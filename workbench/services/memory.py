"""Keeping the translation memory in step with finished segments.

`sync_segment_memory` is the hook: every service that changes a segment's target or status calls
it in the same transaction (`editing.save_target` does; the review service must too, after it
approves or rejects). A segment that is translated, reviewed or approved has its current
(source, target) pair in `tm_entries` (origin "segment"); any older pair it left there, or every
pair once it goes back to draft or is rejected, is removed. Imported pairs (origin "import") are
never touched here.
"""

from __future__ import annotations

from functools import cache
from typing import cast

from sqlalchemy import Delete, Executable, Select, Table, bindparam, delete, select
from sqlalchemy.orm import Session

from workbench.store.models import Document, Segment, SegmentStatus, TmEntry, utcnow
from workbench.store.upserts import conflict_insert
from workbench.text.normalise import normalise_arabic, target_hash

FINISHED_STATUSES = frozenset(
    {SegmentStatus.TRANSLATED, SegmentStatus.REVIEWED, SegmentStatus.APPROVED}
)
SEGMENT_ORIGIN = "segment"


# The statements are built once (per dialect for the upsert) with bound parameters: every save of
# the editor runs them, and building them cost more than running them.


@cache
def _pair_query() -> Select[str, str, str | None, str, int | None, str]:
    segment_table, document_table = cast(Table, Segment.__table__), cast(Table, Document.__table__)
    segments, documents = segment_table.c, document_table.c
    return (
        select(
            segments.source,
            segments.source_hash,
            segments.target,
            segments.status,
            segments.updated_by_id,
            documents.source_name,
        )
        .join_from(segment_table, document_table, segments.document_id == documents.id)
        .where(segments.id == bindparam("segment_id"))
    )


def _table() -> Table:
    """The memory's table, for Core statements (the ORM's bulk path costs more than the SQL)."""
    return cast(Table, TmEntry.__table__)


@cache
def _delete_pairs(keep_target: bool) -> Delete:
    """The segment's own pairs; with `keep_target`, all but the one of the target hash given."""
    entries = _table()
    statement = delete(entries).where(
        entries.c.segment_id == bindparam("segment_id"), entries.c.origin == SEGMENT_ORIGIN
    )
    if keep_target:
        statement = statement.where(entries.c.target_hash != bindparam("target_hash"))
    return statement


@cache
def _upsert(dialect: str) -> Executable:
    """Insert the pair; the same pair may already be there: from a file (left alone) or from
    this or another segment with the same sentence (it takes this segment's status)."""
    entries = _table()
    statement = conflict_insert(dialect, entries)
    return statement.on_conflict_do_update(
        index_elements=[entries.c.source_hash, entries.c.target_hash],
        set_={"status": statement.excluded.status, "segment_id": statement.excluded.segment_id},
        where=entries.c.origin == SEGMENT_ORIGIN,
    )


def sync_segment_memory(session: Session, segment_id: int) -> None:
    """Make the segment's translation-memory entry match its current target and status."""
    row = session.execute(_pair_query(), {"segment_id": segment_id}).one_or_none()
    if row is None:
        return
    source, pair_source_hash, target, status, author_id, document_name = row
    finished = status in FINISHED_STATUSES and bool(target and target.strip())
    if not finished:
        session.execute(_delete_pairs(keep_target=False), {"segment_id": segment_id})
        return
    assert target is not None
    pair_target_hash = target_hash(target)
    session.execute(
        _delete_pairs(keep_target=True),
        {"segment_id": segment_id, "target_hash": pair_target_hash},
    )
    session.execute(
        _upsert(session.get_bind().dialect.name),
        {
            "source": source,
            "target": target,
            "source_hash": pair_source_hash,
            "target_hash": pair_target_hash,
            "source_norm": normalise_arabic(source),
            "origin": SEGMENT_ORIGIN,
            "origin_name": document_name,
            "status": status,
            "segment_id": segment_id,
            "created_at": utcnow(),
            "created_by_id": author_id,
        },
    )
