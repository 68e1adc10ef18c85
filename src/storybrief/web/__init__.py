"""The local web UI and JSON API over the store (FastAPI + Jinja2)."""

from storybrief.web.app import create_app

__all__ = ["create_app"]
