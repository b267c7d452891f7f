"""`workbench export xliff` read by translate-toolkit, and `import-xliff` bringing a translator's
targets back (written by translate-toolkit, as a CAT tool would)."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree
from sqlalchemy import select
from translate.storage import xliff, xliff2

from tests.conftest import Cli
from tests.integration.publish.conftest import Built, article_paragraphs, build_document
from workbench.store.models import Revision, User

STORES = {"1.2": xliff.xlifffile, "2.0": xliff2.Xliff2File}


def export(built: Built, out: Path, *extra: str) -> None:
    result = built.cli("export", "xliff", str(out), "--doc", str(built.document_id), *extra)
    assert result.exit_code == 0, result.output


def unit_ids(store: object) -> list[str]:
    # translate-toolkit prefixes 1.2 ids with the file's name and \x04.
    return [unit.getid().rsplit("\x04", 1)[-1] for unit in store.units]  # type: ignore[attr-defined]


def translate_in_toolkit(path: Path, version: str, english: dict[str, str]) -> None:
    """Set targets as an outside translator's tool does, and save the file."""
    store = STORES[version].parsefile(str(path))
    for unit, unit_id in zip(store.units, unit_ids(store), strict=True):
        if unit_id in english:
            unit.target = english[unit_id]
    store.savefile(str(path))


@pytest.fixture
def untranslated(cli: Cli, tmp_path: Path) -> Built:
    built = build_document(cli, tmp_path, article_paragraphs(40), translate=False)
    yield built
    built.database.dispose()


@pytest.mark.parametrize("version", ["1.2", "2.0"])
def test_export_read_by_translate_toolkit(article: Built, tmp_path: Path, version: str) -> None:
    out = tmp_path / "article.xlf"
    export(article, out, "--version", version)
    store = STORES[version].parsefile(str(out))
    assert (store.getsourcelanguage(), store.gettargetlanguage()) == ("ar", "en")
    segments = article.segments()
    assert unit_ids(store) == [str(segment.id) for segment in segments]
    assert [unit.source for unit in store.units] == [segment.source for segment in segments]
    assert [unit.target for unit in store.units] == [segment.target for segment in segments]
    file = etree.parse(str(out)).getroot()[0]
    wb = "{urn:x-arabic-news-workbench:xliff}"
    assert file.get("original") == "article.txt"
    assert file.get(wb + "document-id") == str(article.document_id)
    with article.database.read() as session:
        from workbench.store.models import Document

        document = session.get(Document, article.document_id)
        assert document is not None
        assert file.get(wb + "content-hash") == document.content_hash


@pytest.mark.parametrize("version", ["1.2", "2.0"])
def test_round_trip_targets_come_back_as_import_revisions(
    untranslated: Built, tmp_path: Path, version: str
) -> None:
    out = tmp_path / "out.xlf"
    export(untranslated, out, "--version", version)
    english = [sentence for p in untranslated.paragraphs for sentence in p.english]
    translate_in_toolkit(
        out, version, dict(zip(map(str, untranslated.segment_ids), english, strict=True))
    )
    result = untranslated.cli("import-xliff", str(out), user="bob")
    assert result.exit_code == 0, result.output
    count = len(english)
    assert f"{count} sentences updated" in result.output
    segments = untranslated.segments()
    assert [segment.target for segment in segments] == english
    assert {segment.status for segment in segments} == {"translated"}
    with untranslated.database.read() as session:
        revisions = session.execute(
            select(Revision.origin, User.name).join(User, Revision.author_id == User.id)
        ).all()
    assert sorted(set(revisions)) == [("import", "bob")]
    assert len(revisions) == count
    again = untranslated.cli("import-xliff", str(out), "--json", user="bob")
    assert again.exit_code == 0
    assert '"imported": []' in again.output and f'"unchanged": {count}' in again.output


