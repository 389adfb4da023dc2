"""The merger's join state in Redis, updated atomically by Lua scripts.

Per document: a hash ``join:<doc>`` with one field per (chunk seq, extractor), a
deadline in the sorted set ``joins:deadlines`` (refreshed by every new part), and a
marker ``emitted:<doc>`` set in the same script that appends the document's events.
The scripts are idempotent, so any arrival order, redelivery, or number of merger
replicas yields each event exactly once on the output stream.

A document whose parts stop arriving (a result lost for good, a dead-lettered chunk)
is not dropped silently: once its deadline (JOIN_TTL_S after its last part) passes,
:meth:`JoinStore.sweep` replaces its join state with a :class:`DocumentOutcome` on
``<prefix>:outcomes`` naming the missing parts, in one script.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

import orjson

from sitrep.schemas import DocumentOutcome, MissingPart
from sitrep.streams import EXTRACTORS, PAYLOAD_FIELD, Streams

if TYPE_CHECKING:
    from redis.asyncio import Redis
    from redis.asyncio.client import Pipeline

__all__ = [
    "ALREADY_EMITTED",
    "JOINED",
    "WAITING",
    "JoinStore",
]


# KEYS: join hash, emitted marker, deadlines. ARGV: field, payload, parts needed,
# ttl seconds, document id. -> {state}: -1 already emitted, 0 waiting, 1 complete (+ parts).
_JOIN = """
if redis.call('EXISTS', KEYS[2]) == 1 then return {-1} end
redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2])
-- safety net only (no merger running for days); the sweeper decides at the deadline
redis.call('EXPIRE', KEYS[1], tonumber(ARGV[4]) * 2 + 3600)
local now = redis.call('TIME')
redis.call('ZADD', KEYS[3], tonumber(now[1]) + tonumber(ARGV[4]), ARGV[5])
if redis.call('HLEN', KEYS[1]) >= tonumber(ARGV[3]) then
  return {1, redis.call('HVALS', KEYS[1])}
