"""At 80x24 (most terminals, most SSH sessions) the open segment stays workable: the whole Arabic,
the MT and the English being typed show together; the rest is one key away; other screens keep
their essential columns."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select
from textual.widgets import DataTable, Footer

from tests.tui.aids_helpers import wait_for
from tests.tui.conftest import AppFactory, main_screen, save_as
from tests.tui.key_runs import press_run
from workbench.services.claim_writes import add_claim
from workbench.services.editing import record_machine_translation
from workbench.store.database import Database
from workbench.store.models import Segment
from workbench.tui.app import WorkbenchApp
from workbench.tui.claims.panel import ClaimsPanel
from workbench.tui.display.word_marks import display_marked_lines
from workbench.tui.editor.segment_list import CLAIM_MARK
from workbench.tui.editor.segment_texts import wrap_words

SIZE = (80, 24)
# A long English MT, as the model gives for the longest seed sentences.
MT = (
    "The President of the Republic said on Tuesday that 27 candidates had registered for the "
    "elections, which will be held next month under the supervision of international observers "
    "from the Organization for Security and Co-operation in Europe and the United Nations."
)


def longest_segments(database: Database, count: int) -> list[tuple[int, int, int, str]]:
    """(segment id, document id, position, source) of the longest seed sentences."""
    with database.read() as session:
        rows = session.execute(
            select(Segment.id, Segment.document_id, Segment.position, Segment.source)
            .order_by(func.length(Segment.source).desc())
            .limit(count)
        ).all()
    return [(int(a), int(b), int(c), str(d)) for a, b, c, d in rows]


def prepare(database: Database, segment_id: int, source: str) -> None:
    """The MT, a claim on the first word, and a target with doubled spaces (a QA badge)."""
    with database.write() as session:
        record_machine_translation(session, segment_id, MT)
    add_claim(database, "carol", segment_id, "ar", (0, len(source.split(" ", maxsplit=1)[0])))
    save_as(database, "bob", segment_id, "It  said 99 candidates.", 0, "draft")


def visible_lines(app: WorkbenchApp) -> list[str]:
    texts = main_screen(app).detail.texts
    top = round(texts.scroll_offset.y)
    return list(texts.text_lines[top : top + texts.scrollable_content_region.height])


@pytest.mark.parametrize("rank", [0, 1, 2])
async def test_source_mt_and_target_show_together_at_80x24(
    make_app: AppFactory, seeded_database: Database, rank: int
) -> None:
    segment_id, document_id, position, source = longest_segments(seeded_database, 3)[rank]
    assert len(source) > 150  # the long sentences this is about
    prepare(seeded_database, segment_id, source)
    app = make_app(document_id=document_id)
    async with app.run_test(size=SIZE) as pilot:
        screen = main_screen(app)
        screen.jump_to_position(position)
        await wait_for(pilot, lambda: screen.detail.qa.issues)
        await pilot.press("end")
        await press_run(pilot, *" Fixed")
        await pilot.pause()
        texts = screen.detail.texts
        width = texts.scrollable_content_region.width
        shown = visible_lines(app)
        # Counted as the pane wraps it: shaped (lam-alef is one cell) when the app converts Arabic.
        arabic_lines = len(display_marked_lines(source, (), width, texts.bidi))
        mt_lines = len(list(wrap_words(MT, width)))
        # Heading, every line of the Arabic, the MT label and every line of the MT: all visible.
        assert shown[0].startswith(f"Segment {position} of ")
        assert shown[1 + arabic_lines].startswith("MT · ")
        assert len(shown) >= 2 + arabic_lines + mt_lines
        last_mt_line = list(wrap_words(MT, width))[-1]
        assert last_mt_line in shown[1 + arabic_lines + mt_lines]
        # The English being typed, in full view inside the 24 rows.
        editor = screen.editor
        assert editor.region.height >= 3 and editor.region.bottom <= SIZE[1] - 2
        assert editor.text == "It  said 99 candidates. Fixed"
        # The rest (claims, badges) is below, folded into the texts: one key scrolls to it.
        assert not screen.detail.qa.display
        everything = "\n".join(texts.text_lines)
        code = screen.detail.qa.issues[0].code
        assert code in everything and CLAIM_MARK in everything
        if texts.text_lines[-1] not in shown:  # longer than the pane: the key reaches the end
            await pilot.press("ctrl+pagedown", "ctrl+pagedown", "ctrl+pagedown")
            await pilot.pause()
            assert texts.text_lines[-1] in visible_lines(app)
        await pilot.press("ctrl+pageup")
        await pilot.pause()
        assert visible_lines(app)[0].startswith(f"Segment {position} of ")


async def test_a_tall_terminal_keeps_the_badges_in_their_own_rows(
    make_app: AppFactory, seeded_database: Database
) -> None:
    segment_id, document_id, position, source = longest_segments(seeded_database, 1)[0]
    prepare(seeded_database, segment_id, source)
    app = make_app(document_id=document_id)
    async with app.run_test(size=SIZE) as pilot:
        screen = main_screen(app)
        screen.jump_to_position(position)
        await wait_for(pilot, lambda: screen.detail.qa.issues)
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert screen.detail.qa.display
        code = screen.detail.qa.issues[0].code
        assert code not in "\n".join(screen.detail.texts.text_lines)


async def test_footer_keeps_the_f_keys_at_80_columns(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        footer = main_screen(app).query_one(Footer)
        shown = [key for key in footer.query("FooterKey") if key.region.right <= SIZE[0]]
        keys = {key.key for key in shown if key.region.width}  # type: ignore[attr-defined]
        assert {"f2", "f3", "f4", "f8"} <= keys, keys


async def test_claims_panel_keeps_verdict_status_and_anchor_at_80_columns(
    make_app: AppFactory, seeded_database: Database
) -> None:
    segment_id, document_id, _, source = longest_segments(seeded_database, 1)[0]
    add_claim(seeded_database, "carol", segment_id, "ar", (0, len(source.split(" ")[0])))
    app = make_app(document_id=document_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+o")
        await pilot.pause()
        panel = app.screen
        assert isinstance(panel, ClaimsPanel)
        table = panel.query_one(DataTable)
        right = table.region.right
        for name in ("Verdict", "Status", "Anchor"):
            column = next(c for c in table.columns.values() if str(c.label) == name)
            index = list(table.columns.values()).index(column)
            left = table.region.x + sum(
                c.get_render_width(table) for c in list(table.columns.values())[:index]
            )
            assert left + column.get_render_width(table) <= right, name
