"""Turning stored text into XML 1.0 character data and attribute values.

XML 1.0 allows only tab, LF, CR and the ranges U+0020-U+D7FF, U+E000-U+FFFD, U+10000-U+10FFFF.
Anything else (C0 control characters such as U+0001 pasted from a PDF, lone surrogates, U+FFFE,
U+FFFF) cannot be written even as a character reference (`&#1;` is itself an error), and one such
character makes the whole file unreadable to every TMX tool. So they are dropped: the one loss an
XML export has to accept. Bidi controls, harakat and tatweel are allowed characters and are kept.

Escaping: `&` `<` `>` always; CR as `&#13;`, because a parser turns a literal CR (and CRLF) into
LF; in attribute values also `"`, tab and LF, which a parser would otherwise turn into spaces.
"""

from __future__ import annotations

import re

_FORBIDDEN = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
# Anything the escaping below would change; most sentences have none and are returned as they are.
_TEXT_WORK = re.compile("[&<>\r\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def drop_forbidden(text: str) -> str:
    """`text` without the characters XML 1.0 cannot carry."""
    return _FORBIDDEN.sub("", text)


def xml_text(text: str) -> str:
    """Character data for an element's content."""
    if _TEXT_WORK.search(text) is None:
        return text
    return (
        drop_forbidden(text)
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\r", "&#13;")
    )


def xml_attribute(text: str) -> str:
    """The value of a double-quoted attribute."""
    return xml_text(text).replace('"', "&quot;").replace("\t", "&#9;").replace("\n", "&#10;")
