"""glossary terms

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-21 12:16:18.567605
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0005'
down_revision: str | None = '0004'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # The unique constraint's index (term_ar_norm first) also serves lookups by term.
    op.create_table('glossary_terms',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('term_ar', sa.String(length=300), nullable=False),
    sa.Column('term_ar_norm', sa.String(length=300), nullable=False),
    sa.Column('term_en', sa.String(length=300), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_glossary_terms_created_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_glossary_terms')),
    sa.UniqueConstraint('term_ar_norm', 'term_en', name=op.f('uq_glossary_terms_term_ar_norm_term_en'))
    )


def downgrade() -> None:
    op.drop_table('glossary_terms')
