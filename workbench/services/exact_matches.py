"""Filling segments from exact translation-memory matches (after import and after translation).

A segment is filled when the memory holds a pair with the same Arabic-normalised source
(`source_hash`) and the segment has no human work: its status is new or draft and it has no
target, or its latest revision came from machine translation. It gets the memory's English as a
revision with origin "tm" and status draft, so that an editor confirms it: a sentence repeated
word for word can still need a different English in another article ("today", "last year").
Segments edited by a person, imported, or already filled from the memory are never overwritten.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from workbench.errors import StaleVersionError
from workbench.services.editing import save_target
from workbench.services.users import ensure_user
from workbench.store.database import Database
from workbench.store.models import Origin, Revision, Segment, SegmentStatus, TmEntry

FILLABLE_STATUSES = (SegmentStatus.NEW.value, SegmentStatus.DRAFT.value)
# Which of several exact matches wins: the most trusted status, then the newest entry.
_STATUS_RANK = {"approved": 0, "reviewed": 1, "translated": 2}
_CHUNK = 500  # ids per IN (...) list, well under every database's parameter limit
TM_USER = "tm"


@dataclass(frozen=True, slots=True)
class _Fill:
    segment_id: int
    version: int
    current: str | None
    text: str


def _rank(status: str | None, entry_id: int) -> tuple[int, int]:
    return (_STATUS_RANK.get(status or "", len(_STATUS_RANK)), -entry_id)


def _candidates(session: Session, document_id: int | None) -> list[_Fill]:
    query = (
        select(
            Segment.id, Segment.version, Segment.target, TmEntry.target, TmEntry.status, TmEntry.id
        )
        .join(TmEntry, TmEntry.source_hash == Segment.source_hash)
        .where(Segment.status.in_(FILLABLE_STATUSES))
        .where((TmEntry.segment_id.is_(None)) | (TmEntry.segment_id != Segment.id))
    )
    if document_id is not None:
        query = query.where(Segment.document_id == document_id)
    best: dict[int, tuple[tuple[int, int], _Fill]] = {}
    for segment_id, version, current, text, status, entry_id in session.execute(query):
        rank = _rank(status, entry_id)
        if segment_id not in best or rank < best[segment_id][0]:
            best[segment_id] = (rank, _Fill(segment_id, version, current, text))
    return [fill for _, fill in best.values()]


def _latest_origins(session: Session, segment_ids: Sequence[int]) -> dict[int, str]:
    origins: dict[int, str] = {}
    for start in range(0, len(segment_ids), _CHUNK):
        chunk = segment_ids[start : start + _CHUNK]
        latest = (
            select(func.max(Revision.id))
            .where(Revision.segment_id.in_(chunk))
            .group_by(Revision.segment_id)
        )
        rows = session.execute(
            select(Revision.segment_id, Revision.origin).where(Revision.id.in_(latest))
        )
        origins.update((row[0], row[1]) for row in rows)
    return origins


def _fillable(session: Session, candidates: Iterable[_Fill]) -> list[_Fill]:
    candidates = [fill for fill in candidates if fill.current != fill.text]
    origins = _latest_origins(session, [fill.segment_id for fill in candidates])
    return [
        fill
        for fill in candidates
        if (fill.current is None and fill.segment_id not in origins)
        or origins.get(fill.segment_id) == Origin.MT.value
    ]


def fill_exact_matches(
    database: Database, document_id: int | None = None, *, user_name: str = TM_USER
) -> int:
    """Fill untouched segments (of one document, or all) from exact TM matches; return how many."""
    filled = 0
    with database.write() as session:
        fills = _fillable(session, _candidates(session, document_id))
        if not fills:
            return 0
        author = ensure_user(session, user_name)
        for fill in sorted(fills, key=lambda f: f.segment_id):
            try:
                save_target(
                    session,
                    fill.segment_id,
                    fill.text,
                    author,
                    status=SegmentStatus.DRAFT.value,
                    expect_version=fill.version,
                    origin=Origin.TM,
                )
            except StaleVersionError:
                continue  # someone saved it meanwhile: their work stays
            filled += 1
    return filled
