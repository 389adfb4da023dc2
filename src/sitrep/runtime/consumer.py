"""One consumer-group stage, shared by every service: read a batch, dead-letter what
cannot be processed, hand the rest to the service's work function, acknowledge.

Delivery semantics (see README, "Delivery guarantees"):
- entries are read with XREADGROUP ``>`` in batches of ``batch_size`` (never the whole
  backlog), and acknowledged only after the stage's outputs are written — for the
  extractors in the same MULTI/EXEC as the XACK, so "published" and "acked" cannot diverge;
- a second subscriber on the same group XAUTOCLAIMs entries idle for ``claim_idle_ms``
  (their consumer died), and dead-letters an entry delivered more than
  ``max_deliveries`` times instead of looping on it.
"""

from __future__ import annotations

import datetime as dt
import os
import socket
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import structlog
from faststream.middlewares import AckPolicy
from faststream.redis import RedisBroker, StreamSub
from faststream.redis.annotations import Redis, RedisBatchStreamMessage
from pydantic import TypeAdapter

from sitrep.errors import BadMessageError
from sitrep.logs import get_logger
from sitrep.schemas import DeadLetter
from sitrep.settings import Settings
from sitrep.streams import PAYLOAD_FIELD

from . import metrics
from .codec import decode, encode, entry_ids, payload_bytes

if TYPE_CHECKING:
    from redis.asyncio.client import Pipeline

__all__ = ["Item", "Stage", "consumer_name", "dead_letter"]

M = TypeVar("M")
log = get_logger("sitrep.consumer")


@dataclass(frozen=True, slots=True)
class Item(Generic[M]):
    """A decoded entry with its stream id."""

    entry_id: bytes
    message: M
    payload: bytes


#: The service's work on a batch of valid entries. It queues its outputs on ``pipe``
#: (executed atomically with the acks) and may use ``redis`` for reads/scripts first.
#: It returns dead letters for entries it could not process.
Work = Callable[["Redis", "Pipeline", list[Item[M]]], Awaitable[list[DeadLetter]]]


def consumer_name(service: str, configured: str | None = None) -> str:
    """A consumer name unique per process, stable across restarts of the same container."""
    return configured or f"{service}-{socket.gethostname()}-{os.getpid()}"


def dead_letter(
    *,
    stream: str,
    entry_id: bytes,
    fields: dict[bytes, bytes],
    service: str,
    error: BaseException | str,
    delivery_count: int = 1,
) -> DeadLetter:
    doc, chunk = entry_ids(fields)
    return DeadLetter(
        stream=stream,
        message_id=entry_id.decode(),
        service=service,
        reason=str(error),
        error_type=type(error).__name__ if isinstance(error, BaseException) else "Rejected",
        payload=payload_bytes(fields).decode("utf-8", errors="replace")
        if fields.get(PAYLOAD_FIELD.encode()) is not None
        else repr({k.decode("latin-1"): v.decode("latin-1") for k, v in fields.items()}),
        delivery_count=delivery_count,
        failed_at=dt.datetime.now(dt.UTC),
        document_id=doc,
        chunk_id=chunk,
    )


@dataclass(frozen=True)
class Stage(Generic[M]):
    """A service's place in the topology: what it reads, as which group, and its work."""

    service: str
    stream: str
    group: str
    dead_letters: str
    adapter: TypeAdapter[M]
    work: Work[M]
    settings: Settings

    def register(self, broker: RedisBroker) -> None:
        """Attach the reader and the reclaimer of this stage to ``broker``."""
        name = consumer_name(self.service, self.settings.consumer_name)
        s = self.settings
        fresh = StreamSub(
            self.stream,
            group=self.group,
            consumer=name,
            batch=True,
            max_records=s.batch_size,
            polling_interval=s.poll_ms,
        )
        stale = StreamSub(
            self.stream,
            group=self.group,
            consumer=name,
            batch=True,
            min_idle_time=s.claim_idle_ms,
            polling_interval=max(s.poll_ms, 250),
        )

        async def on_fresh(msg: RedisBatchStreamMessage, redis: Redis) -> None:
            await self.handle(redis, msg.raw_message["message_ids"], msg.raw_message["data"])

        async def on_stale(msg: RedisBatchStreamMessage, redis: Redis) -> None:
            await self.handle(
                redis, msg.raw_message["message_ids"], msg.raw_message["data"], reclaimed=True
            )

        broker.subscriber(stream=fresh, ack_policy=AckPolicy.MANUAL, title=f"{self.service}")(
            on_fresh
        )
        broker.subscriber(
            stream=stale, ack_policy=AckPolicy.MANUAL, title=f"{self.service}-reclaim",
            include_in_schema=False,
        )(on_stale)

    async def handle(
        self,
        redis: Redis,
        entry_ids_: Sequence[bytes],
        entries: Sequence[dict[bytes, bytes]],
        *,
        reclaimed: bool = False,
    ) -> None:
        """Process one delivery; every entry ends acked: as output or as a dead letter."""
        started = time.perf_counter()
        dead: list[DeadLetter] = []
        items: list[Item[M]] = []
        counts = await self._delivery_counts(redis, entry_ids_) if reclaimed else {}
        for entry_id, fields in zip(entry_ids_, entries, strict=True):
            delivered = counts.get(entry_id, 1)
            if delivered > self.settings.max_deliveries:
                reason = (
                    f"delivered {delivered} times without being acknowledged "
                    f"(max_deliveries={self.settings.max_deliveries})"
                )
                dead.append(self._dead(entry_id, fields, reason, delivered))
                continue
            try:
                items.append(Item(entry_id, decode(fields, self.adapter), payload_bytes(fields)))
            except BadMessageError as exc:
                dead.append(self._dead(entry_id, fields, exc, delivered))

        async with redis.pipeline(transaction=True) as pipe:
            if items:
                dead.extend(await self.work(redis, pipe, items))
            for letter in dead:
                pipe.xadd(self.dead_letters, {PAYLOAD_FIELD: encode(letter)})
            pipe.xack(self.stream, self.group, *entry_ids_)
            await pipe.execute()

        for letter in dead:
            with structlog.contextvars.bound_contextvars(
                document_id=letter.document_id, chunk_id=letter.chunk_id
            ):
                log.warning(
                    "dead-lettered",
                    service=self.service,
                    entry_id=letter.message_id,
                    reason=letter.reason,
                    delivery_count=letter.delivery_count,
                )
        elapsed = time.perf_counter() - started
        metrics.observe_batch(self.service, len(entry_ids_), len(dead), elapsed)
        log.debug(
            "batch done",
            service=self.service,
            entries=len(entry_ids_),
            dead_letters=len(dead),
            reclaimed=reclaimed,
            ms=round(elapsed * 1000, 2),
        )

    def _dead(
        self, entry_id: bytes, fields: dict[bytes, bytes], error: BaseException | str, n: int
    ) -> DeadLetter:
        return dead_letter(
            stream=self.stream,
            entry_id=entry_id,
            fields=fields,
            service=self.service,
            error=error,
            delivery_count=n,
        )

    async def _delivery_counts(self, redis: Redis, ids: Sequence[bytes]) -> dict[bytes, int]:
        out: dict[bytes, int] = {}
        for entry_id in ids:
            rows: list[dict[str, Any]] = await redis.xpending_range(
                self.stream, self.group, min=entry_id, max=entry_id, count=1
            )
            if rows:
                out[entry_id] = int(rows[0]["times_delivered"])
        return out
