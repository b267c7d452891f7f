"""Property: segmentation -> import -> edit -> read back keeps every character.

For any text, the imported segments are the file's text cut at whitespace only: joined back with
the whitespace between them they are the file, character for character (after the two encodings
of a file the importer removes on purpose: a BOM and CR line ends). Any English written to them
comes back exactly, through `workbench edit` and `workbench segments --json` (read line by line
with splitlines, which also splits at U+2028, U+2029 and U+0085).

(Export and re-import are added to the chain when the exchange formats land.)
"""

from __future__ import annotations

import itertools
import json
import re
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import Cli

# Arabic letters, harakat, tatweel, Arabic-Indic digits and punctuation, sentence ends of both
# scripts, quotes, bidi controls, Latin, whitespace of several kinds, and an emoji.
ARABIC = "".join(chr(c) for c in range(0x0621, 0x064B)) + "\u064b\u064e\u0650\u0651\u0652\u0640"
MARKS = "٠١٢٣٤٥٦٧٨٩٫٬،؛؟.!?…«»“”\"'()-:/"
BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
LATIN = "ABCIlntoRTSX0123456789"
SPACES = "  \t\u00a0\u2009"
ALPHABET = ARABIC + MARKS + BIDI + LATIN + SPACES + "😀"

words = st.text(alphabet=ARABIC + LATIN + MARKS + BIDI + "😀", min_size=1, max_size=12)
line = st.lists(words, min_size=1, max_size=12).map(" ".join)
paragraph_break = st.sampled_from(["\n", "\n\n", "\r\n", " \n\t", "\u2029", "\n \n"])
documents = st.lists(st.tuples(line, paragraph_break), min_size=1, max_size=8).map(
    lambda parts: "".join(text + brk for text, brk in parts)
)
# Targets: any text that may be stored (NUL, control characters and lone surrogates are refused,
# tested in test_hostile_text.py), with line breaks and separators, bidi controls and a BOM
# drawn often.
tricky = st.sampled_from([*"\n\r\t\u2028\u2029\u202e\u2066\ufeff ", "😀"])
any_char = st.characters(blacklist_categories=("Cs", "Cc"))
targets = st.lists(st.one_of(tricky, any_char, st.sampled_from(ALPHABET)), max_size=40).map("".join)

_numbers = itertools.count()
_ADDED = re.compile(r"(?:added|skipped) .*document (\d+)")


def import_text(cli: Cli, folder: Path, text: str, bom: bool) -> int:
    path = folder / f"doc{next(_numbers)}.txt"
    path.write_bytes(("\ufeff" if bom else "").encode() + text.encode("utf-8"))
    result = cli("import", str(path))
    assert result.exit_code == 0, result.output
    found = _ADDED.search(result.stdout)
    assert found, result.stdout
    return int(found.group(1))


def read_back(cli: Cli, document_id: int) -> list[dict[str, Any]]:
    result = cli("segments", "--doc", str(document_id), "--json")
    assert result.exit_code == 0, result.output
    # Split as any line reader would: separators typed into a text must not split a record.
    return [json.loads(record) for record in result.stdout.splitlines() if record]


def assert_cut_at_whitespace_only(text: str, sources: list[str]) -> None:
    expected = text.replace("\r\n", "\n").replace("\r", "\n")
    position = 0
    for source in sources:
        found = expected.find(source, position)
        assert found >= 0, (source, expected[position:])
        gap = expected[position:found]
        assert gap == "" or gap.isspace(), f"characters lost between segments: {gap!r}"
        assert source == source.strip() and source
        position = found + len(source)
    rest = expected[position:]
    assert rest == "" or rest.isspace(), f"characters lost at the end: {rest!r}"


@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(text=documents, bom=st.booleans(), new_targets=st.lists(targets, max_size=4))
def test_import_edit_read_back_keeps_every_character(
    any_cli: Cli, tmp_path: Path, text: str, bom: bool, new_targets: list[str]
) -> None:
    document_id = import_text(any_cli, tmp_path, text, bom)
    rows = read_back(any_cli, document_id)
    assert_cut_at_whitespace_only(text, [row["source"] for row in rows])

    written: dict[int, str] = {}
    for row, target in zip(rows, new_targets, strict=False):
        result = any_cli(
            "edit", str(row["id"]), "--expect-version", str(row["version"]), f"--text={target}"
        )
        assert result.exit_code == 0, result.output
        written[row["id"]] = target

    again = read_back(any_cli, document_id)
    assert [row["source"] for row in again] == [row["source"] for row in rows]
    for row in again:
        if row["id"] in written:
            assert row["target"] == written[row["id"]]
