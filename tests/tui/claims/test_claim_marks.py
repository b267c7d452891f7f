"""Claimed spans marked where they are: in the Arabic source whatever the bidi display, and in the
English target, following their words while the target is typed."""

from __future__ import annotations

from rich.style import Style
from textual.pilot import Pilot

from tests.tui.claims.helpers import go_to, open_app, segment_containing
from tests.tui.conftest import AppFactory, main_screen, save_as
from tests.tui.key_runs import press_run
from workbench.services.claim_fields import ClaimFields
from workbench.services.claims import tag_claim
from workbench.services.users import ensure_user
from workbench.store.database import Database
from workbench.store.models import Segment
from workbench.tui.app import WorkbenchApp
from workbench.tui.display.bidi import display_line, shape
from workbench.tui.editor.segment_texts import wrap_words

TRADE = "27 مليار دولار"
TARGET = "Trade reached 27 billion dollars last year."
QUOTE_EN = "27 billion dollars"


def tag(
    database: Database, segment: Segment, side: str, start: int, end: int, **fields: object
) -> int:
    with database.write() as session:
        author = ensure_user(session, "bob")
        claim = tag_claim(
            session, segment.id, side, start, end, author=author, fields=ClaimFields(**fields)
        )
    return claim.id


def claim_style(app: WorkbenchApp) -> Style:
    texts = main_screen(app).detail.texts
    return texts.get_component_rich_style("segment-texts--claim", partial=True)


def source_marked(app: WorkbenchApp) -> list[str]:
    """The texts highlighted as claimed in the source pane, a string per screen line."""
    texts = main_screen(app).detail.texts
    background = claim_style(app).bgcolor
    lines = [
        "".join(
            segment.text
            for segment in texts.render_line(y)
            if segment.style is not None and segment.style.bgcolor == background
        )
        for y in range(texts.size.height)
    ]
    return [line for line in lines if line]


def expected_marks(app: WorkbenchApp, source: str, quote: str, bidi: bool) -> list[str]:
    """The quote's words on each line of the source as the pane wraps it, as they are drawn."""
    texts = main_screen(app).detail.texts
    first = len(source[: source.index(quote)].split())
    wanted = range(first, first + len(quote.split()))
    out, number = [], 0
    for line in wrap_words(source, texts.scrollable_content_region.width):
        words = line.split(" ")
        mine = [word for offset, word in enumerate(words, number) if offset in wanted]
        number += len(words)
        if mine:
            out.append(display_line(" ".join(mine), bidi))
    return out


def target_marked(app: WorkbenchApp) -> list[str]:
    """The words of the target's first line drawn in the claim style."""
    editor = main_screen(app).editor
    style = editor.get_component_rich_style("target-editor--claim", partial=True)
    line = editor.get_line(0)
    return [line.plain[span.start : span.end] for span in line.spans if span.style == style]


async def open_at(pilot: Pilot[None], app: WorkbenchApp, segment: Segment) -> None:
    await go_to(pilot, app, segment.position)
    await pilot.pause()


async def test_an_arabic_claim_is_marked_in_the_source_in_every_bidi_mode(
    make_app: AppFactory, seeded_database: Database
) -> None:
    segment = segment_containing(seeded_database, TRADE)
    start = segment.source.index(TRADE)
    tag(seeded_database, segment, "ar", start, start + len(TRADE))
    app = open_app(make_app, segment, bidi="on")
    async with app.run_test(size=(140, 40)) as pilot:
        await open_at(pilot, app, segment)
        # Drawn as the terminal must receive it: shaped and right to left, digits left to right,
        # on each line the pane wraps the source into.
        assert source_marked(app) == expected_marks(app, segment.source, TRADE, bidi=True)
        assert "".join(source_marked(app)).replace(" ", "") != TRADE.replace(" ", "")
        await pilot.press("f3")  # on -> off: for a terminal that reorders by itself
        assert source_marked(app) == expected_marks(app, segment.source, TRADE, bidi=False)


