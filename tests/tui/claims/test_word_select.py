"""F5 selects a word and, pressed again, the next one: in the English target and in the Arabic
selector, so a claim of a few words can be tagged from the keyboard alone."""

from __future__ import annotations

from tests.tui.claims.helpers import claims_in, go_to, open_app, segment_containing
from tests.tui.conftest import AppFactory, main_screen, save_as
from workbench.store.database import Database
from workbench.tui.claims.form import ClaimFormScreen
from workbench.tui.claims.source_select import SourceSelectScreen
from workbench.tui.common.word_select import word_bounds

TRADE = "27 مليار دولار"
TARGET = "Trade reached “27 billion dollars”, said Il-76 pilots."


def test_word_bounds_leave_punctuation_out_and_keep_harakat_and_tatweel() -> None:
    line = "قالَ: «الـوزير» إن Il-76” وصلت، أمس."
    words = []
    column = 0
    while (bounds := word_bounds(line, column)) is not None:
        words.append(line[bounds[0] : bounds[1]])
        column = bounds[1]
    assert words == ["قالَ", "الـوزير", "إن", "Il-76", "وصلت", "أمس"]
    inside = line.index("وزير")
    assert word_bounds(line, inside) == (line.index("الـوزير"), line.index("»"))
    assert word_bounds("   ", 0) is None
    assert word_bounds("«…»", 0) is None  # punctuation only: no word


async def test_f5_selects_english_words_for_a_claim(
    make_app: AppFactory, seeded_database: Database
) -> None:
    segment = segment_containing(seeded_database, TRADE)
    save_as(seeded_database, "bob", segment.id, TARGET, 0)
    app = open_app(make_app, segment)
    async with app.run_test(size=(120, 40)) as pilot:
        await go_to(pilot, app, segment.position)
        editor = main_screen(app).editor
        editor.move_cursor((0, TARGET.index("billion") + 2))  # inside a word
        await pilot.press("f5")
        assert editor.selected_text == "billion"
        await pilot.press("f5")
        assert editor.selected_text == "billion dollars"  # the closing quote left out
        await pilot.press("ctrl+g")
        assert isinstance(app.screen, ClaimFormScreen)
        await pilot.press("ctrl+s")
    (claim,) = claims_in(seeded_database)
    assert (claim.side, claim.quote) == ("en", "billion dollars")
    assert TARGET[claim.start : claim.end] == claim.quote


async def test_f5_selects_arabic_words_in_the_source_selector(
    make_app: AppFactory, seeded_database: Database
) -> None:
    segment = segment_containing(seeded_database, TRADE)
    start = segment.source.index(TRADE)
    app = open_app(make_app, segment, bidi="on")
    async with app.run_test(size=(120, 40)) as pilot:
        await go_to(pilot, app, segment.position)
        await pilot.press("ctrl+g")
        select = app.screen
        assert isinstance(select, SourceSelectScreen)
        select.area.move_cursor(select.area.document.get_location_from_index(start))
        await pilot.press("f5", "f5", "f5")
        assert select.area.selected_text == TRADE
        await pilot.press("enter", "ctrl+s")
    (claim,) = claims_in(seeded_database)
    assert (claim.side, claim.start, claim.end, claim.quote) == (
        "ar",
        start,
        start + len(TRADE),
        TRADE,
    )
