"""No-op extractors: an empty result of the right kind, so the benchmark measures
transport and framework overhead alone (``EXTRACT_MODE=noop``; never in production)."""

from __future__ import annotations

from collections.abc import Callable

from pydantic import BaseModel

from sitrep.core.extract._common import chunk_ref
from sitrep.schemas import CasualtiesResult, Chunk, EntitiesResult, ExtractorInfo, PlacesResult

__all__ = ["noop_extractor"]

_KINDS: dict[str, type[BaseModel]] = {
    "entities": EntitiesResult,
    "casualties": CasualtiesResult,
    "places": PlacesResult,
}


def noop_extractor(name: str) -> Callable[[Chunk], BaseModel]:
    """The extractor ``name`` with its work removed: same message shape, no findings."""
    kind = _KINDS[name]
    info = ExtractorInfo(name=name, version="noop")

    def extract(chunk: Chunk) -> BaseModel:
        return kind(chunk=chunk_ref(chunk), extractor=info)

    return extract
