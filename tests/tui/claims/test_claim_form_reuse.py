"""The app's one claim form, built once and refilled: for new claims and for the claims panel's
edit alike, each showing its own claim and nothing of the one before."""

from __future__ import annotations

from textual.widgets import Input, Label, Select

from tests.tui.claims.helpers import claims_in, segment_containing
from tests.tui.claims.test_claims_panel import open_panel, tag
from tests.tui.conftest import AppFactory, main_screen
from workbench.store.database import Database
from workbench.tui.app import WorkbenchApp
from workbench.tui.claims.form import ClaimFormScreen
from workbench.tui.claims.panel import ClaimsPanel


def _shown(form: ClaimFormScreen, label_id: str) -> str:
    return str(form.query_one(f"#{label_id}", Label).render())


def _form(app: WorkbenchApp) -> ClaimFormScreen:
    form = app.screen
    assert isinstance(form, ClaimFormScreen)
    return form


async def test_the_panels_edit_and_a_new_claim_share_one_form_each_filled_for_its_claim(
    make_app: AppFactory, seeded_database: Database
) -> None:
    segment = segment_containing(seeded_database, "27 مليار")
    tag(seeded_database, segment, "27 مليار دولار", verdict="supports", notes="bureau figure")
    app = make_app(document_id=segment.document_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_panel(pilot)
        await pilot.press("e")
        edited = _form(app)
        assert edited.query_one("#verdict", Select).value == "supports"
        assert edited.query_one("#notes", Input).value == "bureau figure"
        assert "27 مليار دولار" in edited.quote
        await pilot.press("escape")
        assert isinstance(app.screen, ClaimsPanel)
        await pilot.press("e")  # again: the same form, the claim's values again
        assert _form(app) is edited
        edited.query_one("#notes", Input).value = "typed, then cancelled"
        await pilot.press("escape", "escape")

        # A new claim on the English side: the same form, blank, its aligned span on the Arabic.
        screen = main_screen(app)
        assert screen.current is not None
        row = screen.current.row
        screen.open_claim_form(row.id, row.position, "en", "Trade [b]grew[/b]", (0, 17), other="x")
        await pilot.pause()
        fresh = _form(app)
        assert fresh is edited
        assert fresh.query_one("#verdict", Select).value == Select.NULL
        assert fresh.query_one("#notes", Input).value == ""
        assert fresh.query_one("#status", Select).value == "draft"
        assert _shown(fresh, "claim-aligned-name") == "Aligned Arabic"
        assert "[b]grew[/b]" in _shown(fresh, "claim-quote")  # the text, never markup
        await pilot.press("escape")
    (claim,) = claims_in(seeded_database)
    assert claim.notes == "bureau figure"  # the cancelled edit wrote nothing
