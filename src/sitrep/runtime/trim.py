"""Trim a stream only below what every consumer group has acknowledged.

A plain MAXLEN would drop entries a slow or dead group has not processed yet. Instead
the bound is computed per group — its oldest pending entry if it has any, else the
entry after its last-delivered id — and the stream is trimmed with ``XTRIM MINID``
to the smallest bound. Everything below it has been read and acked by every group.

The bound is safe without a lock: between reading it and trimming, groups only move
forward (new deliveries are above last-delivered; pending entries only get acked).
A stream missing one of its expected groups is never trimmed (a group created later
at ``0`` would find its entries gone).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from redis.exceptions import ResponseError

if TYPE_CHECKING:
    from redis.asyncio import Redis

__all__ = ["max_group_lag", "safe_min_id", "trim_acknowledged"]


def _text(value: object) -> str:
    return value.decode() if isinstance(value, bytes) else str(value)


def _parse(entry_id: object) -> tuple[int, int]:
    ms, _, seq = _text(entry_id).partition("-")
    return int(ms), int(seq or 0)


async def _groups(redis: Redis, stream: str) -> dict[str, dict[str, Any]]:
    try:
        infos = await redis.xinfo_groups(stream)
    except ResponseError:  # no such stream
        return {}
    out = {}
    for info in infos:
        info = {_text(k): v for k, v in info.items()}
        out[_text(info["name"])] = info
    return out


async def safe_min_id(redis: Redis, stream: str, groups: Iterable[str]) -> str | None:
    """The smallest id any of ``groups`` may still need, or None (do not trim)."""
    wanted = list(groups)
    infos = await _groups(redis, stream)
    if not wanted or any(g not in infos for g in wanted):
        return None
    bounds: list[tuple[int, int]] = []
    for group in wanted:
        info = infos[group]
        ms, seq = _parse(info["last-delivered-id"])
        bound = (ms, seq + 1)
        if int(info.get("pending") or 0):
            summary = await redis.xpending(stream, group)
            if summary.get("pending") and summary.get("min") is not None:
                bound = min(bound, _parse(summary["min"]))
        bounds.append(bound)
    ms, seq = min(bounds)
    return f"{ms}-{seq}"


async def trim_acknowledged(redis: Redis, stream: str, groups: Iterable[str]) -> int:
    """XTRIM ``stream`` below :func:`safe_min_id`; return the number of entries removed."""
    bound = await safe_min_id(redis, stream, groups)
    if bound is None or bound == "0-1":
        return 0
    return int(await redis.xtrim(stream, minid=bound, approximate=False))


async def max_group_lag(redis: Redis, stream: str, *, cap: int = 1_000_000) -> int:
    """The largest number of entries any group of ``stream`` has not yet been delivered.

    XINFO GROUPS ``lag`` is nil when Redis cannot compute it (after XDEL); then count
    the entries after the group's last-delivered id, which is exact and bounded.
    """
    worst = 0
    for info in (await _groups(redis, stream)).values():
        lag = info.get("lag")
        if lag is None:
            ms, seq = _parse(info["last-delivered-id"])
            rows = await redis.xrange(stream, min=f"({ms}-{seq}", max="+", count=cap + 1)
            lag = len(rows)
        worst = max(worst, int(lag))
    return worst
