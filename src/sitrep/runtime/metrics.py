"""Prometheus metrics of a service process (served on METRICS_PORT when set).

Counters and the histogram are updated inline by the consumer stage; the per-group
gauges (lag, pending) come from XINFO GROUPS, refreshed by a periodic job of every service (runtime/service.py),
because only Redis knows how far behind a group is.
"""

from __future__ import annotations

from collections.abc import Iterable

from prometheus_client import Counter, Gauge, Histogram
from redis.asyncio import Redis
from redis.exceptions import ResponseError

from sitrep.streams import EXTRACTORS, Streams

__all__ = [
    "CONSUMER_LAG",
    "DEAD_LETTERS",
    "EVENTS_OUT",
    "MESSAGES_IN",
    "MESSAGES_OUT",
    "PENDING",
    "PROCESSING",
    
    "observe_batch",
    "observe_out",
    "topology_groups",
    "update_group_gauges",
]

MESSAGES_IN = Counter("sitrep_messages_in_total", "Stream entries consumed", ["service"])
MESSAGES_OUT = Counter(
    "sitrep_messages_out_total", "Entries a service wrote to its output stream", ["service", "stream"]
)
DEAD_LETTERS = Counter("sitrep_dead_letters_total", "Entries sent to the dead-letter stream", ["service"])
EVENTS_OUT = Counter("sitrep_events_out_total", "Events published on the output stream", ["service"])
PROCESSING = Histogram(
    "sitrep_batch_seconds",
    "Time to process one delivered batch, read to ack",
    ["service"],
    buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5),
)
CONSUMER_LAG = Gauge(
    "sitrep_consumer_lag",
    "Entries in the stream not yet delivered to the group (XINFO GROUPS lag)",
    ["group", "stream"],
)
PENDING = Gauge(
    "sitrep_pending",
    "Entries delivered to the group but not yet acknowledged (XINFO GROUPS pending)",
    ["group", "stream"],
)


def observe_batch(service: str, entries: int, dead: int, seconds: float) -> None:
    MESSAGES_IN.labels(service).inc(entries)
    if dead:
        DEAD_LETTERS.labels(service).inc(dead)
    PROCESSING.labels(service).observe(seconds)


def observe_out(service: str, stream: str, n: int) -> None:
    """Count ``n`` entries ``service`` wrote to ``stream`` (results, events)."""
    if n:
        MESSAGES_OUT.labels(service, stream).inc(n)


def topology_groups(names: Streams) -> list[tuple[str, str]]:
    """Every (stream, group) pair of the pipeline."""
    pairs = [(names.chunks, names.group(e)) for e in EXTRACTORS]
    pairs.append((names.results, names.group("merger")))
    return pairs


def _text(value: object) -> str:
    return value.decode() if isinstance(value, bytes) else str(value)


async def update_group_gauges(
    redis: Redis, pairs: Iterable[tuple[str, str]]
) -> dict[str, tuple[int | None, int]]:
    """Read XINFO GROUPS for each stream and set the lag/pending gauges of the wanted
    groups; return ``{group: (lag, pending)}``. A missing stream or group is skipped;
    a lag Redis cannot compute (after deletions) is exported as NaN, not as 0."""
    wanted: dict[str, set[str]] = {}
    for stream, group in pairs:
        wanted.setdefault(stream, set()).add(group)
    out: dict[str, tuple[int | None, int]] = {}
    for stream, groups in wanted.items():
        try:
            infos = await redis.xinfo_groups(stream)
        except ResponseError:  # no such stream yet
            continue
        for info in infos:
            info = {_text(k): v for k, v in info.items()}
            group = _text(info.get("name", ""))
            if group not in groups:
                continue
            lag_raw = info.get("lag")
            lag = int(lag_raw) if lag_raw is not None else None
            pending = int(info.get("pending", 0))
            CONSUMER_LAG.labels(group, stream).set(float("nan") if lag is None else lag)
            PENDING.labels(group, stream).set(pending)
            out[group] = (lag, pending)
    return out
