"""The glossary CSV: RFC 4180 round trip, formula neutralisation, line-numbered errors."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import pytest

from workbench.errors import InputError
from workbench.glossary.csvfile import read_terms, write_terms
from workbench.text.formula import neutralise, restore


@pytest.mark.parametrize("cell", ["=HYPERLINK(1)", "+7", "-ism", "@user", "\tx", "\rx"])
def test_formula_like_cells_are_neutralised_and_restored(cell: str) -> None:
    assert neutralise(cell) == "'" + cell
    assert restore(neutralise(cell)) == cell


def test_ordinary_cells_are_left_alone() -> None:
    for cell in ("Tokayev", "'quoted'", "توكاييف"):
        assert neutralise(cell) == cell
        assert restore(cell) == cell


def test_round_trip_with_quotes_commas_newlines_and_formulas(tmp_path: Path) -> None:
    path = tmp_path / "glossary.csv"
    rows = [
        ("توكاييف", "Tokayev", 'president, "since 2019"\nsecond line'),
        ("منظمة معاهدة الأمن الجماعي", "=CSTO", None),
        ("سيكا", "-CICA", "@note"),
    ]
    assert write_terms(path, rows) == 3
    raw = path.read_bytes()
    assert raw.startswith(b"term_ar,term_en,note\r\n")
    with path.open(encoding="utf-8", newline="") as handle:
        cells = list(csv.reader(handle))
    assert cells[2][1] == "'=CSTO"  # what a spreadsheet sees: text, not a formula
    assert cells[3][2] == "'@note"
    terms = read_terms(path)
    assert [(t.term_ar, t.term_en, t.note) for t in terms] == rows


def test_header_without_note_and_a_byte_order_mark(tmp_path: Path) -> None:
    path = tmp_path / "excel.csv"
    path.write_bytes("\ufeffterm_en,term_ar\r\nAstana,آستانا\r\n\r\n".encode())
    terms = read_terms(path)
    assert [(t.term_ar, t.term_en, t.note) for t in terms] == [("آستانا", "Astana", None)]


def test_every_bad_line_is_named(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(
        "term_ar,term_en,note\n"
        "توكاييف,Tokayev,\n"
        "Tokayev,Tokayev,\n"  # line 3: no Arabic
        "آستانا,,\n"  # line 4: no English
        "روسيا,Russia\n"  # line 5: a field short
        "كازاخستان,كازاخستان,\n",  # line 6: Arabic as English
        encoding="utf-8",
    )
    with pytest.raises(InputError) as raised:
        read_terms(path)
    message = str(raised.value)
    assert "nothing was imported" in message
    assert f"{path}:3: term_ar 'Tokayev' has no Arabic letter" in message
    assert f"{path}:4: term_en is empty" in message
    assert f"{path}:5: 2 fields, the header has 3" in message
    assert f"{path}:6: term_en" in message
    assert ":2:" not in message


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"term_ar,english\n", "the header must name the columns"),
        (b"", "the header must name the columns"),
        (b"term_ar,term_en\n\xff\xfe,x\n", "not UTF-8"),
        ('term_ar,term_en\n"توكاييف,Tokayev\n'.encode(), "not valid CSV"),
    ],
)
def test_unusable_files(tmp_path: Path, content: bytes, expected: str) -> None:
    path = tmp_path / "g.csv"
    path.write_bytes(content)
    with pytest.raises(InputError, match=expected):
        read_terms(path)


def test_a_failed_export_leaves_the_old_file(tmp_path: Path) -> None:
    path = tmp_path / "g.csv"
    path.write_text("old", encoding="utf-8")

    def rows() -> Iterator[tuple[str, str, str | None]]:
        yield ("توكاييف", "Tokayev", None)
        raise RuntimeError("database went away")

    with pytest.raises(RuntimeError):
        write_terms(path, rows())
    assert path.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["g.csv"]
