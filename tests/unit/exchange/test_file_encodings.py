"""Telling UTF-16/UTF-32 text from binary files by byte-order mark or the pattern of NUL bytes."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.files.encodings import convert_hint, wide_encoding

ARTICLE = "قال المتحدث إن الوفد وصل إلى المدينة صباح اليوم. Reuters 2024\n"


@pytest.mark.parametrize(
    ("codec", "named"),
    [
        ("utf-16", "UTF-16"),  # Python writes a byte-order mark for these two
        ("utf-32", "UTF-32"),
        ("utf-16-le", "UTF-16LE"),
        ("utf-16-be", "UTF-16BE"),
        ("utf-32-le", "UTF-32LE"),
        ("utf-32-be", "UTF-32BE"),
    ],
)
def test_wide_encodings_are_named(codec: str, named: str) -> None:
    assert wide_encoding(ARTICLE.encode(codec)) == named


def test_utf8_and_binary_files_are_not_taken_for_wide_text() -> None:
    assert wide_encoding(ARTICLE.encode("utf-8")) is None
    # One stray NUL says nothing; NULs at both parities are a binary file, not UTF-16.
    assert wide_encoding(ARTICLE.encode() + b"\x00" + ARTICLE.encode()) is None
    png_start = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00"
    assert wide_encoding(png_start) is None


def test_the_hint_names_the_command_with_the_path_quoted() -> None:
    message = convert_hint(Path("/news/my article.txt"), "UTF-16")
    assert "iconv -f UTF-16 -t UTF-8 '/news/my article.txt' > '/news/my article-utf8.txt'" in (
        message
    )
    assert message.startswith("/news/my article.txt: the file is UTF-16 text, not UTF-8")
