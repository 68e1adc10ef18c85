"""The store's tables (SQLAlchemy 2 declarative); the schema itself comes from the migrations.

An article row keeps everything an ``Article`` carries: ``ArticleRow.from_article`` and
``ArticleRow.to_article`` are inverse. The publication date is stored as the ISO day it
starts on (``published``, which orders rows) with its granularity and whether it is an
estimate beside it; the evidence of each stated value, the pieces cleaning removed and
the caption ranges are JSON text.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any, cast

from sqlalchemy import (
    BigInteger,
    Boolean,
    DateTime,
    ForeignKey,
    Integer,
    LargeBinary,
    SmallInteger,
    String,
    Text,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from storybrief.model import (
    Article,
    DateRef,
    Evidence,
    EvidenceLocation,
    Granularity,
    Metadata,
    Removed,
    Stated,
)

_STATED = ("title", "outlet", "byline", "dateline")


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
    # Migration 0006: what a story card shows without reading the brief.
    #: The brief's first summary sentence.
    lead: Mapped[str | None] = mapped_column(Text, nullable=True)
    #: JSON: the brief's sections as CSV tables (file name -> CSV text; ``render.tables``).
    brief_tables: Mapped[str | None] = mapped_column(Text, nullable=True)
    #: Whether the title is settled (by the first brief, or a user): later briefs keep it.
    title_fixed: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class EntityFormRow(Base):
    """One spelling of one entity of a story's brief (migration 0006): search expands by it."""

    __tablename__ = "entity_forms"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    story_id: Mapped[int] = mapped_column(ForeignKey("stories.id", ondelete="CASCADE"))
    #: The entity's id in the story's brief.
    entity: Mapped[str] = mapped_column(Text)
    form: Mapped[str] = mapped_column(Text)
    #: ``form`` folded for matching (``fold_form``).
    folded: Mapped[str] = mapped_column(Text)


class ArticleRow(Base):
    __tablename__ = "articles"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    source: Mapped[str] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text, nullable=True)
    title: Mapped[str | None] = mapped_column(Text, nullable=True)
    outlet: Mapped[str | None] = mapped_column(Text, nullable=True)
    byline: Mapped[str | None] = mapped_column(Text, nullable=True)
    #: The first day of the period the publication date names (ISO), for ordering.
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
    # Migration 0004: the rest of the article's metadata.
    #: ``day``, ``week``, ``month`` or ``year`` when ``published`` is set.
    published_granularity: Mapped[str | None] = mapped_column(String(5), nullable=True)
    published_estimated: Mapped[bool] = mapped_column(
        Boolean, default=False, server_default=false()
    )
    dateline: Mapped[str | None] = mapped_column(Text, nullable=True)
    lang: Mapped[str | None] = mapped_column(Text, nullable=True)
    encoding: Mapped[str | None] = mapped_column(Text, nullable=True)
    #: JSON: the evidence of each stated value (title, outlet, byline, dateline, published).
    #: NULL on rows stored before migration 0004, which kept no evidence.
    evidence: Mapped[str | None] = mapped_column(Text, nullable=True)
    #: JSON: the pieces of the input that cleaning removed (``Article.removed``).
    removed: Mapped[str | None] = mapped_column(Text, nullable=True)
    #: JSON: the caption ranges of the text (``Article.captions``).
    captions: Mapped[str | None] = mapped_column(Text, nullable=True)

    @classmethod
    def from_article(
        cls,
        article: Article,
        *,
        minhash: bytes,
        ingested_at: dt.datetime,
        duplicate_of: str | None = None,
    ) -> ArticleRow:
        """The row that stores an article (``to_article`` gives it back)."""
        published = article.published
        evidence: dict[str, Any] = {
            key: stated.evidence.to_dict()
            for key in _STATED
            if (stated := cast("Stated | None", getattr(article, key))) is not None
        }
        if published is not None:
            evidence["published"] = (
                None if published.evidence is None else published.evidence.to_dict()
            )
        return cls(
            id=article.id,
            content_hash=article.content_hash,
            source=article.source,
            url=article.url,
            title=article.title.value if article.title else None,
            outlet=article.outlet.value if article.outlet else None,
            byline=article.byline.value if article.byline else None,
            dateline=article.dateline.value if article.dateline else None,
            published=published.value.isoformat() if published else None,
            published_granularity=published.granularity if published else None,
            published_estimated=published.estimated if published else False,
            lang=article.lang,
            encoding=article.encoding,
            evidence=json.dumps(evidence),
            removed=json.dumps([r.to_dict() for r in article.removed]),
            captions=json.dumps([list(c) for c in article.captions]),
            text=article.text,
            minhash=minhash,
            ingested_at=ingested_at,
            duplicate_of=duplicate_of,
        )

    def published_ref(self) -> DateRef | None:
        """The publication date at its granularity, with its evidence."""
        if self.published is None:
            return None
        value = dt.date.fromisoformat(self.published)
        if self.evidence is None:  # stored before 0004: a day, read from the stored field
            evidence: Evidence | None = _field_evidence("published", self.published)
        else:
            found = json.loads(self.evidence).get("published")
            evidence = None if found is None else _evidence_of(found)
        return DateRef(
            value,
            cast("Granularity", self.published_granularity or "day"),
            bool(self.published_estimated),
            evidence,
        )

    def to_article(self) -> Article:
        """The article this row stores, with all its metadata and evidence."""
        found: dict[str, Any] = {} if self.evidence is None else json.loads(self.evidence)
        stated: dict[str, Stated | None] = {}
        for key in _STATED:
            value = cast("str | None", getattr(self, key))
            if value is None:
                stated[key] = None
            elif key in found:
                stated[key] = Stated(value, _evidence_of(found[key]))
            else:  # stored before 0004: the stored field is all the evidence there is
                stated[key] = Stated(value, _field_evidence(key, value))
        removed = json.loads(self.removed) if self.removed else []
        captions = json.loads(self.captions) if self.captions else []
        return Article(
            id=self.id,
            source=self.source,
            text=self.text,
            content_hash=self.content_hash,
            metadata=Metadata(
                title=stated["title"],
                outlet=stated["outlet"],
                byline=stated["byline"],
                dateline=stated["dateline"],
                published=self.published_ref(),
                url=self.url,
            ),
            lang=self.lang,
            encoding=self.encoding,
            removed=tuple(
                Removed(str(r["kind"]), int(r["start"]), int(r["end"]), str(r["text"]))
                for r in removed
            ),
            captions=tuple((int(start), int(end)) for start, end in captions),
        )


