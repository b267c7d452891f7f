"""Glossary terms of the open segment: listed under the Arabic, their words marked in the source
whatever the display order."""

from __future__ import annotations

from rich.segment import Segment

from tests.tui.conftest import AppFactory, main_screen, segment_at
from workbench.store.database import Database
from workbench.tui.display.bidi import to_visual

TOKAYEV = "توكاييف"


def marked_texts(strips: list[list[Segment]]) -> list[str]:
    return [
        segment.text
        for strip in strips
        for segment in strip
        if segment.style is not None and segment.style.bold and segment.style.underline
    ]


async def test_a_segment_with_tokayev_lists_and_marks_the_term(
    make_app: AppFactory, seeded_database: Database
) -> None:
    # The seeds come with the starter glossary (`workbench glossary import --starter`).
    eighth = segment_at(seeded_database, 1, 8)
    assert TOKAYEV in eighth.source
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        screen = main_screen(app)
        screen.go_to_index(7)
        await pilot.pause()
        lines = screen.detail.texts.text_lines
        (terms,) = [line for line in lines if line.startswith("Glossary:")]
        assert "→ Kassym-Jomart Tokayev" in terms  # the longest term wins
        assert to_visual(TOKAYEV) in terms  # Arabic in an English line is drawn converted too
        texts = screen.detail.texts
        strips = [list(texts.render_line(y)) for y in range(texts.size.height)]
        # The term's own letters are marked (not the full stop after it), drawn as the terminal
        # must receive them: shaped, and right to left.
        name = "قاسم جومارت توكاييف"
        assert f"{name}." in eighth.source
        assert marked_texts(strips) == [to_visual(name)]
        # Without conversion (a terminal with its own bidi), the logical words are marked.
        await pilot.press("f3", "f3")  # auto -> on -> off
        strips = [list(texts.render_line(y)) for y in range(texts.size.height)]
        assert marked_texts(strips) == [name]
