"""The shared consumer stage on a real server: dead letters, acks, reclaim, poison."""

from __future__ import annotations

import asyncio
import dataclasses

import orjson
import pytest
from pydantic import TypeAdapter
from redis.asyncio import Redis

from sitrep.runtime.broker import make_broker
from sitrep.runtime.codec import encode
from sitrep.runtime.consumer import Item, Outcome, Stage
from sitrep.runtime.topology import ensure_topology
from sitrep.schemas import Chunk
from sitrep.settings import Settings
from sitrep.streams import Streams
from tests.factories import make_chunk

pytestmark = pytest.mark.redis


def _stage(names: Streams, **overrides: object) -> Stage[Chunk]:
    """A stage whose work copies each chunk's text, upper-cased, to the results stream."""

    async def work(_: Redis, pipe, items: list[Item[Chunk]]) -> Outcome:  # type: ignore[no-untyped-def]
        for item in items:
            pipe.xadd(names.results, {"payload": item.message.text.upper()})
        return Outcome()

    settings = Settings(**{"batch_size": 10, "poll_ms": 20, "claim_idle_ms": 200, **overrides})
    return Stage(
        service="entities",
        stream=names.chunks,
        group=names.group("entities"),
        dead_letters=names.dead_letters,
        adapter=TypeAdapter(Chunk),
        work=work,
        settings=settings,
    )


async def _dead_letters(redis: Redis, names: Streams) -> list[dict[str, object]]:
    return [orjson.loads(f[b"payload"]) for _, f in await redis.xrange(names.dead_letters)]


async def test_bad_entries_are_dead_lettered_and_good_ones_processed(
    redis: Redis, names: Streams
) -> None:
    """Not JSON, missing fields and an unknown version each become a dead letter with
    the reason and payload; the good entry is processed; nothing stays pending."""
    await ensure_topology(redis, names)
    good = make_chunk("three were hurt")
    ids = [
        await redis.xadd(names.chunks, {"payload": encode(good)}),
        await redis.xadd(names.chunks, {"payload": b"\xff not json"}),
        await redis.xadd(names.chunks, {"payload": b'{"schema_version": "1.0", "text": "x"}'}),
        await redis.xadd(names.chunks, {"payload": b'{"schema_version": "9.1"}'}),
    ]
    reply = await redis.xreadgroup(names.group("entities"), "c1", {names.chunks: ">"})
    entries = reply[0][1]
    await _stage(names).handle(redis, [e[0] for e in entries], [e[1] for e in entries])

    results = await redis.xrange(names.results)
    assert [f[b"payload"] for _, f in results] == [b"THREE WERE HURT"]
    dead = await _dead_letters(redis, names)
    assert [d["message_id"] for d in dead] == [i.decode() for i in ids[1:]]
    assert "not JSON" in str(dead[0]["reason"])
    assert "does not match the schema" in str(dead[1]["reason"])
    assert "unknown schema_version '9.1'" in str(dead[2]["reason"])
    assert dead[0]["service"] == "entities"
    assert dead[2]["payload"] == '{"schema_version": "9.1"}'
    pending = await redis.xpending(names.chunks, names.group("entities"))
    assert pending["pending"] == 0


async def test_running_consumer_dead_letters_malformed_and_keeps_consuming(
    redis_url: str, redis: Redis, names: Streams
) -> None:
    """Through FastStream: a malformed entry does not stop the subscriber."""
    await ensure_topology(redis, names)
    broker = make_broker(redis_url)
    _stage(names).register(broker)
    async with broker:
        await broker.start()
        await redis.xadd(names.chunks, {"payload": b"garbage"})
        await redis.xadd(names.chunks, {"payload": encode(make_chunk("after the garbage"))})
        for _ in range(100):
            if await redis.xlen(names.results) and await redis.xlen(names.dead_letters):
                break
            await asyncio.sleep(0.05)
    assert [f[b"payload"] for _, f in await redis.xrange(names.results)] == [b"AFTER THE GARBAGE"]
    assert len(await _dead_letters(redis, names)) == 1


