"""UAX #9 bracket pairs (BD16, N0) for uax9.py: which brackets pair up in an isolating run
sequence, and the direction each pair takes from what it encloses or from its context.

Pure functions on code points and bidi classes, as uax9.py.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from functools import lru_cache

from bidi.mirror import MIRRORED

_MAX_BRACKETS = 63  # BD16: a deeper nesting stops the bracket-pair search


@lru_cache(maxsize=512)
def _bracket(char: str) -> tuple[str, str] | None:
    """("open" | "close", the opening bracket's canonical form), from BidiMirroring and the
    general category, which is how BidiBrackets.txt is derived; U+2329/U+232A fold to U+3008/9."""
    mirror = MIRRORED.get(char)
    if mirror is None:
        return None
    category = unicodedata.category(char)
    if category == "Ps" and unicodedata.category(mirror) == "Pe":
        return "open", unicodedata.normalize("NFD", char)
    if category == "Pe" and unicodedata.category(mirror) == "Ps":
        return "close", unicodedata.normalize("NFD", mirror)
    return None


def strong_of(cls: str) -> str | None:
    """For N0 and N1: EN and AN count as R."""
    if cls == "L":
        return "L"
    if cls in ("R", "EN", "AN"):
        return "R"
    return None


def _bracket_pairs(text: str, seq: list[int], types: list[str]) -> list[tuple[int, int]]:
    """BD16: positions (in `seq`) of the bracket pairs, sorted by their opening bracket."""
    stack: list[tuple[str, int]] = []
    pairs: list[tuple[int, int]] = []
    for pos, index in enumerate(seq):
        if types[pos] != "ON":
            continue
        bracket = _bracket(text[index])
        if bracket is None:
            continue
        kind, opener = bracket
        if kind == "open":
            if len(stack) == _MAX_BRACKETS:
                break
            stack.append((opener, pos))
            continue
        for depth in range(len(stack) - 1, -1, -1):
            if stack[depth][0] == opener:
                pairs.append((stack[depth][1], pos))
                del stack[depth:]
                break
    return sorted(pairs)


def resolve_brackets(
    text: str,
    seq: list[int],
    types: list[str],
    *,
    original: Sequence[str],
    sos: str,
    embedding: str,
) -> None:
    """N0: a bracket pair takes the direction of what it encloses or of its context."""
    for open_pos, close_pos in _bracket_pairs(text, seq, types):
        inside = {strong_of(cls) for cls in types[open_pos + 1 : close_pos]} - {None}
        if embedding in inside:
            new = embedding
        elif inside:
            before = next((s for cls in reversed(types[:open_pos]) if (s := strong_of(cls))), sos)
            new = before  # c.1 when it is the opposite direction, else c.2: the embedding's
        else:
            continue
        for pos in (open_pos, close_pos):
            types[pos] = new
            follow = pos + 1
            while follow < len(seq) and original[seq[follow]] == "NSM":
                types[follow] = new
                follow += 1
