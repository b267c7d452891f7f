"""Who is connected to the database, and how much that login may do there.

SQLite has no logins: whoever can write the file is trusted with all of it, so these answer
`None` and `True` there. On PostgreSQL the login is `session_user`, the role that authenticated
(SET ROLE does not change it; only a superuser can, with SET SESSION AUTHORIZATION).
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.orm import Session

from workbench.store.models import User


def _is_postgresql(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def database_login(session: Session) -> str | None:
    """The PostgreSQL login of this session; None on SQLite, which has none."""
    if not _is_postgresql(session):
        return None
    login: str = session.execute(text("SELECT session_user")).scalar_one()
    return login


def is_superuser(session: Session) -> bool:
    """A superuser can become any login, so it may act for anyone; no one is one on SQLite."""
    if not _is_postgresql(session):
        return False
    query = text("SELECT rolsuper FROM pg_roles WHERE rolname = session_user")
    return bool(session.execute(query).scalar())


def owns_the_data(session: Session) -> bool:
    """True for whoever controls every row anyway: on SQLite anyone who can write the file;
    on PostgreSQL a superuser, or a member of the role owning the database or the users table."""
    if not _is_postgresql(session):
        return True
    query = text(
        "SELECT r.rolsuper"
        " OR pg_has_role(session_user, d.datdba, 'MEMBER')"
        " OR pg_has_role(session_user, c.relowner, 'MEMBER')"
        " FROM pg_roles r, pg_database d, pg_class c"
        " WHERE r.rolname = session_user AND d.datname = current_database()"
        " AND c.oid = to_regclass(:table)"
    )
    return bool(session.execute(query, {"table": User.__tablename__}).scalar())
