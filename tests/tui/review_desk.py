"""A small review desk for the TUI tests: lead (admin), badr (reviewer), amal and chadi (editors),
and three segments of document 1 machine-translated and post-edited through the services."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from workbench.services.editing import record_machine_translation, save_target
from workbench.services.roles import add_user, recover_admin
from workbench.services.users import ensure_user
from workbench.store.database import Database
from workbench.store.models import Review, Role, Segment

MT = (
    "Kazakhstan announced a new trade agreement with Russia.",
    "The value of trade reached 27 billion dollars.",
    "The Il-76 plane landed in Almaty.",
)
FINAL = (
    "Kazakhstan announced a new trade deal with Russia.",
    "Trade was worth 27 billion dollars.",
    "The Il-76 aircraft landed in Almaty.",
)
EDITORS = ("amal", "chadi", "amal")
# Settings for the app: no quality gate in the way of these flows (gates have their own tests).
NO_GATES = {"qa_blocking": ()}


@dataclass(frozen=True)
class Edited:
    id: int
    position: int
    editor: str


def set_up_desk(database: Database) -> list[Edited]:
    with database.write() as session:
        recover_admin(session, "lead")  # the seeds' importer is a user: no bootstrap
    with database.write() as session:
        for name, role in (
            ("badr", Role.REVIEWER),
            ("amal", Role.EDITOR),
            ("chadi", Role.EDITOR),
        ):
            add_user(session, "lead", name, role)
    with database.read() as session:
        ids = list(
            session.scalars(
                select(Segment.id)
                .where(Segment.document_id == 1)
                .order_by(Segment.position)
                .limit(3)
            )
        )
    edited = []
    for number, (segment_id, mt, final, editor) in enumerate(
        zip(ids, MT, FINAL, EDITORS, strict=True), 1
    ):
        with database.write() as session:
            record_machine_translation(session, segment_id, mt, mt_package="toy", mt_version="1")
        with database.write() as session:
            author = ensure_user(session, editor)
            save_target(
                session,
                segment_id,
                final,
                author,
                status="translated",
                seconds_spent=6.0 * number,
                keystrokes=20 * number,
            )
        edited.append(Edited(segment_id, number, editor))
    return edited


def segment(database: Database, segment_id: int) -> Segment:
    with database.read() as session:
        found = session.get(Segment, segment_id)
        assert found is not None
        session.expunge(found)
        return found


def reviews_of(database: Database, segment_id: int) -> list[Review]:
    with database.read() as session:
        found = list(session.scalars(select(Review).where(Review.segment_id == segment_id)))
        for review in found:
            session.expunge(review)
        return found
