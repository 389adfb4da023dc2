"""The merger service: joins the three results of every chunk of a document (state in
Redis, see sitrep.runtime.join) and publishes the document's events exactly once."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

import structlog
from pydantic import TypeAdapter

from sitrep.core.merge import build_events
from sitrep.logs import get_logger
from sitrep.runtime import metrics
from sitrep.runtime.codec import encode
from sitrep.runtime.consumer import Item, Outcome, Stage, dead_letter
from sitrep.runtime.join import JOINED, JoinStore
from sitrep.runtime.service import Periodic, service_app
from sitrep.schemas import DeadLetter, Event, ExtractorResult
from sitrep.settings import get_settings
from sitrep.streams import EXTRACTORS, PAYLOAD_FIELD, partitioned

if TYPE_CHECKING:
    from collections.abc import Callable

    from redis.asyncio import Redis
    from redis.asyncio.client import Pipeline

    from sitrep.settings import Settings
    from sitrep.streams import Streams

__all__ = ["app", "broker", "service"]

_RESULT: TypeAdapter[ExtractorResult] = TypeAdapter(ExtractorResult)
_PARTS: TypeAdapter[list[ExtractorResult]] = TypeAdapter(list[ExtractorResult])
log = get_logger("sitrep.merger")


def _join_stores(settings: Settings, names: Streams) -> Callable[[Redis], JoinStore]:
    """One JoinStore per Redis client: its scripts are registered on that client."""
    stores: dict[int, JoinStore] = {}

    def store(redis: Redis) -> JoinStore:
        if id(redis) not in stores:
            stores[id(redis)] = JoinStore(
                redis, names, join_ttl_s=settings.join_ttl_s, dedup_ttl_s=settings.dedup_ttl_s
            )
        return stores[id(redis)]

    return store


def _no_events(_: bytes) -> list[Event]:
    return []


def _build(settings: Settings, names: Streams) -> Stage[ExtractorResult]:
    store = _join_stores(settings, names)

    def build(joined: bytes) -> list[Event]:
        # Every part was validated on arrival (an invalid one is dead-lettered, never
        # joined): one pydantic-core pass over the joined JSON list, not one per part.
        return build_events(_PARTS.validate_json(joined))

    if settings.extract_mode != "real":
        # EXTRACT_MODE=noop (sitrep bench, transport only): join and emit, but build
        # no events, like the benchmark's raw-Redis floor.
        build = _no_events

    group = names.group("merger")

    async def work(
        redis: Redis, pipe: Pipeline, items: list[Item[ExtractorResult]]
    ) -> Outcome:
        joins = store(redis)
        replies = await joins.join(
            redis,
            [
                (
                    item.message.chunk.document_id,
                    f"{item.message.chunk.seq}:{item.message.kind}",
                    item.payload,
                    item.message.chunk.chunk_count * len(EXTRACTORS),
                )
                for item in items
            ],
        )
        complete: dict[str, tuple[Item[ExtractorResult], list[bytes]]] = {}
        for item, reply in zip(items, replies, strict=True):
            if reply[0] == JOINED:
                complete[item.message.chunk.document_id] = (item, reply[1])

        dead: list[DeadLetter] = []
        built: list[tuple[str, Item[ExtractorResult], int]] = []
        for document_id, (item, parts) in sorted(complete.items()):
            try:
                events = build(b"[" + b",".join(parts) + b"]")
            except Exception as exc:  # keep the completing input; the join state expires
                with structlog.contextvars.bound_contextvars(
                    document_id=document_id, chunk_id=item.message.chunk.chunk_id
                ):
                    log.exception("event building failed")
                dead.append(
                    dead_letter(
                        stream=names.results,
                        entry_id=item.entry_id,
                        fields={PAYLOAD_FIELD.encode(): item.payload},
                        service="merger",
                        error=exc,
                    )
                )
                continue
            # Emitted in the batch's MULTI/EXEC; the script acks the completing entry
            # after writing the events, so the events and that ack are one step.
            joins.queue_emit(
                pipe,
                document_id,
                [(e.event_id, encode(e)) for e in events],
                ack=(group, item.entry_id),
            )
            built.append((document_id, item, len(events)))

        def written(emitted_counts: list[Any]) -> None:
            verbose = log.isEnabledFor(logging.INFO)
            for (document_id, item, n_events), emitted in zip(
                built, emitted_counts, strict=True
            ):
                metrics.EVENTS_OUT.labels("merger").inc(int(emitted))
                metrics.observe_out("merger", names.events, int(emitted))
                if verbose:  # structlog renders a line before stdlib filters it by level
                    log.info(
                        "document merged",
                        document_id=document_id,
                        chunk_id=item.message.chunk.chunk_id,
                        events=n_events,
                        emitted=int(emitted),
                    )

        return Outcome(
            dead, frozenset(item.entry_id for _, item, _ in built), written if built else None
        )

    return Stage(
        service="merger",
        stream=names.results,
        group=group,
        dead_letters=names.dead_letters,
        adapter=_RESULT,
        work=work,
        settings=settings,
    )


def _sweepers(settings: Settings) -> list[Periodic]:
    """Per partition: turn joins idle past JOIN_TTL_S into DocumentOutcome records."""
    jobs: list[Periodic] = []
    for names in partitioned(settings.stream_prefix, settings.partitions, cluster=settings.redis_cluster):
        async def sweep(
            redis: Redis, store: Callable[[Redis], JoinStore] = _join_stores(settings, names)
        ) -> int:
            outcomes = await store(redis).sweep(redis)
            for outcome in outcomes:
                log.warning(
                    "document expired incomplete",
                    document_id=outcome.document_id,
                    chunk_id=None,
                    status=outcome.status,
                    parts_present=outcome.parts_present,
                    parts_needed=outcome.parts_needed,
                )
            return len(outcomes)

        jobs.append((f"sweep {names.results}", settings.join_sweep_s, sweep))
    return jobs


_settings = get_settings()
service = service_app("merger", _build, settings=_settings, periodic=_sweepers(_settings))  # type: ignore[arg-type]
broker, app = service.broker, service.app
