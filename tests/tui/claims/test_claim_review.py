"""Deciding on a claim in the claim form: only a reviewer other than its tagger, as in the CLI."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import Select

from tests.dbstate import table_dump
from tests.tui.claims.helpers import claims_in, segment_containing
from tests.tui.claims.test_claims_panel import open_panel, tag
from tests.tui.conftest import AppFactory
from workbench.services.users import ensure_user
from workbench.store.database import Database
from workbench.store.models import Role
from workbench.tui.app import WorkbenchApp
from workbench.tui.claims.form import ClaimFormScreen
from workbench.tui.claims.panel import ClaimsPanel


async def approve_in_form(pilot: Pilot[None], app: WorkbenchApp) -> ClaimFormScreen:
    """Open the first claim of the panel, set approved and refutes, and save (Ctrl+S)."""
    await open_panel(pilot)
    await pilot.press("e")
    form = app.screen
    assert isinstance(form, ClaimFormScreen)
    form.query_one("#status", Select).value = "approved"
    form.query_one("#verdict", Select).value = "refutes"
    await pilot.press("ctrl+s")
    await pilot.pause()
    return form


async def test_an_editor_cannot_approve_a_claim_in_the_form(
    make_app: AppFactory, seeded_database: Database, db_url: str
) -> None:
    segment = segment_containing(seeded_database, "27 مليار")
    tag(seeded_database, segment, "27 مليار دولار")  # tagged by bob
    before = table_dump(db_url)
    app = make_app(user="nobody", document_id=segment.document_id)
    async with app.run_test(size=(120, 40)) as pilot:
        form = await approve_in_form(pilot, app)
        assert app.screen is form  # the form stays open with the service's words under it
        error = str(form.query_one("#claim-error").render())
        assert "approving a claim needs the reviewer or admin role; nobody is an editor" in error
        await pilot.press("escape")
    assert table_dump(db_url) == before


async def test_a_reviewer_other_than_the_tagger_approves_in_the_form(
    make_app: AppFactory, seeded_database: Database
) -> None:
    segment = segment_containing(seeded_database, "27 مليار")
    claim_id = tag(seeded_database, segment, "27 مليار دولار")  # tagged by bob
    with seeded_database.write() as session:
        rana = ensure_user(session, "rana", Role.REVIEWER)
        rana_id = rana.id
    app = make_app(user="rana", document_id=segment.document_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await approve_in_form(pilot, app)
        assert isinstance(app.screen, ClaimsPanel)
    (claim,) = claims_in(seeded_database)
    assert (claim.id, claim.status, claim.verdict) == (claim_id, "approved", "refutes")
    assert claim.status_by_id == rana_id
