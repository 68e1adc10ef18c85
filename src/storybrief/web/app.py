"""Story list, search, story and document pages, and a JSON API.

The interactive API pages FastAPI would serve (Swagger UI, ReDoc) load their
scripts from a CDN, which breaks "no network at run time"; the OpenAPI
document itself is at ``/openapi.json``.
"""

from __future__ import annotations

import json
from typing import Any

# FastAPI reads the route functions' annotations at run time: these names must
# be module globals (this module is imported only when serving: the web extra).
from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, PackageLoader, select_autoescape

from storybrief.store import Store


def create_app(store: Store) -> FastAPI:
    """The FastAPI application for one store."""
    app = FastAPI(
        title="storybrief",
        description="Stories, their briefs and their articles.",
        docs_url=None,
        redoc_url=None,
    )
    templates = Jinja2Templates(
        env=Environment(
            loader=PackageLoader("storybrief.web", "templates"),
            autoescape=select_autoescape(default=True, default_for_string=True),
        )
    )
    templates.env.filters["membership"] = describe_membership

    def story_or_404(story_id: int) -> Any:
        # Story ids are database integers: a larger number names no story.
        story = store.story(story_id) if 0 < story_id < 2**63 else None
        if story is None:
            raise HTTPException(status_code=404, detail=f"no story {story_id}")
        return story

    def article_or_404(article_id: str) -> Any:
        article = store.article(article_id)
        if article is None:
            raise HTTPException(status_code=404, detail=f"no article {article_id}")
        return article

    @app.get("/", response_class=HTMLResponse)
    def index(request: Request) -> Any:
        return templates.TemplateResponse(
            request, "index.html", {"stories": store.stories(), "counts": store.counts()}
        )

    @app.get("/search", response_class=HTMLResponse)
    def search(request: Request, q: str = Query("", max_length=200)) -> Any:
        return templates.TemplateResponse(
            request, "search.html", {"q": q, "results": store.search(q) if q.strip() else []}
        )

    @app.get("/stories/{story_id}", response_class=HTMLResponse)
    def story_page(request: Request, story_id: int) -> Any:
        story = story_or_404(story_id)
        return templates.TemplateResponse(
            request, "story.html", {"story": story, "members": store.members(story_id)}
        )

    @app.get("/stories/{story_id}/report", response_class=HTMLResponse)
    def story_report(story_id: int) -> Any:
        story = story_or_404(story_id)
        if not story.brief_html:
            raise HTTPException(status_code=404, detail="this story has no brief yet")
        return HTMLResponse(story.brief_html)

    @app.get("/articles/{article_id}", response_class=HTMLResponse)
    def article_page(request: Request, article_id: str) -> Any:
        return templates.TemplateResponse(
            request, "article.html", {"article": article_or_404(article_id)}
        )

    @app.get("/api/stories")
    def api_stories() -> list[dict[str, Any]]:
        return [
            {
                "id": s.id,
                "title": s.title,
                "sources": s.sources,
                "updated_at": s.updated_at.isoformat(),
                "briefed": s.brief_json is not None,
            }
            for s in store.stories()
        ]

    @app.get("/api/stories/{story_id}")
    def api_story(story_id: int) -> dict[str, Any]:
        story = story_or_404(story_id)
        return {
            "id": story.id,
            "title": story.title,
            "articles": [_article(m, text=False) for m in store.members(story_id)],
            "brief": json.loads(story.brief_json) if story.brief_json else None,
        }

    @app.get("/api/articles/{article_id}")
    def api_article(article_id: str) -> dict[str, Any]:
        return _article(article_or_404(article_id), text=True)

    @app.get("/api/search")
    def api_search(q: str = Query(..., min_length=1, max_length=200)) -> list[dict[str, Any]]:
        return [_article(a, text=False) for a in store.search(q)]

    return app


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
