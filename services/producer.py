"""The producer: documents -> normalised, sentence-aligned chunks on the chunk stream.

Not a consumer: it runs once per batch of inputs (``sitrep produce``). Chunk ids are
derived from content, so publishing the same document twice yields the same ids and
the merger's dedup marker drops the second set of events.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from sitrep.core.chunking import chunk_document
from sitrep.errors import BadDocumentError
from sitrep.logs import get_logger
from sitrep.runtime.codec import encode
from sitrep.runtime.topology import ensure_topology
from sitrep.runtime.trim import max_group_lag
from sitrep.sources import SourceDocument
from sitrep.streams import PAYLOAD_FIELD, Streams, partitioned, route

if TYPE_CHECKING:
    from redis.asyncio import Redis

__all__ = ["Produced", "publish_documents", "wait_for_consumers"]

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
    partitions: int | None = None,
    cluster: bool | None = None,
    max_lag: int | None = None,
) -> tuple[list[Produced], list[BadDocumentError]]:
    """Chunk and publish; return what was published and what was refused (and why).

    Every chunk of a document goes to its document's partition (default: PARTITIONS).
    Before each pipeline flush it waits while any extractor group lags more than
    ``max_lag`` (default MAX_LAG) entries behind (backpressure), and a flush interrupted
    by a lost connection is retried with backoff (a re-sent chunk is deduplicated
    downstream: same chunk id, and the merger joins parts with HSETNX).
    """
    if partitions is None or cluster is None or max_lag is None:
        from sitrep.settings import get_settings  # noqa: PLC0415

        settings = get_settings()
        partitions = settings.partitions if partitions is None else partitions
        cluster = settings.redis_cluster if cluster is None else cluster
        max_lag = settings.max_lag if max_lag is None else max_lag
    all_names = partitioned(names.prefix, partitions, cluster=cluster)
    for each in all_names:
        await _retrying(lambda each=each: ensure_topology(redis, each))
    produced: list[Produced] = []
    refused: list[BadDocumentError] = []
    batch: list[tuple[str, bytes]] = []
    chunk_streams = [each.chunks for each in all_names]
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
        target = route(all_names, chunks[0].document_id).chunks
        batch.extend((target, encode(chunk)) for chunk in chunks)
        produced.append(Produced(chunks[0].document_id, len(chunks), doc.origin))
        log.info(
            "document published",
            document_id=chunks[0].document_id,
            chunk_id=None,
            chunks=len(chunks),
            origin=doc.origin,
        )
        if len(batch) >= pipeline_size:
            await _flush(redis, batch, chunk_streams, max_lag)
            batch = []
    if batch:
        await _flush(redis, batch, chunk_streams, max_lag)
    return produced, refused


async def wait_for_consumers(
    redis: Redis, chunk_streams: list[str], max_lag: int, *, poll_s: float = 0.2
) -> float:
    """Block while a group of a chunk stream lags more than ``max_lag``; seconds waited."""
    waited, logged = 0.0, False
    while True:
        lag = max([await max_group_lag(redis, s, cap=max_lag) for s in chunk_streams] or [0])
        if lag <= max_lag:
            if logged:
                log.info("backpressure released", lag=lag, waited_s=round(waited, 2))
            return waited
        if not logged:
            log.warning("backpressure: waiting for consumers", lag=lag, max_lag=max_lag)
            logged = True
        await asyncio.sleep(poll_s)
        waited += poll_s


async def _flush(
    redis: Redis, batch: list[tuple[str, bytes]], chunk_streams: list[str], max_lag: int
) -> None:
    async def once() -> None:
        await wait_for_consumers(redis, chunk_streams, max_lag)
        async with redis.pipeline(transaction=False) as pipe:
            for stream, payload in batch:
                pipe.xadd(stream, {PAYLOAD_FIELD: payload})
            await pipe.execute()

    await _retrying(once)


async def _retrying(action: Callable[[], Awaitable[object]]) -> None:
    """Run ``action`` until it succeeds, backing off 0.1 s -> 5 s on a lost connection."""
    delay = 0.1
    while True:
        try:
            await action()
            return
        except (RedisConnectionError, RedisTimeoutError, OSError) as exc:
            log.warning("publish failed, retrying", error=type(exc).__name__, retry_in_s=delay)
            await asyncio.sleep(delay)
            delay = min(delay * 2, 5.0)
