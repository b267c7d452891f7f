"""`workbench export csv`: RFC 4180, UTF-8 (BOM on request), formula cells neutralised."""

from __future__ import annotations

import csv
from pathlib import Path

from tests.integration.exchange.conftest import TRICKY_ENGLISH, Desk
from workbench.text.csv_columns import COLUMNS
from workbench.text.formula import restore


def export(desk: Desk, out: Path, *options: str) -> list[dict[str, str]]:
    result = desk.cli("export", "csv", str(out), *options)
    assert result.exit_code == 0, result.output
    with out.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_columns_and_one_row_per_segment(desk: Desk, tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    rows = export(desk, out, "--status", "any")
    assert tuple(rows[0]) == COLUMNS
    assert len(rows) == 106 + 4  # the seeds and the tricky document, done or not
    by_place = {(row["document"], row["position"]): row for row in rows}
    third = by_place["1", "3"]
    assert third["english"] == "Polling stations closed on Sunday."
    assert third["status"] == "translated"
    assert third["editor"] == "bob"
    assert third["updated_at"].endswith("Z") and "T" in third["updated_at"]
    assert third["claims"] == ""
    assert by_place["1", "7"]["mt"] == "Machine only & <raw>."
    assert by_place["1", "7"]["english"] == ""
    assert by_place["1", "8"]["mt"] == "Machine first."


def test_status_floor_and_document(desk: Desk, tmp_path: Path) -> None:
    approved = export(desk, tmp_path / "a.csv", "--status", "approved")
    assert [(row["document"], row["position"]) for row in approved] == [("1", "5")]
    only_six = export(desk, tmp_path / "d.csv", "--doc", "6")
    assert {row["document"] for row in only_six} == {"6"}
    assert len(only_six) == 4


def test_lines_end_in_crlf_and_bom_is_optional(desk: Desk, tmp_path: Path) -> None:
    plain, marked = tmp_path / "plain.csv", tmp_path / "bom.csv"
    export(desk, plain)
    export(desk, marked, "--bom")
    assert plain.read_bytes().startswith(b"document,position,arabic,")
    assert marked.read_bytes().startswith(b"\xef\xbb\xbfdocument,position,arabic,")
    assert plain.read_bytes().split(b"\n")[0].endswith(b"\r")
    assert marked.read_bytes()[3:] == plain.read_bytes()


def test_formula_cells_are_neutralised_and_text_kept(desk: Desk, tmp_path: Path) -> None:
    rows = export(desk, tmp_path / "out.csv", "--doc", "6")
    arabic = [row["arabic"] for row in rows]
    english = [row["english"] for row in rows]
    assert arabic[1].startswith("'=SUM(A1)")
    assert arabic[2].startswith("'- خبر عاجل")
    assert english[1].startswith("'=1+1")
    assert english[2].startswith("'-5%")
    assert english[3].startswith("''=already quoted")  # a real apostrophe gets its own
    assert [restore(cell) for cell in english] == TRICKY_ENGLISH  # CR, tab, \x01 included
    for segment_id, cell in zip(desk.tricky, arabic, strict=True):
        assert restore(cell) == desk.segment(segment_id).source  # harakat, tatweel, bidi, BEL


def test_pandas_reads_what_csv_reads(desk: Desk, tmp_path: Path) -> None:
    import pandas as pd  # here: imported at collection it costs every pytest-xdist worker 0.4 s

    out = tmp_path / "out.csv"
    rows = export(desk, out, "--status", "any", "--bom")
    frame = pd.read_csv(out, encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert tuple(frame.columns) == COLUMNS
    assert frame.to_dict("records") == rows
    tricky = frame[frame["document"] == "6"]
    assert tricky["english"].map(restore).tolist() == TRICKY_ENGLISH
