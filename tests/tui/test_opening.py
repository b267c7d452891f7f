"""What makes screens open fast must not change what they show (issue 14 item 1): the footer
kept over dialogs, the claim form built once and refilled, Enter's shortcuts after a save."""

from __future__ import annotations

from sqlalchemy import select
from textual.widgets import Input, Label, Select, TextArea
from textual.widgets._footer import FooterKey

from tests.tui.conftest import AppFactory, main_screen, save_as, segment_at
from tests.tui.key_runs import press_run
from workbench.store.database import Database
from workbench.store.models import Segment
from workbench.tui.app import WorkbenchApp
from workbench.tui.claims.form import ClaimFormScreen


def footer_keys(app: WorkbenchApp) -> dict[str, FooterKey]:
    return {key.action: key for key in main_screen(app).query(FooterKey)}


async def test_the_footer_outlives_a_dialog_but_follows_its_keys(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.pause()
        before = footer_keys(app)
        assert before["confirm"].disabled is False
        for opener in ("f1", "ctrl+f", "ctrl+l"):  # help, search, go to: open, then close
            await pilot.press(opener)
            await pilot.pause()
            await pilot.press("escape")
            await pilot.pause()
        after = footer_keys(app)
        assert all(after[action] is key for action, key in before.items())  # the same widgets
        await pilot.press("f2")  # the document list, on its own screen: the editor's keys go
        await pilot.pause()
        shown = {key.action: key for key in app.screen.query(FooterKey)}
        assert "confirm" not in shown and "documents" in shown and "select" in shown
        await pilot.press("f2")  # and back: the main screen's footer was left as it was
        await pilot.pause()
        assert all(footer_keys(app)[action] is key for action, key in before.items())


async def test_the_claim_form_is_built_once_and_opens_fresh_each_time(
    make_app: AppFactory, seeded_database: Database
) -> None:
    first, second = segment_at(seeded_database, 1, 1), segment_at(seeded_database, 1, 2)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        main = main_screen(app)
        main.open_claim_form(first.id, 1, "ar", first.source, (0, 3), other=None)
        await pilot.pause()
        form = app.screen
        assert isinstance(form, ClaimFormScreen)
        form.query_one("#claim_type", Select).value = "statistic"
        form.query_one("#claim_date", Input).value = "2023-13"
        form.query_one("#evidence_links", TextArea).load_text("https://example.org/a")
        await pilot.press("ctrl+s")  # refused: the bad date is named under the fields
        assert "date" in str(form.query_one("#claim-error", Label).render())
        form.query_one("#notes", Input).focus()
        await pilot.press("escape")
        await pilot.pause()

        main.open_claim_form(second.id, 2, "ar", second.source, (0, 2), other=second.target)
        await pilot.pause()
        assert app.screen is form  # the same form, filled for the new claim
        assert form.quote == second.source[:2] and form.position == 2
        assert "segment 2" in str(form.query_one("#claim-title", Label).render())
        assert form.query_one("#claim_type", Select).value is Select.NULL
        assert form.query_one("#status", Select).value == "draft"
        assert form.query_one("#claim_date", Input).value == ""
        assert form.query_one("#evidence_links", TextArea).text == ""
        assert str(form.query_one("#claim-error", Label).render()) == ""
        assert form.aligned is None and form.aligned_changed is False
        assert form.focused is form.query_one("#claim_type", Select)
        await pilot.press("escape")


async def test_enter_on_the_last_unconfirmed_segment_shows_it_saved(
    make_app: AppFactory, seeded_database: Database
) -> None:
    with seeded_database.read() as session:
        rows = session.execute(
            select(Segment.id, Segment.position).where(Segment.document_id == 1)
        ).all()
    for segment_id, position in rows:
        if position != 1:
            save_as(seeded_database, "bob", segment_id, f"Done {position}", 0, "translated")
    app = make_app(document_id=1)
    async with app.run_test(size=(120, 40)) as pilot:
        main = main_screen(app)
        await press_run(pilot, *"The last one")
        await pilot.press("enter")
        await pilot.pause()
        assert main.current is not None and main.current.row.position == 1  # nowhere to go
        assert " · translated · v1" in main.detail.texts.shown.heading  # shown as saved
        assert main.rows is not None and main.rows.row(0).status == "translated"  # its list row
        messages = [notification.message for notification in app._notifications]
        assert "Every segment here is confirmed." in messages
