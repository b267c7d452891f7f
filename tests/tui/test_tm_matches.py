"""Translation-memory matches in the editor: shown with their percentage, inserted with a key, and
the revision saved from an unchanged match records origin "tm"."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import Cli
from tests.tui.aids_helpers import tm_rows, wait_for
from tests.tui.conftest import AppFactory, main_screen, revisions_of, segment_at
from tests.tui.key_runs import press_run
from tests.tui.test_editing import cursor_position, editor_text
from workbench.store.database import Database


async def test_a_confirmed_repeat_is_offered_at_100_percent_and_saved_as_tm(
    make_app: AppFactory, seeded_database: Database
) -> None:
    first, repeat = segment_at(seeded_database, 1, 1), segment_at(seeded_database, 1, 2)
    assert first.source == repeat.source  # seed 000 opens with the same paragraph twice
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await press_run(pilot, *"A report says")
        await pilot.press("enter")  # confirmed: now in the memory; on to segment 2
        assert cursor_position(app) == 2
        await wait_for(pilot, lambda: tm_rows(app))
        (row,) = tm_rows(app)
        assert row.startswith("alt+7") and "100%" in row and "A report says" in row
        assert "segment of" in row
        await pilot.press("alt+7")
        assert editor_text(app) == "A report says"
        await pilot.press("ctrl+z")  # inserting is undoable, like copying the MT
        assert editor_text(app) == ""
        await pilot.press("alt+7", "enter")
    saved = segment_at(seeded_database, 1, 2)
    assert (saved.target, saved.status) == ("A report says", "translated")
    assert [r.origin for r in revisions_of(seeded_database, repeat.id)] == ["tm"]
    assert [r.origin for r in revisions_of(seeded_database, first.id)] == ["human"]


async def test_an_imported_fuzzy_match_shows_its_percentage_and_file(
    make_app: AppFactory, seeded_database: Database, cli: Cli, tmp_path: Path
) -> None:
    third = segment_at(seeded_database, 1, 3)
    words = third.source.split()
    near = " ".join([*words[:-2], "الجديدة"])  # the last two words changed: a fuzzy match
    memory = tmp_path / "polls.csv"
    memory.write_text(f"ar,en\n{near},Polling stations closed.\n", encoding="utf-8")
    result = cli("import-tm", str(memory))
    assert result.exit_code == 0, result.output

    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        main_screen(app).go_to_index(2)
        await wait_for(pilot, lambda: tm_rows(app))
        (row,) = tm_rows(app)
        percent = int(row.split("%")[0].split()[-1])
        assert 75 <= percent < 100
        assert "Polling stations closed." in row and "polls.csv" in row
        await pilot.press("alt+7")
        await press_run(pilot, *" Counting began.")  # edited after inserting: the editor's work
        await pilot.press("ctrl+s")
        await pilot.press("alt+8")  # there is no second match: nothing changes
        assert editor_text(app) == "Polling stations closed. Counting began."
    (revision,) = revisions_of(seeded_database, third.id)
    assert (revision.text, revision.origin) == ("Polling stations closed. Counting began.", "human")


async def test_no_match_hides_the_panel_and_the_key_says_so(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause(0.4)  # the lookup has run and found nothing
        assert tm_rows(app) == []
        await pilot.press("alt+7")
        assert editor_text(app) == ""
