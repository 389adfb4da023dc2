"""The public product: normalised events on the output stream, and dead letters."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Literal

from pydantic import Field

from ._base import SCHEMA_VERSION, ExtractorInfo, Message, Span
from .results import CasualtyCategory, GeoPrecision, PlaceKind, Qualifier

__all__ = [
    "Actor",
    "CasualtyFigure",
    "DatePrecision",
    "DeadLetter",
    "DocumentOutcome",
    "Event",
    "MissingPart",
    "EventLocation",
    "EventType",
]


class EventType(StrEnum):
    """ACLED event families."""

    BATTLES = "battles"
    EXPLOSIONS_REMOTE_VIOLENCE = "explosions_remote_violence"
    VIOLENCE_AGAINST_CIVILIANS = "violence_against_civilians"
    PROTESTS = "protests"
    RIOTS = "riots"
    STRATEGIC_DEVELOPMENTS = "strategic_developments"


class DatePrecision(StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"
    UNKNOWN = "unknown"


class EventLocation(Message):
    name: str
    kind: PlaceKind
    country: str | None = Field(description="ISO 3166-1 alpha-2.")
    region: str | None = Field(description="ISO 3166-2.")
    lat: float | None = None
    lon: float | None = None
    precision: GeoPrecision
    geonames_id: int | None = None
    evidence: Span


class Actor(Message):
    name: str
    kind: str = Field(description="PERSON, ORG, ARMED_GROUP, or 'civilians' for targets.")
    role: Literal["actor1", "actor2", "target", "source", "other"]
    country: str | None = None
    evidence: Span | None = None


class CasualtyFigure(Message):
    category: CasualtyCategory
    victim_kind: str | None = None
    best: int | None = Field(ge=0)
    low: int | None = Field(default=None, ge=0)
    high: int | None = Field(default=None, ge=0)
    qualifier: Qualifier = Qualifier.EXACT
    breakdown: dict[str, int] = Field(default_factory=dict)
    claimed_by: str | None = None
    evidence: Span = Field(description="The figure in the original article.")
    sentence: Span = Field(description="The sentence that states it.")


class Event(Message):
    """One normalised event. ``event_id`` depends only on the document and the event's
    content, so redelivery and replays always yield the same id."""

    schema_version: Literal["1.0"] = SCHEMA_VERSION
    event_id: str
    event_type: EventType
    sub_event_type: str
    date: dt.date | None
    date_precision: DatePrecision
    location: EventLocation | None
    actors: list[Actor] = Field(default_factory=list)
    casualties: list[CasualtyFigure] = Field(default_factory=list)
    fatalities: int | None = Field(description="Best 'killed' figure, ACLED-style.")
    injured: int | None = None
    summary: str = Field(description="The sentence that triggered the event.")
    evidence: list[Span] = Field(description="Every span the values above came from.")
    document_ids: list[str]
    source: str | None = None
    source_id: str | None = Field(default=None, description="The id the source gave (JSONL 'id').")
    published_at: dt.date | None = None
    extractors: list[ExtractorInfo] = Field(
        default_factory=list,
        description="Name and version of each extractor, and of the event builder ('events'), behind it.",
    )


class DeadLetter(Message):
    """A message a service could not process, kept with why, so nothing is lost silently."""

    schema_version: Literal["1.0"] = SCHEMA_VERSION
    stream: str = Field(description="Stream the message was read from.")
    message_id: str = Field(description="Its Redis stream entry id.")
    service: str
    reason: str
    error_type: str
    payload: str = Field(description="The original payload, undecoded bytes as latin-1.")
    delivery_count: int = 1
    failed_at: dt.datetime
    document_id: str | None = None
    chunk_id: str | None = None


class MissingPart(Message):
    """One extractor result of one chunk that never reached the merger."""

    seq: int = Field(ge=0)
    extractor: str


class DocumentOutcome(Message):
    """What happened to a document that did not complete: published on
    ``<prefix>:outcomes`` when its join state expires (JOIN_TTL_S), so an incomplete
    document is an explicit record, never silent loss. No events are built from it."""

    schema_version: Literal["1.0"] = SCHEMA_VERSION
    document_id: str
    status: Literal["partial", "failed"] = Field(
        description="partial: parts never arrived; failed: all arrived but building events "
        "failed (the completing part is on the dead-letter stream)."
    )
    chunk_count: int | None = Field(description="From the parts present; None if unknown.")
    parts_present: int = Field(ge=0)
    parts_needed: int | None = None
    missing: list[MissingPart] = Field(default_factory=list)
    reason: str
    decided_at: dt.datetime
