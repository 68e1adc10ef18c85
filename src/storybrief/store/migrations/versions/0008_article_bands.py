"""Near-duplicate lookup in the store, not in memory: the MinHash LSH bands of each article.

Ingest used to load every stored MinHash into an in-memory LSH index (datasketch)
before its first article: memory that grew with the store. ``article_bands`` keeps,
for every article that is not itself a near-duplicate, the hash of each LSH band
of its MinHash (``band``, ``bucket``; the banding datasketch chooses for the
threshold), indexed, so a new article's candidates are one indexed query.
Existing articles are backfilled from their stored MinHash (a row without a
readable one gets no bands: it is never offered as a near-duplicate).

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import struct

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    from datasketch import LeanMinHash

    from storybrief.store.db import lsh_buckets

    table = op.create_table(
        "article_bands",
        sa.Column(
            "article_id",
            sa.String(32),
            sa.ForeignKey("articles.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("band", sa.SmallInteger, primary_key=True, autoincrement=False),
        sa.Column("bucket", sa.BigInteger, nullable=False),
    )
    op.create_index("ix_article_bands_bucket", "article_bands", ["band", "bucket"])
    connection = op.get_bind()
    rows = connection.execute(
        sa.text("SELECT id, minhash FROM articles WHERE duplicate_of IS NULL")
    )
    batch: list[dict[str, object]] = []
    for article_id, blob in rows:
        try:
            lean = LeanMinHash.deserialize(bytes(blob))
        except (ValueError, struct.error):  # no MinHash stored: it cannot be looked up
            continue
        batch += [
            {"article_id": article_id, "band": band, "bucket": bucket}
            for band, bucket in enumerate(lsh_buckets(lean.hashvalues))
        ]
        if len(batch) >= 5000:
            op.bulk_insert(table, batch)
            batch = []
    if batch:
        op.bulk_insert(table, batch)


def downgrade() -> None:
    op.drop_index("ix_article_bands_bucket", "article_bands")
    op.drop_table("article_bands")
