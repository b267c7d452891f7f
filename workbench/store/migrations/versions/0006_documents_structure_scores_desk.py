"""documents' metadata, paragraph structure, MT confidence, claim assignees, audit events

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-26 17:45:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0006'
down_revision: str | None = '0005'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # What a desk knows about where a document came from (a web page's metadata, a file's kind).
    with op.batch_alter_table('documents') as batch:
        batch.add_column(sa.Column('source_url', sa.String(length=2000), nullable=True))
        batch.add_column(sa.Column('outlet', sa.String(length=300), nullable=True))
        batch.add_column(sa.Column('author', sa.String(length=300), nullable=True))
        batch.add_column(sa.Column('published_at', sa.String(length=32), nullable=True))
        batch.add_column(
            sa.Column('source_format', sa.String(length=16), nullable=False, server_default='txt')
        )
    # The block a sentence's paragraph is: NULL for body text, h1..h6, li or quote.
    with op.batch_alter_table('segments') as batch:
        batch.add_column(sa.Column('block', sa.String(length=8), nullable=True))
        # The current MT's score beside `segments.mt`, so lists sort by it without a join.
        batch.add_column(sa.Column('mt_score', sa.Float(), nullable=True))
    # exp(mean token log-probability) of the hypothesis an MT revision holds.
    with op.batch_alter_table('revisions') as batch:
        batch.add_column(sa.Column('mt_score', sa.Float(), nullable=True))
    with op.batch_alter_table('claims') as batch:
        batch.add_column(sa.Column('assignee_id', sa.Integer(), nullable=True))
        batch.create_foreign_key(
            op.f('fk_claims_assignee_id_users'), 'users', ['assignee_id'], ['id']
        )
    op.create_table('audit_events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('action', sa.String(length=32), nullable=False),
    sa.Column('subject', sa.String(length=32), nullable=False),
    sa.Column('subject_id', sa.Integer(), nullable=True),
    sa.Column('detail', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_audit_events_user_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_events'))
    )


def downgrade() -> None:
    op.drop_table('audit_events')
    with op.batch_alter_table('claims') as batch:
        batch.drop_constraint(op.f('fk_claims_assignee_id_users'), type_='foreignkey')
        batch.drop_column('assignee_id')
    with op.batch_alter_table('revisions') as batch:
        batch.drop_column('mt_score')
    with op.batch_alter_table('segments') as batch:
        batch.drop_column('mt_score')
        batch.drop_column('block')
    with op.batch_alter_table('documents') as batch:
        for column in ('source_format', 'published_at', 'author', 'outlet', 'source_url'):
            batch.drop_column(column)
