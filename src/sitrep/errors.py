"""The typed errors sitrep raises on purpose; anything else is a bug."""

from __future__ import annotations

__all__ = [
    "BadDocumentError",
    "BadMessageError",
    "GazetteerError",
    "SitrepError",
]


class SitrepError(Exception):
    """Base of every deliberate sitrep error."""


class BadDocumentError(SitrepError):
    """A source document cannot be ingested (empty, binary, too large, undecodable)."""


class BadMessageError(SitrepError):
    """A stream message is not JSON, misses fields, or has an unknown schema version."""


class GazetteerError(SitrepError):
    """The gazetteer index is missing or empty: resolving places would silently fail."""
