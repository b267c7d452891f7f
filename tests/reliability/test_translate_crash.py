"""`kill -9` in the middle of `workbench translate`, on SQLite and PostgreSQL.

While the translation runs, a second connection checks on every look that no segment shows MT
without its MT revision (or the reverse); after the kill, `workbench check` passes, whole batches
only are stored, and the next run translates exactly the segments still missing.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from tests.conftest import REPO_ROOT, Cli
from tests.mt_fixtures import UNREPEATED_SEEDS
from tests.reliability.conftest import workbench_process
from tests.templates import release_open_databases, restore_seed_files
from workbench.mt.packages import InstalledModel
from workbench.store.database import Database
from workbench.store.models import Origin, Revision, Segment

BATCH = 2


def mt_state(database: Database) -> tuple[int, int, dict[int, int]]:
    """(segments with MT, segments with an MT revision, MT revisions per segment)."""
    with_mt = select(func.count()).where(Segment.mt.is_not(None)).scalar_subquery()
    with_revision = (
        select(func.count(func.distinct(Revision.segment_id)))
        .where(Revision.origin == Origin.MT.value)
        .scalar_subquery()
    )
    with database.read() as session:
        # One statement, so one snapshot: PostgreSQL gives each statement of a READ COMMITTED
        # transaction its own, and a batch committing between two counts would look torn.
        both = session.execute(select(with_mt, with_revision)).one()
        rows = session.execute(
            select(Revision.segment_id, func.count())
            .where(Revision.origin == Origin.MT.value)
            .group_by(Revision.segment_id)
        )
        counts = {row[0]: row[1] for row in rows}
    return both[0], both[1], counts


@pytest.mark.slow
def test_kill_9_during_translate_then_resume(
    any_cli: Cli,
    any_db_url: str,
    any_database: Database,
    tmp_path: Path,
    argos_model: InstalledModel,
    monkeypatch: pytest.MonkeyPatch,
    request: pytest.FixtureRequest,
) -> None:
    # One seed article, 34 segments: 17 batches of 2, killed once 2 are stored, so some 15
    # batches (over a second of decoding) are still to come when the kill lands; what the kill
    # leaves and what the resume does do not depend on how many more there are. No sentence of
    # it is repeated, so every batch stores exactly BATCH segments.
    release_open_databases(request)
    restore_seed_files(request, any_db_url, UNREPEATED_SEEDS)
    seeded = len(any_cli.json_lines("segments", "--json"))
    config = tmp_path / "workbench.toml"
    config.write_text(f"mt_batch_size = {BATCH}\nmt_threads = 1\n", encoding="utf-8")
    monkeypatch.setenv("WORKBENCH_CONFIG", str(config))  # the child processes read it
    process = subprocess.Popen(
        workbench_process(any_db_url, "translate"),
        cwd=REPO_ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 180
    try:
        while True:
            with_mt, with_revision, _ = mt_state(any_database)
            assert with_mt == with_revision, "MT visible without its revision, or the reverse"
            if with_mt >= 2 * BATCH:
                os.kill(process.pid, signal.SIGKILL)
                break
            assert process.poll() is None, process.communicate()
            assert time.monotonic() < deadline, "no batch was committed in time"
            time.sleep(0.01)
    finally:
        process.wait(30)
    assert process.returncode == -signal.SIGKILL

    with_mt, with_revision, _ = mt_state(any_database)
    assert with_mt == with_revision
    assert 2 * BATCH <= with_mt < seeded, "killed mid-way, after a few commits"
    assert with_mt % BATCH == 0, "a batch was half written"
    # The killed run was a process of its own; what comes after runs in-process (the same
    # commands, config and database, without a new interpreter's start-up each).
    assert any_cli("check").exit_code == 0

    config.write_text("mt_batch_size = 32\nmt_threads = 1\n", encoding="utf-8")  # quicker now
    resumed = any_cli("translate")
    assert resumed.exit_code == 0, resumed.stderr
    assert f"{seeded - with_mt} segments translated" in resumed.stdout
    with_mt, with_revision, counts = mt_state(any_database)
    assert with_mt == with_revision == seeded
    assert set(counts.values()) == {1}  # every segment translated exactly once
    assert any_cli("check").exit_code == 0
