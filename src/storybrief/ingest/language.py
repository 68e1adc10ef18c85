"""Language identification with py3langid (its model ships inside the package)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

# A text is refused as not English only when the identifier is at least this
# sure; mixed or very short texts score lower and are given the benefit of doubt.
# Judgement call, not measured.
MIN_CONFIDENCE = 0.9
# The identifier, and the checks of the script around it, read this many
# characters of a text (a judgement call bounding the time on long inputs).
LANGUAGE_SAMPLE_CHARS = 20_000


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_modelpath(MODEL_DIR / MODEL_FILE, norm_probs=True)


def identify_language(text: str) -> tuple[str, float]:
    """The ISO 639-1 code of ``text``'s language and the identifier's confidence (0-1)."""
    lang, confidence = _identifier().classify(text[:LANGUAGE_SAMPLE_CHARS])
    return str(lang), float(confidence)
