"""The PostgreSQL test set-up: skips outside CI when no server can be had, fails in CI."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.pg_fixtures import PostgresUnavailable, find_bin_dir, server_parent, unavailable


@pytest.mark.parametrize("value", ["true", "1", "TRUE"])
def test_in_ci_a_missing_server_fails(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv("CI", value)
    with pytest.raises(pytest.fail.Exception, match="PostgreSQL must run in CI"):
        unavailable("no initdb")


def test_outside_ci_a_missing_server_skips_with_the_reason(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="PostgreSQL not available: no initdb"):
        unavailable("no initdb")


def test_no_binaries_says_what_to_install(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", "/nonexistent")
    monkeypatch.setattr("tests.pg_fixtures.DEBIAN_INSTALLS", tmp_path / "postgresql")
    with pytest.raises(PostgresUnavailable, match="apt-get install postgresql"):
        find_bin_dir()


def test_the_server_lives_in_memory_only_where_there_is_room(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr("tests.memory_folder.MEMORY_FOLDER", tmp_path)
    monkeypatch.setattr("tests.pg_fixtures.SERVER_FREE_BYTES", 1)
    assert server_parent() == tmp_path
    monkeypatch.setattr("tests.pg_fixtures.SERVER_FREE_BYTES", 2**62)  # more than any disk
    assert server_parent() is None
    monkeypatch.setattr("tests.pg_fixtures.SERVER_FREE_BYTES", 1)
    monkeypatch.setattr("tests.memory_folder.MEMORY_FOLDER", tmp_path / "missing")
    assert server_parent() is None
