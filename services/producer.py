"""The producer: documents -> normalised, sentence-aligned chunks on the chunk stream.

Not a consumer: it runs once per batch of inputs (``sitrep produce``). Chunk ids are
derived from content, so publishing the same document twice yields the same ids and
the merger's dedup marker drops the second set of events.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sitrep.core.chunking import chunk_document
from sitrep.errors import BadDocumentError
from sitrep.logs import get_logger
from sitrep.runtime.codec import encode
from sitrep.runtime.topology import ensure_topology
from sitrep.sources import SourceDocument
from sitrep.streams import PAYLOAD_FIELD, Streams

if TYPE_CHECKING:
    from redis.asyncio import Redis

__all__ = ["Produced", "publish_documents"]

log = get_logger("sitrep.producer")


@dataclass(frozen=True, slots=True)
class Produced:
    document_id: str
    chunk_count: int
    origin: str


async def publish_documents(
    redis: Redis,
    documents: Iterable[SourceDocument | BadDocumentError],
    *,
    names: Streams,
    chunk_size: int,
    pipeline_size: int = 500,
) -> tuple[list[Produced], list[BadDocumentError]]:
    """Chunk and publish; return what was published and what was refused (and why)."""
    await ensure_topology(redis, names)
    produced: list[Produced] = []
    refused: list[BadDocumentError] = []
    pipe = redis.pipeline(transaction=False)
    queued = 0
    for doc in documents:
        if isinstance(doc, BadDocumentError):
            log.error("document refused", reason=str(doc))
            refused.append(doc)
            continue
        try:
            chunks = chunk_document(
                doc.text,
                chunk_size=chunk_size,
                published_at=doc.published_at,
                source=doc.source,
                source_id=doc.source_id,
            )
        except BadDocumentError as exc:
            refused.append(BadDocumentError(f"{doc.origin}: {exc}"))
            continue
        for chunk in chunks:
            pipe.xadd(names.chunks, {PAYLOAD_FIELD: encode(chunk)})
        queued += len(chunks)
        produced.append(Produced(chunks[0].document_id, len(chunks), doc.origin))
        log.info(
            "document published",
            document_id=chunks[0].document_id,
            chunk_id=None,
            chunks=len(chunks),
            origin=doc.origin,
        )
        if queued >= pipeline_size:
            await pipe.execute()
            queued = 0
    if queued:
        await pipe.execute()
    return produced, refused
