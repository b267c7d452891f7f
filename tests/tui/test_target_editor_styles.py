"""The target editor works its theme's colours out once per change of styles, not on every paint:
they must still follow a new theme and a change of its CSS (a class set on it)."""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual.app import App, ComposeResult

from workbench.tui.editor.target_editor import TargetEditor


class EditorApp(App[None]):
    CSS = "TargetEditor.-alert > .text-area--cursor { background: red; }"

    def compose(self) -> ComposeResult:
        yield TargetEditor("Kazakhstan said on Monday.", id="target")


def _text_line(editor: TargetEditor) -> list[Segment]:
    """The segments of the line holding the text (below the editor's top border)."""
    for strip in editor.render_lines(editor.size.region):
        if "Kazakhstan" in strip.text:
            return list(strip)
    raise AssertionError("the text is not drawn")


def _first_cell(editor: TargetEditor) -> Style:
    """The style of the first letter: the cursor's, the cursor being at the start."""
    segment = next(s for s in _text_line(editor) if s.text.startswith("K"))
    return segment.style or Style()


def _line_background(editor: TargetEditor) -> object:
    segment = next(s for s in _text_line(editor) if "said" in s.text)
    return (segment.style or Style()).bgcolor


async def test_the_cursor_follows_a_change_of_css() -> None:
    app = EditorApp()
    async with app.run_test() as pilot:
        editor = app.query_one(TargetEditor)
        editor.focus()
        editor.cursor_blink = False  # the cursor drawn at every paint
        await pilot.pause()
        before = _first_cell(editor)
        editor.add_class("-alert")
        await pilot.pause()
        after = _first_cell(editor)
        assert after.bgcolor is not None and after.bgcolor.triplet == (255, 0, 0)
        assert after != before
        editor.remove_class("-alert")
        await pilot.pause()
        assert _first_cell(editor) == before


async def test_the_colours_follow_a_new_theme() -> None:
    app = EditorApp()
    async with app.run_test() as pilot:
        editor = app.query_one(TargetEditor)
        app.theme = "textual-dark"
        await pilot.pause()
        dark = _line_background(editor)
        app.theme = "textual-light"
        await pilot.pause()
        assert _line_background(editor) != dark
        app.theme = "textual-dark"
        await pilot.pause()
        assert _line_background(editor) == dark
