"""A desk's day on both backends: import → machine translation (the real CTranslate2 path with
the test model) → post-edit → XLIFF to a translator and back → the English article, whose
paragraphs come out in order with the database's English."""

from __future__ import annotations

from pathlib import Path

import pytest
from translate.storage import xliff

from tests.conftest import Cli
from tests.integration.publish.conftest import article_paragraphs, build_document
from tests.integration.publish.readback import pandoc_read

pytestmark = pytest.mark.slow


def test_import_translate_edit_xliff_article(
    any_cli: Cli, tmp_path: Path, argos_model: object
) -> None:
    paragraphs = article_paragraphs(40)
    built = build_document(any_cli, tmp_path, paragraphs, translate=False)
    try:
        doc = str(built.document_id)
        result = any_cli("translate", "--doc", doc)
        assert result.exit_code == 0, result.output
        ids = built.segment_ids
        for segment_id, text in zip(
            ids[:3], paragraphs[0].english + paragraphs[1].english, strict=True
        ):
            assert any_cli("edit", str(segment_id), "--text", text).exit_code == 0
        # A freelancer translates the fourth sentence in a CAT tool.
        out = tmp_path / "out.xlf"
        assert any_cli("export", "xliff", str(out), "--doc", doc).exit_code == 0
        store = xliff.xlifffile.parsefile(str(out))
        store.units[3].target = "The freelancer's sentence."
        store.savefile(str(out))
        back = any_cli("import-xliff", str(out), user="freelancer")
        assert back.exit_code == 0, back.output
        assert "1 sentence updated" in back.output
        # The article: English where there is some, MT for the rest.
        article = tmp_path / "article.md"
        result = any_cli("export", "article", str(article), "--doc", doc, "--missing", "mt")
        assert result.exit_code == 0, result.output
        _, blocks = pandoc_read(article, "markdown-smart")
        segments = built.segments()
        assert segments[3].target == "The freelancer's sentence."
        assert all(segment.mt for segment in segments)  # every sentence went through the model
        by_paragraph: dict[int, list[str]] = {}
        for segment in segments:
            english = segment.target or segment.mt or ""
            by_paragraph.setdefault(segment.paragraph, []).append(" ".join(english.split()))
        texts = [" ".join(sentences) for _, sentences in sorted(by_paragraph.items())]
        assert blocks[0] == ("h1", texts[0])
        assert [text for _, text in blocks[2:]] == texts[1:]  # after the title and the byline
    finally:
        built.database.dispose()
