"""Indexes for a growing store: ingest lookups, story lists, PostgreSQL search.

Every article ingested looks up its URL and every failure its source: without
an index each was a scan of the table, so ingest slowed as the store grew. On
PostgreSQL those two are hash indexes: a btree entry cannot hold a URL longer
than about 2.7 kB, a hash can. The story list is ordered by ``updated_at``.

PostgreSQL search had no index: it computed ``to_tsvector`` of every article at
every query. Articles now keep their search vector in a generated column
(``search``; PostgreSQL 12 or newer) under a GIN index, and the vector serves
ranking too. It covers the title and the first 100,000 characters of the text:
a tsvector holds at most 1 MB, which an article of several megabytes of
distinct words could exceed, and a news article is far shorter. SQLite keeps its
FTS5 table (migration 0001), which was already indexed and ranked.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

# ``storybrief.store.db`` queries this column; a change here needs a new migration.
SEARCH_VECTOR = (
    "to_tsvector('english'::regconfig, left(coalesce(title, '') || ' ' || text, 100000))"
)


def upgrade() -> None:
    op.create_index("ix_articles_url", "articles", ["url"], postgresql_using="hash")
    op.create_index("ix_articles_duplicate_of", "articles", ["duplicate_of"])
    op.create_index("ix_ingest_errors_source", "ingest_errors", ["source"], postgresql_using="hash")
    op.create_index("ix_stories_updated_at", "stories", ["updated_at"])
    if op.get_bind().dialect.name == "postgresql":
        op.add_column(
            "articles",
            sa.Column(
                "search",
                sa.dialects.postgresql.TSVECTOR,
                sa.Computed(SEARCH_VECTOR, persisted=True),
            ),
        )
        op.create_index("ix_articles_search", "articles", ["search"], postgresql_using="gin")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.drop_index("ix_articles_search", "articles")
        op.drop_column("articles", "search")
    op.drop_index("ix_stories_updated_at", "stories")
    op.drop_index("ix_ingest_errors_source", "ingest_errors")
    op.drop_index("ix_articles_duplicate_of", "articles")
    op.drop_index("ix_articles_url", "articles")
