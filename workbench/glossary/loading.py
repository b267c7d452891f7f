"""The glossary index of a database, cached per process and rebuilt when the terms change.

The editor asks for hits on every segment it shows, so the terms are read once and kept; a cheap
query (count, highest id, latest change) tells whether another process has changed them since.
"""

from __future__ import annotations

import threading

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from workbench.glossary.matching import GlossaryEntry, GlossaryHit, GlossaryIndex
from workbench.store.models import GlossaryTerm

_CACHE: dict[str, GlossaryIndex] = {}
_LOCK = threading.Lock()


def _signature(session: Session) -> tuple[object, ...]:
    row = session.execute(
        select(func.count(), func.max(GlossaryTerm.id), func.max(GlossaryTerm.updated_at))
    ).one()
    return tuple(row)


def load_glossary(session: Session) -> GlossaryIndex:
    """A fresh index of every term in the database (no cache)."""
    signature = _signature(session)
    rows = session.execute(
        select(
            GlossaryTerm.id,
            GlossaryTerm.term_ar,
            GlossaryTerm.term_en,
            GlossaryTerm.note,
            GlossaryTerm.term_ar_norm,
        ).order_by(GlossaryTerm.id)
    )
    return GlossaryIndex(tuple(GlossaryEntry(*row) for row in rows), signature)


def glossary_index(session: Session) -> GlossaryIndex:
    """The cached index for this session's database, reloaded if the terms changed."""
    key = session.get_bind().engine.url.render_as_string(hide_password=False)
    with _LOCK:
        cached = _CACHE.get(key)
        if cached is not None and cached.signature == _signature(session):
            return cached
        index = load_glossary(session)
        _CACHE[key] = index
        return index


def glossary_hits(session_or_index: Session | GlossaryIndex, source: str) -> list[GlossaryHit]:
    """Glossary terms in `source`, with code-point offsets into `source` as given.

    Pass a session (the index is cached per database and refreshed when terms change) or an
    index you hold (`glossary_index(session)`), e.g. to highlight many rows without a query each.
    """
    index = (
        session_or_index
        if isinstance(session_or_index, GlossaryIndex)
        else glossary_index(session_or_index)
    )
    return index.hits(source)


def list_terms(session: Session) -> list[GlossaryTerm]:
    return list(
        session.scalars(
            select(GlossaryTerm).order_by(
                GlossaryTerm.term_ar_norm, GlossaryTerm.term_en, GlossaryTerm.id
            )
        )
    )
