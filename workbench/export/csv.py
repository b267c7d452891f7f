"""CSV export: one row per segment, RFC 4180 (the `csv` module's default dialect), UTF-8.

Columns: document (id), position, arabic, mt, english, status, editor, updated_at (ISO 8601, UTC),
claims (one claim per line inside the cell). Fields with commas, quotes or line breaks are quoted;
lines end in CRLF as the RFC says. `bom=True` starts the file with a UTF-8 byte-order mark, which
Excel needs to read UTF-8 Arabic correctly. Text cells that a spreadsheet would run as a formula
are neutralised (`workbench.text.formula`); `workbench import-tm` undoes that exactly.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime
from functools import lru_cache
from itertools import islice
from typing import BinaryIO

from workbench.export.rows import ExportRow
from workbench.text.csv_columns import COLUMNS
from workbench.text.formula import neutralise

PROGRESS_EVERY = 1000


def iso_utc(moment: datetime | None) -> str:
    """2026-11-21T12:18:43Z. Naive datetimes are UTC already (that is how SQLite returns them)."""
    if moment is None:
        return ""
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC)
    return f"{moment.isoformat()[:19]}Z"


# Dates kept for the rows that follow (a bounded cache: memory stays flat): bulk writes (an
# import, a translation run, a TM fill) give thousands of segments the same moment.
KEPT_DATES = 1024
_utc = lru_cache(maxsize=KEPT_DATES)(iso_utc)


def _cells(rows: Iterable[ExportRow]) -> Iterator[list[str | int]]:
    """The cells of each row. One generator, each row unpacked once and each moment formatted
    once: per row, attribute look-ups and the date's formatting cost as much as the writing."""
    for (
        _, document_id, _, position, source, target, mt, status, editor, updated_at, _, _, _, _,
        _, _, _, _, claims,
    ) in rows:  # fmt: skip
        yield [
            document_id,
            position,
            neutralise(source),
            neutralise(mt) if mt else "",
            neutralise(target) if target else "",
            status,
            neutralise(editor) if editor else "",
            _utc(updated_at) if updated_at is not None else "",
            neutralise("\n".join(claims)) if claims else "",
        ]


def write_csv(
    rows: Iterable[ExportRow],
    out: BinaryIO,
    *,
    bom: bool = False,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Write the header and one line per row to `out`; returns the number of rows written."""
    text = io.TextIOWrapper(out, encoding="utf-8-sig" if bom else "utf-8", newline="")
    writer = csv.writer(text)
    writer.writerow(COLUMNS)
    written, cells = 0, _cells(rows)
    while batch := list(islice(cells, PROGRESS_EVERY)):  # writerows: one call per batch
        writer.writerows(batch)
        written += len(batch)
        if progress is not None and len(batch) == PROGRESS_EVERY:
            progress(PROGRESS_EVERY)
    text.flush()
    text.detach()  # `out` belongs to the caller, who syncs and closes it
    if progress is not None:
        progress(written % PROGRESS_EVERY)
    return written
