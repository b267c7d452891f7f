"""`workbench export tmx`: valid TMX 1.4b, statuses, history, MT, awkward text, safe writing."""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree
from translate.storage.tmx import tmxfile

from tests.integration.exchange.conftest import (
    MT_PACKAGE,
    MT_VERSION,
    TRICKY_ENGLISH,
    Desk,
    validate_tmx,
)
from workbench.export.xmltext import drop_forbidden

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
TMX_DATE = re.compile(r"^\d{8}T\d{6}Z$")


def export(desk: Desk, out: Path, *options: str) -> etree._ElementTree:
    result = desk.cli("export", "tmx", str(out), *options)
    assert result.exit_code == 0, result.output
    return validate_tmx(out)


def units(tree: etree._ElementTree) -> dict[int, etree._Element]:
    return {int(tu.get("tuid")): tu for tu in tree.iter("tu")}


def props(tu: etree._Element) -> dict[str, str]:
    return {prop.get("type"): prop.text or "" for prop in tu.iter("prop")}


def seg(tu: etree._Element, language: str) -> str:
    tuv = next(t for t in tu.iter("tuv") if t.get(XML_LANG) == language)
    return tuv.findtext("seg") or ""


def test_header_is_complete_and_file_validates(desk: Desk, tmp_path: Path) -> None:
    tree = export(desk, tmp_path / "out.tmx")
    root = tree.getroot()
    assert root.tag == "tmx" and root.get("version") == "1.4"
    header = root.find("header")
    assert header is not None
    assert header.get("creationtool") == "workbench"
    assert header.get("creationtoolversion")
    assert header.get("segtype") == "sentence"
    assert header.get("o-tmf") == "workbench"
    assert header.get("adminlang") == "en"
    assert header.get("srclang") == "ar"
    assert header.get("datatype") == "plaintext"
    assert TMX_DATE.match(header.get("creationdate", ""))
    assert header.get("creationid") == "alice"


def test_status_floor_selects_segments(desk: Desk, tmp_path: Path) -> None:
    approved = units(export(desk, tmp_path / "a.tmx", "--status", "approved"))
    reviewed = units(export(desk, tmp_path / "r.tmx", "--status", "reviewed"))
    translated = units(export(desk, tmp_path / "t.tmx"))
    anything = units(export(desk, tmp_path / "any.tmx", "--status", "any"))
    with_mt = units(export(desk, tmp_path / "mt.tmx", "--status", "any", "--include-mt"))

    assert set(approved) == {5}
    assert set(reviewed) == {5, 6}
    assert set(translated) == {3, 5, 6, 8, *desk.tricky}
    assert set(anything) == set(translated) | {4}  # the draft; 7 has only MT
    assert set(with_mt) == set(anything) | {7}
    assert {props(tu)["x-workbench-status"] for tu in anything.values()} == {
        "translated",
        "reviewed",
        "approved",
        "draft",
    }


def test_props_and_dates_come_from_the_revisions(desk: Desk, tmp_path: Path) -> None:
    tu = units(export(desk, tmp_path / "out.tmx"))[3]
    assert props(tu) == {
        "x-workbench-status": "translated",
        "x-workbench-document": "1",
        "x-workbench-document-name": "000_ae694c42faacd3da.txt",
        "x-workbench-position": "3",
        "x-workbench-origin": "human",
    }
    assert tu.get("creationid") == "alice"  # first revision of the target
    assert tu.get("changeid") == "bob"  # last one
    assert TMX_DATE.match(tu.get("creationdate", ""))
    assert TMX_DATE.match(tu.get("changedate", ""))
    assert tu.get("creationdate", "") <= tu.get("changedate", "")
    english = tu.findall("tuv")[1]
    assert english.get("changeid") == "bob"
    assert seg(tu, "en") == "Polling stations closed on Sunday."
    assert seg(tu, "ar").startswith("أغلقت مراكز الاقتراع")

    approved = units(export(desk, tmp_path / "a.tmx", "--status", "approved"))[5]
    assert approved.get("creationid") == "alice"
    assert approved.get("changeid") == "rana"  # the reviewer's approval is the last change


