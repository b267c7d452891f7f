"""Installed Argos Translate packages: where they live, which one translates Arabic to English.

Light on purpose (the TUI reads this at start-up): it never imports `argostranslate.translate`,
which pulls in stanza and torch, and imports `argostranslate.package` (sentencepiece and
urllib.request: about 70 ms) only when there is a package folder to read, so that with none
installed the TUI and the CLI start without it.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from workbench.errors import NotFoundError, WorkbenchError

if TYPE_CHECKING:
    import packaging.version
    from argostranslate.package import Package

SOURCE_CODE = "ar"
TARGET_CODE = "en"
REAL_PACKAGE = "translate-ar_en"
REAL_PACKAGE_FILE = "translate-ar_en-1_0.argosmodel"
REAL_PACKAGE_SHA256 = "bc98cd4e27ca1cebfae9b7086b2ebc635e4dbed45e7cb5f0891cb7d22feacfad"
TEST_MODEL_MARK = "TEST MODEL"
# The two kinds of installed model. A CTranslate2 folder (converted from OPUS-MT/Marian) is given a
# metadata.json of this type when installed: argostranslate reads it as a package (its folder scan
# stops at the first unreadable one) and, not being of type "translate", never translates with it.
KIND_ARGOS = "argos"
KIND_CT2 = "ctranslate2"

# The exact commands that install a model from a local file or folder (the TUI's MT panel).
MISSING_MODEL_INSTALLS = (
    f"workbench models install {REAL_PACKAGE_FILE} --sha256 {REAL_PACKAGE_SHA256}",
    "workbench models install ./opus-mt-ar-en   (a CTranslate2 folder)",
)

MISSING_MODEL_HELP = (
    "no Arabic→English translation model is installed, so machine translation is off "
    "(importing, editing and exporting still work).\n"
    f"Install Argos Translate's {REAL_PACKAGE} package from a file: on a machine with internet "
    f"access download {REAL_PACKAGE_FILE} from the Argos Translate package index "
    "(https://www.argosopentech.com/argospm/index/), copy it here and run\n"
    f"    workbench models install {REAL_PACKAGE_FILE} --sha256 {REAL_PACKAGE_SHA256}\n"
    "or an OPUS-MT model (better Arabic→English) converted to a CTranslate2 folder with\n"
    "    ct2-transformers-converter --model Helsinki-NLP/opus-mt-ar-en --output_dir "
    "opus-mt-ar-en --copy_files source.spm target.spm\n"
    "    workbench models install ./opus-mt-ar-en\n"
    "or, where this machine is online: workbench models download\n"
    "Packages go to $ARGOS_PACKAGES_DIR (default ~/.local/share/argos-translate/packages); "
    "`workbench models list` shows what is there."
)


class ModelMissingError(WorkbenchError):
    """No ar→en package is installed; the message says how to install one."""

    def __init__(self) -> None:
        super().__init__(MISSING_MODEL_HELP)


@dataclass(frozen=True)
class InstalledModel:
    from_code: str
    to_code: str
    name: str  # the package's folder name, the top folder of its .argosmodel archive
    version: str
    path: Path
    description: str
    is_test_model: bool
    kind: str = KIND_ARGOS

    @property
    def model_dir(self) -> Path:
        """The CTranslate2 model: an Argos package's `model/`, a CTranslate2 folder itself."""
        return self.path if self.kind == KIND_CT2 else self.path / "model"

    def label(self) -> str:
        """How the model is named to users: a test model never passes for the real one."""
        if self.is_test_model:
            return f"{self.from_code}→{self.to_code} TEST MODEL {self.version} (not for real use)"
        return f"{self.name} {self.version}"

    @property
    def is_ar_en(self) -> bool:
        return self.from_code == SOURCE_CODE and self.to_code == TARGET_CODE


@dataclass(frozen=True)
class BrokenPackage:
    path: Path
    reason: str


def packages_dir() -> Path:
    """Where packages are installed and found: $ARGOS_PACKAGES_DIR, read now, else argos' own.

    Read at call time (argostranslate.settings reads it once, at import) so that a test or a
    command can point it elsewhere after import.
    """
    explicit = os.environ.get("ARGOS_PACKAGES_DIR")
    if explicit:
        return Path(explicit).expanduser()
    from argostranslate import settings

    return Path(settings.package_data_dir)


def _description(path: Path, package: Package) -> str:
    """metadata.json's "description" (argos reads no such field), else the package README."""
    try:
        data = json.loads((path / "metadata.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        data = {}
    value = data.get("description") if isinstance(data, dict) else None
    if isinstance(value, str) and value.strip():
        return value.strip()
    readme = package.get_readme()
    return readme.strip() if readme else ""


def model_from_path(path: Path) -> InstalledModel:
    """Read one installed package folder (raises OSError/ValueError if it is unreadable)."""
    from argostranslate.package import Package

    package = Package(path)
    description = _description(path, package)
    return InstalledModel(
        from_code=str(package.from_code),
        to_code=str(package.to_code),
        name=path.name,
        version=str(package.package_version),
        path=path,
        description=description,
        is_test_model=description.startswith(TEST_MODEL_MARK),
        kind=KIND_CT2 if package.type == KIND_CT2 else KIND_ARGOS,
    )


def scan_packages(
    directory: Path | None = None,
) -> tuple[list[InstalledModel], list[BrokenPackage]]:
    """Every package folder under `directory`, and the folders that are not readable packages.

    argostranslate's own `get_installed_packages` stops at the first broken folder; a listing
    for users should show the rest and say which folder is broken.
    """
    root = directory if directory is not None else packages_dir()
    models: list[InstalledModel] = []
    broken: list[BrokenPackage] = []
    if not root.is_dir():
        return models, broken
    for path in sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith(".")):
        try:
            models.append(model_from_path(path))
        except (OSError, ValueError, TypeError) as error:
            broken.append(BrokenPackage(path, str(error)))
    return models, broken


def _version_key(model: InstalledModel) -> tuple[bool, packaging.version.Version]:
    import packaging.version

    try:
        version = packaging.version.Version(model.version)
    except packaging.version.InvalidVersion:
        version = packaging.version.Version("0")
    # A real model beats any test model; then the newest version wins.
    return (not model.is_test_model, version)


DEFAULT_FILE = ".workbench-default-model"  # a file: argostranslate only reads the folders


def default_name(directory: Path | None = None) -> str | None:
    """The model chosen with `workbench models default NAME`, if any."""
    root = directory if directory is not None else packages_dir()
    try:
        name = (root / DEFAULT_FILE).read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return None
    return name or None


def find_ar_en_model(directory: Path | None = None) -> InstalledModel | None:
    """The model the workbench translates with: the chosen default if it is installed, else
    real before test, then the newest."""
    candidates = [model for model in scan_packages(directory)[0] if model.is_ar_en]
    if not candidates:
        return None
    chosen = default_name(directory)
    for model in candidates:
        if model.name == chosen:
            return model
    return max(candidates, key=_version_key)


def find_model(name: str, directory: Path | None = None) -> InstalledModel:
    """The installed ar→en model called `name`; the error lists those there are."""
    models = [model for model in scan_packages(directory)[0] if model.is_ar_en]
    for model in models:
        if model.name == name:
            return model
    names = ", ".join(model.name for model in models) or "none"
    raise NotFoundError(
        f"no Arabic→English model named {name!r} is installed (installed: {names}); "
        "`workbench models list` shows them, `workbench models install PATH` adds one"
    )
