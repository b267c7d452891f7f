"""Arabic text normalisation for matching (never for storage: sources are stored as written).

Used for the segment hash, translation-memory lookups and glossary matching, so that spelling
variants of the same sentence or term meet: alef forms, ta marbuta, alef maqsura, harakat,
tatweel, Arabic-Indic digits and runs of whitespace.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

# Harakat and other Quranic marks: fathatan..sukun, superscript alef, small high marks.
_HARAKAT = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed]")
_TATWEEL = "\u0640"
_WHITESPACE = re.compile(r"\s+")
_LETTER_MAP = str.maketrans(
    {
        "\u0622": "\u0627",  # alef with madda -> alef
        "\u0623": "\u0627",  # alef with hamza above -> alef
        "\u0625": "\u0627",  # alef with hamza below -> alef
        "\u0671": "\u0627",  # alef wasla -> alef
        "\u0629": "\u0647",  # ta marbuta -> ha
        "\u0649": "\u064a",  # alef maqsura -> ya
        "\u0660": "0", "\u0661": "1", "\u0662": "2", "\u0663": "3", "\u0664": "4",
        "\u0665": "5", "\u0666": "6", "\u0667": "7", "\u0668": "8", "\u0669": "9",
        "\u06f0": "0", "\u06f1": "1", "\u06f2": "2", "\u06f3": "3", "\u06f4": "4",
        "\u06f5": "5", "\u06f6": "6", "\u06f7": "7", "\u06f8": "8", "\u06f9": "9",
        "\u066b": ".",  # Arabic decimal separator
        "\u066c": ",",  # Arabic thousands separator
    }
)  # fmt: skip

# Characters that reorder or hide text (Trojan-source style); flagged by quality checks.
BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)


def strip_harakat(text: str) -> str:
    return _HARAKAT.sub("", text)


def normalise_arabic(text: str) -> str:
    """A matching key: NFKC, no harakat or tatweel, unified letters and digits, single spaces."""
    text = unicodedata.normalize("NFKC", text)
    text = strip_harakat(text).replace(_TATWEEL, "")
    text = text.translate(_LETTER_MAP)
    return _WHITESPACE.sub(" ", text).strip().casefold()


def source_hash(text: str) -> str:
    """32 hex digits identifying a sentence up to Arabic spelling variation."""
    return hashlib.blake2b(normalise_arabic(text).encode("utf-8"), digest_size=16).hexdigest()


def target_hash(text: str) -> str:
    """32 hex digits identifying an exact English text (no normalisation: each wording counts)."""
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


def bidi_controls_in(text: str) -> list[int]:
    """Code-point offsets of bidi control characters, which can hide or reorder text."""
    return [index for index, char in enumerate(text) if char in BIDI_CONTROLS]
