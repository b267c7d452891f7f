"""Filling `Segment.mt`: machine translation, committed batch by batch.

Each batch is one write transaction holding the segments' MT and one `Revision(origin="mt")` each,
naming the package and version. A crash or Ctrl-C loses at most the batch being translated, and a
re-run picks up exactly the segments still without MT. MT never touches `Segment.target` and does
not bump `Segment.version` (that counts human/TM/import writes of the target).

With `retranslate`, segments whose MT came from another package or version are refreshed too,
except those a person has edited: the MT they post-edited from stays, so edit-distance metrics
(HTER) still compare the edit with what the editor saw.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from sqlalchemy import Select, and_, exists, func, or_, select
from sqlalchemy.orm import Session, aliased

from workbench.config import Settings
from workbench.errors import NotFoundError
from workbench.mt.engine import MtEngine, PendingTranslation, Scored, get_engine
from workbench.services import mt_reuse
from workbench.services.editing import record_machine_translations
from workbench.services.exact_matches import fill_exact_matches
from workbench.services.users import ensure_user
from workbench.store.database import Database
from workbench.store.models import Document, Origin, Revision, Segment
from workbench.store.queries import RowsQuery


@dataclass
class TranslationReport:
    translated: int = 0
    skipped_human: int = 0  # stale MT kept because a person edited the segment (retranslate)
    batches: int = 0
    seconds: float = 0.0
    cancelled: bool = False
    filled: int = 0  # segments then given an exact translation-memory match (as drafts)
    reused: int = 0  # of `translated`, those given the MT of an identical sentence (mt_reuse.py)

    @property
    def rate(self) -> float:
        return self.translated / self.seconds if self.seconds > 0 else 0.0


@dataclass(frozen=True, slots=True)
class _Work:
    segment_id: int
    source: str
    old_mt: str | None  # what the write expects to replace: another run may have got there first
    source_hash: str


def _human_edited() -> Select[int]:
    return select(Revision.id).where(
        Revision.segment_id == Segment.id, Revision.origin == Origin.HUMAN.value
    )


def _with_stale_mt(query: RowsQuery, package: str, version: str) -> RowsQuery:
    """Narrow `query` to segments with no MT or whose latest MT came from another model."""
    latest = (
        select(Revision.segment_id, func.max(Revision.id).label("revision_id"))
        .where(Revision.origin == Origin.MT.value)
        .group_by(Revision.segment_id)
        .subquery()
    )
    last_mt = aliased(Revision)
    return (
        query.outerjoin(latest, latest.c.segment_id == Segment.id)
        .outerjoin(last_mt, last_mt.id == latest.c.revision_id)
        .where(
            or_(
                Segment.mt.is_(None),
                last_mt.id.is_(None),
                last_mt.mt_package.is_distinct_from(package),
                last_mt.mt_version.is_distinct_from(version),
            )
        )
    )


def _select_work(
    session: Session,
    engine: MtEngine,
    document_id: int | None,
    limit: int | None,
    retranslate: bool,
) -> tuple[list[_Work], int]:
    """The segments to translate, in document order, and how many were kept for a human edit."""
    query: RowsQuery = select(Segment.id, Segment.source, Segment.mt, Segment.source_hash).order_by(
        Segment.document_id, Segment.position
    )
    if document_id is not None:
        query = query.where(Segment.document_id == document_id)
    skipped = 0
    if retranslate:
        model = engine.model
        query = _with_stale_mt(query, model.name, model.version)
        kept = and_(Segment.mt.is_not(None), exists(_human_edited()))
        count = select(func.count()).select_from(query.where(kept).subquery())
        skipped = session.scalar(count) or 0
        query = query.where(~kept)
    else:
        query = query.where(Segment.mt.is_(None))
    if limit is not None:
        query = query.limit(limit)
    work = [_Work(row.id, row.source, row.mt, row.source_hash) for row in session.execute(query)]
    return work, skipped


def _batches(
    engine: MtEngine, work: list[_Work], size: int
) -> Iterator[tuple[list[_Work], list[list[str]]]]:
    """The work in batches of `size`, each with its tokens, the longest sentences first.

    Sorted by token count, each batch decodes sentences of similar length (little padding), as
    CTranslate2 sorts one call's sentences itself; longest first, so that the batch that takes
    longest does not run alone at the end while the other workers wait.
    """
    tokens = {item.segment_id: engine.encode_source(item.source) for item in work}
    ordered = sorted(work, key=lambda item: -len(tokens[item.segment_id]))
    for start in range(0, len(ordered), max(size, 1)):
        batch = ordered[start : start + size]
        yield batch, [tokens[item.segment_id] for item in batch]


def _pipelined(
    engine: MtEngine, batches: Iterator[tuple[list[_Work], list[list[str]]]]
) -> Iterator[tuple[list[_Work], list[Scored]]]:
    """Each batch with its English, `engine.workers` batches ahead: CTranslate2 decodes them side
    by side in its own threads (GIL released) while the caller stores this one.

    Stopped mid-way (Ctrl-C, `should_stop`, an error), the batches still decoding are left to
    finish unread: nothing waits for them here, so that a Ctrl-C is answered at once; the
    process waits for them only at its exit (mt/engine.py), which must not come mid-batch.
    """
    ahead: deque[tuple[list[_Work], PendingTranslation]] = deque()
    for batch, tokens in batches:
        ahead.append((batch, engine.submit_tokens(tokens)))
        if len(ahead) > engine.workers:
            done, pending = ahead.popleft()
            yield done, pending.scored()
    while ahead:
        done, pending = ahead.popleft()
        yield done, pending.scored()


def _still_wanted(session: Session, batch: Sequence[_Work]) -> list[_Work]:
    """The batch's segments nobody filled or edited while it was being translated."""
    ids = [item.segment_id for item in batch]
    rows = session.execute(
        select(Segment.id, Segment.mt).where(Segment.id.in_(ids)).with_for_update()
    )
    current = {row.id: row.mt for row in rows}
    edited = set(
        session.scalars(
            select(Revision.segment_id).where(
                Revision.segment_id.in_(ids), Revision.origin == Origin.HUMAN.value
            )
        )
    )
    return [
        item
        for item in batch
        if item.segment_id in current
        and current[item.segment_id] == item.old_mt
        and (item.old_mt is None or item.segment_id not in edited)
    ]


