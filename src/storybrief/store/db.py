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
import functools
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Engine,
    and_,
    create_engine,
    delete,
    event,
    func,
    or_,
    select,
    text,
    update,
)
from sqlalchemy.engine import URL, ExceptionContext, make_url
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from storybrief.errors import StorageError
from storybrief.model import Article, IngestFailure
from storybrief.store.models import (
    ArticleBandRow,
    ArticleRow,
    ArticleTermsRow,
    EntityFormRow,
    ErrorRow,
    IndexMetaRow,
    StoryIndexRow,
    StoryRow,
)
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


@functools.cache
def lsh_banding() -> tuple[int, int]:
    """Bands and rows per band: what datasketch's ``MinHashLSH`` chooses for
    ``NEAR_DUPLICATE`` at ``NUM_PERM`` (its false positive/negative trade-off)."""
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=NEAR_DUPLICATE, num_perm=NUM_PERM)
    return int(lsh.b), int(lsh.r)


def lsh_buckets(hashvalues: Any) -> list[int]:
    """The bucket of each LSH band of a MinHash: a signed 64-bit hash of the band's values."""
    import hashlib

    import numpy as np

    bands, rows = lsh_banding()
    values = np.asarray(hashvalues, dtype="<u8")
    return [
        int.from_bytes(
            hashlib.blake2b(values[b * rows : (b + 1) * rows].tobytes(), digest_size=8).digest(),
            "little",
            signed=True,
        )
        for b in range(bands)
    ]


@dataclass(frozen=True, slots=True)
class StoryListing:
    """A story as lists show it: no brief (read the one story for that)."""

    id: int
    title: str
    sources: int
    updated_at: dt.datetime
    briefed: bool
    #: The brief's first summary sentence (None before the first brief).
    lead: str | None = None


