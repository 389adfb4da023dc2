"""What each extractor publishes for one chunk: findings with their source spans."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import Field

from ._base import SCHEMA_VERSION, ExtractorInfo, Message, Span
from .documents import Located

__all__ = [
    "CasualtiesResult",
    "CasualtyCategory",
    "CasualtyMention",
    "ChunkRef",
    "EntitiesResult",
    "EntityKind",
    "EntityMention",
    "ExtractorResult",
    "GeoPrecision",
    "Place",
    "PlaceKind",
    "PlaceMention",
    "PlacesResult",
    "Qualifier",
]


class ChunkRef(Located):
    """Which chunk a result is about; enough for the merger to join without the chunk.

    It repeats the chunk's text and offset map: the merger types events and resolves
    dates from the text, and maps its own spans back to the original with :meth:`span`.
    """

    document_id: str
    chunk_id: str
    seq: int = Field(ge=0)
    chunk_count: int = Field(ge=1)
    published_at: dt.date | None = None
    source: str | None = None
    source_id: str | None = Field(default=None, description="The id the source gave (JSONL 'id').")


class _ResultBase(Message):
    schema_version: Literal["1.0"] = SCHEMA_VERSION
    chunk: ChunkRef
    extractor: ExtractorInfo


# --- entities -----------------------------------------------------------------


class EntityKind(StrEnum):
    PERSON = "PERSON"
    ORG = "ORG"
    ARMED_GROUP = "ARMED_GROUP"
    WEAPON = "WEAPON"


class EntityMention(Message):
    """One named actor in the chunk. ``name`` is canonical; ``span`` is the surface form."""

    name: str = Field(description="Canonical name (aliases folded, e.g. 'Volodymyr Zelensky').")
    kind: EntityKind
    span: Span
    role: str | None = Field(default=None, description="Title or role the text gives.")
    country: str | None = Field(default=None, description="ISO 3166-1 alpha-2 where the text says.")
    aliases: list[str] = Field(default_factory=list, description="Other surface forms seen.")


class EntitiesResult(_ResultBase):
    kind: Literal["entities"] = "entities"
    entities: list[EntityMention] = Field(default_factory=list)


# --- casualties ---------------------------------------------------------------


class CasualtyCategory(StrEnum):
    KILLED = "killed"
    INJURED = "injured"
    MISSING = "missing"
    CAPTURED = "captured"


class Qualifier(StrEnum):
    EXACT = "exact"
    AT_LEAST = "at_least"
    MORE_THAN = "more_than"
    UP_TO = "up_to"
    FEWER_THAN = "fewer_than"
    ABOUT = "about"
    VAGUE = "vague"


class CasualtyMention(Message):
    """A casualty figure as stated: ``best`` with a ``low``..``high`` range for vague words."""

    category: CasualtyCategory
    best: int | None = Field(ge=0, description="Best single estimate; null for 'dozens' etc.")
    low: int | None = Field(default=None, ge=0)
    high: int | None = Field(default=None, ge=0)
    qualifier: Qualifier = Qualifier.EXACT
    victim_kind: str | None = Field(default=None, description="civilians, children, soldiers...")
    breakdown: dict[str, int] = Field(
        default_factory=dict, description="Parts by victim kind, e.g. {'adults': 11, 'children': 9}."
    )
    claimed_by: str | None = Field(default=None, description="Who the text says gives the figure.")
    span: Span = Field(description="The number (or numbers) the figure came from.")
    sentence: Span = Field(description="The whole sentence, for analysts to read.")


class CasualtiesResult(_ResultBase):
    kind: Literal["casualties"] = "casualties"
    casualties: list[CasualtyMention] = Field(default_factory=list)


# --- places -------------------------------------------------------------------


class PlaceKind(StrEnum):
    CONTINENT = "continent"
    COUNTRY = "country"
    ADMIN1 = "admin1"
    ADMIN2 = "admin2"
    CITY = "city"
    TOWN = "town"
    VILLAGE = "village"
    DISTRICT = "district"
    OTHER = "other"


class GeoPrecision(StrEnum):
    """How precisely ``lat``/``lon`` locate what the text names."""

    POINT = "point"  # the settlement or feature itself
    ADMIN2 = "admin2"
    ADMIN1 = "admin1"  # only the region is known (e.g. a village not in the gazetteer)
    COUNTRY = "country"
    UNKNOWN = "unknown"


class Place(Message):
    """A gazetteer entry a mention resolved to."""

    name: str
    kind: PlaceKind
    country: str | None = Field(default=None, description="ISO 3166-1 alpha-2.")
    region: str | None = Field(default=None, description="ISO 3166-2 first-level subdivision.")
    lat: float | None = Field(default=None, ge=-90, le=90)
    lon: float | None = Field(default=None, ge=-180, le=180)
    precision: GeoPrecision = GeoPrecision.UNKNOWN
    geonames_id: int | None = None
    population: int | None = None
    score: float = Field(default=0.0, description="Resolver confidence, 0..1.")


class PlaceMention(Message):
    """A toponym in the text and what it resolved to.

    ``candidates`` keeps the runner-up readings so the merger can re-rank them with
    the whole document's context (a chunk alone may not say which Murom).
    """

    surface: str
    span: Span
    resolved: Place | None
    candidates: list[Place] = Field(default_factory=list)
    role: Literal["location", "modifier", "metonym"] = Field(
        default="location",
        description="'metonym' for a capital standing for its state ('Moscow said').",
    )


class PlacesResult(_ResultBase):
    kind: Literal["places"] = "places"
    places: list[PlaceMention] = Field(default_factory=list)


ExtractorResult = Annotated[
    EntitiesResult | CasualtiesResult | PlacesResult, Field(discriminator="kind")
]
