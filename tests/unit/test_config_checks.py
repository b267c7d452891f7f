"""Settings, database URLs and database files the workbench cannot use: refused before any work,
naming the key (or URL, or file) and what would be accepted, and nothing is written."""

from __future__ import annotations

import hashlib
import sqlite3
from dataclasses import fields
from pathlib import Path

import pytest

from tests.conftest import SEEDS_DIR, Cli
from workbench.config import RULES, Settings

BAD_SETTINGS = {
    "tm-min-score-word": ('tm_min_score = "high"', "tm_min_score = 'high'", "0 to 100"),
    "tm-min-score-above": ("tm_min_score = 101", "tm_min_score = 101", "0 to 100"),
    "beam-zero": ("mt_beam_size = 0", "mt_beam_size = 0", "a whole number from 1 to 64"),
    "batch-zero": ("mt_batch_size = 0", "mt_batch_size = 0", "a whole number from 1 to 4096"),
    "threads-negative": ("mt_threads = -5", "mt_threads = -5", "a whole number from 0 to 1024"),
    "threads-fraction": ("mt_threads = 2.5", "mt_threads = 2.5", "a whole number"),
    "beam-boolean": ("mt_beam_size = true", "mt_beam_size = True", "a whole number"),
    "device": ('mt_device = "tpu"', "mt_device = 'tpu'", "one of: cpu, cuda"),
    "bidi": ('bidi = "sideways"', "bidi = 'sideways'", "one of: auto, on, off"),
    "self-approval": ('allow_self_approval = "yes"', "allow_self_approval = 'yes'",
                      "true or false"),
    "ratio": ('qa_length_ratio_min = "low"', "qa_length_ratio_min = 'low'", "a number above 0"),
    "blocking": ("qa_blocking = [1]", "qa_blocking = [1]", "known codes only (unknown: 1;"),
    "keymap": ("[keymap]\nsave = 5", "keymap = {'save': 5}", "a table of text values"),
    "user-control": (
        'user = "eve\\u001b]0;x\\u0007"',
        "user = 'eve\\x1b]0;x\\x07'",
        "text without control characters (character 3 is a control character (U+001B, ESC)",
    ),
    "user-blank": ('user = "  "', "user = '  '", "non-empty text"),
}  # fmt: skip


@pytest.fixture
def config_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "config.toml"
    monkeypatch.setenv("WORKBENCH_CONFIG", str(path))
    return path


@pytest.mark.parametrize(
    ("line", "shown", "allowed"), BAD_SETTINGS.values(), ids=BAD_SETTINGS.keys()
)
def test_a_bad_setting_is_refused_naming_file_key_value_and_what_is_allowed(
    cli: Cli, db_path: Path, config_file: Path, line: str, shown: str, allowed: str
) -> None:
    config_file.write_text(line + "\n", encoding="utf-8")

    result = cli("segments")

    assert result.exit_code == 2, result.output
    assert f"{config_file}: setting {shown} is not allowed: use " in result.stderr
    assert allowed in result.stderr
    assert "Traceback" not in result.output
    assert not db_path.exists()  # refused before the database was even opened


def test_good_settings_are_taken(cli: Cli, config_file: Path) -> None:
    config_file.write_text(
        "tm_min_score = 0\nmt_beam_size = 64\nmt_batch_size = 1\nmt_threads = 0\n"
        "qa_length_ratio_min = 1\nqa_length_ratio_max = 2.5\n"
        '[keymap]\nsave = "ctrl+s"\n',
        encoding="utf-8",
    )
    assert cli("import", str(SEEDS_DIR)).exit_code == 0


def test_a_bad_value_from_the_environment_names_the_environment(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WORKBENCH_BIDI", "sideways")
    result = cli("segments")
    assert result.exit_code == 2
    assert "environment (WORKBENCH_*): setting bidi = 'sideways' is not allowed" in result.stderr


def test_every_setting_has_a_rule() -> None:
    settable = {field.name for field in fields(Settings)} - {"config_file", "user_source"}
    assert set(RULES) == settable


@pytest.mark.parametrize(
    "url",
    ["mysql://desk@dbhost/workbench", "http://example.org/db", "postgresql+asyncpg://d@h/w"],
)
def test_an_unsupported_database_url_says_what_is_supported(url: str) -> None:
    result = Cli(url)("segments")
    assert result.exit_code == 2
    assert "is not supported; use a SQLite file path" in result.stderr
    assert "or a PostgreSQL URL (postgresql://USER@HOST:PORT/NAME)" in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.parametrize("spelling", ["path", "url"])
def test_a_folder_given_as_the_database_is_refused(tmp_path: Path, spelling: str) -> None:
    folder = tmp_path / "desk"
    folder.mkdir()
    result = Cli(str(folder) if spelling == "path" else f"sqlite:///{folder}")("segments")
    assert result.exit_code == 2
    assert f"the database path {folder} is a folder; pass a file path inside it" in result.stderr
    assert list(folder.iterdir()) == []


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_another_applications_sqlite_file_is_refused_and_left_untouched(tmp_path: Path) -> None:
    other = tmp_path / "contacts.sqlite"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE contacts (id INTEGER PRIMARY KEY, name TEXT)")
        connection.execute("INSERT INTO contacts (name) VALUES ('Hala')")
    connection.close()
    before = digest(other)
    cli = Cli(f"sqlite:///{other}")

    for args in (["segments"], ["import", str(SEEDS_DIR)], ["check"]):
        result = cli(*args)
        assert result.exit_code == 5, (args, result.output)
        assert f"{other} is a SQLite database of another application (tables: contacts)" in (
            result.stderr
        )
        assert "it was left untouched" in result.stderr

    assert digest(other) == before
    assert sorted(path.name for path in tmp_path.iterdir()) == ["contacts.sqlite"]  # no -wal


def test_an_empty_file_and_a_workbench_database_still_open(tmp_path: Path) -> None:
    empty = tmp_path / "empty.sqlite"
    empty.touch()
    cli = Cli(f"sqlite:///{empty}")
    assert cli("import", str(SEEDS_DIR)).exit_code == 0
    assert cli("check").exit_code == 0  # opened again: it is a workbench database now
