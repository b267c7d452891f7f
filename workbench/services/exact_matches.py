"""Filling segments from exact translation-memory matches (after import and after translation).

A segment is filled when the memory holds a pair with the same Arabic-normalised source
(`source_hash`) and the segment has no human work: its status is new or draft and it has no
target, or its latest revision came from machine translation. It gets the memory's English as a
revision with origin "tm" and status draft, so that an editor confirms it: a sentence repeated
word for word can still need a different English in another article ("today", "last year").
Segments edited by a person, imported, or already filled from the memory are never overwritten.

Both front ends get this by the same calls: `importing.import_documents` fills the documents it
adds, and `translation.translate_segments` fills after machine translation (an exact match beats
fresh MT); `workbench tm fill` runs it on its own.
"""

from __future__ import annotations

from collections import Counter
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
# Which of several exact matches wins: the most trusted status, then the newest entry. A pair
# without a status (TMX from a CAT tool) comes next; one its file called new or draft last.
_STATUS_RANK = {"approved": 0, "reviewed": 1, "translated": 2, "": 3, "new": 4, "draft": 4}
# A pair a reviewer rejected is never put into a segment, not even as a draft to confirm.
NEVER_FILLED = ("rejected",)
_CHUNK = 500  # ids per IN (...) list, well under every database's parameter limit
TM_USER = "tm"


@dataclass(frozen=True, slots=True)
class _Fill:
    segment_id: int
    document_id: int
    version: int
    current: str | None
    text: str


def _rank(status: str | None, entry_id: int) -> tuple[int, int]:
    return (_STATUS_RANK.get(status or "", len(_STATUS_RANK)), -entry_id)


def _candidates(session: Session, document_ids: Sequence[int] | None) -> list[_Fill]:
    query = (
        select(
            Segment.id,
            Segment.document_id,
            Segment.version,
            Segment.target,
            TmEntry.target,
            TmEntry.status,
            TmEntry.id,
        )
        .join(TmEntry, TmEntry.source_hash == Segment.source_hash)
        .where(Segment.status.in_(FILLABLE_STATUSES))
        .where((TmEntry.segment_id.is_(None)) | (TmEntry.segment_id != Segment.id))
        .where(TmEntry.status.is_(None) | TmEntry.status.not_in(NEVER_FILLED))
    )
    queries = [query]
    if document_ids is not None:
        chunks = (document_ids[i : i + _CHUNK] for i in range(0, len(document_ids), _CHUNK))
        queries = [query.where(Segment.document_id.in_(chunk)) for chunk in chunks]
    best: dict[int, tuple[tuple[int, int], _Fill]] = {}
    for chunk_query in queries:
        for segment_id, document_id, version, current, text, status, entry_id in session.execute(
            chunk_query
        ):
            rank = _rank(status, entry_id)
            if segment_id not in best or rank < best[segment_id][0]:
                best[segment_id] = (rank, _Fill(segment_id, document_id, version, current, text))
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


def fill_from_memory(
    session: Session, user_name: str, document_ids: Sequence[int] | None = None
) -> Counter[int]:
    """Fill untouched segments (of these documents, or all) from exact TM matches, in the
    caller's transaction; how many were filled, by document id."""
    filled: Counter[int] = Counter()
    fills = _fillable(session, _candidates(session, document_ids))
    if not fills:
        return filled  # and `user_name` is not made a user for nothing
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
        filled[fill.document_id] += 1
    return filled


def fill_exact_matches(
    database: Database, document_id: int | None = None, *, user_name: str = TM_USER
) -> int:
    """Fill untouched segments (of one document, or all) from exact TM matches; return how many."""
    with database.write() as session:
        documents = None if document_id is None else [document_id]
        return sum(fill_from_memory(session, user_name, documents).values())
