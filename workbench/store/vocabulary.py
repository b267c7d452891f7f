"""The fixed vocabularies of the database: statuses, origins, roles and claim fields.

Plain enums without SQLAlchemy, so that the CLI can offer them as choices (and print `--help`)
without loading the ORM; `workbench.store.models` re-exports them beside the tables.
"""

from __future__ import annotations

from enum import StrEnum


class SegmentStatus(StrEnum):
    NEW = "new"
    DRAFT = "draft"
    TRANSLATED = "translated"
    REVIEWED = "reviewed"
    APPROVED = "approved"
    REJECTED = "rejected"


# Statuses an editor may set by saving; reviewed/approved/rejected come from the review service.
EDITOR_STATUSES = (SegmentStatus.NEW, SegmentStatus.DRAFT, SegmentStatus.TRANSLATED)


class Origin(StrEnum):
    MT = "mt"
    HUMAN = "human"
    IMPORT = "import"
    TM = "tm"


class Role(StrEnum):
    EDITOR = "editor"
    REVIEWER = "reviewer"
    ADMIN = "admin"


class ClaimSide(StrEnum):
    AR = "ar"  # the Arabic source: never changes, so its offsets stay valid
    EN = "en"  # the English target: spans are re-anchored when it is edited


class CheckWorthiness(StrEnum):
    CHECK_WORTHY = "check-worthy"
    UNIMPORTANT = "unimportant"
    NOT_FACTUAL = "not-factual"


class ClaimType(StrEnum):
    STATISTIC = "statistic"
    QUOTE_ATTRIBUTION = "quote-attribution"
    EVENT = "event"
    CAUSAL = "causal"
    PREDICTION = "prediction"
    LAW_POLICY = "law-policy"
    OTHER = "other"


class Verdict(StrEnum):
    SUPPORTS = "supports"
    REFUTES = "refutes"
    NOT_ENOUGH_INFO = "not-enough-info"
    UNVERIFIED = "unverified"


class ClaimantKind(StrEnum):
    PERSON = "person"
    ORGANIZATION = "organization"


class ClaimStatus(StrEnum):
    """Where a claim is on the desk: tagged, checked, put up for review, decided.

    "in-review" replaced "reviewed" (schema 0007 renamed the stored values): a claim a checker
    has finished waits there for a reviewer's approval or rejection. "reviewed" is still accepted
    where people type a status (`LEGACY_CLAIM_STATUSES`), and old history rows keep it as written.
    """

    DRAFT = "draft"
    TAGGED = "tagged"
    IN_REVIEW = "in-review"
    APPROVED = "approved"
    REJECTED = "rejected"


# Statuses earlier versions stored, and what they mean now.
LEGACY_CLAIM_STATUSES = {"reviewed": ClaimStatus.IN_REVIEW}
# The statuses only a reviewer's decision sets (`claims approve`, `claims reject`).
CLAIM_DECISIONS = (ClaimStatus.APPROVED, ClaimStatus.REJECTED)


class AnchorState(StrEnum):
    """Whether the claim's English-side span still points at its quoted words."""

    OK = "ok"
    REANCHORED = "reanchored"  # moved automatically after an edit: worth a glance
    NEEDS_ATTENTION = "needs_attention"  # quote not found: offsets kept, a person must fix them


class ClaimAction(StrEnum):
    CREATED = "created"
    UPDATED = "updated"
    DELETED = "deleted"
    REANCHORED = "reanchored"
    APPROVED = "approved"
    REJECTED = "rejected"
    ASSIGNED = "assigned"


class Decision(StrEnum):
    APPROVED = "approved"
    REJECTED = "rejected"
