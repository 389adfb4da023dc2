"""Read the public event stream as a subscriber does: plain XRANGE/XREAD, no group.

A subscriber never joins a consumer group of the pipeline (it would steal entries);
it reads by entry id, so any number of readers can follow the stream independently.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable, Iterable, Sequence
from pathlib import Path

from pydantic import TypeAdapter
from redis.asyncio import Redis
from redis.asyncio.cluster import RedisCluster

from sitrep.errors import BadMessageError
from sitrep.runtime.codec import decode_payload
from sitrep.schemas import Event
from sitrep.streams import PAYLOAD_FIELD, Streams

__all__ = ["events_from_jsonl", "parse_event", "stream_all_events", "stream_events"]

_FIELD = PAYLOAD_FIELD.encode()
PAGE = 1000


_EVENT: TypeAdapter[Event] = TypeAdapter(Event)


def parse_event(raw: bytes | str, where: str) -> Event:
    """Validate one payload as the services do; a bad one raises
    :class:`BadMessageError` naming ``where``."""
    try:
        return decode_payload(raw, _EVENT)
    except BadMessageError as exc:
        msg = f"{where}: not a valid Event ({exc})"
        raise BadMessageError(msg) from None


def _exclusive(since: str) -> str:
    """``--since ID`` means entries AFTER that id; ``-`` (or empty) means from the start."""
    return "-" if since in ("", "-", "0", "0-0") else "(" + since


async def stream_events(
    redis: Redis,
    names: Streams,
    *,
    since: str = "-",
    follow: bool = False,
    block_ms: int = 1000,
    on_bad: Callable[[BadMessageError], object] | None = None,
    stop: Callable[[], bool] | None = None,
) -> AsyncIterator[tuple[str, Event]]:
    """Yield ``(entry_id, event)`` after ``since``; with ``follow`` keep blocking on
    XREAD for new entries until ``stop()`` is true (or forever).

    An entry that is not a valid Event goes to ``on_bad`` (or raises) instead of
    silently vanishing.
    """
    last = "0-0"
    start = _exclusive(since)
    while True:
        rows = await redis.xrange(names.events, min=start, max="+", count=PAGE)
        for entry_id, fields in rows:
            last = entry_id.decode()
            item = _decode(last, fields, on_bad)
            if item is not None:
                yield last, item
        if rows:
            start = "(" + last
        if len(rows) < PAGE:
            break
    if last == "0-0" and start != "-":
        last = since
    while follow and not (stop and stop()):
        reply = await redis.xread({names.events: last}, block=block_ms, count=PAGE)
        for _, rows in reply or []:
            for entry_id, fields in rows:
                last = entry_id.decode() if isinstance(entry_id, bytes) else str(entry_id)
                item = _decode(last, fields, on_bad)
                if item is not None:
                    yield last, item


def _id_key(entry_id: str) -> tuple[int, int]:
    ms, _, seq = entry_id.partition("-")
    return int(ms), int(seq or 0)


async def stream_all_events(
    redis: Redis,
    all_names: Sequence[Streams],
    *,
    since: str = "-",
    follow: bool = False,
    block_ms: int = 1000,
    on_bad: Callable[[BadMessageError], object] | None = None,
    stop: Callable[[], bool] | None = None,
) -> AsyncIterator[tuple[str, Event]]:
    """:func:`stream_events` over every partition's event stream (``PARTITIONS=N``),
    merged in entry id order (ids are times: exact on one server, per node clock on a
    cluster). Ids of different streams can be equal (one millisecond, sequence 0): a tie
    goes to the lower partition, so a backlog comes out in one total order on every
    read; following, each XREAD's new entries come out in that order as they arrive.
    ``since`` applies to every partition. With one partition this is
    :func:`stream_events`. Following, one XREAD covers all streams on a single server;
    a cluster client reads each stream in turn (a multi-key XREAD must stay in one slot).
    """
    if len(all_names) == 1:
        async for item in stream_events(
            redis, all_names[0], since=since, follow=follow, block_ms=block_ms, on_bad=on_bad,
            stop=stop,
        ):
            yield item
        return
    backlogs = [stream_events(redis, n, since=since, on_bad=on_bad) for n in all_names]
    heads: dict[int, tuple[str, Event]] = {}
    for i, it in enumerate(backlogs):
        if (head := await anext(it, None)) is not None:
            heads[i] = head
    last = {n.events: since if since not in ("", "-") else "0-0" for n in all_names}
    while heads:
        i = min(heads, key=lambda k: (_id_key(heads[k][0]), k))
        entry_id, event = heads[i]
        last[all_names[i].events] = entry_id
        yield entry_id, event
        if (head := await anext(backlogs[i], None)) is not None:
            heads[i] = head
        else:
            del heads[i]
    cluster = isinstance(redis, RedisCluster)
    partition_of = {n.events: i for i, n in enumerate(all_names)}
    while follow and not (stop and stop()):
        if cluster:
            reply = []
            for stream, after in last.items():
                reply.extend(await redis.xread({stream: after}, count=PAGE) or [])
            if not reply:
                await asyncio.sleep(block_ms / 1000)
        else:
            reply = await redis.xread(dict(last), block=block_ms, count=PAGE) or []
        rows = []
        for stream, entries in reply:
            key = stream.decode() if isinstance(stream, bytes) else str(stream)
            for entry_id, fields in entries:
                eid = entry_id.decode() if isinstance(entry_id, bytes) else str(entry_id)
                last[key] = eid
                rows.append((_id_key(eid), partition_of[key], eid, fields))
        for _, _, eid, fields in sorted(rows, key=lambda r: r[:2]):
            item = _decode(eid, fields, on_bad)
            if item is not None:
                yield eid, item


def _decode(
    entry_id: str, fields: dict[bytes, bytes], on_bad: Callable[[BadMessageError], object] | None
) -> Event | None:
    raw = fields.get(_FIELD)
    try:
        if raw is None:
            msg = f"entry {entry_id}: no {PAYLOAD_FIELD!r} field"
            raise BadMessageError(msg)
        return parse_event(raw, f"entry {entry_id}")
    except BadMessageError as exc:
        if on_bad is None:
            raise
        on_bad(exc)
        return None


def events_from_jsonl(path: Path) -> Iterable[Event]:
    """Events from a JSON Lines file (``sitrep run``/``sitrep events`` output)."""
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if line.strip():
                yield parse_event(line, f"{path}:{n}")
