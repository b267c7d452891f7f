"""Keeping spreadsheet programs from running cells as formulas (CSV injection), reversibly.

Excel, LibreOffice and Google Sheets treat a cell that starts with `=`, `+`, `-` or `@` (and, after
their own trimming, tab or carriage return) as a formula, which can run commands or leak data.
The export puts a `'` in front of such a cell; spreadsheets show the text as typed.

To give the original text back on import, the rule is made reversible: a text gets the `'` when,
after any leading apostrophes, it starts with one of those characters. So `=1+1` is written
`'=1+1`, and `'=x` (a real apostrophe) is written `''=x`. The import removes one leading `'`
exactly when the same test holds for the cell, which is precisely when the export added it.
"""

from __future__ import annotations

FORMULA_STARTS = frozenset("=+-@\t\r")
_NEEDS_A_LOOK = FORMULA_STARTS | {"'"}


def _starts_like_formula(text: str) -> bool:
    return text.lstrip("'")[:1] in FORMULA_STARTS


def neutralise(text: str) -> str:
    """The cell to write for `text`."""
    if text[:1] not in _NEEDS_A_LOOK:  # the common case, decided on one character
        return text
    return "'" + text if _starts_like_formula(text) else text


def restore(cell: str) -> str:
    """The text `neutralise` was given, from a cell it wrote."""
    return cell[1:] if cell.startswith("'") and _starts_like_formula(cell) else cell
