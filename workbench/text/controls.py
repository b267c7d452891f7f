"""Which characters no one should store, and the one check every write path applies.

PostgreSQL cannot store NUL at all; lone surrogates (what Python makes of bytes that are not
UTF-8 in a command-line argument) cannot be encoded for either backend; and C0/C1 control
characters other than tab and line ends are never part of a news text: they come from binary
files, broken conversions or someone aiming escape sequences at a terminal. Refusing them all
here gives one clear message on every backend instead of a driver error or a hijacked screen.
"""

from __future__ import annotations

import re

from workbench.errors import InputError

# C0 except tab, LF and CR; DEL; C1; lone surrogates.
UNSTORABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")

_C0_NAMES = (
    *("NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "HT", "LF", "VT"),
    *("FF", "CR", "SO", "SI", "DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB"),
    *("CAN", "EM", "SUB", "ESC", "FS", "GS", "RS", "US"),
)


def describe(char: str) -> str:
    """What `char` is, in words a user can search for: 'a control character (U+001B, ESC), ...'."""
    code = ord(char)
    if code == 0:
        return "a NUL (U+0000), which cannot be stored"
    if 0xD800 <= code <= 0xDFFF:
        return (
            f"not valid Unicode (a lone surrogate, U+{code:04X}, usually bytes that are not UTF-8)"
        )
    name = _C0_NAMES[code] if code < 0x20 else "DEL" if code == 0x7F else "C1 control"
    return f"a control character (U+{code:04X}, {name}), which is not stored as text"


def _where(text: str, index: int, lines: bool) -> str:
    """'character N', with the line and column when the text has (or is read by) lines."""
    if not lines and "\n" not in text:
        return f"character {index}"
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    return f"line {line}, column {column}"


def unstorable(text: str, field: str, *, lines: bool = False) -> str | None:
    """The message naming `field` and the position of the first unstorable character, if any.

    `lines`: say line and column even for one line (for files, whose users think in lines).
    """
    found = UNSTORABLE.search(text)
    if found is None:
        return None
    char = found.group()
    advice = "pass UTF-8 text" if "\ud800" <= char <= "\udfff" else "remove it"
    prefix = f"{field}: " if field else ""
    return f"{prefix}{_where(text, found.start(), lines)} is {describe(char)}; {advice}"


def check_storable(text: str, field: str, *, lines: bool = False) -> None:
    """Raise InputError naming `field` and the position if `text` cannot be stored as written."""
    problem = unstorable(text, field, lines=lines)
    if problem is not None:
        raise InputError(problem)
