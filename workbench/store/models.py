"""SQLAlchemy 2.x typed models.

Text is stored exactly as written, in logical order. `Segment.target` and `Segment.mt` hold the
current English text so lists and exports need no join; `Revision` rows are the full, append-only
history. Both are written together by `workbench.services` and nowhere else.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from workbench.store.vocabulary import (
    AnchorState,
    CheckWorthiness,
    ClaimAction,
    ClaimantKind,
    ClaimSide,
    ClaimStatus,
    ClaimType,
    Decision,
    Origin,
    Role,
    SegmentStatus,
    Verdict,
)

# The vocabularies are re-exported: callers import them from here beside the tables.
__all__ = [
    "AnchorState",
    "AuditEvent",
    "Base",
    "CheckWorthiness",
    "Claim",
    "ClaimAction",
    "ClaimHistory",
    "ClaimSide",
    "ClaimStatus",
    "ClaimType",
    "ClaimantKind",
    "Decision",
    "Document",
    "GlossaryTerm",
    "Origin",
    "Review",
    "Revision",
    "Role",
    "Segment",
    "SegmentStatus",
    "TmEntry",
    "User",
    "Verdict",
    "utcnow",
]


def utcnow() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    # Named constraints keep Alembic migrations portable between SQLite and PostgreSQL.
    metadata = MetaData(
        naming_convention={
            "ix": "ix_%(table_name)s_%(column_0_name)s",
            "uq": "uq_%(table_name)s_%(column_0_N_name)s",
            "ck": "ck_%(table_name)s_%(constraint_name)s",
            "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
            "pk": "pk_%(table_name)s",
        }
    )


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(128), unique=True)
    role: Mapped[str] = mapped_column(String(16), default=Role.EDITOR.value)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Document(Base):
    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    source_name: Mapped[str] = mapped_column(String(500))
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    segment_count: Mapped[int] = mapped_column(Integer, default=0)
    imported_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    imported_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    # Where it came from, when the source says so (a web page's metadata, a Word file's kind).
    source_url: Mapped[str | None] = mapped_column(String(2000))
    outlet: Mapped[str | None] = mapped_column(String(300))
    author: Mapped[str | None] = mapped_column(String(300))
    published_at: Mapped[str | None] = mapped_column(String(32))  # as given: ISO date or datetime
    source_format: Mapped[str] = mapped_column(String(16), default="txt", server_default="txt")

    imported_by: Mapped[User | None] = relationship()
    segments: Mapped[list[Segment]] = relationship(
        back_populates="document", order_by="Segment.position"
    )


class Segment(Base):
    __tablename__ = "segments"
    __table_args__ = (
        UniqueConstraint("document_id", "position"),
        Index("ix_segments_document_status", "document_id", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)  # 1-based within the document
    paragraph: Mapped[int] = mapped_column(Integer)  # 1-based within the document
    # The paragraph's block kind: None for body text, "h1".."h6", "li" or "quote".
    block: Mapped[str | None] = mapped_column(String(8))
    source: Mapped[str] = mapped_column(Text)
    # Hash of the Arabic-normalised source: finds the same sentence across spelling variants.
    source_hash: Mapped[str] = mapped_column(String(32), index=True)
    is_repeat: Mapped[bool] = mapped_column(Boolean, default=False)
    status: Mapped[str] = mapped_column(String(16), default=SegmentStatus.NEW.value)
    # Optimistic concurrency: every write names the version it read and bumps it.
    version: Mapped[int] = mapped_column(Integer, default=0)
    mt: Mapped[str | None] = mapped_column(Text)
    mt_score: Mapped[float | None] = mapped_column(Float)  # the score of `mt`'s MT revision
    target: Mapped[str | None] = mapped_column(Text)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    updated_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    document: Mapped[Document] = relationship(back_populates="segments")
    updated_by: Mapped[User | None] = relationship()
    revisions: Mapped[list[Revision]] = relationship(
        back_populates="segment", order_by="Revision.id"
    )


class Revision(Base):
    """One saved English text of a segment: machine output, a human edit or an import."""

    __tablename__ = "revisions"

    id: Mapped[int] = mapped_column(primary_key=True)
    segment_id: Mapped[int] = mapped_column(
        ForeignKey("segments.id", ondelete="CASCADE"), index=True
    )
    text: Mapped[str] = mapped_column(Text)
    origin: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16))  # the segment's status after this save
    version: Mapped[int] = mapped_column(Integer)  # the segment's version after this save
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    mt_package: Mapped[str | None] = mapped_column(String(200))
    mt_version: Mapped[str | None] = mapped_column(String(64))
    # exp(mean token log-probability) of the MT hypothesis, in (0, 1]; None for other origins.
    mt_score: Mapped[float | None] = mapped_column(Float)
    seconds_spent: Mapped[float | None] = mapped_column(Float)
    keystrokes: Mapped[int | None] = mapped_column(Integer)

    segment: Mapped[Segment] = relationship(back_populates="revisions")
    author: Mapped[User | None] = relationship()


class Review(Base):
    """A reviewer's decision on one revision of a segment; written by `services.review` only.

    Status-only changes live here rather than in `revisions`, which hold texts: the history
    interleaves both by version and time.
    """

    __tablename__ = "reviews"

    id: Mapped[int] = mapped_column(primary_key=True)
    segment_id: Mapped[int] = mapped_column(
        ForeignKey("segments.id", ondelete="CASCADE"), index=True
    )
    # The revision whose text was judged: its author is the editor the decision concerns.
    revision_id: Mapped[int] = mapped_column(ForeignKey("revisions.id", ondelete="CASCADE"))
    reviewer_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    decision: Mapped[str] = mapped_column(String(16))
    comment: Mapped[str | None] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer)  # the segment's version after this decision
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    segment: Mapped[Segment] = relationship()
    revision: Mapped[Revision] = relationship()
    reviewer: Mapped[User] = relationship()


class TmEntry(Base):
    """A translation-memory pair: from an imported TMX/CSV file or a finished segment.

    Matched exactly by `source_hash` (Arabic-normalised) and fuzzily on `source_norm`.
    """

    __tablename__ = "tm_entries"
    __table_args__ = (UniqueConstraint("source_hash", "target_hash"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    source: Mapped[str] = mapped_column(Text)
    target: Mapped[str] = mapped_column(Text)
    source_hash: Mapped[str] = mapped_column(String(32), index=True)
    target_hash: Mapped[str] = mapped_column(String(32))
    source_norm: Mapped[str] = mapped_column(Text)  # normalise_arabic(source), for fuzzy matching
    origin: Mapped[str] = mapped_column(String(16))  # "import" (a TMX/CSV file) or "segment"
    origin_name: Mapped[str | None] = mapped_column(String(500))  # file name, for the editor
    status: Mapped[str | None] = mapped_column(String(16))  # the status it carried, if known
    segment_id: Mapped[int | None] = mapped_column(ForeignKey("segments.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


class Claim(Base):
    """A checkable claim: a span of one side of a segment plus what the fact-checker found.

    Offsets are code points of the stored (logical) text, half-open [start, end). The claim's
    English-side span (its own span when side is "en", else its aligned span) is the only one that
    can drift, because only targets change; `anchor_state` describes that span. Claims are deleted
    softly (`deleted_at`) so their ids are never reused and their history stays readable.
    """

    __tablename__ = "claims"

    id: Mapped[int] = mapped_column(primary_key=True)
    segment_id: Mapped[int] = mapped_column(
        ForeignKey("segments.id", ondelete="CASCADE"), index=True
    )
    side: Mapped[str] = mapped_column(String(2))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    quote: Mapped[str] = mapped_column(Text)  # the words when a person last set the span
    aligned_start: Mapped[int | None] = mapped_column(Integer)
    aligned_end: Mapped[int | None] = mapped_column(Integer)
    aligned_quote: Mapped[str | None] = mapped_column(Text)
    claim_text_en: Mapped[str | None] = mapped_column(Text)
    check_worthiness: Mapped[str | None] = mapped_column(String(24))
    claim_type: Mapped[str | None] = mapped_column(String(24))
    claimant_name: Mapped[str | None] = mapped_column(Text)
    claimant_role: Mapped[str | None] = mapped_column(Text)
    claimant_kind: Mapped[str | None] = mapped_column(String(16))
    claim_date: Mapped[str | None] = mapped_column(String(10))  # YYYY, YYYY-MM or YYYY-MM-DD
    claim_place: Mapped[str | None] = mapped_column(Text)
    verdict: Mapped[str | None] = mapped_column(String(24))
    evidence_links: Mapped[list[str]] = mapped_column(JSON, default=list)
    mt_distorted: Mapped[bool | None] = mapped_column(Boolean)
    notes: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16), default=ClaimStatus.DRAFT.value)
    status_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    status_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    anchor_state: Mapped[str] = mapped_column(String(16), default=AnchorState.OK.value)
    assignee_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))  # the checker on it
    # Optimistic concurrency (SQLAlchemy's version counter): every change bumps it.
    version: Mapped[int] = mapped_column(Integer)
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 (SQLAlchemy reads it as is)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    segment: Mapped[Segment] = relationship()
    created_by: Mapped[User | None] = relationship(foreign_keys=[created_by_id])
    updated_by: Mapped[User | None] = relationship(foreign_keys=[updated_by_id])
    status_by: Mapped[User | None] = relationship(foreign_keys=[status_by_id])
    assignee: Mapped[User | None] = relationship(foreign_keys=[assignee_id])


class ClaimHistory(Base):
    """One change to a claim: who, when, what, and every field as it stood after the change."""

    __tablename__ = "claim_history"
    __table_args__ = (UniqueConstraint("claim_id", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), index=True)
    version: Mapped[int] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(String(16))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    snapshot: Mapped[dict[str, Any]] = mapped_column(JSON)
    comment: Mapped[str | None] = mapped_column(Text)  # a reviewer's reason (schema 0007)

    user: Mapped[User | None] = relationship()


class GlossaryTerm(Base):
    """An Arabic term and the English the desk uses for it, matched on `term_ar_norm`.

    One Arabic term may have several English renderings (one row each); spelling variants that
    normalise alike (أستانا, آستانا) share one row.
    """

    __tablename__ = "glossary_terms"
    __table_args__ = (UniqueConstraint("term_ar_norm", "term_en"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    term_ar: Mapped[str] = mapped_column(String(300))
    # workbench.glossary.matching.term_key(term_ar): what matching compares, and what is unique.
    term_ar_norm: Mapped[str] = mapped_column(String(300))  # leads the unique index
    term_en: Mapped[str] = mapped_column(String(300))
    note: Mapped[str | None] = mapped_column(Text)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    # Bumped when a note changes, so that cached glossaries in other processes notice.
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    created_by: Mapped[User | None] = relationship()


class AuditEvent(Base):
    """Something done to the desk's data that leaves no row of its own (a deleted document)."""

    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    action: Mapped[str] = mapped_column(String(32))  # e.g. "delete"
    subject: Mapped[str] = mapped_column(String(32))  # e.g. "document"
    subject_id: Mapped[int | None] = mapped_column(Integer)
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)

    user: Mapped[User | None] = relationship()
