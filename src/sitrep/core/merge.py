"""The merger's pure core: join one document's extractor results and build its events.

The merger service collects ``3 x chunk_count`` results per document (redeliveries
included) and calls :func:`build_events` once the join is complete. Everything here is
order-free: results are deduplicated by ``(kind, chunk.seq)`` and sorted into document
order before anything is derived from them, so the same set of results -- in any order,
with any duplicates -- always yields the same events with the same ids.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from typing import Any

import orjson
from pydantic import TypeAdapter

from sitrep.errors import BadMessageError
from sitrep.schemas import (
    CasualtiesResult,
    ChunkRef,
    EntitiesResult,
    EntityKind,
    EntityMention,
    Event,
    ExtractorInfo,
    ExtractorResult,
    PlaceMention,
    PlacesResult,
)
from sitrep.streams import EXTRACTORS

from .events import DocumentView, assemble_events

__all__ = ["build_events", "document_view", "is_complete", "missing_parts"]

_Result = EntitiesResult | CasualtiesResult | PlacesResult
_ADAPTER: TypeAdapter[Any] = TypeAdapter(ExtractorResult)


def _as_result(item: Any) -> _Result:
    if isinstance(item, EntitiesResult | CasualtiesResult | PlacesResult):
        return item
    try:
        if isinstance(item, str | bytes):
            return _ADAPTER.validate_json(item)  # type: ignore[no-any-return]
        return _ADAPTER.validate_python(item)  # type: ignore[no-any-return]
    except ValueError as exc:
        msg = f"not an extractor result: {exc}"
        raise BadMessageError(msg) from exc


def _canonical_json(result: _Result) -> bytes:
    return orjson.dumps(result.model_dump(mode="json"), option=orjson.OPT_SORT_KEYS)


def _dedup(results: Iterable[Any]) -> dict[tuple[str, int], _Result]:
    """One result per ``(kind, seq)``; differing redeliveries resolve deterministically."""
    parts: dict[tuple[str, int], _Result] = {}
    document_id: str | None = None
    chunk_count: int | None = None
    for item in results:
        r = _as_result(item)
        if document_id is None:
            document_id, chunk_count = r.chunk.document_id, r.chunk.chunk_count
        elif r.chunk.document_id != document_id:
            msg = f"results of two documents joined: {document_id} and {r.chunk.document_id}"
            raise BadMessageError(msg)
        elif r.chunk.chunk_count != chunk_count:
            msg = f"document {document_id}: chunk_count {r.chunk.chunk_count} != {chunk_count}"
            raise BadMessageError(msg)
        key = (r.kind, r.chunk.seq)
        held = parts.get(key)
        if held is None or (held != r and _canonical_json(r) < _canonical_json(held)):
            parts[key] = r
    return parts


def missing_parts(results: Iterable[Any]) -> set[tuple[str, int]]:
    """``(kind, seq)`` pairs still missing for the document; empty input misses nothing
    known (no chunk_count yet), which :func:`is_complete` reports as incomplete."""
    parts = _dedup(results)
    if not parts:
        return set()
    count = next(iter(parts.values())).chunk.chunk_count
    return {(k, s) for k in EXTRACTORS for s in range(count)} - set(parts)


def is_complete(results: Iterable[Any]) -> bool:
    """True when every extractor has reported every chunk of the document."""
    items = list(results)
    return bool(items) and not missing_parts(items)


@lru_cache(maxsize=None)
def _optional(module: str, name: str) -> Callable[..., Any] | None:
    """A document-level refinement of an extractor, when that module provides it."""
    try:
        mod = __import__(f"sitrep.core.extract.{module}", fromlist=[name])
    except ImportError:
        return None
    return getattr(mod, name, None)


@lru_cache(maxsize=8192)
def _norm(s: str) -> str:
    return " ".join(s.replace("\u2019", "'").split()).casefold()


def _entities(results: Sequence[EntitiesResult]) -> list[EntityMention]:
    """Per-chunk mentions renamed to the document's canonical names (alias folding)."""
    mentions = [m for r in results for m in r.entities]
    fold = _optional("entities", "document_aliases")
    if fold is not None and results:
        canon: dict[str, str] = {}
        for name, surfaces in fold(results):
            for surface in surfaces:
                canon.setdefault(_norm(surface), name)
        renamed = []
        for m in mentions:
            name = canon.get(_norm(m.name)) or canon.get(_norm(m.span.text)) or m.name
            renamed.append(m if name == m.name else m.model_copy(update={"name": name}))
        mentions = renamed
    return sorted(mentions, key=lambda m: (m.span.start, m.span.end, m.name, m.kind))  # StrEnum


def _places(
    results: Sequence[PlacesResult], entities: Sequence[EntityMention]
) -> list[PlaceMention]:
    """The document's places, re-ranked with all its chunks; a person's surname is no town."""
    refine = _optional("places", "refine_with_document")
    if refine is not None and results:
        people = [e.name for e in entities if e.kind is EntityKind.PERSON]
        mentions = list(refine(results, people))
    else:
        mentions = [m for r in results for m in r.places]
    return sorted(mentions, key=lambda m: (m.span.start, m.span.end, m.surface))


def document_view(results: Iterable[Any]) -> DocumentView | None:
    """The joined, ordered findings of one document (None for no results)."""
    parts = _dedup(results)
    if not parts:
        return None
    ordered = [parts[k] for k in sorted(parts, key=lambda k: (k[1], EXTRACTORS.index(k[0])))]
    chunks: dict[int, ChunkRef] = {}
    for r in ordered:
        chunks.setdefault(r.chunk.seq, r.chunk)
    # by the ``kind`` literal each result class fixes: isinstance on pydantic models is slow
    ents = [r for r in ordered if r.kind == "entities"]
    places = [r for r in ordered if r.kind == "places"]
    cas = sorted(
        (m for r in ordered if r.kind == "casualties"
         for m in r.casualties),  # type: ignore[union-attr]
        key=lambda m: (m.span.start, m.span.end, m.category.value, m.best or -1),
    )
    distinct: list[ExtractorInfo] = []  # equal infos have equal canonical JSON: compare first
    for r in ordered:
        info = r.extractor
        if not any(info is d for d in distinct) and info not in distinct:
            distinct.append(info)
    infos: dict[str, ExtractorInfo] = {}
    for info in distinct:
        infos.setdefault(_canonical_info(info), info)
    return DocumentView(
        document_id=ordered[0].chunk.document_id,
        chunks=tuple(chunks[s] for s in sorted(chunks)),
        entities=(entities := tuple(_entities(ents))),
        places=tuple(_places(places, entities)),
        casualties=tuple(cas),
        extractors=tuple(infos[k] for k in sorted(infos)),
    )


def _canonical_info(info: ExtractorInfo) -> str:
    return orjson.dumps(info.model_dump(mode="json"), option=orjson.OPT_SORT_KEYS).decode()


def build_events(results: Iterable[Any]) -> list[Event]:
    """The events of one document, identical for any order or duplication of ``results``.

    Builds from whatever parts are given; the merger calls it once :func:`is_complete`.
    Raises :class:`~sitrep.errors.BadMessageError` for results of several documents.
    """
    view = document_view(results)
    return [] if view is None else assemble_events(view)
