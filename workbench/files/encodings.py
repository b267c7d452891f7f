"""Telling UTF-16 and UTF-32 text apart from binary files, to say how to convert it.

Windows editors save "Unicode" text as UTF-16 with a byte-order mark; without one, the NUL bytes
of ASCII characters and spaces fall at every other byte (UTF-16) or fill three bytes of four
(UTF-32). Such a file is text in the wrong encoding, not a binary file: the message names the
iconv command that converts it.
"""

from __future__ import annotations

import shlex
from pathlib import Path

# Longest first: the UTF-32 little-endian mark starts with the UTF-16 one.
_MARKS = (
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe", "UTF-16"),
    (b"\xfe\xff", "UTF-16"),
)
SAMPLE_BYTES = 4096
MIN_NULS = 2  # one stray NUL in a binary file says nothing
_STRAY_SHARE = 0.1  # NULs at the other parity, per NUL at ASCII's, that UTF-16 text may have
_READABLE_SHARE = 0.95  # printable characters a decoded sample needs to count as text


def _by_nuls(sample: bytes) -> str | None:
    if sample.count(0) < MIN_NULS:  # the usual case, at C speed
        return None
    quads = sample[: len(sample) // 4 * 4]
    if quads and all(byte == 0 for byte in quads[2::4] + quads[3::4]):
        return _if_decodes(sample, "UTF-32LE")
    if quads and all(byte == 0 for byte in quads[0::4] + quads[1::4]):
        return _if_decodes(sample, "UTF-32BE")
    # UTF-16: the NULs of ASCII fall at one parity. A character such as U+0100 (Ā, in
    # transliterated names) or U+0600 puts one at the other, so a clear majority is enough when
    # the sample then decodes to text.
    odd = sum(1 for byte in sample[1::2] if byte == 0)
    even = sample.count(0) - odd
    if odd >= MIN_NULS and even <= odd * _STRAY_SHARE:
        return _if_decodes(sample, "UTF-16LE")
    if even >= MIN_NULS and odd <= even * _STRAY_SHARE:
        return _if_decodes(sample, "UTF-16BE")
    return None


def _if_decodes(sample: bytes, encoding: str) -> str | None:
    """`encoding` when the sample reads as text in it (a character cut at the sample's end is
    allowed), else None: a binary file with a regular NUL pattern is not text."""
    unit = 4 if encoding.startswith("UTF-32") else 2
    whole = sample[: len(sample) // unit * unit]
    text = whole.decode(encoding.lower(), errors="replace")
    if len(text) > 1:
        text = text[:-1]  # half of a surrogate pair may be cut off
    readable = sum(1 for char in text if char.isprintable() or char in "\t\n\r")
    return encoding if text and readable >= len(text) * _READABLE_SHARE else None


def wide_encoding(head: bytes) -> str | None:
    """'UTF-16', 'UTF-16LE', 'UTF-32BE', … when the file's first bytes look like one; else None."""
    for mark, name in _MARKS:
        if head.startswith(mark):
            return name
    return _by_nuls(head[:SAMPLE_BYTES])


def convert_hint(path: Path, encoding: str) -> str:
    """The message for a file in `encoding`: what it is and the command that converts it."""
    converted = path.with_name(f"{path.stem}-utf8{path.suffix}")
    command = (
        f"iconv -f {encoding} -t UTF-8 {shlex.quote(str(path))} > {shlex.quote(str(converted))}"
    )
    return (
        f"{path}: the file is {encoding} text, not UTF-8; convert it first:\n  {command}\n"
        f"and import {converted.name}. Nothing was imported"
    )
