"""Exports are written to a temporary file and renamed: a failure leaves the old file alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.errors import InputError
from workbench.export.atomic import atomic_output


def test_failure_keeps_the_previous_file_and_leaves_no_temporary(tmp_path: Path) -> None:
    out = tmp_path / "export.tmx"
    out.write_bytes(b"previous")
    with pytest.raises(RuntimeError), atomic_output(out) as handle:
        handle.write(b"half of a new file")
        raise RuntimeError("crash half-way")
    assert out.read_bytes() == b"previous"
    assert [p.name for p in tmp_path.iterdir()] == ["export.tmx"]


def test_success_replaces_and_keeps_permissions(tmp_path: Path) -> None:
    out = tmp_path / "export.csv"
    out.write_bytes(b"old")
    out.chmod(0o600)
    with atomic_output(out) as handle:
        handle.write(b"new")
    assert out.read_bytes() == b"new"
    assert out.stat().st_mode & 0o777 == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["export.csv"]


def test_new_file_while_writing_is_hidden(tmp_path: Path) -> None:
    out = tmp_path / "new.tmx"
    with atomic_output(out) as handle:
        handle.write(b"x")
        assert not out.exists()
        (temporary,) = tmp_path.iterdir()
        assert temporary.name.startswith(".new.tmx.") and temporary.name.endswith(".tmp")
    assert out.read_bytes() == b"x"


def test_folder_as_destination_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a folder"), atomic_output(tmp_path):
        pass
