"""Keeping the translation memory in step with finished segments.

`sync_segment_memory` is the hook: every service that changes a segment's target or status calls
it in the same transaction (`editing.save_target` does; the review service must too, after it
approves or rejects). A segment that is translated, reviewed or approved has its current
(source, target) pair in `tm_entries` (origin "segment"); any older pair it left there, or every
pair once it goes back to draft or is rejected, is removed. Imported pairs (origin "import") are
never touched here.
"""

from __future__ import annotations

from sqlalchemy import delete, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from workbench.store.models import Document, Segment, SegmentStatus, TmEntry, utcnow
from workbench.text.normalise import normalise_arabic, target_hash

FINISHED_STATUSES = frozenset(
    {SegmentStatus.TRANSLATED, SegmentStatus.REVIEWED, SegmentStatus.APPROVED}
)
SEGMENT_ORIGIN = "segment"


def sync_segment_memory(session: Session, segment_id: int) -> None:
    """Make the segment's translation-memory entry match its current target and status."""
    row = session.execute(
        select(
            Segment.source,
            Segment.source_hash,
            Segment.target,
            Segment.status,
            Segment.updated_by_id,
            Document.source_name,
        )
        .join(Document, Segment.document_id == Document.id)
        .where(Segment.id == segment_id)
    ).one_or_none()
    if row is None:
        return
    source, pair_source_hash, target, status, author_id, document_name = row
    finished = status in FINISHED_STATUSES and bool(target and target.strip())
    stale = delete(TmEntry).where(
        TmEntry.segment_id == segment_id, TmEntry.origin == SEGMENT_ORIGIN
    )
    if not finished:
        session.execute(stale, execution_options={"synchronize_session": False})
        return
    assert target is not None
    pair_target_hash = target_hash(target)
    session.execute(
        stale.where(TmEntry.target_hash != pair_target_hash),
        execution_options={"synchronize_session": False},
    )
    insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    statement = insert(TmEntry).values(
        source=source,
        target=target,
        source_hash=pair_source_hash,
        target_hash=pair_target_hash,
        source_norm=normalise_arabic(source),
        origin=SEGMENT_ORIGIN,
        origin_name=document_name,
        status=status,
        segment_id=segment_id,
        created_at=utcnow(),
        created_by_id=author_id,
    )
    # The same pair may already be there: from a file (left alone) or from this or another
    # segment with the same sentence (it takes this segment's status).
    session.execute(
        statement.on_conflict_do_update(
            index_elements=[TmEntry.source_hash, TmEntry.target_hash],
            set_={"status": status, "segment_id": segment_id},
            where=TmEntry.origin == SEGMENT_ORIGIN,
        )
    )
