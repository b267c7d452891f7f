"""`workbench users add|list|set-role|recover-admin`: roles stored in the database."""

from __future__ import annotations

import click

from workbench.cli.context import CliContext, pass_context
from workbench.cli.output import echo, echo_header, json_line
from workbench.cli.types import TEXT
from workbench.store.vocabulary import Role

# The services are imported inside the commands (cli/lazy.py: --help stays light).

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

    While the database has no users, anyone may do this (to make the first admin); after that
    only an admin may.
    """
    from workbench.services.roles import add_user_as, parse_role

    database = context.database()  # first: opening it may settle who the user is
    user = add_user_as(database, context.settings.user, name, parse_role(role))
    echo(f"user {user.name} added as {user.role}")


@users_group.command("set-role")
@click.argument("name", type=TEXT)
@click.argument("role", type=click.Choice(ROLE_NAMES))
@pass_context
def set_role_command(context: CliContext, name: str, role: str) -> None:
    """Give user NAME the role ROLE.

    While the database has no users, anyone may do this (to make the first admin); after that
    only an admin may, and the last admin cannot be demoted.
    """
    from workbench.services.roles import parse_role, set_role_as

    database = context.database()  # first: opening it may settle who the user is
    user = set_role_as(database, context.settings.user, name, parse_role(role))
    echo(f"user {user.name} is now {user.role}")


@users_group.command("recover-admin")
@click.argument("name")
@pass_context
def recover_admin_command(context: CliContext, name: str) -> None:
    """Make NAME admin in a database that has users but no admin.

    Only for whoever owns the data anyway: on SQLite anyone who can write the file; on
    PostgreSQL the owner of the database or of its tables, or a superuser. Refused while the
    database has an admin: an admin gives roles with `set-role`.
    """
    from workbench.services.roles import recover_admin_in

    user = recover_admin_in(context.database(), name)
    echo(f"user {user.name} is now admin (the database had no admin)")


@users_group.command("list")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
@pass_context
def list_command(context: CliContext, as_json: bool) -> None:
    """List users and their roles, by name."""
    from workbench.services.roles import list_users

    if not as_json:
        echo_header(f"{'name':<24} role")
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
