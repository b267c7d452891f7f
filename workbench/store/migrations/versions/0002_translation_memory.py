"""translation memory

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-21 12:11:37.216176
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0002'
down_revision: str | None = '0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    
    op.create_table('tm_entries',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('source', sa.Text(), nullable=False),
    sa.Column('target', sa.Text(), nullable=False),
    sa.Column('source_hash', sa.String(length=32), nullable=False),
    sa.Column('target_hash', sa.String(length=32), nullable=False),
    sa.Column('source_norm', sa.Text(), nullable=False),
    sa.Column('origin', sa.String(length=16), nullable=False),
    sa.Column('origin_name', sa.String(length=500), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=True),
    sa.Column('segment_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_tm_entries_created_by_id_users')),
    sa.ForeignKeyConstraint(['segment_id'], ['segments.id'], name=op.f('fk_tm_entries_segment_id_segments'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tm_entries')),
    sa.UniqueConstraint('source_hash', 'target_hash', name=op.f('uq_tm_entries_source_hash_target_hash'))
    )
    with op.batch_alter_table('tm_entries', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_tm_entries_source_hash'), ['source_hash'], unique=False)




def downgrade() -> None:
    
    with op.batch_alter_table('tm_entries', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_tm_entries_source_hash'))

    op.drop_table('tm_entries')

