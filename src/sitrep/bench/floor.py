"""The floor: the same topology in plain redis-py (hiredis parser), no framework, no
validation, no extraction. Each role runs as its own process, like sitrep's services.

- extractor NAME: XREADGROUP COUNT n on chunks; per entry one result (the chunk
  payload plus the kind: a result is as large as sitrep's, which embeds the chunk
  text); XADD results + XACK in one MULTI/EXEC.
- merger: XREADGROUP COUNT n on results; one Lua join per entry (HSET part; when the
  document is complete: XADD one event, SET the done marker, DEL the join); XACK.

``tuned`` (run 1b) is the same topology with the two client-side techniques sitrep's
services use on top of plain redis-py: commands packed by hiredis (redis-py's asyncio
client packs in Python) and the merger joining a whole batch in ONE script call that
also acks it (no per-entry script call, no SCRIPT EXISTS before each pipeline). It is
what raw Redis allows at best for this topology, so 2/1b is the stricter ratio.

Run: ``python -m sitrep.bench.floor extractor|merger NAME URL PREFIX BATCH [plain|tuned]``.
"""

from __future__ import annotations

import asyncio
import signal
import sys

import orjson
from redis.asyncio import Redis

from sitrep.runtime.clients import connection_options
from sitrep.streams import EXTRACTORS, PAYLOAD_FIELD, Streams

__all__ = ["FLOOR_GROUP_PREFIX", "done_key", "main", "run_extractor", "run_merger"]

FLOOR_GROUP_PREFIX = "floor"
_FIELD = PAYLOAD_FIELD.encode()

# KEYS: join hash, done marker, events. ARGV: part, payload, needed, document id.
_JOIN = """
if redis.call('EXISTS', KEYS[2]) == 1 then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
if redis.call('HLEN', KEYS[1]) >= tonumber(ARGV[3]) then
  redis.call('DEL', KEYS[1])
  redis.call('SET', KEYS[2], 1, 'EX', 3600)
  redis.call('XADD', KEYS[3], '*', 'document_id', ARGV[4])
  return 1
end
return 0
"""

# Tuned: KEYS: events, results, then per entry its document's join hash and done
# marker. ARGV: group, then per entry: entry id, part, payload, needed, document id.
_JOIN_BATCH = """
for i = 1, (#KEYS - 2) / 2 do
  local join, done, a = KEYS[2 * i + 1], KEYS[2 * i + 2], 5 * i - 3
  if redis.call('EXISTS', done) == 0 then
    redis.call('HSET', join, ARGV[a + 1], ARGV[a + 2])
    if redis.call('HLEN', join) >= tonumber(ARGV[a + 3]) then
      redis.call('DEL', join)
      redis.call('SET', done, 1, 'EX', 3600)
      redis.call('XADD', KEYS[1], '*', 'document_id', ARGV[a + 4])
    end
  end
  redis.call('XACK', KEYS[2], ARGV[1], ARGV[a])
end
return 1
"""


def done_key(names: Streams, document_id: str) -> str:
    """The floor merger's 'document complete' marker (sitrep's is ``emitted_key``)."""
    return names.emitted_key(document_id)


async def _ensure(redis: Redis, stream: str, group: str) -> None:
    try:
        await redis.xgroup_create(stream, group, id="0", mkstream=True)
    except Exception as exc:  # noqa: BLE001 - BUSYGROUP: the group exists
        if "BUSYGROUP" not in str(exc):
            raise


def _client(url: str, *, tuned: bool) -> Redis:
    return Redis.from_url(url, **(connection_options(url) if tuned else {}))


async def run_extractor(
    url: str, names: Streams, name: str, batch: int, stop: asyncio.Event, *, tuned: bool = False
) -> None:
    redis = _client(url, tuned=tuned)
    group = f"{FLOOR_GROUP_PREFIX}:{name}"
    await _ensure(redis, names.chunks, group)
    kind = name.encode()
    while not stop.is_set():
        reply = await redis.xreadgroup(group, name, {names.chunks: ">"}, count=batch, block=100)
        if not reply:
            continue
        entries = reply[0][1]
        async with redis.pipeline(transaction=True) as pipe:
            for _entry_id, fields in entries:
                chunk = orjson.loads(fields[_FIELD])
                pipe.xadd(
                    names.results,
                    {
                        b"kind": kind,
                        b"doc": chunk["document_id"],
                        b"seq": chunk["seq"],
                        b"n": chunk["chunk_count"],
                        _FIELD: fields[_FIELD],
                    },
                )
            pipe.xack(names.chunks, group, *[e[0] for e in entries])
            await pipe.execute()
    await redis.aclose()


async def run_merger(
    url: str, names: Streams, batch: int, stop: asyncio.Event, *, tuned: bool = False
) -> None:
    redis = _client(url, tuned=tuned)
    group = f"{FLOOR_GROUP_PREFIX}:merger"
    await _ensure(redis, names.results, group)
    join = redis.register_script(_JOIN)
    join_batch = redis.register_script(_JOIN_BATCH)
    parts = len(EXTRACTORS)
    while not stop.is_set():
        reply = await redis.xreadgroup(group, "merger", {names.results: ">"}, count=batch, block=100)
        if not reply:
            continue
        entries = reply[0][1]
        if tuned:
            keys: list[str] = [names.events, names.results]
            args: list[bytes | str | int] = [group]
            for entry_id, f in entries:
                doc = f[b"doc"].decode()
                keys += [names.join_key(doc), done_key(names, doc)]
                args += [entry_id, f[b"seq"] + b":" + f[b"kind"], f[_FIELD], int(f[b"n"]) * parts, doc]
            await join_batch(keys=keys, args=args)
            continue
        async with redis.pipeline(transaction=False) as pipe:
            for _entry_id, f in entries:
                doc = f[b"doc"].decode()
                await join(
                    keys=[names.join_key(doc), done_key(names, doc), names.events],
                    args=[f[b"seq"] + b":" + f[b"kind"], f[_FIELD], int(f[b"n"]) * parts, doc],
                    client=pipe,
                )
            pipe.xack(names.results, group, *[e[0] for e in entries])
            await pipe.execute()
    await redis.aclose()


def main(argv: list[str]) -> None:
    """Entry point of one floor process; stops on SIGTERM."""
    role, name, url, prefix, batch = argv[:5]
    tuned = len(argv) > 5 and argv[5] == "tuned"
    names = Streams(prefix)

    async def go() -> None:
        stop = asyncio.Event()
        asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)
        if role == "extractor":
            await run_extractor(url, names, name, int(batch), stop, tuned=tuned)
        else:
            await run_merger(url, names, int(batch), stop, tuned=tuned)

    asyncio.run(go())


if __name__ == "__main__":
    main(sys.argv[1:])
