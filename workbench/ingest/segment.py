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
from functools import lru_cache
from typing import NamedTuple

__all__ = [
    "Sentence",
    "segment_document",
    "segment_paragraph",
    "sentence_spans",
    "split_paragraphs",
]


# A NamedTuple, not a frozen dataclass: as immutable, and three times faster to make (one per
# sentence: 120,000 for a 10 MB line).
class Sentence(NamedTuple):
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

# Company suffixes: they end a sentence before an Arabic word too (Arabic has no letter case
# to show a new sentence), unless that word is one that cannot open a sentence (below).
COMPANY_ABBREVIATIONS: frozenset[str] = frozenset(
    {"Inc", "Ltd", "Co", "Corp", "LLC", "PLC", "Plc", "Bros"}
)

# Era letters after a year: م (ميلادي), هـ (هجري), ق.م (قبل الميلاد), ب.م (بعد الميلاد).
ERA_LETTERS: frozenset[str] = frozenset({"م", "ه", "ق.م", "ب.م"})

# Words that go on with the sentence after "391 م." or "Apple Inc.": prepositions, "or",
# relatives and "about". Any other word after them opens a new sentence.
# fmt: off
CONTINUATIONS: frozenset[str] = frozenset(
    {
        "في", "فى", "على", "علي", "من", "إلى", "الى", "الي", "عن", "مع", "حتى", "منذ", "لدى",
        "عند", "خلال", "بين", "حول", "ضد", "نحو", "أو", "او", "أي", "تقريبا", "تقريبًا",
        "تقريباً", "التي", "الذي", "الذين", "اللذين", "اللتين", "اللواتي", "بحسب", "وفق",
    }
)
# fmt: on

# Words that attribute a quotation just closed ("«…!» قالت الوزيرة."): a short clause (at most
# five words, no "أن"/"إن", no colon) opening with one of them, or with "كما" and one of them,
# and ending the sentence makes one sentence with the quotation. A longer clause ("قال فليك إن
# مكتبه …") is a new sentence.
# fmt: off
ATTRIBUTIONS: frozenset[str] = frozenset(
    {
        "قال", "قالت", "قالوا", "أضاف", "أضافت", "تساءل", "تساءلت", "حسبما", "بحسب", "وفقا",
        "وفقًا", "وفقاً", "قائلا", "قائلًا", "قائلاً", "قائلة", "يقول", "تقول", "أكد", "أكدت",
        "أوضح", "أوضحت", "صرح", "صرحت", "ختم", "ختمت",
    }
)
# fmt: on
PARTICIPLES = frozenset({"قائلا", "قائلًا", "قائلاً", "قائلة", "قائلين", "مضيفا", "مضيفًا", "مضيفاً"})

# Naming words: a single letter after one is a name ("فيتامين د", "المجموعة A"), so its full
# stop ends the sentence where after a lone letter it would mark an initial ("د. أحمد").
# Stems without the article; clitics (و ف ب ل ك) and ال are taken off before matching.
# fmt: off
NAMING_WORDS: frozenset[str] = frozenset(
    {
        "فيتامين", "مجموعة", "فئة", "خطة", "نسخة", "طراز", "درجة", "قسم", "بند", "ملحق",
        "جدول", "شكل", "نوع", "حرف", "مرحلة", "صنف", "فيروس", "كتلة", "منطقة", "مستوى", "فصيلة",
        "Vitamin", "vitamin", "Group", "group", "Plan", "plan", "Type", "type", "Class",
        "class", "Category", "category", "Grade", "grade", "Hepatitis", "hepatitis",
    }
)
# fmt: on

