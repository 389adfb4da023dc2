"""The merger's join state in Redis, updated atomically by Lua scripts.

Per document: a hash ``join:<doc>`` with one field per (chunk seq, extractor), a
deadline in the sorted set ``joins:deadlines`` (refreshed by every new part), and a
marker ``emitted:<doc>`` set in the same script that appends the document's events
and then acknowledges the result entry that completed the document. A batch of
results is joined by one script call. The scripts are idempotent, so any arrival order, redelivery, or number of merger
replicas yields each event exactly once on the output stream.

A document whose parts stop arriving (a result lost for good, a dead-lettered chunk)
is not dropped silently: once its deadline (JOIN_TTL_S after its last part) passes,
:meth:`JoinStore.sweep` replaces its join state with a :class:`DocumentOutcome` on
``<prefix>:outcomes`` naming the missing parts, in one script.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import orjson
from redis.exceptions import NoScriptError

from sitrep.schemas import DocumentOutcome, MissingPart
from sitrep.streams import EXTRACTORS, PAYLOAD_FIELD, Streams

if TYPE_CHECKING:
    from redis.asyncio import Redis
    from redis.asyncio.client import Pipeline
    from redis.commands.core import AsyncScript

__all__ = [
    "ALREADY_EMITTED",
    "JOINED",
    "WAITING",
    "JoinStore",
    "Part",
]


# KEYS: deadlines, then per part its document's join hash and emitted marker. ARGV:
# ttl seconds, then per part: field, payload, parts needed, document id.
# -> per part {state}: -1 already emitted, 0 waiting, 1 complete (+ the parts).
# One call joins a whole batch (all its keys are in one partition, so one slot).
_JOIN = """
local ttl = tonumber(ARGV[1])
local now = redis.call('TIME')
local due = tonumber(now[1]) + ttl
local out = {}
for i = 1, (#KEYS - 1) / 2 do
  local join, emitted, a = KEYS[2 * i], KEYS[2 * i + 1], 4 * i - 2
  if redis.call('EXISTS', emitted) == 1 then
    out[i] = {-1}
  else
    redis.call('HSETNX', join, ARGV[a], ARGV[a + 1])
    -- safety net only (no merger running for days); the sweeper decides at the deadline
    redis.call('EXPIRE', join, ttl * 2 + 3600)
    redis.call('ZADD', KEYS[1], due, ARGV[a + 3])
    if redis.call('HLEN', join) >= tonumber(ARGV[a + 2]) then
      out[i] = {1, redis.call('HVALS', join)}
    else
      out[i] = {0}
    end
  end
end
return out
"""

# KEYS: join hash, emitted marker, events stream, deadlines, results stream. ARGV:
# dedup ttl, field name, document id, merger group, completing result entry id
# ('' for none), then event_id, payload pairs. -> events appended (0: already emitted).
# The completing entry is acked last, after the writes: a script that fails midway
# leaves it pending (redelivered) and the join state in place.
_EMIT = """
local n = (#ARGV - 5) / 2
if redis.call('SET', KEYS[2], n, 'NX', 'EX', ARGV[1]) then
  for i = 6, #ARGV, 2 do
    redis.call('XADD', KEYS[3], '*', 'event_id', ARGV[i], ARGV[2], ARGV[i + 1])
  end
else
  n = 0
end
redis.call('DEL', KEYS[1])
redis.call('ZREM', KEYS[4], ARGV[3])
if ARGV[5] ~= '' then redis.call('XACK', KEYS[5], ARGV[4], ARGV[5]) end
return n
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


#: One part to join: (document id, field ``seq:extractor``, result JSON, parts needed).
Part = tuple[str, str, bytes, int]


class JoinStore:
    """Typed access to the scripts, registered once per client.

    A batch's parts are joined by one script call, sent as EVALSHA by sitrep rather
    than through redis-py's pipeline script support (which precedes every pipeline
    with a SCRIPT EXISTS round trip); a server that lost its scripts (restart, SCRIPT
    FLUSH) answers NOSCRIPT and the call is re-run after SCRIPT LOAD (the scripts are
    idempotent)."""

    def __init__(self, redis: Redis, names: Streams, *, join_ttl_s: int, dedup_ttl_s: int) -> None:
        self._names = names
        self._redis = redis
        self._join = redis.register_script(_JOIN)
        self._emit = redis.register_script(_EMIT)
        self._sweep = redis.register_script(_SWEEP)
        self._join_ttl = join_ttl_s
        self._dedup_ttl = dedup_ttl_s

    async def join(self, redis: Redis, parts: Sequence[Part]) -> list[list[Any]]:
        """Join ``parts`` in one script call; one ``[state, parts?]`` reply per part."""
        if not parts:
            return []
        n = self._names
        keys: list[str] = [n.join_deadlines]
        args: list[Any] = [self._join_ttl]
        for document_id, part, payload, needed in parts:
            keys += [n.join_key(document_id), n.emitted_key(document_id)]
            args += [part, payload, needed, document_id]
        replies: list[list[Any]] = await _evalsha(redis, self._join, len(keys), *keys, *args)
        return replies

    def _emit_args(
        self,
        document_id: str,
        events: Sequence[tuple[str, bytes]],
        ack: tuple[str, bytes] | None,
    ) -> list[Any]:
        n = self._names
        keys = [
            n.join_key(document_id),
            n.emitted_key(document_id),
            n.events,
            n.join_deadlines,
            n.results,
        ]
        group, entry_id = ack or ("", b"")
        call: list[Any] = [len(keys), *keys, self._dedup_ttl, PAYLOAD_FIELD, document_id]
        call += [group, entry_id]
        for event_id, payload in events:
            call += [event_id, payload]
        return call

    async def emit(
        self, redis: Redis, document_id: str, events: Sequence[tuple[str, bytes]]
    ) -> int:
        """Append ``events`` unless this document was already emitted; drop its join state."""
        return int(await _evalsha(redis, self._emit, *self._emit_args(document_id, events, None)))

    def queue_emit(
        self,
        pipe: Pipeline,
        document_id: str,
        events: Sequence[tuple[str, bytes]],
        *,
        ack: tuple[str, bytes],
    ) -> None:
        """:meth:`emit` queued on the stage's MULTI/EXEC ``pipe``, acknowledging the
        completing result ``ack`` = (group, entry id) after the events are written;
        its reply is the number of events appended. Sent as EVAL (the server caches
        it by hash): an EVALSHA the server lost would fail inside EXEC, not before."""
        pipe.execute_command("EVAL", _EMIT, *self._emit_args(document_id, events, ack))

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


async def _evalsha(redis: Redis, script: AsyncScript, *call: Any) -> Any:
    """EVALSHA ``script`` with ``call`` (numkeys, keys, args); if the server does not
    know it (restart, SCRIPT FLUSH), load it and run the call again. Only for
    idempotent scripts. On a cluster the call is routed by its keys' slot."""
    try:
        return await redis.execute_command("EVALSHA", script.sha, *call)
    except NoScriptError:
        await redis.script_load(script.script)  # on a cluster: every primary
        return await redis.execute_command("EVALSHA", script.sha, *call)
