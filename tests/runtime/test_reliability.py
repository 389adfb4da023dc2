"""Trimming, backpressure, expiring joins and the dead-letter commands, on a real server."""

from __future__ import annotations

import asyncio
import logging
import os
import subprocess
import sys

import orjson
import pytest
from redis.asyncio import Redis

from sitrep.runtime.codec import encode
from sitrep.runtime.join import WAITING, JoinStore
from sitrep.runtime.topology import ensure_topology
from sitrep.runtime.trim import max_group_lag, safe_min_id, trim_acknowledged
from sitrep.schemas import DeadLetter
from sitrep.services.producer import publish_documents, wait_for_consumers
from sitrep.sources import SourceDocument
from sitrep.streams import EXTRACTORS, Streams
from tests.factories import REPO, make_chunk

pytestmark = pytest.mark.redis

GROUPS = [f"g{i}" for i in range(3)]


async def _stream_with_groups(redis: Redis, stream: str, n: int) -> list[bytes]:
    ids = [await redis.xadd(stream, {"payload": f"{i}"}) for i in range(n)]
    for group in GROUPS:
        await redis.xgroup_create(stream, group, id="0")
    return ids


async def test_trim_keeps_every_entry_some_group_has_not_acked(redis: Redis, names: Streams) -> None:
    """Entries pending in one group or not yet delivered to another survive the trim;
    only entries every group has acked are removed."""
    stream = names.chunks
    ids = await _stream_with_groups(redis, stream, 10)
    # g0: read all, acked all but #6 (pending); g1: read first 8, acked all; g2: read 4, acked
    await redis.xreadgroup("g0", "c", {stream: ">"})
    await redis.xack(stream, "g0", *[i for n, i in enumerate(ids) if n != 6])
    await redis.xreadgroup("g1", "c", {stream: ">"}, count=8)
    await redis.xack(stream, "g1", *ids[:8])
    await redis.xreadgroup("g2", "c", {stream: ">"}, count=4)
    await redis.xack(stream, "g2", *ids[:4])

    removed = await trim_acknowledged(redis, stream, GROUPS)
    left = [i for i, _ in await redis.xrange(stream)]
    assert removed == 4
    assert left == ids[4:]

    await redis.xreadgroup("g2", "c", {stream: ">"})
    await redis.xack(stream, "g2", *ids[4:])
    await redis.xack(stream, "g1", *ids[8:])  # never delivered to g1: no-op, still lagging
    await trim_acknowledged(redis, stream, GROUPS)
    assert [i for i, _ in await redis.xrange(stream)] == ids[6:]  # g0's pending #6 holds
    for group in GROUPS:  # every group can still read what it has not processed
        pending = await redis.xpending(stream, group)
        assert pending["pending"] == 0 or pending["min"] in ids[6:]


async def test_no_trim_when_a_group_is_missing(redis: Redis, names: Streams) -> None:
    """A stream lacking one of its expected groups is never trimmed."""
    stream = names.chunks
    await _stream_with_groups(redis, stream, 3)
    assert await safe_min_id(redis, stream, [*GROUPS, "not-created"]) is None
    assert await trim_acknowledged(redis, stream, [*GROUPS, "not-created"]) == 0
    assert await redis.xlen(stream) == 3


async def test_lag_stays_computable_after_trimming(redis: Redis, names: Streams) -> None:
    """Backpressure reads the group lag; trimming acked entries must not make it unknown."""
    stream = names.chunks
    ids = await _stream_with_groups(redis, stream, 6)
    for group in GROUPS:
        await redis.xreadgroup(group, "c", {stream: ">"}, count=4)
        await redis.xack(stream, group, *ids[:4])
    await trim_acknowledged(redis, stream, GROUPS)
    await redis.xadd(stream, {"payload": "new"})
    assert await max_group_lag(redis, stream) == 3


async def test_producer_waits_while_consumers_lag(
    redis: Redis, names: Streams, caplog: pytest.LogCaptureFixture, capsys: pytest.CaptureFixture[str]
) -> None:
    """With a group lagging more than MAX_LAG the producer blocks (and logs it) until
    the group catches up, then publishes."""
    await ensure_topology(redis, names)
    for i in range(5):
        await redis.xadd(names.chunks, {"payload": encode(make_chunk(f"old {i}"))})
    doc = SourceDocument(text="Two people were injured in a blast.", origin="t")

    async def catch_up() -> None:
        await asyncio.sleep(0.6)
        for extractor in EXTRACTORS:
            await redis.xreadgroup(names.group(extractor), "c", {names.chunks: ">"})

    with caplog.at_level(logging.WARNING):
        helper = asyncio.create_task(catch_up())
        started = asyncio.get_running_loop().time()
        produced, _ = await publish_documents(
            redis, [doc], names=names, chunk_size=1200, partitions=1, cluster=False, max_lag=3
        )
        waited = asyncio.get_running_loop().time() - started
        await helper
    assert waited >= 0.5
    assert await redis.xlen(names.chunks) == 5 + produced[0].chunk_count
    logged = caplog.text + "".join(capsys.readouterr())  # stdlib or structlog's default printer
    assert "backpressure: waiting for consumers" in logged
    assert await wait_for_consumers(redis, [names.chunks], 3) == 0.0


