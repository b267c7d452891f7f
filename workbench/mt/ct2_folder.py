"""CTranslate2 model folders converted from OPUS-MT/Marian: checking, installing, tokenising.

`ct2-transformers-converter --model Helsinki-NLP/opus-mt-ar-en --copy_files source.spm target.spm`
leaves `model.bin`, `config.json`, the vocabulary and the two SentencePiece models in one folder.
Installing checks all of it (files present, both tokenizers and the model loadable, the languages
known) and copies the folder into the packages folder in one rename, with a `metadata.json` of
type "ctranslate2" that names the languages and a version derived from the weights, so MT made by
it is recorded like an Argos package's ("which model made this").

Marian models expect the end-of-sentence token after the source tokens (CTranslate2's OPUS-MT
guide: `source.spm` pieces + `"</s>"`); the target side is decoded with `target.spm`. Who adds it
depends on the converter: `ct2-transformers-converter` leaves `add_source_eos` false in
`config.json` (the caller appends it), `ct2-marian-converter` sets it true (CTranslate2 appends it
itself). A second `</s>` changes the words, so the tokenizer reads which one made the folder.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from workbench.errors import InputError
from workbench.files.kinds import kind_of
from workbench.mt.packages import (
    KIND_CT2,
    SOURCE_CODE,
    TARGET_CODE,
    InstalledModel,
    model_from_path,
    packages_dir,
)
from workbench.mt.unpacking import MEGABYTE, SPARE_BYTES, package_destination

SPM_FILES = ("source.spm", "target.spm")
END_OF_SENTENCE = "</s>"
VOCABULARIES = (
    ("shared_vocabulary.json",),
    ("shared_vocabulary.txt",),
    ("source_vocabulary.json", "target_vocabulary.json"),
    ("source_vocabulary.txt", "target_vocabulary.txt"),
)
NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}")
# OPUS-MT names its models opus-mt-SRC-TGT and opus-mt-tc-big-SRC-TGT.
OPUS_NAME = re.compile(r"opus-mt-(?:tc-[a-z]+-)?([a-z]{2,3})-([a-z]{2,3})$")


class Tokenizer(Protocol):
    def encode(self, sentence: str) -> list[str]: ...

    def decode(self, tokens: list[str]) -> str: ...


class MarianTokenizer:
    """source.spm for the Arabic (plus the end token), target.spm for the English."""

    def __init__(self, folder: Path) -> None:
        import sentencepiece

        self._source = sentencepiece.SentencePieceProcessor(model_file=str(folder / "source.spm"))
        self._target = sentencepiece.SentencePieceProcessor(model_file=str(folder / "target.spm"))
        self._end = [] if engine_adds_end(folder) else [END_OF_SENTENCE]

    def encode(self, sentence: str) -> list[str]:
        pieces: list[str] = self._source.encode(sentence, out_type=str)
        return [*pieces, *self._end] if pieces else []

    def decode(self, tokens: list[str]) -> str:
        text: str = self._target.decode_pieces([t for t in tokens if t != END_OF_SENTENCE])
        return text


def engine_adds_end(folder: Path) -> bool:
    """Whether CTranslate2 appends `</s>` itself (`add_source_eos` in the folder's config.json)."""
    try:
        config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return False  # installing refuses such a folder; the conversion's default is false
    return isinstance(config, dict) and config.get("add_source_eos") is True


@dataclass(frozen=True)
class CheckedFolder:
    path: Path
    name: str
    from_code: str
    to_code: str
    version: str
    size: int


def _refuse(path: Path, problem: str) -> InputError:
    return InputError(f"{path}: {problem}; nothing was installed")


def looks_like_ct2_folder(path: Path) -> bool:
    return path.is_dir() and not (path / "metadata.json").is_file()


def _check_entries(path: Path) -> None:
    """Only plain files and folders: a link or a device would be copied from wherever it points
    (a link to /dev/zero never ends)."""
    for entry in path.rglob("*"):
        mode = entry.lstat().st_mode
        if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
            what = "a symbolic link" if stat.S_ISLNK(mode) else kind_of(mode)
            raise _refuse(
                path,
                f"{entry.relative_to(path)} is {what}, not a plain file; copy the model folder "
                "without links (cp -rL) and install the copy",
            )


def _check_files(path: Path) -> None:
    if not (path / "model.bin").is_file():
        raise _refuse(
            path,
            "no model.bin: not a CTranslate2 model folder (convert an OPUS-MT model with "
            "`ct2-transformers-converter --model Helsinki-NLP/opus-mt-ar-en --output_dir DIR "
            "--copy_files source.spm target.spm`), nor an .argosmodel file",
        )
    if not (path / "config.json").is_file():
        raise _refuse(path, "config.json is missing: not a complete CTranslate2 model folder")
    if not any(all((path / f).is_file() for f in group) for group in VOCABULARIES):
        raise _refuse(path, "no vocabulary file (shared_vocabulary.json or source_/target_)")
    for name in SPM_FILES:
        if not (path / name).is_file():
            raise _refuse(
                path,
                f"{name} is missing: the SentencePiece models go beside the model "
                "(the converter's --copy_files source.spm target.spm)",
            )


def _check_loadable(path: Path) -> None:
    import ctranslate2

    try:
        tokenizer = MarianTokenizer(path)
        tokenizer.encode("مرحبا")
    except (OSError, RuntimeError, ValueError) as error:
        problem = f"a SentencePiece model (source.spm/target.spm) is unreadable: {error}"
        raise _refuse(path, problem) from error
    try:
        translator = ctranslate2.Translator(str(path), device="cpu", intra_threads=1)
    except Exception as error:  # C++ errors arrive as assorted Python types
        problem = f"CTranslate2 cannot load the model ({error}); re-convert it"
        raise _refuse(path, problem) from error
    del translator


def _languages(path: Path, from_code: str | None, to_code: str | None) -> tuple[str, str]:
    found = OPUS_NAME.search(path.name.lower())
    source = from_code or (found.group(1) if found else None)
    target = to_code or (found.group(2) if found else None)
    if source is None or target is None:
        raise _refuse(
            path,
            "the folder's name does not say its languages (as opus-mt-ar-en does); "
            "give them with --from ar --to en",
        )
    if (source, target) != (SOURCE_CODE, TARGET_CODE):
        raise _refuse(path, f"this model translates {source}→{target}; the workbench needs ar→en")
    return source, target


def _weights_version(path: Path) -> str:
    """A PEP 440 version naming these exact weights: MT made by other weights is told apart."""
    digest = hashlib.sha256()
    with (path / "model.bin").open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return f"0+sha256.{digest.hexdigest()[:12]}"


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def check_folder(
    path: Path, name: str | None = None, from_code: str | None = None, to_code: str | None = None
) -> CheckedFolder:
    """Everything that must hold before installing; InputError says what does not."""
    if not path.is_dir():
        raise _refuse(path, "not a folder")
    chosen = name or path.resolve().name
    if not NAME.fullmatch(chosen):
        raise _refuse(
            path, f"{chosen!r} cannot name a model: use letters, digits, '.', '_' and '-' (--name)"
        )
    _check_entries(path)
    _check_files(path)
    source, target = _languages(path, from_code, to_code)
    _check_loadable(path)
    return CheckedFolder(path, chosen, source, target, _weights_version(path), folder_size(path))


def _metadata(checked: CheckedFolder) -> dict[str, str]:
    return {
        "type": KIND_CT2,
        "from_code": checked.from_code,
        "to_code": checked.to_code,
        "package_version": checked.version,
        "description": f"CTranslate2 model folder installed from {checked.path.resolve()}",
    }


def install_folder(checked: CheckedFolder, directory: Path | None = None) -> InstalledModel:
    """Copy a checked folder into the packages folder; replaces a model of the same name.

    Copied beside the destination first and moved into place with one rename, so an interrupted
    install leaves the old model (or none), never half of one.
    """
    root = directory if directory is not None else packages_dir()
    destination = package_destination(root, checked.name)
    free = shutil.disk_usage(root).free
    if checked.size + SPARE_BYTES > free:
        raise _refuse(
            checked.path,
            f"copying needs {checked.size / MEGABYTE:,.0f} MB (and {SPARE_BYTES // MEGABYTE} MB "
            f"to spare) but {root} has {free / MEGABYTE:,.0f} MB free",
        )
    with tempfile.TemporaryDirectory(prefix=".installing-", dir=root) as staging:
        copied = Path(staging) / checked.name
        shutil.copytree(checked.path, copied, symlinks=False)
        text = json.dumps(_metadata(checked), indent=2, ensure_ascii=False)
        (copied / "metadata.json").write_text(text + "\n", encoding="utf-8")
        if destination.exists():
            destination.rename(Path(staging) / ".replaced")  # removed with the staging folder
        copied.rename(destination)
    return model_from_path(destination)
