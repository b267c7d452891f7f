"""The article's rules without a database: title, paragraphs, missing sentences, escaping."""

from __future__ import annotations

import io

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workbench.errors import InputError
from workbench.export.article import build_article, join_sentences
from workbench.export.article_text import markdown_escape, write_text
from workbench.export.document_read import DocumentInfo, PublishDocument, Sentence


def sentence(
    position: int, paragraph: int, source: str, target: str | None, **kw: object
) -> Sentence:
    values: dict[str, object] = {"block": None, "mt": None, "status": "translated", "version": 1}
    values.update(kw)
    return Sentence(
        position, position, paragraph, values["block"], source, target,  # type: ignore[arg-type]
        values["mt"], values["status"], values["version"],  # type: ignore[arg-type]
    )  # fmt: skip


def document(title: str, *sentences: Sentence) -> PublishDocument:
    info = DocumentInfo(7, title, "a.txt", "0" * 64, None, None, None, None, "txt")
    return PublishDocument(info, list(sentences))


def test_lone_first_sentence_the_title_came_from_is_the_title() -> None:
    doc = document(
        "العنوان هنا",
        sentence(1, 1, "العنوان هنا.", "The headline."),
        sentence(2, 2, "جملة.", "One."),
        sentence(3, 2, "جملة ثانية.", "Two."),
    )
    article = build_article(doc)
    assert article.title == "The headline."
    assert [p.text for p in article.paragraphs] == ["One. Two."]


def test_heading_first_is_the_title_whatever_the_stored_title() -> None:
    doc = document(
        "Renamed",
        sentence(1, 1, "عنوان.", "Headline", block="h1"),
        sentence(2, 2, "جملة.", "Body."),
    )
    assert build_article(doc).title == "Headline"


@pytest.mark.parametrize(
    ("title", "expected"), [("An English title", "An English title"), ("عنوان آخر", None)]
)
def test_title_when_the_first_paragraph_is_body(title: str, expected: str | None) -> None:
    doc = document(title, sentence(1, 1, "جملة.", "One."), sentence(2, 1, "ثانية.", "Two."))
    article = build_article(doc)
    assert article.title == expected
    assert [p.text for p in article.paragraphs] == ["One. Two."]


def test_rejected_and_empty_targets_are_missing() -> None:
    doc = document(
        "x",
        sentence(1, 1, "أ.", "A."),
        sentence(2, 1, "ب.", "B.", status="rejected"),
        sentence(3, 2, "ج.", "   "),
    )
    with pytest.raises(InputError, match=r"2 sentences have no English \(positions 2, 3\)"):
        build_article(doc)
    assert [p.text for p in build_article(doc, "source").paragraphs] == ["A. ب.", "ج."]


def test_long_lists_of_positions_are_cut() -> None:
    doc = document("x", *(sentence(n, n, "أ.", None) for n in range(1, 51)))
    with pytest.raises(InputError, match="and 30 more"):
        build_article(doc)


def test_plain_text_prefixes() -> None:
    doc = document(
        "x",
        sentence(1, 1, "أ.", "Head", block="h1"),
        sentence(2, 2, "ب.", "Item", block="li"),
        sentence(3, 3, "ج.", "Said", block="quote"),
    )
    out = io.StringIO()
    write_text(build_article(doc), out)
    assert out.getvalue() == "Head\n\n- Item\n\n> Said\n"


@given(st.lists(st.text(), max_size=5))
def test_joined_sentences_have_single_spaces(texts: list[str]) -> None:
    joined = join_sentences(texts)
    assert joined == joined.strip()
    assert "  " not in joined and "\n" not in joined


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("1. first", "1\\. first"),
        ("- dash", "\\- dash"),
        ("*a* _b_ [c] <d> #e & `f`", "\\*a\\* \\_b\\_ \\[c\\] \\<d\\> \\#e \\& \\`f\\`"),
        ("plain words, 3.5% and (brackets)", "plain words, 3.5% and (brackets)"),
    ],
)
def test_markdown_escape(text: str, escaped: str) -> None:
    assert markdown_escape(text) == escaped