# --- character classes -------------------------------------------------------------
_TERMINALS = ".!?\u061f\u2026\u06d4\u203c\u2047\u2048\u2049"  # . ! ? ؟ … ۔ ‼ ⁇ ⁈ ⁉
# Any quote mark counts as closing after a terminal mark: news text often uses
# the "wrong" curly quote (“RT“.) and an opening mark there would be odd anyway.
_QUOTES = "\"'\u00ab\u00bb\u201c\u201d\u201e\u201f\u2018\u2019\u201a\u201b\u2039\u203a\u2032\u2033"
# Bidi marks written after a full stop (LRM, RLM, ALM, PDF, PDI): they stay with the sentence.
_BIDI_MARKS = "\u200e\u200f\u061c\u202c\u2069"
_CLOSERS = _QUOTES + ")]}" + _BIDI_MARKS
_WRAPPERS = _QUOTES + ")]}([{" + _BIDI_MARKS  # stripped from a token before the abbreviation check

_NON_SPACE = re.compile(r"\S")
# A candidate: a terminal run and the closers after it, ending its token (whitespace or the end
# follows); the token before the run is found by `_token_start`. Leading with the terminal marks
# lets the regex engine skip to them: anchoring at every token start instead, as
# `(?<!\S)(\S*?)` did, took three times as long, and matches the same candidates. The run is
# written `[marks][marks]*`, not `[marks]+`: a pattern that opens with a plain character set is
# searched by testing that set alone at each position (a third faster over a 10 MB line).
_CANDIDATE = re.compile(
    rf"([{re.escape(_TERMINALS)}][{re.escape(_TERMINALS)}]*)([{re.escape(_CLOSERS)}]*)(?=\s|\Z)"
)
_WORD_CHAR = re.compile(r"\w")
_NEXT_WORD = re.compile(r"\s*(\S+)")
_CLAUSE = re.compile(
    rf"\s*([^\s:{re.escape(_TERMINALS)}]+(?:\s+[^\s:{re.escape(_TERMINALS)}]+){{0,4}})[{re.escape(_TERMINALS)}]"
)
_THAT = frozenset({"أن", "إن", "أنه", "إنه", "أنها", "إنها"})
# Harakat, Quranic marks and tatweel: "دُ" and "هـ" must look like "د" and "ه".
_DECORATION = re.compile(r"[\u0610-\u061a\u0640\u064b-\u065f\u0670\u06d6-\u06ed]")
_INITIALS = re.compile(r"(?:[^\W\d_]\.)*[^\W\d_]")  # "د", "A", "U.S", "ق.م", "أ.د"
_ENUMERATOR = re.compile(r"\d{1,3}")  # "1." / "١." opening a list item
_LABEL = re.compile(r"[^\W\d_]\d{1,3}")  # "س1." / "ج12." heading a question or an answer
_NUMBER = re.compile(r"\d+(?:[.,٫٬/\-–]\d+)*")  # a year or a range, in either digit set
_LOOK_BACK = 48  # characters: longer than any year or naming word
_ARABIC_WORD = re.compile(r"[\u0621-\u064a\u066e-\u06d3\u06fa-\u06ff]")
_CLITICS = re.compile(r"^[وف]?[بلك]?(?:ال|ل)?")
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9.\-]*")
_LATIN_UPPER = re.compile(r"[A-Z]")
_LATIN_LOWER = re.compile(r"[a-z]")
# The tokens `_period_ends` looks up by name (see `_needs_context`).
_CONTEXT_TOKENS = ABBREVIATIONS | FINAL_ABBREVIATIONS | COMPANY_ABBREVIATIONS | ERA_LETTERS


# --- public API --------------------------------------------------------------------
def split_paragraphs(document: str) -> list[tuple[int, int]]:
    """(start, end) spans of the non-blank lines, surrounding whitespace excluded.

    News files put one paragraph per line; blank lines are simply skipped.
    """
    # Lines as str.splitlines() breaks them ("\r\n", U+2029, ...), found in C: a regex matching
    # each line's characters one by one took a tenth of the time of importing a 10 MB line.
    # The lines are only measured (the spans are offsets into `document`); each keeps its
    # break, which is whitespace, so `_strip` takes it off with the blanks.
    spans: list[tuple[int, int]] = []
    start = 0
    for line in document.splitlines(keepends=True):
        span = _strip(document, start, start + len(line))
        if span is not None:
            spans.append(span)
        start += len(line)
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
        Sentence(document[start:end], start, end, paragraph)
        for start, end, paragraph in sentence_spans(document)
    ]


