"""Screenshots of the main screens, compared with the accepted ones in __snapshots__/.

SVGs are drawn by the viewer's text engine, which applies bidi itself: they show what the app
sends, not how a terminal shows Arabic (the tmux test does that). Update after a deliberate
change with: pytest tests/tui/test_snapshots.py --snapshot-update
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import update
from textual.pilot import Pilot

from tests.tui.conftest import AppFactory, main_screen, save_as, segment_at
from tests.tui.key_runs import press_run
from workbench.mt.packages import InstalledModel
from workbench.services.editing import record_machine_translations
from workbench.services.users import ensure_user
from workbench.store.database import Database
from workbench.store.models import Document, Segment
from workbench.tui.aids.segment_aids import AIDS_DELAY, QA_DELAY

SIZE = (120, 36)
AIDS_SETTLE = AIDS_DELAY + QA_DELAY + 0.3  # seconds
WAIT_S = 120  # the most a condition is waited for (it usually holds within a second)
SnapCompare = Callable[..., bool]


async def steady(pilot: Pilot[Any]) -> None:
    """The editor's cursor blinks; a screenshot must not depend on when it is taken.

    With blinking off the cursor is drawn exactly when the editor has focus, and on a busy machine
    focus can still be on its way when the screenshot is taken: so it is set here. The memory is
    searched and the checks run a moment after a segment opens or is typed in: let them finish.
    """
    editor = main_screen(pilot.app).editor  # type: ignore[arg-type]
    editor.cursor_blink = False
    editor.focus()
    await pilot.pause(AIDS_SETTLE)
    # TextArea caches its lines without its focus in the key (with blinking off), so a line drawn
    # before focus arrived would keep showing no cursor: drop the cache and paint once more.
    assert editor.has_focus, pilot.app.focused
    editor.notify_style_update()
    editor.refresh()
    await pilot.pause()


def test_main_screen_without_a_model(snap_compare: SnapCompare, make_app: AppFactory) -> None:
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=steady)


# The English a model writes depends on the CPU: CTranslate2 picks its kernels by instruction set
# (AVX-512, AVX2, generic), and the test model's beam search can then choose other words. A
# screenshot must not, so this one shows English written here through the same store functions the
# translation service uses; the decoding itself is tested by property in test_mt.py and, in a real
# terminal, in test_tmux.py.
SHOWN_MT = {
    1: "A Russian report says Kazakhstan will ban parallel imports to Russia next month.",
    2: "Polling stations in Kazakhstan closed their doors on Sunday evening.",
}
SHOWN_ALTERNATIVES = [
    "The Russian site Tsargrad says Kazakhstan will stop parallel imports to Russia.",
    "Kazakhstan intends to ban parallel imports to Russia, a Russian report says.",
    "A report says the Kazakh authorities will not help Moscow get around sanctions.",
]


def record_shown_mt(database: Database, model: InstalledModel) -> None:
    texts = {segment_at(database, 1, position).id: text for position, text in SHOWN_MT.items()}
    with database.write() as session:
        record_machine_translations(
            session,
            texts,
            author=ensure_user(session, "importer"),
            mt_package=model.name,
            mt_version=model.version,
        )


def test_main_screen_with_mt_and_alternatives(
    snap_compare: SnapCompare,
    make_app: AppFactory,
    seeded_database: Database,
    argos_model: InstalledModel,
) -> None:
    record_shown_mt(seeded_database, argos_model)
    save_as(seeded_database, "bob", segment_at(seeded_database, 1, 2).id, "Done.", 0, "translated")

    async def alternatives_shown(pilot: Pilot[Any]) -> None:
        screen = main_screen(pilot.app)  # type: ignore[arg-type]
        # The model's own alternatives arrive first; ours replace them. A deadline, not a count
        # of sleeps: under parallel test workers the model loads several times slower.
        deadline = time.monotonic() + WAIT_S
        while not screen.detail.alternatives and time.monotonic() < deadline:
            await asyncio.sleep(0.02)
        assert screen.current is not None and screen.detail.alternatives
        screen.show_alternatives(screen.current.row.id, SHOWN_ALTERNATIVES)
        await steady(pilot)

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=alternatives_shown)


def test_help_screen(snap_compare: SnapCompare, make_app: AppFactory) -> None:
    async def help_shown(pilot: Pilot[Any]) -> None:
        await steady(pilot)
        await pilot.press("f1")

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=help_shown)


def test_document_picker(
    snap_compare: SnapCompare, make_app: AppFactory, seeded_database: Database
) -> None:
    # The list shows each document's date (its import date for the seeds): fixed, so that the
    # picture does not change from one day to the next. One segment translated, one approved.
    with seeded_database.write() as session:
        session.execute(update(Document).values(imported_at=datetime(2024, 3, 29, tzinfo=UTC)))
        for segment_id, status in ((1, "translated"), (2, "approved")):
            finished = update(Segment).where(Segment.id == segment_id)
            session.execute(finished.values(status=status, target="Finished."))

    async def picker_shown(pilot: Pilot[Any]) -> None:
        await steady(pilot)
        await pilot.press("f2", "down")

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=picker_shown)


def test_conflict_dialog(
    snap_compare: SnapCompare, make_app: AppFactory, seeded_database: Database
) -> None:
    async def conflict(pilot: Pilot[Any]) -> None:
        await steady(pilot)
        await press_run(pilot, *"My version")
        save_as(seeded_database, "bob", segment_at(seeded_database, 1, 1).id, "Bob's version", 0)
        await pilot.press("enter")
        await pilot.pause(AIDS_SETTLE)

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=conflict)


def test_detail_pane_with_tm_terms_and_badges(
    snap_compare: SnapCompare, make_app: AppFactory, seeded_database: Database
) -> None:
    """Segment 2 repeats segment 1, whose English is in the memory; its source has glossary
    terms; the English typed has a number the Arabic lacks."""
    save_as(
        seeded_database, "bob", segment_at(seeded_database, 1, 1).id, "A report.", 0, "translated"
    )

    async def aids_shown(pilot: Pilot[Any]) -> None:
        screen = main_screen(pilot.app)  # type: ignore[arg-type]
        screen.go_to_index(1)
        await press_run(pilot, *"Tsargrad said 12")
        deadline = time.monotonic() + WAIT_S
        while time.monotonic() < deadline:
            codes = {issue.code for issue in screen.detail.qa.issues}
            if screen.detail.tm.display and "number-mismatch" in codes:
                break
            await asyncio.sleep(0.02)
        await steady(pilot)

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=aids_shown)
