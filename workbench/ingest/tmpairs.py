"""What translation-memory readers yield, and the checks they share."""

from __future__ import annotations

from dataclasses import dataclass

from workbench.errors import InputError
from workbench.store.models import SegmentStatus

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
