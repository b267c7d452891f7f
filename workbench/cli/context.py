"""What every command gets: the settings and, opened on first use, the database."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

import click

from workbench.cli.types import ROW_ID
from workbench.config import Settings
from workbench.store.database import Database, open_database


@dataclass
class CliContext:
    settings: Settings
    _database: Database | None = field(default=None, repr=False)

    def database(self) -> Database:
        if self._database is None:
            self._database = open_database(self.settings.db_url)
        return self._database

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
