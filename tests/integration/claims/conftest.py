"""Fixtures for the claim tests: seed segments found by their words, never by a fixed id."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Cli
from workbench.services.users import ensure_user
from workbench.store.database import Database
from workbench.store.models import Role

ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def segment_with(cli: Cli, needle: str) -> dict[str, Any]:
    """The one seed segment whose Arabic source contains `needle`."""
    rows = [row for row in cli.json_lines("segments", "--json") if needle in row["source"]]
    assert rows, f"no seed segment contains {needle!r}"
    return rows[0]


def claims(cli: Cli, *args: str) -> list[dict[str, Any]]:
    return cli.json_lines("claims", "list", "--json", *args)


def add_claim(cli: Cli, segment_id: int, side: str, start: int, end: int, *extra: str) -> int:
    """Tag a claim through the CLI and return its id."""
    result = cli(
        "claims", "add", str(segment_id), "--side", side, "--start", str(start),
        "--end", str(end), "--json", *extra,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    return int(json.loads(result.stdout)["id"])


@pytest.fixture
def indic_segment(seeded_cli: Cli, tmp_path: Path) -> dict[str, Any]:
    """The seed's trade-figure sentence written with Arabic-Indic digits, a tatweel and harakat.

    No seed article uses Arabic-Indic digits, so this variant of a real sentence is imported the
    way any article is.
    """
    source = segment_with(seeded_cli, "27 مليار دولار")["source"]
    variant = source.translate(ARABIC_INDIC).replace("قياسي", "قيـاسيّ")
    path = tmp_path / "indic.txt"
    path.write_text(variant + "\n", encoding="utf-8")
    result = seeded_cli("import", str(path))
    assert result.exit_code == 0, result.output
    return segment_with(seeded_cli, "٢٧ مليار دولار")


def make_reviewer(database: Database, name: str) -> None:
    """Give `name` the reviewer role, as the desk's admin would (`users set-role`)."""
    with database.write() as session:
        ensure_user(session, name).role = Role.REVIEWER.value
