"""Bad-input cases not covered by tests/test_sources.py and tests/runtime/test_consumer.py:
a 50 MB file, control characters only, and chunk entries that are binary, a JSON array,
field-less, or crash the extractor — each refused or dead-lettered with its reason."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest
from redis.asyncio import Redis

from sitrep.errors import BadDocumentError
from sitrep.runtime.codec import encode
from sitrep.runtime.topology import ensure_topology
from sitrep.schemas import Chunk
from sitrep.services.producer import publish_documents
from sitrep.sources import SourceDocument, iter_documents
from sitrep.streams import Streams
from tests.factories import make_chunk


def test_50_mb_document_is_refused_with_the_limit_named(tmp_path: Path) -> None:
    """A 50 MB .txt is refused by size (before it is read), naming the file and the limit;
    the next document is still read."""
    big = tmp_path / "a_big.txt"
    with big.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: 50 MB without writing 50 MB
    (tmp_path / "b_ok.txt").write_text("Two were hurt.", encoding="utf-8")
    refused, ok = list(iter_documents([tmp_path], max_bytes=5_000_000))
    assert isinstance(refused, BadDocumentError)
    assert "a_big.txt: 52,428,800 bytes exceeds the limit of 5,000,000 (MAX_DOCUMENT_BYTES)" in str(refused)
    assert isinstance(ok, SourceDocument)


@pytest.mark.redis
async def test_control_characters_only_are_refused_by_the_producer(redis: Redis, names: Streams) -> None:
    """A document of control characters normalises to nothing: refused, nothing published."""
    produced, refused = await publish_documents(
        redis, [SourceDocument(text="\x08\x07", origin="ctl.txt"), SourceDocument(text="Two died.", origin="ok")],
        names=names, chunk_size=1200, partitions=1, cluster=False, max_lag=1000,
    )
    assert [p.origin for p in produced] == ["ok"]
    assert "ctl.txt: document has no text once control characters are removed" in str(refused[0])


@pytest.mark.redis
async def test_odd_chunk_entries_are_dead_lettered_with_payload_and_service(
    redis: Redis, names: Streams, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Binary bytes, a JSON array, an entry without a payload field, and a chunk the
    extractor crashes on each become one dead letter (reason, payload, service); all acked."""

    from sitrep.services._extractor import extractor_service

    monkeypatch.setenv("STREAM_PREFIX", names.prefix)

    def extract(chunk: Chunk):  # type: ignore[no-untyped-def]
        if "crash" in chunk.text:
            raise ZeroDivisionError("division by zero")
        from sitrep.core.extract.places import extract_places

        return extract_places(chunk)

    stage = extractor_service("places", extract).stage

    await ensure_topology(redis, names)
    crash = encode(make_chunk("crash here"))
    await redis.xadd(names.chunks, {"payload": b"\x00\x9f\xff binary"})
    await redis.xadd(names.chunks, {"payload": b"[1, 2]"})
    await redis.xadd(names.chunks, {"text": b"no payload field"})
    await redis.xadd(names.chunks, {"payload": crash})
    await redis.xadd(names.chunks, {"payload": encode(make_chunk("fine"))})
    reply = await redis.xreadgroup(names.group("places"), "c", {names.chunks: ">"})
    entries = reply[0][1]
    await stage.handle(redis, [e[0] for e in entries], [e[1] for e in entries])

    dead = [orjson.loads(f[b"payload"]) for _, f in await redis.xrange(names.dead_letters)]
    reasons = [d["reason"] for d in dead]
    assert "payload is not JSON" in reasons[0]
    assert "expected an object" in reasons[1]
    assert "no 'payload' field" in reasons[2] and "text" in dead[2]["payload"]
    assert reasons[3] == "division by zero" and dead[3]["error_type"] == "ZeroDivisionError"
    assert dead[3]["payload"] == crash.decode()
    assert {d["service"] for d in dead} == {"places"}
    assert await redis.xlen(names.results) == 1
    assert (await redis.xpending(names.chunks, names.group("places")))["pending"] == 0
