"""Giving English to many segments that have none, in bulk (TM import; exact TM matches).

The bulk twin of `editing.save_target` for the one case where no version needs checking: the
segment has no target. Same effects per segment (target, status, version + 1, who and when, one
revision), but one statement per batch instead of two per segment, which makes a 100,000-segment
memory import take seconds rather than minutes.

Never over someone's English: candidates are selected with `target IS NULL` under a row lock
(FOR UPDATE on PostgreSQL; SQLite's write transaction is already exclusive), and the UPDATE
repeats the condition.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.orm import Session

from workbench.errors import WorkbenchError
from workbench.services.editing import parse_status
from workbench.store.models import Origin, Revision, Segment, User, utcnow
from workbench.store.vocabulary import EDITOR_STATUSES


@dataclass(frozen=True, slots=True)
class Fill:
    source_hash: str
    text: str
    status: str


@dataclass(frozen=True, slots=True)
class FillOutcome:
    filled: list[int]  # segment ids that got their first target
    kept: list[int]  # matching segment ids that already had a target


def fill_empty_targets(
    session: Session, fills: Sequence[Fill], author: User, origin: Origin
) -> FillOutcome:
    """Give each segment whose source hash is in `fills` and that has no target that fill's
    text. A hash listed twice takes its first fill."""
    by_hash: dict[str, Fill] = {}
    for fill in fills:
        parse_status(fill.status, EDITOR_STATUSES)
        by_hash.setdefault(fill.source_hash, fill)
    matches = session.execute(
        select(Segment.id, Segment.source_hash, Segment.version, Segment.target)
        .where(Segment.source_hash.in_(list(by_hash)))
        .order_by(Segment.id)
        .with_for_update()
    ).all()
    empty = [(id_, hash_, version) for id_, hash_, version, target in matches if target is None]
    kept = [id_ for id_, _, _, target in matches if target is not None]
    if not empty:
        return FillOutcome([], kept)
    now = utcnow()
    # Core executemany on the session's connection: one prepared UPDATE for the whole batch.
    changed = session.connection().execute(
        update(Segment)
        .where(Segment.id == bindparam("segment"), Segment.target.is_(None))
        .values(
            target=bindparam("text"),
            status=bindparam("new_status"),
            version=Segment.version + 1,
            updated_by_id=author.id,
            updated_at=now,
        ),
        [
            {"segment": id_, "text": by_hash[hash_].text, "new_status": by_hash[hash_].status}
            for id_, hash_, _ in empty
        ],
    )
    counts_rows = session.get_bind().dialect.supports_sane_multi_rowcount
    if counts_rows and changed.rowcount != len(empty):  # the lock makes this unreachable
        raise WorkbenchError("segments changed while their targets were being filled; run again")
    session.execute(
        insert(Revision),
        [
            {
                "segment_id": id_,
                "text": by_hash[hash_].text,
                "origin": origin.value,
                "status": by_hash[hash_].status,
                "version": version + 1,
                "author_id": author.id,
                "created_at": now,
            }
            for id_, hash_, version in empty
        ],
    )
    return FillOutcome([id_ for id_, _, _ in empty], kept)
