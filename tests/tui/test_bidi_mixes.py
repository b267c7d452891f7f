"""Any mix of bidi controls, marks and brackets displays (issue 16): the list and the detail pane
draw it, the display functions never raise, and the stored text stays as it was written."""

from __future__ import annotations

import asyncio
import unicodedata
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.tui.conftest import AppFactory, main_screen
from workbench.ingest.sources import read_source
from workbench.services.importing import import_document
from workbench.store.database import Database
from workbench.tui.app import WorkbenchApp
from workbench.tui.display.bidi import display_line, reorder_tagged, to_visual, wrap_visual
from workbench.tui.display.word_marks import display_marked
from workbench.tui.editor.segment_texts import SegmentTexts

CRASH = "وأكد أن \u2067«آبل»\u2069 ستواصل."

# What Arabic news carries between its letters: isolates, embeddings, overrides, marks, harakat,
# tatweel, presentation forms, joiners, brackets and quotes, digits of both kinds.
PIECES = [
    *"\u2066\u2067\u2068\u2069\u202a\u202b\u202c\u202d\u202e\u200e\u200f\u061c",
    *"\u064b\u064e\u064f\u0650\u0651\u0652\u0670\u0640\ufefb\ufef5\ufdf2\ufe8d\u200d\u200c",
    *"()[]{}«»“”„‘’\"'‹›<>",
    *"٠١٢٣0123.,:؛،؟!-/%",
    "آبل",
    "قال",
    "ق.م",
    "Apple",
    "CNN",
    " ",
    " ",
    " ",
]
MIXES = st.lists(st.sampled_from(PIECES), min_size=1, max_size=40).map("".join)


def _visible(text: str) -> str:
    return "".join(
        char
        for char in text
        if unicodedata.bidirectional(char)
        not in ("BN", "LRE", "RLE", "LRO", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI")
    )


@settings(max_examples=300, deadline=None)
@given(text=MIXES, width=st.integers(1, 50))
def test_display_functions_draw_any_mix(text: str, width: int) -> None:
    for base in ("R", "L"):
        one = to_visual(text, base)
        assert len(one) <= len(text)  # only lam-alef and Allah ligatures make it shorter
        tagged = reorder_tagged(text, range(len(text)), base)
        assert sorted(index for _, index in tagged) == list(range(len(text)))  # a permutation
        lines = wrap_visual(text, width, base)
        flat = " ".join(text.split())
        if len(lines) == 1:  # one line: the sentence converted at once (a wrapped line drops
            # the spaces at its ends, which shaping may leave where it dropped a ZWJ)
            assert lines[0].strip(" ") == to_visual(flat, base).strip(" ")
        assert sum(len(line) for line in lines) >= len(to_visual(flat, base)) - len(lines)
        drawn = display_marked(text, ["claim"] * len(text), True, base)
        assert "".join(part for part, _ in drawn)
    assert display_line(text, False) == text  # logical text untouched with bidi off


async def test_crash_sentence_opens_and_draws(
    make_app: AppFactory, seeded_database: Database, tmp_path: Path
) -> None:
    source = tmp_path / "isolates.txt"
    source.write_text(f"{CRASH}\nوقال المتحدث (\u2066Apple Inc.\u2069) إن «الشركة» مستمرة.\n")
    outcome = import_document(seeded_database, read_source(source), "importer")
    app = make_app(document_id=outcome.document_id)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = main_screen(app)
        first = screen.segment_list.render_line(0).text
        assert _visible(to_visual(CRASH))[-20:] in _visible(first)
        await pilot.press("ctrl+down")
        await pilot.pause()
        assert "Apple" in screen.segment_list.render_line(1).text
        assert screen.current is not None
        assert screen.current.row.source.startswith(
            "وقال المتحدث (\u2066Apple"
        )  # stored as written


@settings(
    max_examples=5, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(texts=st.lists(MIXES, min_size=1, max_size=4))
def test_list_and_detail_draw_any_mix(
    make_app: AppFactory, seeded_database: Database, tmp_path: Path, texts: list[str]
) -> None:
    """A few mixes through the real widgets (few examples: each one starts the app)."""
    source = tmp_path / "mix.txt"
    lines = [f"قال {text} انتهى." for text in texts]
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    parsed = read_source(source)
    outcome = import_document(seeded_database, parsed, "importer")
    stored = [segment.source for segment in parsed.segments]
    asyncio.run(_walk(make_app(document_id=outcome.document_id), stored))


async def _walk(app: WorkbenchApp, stored: list[str]) -> None:
    # 40 rows: below 32 the list keeps three rows (the compact layout) and would not draw them all.
    async with app.run_test(size=(90, 40)) as pilot:
        screen = main_screen(app)
        for index, text in enumerate(stored):
            assert screen.segment_list.render_line(index).text.strip()
            assert screen.current is not None
            assert screen.current.row.source == text  # logical text untouched
            shown = screen.query_one(SegmentTexts).text_lines
            assert any(line.strip() for line in shown[1:])
            await pilot.press("ctrl+down")
            await pilot.pause()
