"""What translation-memory readers yield, and the checks they share."""

from __future__ import annotations

from dataclasses import dataclass

from workbench.errors import InputError
from workbench.store.models import SegmentStatus
from workbench.text.controls import check_storable

STATUS_NAMES = tuple(status.value for status in SegmentStatus)


@dataclass(frozen=True, slots=True)
class TmPair:
    source: str  # Arabic, as written in the file
    target: str  # English
    status: str | None  # the workbench status the file gives, if it gives one
    line: int  # where the pair starts in the file


def check_status(value: str, where: str) -> str:
    value = value.strip()
    if value not in STATUS_NAMES:
        raise InputError(f"{where}: status {value!r} is not one of {', '.join(STATUS_NAMES)}")
    return value


def storable_pair(where: str, line: int, source: str, target: str, status: str | None) -> TmPair:
    """The pair, or InputError naming `where` (file and line) and the side with a bad character."""
    check_storable(source, f"{where}, Arabic")
    check_storable(target, f"{where}, English")
    return TmPair(source, target, status, line)
