"""Finishing one raw article: clean it, check it is English prose, merge its metadata, give it
its id."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import replace

from storybrief.config import Settings
from storybrief.ingest.clean import clean_text
from storybrief.ingest.formats import RawArticle
from storybrief.ingest.language import LANGUAGE_SAMPLE_CHARS, MIN_CONFIDENCE, identify_language
from storybrief.model import (
    Article,
    DateRef,
    Evidence,
    FailureReason,
    IngestFailure,
    Metadata,
    Stated,
)
from storybrief.text import (
    clean_field,
    clean_label,
    no_surrogates,
    normalize_newlines,
    squash,
    words,
)

#: A text with no word this short or shorter is not prose ("aaaa…" for two megabytes).
#: Judgement call: English words stay well under 40 letters.
MAX_WORD_CHARS = 40
#: Publication years before this are taken as mistakes, as are years after next year.
#: Judgement call against placeholder dates (year 1, 0000-00-00), not measured.
EARLIEST_YEAR = 1800
#: A text whose letters are at least this share unspaced-script characters is
#: not English however short (a judgement call).
UNSPACED_SHARE = 0.5

# Scripts written without spaces between words: each character counts as a word.
_UNSPACED = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\u0e00-\u0e7f]")


def _language_units(text: str) -> int:
    """How many words the text has, for deciding whether its language can be told."""
    return len(words(text)) + len(_UNSPACED.findall(text[:LANGUAGE_SAMPLE_CHARS]))


def _plausible(date: DateRef | None) -> DateRef | None:
    """A stated publication date, unless no news article can bear it (year 9999, year 1)."""
    if date is None:
        return None
    latest = dt.date.today().year + 1
    return date if EARLIEST_YEAR <= date.value.year <= latest else None


def _clean_evidence(evidence: Evidence) -> Evidence:
    # Offsets index a text that was cleaned already; only what has none is rewritten.
    if evidence.start is not None:
        return evidence
    return replace(evidence, text=clean_field(evidence.text))


def _clean_stated(stated: Stated | None) -> Stated | None:
    if stated is None:
        return None
    value = clean_field(stated.value)
    return Stated(value, _clean_evidence(stated.evidence)) if value else None


def clean_metadata(given: Metadata) -> Metadata:
    """What an input's structure states, made safe like texts are (see ``text.clean_field``).

    Record fields, HTML and feed values can hold lone surrogates, control characters and
    values of any length; a value that is empty once cleaned counts as unstated.
    """
    published = given.published
    if published is not None and published.evidence is not None:
        published = replace(published, evidence=_clean_evidence(published.evidence))
    url = clean_field(given.url) if given.url else None
    return Metadata(
        title=_clean_stated(given.title),
        outlet=_clean_stated(given.outlet),
        byline=_clean_stated(given.byline),
        dateline=_clean_stated(given.dateline),
        published=published,
        url=url or None,
    )


def merge_metadata(given: Metadata, found: Metadata) -> Metadata:
    """The article's metadata from what its input ``given`` states and what cleaning ``found``.

    The title cleaning found wins (it is the headline as the text shows it); the
    input's own outlet, byline, publication date and URL win over header lines; the
    dateline is only ever found in the text. A date no article can bear counts as unstated.
    """
    return Metadata(
        title=found.title if found.title is not None else given.title,
        outlet=given.outlet or found.outlet,
        byline=given.byline or found.byline,
        dateline=found.dateline,
        published=_plausible(given.published) or _plausible(found.published),
        url=given.url or found.url,
    )


def finish_article(raw: RawArticle, settings: Settings) -> Article | IngestFailure:
    """Clean one raw article, check its language, and give it its id."""
    raw = replace(raw, source=clean_label(raw.source), metadata=clean_metadata(raw.metadata))
    if len(raw.text) > settings.max_bytes:  # a record handed over in memory (chars <= bytes)
        return IngestFailure(
            raw.source,
            FailureReason.TOO_LARGE,
            f"the text has {len(raw.text):,} characters, over the {settings.max_bytes:,}-byte "
            "limit (raise it with --max-bytes or STORYBRIEF_MAX_BYTES)",
        )
    text = normalize_newlines(no_surrogates(raw.text))
    if not text.strip():
        return IngestFailure(raw.source, FailureReason.EMPTY, "the article text is empty")
    cleaned = clean_text(text, known_title=raw.title.value if raw.title else None)
    if not cleaned.text.strip():
        return IngestFailure(
            raw.source, FailureReason.NO_TEXT, "nothing is left once headers and debris are removed"
        )
    if not any(len(w) <= MAX_WORD_CHARS for w in words(cleaned.text)) and not _UNSPACED.search(
        cleaned.text[:LANGUAGE_SAMPLE_CHARS]
    ):
        return IngestFailure(
            raw.source,
            FailureReason.NO_TEXT,
            f"no words: {len(cleaned.text):,} characters without a word of "
            f"{MAX_WORD_CHARS} letters or fewer",
        )
    lang: str | None = None
    if _language_units(cleaned.text) >= settings.min_language_words:
        lang, confidence = identify_language(cleaned.text)
        sample = cleaned.text[:LANGUAGE_SAMPLE_CHARS]
        letters = sum(ch.isalpha() for ch in sample)
        # Mostly in a script English is not written in: not English, however short.
        unspaced = len(_UNSPACED.findall(sample)) >= UNSPACED_SHARE * max(letters, 1)
        if lang != "en" and (confidence >= MIN_CONFIDENCE or unspaced):
            return IngestFailure(
                raw.source,
                FailureReason.NOT_ENGLISH,
                f"the text is in '{lang}' (confidence {confidence:.2f}); storybrief reads English",
            )
    normalized = squash(cleaned.text)
    content_hash = hashlib.sha256(normalized.encode()).hexdigest()[:16]
    stated = merge_metadata(raw.metadata, cleaned.metadata)
    # The text is part of the id: one URL can serve an article and, later, its update.
    id_basis = f"{stated.url}\n{normalized}" if stated.url else normalized
    return Article(
        id=hashlib.sha256(id_basis.encode()).hexdigest()[:12],
        source=raw.source,
        text=cleaned.text,
        content_hash=content_hash,
        metadata=stated,
        lang=lang,
        encoding=raw.encoding,
        removed=cleaned.removed,
        captions=cleaned.captions,
    )
