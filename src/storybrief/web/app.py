"""Story list, search, story and document pages, and a JSON API.

The interactive API pages FastAPI would serve (Swagger UI, ReDoc) load their
scripts from a CDN, which breaks "no network at run time"; the OpenAPI
document itself is at ``/openapi.json``.

The server answers only requests that name it: a ``Host`` header that is not a
loopback name, the bound address or a name it was told to serve is refused
with 400, so a page whose DNS name is rebound to this machine's address
cannot read the store. Every response carries the content security policy as a
header (``frame-ancestors 'none'``: no other site frames the pages) and
``X-Content-Type-Options: nosniff``.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import ipaddress
import json
import re
from collections.abc import Iterable
from typing import Annotated, Any, Literal
from urllib.parse import urlencode
from xml.etree import ElementTree as ET

# FastAPI reads the route functions' annotations at run time: these names must
# be module globals (this module is imported only when serving: the web extra).
from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from storybrief.store import Store
from storybrief.store.db import MARK_END, MARK_START, StoryListing

#: Lists come in pages: ``?page=`` (from 1) and ``?limit=`` (up to ``MAX_PAGE_SIZE``).
PAGE_SIZE = 50
SEARCH_SIZE = 20
MAX_PAGE_SIZE = 200
Page = Annotated[int, Query(ge=1, le=1_000_000, description="Page number, from 1.")]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE, description="Items per page.")]

#: How the story list is ordered (``?sort=``).
Sort = Literal["updated", "sources", "published", "title"]

#: The cookie that remembers, per browser and per story, the newest article seen.
SEEN_COOKIE = "storybrief_seen"
#: How many stories it remembers (the most recently visited; a cookie holds 4 kB).
SEEN_STORIES = 150
#: How many update briefs a server keeps made (each costs a parse of its articles).
UPDATE_CACHE = 16
#: A story page's update reads at most this many new articles (the latest stored) over
#: this many read ones (the latest read before them: the update method was calibrated
#: with twelve), so a return to a large story costs the parse of a few dozen articles.
UPDATE_NEW, UPDATE_READ = 30, 12

#: The names a browser on this machine uses for it.
LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1")
#: The pages' policy: no script at all, nothing from elsewhere (also in each page's
#: ``<meta>``, so a saved page keeps it; a ``<meta>`` cannot say who may frame it).
META_POLICY = (
    "default-src 'self'; style-src 'unsafe-inline'; script-src 'none'; frame-src 'self'; "
    "object-src 'none'; base-uri 'none'; form-action 'self'"
)
#: The header: the same, and framed by no one.
PAGE_POLICY = META_POLICY + "; frame-ancestors 'none'"
#: A story's report is framed by its story's page; its own ``<meta>`` policy (which
#: allows its one script by hash) governs the rest.
REPORT_POLICY = "object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'"


def is_loopback(host: str) -> bool:
    """Whether binding to ``host`` keeps the server reachable from this machine only."""
    name = host.strip("[]").rstrip(".").lower()
    if name == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def served_hosts(host: str, allowed: Iterable[str] = ()) -> list[str]:
    """The ``Host`` names a server bound to ``host`` answers: loopback, ``host``, ``allowed``.

    A wildcard address (``0.0.0.0``, ``::``) is no name a client sends: the names
    clients use must be given in ``allowed``.
    """
    names = [*LOOPBACK_NAMES, *allowed]
    if host not in ("", "0.0.0.0", "::"):
        names.append(host)
    return names


def _host_name(header: str) -> str:
    """The name in a ``Host`` header: no port, no IPv6 brackets, no trailing dot, lower case."""
    header = header.strip().lower()
    if header.startswith("["):
        name = header[1:].split("]", 1)[0]
    else:
        name = header.rsplit(":", 1)[0] if header.count(":") == 1 else header
    return name.rstrip(".")


class SecurityMiddleware:
    """Refuses requests for a host the server does not serve; adds the security headers.

    Args:
        app: the application it guards.
        allowed_hosts: the names (or addresses) it answers besides the loopback names.
    """

    def __init__(self, app: ASGIApp, allowed_hosts: Iterable[str] = ()) -> None:
        self.app = app
        self.allowed = {_host_name(h) for h in (*LOOPBACK_NAMES, *allowed_hosts)}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                for name, value in (
                    (b"content-security-policy", PAGE_POLICY.encode()),
                    (b"x-content-type-options", b"nosniff"),
                    (b"x-frame-options", b"DENY"),
                    (b"referrer-policy", b"same-origin"),
                ):
                    if name not in present:
                        headers.append((name, value))
                message = {**message, "headers": headers}
            await send(message)

        host = next((v.decode("latin-1") for k, v in scope["headers"] if k == b"host"), "")
        if _host_name(host) not in self.allowed:
            body = b"storybrief: this server does not serve that host name\n"
            await send_with_headers(
                {
                    "type": "http.response.start",
                    "status": 400,
                    "headers": [(b"content-type", b"text/plain; charset=utf-8")],
                }
            )
            await send_with_headers({"type": "http.response.body", "body": body})
            return
        await self.app(scope, receive, send_with_headers)


def create_app(store: Store, *, allowed_hosts: Iterable[str] = ()) -> FastAPI:
    """The FastAPI application for one store.

    Args:
        store: the store it serves (it only reads).
        allowed_hosts: the ``Host`` names it answers besides the loopback names
            (``served_hosts`` gives them for a bound address); any other is a 400.
    """
    app = FastAPI(
        title="storybrief",
        description="Stories, their briefs and their articles.",
        docs_url=None,
        redoc_url=None,
    )
    app.add_middleware(SecurityMiddleware, allowed_hosts=tuple(allowed_hosts))
    templates = Jinja2Templates(
        env=Environment(
            loader=PackageLoader("storybrief.web", "templates"),
            autoescape=select_autoescape(default=True, default_for_string=True),
        )
    )
    templates.env.filters["membership"] = describe_membership
    templates.env.filters["highlight"] = highlight
    templates.env.globals["page_policy"] = META_POLICY

    def story_or_404(story_id: int) -> StoryListing:
        # Story ids are database integers: a larger number names no story.
        story = store.story_listing(story_id) if 0 < story_id < 2**63 else None
        if story is None:
            raise HTTPException(status_code=404, detail=f"no story {story_id}")
        return story

    def article_or_404(article_id: str) -> Any:
        article = store.article(article_id)
        if article is None:
            raise HTTPException(status_code=404, detail=f"no article {article_id}")
        return article

    updates: dict[tuple[int, str, str], dict[str, Any] | None] = {}

    def update_since(
        story: Any, new: list[Any], old: list[Any], mark: str
    ) -> dict[str, Any] | None:
        """The update brief of ``new`` over ``old`` (made once per story, mark and brief)."""
        key = (story.id, mark, str(story.brief_at))
        if key not in updates:
            from storybrief.config import Settings
            from storybrief.service import brief
            from storybrief.stories.collect import member_records

            result = brief(
                member_records(new), since=member_records(old), settings=Settings.from_env()
            )
            while len(updates) >= UPDATE_CACHE:
                updates.pop(next(iter(updates)))
            updates[key] = result.update.to_dict() if result.update else None
        return updates[key]

    @app.get("/", response_class=HTMLResponse)
    def index(
        request: Request, page: Page = 1, limit: Limit = PAGE_SIZE, sort: Sort = "updated"
    ) -> Any:
        cards, total = store.story_cards(
            offset=(page - 1) * limit, limit=limit, order=sort, seen=read_seen(request)
        )
        return templates.TemplateResponse(
            request,
            "index.html",
            {
                "cards": cards,
                "sort": sort,
                "sorts": SORTS,
                "counts": store.counts(),
                "paging": paging("/", page, limit, total=total, **_sorted(sort)),
                "json_twin": "/api/stories?"
                + urlencode({**_sorted(sort), "page": page, "limit": limit}),
                "feed": "/feed.atom",
            },
        )

    def search_results(q: str, page: int, limit: int) -> dict[str, Any]:
        aliases = store.aliases(q) if q.strip() else []
        total = store.search_total(q, aliases=aliases) if q.strip() else 0
        hits = store.search_hits(q, limit, (page - 1) * limit, aliases=aliases) if total else []
        return {
            "q": q,
            "aliases": aliases,
            "total": total,
            "hits": hits,
            "paging": paging("/search", page, limit, total=total, q=q),
        }

    @app.get("/search", response_class=HTMLResponse)
    def search(
        request: Request,
        q: str = Query("", max_length=200),
        page: Page = 1,
        limit: Limit = SEARCH_SIZE,
    ) -> Any:
        found = search_results(q, page, limit)
        twin = f"/api/search?{urlencode({'q': q, 'page': page, 'limit': limit})}"
        return templates.TemplateResponse(
            request, "search.html", {**found, "json_twin": twin if q.strip() else None}
        )

    @app.get("/stories/{story_id}", response_class=HTMLResponse)
    def story_page(
        request: Request, story_id: int, page: Page = 1, limit: Limit = PAGE_SIZE
    ) -> Any:
        listing = story_or_404(story_id)
        story = store.story(story_id)
        members = store.members_listed(story_id)
        seen = read_seen(request)
        mark = seen.get(story_id)
        documents = _brief_documents(story.brief_json if story else None)
        number = {d["id"]: d["number"] for d in documents}
        new_ids = (
            {m.id for m in members if m.ingested_at and _utc(m.ingested_at) > mark}
            if mark
            else set()
        )
        rows = sorted(
            members, key=lambda m: (number.get(m.id, len(number) + 1), m.published or "", m.id)
        )
        update = None
        if mark and new_ids and listing.briefed:
            everything = store.members(story_id)
            update = update_since(
                story,
                _latest([m for m in everything if m.id in new_ids], UPDATE_NEW),
                _latest([m for m in everything if m.id not in new_ids], UPDATE_READ),
                _mark_text(mark),
            )
        report = extract_report(story.brief_html if story else None)
        start = (page - 1) * limit
        newest = max((_utc(m.ingested_at) for m in members if m.ingested_at), default=None)
        response = templates.TemplateResponse(
            request,
            "story.html",
            {
                "story": listing,
                "rows": rows[start : start + limit],
                "new_rows": [m for m in rows if m.id in new_ids],
                "number": number,
                "dated": {d["id"]: d for d in documents},
                "new_ids": new_ids,
                "mark": mark,
                "update": update,
                "update_new": min(len(new_ids), UPDATE_NEW),
                "report": report,
                "paging": paging(f"/stories/{story_id}", page, limit, total=len(rows)),
                "json_twin": f"/api/stories/{story_id}",
                "feed": f"/stories/{story_id}/feed.atom",
                "page_policy": report.policy if report else META_POLICY,
                "tables": sorted(store.story_tables(story_id) or ()),
            },
        )
        if report and report.script_hash:
            response.headers["content-security-policy"] = report.policy + "; frame-ancestors 'none'"
        if newest is not None:
            seen.pop(story_id, None)
            seen[story_id] = newest
            response.set_cookie(
                SEEN_COOKIE,
                write_seen(seen),
                max_age=400 * 24 * 3600,
                httponly=True,
                samesite="lax",
            )
        return response

    @app.get("/stories/{story_id}/report", response_class=HTMLResponse)
    def story_report(story_id: int) -> Any:
        story = store.story(story_id) if 0 < story_id < 2**63 else None
        if story is None:
            raise HTTPException(status_code=404, detail=f"no story {story_id}")
        if not story.brief_html:
            raise HTTPException(status_code=404, detail="this story has no brief yet")
        return HTMLResponse(
            story.brief_html,
            headers={"content-security-policy": REPORT_POLICY, "x-frame-options": "SAMEORIGIN"},
        )

    def tables_or_404(story_id: int) -> dict[str, str]:
        story_or_404(story_id)
        tables = store.story_tables(story_id)
        if tables is None:
            raise HTTPException(status_code=404, detail="this story has no tables yet")
        return tables

    @app.get("/stories/{story_id}/tables.zip")
    def story_tables_zip(story_id: int) -> Response:
        """The brief's entities, quotes, claims and timeline as CSV files in one zip."""
        import io
        import zipfile

        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, table in sorted(tables_or_404(story_id).items()):
                archive.writestr(name, table)
        return Response(
            buffer.getvalue(),
            media_type="application/zip",
            headers={"content-disposition": f'attachment; filename="story-{story_id}.zip"'},
        )

    @app.get("/stories/{story_id}/tables/{name}")
    def story_table(story_id: int, name: str) -> Response:
        """One section of the brief as CSV (``entities.csv``, ``quotes.csv``, ...)."""
        tables = tables_or_404(story_id)
        if name not in tables:
            raise HTTPException(status_code=404, detail=f"no table {name}")
        return Response(
            tables[name],
            media_type="text/csv; charset=utf-8",
            headers={"content-disposition": f'attachment; filename="story-{story_id}-{name}"'},
        )

    @app.get("/stories/{story_id}/feed.atom")
    def story_feed(request: Request, story_id: int) -> Response:
        story = story_or_404(story_id)
        members = sorted(
            store.members_listed(story_id),
            key=lambda m: (_utc(m.ingested_at) if m.ingested_at else _EPOCH, m.id),
            reverse=True,
        )[:PAGE_SIZE]
        base = str(request.base_url).rstrip("/")
        entries = [
            {
                "id": f"{base}/articles/{m.id}",
                "title": m.title or m.source,
                "link": f"{base}/articles/{m.id}",
                "updated": _utc(m.ingested_at) if m.ingested_at else _EPOCH,
                "summary": " · ".join(x for x in (m.outlet, m.published) if x),
            }
            for m in members
        ]
        feed = atom_feed(
            f"{base}/stories/{story.id}",
            story.title,
            f"{base}/stories/{story.id}/feed.atom",
            f"{base}/stories/{story.id}",
            entries,
            subtitle=story.lead,
        )
        return Response(feed, media_type="application/atom+xml")

    @app.get("/feed.atom")
    def home_feed(request: Request) -> Response:
        cards, _ = store.story_cards(limit=PAGE_SIZE)
        base = str(request.base_url).rstrip("/")
        entries = [
            {
                "id": f"{base}/stories/{c.story.id}",
                "title": c.story.title,
                "link": f"{base}/stories/{c.story.id}",
                "updated": c.newest or _utc(c.story.updated_at),
                "summary": c.story.lead
                or f"{c.story.sources} article{'' if c.story.sources == 1 else 's'}",
            }
            for c in cards
        ]
        feed = atom_feed(
            f"{base}/", "storybrief: stories", f"{base}/feed.atom", f"{base}/", entries
        )
        return Response(feed, media_type="application/atom+xml")

    @app.get("/articles/{article_id}", response_class=HTMLResponse)
    def article_page(
        request: Request,
        article_id: str,
        start: Annotated[int | None, Query(ge=0)] = None,
        end: Annotated[int | None, Query(ge=0)] = None,
    ) -> Any:
        article = article_or_404(article_id)
        text = article.text
        parts = None
        if start is not None and end is not None and start < end <= len(text):
            parts = (text[:start], text[start:end], text[end:])
        return templates.TemplateResponse(
            request,
            "article.html",
            {"article": article, "parts": parts, "json_twin": f"/api/articles/{article_id}"},
        )

    @app.get("/api/stories")
    def api_stories(
        request: Request, page: Page = 1, limit: Limit = PAGE_SIZE, sort: Sort = "updated"
    ) -> dict[str, Any]:
        cards, total = store.story_cards(
            offset=(page - 1) * limit, limit=limit, order=sort, seen=read_seen(request)
        )
        return {
            "stories": [
                {
                    "id": c.story.id,
                    "title": c.story.title,
                    "sources": c.story.sources,
                    "outlets": [{"outlet": o, "articles": n} for o, n in c.outlets],
                    "first_published": c.first,
                    "last_published": c.last,
                    "lead": c.story.lead,
                    "new_since_last_visit": c.new,
                    "updated_at": c.story.updated_at.isoformat(),
                    "briefed": c.story.briefed,
                }
                for c in cards
            ],
            "paging": paging("/api/stories", page, limit, total=total, **_sorted(sort)),
        }

    @app.get("/api/stories/{story_id}")
    def api_story(story_id: int, page: Page = 1, limit: Limit = PAGE_SIZE) -> dict[str, Any]:
        story = store.story(story_id) if 0 < story_id < 2**63 else None
        if story is None:
            raise HTTPException(status_code=404, detail=f"no story {story_id}")
        members, total = store.member_list(story_id, offset=(page - 1) * limit, limit=limit)
        return {
            "id": story.id,
            "title": story.title,
            "articles": [_article(m, text=False) for m in members],
            "brief": json.loads(story.brief_json) if story.brief_json else None,
            "paging": paging(f"/api/stories/{story_id}", page, limit, total=total),
        }

    @app.get("/api/articles/{article_id}")
    def api_article(article_id: str) -> dict[str, Any]:
        return _article(article_or_404(article_id), text=True)

    @app.get("/api/search")
    def api_search(
        q: str = Query(..., min_length=1, max_length=200),
        page: Page = 1,
        limit: Limit = SEARCH_SIZE,
    ) -> dict[str, Any]:
        found = search_results(q, page, limit)
        return {
            "total": found["total"],
            "aliases": found["aliases"],
            "results": [
                {
                    **_article(hit.article, text=False),
                    "snippet": hit.snippet.replace(MARK_START, "").replace(MARK_END, ""),
                    "matches": _marked(hit.snippet),
                }
                for hit in found["hits"]
            ],
            "paging": paging("/api/search", page, limit, total=found["total"], q=q),
        }

    @app.get("/api/stories/{story_id}/update")
    def api_update(
        story_id: int,
        since: str = Query(
            ..., pattern=r"^\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+)?(?:Z|[+-]\d{2}:?\d{2})?$"
        ),
    ) -> dict[str, Any]:
        """What a story's articles that arrived at or after ``since`` add to the
        ones before (``storybrief.brief(new, since=old)``; ``Brief.update``)."""
        story = story_or_404(story_id)
        try:
            cut = dt.datetime.fromisoformat(since.replace("Z", "+00:00"))
        except ValueError as exc:
            raise HTTPException(status_code=400, detail=f"not a date: {since}") from exc
        if cut.tzinfo is None:
            cut = cut.replace(tzinfo=dt.timezone.utc)
        members = store.members(story.id)

        def arrived(m: Any) -> dt.datetime:
            at: dt.datetime = m.ingested_at
            return at if at.tzinfo else at.replace(tzinfo=dt.timezone.utc)

        new = [m for m in members if arrived(m) >= cut]
        old = [m for m in members if arrived(m) < cut]
        out: dict[str, Any] = {"story": story.id, "since": since, "new": len(new), "read": len(old)}
        if not new:
            return {**out, "update": None}
        from storybrief.config import Settings
        from storybrief.service import brief
        from storybrief.stories.collect import member_records

        result = brief(member_records(new), since=member_records(old), settings=Settings.from_env())
        update = result.update.to_dict() if result.update else None
        sources = {d.id: d.article.source for d in result.documents}
        return {**out, "update": update, "sources": sources}

    @app.get("/failures", response_class=HTMLResponse)
    def failures_page(request: Request) -> Any:
        return templates.TemplateResponse(
            request,
            "failures.html",
            {"failures": [_failure(e) for e in store.errors()], "json_twin": "/api/failures"},
        )

    @app.get("/api/failures")
    def api_failures() -> dict[str, Any]:
        return {"failures": [_failure(e) for e in store.errors()]}

    return app


