"""One consumer-group stage, shared by every service: read a batch, dead-letter what
cannot be processed, hand the rest to the service's work function, acknowledge.

Delivery semantics (see README, "Delivery guarantees"):
- entries are read with XREADGROUP ``>`` in batches of ``batch_size`` (never the whole
  backlog), and acknowledged only after the stage's outputs are written — in the same
  MULTI/EXEC as the XACK, so "published" and "acked" cannot diverge (the merger's
  document-completing entries are acked by the emit script itself, after the events:
  :class:`Outcome`);
- a reclaimer on the same group (:meth:`Stage.reclaim_forever`, started by the service
  next to the broker) XAUTOCLAIMs entries idle for ``claim_idle_ms`` (their consumer
  died) ``batch_size`` at a time, and dead-letters an entry delivered more than
  ``max_deliveries`` times instead of looping on it. FastStream's own reclaiming
  subscriber claims one entry per call, so a dead consumer's batch came back slowly.

The hot path avoids per-entry work that is not the stage's own: handlers take the
raw delivery (no dependency injection, which resolves FastStream context parameters
in a worker thread), each payload is parsed once, and ids are bound to logs only
when a line is written.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
import os
import socket
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import structlog
from faststream.middlewares import AckPolicy
from faststream.redis import RedisBroker, StreamSub
from faststream.redis.annotations import Redis, RedisBatchStreamMessage
from pydantic import TypeAdapter
from redis.exceptions import RedisError

from sitrep.errors import BadMessageError
from sitrep.logs import get_logger
from sitrep.schemas import DeadLetter
from sitrep.settings import Settings
from sitrep.streams import PAYLOAD_FIELD

from . import metrics
from .clients import transaction
from .codec import decode, encode, entry_ids, payload_bytes

if TYPE_CHECKING:
    from faststream.message import StreamMessage
    from redis.asyncio.client import Pipeline

__all__ = ["Item", "Outcome", "Stage", "consumer_name", "dead_letter"]

M = TypeVar("M")
log = get_logger("sitrep.consumer")


@dataclass(frozen=True, slots=True)
class Item(Generic[M]):
    """A decoded entry with its stream id."""

    entry_id: bytes
    message: M
    payload: bytes


@dataclass(frozen=True, slots=True)
class Outcome:
    """What a stage's work did with a batch.

    ``dead``: entries it could not process (dead-lettered and acked with the batch).
    ``self_acked``: entries whose XACK the work queued itself, inside the script that
    writes their output, so that a failed write leaves them pending (the merger's
    document-completing results); the batch's XACK leaves them out.
    ``written``: called after EXEC with the replies to the commands the work queued.
    """

    dead: list[DeadLetter] = field(default_factory=list)
    self_acked: frozenset[bytes] = frozenset()
    written: Callable[[list[Any]], object] | None = None


#: The service's work on a batch of valid entries. It queues its outputs on ``pipe``
#: (a MULTI/EXEC, executed with the batch's dead letters and acks) and may use
#: ``redis`` for reads/scripts first.
Work = Callable[["Redis", "Pipeline", list[Item[M]]], Awaitable[Outcome]]


def _batch_ids(items: Sequence[Item[Any]]) -> dict[str, Any]:
    """Document and chunk ids of a batch for its log lines (a chunk, or a result's chunk)."""
    refs = [getattr(i.message, "chunk", i.message) for i in items]
    docs = [getattr(r, "document_id", None) for r in refs]
    chunks = [getattr(r, "chunk_id", None) for r in refs]
    if len(refs) == 1:
        return {"document_id": docs[0], "chunk_id": chunks[0]}
    return {"document_id": sorted({d for d in docs if d}), "chunk_id": [c for c in chunks if c]}


def _debug_enabled() -> bool:
    return logging.getLogger("sitrep.consumer").isEnabledFor(logging.DEBUG)


async def _undecoded(msg: StreamMessage[Any]) -> StreamMessage[Any]:
    """FastStream decoder that hands the handler the delivery itself (sitrep decodes
    and validates each entry in :meth:`Stage.handle`)."""
    return msg


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
        """Attach the batch reader of this stage to ``broker`` (the reclaimer is
        :meth:`reclaim_forever`, run next to it)."""
        name = consumer_name(self.service, self.settings.consumer_name)
        fresh = StreamSub(
            self.stream,
            group=self.group,
            consumer=name,
            batch=True,
            max_records=self.settings.batch_size,
            polling_interval=self.settings.poll_ms,
        )

        async def on_fresh(msg: RedisBatchStreamMessage) -> None:
            raw = msg.raw_message
            await self.handle(msg.consumer, raw["message_ids"], raw["data"])  # type: ignore[arg-type]

        broker.subscriber(
            stream=fresh, ack_policy=AckPolicy.MANUAL, title=f"{self.service}", decoder=_undecoded
        )(on_fresh)

    async def reclaim(self, redis: Redis, start_id: bytes = b"0-0") -> bytes:
        """Claim up to ``batch_size`` entries idle past ``claim_idle_ms`` from any
        consumer of the group and handle them; return the cursor to continue from
        (``0-0`` once the pending list has been scanned to its end)."""
        s = self.settings
        reply = await redis.xautoclaim(
            self.stream,
            self.group,
            consumer_name(self.service, s.consumer_name),
            min_idle_time=s.claim_idle_ms,
            start_id=start_id,
            count=s.batch_size,
        )
        cursor, entries = reply[0], reply[1]
        # An entry trimmed while pending comes back as (id, None): XAUTOCLAIM already
        # dropped it from the pending list (the trimmer only removes acked entries).
        live = [(entry_id, fields) for entry_id, fields in entries if fields is not None]
        if live:
            await self.handle(
                redis, [e for e, _ in live], [f for _, f in live], reclaimed=True
            )
        return cursor

    async def reclaim_forever(self, redis: Redis, stop: asyncio.Event | None = None) -> None:
        """Reclaim in batches until ``stop``: back to back while a scan finds idle
        entries, else once per ``max(poll_ms, 250)`` ms. A Redis outage only skips ticks."""
        stop = stop or asyncio.Event()
        idle_s = max(self.settings.poll_ms, 250) / 1000
        cursor = b"0-0"
        while not stop.is_set():
            try:
                cursor = await self.reclaim(redis, cursor)
            except (RedisError, OSError) as exc:
                log.info("reclaim skipped", service=self.service, error=type(exc).__name__)
                cursor = b"0-0"
            except Exception:  # a bug must not end reclaiming for the life of the process
                log.exception("reclaim failed", service=self.service)
                cursor = b"0-0"
            if cursor in (b"0-0", "0-0"):
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stop.wait(), idle_s)

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

        outcome = Outcome()
        async with transaction(redis, self.stream) as pipe:
            if items:
                with structlog.contextvars.bound_contextvars(**_batch_ids(items)):
                    outcome = await self.work(redis, pipe, items)
                dead.extend(outcome.dead)
            queued = len(pipe)
            for letter in dead:
                pipe.xadd(self.dead_letters, {PAYLOAD_FIELD: encode(letter)})
            rest = [i for i in entry_ids_ if i not in outcome.self_acked]
            if rest:
                pipe.xack(self.stream, self.group, *rest)
            replies = await pipe.execute()
        if outcome.written is not None:
            outcome.written(replies[:queued])

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
        if _debug_enabled():  # structlog renders the line before stdlib filters it
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
        """Times each entry was delivered, in one round trip for the whole batch."""
        async with redis.pipeline(transaction=False) as pipe:
            for entry_id in ids:
                pipe.xpending_range(self.stream, self.group, min=entry_id, max=entry_id, count=1)
            replies: list[list[dict[str, Any]]] = await pipe.execute()
        return {
            entry_id: int(rows[0]["times_delivered"])
            for entry_id, rows in zip(ids, replies, strict=True)
            if rows
        }