end
return {0}
"""

# KEYS: join hash, emitted marker, events stream, deadlines. ARGV: dedup ttl, field
# name, document id, then event_id, payload pairs. -> events appended (0: already emitted).
_EMIT = """
redis.call('DEL', KEYS[1])
redis.call('ZREM', KEYS[4], ARGV[3])
if not redis.call('SET', KEYS[2], (#ARGV - 3) / 2, 'NX', 'EX', ARGV[1]) then return 0 end
for i = 4, #ARGV, 2 do
  redis.call('XADD', KEYS[3], '*', 'event_id', ARGV[i], ARGV[2], ARGV[i + 1])
end
return (#ARGV - 3) / 2
"""

# KEYS: join hash, emitted marker, deadlines, outcomes stream. ARGV: document id,
# parts seen by the caller, outcome payload, field name. -> 1 if the outcome was written.
# Re-checks everything the caller read, so a part arriving meanwhile (deadline moved,
# HLEN changed) or a concurrent sweeper makes this a no-op.
_SWEEP = """
local due = redis.call('ZSCORE', KEYS[3], ARGV[1])
if not due then return 0 end
local now = redis.call('TIME')
if tonumber(due) > tonumber(now[1]) then return 0 end
if redis.call('EXISTS', KEYS[2]) == 1 then
  redis.call('ZREM', KEYS[3], ARGV[1])
  redis.call('DEL', KEYS[1])
  return 0
end
if redis.call('HLEN', KEYS[1]) ~= tonumber(ARGV[2]) then return 0 end
redis.call('DEL', KEYS[1])
redis.call('ZREM', KEYS[3], ARGV[1])
redis.call('XADD', KEYS[4], '*', 'document_id', ARGV[1], ARGV[4], ARGV[3])
return 1
"""

JOINED, WAITING, ALREADY_EMITTED = 1, 0, -1


def _outcome(document_id: str, parts: dict[bytes, bytes], now: dt.datetime) -> DocumentOutcome:
    """What is missing from ``parts`` (field ``seq:extractor`` -> result JSON)."""
    chunk_count: int | None = None
    for payload in parts.values():
        try:
            ref = orjson.loads(payload).get("chunk", {})
            chunk_count = int(ref["chunk_count"])
            break
        except (orjson.JSONDecodeError, AttributeError, KeyError, TypeError, ValueError):
            continue
    present = {f.decode("utf-8", "replace") for f in parts}
    missing: list[MissingPart] = []
    if chunk_count is not None:
        missing = [
            MissingPart(seq=seq, extractor=kind)
            for seq in range(chunk_count)
            for kind in EXTRACTORS
            if f"{seq}:{kind}" not in present
        ]
    needed = chunk_count * len(EXTRACTORS) if chunk_count is not None else None
    complete = needed is not None and not missing
    return DocumentOutcome(
        document_id=document_id,
        status="failed" if complete else "partial",
        chunk_count=chunk_count,
        parts_present=len(parts),
        parts_needed=needed,
        missing=missing,
        reason=(
            "all parts arrived but building events failed; see the dead-letter stream"
            if complete
            else f"{len(missing) if needed else 'some'} extractor results did not arrive "
            "within JOIN_TTL_S of the last one"
        ),
        decided_at=now,
    )


class JoinStore:
    """Typed access to the scripts, registered once per client."""

    def __init__(self, redis: Redis, names: Streams, *, join_ttl_s: int, dedup_ttl_s: int) -> None:
        self._names = names
        self._redis = redis
        self._join = redis.register_script(_JOIN)
        self._emit = redis.register_script(_EMIT)
        self._sweep = redis.register_script(_SWEEP)
        self._join_ttl = join_ttl_s
        self._dedup_ttl = dedup_ttl_s

    async def add(
        self, pipe: Pipeline, document_id: str, part: str, payload: bytes, needed: int
    ) -> None:
        """Queue one part on ``pipe``; its reply is ``[state, parts?]``."""
        n = self._names
        keys = [n.join_key(document_id), n.emitted_key(document_id), n.join_deadlines]
        args = [part, payload, needed, self._join_ttl, document_id]
        if not hasattr(pipe, "scripts"):
            # redis-py's ClusterPipeline refuses EVALSHA; EVAL (the server caches the
            # compiled script by its hash) routes by the keys' one slot.
            pipe.execute_command("EVAL", _JOIN, len(keys), *keys, *args)
            return
        await self._join(keys=keys, args=args, client=pipe)

    async def emit(
        self, redis: Redis, document_id: str, events: Sequence[tuple[str, bytes]]
    ) -> int:
        """Append ``events`` unless this document was already emitted; drop its join state."""
        n = self._names
        args: list[str | bytes | int] = [self._dedup_ttl, PAYLOAD_FIELD, document_id]
        for event_id, payload in events:
            args += [event_id, payload]
        return int(
            await self._emit(
                keys=[
                    n.join_key(document_id),
                    n.emitted_key(document_id),
                    n.events,
                    n.join_deadlines,
                ],
                args=args,
                client=redis,
            )
        )

    async def queue_emit(
        self, pipe: Pipeline, document_id: str, events: Sequence[tuple[str, bytes]]
    ) -> None:
        """:meth:`emit` queued on ``pipe`` (its reply: events appended), so that a
        batch's completed documents are emitted in one round trip."""
        n = self._names
        keys = [n.join_key(document_id), n.emitted_key(document_id), n.events, n.join_deadlines]
        args: list[str | bytes | int] = [self._dedup_ttl, PAYLOAD_FIELD, document_id]
        for event_id, payload in events:
            args += [event_id, payload]
        if not hasattr(pipe, "scripts"):  # ClusterPipeline: EVAL, see add()
            pipe.execute_command("EVAL", _EMIT, len(keys), *keys, *args)
            return
        await self._emit(keys=keys, args=args, client=pipe)

    async def sweep(self, redis: Redis, *, limit: int = 100) -> list[DocumentOutcome]:
        """Turn every join past its deadline into a :class:`DocumentOutcome`; return them."""
        n = self._names
        seconds, micros = await redis.time()
        now = dt.datetime.fromtimestamp(seconds + micros / 1e6, dt.UTC)
        due = await redis.zrangebyscore(n.join_deadlines, "-inf", seconds, start=0, num=limit)
        written: list[DocumentOutcome] = []
        for raw in due:
            document_id = raw.decode()
            parts: dict[bytes, bytes] = await redis.hgetall(n.join_key(document_id))
            outcome = _outcome(document_id, parts, now)
            done = await self._sweep(
                keys=[
                    n.join_key(document_id),
                    n.emitted_key(document_id),
                    n.join_deadlines,
                    n.outcomes,
                ],
                args=[document_id, len(parts), outcome.model_dump_json(), PAYLOAD_FIELD],
                client=redis,
            )
            if int(done):
                written.append(outcome)
        return written
