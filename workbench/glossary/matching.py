"""Finding glossary terms in Arabic text, with offsets into the text exactly as stored.

Both the terms and the text are folded with `normalise_with_offsets` (alef forms, ta marbuta,
alef maqsura, harakat, tatweel, digits, case; quotation marks dropped so that
منظمة “معاهدة الأمن الجماعي” still matches). Every folded character remembers the offset it came
from, so a match maps back to a span of the original source.

Terms match whole words. Arabic glues clitics to the front of a word, so a term may be preceded,
inside the same word, by an optional conjunction (و ف), then an optional preposition (ب ك ل),
then an optional article (ال): وتوكاييف, بأستانا, والكرملين, فبالعاصمة. Lam + article contracts
to لل, so a term that starts with ال also matches as للكرملين. Suffixes (pronouns, plural and
adjective endings) are not stripped: الكازاخستاني (Kazakh) is not كازاخستان (Kazakhstan). The
highlighted span is the term itself, without its prefix, plus any harakat or tatweel on its last
letter.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from workbench.text.normalise import MappedText, is_dropped_mark, normalise_with_offsets

QUOTES = frozenset("\"'`“”„‟«»‘’‚‛″′‹›")
_ARTICLE = "ال"
_WORD = re.compile(r"\w+")


def _clitic_prefixes() -> tuple[frozenset[str], frozenset[str]]:
    """(prefixes before a term, prefixes before a term whose ال was contracted into لل)."""
    conjunctions = ("", "و", "ف")
    plain = {
        conjunction + preposition + article
        for conjunction in conjunctions
        for preposition in ("", "ب", "ك", "ل")
        for article in ("", _ARTICLE)
    }
    return frozenset(plain), frozenset(conjunction + "لل" for conjunction in conjunctions)


PREFIXES, CONTRACTED_PREFIXES = _clitic_prefixes()
_LONGEST_PREFIX = max(len(prefix) for prefix in PREFIXES | CONTRACTED_PREFIXES)


def fold(text: str) -> MappedText:
    """The matching form of a text, with each character's original offset."""
    return normalise_with_offsets(text, ignore=QUOTES)


def term_key(term_ar: str) -> str:
    """What a term is matched and de-duplicated by (stored as `term_ar_norm`)."""
    return fold(term_ar).text


@dataclass(frozen=True, slots=True)
class GlossaryEntry:
    id: int
    term_ar: str
    term_en: str
    note: str | None
    key: str


@dataclass(frozen=True, slots=True)
class GlossaryHit:
    """A glossary term found in a source: `source[start:end]` is the term as written there."""

    start: int
    end: int
    term_ar: str
    term_en: str
    note: str | None
    term_id: int


@dataclass(frozen=True, slots=True)
class _Candidate:
    entry: GlossaryEntry
    contracted: bool  # the entry's leading ال is missing, as after لل


@dataclass
class GlossaryIndex:
    """All terms, indexed by their first word; build once, query many sources."""

    entries: tuple[GlossaryEntry, ...]
    signature: tuple[object, ...] = ()
    _by_first_word: dict[str, list[_Candidate]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for entry in self.entries:
            first = _WORD.match(entry.key)
            if first is None:  # a term that does not start with a letter cannot match a word
                continue
            word = first.group()
            self._by_first_word.setdefault(word, []).append(_Candidate(entry, False))
            if word.startswith(_ARTICLE) and len(word) > len(_ARTICLE):
                stem = word[len(_ARTICLE) :]
                self._by_first_word.setdefault(stem, []).append(_Candidate(entry, True))

    def __len__(self) -> int:
        return len(self.entries)

    def hits(self, source: str) -> list[GlossaryHit]:
        """Terms in `source`, longest first where they overlap, in order of position."""
        folded = fold(source)
        spans = _select_longest(self._matches(folded.text))
        return [
            _to_hit(source, folded, start, end, entry)
            for (start, end), entries in sorted(spans.items())
            for entry in entries
        ]

    def _matches(self, text: str) -> Iterable[tuple[int, int, GlossaryEntry]]:
        for word in _WORD.finditer(text):
            token = word.group()
            for prefix_length in range(min(len(token), _LONGEST_PREFIX + 1)):
                prefix = token[:prefix_length]
                contracted_ok = prefix in CONTRACTED_PREFIXES
                if prefix not in PREFIXES and not contracted_ok:
                    continue
                for candidate in self._by_first_word.get(token[prefix_length:], ()):
                    if candidate.contracted != contracted_ok:
                        continue
                    key = candidate.entry.key
                    if candidate.contracted:
                        key = key[len(_ARTICLE) :]
                    start = word.start() + prefix_length
                    end = start + len(key)
                    if text.startswith(key, start) and _ends_word(text, end):
                        yield start, end, candidate.entry


def _ends_word(text: str, end: int) -> bool:
    return end == len(text) or _WORD.match(text, end) is None


def _select_longest(
    matches: Iterable[tuple[int, int, GlossaryEntry]],
) -> dict[tuple[int, int], list[GlossaryEntry]]:
    """Keep the longest of overlapping spans; every entry (English rendering) of a kept span."""
    by_span: dict[tuple[int, int], list[GlossaryEntry]] = {}
    for start, end, entry in matches:
        entries = by_span.setdefault((start, end), [])
        if entry not in entries:
            entries.append(entry)
    kept: dict[tuple[int, int], list[GlossaryEntry]] = {}
    for span in sorted(by_span, key=lambda s: (s[0] - s[1], s[0])):
        if all(span[1] <= other[0] or other[1] <= span[0] for other in kept):
            kept[span] = by_span[span]
    return kept


def _to_hit(
    source: str, folded: MappedText, start: int, end: int, entry: GlossaryEntry
) -> GlossaryHit:
    original_start = folded.origins[start]
    original_end = folded.origins[end - 1] + 1
    while original_end < len(source) and is_dropped_mark(source[original_end]):
        original_end += 1
    return GlossaryHit(
        original_start, original_end, entry.term_ar, entry.term_en, entry.note, entry.id
    )


def english_pattern(term_en: str) -> re.Pattern[str]:
    """The English term as a whole-word, case-blind pattern.

    Spaces and hyphens are interchangeable (Nur-Sultan, Nur Sultan) and a plural or possessive
    ending is allowed (parallel imports, Tokayev's).
    """
    parts = [re.escape(part) for part in re.split(r"[\s\-‐–]+", term_en.strip()) if part]
    body = r"[\s\-‐–]+".join(parts)
    return re.compile(rf"(?<!\w){body}(?:['’]s|e?s)?(?!\w)", re.IGNORECASE)
