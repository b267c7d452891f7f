"""Variants of the test model's archive for install tests: re-packed with one thing changed."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable
from pathlib import Path

from tests.mt_fixtures import TOY_MODEL_FILE

TOP = "translate-ar_en-toy"

# (name, data) -> (new name, new data), or None to leave the member out
Rewrite = Callable[[str, bytes], tuple[str, bytes] | None]


def repack(destination: Path, rewrite: Rewrite, extra: dict[str, bytes] | None = None) -> Path:
    with (
        zipfile.ZipFile(TOY_MODEL_FILE) as source,
        zipfile.ZipFile(destination, "w", zipfile.ZIP_STORED) as target,  # fast; still a zip
    ):
        for info in source.infolist():
            changed = rewrite(info.filename, source.read(info))
            if changed is not None:
                target.writestr(changed[0], changed[1])
        for name, data in (extra or {}).items():
            target.writestr(name, data)
    return destination


def with_metadata(destination: Path, top: str = TOP, **changes: object) -> Path:
    """The test model with metadata.json fields changed (None removes a field)."""

    def rewrite(name: str, data: bytes) -> tuple[str, bytes]:
        new_name = name.replace(TOP, top, 1)
        if name == f"{TOP}/metadata.json":
            metadata = json.loads(data)
            for key, value in changes.items():
                if value is None:
                    metadata.pop(key, None)
                else:
                    metadata[key] = value
            return new_name, json.dumps(metadata).encode()
        return new_name, data

    return repack(destination, rewrite)


def without(destination: Path, member: str) -> Path:
    return repack(destination, lambda n, d: None if n == f"{TOP}/{member}" else (n, d))
