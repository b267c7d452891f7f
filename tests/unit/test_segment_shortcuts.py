"""The segmenter's shortcuts decide exactly as the rules they stand in for (ingest/segment.py)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.ingest.segment import (
    _CANDIDATE,
    _CLOSERS,
    _TERMINALS,
    ABBREVIATIONS,
    CONTINUATIONS,
    ERA_LETTERS,
    FINAL_ABBREVIATIONS,
    NAMING_WORDS,
    _needs_context,
    _period_ends,
    _previous_word,
    _token_start,
)

# The pattern `_previous_word` replaced: the last word, when whitespace follows it.
PREVIOUS = re.compile(r"(\S+)\s+$")
# The candidate pattern `_CANDIDATE` and `_token_start` replaced: anchored at every token start.
ANCHORED = re.compile(
    rf"(?<!\S)(\S*?)([{re.escape(_TERMINALS)}]+)([{re.escape(_CLOSERS)}]*)(?=\s|\Z)"
)

LISTED = sorted(ABBREVIATIONS | FINAL_ABBREVIATIONS | ERA_LETTERS | NAMING_WORDS | CONTINUATIONS)
# Letters of both scripts and both cases, both digit sets, the characters of initials, labels,
# numbers and Latin words, punctuation that ends a token, and whitespace of several kinds.
CHARS = "قالمدهـAaZzIx0159١٢٠.-:/,،«»\"')( \u00a0\n\u2003"
tokens = st.one_of(st.sampled_from(LISTED), st.text(alphabet=CHARS, max_size=8))
words = st.one_of(st.just(""), st.sampled_from(LISTED), st.text(alphabet=CHARS, max_size=8))


@settings(max_examples=1_000, deadline=None)
@given(tokens, words, words, st.booleans())
def test_a_token_said_to_need_no_context_ends_whatever_surrounds_it(
    token: str, following: str, previous: str, at_start: bool
) -> None:
    if not _needs_context(token):
        assert _period_ends(token, following, previous, at_start)


@settings(max_examples=1_000, deadline=None)
@given(st.text(alphabet=CHARS, max_size=60))
def test_the_previous_word_is_what_the_pattern_found(chunk: str) -> None:
    found = PREVIOUS.search(chunk)
    assert _previous_word(chunk) == ("" if found is None else found.group(1))


def test_the_tokens_that_need_their_neighbours_are_recognised() -> None:
    for token in ("Inc", "م", "د", "U.S", "12", "س1", "sect", "ق.م", "No"):
        assert _needs_context(token), token
    for token in ("اليوم", "الوزير", "2024", "١٢٣٤", "قال"):
        assert not _needs_context(token), token


# Terminal marks, closers, letters, digits and whitespace, so that tokens end in every way.
CANDIDATE_CHARS = "ab١2.!؟…" + '"«»)]\u200f' + " \n\u00a0"


@settings(max_examples=2_000, deadline=None)
@given(st.text(alphabet=CANDIDATE_CHARS, max_size=40))
def test_candidates_are_those_the_anchored_pattern_finds(text: str) -> None:
    anchored = [(m.start(1), m.start(2), m.start(3), m.end()) for m in ANCHORED.finditer(text)]
    found, scanned = [], 0
    for match in _CANDIDATE.finditer(text):
        token = _token_start(text, scanned, match.start())
        scanned = match.end()
        found.append((token, match.start(1), match.start(2), match.end()))
    assert found == anchored
