"""Articles keep their byline: the cleaned text no longer carries the "By …" line.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Adding a nullable column needs no table rebuild, in SQLite or PostgreSQL.
    op.add_column("articles", sa.Column("byline", sa.Text, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("articles") as batch:
        batch.drop_column("byline")
