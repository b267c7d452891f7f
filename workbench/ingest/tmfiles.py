"""Translation-memory files coming in (.tmx or .csv), read as a stream of pairs.

Readers yield pairs as they parse and raise InputError (file and line named) at the first thing
that is wrong, so the importing service, which writes inside one transaction, rolls the whole
file back: a bad file leaves nothing behind.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from workbench.errors import InputError
from workbench.files.inputs import SizeCap, check_regular, memory_cap
from workbench.ingest.tmcsv import iter_csv_pairs
from workbench.ingest.tmpairs import TmPair
from workbench.ingest.tmx import iter_tmx_pairs


@dataclass
class TmFile:
    """Iterate `pairs()` once; `skipped` then counts what was left out, by reason."""

    path: Path
    cap: SizeCap = field(default_factory=memory_cap)
    skipped: Counter[str] = field(default_factory=Counter)

    def __post_init__(self) -> None:
        if self.path.suffix.lower() not in {".tmx", ".csv"}:
            raise InputError(f"{self.path}: name a .tmx or .csv file")
        # A FIFO, a device or a file over the cap is refused now, before the import starts.
        size = check_regular(self.path).st_size
        if size > self.cap.bytes:
            raise self.cap.refuse(self.path, size)

    def pairs(self) -> Iterator[TmPair]:
        if self.path.suffix.lower() == ".tmx":
            return iter_tmx_pairs(self.path, self.skipped, self.cap)
        return iter_csv_pairs(self.path, self.skipped, self.cap)
