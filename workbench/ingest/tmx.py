"""Reading TMX files safely, as a stream.

TMX comes from outside, so the parser is set up as for hostile input: no DTD is loaded, no entity
is resolved or fetched, no network is used, and libxml2's limits on huge documents stay on. A file
whose DOCTYPE declares entities (the vehicle of "billion laughs" expansion and of external
entities that read local files) is refused as soon as the DOCTYPE has been parsed, before any
entity could be used; a TMX file never needs one. As a last guard, a resolver answers any external
load libxml2 might still attempt with nothing. Each `<tu>` is dropped once read, so memory stays
flat whatever the file's size.

Inline markup: text inside `<hi>` is text; `<bpt> <ept> <ph> <it> <ut>` stand for formatting codes
of the original document and are left out (their tails are kept).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from lxml import etree

from workbench.errors import InputError
from workbench.files.inputs import SizeCap, memory_cap, open_regular
from workbench.ingest.tmpairs import TmPair, check_status, storable_pair

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
MT_ORIGIN = "mt"


class _NoExternalLoads(etree.Resolver):
    def resolve(self, system_url: str | None, public_id: str | None, context: Any) -> Any:
        return self.resolve_string("", context)


def _refuse_declarations(path: Path, root: etree._Element) -> None:
    info = root.getroottree().docinfo
    dtd = info.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):
        raise InputError(
            f"{path}: the DOCTYPE declares entities, which can read local files or expand to "
            "gigabytes; nothing was read. A TMX file needs none: remove the [...] part of its "
            "DOCTYPE"
        )
    if root.tag != "tmx":
        tag = root.tag if isinstance(root.tag, str) else "?"
        raise InputError(f"{path}, line {root.sourceline}: not a TMX file (root <{tag}>)")


def _language(tuv: etree._Element) -> str:
    code = tuv.get(XML_LANG) or tuv.get("lang") or ""
    return code.replace("_", "-").split("-")[0].lower()


def _seg_text(element: etree._Element) -> str:
    parts = [element.text or ""]
    for child in element:
        if child.tag == "hi":
            parts.append(_seg_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _tuv_text(path: Path, tuv: etree._Element) -> str:
    seg = tuv.find("seg")
    if seg is None:
        raise InputError(f"{path}, line {tuv.sourceline}: <tuv> has no <seg>")
    return _seg_text(seg)


def _props(tu: etree._Element) -> dict[str | None, etree._Element]:
    return {prop.get("type"): prop for prop in tu.iterchildren("prop")}


def _pair_of(path: Path, tu: etree._Element, skipped: Counter[str]) -> TmPair | None:
    texts: dict[str, str] = {}
    for tuv in tu.iterchildren("tuv"):
        texts.setdefault(_language(tuv), _tuv_text(path, tuv))
    props = _props(tu)
    origin = props.get("x-workbench-origin")
    if origin is not None and (origin.text or "").strip() == MT_ORIGIN:
        skipped["machine translation (origin mt), not a translation"] += 1
        return None
    if "ar" not in texts or "en" not in texts:
        found = ", ".join(sorted(texts)) or "none"
        skipped[f"not an Arabic-English unit (languages: {found})"] += 1
        return None
    source, target = texts["ar"], texts["en"]
    if not source.strip() or not target.strip():
        skipped["empty Arabic or English"] += 1
        return None
    status_prop = props.get("x-workbench-status")
    status = None
    if status_prop is not None:
        where = f"{path}, line {status_prop.sourceline}, x-workbench-status"
        status = check_status(status_prop.text or "", where)
    line = tu.sourceline or 0
    return storable_pair(f"{path}, line {line}", line, source, target, status)


def _problem(path: Path, error: etree.XMLSyntaxError) -> tuple[int, str]:
    """Where and what: from libxml2's log (the last entry for this file: the one that stopped
    the parse), because with entities left unresolved the exception itself may only say "no
    element found" at line 0."""
    entries = [entry for entry in error.error_log if entry.filename == str(path)]
    if entries:
        return entries[-1].line, entries[-1].message
    return error.lineno or 0, error.msg


def _forget(element: etree._Element) -> None:
    """Free a finished <tu> and the ones before it: the tree never grows with the file."""
    element.clear(keep_tail=True)
    parent = element.getparent()
    while parent is not None and element.getprevious() is not None:
        del parent[0]


def iter_tmx_pairs(
    path: Path, skipped: Counter[str], cap: SizeCap | None = None
) -> Iterator[TmPair]:
    """The Arabic-English pairs of a TMX file of at most `cap`, in file order."""
    with open_regular(path, cap or memory_cap()) as handle:
        yield from _parse(path, handle, skipped)


def _parse(path: Path, handle: BinaryIO, skipped: Counter[str]) -> Iterator[TmPair]:
    context = etree.iterparse(
        handle,
        events=("start", "end"),
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )
    context.resolvers.add(_NoExternalLoads())
    checked = False
    try:
        for event, element in context:
            if not checked:
                _refuse_declarations(path, element)
                checked = True
            if event == "end" and element.tag == "tu":
                pair = _pair_of(path, element, skipped)
                _forget(element)
                if pair is not None:
                    yield pair
    except etree.XMLSyntaxError as error:
        line, message = _problem(path, error)
        raise InputError(
            f"{path}, line {line}: not well-formed XML ({message}); nothing was imported"
        ) from error
    except OSError as error:
        raise InputError(f"{path}: cannot be read ({error})") from error
