"""The F2 document list: titles, dates and progress, read from the database as it is now."""

from __future__ import annotations

from sqlalchemy import update

from tests.tui.conftest import AppFactory
from workbench.services.documents import rename_document
from workbench.store.database import Database
from workbench.store.models import Document, Segment
from workbench.tui.documents.picker import DocumentPicker


async def test_the_list_shows_title_date_and_progress(
    make_app: AppFactory, seeded_database: Database
) -> None:
    with seeded_database.write() as session:
        session.execute(update(Document).where(Document.id == 2).values(published_at="2023-11-10"))
        for segment_id, status in ((1, "translated"), (2, "approved"), (3, "reviewed")):
            session.execute(
                update(Segment)
                .where(Segment.id == segment_id)
                .values(status=status, target="Finished.")
            )
    rename_document(seeded_database, "alice", 3, "زيارة بوتين")
    app = make_app(bidi="off")  # Arabic as stored, so the title can be compared
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("f2")
        picker = app.screen.query_one(DocumentPicker)
        labels = [str(picker.get_option_at_index(i).prompt) for i in range(picker.option_count)]
    assert len(labels) == 5
    first_line = labels[0].splitlines()[0]
    assert first_line.split()[0] == "1"
    assert "●3/" in first_line and "✔1" in first_line and first_line.endswith("txt")
    assert "2023-11-10" in labels[1].splitlines()[0]  # the publication date when known
    assert "●0/" in labels[1] and "✔0" in labels[1]
    assert labels[2].splitlines()[1] == "زيارة بوتين"  # the title, on a line of its own
