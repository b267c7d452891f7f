"""The claims panel under Pilot: go to a claim's segment, edit, delete, history, stale edits."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Select

from tests.tui.claims.helpers import claims_in, history_of, segment_containing
from tests.tui.conftest import AppFactory, main_screen
from workbench.services.claims import tag_claim, update_claim
from workbench.services.users import ensure_user
from workbench.store.database import Database
from workbench.store.models import Segment
from workbench.tui.claims.form import ClaimFormScreen
from workbench.tui.claims.history import ClaimHistoryScreen, ConfirmScreen
from workbench.tui.claims.panel import ClaimsPanel

SnapCompare = Callable[..., bool]


def tag(database: Database, segment: Segment, quote: str, **fields: Any) -> int:
    start = segment.source.index(quote)
    with database.write() as session:
        bob = ensure_user(session, "bob")
        view = tag_claim(
            session, segment.id, "ar", start, start + len(quote), author=bob, fields=fields or None
        )
    return view.id


async def open_panel(pilot: Pilot[None]) -> ClaimsPanel:
    await pilot.press("ctrl+o")
    panel = pilot.app.screen
    assert isinstance(panel, ClaimsPanel)
    return panel


async def test_enter_jumps_to_the_claims_segment(
    make_app: AppFactory, seeded_database: Database
) -> None:
    segment = segment_containing(seeded_database, "Il-76")
    tag(seeded_database, segment, "Il-76", claim_type="statistic")
    app = make_app(document_id=segment.document_id)
    async with app.run_test(size=(120, 40)) as pilot:
        panel = await open_panel(pilot)
        assert panel.query_one(DataTable).row_count == 1
        await pilot.press("enter")
        screen = main_screen(app)
        assert app.screen is screen
        assert screen.current is not None and screen.current.row.position == segment.position


async def test_edit_changes_the_claim_and_adds_to_its_history(
    make_app: AppFactory, seeded_database: Database
) -> None:
    segment = segment_containing(seeded_database, "27 مليار")
    claim_id = tag(seeded_database, segment, "27 مليار دولار")
    app = make_app(document_id=segment.document_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_panel(pilot)
        await pilot.press("e")
        form = app.screen
        assert isinstance(form, ClaimFormScreen)
        form.query_one("#verdict", Select).value = "supports"
        form.query_one("#claim_text_en", Input).value = "Trade reached $27bn last year"
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, ClaimsPanel)
        await pilot.press("h")
        history = app.screen
        assert isinstance(history, ClaimHistoryScreen)
        assert [entry.action for entry in history.entries] == ["created", "updated"]
    (claim,) = claims_in(seeded_database)
    assert (claim.verdict, claim.claim_text_en) == ("supports", "Trade reached $27bn last year")
    assert claim.updated_by_id is not None
    assert [row.version for row in history_of(seeded_database, claim_id)] == [1, 2]


async def test_delete_asks_first_then_soft_deletes(
    make_app: AppFactory, seeded_database: Database
) -> None:
    segment = segment_containing(seeded_database, "27 مليار")
    claim_id = tag(seeded_database, segment, "27 مليار دولار")
    app = make_app(document_id=segment.document_id)
    async with app.run_test(size=(120, 40)) as pilot:
        panel = await open_panel(pilot)
        await pilot.press("d")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        assert claims_in(seeded_database)
        await pilot.press("d", "y")
        assert app.screen is panel and panel.query_one(DataTable).row_count == 0
    assert claims_in(seeded_database) == []
    (deleted,) = claims_in(seeded_database, deleted=True)
    assert deleted.id == claim_id and deleted.deleted_at is not None
    assert [row.action for row in history_of(seeded_database, claim_id)][-1] == "deleted"


async def test_a_stale_edit_is_reported_and_writes_nothing(
    make_app: AppFactory, seeded_database: Database
) -> None:
    segment = segment_containing(seeded_database, "27 مليار")
    claim_id = tag(seeded_database, segment, "27 مليار دولار")
    app = make_app(document_id=segment.document_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_panel(pilot)
        await pilot.press("e")
        form = app.screen
        assert isinstance(form, ClaimFormScreen)
        with seeded_database.write() as session:  # carol edits it meanwhile
            carol = ensure_user(session, "carol")
            update_claim(session, claim_id, carol, {"notes": "carol's note"}, expect_version=1)
        form.query_one("#verdict", Select).value = "refutes"
        await pilot.press("ctrl+s")
        await pilot.pause()
        messages = [notification.message for notification in app._notifications]
        assert any("changed by carol" in message for message in messages), messages
        panel = app.screen
        assert isinstance(panel, ClaimsPanel) and panel.claims[0].version == 2
    (claim,) = claims_in(seeded_database)
    assert (claim.verdict, claim.notes, claim.version) == (None, "carol's note", 2)


def test_claims_panel_snapshot(
    snap_compare: SnapCompare, make_app: AppFactory, seeded_database: Database
) -> None:
    segment = segment_containing(seeded_database, "Il-76")
    tag(seeded_database, segment, "Il-76", claim_type="statistic", verdict="supports")
    tag(seeded_database, segment, "70 طائرة", check_worthiness="check-worthy")

    async def panel_shown(pilot: Pilot[Any]) -> None:
        main_screen(pilot.app).editor.cursor_blink = False  # type: ignore[arg-type]
        await pilot.press("ctrl+o")
        await pilot.pause()

    app = make_app(document_id=segment.document_id, bidi="on")
    assert snap_compare(app, terminal_size=(120, 36), run_before=panel_shown)
