"""`workbench tui` on a new database, in a real terminal: the screen itself seeds it."""

from __future__ import annotations

import sys
from pathlib import Path

from tests.conftest import REPO_ROOT
from tests.tui.test_tmux import Tmux, pytestmark, quit_app, tmux  # noqa: F401 (fixture, marks)
from workbench.store.database import open_database
from workbench.store.queries import list_documents


def test_the_screen_seeds_a_new_database(tmux: Tmux, tmp_path: Path) -> None:  # noqa: F811
    db_path = tmp_path / "new.sqlite"
    command = [
        "env", "-u", "COLUMNS", "-u", "LINES", f"PYTHONPATH={REPO_ROOT}",
        f"WORKBENCH_CONFIG={tmp_path / 'none.toml'}", f"ARGOS_PACKAGES_DIR={tmp_path}",
        "TERM=xterm-256color", sys.executable, "-m", "workbench", "--db", str(db_path),
        "--user", "tess", "tui", "--no-mt",
    ]  # fmt: skip
    tmux("new-session", "-d", "-s", "app", "-x", "120", "-y", "36", " ".join(command))
    tmux.wait_for("Segment 1 of 17")
    quit_app(tmux)

    database = open_database(f"sqlite:///{db_path}")
    try:
        with database.read() as session:
            documents = list_documents(session)
    finally:
        database.dispose()
    seeds = sorted((REPO_ROOT / "seeds").glob("*.txt"))
    assert [document.source_name for document in documents] == [path.name for path in seeds]
