"""The glossary CSV: RFC 4180, UTF-8, columns term_ar, term_en, note (note optional).

Spreadsheets run a cell that starts with = + - @ (or a tab or carriage return) as a formula, so the
export prefixes such cells with an apostrophe, and the import removes that apostrophe again.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from pathlib import Path

from workbench.errors import InputError
from workbench.export.atomic import atomic_text
from workbench.files.encodings import convert_hint, wide_encoding
from workbench.files.inputs import SizeCap, read_regular, text_cap
from workbench.glossary.terms import TermInput, clean_term, term_problems
from workbench.text.formula import neutralise, restore

COLUMNS = ("term_ar", "term_en", "note")
REQUIRED = ("term_ar", "term_en")


def _columns(header: list[str], path: Path) -> dict[str, int]:
    names = [name.strip().lower() for name in header]
    unknown = [name for name in names if name not in COLUMNS]
    missing = [name for name in REQUIRED if name not in names]
    if unknown or missing or len(set(names)) != len(names):
        raise InputError(
            f"{path}:1: the header must name the columns {', '.join(COLUMNS)} (note is optional)"
            f"; found {', '.join(header) or 'nothing'}; nothing was imported"
        )
    return {name: names.index(name) for name in names}


def read_terms(path: Path, cap: SizeCap | None = None) -> list[TermInput]:
    """Every term of the file (at most `cap`), checked; InputError listing each bad line."""
    data = read_regular(path, cap or text_cap())
    encoding = wide_encoding(data)
    if encoding is not None:
        raise InputError(convert_hint(path, encoding))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(
            f"{path}: not UTF-8 (byte {error.start}); save it as UTF-8 CSV and import again"
        ) from error
    return _parse(csv.reader(io.StringIO(text, newline=""), strict=True), path)


def _parse(reader: Iterable[list[str]], path: Path) -> list[TermInput]:
    rows = iter(reader)
    terms: list[TermInput] = []
    problems: list[str] = []
    try:
        columns = _columns(next(rows, []), path)
        for row in rows:
            line = reader.line_num  # type: ignore[attr-defined]
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(columns):
                problems.append(f"{path}:{line}: {len(row)} fields, the header has {len(columns)}")
                continue
            cells = {name: restore(row[index]) for name, index in columns.items()}
            term = clean_term(
                cells["term_ar"], cells["term_en"], cells.get("note"), f"{path}:{line}"
            )
            problems.extend(term_problems(term))
            terms.append(term)
    except csv.Error as error:
        line = reader.line_num  # type: ignore[attr-defined]
        problems.append(f"{path}:{line}: not valid CSV ({error})")
    if problems:
        raise InputError("nothing was imported; fix these lines:\n  " + "\n  ".join(problems))
    return terms


def write_terms(
    path: Path, terms: Iterable[tuple[str, str, str | None]], protected: Iterable[Path] = ()
) -> int:
    """Write the terms to `path` (replaced whole, never half-written); return how many.
    `protected`: the database's files, never to be replaced."""
    count = 0
    with atomic_text(path, protected=protected) as handle:
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow(COLUMNS)
        for term_ar, term_en, note in terms:
            writer.writerow([neutralise(term_ar), neutralise(term_en), neutralise(note or "")])
            count += 1
    return count
