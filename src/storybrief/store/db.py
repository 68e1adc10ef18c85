"""A small storage interface over SQLAlchemy: one transaction per article, migrations at open.

``open_store(url)`` takes a SQLite path or any SQLAlchemy URL (``postgresql://...``),
brings the schema to the newest migration (Alembic, versions under
``storybrief/store/migrations``) and returns a ``Store``. Every write is its own
transaction, so a process killed mid-ingest leaves every article it committed
and nothing half-written.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, func, select, text, update
from sqlalchemy.orm import Session, sessionmaker

from storybrief.errors import StorageError
from storybrief.model import Article, IngestFailure
from storybrief.store.models import ArticleRow, ErrorRow, StoryRow
from storybrief.text import no_surrogates, shingles

NEAR_DUPLICATE = 0.9  # estimated Jaccard similarity of word 5-shingles
NUM_PERM = 128


def default_db_url() -> str:
    """A SQLite file in the user's data directory."""
    from platformdirs import user_data_dir

    folder = Path(user_data_dir("storybrief"))
    folder.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{folder / 'store.db'}"


def _url(db: str | Path | None) -> str:
    if db is None:
        return default_db_url()
    db = str(db)
    return db if "://" in db else f"sqlite:///{Path(db).expanduser().resolve()}"


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def minhash_of(text: str) -> Any:
    """MinHash of a text's word 5-shingles (datasketch)."""
    from datasketch import MinHash

    mh = MinHash(num_perm=NUM_PERM, seed=1)
    mh.update_batch([s.encode("utf-8") for s in shingles(text)])
    return mh


@dataclass(frozen=True, slots=True)
class StoryListing:
    """A story as lists show it: no brief (read the one story for that)."""

    id: int
    title: str
    sources: int
    updated_at: dt.datetime
    briefed: bool


@dataclass(frozen=True, slots=True)
class ArticleListing:
    """An article as lists show it: its metadata and story, not its text."""

    id: str
    title: str | None
    outlet: str | None
    byline: str | None
    published: str | None
    url: str | None
    source: str
    story_id: int | None
    duplicate_of: str | None
    membership: str | None


_STORY_LISTING = (
    StoryRow.id,
    StoryRow.title,
    StoryRow.sources,
    StoryRow.updated_at,
    StoryRow.brief_at.is_not(None),
)
_ARTICLE_LISTING = (
    ArticleRow.id,
    ArticleRow.title,
    ArticleRow.outlet,
    ArticleRow.byline,
    ArticleRow.published,
    ArticleRow.url,
    ArticleRow.source,
    ArticleRow.story_id,
    ArticleRow.duplicate_of,
    ArticleRow.membership,
)


@dataclass(frozen=True, slots=True)
class Added:
    """What happened to one article: ``new``, ``duplicate`` (same text), ``near-duplicate``,
    or ``updated`` (a new version of an article stored from the same URL: ``duplicate_of``
    names the version it replaces)."""

    status: str
    id: str
    duplicate_of: str | None = None


