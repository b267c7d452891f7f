"""Tagging claims under Pilot: selections in the English target and in the Arabic source become
claims with the right code-point offsets of the stored text, whatever the bidi display."""

from __future__ import annotations

from textual.widgets import Select, TextArea

from tests.tui.claims.helpers import (
    claims_in,
    go_to,
    open_app,
    segment_containing,
    select_in_source,
)
from tests.tui.conftest import AppFactory, main_screen, save_as
from tests.tui.key_runs import press_run
from workbench.services.users import ensure_user
from workbench.store.database import Database
from workbench.store.models import Role
from workbench.tui.claims.form import ClaimFormScreen
from workbench.tui.claims.source_select import SourceSelectScreen

# Latin, Western and Arabic-Indic digits, Arabic with harakat and tatweel, on two lines.
MIXED_TARGET = "Il-76 carried ٢٧ tons,\nsaid قالَ الـوزير 27 times"


async def test_tagging_english_selected_with_shift_arrows(
    make_app: AppFactory, seeded_database: Database
) -> None:
    segment = segment_containing(seeded_database, "27 مليار")
    save_as(seeded_database, "bob", segment.id, MIXED_TARGET, 0)
    app = open_app(make_app, segment)
    async with app.run_test(size=(120, 40)) as pilot:
        await go_to(pilot, app, segment.position)
        editor = main_screen(app).editor
        editor.move_cursor((1, 5))  # "قالَ" on the second line
        # Three characters: stops before the fatha, snapped to include it.
        await press_run(pilot, *(["shift+right"] * 3))
        await pilot.press("ctrl+g")
        assert isinstance(app.screen, ClaimFormScreen)
        app.screen.query_one("#claim_type", Select).value = "statistic"
        await pilot.press("ctrl+s")
        assert not isinstance(app.screen, ClaimFormScreen)
    (claim,) = claims_in(seeded_database)
    start = MIXED_TARGET.index("قالَ")
    assert (claim.side, claim.start, claim.end) == ("en", start, start + 4)
    assert claim.quote == "قالَ" == MIXED_TARGET[claim.start : claim.end]
    assert (claim.claim_type, claim.status) == ("statistic", "draft")


async def test_english_selection_made_backwards_with_the_mouse(
    make_app: AppFactory, seeded_database: Database
) -> None:
    segment = segment_containing(seeded_database, "27 مليار")
    save_as(seeded_database, "bob", segment.id, MIXED_TARGET, 0)
    app = open_app(make_app, segment)
    async with app.run_test(size=(120, 40)) as pilot:
        await go_to(pilot, app, segment.position)
        editor = main_screen(app).editor
        await pilot.mouse_down(editor, offset=(14, 0))  # after "Il-76 carried "... "٢٧ tons"
        await pilot.hover(editor, offset=(0, 0))
        await pilot.mouse_up(editor, offset=(0, 0))
        await pilot.press("ctrl+g", "ctrl+s")
    (claim,) = claims_in(seeded_database)
    assert claim.quote == MIXED_TARGET[claim.start : claim.end] == "Il-76 carried "[: claim.end]
    assert claim.start == 0 and claim.end > 0


async def test_unsaved_english_is_saved_before_it_is_tagged(
    make_app: AppFactory, seeded_database: Database
) -> None:
    segment = segment_containing(seeded_database, "27 مليار")
    app = open_app(make_app, segment)
    async with app.run_test(size=(120, 40)) as pilot:
        await go_to(pilot, app, segment.position)
        await press_run(pilot, *"Trade hit 27 billion dollars")
        await press_run(pilot, *(["shift+left"] * len("27 billion dollars")))
        await pilot.press("ctrl+g", "ctrl+s")
    (claim,) = claims_in(seeded_database)
    assert (claim.side, claim.quote, claim.start) == ("en", "27 billion dollars", 10)


async def select_27_billion(make_app: AppFactory, database: Database, bidi: str) -> tuple[int, int]:
    segment = segment_containing(database, "27 مليار")
    quote = "27 مليار دولار"
    start = segment.source.index(quote)
    app = open_app(make_app, segment, bidi=bidi)
    async with app.run_test(size=(120, 40)) as pilot:
        await go_to(pilot, app, segment.position)
        await select_in_source(pilot, start, len(quote))
        assert isinstance(app.screen, SourceSelectScreen)
        await pilot.press("enter")
        form = app.screen
        assert isinstance(form, ClaimFormScreen) and form.quote == quote
        await pilot.press("ctrl+s")
    claim = claims_in(database)[-1]
    assert claim.quote == segment.source[claim.start : claim.end] == quote
    assert claim.side == "ar"
    return claim.start, claim.end


async def test_source_selection_gives_the_same_offsets_with_bidi_on_and_off(
    make_app: AppFactory, seeded_database: Database
) -> None:
    on = await select_27_billion(make_app, seeded_database, "on")
    off = await select_27_billion(make_app, seeded_database, "off")
    assert on == off


async def test_source_selection_of_latin_names_in_arabic(
    make_app: AppFactory, seeded_database: Database
) -> None:
    segment = segment_containing(seeded_database, "Il-76")
    quote = "Il-76” و”An-12"
    start = segment.source.index(quote)
    app = open_app(make_app, segment, bidi="on")
    async with app.run_test(size=(120, 40)) as pilot:
        await go_to(pilot, app, segment.position)
        await select_in_source(pilot, start, len(quote))
        assert app.screen.query_one("#source-logical", TextArea).selected_text == quote
        await pilot.press("enter", "ctrl+s")
        # The open segment sums its claim up under the source; the list marks the row.
        texts = "\n".join(main_screen(app).detail.texts.text_lines)
        assert "⚑ 1 AR «" in texts
        assert segment.id in main_screen(app).segment_list.claimed
    (claim,) = claims_in(seeded_database)
    assert (claim.start, claim.end, claim.quote) == (start, start + len(quote), quote)


async def test_a_refused_value_is_shown_in_the_form_and_nothing_is_written(
    make_app: AppFactory, seeded_database: Database
) -> None:
    segment = segment_containing(seeded_database, "27 مليار")
    with seeded_database.write() as session:
        ensure_user(session, "alice", Role.REVIEWER)
    app = open_app(make_app, segment)
    async with app.run_test(size=(120, 40)) as pilot:
        await go_to(pilot, app, segment.position)
        await select_in_source(pilot, 0, 5)
        await pilot.press("enter")
        form = app.screen
        assert isinstance(form, ClaimFormScreen)
        form.query_one("#status", Select).value = "approved"  # not even a reviewer approves her own
        await pilot.press("ctrl+s")
        assert app.screen is form
        error = str(form.query_one("#claim-error").render())
        assert "someone else must review or approve it" in error
        await pilot.press("escape")
    assert claims_in(seeded_database) == []
