"""The merger's join state in Redis, updated atomically by Lua scripts.

Per document: a hash ``join:<doc>`` with one field per (chunk seq, extractor), and a
marker ``emitted:<doc>`` set in the same script that appends the document's events.
Both scripts are idempotent, so any arrival order, redelivery, or number of merger
replicas yields each event exactly once on the output stream.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from sitrep.streams import PAYLOAD_FIELD, Streams

if TYPE_CHECKING:
    from redis.asyncio import Redis
    from redis.asyncio.client import Pipeline

__all__ = ["JoinStore"]

# KEYS: join hash, emitted marker. ARGV: field, payload, parts needed, ttl seconds.
# -> {state}: -1 already emitted, 0 waiting, 1 complete (+ all parts).
_JOIN = """
if redis.call('EXISTS', KEYS[2]) == 1 then return {-1} end
redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2])
redis.call('EXPIRE', KEYS[1], ARGV[4])
if redis.call('HLEN', KEYS[1]) >= tonumber(ARGV[3]) then
  return {1, redis.call('HVALS', KEYS[1])}
end
return {0}
"""

# KEYS: join hash, emitted marker, events stream. ARGV: dedup ttl, field name,
# then event_id, payload pairs. -> number of events appended (0: already emitted).
_EMIT = """
redis.call('DEL', KEYS[1])
if not redis.call('SET', KEYS[2], #ARGV / 2 - 1, 'NX', 'EX', ARGV[1]) then return 0 end
for i = 3, #ARGV, 2 do
  redis.call('XADD', KEYS[3], '*', 'event_id', ARGV[i], ARGV[2], ARGV[i + 1])
end
return (#ARGV - 2) / 2
"""

JOINED, WAITING, ALREADY_EMITTED = 1, 0, -1


class JoinStore:
    """Typed access to the two scripts, registered once per client."""

    def __init__(self, redis: Redis, names: Streams, *, join_ttl_s: int, dedup_ttl_s: int) -> None:
        self._names = names
        self._join = redis.register_script(_JOIN)
        self._emit = redis.register_script(_EMIT)
        self._join_ttl = join_ttl_s
        self._dedup_ttl = dedup_ttl_s

    async def add(
        self, pipe: Pipeline, document_id: str, part: str, payload: bytes, needed: int
    ) -> None:
        """Queue one part on ``pipe``; its reply is ``[state, parts?]``."""
        n = self._names
        await self._join(
            keys=[n.join_key(document_id), n.emitted_key(document_id)],
            args=[part, payload, needed, self._join_ttl],
            client=pipe,
        )

    async def emit(
        self, redis: Redis, document_id: str, events: Sequence[tuple[str, bytes]]
    ) -> int:
        """Append ``events`` unless this document was already emitted; drop its join state."""
        n = self._names
        args: list[str | bytes | int] = [self._dedup_ttl, PAYLOAD_FIELD]
        for event_id, payload in events:
            args += [event_id, payload]
        return int(
            await self._emit(
                keys=[n.join_key(document_id), n.emitted_key(document_id), n.events],
                args=args,
                client=redis,
            )
        )
