"""Checks on text before it is stored, the same for every backend.

The check itself lives in `workbench.text.controls`, so that file readers (ingest, glossary,
translation-memory files) apply exactly the same rule with the file and line named.
"""

from __future__ import annotations

from workbench.text.controls import check_storable

__all__ = ["check_storable"]
