"""Translate once: identical sentences share one machine translation per model.

News wires repeat boilerplate and seed 000 repeats a paragraph. Sentences are identical when their
`source_hash` (Arabic-normalised text, workbench/text/normalise.py) is: within one run only the
first of them is decoded and the others get its English and score; and a sentence this model
already translated anywhere in the database is not decoded again at all. The reused MT is
recorded exactly like fresh MT (a revision naming the same model and version).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Generic, Protocol, TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from workbench.mt.engine import Scored
from workbench.store.models import Origin, Revision, Segment

CHUNK = 500  # hashes per IN (...): far below SQLite's and PostgreSQL's parameter limits


class HasHash(Protocol):
    @property
    def source_hash(self) -> str: ...


W = TypeVar("W", bound=HasHash)


@dataclass
class Plan(Generic[W]):
    """Which segments are decoded, which copy a sentence decoded in this run, which reuse MT
    already in the database."""

    decode: list[W] = field(default_factory=list)
    copies: dict[str, list[W]] = field(default_factory=dict)  # hash -> the same sentence again
    known: list[tuple[W, Scored]] = field(default_factory=list)


def existing_mt(
    session: Session, hashes: Iterable[str], package: str, version: str
) -> dict[str, Scored]:
    """The latest MT this model (package and version) made for each of `hashes`."""
    found: dict[str, Scored] = {}
    wanted = sorted(set(hashes))
    for start in range(0, len(wanted), CHUNK):
        chunk = wanted[start : start + CHUNK]
        latest = (
            select(func.max(Revision.id))
            .join(Segment, Segment.id == Revision.segment_id)
            .where(
                Revision.origin == Origin.MT.value,
                Revision.mt_package == package,
                Revision.mt_version == version,
                Segment.source_hash.in_(chunk),
            )
            .group_by(Segment.source_hash)
        )
        rows = session.execute(
            select(Segment.source_hash, Revision.text, Revision.mt_score)
            .join(Segment, Segment.id == Revision.segment_id)
            .where(Revision.id.in_(latest))
        )
        for row in rows:
            found[row.source_hash] = Scored(row.text, row.mt_score)
    return found


def plan(work: Sequence[W], known: dict[str, Scored]) -> Plan[W]:
    result: Plan[W] = Plan()
    for item in work:
        if item.source_hash in known:
            result.known.append((item, known[item.source_hash]))
        elif item.source_hash in result.copies:
            result.copies[item.source_hash].append(item)
        else:
            result.copies[item.source_hash] = []
            result.decode.append(item)
    return result
