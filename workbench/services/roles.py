"""Roles stored on `users.role` (editor, reviewer, admin): who may do what, and who changes that.

Rule for changing roles: while the users table is empty, anyone may add users and set roles, so
the first admin can be made without a back door; after that only an admin gives a role other
than editor or changes anyone's role, and the last admin cannot be demoted. A database with users
but no admin (used before anyone was made admin) gets one only through `recover_admin`, by whoever
owns the data anyway (store/logins.py). Adding a plain editor is open to all, as every user is
created as an editor on first use anyway.

Every rule is checked and applied in one transaction that no other role change or new user can
interleave with (`_lock_roles`), so two admins demoting each other cannot both succeed.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from workbench.errors import InputError, NotFoundError, PermissionDeniedError
from workbench.services.users import ensure_user
from workbench.store.database import Database
from workbench.store.logins import database_login, owns_the_data
from workbench.store.models import Role, User

REVIEW_ROLES = (Role.REVIEWER, Role.ADMIN)


def parse_role(value: str) -> Role:
    try:
        return Role(value)
    except ValueError:
        names = ", ".join(role.value for role in Role)
        raise InputError(f"role {value!r} is not one of: {names}") from None


def require_role(user: User, roles: tuple[Role, ...], action: str) -> None:
    """Refuse `action` unless `user` has one of `roles`; the message names the role needed."""
    if user.role in {role.value for role in roles}:
        return
    needed = " or ".join(role.value for role in roles)
    raise PermissionDeniedError(
        f"{action} needs the {needed} role; {user.name} is {_article(user.role)} {user.role} "
        f"(an admin can run `workbench users set-role {user.name} {roles[0].value}`)"
    )


def _article(word: str) -> str:
    return "an" if word[:1] in "aeiou" else "a"


def list_users(session: Session) -> list[User]:
    return list(session.scalars(select(User).order_by(User.name)))


def _lock_roles(session: Session) -> None:
    """Keep every other role change and new user out of this transaction until it ends.

    On SQLite, Database.write() began the transaction IMMEDIATE: no other writer runs until it
    ends, so the count, the check and the change already see one table. On PostgreSQL (READ
    COMMITTED) two transactions could each count two admins and each demote one; SHARE ROW
    EXCLUSIVE conflicts with itself and with INSERT/UPDATE/DELETE but not with reads. Called
    first in the transaction, so it is never an upgrade of a lock held that could deadlock.
    """
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text(f"LOCK TABLE {User.__tablename__} IN SHARE ROW EXCLUSIVE MODE"))


def _admin_names(session: Session) -> list[str]:
    query = select(User.name).where(User.role == Role.ADMIN.value).order_by(User.name)
    return list(session.scalars(query))


def _has_users(session: Session) -> bool:
    return session.scalar(select(func.count()).select_from(User)) != 0


def _require_admin(session: Session, actor_name: str, action: str) -> None:
    if not _admin_names(session):
        if not _has_users(session):
            return  # bootstrap: the first admin is made by whoever runs the first command
        raise PermissionDeniedError(
            f"{action} needs an admin, and this database has users but no admin; whoever "
            "owns the database (can write the SQLite file; on PostgreSQL its owner or a "
            "superuser) can make one with `workbench users recover-admin NAME`"
        )
    actor = session.scalar(select(User).where(User.name == actor_name))
    # Someone not yet in the database would be created as an editor: judge them as one.
    require_role(actor or User(name=actor_name, role=Role.EDITOR.value), (Role.ADMIN,), action)


def add_user(session: Session, actor_name: str, name: str, role: Role) -> User:
    """Create user `name` with `role`, acting as `actor_name`."""
    name = name.strip()
    if not name:
        raise InputError("the user name is empty; give a NAME")
    existing = session.scalar(select(User).where(User.name == name))
    if existing is not None:
        raise InputError(
            f"user {name} already exists as {existing.role}; "
            f"change the role with `workbench users set-role {name} ROLE`"
        )
    _lock_roles(session)
    if role is not Role.EDITOR:
        _require_admin(session, actor_name, f"adding a user as {role.value}")
    return ensure_user(session, name, role)


def set_role(session: Session, actor_name: str, name: str, role: Role) -> User:
    """Give user `name` the role `role`, acting as `actor_name`."""
    _lock_roles(session)
    _require_admin(session, actor_name, "changing a role")
    ensure_user(session, actor_name)  # whoever runs a command is a user from then on
    user = session.scalar(select(User).where(User.name == name))
    if user is None:
        raise NotFoundError(f"user {name} does not exist; list users with `workbench users list`")
    if user.role == Role.ADMIN.value and role is not Role.ADMIN and _admin_names(session) == [name]:
        raise InputError(
            f"{name} is the only admin; make someone else admin first, so that roles can "
            "still be changed"
        )
    user.role = role.value
    session.flush()
    return user


def recover_admin(session: Session, name: str) -> User:
    """Make `name` admin in a database that has none, for whoever owns the data (see above)."""
    _lock_roles(session)
    if not owns_the_data(session):
        raise PermissionDeniedError(
            "recover-admin needs the owner of the PostgreSQL database or of its tables, or a "
            f"superuser; you are logged in as {database_login(session)}. Ask the database's "
            "owner to run it"
        )
    admins = _admin_names(session)
    if admins:
        raise PermissionDeniedError(
            f"this database has an admin ({', '.join(admins)}); recover-admin only makes one "
            f"where there is none. Ask an admin: `workbench users set-role {name} admin`"
        )
    name = name.strip()
    if not name:
        raise InputError("the user name is empty; give a NAME")
    user = ensure_user(session, name)
    user.role = Role.ADMIN.value
    session.flush()
    return user


# --- units of work for the front ends: one transaction each, the user looked up inside -----------


@dataclass(frozen=True)
class UserRole:
    name: str
    role: str


def add_user_as(database: Database, actor_name: str, name: str, role: Role) -> UserRole:
    """`add_user` in a transaction of its own."""
    with database.write() as session:
        user = add_user(session, actor_name, name, role)
        return UserRole(user.name, user.role)


def set_role_as(database: Database, actor_name: str, name: str, role: Role) -> UserRole:
    """`set_role` in a transaction of its own."""
    with database.write() as session:
        user = set_role(session, actor_name, name, role)
        return UserRole(user.name, user.role)


def recover_admin_in(database: Database, name: str) -> UserRole:
    """`recover_admin` in a transaction of its own."""
    with database.write() as session:
        user = recover_admin(session, name)
        return UserRole(user.name, user.role)
