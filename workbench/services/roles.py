"""Roles stored on `users.role` (editor, reviewer, admin): who may do what, and who changes that.

Rule for changing roles: while the database has no admin, anyone may add users and set roles, so
the first admin can be made without a back door; once an admin exists, only an admin gives a role
other than editor or changes anyone's role, and the last admin cannot be demoted. Adding a plain
editor is open to all, as every user is created as an editor on first use anyway.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from workbench.errors import InputError, NotFoundError, PermissionDeniedError
from workbench.services.users import ensure_user
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


def _admin_count(session: Session) -> int:
    query = select(func.count()).select_from(User).where(User.role == Role.ADMIN.value)
    return session.scalar(query) or 0


def _require_admin(session: Session, actor_name: str, action: str) -> None:
    if _admin_count(session) == 0:
        return  # bootstrap: the first admin is made by whoever runs the command
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
    if role is not Role.EDITOR:
        _require_admin(session, actor_name, f"adding a user as {role.value}")
    return ensure_user(session, name, role)


def set_role(session: Session, actor_name: str, name: str, role: Role) -> User:
    """Give user `name` the role `role`, acting as `actor_name`."""
    _require_admin(session, actor_name, "changing a role")
    ensure_user(session, actor_name)  # whoever runs a command is a user from then on
    user = session.scalar(select(User).where(User.name == name))
    if user is None:
        raise NotFoundError(f"user {name} does not exist; list users with `workbench users list`")
    if user.role == Role.ADMIN.value and role is not Role.ADMIN and _admin_count(session) == 1:
        raise InputError(
            f"{name} is the only admin; make someone else admin first, so that roles can "
            "still be changed"
        )
    user.role = role.value
    session.flush()
    return user
