"""`workbench export bilingual`: Arabic right to left beside the English, one row per sentence,
checked with lxml and python-docx for structure and through Chromium and LibreOffice for what a
reader sees."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import docx
from docx.oxml.ns import qn
from lxml import html as lxml_html

from tests.integration.publish.conftest import Built, need_tool
from tests.integration.publish.readback import pdf_text, to_pdf
from workbench.services.editing import record_machine_translation


def _claim_and_mt(built: Built) -> tuple[int, int]:
    """A claim on the second sentence; the last sentence's English replaced by MT only."""
    claimed, machine = built.segment_ids[1], built.segment_ids[-1]
    result = built.cli(
        "claims", "add", str(claimed), "--side", "ar", "--start", "0", "--end", "5",
        "--claim-text", "AMs object to the new title", "--type", "statistic",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    with built.database.write() as session:
        from workbench.store.models import Segment

        segment = session.get(Segment, machine)
        assert segment is not None
        segment.target, segment.status = None, "new"
        record_machine_translation(session, machine, "Machine English.", mt_package="p")
    return claimed, machine


def latin_words(text: str, count: int | None = None) -> str:
    """The Latin words of `text` (what a PDF's text layer keeps of English, whatever it makes of
    quotes and dashes)."""
    return " ".join(re.findall("[A-Za-z0-9]+", text)[:count])


def _export(built: Built, out: Path) -> None:
    result = built.cli("export", "bilingual", str(out), "--doc", str(built.document_id))
    assert result.exit_code == 0, result.output


def test_html_rows_rtl_status_claims(article: Built, tmp_path: Path) -> None:
    claimed, machine = _claim_and_mt(article)
    out = tmp_path / "review.html"
    _export(article, out)
    page = lxml_html.parse(str(out)).getroot()
    assert page.get("lang") == "en"
    rows = page.xpath("//tbody/tr")
    segments = article.segments()
    assert [row.get("id") for row in rows] == [f"s{segment.id}" for segment in segments]
    for row, segment in zip(rows, segments, strict=True):
        arabic, english = row.xpath("td[@class='ar']")[0], row.xpath("td[@class='en']")[0]
        assert (arabic.get("dir"), arabic.get("lang")) == ("rtl", "ar")
        assert arabic.text_content() == segment.source
        assert english.get("lang") == "en"
        status = row.xpath(".//span[contains(@class,'status')]")[0]
        assert f"s-{segment.status}" in status.get("class")
        if segment.id == machine:
            assert english.xpath("span[@class='mt']")[0].text == "Machine English."
            assert "MT shown" in status.text
        else:
            assert english.text == segment.target
        notes = english.xpath(".//ul[@class='claims']/li")
        if segment.id == claimed:
            assert len(notes) == 1 and "AMs object to the new title" in notes[0].text
        else:
            assert notes == []
    # Paragraphs of the source are the table's row groups.
    assert len(page.xpath("//tbody")) == len(article.paragraphs)


def test_html_renders_in_chromium(article: Built, tmp_path: Path) -> None:
    chromium = need_tool("chromium")
    out = tmp_path / "review.html"
    _export(article, out)
    pdf = tmp_path / "review.pdf"
    subprocess.run(
        [
            chromium, "--headless", "--no-sandbox", "--disable-gpu",
            f"--user-data-dir={tmp_path / 'chromium'}", f"--print-to-pdf={pdf}",
            "--no-pdf-header-footer", out.as_uri(),
        ],
        capture_output=True, timeout=120, check=True,
    )  # fmt: skip
    text = latin_words(pdf_text(pdf))
    for segment in article.segments():
        assert latin_words(segment.target or "", 4) in text


def test_docx_table_bidi_and_libreoffice(article: Built, tmp_path: Path) -> None:
    claimed, machine = _claim_and_mt(article)
    out = tmp_path / "review.docx"
    _export(article, out)
    document = docx.Document(str(out))
    (table,) = document.tables
    header, *rows = table.rows
    assert [cell.text for cell in header.cells] == ["#", "Arabic", "English", "Status"]
    segments = article.segments()
    assert len(rows) == len(segments)
    for row, segment in zip(rows, segments, strict=True):
        position, arabic, english, status = row.cells
        assert position.text == str(segment.position)
        assert arabic.text == segment.source
        paragraph = arabic.paragraphs[0]._p
        assert paragraph.pPr is not None and paragraph.pPr.find(qn("w:bidi")) is not None
        for run in paragraph.iter(qn("w:r")):
            assert run.find(qn("w:rPr")).find(qn("w:rtl")) is not None
        lines = [p.text for p in english.paragraphs]
        assert lines[0] == ("Machine English." if segment.id == machine else segment.target)
        assert (len(lines) == 2) == (segment.id == claimed)
        assert status.text.startswith({"new": "untranslated"}.get(segment.status, segment.status))
    text = latin_words(pdf_text(to_pdf(out, tmp_path)))
    assert "Review copy" in text
    for segment in segments:
        if segment.target:
            assert latin_words(segment.target, 3) in text
