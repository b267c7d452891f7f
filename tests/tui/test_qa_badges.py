"""Quality-check badges for the open segment: shown on open, while typing and after a save."""

from __future__ import annotations

from tests.tui.aids_helpers import qa_codes, wait_for
from tests.tui.conftest import AppFactory, main_screen, save_as, segment_at
from tests.tui.key_runs import press_run
from workbench.config import load_settings
from workbench.qa.segments import segment_issues
from workbench.store.database import Database


async def test_a_wrong_number_shows_a_badge_and_fixing_it_clears_it(
    make_app: AppFactory, seeded_database: Database
) -> None:
    eighth = segment_at(seeded_database, 1, 8)
    assert " 7 " in eighth.source
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        main_screen(app).go_to_index(7)
        await pilot.pause(0.5)
        assert qa_codes(app) == []  # nothing typed yet: work to do, not an issue
        await press_run(pilot, *"Tokayev and 8 candidates")
        await pilot.press("ctrl+s")  # a save checks at once
        assert "number-mismatch" in qa_codes(app)
        rendered = str(main_screen(app).detail.qa.render())
        assert "7 in the source is not in the English" in rendered
        await press_run(pilot, *(["left"] * len(" candidates")), "backspace")
        await pilot.press("7")
        # While typing, the checks run again after a short pause.
        await wait_for(pilot, lambda: "number-mismatch" not in qa_codes(app))
        await pilot.press("ctrl+s")
    settings = load_settings()
    with seeded_database.read() as session:
        codes = [found.code for found in segment_issues(session, eighth.id, settings)]
    assert "number-mismatch" not in codes
    assert segment_at(seeded_database, 1, 8).target == "Tokayev and 7 candidates"


async def test_a_finished_segment_opens_with_its_badges(
    make_app: AppFactory, seeded_database: Database
) -> None:
    eighth = segment_at(seeded_database, 1, 8)
    save_as(seeded_database, "bob", eighth.id, "Eight  candidates.", 0, "translated")
    with seeded_database.read() as session:
        expected = [found.code for found in segment_issues(session, eighth.id, load_settings())]
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        main_screen(app).go_to_index(7)
        # The same issues as `workbench qa` finds for the stored segment, a moment after opening.
        await wait_for(pilot, lambda: qa_codes(app))
        assert qa_codes(app) == expected
        assert {"double-space", "glossary-term-missing"} <= set(expected)
