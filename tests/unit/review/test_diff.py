"""Word diffs: pieces that rebuild both texts, and words (not spaces) as the unit of change."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st

from workbench.review.diff import DiffPiece, plain, side, tokens, word_diff


def test_changed_words_are_deleted_and_inserted_whole() -> None:
    pieces = word_diff("Voting stations closed at eight.", "Polling stations closed at 8 pm.")
    assert pieces == [
        DiffPiece("delete", "Voting"),
        DiffPiece("insert", "Polling"),
        DiffPiece("equal", " stations closed at "),
        DiffPiece("delete", "eight"),
        DiffPiece("insert", "8 pm"),
        DiffPiece("equal", "."),
    ]
    assert plain(pieces) == "[-Voting-]{+Polling+} stations closed at [-eight-]{+8 pm+}."


def test_names_numbers_and_contractions_stay_one_word() -> None:
    assert tokens("Il-76 carried 27.5 tons, didn't it?") == [
        "Il-76", " ", "carried", " ", "27.5", " ", "tons", ",", " ", "didn't", " ", "it", "?",
    ]  # fmt: skip
    assert plain(word_diff("An Il-76 landed", "An An-12 landed")) == "An [-Il-76-]{+An-12+} landed"


def test_identical_and_empty_texts() -> None:
    assert word_diff("Same text.", "Same text.") == [DiffPiece("equal", "Same text.")]
    assert word_diff("", "") == []
    assert word_diff("", "New text") == [DiffPiece("insert", "New text")]
    assert word_diff("Old text", "") == [DiffPiece("delete", "Old text")]


def test_spaces_do_not_anchor_a_match() -> None:
    # Without spaces marked as junk, the single spaces would align and split the change in two.
    assert plain(word_diff("one two", "three four")) == "[-one two-]{+three four+}"


texts = st.text(alphabet=st.sampled_from(list("ab c.,-'\n\t٢é")), max_size=40)


@given(texts, texts)
def test_pieces_rebuild_both_texts(old: str, new: str) -> None:
    pieces = word_diff(old, new)
    assert side(pieces, "old") == old
    assert side(pieces, "new") == new
    assert all(piece.text for piece in pieces)
    assert all(a.op != b.op for a, b in pairwise(pieces))
