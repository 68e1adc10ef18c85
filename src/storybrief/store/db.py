"""A small storage interface over SQLAlchemy: one transaction per article, migrations at open.

``open_store(url)`` takes a SQLite path or any SQLAlchemy URL (``postgresql://...``),
brings the schema to the newest migration (Alembic, versions under
``storybrief/store/migrations``) and returns a ``Store``. Every write is its own
transaction, so a process killed mid-ingest leaves every article it committed
and nothing half-written; a story is created in the transaction that places its
first article, so no run leaves an empty story.

What the storage itself refuses (a full disk, a read-only file, a schema newer
than this code knows) is a ``StorageError`` of one line that says what to do. A
store that cannot be written can still be opened read-only (``read_only``), to serve.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, delete, event, func, select, text, update
from sqlalchemy.engine import URL, ExceptionContext, make_url
from sqlalchemy.exc import IntegrityError
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
        try:
            self._insert(row, previous)
        except IntegrityError:
            # Another process stored the same article since the check above.
            with self.session() as s:
                existing = s.scalar(
                    select(ArticleRow.id).where(
                        (ArticleRow.content_hash == article.content_hash)
                        | (ArticleRow.id == article.id)
                    )
                )
            if existing is None:
                raise
            return Added("duplicate", existing, existing)
        if duplicate_of is None:
            self._index().insert(row.id, lean)
            return Added("updated", row.id, previous[0]) if previous else Added("new", row.id)
        return Added("near-duplicate", row.id, duplicate_of)

    def _insert(self, row: ArticleRow, previous: list[str]) -> None:
        """Insert an article's row, its search row, and retire its previous versions: one
        transaction."""
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
        """How many articles, near-duplicates, stories and errors the store holds (one query)."""

        def count(model: Any, *where: Any) -> Any:
            return select(func.count()).select_from(model).where(*where).scalar_subquery()

        with self.session() as s:
            row = s.execute(
                select(
                    count(ArticleRow),
                    count(ArticleRow, ArticleRow.duplicate_of.is_not(None)),
                    count(StoryRow),
                    count(ErrorRow),
                )
            ).one()
        return dict(
            zip(("articles", "near_duplicates", "stories", "errors"), map(int, row), strict=True)
        )

    def errors(self) -> list[ErrorRow]:
        with self.session() as s:
            return list(s.scalars(select(ErrorRow).order_by(ErrorRow.id)))

    # -- stories ----------------------------------------------------------

    def new_story(self, title: str) -> int:
        """A story with no article yet (``start_story`` makes one with its first article)."""
        with self.session() as s, s.begin():
            return self._new_story(s, title)

    def start_story(self, article_id: str, title: str, why: dict[str, Any]) -> int:
        """A new story and its first article, in one transaction: never an empty story."""
        with self.session() as s, s.begin():
            story_id = self._new_story(s, title)
            self._assign(s, article_id, story_id, why)
            return story_id

    def assign(self, article_id: str, story_id: int, why: dict[str, Any]) -> None:
        """Place an article in a story (whose brief must then be made again)."""
        with self.session() as s, s.begin():
            self._assign(s, article_id, story_id, why)

    def drop_empty_stories(self) -> int:
        """Delete the stories no article belongs to; returns how many.

        A run interrupted between creating a story and placing its first article
        (before ``start_story``), or every article of a story replaced by a new
        version, leaves one.
        """
        with self.session() as s, s.begin():
            members = select(ArticleRow.id).where(ArticleRow.story_id == StoryRow.id)
            result = s.execute(delete(StoryRow).where(~members.exists()))
            return int(getattr(result, "rowcount", 0) or 0)

    @staticmethod
    def _new_story(s: Session, title: str) -> int:
        story = StoryRow(title=title, created_at=_now(), updated_at=_now(), sources=0)
        s.add(story)
        s.flush()
        return int(story.id)

    @staticmethod
    def _assign(s: Session, article_id: str, story_id: int, why: dict[str, Any]) -> None:
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


def open_store(db: str | Path | None = None, *, read_only: bool | None = False) -> Store:
    """Open the store at a path or SQLAlchemy URL.

    Args:
        db: a SQLite file path or a SQLAlchemy URL; None: the user's default store.
        read_only: False: open to write, creating the store and migrating its schema
            as needed. True: only read (nothing is migrated: the schema must be
            current). None: read-only if a SQLite store's file or folder cannot be
            written (what ``serve`` does), else as False.

    Raises:
        StorageError: the store cannot be opened, its schema is newer than this
            code knows, or (read-only) it needs a migration.
    """
    from sqlalchemy.exc import ArgumentError, SQLAlchemyError

    url = make_url(_url(db))
    where = _where(url)
    if read_only is None:
        read_only = url.get_backend_name() == "sqlite" and not _writable(url)
    try:
        engine = create_engine(_read_only_url(url) if read_only else url)
    except (ArgumentError, ImportError) as exc:
        raise StorageError(
            f"cannot use the store URL {where!r}: {exc} (PostgreSQL needs storybrief[pg])"
        ) from exc
    event.listen(engine, "handle_error", lambda context: _storage_error(context, where))
    if engine.dialect.name == "sqlite":

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_connection: Any, _record: Any) -> None:
            cursor = dbapi_connection.cursor()
            if read_only:
                cursor.execute("PRAGMA query_only=ON")
            else:
                cursor.execute("PRAGMA journal_mode=WAL")
                cursor.execute("PRAGMA synchronous=FULL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.close()

    elif read_only:

        @event.listens_for(engine, "begin")
        def _read_only(connection: Any) -> None:
            connection.exec_driver_sql("SET TRANSACTION READ ONLY")

    try:
        _migrate(engine, where, read_only=read_only)
    except StorageError:
        engine.dispose()
        raise
    except (SQLAlchemyError, OSError) as exc:
        engine.dispose()
        problem = _problem(exc)
        raise StorageError(
            f"the store at {where} {problem}"
            if problem
            else f"cannot open the store at {where}: {exc.__class__.__name__}: "
            f"{str(exc).splitlines()[0]} (check --db)"
        ) from exc
    return Store(engine)


def _migrate(engine: Engine, where: str, *, read_only: bool) -> None:
    """Bring the schema to the newest migration (read-only: check that it is there)."""
    from alembic import command
    from alembic.config import Config
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", "storybrief.store:migrations")
    scripts = ScriptDirectory.from_config(config)
    head = scripts.get_current_head()
    known = {script.revision for script in scripts.walk_revisions()}
    with engine.begin() as connection:
        current = MigrationContext.configure(connection).get_current_revision()
        if current is not None and current not in known:
            raise StorageError(
                f"the store at {where} has schema revision {current}, newer than this "
                f"storybrief knows (up to {head}): upgrade storybrief to use it"
            )
        if read_only:
            if current != head:
                raise StorageError(
                    f"the store at {where} is read-only and its schema "
                    f"({current or 'none: not a store'}) is not this storybrief's ({head}): "
                    "open it once where it can be written (storybrief cluster --db ...) "
                    "to bring it up to date"
                )
            return
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def _where(url: URL) -> str:
    """The store, as messages name it: its file, or its URL without the password."""
    if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
        return str(url.database)
    return url.render_as_string(hide_password=True)


def _writable(url: URL) -> bool:
    """Whether a SQLite store's file (or, if it is not there yet, its folder) can be written.

    SQLite writes its journal (``-wal``, ``-shm``) beside the file: the folder counts too.
    """
    if url.database in (None, "", ":memory:"):
        return True
    path = Path(url.database)
    folder = path.parent
    if not os.access(folder, os.W_OK, effective_ids=os.access in os.supports_effective_ids):
        return False
    return not path.exists() or os.access(path, os.W_OK)


def _read_only_url(url: URL) -> URL:
    """The URL that opens a store without writing to it.

    SQLite: ``mode=ro``; if its folder cannot be written and holds no ``-wal``, as
    ``immutable`` (SQLite could not make the shared-memory file a WAL reader needs;
    nobody can be writing, as a writer would need that folder too).
    """
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return url
    path = Path(url.database).resolve()
    immutable = not os.access(path.parent, os.W_OK) and not Path(f"{path}-wal").exists()
    mode = {"immutable": "1"} if immutable else {"mode": "ro"}
    return url.set(database=f"file:{path.as_posix()}", query={**mode, "uri": "true"})


#: What a storage error means (SQLite's message, PostgreSQL's SQLSTATE): the text after
#: "the store at PATH".
_FULL = "is full (no space left on the disk): free some space and run again"
_READ_ONLY = (
    "is read-only (its file or folder cannot be written): ingest and cluster write to "
    "it; serve can read it as it is"
)
_PROBLEMS = (
    ("database or disk is full", _FULL),
    ("no space left on device", _FULL),
    ("could not extend file", _FULL),
    ("attempt to write a readonly database", _READ_ONLY),
    ("read-only transaction", _READ_ONLY),
    ("readonly database", _READ_ONLY),
    ("disk i/o error", "could not be read or written (disk I/O error): check the disk"),
    (
        "unable to open database file",
        "cannot be opened: check that its folder exists and can be read",
    ),
    ("database is locked", "is busy (locked by another process): run again when it is done"),
)
_SQLSTATES = {"53100": _FULL, "25006": _READ_ONLY}


def _problem(exc: BaseException) -> str | None:
    """What a storage exception means, in words, if it is one storybrief knows."""
    original = getattr(exc, "orig", None) or exc
    state = getattr(original, "sqlstate", None) or getattr(original, "pgcode", None)
    if state in _SQLSTATES:
        return _SQLSTATES[state]
    message = str(original).lower()
    return next((words for needle, words in _PROBLEMS if needle in message), None)


def _storage_error(context: ExceptionContext, where: str) -> StorageError | None:
    """``handle_error`` hook: a storage failure becomes a one-line ``StorageError``."""
    problem = _problem(context.original_exception)
    if problem is None:
        return None
    error = StorageError(f"the store at {where} {problem}")
    error.__cause__ = context.original_exception
    return error
