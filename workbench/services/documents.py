"""Documents people manage: renaming one (anyone) and deleting one (admins), each recorded.

A deleted document takes its segments, revisions, reviews and claims with it (the foreign keys
cascade); pairs it gave the translation memory stay there, no longer tied to a segment, because
a finished translation is still a good match. The deletion leaves an `AuditEvent` (who, when, the
title, content hash and segment count), so that "where did document 7 go?" has an answer.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from workbench.errors import InputError, NotFoundError
from workbench.services.roles import require_role
from workbench.services.users import ensure_user
from workbench.services.validation import check_storable
from workbench.store.database import Database
from workbench.store.models import AuditEvent, Document, Role, Segment

TITLE_MAX = 200  # documents.title's length


@dataclass(frozen=True, slots=True)
class Renamed:
    document_id: int
    old_title: str
    title: str


@dataclass(frozen=True, slots=True)
class Deleted:
    document_id: int
    title: str
    segments: int


def _document(session: Session, document_id: int) -> Document:
    document = session.get(Document, document_id, with_for_update=True)
    if document is None:
        raise NotFoundError(
            f"document {document_id} does not exist; list them with `workbench documents list`"
        )
    return document


def check_title(title: str) -> str:
    """The title as it will be stored (whitespace runs made single spaces), or InputError."""
    cleaned = " ".join(title.split())
    if not cleaned:
        raise InputError("the title is empty; give the document a title")
    if len(cleaned) > TITLE_MAX:
        raise InputError(f"the title has {len(cleaned)} characters; the most is {TITLE_MAX}")
    check_storable(cleaned, "the title")
    return cleaned


def rename_document(database: Database, user_name: str, document_id: int, title: str) -> Renamed:
    """Give a document a new title (any user), recorded as an audit event."""
    new_title = check_title(title)
    with database.write() as session:
        user = ensure_user(session, user_name)
        document = _document(session, document_id)
        old = document.title
        document.title = new_title
        session.add(
            AuditEvent(
                user_id=user.id,
                action="rename",
                subject="document",
                subject_id=document_id,
                detail={"old_title": old, "title": new_title},
            )
        )
        return Renamed(document_id, old, new_title)


def delete_document(database: Database, user_name: str, document_id: int) -> Deleted:
    """Delete a document and everything in it (admins only), recorded as an audit event."""
    with database.write() as session:
        user = ensure_user(session, user_name)
        require_role(user, (Role.ADMIN,), "deleting a document")
        document = _document(session, document_id)
        count = session.scalar(
            select(func.count()).select_from(Segment).where(Segment.document_id == document_id)
        )
        deleted = Deleted(document_id, document.title, int(count or 0))
        session.add(
            AuditEvent(
                user_id=user.id,
                action="delete",
                subject="document",
                subject_id=document_id,
                detail={
                    "title": document.title,
                    "source_name": document.source_name,
                    "content_hash": document.content_hash,
                    "segments": deleted.segments,
                },
            )
        )
        # Core DELETE: the database's cascades remove segments, revisions, reviews and claims.
        session.execute(
            delete(Document).where(Document.id == document_id),
            execution_options={"synchronize_session": False},
        )
        return deleted