def _write_batch(
    database: Database,
    settings: Settings,
    engine: MtEngine,
    batch: list[_Work],
    texts: list[Scored],
) -> int:
    by_id = dict(zip((item.segment_id for item in batch), texts, strict=True))
    with database.write() as session:
        author = ensure_user(session, settings.user)
        wanted = _still_wanted(session, batch)
        if not wanted:
            return 0
        return record_machine_translations(
            session,
            {item.segment_id: by_id[item.segment_id].text for item in wanted},
            author=author,
            mt_package=engine.model.name,
            mt_version=engine.model.version,
            scores={item.segment_id: by_id[item.segment_id].score for item in wanted},
        )


def translate_segments(
    database: Database,
    settings: Settings,
    *,
    document_id: int | None = None,
    limit: int | None = None,
    retranslate: bool = False,
    on_progress: Callable[[int, int], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
    model_name: str | None = None,
) -> TranslationReport:
    """Machine-translate the segments without MT (or with stale MT, with `retranslate`).

    Then fills exact translation-memory matches (unless stopped; see `exact_matches`).
    Translates with the installed model `model_name` (default: the default model). Raises
    ModelMissingError when no ar→en model is installed. `on_progress(done, total)` is
    called once before the first batch (done = 0) and after each committed batch;
    `should_stop()` is asked before each batch is stored (the batches decoded ahead, one per
    worker, are then dropped).
    """
    engine = get_engine(settings, model_name)
    started = time.perf_counter()
    with database.read() as session:
        if document_id is not None and session.get(Document, document_id) is None:
            raise NotFoundError(
                f"document {document_id} does not exist; `workbench` with no command lists them"
            )
        work, skipped = _select_work(session, engine, document_id, limit, retranslate)
        hashes = (item.source_hash for item in work)
        known = mt_reuse.existing_mt(session, hashes, engine.model.name, engine.model.version)
    plan = mt_reuse.plan(work, known)
    report = TranslationReport(skipped_human=skipped)
    done = 0
    if on_progress is not None:
        on_progress(0, len(work))
    size = settings.mt_batch_size
    for start in range(0, len(plan.known), size):  # MT this model already made: no decoding
        if should_stop is not None and should_stop():
            report.cancelled = True
            break
        pairs = plan.known[start : start + size]
        batch, texts = [item for item, _ in pairs], [scored for _, scored in pairs]
        written = _write_batch(database, settings, engine, batch, texts)
        report.translated += written
        report.reused += written
        done += len(batch)
        if on_progress is not None:
            on_progress(done, len(work))
    decoded = [] if report.cancelled else _batches(engine, plan.decode, size)
    for batch, texts in _pipelined(engine, iter(decoded)):
        if should_stop is not None and should_stop():
            report.cancelled = True
            break
        copies = [
            (copy, scored)
            for item, scored in zip(batch, texts, strict=True)
            for copy in plan.copies[item.source_hash]
        ]
        everything = batch + [copy for copy, _ in copies]
        written = _write_batch(
            database, settings, engine, everything, texts + [scored for _, scored in copies]
        )
        report.translated += written
        report.reused += max(written - len(batch), 0)
        report.batches += 1
        done += len(everything)
        report.seconds = time.perf_counter() - started
        if on_progress is not None:
            on_progress(done, len(work))
    report.seconds = time.perf_counter() - started
    if not report.cancelled:
        # A translation-memory match beats fresh MT: what the memory knows exactly goes into the
        # target (as a draft), whichever front end asked for the translation.
        report.filled = fill_exact_matches(database, document_id, user_name=settings.user)
    return report