def test_changed_in_workbench_is_held_back(untranslated: Built, tmp_path: Path) -> None:
    out = tmp_path / "out.xlf"
    ids = untranslated.segment_ids
    edited = untranslated.cli("edit", str(ids[0]), "--text", "Before the export.")
    assert edited.exit_code == 0
    export(untranslated, out)
    edited = untranslated.cli(
        "edit", str(ids[0]), "--text", "Changed after the export.", user="carol"
    )
    assert edited.exit_code == 0
    translate_in_toolkit(out, "1.2", {str(ids[0]): "Translator's version.", str(ids[1]): "Two."})
    result = untranslated.cli("import-xliff", str(out))
    assert result.exit_code == 3
    assert f"held back: sentence 1 (segment {ids[0]})" in result.output
    assert "by carol" in result.output
    first, second = untranslated.segments()[:2]
    assert first.target == "Changed after the export."  # nobody's work silently overwritten
    assert second.target == "Two."


def test_file_of_another_database_is_refused(
    untranslated: Built, tmp_path: Path, db_url: str
) -> None:
    out = tmp_path / "out.xlf"
    export(untranslated, out)
    text = out.read_text("utf-8")
    hash_at = text.index('wb:content-hash="') + len('wb:content-hash="')
    out.write_text(text[:hash_at] + "0" * 64 + text[hash_at + 64 :], "utf-8")
    translate_in_toolkit(out, "1.2", {str(untranslated.segment_ids[0]): "One."})
    result = untranslated.cli("import-xliff", str(out))
    assert result.exit_code == 2
    assert "belongs to no document in this database" in result.output
    assert untranslated.segments()[0].target is None


def test_foreign_xliff_without_identity_is_refused(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "agency.xlf"
    store = xliff.xlifffile(sourcelanguage="ar", targetlanguage="en")
    unit = store.addsourceunit("جملة.")
    unit.target = "A sentence."
    unit.setid("7")
    store.savefile(str(path))
    result = cli("import-xliff", str(path))
    assert result.exit_code == 2
    assert "carries no workbench document id" in result.output


def test_entity_declarations_are_refused(untranslated: Built, tmp_path: Path) -> None:
    out = tmp_path / "out.xlf"
    export(untranslated, out)
    body = out.read_text("utf-8").split("\n", 1)[1]
    first = untranslated.segment_ids[0]
    body = body.replace(f'<trans-unit id="{first}"', f'<trans-unit id="{first}"', 1).replace(
        "</source>", "</source><target>&lol;</target>", 1
    )
    out.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE xliff [<!ENTITY lol "lol lol lol">]>\n' + body, "utf-8"
    )
    result = untranslated.cli("import-xliff", str(out))
    assert result.exit_code == 2
    assert "declares entities" in result.output
    assert untranslated.segments()[0].target is None


def test_changed_source_refuses_the_whole_file(untranslated: Built, tmp_path: Path) -> None:
    out = tmp_path / "out.xlf"
    export(untranslated, out)
    ids = list(map(str, untranslated.segment_ids))
    translate_in_toolkit(out, "1.2", {ids[0]: "One.", ids[1]: "Two."})
    tree = etree.parse(str(out))
    ns = {"x": "urn:oasis:names:tc:xliff:document:1.2"}
    tree.xpath(f"//x:trans-unit[@id='{ids[1]}']/x:source", namespaces=ns)[0].text = "تغيير."
    tree.write(str(out), xml_declaration=True, encoding="UTF-8")
    result = untranslated.cli("import-xliff", str(out))
    assert result.exit_code == 2
    assert "Arabic source differs from sentence 2" in result.output
    assert [segment.target for segment in untranslated.segments()[:2]] == [None, None]


def test_not_xliff_is_refused(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "memory.tmx"
    path.write_text('<?xml version="1.0"?><tmx version="1.4"><body/></tmx>', "utf-8")
    result = cli("import-xliff", str(path))
    assert result.exit_code == 2
    assert "not an XLIFF 1.2 or 2.0 file" in result.output


def test_malformed_file_names_the_line(untranslated: Built, tmp_path: Path) -> None:
    out = tmp_path / "out.xlf"
    export(untranslated, out)
    lines = out.read_text("utf-8").splitlines()
    out.write_text("\n".join(lines[: len(lines) // 2]) + "\n", "utf-8")  # cut off half-way
    result = untranslated.cli("import-xliff", str(out))
    assert result.exit_code == 2
    assert f"{out}, line " in result.output and "not well-formed XML" in result.output
    assert all(segment.target is None for segment in untranslated.segments())
