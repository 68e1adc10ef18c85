"""Stories keep their rendered report beside the brief's JSON.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("stories") as batch:
        batch.add_column(sa.Column("brief_html", sa.Text, nullable=True))
        batch.add_column(sa.Column("sources", sa.Integer, nullable=False, server_default="0"))


def downgrade() -> None:
    with op.batch_alter_table("stories") as batch:
        batch.drop_column("sources")
        batch.drop_column("brief_html")
