"""Hostile and broken input: each gets a clear message, and nothing is lost or half-written."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from tests.conftest import Cli
from tests.dbstate import table_dump
from tests.reliability.conftest import run_unprivileged
from workbench.ingest.sources import MAX_SENTENCE_CHARS

SENTENCE = "قال المتحدث إن الوفد وصل إلى المدينة صباح اليوم. "
TEN_MB = 10 * 1024 * 1024


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def write_new(path: str, text: str) -> None:
    """The bytes `write` writes, through one os.open/os.write/os.close: for 100,000 files a third
    of the time of Path.write_text's text layer (the files are the set-up, not what is tested)."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    try:
        os.write(descriptor, text.encode("utf-8"))
    finally:
        os.close(descriptor)


def test_windows_arabic_and_nul_bytes_are_refused_naming_the_byte(
    any_seeded_cli: Cli, any_db_url: str, tmp_path: Path
) -> None:
    cp1256 = tmp_path / "cp1256.txt"
    cp1256.write_bytes("قال الرئيس.".encode("cp1256"))
    nul = tmp_path / "nul.txt"
    nul.write_bytes("قال الرئيس.".encode() + b"\x00" + " ثم غادر.".encode())
    before = table_dump(any_db_url)

    result = any_seeded_cli("import", str(cp1256), str(nul))

    assert result.exit_code == 2
    assert f"{cp1256}: not valid UTF-8 at byte offset 0" in result.stderr
    assert "iconv -f CP1256 -t UTF-8" in result.stderr
    assert f"{nul}: byte 20 is a NUL byte" in result.stderr
    assert table_dump(any_db_url) == before


@pytest.mark.slow
@pytest.mark.longest
def test_a_ten_megabyte_line_of_sentences_imports_whole(
    cli: Cli, db_path: Path, tmp_path: Path
) -> None:
    # One segment per copy of the sentence: counted, not segmented again here (the test's own
    # segment_document of 10 MB took as long as the import's).
    expected = TEN_MB // len(SENTENCE.encode())
    text = SENTENCE * expected
    big = write(tmp_path / "one-line.txt", text + "\n")
    assert big.stat().st_size >= TEN_MB - len(SENTENCE.encode())

    result = cli("import", str(big))

    assert result.exit_code == 0, result.stderr
    assert f"1 document and {expected} segments added" in result.stdout
    # Read back with one query: the 119,156 rows through `segments --json` and json.loads cost
    # more CPU than the import (what the listing prints is tested on the seeds).
    with closing(sqlite3.connect(db_path)) as connection:  # sqlite3's `with` does not close
        count, positions, paragraphs, sentences = connection.execute(
            "SELECT count(*), max(position), min(paragraph) || '-' || max(paragraph), "
            "count(DISTINCT source) FROM segments WHERE document_id = 1"
        ).fetchone()
        (last,) = connection.execute(
            "SELECT source FROM segments WHERE document_id = 1 ORDER BY position DESC LIMIT 1"
        ).fetchone()
    assert (count, positions, paragraphs, sentences) == (expected, expected, "1-1", 1)
    assert last == SENTENCE.strip()