async def test_each_claim_is_summed_up_under_the_source(
    make_app: AppFactory, seeded_database: Database
) -> None:
    segment = segment_containing(seeded_database, TRADE)
    start = segment.source.index(TRADE)
    fields = {
        "claim_type": "statistic",
        "check_worthiness": "check-worthy",
        "claimant_name": "Kassym-Jomart Tokayev",
        "claimant_role": "President",
        "verdict": "not-enough-info",
        "mt_distorted": True,
    }
    first = tag(seeded_database, segment, "ar", start, start + len(TRADE), **fields)
    second = tag(seeded_database, segment, "ar", 0, segment.source.index(" "))
    app = open_app(make_app, segment, bidi="off")
    async with app.run_test(size=(160, 40)) as pilot:
        await open_at(pilot, app, segment)
        lines = [line.rstrip() for line in main_screen(app).detail.texts.text_lines]
        summary = (
            f"⚑ {first} AR «{TRADE}» statistic · check-worthy · Kassym-Jomart Tokayev "
            "(President) · verdict: not enough info · MT distorted it · draft"
        )
        assert summary in lines
        word = segment.source[: segment.source.index(" ")]
        assert f"⚑ {second} AR «{word}» no type · no verdict · draft" in lines


async def test_latin_names_inside_arabic_are_marked_letter_for_letter(
    make_app: AppFactory, seeded_database: Database
) -> None:
    segment = segment_containing(seeded_database, "Il-76")
    quote = "Il-76” و”An-12"
    start = segment.source.index(quote)
    tag(seeded_database, segment, "ar", start, start + len(quote))
    app = open_app(make_app, segment, bidi="on")
    async with app.run_test(size=(140, 40)) as pilot:
        await open_at(pilot, app, segment)
        marked = "".join(source_marked(app))
        # Reordering splits the quote into runs; together they are its letters, shaped.
        assert sorted(marked.replace(" ", "")) == sorted(shape(quote).replace(" ", ""))
        assert "Il-76" in marked and "An-12" in marked


async def test_an_english_claim_is_marked_in_the_target_and_follows_its_words(
    make_app: AppFactory, seeded_database: Database
) -> None:
    segment = segment_containing(seeded_database, TRADE)
    save_as(seeded_database, "bob", segment.id, TARGET, 0)
    start = TARGET.index(QUOTE_EN)
    tag(seeded_database, segment, "en", start, start + len(QUOTE_EN))
    app = open_app(make_app, segment)
    async with app.run_test(size=(140, 40)) as pilot:
        await open_at(pilot, app, segment)
        assert target_marked(app) == [QUOTE_EN]
        editor = main_screen(app).editor
        background = editor.get_component_rich_style("target-editor--claim", partial=True).bgcolor
        underlined = [
            segment.text
            for segment in editor.render_line(0)
            if segment.style and segment.style.underline and segment.style.bgcolor == background
        ]
        assert "".join(underlined) == QUOTE_EN  # drawn, not only styled in the line's text
        editor.move_cursor((0, 0))
        await press_run(pilot, *"In 2022, ")
        assert target_marked(app) == [QUOTE_EN]  # the mark moved with its words
        editor.move_cursor((0, len("In 2022, Trade reached ")))
        await pilot.press("delete", "delete")  # "27" is gone: nothing is marked any more
        assert target_marked(app) == []


async def test_a_claim_whose_words_were_edited_away_is_flagged(
    make_app: AppFactory, seeded_database: Database
) -> None:
    segment = segment_containing(seeded_database, TRADE)
    save_as(seeded_database, "bob", segment.id, TARGET, 0)
    start = TARGET.index(QUOTE_EN)
    claim_id = tag(seeded_database, segment, "en", start, start + len(QUOTE_EN))
    app = open_app(make_app, segment)
    async with app.run_test(size=(140, 40)) as pilot:
        await open_at(pilot, app, segment)
        main_screen(app).detail.set_target("Trade grew last year.", undoable=True)
        await pilot.press("ctrl+s")
        lines = main_screen(app).detail.texts.text_lines
        assert any(f"⚠ Claim {claim_id} lost its English words" in line for line in lines)
        assert target_marked(app) == []


async def test_an_aligned_span_is_marked_on_the_other_side(
    make_app: AppFactory, seeded_database: Database
) -> None:
    segment = segment_containing(seeded_database, TRADE)
    save_as(seeded_database, "bob", segment.id, TARGET, 0)
    start = segment.source.index(TRADE)
    aligned = TARGET.index(QUOTE_EN)
    tag(
        seeded_database,
        segment,
        "ar",
        start,
        start + len(TRADE),
        aligned_start=aligned,
        aligned_end=aligned + len(QUOTE_EN),
    )
    app = open_app(make_app, segment, bidi="off")
    async with app.run_test(size=(140, 40)) as pilot:
        await open_at(pilot, app, segment)
        assert source_marked(app) == expected_marks(app, segment.source, TRADE, bidi=False)
        assert target_marked(app) == [QUOTE_EN]
