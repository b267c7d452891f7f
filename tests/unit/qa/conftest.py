"""Where the shared corpora are: `shared/` beside the repository (CI, main checkout) or beside
one of its parent folders (a git worktree kept in a subfolder)."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[3]


def find_shared() -> Path:
    for folder in REPO_ROOT.parents:
        if (folder / "shared" / "corpora").is_dir():
            return folder / "shared"
    raise FileNotFoundError(f"no shared/corpora beside {REPO_ROOT} or any folder above it")


@pytest.fixture(scope="session")
def ntrex() -> tuple[list[str], list[str]]:
    folder = find_shared() / "corpora" / "ntrex-ar-en"
    arabic = (folder / "ar.txt").read_text(encoding="utf-8").splitlines()
    english = (folder / "en.txt").read_text(encoding="utf-8").splitlines()
    return arabic, english
