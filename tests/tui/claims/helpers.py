"""Shared by the claim tests: finding seed sentences, reading claims back from the database."""

from __future__ import annotations

from sqlalchemy import select
from textual.pilot import Pilot

from tests.tui.conftest import AppFactory, main_screen
from tests.tui.key_runs import press_run
from workbench.store.database import Database
from workbench.store.models import Claim, ClaimHistory, Segment
from workbench.tui.app import WorkbenchApp


def segment_containing(database: Database, words: str) -> Segment:
    with database.read() as session:
        segment = session.scalars(
            select(Segment).where(Segment.source.contains(words)).order_by(Segment.id)
        ).first()
        assert segment is not None, words
        session.expunge(segment)
        return segment


def claims_in(database: Database, *, deleted: bool = False) -> list[Claim]:
    with database.read() as session:
        query = select(Claim).order_by(Claim.id)
        if not deleted:
            query = query.where(Claim.deleted_at.is_(None))
        claims = list(session.scalars(query))
        session.expunge_all()
        return claims


def history_of(database: Database, claim_id: int) -> list[ClaimHistory]:
    with database.read() as session:
        rows = list(
            session.scalars(
                select(ClaimHistory)
                .where(ClaimHistory.claim_id == claim_id)
                .order_by(ClaimHistory.version)
            )
        )
        session.expunge_all()
        return rows


def open_app(make_app: AppFactory, segment: Segment, **settings: object) -> WorkbenchApp:
    return make_app(document_id=segment.document_id, **settings)


async def go_to(pilot: Pilot[None], app: WorkbenchApp, position: int) -> None:
    screen = main_screen(app)
    assert screen.rows is not None
    index = screen.rows.index_of_position(position)
    assert index is not None
    screen.go_to_index(index)
    await pilot.pause()


async def select_in_source(pilot: Pilot[None], start: int, length: int) -> None:
    """From the start of the logical source: `start` presses of right, then shift+right."""
    await pilot.press("ctrl+g")
    await press_run(pilot, *(["right"] * start), *(["shift+right"] * length))
