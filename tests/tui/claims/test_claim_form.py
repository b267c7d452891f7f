"""The claim form under Pilot: every field the CLI sets, and the aligned span chosen in the other
side's stored text, checked in the database (offsets, quotes, history)."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import Button, Input, Label, Select, TextArea

from tests.tui.claims.helpers import (
    claims_in,
    go_to,
    history_of,
    open_app,
    segment_containing,
    select_in_source,
)
from tests.tui.claims.test_claims_panel import open_panel
from tests.tui.conftest import AppFactory, main_screen, save_as
from tests.tui.key_runs import press_run
from workbench.services.claims import tag_claim
from workbench.services.users import ensure_user
from workbench.store.database import Database
from workbench.store.models import Segment
from workbench.tui.app import WorkbenchApp
from workbench.tui.claims.form import ClaimFormScreen
from workbench.tui.claims.form_values import FIELDS
from workbench.tui.claims.source_select import SourceSelectScreen

ARABIC = "27 مليار دولار"
TARGET = "Trade between the two countries reached 27 billion dollars in 2022."
ENGLISH = "27 billion dollars"
LINKS = ("https://stat.gov.kz/trade-2022", "https://example.org/report?id=7")


def form_of(app: WorkbenchApp) -> ClaimFormScreen:
    form = app.screen
    assert isinstance(form, ClaimFormScreen)
    return form


def error_of(form: ClaimFormScreen) -> str:
    return str(form.query_one("#claim-error", Label).render())


async def select_from_start(pilot: Pilot[None], start: int, length: int) -> None:
    """In a selector that just opened (cursor at the start): move, then select with shift."""
    await press_run(pilot, *(["right"] * start), *(["shift+right"] * length))


async def fill_new_fields(pilot: Pilot[None], form: ClaimFormScreen) -> None:
    form.query_one("#claim_type", Select).value = "statistic"
    form.query_one("#claimant_kind", Select).value = "organization"
    form.query_one("#claimant_name", Input).value = "Kazakh statistics bureau"
    form.query_one("#claim_date", Input).value = "2023-11"
    form.query_one("#claim_place", Input).value = "Astana"
    form.query_one("#mt_distorted", Select).value = "yes"
    links = form.query_one("#evidence_links", TextArea)
    links.focus()
    await press_run(pilot, *LINKS[0])  # one link per line, typed
    await pilot.press("enter")
    await press_run(pilot, *LINKS[1])
    assert links.text == "\n".join(LINKS)


async def tag_english_in_target(pilot: Pilot[None], app: WorkbenchApp) -> ClaimFormScreen:
    editor = main_screen(app).editor
    editor.move_cursor((0, TARGET.index(ENGLISH)))
    await press_run(pilot, *(["shift+right"] * len(ENGLISH)))
    await pilot.press("ctrl+g")
    return form_of(app)


async def test_an_english_claim_with_every_field_and_an_aligned_arabic_span(
    make_app: AppFactory, seeded_database: Database
) -> None:
    segment = segment_containing(seeded_database, ARABIC)
    save_as(seeded_database, "bob", segment.id, TARGET, 0)
    app = open_app(make_app, segment)
    async with app.run_test(size=(120, 40)) as pilot:
        await go_to(pilot, app, segment.position)
        form = await tag_english_in_target(pilot, app)
        assert form.query_one("#claim-aligned-choose", Button).disabled is False
        await fill_new_fields(pilot, form)
        await pilot.press("ctrl+l")
        select = app.screen
        assert isinstance(select, SourceSelectScreen) and select.text == segment.source
        await select_from_start(pilot, segment.source.index(ARABIC), len(ARABIC))
        await pilot.press("enter")
        assert app.screen is form and form.aligned_words == ARABIC
        await pilot.press("ctrl+s")
        assert not isinstance(app.screen, ClaimFormScreen), error_of(form)
    (claim,) = claims_in(seeded_database)
    start, aligned = TARGET.index(ENGLISH), segment.source.index(ARABIC)
    assert (claim.side, claim.start, claim.end, claim.quote) == (
        "en",
        start,
        start + len(ENGLISH),
        ENGLISH,
    )
    assert (claim.aligned_start, claim.aligned_end) == (aligned, aligned + len(ARABIC))
    assert claim.aligned_quote == ARABIC == segment.source[aligned : aligned + len(ARABIC)]
    assert (claim.claimant_kind, claim.claimant_name) == (
        "organization",
        "Kazakh statistics bureau",
    )
    assert (claim.claim_date, claim.claim_place) == ("2023-11", "Astana")
    assert claim.evidence_links == list(LINKS)
    assert claim.mt_distorted is True
    assert claim.claim_type == "statistic"


async def test_a_bad_date_and_a_bad_link_are_refused_in_the_form(
    make_app: AppFactory, seeded_database: Database
) -> None:
    segment = segment_containing(seeded_database, ARABIC)
    save_as(seeded_database, "bob", segment.id, TARGET, 0)
    app = open_app(make_app, segment)
    async with app.run_test(size=(120, 40)) as pilot:
        await go_to(pilot, app, segment.position)
        form = await tag_english_in_target(pilot, app)
        form.query_one("#claim_date", Input).value = "2023-13"
        await pilot.press("ctrl+s")
        assert app.screen is form
        assert "claim date '2023-13' is not a date" in error_of(form)
        form.query_one("#claim_date", Input).value = "2023-11-08"
        form.query_one("#evidence_links", TextArea).load_text(f"{LINKS[0]}\nftp://example.org/x")
        await pilot.press("ctrl+s")
        assert app.screen is form
        assert "evidence link 'ftp://example.org/x' is not an http(s) URL" in error_of(form)
        await pilot.press("escape")
    assert claims_in(seeded_database) == []


def tag_with_every_field(database: Database, segment: Segment) -> int:
    """bob's Arabic claim on the 27-billion figure, aligned to the English words."""
    start, aligned = segment.source.index(ARABIC), TARGET.index(ENGLISH)
    with database.write() as session:
        bob = ensure_user(session, "bob")
        view = tag_claim(
            session,
            segment.id,
            "ar",
            start,
            start + len(ARABIC),
            author=bob,
            fields={
                "aligned_start": aligned,
                "aligned_end": aligned + len(ENGLISH),
                "claim_type": "statistic",
                "claimant_name": "Tokayev",
                "claimant_kind": "person",
                "claim_date": "2023",
                "claim_place": "Astana",
                "evidence_links": list(LINKS),
                "mt_distorted": False,
                "verdict": "unverified",
                "notes": "from the press conference",
            },
        )
    return view.id