def test_a_ten_megabyte_line_without_a_sentence_end_is_refused(
    any_seeded_cli: Cli, any_db_url: str, tmp_path: Path
) -> None:
    word = "كلمة "
    big = write(tmp_path / "no-end.txt", SENTENCE + "\n" + word * (TEN_MB // len(word.encode())))
    before = table_dump(any_db_url)

    result = any_seeded_cli("import", str(big))

    assert result.exit_code == 2
    assert f"{big}: line 2: a sentence of " in result.stderr
    assert f"{MAX_SENTENCE_CHARS:,}" in result.stderr
    assert "split the text into sentences or paragraphs" in result.stderr
    assert table_dump(any_db_url) == before


@pytest.mark.slow
@pytest.mark.longest
def test_a_hundred_thousand_tiny_files_import_in_one_run(
    cli: Cli, db_path: Path, many_files_folder: Path
) -> None:
    folder = many_files_folder / "tiny"  # in memory where it can be: creating them is the set-up
    for shard in range(10):  # ten sub-folders: the walk must recurse
        (folder / f"{shard}").mkdir(parents=True)
    for number in range(100_000):
        write_new(f"{folder}/{number % 10}/{number:06d}.txt", f"خبر رقم {number}. جملة ثانية.\n")

    result = cli("import", str(folder))

    assert result.exit_code == 0, result.stderr
    assert result.stdout.endswith("100000 documents and 200000 segments added\n")
    with closing(sqlite3.connect(db_path)) as connection:  # sqlite3's `with` does not close
        documents, segments = connection.execute(
            "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM segments)"
        ).fetchone()
        # Files are taken folder by folder, in name order, and numbered in that order.
        first = connection.execute("SELECT source_name FROM documents ORDER BY id").fetchone()
    assert (documents, segments) == (100_000, 200_000)
    assert first == ("000000.txt",)


def test_many_files_with_duplicates_across_batches(any_cli: Cli, many_files_folder: Path) -> None:
    folder = many_files_folder / "many"
    folder.mkdir(parents=True)
    for number in range(2_500):
        write_new(f"{folder}/{number:05d}.txt", f"خبر رقم {number % 2_400}. جملة ثانية.\n")

    result = any_cli("import", str(folder))

    assert result.exit_code == 0, result.stderr
    assert result.stdout.endswith("2400 documents and 4800 segments added; 100 already present\n")
    # 02400.txt repeats 00000.txt, in a later batch: reported as that document.
    assert "skipped 02400.txt: already imported as document 1\n" in result.stdout
    rows = any_cli.json_lines("segments", "--doc", "2400", "--json")
    assert [row["source"] for row in rows] == ["خبر رقم 2399.", "جملة ثانية."]


def test_bidi_controls_are_imported_as_written_and_flagged(any_cli: Cli, tmp_path: Path) -> None:
    # U+202E reverses what follows on screen: "the deal was signed" can be made to look negated.
    hidden = "قال الوزير إن الاتفاق \u202eلم يوقع\u202c بعد."
    source = write(
        tmp_path / "bidi.txt", "مقدمة الخبر.\n" + hidden + "\n\u2067isolated\u2069 نص.\n"
    )

    result = any_cli("import", str(source))

    assert result.exit_code == 0, result.stderr
    assert (
        f"warning: {source}: line 2, column 23: U+202E RIGHT-TO-LEFT OVERRIDE: a bidi control"
        in result.stderr
    )
    assert f"{source}: line 2, column 31: U+202C POP DIRECTIONAL FORMATTING" in result.stderr
    assert f"{source}: line 3, column 1: U+2067 RIGHT-TO-LEFT ISOLATE" in result.stderr
    rows = any_cli.json_lines("segments", "--json")
    assert rows[1]["source"] == hidden  # stored exactly, controls included

    check = any_cli("check")
    assert check.exit_code == 0, check.stderr
    assert f"segment {rows[1]['id']} (document 1, sentence 2) source offset 22: U+202E" in (
        check.stdout
    )
    assert check.stdout.count("bidi-control") == 4
    assert "database ok: no errors, 4 warnings" in check.stdout
    strict = any_cli("check", "--strict")
    assert strict.exit_code == 1
    assert "0 errors and 4 warnings" in strict.stderr


def test_unknown_ids_are_named(any_seeded_cli: Cli) -> None:
    edit = any_seeded_cli("edit", "999999", "--text", "x")
    assert edit.exit_code == 4
    assert "segment 999999 does not exist" in edit.stderr
    listing = any_seeded_cli("segments", "--doc", "99")
    assert listing.exit_code == 4
    assert "document 99 does not exist; document ids run from 1 to 5" in listing.stderr


def test_empty_database_says_how_to_fill_it(any_cli: Cli) -> None:
    listing = any_cli("segments", "--doc", "1")
    assert listing.exit_code == 4
    assert "holds no documents yet; add some with `workbench import`" in listing.stderr


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("before\x00after", "character 6 is a NUL (U+0000), which cannot be stored"),
        ("bad \udcff byte", "character 4 is not valid Unicode (a lone surrogate, U+DCFF"),
    ],
    ids=["nul", "surrogate"],
)
def test_text_no_backend_can_store_is_refused_alike(
    any_seeded_cli: Cli, any_db_url: str, text: str, message: str
) -> None:
    before = table_dump(any_db_url)
    result = any_seeded_cli("edit", "3", "--text", text)
    assert result.exit_code == 2
    assert f"Invalid value for '--text': {message}" in result.stderr
    user = any_seeded_cli("edit", "3", "--text", "fine", user=text)
    assert user.exit_code == 2
    assert "setting user = " in user.stderr and message in user.stderr
    assert table_dump(any_db_url) == before


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_read_only_database_file_is_refused_and_kept(shared_folder: Path, tmp_path: Path) -> None:
    database = shared_folder / "team.sqlite"
    url = f"sqlite:///{database}"
    seeded = Cli(url)
    assert seeded("import", str(write(tmp_path / "a.txt", "خبر أول. جملة ثانية."))).exit_code == 0
    before, digest = table_dump(url), file_digest(database)
    database.chmod(0o444)
    shared_folder.chmod(0o555)  # no -wal or -shm beside it either
    new_file = write(shared_folder.parent / f"{shared_folder.name}.txt", "خبر جديد.")
    try:
        edit = run_unprivileged("--db", url, "--user", "nobody", "edit", "1", "--text", "x")
        imported = run_unprivileged("--db", url, "--user", "nobody", "import", str(new_file))
    finally:
        new_file.unlink()
        shared_folder.chmod(0o755)
        database.chmod(0o644)

    for outcome in (edit, imported):
        assert outcome.exit_code == 1, outcome
        assert f"error: the database {database} is read-only for this user" in outcome.stderr
        assert "nothing was written" in outcome.stderr
        assert "Traceback" not in outcome.stderr
    assert file_digest(database) == digest
    assert table_dump(url) == before


