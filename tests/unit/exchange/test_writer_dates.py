"""The TMX and CSV writers keep dates, stamps and props they have formatted (bulk writes share
moments, interleaved in document order): every unit and line must still carry its own, also
past the caches' bounds, naive (SQLite) or aware in any zone (PostgreSQL). Checked against
dates formatted here with strftime, read back with lxml and the csv module."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta, timezone

import pytest
from lxml import etree

from workbench.export import csv as csv_export
from workbench.export import tmx
from workbench.export.rows import ExportFilter, ExportRow

START = datetime(2026, 3, 1, 23, 59, 58, 999_000)
ZONES = [None, UTC, timezone(timedelta(hours=5, minutes=30)), timezone(timedelta(hours=-9))]


def moment(index: int, zone: timezone | None) -> datetime:
    """Twice as many distinct moments as the caches keep, interleaved, a few microseconds or
    a second or a day apart (seconds and dates roll over)."""
    step = index % (2 * tmx.KEPT)
    naive = START + timedelta(seconds=step // 3, microseconds=step * 7)
    return naive if zone is None else naive.replace(tzinfo=zone)


def rows(zone: timezone | None, count: int) -> list[ExportRow]:
    made = []
    for index in range(count):
        created, changed = moment(index, zone), moment(index * 5 + 1, zone)
        made.append(
            ExportRow(
                segment_id=index + 1, document_id=index % 1500, document_name=f"d{index % 1500}",
                position=index, source=f"نص {index}", target=f"text {index}", mt=None,
                status=("translated", "approved")[index % 2], editor=f"user{index % 1300}",
                updated_at=changed, created_by=f"user{index % 1100}", created_at=created,
                changed_by=f"user{index % 1300}", changed_at=changed,
                target_origin=("human", "tm")[index % 3 == 0], mt_package=None,
                mt_version=None, mt_at=None,
            )
        )  # fmt: skip
    return made


def tmx_date(value: datetime) -> str:
    if value.tzinfo is not None:
        value = value.astimezone(UTC)
    return value.strftime("%Y%m%dT%H%M%SZ")


@pytest.mark.parametrize("zone", ZONES, ids=str)
def test_each_unit_has_its_own_stamp_and_props(zone: timezone | None) -> None:
    written = rows(zone, 3 * tmx.KEPT)  # 2 x KEPT distinct moments, then again from the first
    out = io.BytesIO()
    tmx.write_tmx(written, out, ExportFilter(), user="b", now=datetime(2026, 1, 1))
    units = etree.fromstring(out.getvalue()).iter("tu")
    for row, unit in zip(written, units, strict=True):
        english = unit.findall("tuv")[1]
        assert row.created_at is not None and row.changed_at is not None
        for element in (unit, english):
            assert element.get("creationdate") == tmx_date(row.created_at), row
            assert element.get("changedate") == tmx_date(row.changed_at), row
            assert element.get("creationid") == row.created_by
            assert element.get("changeid") == row.changed_by
        props = {prop.get("type"): prop.text for prop in unit.iter("prop")}
        assert props["x-workbench-status"] == row.status
        assert props["x-workbench-document"] == str(row.document_id)
        assert props["x-workbench-document-name"] == row.document_name
        assert props["x-workbench-origin"] == row.target_origin


@pytest.mark.parametrize("zone", ZONES, ids=str)
def test_each_line_has_its_own_date(zone: timezone | None) -> None:
    written = rows(zone, 3 * csv_export.KEPT_DATES)
    out = io.BytesIO()
    csv_export.write_csv(written, out)
    lines = list(csv.DictReader(io.StringIO(out.getvalue().decode("utf-8"), newline="")))
    assert len(lines) == len(written)
    for row, line in zip(written, lines, strict=True):
        assert row.updated_at is not None
        moment_utc = row.updated_at.astimezone(UTC) if zone else row.updated_at
        assert line["updated_at"] == moment_utc.strftime("%Y-%m-%dT%H:%M:%SZ")
        assert line["editor"] == row.editor
