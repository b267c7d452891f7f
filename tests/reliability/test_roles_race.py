"""Role changes racing each other: exactly one wins, and the desk keeps an admin.

Each side runs in its own thread on its own engine (its own connection), on a SQLite file and on
PostgreSQL. A hook on each connection holds the first write to `users` at a barrier until the
other side reaches its own write, or HOLD_S pass. Without the roles lock both sides would count
two admins, both pass the check and both demote: the interleaving that left a PostgreSQL desk
without an admin. With the lock the second side cannot even read before the first commits, so
the first goes through the barrier alone once it times out, and the second then sees the change.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from sqlalchemy import event, select
from sqlalchemy.orm import Session

from tests.conftest import build_migrated
from tests.templates import restore_template
from workbench.errors import InputError, PermissionDeniedError, WorkbenchError
from workbench.services.roles import add_user, set_role
from workbench.store.database import Database, open_database
from workbench.store.models import Role, User

HOLD_S = 3.0  # how long a side waits at the barrier for the other one to catch up

Change = Callable[[Session], object]


@dataclass
class Side:
    name: str
    change: Change
    outcome: str | WorkbenchError | None = None


def hold_first_write(database: Database, barrier: threading.Barrier, prefix: str) -> None:
    """Make the first `prefix` statement on this database wait for the other side's."""

    def before(_conn: Any, _cursor: Any, statement: str, *_rest: Any) -> None:
        if statement.lstrip().upper().startswith(prefix):
            # Broken: the other side never got here, as it was waiting for our lock.
            with contextlib.suppress(threading.BrokenBarrierError):
                barrier.wait(timeout=HOLD_S)

    event.listen(database.engine, "before_cursor_execute", before)


def run(side: Side, database: Database) -> None:
    try:
        with database.write() as session:
            side.change(session)
        side.outcome = "done"
    except WorkbenchError as error:
        side.outcome = error


def race(url: str, sides: list[Side], prefix: str) -> None:
    barrier = threading.Barrier(len(sides))
    databases = [open_database(url) for _ in sides]  # opened (and checked) before the race
    try:
        for database in databases:
            hold_first_write(database, barrier, prefix)
        threads = [
            threading.Thread(target=run, args=(side, database))
            for side, database in zip(sides, databases, strict=True)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
            assert not thread.is_alive(), "a side of the race hung"
    finally:
        for database in databases:
            database.dispose()


def roles(url: str) -> dict[str, str]:
    database = open_database(url)
    try:
        with database.read() as session:
            return {user.name: user.role for user in session.scalars(select(User))}
    finally:
        database.dispose()


@pytest.fixture
def two_admins(any_db_url: str, request: pytest.FixtureRequest) -> Iterator[str]:
    restore_template(request, "migrated", build_migrated, any_db_url)  # what a first open makes
    database = open_database(any_db_url)
    try:
        with database.write() as session:
            add_user(session, "omar", "omar", Role.ADMIN)  # the empty table's bootstrap
        with database.write() as session:
            add_user(session, "omar", "samira", Role.ADMIN)
    finally:
        database.dispose()
    yield any_db_url


def demote(actor: str, target: str) -> Change:
    return lambda session: set_role(session, actor, target, Role.EDITOR)


def test_two_admins_demoting_each_other_leave_one_admin(two_admins: str) -> None:
    sides = [Side("omar", demote("omar", "samira")), Side("samira", demote("samira", "omar"))]
    race(two_admins, sides, "UPDATE USERS")

    winners = [side for side in sides if side.outcome == "done"]
    assert len(winners) == 1, [side.outcome for side in sides]
    (loser,) = [side for side in sides if side is not winners[0]]
    # The loser read after the winner committed: no longer an admin, so not allowed at all.
    assert isinstance(loser.outcome, PermissionDeniedError), loser.outcome
    assert f"{loser.name} is an editor" in str(loser.outcome)
    assert roles(two_admins) == {winners[0].name: "admin", loser.name: "editor"}


def test_two_admins_stepping_down_at_once_leave_one_admin(two_admins: str) -> None:
    sides = [Side("omar", demote("omar", "omar")), Side("samira", demote("samira", "samira"))]
    race(two_admins, sides, "UPDATE USERS")

    winners = [side for side in sides if side.outcome == "done"]
    assert len(winners) == 1, [side.outcome for side in sides]
    (loser,) = [side for side in sides if side is not winners[0]]
    assert isinstance(loser.outcome, InputError), loser.outcome
    assert "is the only admin" in str(loser.outcome)
    assert roles(two_admins) == {winners[0].name: "editor", loser.name: "admin"}


def test_two_first_admins_at_once_make_one(any_db_url: str, request: pytest.FixtureRequest) -> None:
    restore_template(request, "migrated", build_migrated, any_db_url)  # what a first open makes

    def make_self_admin(name: str) -> Change:
        return lambda session: set_role(session, name, name, Role.ADMIN)

    sides = [Side("omar", make_self_admin("omar")), Side("samira", make_self_admin("samira"))]
    race(any_db_url, sides, "INSERT INTO USERS")

    winners = [side for side in sides if side.outcome == "done"]
    assert len(winners) == 1, [side.outcome for side in sides]
    (loser,) = [side for side in sides if side is not winners[0]]
    # The table was no longer empty when the loser looked: the bootstrap was over.
    assert isinstance(loser.outcome, PermissionDeniedError), loser.outcome
    assert roles(any_db_url) == {winners[0].name: "admin"}
