"""The JSON rendering: ``Brief.to_dict()``, pretty-printed, UTF-8 kept readable."""

from __future__ import annotations

import json

from storybrief.model import Brief


def render_json(brief: Brief) -> str:
    return json.dumps(brief.to_dict(), ensure_ascii=False, indent=2) + "\n"
