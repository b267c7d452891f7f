"""The hand-labelled segmentation set (tests/fixtures/segmentation/) and its boundary scores.

Each file holds one sentence per line and a blank line between paragraphs; `#` lines are
comments. A paragraph is its sentences joined by one space, and its gold boundaries are the
offsets where a sentence ends inside it (the paragraph's own end is no decision, so it is not
scored). A splitter is scored on the boundaries it puts inside the paragraph: precision, recall
and F1 over all paragraphs together.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from workbench.ingest.segment import segment_paragraph

FOLDER = Path(__file__).parent / "fixtures" / "segmentation"
FILES = ("ntrex.txt", "written.txt")

Splitter = Callable[[str], list[int]]  # a paragraph -> end offsets of its sentences


@dataclass(frozen=True)
class Paragraph:
    text: str
    boundaries: frozenset[int]  # end offsets of the sentences but the last


@dataclass(frozen=True)
class Score:
    true_positives: int
    false_positives: int
    false_negatives: int

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        gold = self.true_positives + self.false_negatives
        return self.true_positives / gold if gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _paragraphs(lines: Iterable[str]) -> Iterable[list[str]]:
    block: list[str] = []
    for line in lines:
        if line.startswith("#"):
            continue
        if line.strip():
            block.append(line.strip())
        elif block:
            yield block
            block = []
    if block:
        yield block


def load(names: Iterable[str] = FILES) -> list[Paragraph]:
    out = []
    for name in names:
        text = (FOLDER / name).read_text(encoding="utf-8")
        for sentences in _paragraphs(text.splitlines()):
            ends, offset = [], 0
            for sentence in sentences:
                offset += len(sentence)
                ends.append(offset)
                offset += 1
            out.append(Paragraph(" ".join(sentences), frozenset(ends[:-1])))
    return out


def score(paragraphs: Iterable[Paragraph], splitter: Splitter) -> Score:
    tp = fp = fn = 0
    for paragraph in paragraphs:
        found = {end for end in splitter(paragraph.text) if end < len(paragraph.text)}
        tp += len(found & paragraph.boundaries)
        fp += len(found - paragraph.boundaries)
        fn += len(paragraph.boundaries - found)
    return Score(tp, fp, fn)


def ours(text: str) -> list[int]:
    return [end for _, end in segment_paragraph(text)]


_NAIVE = re.compile(r"[.!?\u061f\u2026]+[\"'\u00bb\u201d)\]]*(?=\s)")


def naive(text: str) -> list[int]:
    """The usual regex: a terminal mark (Latin or Arabic), closing quotes, then a space."""
    return [match.end() for match in _NAIVE.finditer(text)]


def icu_sentences(locale: str = "ar") -> Splitter:
    """ICU's sentence break iterator (PyICU), trailing spaces trimmed off each boundary."""
    import icu  # type: ignore[import-untyped]  # optional: only the ICU baseline needs it

    breaker = icu.BreakIterator.createSentenceInstance(icu.Locale(locale))

    def split(text: str) -> list[int]:
        breaker.setText(text)
        # PyICU counts UTF-16 units; every character here is in the BMP but check anyway.
        if len(text) != len(text.encode("utf-16-le")) // 2:
            raise ValueError("text outside the BMP: offsets would not be code points")
        ends = []
        for boundary in breaker:
            end = boundary
            while end > 0 and text[end - 1].isspace():
                end -= 1
            ends.append(end)
        return ends

    return split
