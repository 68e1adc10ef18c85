"""What story cards and search need without reading a brief.

A story keeps its summary's first sentence (``lead``: the home page's cards show
it without reading the brief's JSON) and whether its title is settled
(``title_fixed``: a story is titled once, by its first brief or by a user, and
an article that joins later does not rename it). ``brief_tables`` keeps the brief's
sections as CSV tables (a JSON object: file name -> CSV text), for the story page's
downloads. ``entity_forms`` keeps every
spelling of every entity a story's brief resolved, so a search for one spelling
also finds the articles that use another (lower-cased ``form`` is indexed).

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("stories") as batch:
        batch.add_column(sa.Column("lead", sa.Text, nullable=True))
        batch.add_column(sa.Column("brief_tables", sa.Text, nullable=True))
        batch.add_column(
            sa.Column("title_fixed", sa.Boolean, nullable=False, server_default=sa.false())
        )
    op.create_table(
        "entity_forms",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "story_id", sa.Integer, sa.ForeignKey("stories.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("entity", sa.Text, nullable=False),
        sa.Column("form", sa.Text, nullable=False),
        sa.Column("folded", sa.Text, nullable=False),
    )
    op.create_index("ix_entity_forms_folded", "entity_forms", ["folded"])
    op.create_index("ix_entity_forms_story", "entity_forms", ["story_id"])


def downgrade() -> None:
    op.drop_index("ix_entity_forms_story", "entity_forms")
    op.drop_index("ix_entity_forms_folded", "entity_forms")
    op.drop_table("entity_forms")
    with op.batch_alter_table("stories") as batch:
        batch.drop_column("title_fixed")
        batch.drop_column("brief_tables")
        batch.drop_column("lead")
