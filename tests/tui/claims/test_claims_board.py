"""The claims board (F12) and the check badges under Pilot, on the seeds in a real database."""

from __future__ import annotations

from textual.widgets import DataTable, Static

from tests.tui.claims.helpers import segment_containing
from tests.tui.conftest import AppFactory, main_screen
from workbench.services.claim_review import assign_claim
from workbench.services.claims import tag_claim
from workbench.services.editing import save_segment
from workbench.services.users import ensure_user
from workbench.store.database import Database
from workbench.store.models import Segment
from workbench.tui.claims.board import ClaimsBoard
from workbench.tui.claims.panel import COLUMNS, ClaimsPanel
from workbench.tui.claims.suggestions import ClaimSuggestions

TRADE = "27 مليار دولار"
STABLE = "أبلغ بوتين أن الوضع في بلاده يتجه نحو الاستقرار"
# The same statement in another article (a labelled pair of tests/data/claims/similar_claims.tsv).
REPORTED = (
    "أبلغ رئيس كازاخستان بالتفصيل عن الوضع الحالي في البلاد، مشيرا إلى أنه يتطور نحو الاستقرار"
)


def tag(database: Database, segment: Segment, quote: str, **fields: str) -> int:
    start = segment.source.index(quote)
    with database.write() as session:
        bob = ensure_user(session, "bob")
        view = tag_claim(
            session, segment.id, "ar", start, start + len(quote), author=bob, fields=fields or None
        )
    return view.id


def board_of(app: object) -> ClaimsBoard:
    screen = getattr(app, "screen", None)
    assert isinstance(screen, ClaimsBoard)
    return screen


def cells(board: ClaimsBoard, column: str) -> list[str]:
    table = board.table
    index = [str(c.label) for c in table.columns.values()].index(column)
    return [str(table.get_row_at(row)[index]) for row in range(table.row_count)]


async def test_the_board_lists_claims_of_every_document_and_opens_one(
    make_app: AppFactory, seeded_database: Database
) -> None:
    trade = segment_containing(seeded_database, TRADE)
    stable = segment_containing(seeded_database, STABLE)
    assert trade.document_id != stable.document_id
    trade_id = tag(seeded_database, trade, TRADE, status="in-review")
    stable_id = tag(seeded_database, stable, STABLE)
    app = make_app(document_id=trade.document_id)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.press("f12")
        board = board_of(app)
        assert cells(board, "#") == [str(stable_id), str(trade_id)]  # draft before in review
        await pilot.press("s")  # only drafts
        assert cells(board, "#") == [str(stable_id)]
        await pilot.press("s")  # only tagged: none
        assert board.query_one(DataTable).row_count == 0
        for _ in range(5):  # in review, approved, rejected, then all again, then draft
            await pilot.press("s")
        assert cells(board, "#") == [str(stable_id)]
        await pilot.press("enter")
        screen = main_screen(app)
        assert app.screen is screen
        assert screen.document_id == stable.document_id
        assert screen.current is not None and screen.current.row.position == stable.position


async def test_mine_shows_the_claims_assigned_to_me(
    make_app: AppFactory, seeded_database: Database
) -> None:
    trade = segment_containing(seeded_database, TRADE)
    first = tag(seeded_database, trade, TRADE)
    tag(seeded_database, trade, "التجارة الثنائية")
    with seeded_database.write() as session:
        ensure_user(session, "alice")
    assign_claim(seeded_database, "alice", first, "alice")
    app = make_app(document_id=trade.document_id, user="alice")
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.press("f12")
        board = board_of(app)
        assert board.query_one(DataTable).row_count == 2
        await pilot.press("m")
        assert cells(board, "#") == [str(first)]
        assert cells(board, "Assignee") == ["alice"]


async def test_badges_and_the_detail_line_show_checks_and_claims_seen_before(
    make_app: AppFactory, seeded_database: Database
) -> None:
    trade = segment_containing(seeded_database, TRADE)
    save_segment(
        seeded_database, "bob", trade.id, "Trade reached a record 72 billion dollars last year.",
        status="translated", expect_version=trade.version,
    )  # fmt: skip
    claim_id = tag(seeded_database, trade, TRADE)
    earlier = segment_containing(seeded_database, STABLE)
    later = segment_containing(seeded_database, REPORTED)
    earlier_id = tag(seeded_database, earlier, STABLE, verdict="supports")
    later_id = tag(seeded_database, later, REPORTED)
    app = make_app(document_id=trade.document_id)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.press("f12")
        board = board_of(app)
        badges = dict(zip(cells(board, "#"), cells(board, "Checks"), strict=True))
        assert badges[str(claim_id)] == "≠#"
        table = board.query_one(DataTable)
        table.move_cursor(row=cells(board, "#").index(str(claim_id)))
        await pilot.pause()
        detail = str(board.query_one("#board-detail", Static).render())
        assert "number-mismatch" in detail and "72 billion" in detail
        assert "seen×1" in badges[str(later_id)]
        table.move_cursor(row=cells(board, "#").index(str(later_id)))
        await pilot.pause()
        detail = str(board.query_one("#board-detail", Static).render())
        assert f"seen before: claim {earlier_id} in doc {earlier.document_id}" in detail
        assert "verdict supports" in detail
        await pilot.press("escape")
        await pilot.press("ctrl+o")  # this document's claims: the same badge
        panel = app.screen
        assert isinstance(panel, ClaimsPanel)
        row = panel.query_one(DataTable).get_row(str(claim_id))
        assert row[COLUMNS.index("Checks")] == "≠#"


async def test_likely_claims_are_marked_with_reasons_and_enter_goes_there(
    make_app: AppFactory, seeded_database: Database
) -> None:
    trade = segment_containing(seeded_database, TRADE)
    app = make_app(document_id=trade.document_id)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.press("alt+l")
        screen = app.screen
        assert isinstance(screen, ClaimSuggestions)
        suggested = {row.position: row for row in screen.rows}
        assert suggested[trade.position].reasons == ("quantity", "attribution", "comparison")
        assert all(row.checkable for row in screen.rows)
        shown = screen.table.row_count
        await pilot.press("a")  # every sentence, the likely ones marked
        assert screen.table.row_count == len(screen.everything) > shown
        await pilot.press("a")
        screen.table.move_cursor(row=list(suggested).index(trade.position))
        await pilot.press("enter")
        main = main_screen(app)
        assert app.screen is main
        assert main.current is not None and main.current.row.position == trade.position
