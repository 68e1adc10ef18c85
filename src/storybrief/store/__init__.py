"""The store: articles, stories, briefs and errors in SQLite (default) or PostgreSQL."""

from storybrief.store.db import Store, default_db_url, open_store

__all__ = ["Store", "default_db_url", "open_store"]
