"""The claim export formats and the file extensions that name them.

Apart from the writers so that the CLI can offer and check them without loading the database.
"""

from __future__ import annotations

from pathlib import Path

from workbench.errors import InputError

FORMATS = ("jsonl", "csv", "claimreview")
EXTENSIONS = {".jsonl": "jsonl", ".csv": "csv", ".jsonld": "claimreview", ".json": "claimreview"}


def claims_format(out: Path, explicit: str | None) -> str:
    """The format to write `out` in: --format when given, else the one its extension names.

    An extension that names another format than --format is refused: the file would lie.
    """
    named = EXTENSIONS.get(out.suffix.lower())
    if explicit is not None:
        if named is not None and named != explicit:
            raise InputError(
                f"{out}: --format {explicit} does not match the extension {out.suffix} "
                f"({named}); change the file name or --format; nothing was written"
            )
        return explicit
    if named is None:
        known = ", ".join(f"{ext} ({name})" for ext, name in EXTENSIONS.items())
        raise InputError(
            f"{out}: the extension {out.suffix or '(none)'} names no claim format; use one of "
            f"{known}, or pass --format {'|'.join(FORMATS)}; nothing was written"
        )
    return named
