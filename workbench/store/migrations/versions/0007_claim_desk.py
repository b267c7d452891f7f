"""claim desk: "reviewed" claims become "in-review"; a comment on claim history rows

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-26 18:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0007'
down_revision: str | None = '0006'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # The status vocabulary is now draft, tagged, in-review, approved, rejected. A claim marked
    # "reviewed" waited for the final approval, which is what "in-review" means. History rows
    # keep the status they recorded: they say what was, in the words of the time.
    op.execute("UPDATE claims SET status = 'in-review' WHERE status = 'reviewed'")
    # Why a reviewer rejected (or approved) a claim, on the history row of that decision.
    with op.batch_alter_table('claim_history') as batch:
        batch.add_column(sa.Column('comment', sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('claim_history') as batch:
        batch.drop_column('comment')
    op.execute("UPDATE claims SET status = 'reviewed' WHERE status = 'in-review'")
    # The old vocabulary had no "rejected": such claims go back to the checker's "tagged".
    op.execute("UPDATE claims SET status = 'tagged' WHERE status = 'rejected'")
