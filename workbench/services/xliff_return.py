"""Bringing an outside translator's XLIFF back: its targets become `import` revisions.

One transaction for the whole file: a unit that does not fit (a segment of another document, a
changed Arabic source, text that cannot be stored) refuses the file and nothing is written. A
sentence whose English changed in the workbench since the export (its target no longer hashes to
what the file recorded) is held back, never overwritten, and listed for a person to decide;
targets equal to the workbench's, or to what was exported, are skipped; a unit still
untranslated (no target, or the Arabic copied into it as OmegaT needs) is counted and left
alone.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.errors import InputError
from workbench.export.xliff import target_hash
from workbench.ingest.xliff_return import ReturnedFile, ReturnedUnit
from workbench.services.editing import save_target
from workbench.services.users import ensure_user
from workbench.store.database import Database
from workbench.store.models import Document, Origin, Segment, SegmentStatus, User


@dataclass(frozen=True, slots=True)
class HeldBack:
    segment_id: int
    position: int
    reason: str


@dataclass(slots=True)
class XliffReturnOutcome:
    document_id: int
    imported: list[int] = field(default_factory=list)  # segment ids given a new revision
    unchanged: int = 0
    untranslated: int = 0
    held_back: list[HeldBack] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class _Current:
    position: int
    source: str
    target: str | None
    version: int
    editor: str | None


def _flat(text: str) -> str:
    return " ".join(text.split())


def _document(session: Session, returned: ReturnedFile) -> Document:
    path = returned.path
    if returned.document_id is None or not returned.content_hash:
        raise InputError(
            f"{path}: carries no workbench document id (wb:document-id and wb:content-hash on "
            "<file>): it was not exported by `workbench export xliff`, or a tool removed them. "
            "Import outside XLIFF as a new document with `workbench import`; nothing was written"
        )
    document = session.get(Document, returned.document_id)
    if document is None or document.content_hash != returned.content_hash:
        raise InputError(
            f"{path}: belongs to no document in this database (it was exported from document "
            f"{returned.document_id} with content hash {returned.content_hash[:12]}…, "
            f"{returned.original or 'no name'}); was it exported from another database? "
            "Nothing was written"
        )
    return document


def _current(session: Session, document_id: int) -> dict[int, _Current]:
    query = (
        select(Segment.id, Segment.position, Segment.source, Segment.target, Segment.version)
        .add_columns(User.name)
        .outerjoin(User, Segment.updated_by_id == User.id)
        .where(Segment.document_id == document_id)
    )
    return {row[0]: _Current(*row[1:]) for row in session.execute(query)}


def _check_unit(path: Path, unit: ReturnedUnit, current: _Current | None, document_id: int) -> None:
    where = f"{path}, line {unit.line}: unit {unit.segment_id}"
    if current is None:
        raise InputError(
            f"{where} is not a sentence of document {document_id}; the file was changed after "
            "the export. Nothing was written"
        )
    if _flat(unit.source) != _flat(current.source):
        raise InputError(
            f"{where}: its Arabic source differs from sentence {current.position} of document "
            f"{document_id}; a CAT tool must not change the source. Nothing was written"
        )


def _untouched(unit: ReturnedUnit, text: str) -> bool:
    """The file's target is the English it was exported with: the translator left it alone, so
    there is nothing to bring back, whatever happened in the workbench since."""
    return bool(unit.target_hash) and target_hash(text) == unit.target_hash


def _changed_since(unit: ReturnedUnit, current: _Current) -> bool:
    if unit.target_hash is not None:
        return target_hash(current.target) != unit.target_hash
    return unit.version != current.version  # the hash is gone: only the version can tell


def _held(unit: ReturnedUnit, current: _Current) -> HeldBack:
    who = f" by {current.editor}" if current.editor else ""
    was = f"version {unit.version}" if unit.version is not None else "an unknown version"
    reason = (
        f"changed in the workbench since the export (exported at {was}, now version "
        f"{current.version}{who}); the file's English was not applied"
    )
    return HeldBack(unit.segment_id, current.position, reason)


def _apply(
    session: Session, returned: ReturnedFile, document: Document, author: User
) -> XliffReturnOutcome:
    outcome = XliffReturnOutcome(document.id)
    currents = _current(session, document.id)
    for unit in returned.units:
        current = currents.get(unit.segment_id)
        _check_unit(returned.path, unit, current, document.id)
        assert current is not None
        text = unit.target
        if text is None or _flat(text) == _flat(current.source):
            outcome.untranslated += 1
        elif text == current.target or _untouched(unit, text):
            outcome.unchanged += 1
        elif _changed_since(unit, current):
            outcome.held_back.append(_held(unit, current))
        else:
            try:
                save_target(
                    session,
                    unit.segment_id,
                    text,
                    author,
                    status=SegmentStatus.TRANSLATED.value,
                    expect_version=current.version,
                    origin=Origin.IMPORT,
                )
            except InputError as error:
                raise InputError(f"{returned.path}, line {unit.line}: {error}") from error
            outcome.imported.append(unit.segment_id)
    return outcome


def import_returned_xliff(
    database: Database, returned: ReturnedFile, user_name: str
) -> XliffReturnOutcome:
    """Apply the file's targets as `user_name`, in one transaction."""
    with database.write() as session:
        document = _document(session, returned)
        return _apply(session, returned, document, ensure_user(session, user_name))
