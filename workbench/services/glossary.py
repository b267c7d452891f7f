"""Writing glossary terms: one at a time, from a CSV file, or the starter glossary."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from workbench.errors import InputError
from workbench.files.inputs import SizeCap
from workbench.glossary.csvfile import read_terms
from workbench.glossary.terms import TermInput, clean_term, term_problems
from workbench.services.users import ensure_user
from workbench.store.database import Database
from workbench.store.models import GlossaryTerm, User, utcnow


@dataclass
class GlossaryWrite:
    added: list[int] = field(default_factory=list)  # ids of new terms
    updated: list[int] = field(default_factory=list)  # ids whose note changed
    unchanged: int = 0

    def summary(self) -> str:
        return (
            f"{len(self.added)} terms added, {len(self.updated)} notes updated, "
            f"{self.unchanged} already present"
        )


def save_terms(session: Session, terms: Iterable[TermInput], author: User) -> GlossaryWrite:
    """Add new (Arabic, English) pairs; for known pairs, replace the note when one is given.

    Every term is checked first: one bad term raises InputError and nothing is written.
    """
    terms = list(terms)
    problems = [problem for term in terms for problem in term_problems(term)]
    if problems:
        raise InputError("nothing was saved:\n  " + "\n  ".join(problems))
    existing = {
        (row.term_ar_norm, row.term_en): row for row in session.scalars(select(GlossaryTerm))
    }
    outcome = GlossaryWrite()
    now = utcnow()
    for term in terms:
        row = existing.get((term.key, term.term_en))
        if row is None:
            row = GlossaryTerm(
                term_ar=term.term_ar,
                term_ar_norm=term.key,
                term_en=term.term_en,
                note=term.note,
                created_by_id=author.id,
                created_at=now,
                updated_at=now,
            )
            session.add(row)
            session.flush()
            existing[(term.key, term.term_en)] = row
            outcome.added.append(row.id)
        elif term.note is not None and term.note != row.note:
            session.execute(
                update(GlossaryTerm)
                .where(GlossaryTerm.id == row.id)
                .values(note=term.note, updated_at=now)
            )
            row.note = term.note
            outcome.updated.append(row.id)
        else:
            outcome.unchanged += 1
    return outcome


def add_term(
    database: Database, term_ar: str, term_en: str, note: str | None, user_name: str
) -> GlossaryWrite:
    with database.write() as session:
        author = ensure_user(session, user_name)
        return save_terms(session, [clean_term(term_ar, term_en, note)], author)


def import_csv(
    database: Database, path: Path, user_name: str, cap: SizeCap | None = None
) -> GlossaryWrite:
    """Import a glossary CSV (at most `cap`): every line is checked before anything is written."""
    terms = read_terms(path, cap)
    with database.write() as session:
        return save_terms(session, terms, ensure_user(session, user_name))


def import_starter(database: Database, user_name: str) -> GlossaryWrite:
    """Import the starter glossary shipped with the workbench (names and terms of the seeds)."""
    resource = resources.files("workbench.data").joinpath("glossary_seed.csv")
    with resources.as_file(resource) as path:
        return import_csv(database, path, user_name)


def seed_starter_glossary_if_empty(database: Database, user_name: str) -> int:
    """Load the starter glossary into a database that has no terms yet; return how many."""
    with database.read() as session:
        if session.scalar(select(func.count()).select_from(GlossaryTerm)):
            return 0
    return len(import_starter(database, user_name).added)
