"""Sentence segmentation for Arabic news text (with Latin fragments mixed in).

Every sentence is a slice of the input: nothing is normalised or rewritten, so
the offsets map straight back onto the stored document.

How a boundary is found
-----------------------
A *candidate* is a run of terminal marks (``. ! ? ؟ … ۔``), optionally followed
by closing quotes/brackets, that is followed by whitespace or the end of the
paragraph.  A period glued to a letter or digit (``27.5``, ``www.x.com``,
``10.11.2023``) is therefore never a candidate.  A run containing anything but a
single ``.`` (``!``, ``؟!``, ``...``, ``…``) always ends the sentence; a single
``.`` is then checked against abbreviations and initials, see ``_period_ends``.

Quotes
------
Quotation marks are *not* tracked: a terminal mark followed by whitespace ends
the sentence even inside an open quotation.  Arabic news pairs its quotes
unreliably (seed 004 has ``“RT“`` and ``”An-12″``), and depth tracking would
swallow the rest of a paragraph after one stray mark; short, predictable
segments are also what the translation step wants.  Closing quotes and brackets
directly after the terminal mark stay with the sentence they close.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Sentence", "segment_document", "segment_paragraph", "split_paragraphs"]


@dataclass(frozen=True, slots=True)
class Sentence:
    text: str  # the sentence exactly as in the source, surrounding whitespace stripped
    start: int  # code-point offset of text[0] in the document
    end: int  # one past the last character: document[start:end] == text
    paragraph: int  # 0-based index of the non-blank paragraph


# --- abbreviations -----------------------------------------------------------------
# Tokens (without their final ".") after which a single period never ends a
# sentence.  Single letters in any script and dotted initials such as "U.S",
# "e.g", "ق.م", "أ.د", "ج.م.ع" are recognised by _INITIALS and need no entry.
# Latin entries are matched case-sensitively so that "no." in prose still ends.
# fmt: off
ABBREVIATIONS: frozenset[str] = frozenset(
    {
        # Latin titles and ranks: always followed by a name.
        "Mr", "Mrs", "Ms", "Dr", "Prof", "Sen", "Rep", "Gov", "Pres", "Gen", "Lt",
        "Col", "Maj", "Capt", "Sgt", "Adm", "Cmdr", "Rev", "Hon", "Amb", "Fr", "St", "Mt",
        "Messrs", "Mme", "Mlle",
        # Latin month abbreviations: followed by a day or year in news datelines.
        "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
        # Latin reference words: followed by a number or a term.
        "No", "Nos", "Vol", "Vols", "Fig", "Figs", "Art", "Sec", "Ch", "pp", "vs", "cf",
        "approx", "ca", "est", "Dept", "Univ", "Ave", "Blvd", "Rd",
        # Arabic bibliographic abbreviations of two letters: مجلد، صفحات، تحقيق.
        "مج", "صص", "تح",
    }
)
# fmt: on

# Latin abbreviations that may also close a sentence ("... Apple Inc. The ...").
# They end one only before an upper-case Latin letter, the sole visible cue.
# "إلخ" is deliberately absent: in Arabic news "إلخ." nearly always ends the
# sentence, and with no letter case there is no cue for the other reading.
FINAL_ABBREVIATIONS: frozenset[str] = frozenset(
    {"etc", "Inc", "Ltd", "Co", "Corp", "Bros", "Jr", "Sr", "al", "a.m", "p.m", "A.M", "P.M"}
)

# --- character classes -------------------------------------------------------------
_TERMINALS = ".!?\u061f\u2026\u06d4\u203c\u2047\u2048\u2049"  # . ! ? ؟ … ۔ ‼ ⁇ ⁈ ⁉
# Any quote mark counts as closing after a terminal mark: news text often uses
# the "wrong" curly quote (“RT“.) and an opening mark there would be odd anyway.
_QUOTES = "\"'\u00ab\u00bb\u201c\u201d\u201e\u201f\u2018\u2019\u201a\u201b\u2039\u203a\u2032\u2033"
_CLOSERS = _QUOTES + ")]}"
_WRAPPERS = _CLOSERS + "([{"  # stripped from a token before the abbreviation check

# Same line boundaries as str.splitlines(), so "\r\n" and U+2029 both break lines.
_LINE = re.compile(r"[^\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]+")
_NON_SPACE = re.compile(r"\S")
# A candidate: token (from the preceding whitespace), terminal run, closers.
# Anchoring at a token start keeps the scan linear even for long URLs.
_CANDIDATE = re.compile(
    rf"(?<!\S)(\S*?)([{re.escape(_TERMINALS)}]+)([{re.escape(_CLOSERS)}]*)(?=\s|\Z)"
)
_WORD_CHAR = re.compile(r"\w")
_NEXT_CHAR = re.compile(r"\s*(\S)")
# Harakat, Quranic marks and tatweel: "دُ" and "هـ" must look like "د" and "ه".
_DECORATION = re.compile(r"[\u0610-\u061a\u0640\u064b-\u065f\u0670\u06d6-\u06ed]")
_INITIALS = re.compile(r"(?:[^\W\d_]\.)*[^\W\d_]")  # "د", "A", "U.S", "ق.م", "أ.د"
_ENUMERATOR = re.compile(r"\d{1,3}")  # "1." / "١." opening a list item
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9.\-]*")
_LATIN_UPPER = re.compile(r"[A-Z]")
_LATIN_LOWER = re.compile(r"[a-z]")


# --- public API --------------------------------------------------------------------
def split_paragraphs(document: str) -> list[tuple[int, int]]:
    """(start, end) spans of the non-blank lines, surrounding whitespace excluded.

    News files put one paragraph per line; blank lines are simply skipped.
    """
    spans: list[tuple[int, int]] = []
    for line in _LINE.finditer(document):
        span = _strip(document, line.start(), line.end())
        if span is not None:
            spans.append(span)
    return spans


def segment_paragraph(text: str) -> list[tuple[int, int]]:
    """(start, end) spans of the sentences of one paragraph, offsets into ``text``.

    Line breaks inside ``text`` are treated as ordinary whitespace.
    """
    span = _strip(text, 0, len(text))
    return [] if span is None else _sentence_spans(text, *span)


def segment_document(document: str) -> list[Sentence]:
    """All sentences of all paragraphs, in document order."""
    return [
        Sentence(document[start:end], start, end, index)
        for index, (p_start, p_end) in enumerate(split_paragraphs(document))
        for start, end in _sentence_spans(document, p_start, p_end)
    ]


# --- internals ---------------------------------------------------------------------
def _strip(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Shrink [start, end) to exclude surrounding whitespace; None if blank."""
    first = _NON_SPACE.search(text, start, end)
    if first is None:
        return None
    stripped_end = end
    while text[stripped_end - 1].isspace():
        stripped_end -= 1
    return first.start(), stripped_end


