"""TMX 1.4b export, written as a stream: one `<tu>` at a time, never a tree of the whole file.

Each segment becomes one `<tu tuid="SEGMENT-ID">` with, in the order the DTD wants:
- one `<note>` per claim (see `workbench.export.rows`);
- `<prop>`s, all with `x-` types as TMX requires of custom ones:
  `x-workbench-status` (new draft translated reviewed approved rejected), `x-workbench-document`
  (id), `x-workbench-document-name` (file name), `x-workbench-position` (1-based),
  `x-workbench-origin` (who wrote the English: human, import, tm, or mt for raw machine output),
  `x-workbench-mt-package` (engine and version of the latest MT, when known) and, with
  `--include-mt`, `x-mt`: the machine translation itself;
- `<tuv xml:lang="ar">` and `<tuv xml:lang="en">`. A `tu` has one `tuv` per language, so the MT is a
  prop rather than a second English `tuv`, which other tools would read as a second translation.
  A segment that has MT but no English target (exported only with `--status any --include-mt`)
  carries the MT in its English `tuv`, marked `x-workbench-origin` = mt.

creationdate/creationid come from the first revision of the target, changedate/changeid from the
last one (for MT-only units: the MT revision and its package); they are set on the `tu` (where
Trados and memoQ look) and on the English `tuv` (where OmegaT does). Dates are UTC,
YYYYMMDDThhmmssZ.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime
from functools import lru_cache
from typing import BinaryIO

from workbench import __version__
from workbench.export.rows import ExportFilter, ExportRow
from workbench.export.xmltext import xml_attribute, xml_text
from workbench.store.models import Origin

TOOL = "workbench"
WRITE_EVERY = 1000


def tmx_date(moment: datetime) -> str:
    """YYYYMMDDThhmmssZ. Naive datetimes are UTC already (that is how SQLite returns them)."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC)
    text = moment.isoformat()  # sliced: several times faster than strftime, per unit
    return f"{text[:4]}{text[5:7]}{text[8:13]}{text[14:16]}{text[17:19]}Z"


def _header(export: ExportFilter, user: str, now: datetime) -> str:
    document = "all" if export.document_id is None else str(export.document_id)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n'
        '<tmx version="1.4">\n'
        f'  <header creationtool="{TOOL}" creationtoolversion="{xml_attribute(__version__)}"'
        ' segtype="sentence" o-tmf="workbench" adminlang="en" srclang="ar"'
        f' datatype="plaintext" creationdate="{tmx_date(now)}"'
        f' creationid="{xml_attribute(user)}">\n'
        f'    <prop type="x-workbench-status-floor">{xml_text(export.status_floor)}</prop>\n'
        f'    <prop type="x-workbench-document">{document}</prop>\n'
        f'    <prop type="x-workbench-include-mt">{"yes" if export.include_mt else "no"}</prop>\n'
        "  </header>\n"
        "  <body>\n"
    )


_FOOTER = "  </body>\n</tmx>\n"


def _engine(package: str | None, version: str | None) -> str | None:
    if package is None:
        return None
    return f"{package} {version}" if version else package


def _prop(kind: str, value: str) -> str:
    return f'      <prop type="{kind}">{xml_text(value)}</prop>\n'


# Units are made as UTF-8 bytes, the markup and what repeats already encoded: made as text, a
# unit with Arabic in it is stored two bytes per character throughout, markup included, and
# joining and encoding those took a third of the writing (100,000 units, 65 MB of TMX).
#
# What repeats from unit to unit is made once and kept, in functools' bounded caches: the stamp
# of units written by one bulk import, translation run or TM fill (thousands share all four of
# its attributes), the props of a few statuses, documents, origins and engines. At 100,000 units
# the escaping and date formatting would otherwise be most of the work. Document order
# interleaves bulk writes, so the last value alone is not enough; the bound keeps memory flat
# when every unit has a moment of its own.
KEPT = 1024
_date = lru_cache(maxsize=KEPT)(tmx_date)
_name = lru_cache(maxsize=KEPT)(xml_attribute)


