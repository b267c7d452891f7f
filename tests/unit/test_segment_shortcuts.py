"""The segmenter's shortcuts decide exactly as the rules they stand in for (ingest/segment.py)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.ingest.segment import (
    ABBREVIATIONS,
    CONTINUATIONS,
    ERA_LETTERS,
    FINAL_ABBREVIATIONS,
    NAMING_WORDS,
    _needs_context,
    _period_ends,
    _previous_word,
)

# The pattern `_previous_word` replaced: the last word, when whitespace follows it.
PREVIOUS = re.compile(r"(\S+)\s+$")

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
