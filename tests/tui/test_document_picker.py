"""The F2 document list: titles, dates and progress, read from the database as it is now, on a
screen of its own over the main screen."""

from __future__ import annotations

from sqlalchemy import update
from textual.screen import Screen
from textual.widgets._footer import FooterKey

from tests.tui.conftest import AppFactory, main_screen, save_as, segment_at
from workbench.services.documents import rename_document
from workbench.store.database import Database
from workbench.store.models import Document, Segment
from workbench.tui.app import WorkbenchApp
from workbench.tui.documents.picker import DocumentPicker
from workbench.tui.documents.screen import DocumentsScreen


async def test_the_list_shows_title_date_and_progress(
    make_app: AppFactory, seeded_database: Database
) -> None:
    with seeded_database.write() as session:
        session.execute(update(Document).where(Document.id == 2).values(published_at="2023-11-10"))
        for segment_id, status in ((1, "translated"), (2, "approved"), (3, "reviewed")):
            session.execute(
                update(Segment)
                .where(Segment.id == segment_id)
                .values(status=status, target="Finished.")
            )
    rename_document(seeded_database, "alice", 3, "زيارة بوتين")
    app = make_app(bidi="off")  # Arabic as stored, so the title can be compared
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("f2")
        picker = app.screen.query_one(DocumentPicker)
        labels = [str(picker.get_option_at_index(i).prompt) for i in range(picker.option_count)]
    assert len(labels) == 5
    first_line = labels[0].splitlines()[0]
    assert first_line.split()[0] == "1"
    assert "●3/" in first_line and "✔1" in first_line and first_line.endswith("txt")
    assert "2023-11-10" in labels[1].splitlines()[0]  # the publication date when known
    assert "●0/" in labels[1] and "✔0" in labels[1]
    assert labels[2].splitlines()[1] == "زيارة بوتين"  # the title, on a line of its own


def top(app: WorkbenchApp) -> Screen[object]:
    """The screen on top (a call, so that a type checker does not keep an earlier narrowing)."""
    return app.screen


def _labels(app: WorkbenchApp) -> list[str]:
    picker = app.screen.query_one(DocumentPicker)
    return [str(picker.get_option_at_index(i).prompt) for i in range(picker.option_count)]


async def test_the_list_lies_over_the_main_screen_and_leaves_it_as_it_was(
    make_app: AppFactory,
) -> None:
    """F2 on a real database was slow because showing the list re-laid out and redrew the work
    area and rebuilt the footer: now the main screen's parts keep their places and its footer
    keeps its widgets, while the list's own footer names its keys."""
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        main = main_screen(app)
        parts = (main.segment_list, main.detail, main.editor)
        regions = [part.region for part in parts]
        footer = list(main.query(FooterKey))
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(top(app), DocumentsScreen)
        picker = app.screen.query_one(DocumentPicker)
        assert picker.region.x == 0 and picker.region.width == 40  # over the list's left
        assert [part.region for part in parts] == regions
        assert list(main.query(FooterKey)) == footer
        keys = {key.key: key.description for key in app.screen.query(FooterKey)}
        assert keys.get("enter") == "Open" and keys.get("f2") == "Close list"
        await pilot.press("f2")
        await pilot.pause()
        assert top(app) is main and main.editor.has_focus
        assert [part.region for part in parts] == regions


async def test_each_showing_reads_the_documents_afresh(
    make_app: AppFactory, seeded_database: Database
) -> None:
    """The entries are kept between showings only while nothing they show changed."""
    app = make_app(bidi="off")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("f2")
        first = _labels(app)
        picker = app.screen.query_one(DocumentPicker)
        await pilot.press("escape")
        await pilot.press("f2")  # nothing changed: the same entries, not rebuilt
        assert _labels(app) == first
        assert app.screen.query_one(DocumentPicker) is picker
        kept = picker.get_option_at_index(0)
        await pilot.press("escape")
        rename_document(seeded_database, "alice", 2, "عنوان جديد")
        segment = segment_at(seeded_database, 1, 1)
        save_as(seeded_database, "bob", segment.id, "Done.", segment.version, "translated")
        await pilot.press("f2")
        labels = _labels(app)
        assert labels[1].splitlines()[1] == "عنوان جديد"
        assert "●1/" in labels[0] and "●0/" in first[0]
        assert picker.get_option_at_index(0) is not kept
        assert picker.highlighted == 0  # the open document


async def test_keys_close_the_list_as_the_keymap_says(make_app: AppFactory) -> None:
    """The key the user gave `documents` in [keymap] opens the list and closes it; so do Escape
    and a click beside the list; Enter (or a click on an entry) opens the highlighted one."""
    app = make_app(keymap={"documents": "ctrl+g"})
    async with app.run_test(size=(120, 36)) as pilot:
        main = main_screen(app)
        await pilot.press("ctrl+g")
        assert isinstance(top(app), DocumentsScreen)
        await pilot.press("ctrl+g")
        assert top(app) is main
        await pilot.press("ctrl+g")
        await pilot.click(offset=(90, 10))  # beside the list, over the work area
        assert top(app) is main and main.document_id == 1
        await pilot.press("ctrl+g")
        await pilot.click(DocumentPicker, offset=(5, 7))  # under the border: 4th entry, line 1
        await pilot.pause()
        assert top(app) is main and main.document_id == 4
        assert main.editor.has_focus
