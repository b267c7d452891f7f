"""The claims panel shown again: read afresh only when its claims (or their segments) changed.

What is kept must never be stale: a claim tagged, edited or its segment saved by someone else
while the panel was closed shows when it is opened again; opened again unchanged, the list read
before is kept (the table's cells too: drawing them again was most of the cost of opening).
"""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import DataTable

from tests.tui.claims.helpers import segment_containing
from tests.tui.claims.test_claims_panel import tag
from tests.tui.conftest import AppFactory, save_as, segment_at
from workbench.services.claims import update_claim
from workbench.services.users import ensure_user
from workbench.store.database import Database
from workbench.tui.app import WorkbenchApp
from workbench.tui.claims.panel import ClaimsPanel


async def _reopen(app: WorkbenchApp, pilot: Pilot[None]) -> ClaimsPanel:
    if isinstance(app.screen, ClaimsPanel):
        await pilot.press("escape")
        await pilot.pause()
    await pilot.press("ctrl+o")
    await pilot.pause()
    assert isinstance(app.screen, ClaimsPanel)
    return app.screen


def _cells(panel: ClaimsPanel, column: int) -> list[str]:
    table = panel.query_one(DataTable)
    return [str(table.get_row_at(row)[column]) for row in range(table.row_count)]


async def test_the_panel_shown_again_shows_what_changed_meanwhile(
    make_app: AppFactory, seeded_database: Database
) -> None:
    segment = segment_containing(seeded_database, "Il-76")
    first = tag(seeded_database, segment, "Il-76", claim_type="statistic")
    app = make_app(document_id=segment.document_id)
    async with app.run_test(size=(120, 40)) as pilot:
        panel = await _reopen(app, pilot)
        read = panel.claims
        assert _cells(panel, 0) == [str(first)]
        assert (await _reopen(app, pilot)).claims is read  # unchanged: kept, not read again

        second = tag(seeded_database, segment, "70 طائرة")  # tagged by bob meanwhile
        panel = await _reopen(app, pilot)
        assert sorted(_cells(panel, 0)) == sorted([str(first), str(second)])

        with seeded_database.write() as session:
            bob = ensure_user(session, "bob")
            update_claim(session, first, bob, {"verdict": "refutes"}, expect_version=1)
        panel = await _reopen(app, pilot)
        assert any("efute" in cell for cell in _cells(panel, 4))

        # The segment's English saved by someone else: its claims are read again with it.
        row = segment_at(seeded_database, segment.document_id, segment.position)
        read = panel.claims
        save_as(seeded_database, "carol", row.id, "The Il-76 landed.", row.version)
        assert (await _reopen(app, pilot)).claims is not read
