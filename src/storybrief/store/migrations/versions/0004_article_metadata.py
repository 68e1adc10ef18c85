"""Articles keep all their metadata: the date's granularity, estimates, evidence.

Before this, a month-granular date ("March 2024") was stored as the day it starts
on and read back as a stated day, and the evidence of every value was dropped.
Rows stored before this keep what they had: a date is a stated day (its
granularity was not kept, and cannot be told from the day), and their values
have no evidence column (``ArticleRow.to_article`` names the stored field).

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Nullable columns, and one with a constant default: no table rebuild in either engine.
    op.add_column("articles", sa.Column("published_granularity", sa.String(5), nullable=True))
    op.add_column(
        "articles",
        sa.Column("published_estimated", sa.Boolean, nullable=False, server_default=sa.false()),
    )
    for name in ("dateline", "lang", "encoding", "evidence", "removed", "captions"):
        op.add_column("articles", sa.Column(name, sa.Text, nullable=True))
    op.execute("UPDATE articles SET published_granularity = 'day' WHERE published IS NOT NULL")


def downgrade() -> None:
    with op.batch_alter_table("articles") as batch:
        for name in (
            "captions",
            "removed",
            "evidence",
            "encoding",
            "lang",
            "dateline",
            "published_estimated",
            "published_granularity",
        ):
            batch.drop_column(name)