SORTS = {
    "updated": "recently updated",
    "sources": "most sources",
    "published": "latest news",
    "title": "title",
}


def _sorted(sort: str) -> dict[str, Any]:
    """The ``sort`` parameter of a list's links (none for the default order)."""
    return {} if sort == "updated" else {"sort": sort}


_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)


def _utc(value: dt.datetime) -> dt.datetime:
    """A stored time in UTC (SQLite gives it back without its zone)."""
    return value if value.tzinfo else value.replace(tzinfo=dt.timezone.utc)


def _latest(rows: list[Any], n: int) -> list[Any]:
    """The ``n`` articles stored last, in their stored order (oldest first)."""
    if len(rows) <= n:
        return rows
    keep = {m.id for m in sorted(rows, key=lambda m: (_utc(m.ingested_at), m.id))[-n:]}
    return [m for m in rows if m.id in keep]


def _mark_text(value: dt.datetime) -> str:
    return _utc(value).isoformat(timespec="microseconds")


def read_seen(request: Request) -> dict[int, dt.datetime]:
    """What this browser has seen: story id -> when the newest article it saw was stored.

    The cookie is ``id:microseconds`` pairs (base 36) joined by dots, the story
    visited last at the end; anything that does not read as that is ignored.
    """
    seen: dict[int, dt.datetime] = {}
    for item in request.cookies.get(SEEN_COOKIE, "").split(".")[-SEEN_STORIES:]:
        story, _, micros = item.partition(":")
        if not (re.fullmatch(r"\d{1,18}", story) and re.fullmatch(r"[0-9a-z]{1,13}", micros)):
            continue
        try:
            seen[int(story)] = _EPOCH + dt.timedelta(microseconds=int(micros, 36))
        except OverflowError:
            continue
    return seen