async def test_pending_entries_of_a_dead_consumer_are_reclaimed(
    redis_url: str, redis: Redis, names: Streams
) -> None:
    """Entries read by a consumer that died before acking are claimed and processed by a live one."""
    await ensure_topology(redis, names)
    for i in range(5):
        await redis.xadd(names.chunks, {"payload": encode(make_chunk(f"chunk {i}"))})
    # "dead" reads everything and never acknowledges
    await redis.xreadgroup(names.group("entities"), "dead", {names.chunks: ">"})
    broker = make_broker(redis_url)
    stage = _stage(names)
    stage.register(broker)
    stop = asyncio.Event()
    async with broker:
        await broker.start()
        reclaimer = asyncio.create_task(stage.reclaim_forever(redis, stop))
        for _ in range(100):
            if await redis.xlen(names.results) >= 5:
                break
            await asyncio.sleep(0.05)
        stop.set()
        await asyncio.wait_for(reclaimer, 5)
    texts = sorted(f[b"payload"] for _, f in await redis.xrange(names.results))
    assert texts == [f"CHUNK {i}".encode() for i in range(5)]
    assert (await redis.xpending(names.chunks, names.group("entities")))["pending"] == 0


async def test_reclaim_claims_a_dead_consumers_entries_a_batch_at_a_time(
    redis: Redis, names: Streams
) -> None:
    """25 entries pending on a dead consumer come back in batches of batch_size (10),
    each delivered once more, all processed and acknowledged by the third call."""
    await ensure_topology(redis, names)
    for i in range(25):
        await redis.xadd(names.chunks, {"payload": encode(make_chunk(f"chunk {i}"))})
    await redis.xreadgroup(names.group("entities"), "dead", {names.chunks: ">"})
    stage = _stage(names, claim_idle_ms=100)
    await asyncio.sleep(0.15)
    cursor = b"0-0"
    done = []
    for _ in range(3):
        cursor = await stage.reclaim(redis, cursor)
        done.append(await redis.xlen(names.results))
    assert done == [10, 20, 25]
    assert cursor == b"0-0"
    assert (await redis.xpending(names.chunks, names.group("entities")))["pending"] == 0
    assert await redis.xlen(names.dead_letters) == 0


async def test_reclaim_leaves_entries_that_are_not_idle_long_enough(
    redis: Redis, names: Streams
) -> None:
    """A live consumer's fresh entries are not taken from it."""
    await ensure_topology(redis, names)
    await redis.xadd(names.chunks, {"payload": encode(make_chunk("busy"))})
    await redis.xreadgroup(names.group("entities"), "alive", {names.chunks: ">"})
    await _stage(names, claim_idle_ms=60_000).reclaim(redis)
    assert await redis.xlen(names.results) == 0
    assert (await redis.xpending(names.chunks, names.group("entities")))["pending"] == 1


async def test_poison_entry_goes_to_dead_letters_after_max_deliveries(
    redis: Redis, names: Streams
) -> None:
    """An entry delivered more than max_deliveries times is dead-lettered, not retried."""
    await ensure_topology(redis, names)
    entry_id = await redis.xadd(names.chunks, {"payload": encode(make_chunk("poison"))})
    await redis.xreadgroup(names.group("entities"), "c1", {names.chunks: ">"})
    for _ in range(3):  # three more deliveries by claiming
        await redis.xclaim(names.chunks, names.group("entities"), "c2", 0, [entry_id])
    stage = _stage(names, max_deliveries=3)
    fields = (await redis.xrange(names.chunks))[0][1]
    await stage.handle(redis, [entry_id], [fields], reclaimed=True)
    assert await redis.xlen(names.results) == 0
    (dead,) = await _dead_letters(redis, names)
    assert dead["delivery_count"] == 4
    assert "delivered 4 times" in str(dead["reason"])


async def test_work_acks_its_own_entries_and_sees_its_replies(redis: Redis, names: Streams) -> None:
    """Entries a work function acks itself are left out of the batch's XACK (they stay
    pending until the work's own command acks them), and ``written`` receives the
    replies of exactly the commands the work queued."""
    await ensure_topology(redis, names)
    for i in range(3):
        await redis.xadd(names.chunks, {"payload": encode(make_chunk(f"chunk {i}"))})
    reply = await redis.xreadgroup(names.group("entities"), "c1", {names.chunks: ">"})
    ids = [e[0] for e in reply[0][1]]
    seen: list[list[object]] = []

    async def work(_: Redis, pipe, items: list[Item[Chunk]]) -> Outcome:  # type: ignore[no-untyped-def]
        pipe.xadd(names.results, {"payload": b"one"})
        pipe.xadd(names.results, {"payload": b"two"})
        return Outcome(self_acked=frozenset({items[0].entry_id}), written=seen.append)

    stage = dataclasses.replace(_stage(names), work=work)
    await stage.handle(redis, ids, [e[1] for e in reply[0][1]])
    (replies,) = seen
    assert len(replies) == 2
    assert all(isinstance(r, bytes) and b"-" in r for r in replies)  # two stream entry ids
    pending = await redis.xpending_range(names.chunks, names.group("entities"), "-", "+", 10)
    assert [p["message_id"] for p in pending] == [ids[0]]
