"""The claim writes the front ends make (`workbench claims …`, the claim form and panel): one
transaction each, as the acting user, through the rules of `services.claims`.

`allow_self_approval` is the desk's setting of that name; left out, nobody approves their own.
"""

from __future__ import annotations

from workbench.services.claim_fields import ClaimChanges, ClaimFields
from workbench.services.claims import delete_claim, tag_claim, update_claim
from workbench.services.users import ensure_user
from workbench.store.claim_queries import ClaimView
from workbench.store.database import Database


def add_claim(
    database: Database,
    user_name: str,
    segment_id: int,
    side: str,
    span: tuple[int, int],
    *,
    fields: ClaimFields | None = None,
    allow_self_approval: bool = False,
) -> ClaimView:
    """Tag `span` ([start, end) code points) of one side of a segment as a claim."""
    with database.write() as session:
        return tag_claim(
            session,
            segment_id,
            side,
            span[0],
            span[1],
            author=ensure_user(session, user_name),
            fields=fields,
            allow_self_approval=allow_self_approval,
        )


def edit_claim(
    database: Database,
    user_name: str,
    claim_id: int,
    changes: ClaimChanges,
    *,
    expect_version: int | None = None,
    allow_self_approval: bool = False,
) -> ClaimView:
    """Change some fields of a claim (StaleClaimError if it is no longer at `expect_version`)."""
    with database.write() as session:
        return update_claim(
            session,
            claim_id,
            ensure_user(session, user_name),
            changes,
            expect_version=expect_version,
            allow_self_approval=allow_self_approval,
        )


def remove_claim(
    database: Database, user_name: str, claim_id: int, *, expect_version: int | None = None
) -> ClaimView:
    """Delete a claim (its history stays)."""
    with database.write() as session:
        author = ensure_user(session, user_name)
        return delete_claim(session, claim_id, author, expect_version=expect_version)