def write_seen(seen: dict[int, dt.datetime]) -> str:
    """The cookie's value for ``seen`` (its last ``SEEN_STORIES`` stories, in order)."""

    def base36(n: int) -> str:
        digits = "0123456789abcdefghijklmnopqrstuvwxyz"
        out = ""
        while True:
            n, r = divmod(n, 36)
            out = digits[r] + out
            if not n:
                return out

    items = list(seen.items())[-SEEN_STORIES:]
    return ".".join(
        f"{story}:{base36((_utc(at) - _EPOCH) // dt.timedelta(microseconds=1))}"
        for story, at in items
    )


def _brief_documents(brief_json: str | None) -> list[dict[str, Any]]:
    """The brief's documents as the story page lists them: number, id, date and its kind."""
    if not brief_json:
        return []
    try:
        documents = json.loads(brief_json).get("documents") or []
    except (ValueError, AttributeError):
        return []
    found = []
    for n, d in enumerate(documents, 1):
        published = d.get("published") if isinstance(d, dict) else None
        found.append(
            {
                "number": n,
                "id": d.get("id") if isinstance(d, dict) else None,
                "published": (published or {}).get("value"),
                "estimated": bool((published or {}).get("estimated")),
            }
        )
    return found


class ReportParts:
    """A stored report cut for the story page: its styles, its body and its one script."""

    def __init__(self, style: str, body: str, script: str) -> None:
        self.style = Markup(style)
        self.body = Markup(body)
        # The page puts what is new for its reader right after the report's header.
        cut = body.find("</header>")
        cut = 0 if cut < 0 else cut + len("</header>")
        self.head, self.rest = Markup(body[:cut]), Markup(body[cut:])
        self.script = Markup(script)
        digest = hashlib.sha256(script.encode("utf-8")).digest() if script else b""
        self.script_hash = "sha256-" + base64.b64encode(digest).decode("ascii") if script else ""
        allowed = f"'{self.script_hash}'" if script else "'none'"
        self.policy = META_POLICY.replace("script-src 'none'", f"script-src {allowed}").replace(
            "default-src 'self'", "default-src 'self'; img-src 'self' data:"
        )


