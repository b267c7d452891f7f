"""Users are created on first use: the name comes from --user, WORKBENCH_USER or the OS."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from workbench.services.validation import check_storable
from workbench.store.models import Role, User


def ensure_user(session: Session, name: str, role: Role = Role.EDITOR) -> User:
    """The user called `name`, created with `role` if new; safe when two processes race."""
    check_storable(name, "the user name")
    user = session.scalar(select(User).where(User.name == name))
    if user is not None:
        return user
    dialect = session.get_bind().dialect.name
    insert = pg_insert if dialect == "postgresql" else sqlite_insert
    session.execute(
        insert(User)
        .values(name=name, role=role.value)
        .on_conflict_do_nothing(index_elements=["name"])
    )
    return session.scalars(select(User).where(User.name == name)).one()
