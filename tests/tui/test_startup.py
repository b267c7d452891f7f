"""Opening the app must stay fast: the heavy MT stack is never imported on the way in."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO_ROOT, Cli

HEAVY = ("ctranslate2", "torch", "stanza", "argostranslate.translate", "spacy")

PROGRAM = """
import asyncio, json, sys, time
from sqlalchemy import func, select
from workbench.services.seeding import seed_if_empty
from workbench.config import load_settings
from workbench.store.database import open_database
from workbench.store.models import Segment
from workbench.tui.app import WorkbenchApp

# Small MT batches: quitting waits for the batch being translated, and nothing here needs more.
settings = load_settings(db_url=sys.argv[1], user="alice", mt_batch_size=2)
database = open_database(settings.db_url)
seed_if_empty(database, "alice")

def translated() -> int:
    with database.read() as session:
        return session.scalar(select(func.count(Segment.mt))) or 0

async def main() -> None:
    app = WorkbenchApp(settings, database, environ={"TERM": "xterm"}, translate=True)
    async with app.run_test() as pilot:
        # The worker has loaded CTranslate2 and stored MT: then stop it (F8) before the keys.
        # Pilot waits after each key until the process idles, which it never does while MT
        # decodes: each key waited its full second, the MT going on meanwhile (6 of the 9 s of
        # CPU of this process), and the keys go through the same screen either way.
        deadline = time.monotonic() + 90  # within the 120 s given to the process
        while not translated() and app.mt_worker is not None and not app.mt_worker.is_finished:
            assert time.monotonic() < deadline, "no MT was stored"
            await asyncio.sleep(0.02)
        if app.mt_worker is not None:
            await pilot.press("f8")
        await pilot.press("ctrl+down", "x", "enter")
    heavy = [name for name in json.loads(sys.argv[2]) if name in sys.modules]
    mt = translated()
    print(json.dumps({"model": app.model is not None, "heavy": heavy, "mt": mt > 0}))

asyncio.run(main())
"""


def opened(db_url: str) -> dict[str, object]:
    """Open the app in a fresh process (ARGOS_PACKAGES_DIR as this test set it); what was loaded."""
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT)}
    result = subprocess.run(
        [sys.executable, "-c", PROGRAM, db_url, json.dumps(HEAVY)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    report: dict[str, object] = json.loads(result.stdout.strip().splitlines()[-1])
    return report


def test_without_a_model_nothing_heavy_is_imported(tmp_path: Path) -> None:
    assert opened(f"sqlite:///{tmp_path}/s.sqlite") == {"model": False, "heavy": [], "mt": False}


def test_with_a_model_only_the_worker_loads_ctranslate2(
    tmp_path: Path, argos_model: object
) -> None:
    report = opened(f"sqlite:///{tmp_path}/s.sqlite")
    # MT starts in a worker thread, which imports ctranslate2 there; argostranslate.translate
    # (stanza, torch) is never needed.
    assert report["model"] is True and report["mt"] is True  # the worker translated
    assert set(report["heavy"]) <= {"ctranslate2"}  # type: ignore[arg-type]


# What the screen leaves unloaded when it opens a database that already holds documents, with no
# model installed (as `workbench` does: seeding first, which finds documents there), until
# something needs it: the readers and the import services (only a new
# database is seeded), Argos' package reader with sentencepiece and urllib (only an installed
# model is read), the PostgreSQL dialect (only a PostgreSQL database writes with it), rapidfuzz
# (the first memory search with a memory to search, the first claims board), Alembic (only a
# schema to create or upgrade), tomllib (only a config file to parse).
DEFERRED = (
    "workbench.ingest.sources",
    "workbench.services.importing",
    "argostranslate.package",
    "sentencepiece",
    "urllib.request",
    "sqlalchemy.dialects.postgresql",
    "rapidfuzz",
    "workbench.qa.claim_similarity",
    "alembic",
    "tomllib",
)

SEEDED_START = """
import asyncio, json, sys
from workbench.config import load_settings
from workbench.services.seeding import seed_if_empty
from workbench.store.database import open_database
from workbench.tui.app import WorkbenchApp

settings = load_settings(db_url=sys.argv[1], user="alice")
database = open_database(settings.db_url)
assert not seed_if_empty(database, "alice")  # as `workbench` does first: there are documents

async def main() -> dict[str, object]:
    app = WorkbenchApp(settings, database, environ={"TERM": "xterm"}, translate=True)
    async with app.run_test() as pilot:
        await pilot.pause()
        screen = app.main_screen
        opened = screen is not None and screen.current is not None
        # The open segment's aids looked up (its memory search among them) and the editor used.
        await pilot.press("ctrl+down", "x")
        await pilot.pause()
        loaded = [name for name in json.loads(sys.argv[2]) if name in sys.modules]
        return {"opened": opened, "loaded": loaded}

print(json.dumps(asyncio.run(main())))
"""


def test_opening_a_seeded_database_leaves_what_it_does_not_use_unloaded(
    tmp_path: Path, seeded_cli: Cli
) -> None:
    env = {
        **os.environ,
        "PYTHONPATH": str(REPO_ROOT),
        "WORKBENCH_CONFIG": str(tmp_path / "no-config.toml"),
        "ARGOS_PACKAGES_DIR": str(tmp_path / "no-models"),
        "XDG_STATE_HOME": str(tmp_path / "state"),
    }
    command = [sys.executable, "-c", SEEDED_START, seeded_cli.db_url, json.dumps(DEFERRED)]
    result = subprocess.run(
        command, capture_output=True, text=True, env=env, check=False, timeout=120
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report == {"opened": True, "loaded": []}
