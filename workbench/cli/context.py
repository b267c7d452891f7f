"""What every command gets: the settings and, opened on first use, the database."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, TypeVar

import click

from workbench.cli.collector import resume_collector
from workbench.cli.types import ROW_ID
from workbench.config import Settings

if TYPE_CHECKING:
    from workbench.store.database import Database


@dataclass
class CliContext:
    settings: Settings
    _database: Database | None = field(default=None, repr=False)

    def database(self) -> Database:
        """The database, opened on first use; `settings.user` is then whoever is acting there."""
        if self._database is None:
            # Imported here: SQLAlchemy is for the commands that open the database, not --help.
            from workbench.services.users import acting_user
            from workbench.store.database import open_database

            database = open_database(self.settings.db_url)
            try:
                user = acting_user(database, self.settings)
            except BaseException:
                database.dispose()
                raise
            self.settings = replace(self.settings, user=user)
            self._database = database
            resume_collector()  # the command's libraries are loaded by now
        return self._database

    @property
    def user(self) -> str:
        """Whoever is acting: resolved against the database (see services/users.py)."""
        self.database()
        return self.settings.user

    def close(self) -> None:
        if self._database is not None:
            self._database.dispose()


pass_context = click.make_pass_decorator(CliContext)

F = TypeVar("F", bound=Callable[..., Any])


def expect_version_option(thing: str, why: str = "") -> Callable[[F], F]:
    """`--expect-version N`, the optimistic check every write command offers on `thing`."""
    return click.option(
        "--expect-version",
        type=ROW_ID,
        metavar="N",
        help=f"Refuse (exit 3) unless the {thing} is still at version N{why}.",
    )
