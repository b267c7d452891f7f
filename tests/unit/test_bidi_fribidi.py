"""Our wrapped bidi display against GNU FriBidi, line by line (issue 16).

Both resolve the levels of the whole sentence and reorder each wrapped line (L1–L4); the line
breaks are ours (the same spans are handed to FriBidi's `fribidi_reorder_line`). Compared before
shaping, as code points in display order; zero-width controls (bidi class BN and the explicit
embeddings and isolates) are left out of the comparison: they draw nothing, and where UAX #9
leaves their place open (X9 removes them) the two implementations put them differently. See
docs/guide/arabic-display.md.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from functools import cache
from pathlib import Path

import pytest

from tests.fribidi_ref import FriBidi, Paragraph, load
from workbench.ingest.segment import segment_document
from workbench.tui.display.bidi import (
    head_to_visual,
    line_spans,
    rtl_lines,
    shape,
    to_visual,
    wrap_visual,
    wrapped_tagged,
)

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
WIDTHS = (16, 24, 40, 60, 80)
_INVISIBLE = frozenset({"BN", "LRE", "RLE", "LRO", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI"})

_lib = load()
pytestmark = pytest.mark.skipif(_lib is None, reason="libfribidi not installed (libfribidi-bin)")


@cache  # per sentence, once per session: the levels do not depend on the width (only the
# reordering of each line does), and every sentence is compared at five widths
def _reference(sentence: str) -> Paragraph:
    return _fribidi().paragraph(sentence, rtl=True)


@cache
def _fribidi() -> FriBidi:
    assert _lib is not None
    return FriBidi(_lib)


def _visible(text: str) -> str:
    return "".join(c for c in text if unicodedata.bidirectional(c) not in _INVISIBLE)


@cache  # read once per session: the same list for every width (tests never change it)
def _sentences() -> tuple[str, ...]:
    out = []
    for path in sorted((SHARED / "seeds").glob("*.txt")):
        out += [s.text for s in segment_document(path.read_text(encoding="utf-8"))]
    ntrex = SHARED / "corpora" / "ntrex-ar-en" / "ar.txt"
    out += ntrex.read_text(encoding="utf-8").splitlines()
    return tuple(" ".join(s.split()) for s in out if s.strip())


def _compare(sentences: Sequence[str], width: int) -> tuple[int, list[tuple[str, str, str]]]:
    lines, different = 0, []
    for sentence in sentences:
        ours = [
            "".join(c for c, _ in line) for line in wrapped_tagged(sentence, sentence, width, "R")
        ]
        theirs = _reference(sentence).lines(line_spans(sentence, width))
        for mine, reference in zip(ours, theirs, strict=True):
            lines += 1
            # (equal lines are equal without their controls: filter only the others)
            if mine != reference and _visible(mine) != _visible(reference):
                different.append((sentence, mine, reference))
    return lines, different


@pytest.mark.parametrize("width", WIDTHS)
def test_every_wrapped_line_matches_fribidi(width: int) -> None:
    sentences = _sentences()
    assert len(sentences) > 2000
    lines, different = _compare(sentences, width)
    assert lines > len(sentences)
    assert different == []


MIXES = [
    "وأكد أن \u2067«آبل»\u2069 ستواصل.",
    "قال \u2066Apple Inc.\u2069 (الشركة) إن «الأرباح» ارتفعت 3.5% في 2024.",
    "وَقَالَ الرَّئِيسُ: \u202bنص\u202c [مهم] {جدا} و\u202dLTR\u202c ــــ انتهى.",
    "\u2068English first\u2069 ثم عربي \u200fو\u200e 12-15 \ufefb \u200dمع\u200c.",
]


@pytest.mark.parametrize("text", MIXES)
@pytest.mark.parametrize("width", (4, 9, 20, 80))
def test_isolates_marks_and_brackets_match_fribidi(text: str, width: int) -> None:
    lines, different = _compare([text], width)
    assert lines >= 1
    assert different == []


RANGE = 'قال المؤرخ إن حكم الملك امتد "305-285 ق.م" وفق المصادر اليونانية القديمة.'


@pytest.mark.parametrize("width", range(8, 80))
def test_era_range_reads_the_same_at_every_width(width: int) -> None:
    lines = wrap_visual(RANGE, width)
    shown = " ".join(lines)
    assert "285-305" in shown  # the numbers in display order: 305 on the right, read first
    assert "305-285" not in shown


def test_a_list_row_reads_the_range_as_the_whole_sentence_does() -> None:
    start = RANGE.index('"305')
    for cut in range(start + len('"305-285'), len(RANGE)):
        head = RANGE[:cut] + "…"
        shown = head_to_visual(head, RANGE)
        assert "285-305" in shown, cut
        assert shown.startswith("…")  # the cut (the logical end) is at the left
    # Without the sentence as context the range at a line's start reads the other way round,
    # which is what resolving each line on its own did.
    assert "305-285" in to_visual(RANGE[start:])


@cache  # once per session, as `_sentences`: the filter runs the fast path on every sentence
def _one_level_sentences() -> tuple[str, ...]:
    """Seed, NTREX and Tatoeba sentences the fast path takes (no digits, Latin or controls)."""
    tatoeba = SHARED / "corpora" / "tatoeba-ar-en" / "ar.txt"
    everyday = [" ".join(s.split()) for s in tatoeba.read_text(encoding="utf-8").splitlines()]
    sentences = [*_sentences(), *(s for s in everyday if s)]
    return tuple(s for s in sentences if rtl_lines(s, [(0, len(s))], "R") is not None)


@pytest.mark.parametrize("width", WIDTHS)
def test_the_one_level_fast_path_matches_fribidi(width: int) -> None:
    """Sentences of Arabic letters, marks, spaces and punctuation skip the algorithm: each line
    is its characters reversed, marks after their letter, brackets mirrored."""
    sentences = _one_level_sentences()
    assert len(sentences) > 10_000
    different = []
    for sentence in sentences:
        spans = line_spans(sentence, width)
        ours = rtl_lines(sentence, spans, "R")
        assert ours is not None
        theirs = _reference(sentence).lines(spans)
        different += [(sentence, a, b) for a, b in zip(ours, theirs, strict=True) if a != b]
    assert different == []


@pytest.mark.parametrize(
    "text",
    [
        "قال 3 رجال",  # a digit: level 2
        "وأكد أن Apple ستواصل",  # a Latin word: level 2
        "وأكد أن \u2067«آبل»\u2069 ستواصل",  # an isolate
        "مع\u200dنا",  # a joiner (BN)
    ],
)
def test_the_fast_path_leaves_digits_latin_and_controls_to_the_algorithm(text: str) -> None:
    assert rtl_lines(text, [(0, len(text))], "R") is None
    assert rtl_lines("مرحبا", [(0, 5)], "L") is None  # an English paragraph quoting Arabic


@pytest.mark.parametrize("cut", (7, 30, 61))
def test_a_list_row_of_a_one_level_sentence_matches_fribidi(cut: int) -> None:
    """A row (the head of the sentence, cut with an ellipsis) on the fast path reads as the
    first line FriBidi gives for the whole shaped sentence."""
    assert _lib is not None
    fribidi = FriBidi(_lib)
    different = []
    sentences = [s for s in _one_level_sentences()[::5] if len(s) > cut]
    assert len(sentences) > 300
    for sentence in sentences:
        head = sentence[:cut] + "…"
        shown = shape(head)
        whole = shown + shape(sentence[cut:])
        (theirs,) = fribidi.lines(whole, [(0, len(shown))], rtl=True)
        if head_to_visual(head, sentence) != theirs:
            different.append(sentence)
    assert different == []
