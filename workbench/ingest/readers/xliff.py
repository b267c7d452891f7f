"""XLIFF 1.2 and 2.0 (.xlf, .xliff) from an agency or a CAT tool, read with translate-toolkit.

Each unit's source (each `<segment>` of a 2.0 unit) becomes one segment as it is: the file is
already segmented, and its targets belong to those sentences. A 2.0 unit of several segments is
one paragraph. A non-empty target comes in as an `import` revision, status translated when the
file calls it finished (1.2 `state` translated, final or signed-off, or no state at all; 2.0
translated, reviewed or final) and draft otherwise (new, needs-translation, needs-review-...,
initial): the file's word is not a reviewer's approval here.

XLIFF comes from outside: a DOCTYPE (and with it any entity declaration: "billion laughs",
external entities that read local files) is refused on the raw bytes before any parser sees
them; XLIFF never needs one. A file whose source language is not Arabic is refused too.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from workbench.errors import InputError
from workbench.files.encodings import convert_hint, wide_encoding
from workbench.ingest.structure import Block, SourceMeta, SourceText

_DECLARATION = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
_VERSION = re.compile(rb"<xliff\b[^>]*\bversion\s*=\s*[\"']([0-9.]+)[\"']", re.IGNORECASE)
FINISHED_STATES = {"translated", "final", "signed-off", "reviewed"}


def _refuse_declarations(data: bytes, label: str) -> None:
    found = _DECLARATION.search(data)
    if found:
        line = data.count(b"\n", 0, found.start()) + 1
        raise InputError(
            f"{label}, line {line}: a <!{found.group(1).decode().upper()} declaration, which can "
            "read local files or expand to gigabytes; XLIFF needs none: remove it and import "
            "again. Nothing was read"
        )


def _store(data: bytes, label: str) -> Any:
    from translate.storage import xliff, xliff2  # translate-toolkit: only for XLIFF files

    version = _VERSION.search(data[:4096])
    if version is None:
        raise InputError(
            f"{label}: not an XLIFF file (no <xliff version=...> root); nothing was imported"
        )
    major = version.group(1).decode().split(".")[0]
    if major not in {"1", "2"}:
        raise InputError(f"{label}: XLIFF version {version.group(1).decode()} is not 1.2 or 2.0")
    reader = xliff2.Xliff2File if major == "2" else xliff.xlifffile
    try:
        return reader.parsestring(data)  # type: ignore[no-untyped-call]
    except Exception as error:  # lxml's XMLSyntaxError, or the toolkit's ValueError
        raise InputError(
            f"{label}: not well-formed XLIFF ({error}); nothing was imported"
        ) from error


def _status(unit: Any, major: str) -> str:
    element = unit.xmlelement
    if major == "1":
        target = next((child for child in element if str(child.tag).endswith("target")), None)
        state = target.get("state") if target is not None else None
    else:
        state = element.get("state")
    return "translated" if state is None or state in FINISHED_STATES else "draft"


def _group(unit: Any, major: str) -> str | None:
    return str(unit.getid()).split("::")[0] if major == "2" else None


def read_xliff(data: bytes, label: str) -> SourceText:
    """Sources and targets of an XLIFF file, one block per unit (per 2.0 segment)."""
    encoding = wide_encoding(data[:4096])
    if encoding is not None:
        raise InputError(convert_hint(Path(label), encoding))
    _refuse_declarations(data, label)
    store = _store(data, label)
    language = (store.getsourcelanguage() or "").lower().replace("_", "-")
    if language and language.split("-")[0] != "ar":
        raise InputError(
            f"{label}: its source language is {language}, not Arabic (ar); the workbench "
            "translates from Arabic. Nothing was imported"
        )
    major = "2" if type(store).__name__ == "Xliff2File" else "1"
    blocks: list[Block] = []
    for unit in store.units:
        if unit.isheader() or not str(unit.source or "").strip():
            continue
        target = str(unit.target or "").strip() or None
        blocks.append(
            Block(
                str(unit.source),
                None,
                target,
                _status(unit, major) if target else None,
                _group(unit, major),
            )
        )
    # No title: `original` names a file, not the article; the first unit (the headline) is.
    return SourceText(SourceMeta("xliff"), blocks, presegmented=True)
