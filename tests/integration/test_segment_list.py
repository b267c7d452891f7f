"""`workbench segments` reads through SQLAlchemy Core (store/segment_list.py), without the ORM:
the same rows as the ORM query the screen uses, on both backends, with `mt_score`."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from sqlalchemy import update

from tests.conftest import Cli
from workbench.store.database import open_database, open_reader, reading
from workbench.store.models import Base, Segment
from workbench.store.queries import iter_segment_rows
from workbench.store.segment_list import DOCUMENTS, SEGMENTS, USERS, stream_segment_rows

SCORES = {1: -0.25, 7: -1.5}  # segment id -> the score of its MT


def test_the_lightweight_tables_name_columns_of_the_models() -> None:
    for clause in (SEGMENTS, USERS, DOCUMENTS):
        model_table = Base.metadata.tables[clause.name]
        for column in clause.columns:
            assert column.name in model_table.columns, f"{clause.name}.{column.name}"
            modelled = model_table.columns[column.name].type.python_type
            assert column.type.python_type is modelled, f"{clause.name}.{column.name}"


def _with_mt_scores(url: str) -> None:
    """Two segments with MT and its score, one edited by bob (so `updated_by` is joined)."""
    database = open_database(url)
    try:
        with database.write() as session:
            for segment_id, score in SCORES.items():
                session.execute(
                    update(Segment)
                    .where(Segment.id == segment_id)
                    .values(mt=f"machine text {segment_id}", mt_score=score)
                )
    finally:
        database.dispose()


@pytest.mark.parametrize(
    ("document_id", "status"), [(None, None), (2, None), (None, "draft"), (1, "new")]
)
def test_core_rows_equal_the_orm_rows(
    any_seeded_cli: Cli, document_id: int | None, status: str | None
) -> None:
    url = any_seeded_cli.db_url
    edited = any_seeded_cli("edit", "3", "--text", "An edit by bob.", user="bob")
    assert edited.exit_code == 0, edited.output
    _with_mt_scores(url)
    database = open_database(url)
    try:
        with database.read() as session:
            orm_rows = list(iter_segment_rows(session, document_id, status))
        with reading(database.engine) as connection:
            core_rows = list(stream_segment_rows(connection, document_id, status))
    finally:
        database.dispose()
    assert orm_rows  # every case selects something
    assert core_rows == orm_rows
    by_id = {row.id: row for row in core_rows}
    if 3 in by_id:
        assert by_id[3].updated_by == "bob" and by_id[3].status == "draft"


def test_segments_json_has_the_mt_score(any_seeded_cli: Cli) -> None:
    _with_mt_scores(any_seeded_cli.db_url)
    rows = any_seeded_cli.json_lines("segments", "--json")
    scores = {row["id"]: row["mt_score"] for row in rows}
    assert {key: scores[key] for key in SCORES} == SCORES
    assert scores[2] is None
    assert {row["id"]: row["mt"] for row in rows if row["id"] in SCORES} == {
        key: f"machine text {key}" for key in SCORES
    }


def test_segments_on_sqlite_at_head_never_imports_the_orm(seeded_cli: Cli) -> None:
    probe = (
        "import json, sys\n"
        "from workbench.cli import main\n"
        f"main(['--db', {seeded_cli.db_url!r}, 'segments', '--json'], standalone_mode=False)\n"
        "print(json.dumps(sorted(sys.modules)))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    modules = json.loads(lines[-1])
    assert len(lines) == 1 + 106  # the rows were printed: the database was really read
    assert [m for m in modules if m.startswith("sqlalchemy.orm")] == []
    assert "workbench.store.models" not in modules
    assert "sqlalchemy.engine" in modules


def test_a_database_that_needs_the_full_open_gets_no_reader(any_db_url: str) -> None:
    """New files, and PostgreSQL (its login check), go through `open_database`."""
    assert open_reader(any_db_url) is None  # nothing there yet
    open_database(any_db_url).dispose()
    reader = open_reader(any_db_url)
    if any_db_url.startswith("postgresql"):
        assert reader is None
        return
    assert reader is not None
    reader.dispose()