async def test_editing_prefills_every_field_and_keeps_what_is_not_changed(
    make_app: AppFactory, seeded_database: Database
) -> None:
    segment = segment_containing(seeded_database, ARABIC)
    save_as(seeded_database, "bob", segment.id, TARGET, 0)
    claim_id = tag_with_every_field(seeded_database, segment)
    (before,) = claims_in(seeded_database)
    app = make_app(document_id=segment.document_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_panel(pilot)
        await pilot.press("e")
        form = form_of(app)
        assert form.query_one("#claimant_kind", Select).value == "person"
        assert form.query_one("#claim_date", Input).value == "2023"
        assert form.query_one("#claim_place", Input).value == "Astana"
        assert form.query_one("#evidence_links", TextArea).text == "\n".join(LINKS)
        assert form.query_one("#mt_distorted", Select).value == "no"
        assert ENGLISH in str(form.query_one("#claim-aligned", Label).render())
        await pilot.press("ctrl+l")  # the selector shows the current aligned span selected
        assert app.screen.query_one("#source-logical", TextArea).selected_text == ENGLISH
        await pilot.press("escape")
        assert app.screen is form and not form.aligned_changed
        form.query_one("#claim_place", Input).value = "Moscow"
        await pilot.press("ctrl+s")
        assert not isinstance(app.screen, ClaimFormScreen), error_of(form)
    (claim,) = claims_in(seeded_database)
    assert (claim.claim_place, claim.version) == ("Moscow", 2)
    kept = [
        "start",
        "end",
        "quote",
        "aligned_start",
        "aligned_end",
        "aligned_quote",
        "claim_type",
        "claimant_name",
        "claimant_kind",
        "claim_date",
        "evidence_links",
        "mt_distorted",
        "verdict",
        "notes",
        "status",
        "anchor_state",
    ]
    assert {name: getattr(claim, name) for name in kept} == {
        name: getattr(before, name) for name in kept
    }
    history = history_of(seeded_database, claim_id)
    assert [(row.version, row.action) for row in history] == [(1, "created"), (2, "updated")]
    assert history[1].snapshot["claim_place"] == "Moscow"


async def test_an_arabic_claim_aligned_to_words_of_the_saved_target(
    make_app: AppFactory, seeded_database: Database
) -> None:
    segment = segment_containing(seeded_database, ARABIC)
    save_as(seeded_database, "bob", segment.id, TARGET, 0)
    start = segment.source.index(ARABIC)
    app = open_app(make_app, segment, bidi="on")
    async with app.run_test(size=(120, 40)) as pilot:
        await go_to(pilot, app, segment.position)
        await select_in_source(pilot, start, len(ARABIC))
        await pilot.press("enter")
        form = form_of(app)
        await pilot.press("ctrl+l")
        select = app.screen
        assert isinstance(select, SourceSelectScreen) and select.text == TARGET
        assert not select.query(".source-display")  # no Arabic display line for English
        await select_from_start(pilot, TARGET.index(ENGLISH), len(ENGLISH))
        await pilot.press("enter", "ctrl+s")
        assert not isinstance(app.screen, ClaimFormScreen), error_of(form)
    (claim,) = claims_in(seeded_database)
    aligned = TARGET.index(ENGLISH)
    assert (claim.side, claim.start, claim.end, claim.quote) == (
        "ar",
        start,
        start + len(ARABIC),
        ARABIC,
    )
    assert (claim.aligned_start, claim.aligned_end) == (aligned, aligned + len(ENGLISH))
    assert claim.aligned_quote == ENGLISH


async def test_an_arabic_claim_without_a_target_cannot_choose_an_aligned_span(
    make_app: AppFactory, seeded_database: Database
) -> None:
    segment = segment_containing(seeded_database, ARABIC)
    app = open_app(make_app, segment)
    async with app.run_test(size=(120, 40)) as pilot:
        await go_to(pilot, app, segment.position)
        await select_in_source(pilot, segment.source.index(ARABIC), len(ARABIC))
        await pilot.press("enter")
        form = form_of(app)
        assert form.query_one("#claim-aligned-choose", Button).disabled
        assert "no saved English target" in str(form.query_one("#claim-aligned", Label).render())
        await pilot.press("ctrl+l")
        assert app.screen is form
        await pilot.press("ctrl+s")
    (claim,) = claims_in(seeded_database)
    assert (claim.aligned_start, claim.aligned_end, claim.aligned_quote) == (None, None, None)


async def test_clearing_the_aligned_span_of_an_existing_claim(
    make_app: AppFactory, seeded_database: Database
) -> None:
    segment = segment_containing(seeded_database, ARABIC)
    save_as(seeded_database, "bob", segment.id, TARGET, 0)
    tag_with_every_field(seeded_database, segment)
    app = make_app(document_id=segment.document_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_panel(pilot)
        await pilot.press("e")
        form = form_of(app)
        await pilot.click("#claim-aligned-clear")
        assert str(form.query_one("#claim-aligned", Label).render()) == "none"
        await pilot.press("ctrl+s")
        assert not isinstance(app.screen, ClaimFormScreen), error_of(form)
    (claim,) = claims_in(seeded_database)
    assert (claim.aligned_start, claim.aligned_end, claim.aligned_quote) == (None, None, None)
    assert (claim.claim_place, claim.evidence_links) == ("Astana", list(LINKS))


async def test_every_field_is_reached_by_tab_on_a_small_terminal(
    make_app: AppFactory, seeded_database: Database
) -> None:
    segment = segment_containing(seeded_database, ARABIC)
    save_as(seeded_database, "bob", segment.id, TARGET, 0)
    app = open_app(make_app, segment)
    async with app.run_test(size=(80, 24)) as pilot:
        await go_to(pilot, app, segment.position)
        form = await tag_english_in_target(pilot, app)
        reached: list[str | None] = []
        for _ in range(20):
            focused = app.focused
            assert focused is not None
            reached.append(focused.id)
            region = focused.region  # scrolled into the visible part of the dialog
            assert region.height and 0 <= region.y < 24 and region.bottom <= 24, focused.id
            await pilot.press("tab")
        expected = [name for name, _, _ in FIELDS]
        expected[expected.index("mt_distorted") + 1 : 0] = [
            "claim-aligned-choose",
            "claim-aligned-clear",
        ]
        assert reached[: len(expected) + 2] == [*expected, "claim-save", "claim-cancel"]
        form.query_one("#claim_place", Input).value = "Astana"
        await pilot.press("ctrl+s")
        assert not isinstance(app.screen, ClaimFormScreen), error_of(form)
    (claim,) = claims_in(seeded_database)
    assert claim.claim_place == "Astana"
