"""Stored text shown to a terminal, made inert: control characters become visible symbols.

An ESC in an imported file must not retitle the window, write the clipboard (OSC 52) or move
the cursor of whoever looks at it. Every character maps to exactly one character, so offsets
into the stored text (claims, glossary hits, word marks) stay valid on screen. The stored text
itself is never changed: this is for display only.
"""

from __future__ import annotations

import json
import re
from typing import Any

_REPLACEMENT = "\ufffd"  # C1 controls and lone surrogates have no picture of their own

# C0 (but tab and line feed, which terminals treat as layout) -> Control Pictures U+2400-U+241F;
# DEL -> U+2421; C1 and lone surrogates -> U+FFFD.
_TABLE: dict[int, str] = {code: chr(0x2400 + code) for code in range(0x20) if code not in (9, 10)}
_TABLE[0x7F] = "\u2421"
_TABLE.update(dict.fromkeys(range(128, 160), _REPLACEMENT))
_TABLE.update(dict.fromkeys(range(55296, 57344), _REPLACEMENT))
_ACTIVE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")

# In JSON these are escaped rather than replaced, so the output still says exactly what is
# stored: json.dumps(ensure_ascii=False) leaves DEL, C1, lone surrogates and the Unicode line
# separators (which break line-by-line readers) raw.
_JSON_ESCAPE = re.compile("[\x7f-\x9f\ud800-\udfff\u2028\u2029]")


def _picture(match: re.Match[str]) -> str:
    return _TABLE[ord(match.group())]


def inert(text: str) -> str:
    """`text` with every control character replaced by a visible symbol, one for one."""
    # Called for every line drawn: isprintable (C) settles most text; then only what needs it
    # is replaced (str.translate with this table would cost far more).
    if text.isprintable() or _ACTIVE.search(text) is None:
        return text
    return _ACTIVE.sub(_picture, text)


def _escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


# json.dumps(data, ensure_ascii=False) builds a new encoder on every call (any argument but the
# defaults does); one encoder with the same settings gives the same text (`segments --json` calls
# this once per row).
_ENCODER = json.JSONEncoder(ensure_ascii=False)


def inert_json(data: Any) -> str:
    """`data` as one line of JSON with no raw control character: exact, and safe to print."""
    return _JSON_ESCAPE.sub(_escape, _ENCODER.encode(data))
