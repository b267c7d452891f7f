"""Checks on text before it is stored, the same for every backend.

PostgreSQL cannot store NUL characters at all, and text with lone surrogates (what Python makes
of bytes that are not UTF-8 in a command-line argument) cannot be encoded for either backend.
Refusing both here gives one clear message instead of a driver error on one backend only.
"""

from __future__ import annotations

import re

from workbench.errors import InputError

_SURROGATE = re.compile("[\ud800-\udfff]")


def check_storable(text: str, field: str) -> None:
    """Raise InputError naming `field` and the position if `text` cannot be stored as written."""
    nul = text.find("\x00")
    if nul >= 0:
        raise InputError(
            f"{field}: character {nul} is a NUL (U+0000), which cannot be stored; remove it"
        )
    surrogate = _SURROGATE.search(text)
    if surrogate is not None:
        raise InputError(
            f"{field}: character {surrogate.start()} is not valid Unicode (a lone surrogate, "
            f"U+{ord(surrogate.group()):04X}, usually bytes that are not UTF-8); "
            "pass UTF-8 text"
        )
