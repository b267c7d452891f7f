"""Property: segmentation -> import -> edit -> export -> re-import keeps every character.

The English written to segments goes out as TMX and as CSV and comes back through `import-tm`
into a fresh database holding the same article: the memory then holds exactly the exported
pairs, and every edited segment gets exactly its English back. CSV carries every character
(formula-like cells included: the guard's apostrophe is taken off again); TMX carries every
character XML 1.0 can (it cannot carry C0 controls such as U+0001: those alone are dropped).
Blank English is not a translation and is not imported as one.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from tests.conftest import Cli
from tests.reliability.test_roundtrip_property import ALPHABET, documents, read_back
from workbench.export.xmltext import drop_forbidden
from workbench.store.database import open_database
from workbench.store.models import TmEntry
from workbench.text.normalise import source_hash

tricky = st.sampled_from([*"=+-@'\"\t\r\n,;\u2028\u202e\ufffe&<>", "\r\n", "😀"])
any_char = st.characters(blacklist_categories=("Cs", "Cc"))  # control characters: refused
targets = (
    st.lists(st.one_of(tricky, any_char, st.sampled_from(ALPHABET)), min_size=1, max_size=30)
    .map("".join)
    .filter(lambda text: text.strip() != "")
)
_files = itertools.count()


def import_article(cli: Cli, folder: Path, text: str) -> list[dict[str, Any]]:
    path = folder / f"article{next(_files)}.txt"
    path.write_text(text, encoding="utf-8", newline="")
    result = cli("import", str(path))
    assert result.exit_code == 0, result.output
    return read_back(cli, 1)


def memory(url: str) -> set[tuple[str, str]]:
    database = open_database(url)
    try:
        with database.read() as session:
            rows = session.execute(select(TmEntry.source_hash, TmEntry.target)).all()
    finally:
        database.dispose()
    return {(hash_, target) for hash_, target in rows}


@pytest.mark.longest
@settings(
    max_examples=10,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(text=documents, english=st.lists(targets, min_size=1, max_size=4))
@example(text="0\n", english=["\ufffe"])  # English that TMX cannot carry at all
@example(
    text="قال. ثم غادر.\n", english=["=cmd|' /C calc'!A0", "'=x"]
)  # formulas, and one that looks it
def test_export_and_reimport_keep_every_character(
    any_db_factory: Callable[[], str], tmp_path: Path, text: str, english: list[str]
) -> None:
    desk = Cli(any_db_factory())
    rows = import_article(desk, tmp_path, text)
    written: dict[int, str] = {}
    for row, target in zip(rows, english, strict=False):
        result = desk("edit", str(row["id"]), "--status", "translated", f"--text={target}")
        assert result.exit_code == 0, result.output
        written[int(row["position"])] = target
    sources = {int(row["position"]): str(row["source"]) for row in rows}

    for kind in ("csv", "tmx"):
        out = tmp_path / f"export{next(_files)}.{kind}"
        exported = desk("export", kind, str(out), "--status", "any")
        assert exported.exit_code == 0, exported.output
        keep = drop_forbidden if kind == "tmx" else str

        other = Cli(any_db_factory(), user="omar")
        import_article(other, tmp_path, text)
        result = other("import-tm", str(out))
        assert result.exit_code == 0, result.output

        # What arrives: each English as the format carries it; English that was nothing but
        # characters XML cannot carry arrives blank, and blank English is no translation.
        arrived = {p: keep(t) for p, t in written.items() if keep(t).strip()}
        expected = {(source_hash(sources[p]), t) for p, t in arrived.items()}
        assert memory(other.db_url) == expected, kind
        hashes = [source_hash(sources[p]) for p in written]
        again = {int(row["position"]): row for row in read_back(other, 1)}
        assert {p: str(r["source"]) for p, r in again.items()} == sources
        for position in written:
            if hashes.count(source_hash(sources[position])) == 1:  # one English for this Arabic
                assert again[position]["target"] == arrived.get(position), kind
