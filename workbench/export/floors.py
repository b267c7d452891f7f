"""Which segments an export takes: `--status X` is a floor, X and every status above it in the
review flow. Apart from the row query so that the CLI can offer the choices without SQLAlchemy."""

from __future__ import annotations

from workbench.store.vocabulary import SegmentStatus

STATUS_FLOORS: dict[str, tuple[str, ...] | None] = {
    "approved": (SegmentStatus.APPROVED,),
    "reviewed": (SegmentStatus.REVIEWED, SegmentStatus.APPROVED),
    "translated": (SegmentStatus.TRANSLATED, SegmentStatus.REVIEWED, SegmentStatus.APPROVED),
    "any": None,
}
DEFAULT_FLOOR = "translated"
