"""Claims travel with the segments: a TMX `<note>` and the CSV `claims` cell."""

from __future__ import annotations

import csv
from pathlib import Path

from tests.conftest import Cli
from tests.integration.exchange.conftest import validate_tmx

FIGURE = "27 مليار دولار"


def tag_trade_figure(cli: Cli) -> None:
    row = next(r for r in cli.json_lines("segments", "--json") if FIGURE in r["source"])
    start = row["source"].index(FIGURE)
    tagged = cli(
        "claims", "add", str(row["id"]), "--side", "ar", "--start", str(start),
        "--end", str(start + len(FIGURE)), "--type", "statistic",
        "--claim-text", "Bilateral trade reached a record 27 billion dollars",
    )  # fmt: skip
    assert tagged.exit_code == 0, tagged.output
    edited = cli(
        "edit", str(row["id"]), "--status", "translated",
        "--text", "Trade reached a record 27 billion dollars last year.",
    )  # fmt: skip
    assert edited.exit_code == 0, edited.output


def test_tmx_carries_the_claim_as_a_note(seeded_cli: Cli, tmp_path: Path) -> None:
    tag_trade_figure(seeded_cli)
    out = tmp_path / "desk.tmx"
    assert seeded_cli("export", "tmx", str(out)).exit_code == 0
    tree = validate_tmx(out)
    [unit] = tree.findall(".//tu")
    notes = [note.text or "" for note in unit.findall("note")]
    assert len(notes) == 1
    assert FIGURE in notes[0]
    assert "statistic" in notes[0]
    assert "27 billion dollars" in notes[0]


def test_csv_claims_cell_lists_the_claim(seeded_cli: Cli, tmp_path: Path) -> None:
    tag_trade_figure(seeded_cli)
    out = tmp_path / "desk.csv"
    assert seeded_cli("export", "csv", str(out), "--status", "any").exit_code == 0
    with out.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    claimed = [row for row in rows if row["claims"]]
    assert len(claimed) == 1
    assert FIGURE in claimed[0]["claims"]
    assert claimed[0]["english"] == "Trade reached a record 27 billion dollars last year."
    assert FIGURE in claimed[0]["arabic"]
