"""Settings: packaged defaults, overlaid by environment variables, then by explicit values.

The digest of the effective settings is written into every brief, so two
briefs can be compared knowing whether they were made the same way.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from storybrief.errors import ConfigError

#: Environment variables read by :meth:`Settings.from_env`, and the field each sets.
ENV_VARS: Mapping[str, str] = {
    "STORYBRIEF_SPACY_MODEL": "model",
    "STORYBRIEF_MAX_BYTES": "max_bytes",
    "STORYBRIEF_WORDS": "words",
    "STORYBRIEF_FOCUS": "focus",
}

DEFAULT_MAX_BYTES = 5 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything that changes what a brief contains.

    Args:
        model: spaCy pipeline to load (package name or path); None picks the default.
        words: word budget of the summary.
        max_bytes: inputs larger than this are refused with reason ``too_large``.
        min_language_words: texts shorter than this are not language-checked, because
            language identification on a handful of words is unreliable.
        batch_size: documents per ``nlp.pipe`` batch.
        focus: a question or topic statement the summaries should answer first
            (``summarize.focused_weights``); None: no focus.
    """

    model: str | None = None
    words: int = 250
    max_bytes: int = DEFAULT_MAX_BYTES
    min_language_words: int = 12
    batch_size: int = 16
    focus: str | None = None

    def __post_init__(self) -> None:
        if self.words < 1:
            raise ConfigError(f"words must be at least 1, got {self.words}")
        if self.max_bytes < 1:
            raise ConfigError(f"max_bytes must be at least 1, got {self.max_bytes}")
        if self.batch_size < 1:
            raise ConfigError(f"batch_size must be at least 1, got {self.batch_size}")

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, **overrides: Any) -> Settings:
        """Defaults, then ``STORYBRIEF_*`` variables, then the non-None ``overrides``."""
        env = os.environ if env is None else env
        values: dict[str, Any] = {}
        for var, field in ENV_VARS.items():
            raw = env.get(var)
            if raw is None or raw == "":
                continue
            if field in ("model", "focus"):
                values[field] = raw
            else:
                try:
                    values[field] = int(raw)
                except ValueError:
                    raise ConfigError(f"{var} must be an integer, got {raw!r}") from None
        values.update({k: v for k, v in overrides.items() if v is not None})
        unknown = set(values) - {f.name for f in dataclasses.fields(cls)}
        if unknown:
            raise ConfigError(f"unknown settings: {', '.join(sorted(unknown))}")
        return cls(**values)

    def digest(self) -> str:
        """A short stable hash of the effective settings."""
        payload = json.dumps(dataclasses.asdict(self), sort_keys=True).encode()
        return hashlib.sha256(payload).hexdigest()[:16]