class Store:
    """Articles, stories and errors. Use ``open_store``."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._lsh: Any = None

    def close(self) -> None:
        """Close the store's connections."""
        self.engine.dispose()

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def session(self) -> Session:
        return self._sessions()

    # -- articles ---------------------------------------------------------

    def _index(self) -> Any:
        if self._lsh is None:
            from datasketch import LeanMinHash, MinHashLSH

            lsh = MinHashLSH(threshold=NEAR_DUPLICATE, num_perm=NUM_PERM)
            with self.session() as s:
                for article_id, blob in s.execute(
                    select(ArticleRow.id, ArticleRow.minhash).where(
                        ArticleRow.duplicate_of.is_(None)
                    )
                ):
                    lsh.insert(article_id, LeanMinHash.deserialize(blob))
            self._lsh = lsh
        return self._lsh

    def add_article(self, article: Article) -> Added:
        """Store one article in its own transaction, unless its text is already stored."""
        from datasketch import LeanMinHash

        with self.session() as s:
            existing = s.scalar(
                select(ArticleRow.id).where(ArticleRow.content_hash == article.content_hash)
            )
            if existing is not None:
                return Added("duplicate", existing, existing)
        with self.session() as s:
            # An article served again from its URL with new text is its new version.
            previous = (
                list(
                    s.scalars(
                        select(ArticleRow.id).where(
                            ArticleRow.url == article.url, ArticleRow.duplicate_of.is_(None)
                        )
                    )
                )
                if article.url
                else []
            )
        mh = minhash_of(article.text)
        lean = LeanMinHash(mh)
        blob = bytearray(lean.bytesize())
        lean.serialize(blob)
        near = sorted(set(self._index().query(lean)) - set(previous))
        duplicate_of = near[0] if near and not previous else None
        row = ArticleRow.from_article(
            article, minhash=bytes(blob), ingested_at=_now(), duplicate_of=duplicate_of
        )
        with self.session() as s, s.begin():
            s.add(row)
            s.flush()
            if self.dialect == "sqlite":
                s.execute(
                    text("INSERT INTO articles_fts (id, title, text) VALUES (:id, :title, :text)"),
                    {"id": row.id, "title": row.title or "", "text": row.text},
                )
            # The old versions leave their story (whose brief must be made again)
            # and point at the new one; the new one is placed by the next clustering.
            for old_id in previous:
                old_row = s.get(ArticleRow, old_id)
                if old_row is None:
                    continue
                if old_row.story_id is not None:
                    s.execute(
                        update(StoryRow)
                        .where(StoryRow.id == old_row.story_id)
                        .values(
                            updated_at=_now(),
                            brief_json=None,
                            brief_html=None,
                            brief_at=None,
                            sources=StoryRow.sources - 1,
                        )
                    )
                old_row.duplicate_of = row.id
                old_row.story_id = None
                old_row.membership = None
        if duplicate_of is None:
            self._index().insert(row.id, lean)
            return Added("updated", row.id, previous[0]) if previous else Added("new", row.id)
        return Added("near-duplicate", row.id, duplicate_of)

    def record_error(self, failure: IngestFailure) -> None:
        """Record a per-item failure (once: the same source and reason are not added again)."""
        with self.session() as s, s.begin():
            seen = s.scalar(
                select(ErrorRow.id).where(
                    ErrorRow.source == no_surrogates(failure.source),
                    ErrorRow.reason == failure.reason.value,
                )
            )
            if seen is not None:
                return
            s.add(
                ErrorRow(
                    source=no_surrogates(failure.source),
                    reason=failure.reason.value,
                    message=no_surrogates(failure.message),
                    at=_now(),
                )
            )

    def articles(self, *, unassigned: bool = False) -> list[ArticleRow]:
        """Stored articles (not near-duplicates), oldest publication first."""
        query = select(ArticleRow).where(ArticleRow.duplicate_of.is_(None))
        if unassigned:
            query = query.where(ArticleRow.story_id.is_(None))
        query = query.order_by(ArticleRow.published.is_(None), ArticleRow.published, ArticleRow.id)
        with self.session() as s:
            return list(s.scalars(query))

    def article(self, article_id: str) -> ArticleRow | None:
        with self.session() as s:
            return s.get(ArticleRow, article_id)

    def counts(self) -> dict[str, int]:
        with self.session() as s:
            return {
                "articles": s.scalar(select(func.count()).select_from(ArticleRow)) or 0,
                "near_duplicates": s.scalar(
                    select(func.count())
                    .select_from(ArticleRow)
                    .where(ArticleRow.duplicate_of.is_not(None))
                )
                or 0,
                "stories": s.scalar(select(func.count()).select_from(StoryRow)) or 0,
                "errors": s.scalar(select(func.count()).select_from(ErrorRow)) or 0,
            }

    def errors(self) -> list[ErrorRow]:
        with self.session() as s:
            return list(s.scalars(select(ErrorRow).order_by(ErrorRow.id)))

    # -- stories ----------------------------------------------------------

    def new_story(self, title: str) -> int:
        with self.session() as s, s.begin():
            story = StoryRow(title=title, created_at=_now(), updated_at=_now(), sources=0)
            s.add(story)
            s.flush()
            return int(story.id)

    def assign(self, article_id: str, story_id: int, why: dict[str, Any]) -> None:
        with self.session() as s, s.begin():
            s.execute(
                update(ArticleRow)
                .where(ArticleRow.id == article_id)
                .values(story_id=story_id, membership=json.dumps(why))
            )
            s.execute(
                update(StoryRow)
                .where(StoryRow.id == story_id)
                .values(
                    updated_at=_now(),
                    brief_json=None,
                    brief_html=None,
                    brief_at=None,
                    sources=StoryRow.sources + 1,
                )
            )

    def stories(self) -> list[StoryRow]:
        """Every story with its brief, most recently changed first (lists: ``story_list``)."""
        with self.session() as s:
            return list(s.scalars(select(StoryRow).order_by(StoryRow.updated_at.desc())))

    def story_list(self, *, offset: int = 0, limit: int = 50) -> tuple[list[StoryListing], int]:
        """A page of stories, most recently changed first, and how many there are in all.

        Selects only the listed columns: a brief's JSON and report are not read.
        """
        with self.session() as s:
            total = s.scalar(select(func.count()).select_from(StoryRow)) or 0
            rows = s.execute(
                select(*_STORY_LISTING)
                .order_by(StoryRow.updated_at.desc(), StoryRow.id.desc())
                .offset(offset)
                .limit(limit)
            )
            return [StoryListing(*row) for row in rows], total

    def story_listing(self, story_id: int) -> StoryListing | None:
        """One story as lists show it (its brief is not read)."""
        with self.session() as s:
            row = s.execute(select(*_STORY_LISTING).where(StoryRow.id == story_id)).first()
            return None if row is None else StoryListing(*row)

    def member_list(
        self, story_id: int, *, offset: int = 0, limit: int = 50
    ) -> tuple[list[ArticleListing], int]:
        """A page of a story's articles (oldest first, no text) and how many it has."""
        with self.session() as s:
            total = (
                s.scalar(
                    select(func.count())
                    .select_from(ArticleRow)
                    .where(ArticleRow.story_id == story_id)
                )
                or 0
            )
            rows = s.execute(
                select(*_ARTICLE_LISTING)
                .where(ArticleRow.story_id == story_id)
                .order_by(ArticleRow.published, ArticleRow.id)
                .offset(offset)
                .limit(limit)
            )
            return [ArticleListing(**row._asdict()) for row in rows], total

    def story(self, story_id: int) -> StoryRow | None:
        with self.session() as s:
            return s.get(StoryRow, story_id)

    def members(self, story_id: int) -> list[ArticleRow]:
        with self.session() as s:
            return list(
                s.scalars(
                    select(ArticleRow)
                    .where(ArticleRow.story_id == story_id)
                    .order_by(ArticleRow.published, ArticleRow.id)
                )
            )

    def save_brief(self, story_id: int, title: str, brief: dict[str, Any], html: str) -> None:
        with self.session() as s, s.begin():
            s.execute(
                update(StoryRow)
                .where(StoryRow.id == story_id)
                .values(title=title, brief_json=json.dumps(brief), brief_html=html, brief_at=_now())
            )

    def stale_stories(self) -> list[StoryRow]:
        """Stories whose brief is missing or older than their last change."""
        with self.session() as s:
            return list(s.scalars(select(StoryRow).where(StoryRow.brief_at.is_(None))))

    # -- search -----------------------------------------------------------

    def search(self, query: str, limit: int = 20, offset: int = 0) -> list[ArticleListing]:
        """Full-text search, best match first: SQLite FTS5 (bm25), PostgreSQL tsvector (ts_rank).

        Both engines answer from an index (FTS5; on PostgreSQL the GIN index of the
        ``search`` column, migration 0005). ``offset`` skips that many matches (paging).
        """
        query = re.sub(r"[\x00-\x1f\x7f]", " ", query)  # neither engine takes a NUL
        terms = " ".join(f'"{w}"' for w in query.replace('"', " ").split())
        if not terms:
            return []
        with self.session() as s:
            if self.dialect == "sqlite":
                found = s.execute(
                    text(
                        "SELECT id FROM articles_fts WHERE articles_fts MATCH :q "
                        "ORDER BY rank, id LIMIT :n OFFSET :o"
                    ),
                    {"q": terms, "n": limit, "o": offset},
                )
            else:
                found = s.execute(
                    text(
                        "SELECT id FROM articles, plainto_tsquery('english', :q) AS query "
                        "WHERE search @@ query ORDER BY ts_rank(search, query) DESC, id "
                        "LIMIT :n OFFSET :o"
                    ),
                    {"q": query, "n": limit, "o": offset},
                )
            ids = [r[0] for r in found]
            rows = {
                r.id: ArticleListing(**r._asdict())
                for r in s.execute(select(*_ARTICLE_LISTING).where(ArticleRow.id.in_(ids)))
            }
            return [rows[i] for i in ids if i in rows]


def open_store(db: str | Path | None = None) -> Store:
    """Open (creating and migrating as needed) the store at a path or SQLAlchemy URL."""
    from alembic import command
    from alembic.config import Config
    from sqlalchemy.exc import ArgumentError, SQLAlchemyError

    url = _url(db)
    try:
        engine = create_engine(url)
    except (ArgumentError, ImportError) as exc:
        raise StorageError(
            f"cannot use the store URL {url!r}: {exc} (PostgreSQL needs storybrief[pg])"
        ) from exc
    if engine.dialect.name == "sqlite":

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_connection: Any, _record: Any) -> None:
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=FULL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.close()

    config = Config()
    config.set_main_option("script_location", "storybrief.store:migrations")
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
    except SQLAlchemyError as exc:
        engine.dispose()
        raise StorageError(
            f"cannot open the store at {engine.url!r}: {exc.__class__.__name__}: "
            f"{str(exc).splitlines()[0]} (check --db)"
        ) from exc
    return Store(engine)
