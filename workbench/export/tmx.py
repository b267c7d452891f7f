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

from collections.abc import Callable, Iterable
from datetime import UTC, datetime
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


def _engine(row: ExportRow) -> str | None:
    if row.mt_package is None:
        return None
    return f"{row.mt_package} {row.mt_version}" if row.mt_version else row.mt_package


class _Units:
    """Builds `<tu>` elements. What repeats from unit to unit (statuses, origins, documents,
    user names, engines, the timestamp of a bulk write) is escaped once and kept, because at
    100,000 units the escaping and date formatting would otherwise be most of the work."""

    def __init__(self, include_mt: bool) -> None:
        self._include_mt = include_mt
        self._props: dict[tuple[str, object], str] = {}  # a few statuses, origins, documents
        self._names: dict[str, str] = {}
        self._last_date: tuple[datetime | None, str] = (None, "")
        self._last_stamp: tuple[tuple[object, ...] | None, str] = (None, "")
        # The status prop of each status, by the status alone (one look-up per unit).
        self._statuses: dict[str, str] = {}

    def _prop(self, kind: str, value: str) -> str:
        text = self._props.get((kind, value))
        if text is None:
            text = f'      <prop type="{kind}">{xml_text(value)}</prop>\n'
            self._props[kind, value] = text
            if kind == "x-workbench-status":
                self._statuses[value] = text
        return text

    def _document(self, row: ExportRow) -> str:
        text = self._props.get(("document", row.document_id))
        if text is None:
            text = (
                f'      <prop type="x-workbench-document">{row.document_id}</prop>\n'
                f'      <prop type="x-workbench-document-name">{xml_text(row.document_name)}'
                "</prop>\n"
            )
            self._props["document", row.document_id] = text
        return text

    def _name(self, name: str) -> str:
        escaped = self._names.get(name)
        if escaped is None:
            escaped = self._names[name] = xml_attribute(name)
        return escaped

    def _date(self, moment: datetime) -> str:
        last, text = self._last_date
        if moment != last:
            text = tmx_date(moment)
            self._last_date = (moment, text)
        return text

    def _stamp(
        self,
        created_by: str | None,
        created_at: datetime | None,
        changed_by: str | None,
        changed_at: datetime | None,
    ) -> str:
        """creationdate/creationid/changedate/changeid attributes. Units written by one bulk
        import or translation share all four, so the last answer is kept."""
        key = (created_by, created_at, changed_by, changed_at)
        if key == self._last_stamp[0]:
            return self._last_stamp[1]
        created = self._date(created_at) if created_at is not None else None
        changed = self._date(changed_at) if changed_at is not None else created
        stamp = (
            (f' creationdate="{created}"' if created else "")
            + (f' creationid="{self._name(created_by)}"' if created_by else "")
            + (f' changedate="{changed}"' if changed else "")
            + (f' changeid="{self._name(changed_by)}"' if changed_by else "")
        )
        self._last_stamp = (key, stamp)
        return stamp

    def __call__(self, row: ExportRow) -> str:
        engine = _engine(row) if row.mt_package is not None else None
        if row.target is not None:
            english, origin = row.target, row.target_origin or _HUMAN
            stamp = self._stamp(
                row.created_by or row.editor,
                row.created_at or row.updated_at,
                row.changed_by or row.editor,
                row.changed_at or row.updated_at,
            )
        else:
            english, origin = row.mt or "", _MT
            stamp = self._stamp(engine, row.mt_at, engine, row.mt_at)
        notes = ""
        if row.claims:
            notes = "".join(f"      <note>{xml_text(claim)}</note>\n" for claim in row.claims)
        package = self._prop("x-workbench-mt-package", engine) if engine is not None else ""
        mt = ""
        if self._include_mt and row.mt is not None:
            mt = f'      <prop type="x-mt">{xml_text(row.mt)}</prop>\n'
        status = self._statuses.get(row.status) or self._prop("x-workbench-status", row.status)
        return (
            f'    <tu tuid="{row.segment_id}"{stamp}>\n{notes}{status}{self._document(row)}'
            f'      <prop type="x-workbench-position">{row.position}</prop>\n'
            f"{self._prop('x-workbench-origin', origin)}{package}{mt}"
            f'      <tuv xml:lang="ar"><seg>{xml_text(row.source)}</seg></tuv>\n'
            f'      <tuv xml:lang="en"{stamp}><seg>{xml_text(english)}</seg></tuv>\n'
            "    </tu>\n"
        )


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
    out.write(_header(export, user, now).encode("utf-8"))
    unit, written, pending = _Units(export.include_mt), 0, []
    for row in rows:
        pending.append(unit(row))
        if len(pending) == WRITE_EVERY:  # one encode and write per batch, not per unit
            out.write("".join(pending).encode("utf-8"))
            written += len(pending)
            pending.clear()
            if progress is not None:
                progress(WRITE_EVERY)
    out.write(("".join(pending) + _FOOTER).encode("utf-8"))
    if progress is not None:
        progress(len(pending))
    return written + len(pending)
