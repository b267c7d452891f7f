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
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
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


def csv_cells(row: ExportRow) -> list[str | int]:
    return [
        row.document_id,
        row.position,
        neutralise(row.source),
        neutralise(row.mt or ""),
        neutralise(row.target or ""),
        row.status,
        neutralise(row.editor or ""),
        iso_utc(row.updated_at),
        neutralise("\n".join(row.claims)) if row.claims else "",
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
    written = 0
    for row in rows:
        writer.writerow(csv_cells(row))
        written += 1
        if progress is not None and written % PROGRESS_EVERY == 0:
            progress(PROGRESS_EVERY)
    text.flush()
    text.detach()  # `out` belongs to the caller, who syncs and closes it
    if progress is not None:
        progress(written % PROGRESS_EVERY)
    return written
