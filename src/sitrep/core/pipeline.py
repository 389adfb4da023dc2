"""The whole pure pipeline in one call, no broker: what each service does, in-process.

Used by ``sitrep extract``, the evaluation and the benchmarks; the services run the
same functions, one stage per process.
"""

from __future__ import annotations

from collections.abc import Callable

from sitrep.schemas import Chunk, Event, ExtractorResult
from sitrep.sources import SourceDocument

from .chunking import chunk_document
from .extract.casualties import extract_casualties
from .extract.entities import extract_entities
from .extract.places import extract_places
from .merge import build_events

__all__ = ["EXTRACT", "extract_chunks", "extract_document"]

#: Extractor name -> pure core, in the order of sitrep.streams.EXTRACTORS.
EXTRACT: dict[str, Callable[[Chunk], ExtractorResult]] = {
    "entities": extract_entities,
    "casualties": extract_casualties,
    "places": extract_places,
}


def extract_chunks(chunks: list[Chunk]) -> list[ExtractorResult]:
    return [fn(chunk) for chunk in chunks for fn in EXTRACT.values()]


def extract_document(doc: SourceDocument, *, chunk_size: int = 1200) -> list[Event]:
    chunks = chunk_document(
        doc.text,
        chunk_size=chunk_size,
        published_at=doc.published_at,
        source=doc.source,
        source_id=doc.source_id,
    )
    return build_events(extract_chunks(chunks))
