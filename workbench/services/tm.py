"""Importing a translation memory: its pairs become TM entries and fill empty segments.

One transaction for the whole file: the readers raise on the first bad line, and then nothing of
the file is kept. Pairs are handled in batches, so memory does not grow with the file.

- TM entries: one per distinct (Arabic, English) pair, keyed by the Arabic-normalised source hash
  and the exact English hash; importing the same file again adds nothing.
- Segments: a segment whose source hash matches a pair of the file and that has no English target
  gets the pair's English as a revision of origin "import" by the importing user. A segment that
  already has a target (a human edit, an earlier import) is never touched. When a file holds
  several translations of one sentence, the first in the file wins.
- Status: the TM entry keeps the status the file gives. The segment becomes "translated", or
  "draft" when the file says new, draft or rejected. A file cannot make a segment reviewed or
  approved: approval is a reviewer's act in this database, not a claim an outside file makes.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from workbench.ingest.tmpairs import TmPair
from workbench.services.filling import Fill, fill_empty_targets
from workbench.services.users import ensure_user
from workbench.services.validation import check_storable
from workbench.store.database import Database
from workbench.store.models import Origin, SegmentStatus, TmEntry, User
from workbench.store.upserts import conflict_insert
from workbench.text.normalise import normalise_arabic, source_hash, target_hash

BATCH = 1000
UNFINISHED = {SegmentStatus.NEW.value, SegmentStatus.DRAFT.value, SegmentStatus.REJECTED.value}


@dataclass(frozen=True, slots=True)
class TmImportOutcome:
    pairs: int  # read from the file
    entries_added: int
    entries_present: int  # pairs the TM already had (or that repeat within the file)
    targets_set: int  # segments that got their first English from this file
    targets_kept: int  # matching segments left alone because they already had a target


def segment_status_for(file_status: str | None) -> str:
    if file_status in UNFINISHED:
        return SegmentStatus.DRAFT.value
    return SegmentStatus.TRANSLATED.value


def _batches(pairs: Iterable[TmPair]) -> Iterator[list[TmPair]]:
    iterator = iter(pairs)
    while batch := list(islice(iterator, BATCH)):
        yield batch


def _add_entries(session: Session, batch: list[TmPair], origin_name: str, user: User) -> None:
    rows: dict[tuple[str, str], dict[str, object]] = {}
    for pair in batch:
        key = (source_hash(pair.source), target_hash(pair.target))
        rows.setdefault(
            key,
            {
                "source": pair.source,
                "target": pair.target,
                "source_hash": key[0],
                "target_hash": key[1],
                "source_norm": normalise_arabic(pair.source),
                "origin": "import",
                "origin_name": origin_name,
                "status": pair.status,
                "created_by_id": user.id,
            },
        )
    dialect = session.get_bind().dialect.name
    statement = conflict_insert(dialect, TmEntry)
    session.execute(
        statement.on_conflict_do_nothing(index_elements=["source_hash", "target_hash"]),
        list(rows.values()),
    )


def _fill_segments(
    session: Session, batch: list[TmPair], user: User, seen: set[int]
) -> tuple[int, int]:
    """Fill matching empty segments; returns (set, kept), each segment counted once."""
    fills = [
        Fill(source_hash(pair.source), pair.target, segment_status_for(pair.status))
        for pair in batch
    ]
    outcome = fill_empty_targets(session, fills, user, Origin.IMPORT)
    kept = [id_ for id_ in outcome.kept if id_ not in seen]
    seen.update(outcome.filled, kept)
    return len(outcome.filled), len(kept)


def import_tm(
    database: Database, pairs: Iterable[TmPair], origin_name: str, user_name: str
) -> TmImportOutcome:
    """Import `pairs` (read lazily, so a reader's InputError rolls everything back)."""
    check_storable(origin_name, "the memory's file name")  # stored with every entry
    read = set_total = kept_total = 0
    seen: set[int] = set()
    with database.write() as session:
        user = ensure_user(session, user_name)
        entries_before = session.scalar(select(func.count()).select_from(TmEntry)) or 0
        for batch in _batches(pairs):
            read += len(batch)
            _add_entries(session, batch, origin_name, user)
            set_count, kept = _fill_segments(session, batch, user, seen)
            set_total += set_count
            kept_total += kept
        entries_after = session.scalar(select(func.count()).select_from(TmEntry)) or 0
    added = entries_after - entries_before
    return TmImportOutcome(read, added, read - added, set_total, kept_total)
