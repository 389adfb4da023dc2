"""Run sitrep's real stages (extractors' and merger's work, acks, Lua join) in-process
against any client — a single server or a Redis Cluster — reading every partition.

The stages are the very objects the services register on FastStream; only the
subscriber loop is replaced by a plain XREADGROUP, so the test isolates what
partitioning changes: key names, slots, MULTI/EXEC and scripts.
"""

from __future__ import annotations

from typing import Any

import orjson

from sitrep.core.extract.casualties import extract_casualties
from sitrep.core.extract.entities import extract_entities
from sitrep.core.extract.places import extract_places
from sitrep.services import _extractor, merger
from sitrep.settings import Settings
from sitrep.sources import SourceDocument
from sitrep.services.producer import publish_documents
from sitrep.streams import PAYLOAD_FIELD, Streams, partitioned

__all__ = ["run_pipeline"]

_CORES = {"entities": extract_entities, "casualties": extract_casualties, "places": extract_places}


def _stages(settings: Settings, names: Streams, monkeypatch: Any) -> list[Any]:
    builders: dict[str, Any] = {}
    monkeypatch.setattr(
        _extractor, "service_app", lambda name, build, **_: builders.setdefault(name, build)
    )
    for name, core in _CORES.items():
        _extractor.extractor_service(name, core)
    return [builders[n](settings, names) for n in _CORES] + [merger._build(settings, names)]  # noqa: SLF001


async def _drain(redis: Any, stages: list[Any]) -> int:
    moved = 0
    for stage in stages:
        reply = await redis.xreadgroup(stage.group, "test", {stage.stream: ">"}, count=64)
        for _stream, entries in reply or []:
            if entries:
                await stage.handle(redis, [e[0] for e in entries], [e[1] for e in entries])
                moved += len(entries)
    return moved


async def run_pipeline(
    redis: Any,
    documents: list[SourceDocument],
    *,
    prefix: str,
    partitions: int,
    cluster: bool,
    monkeypatch: Any,
) -> dict[str, Any]:
    """Publish ``documents``, run every stage of every partition until idle, and
    return the events (event_id -> event) read from every partition's output stream."""
    settings = Settings(stream_prefix=prefix, partitions=partitions, redis_cluster=cluster)
    all_names = partitioned(prefix, partitions, cluster=cluster)
    await publish_documents(
        redis, documents, names=Streams(prefix), chunk_size=1200,
        partitions=partitions, cluster=cluster,
    )
    stages = [s for names in all_names for s in _stages(settings, names, monkeypatch)]
    while await _drain(redis, stages):
        pass
    events: dict[str, Any] = {}
    for names in all_names:
        for _id, fields in await redis.xrange(names.events):
            event = orjson.loads(fields[PAYLOAD_FIELD.encode()])
            assert event["event_id"] not in events, "an event was emitted twice"
            events[event["event_id"]] = event
    return events
