"""Fuzzy translation-memory lookup: the closest stored sources to a sentence, with a percentage.

The score is rapidfuzz's `fuzz.ratio` (normalised Indel similarity, 0-100) between the
Arabic-normalised sources, so spelling variants (alef forms, ta marbuta, harakat, digits) cost
nothing. 100 means the same sentence up to those variants.

Scanning the table with SQL for every keystroke would be far too slow for a large memory, so each
process keeps an index per database: the normalised sources sorted by length, with their ids.
Each lookup first reads the newest entry (highest id and its source hash: one index probe, not a
count over the table); when another process has added entries, that changed and the index is
rebuilt. Deleted entries are caught when they would be shown: a best match whose row is gone, or
whose row no longer has the indexed source (SQLite may reuse the highest id), rebuilds the index
and the lookup runs again. A score of at least `c` percent is only possible between lengths `a`
and `b` with 2*min(a, b)/(a + b) >= c/100, so only the slice of lengths that can reach the cut-off
is scored.

Status: a pair whose file called it new, draft or rejected (`import-tm` keeps the status a TMX or
CSV gives) is not a finished translation. It never outranks a finished pair, whatever the two
similarities, and it never shows as a clean 100%: its score is at most 99 (`UNFINISHED_CAP`),
its `similarity` keeps the true figure, and `status` says why. Pairs without a status (most TMX
from CAT tools) count as finished, as do this database's own finished segments.
"""

from __future__ import annotations

import bisect
import math
import threading
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.config import DEFAULT_MIN_SCORE
from workbench.store.models import SegmentStatus, TmEntry
from workbench.text.normalise import normalise_arabic

UNFINISHED_STATUSES = frozenset(
    {SegmentStatus.NEW.value, SegmentStatus.DRAFT.value, SegmentStatus.REJECTED.value}
)
UNFINISHED_CAP = 99  # the best score an unfinished pair can show
# How many candidates a lookup reads at most while looking past unfinished pairs for finished
# ones: a memory imported from a desk's drafts could otherwise make every keystroke read
# thousands of rows.
MAX_LOOKAHEAD = 256


@dataclass(frozen=True, slots=True)
class TmMatch:
    source: str
    target: str
    score: int  # 0-100, rounded down: 100 only for the same normalised sentence, finished
    origin: str  # "segment" (a finished segment of this database) or "import" (a TMX/CSV file)
    origin_name: str | None  # the file it came from: a document (segment) or a TMX/CSV (import)
    entry_id: int
    status: str | None
    similarity: int = 0  # the fuzzy similarity itself, before an unfinished pair's cap

    @property
    def finished(self) -> bool:
        """False for a pair its file called new, draft or rejected."""
        return self.status not in UNFINISHED_STATUSES


@dataclass(frozen=True, slots=True)
class TmIndex:
    signature: tuple[int | None, str | None]
    ids: list[int]  # sorted by the length of their normalised source
    segment_ids: list[int | None]
    sources: list[str]  # normalised
    lengths: list[int]

    def window(self, length: int, min_score: float) -> tuple[int, int]:
        """The slice of entries whose length allows a score of at least `min_score`."""
        if min_score <= 0:
            return 0, len(self.ids)
        cut = min(min_score / 100, 1.0)
        low = bisect.bisect_left(self.lengths, math.floor(length * cut / (2 - cut)))
        high = bisect.bisect_right(self.lengths, math.ceil(length * (2 - cut) / cut))
        return low, high

    def search(
        self, query: str, limit: int, min_score: float, exclude_segment_id: int | None = None
    ) -> list[tuple[int, float]]:
        """(position in the index, score) of the best `limit` entries, best first."""
        low, high = self.window(len(query), min_score)
        if low >= high:
            return []  # nothing can reach the cut-off (an empty memory): no need of rapidfuzz
        # Imported at the first search (about 20 ms): the screen and the CLI start without it.
        from rapidfuzz import fuzz, process

        extra = 0 if exclude_segment_id is None else 1
        found = process.extract(
            query,
            self.sources[low:high],
            scorer=fuzz.ratio,
            limit=limit + extra,
            score_cutoff=min_score,
        )
        results = [
            (low + position, score)
            for _, score, position in found
            if exclude_segment_id is None or self.segment_ids[low + position] != exclude_segment_id
        ]
        return results[:limit]


