"""Create every stream and consumer group up front, from the first entry.

FastStream creates a missing group at ``$`` (only entries added later), so a chunk
published before an extractor first starts would be skipped by it. The producer and
every service call :func:`ensure_topology` first, which creates each group at ``0``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from redis.exceptions import ResponseError

from sitrep.streams import EXTRACTORS, Streams

if TYPE_CHECKING:
    from redis.asyncio import Redis

__all__ = ["ensure_topology"]


async def ensure_topology(redis: Redis, names: Streams) -> None:
    groups = [(names.chunks, names.group(e)) for e in EXTRACTORS]
    groups.append((names.results, names.group("merger")))
    for stream, group in groups:
        try:
            await redis.xgroup_create(stream, group, id="0", mkstream=True)
        except ResponseError as exc:
            if "BUSYGROUP" not in str(exc):
                raise
