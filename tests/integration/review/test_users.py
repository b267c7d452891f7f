"""Roles: the first admin of an empty database is made by anyone, after that only an admin
changes roles; a database with users but no admin gets one through `users recover-admin`."""

from __future__ import annotations

from tests.conftest import Cli


def roles(cli: Cli) -> dict[str, str]:
    return {row["name"]: row["role"] for row in cli.json_lines("users", "list", "--json")}


def test_bootstrap_then_only_admins_change_roles(cli: Cli) -> None:
    assert cli("users", "set-role", "omar", "admin", user="omar").exit_code == 0
    assert cli("users", "add", "samira", "--role", "reviewer", user="omar").exit_code == 0
    assert roles(cli) == {"omar": "admin", "samira": "reviewer"}

    refused = cli("users", "set-role", "samira", "admin", user="samira")
    assert refused.exit_code == 6
    assert "changing a role needs the admin role; samira is a reviewer" in refused.stderr
    granting = cli("users", "add", "karim", "--role", "reviewer", user="samira")
    assert granting.exit_code == 6
    assert "adding a user as reviewer needs the admin role" in granting.stderr
    # Anyone may add an editor: every user starts as one anyway.
    assert cli("users", "add", "karim", user="samira").exit_code == 0
    assert cli("users", "set-role", "karim", "reviewer", user="omar").exit_code == 0
    assert roles(cli) == {"karim": "reviewer", "omar": "admin", "samira": "reviewer"}


def test_the_last_admin_stays(cli: Cli) -> None:
    assert cli("users", "add", "omar", "--role", "admin", user="omar").exit_code == 0
    last = cli("users", "set-role", "omar", "editor", user="omar")
    assert last.exit_code == 2
    assert "only admin" in last.stderr
    assert cli("users", "add", "lina", "--role", "admin", user="omar").exit_code == 0
    assert cli("users", "set-role", "omar", "editor", user="lina").exit_code == 0


def test_bad_names_and_roles(cli: Cli) -> None:
    assert cli("users", "set-role", "alice", "admin").exit_code == 0
    assert cli("users", "add", "omar").exit_code == 0
    again = cli("users", "add", "omar", "--role", "admin")
    assert again.exit_code == 2
    assert "already exists as editor" in again.stderr
    assert cli("users", "set-role", "nobody", "reviewer").exit_code == 4
    assert cli("users", "set-role", "omar", "boss").exit_code == 2
    assert cli("users", "add", " ").exit_code == 2
    plain = cli("users", "list")
    assert plain.stdout.split() == ["alice", "admin", "omar", "editor"]


def test_users_but_no_admin_need_recover_admin(cli: Cli) -> None:
    # Work began before anyone was made admin: the bootstrap no longer applies.
    assert cli("users", "add", "samira", user="samira").exit_code == 0
    attempts = [("users", "set-role", "samira", "admin"), ("users", "add", "k", "--role", "admin")]
    for args in attempts:
        refused = cli(*args, user="samira")
        assert refused.exit_code == 6, refused.output
        assert "has users but no admin" in refused.stderr
        assert "workbench users recover-admin NAME" in refused.stderr
    assert roles(cli) == {"samira": "editor"}

    recovered = cli("users", "recover-admin", "omar", user="samira")
    assert recovered.exit_code == 0, recovered.output
    assert "user omar is now admin" in recovered.stdout
    again = cli("users", "recover-admin", "samira", user="samira")
    assert again.exit_code == 6
    assert "this database has an admin (omar)" in again.stderr
    assert roles(cli) == {"omar": "admin", "samira": "editor"}