_CACHE: dict[str, TmIndex] = {}
_LOCK = threading.Lock()


def _signature(session: Session) -> tuple[int | None, str | None]:
    newest = session.execute(
        select(TmEntry.id, TmEntry.source_hash).order_by(TmEntry.id.desc()).limit(1)
    ).one_or_none()
    return (newest[0], newest[1]) if newest is not None else (None, None)


def build_index(session: Session) -> TmIndex:
    signature = _signature(session)
    rows = sorted(
        session.execute(select(TmEntry.id, TmEntry.segment_id, TmEntry.source_norm)),
        key=lambda row: len(row[2]),
    )
    return TmIndex(
        signature,
        [row[0] for row in rows],
        [row[1] for row in rows],
        [row[2] for row in rows],
        [len(row[2]) for row in rows],
    )


def tm_index(session: Session, *, rebuild: bool = False) -> TmIndex:
    """This database's index, built on first use and rebuilt when entries were added."""
    key = session.get_bind().engine.url.render_as_string(hide_password=False)
    with _LOCK:
        cached = _CACHE.get(key)
        if not rebuild and cached is not None and cached.signature == _signature(session):
            return cached
        index = build_index(session)
        _CACHE[key] = index
        return index


def tm_matches(
    session: Session,
    source: str,
    limit: int = 3,
    *,
    min_score: float = DEFAULT_MIN_SCORE,
    exclude_segment_id: int | None = None,
) -> list[TmMatch]:
    """The `limit` best memory entries for `source` scoring at least `min_score`, best first.

    Pass the segment's own id as `exclude_segment_id` so that a finished segment is not offered
    its own translation.
    """
    query = normalise_arabic(source)
    if not query or limit <= 0:
        return []
    for attempt in range(2):  # the second time with the index rebuilt
        index = tm_index(session, rebuild=attempt > 0)
        matches = _ranked(
            session, index, query, limit, min_score=min_score, exclude_segment_id=exclude_segment_id
        )
        if matches is not None:
            return matches
    return []


def _ranked(
    session: Session,
    index: TmIndex,
    query: str,
    limit: int,
    *,
    min_score: float,
    exclude_segment_id: int | None,
) -> list[TmMatch] | None:
    """The best `limit` matches, finished pairs first; None when an entry changed under the
    index. Unfinished pairs among the most similar make the search look further (four times as
    far each round) until `limit` finished ones are found, the candidates run out, or
    MAX_LOOKAHEAD candidates were read."""
    wanted = limit
    while True:
        found = index.search(query, wanted, min_score, exclude_segment_id)
        matches = _fetch(session, index, found)
        if matches is None:
            return None
        enough = sum(match.finished for match in matches) >= limit
        if enough or len(found) < wanted or wanted >= MAX_LOOKAHEAD:
            break
        wanted = min(wanted * 4, MAX_LOOKAHEAD)
    # Stable: within each group the order stays by similarity.
    return sorted(matches, key=lambda match: not match.finished)[:limit]


def _fetch(
    session: Session, index: TmIndex, found: list[tuple[int, float]]
) -> list[TmMatch] | None:
    """The rows of the found positions, or None when one is gone or holds another source."""
    if not found:
        return []
    wanted = {index.ids[position]: position for position, _ in found}
    rows = {
        entry.id: entry for entry in session.scalars(select(TmEntry).where(TmEntry.id.in_(wanted)))
    }
    if any(
        (row := rows.get(entry_id)) is None or row.source_norm != index.sources[position]
        for entry_id, position in wanted.items()
    ):
        return None
    matches = []
    for position, score in found:
        entry = rows[index.ids[position]]
        percent = math.floor(score + 1e-9)  # 100 only for the same normalised sentence
        shown = percent if entry.status not in UNFINISHED_STATUSES else min(percent, UNFINISHED_CAP)
        matches.append(
            TmMatch(
                entry.source,
                entry.target,
                shown,
                entry.origin,
                entry.origin_name,
                entry.id,
                entry.status,
                percent,
            )
        )
    return matches
