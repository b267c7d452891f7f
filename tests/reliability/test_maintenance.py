"""`workbench check` and `workbench backup` on real databases, damaged by hand where needed."""

from __future__ import annotations

import json
import resource
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from tests.conftest import REPO_ROOT, Cli
from tests.dbstate import count_rows, table_dump
from tests.pg_fixtures import PostgresServer
from tests.reliability.conftest import workbench_process
from workbench.store.database import Database


def raw_sql(url: str, *statements: str) -> None:
    """Run SQL behind the workbench's back, foreign keys unenforced, as a SQL shell would."""
    engine = create_engine(make_url(url))
    try:
        with engine.begin() as connection:
            if engine.dialect.name == "postgresql":
                connection.execute(text("SET LOCAL session_replication_role = replica"))
            # (pysqlite connections enforce no foreign keys unless told to.)
            for statement in statements:
                connection.execute(text(statement))
    finally:
        engine.dispose()


def findings(cli: Cli, *args: str) -> list[dict[str, str]]:
    result = cli("check", "--json", *args)
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_a_healthy_database_passes(any_seeded_cli: Cli) -> None:
    assert any_seeded_cli("edit", "3", "--text", "Polling stations closed.").exit_code == 0
    result = any_seeded_cli("check")
    assert result.exit_code == 0, result.output
    assert result.stdout == "database ok: no errors, 0 warnings\n"
    assert any_seeded_cli("check", "--quick").exit_code == 0


def test_rows_left_behind_by_hand_edits_are_listed(any_seeded_cli: Cli, any_db_url: str) -> None:
    for segment in ("3", "4"):
        assert any_seeded_cli("edit", segment, "--text", f"text {segment}").exit_code == 0
    raw_sql(
        any_db_url,
        "DELETE FROM documents WHERE id = 2",
        "DELETE FROM segments WHERE id = 3",
        "UPDATE documents SET segment_count = segment_count + 1 WHERE id = 3",
        "UPDATE segments SET target = 'tampered' WHERE id = 4",
    )

    result = any_seeded_cli("check")

    assert result.exit_code == 1
    assert "the check found" in result.stderr
    assert "revision 1 belongs to segment 3, which does not exist" in result.stdout
    assert "should have" in result.stdout and "document 3 (" in result.stdout
    assert "segment 4 (version 1): its target is not the text of its latest revision" in (
        result.stdout
    )
    kinds = {finding["kind"] for finding in findings(any_seeded_cli)}
    expected = {"orphan-segment", "orphan-revision", "segment-count", "target-mismatch"}
    if make_url(any_db_url).get_backend_name() == "sqlite":
        expected.add("foreign-key")
    assert kinds == expected
    orphans = [f for f in findings(any_seeded_cli) if f["kind"] == "orphan-segment"]
    assert orphans and all("document 2, which does not exist" in f["message"] for f in orphans)


def test_a_damaged_sqlite_index_is_found(seeded_cli: Cli, db_path: Path) -> None:
    # Point an index's definition at another column without rebuilding it: its entries no
    # longer match the rows, which only a full integrity check notices.
    with sqlite3.connect(db_path) as connection:
        connection.execute("PRAGMA writable_schema = ON")
        connection.execute(
            "UPDATE sqlite_master SET sql = replace(sql, '(source_hash)', '(status)') "
            "WHERE name = 'ix_segments_source_hash'"
        )

    full = seeded_cli("check")
    assert full.exit_code == 1
    assert "integrity_check: row 1 missing from index ix_segments_source_hash" in full.stdout
    assert seeded_cli("check", "--quick").exit_code == 0  # quick_check skips index contents


def test_a_file_too_damaged_to_read_is_reported(seeded_cli: Cli, db_path: Path) -> None:
    with sqlite3.connect(db_path) as connection:
        (root,) = connection.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'segments'"
        ).fetchone()
        (page_size,) = connection.execute("PRAGMA page_size").fetchone()
    with db_path.open("r+b") as handle:
        handle.seek((root - 1) * page_size)
        handle.write(bytes(page_size))

    result = seeded_cli("check")
    assert result.exit_code == 1
    assert "SQLite cannot read the file: database disk image is malformed" in result.stdout
    listing = seeded_cli("segments")
    assert listing.exit_code == 1
    assert f"the database {db_path} is damaged" in listing.stderr
    assert "Restore it from a backup" in listing.stderr


def test_a_file_that_is_no_database_is_refused(cli: Cli, tmp_path: Path) -> None:
    notes = tmp_path / "notes.sqlite"
    notes.write_text("not a database, just notes\n" * 200)
    before = notes.read_bytes()
    result = Cli(f"sqlite:///{notes}")("segments")
    assert result.exit_code == 1
    assert "is damaged or not a workbench database (file is not a database)" in result.stderr
    assert notes.read_bytes() == before


