"""Exporting the open document from the command palette (tui/documents/export_dialog.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import docx
import pytest
from lxml import etree
from textual.pilot import Pilot
from textual.widgets import Input, Select

from tests.tui.conftest import AppFactory
from tests.tui.key_runs import press_run
from workbench.tui.app import WorkbenchApp
from workbench.tui.documents.export_dialog import ExportDialog


async def _export(app: WorkbenchApp, pilot: Pilot[Any], entry: str, path: Path) -> ExportDialog:
    await pilot.press("ctrl+p")
    await press_run(pilot, *entry)  # typed into the command palette's search
    await pilot.press("enter")
    await pilot.pause()
    dialog = app.screen
    assert isinstance(dialog, ExportDialog)
    field = dialog.query_one("#export-path", Input)
    assert field.has_focus and field.value.startswith("document-")
    field.value = ""
    await press_run(pilot, *str(path))
    await pilot.press("enter")
    await app.workers.wait_for_complete()
    await pilot.pause()
    return dialog


def _notices(app: WorkbenchApp) -> list[str]:
    return [str(notice.message) for notice in app._notifications]


@pytest.mark.parametrize(
    ("entry", "name"),
    [
        ("Export bilingual copy of document 2", "review.html"),
        ("Export XLIFF of document 2", "for-omegat.xlf"),
        ("Export CSV of document 2", "sheet.csv"),
    ],
)
async def test_palette_exports_open_document(
    make_app: AppFactory, tmp_path: Path, entry: str, name: str
) -> None:
    app = make_app(document_id=2)
    out = tmp_path / name
    async with app.run_test(size=(120, 36)) as pilot:
        await _export(app, pilot, entry, out)
        assert not isinstance(app.screen, ExportDialog)  # closed once written
        assert any(str(out) in notice for notice in _notices(app))
    assert out.exists()
    if name.endswith((".html", ".xlf")):
        etree.parse(str(out), etree.HTMLParser() if name.endswith(".html") else None)


async def test_untranslated_article_is_refused_then_marked(
    make_app: AppFactory, tmp_path: Path
) -> None:
    app = make_app(document_id=1)
    out = tmp_path / "article.docx"
    async with app.run_test(size=(120, 36)) as pilot:
        dialog = await _export(app, pilot, "Export article of document 1", out)
        assert app.screen is dialog  # still open, saying why
        assert any("have no English" in notice for notice in _notices(app))
        assert not out.exists()
        dialog.query_one("#export-missing", Select).value = "mark"
        dialog.query_one("#export-path", Input).focus()
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen is not dialog
    paragraphs = [p.text for p in docx.Document(str(out)).paragraphs]
    assert paragraphs and all(text.startswith("[untranslated sentence") for text in paragraphs[1:])


async def test_escape_cancels_and_writes_nothing(make_app: AppFactory, tmp_path: Path) -> None:
    app = make_app(document_id=1)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("ctrl+p")
        await press_run(pilot, *"Export TMX of document 1")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, ExportDialog)
    assert list(tmp_path.glob("*.tmx")) == []


def test_every_missing_policy_is_offered() -> None:
    from workbench.export.article import MISSING
    from workbench.tui.documents.export_dialog import MISSING_LABELS

    assert tuple(MISSING_LABELS) == MISSING
