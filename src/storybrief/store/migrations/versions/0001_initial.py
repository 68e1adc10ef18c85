"""The first store schema: articles, stories, errors; full-text search on SQLite.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "stories",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("brief_json", sa.Text, nullable=True),
        sa.Column("brief_at", sa.DateTime(timezone=True), nullable=True),
    )
    op.create_table(
        "articles",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("content_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("url", sa.Text, nullable=True),
        sa.Column("title", sa.Text, nullable=True),
        sa.Column("outlet", sa.Text, nullable=True),
        sa.Column("published", sa.String(10), nullable=True),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("minhash", sa.LargeBinary, nullable=False),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("duplicate_of", sa.String(32), sa.ForeignKey("articles.id"), nullable=True),
        sa.Column("story_id", sa.Integer, sa.ForeignKey("stories.id"), nullable=True),
        sa.Column("membership", sa.Text, nullable=True),
    )
    op.create_index("ix_articles_story", "articles", ["story_id"])
    op.create_table(
        "ingest_errors",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("reason", sa.String(32), nullable=False),
        sa.Column("message", sa.Text, nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    )
    if op.get_bind().dialect.name == "sqlite":
        op.execute("CREATE VIRTUAL TABLE articles_fts USING fts5(id UNINDEXED, title, text)")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE articles_fts")
    op.drop_table("ingest_errors")
    op.drop_index("ix_articles_story", "articles")
    op.drop_table("articles")
    op.drop_table("stories")
