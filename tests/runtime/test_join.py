"""The merger's join scripts on a real server: one call per batch, script loss,
emission atomic with the completing entry's acknowledgement."""

from __future__ import annotations

import orjson
import pytest
from redis.asyncio import Redis
from redis.exceptions import ResponseError

from sitrep.runtime.join import ALREADY_EMITTED, JOINED, WAITING, JoinStore
from sitrep.runtime.topology import ensure_topology
from sitrep.streams import EXTRACTORS, Streams

pytestmark = pytest.mark.redis


def _store(redis: Redis, names: Streams) -> JoinStore:
    return JoinStore(redis, names, join_ttl_s=60, dedup_ttl_s=60)


def _parts(doc: str, chunks: int) -> list[tuple[str, str, bytes, int]]:
    return [
        (doc, f"{seq}:{kind}", orjson.dumps({"seq": seq, "kind": kind}), chunks * len(EXTRACTORS))
        for seq in range(chunks)
        for kind in EXTRACTORS
    ]


async def test_one_call_joins_several_documents_and_reports_each_part(
    redis: Redis, names: Streams
) -> None:
    """Parts of two documents in one batch: every part but a document's last waits; the
    last returns JOINED with all of that document's parts; the other stays open."""
    a, b = _parts("a", 2), _parts("b", 1)
    replies = await _store(redis, names).join(redis, [*a, *b[:2]])
    assert [r[0] for r in replies] == [WAITING] * 5 + [JOINED] + [WAITING] * 2
    assert sorted(replies[5][1]) == sorted(p[2] for p in a)
    assert await redis.hlen(names.join_key("b")) == 2
    assert await redis.zscore(names.join_deadlines, "b") is not None


async def test_parts_of_an_emitted_document_are_reported_and_not_stored(
    redis: Redis, names: Streams
) -> None:
    """After emission, a redelivered part answers ALREADY_EMITTED and leaves no join state."""
    store = _store(redis, names)
    parts = _parts("d", 1)
    await store.join(redis, parts)
    assert await store.emit(redis, "d", [("e1", b"{}")]) == 1
    (reply,) = await store.join(redis, parts[:1])
    assert reply[0] == ALREADY_EMITTED
    assert not await redis.exists(names.join_key("d"))


async def test_join_survives_a_server_that_lost_its_scripts(redis: Redis, names: Streams) -> None:
    """SCRIPT FLUSH (as after a restart) makes the next call load the script and run again."""
    store = _store(redis, names)
    parts = _parts("f", 1)
    await store.join(redis, parts[:1])
    await redis.script_flush()
    replies = await store.join(redis, parts[1:])
    assert [r[0] for r in replies] == [WAITING, JOINED]
    assert len(replies[1][1]) == len(EXTRACTORS)


async def _completing_entry(redis: Redis, names: Streams) -> bytes:
    """A result entry read (pending) by the merger group."""
    await ensure_topology(redis, names)
    entry_id = await redis.xadd(names.results, {"payload": b"{}"})
    await redis.xreadgroup(names.group("merger"), "m", {names.results: ">"})
    return entry_id


async def test_queued_emit_appends_once_and_acks_the_completing_entry(
    redis: Redis, names: Streams
) -> None:
    """In a MULTI/EXEC the emit appends the events, drops the join state and acks the
    completing entry; a second emission of the same document appends nothing."""
    store = _store(redis, names)
    await store.join(redis, _parts("q", 1))
    entry_id = await _completing_entry(redis, names)
    group = names.group("merger")
    async with redis.pipeline(transaction=True) as pipe:
        store.queue_emit(pipe, "q", [("e1", b'{"n":1}'), ("e2", b'{"n":2}')], ack=(group, entry_id))
        replies = await pipe.execute()
    assert replies == [2]
    assert [f[b"event_id"] for _, f in await redis.xrange(names.events)] == [b"e1", b"e2"]
    assert (await redis.xpending(names.results, group))["pending"] == 0
    assert not await redis.exists(names.join_key("q"))
    assert await redis.zscore(names.join_deadlines, "q") is None
    async with redis.pipeline(transaction=True) as pipe:
        store.queue_emit(pipe, "q", [("e1", b"{}")], ack=(group, entry_id))
        assert await pipe.execute() == [0]
    assert await redis.xlen(names.events) == 2


async def test_failed_emit_leaves_the_completing_entry_pending(
    redis: Redis, names: Streams
) -> None:
    """If the events cannot be written, the completing entry is not acknowledged (it is
    redelivered) and the join state stays, while the batch's other commands still run."""
    store = _store(redis, names)
    await store.join(redis, _parts("x", 1))
    entry_id = await _completing_entry(redis, names)
    await redis.set(names.events, "not a stream")  # XADD on it fails inside the script
    group = names.group("merger")
    async with redis.pipeline(transaction=True) as pipe:
        store.queue_emit(pipe, "x", [("e1", b"{}")], ack=(group, entry_id))
        pipe.set(f"{names.prefix}:other", "1")
        with pytest.raises(ResponseError):
            await pipe.execute()
    pending = await redis.xpending(names.results, group)
    assert pending["pending"] == 1
    assert await redis.hlen(names.join_key("x")) == len(EXTRACTORS)
    assert await redis.get(f"{names.prefix}:other") == b"1"
