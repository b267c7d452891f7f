"""Storage: typed SQLAlchemy models, the engine and session factory, Alembic migrations.

Nothing is imported here: `workbench.store.vocabulary` must stay importable without SQLAlchemy.
"""