@dataclass(frozen=True, slots=True)
class StoryCard:
    """A story as the home page's card shows it: its listing and what its members say."""

    story: StoryListing
    #: Named outlets of its articles, most articles first, with how many each has.
    outlets: tuple[tuple[str, int], ...]
    #: The first and last publication day its articles state (ISO days), if any.
    first: str | None
    last: str | None
    #: When its newest article was stored (the mark a reader's visit records).
    newest: dt.datetime | None
    #: How many of its articles were stored after the reader's mark (None: no mark).
    new: int | None = None


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One article a search found, with a passage of its text where the words are.

    ``snippet`` is plain text in which ``MARK_START``/``MARK_END`` enclose the
    matched words (a page escapes the text, then marks them).
    """

    article: ArticleListing
    snippet: str


#: Private-use characters that enclose the matched words of a snippet.
MARK_START, MARK_END = "\ue000", "\ue001"

#: Orders the story list can take (``story_cards``).
STORY_ORDERS = ("updated", "sources", "published", "title")


def fold_form(text: str) -> str:
    """A name as search matches it: case and accents folded, spaces collapsed."""
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.casefold().split())


def _as_utc(value: dt.datetime) -> dt.datetime:
    return value if value.tzinfo else value.replace(tzinfo=dt.timezone.utc)


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
    #: When the store received it (what "new since your last visit" compares).
    ingested_at: dt.datetime | None = None


_STORY_LISTING = (
    StoryRow.id,
    StoryRow.title,
    StoryRow.sources,
    StoryRow.updated_at,
    StoryRow.brief_at.is_not(None),
    StoryRow.lead,
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
    ArticleRow.ingested_at,
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

    def close(self) -> None:
        """Close the store's connections."""
        self.engine.dispose()

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def session(self) -> Session:
        return self._sessions()

    # -- articles ---------------------------------------------------------

    def _near(self, buckets: list[int]) -> list[str]:
        """Stored articles sharing an LSH band with these buckets (near-duplicate candidates)."""
        match = or_(
            *(
                and_(ArticleBandRow.band == band, ArticleBandRow.bucket == bucket)
                for band, bucket in enumerate(buckets)
            )
        )
        with self.session() as s:
            return [
                str(i) for i in s.scalars(select(ArticleBandRow.article_id).where(match).distinct())
            ]

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
        buckets = lsh_buckets(lean.hashvalues)
        near = sorted(set(self._near(buckets)) - set(previous))
        duplicate_of = near[0] if near and not previous else None
        row = ArticleRow.from_article(
            article, minhash=bytes(blob), ingested_at=_now(), duplicate_of=duplicate_of
        )
        try:
            self._insert(row, previous, buckets if duplicate_of is None else [])
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
            return Added("updated", row.id, previous[0]) if previous else Added("new", row.id)
        return Added("near-duplicate", row.id, duplicate_of)

    def _insert(self, row: ArticleRow, previous: list[str], buckets: list[int]) -> None:
        """Insert an article's row, its search row, its LSH bands, and retire its previous
        versions: one transaction."""
        with self.session() as s, s.begin():
            s.add(row)
            s.flush()
            s.add_all(
                ArticleBandRow(article_id=row.id, band=band, bucket=bucket)
                for band, bucket in enumerate(buckets)
            )
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

    # -- the incremental story index (stories.v5) ----------------------------

    def unplaced(self) -> list[tuple[str, str | None]]:
        """Ids and publication days of the articles no story holds yet, oldest first."""
        query = (
            select(ArticleRow.id, ArticleRow.published)
            .where(ArticleRow.duplicate_of.is_(None), ArticleRow.story_id.is_(None))
            .order_by(ArticleRow.published.is_(None), ArticleRow.published, ArticleRow.id)
        )
        with self.session() as s:
            return [(str(i), p) for i, p in s.execute(query)]

    def texts(self, ids: list[str]) -> dict[str, tuple[str, str | None]]:
        """Text and title of some articles."""
        found: dict[str, tuple[str, str | None]] = {}
        with self.session() as s:
            for start in range(0, len(ids), 500):
                query = select(ArticleRow.id, ArticleRow.text, ArticleRow.title).where(
                    ArticleRow.id.in_(ids[start : start + 500])
                )
                found.update((i, (t, title)) for i, t, title in s.execute(query))
        return found

    def term_counts(self, ids: list[str]) -> dict[str, tuple[bytes, bytes]]:
        """Stored hashed term counts (features, weights bytes) of some articles."""
        found: dict[str, tuple[bytes, bytes]] = {}
        with self.session() as s:
            for start in range(0, len(ids), 500):
                query = select(
                    ArticleTermsRow.article_id, ArticleTermsRow.features, ArticleTermsRow.weights
                ).where(ArticleTermsRow.article_id.in_(ids[start : start + 500]))
                found.update((i, (f, w)) for i, f, w in s.execute(query))
        return found

    def placed_without_terms(self) -> int:
        """Placed articles the index has no counts of (stored before migration 0007)."""
        with self.session() as s:
            query = (
                select(func.count())
                .select_from(ArticleRow)
                .where(
                    ArticleRow.story_id.is_not(None),
                    ~select(ArticleTermsRow.article_id)
                    .where(ArticleTermsRow.article_id == ArticleRow.id)
                    .exists(),
                )
            )
            return int(s.scalar(query) or 0)

    def story_member_ids(self) -> dict[int, list[str]]:
        """Every story's member ids (the index's members when it is rebuilt)."""
        found: dict[int, list[str]] = {}
        query = (
            select(ArticleRow.story_id, ArticleRow.id)
            .where(ArticleRow.story_id.is_not(None))
            .order_by(ArticleRow.story_id, ArticleRow.published, ArticleRow.id)
        )
        with self.session() as s:
            for story_id, article_id in s.execute(query):
                found.setdefault(int(story_id or 0), []).append(str(article_id))
        return found

    def index_state(
        self, *, live_documents: int | None = None
    ) -> tuple[IndexMetaRow | None, list[StoryIndexRow]]:
        """The index's corpus statistics and its stories' states (only those touched
        within the last ``live_documents`` documents, if given)."""
        with self.session() as s:
            meta = s.get(IndexMetaRow, 1)
            query = select(StoryIndexRow)
            if live_documents is not None and meta is not None:
                query = query.where(StoryIndexRow.touched >= meta.documents - live_documents)
            return meta, list(s.scalars(query))

    def member_ids(self, story_id: int) -> list[str]:
        """A story's member ids, oldest first."""
        query = (
            select(ArticleRow.id)
            .where(ArticleRow.story_id == story_id)
            .order_by(ArticleRow.published, ArticleRow.id)
        )
        with self.session() as s:
            return [str(i) for i in s.scalars(query)]

    def save_index_batch(
        self,
        *,
        terms: list[tuple[str, bytes, bytes]],
        started: dict[int, tuple[str, str]],
        placed: list[tuple[str, int, dict[str, Any]]],
        removed: set[int],
        states: dict[int, dict[str, Any]],
        meta: tuple[str, int, bytes],
        shrunk: set[int] | None = None,
    ) -> dict[int, int]:
        """One batch of the index, in one transaction: the store never holds half of it.

        ``started``: a new story's temporary key -> (title, its first article);
        ``placed``: (article, story key, why) for new and moved articles (keys may be
        temporary); ``removed``: stories merged away; ``states``: the index state of
        every story changed (by key); ``meta``: (method, documents, frequency);
        ``shrunk``: stories a split took members from (their briefs are stale too).
        Returns the temporary keys' story ids.
        """
        with self.session() as s, s.begin():
            for article_id, features, weights in terms:
                s.merge(ArticleTermsRow(article_id=article_id, features=features, weights=weights))
            ids: dict[int, int] = {}
            for key, (title, _first) in started.items():
                ids[key] = self._new_story(s, title)
            touched: set[int] = set(shrunk or ())
            for article_id, key, why in placed:
                story_id = ids.get(key, key)
                s.execute(
                    update(ArticleRow)
                    .where(ArticleRow.id == article_id)
                    .values(story_id=story_id, membership=json.dumps(why))
                )
                touched.add(story_id)
            for key in removed:
                s.execute(delete(StoryIndexRow).where(StoryIndexRow.story_id == key))
                s.execute(delete(StoryRow).where(StoryRow.id == key))
            for key, state in states.items():
                s.merge(StoryIndexRow(story_id=ids.get(key, key), **state))

            members = (
                select(func.count())
                .select_from(ArticleRow)
                .where(ArticleRow.story_id == StoryRow.id)
                .scalar_subquery()
            )
            for start in range(0, len(sorted(touched)), 500):
                part = sorted(touched)[start : start + 500]
                s.execute(
                    update(StoryRow)
                    .where(StoryRow.id.in_(part))
                    .values(
                        updated_at=_now(),
                        brief_json=None,
                        brief_html=None,
                        brief_at=None,
                        sources=members,
                    )
                )
            method, documents, frequency = meta
            s.merge(IndexMetaRow(id=1, method=method, documents=documents, frequency=frequency))
            return ids

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

    def members_listed(self, story_id: int) -> list[ArticleListing]:
        """Every article of a story as lists show it (no text), oldest first."""
        with self.session() as s:
            rows = s.execute(
                select(*_ARTICLE_LISTING)
                .where(ArticleRow.story_id == story_id)
                .order_by(ArticleRow.published, ArticleRow.id)
            )
            return [ArticleListing(**row._asdict()) for row in rows]

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

    def save_brief(
        self,
        story_id: int,
        title: str,
        brief: dict[str, Any],
        html: str,
        tables: dict[str, str] | None = None,
    ) -> None:
        """Keep a story's brief, its report, its CSV tables, its lead and its entities' spellings.

        The first brief titles the story (``title``); later ones keep that title
        (``title_fixed``), so a story does not rename itself when an article joins.
        """
        summary = brief.get("summary") or []
        lead = str(summary[0].get("text") or "") or None if summary else None
        forms = {
            (str(entity.get("id")), form)
            for entity in brief.get("entities") or []
            for form in {entity.get("canonical"), *(entity.get("aliases") or ())}
            if isinstance(form, str) and form.strip()
        }
        with self.session() as s, s.begin():
            fixed = s.scalar(select(StoryRow.title_fixed).where(StoryRow.id == story_id))
            values: dict[str, Any] = {
                "brief_json": json.dumps(brief),
                "brief_html": html,
                "brief_tables": None if tables is None else json.dumps(tables),
                "brief_at": _now(),
                "lead": lead,
            }
            if not fixed:
                values.update(title=title, title_fixed=True)
            s.execute(update(StoryRow).where(StoryRow.id == story_id).values(**values))
            s.execute(delete(EntityFormRow).where(EntityFormRow.story_id == story_id))
            s.add_all(
                EntityFormRow(story_id=story_id, entity=entity, form=form, folded=fold_form(form))
                for entity, form in sorted(forms)
            )

    def rename_story(self, story_id: int, title: str) -> bool:
        """Give a story the title a user chose (briefs keep it); False if there is no story."""
        title = " ".join(title.split())
        if not title:
            raise ValueError("a story's title cannot be empty")
        with self.session() as s, s.begin():
            done = s.execute(
                update(StoryRow)
                .where(StoryRow.id == story_id)
                .values(title=title, title_fixed=True)
            )
            return bool(getattr(done, "rowcount", 0))

    def _db_time(self, value: dt.datetime) -> dt.datetime:
        """A time as the store compares it (SQLite keeps UTC without a zone)."""
        value = _as_utc(value)
        if self.dialect == "sqlite":
            return value.astimezone(dt.timezone.utc).replace(tzinfo=None)
        return value

    def story_cards(
        self,
        *,
        offset: int = 0,
        limit: int = 50,
        order: str = "updated",
        seen: dict[int, dt.datetime] | None = None,
    ) -> tuple[list[StoryCard], int]:
        """A page of story cards and how many stories there are.

        ``order`` is one of ``STORY_ORDERS`` (``published``: the latest stated
        publication day first). ``seen`` maps story ids to the time of the newest
        article a reader has seen (``StoryCard.newest`` of their last visit): each
        card counts the articles stored since. Reads no brief and no article text.
        """
        if order not in STORY_ORDERS:
            raise ValueError(f"order must be one of {', '.join(STORY_ORDERS)}")
        latest = (
            select(func.max(ArticleRow.published))
            .where(ArticleRow.story_id == StoryRow.id)
            .scalar_subquery()
        )
        by = {
            "updated": (StoryRow.updated_at.desc(), StoryRow.id.desc()),
            "sources": (StoryRow.sources.desc(), StoryRow.updated_at.desc(), StoryRow.id.desc()),
            "published": (latest.desc(), StoryRow.id.desc()),
            "title": (func.lower(StoryRow.title), StoryRow.id),
        }[order]
        with self.session() as s:
            total = s.scalar(select(func.count()).select_from(StoryRow)) or 0
            stories = [
                StoryListing(*row)
                for row in s.execute(
                    select(*_STORY_LISTING).order_by(*by).offset(offset).limit(limit)
                )
            ]
            ids = [story.id for story in stories]
            outlets: dict[int, list[tuple[str, int]]] = {i: [] for i in ids}
            for story_id, outlet, n in s.execute(
                select(ArticleRow.story_id, ArticleRow.outlet, func.count())
                .where(ArticleRow.story_id.in_(ids), ArticleRow.outlet.is_not(None))
                .group_by(ArticleRow.story_id, ArticleRow.outlet)
            ):
                if story_id is not None and outlet is not None:
                    outlets[story_id].append((outlet, n))
            spans = {
                row[0]: row[1:]
                for row in s.execute(
                    select(
                        ArticleRow.story_id,
                        func.min(ArticleRow.published),
                        func.max(ArticleRow.published),
                        func.max(ArticleRow.ingested_at),
                    )
                    .where(ArticleRow.story_id.in_(ids))
                    .group_by(ArticleRow.story_id)
                )
            }
            marks = {i: t for i, t in (seen or {}).items() if i in outlets}
            new: dict[int, int] = dict.fromkeys(marks, 0)
            if marks:
                since = or_(
                    *(
                        and_(ArticleRow.story_id == i, ArticleRow.ingested_at > self._db_time(t))
                        for i, t in marks.items()
                    )
                )
                for story_id, n in s.execute(
                    select(ArticleRow.story_id, func.count())
                    .where(since)
                    .group_by(ArticleRow.story_id)
                ):
                    if story_id is not None:
                        new[story_id] = n
        cards = []
        for story in stories:
            first, last, newest = spans.get(story.id, (None, None, None))
            named = sorted(outlets[story.id], key=lambda o: (-o[1], o[0].casefold()))
            cards.append(
                StoryCard(
                    story,
                    tuple(named),
                    first,
                    last,
                    None if newest is None else _as_utc(newest),
                    new.get(story.id),
                )
            )
        return cards, total

    def story_tables(self, story_id: int) -> dict[str, str] | None:
        """A story's brief as CSV tables (file name -> CSV text), if it has them."""
        with self.session() as s:
            found = s.scalar(select(StoryRow.brief_tables).where(StoryRow.id == story_id))
        return None if found is None else dict(json.loads(found))

    def stale_stories(self) -> list[StoryRow]:
        """Stories whose brief is missing or older than their last change."""
        with self.session() as s:
            return list(s.scalars(select(StoryRow).where(StoryRow.brief_at.is_(None))))

    # -- search -----------------------------------------------------------

    def search(self, query: str, limit: int = 20, offset: int = 0) -> list[ArticleListing]:
        """Full-text search, best match first (the articles of ``search_hits``, no snippets)."""
        return [hit.article for hit in self.search_hits(query, limit, offset, snippets=False)]

    def aliases(self, query: str) -> list[str]:
        """The other spellings of the entities a query names, from the stories' briefs.

        A query that is an entity's form, or the end of one (a surname: "Khatib" of
        "Hamza Khatib" or "Hamza al-Khatib"), names that entity: its other forms
        ("Alkhatib") are returned, fewest words first. A word inside a form names
        nothing ("minister" of "Minister Ilse Brandauer" is not Brandauer's name),
        nor does a query of more than four words.
        """
        folded = fold_form(re.sub(r"[\x00-\x1f\x7f\"%_\\]", " ", query))
        if not folded or len(folded.split()) > 4:
            return []
        with self.session() as s:
            named = (
                select(EntityFormRow.story_id, EntityFormRow.entity)
                .where(
                    or_(
                        EntityFormRow.folded == folded,
                        EntityFormRow.folded.like(f"% {folded}"),
                        EntityFormRow.folded.like(f"%-{folded}"),
                    )
                )
                .distinct()
                .limit(50)
                .subquery()
            )
            forms = s.scalars(
                select(EntityFormRow.form)
                .join(
                    named,
                    and_(
                        EntityFormRow.story_id == named.c.story_id,
                        EntityFormRow.entity == named.c.entity,
                    ),
                )
                .distinct()
            )
            found: dict[str, str] = {}
            for form in forms:
                key = fold_form(form)
                if key != folded and not key.endswith(f" {folded}") and key not in found:
                    found[key] = form
        return sorted(found.values(), key=lambda f: (len(f.split()), f.casefold()))[:12]

    def _matching(self, query: str, aliases: list[str]) -> tuple[str, str, dict[str, Any]] | None:
        """The engine's match: (FROM-and-WHERE SQL, its rank ORDER BY SQL, parameters)."""
        query = re.sub(r"[\x00-\x1f\x7f]", " ", query)  # neither engine takes a NUL
        words = query.replace('"', " ").split()
        if not words:
            return None
        phrases = [a.replace('"', " ") for a in aliases if a.replace('"', " ").split()]
        if self.dialect == "sqlite":
            terms = " ".join(f'"{w}"' for w in words)
            if phrases:
                terms = " OR ".join([f"({terms})", *(f'"{p}"' for p in phrases)])
            return "articles_fts WHERE articles_fts MATCH :q", "rank, id", {"q": terms}
        params: dict[str, Any] = {"q": query}
        expr = "plainto_tsquery('english', :q)"
        for n, phrase in enumerate(phrases):
            params[f"a{n}"] = phrase
            expr += f" || phraseto_tsquery('english', :a{n})"
        return (
            f"articles, (SELECT {expr} AS query) AS matched WHERE search @@ matched.query",
            "ts_rank(search, matched.query) DESC, id",
            params,
        )

    def search_total(self, query: str, *, aliases: list[str] | None = None) -> int:
        """How many articles a search finds (with ``aliases``: their spellings too)."""
        match = self._matching(query, aliases or [])
        if match is None:
            return 0
        where, _, params = match
        with self.session() as s:
            return int(s.scalar(text(f"SELECT count(*) FROM {where}"), params) or 0)

    def search_hits(
        self,
        query: str,
        limit: int = 20,
        offset: int = 0,
        *,
        aliases: list[str] | None = None,
        snippets: bool = True,
    ) -> list[SearchHit]:
        """Full-text search, best match first: SQLite FTS5 (bm25), PostgreSQL tsvector (ts_rank).

        Both engines answer from an index (FTS5; on PostgreSQL the GIN index of the
        ``search`` column, migration 0005). ``offset`` skips that many matches (paging);
        ``aliases`` are other spellings to find too (``aliases``). Each hit has a
        passage of its text with the matched words marked (``MARK_START``/``MARK_END``).
        """
        match = self._matching(query, aliases or [])
        if match is None:
            return []
        where, rank, params = match
        params = {**params, "n": limit, "o": offset, "ms": MARK_START, "me": MARK_END}
        if not snippets:
            passage = "''"
        elif self.dialect == "sqlite":
            passage = "snippet(articles_fts, 2, :ms, :me, '…', 24)"
        else:
            passage = (
                "ts_headline('english', left(text, 100000), matched.query, "
                "'StartSel=' || :ms || ', StopSel=' || :me || "
                "', MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=\" … \"')"
            )
        with self.session() as s:
            found = list(
                s.execute(
                    text(f"SELECT id, {passage} FROM {where} ORDER BY {rank} LIMIT :n OFFSET :o"),
                    params,
                )
            )
            ids = [r[0] for r in found]
            rows = {
                r.id: ArticleListing(**r._asdict())
                for r in s.execute(select(*_ARTICLE_LISTING).where(ArticleRow.id.in_(ids)))
            }
            return [
                SearchHit(rows[i], " ".join(str(p or "").split())) for i, p in found if i in rows
            ]


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
