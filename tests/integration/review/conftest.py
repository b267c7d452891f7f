"""A seeded desk with roles: lead (admin), badr (reviewer), amal and chadi (editors).

MT and timed edits are written through the services the TUI and the MT engine call; reviews go
through the CLI, as a script would.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import Cli
from workbench.services.editing import record_machine_translation, save_target
from workbench.services.users import ensure_user
from workbench.store.database import Database


@dataclass
class Desk:
    cli: Cli
    database: Database

    def mt(self, segment_id: int, text: str) -> None:
        with self.database.write() as session:
            record_machine_translation(
                session, segment_id, text, mt_package="translate-ar_en-toy", mt_version="0.1"
            )

    def edit(
        self,
        segment_id: int,
        author: str,
        text: str,
        *,
        status: str | None = "translated",
        expect_version: int | None = None,
        seconds: float | None = None,
        keystrokes: int | None = None,
    ) -> int:
        with self.database.write() as session:
            saved = save_target(
                session,
                segment_id,
                text,
                ensure_user(session, author),
                status=status,
                expect_version=expect_version,
                seconds_spent=seconds,
                keystrokes=keystrokes,
            )
        return saved.version

    def first_segment(self, document_id: int) -> int:
        rows = self.cli.json_lines("segments", "--doc", str(document_id), "--json")
        return int(rows[0]["id"])


@pytest.fixture
def desk(
    seeded_cli: Cli, database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Desk:
    # These tests are about the review flow; quality gates have their own tests (test_rules.py).
    config = tmp_path / "review-desk.toml"
    config.write_text("qa_blocking = []\n", encoding="utf-8")
    monkeypatch.setenv("WORKBENCH_CONFIG", str(config))
    for args in (
        ("users", "add", "lead", "--role", "admin"),
        ("users", "add", "badr", "--role", "reviewer"),
        ("users", "add", "amal"),
        ("users", "add", "chadi", "--role", "editor"),
    ):
        result = seeded_cli(*args, user="lead")
        assert result.exit_code == 0, result.output
    return Desk(seeded_cli, database)