def extract_report(html: str | None) -> ReportParts | None:
    """The parts of a stored report (``storybrief.render``) the story page shows inline.

    The report is the store's own rendering (article text in it is escaped text);
    its styles and body go into the page, and its one script is allowed by hash.
    """
    if not html:
        return None
    body = re.search(r"<body[^>]*>(.*)</body>", html, re.S)
    if body is None:
        return None
    inner = body.group(1)
    scripts = re.findall(r"<script>(.*?)</script>", inner, re.S)
    inner = re.sub(r"<script>.*?</script>", "", inner, flags=re.S)
    head = html[: body.start()]
    style = "".join(re.findall(r"<style>.*?</style>", head, re.S))
    return ReportParts(style, inner, scripts[-1] if scripts else "")


def _marked(snippet: str) -> list[str]:
    """The words a snippet marks as matched."""
    return re.findall(f"{MARK_START}(.*?){MARK_END}", snippet, re.S)


def highlight(snippet: str) -> Markup:
    """A snippet as HTML: its text escaped, its matched words in ``<mark>``."""
    return Markup(str(escape(snippet)).replace(MARK_START, "<mark>").replace(MARK_END, "</mark>"))


def atom_feed(
    feed_id: str,
    title: str,
    self_link: str,
    alternate: str,
    entries: list[dict[str, Any]],
    *,
    subtitle: str | None = None,
) -> bytes:
    """An Atom 1.0 document (RFC 4287): its entries newest first."""
    ns = "http://www.w3.org/2005/Atom"
    root = ET.Element("feed", xmlns=ns)
    ET.SubElement(root, "id").text = feed_id
    ET.SubElement(root, "title").text = title
    if subtitle:
        ET.SubElement(root, "subtitle").text = subtitle
    ET.SubElement(root, "link", rel="self", href=self_link, type="application/atom+xml")
    ET.SubElement(root, "link", rel="alternate", href=alternate, type="text/html")
    updated = max((e["updated"] for e in entries), default=_EPOCH)
    ET.SubElement(root, "updated").text = updated.isoformat(timespec="seconds")
    author = ET.SubElement(root, "author")
    ET.SubElement(author, "name").text = "storybrief"
    ET.SubElement(root, "generator").text = "storybrief"
    for e in entries:
        entry = ET.SubElement(root, "entry")
        ET.SubElement(entry, "id").text = e["id"]
        ET.SubElement(entry, "title").text = _xml_text(e["title"])
        ET.SubElement(entry, "link", rel="alternate", href=e["link"], type="text/html")
        ET.SubElement(entry, "updated").text = e["updated"].isoformat(timespec="seconds")
        if e.get("summary"):
            ET.SubElement(entry, "summary").text = _xml_text(e["summary"])
    return bytes(ET.tostring(root, encoding="utf-8", xml_declaration=True))


