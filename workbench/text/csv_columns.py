"""The columns of the workbench's segment CSV, in order.

Written by `workbench export csv` (`workbench.export.csv`) and recognised by `workbench import-tm`
(`workbench.ingest.tmcsv`), so both sides read them from here.
"""

from __future__ import annotations

COLUMNS = (
    "document",
    "position",
    "arabic",
    "mt",
    "english",
    "status",
    "editor",
    "updated_at",
    "claims",
)
