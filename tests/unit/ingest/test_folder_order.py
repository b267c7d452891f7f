"""A folder's files are imported in path order, component by component (as `sorted` orders Path
objects): `collect_sources` (`_walk_texts`) sorts plain strings for speed and must give exactly
that order."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from workbench.ingest.sources import collect_sources

NAMES = ["a.txt", "b/a.txt", "b/c/z.txt", "b.txt", "b-c/x.txt", "b c/y.md", "B/q.txt",
         "b/zz.txt", "b/c.txt", "ba/a.txt", "0/1.txt", "é/ж.txt", "b/c/d/e/f.html"]  # fmt: skip


@pytest.mark.parametrize("relative", [False, True], ids=["absolute", "relative"])
def test_files_come_in_path_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, relative: bool
) -> None:
    for name in NAMES:
        path = tmp_path / "folder" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("نص.", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    top = Path("folder") if relative else tmp_path / "folder"

    found = collect_sources([top])

    expected = sorted(Path(root, name) for root, _, names in os.walk(top) for name in names)
    assert found == expected
    assert [str(path.relative_to(top)) for path in found][:5] == [
        "0/1.txt", "B/q.txt", "a.txt", "b/a.txt", "b/c/d/e/f.html",
    ]  # fmt: skip