def _xml_text(text: str) -> str:
    """Text XML can carry (no control characters but tab and newlines)."""
    return re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]", "", text)


def _failure(row: Any) -> dict[str, Any]:
    """An input that could not be ingested: where it came from, why, and when."""
    return {
        "source": row.source,
        "reason": row.reason,
        "message": row.message,
        "at": row.at.isoformat(timespec="seconds") if row.at else None,
    }


def paging(
    path: str,
    page: int,
    limit: int,
    *,
    total: int | None = None,
    more: bool = False,
    **params: Any,
) -> dict[str, Any]:
    """Where a page of a list stands, with the links to its neighbours.

    Args:
        path: the list's path; ``params`` are its other query parameters.
        page: this page, from 1.
        limit: items per page.
        total: how many items the list has, when it is counted; else ``more``
            says whether a next page exists.
    """

    def link(number: int) -> str:
        return f"{path}?{urlencode({**params, 'page': number, 'limit': limit})}"

    found: dict[str, Any] = {"page": page, "limit": limit}
    if total is not None:
        pages = -(-total // limit)
        found.update(total=total, pages=pages)
        more = page < pages
    found["previous"] = link(page - 1) if page > 1 else None
    found["next"] = link(page + 1) if more else None
    return found


def describe_membership(raw: str | None) -> str:
    """Why an article is in its story, in words (the store keeps it as JSON)."""
    if not raw:
        return ""
    try:
        why = json.loads(raw)
    except ValueError:
        return ""
    if not isinstance(why, dict):
        return ""
    if why.get("joined"):
        similarity = why.get("similarity", why.get("average_similarity", why.get("score")))
        parts = [f"joined: similarity {similarity}"]
        if why.get("shared_names"):
            parts.append("shared names: " + ", ".join(map(str, why["shared_names"])))
        return "; ".join(parts)
    if (why.get("group") or 1) > 1:
        return f"grouped with {why['group'] - 1} other(s), similarity {why.get('group_similarity')}"
    closest = why.get("best_score", why.get("best_similarity"))
    return "started the story" + (f" (closest other story: {closest})" if closest else "")


def _article(row: Any, *, text: bool) -> dict[str, Any]:
    data = {
        "id": row.id,
        "title": row.title,
        "outlet": row.outlet,
        "byline": row.byline,
        "published": row.published,
        "url": row.url,
        "source": row.source,
        "story_id": row.story_id,
        # A near-duplicate, or an old version of an article updated at its URL.
        "duplicate_of": row.duplicate_of,
        "membership": json.loads(row.membership) if row.membership else None,
        "ingested_at": _utc(row.ingested_at).isoformat() if row.ingested_at else None,
    }
    if text:
        data["text"] = row.text
    return data
