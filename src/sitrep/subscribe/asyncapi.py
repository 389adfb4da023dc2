"""The AsyncAPI 3.0 contract of every stream, generated from the running code.

A documentation broker registers each consumer service's real :class:`Stage`
subscribers (so groups and streams come from the code that runs) plus one publisher
declaration per stream with its pydantic model. FastStream renders that; two facts it
cannot know are then stated explicitly:

- sitrep's stage handlers take raw batches, so FastStream sees no payload type for
  them: each receive operation gets the model of the stream it reads;
- entries are NOT FastStream envelopes: the field ``payload`` holds the message as
  plain UTF-8 JSON and there are no headers (so no correlation id).
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

from faststream.redis import RedisBroker
from faststream.specification import AsyncAPI

from sitrep.schemas import SCHEMA_VERSION, Chunk, DeadLetter, Event, ExtractorResult
from sitrep.settings import Settings
from sitrep.streams import PAYLOAD_FIELD, Streams

__all__ = ["DOC_PATH", "DOC_PREFIX", "documentation_broker", "render_asyncapi", "write_asyncapi"]

DOC_PATH = Path(__file__).resolve().parents[3] / "docs" / "asyncapi.json"
#: The documented prefix (STREAM_PREFIX's default); another prefix renames every stream.
DOC_PREFIX = "sitrep"
_DOC_URL = "redis://localhost:6379/0"
_CONSUMER = "<CONSUMER_NAME, default <service>-<hostname>-<pid>>"

_ENTRY = (
    f"Each stream entry has the field `{PAYLOAD_FIELD}` holding this message as plain UTF-8 "
    "JSON (not a FastStream envelope, no headers); the merger's entries on the events stream "
    "also carry `event_id`. Readers must reject a `schema_version` with another major version."
)

_DESCRIPTION = f"""\
sitrep turns news reports into structured conflict events over Redis streams.

    producer -> {{prefix}}:chunks -> groups entities, casualties, places -> {{prefix}}:results
             -> group merger -> {{prefix}}:events (public) ; any failure -> {{prefix}}:dlq

Streams are named `<STREAM_PREFIX>:<name>` (documented here with the default prefix
`{DOC_PREFIX}`). {_ENTRY} Subscribers of the public `{DOC_PREFIX}:events` stream read it with
XREAD/XRANGE by entry id (no consumer group needed); the pipeline's own groups are listed
in the channel bindings. JSON Schema files of the same models: schemas/*.v1.schema.json.
"""


def _publishers(names: Streams) -> list[tuple[str, str, Any, str]]:
    """(title, stream, model, description) of each stream's writer."""
    return [
        ("chunks", names.chunks, Chunk, "Producer: one entry per sentence-aligned chunk."),
        ("results", names.results, ExtractorResult,
         "Extractors: one result per chunk and extractor, discriminated by `kind`."),
        ("events", names.events, Event,
         "Merger: the public product, one entry per event (field `event_id` too)."),
        ("dead-letters", names.dead_letters, DeadLetter,
         "Any service: an entry it could not process, with the reason; nothing is dropped."),
    ]  # fmt: skip


def _doc_settings() -> Settings:
    """Defaults only: the document must not depend on the environment it is built in."""
    return Settings.model_construct(consumer_name=_CONSUMER)


def documentation_broker(names: Streams | None = None) -> RedisBroker:
    """A broker (never connected) carrying every service's subscribers and publishers."""
    from sitrep import services  # noqa: PLC0415 - imports every service (and its core)
    from sitrep.runtime.broker import make_broker  # noqa: PLC0415

    names = names or Streams(DOC_PREFIX)
    broker = make_broker(_DOC_URL)
    settings = _doc_settings()
    for name in services.CONSUMERS:
        stage = services.load(name).stage
        built = Streams(stage.group[: -len(name) - 1])  # the prefix the service was built with
        rename = {
            built.chunks: names.chunks,
            built.results: names.results,
            built.events: names.events,
            built.dead_letters: names.dead_letters,
        }
        dataclasses.replace(
            stage,
            stream=rename[stage.stream],
            group=names.group(name),
            dead_letters=rename[stage.dead_letters],
            settings=settings,
        ).register(broker)
    for title, stream, model, description in _publishers(names):
        broker.publisher(stream=stream, schema=model, title=title, description=description)
    return broker


def _finish(doc: dict[str, Any]) -> dict[str, Any]:
    channels: dict[str, Any] = doc["channels"]
    messages: dict[str, Any] = doc["components"]["messages"]
    payload_of: dict[str, Any] = {}
    for channel in channels.values():
        if channel["bindings"]["redis"].get("method") == "xadd":
            (ref,) = channel["messages"].values()
            payload_of[channel["address"]] = messages[ref["$ref"].rsplit("/", 1)[1]]["payload"]
    for key, channel in channels.items():
        method = channel["bindings"]["redis"].get("method")
        if method == "xreadgroup":
            channel["description"] = (
                f"Consumer group `{channel['bindings']['redis']['groupName']}` (service "
                f"`{key}`) reads `{channel['address']}` in batches and acknowledges each entry "
                "after writing its output or a dead letter."
            )
            for ref in channel["messages"].values():
                messages[ref["$ref"].rsplit("/", 1)[1]]["payload"] = payload_of[channel["address"]]
    for message in messages.values():
        message.pop("correlationId", None)
        message["description"] = _ENTRY
    schemas = doc["components"]["schemas"]
    if "EmptyPayload" in schemas and "EmptyPayload" not in json.dumps(messages):
        del schemas["EmptyPayload"]
    doc["servers"] = {
        "redis": {
            "host": "localhost:6379",
            "pathname": "/0",
            "protocol": "redis",
            "description": "Any Redis >= 6.2 or Valkey server; services take REDIS_URL.",
        }
    }
    for channel in channels.values():
        channel["servers"] = [{"$ref": "#/servers/redis"}]
    return doc


def render_asyncapi() -> str:
    """The document's exact text (sorted keys, so a diff shows only real changes)."""
    spec = AsyncAPI(
        documentation_broker(),
        title="sitrep streams",
        version=SCHEMA_VERSION,
        description=_DESCRIPTION,
        schema_version="3.0.0",
    ).to_specification()
    doc = _finish(spec.to_jsonable())
    return json.dumps(doc, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def write_asyncapi(path: Path = DOC_PATH) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_asyncapi(), encoding="utf-8")
    return path
