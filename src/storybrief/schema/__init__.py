"""The published JSON Schema of the brief (``storybrief.brief/1``)."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

SCHEMA_FILE = "brief-1.schema.json"


def brief_schema() -> dict[str, Any]:
    """The JSON Schema every ``Brief.to_dict()`` validates against."""
    text = resources.files(__package__).joinpath(SCHEMA_FILE).read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data