def _sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans inside the whitespace-trimmed paragraph text[start:end]."""
    spans: list[tuple[int, int]] = []
    sentence_start = start
    for match in _CANDIDATE.finditer(text, start, end):
        if not _ends_sentence(text, match, sentence_start, end):
            continue
        spans.append((sentence_start, match.end()))
        following = _NON_SPACE.search(text, match.end(), end)
        sentence_start = end if following is None else following.start()
    if sentence_start < end:
        spans.append((sentence_start, end))
    return spans


def _ends_sentence(text: str, match: re.Match[str], sentence_start: int, end: int) -> bool:
    # A sentence needs some content: a leading "..." or "«!»" opens, not closes.
    if _WORD_CHAR.search(text, sentence_start, match.start(2)) is None:
        return False
    if match.group(2) != ".":
        return True  # "!", "؟", "...", "…", "؟!" are never abbreviation dots
    token = _DECORATION.sub("", match.group(1).strip(_WRAPPERS))
    at_sentence_start = _WORD_CHAR.search(text, sentence_start, match.start(1)) is None
    next_match = _NEXT_CHAR.match(text, match.end(), end)
    following = "" if next_match is None else next_match.group(1)
    return _period_ends(token, following, at_sentence_start)


def _period_ends(token: str, following: str, at_sentence_start: bool) -> bool:
    """Does "<token>." end its sentence, given the next non-space character?"""
    if token in FINAL_ABBREVIATIONS:
        return _LATIN_UPPER.match(following) is not None
    if token in ABBREVIATIONS or _INITIALS.fullmatch(token):
        return False
    if at_sentence_start and _ENUMERATOR.fullmatch(token):
        return False  # "1. " heading a list item
    # Latin has case: a lower-case word after "sect." shows the sentence goes on.
    return not (_LATIN_WORD.fullmatch(token) and _LATIN_LOWER.match(following))