def test_include_mt_adds_a_prop_and_mt_only_units(desk: Desk, tmp_path: Path) -> None:
    plain = units(export(desk, tmp_path / "plain.tmx"))[8]
    assert props(plain)["x-workbench-mt-package"] == f"{MT_PACKAGE} {MT_VERSION}"
    assert "x-mt" not in props(plain)

    with_mt = units(export(desk, tmp_path / "mt.tmx", "--status", "any", "--include-mt"))
    post_edited = with_mt[8]
    assert props(post_edited)["x-mt"] == "Machine first."
    assert seg(post_edited, "en") == "Human after machine."
    assert len(post_edited.findall("tuv")) == 2  # one tuv per language: MT is not a tuv

    machine_only = with_mt[7]
    assert props(machine_only)["x-workbench-origin"] == "mt"
    assert props(machine_only)["x-workbench-status"] == "new"
    assert seg(machine_only, "en") == "Machine only & <raw>."
    assert machine_only.get("creationid") == f"{MT_PACKAGE} {MT_VERSION}"


def test_awkward_text_survives_except_what_xml_forbids(desk: Desk, tmp_path: Path) -> None:
    tree = export(desk, tmp_path / "out.tmx", "--doc", "6")
    found = units(tree)
    assert set(found) == set(desk.tricky)
    for segment_id, english in zip(desk.tricky, TRICKY_ENGLISH, strict=True):
        segment = desk.segment(segment_id)
        assert seg(found[segment_id], "ar") == drop_forbidden(segment.source)
        assert seg(found[segment_id], "en") == drop_forbidden(english)
    first, second, third, fourth = (found[i] for i in desk.tricky)
    assert "ـــ" in seg(first, "ar") and "\u064e" in seg(first, "ar")  # tatweel, fatha kept
    assert "\r\n" in seg(second, "en")  # CR written as &#13;, so not normalised away
    assert "\x01" not in seg(third, "en") and "controlchar" in seg(third, "en")
    assert "\u200f" in seg(fourth, "ar") and "\u202e" in seg(fourth, "ar")  # bidi kept
    assert "\x07" not in seg(fourth, "ar")


def test_translate_toolkit_reads_the_export(desk: Desk, tmp_path: Path) -> None:
    out = tmp_path / "out.tmx"
    export(desk, out, "--status", "any")
    with out.open("rb") as handle:
        store = tmxfile(handle, sourcelanguage="ar", targetlanguage="en")
    pairs = {(unit.source, unit.target) for unit in store.units}
    expected = set()
    for segment_id in (3, 4, 5, 6, 8, *desk.tricky):
        segment = desk.segment(segment_id)
        assert segment.target is not None
        expected.add((drop_forbidden(segment.source), drop_forbidden(segment.target)))
    assert pairs == expected


def test_unknown_document_and_bad_destination(desk: Desk, tmp_path: Path) -> None:
    missing = desk.cli("export", "tmx", str(tmp_path / "x.tmx"), "--doc", "99")
    assert missing.exit_code == 4
    assert "document 99 does not exist" in missing.stderr
    assert not (tmp_path / "x.tmx").exists()

    no_folder = desk.cli("export", "tmx", str(tmp_path / "nowhere" / "x.tmx"))
    assert no_folder.exit_code == 2
    assert "no such folder" in no_folder.stderr


def test_export_replaces_the_previous_file_atomically(desk: Desk, tmp_path: Path) -> None:
    out = tmp_path / "out.tmx"
    out.write_text("previous export", encoding="utf-8")
    out.chmod(0o640)
    export(desk, out)
    assert out.read_bytes().startswith(b'<?xml version="1.0" encoding="UTF-8"?>')
    assert out.stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")) == []
