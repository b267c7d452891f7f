"""Arabic text normalisation for matching (never for storage: sources are stored as written).

Used for the segment hash, translation-memory lookups and glossary matching, so that spelling
variants of the same sentence or term meet: alef forms, ta marbuta, alef maqsura, harakat,
tatweel, Arabic-Indic digits and runs of whitespace.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

# Harakat and other Quranic marks: fathatan..sukun, superscript alef, small high marks.
_HARAKAT = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed]")
_TATWEEL = "\u0640"
_WHITESPACE = re.compile(r"\s+")
# A whitespace run that is not a single space: one that starts with another whitespace character,
# or a space followed by more. Replaced by a space, it gives what _WHITESPACE would.
_UNEVEN_SPACE = re.compile(r"[^\S ]\s*| \s+")
_LETTER_MAP = str.maketrans(
    {
        "\u0622": "\u0627",  # alef with madda -> alef
        "\u0623": "\u0627",  # alef with hamza above -> alef
        "\u0625": "\u0627",  # alef with hamza below -> alef
        "\u0671": "\u0627",  # alef wasla -> alef
        "\u0629": "\u0647",  # ta marbuta -> ha
        "\u0649": "\u064a",  # alef maqsura -> ya
        "\u06cc": "\u064a",  # Farsi yeh (Persian-keyboard text) -> ya
        "\u06a9": "\u0643",  # keheh (Persian kaf) -> kaf
        "\u0660": "0", "\u0661": "1", "\u0662": "2", "\u0663": "3", "\u0664": "4",
        "\u0665": "5", "\u0666": "6", "\u0667": "7", "\u0668": "8", "\u0669": "9",
        "\u06f0": "0", "\u06f1": "1", "\u06f2": "2", "\u06f3": "3", "\u06f4": "4",
        "\u06f5": "5", "\u06f6": "6", "\u06f7": "7", "\u06f8": "8", "\u06f9": "9",
        "\u066b": ".",  # Arabic decimal separator
        "\u066c": ",",  # Arabic thousands separator
    }
)  # fmt: skip
# The same map as (from, to) pairs: a chain of str.replace over the letters a text holds is about
# six times faster than str.translate with a dict table on Arabic text (every import hashes every
# sentence through here).
_LETTER_PAIRS = tuple((chr(code), str(to)) for code, to in _LETTER_MAP.items())

# Characters that reorder or hide text (Trojan-source style); flagged by quality checks.
BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
_BIDI_CONTROL = re.compile("[" + "".join(sorted(BIDI_CONTROLS)) + "]")


def strip_harakat(text: str) -> str:
    return _HARAKAT.sub("", text)


def normalise_arabic(text: str) -> str:
    """A matching key: NFKC, no harakat or tatweel, unified letters and digits, single spaces."""
    return _single_spaced(_folded(text)).casefold()


def _folded(text: str) -> str:
    """NFKC, harakat and tatweel taken out, letters and digits unified: all but the spaces."""
    text = unicodedata.normalize("NFKC", text)
    return map_letters(strip_harakat(text).replace(_TATWEEL, ""))


def _single_spaced(text: str) -> str:
    """Whitespace runs made single spaces, the ends stripped (`_WHITESPACE.sub(" ", text).strip()`).

    Most texts have no whitespace but single spaces: two checks in C say so (every whitespace
    character but the space is unprintable), where a regex tries every character (most of the
    time of hashing a 10 MB line). Otherwise only the runs that are not one space already are
    replaced (a replacement per word was slower still; splitting into words, 100 MB more memory
    for a 16 MB text). casefold neither makes nor takes whitespace: it may come before or after.
    """
    if text.isprintable() and "  " not in text:
        return text.strip()
    return _UNEVEN_SPACE.sub(" ", text).strip()


def map_letters(text: str) -> str:
    """`text.translate(_LETTER_MAP)`, faster (see _LETTER_PAIRS)."""
    for letter, replacement in _LETTER_PAIRS:
        if letter in text:
            text = text.replace(letter, replacement)
    return text


@dataclass(frozen=True, slots=True)
class MappedText:
    """A normalised text and, for each of its code points, the offset it came from."""

    text: str
    origins: tuple[int, ...]  # origins[i] = offset in the original text of text[i]


def is_dropped_mark(char: str) -> bool:
    """Harakat and tatweel: removed by normalisation, they belong to the letter before them."""
    return char == _TATWEEL or _HARAKAT.fullmatch(char) is not None


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    folded = strip_harakat(unicodedata.normalize("NFKC", char)).replace(_TATWEEL, "")
    return folded.translate(_LETTER_MAP).casefold()


def normalise_with_offsets(text: str, *, ignore: frozenset[str] = frozenset()) -> MappedText:
    """`normalise_arabic`, character by character, keeping where each output character came from.

    Folding one code point at a time differs from `normalise_arabic` only where NFKC would compose
    a letter with a separate combining hamza or madda (rare in news text); both sides of a match
    must therefore use this function. Characters in `ignore` are dropped (e.g. quotation marks).
    """
    chars: list[str] = []
    origins: list[int] = []
    pending_space = False
    for index, char in enumerate(text):
        if char in ignore:
            continue
        folded = _fold_char(char)
        for piece in folded:
            if piece.isspace():
                pending_space = bool(chars)
                continue
            if pending_space:
                chars.append(" ")
                origins.append(index - 1)
                pending_space = False
            chars.append(piece)
            origins.append(index)
    return MappedText("".join(chars), tuple(origins))


def source_hash(text: str) -> str:
    """32 hex digits identifying a sentence up to Arabic spelling variation."""
    return hashlib.blake2b(normalise_arabic(text).encode("utf-8"), digest_size=16).hexdigest()


# Joins the texts of `source_hashes`: no step of `normalise_arabic` changes, removes or makes a
# NUL or joins anything across one (NFKC neither composes nor reorders across a starter that has
# no decomposition; NUL is not whitespace), and no stored text holds one (text/controls.py).
_JOIN = "\x00"


def source_hashes(texts: Sequence[str]) -> list[str]:
    """`[source_hash(text) for text in texts]`, normalising many texts in one pass.

    Every import hashes every sentence: one pass over a thousand sentences instead of one per
    sentence spares five calls a sentence (of a 10 MB line's 120,000 sentences, most of the time
    of hashing them); a thousand at a time keeps the copies the pass makes small.
    """
    hashes: list[str] = []
    for start in range(0, len(texts), HASHED_TOGETHER):
        hashes += _hashed_together(texts[start : start + HASHED_TOGETHER])
    return hashes


HASHED_TOGETHER = 1_000


def _hashed_together(texts: Sequence[str]) -> list[str]:
    joined = _JOIN.join(texts)
    if joined.count(_JOIN) != len(texts) - 1:  # a text holds one: hashed one at a time
        return [source_hash(text) for text in texts]
    # Folded together, spaced one by one (the NUL between them is unprintable: checked on the
    # joined text, every chunk would take the regex).
    keys = _folded(joined).casefold().split(_JOIN)
    blake2b = hashlib.blake2b
    return [
        blake2b(_single_spaced(key).encode("utf-8"), digest_size=16).hexdigest() for key in keys
    ]


def target_hash(text: str) -> str:
    """32 hex digits identifying a translation up to Unicode form and runs of whitespace."""
    flat = _WHITESPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()
    return hashlib.blake2b(flat.encode("utf-8"), digest_size=16).hexdigest()


def bidi_controls_in(text: str) -> list[int]:
    """Code-point offsets of bidi control characters, which can hide or reorder text."""
    return [index for index, char in enumerate(text) if char in BIDI_CONTROLS]


@dataclass(frozen=True, slots=True)
class BidiMark:
    """A bidi control character in a text: where (1-based line and column, in code points)."""

    line: int
    column: int
    char: str

    @property
    def code_point(self) -> str:
        return f"U+{ord(self.char):04X}"

    @property
    def name(self) -> str:
        return unicodedata.name(self.char, "BIDI CONTROL")

    def describe(self) -> str:
        return f"line {self.line}, column {self.column}: {self.code_point} {self.name}"


def locate_bidi_controls(text: str) -> list[BidiMark]:
    """Every bidi control character in `text`, by line and column (lines split at \\n)."""
    marks: list[BidiMark] = []
    scanned, line, newline = 0, 1, -1  # newline: offset of the last "\\n" before `scanned`
    for match in _BIDI_CONTROL.finditer(text):
        offset = match.start()
        # Only the stretch since the previous mark is scanned: linear even on a 10 MB line.
        found = text.count("\n", scanned, offset)
        if found:
            line += found
            newline = text.rfind("\n", scanned, offset)
        scanned = offset
        marks.append(BidiMark(line, offset - newline, match.group()))
    return marks
