"""The screen's background translation and `workbench translate` leave the same database behind,
exact translation-memory matches included (an exact match beats fresh MT in both)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select
from textual.worker import WorkerState

from tests.conftest import Cli
from tests.mt_fixtures import FEW_SEEDS
from tests.tui.conftest import AppFactory, main_screen, save_as, segment_at
from tests.tui.test_mt import mt_worker_done
from workbench.mt.packages import InstalledModel
from workbench.services.seeding import seed_if_empty
from workbench.store.database import Database, open_database
from workbench.store.models import Revision, Segment
from workbench.tui.app import WorkbenchApp

ENGLISH = "A report by Russia's Tsargrad says the Kazakh authorities plan to stop parallel imports."
# One sentence per batch: each is decoded alone, so the order of the work cannot change the words.
ONE_BY_ONE = 1

Outcome = dict[tuple[int, int], tuple[object, ...]]


def with_memory(database: Database) -> None:
    """seeds/000 opens with one paragraph twice: the first, translated, is the second's match."""
    first, repeat = segment_at(database, 1, 1), segment_at(database, 1, 2)
    assert first.source == repeat.source and repeat.target is None
    save_as(database, "alice", first.id, ENGLISH, first.version, "translated")


def outcome(database: Database) -> Outcome:
    """Each segment's target, status, version and MT, and the origins of its revisions."""
    with database.read() as session:
        segments = session.execute(
            select(Segment.id, Segment.document_id, Segment.position, Segment.target,
                   Segment.status, Segment.version, Segment.mt)
        ).all()  # fmt: skip
        origins: dict[int, list[str]] = {}
        for segment_id, origin in session.execute(
            select(Revision.segment_id, Revision.origin).order_by(Revision.id)
        ):
            origins.setdefault(segment_id, []).append(origin)
    return {
        (row.document_id, row.position): (
            row.target, row.status, row.version, row.mt, tuple(origins.get(row.id, ()))
        )
        for row in segments
    }  # fmt: skip


async def translate_on_screen(app: WorkbenchApp) -> str:
    """Open segment 2 (the one the memory knows), let the background translation run; the
    editor's text at the end."""
    async with app.run_test(size=(120, 36)) as pilot:
        screen = main_screen(app)
        screen.go_to_index(1)
        await pilot.pause()
        app.mt_worker = app.translate_in_background()
        assert await mt_worker_done(app) is WorkerState.SUCCESS
        await pilot.pause()
        return screen.editor.text


async def test_screen_and_cli_translate_alike_with_an_exact_match(
    make_few_seeds_app: AppFactory,
    few_seeds_database: Database,
    argos_model: InstalledModel,
    tmp_path: Path,
) -> None:
    # Two of the seed articles (39 segments, FEW_SEEDS), not all five, each translated one by one
    # on both sides: seeds/000 with the memory's match, and a second document so that the
    # screen's order (the open document first, then the others) still differs from the CLI's.
    # Each sentence is decoded alone, so more of them would only repeat the same comparison.
    seeded_database = few_seeds_database
    with_memory(seeded_database)
    app = make_few_seeds_app(translate=False, mt_batch_size=ONE_BY_ONE)
    # The open segment, untouched, shows the memory's English once it is filled.
    assert await translate_on_screen(app) == ENGLISH

    cli_url = f"sqlite:///{tmp_path / 'cli.sqlite'}"
    cli_database = open_database(cli_url)
    try:
        seed_if_empty(cli_database, "importer", FEW_SEEDS)  # as the app's database was seeded
        with_memory(cli_database)
        result = Cli(cli_url)("translate", "--batch-size", str(ONE_BY_ONE))
        assert result.exit_code == 0, result.output
        assert "1 segment filled from exact translation-memory matches" in result.stdout
        by_cli = outcome(cli_database)
    finally:
        cli_database.dispose()

    on_screen = outcome(seeded_database)
    target, status, _, _, origins = on_screen[(1, 2)]
    assert (target, status, origins) == (ENGLISH, "draft", ("mt", "tm"))
    assert all(row[3] for row in on_screen.values())  # every segment has its MT
    assert on_screen == by_cli