def test_database_in_a_folder_that_cannot_be_made(shared_folder: Path, tmp_path: Path) -> None:
    blocker = write(tmp_path / "blocker", "a file where a folder should be")
    blocked = Cli(f"sqlite:///{blocker}/sub/team.sqlite")
    result = blocked("segments")
    assert result.exit_code == 1
    assert f"cannot create the folder {blocker}/sub for the database team.sqlite" in result.stderr
    assert f"({blocker} is a file, not a folder)" in result.stderr

    locked = shared_folder / "locked"
    locked.mkdir(mode=0o555)
    outcome = run_unprivileged("--db", str(locked / "deeper" / "team.sqlite"), "segments")
    assert outcome.exit_code == 1, outcome
    assert f"cannot create the folder {locked}/deeper" in outcome.stderr
    assert "Permission denied" in outcome.stderr

    flat = run_unprivileged("--db", str(locked / "team.sqlite"), "segments")
    assert flat.exit_code == 1, flat
    assert f"its folder {locked} is missing or not writable for this user" in flat.stderr


def test_a_missing_folder_is_created(cli: Cli, tmp_path: Path) -> None:
    fresh = Cli(f"sqlite:///{tmp_path}/new/deeper/team.sqlite")
    assert fresh("segments").exit_code == 0
    assert (tmp_path / "new" / "deeper" / "team.sqlite").exists()


OUTSIDE = "span {start}:{end} is outside the text of the Arabic source of segment 3"
BEYOND_64_BITS = "{huge} is out of range: it must be between -9223372036854775808 and"


@pytest.mark.parametrize(
    ("start", "end", "message"),
    [
        (-(2**70), 5, BEYOND_64_BITS),
        (0, 2**70, BEYOND_64_BITS),
        (2**31, 2**31 + 1, OUTSIDE),
        (5, 4, OUTSIDE),
    ],
    ids=["huge-negative", "huge", "past-int32", "reversed"],
)
def test_claim_offsets_out_of_range_are_refused(
    any_seeded_cli: Cli, any_db_url: str, start: int, end: int, message: str
) -> None:
    before = table_dump(any_db_url)
    result = any_seeded_cli(
        "claims", "add", "3", "--side", "ar", "--start", str(start), "--end", str(end)
    )
    assert result.exit_code == 2, result.output
    huge = start if abs(start) > abs(end) else end
    assert message.format(start=start, end=end, huge=huge) in result.stderr
    assert "Traceback" not in result.output
    assert table_dump(any_db_url) == before
