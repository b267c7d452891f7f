"""`workbench users add|list|set-role`: roles stored in the database."""

from __future__ import annotations

import click

from workbench.cli.context import CliContext, pass_context
from workbench.cli.output import echo, json_line
from workbench.cli.types import TEXT
from workbench.services.roles import add_user, list_users, parse_role, set_role
from workbench.store.models import Role

ROLE_NAMES = [role.value for role in Role]


@click.group("users")
def users_group() -> None:
    """Manage who may edit, review and administer (roles: editor, reviewer, admin)."""


@users_group.command("add")
@click.argument("name", type=TEXT)
@click.option("--role", type=click.Choice(ROLE_NAMES), default="editor", show_default=True)
@pass_context
def add_command(context: CliContext, name: str, role: str) -> None:
    """Add user NAME with a role. Anyone may add an editor; other roles follow the rule below.

    While the database has no admin, anyone may do this (to make the first admin); after that
    only an admin may.
    """
    with context.database().write() as session:
        user = add_user(session, context.settings.user, name, parse_role(role))
        echo(f"user {user.name} added as {user.role}")


@users_group.command("set-role")
@click.argument("name", type=TEXT)
@click.argument("role", type=click.Choice(ROLE_NAMES))
@pass_context
def set_role_command(context: CliContext, name: str, role: str) -> None:
    """Give user NAME the role ROLE.

    While the database has no admin, anyone may do this (to make the first admin); after that
    only an admin may, and the last admin cannot be demoted.
    """
    with context.database().write() as session:
        user = set_role(session, context.settings.user, name, parse_role(role))
        echo(f"user {user.name} is now {user.role}")


@users_group.command("list")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
@pass_context
def list_command(context: CliContext, as_json: bool) -> None:
    """List users and their roles, by name."""
    with context.database().read() as session:
        users = list_users(session)
        for user in users:
            if as_json:
                record = {
                    "name": user.name,
                    "role": user.role,
                    "created_at": user.created_at.isoformat(),
                }
                echo(json_line(record))
            else:
                echo(f"{user.name:<24} {user.role}")


def register(group: click.Group) -> None:
    group.add_command(users_group)
