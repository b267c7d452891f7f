"""What is installed, which one is the default, and removing one: `workbench models ...`.

The default is kept in a small file in the packages folder (argostranslate reads only folders
there), so every front end and every user of that folder translates with the same model.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from workbench.errors import InputError, NotFoundError
from workbench.mt.ct2_folder import folder_size
from workbench.mt.packages import (
    DEFAULT_FILE,
    InstalledModel,
    find_ar_en_model,
    find_model,
    packages_dir,
    scan_packages,
)


@dataclass(frozen=True)
class Entry:
    model: InstalledModel
    size: int
    default: bool

    def to_json(self) -> dict[str, Any]:
        model = self.model
        return {
            "name": model.name,
            "kind": model.kind,
            "from": model.from_code,
            "to": model.to_code,
            "version": model.version,
            "size": self.size,
            "default": self.default,
            "used": self.default,  # the name before CTranslate2 folders came (scripts read it)
            "test_model": model.is_test_model,
            "path": str(model.path),
        }


def entries(directory: Path | None = None) -> list[Entry]:
    """Every readable installed model; `default` marks the one MT uses for ar→en."""
    root = directory if directory is not None else packages_dir()
    chosen = find_ar_en_model(root)
    return [
        Entry(model, folder_size(model.path), chosen is not None and model.path == chosen.path)
        for model in scan_packages(root)[0]
    ]


def installed_names(directory: Path | None = None) -> list[str]:
    return [model.name for model in scan_packages(directory)[0] if model.is_ar_en]


def set_default(name: str, directory: Path | None = None) -> InstalledModel:
    """Make `name` the model MT uses; written atomically (a reader sees the old or the new)."""
    root = directory if directory is not None else packages_dir()
    model = find_model(name, root)
    handle, temporary = tempfile.mkstemp(prefix=".default-", dir=root)
    with os.fdopen(handle, "w", encoding="utf-8") as file:
        file.write(model.name + "\n")
    Path(temporary).replace(root / DEFAULT_FILE)
    return model


def remove(name: str, directory: Path | None = None) -> InstalledModel:
    """Delete an installed model: renamed away first, so no reader ever sees half of it."""
    root = directory if directory is not None else packages_dir()
    for model in scan_packages(root)[0]:
        if model.name == name:
            break
    else:
        names = ", ".join(m.name for m in scan_packages(root)[0]) or "none"
        raise NotFoundError(f"no model named {name!r} is installed (installed: {names})")
    if model.path.is_symlink() or model.path.parent != root:
        raise InputError(f"{model.path} is not a folder of {root}; remove it by hand")
    with tempfile.TemporaryDirectory(prefix=".removing-", dir=root) as trash:
        model.path.rename(Path(trash) / model.name)
    return model
