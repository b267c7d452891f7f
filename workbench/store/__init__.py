"""Storage: typed SQLAlchemy models, the engine and session factory, Alembic migrations."""

from workbench.store.database import Database, open_database

__all__ = ["Database", "open_database"]
