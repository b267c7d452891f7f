"""claims and claim history

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-21 12:15:10.783154
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0003'
down_revision: str | None = '0002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('claims',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('segment_id', sa.Integer(), nullable=False),
    sa.Column('side', sa.String(length=2), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('quote', sa.Text(), nullable=False),
    sa.Column('aligned_start', sa.Integer(), nullable=True),
    sa.Column('aligned_end', sa.Integer(), nullable=True),
    sa.Column('aligned_quote', sa.Text(), nullable=True),
    sa.Column('claim_text_en', sa.Text(), nullable=True),
    sa.Column('check_worthiness', sa.String(length=24), nullable=True),
    sa.Column('claim_type', sa.String(length=24), nullable=True),
    sa.Column('claimant_name', sa.Text(), nullable=True),
    sa.Column('claimant_role', sa.Text(), nullable=True),
    sa.Column('claimant_kind', sa.String(length=16), nullable=True),
    sa.Column('claim_date', sa.String(length=10), nullable=True),
    sa.Column('claim_place', sa.Text(), nullable=True),
    sa.Column('verdict', sa.String(length=24), nullable=True),
    sa.Column('evidence_links', sa.JSON(), nullable=False),
    sa.Column('mt_distorted', sa.Boolean(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('status_by_id', sa.Integer(), nullable=True),
    sa.Column('status_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('anchor_state', sa.String(length=16), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by_id', sa.Integer(), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_claims_created_by_id_users')),
    sa.ForeignKeyConstraint(['segment_id'], ['segments.id'], name=op.f('fk_claims_segment_id_segments'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['status_by_id'], ['users.id'], name=op.f('fk_claims_status_by_id_users')),
    sa.ForeignKeyConstraint(['updated_by_id'], ['users.id'], name=op.f('fk_claims_updated_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_claims'))
    )
    with op.batch_alter_table('claims', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_claims_segment_id'), ['segment_id'], unique=False)

    op.create_table('claim_history',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('claim_id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('action', sa.String(length=16), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('snapshot', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['claim_id'], ['claims.id'], name=op.f('fk_claim_history_claim_id_claims'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_claim_history_user_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_claim_history')),
    sa.UniqueConstraint('claim_id', 'version', name=op.f('uq_claim_history_claim_id_version'))
    )
    with op.batch_alter_table('claim_history', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_claim_history_claim_id'), ['claim_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('claim_history', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_claim_history_claim_id'))

    op.drop_table('claim_history')
    with op.batch_alter_table('claims', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_claims_segment_id'))

    op.drop_table('claims')