def _evidence_of(data: dict[str, Any]) -> Evidence:
    start, end = data.get("start"), data.get("end")
    return Evidence(
        str(data["text"]),
        cast("EvidenceLocation", data["location"]),
        None if start is None else int(start),
        None if end is None else int(end),
    )


def _field_evidence(key: str, value: str) -> Evidence:
    """Evidence for a value stored without its own: the store's field, as a record states it."""
    return Evidence(f"{key}: {value}", "record")


class ErrorRow(Base):
    __tablename__ = "ingest_errors"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(String(32))
    message: Mapped[str] = mapped_column(Text)
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class ArticleTermsRow(Base):
    """An article's hashed term counts (migration 0007; ``stories.index``)."""

    __tablename__ = "article_terms"

    article_id: Mapped[str] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    )
    #: Little-endian int32 features, ascending.
    features: Mapped[bytes] = mapped_column(LargeBinary)
    #: Little-endian float32 sublinear counts, one per feature.
    weights: Mapped[bytes] = mapped_column(LargeBinary)


class StoryIndexRow(Base):
    """A story's state in the incremental index (migration 0007)."""

    __tablename__ = "story_index"

    story_id: Mapped[int] = mapped_column(
        ForeignKey("stories.id", ondelete="CASCADE"), primary_key=True
    )
    features: Mapped[bytes] = mapped_column(LargeBinary)
    weights: Mapped[bytes] = mapped_column(LargeBinary)
    size: Mapped[int] = mapped_column(Integer)
    #: Documents the index had seen when a member last joined.
    touched: Mapped[int] = mapped_column(Integer)
    checked_size: Mapped[int] = mapped_column(Integer)
    checked_documents: Mapped[int] = mapped_column(Integer)
    first: Mapped[str | None] = mapped_column(String(10), nullable=True)
    last: Mapped[str | None] = mapped_column(String(10), nullable=True)


class IndexMetaRow(Base):
    """The index's corpus statistics (one row, migration 0007)."""

    __tablename__ = "index_meta"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    method: Mapped[str] = mapped_column(Text)
    documents: Mapped[int] = mapped_column(Integer)
    #: zlib-compressed little-endian int32 document frequency per hashed feature.
    frequency: Mapped[bytes] = mapped_column(LargeBinary)


class ArticleBandRow(Base):
    """One LSH band of an article's MinHash (migration 0008): near-duplicate lookup."""

    __tablename__ = "article_bands"

    article_id: Mapped[str] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    )
    band: Mapped[int] = mapped_column(SmallInteger, primary_key=True, autoincrement=False)
    bucket: Mapped[int] = mapped_column(BigInteger)
