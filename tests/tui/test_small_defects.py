"""The smaller defects of the screen a new user met, each fixed and kept fixed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from rich.console import Console
from textual.widgets import Input, Label, Static

from tests.tui.aids_helpers import wait_for
from tests.tui.conftest import AppFactory, main_screen, save_as, segment_at
from tests.tui.key_runs import press_run
from workbench.services.review import reject_segment
from workbench.services.users import ensure_user
from workbench.store.database import Database
from workbench.store.models import Role
from workbench.tui import app as app_module
from workbench.tui.claims.form import ClaimFormScreen
from workbench.tui.editor.status_bar import StatusBar
from workbench.tui.keys.help import HelpScreen
from workbench.tui.review.desk import ReviewScreen


def rendered(renderable: object, width: int = 120) -> str:
    console = Console(width=width, record=True, color_system=None)
    console.print(renderable)
    return console.export_text()


def reject_second(database: Database) -> None:
    """Segment 2 of document 1: translated by alice, sent back to her by rita."""
    second = segment_at(database, 1, 2)
    save_as(database, "alice", second.id, "Alice's text.", 0, "translated")
    with database.write() as session:
        ensure_user(session, "rita", Role.REVIEWER)
    reject_segment(database, "rita", second.id, "Check the names.")


async def test_help_shows_its_keymap_header_and_the_selection_keys(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        text = "\n".join(rendered(static.content) for static in app.screen.query(Static))
        assert "id (for [keymap])" in text
        for keys in ("shift+arrows", "f5", "f6 / f7", "ctrl+home / ctrl+end", "ctrl+pagedown"):
            assert keys in text, keys


async def test_search_opens_empty_and_names_the_current_term(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("ctrl+f")
        await press_run(pilot, *"the")
        await pilot.press("enter")
        await pilot.pause()
        assert main_screen(app).rows is not None
        assert main_screen(app).rows.filter.search == "the"  # type: ignore[union-attr]
        await pilot.press("ctrl+f")
        await pilot.pause()
        assert app.screen.query_one("#prompt-input", Input).value == ""
        assert "(now: the)" in str(app.screen.query_one(".dialog-title", Label).render())
        await pilot.press("enter")  # empty: shows everything again
        await pilot.pause()
        assert main_screen(app).rows.filter.is_empty  # type: ignore[union-attr]


async def test_enter_and_ctrl_n_stop_at_a_segment_returned_to_me(
    make_app: AppFactory, seeded_database: Database
) -> None:
    reject_second(seeded_database)
    app = make_app(user="alice")
    async with app.run_test(size=(120, 36)) as pilot:
        await press_run(pilot, *"First.")
        await pilot.press("enter")
        await pilot.pause()
        screen = main_screen(app)
        assert screen.current is not None and screen.current.row.position == 2
        # The heading says who sent it back, not that the reviewer "saved" it.
        heading = screen.detail.texts.text_lines[0]
        assert "rejected by rita" in heading and "saved by" not in heading
        screen.go_to_index(0)
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert screen.current.row.position == 2


async def test_status_line_keeps_the_bidi_mode_with_a_filter_at_80_columns(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+f")
        await press_run(pilot, *"a long search term that fills the line")
        await pilot.press("enter")
        await pilot.pause()
        bar = main_screen(app).query_one(StatusBar)
        bidi = bar.query_one("#bidi", Label)
        assert bidi.region.right <= 80 and bidi.region.width >= len("bidi auto (on)")
        assert bar.query_one("#filter", Label).region.right <= bidi.region.x
        assert bar.region.height == 1


async def test_the_claim_form_shows_which_field_has_the_focus(
    make_app: AppFactory, seeded_database: Database
) -> None:
    first = segment_at(seeded_database, 1, 1)
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        main_screen(app).open_claim_form(
            first.id, 1, "ar", first.source, (0, 3), other=first.target
        )
        await pilot.pause()
        form = app.screen
        assert isinstance(form, ClaimFormScreen)
        labels = list(form.query(".claim-field").results(Label))
        for _ in range(3):  # the focused field's name, and only its, stands out
            marked = [label for label in labels if label.rich_style.reverse]
            assert len(marked) == 1
            assert form.focused is not None and marked[0].parent in form.focused.ancestors
            await pilot.press("tab")
            await pilot.pause(0.1)


async def test_target_editor_goes_to_start_and_end_and_selects_all(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        editor = main_screen(app).editor
        await press_run(pilot, *"one two")
        await pilot.press("shift+enter")
        await press_run(pilot, *"three")
        await pilot.pause()
        lines = editor.text.split("\n")
        await pilot.press("ctrl+home")
        assert editor.cursor_location == (0, 0)
        await pilot.press("ctrl+end")
        assert editor.cursor_location == (len(lines) - 1, len(lines[-1]))
        await pilot.press("f7")
        assert editor.selected_text == editor.text


async def test_review_desk_shows_checks_at_once_and_names_by_position(
    make_app: AppFactory, seeded_database: Database
) -> None:
    eighth = segment_at(seeded_database, 1, 8)
    save_as(seeded_database, "bob", eighth.id, "Eight  candidates.", 0, "translated")
    with seeded_database.write() as session:
        ensure_user(session, "rita", Role.REVIEWER)
    app = make_app(user="rita")
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.press("f9")
        await pilot.pause()
        desk = app.screen
        assert isinstance(desk, ReviewScreen)
        text = rendered(desk.query_one("#review-segment", Static).content, 100)
        assert "Segment 8 of document 1" in text
        assert "Checks" in text and "double-space" in text  # without pressing anything


async def test_a_model_installed_while_the_app_runs_is_used(
    make_app: AppFactory,
    argos_packages_dir: Path,
    argos_model_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(app_module, "MODEL_RECHECK_SECONDS", 0.0)
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        assert app.model is None
        assert "no MT model" in str(main_screen(app).query_one("#model", Label).render())
        shutil.copytree(argos_model_dir, argos_packages_dir, dirs_exist_ok=True)  # installed
        await pilot.press("ctrl+down")  # the MT panel of the next segment looks again
        await wait_for(pilot, lambda: app.model is not None)
        assert "no MT model" not in str(main_screen(app).query_one("#model", Label).render())
        assert "workbench models install" not in "\n".join(main_screen(app).detail.texts.text_lines)
