"""The incremental story index's state (``stories.v5``), so clustering never reads the store.

``article_terms`` keeps each placed article's hashed term counts (features and
weights as little-endian int32 / float32 bytes): a story's drift check re-reads
its members' counts, never their texts. ``story_index`` keeps each story's summed
member vector, its size, when a member last joined (``touched``, in documents
seen: the index loads only the stories touched lately) and when it was last
checked; ``index_meta`` (one row) the number
of documents seen and each hashed feature's document frequency (zlib-compressed
int32 array).

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "article_terms",
        sa.Column(
            "article_id",
            sa.String(32),
            sa.ForeignKey("articles.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("features", sa.LargeBinary, nullable=False),
        sa.Column("weights", sa.LargeBinary, nullable=False),
    )
    op.create_table(
        "story_index",
        sa.Column(
            "story_id",
            sa.Integer,
            sa.ForeignKey("stories.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("features", sa.LargeBinary, nullable=False),
        sa.Column("weights", sa.LargeBinary, nullable=False),
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("touched", sa.Integer, nullable=False),
        sa.Column("checked_size", sa.Integer, nullable=False),
        sa.Column("checked_documents", sa.Integer, nullable=False),
        sa.Column("first", sa.String(10), nullable=True),
        sa.Column("last", sa.String(10), nullable=True),
    )
    op.create_index("ix_story_index_touched", "story_index", ["touched"])
    op.create_table(
        "index_meta",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("method", sa.Text, nullable=False),
        sa.Column("documents", sa.Integer, nullable=False),
        sa.Column("frequency", sa.LargeBinary, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("index_meta")
    op.drop_index("ix_story_index_touched", "story_index")
    op.drop_table("story_index")
    op.drop_table("article_terms")
