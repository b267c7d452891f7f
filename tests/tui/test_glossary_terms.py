"""Glossary terms of the open segment: listed under the Arabic, their words marked in the source
whatever the display order."""

from __future__ import annotations

from rich.segment import Segment

from tests.tui.conftest import AppFactory, main_screen, segment_at
from workbench.store.database import Database
from workbench.tui.bidi import to_visual
from workbench.tui.word_marks import display_marked, marked_words

TOKAYEV = "توكاييف"
MIRROR = str.maketrans("()", ")(")


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
        # Whole words are marked (here the name's three words, the last with its full stop),
        # each drawn as the terminal must receive it: shaped, and right to left.
        name = ["قاسم", "جومارت", "توكاييف."]
        assert " ".join(name) in eighth.source
        assert marked_texts(strips) == [to_visual(word) for word in reversed(name)]
        # Without conversion (a terminal with its own bidi), the logical word is marked.
        await pilot.press("f3", "f3")  # auto -> on -> off
        strips = [list(texts.render_line(y)) for y in range(texts.size.height)]
        assert marked_texts(strips) == name


def test_marked_words_follow_their_words_through_reordering() -> None:
    # Arabic, a Latin name, digits and a bracket: the display order differs from the logical one.
    line = "وصلت طائرة Il-76 إلى آستانا (27 مليار) مساء"
    words = line.split(" ")
    for number, word in enumerate(words):
        marks = [index == number for index in range(len(words))]
        runs = display_marked(line, marks, enabled=True)
        assert "".join(text for text, _ in runs) == to_visual(line)
        marked = [text for text, on in runs if on]
        assert len(marked) == 1
        # The marked characters are the word's own as drawn (shaped, reversed if Arabic; a
        # bracket may be mirrored by its new context).
        assert sorted(marked[0].translate(MIRROR)) in (
            sorted(to_visual(word)),
            sorted(to_visual(word).translate(MIRROR)),
        )


def test_marks_without_conversion_and_spans_to_words() -> None:
    source = "قال  توكاييف في آستانا"
    assert marked_words(source, [(5, 12)]) == [False, True, False, False]
    line = " ".join(source.split())
    runs = display_marked(line, [False, True, False, True], enabled=False)
    assert runs == [("قال ", False), ("توكاييف", True), (" في ", False), ("آستانا", True)]
    assert display_marked(line, [False] * 4, enabled=True) == [(to_visual(line), False)]
