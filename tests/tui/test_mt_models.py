"""The TUI with MT confidence and a second model: the low-confidence mark, the filter and sort,
another model's translation as an alternative, and the help naming the installed models."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

from sqlalchemy import select

from tests.mt_fixtures import CT2_NAME, TOY_MODEL_FILE
from tests.tui.conftest import AppFactory, main_screen
from workbench.config import load_settings
from workbench.mt.archive import check_archive, install_archive
from workbench.mt.ct2_folder import check_folder, install_folder
from workbench.mt.engine import get_engine
from workbench.services.translation import translate_segments
from workbench.store.database import Database
from workbench.store.models import Segment
from workbench.tui.aids.mt_confidence import LOW_MARK
from workbench.tui.editor.rows import RowFilter

SIZE = (140, 40)


def install_both(packages: Path, ct2_folder: Path) -> None:
    install_archive(check_archive(TOY_MODEL_FILE), packages)
    install_folder(check_folder(ct2_folder), packages)


def scores(database: Database, document_id: int) -> dict[int, float | None]:
    with database.read() as session:
        rows = session.execute(
            select(Segment.position, Segment.mt_score).where(Segment.document_id == document_id)
        )
        return {row.position: row.mt_score for row in rows}


async def test_low_confidence_marked_filtered_and_sorted(
    make_app: AppFactory,
    seeded_database: Database,
    argos_packages_dir: Path,
    ct2_folder: Path,
) -> None:
    install_both(argos_packages_dir, ct2_folder)
    translate_segments(seeded_database, load_settings(user="alice"), document_id=1)
    by_position = scores(seeded_database, 1)
    values = sorted(v for v in by_position.values() if v is not None)
    threshold = values[len(values) // 2]  # about half the rows below it
    app = make_app(mt_low_confidence=threshold)
    async with app.run_test(size=SIZE) as pilot:
        screen = main_screen(app)
        assert screen.rows is not None
        assert screen.segment_list.scroll_offset.y == 0
        for index in range(10):  # the rows on screen
            row = screen.rows.row(index)
            line = screen.segment_list.render_line(index).text
            marked = f"│ {LOW_MARK} " in line
            assert marked == (row.mt_score is not None and row.mt_score < threshold), (index, line)

        screen.apply_filter(RowFilter(None, None, threshold, by_mt_score=True))
        await pilot.pause()
        listed = [screen.rows.row(i).mt_score for i in range(len(screen.rows))]
        assert listed == sorted(v for v in values if v < threshold)
        assert "least confident" in screen.rows.filter.describe()

        screen.apply_filter(RowFilter(None, None, by_mt_score=True))
        await pilot.pause()
        assert len(screen.rows) == len(by_position)
        first = screen.rows.row(0)
        assert first.mt_score == values[0]
        # The list is not in position order, yet every position is found where it is listed.
        for index in range(len(screen.rows)):
            assert screen.rows.index_of_position(screen.rows.position_at(index)) == index
        detail = "\n".join(screen.detail.texts.text_lines)
        assert "confidence" in detail


async def test_another_models_translation_as_alternative_and_help(
    make_app: AppFactory,
    seeded_database: Database,
    argos_packages_dir: Path,
    ct2_folder: Path,
) -> None:
    install_both(argos_packages_dir, ct2_folder)  # the CTranslate2 folder is the default
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = main_screen(app)
        assert app.model is not None and app.model.name == CT2_NAME
        current = screen.current
        assert current is not None
        expected = get_engine(app.settings, "translate-ar_en-toy").translate([current.row.source])[
            0
        ]
        await pilot.press("alt+m")
        # The other model decodes beside the background translation: on a loaded machine (CI
        # with two test workers) that takes seconds, so wait for the condition, not a count.
        deadline = time.monotonic() + 120
        while screen.detail.alternatives[:1] != [expected] and time.monotonic() < deadline:
            await asyncio.sleep(0.05)
        assert screen.detail.alternatives[0] == expected
        # The default model's alternatives may arrive after it (they start on a timer): it stays.
        screen.show_alternatives(current.row.id, ["Late one.", "Late two."])
        assert screen.detail.alternatives[:3] == [expected, "Late one.", "Late two."]
        await pilot.press("alt+1")
        assert screen.editor.text == expected

        await pilot.press("f1")
        await pilot.pause()
        assert app.screen.models is not None
        assert f"* {CT2_NAME}" in app.screen.models and "translate-ar_en-toy" in app.screen.models


async def test_alternative_without_another_model_says_how_to_add_one(
    make_app: AppFactory, seeded_database: Database, argos_model: object
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("alt+m")
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert any("workbench models install PATH" in m for m in messages), messages


async def test_review_queue_sorted_by_mt_confidence(
    make_app: AppFactory, seeded_database: Database, argos_model: object
) -> None:
    from textual.widgets import DataTable

    from tests.tui.review_desk import NO_GATES, set_up_desk
    from workbench.services.editing import record_machine_translations
    from workbench.tui.review.desk import ReviewScreen

    desk = set_up_desk(seeded_database)
    with seeded_database.read() as session:
        sources = {
            s.id: s.source
            for s in session.scalars(select(Segment).where(Segment.id.in_([e.id for e in desk])))
        }
    engine = get_engine(load_settings())
    scored = dict(zip(sources, engine.translate_scored(list(sources.values())), strict=True))
    with seeded_database.write() as session:
        record_machine_translations(
            session,
            {i: s.text for i, s in scored.items()},
            author=None,
            mt_package=engine.model.name,
            mt_version=engine.model.version,
            scores={i: s.score for i, s in scored.items()},
        )
    least_first = sorted(scored, key=lambda i: scored[i].score or 0.0)
    app = make_app(user="badr", **NO_GATES)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f9")
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        table = screen.query_one(DataTable)
        in_table = [int(str(table.coordinate_to_cell_key((r, 0)).row_key.value)) for r in range(3)]
        assert in_table == [e.id for e in desk]
        await pilot.press("s")
        await pilot.pause()
        in_table = [int(str(table.coordinate_to_cell_key((r, 0)).row_key.value)) for r in range(3)]
        assert in_table == least_first
        assert "least confident MT first" in str(screen.query_one("#review-title").render())