def test_backup_while_someone_is_editing(
    seeded_cli: Cli, db_url: str, database: Database, tmp_path: Path
) -> None:
    editor = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from tests.reliability.stress import edit_worker; "
            "edit_worker(sys.argv[1], 0, [5, 6], 400)",
            db_url,
        ],
        cwd=REPO_ROOT,
    )
    out = tmp_path / "backups" / "desk.sqlite"
    out.parent.mkdir()
    try:
        while count_rows(database, "revisions") < 20:  # the editor is well under way
            assert editor.poll() is None, "the editor stopped before the backup began"
            time.sleep(0.01)
        result = seeded_cli("backup", str(out))
        still_editing = editor.poll() is None
    finally:
        assert editor.wait(120) == 0

    assert result.exit_code == 0, result.stderr
    assert still_editing, "the backup should have run while the edits went on"
    assert f"backed up to {out} (" in result.stdout
    assert [p.name for p in out.parent.iterdir()] == ["desk.sqlite"]  # no -wal, no leftovers
    with sqlite3.connect(out) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert connection.execute("PRAGMA journal_mode").fetchone() == ("delete",)
        copied = connection.execute("SELECT count(*) FROM revisions").fetchone()[0]
    assert 20 <= copied < 400
    copy = Cli(f"sqlite:///{out}")
    # A consistent snapshot: every target is its latest revision, every count is right.
    assert copy("check").exit_code == 0
    assert len(copy.json_lines("segments", "--json")) == 106


def test_backup_refuses_to_overwrite_or_copy_onto_itself(
    seeded_cli: Cli, db_path: Path, tmp_path: Path
) -> None:
    out = tmp_path / "copy.sqlite"
    assert seeded_cli("backup", str(out)).exit_code == 0
    again = seeded_cli("backup", str(out))
    assert again.exit_code == 2
    assert f"{out} already exists; pass --force to replace it" in again.stderr
    assert seeded_cli("backup", "--force", str(out)).exit_code == 0
    onto = seeded_cli("backup", "--force", str(db_path))
    assert onto.exit_code == 2
    assert "is the database itself" in onto.stderr
    nowhere = seeded_cli("backup", str(tmp_path / "missing" / "x.sqlite"))
    assert nowhere.exit_code == 2
    assert "no such folder" in nowhere.stderr


def _limit_file_size() -> None:
    # A "disk" that takes no file beyond 64 KiB: writes past it fail with EFBIG (Python ignores
    # SIGXFSZ, so the write fails instead of the process dying).
    resource.setrlimit(resource.RLIMIT_FSIZE, (64 * 1024, 64 * 1024))


def test_backup_onto_a_full_disk_leaves_nothing_behind(
    seeded_cli: Cli, db_url: str, tmp_path: Path
) -> None:
    out_dir = tmp_path / "full"
    out_dir.mkdir()
    before = table_dump(db_url)
    result = subprocess.run(
        workbench_process(db_url, "backup", str(out_dir / "desk.sqlite")),
        capture_output=True,
        text=True,
        check=False,
        preexec_fn=_limit_file_size,
    )
    assert result.returncode == 1, result.stderr
    assert f"the backup to {out_dir / 'desk.sqlite'} failed" in result.stderr
    assert "nothing was written under that name" in result.stderr
    assert list(out_dir.iterdir()) == []
    assert table_dump(db_url) == before
    assert seeded_cli("check").exit_code == 0  # in-process: only the backup needs the file limit


@pytest.mark.postgres
def test_postgresql_backup_names_the_pg_dump_command(
    postgres_server: PostgresServer, postgres_url: str, tmp_path: Path
) -> None:
    cli = Cli(postgres_url)
    assert cli("edit", "1", "--text", "x").exit_code == 4  # creates the schema, nothing else
    out = tmp_path / "desk.dump"
    result = cli("backup", str(out))
    assert result.exit_code == 1
    assert "Back it up with pg_dump instead:" in result.stderr
    command = next(
        line.strip() for line in result.stderr.splitlines() if "pg_dump --format" in line
    )
    assert "+psycopg" not in command
    # The command we print works as printed (with the server's own pg_dump).
    dump = subprocess.run(
        ["sh", "-c", command.replace("pg_dump", str(postgres_server.bin_dir / "pg_dump"), 1)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert dump.returncode == 0, dump.stderr
    assert out.stat().st_size > 0


def test_pg_dump_advice_needs_no_server_and_leaves_the_password_out(tmp_path: Path) -> None:
    remote = Cli("postgresql+psycopg://desk:s3cret@dbhost.invalid:5433/newsroom")
    result = remote("backup", str(tmp_path / "newsroom.dump"))
    assert result.exit_code == 1
    assert (
        f"pg_dump --format=custom --file {tmp_path}/newsroom.dump "
        "postgresql://desk@dbhost.invalid:5433/newsroom"
    ) in result.stderr
    assert "s3cret" not in result.stderr


def test_claims_whose_span_no_longer_quotes_their_words(
    any_seeded_cli: Cli, any_db_url: str
) -> None:
    for start, end in (("0", "4"), ("5", "10")):
        added = any_seeded_cli("claims", "add", "3", "--side", "ar", "--start", start, "--end", end)
        assert added.exit_code == 0, added.output
    assert any_seeded_cli("check").exit_code == 0
    raw_sql(
        any_db_url,
        'UPDATE claims SET "end" = 100000 WHERE id = 1',
        "UPDATE claims SET quote = 'not these words' WHERE id = 2",
    )

    result = any_seeded_cli("check")

    assert result.exit_code == 1
    assert "claim 1 on segment 3 (ar): span 0:100000 lies outside the text" in result.stdout
    assert "claim 2 on segment 3 (ar): span 5:10 no longer quotes «not these words»" in (
        result.stdout
    )