@lru_cache(maxsize=KEPT)
def _head(status: str, document_id: int, document_name: str) -> bytes:
    """The props of a unit before its position: its status and its document."""
    return (
        f"{_prop('x-workbench-status', status)}"
        f'      <prop type="x-workbench-document">{document_id}</prop>\n'
        f"{_prop('x-workbench-document-name', document_name)}"
    ).encode()


@lru_cache(maxsize=KEPT)
def _tail(origin: str, engine: str | None) -> bytes:
    """The props of a unit after its position: who wrote the English, and with which engine."""
    package = _prop("x-workbench-mt-package", engine) if engine is not None else ""
    return f"{_prop('x-workbench-origin', origin)}{package}".encode()


@lru_cache(maxsize=KEPT)
def _stamp(
    created_by: str | None,
    created_at: datetime | None,
    changed_by: str | None,
    changed_at: datetime | None,
) -> bytes:
    """creationdate/creationid/changedate/changeid attributes."""
    created = _date(created_at) if created_at is not None else None
    changed = _date(changed_at) if changed_at is not None else created
    return (
        (f' creationdate="{created}"' if created else "")
        + (f' creationid="{_name(created_by)}"' if created_by else "")
        + (f' changedate="{changed}"' if changed else "")
        + (f' changeid="{_name(changed_by)}"' if changed_by else "")
    ).encode()


def _notes(claims: tuple[str, ...]) -> bytes:
    return "".join(f"      <note>{xml_text(claim)}</note>\n" for claim in claims).encode()


# One `<tu>`: its id, stamp, notes, head props, position, tail props, Arabic, stamp, English.
_UNIT = (
    b'    <tu tuid="%d"%s>\n%s%s'
    b'      <prop type="x-workbench-position">%d</prop>\n%s'
    b'      <tuv xml:lang="ar"><seg>%s</seg></tuv>\n'
    b'      <tuv xml:lang="en"%s><seg>%s</seg></tuv>\n'
    b"    </tu>\n"
)


def _units(rows: Iterable[ExportRow], include_mt: bool) -> Iterator[bytes]:
    """The `<tu>` element of each row: one generator, each row unpacked once (per unit, method
    calls and attribute look-ups cost about as much as building the text)."""
    for (
        segment_id, document_id, document_name, position, source, target, mt, status, editor,
        updated_at, created_by, created_at, changed_by, changed_at, target_origin, mt_package,
        mt_version, mt_at, claims,
    ) in rows:  # fmt: skip
        engine = _engine(mt_package, mt_version) if mt_package is not None else None
        if target is not None:
            english, origin = target, target_origin or _HUMAN
            stamp = _stamp(
                created_by or editor, created_at or updated_at,
                changed_by or editor, changed_at or updated_at,
            )  # fmt: skip
        else:
            english, origin = mt or "", _MT
            stamp = _stamp(engine, mt_at, engine, mt_at)
        tail = _tail(origin, engine)
        if include_mt and mt is not None:
            tail += f'      <prop type="x-mt">{xml_text(mt)}</prop>\n'.encode()
        yield _UNIT % (
            segment_id, stamp, _notes(claims) if claims else b"",
            _head(status, document_id, document_name), position, tail,
            xml_text(source).encode(), stamp, xml_text(english).encode(),
        )  # fmt: skip


_HUMAN, _MT = Origin.HUMAN.value, Origin.MT.value


def write_tmx(
    rows: Iterable[ExportRow],
    out: BinaryIO,
    export: ExportFilter,
    *,
    user: str,
    now: datetime,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Write the TMX document for `rows` to `out`; returns the number of units written."""
    out.write(_header(export, user, now).encode())
    written, pending = 0, []
    for unit in _units(rows, export.include_mt):
        pending.append(unit)
        if len(pending) == WRITE_EVERY:  # one write per batch, not per unit
            out.write(b"".join(pending))
            written += len(pending)
            pending.clear()
            if progress is not None:
                progress(WRITE_EVERY)
    out.write(b"".join(pending) + _FOOTER.encode())
    if progress is not None:
        progress(len(pending))
    return written + len(pending)
