"""A new database gets the seed articles and the starter glossary, so the first screen has work.

Called by `workbench` and `workbench tui` before the screen opens; importing the seeds twice adds
nothing, and a database that already holds documents is left as it is.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from workbench.config import SEEDS_DIR
from workbench.store.database import Database
from workbench.store.queries import list_documents

# The readers and the import services are imported in `seed_if_empty`, once the database is found
# empty: every start of the screen asks, and nearly every one finds documents there.


def seed_if_empty(
    database: Database, user_name: str, articles: Sequence[Path] | None = None
) -> bool:
    """Import the seed articles (or `articles`, some of them) and the starter glossary into an
    empty database; True if it was."""
    with database.read() as session:
        empty = not list_documents(session)
    if not empty or not SEEDS_DIR.is_dir():
        return False
    from workbench.ingest.sources import collect_sources, read_source
    from workbench.services.glossary import seed_starter_glossary_if_empty
    from workbench.services.importing import import_documents

    paths = collect_sources([SEEDS_DIR]) if articles is None else list(articles)
    parsed = [read_source(path) for path in paths]
    for _ in import_documents(database, parsed, user_name):
        pass  # each outcome is committed as it comes
    seed_starter_glossary_if_empty(database, user_name)  # the names and terms of the seeds
    return True
