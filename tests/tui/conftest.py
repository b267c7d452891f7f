"""Fixtures for the terminal app: the real app on a real SQLite file seeded with the articles."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator
from typing import Any

import pytest
from sqlalchemy import select
from textual.css.model import RuleSet
from textual.css.stylesheet import Stylesheet
from textual.css.types import CSSLocation

from tests.mt_fixtures import FEW_SEEDS
from tests.templates import release_open_databases, restore_template
from workbench.config import load_settings
from workbench.services.editing import save_segment
from workbench.services.seeding import seed_if_empty
from workbench.store.database import Database, open_database
from workbench.store.models import Revision, Segment
from workbench.store.queries import SegmentRow, get_segment_row
from workbench.tui.app import WorkbenchApp
from workbench.tui.editor.main import MainScreen

# A terminal without its own bidi engine: the app converts Arabic (bidi auto -> on).
XTERM = {"TERM": "xterm-256color"}

AppFactory = Callable[..., WorkbenchApp]


@pytest.fixture(autouse=True, scope="session")
def _css_parsed_once() -> Iterator[None]:
    """Parse each piece of Textual CSS once per worker, not once per app.

    Every app builds its own stylesheet and parses every source in it again: app.tcss and the
    DEFAULT_CSS of each widget and screen it shows, 40 ms of CPU at each start of the main screen
    (a sixth of it) and more as dialogs open, in every one of some 250 tests. Textual already
    keeps the parsed rules of a source for the life of one stylesheet (`_parse_rules`, keyed by
    the text, where it was read from and its scope, and dropped when the theme's variables
    change); this keeps them for the session, with the variables in the key. Parsing is a pure
    function of that key, and the app is handed the very rules it would have parsed.
    """
    parsed: dict[tuple[Hashable, ...], list[RuleSet]] = {}
    parse_rules = Stylesheet._parse_rules

    def parse_once(
        stylesheet: Stylesheet,
        css: str,
        read_from: CSSLocation,
        is_default_rules: bool = False,
        tie_breaker: int = 0,
        scope: str = "",
    ) -> list[RuleSet]:
        variables = tuple(stylesheet._variables.items())
        key = (css, read_from, is_default_rules, tie_breaker, scope, variables)
        rules = parsed.get(key)
        if rules is None:
            rules = parse_rules(stylesheet, css, read_from, is_default_rules, tie_breaker, scope)
            parsed[key] = rules
        return rules

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Stylesheet, "_parse_rules", parse_once)
        yield


def build_seeded_database(url: str) -> None:
    """What the app seeds a new database with, by "importer" (the template of seeded_database)."""
    database = open_database(url)
    try:
        seed_if_empty(database, "importer")
    finally:
        database.dispose()


@pytest.fixture
def seeded_database(database: Database, db_url: str, request: pytest.FixtureRequest) -> Database:
    """`database`, holding what `seed_if_empty` puts in a new database (a copy of a template)."""
    release_open_databases(request)
    restore_template(request, "seeded-app", build_seeded_database, db_url)
    return database


def build_few_seeds_database(url: str) -> None:
    """What the app seeds a new database with, FEW_SEEDS only (the template of
    few_seeds_database)."""
    database = open_database(url)
    try:
        seed_if_empty(database, "importer", FEW_SEEDS)
    finally:
        database.dispose()


@pytest.fixture
def few_seeds_database(database: Database, db_url: str, request: pytest.FixtureRequest) -> Database:
    """`database` as `seed_if_empty` would leave it if the seeds were FEW_SEEDS only: for MT tests
    whose property does not depend on how many sentences are translated."""
    release_open_databases(request)
    restore_template(request, "few-seeds-app", build_few_seeds_database, db_url)
    return database


@pytest.fixture
def make_app(seeded_database: Database, db_url: str) -> AppFactory:
    return app_factory(seeded_database, db_url)


@pytest.fixture
def make_few_seeds_app(few_seeds_database: Database, db_url: str) -> AppFactory:
    """`make_app` on `few_seeds_database`."""
    return app_factory(few_seeds_database, db_url)


def app_factory(database: Database, db_url: str) -> AppFactory:
    def make(
        *,
        user: str = "alice",
        environ: dict[str, str] | None = None,
        translate: bool = False,
        document_id: int | None = None,
        **settings: Any,
    ) -> WorkbenchApp:
        return WorkbenchApp(
            load_settings(db_url=db_url, user=user, **settings),
            database,
            document_id=document_id,
            environ=XTERM if environ is None else environ,
            translate=translate,
        )

    return make


def main_screen(app: WorkbenchApp) -> MainScreen:
    screen = app.main_screen
    assert screen is not None
    return screen


def segment_at(database: Database, document_id: int, position: int) -> SegmentRow:
    with database.read() as session:
        segment_id = session.scalars(
            select(Segment.id).where(
                Segment.document_id == document_id, Segment.position == position
            )
        ).one()
        row = get_segment_row(session, segment_id)
    assert row is not None
    return row


def revisions_of(database: Database, segment_id: int) -> list[Revision]:
    with database.read() as session:
        return list(
            session.scalars(
                select(Revision).where(Revision.segment_id == segment_id).order_by(Revision.id)
            )
        )


def save_as(
    database: Database,
    user: str,
    segment_id: int,
    text: str,
    version: int,
    status: str | None = None,
) -> None:
    """Someone else saving, as `workbench edit` would."""
    save_segment(database, user, segment_id, text, status=status, expect_version=version)
