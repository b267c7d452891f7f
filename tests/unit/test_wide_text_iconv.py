"""UTF-16 and UTF-32 articles are refused with the iconv command that converts them, and that
command, run as written, gives a file that imports (issue 16)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from workbench.errors import InputError
from workbench.files.encodings import wide_encoding
from workbench.ingest.sources import decode_source, read_source

ARTICLE = (
    "قال المتحدث باسم آل سعود (Āl Saʿūd) إن الوفد وصل صباح ٢٤ أكتوبر.\n"
    "وأكد أن \u2067«آبل»\u2069 ستواصل الاستثمار؛ 3.5% نمو.\n"
)
CODECS = [
    ("utf-16", "UTF-16"),
    ("utf-32", "UTF-32"),
    ("utf-16-le", "UTF-16LE"),
    ("utf-16-be", "UTF-16BE"),
    ("utf-32-le", "UTF-32LE"),
    ("utf-32-be", "UTF-32BE"),
]


@pytest.mark.parametrize(("codec", "named"), CODECS)
def test_refused_with_a_command_that_converts_it(codec: str, named: str, tmp_path: Path) -> None:
    if shutil.which("iconv") is None:
        pytest.skip("iconv not installed")
    path = tmp_path / "my article.txt"
    path.write_bytes(ARTICLE.encode(codec))
    with pytest.raises(InputError) as refused:
        decode_source(path, path.read_bytes())
    message = str(refused.value)
    assert message.startswith(f"{path}: the file is {named} text, not UTF-8")
    command = re.search(r"^  (iconv .*)$", message, re.MULTILINE)
    assert command is not None, message
    assert command.group(1).startswith(f"iconv -f {named} -t UTF-8 ")
    subprocess.run(command.group(1), shell=True, check=True, cwd=tmp_path)
    converted = tmp_path / "my article-utf8.txt"
    assert converted.read_text(encoding="utf-8").removeprefix("\ufeff") == ARTICLE
    parsed = read_source(converted)
    assert "".join(segment.source for segment in parsed.segments).count("آبل") == 1


def test_a_few_nuls_at_the_other_parity_still_read_as_utf16() -> None:
    text = ARTICLE * 3 + "؀ Āl"  # U+0100 and U+0600 put a NUL at the even byte
    assert wide_encoding(text.encode("utf-16-le")) == "UTF-16LE"
    assert wide_encoding(text.encode("utf-16-be")) == "UTF-16BE"


def test_binary_with_a_regular_nul_pattern_is_not_text() -> None:
    binary = bytes(range(1, 256)).replace(b"\x0a", b"") * 8
    interleaved = b"".join(bytes([byte, 0]) for byte in binary[:2000])
    assert wide_encoding(interleaved) is None  # control characters, not text
