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

import datetime as dt
import ipaddress
import json
from collections.abc import Iterable
from typing import Annotated, Any
from urllib.parse import urlencode

# FastAPI reads the route functions' annotations at run time: these names must
# be module globals (this module is imported only when serving: the web extra).
from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from storybrief.store import Store
from storybrief.store.db import StoryListing

#: Lists come in pages: ``?page=`` (from 1) and ``?limit=`` (up to ``MAX_PAGE_SIZE``).
PAGE_SIZE = 50
SEARCH_SIZE = 20
MAX_PAGE_SIZE = 200
Page = Annotated[int, Query(ge=1, le=1_000_000, description="Page number, from 1.")]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE, description="Items per page.")]

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

    @app.get("/", response_class=HTMLResponse)
    def index(request: Request, page: Page = 1, limit: Limit = PAGE_SIZE) -> Any:
        stories, total = store.story_list(offset=(page - 1) * limit, limit=limit)
        return templates.TemplateResponse(
            request,
            "index.html",
            {
                "stories": stories,
                "counts": store.counts(),
                "paging": paging("/", page, limit, total=total),
            },
        )

    @app.get("/search", response_class=HTMLResponse)
    def search(
        request: Request,
        q: str = Query("", max_length=200),
        page: Page = 1,
        limit: Limit = SEARCH_SIZE,
    ) -> Any:
        results = store.search(q, limit + 1, (page - 1) * limit) if q.strip() else []
        return templates.TemplateResponse(
            request,
            "search.html",
            {
                "q": q,
                "results": results[:limit],
                "paging": paging("/search", page, limit, more=len(results) > limit, q=q),
            },
        )

    @app.get("/stories/{story_id}", response_class=HTMLResponse)
    def story_page(
        request: Request, story_id: int, page: Page = 1, limit: Limit = PAGE_SIZE
    ) -> Any:
        story = story_or_404(story_id)
        members, total = store.member_list(story_id, offset=(page - 1) * limit, limit=limit)
        return templates.TemplateResponse(
            request,
            "story.html",
            {
                "story": story,
                "members": members,
                "paging": paging(f"/stories/{story_id}", page, limit, total=total),
            },
        )

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

    @app.get("/articles/{article_id}", response_class=HTMLResponse)
    def article_page(request: Request, article_id: str) -> Any:
        return templates.TemplateResponse(
            request, "article.html", {"article": article_or_404(article_id)}
        )

    @app.get("/api/stories")
    def api_stories(page: Page = 1, limit: Limit = PAGE_SIZE) -> dict[str, Any]:
        stories, total = store.story_list(offset=(page - 1) * limit, limit=limit)
        return {
            "stories": [
                {
                    "id": s.id,
                    "title": s.title,
                    "sources": s.sources,
                    "updated_at": s.updated_at.isoformat(),
                    "briefed": s.briefed,
                }
                for s in stories
            ],
            "paging": paging("/api/stories", page, limit, total=total),
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
        results = store.search(q, limit + 1, (page - 1) * limit)
        return {
            "results": [_article(a, text=False) for a in results[:limit]],
            "paging": paging("/api/search", page, limit, more=len(results) > limit, q=q),
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
            request, "failures.html", {"failures": [_failure(e) for e in store.errors()]}
        )

    @app.get("/api/failures")
    def api_failures() -> dict[str, Any]:
        return {"failures": [_failure(e) for e in store.errors()]}

    return app


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
    **params: str,
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
    }
    if text:
        data["text"] = row.text
    return data
