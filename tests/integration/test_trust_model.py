"""Who is acting: on SQLite the name given; on PostgreSQL the database login.

The PostgreSQL tests create a second, unprivileged login role on the test server and connect as
it, the way a desk member would; the test server's own login is a superuser.
"""

from __future__ import annotations

import itertools
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest
from click.testing import CliRunner, Result
from sqlalchemy.engine import make_url

from tests.conftest import SEEDS_DIR
from tests.pg_fixtures import SUPERUSER, PostgresServer
from workbench.cli import main
from workbench.store.database import open_database

_role_numbers = itertools.count(1)


def workbench(db_url: str, *args: str, env: dict[str, str] | None = None) -> Result:
    """The CLI without the test helper's --user: whoever the trust model says."""
    return CliRunner().invoke(main, ["--db", db_url, *args], env=env, catch_exceptions=False)


def users(db_url: str) -> dict[str, str]:
    result = workbench(db_url, "users", "list", "--json")
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    return {row["name"]: row["role"] for row in rows}


@dataclass
class Login:
    name: str
    url: str  # the test's database, connected as this login
    database: str


def run_sql(server: PostgresServer, database: str, *statements: str) -> None:
    """Run `statements` on `database` as the server's superuser."""
    with psycopg.connect(
        host=str(server.folder), user=SUPERUSER, dbname=database, autocommit=True
    ) as connection:
        for statement in statements:
            connection.execute(statement)


@pytest.fixture
def desk_login(postgres_server: PostgresServer, postgres_url: str) -> Iterator[Login]:
    """An ordinary login (not a superuser, not the owner) that may read and write the tables."""
    open_database(postgres_url).dispose()  # the schema, made by the owner
    name = f"samira_{os.getpid()}_{next(_role_numbers)}"
    database = make_url(postgres_url).database
    assert database is not None
    run_sql(postgres_server, "postgres", f'CREATE ROLE "{name}" LOGIN')
    run_sql(
        postgres_server,
        database,
        f'GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO "{name}"',
        f'GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO "{name}"',
    )
    yield Login(
        name, f"postgresql+psycopg://{name}@/{database}?host={postgres_server.folder}", database
    )
    run_sql(
        postgres_server,
        database,
        f'ALTER DATABASE "{database}" OWNER TO {SUPERUSER}',
        f'DROP OWNED BY "{name}"',
    )
    run_sql(postgres_server, "postgres", f'DROP ROLE "{name}"')


@pytest.fixture
def trusting_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    config = tmp_path / "trusting.toml"
    config.write_text("trust_user_option = true\n", encoding="utf-8")
    monkeypatch.setenv("WORKBENCH_CONFIG", str(config))
    return config


# PostgreSQL: the login is who acts.


@pytest.mark.postgres
def test_the_login_acts_when_no_name_is_given(desk_login: Login) -> None:
    made = workbench(desk_login.url, "users", "set-role", desk_login.name, "admin")
    assert made.exit_code == 0, made.output
    # Not the OS user this test runs as: the database login.
    assert users(desk_login.url) == {desk_login.name: "admin"}


@pytest.mark.postgres
def test_a_name_that_is_not_the_login_is_refused(desk_login: Login) -> None:
    imported = workbench(desk_login.url, "--user", "omar", "import", str(SEEDS_DIR))
    assert imported.exit_code == 6, imported.output
    assert "--user names 'omar'" in imported.stderr
    assert f"you are logged in as {desk_login.name!r}; nothing was done" in imported.stderr
    assert "trust_user_option = true" in imported.stderr

    from_environment = workbench(desk_login.url, "users", "list", env={"WORKBENCH_USER": "omar"})
    assert from_environment.exit_code == 6
    assert "WORKBENCH_USER names 'omar'" in from_environment.stderr

    # The screen is refused the same way, before the seeds are imported.
    start = workbench(desk_login.url, "--user", "omar")
    assert start.exit_code == 6
    assert users(desk_login.url) == {}  # an import or the seeds would have made a user


@pytest.mark.postgres
def test_the_login_may_name_itself(desk_login: Login) -> None:
    given = workbench(desk_login.url, "--user", desk_login.name, "import", str(SEEDS_DIR))
    assert given.exit_code == 0, given.output
    assert users(desk_login.url) == {desk_login.name: "editor"}


@pytest.mark.postgres
def test_a_trusting_config_honours_the_name(desk_login: Login, trusting_config: Path) -> None:
    made = workbench(desk_login.url, "--user", "omar", "users", "set-role", "omar", "admin")
    assert made.exit_code == 0, made.output
    assert users(desk_login.url) == {"omar": "admin"}


def test_trust_user_option_must_be_true_or_false(
    db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "config.toml"
    config.write_text('trust_user_option = "yes"\n', encoding="utf-8")
    monkeypatch.setenv("WORKBENCH_CONFIG", str(config))
    result = workbench(db_url, "users", "list")
    assert result.exit_code == 2
    assert "trust_user_option = 'yes' is not allowed: use true or false" in result.stderr


@pytest.mark.postgres
def test_a_superuser_may_act_for_anyone(postgres_url: str) -> None:
    # It could become any login (SET SESSION AUTHORIZATION): the test suite's own login.
    made = workbench(postgres_url, "--user", "lina", "users", "set-role", "lina", "admin")
    assert made.exit_code == 0, made.output
    assert users(postgres_url) == {"lina": "admin"}


@pytest.mark.postgres
def test_recover_admin_needs_the_owner(postgres_server: PostgresServer, desk_login: Login) -> None:
    assert workbench(desk_login.url, "import", str(SEEDS_DIR)).exit_code == 0
    refused = workbench(desk_login.url, "users", "recover-admin", desk_login.name)
    assert refused.exit_code == 6
    assert "needs the owner of the PostgreSQL database" in refused.stderr
    assert f"you are logged in as {desk_login.name}" in refused.stderr
    assert users(desk_login.url) == {desk_login.name: "editor"}

    run_sql(
        postgres_server,
        desk_login.database,
        f'ALTER DATABASE "{desk_login.database}" OWNER TO "{desk_login.name}"',
    )
    recovered = workbench(desk_login.url, "users", "recover-admin", desk_login.name)
    assert recovered.exit_code == 0, recovered.output
    assert users(desk_login.url) == {desk_login.name: "admin"}


# SQLite: whoever can write the file is trusted; the name is taken as given.


def test_sqlite_takes_the_name_as_given(db_path: Path) -> None:
    url = f"sqlite:///{db_path}"
    assert workbench(url, "--user", "omar", "users", "set-role", "omar", "admin").exit_code == 0
    added = workbench(url, "users", "add", "karim", env={"WORKBENCH_USER": "lina"})
    assert added.exit_code == 0, added.output
    assert users(url) == {"omar": "admin", "karim": "editor"}
