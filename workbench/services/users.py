"""Who is acting, and users created on first use.

The trust model, decided here for the CLI and the TUI alike. On SQLite whoever can write the file
is trusted with all of it, so the name is taken as given: --user, WORKBENCH_USER, the config
file's `user`, else the OS user. On PostgreSQL people are their database login (`session_user`):
a name given some other way is honoured only when it is that login, when the config says
`trust_user_option = true` (a shared account that acts for people), or when the login is a
superuser (who could become any login anyway); otherwise it is refused, never silently swapped.
"""

from __future__ import annotations

from functools import cache

from sqlalchemy import Select, bindparam, select
from sqlalchemy.orm import Session

from workbench.config import Settings, config_path
from workbench.errors import PermissionDeniedError
from workbench.services.validation import check_storable
from workbench.store.database import Database
from workbench.store.logins import database_login, is_superuser
from workbench.store.models import Role, User
from workbench.store.upserts import conflict_insert


def acting_user(database: Database, settings: Settings) -> str:
    """The name of whoever runs this process, by the trust model above."""
    with database.read() as session:
        login = database_login(session)
        if login is None:
            return settings.user
        given = settings.user_source
        if given is None or settings.user == login or settings.trust_user_option:
            return login if given is None else settings.user
        if is_superuser(session):
            return settings.user
    where = settings.config_file or config_path()
    raise PermissionDeniedError(
        f"{given} names {settings.user!r}, but this PostgreSQL database knows people by their "
        f"login, and you are logged in as {login!r}; nothing was done. Leave out {given} to "
        f"work as {login}, or connect as {settings.user}; a shared account that acts for people "
        f"needs `trust_user_option = true` in {where}"
    )


@cache
def _user_named() -> Select[User]:
    """Built once: every save asks for its author."""
    return select(User).where(User.name == bindparam("name"))


def ensure_user(session: Session, name: str, role: Role = Role.EDITOR) -> User:
    """The user called `name`, created with `role` if new; safe when two processes race."""
    check_storable(name, "the user name")
    user = session.scalar(_user_named(), {"name": name})
    if user is not None:
        return user
    # The dialect's insert is imported only now, when someone new arrives (store/upserts.py).
    statement = (
        conflict_insert(session.get_bind().dialect.name, User)
        .values(name=name, role=role.value)
        .on_conflict_do_nothing(index_elements=["name"])
    )
    session.execute(statement)
    return session.scalars(select(User).where(User.name == name)).one()
