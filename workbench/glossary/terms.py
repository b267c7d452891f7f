"""What makes a glossary term acceptable, shared by `glossary add` and the CSV import."""

from __future__ import annotations

import re
from dataclasses import dataclass

from workbench.glossary.matching import term_key
from workbench.text.controls import unstorable

MAX_TERM_LENGTH = 300  # the column width
_ARABIC_LETTER = re.compile("[\u0621-\u063f\u0641-\u064a\u0671-\u06d3\u06fa-\u06ff]")  # no tatweel


@dataclass(frozen=True, slots=True)
class TermInput:
    term_ar: str
    term_en: str
    note: str | None
    where: str = ""  # "file.csv:12" for messages; empty for the command line

    @property
    def key(self) -> str:
        return term_key(self.term_ar)


def clean_term(term_ar: str, term_en: str, note: str | None, where: str = "") -> TermInput:
    """The term with surrounding whitespace removed and an empty note as None."""
    note = (note or "").strip() or None
    return TermInput(term_ar.strip(), " ".join(term_en.split()), note, where)


def term_problems(term: TermInput) -> list[str]:
    """What is wrong with a term, each naming its field; empty when it can be stored."""
    problems: list[str] = []
    if not _ARABIC_LETTER.search(term.term_ar):
        problems.append(f"term_ar {term.term_ar!r} has no Arabic letter")
    if not term.term_en:
        problems.append("term_en is empty")
    elif _ARABIC_LETTER.search(term.term_en):
        problems.append(f"term_en {term.term_en!r} contains Arabic; it should be the English")
    for name, value in (("term_ar", term.term_ar), ("term_en", term.term_en)):
        if len(value) > MAX_TERM_LENGTH:
            problems.append(f"{name} is longer than {MAX_TERM_LENGTH} characters")
    for name, text in (("term_ar", term.term_ar), ("term_en", term.term_en), ("note", term.note)):
        problem = unstorable(text or "", name)
        if problem is not None:
            problems.append(problem)
    prefix = f"{term.where}: " if term.where else ""
    return [prefix + problem for problem in problems]
