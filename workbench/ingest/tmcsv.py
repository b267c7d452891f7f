"""Reading translation pairs from CSV, as a stream.

Two layouts, told apart by the header line:
- the workbench's own export (`workbench export csv`): columns named as in
  `workbench.text.csv_columns.COLUMNS` (at least arabic and english; status is used when present).
  Cells the export neutralised against formula injection get their text back
  (`workbench.text.formula.restore`);
- a plain two-column file with the header `ar,en`. Its cells are taken as they are: only the
  workbench's export is known to have added apostrophes.

UTF-8 (a BOM is allowed), RFC 4180 quoting. Rows without English are skipped (the export writes
them for untranslated segments); a row without Arabic, with the wrong number of cells or with an
unknown status is an error naming its line.
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from workbench.errors import InputError
from workbench.files.encodings import convert_hint, wide_encoding
from workbench.files.inputs import SizeCap, memory_cap, open_regular
from workbench.ingest.tmpairs import TmPair, check_status, storable_pair
from workbench.text.csv_columns import COLUMNS
from workbench.text.formula import restore

# A CSV row of a memory is a sentence pair: a physical line this long is not one (a cell may hold
# line breaks, so a row can span lines; each line is checked).
MAX_LINE_BYTES = 1024 * 1024


@dataclass(frozen=True, slots=True)
class _Layout:
    width: int
    arabic: int
    english: int
    status: int | None
    ours: bool  # written by the workbench: undo its formula neutralisation


def _layout(path: Path, header: list[str]) -> _Layout:
    names = [name.strip().lower() for name in header]
    if "arabic" in names and "english" in names:
        status = names.index("status") if "status" in names else None
        return _Layout(len(names), names.index("arabic"), names.index("english"), status, True)
    if names == ["ar", "en"]:
        return _Layout(2, 0, 1, None, False)
    raise InputError(
        f"{path}, line 1: the header must be the workbench export's ({','.join(COLUMNS)}) "
        f"or ar,en; found {','.join(header) or 'an empty line'}"
    )


def _raw_lines(path: Path, cap: SizeCap) -> Iterator[bytes]:
    """The file's lines as bytes; a line longer than MAX_LINE_BYTES is refused, not buffered."""
    with open_regular(path, cap) as handle:
        number = 0
        while raw := handle.readline(MAX_LINE_BYTES + 1):
            number += 1
            if len(raw) > MAX_LINE_BYTES:
                raise InputError(
                    f"{path}, line {number}: a line of more than {MAX_LINE_BYTES:,} bytes; "
                    "this is not a translation memory table. Nothing was imported"
                )
            if number == 1 and (encoding := wide_encoding(raw)) is not None:
                raise InputError(convert_hint(path, encoding))
            yield raw


def _lines(path: Path, cap: SizeCap) -> Iterator[str]:
    """Decoded lines, line ends kept (as csv wants); a decoding error names its line."""
    for number, raw in enumerate(_raw_lines(path, cap), start=1):
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            raise InputError(
                f"{path}, line {number}: not valid UTF-8 (byte {error.start} of the line); "
                "save the file as UTF-8 and import it again"
            ) from error
        yield line.removeprefix("\ufeff") if number == 1 else line


def _pair(path: Path, line: int, cells: list[str], layout: _Layout) -> TmPair | None:
    if len(cells) != layout.width:
        raise InputError(
            f"{path}, line {line}: {len(cells)} cells where the header has {layout.width}"
        )
    source, target = cells[layout.arabic], cells[layout.english]
    if layout.ours:
        source, target = restore(source), restore(target)
    status = None
    if layout.status is not None and cells[layout.status].strip():
        status = check_status(cells[layout.status], f"{path}, line {line}, status")
    if not target.strip():
        return None
    if not source.strip():
        raise InputError(f"{path}, line {line}: English without Arabic; fill in the Arabic cell")
    return storable_pair(f"{path}, line {line}", line, source, target, status)


def iter_csv_pairs(
    path: Path, skipped: Counter[str], cap: SizeCap | None = None
) -> Iterator[TmPair]:
    """The Arabic-English pairs of a CSV file of at most `cap`, in file order."""
    reader = csv.reader(_lines(path, cap or memory_cap()), strict=True)
    try:
        header = next(reader, None)
        if header is None:
            raise InputError(f"{path}: the file is empty; nothing to import")
        layout = _layout(path, header)
        while True:
            line = reader.line_num + 1
            cells = next(reader, None)
            if cells is None:
                return
            if not any(cell.strip() for cell in cells):
                continue
            pair = _pair(path, line, cells, layout)
            if pair is None:
                skipped["no English"] += 1
            else:
                yield pair
    except csv.Error as error:
        raise InputError(
            f"{path}, line {reader.line_num}: {error}; nothing was imported"
        ) from error
