"""The wire contract of sitrep: every message that crosses a process boundary.

Installed as ``sitrep.schemas``. The generated JSON Schema files beside this module
(``*.schema.json``) are the language-neutral form of the same contract; a test fails
when they drift from these models (regenerate with ``sitrep schemas``).
"""

from __future__ import annotations

from ._base import SCHEMA_VERSION, ExtractorInfo, Message, Span
from .documents import Chunk
from .events import (
    Actor,
    CasualtyFigure,
    DatePrecision,
    DeadLetter,
    DocumentOutcome,
    Event,
    EventLocation,
    EventType,
    MissingPart,
)
from .results import (
    CasualtiesResult,
    CasualtyCategory,
    CasualtyMention,
    ChunkRef,
    EntitiesResult,
    EntityKind,
    EntityMention,
    ExtractorResult,
    GeoPrecision,
    Place,
    PlaceKind,
    PlaceMention,
    PlacesResult,
    Qualifier,
)

__all__ = [
    "PUBLIC_MESSAGES",
    "SCHEMA_VERSION",
    "Actor",
    "CasualtiesResult",
    "CasualtyCategory",
    "CasualtyFigure",
    "CasualtyMention",
    "Chunk",
    "ChunkRef",
    "DatePrecision",
    "DeadLetter",
    "DocumentOutcome",
    "EntitiesResult",
    "EntityKind",
    "EntityMention",
    "Event",
    "EventLocation",
    "EventType",
    "ExtractorInfo",
    "ExtractorResult",
    "GeoPrecision",
    "Message",
    "MissingPart",
    "Place",
    "PlaceKind",
    "PlaceMention",
    "PlacesResult",
    "Qualifier",
    "Span",
]

#: File stem -> model, for every message that crosses a process boundary.
PUBLIC_MESSAGES: dict[str, type[Message]] = {
    "chunk": Chunk,
    "entities-result": EntitiesResult,
    "casualties-result": CasualtiesResult,
    "places-result": PlacesResult,
    "event": Event,
    "dead-letter": DeadLetter,
    "document-outcome": DocumentOutcome,
}
