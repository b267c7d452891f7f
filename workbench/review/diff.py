"""Word-level diff of two English texts, as (op, text) pieces a widget or a terminal can colour.

The texts are cut into words, punctuation marks and runs of white space; `difflib` aligns them
with white space marked as junk, so matches anchor on words and not on the spaces between them.
Joining the "equal" and "delete" pieces gives back the first text exactly, "equal" and "insert"
the second.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from typing import Literal, NamedTuple

DiffOp = Literal["equal", "delete", "insert"]

# A word keeps inner hyphens, apostrophes and decimal marks (Il-76, don't, 27.5) whole.
_TOKEN = re.compile(r"\s+|\w+(?:[-'’.,:/]\w+)*|[^\w\s]")

# What the current text is compared with: the MT it started from, or the previous revision.
DiffBase = Literal["mt", "previous"]
DIFF_BASES: tuple[DiffBase, ...] = ("mt", "previous")


class DiffPiece(NamedTuple):
    op: DiffOp
    text: str


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def _is_space(token: str) -> bool:
    return token.isspace()


def word_diff(old: str, new: str) -> list[DiffPiece]:
    """Pieces turning `old` into `new`; neighbouring pieces never share an op."""
    a, b = tokens(old), tokens(new)
    matcher = SequenceMatcher(_is_space, a, b, autojunk=False)
    pieces: list[DiffPiece] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            _append(pieces, "equal", "".join(a[i1:i2]))
            continue
        _append(pieces, "delete", "".join(a[i1:i2]))
        _append(pieces, "insert", "".join(b[j1:j2]))
    return pieces


def _append(pieces: list[DiffPiece], op: DiffOp, text: str) -> None:
    if not text:
        return
    if pieces and pieces[-1].op == op:
        pieces[-1] = DiffPiece(op, pieces[-1].text + text)
    else:
        pieces.append(DiffPiece(op, text))


def side(pieces: list[DiffPiece], which: Literal["old", "new"]) -> str:
    """The text on one side of a diff: old = equal + delete, new = equal + insert."""
    keep = "delete" if which == "old" else "insert"
    return "".join(piece.text for piece in pieces if piece.op in ("equal", keep))


def plain(pieces: list[DiffPiece]) -> str:
    """The diff without colour, in wdiff's notation: [-deleted-]{+inserted+}."""
    marks = {"equal": ("", ""), "delete": ("[-", "-]"), "insert": ("{+", "+}")}
    return "".join(marks[p.op][0] + p.text + marks[p.op][1] for p in pieces)
