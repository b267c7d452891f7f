"""Exports to a file: the filter, the one read transaction, the atomic write, the progress."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from workbench.export.atomic import atomic_output
from workbench.export.csv import write_csv
from workbench.export.rows import (
    ExportFilter,
    Needs,
    check_document,
    count_export_rows,
    iter_export_rows,
)
from workbench.export.tmx import write_tmx
from workbench.store.database import Database
from workbench.store.files import database_files
from workbench.store.models import utcnow

Format = Literal["tmx", "csv"]
# Told the number of rows once it is known, it returns the `advance(n)` to call while writing.
ProgressStart = Callable[[int], Callable[[int], None]]


@dataclass(frozen=True, slots=True)
class ExportJob:
    path: Path
    format: Format
    export: ExportFilter
    user: str
    bom: bool = False  # CSV only

    def needs(self) -> Needs:
        # A TMX unit needs an English side; a CSV row is a line of the table, filled or not.
        if self.format == "csv":
            return "nothing"
        return "target_or_mt" if self.export.include_mt else "target"


def run_export(database: Database, job: ExportJob, start: ProgressStart | None = None) -> int:
    """Write the export; returns how many segments it holds. One read transaction throughout,
    so the file is a consistent snapshot even while others keep saving."""
    with database.read() as session:
        check_document(session, job.export.document_id)
        advance = start(count_export_rows(session, job.export, job.needs())) if start else None
        # A CSV line shows who last wrote the segment and when, never its revisions.
        rows = iter_export_rows(session, job.export, job.needs(), history=job.format == "tmx")
        with atomic_output(job.path, database_files(database)) as out:
            if job.format == "tmx":
                return write_tmx(
                    rows, out, job.export, user=job.user, now=utcnow(), progress=advance
                )
            return write_csv(rows, out, bom=job.bom, progress=advance)
