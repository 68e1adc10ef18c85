"""The one exception tree of storybrief.

    StorybriefError
    ├── ConfigError          bad settings or options (a user error)
    ├── InputError           nothing usable in what the user gave (a user error)
    ├── IngestError          one input could not be read; carries a FailureReason
    ├── StorageError         the store cannot be opened or written (a user error: check --db)
    └── MissingDependency    (also an ImportError) an optional package or model is absent

Per-document problems are not raised to the caller: ingestion turns an
``IngestError`` into an ``IngestFailure`` record in the brief's ``errors``, so
one broken file never stops the others. Messages say what to do next.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from storybrief.model import FailureReason, IngestFailure


class StorybriefError(Exception):
    """Base class of every error storybrief raises on purpose."""


class ConfigError(StorybriefError):
    """A setting or option has a value storybrief cannot use."""


class StorageError(StorybriefError):
    """The store could not be opened, migrated or written."""


class InputError(StorybriefError):
    """The inputs as a whole yielded nothing to brief.

    Args:
        message: what is wrong, in one line.
        failures: the per-input failures that led here, if any.
    """

    def __init__(self, message: str, failures: tuple[IngestFailure, ...] = ()) -> None:
        super().__init__(message)
        self.failures = failures


class IngestError(StorybriefError):
    """One input could not be turned into an article.

    Args:
        reason: the machine-readable reason code.
        message: a sentence for people, saying what is wrong.
    """

    def __init__(self, reason: FailureReason, message: str) -> None:
        super().__init__(message)
        self.reason = reason
        self.message = message


class MissingDependency(StorybriefError, ImportError):
    """A package or model that this feature needs is not installed."""
