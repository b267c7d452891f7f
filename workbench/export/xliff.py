"""XLIFF 1.2 and 2.0 for outside CAT tools (OmegaT, Trados, memoQ, MateCat): one unit per
sentence, Arabic source, English target where there is one.

What brings the translations back (`workbench import-xliff`, ingest/xliff_return.py) rides in
attributes of our own namespace, which CAT tools keep as they are:

- on `<file>`: `wb:document-id` and `wb:content-hash`, the document this file belongs to (and
  `original`, its source file name); a header note says the same for people;
- on each unit: `id` = the segment's id (stable: it never changes or is reused),
  `wb:version` = the segment's version at export, `wb:target-hash` = a hash of the English
  exported (empty when there was none): a target changed in the workbench since is not
  overwritten on the way back.

Untranslated sentences have no `<target>`, as the standards intend; `copy_source` writes the
Arabic into the target instead (state needs-translation / initial), which OmegaT 3.6's XLIFF
filter needs: it translates the text of `<target>` elements, not of `<source>`.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import IO

from lxml import etree

from workbench.export.document_read import PublishDocument, Sentence
from workbench.export.xmltext import drop_forbidden

WB_NS = "urn:x-arabic-news-workbench:xliff"
XLIFF12_NS = "urn:oasis:names:tc:xliff:document:1.2"
XLIFF20_NS = "urn:oasis:names:tc:xliff:document:2.0"
VERSIONS = ("1.2", "2.0")
# The workbench's statuses in each version's vocabulary.
STATES_12 = {
    "draft": "needs-review-translation",
    "translated": "translated",
    "reviewed": "signed-off",
    "approved": "final",
    "rejected": "needs-review-translation",
}
STATES_20 = {"draft": "translated", "translated": "translated", "reviewed": "reviewed"}
STATES_20 |= {"approved": "final", "rejected": "initial"}


@dataclass(frozen=True, slots=True)
class XliffOptions:
    version: str = "1.2"
    copy_source: bool = False


def target_hash(text: str | None) -> str:
    """What `wb:target-hash` holds: the first 16 hex digits of SHA-256 of the text, "" for none."""
    if not text:
        return ""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _wb(name: str) -> str:
    return f"{{{WB_NS}}}{name}"


def _identify(element: etree._Element, document: PublishDocument) -> None:
    element.set("original", drop_forbidden(document.info.source_name))
    element.set(_wb("document-id"), str(document.info.id))
    element.set(_wb("content-hash"), document.info.content_hash)


def _note_text(document: PublishDocument) -> str:
    return (
        f"Arabic news workbench document {document.info.id} (content hash "
        f"{document.info.content_hash}). Keep unit ids and wb: attributes as they are: "
        "`workbench import-xliff` brings the English targets back by them."
    )


def _unit_marks(unit: etree._Element, sentence: Sentence) -> None:
    unit.set(_wb("position"), str(sentence.position))
    unit.set(_wb("version"), str(sentence.version))
    unit.set(_wb("target-hash"), target_hash(sentence.target))


def _target_of(sentence: Sentence, options: XliffOptions) -> tuple[str, str] | None:
    """(text, workbench status) of the unit's target, or None for no target."""
    if sentence.target:
        return sentence.target, sentence.status
    if options.copy_source:
        return sentence.source, "new"
    return None


def _xliff_12(document: PublishDocument, options: XliffOptions) -> etree._Element:
    E = f"{{{XLIFF12_NS}}}"
    root = etree.Element(E + "xliff", nsmap={None: XLIFF12_NS, "wb": WB_NS}, version="1.2")
    file = etree.SubElement(root, E + "file", {"source-language": "ar", "target-language": "en"})
    file.set("datatype", "plaintext")
    _identify(file, document)
    header = etree.SubElement(file, E + "header")
    etree.SubElement(header, E + "note", {"from": "workbench"}).text = _note_text(document)
    body = etree.SubElement(file, E + "body")
    for sentence in document.sentences:
        unit = etree.SubElement(body, E + "trans-unit", id=str(sentence.segment_id))
        unit.set("resname", f"position-{sentence.position}")
        _unit_marks(unit, sentence)
        etree.SubElement(unit, E + "source").text = drop_forbidden(sentence.source)
        target = _target_of(sentence, options)
        if target is not None:
            state = STATES_12.get(target[1], "needs-translation")
            etree.SubElement(unit, E + "target", state=state).text = drop_forbidden(target[0])
        for claim in sentence.claims:
            etree.SubElement(unit, E + "note", {"from": "workbench"}).text = drop_forbidden(claim)
    return root


def _xliff_20(document: PublishDocument, options: XliffOptions) -> etree._Element:
    E = f"{{{XLIFF20_NS}}}"
    root = etree.Element(E + "xliff", nsmap={None: XLIFF20_NS, "wb": WB_NS}, version="2.0")
    root.set("srcLang", "ar")
    root.set("trgLang", "en")
    file = etree.SubElement(root, E + "file", id=f"doc{document.info.id}")
    _identify(file, document)
    notes = etree.SubElement(file, E + "notes")
    etree.SubElement(notes, E + "note", category="workbench").text = _note_text(document)
    for sentence in document.sentences:
        unit = etree.SubElement(file, E + "unit", id=str(sentence.segment_id))
        unit.set("name", f"position-{sentence.position}")
        _unit_marks(unit, sentence)
        if sentence.claims:
            claims = etree.SubElement(unit, E + "notes")
            for claim in sentence.claims:
                etree.SubElement(claims, E + "note", category="claim").text = drop_forbidden(claim)
        segment = etree.SubElement(unit, E + "segment")
        etree.SubElement(segment, E + "source").text = drop_forbidden(sentence.source)
        target = _target_of(sentence, options)
        segment.set("state", STATES_20.get(target[1], "initial") if target else "initial")
        if target is not None:
            etree.SubElement(segment, E + "target").text = drop_forbidden(target[0])
    return root


def write_xliff(document: PublishDocument, out: IO[bytes], options: XliffOptions) -> int:
    """Write the document's sentences as XLIFF; returns the number of units."""
    build = _xliff_12 if options.version == "1.2" else _xliff_20
    root = build(document, options)
    out.write(etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True))
    return len(document.sentences)
