"""The store's tables (SQLAlchemy 2 declarative); the schema itself comes from the migrations."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import DateTime, ForeignKey, Integer, LargeBinary, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class StoryRow(Base):
    __tablename__ = "stories"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    brief_json: Mapped[str | None] = mapped_column(Text, nullable=True)
    brief_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    brief_html: Mapped[str | None] = mapped_column(Text, nullable=True)
    #: Number of member articles (kept current by ``Store.assign``).
    sources: Mapped[int] = mapped_column(Integer, default=0)


class ArticleRow(Base):
    __tablename__ = "articles"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    source: Mapped[str] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text, nullable=True)
    title: Mapped[str | None] = mapped_column(Text, nullable=True)
    outlet: Mapped[str | None] = mapped_column(Text, nullable=True)
    byline: Mapped[str | None] = mapped_column(Text, nullable=True)
    published: Mapped[str | None] = mapped_column(String(10), nullable=True)
    text: Mapped[str] = mapped_column(Text)
    minhash: Mapped[bytes] = mapped_column(LargeBinary)
    ingested_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    duplicate_of: Mapped[str | None] = mapped_column(
        String(32), ForeignKey("articles.id"), nullable=True
    )
    story_id: Mapped[int | None] = mapped_column(ForeignKey("stories.id"), nullable=True)
    #: Why it belongs to its story (JSON: similarity, shared names, ...).
    membership: Mapped[str | None] = mapped_column(Text, nullable=True)


class ErrorRow(Base):
    __tablename__ = "ingest_errors"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(String(32))
    message: Mapped[str] = mapped_column(Text)
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
