"""Checking and installing an `.argosmodel` file without argostranslate's heavy import.

`argostranslate.package.install_from_path` unzips the archive into the packages folder and then
imports `argostranslate.translate` (stanza, torch: seconds) only to clear a cache. We check the
archive first, so a broken, truncated or wrong-direction file installs nothing, then unzip it to
exactly the layout argos makes (`<packages dir>/<the archive's top folder>/...`).
"""

from __future__ import annotations

import hashlib
import json
import sys
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

import packaging.version

from workbench.errors import InputError
from workbench.files.inputs import check_regular
from workbench.mt.packages import (
    SOURCE_CODE,
    TARGET_CODE,
    InstalledModel,
    model_from_path,
    packages_dir,
)
from workbench.mt.unpacking import package_destination, refuse_bomb, refuse_if_no_room

TOKENIZER_FILES = ("sentencepiece.model", "bpe.model")


@dataclass(frozen=True)
class CheckedArchive:
    path: Path
    top: str  # the one top folder: the installed package's folder name
    metadata: dict[str, Any]


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _refuse(path: Path, problem: str) -> InputError:
    return InputError(f"{path}: {problem}; nothing was installed")


def _top_folder(path: Path, names: list[str]) -> str:
    tops: set[str] = set()
    for name in names:
        parts = PurePosixPath(name).parts
        if name.startswith("/") or ".." in parts or not parts:
            raise _refuse(path, f"the archive holds an unsafe path {name!r}")
        tops.add(parts[0])
    if len(tops) != 1 or not any("/" in name for name in names):
        found = ", ".join(sorted(tops)) or "nothing"
        raise _refuse(path, f"an Argos package holds exactly one top folder, this one: {found}")
    return tops.pop()


def _read_metadata(path: Path, archive: zipfile.ZipFile, top: str) -> dict[str, Any]:
    try:
        raw = archive.read(f"{top}/metadata.json")
    except KeyError:
        raise _refuse(path, f"{top}/metadata.json is missing: not an Argos package") from None
    try:
        metadata = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as error:
        raise _refuse(path, f"{top}/metadata.json is not valid JSON ({error})") from error
    if not isinstance(metadata, dict):
        raise _refuse(path, f"{top}/metadata.json must hold a JSON object")
    return metadata


def _check_metadata(path: Path, metadata: dict[str, Any]) -> None:
    pair = (metadata.get("from_code"), metadata.get("to_code"))
    if pair != (SOURCE_CODE, TARGET_CODE):
        raise _refuse(
            path,
            f"this package translates {pair[0]}→{pair[1]} (metadata.json from_code/to_code); "
            f"the workbench needs {SOURCE_CODE}→{TARGET_CODE}",
        )
    if metadata.get("type", "translate") != "translate":
        raise _refuse(path, f"metadata.json type is {metadata.get('type')!r}, not 'translate'")
    version = metadata.get("package_version")
    try:
        packaging.version.Version(str(version))
    except packaging.version.InvalidVersion:
        raise _refuse(
            path, f"metadata.json package_version {version!r} is not a valid version (PEP 440)"
        ) from None


def _check_members(path: Path, names: set[str], top: str) -> None:
    if f"{top}/model/model.bin" not in names:
        raise _refuse(path, f"{top}/model/model.bin is missing: no CTranslate2 model")
    model_files = {PurePosixPath(n).name for n in names if n.startswith(f"{top}/model/")}
    if not any("vocabulary" in name for name in model_files):
        raise _refuse(path, f"{top}/model/ has no vocabulary file: not a CTranslate2 model")
    if not any(f"{top}/{name}" in names for name in TOKENIZER_FILES):
        raise _refuse(path, f"no tokenizer: {top}/sentencepiece.model (or bpe.model) is missing")


def check_archive(path: Path, sha256: str | None = None) -> CheckedArchive:
    """Everything that must hold before installing; InputError says what does not."""
    check_regular(path)  # a FIFO or a device is refused before anything reads it
    if sha256 is not None:
        actual = sha256_of(path)
        if actual.lower() != sha256.strip().lower():
            raise _refuse(path, f"sha256 is {actual}, not the expected {sha256.strip()}")
    if not zipfile.is_zipfile(path):
        raise _refuse(path, "not a zip archive (an .argosmodel file is one); truncated or corrupt?")
    try:
        with zipfile.ZipFile(path) as archive:
            refuse_bomb(path, archive)  # first: nothing below may unpack a bomb
            names = [info.filename for info in archive.infolist() if not info.is_dir()]
            top = _top_folder(path, names)
            metadata = _read_metadata(path, archive, top)
            _check_metadata(path, metadata)
            _check_members(path, set(names), top)
            damaged = archive.testzip()  # reads every member and checks its CRC
    except (zipfile.BadZipFile, OSError, EOFError) as error:
        raise _refuse(path, f"the archive is damaged ({error})") from error
    if damaged is not None:
        raise _refuse(path, f"{damaged} is damaged in the archive (CRC mismatch)")
    return CheckedArchive(path, top, metadata)


def _clear_argos_language_cache() -> None:
    # What install_from_path does after unzipping, but only if that module is already loaded.
    translate = sys.modules.get("argostranslate.translate")
    if translate is not None:
        translate.get_installed_languages.cache_clear()


def install_archive(checked: CheckedArchive, directory: Path | None = None) -> InstalledModel:
    """Unzip a checked archive into the packages folder; replaces a package of the same name.

    The files are unzipped beside the destination first and moved into place with one rename,
    so an interrupted install leaves the old package (or none), never half of one.
    """
    root = directory if directory is not None else packages_dir()
    destination = package_destination(root, checked.top)
    with tempfile.TemporaryDirectory(prefix=".installing-", dir=root) as staging:
        with zipfile.ZipFile(checked.path) as archive:
            refuse_if_no_room(checked.path, archive, root)
            archive.extractall(staging)
        unpacked = Path(staging) / checked.top
        if destination.exists():
            retired = Path(staging) / ".replaced"
            destination.rename(retired)  # removed with the staging folder
        unpacked.rename(destination)
    _clear_argos_language_cache()
    return model_from_path(destination)