async def test_incomplete_document_expires_into_a_partial_outcome(
    redis: Redis, names: Streams
) -> None:
    """A document missing parts becomes a DocumentOutcome naming exactly the missing
    (seq, extractor) parts after JOIN_TTL_S, and its join state is gone."""
    store = JoinStore(redis, names, join_ttl_s=1, dedup_ttl_s=60)
    payload = orjson.dumps({"chunk": {"document_id": "d1", "chunk_count": 2, "seq": 0}})
    parts = ("0:entities", "0:casualties", "0:places", "1:places")
    replies = await store.join(redis, [("d1", part, payload, 6) for part in parts])
    assert all(r[0] == WAITING for r in replies)
    assert await store.sweep(redis) == []  # not due yet
    await asyncio.sleep(2.1)
    (outcome,) = await store.sweep(redis)
    assert outcome.status == "partial"
    assert {(m.seq, m.extractor) for m in outcome.missing} == {(1, "entities"), (1, "casualties")}
    assert (outcome.parts_present, outcome.parts_needed) == (4, 6)
    rows = await redis.xrange(names.outcomes)
    assert orjson.loads(rows[0][1][b"payload"])["document_id"] == "d1"
    assert not await redis.exists(names.join_key("d1"))
    assert await redis.zcard(names.join_deadlines) == 0
    assert await store.sweep(redis) == []  # decided once


async def test_emitted_document_is_never_swept(redis: Redis, names: Streams) -> None:
    """A completed document leaves no deadline behind, so no outcome is written for it."""
    store = JoinStore(redis, names, join_ttl_s=1, dedup_ttl_s=60)
    payload = orjson.dumps({"chunk": {"document_id": "d2", "chunk_count": 1, "seq": 0}})
    await store.join(redis, [("d2", f"0:{kind}", payload, 3) for kind in EXTRACTORS])
    assert await store.emit(redis, "d2", [("e1", b"{}")]) == 1
    await asyncio.sleep(1.1)
    assert await store.sweep(redis) == []
    assert await redis.xlen(names.outcomes) == 0


def _cli(redis_url: str, names: Streams, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "REDIS_URL": redis_url, "STREAM_PREFIX": names.prefix}
    return subprocess.run(  # noqa: S603
        [sys.executable, "-m", "sitrep.cli", "dlq", *args],
        capture_output=True, text=True, env=env, timeout=60, check=False, cwd=REPO,
    )


async def test_dlq_list_and_replay(redis_url: str, redis: Redis, names: Streams) -> None:
    """`sitrep dlq list` shows id, service, reason and document; `replay --id` puts the
    original payload back on its stream and deletes only that letter; `--all` the rest."""
    import datetime as dt

    chunk = make_chunk("five were killed")
    letters = []
    for reason in ("boom", "bang"):
        letter = DeadLetter(
            stream=names.chunks, message_id="1-0", service="places", reason=reason,
            error_type="ValueError", payload=encode(chunk).decode(), failed_at=dt.datetime.now(dt.UTC),
            document_id=chunk.document_id, chunk_id=chunk.chunk_id,
        )
        letters.append((await redis.xadd(names.dead_letters, {"payload": encode(letter)})).decode())

    listed = _cli(redis_url, names, "list", "--json")
    rows = [orjson.loads(line) for line in listed.stdout.splitlines()]
    assert [(r["id"], r["service"], r["reason"], r["document"]) for r in rows] == [
        (letters[0], "places", "boom", chunk.document_id),
        (letters[1], "places", "bang", chunk.document_id),
    ]

    assert _cli(redis_url, names, "replay", "--id", letters[0]).returncode == 0
    replayed = await redis.xrange(names.chunks)
    assert [f[b"payload"] for _, f in replayed] == [encode(chunk)]
    assert [i.decode() for i, _ in await redis.xrange(names.dead_letters)] == [letters[1]]

    assert _cli(redis_url, names, "replay", "--id", "9-9").returncode == 1
    assert _cli(redis_url, names, "replay").returncode == 2
    assert _cli(redis_url, names, "replay", "--all").returncode == 0
    assert await redis.xlen(names.dead_letters) == 0
    assert await redis.xlen(names.chunks) == 2
