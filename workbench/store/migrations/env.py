"""Alembic environment: runs on the connection that `workbench.store.migrate` hands over."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, create_engine

from workbench.store.models import Base


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,  # SQLite alters tables by copying them
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = context.config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:  # the `alembic` command line, for developers writing a new migration
    url = context.config.get_main_option("sqlalchemy.url")
    with create_engine(url or "sqlite:///db/workbench.sqlite").begin() as conn:
        _run(conn)