def sentence_spans(document: str) -> list[tuple[int, int, int]]:
    """`segment_document` as (start, end, paragraph) triples, without the Sentence objects (the
    import makes its own record of each sentence: a Sentence for each was a third of the time
    of cutting a 10 MB line)."""
    return [
        (start, end, index)
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
    scanned = start  # a token boundary: where the paragraph or the last candidate's token ends
    for match in _CANDIDATE.finditer(text, start, end):
        run, after = match.span()
        token = _token_start(text, scanned, run)
        scanned = after
        if not _ends_sentence(text, match, token, sentence_start, end):
            continue
        spans.append((sentence_start, after))
        sentence_start = _next_start(text, after, end)
    if sentence_start < end:
        spans.append((sentence_start, end))
    return spans


def _next_start(text: str, after: int, end: int) -> int:
    """Where the sentence after a candidate ending at `after` starts (whitespace follows it)."""
    if after + 1 < end and not text[after + 1].isspace():
        return after + 1  # one space, as after most sentences
    following = _NON_SPACE.search(text, after, end)
    return end if following is None else following.start()


def _token_start(text: str, scanned: int, run: int) -> int:
    """Where the token holding the terminal run at `run` starts: after the last whitespace
    before it, and not before `scanned` (a token boundary). Each stretch is read once."""
    if run == scanned or text[run - 1].isspace():
        return run
    # After the last space when no other whitespace comes after it (every whitespace character
    # but the space is unprintable): found in C, without splitting the stretch.
    token = text.rfind(" ", scanned, run) + 1 or scanned
    if text[token:run].isprintable():
        return token
    return run - len(text[scanned:run].rsplit(None, 1)[-1])


def _ends_sentence(
    text: str, match: re.Match[str], token_start: int, sentence_start: int, end: int
) -> bool:
    """Does the candidate `match` (terminal run, closers), ending the token that begins at
    `token_start`, end the sentence that begins at `sentence_start`?"""
    run = match.start()
    # A sentence needs some content: a leading "..." or "«!»" opens, not closes. Its first
    # character mostly settles it (\w is str.isalnum and the underscore).
    first = text[sentence_start]
    if (
        not (first.isalnum() or first == "_")
        and _WORD_CHAR.search(text, sentence_start, run) is None
    ):
        return False
    marks, closers = match.groups()
    if closers and _attributed(text, closers, match.end(), end):
        return False
    if marks != ".":
        return True  # "!", "؟", "...", "…", "؟!" are never abbreviation dots
    raw = text[token_start:run]
    if _plain_word(raw):
        return True  # most sentences end on a plain word: spare the look-around below
    token = _bare(raw)
    at_sentence_start = _WORD_CHAR.search(text, sentence_start, token_start) is None
    next_match = _NEXT_WORD.match(text, match.end(), end)
    following = "" if next_match is None else next_match.group(1)
    # Only the word before matters: a bounded look-back keeps hostile input linear.
    window = max(sentence_start, token_start - _LOOK_BACK)
    previous = _bare(_previous_word(text[window:token_start]))
    return _period_ends(token, following, previous, at_sentence_start)


@lru_cache(maxsize=4096)
def _plain_word(raw: str) -> bool:
    """Does "<raw>." end its sentence whatever surrounds it? Cached by the token as written:
    news text ends most of its sentences on a few thousand words."""
    return not _needs_context(_bare(raw))


def _needs_context(token: str) -> bool:
    """Can the words around "<token>." change whether it ends its sentence (`_period_ends`)?

    Only for a single character, a listed abbreviation or era letter, initials, a list number or
    label, or a Latin word: for any other token `_period_ends` is True whatever the neighbours
    are.
    """
    if token.isdecimal():  # a number (\d is str.isdecimal): a list number has one to three digits
        return len(token) <= 3  # (years and figures end sentences: decided without five regexes)
    return (
        len(token) == 1
        or token in _CONTEXT_TOKENS
        or _INITIALS.fullmatch(token) is not None
        or _ENUMERATOR.fullmatch(token) is not None
        or _LABEL.fullmatch(token) is not None
        or _LATIN_WORD.fullmatch(token) is not None
    )


def _previous_word(chunk: str) -> str:
    """The last word of `chunk` when whitespace follows it, else "": what `(\\S+)\\s+$` finds.

    Split by hand: that pattern, searched from every position of the window, was an eighth of
    the time of importing a 10 MB line (str.rstrip and str.split use the same whitespace as \\s).
    """
    trimmed = chunk.rstrip()
    if len(trimmed) == len(chunk) or not trimmed:
        return ""
    return trimmed.rsplit(None, 1)[-1]


def _attributed(text: str, closers: str, after: int, end: int) -> bool:
    """A closed quotation followed by the words that attribute it: «…!» قالت / كما أضاف."""
    if not any(char in _QUOTES for char in closers):
        return False
    following = _NEXT_WORD.match(text, after, end)
    if following is not None and following.group(1).rstrip(":،,") in PARTICIPLES:
        return True  # "«…؟» قائلًا: «…»": a participle never opens a sentence
    clause = _CLAUSE.match(text, after, end)
    if clause is None:
        return False
    words = clause.group(1).split()
    if words[0] == "كما":
        words = words[1:]
    return bool(words) and words[0] in ATTRIBUTIONS and not _THAT.intersection(words)


def _bare(token: str) -> str:
    """The token without wrapping quotes and brackets, harakat and tatweel."""
    return _DECORATION.sub("", token.strip(_WRAPPERS))


def _period_ends(token: str, following: str, previous: str, at_sentence_start: bool) -> bool:
    """Does "<token>." end its sentence, given the next word and the word before the token?"""
    first = following[:1]
    named = _named_end(token, following, previous)
    if named is not None:
        return named
    if token in ABBREVIATIONS or _INITIALS.fullmatch(token):
        return False
    if at_sentence_start and (_ENUMERATOR.fullmatch(token) or _LABEL.fullmatch(token)):
        return False  # "1. " heading a list item, "س1. " heading a question
    if _ENUMERATOR.fullmatch(token) and previous.endswith(":"):
        return False  # "three points: 1. lower taxes"
    # Latin has case: a lower-case word after "sect." shows the sentence goes on.
    return not (_LATIN_WORD.fullmatch(token) and _LATIN_LOWER.match(first))


def _named_end(token: str, following: str, previous: str) -> bool | None:
    """The rules for tokens that may close a sentence: sentence-final abbreviations, an era
    letter after a year, a single letter after a naming word; None for any other token."""
    upper_next = _LATIN_UPPER.match(following[:1]) is not None
    if token in FINAL_ABBREVIATIONS:
        company = token in COMPANY_ABBREVIATIONS and _opens_arabic_sentence(following)
        return company or upper_next
    if token in ERA_LETTERS and _NUMBER.fullmatch(previous):
        return _opens_arabic_sentence(following) or upper_next
    if len(token) == 1 and token.isalpha() and _is_naming_word(previous):
        return True  # "فيتامين د." / "المجموعة A."
    return None


def _opens_arabic_sentence(word: str) -> bool:
    word = _bare(word)
    return _ARABIC_WORD.match(word) is not None and word not in CONTINUATIONS


def _is_naming_word(word: str) -> bool:
    return word in NAMING_WORDS or _CLITICS.sub("", word) in NAMING_WORDS
