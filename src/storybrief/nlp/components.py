"""spaCy components of storybrief."""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc


@Language.component(
    "storybrief_paragraphs",
    assigns=["token.is_sent_start"],
)
def mark_paragraph_starts(doc: Doc) -> Doc:
    """A token after a line break starts a sentence.

    Cleaned articles separate paragraphs (and headlines, captions) by newlines;
    the statistical parser sometimes runs a headline into the lead sentence.
    The parser keeps boundaries that are already set.
    """
    for token in doc[1:]:
        previous: Any = doc[token.i - 1]
        if "\n" in previous.text or "\n" in previous.whitespace_:
            token.is_sent_start = True
    return doc
