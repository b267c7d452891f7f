"""Escaping for the TMX writer: whatever the text, the XML parses back to it (less what XML 1.0
cannot carry)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from workbench.export.xmltext import drop_forbidden, xml_attribute, xml_text


def parsed(text: str) -> tuple[str, str]:
    document = f'<r a="{xml_attribute(text)}">{xml_text(text)}</r>'.encode()
    root = etree.fromstring(document, etree.XMLParser(resolve_entities=False))
    return root.text or "", root.get("a") or ""


@given(st.text())
def test_any_text_parses_back(text: str) -> None:
    assert parsed(text) == (drop_forbidden(text), drop_forbidden(text))


def test_what_is_kept_and_what_is_dropped() -> None:
    text = "قالَ <\"RT\"> & 'x'\r\n\tـ\u200f\u202e\x01\x0b\ufffe\ud800\U0001f600"
    content, attribute = parsed(text)
    expected = "قالَ <\"RT\"> & 'x'\r\n\tـ\u200f\u202e\U0001f600"
    assert content == expected
    assert attribute == expected
