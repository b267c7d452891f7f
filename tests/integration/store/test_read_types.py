"""`RepeatedDateTime` (store/read_types.py) reads the same moments as the model's `DateTime`, on
both backends: repeated and distinct ones, past the cache's bound and back, and NULL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import insert, select, type_coerce

from workbench.store.database import Database
from workbench.store.models import Document, Segment
from workbench.store.read_types import KEPT_MOMENTS, RepeatedDateTime

START = datetime(2026, 11, 27, 13, 5, 7, 123456, tzinfo=UTC)


def _moment(index: int) -> datetime:
    """Runs of repeats, then more distinct moments than the cache keeps, then the first again."""
    if index < 3 * KEPT_MOMENTS:
        return START + timedelta(seconds=index // 500)
    return START + timedelta(microseconds=index % (2 * KEPT_MOMENTS))


def test_moments_read_as_the_models_datetime(any_database: Database) -> None:
    count = 6 * KEPT_MOMENTS
    with any_database.write() as session:
        document = Document(title="t", source_name="t.txt", content_hash="0" * 64)
        session.add(document)
        session.flush()
        moments = [*(_moment(index) for index in range(count)), None, START]
        session.execute(
            insert(Segment),
            [
                {
                    "document_id": document.id, "position": index + 1, "paragraph": 1,
                    "source": "نص", "source_hash": "h", "updated_at": moment,
                }
                for index, moment in enumerate(moments)
            ],
        )  # fmt: skip
    plain = select(Segment.updated_at).order_by(Segment.position)
    kept = select(type_coerce(Segment.updated_at, RepeatedDateTime)).order_by(Segment.position)
    with any_database.read() as session:
        expected = session.scalars(plain).all()
        read = session.scalars(kept).all()
    assert read == expected
    assert len(set(read)) > KEPT_MOMENTS
    # What each backend returns (SQLite naive UTC, PostgreSQL aware), through the cache or not.
    assert [moment and moment.replace(tzinfo=UTC) for moment in read] == moments
