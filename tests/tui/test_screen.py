"""What the main screen shows: Arabic per bidi mode, status bar, help, keymap, no model."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.tui.conftest import AppFactory, main_screen, save_as, segment_at
from tests.tui.test_editing import cursor_position
from workbench.config import ConfigError
from workbench.store.database import Database
from workbench.tui.app import WorkbenchApp
from workbench.tui.display.bidi import to_visual
from workbench.tui.editor.target_editor import TargetEditor
from workbench.tui.keys.help import HelpScreen

VTE = {"TERM": "xterm-256color", "VTE_VERSION": "7600"}


def list_line(app: WorkbenchApp, y: int) -> str:
    return main_screen(app).segment_list.render_line(y).text


def label_text(app: WorkbenchApp, selector: str) -> str:
    return str(app.screen.query_one(selector).render())


async def test_rows_show_position_status_arabic_and_english(
    make_app: AppFactory, seeded_database: Database
) -> None:
    first = segment_at(seeded_database, 1, 1)
    save_as(seeded_database, "bob", first.id, "A report says", 0, status="translated")
    app = make_app()
    async with app.run_test(size=(120, 36)):
        line = list_line(app, 0)
        assert line.startswith("  1 ●")  # position, translated
        assert "A report says" in line
        arabic = line.split("│")[0][5:].rstrip()
        # Converted for a terminal without bidi, cut at its logical end (the left on screen),
        # so the sentence's first words are at the right, next to the English.
        assert arabic.lstrip().startswith("…")
        assert to_visual(first.source).endswith(arabic[-40:])
        assert list_line(app, 1).startswith("  2 ○")


async def test_bidi_mode_follows_terminal_and_toggles(make_app: AppFactory) -> None:
    app = make_app(environ=VTE)  # VTE reorders by itself: send logical text
    async with app.run_test(size=(120, 36)) as pilot:
        source = main_screen(app).current.row.source  # type: ignore[union-attr]
        assert source.split()[0] in list_line(app, 0)
        assert "bidi auto (off)" in label_text(app, "#bidi")
        await pilot.press("f3")  # auto -> on
        assert to_visual(source.split()[0]) in list_line(app, 0)
        assert "bidi on (on)" in label_text(app, "#bidi")
        await pilot.press("f3")  # on -> off
        assert "bidi off (off)" in label_text(app, "#bidi")
        assert source.split()[0] in list_line(app, 0)
        # Editing stays in logical order whatever the display does.
        await pilot.press(*"قال")
        assert main_screen(app).editor.text == "قال"


async def test_bidi_setting_from_the_command_line_flag(make_app: AppFactory) -> None:
    app = make_app(bidi="off")
    async with app.run_test(size=(120, 36)):
        assert "bidi off (off)" in label_text(app, "#bidi")


async def test_status_bar_counts_and_test_model_label(
    make_app: AppFactory, argos_model: object
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        assert label_text(app, "#counts") == "17 new"
        assert "TEST MODEL" in label_text(app, "#model")
        await pilot.press(*"x", "enter")
        assert label_text(app, "#counts") == "16 new · 1 translated"


async def test_without_a_model_sources_show_and_the_install_command_is_given(
    make_app: AppFactory,
) -> None:
    app = make_app(translate=True)
    async with app.run_test(size=(120, 36)) as pilot:
        assert app.model is None
        assert "no MT model" in label_text(app, "#model")
        assert "workbench models install" in "\n".join(main_screen(app).detail.texts.text_lines)
        assert list_line(app, 0).startswith("  1 ○")
        assert not [w for w in app.workers if w.group == "mt"]
        await pilot.press("ctrl+t")  # nothing to copy: says so, changes nothing
        assert main_screen(app).editor.text == ""
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        assert app.screen.missing_model and "workbench models install" in app.screen.missing_model


async def test_help_lists_keys_as_remapped(make_app: AppFactory, seeded_database: Database) -> None:
    app = make_app(keymap={"confirm": "ctrl+o", "next_segment": "ctrl+j"})
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("x", "ctrl+o")  # the remapped confirm
        assert segment_at(seeded_database, 1, 1).status == "translated"
        assert cursor_position(app) == 2
        await pilot.press("ctrl+j")
        assert cursor_position(app) == 3
        await pilot.press("y", "enter")  # enter no longer confirms: it is a newline again
        assert main_screen(app).editor.text == "y\n"
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        keys = {binding_id: key for key, _, binding_id in app.screen.key_rows}
        assert (keys["confirm"], keys["next_segment"], keys["copy_mt"]) == (
            "ctrl+o",
            "ctrl+j",
            "ctrl+t",
        )
        await pilot.press("escape")
        assert app.screen is main_screen(app)


def test_unknown_keymap_action_is_refused(make_app: AppFactory) -> None:
    with pytest.raises(ConfigError, match="unknown action"):
        make_app(keymap={"confrim": "ctrl+o"})


def test_keymap_from_the_config_file_reaches_the_app(
    make_app: AppFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "config.toml"
    config.write_text('[keymap]\nconfirm = "ctrl+o"\n', encoding="utf-8")
    monkeypatch.setenv("WORKBENCH_CONFIG", str(config))
    app = make_app()
    assert app.settings.keymap == {"confirm": "ctrl+o"}


async def test_editor_keeps_focus_and_footer_shows_bindings(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)):
        assert isinstance(app.focused, TargetEditor)
        footer_keys = {binding.id for (_, binding, enabled, _) in app.active_bindings.values()}
        assert {"confirm", "save_draft", "copy_mt", "go_to", "search"} <= footer_keys
