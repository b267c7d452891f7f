"""Reading an XLIFF file the workbench exported, as it comes back from an outside translator.

Only what `import-xliff` needs: which document the file belongs to (`wb:document-id` and
`wb:content-hash` on `<file>`), and per unit its segment id, the version and target hash recorded
at export, the Arabic source and the English target now in the file. XLIFF 1.2 and 2.0.

The file comes from outside, so it is parsed as hostile input, as TMX is (ingest/tmx.py): no DTD
loaded, no entity resolved, no network; a DOCTYPE that declares entities is refused.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lxml import etree

from workbench.errors import InputError
from workbench.files.inputs import SizeCap, memory_cap, read_regular

WB_NS = "urn:x-arabic-news-workbench:xliff"  # the same as export/xliff.py writes
NAMESPACES = {  # 1.1 is read as 1.2: same elements (translate-toolkit still writes it)
    "urn:oasis:names:tc:xliff:document:1.1": "1.2",
    "urn:oasis:names:tc:xliff:document:1.2": "1.2",
    "urn:oasis:names:tc:xliff:document:2.0": "2.0",
}


@dataclass(frozen=True, slots=True)
class ReturnedUnit:
    segment_id: int
    line: int
    source: str
    target: str | None  # None: no target element (or an empty one)
    version: int | None  # as exported; None when the attribute is gone
    target_hash: str | None


@dataclass(frozen=True, slots=True)
class ReturnedFile:
    path: Path
    version: str
    document_id: int | None
    content_hash: str | None
    original: str | None
    units: list[ReturnedUnit]


class _NoExternalLoads(etree.Resolver):
    def resolve(self, system_url: str | None, public_id: str | None, context: Any) -> Any:
        return self.resolve_string("", context)


def _parse(path: Path, cap: SizeCap) -> etree._Element:
    data = read_regular(path, cap)
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    parser.resolvers.add(_NoExternalLoads())
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        raise InputError(
            f"{path}, line {error.lineno}: not well-formed XML ({error.msg})"
        ) from error
    dtd = root.getroottree().docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):
        raise InputError(
            f"{path}: the DOCTYPE declares entities, which can read local files or expand to "
            "gigabytes; nothing was imported. XLIFF needs none: remove the DOCTYPE"
        )
    return root


def _text(element: etree._Element | None) -> str | None:
    """The text of a source or target, inline codes (<g>, <x/>, <ph>...) left out, their
    content kept; None for a missing or empty element."""
    if element is None:
        return None
    text = "".join(element.itertext())
    return text if text.strip() else None


def _int(value: str | None) -> int | None:
    return int(value) if value is not None and value.strip().isdigit() else None


def _unit(path: Path, unit: etree._Element, ns: str, version: str) -> ReturnedUnit:
    raw_id = unit.get("id") or ""
    if not raw_id.isdigit():
        raise InputError(
            f"{path}, line {unit.sourceline}: unit id {raw_id!r} is not a workbench segment id; "
            "the units of a file exported by the workbench keep their ids"
        )
    holder = unit if version == "1.2" else unit.find(f"{{{ns}}}segment")
    if holder is None:
        raise InputError(f"{path}, line {unit.sourceline}: unit {raw_id} has no <segment>")
    source = _text(holder.find(f"{{{ns}}}source")) or ""
    return ReturnedUnit(
        int(raw_id),
        unit.sourceline or 0,
        source,
        _text(holder.find(f"{{{ns}}}target")),
        _int(unit.get(f"{{{WB_NS}}}version")),
        unit.get(f"{{{WB_NS}}}target-hash"),
    )


def read_returned_xliff(path: Path, cap: SizeCap | None = None) -> ReturnedFile:
    """The file's identity and units; InputError for a file that is not XLIFF 1.2 or 2.0."""
    root = _parse(path, cap or memory_cap())
    ns = etree.QName(root).namespace or ""
    version = NAMESPACES.get(ns)
    if etree.QName(root).localname != "xliff" or version is None:
        raise InputError(
            f"{path}: not an XLIFF 1.2 or 2.0 file (root <{etree.QName(root).localname}> in "
            f"namespace {ns or 'none'})"
        )
    files = root.findall(f"{{{ns}}}file")
    if len(files) != 1:
        raise InputError(
            f"{path}: holds {len(files)} <file> elements; the workbench exports one document "
            "per XLIFF file, bring each back on its own"
        )
    file = files[0]
    unit_tag = "trans-unit" if version == "1.2" else "unit"
    units = [_unit(path, unit, ns, version) for unit in file.iter(f"{{{ns}}}{unit_tag}")]
    return ReturnedFile(
        path,
        version,
        _int(file.get(f"{{{WB_NS}}}document-id")),
        file.get(f"{{{WB_NS}}}content-hash"),
        file.get("original"),
        units,
    )
