"""Marks on spans of Arabic (glossary terms, claims) follow their letters through shaping and
reordering, on lines that mix Arabic, Latin, digits, brackets, harakat and tatweel."""

from __future__ import annotations

from workbench.tui.display.bidi import display_line, shape, to_visual
from workbench.tui.display.word_marks import Mark, display_marked, line_marks, word_marks

MIRROR = str.maketrans("()", ")(")
LINE = "وصلت طائرة Il-76 إلى آستانا (٢٧ مليار) مساءً"


def marks_for(line: str, start: int, end: int, name: str = "claim") -> list[Mark]:
    return line_marks(word_marks(line, [(start, end, name)]))


def marked(runs: list[tuple[str, Mark]]) -> list[str]:
    return [text for text, mark in runs if mark]


def test_each_word_marked_alone_is_drawn_as_that_word() -> None:
    offset = 0
    for word in LINE.split(" "):
        runs = display_marked(LINE, marks_for(LINE, offset, offset + len(word)), enabled=True)
        offset += len(word) + 1
        assert "".join(text for text, _ in runs) == to_visual(LINE)
        (drawn,) = marked(runs)
        # Shaped, reversed if Arabic; a bracket may be mirrored by its new context.
        assert sorted(drawn.translate(MIRROR)) in (
            sorted(to_visual(word)),
            sorted(to_visual(word).translate(MIRROR)),
        )


def test_a_span_inside_a_word_marks_only_its_letters() -> None:
    # A claim quoting "الرئيس" in "والرئيس": the conjunction stays unmarked.
    line = "قال والرئيس إن"
    start = line.index("الرئيس")
    runs = display_marked(line, marks_for(line, start, start + 6), enabled=True)
    assert marked(runs) == [to_visual("الرئيس")]
    assert "".join(text for text, _ in runs) == to_visual(line)
    logical = display_marked(line, marks_for(line, start, start + 6), enabled=False)
    assert logical == [("قال و", None), ("الرئيس", "claim"), (" إن", None)]


def test_a_span_across_words_is_one_run_with_its_spaces() -> None:
    line = "بلغ حجم التبادل التجاري ٢٧ مليار دولار"
    start = line.index("٢٧")
    runs = display_marked(line, marks_for(line, start, len(line)), enabled=True)
    assert marked(runs) == [to_visual("٢٧ مليار دولار")]


def test_a_ligature_is_marked_when_one_of_its_letters_is() -> None:
    # lam + alef-with-hamza is one glyph: a span starting on the alef still marks it.
    word = "الأوكراني"
    assert len(shape(word)) == len(word) - 1
    start = word.index("أ")
    runs = display_marked(word, marks_for(word, start, len(word)), enabled=True)
    drawn = "".join(marked(runs))
    assert "".join(text for text, _ in runs) == to_visual(word)
    assert len(drawn) == len(shape(word)) - 1  # every glyph but the first alef
    assert drawn == to_visual(word)[:-1]  # right to left: the unmarked alef is drawn last


def test_harakat_and_tatweel_stay_with_their_letters() -> None:
    line = "قالَ الوزيرُ إنّ الــتبادل"
    for word in ("الوزيرُ", "إنّ", "الــتبادل"):
        start = line.index(word)
        runs = display_marked(line, marks_for(line, start, start + len(word)), enabled=True)
        (drawn,) = marked(runs)
        assert sorted(drawn) == sorted(to_visual(word))


def test_overlapping_spans_join_their_names() -> None:
    line = "قال توكاييف في آستانا"
    start = line.index("توكاييف")
    words = word_marks(line, [(start, start + 7, "term"), (0, start + 3, "claim")])
    assert words[0] == ["claim"] * 3
    assert words[1] == ["claim term"] * 3 + ["term"] * 4
    runs = display_marked(line, line_marks(words), enabled=False)
    assert runs == [
        ("قال ", "claim"),  # the space takes the name both its neighbours have
        ("توك", "claim term"),
        ("اييف", "term"),
        (" في آستانا", None),
    ]


def test_unmarked_lines_are_drawn_as_display_line_draws_them() -> None:
    assert display_marked(LINE, [None] * len(LINE), enabled=True) == [
        (display_line(LINE, True), None)
    ]
    assert display_marked(LINE, [], enabled=False) == [(LINE, None)]
