"""Prometheus metrics after real processing: counters, histogram and per-group lag/pending."""

from __future__ import annotations

import datetime as dt
import socket
import urllib.request
from collections.abc import Iterator

import pytest
from prometheus_client import REGISTRY, start_http_server
from prometheus_client.parser import text_string_to_metric_families
from redis.asyncio import Redis

from sitrep.runtime import metrics
from sitrep.runtime.codec import encode
from sitrep.runtime.topology import ensure_topology
from sitrep.settings import Settings
from sitrep.streams import PAYLOAD_FIELD, Streams

pytestmark = pytest.mark.redis

TEXTS = (
    "KYIV, March 3 (Reuters) - Russian missiles struck the city of Kharkiv on Sunday, "
    "killing four civilians and wounding 11, the regional governor said.",
    "Gunmen attacked a market in Maiduguri on Friday, killing 9 traders, police said.",
)


@pytest.fixture
def metrics_url() -> Iterator[str]:
    """The process registry served over HTTP on a free port, as METRICS_PORT does."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server, thread = start_http_server(port, addr="127.0.0.1")
    try:
        yield f"http://127.0.0.1:{port}/metrics"
    finally:
        server.shutdown()
        thread.join(5)


def _scrape(url: str) -> dict[tuple[str, frozenset[tuple[str, str]]], float]:
    with urllib.request.urlopen(url, timeout=5) as resp:  # noqa: S310 - local test server
        text = resp.read().decode()
    return {
        (s.name, frozenset(s.labels.items())): s.value
        for family in text_string_to_metric_families(text)
        for s in family.samples
    }


def _value(name: str, **labels: str) -> float:
    return REGISTRY.get_sample_value(name, labels) or 0.0


async def _deliver(redis: Redis, stream: str, group: str) -> tuple[list[bytes], list[dict[bytes, bytes]]]:
    reply = await redis.xreadgroup(group, "test-consumer", {stream: ">"}, count=100)
    rows = reply[0][1] if reply else []
    return [r[0] for r in rows], [r[1] for r in rows]


async def test_metrics_after_processing(redis: Redis, names: Streams, metrics_url: str) -> None:
    """After the merger stage processes real results and one poison entry, the endpoint shows
    messages in, events out, a dead letter, batch timings, and lag/pending per group."""
    from sitrep.core.chunking import chunk_document  # noqa: PLC0415
    from sitrep.core.pipeline import extract_chunks  # noqa: PLC0415
    from sitrep.services.merger import _build  # noqa: PLC0415

    await ensure_topology(redis, names)
    chunks = [
        c for i, text in enumerate(TEXTS)
        for c in chunk_document(text, chunk_size=1200, published_at=dt.date(2024, 3, 4),
                                source=f"wire-{i}")
    ]  # fmt: skip
    for chunk in chunks:
        await redis.xadd(names.chunks, {PAYLOAD_FIELD: encode(chunk)})
    results = extract_chunks(chunks)
    for result in results:
        await redis.xadd(names.results, {PAYLOAD_FIELD: encode(result)})

    before = {
        "in": _value("sitrep_messages_in_total", service="merger"),
        "out": _value("sitrep_events_out_total", service="merger"),
        "dead": _value("sitrep_dead_letters_total", service="merger"),
        "batches": _value("sitrep_batch_seconds_count", service="merger"),
    }
    stage = _build(Settings(batch_size=100), names)
    await stage.handle(redis, *await _deliver(redis, names.results, names.group("merger")))
    await redis.xadd(names.results, {PAYLOAD_FIELD: b"not json"})
    await stage.handle(redis, *await _deliver(redis, names.results, names.group("merger")))
    await metrics.update_group_gauges(redis, metrics.topology_groups(names))

    published = await redis.xlen(names.events)
    assert published >= 1  # extraction quality is tested elsewhere; one event is enough here
    got = _scrape(metrics_url)

    def delta(name: str, key: str) -> float:
        return got[(name, frozenset({("service", "merger")}))] - before[key]

    assert delta("sitrep_messages_in_total", "in") == len(results) + 1
    assert delta("sitrep_events_out_total", "out") == published
    assert delta("sitrep_dead_letters_total", "dead") == 1
    assert delta("sitrep_batch_seconds_count", "batches") == 2
    assert got[("sitrep_batch_seconds_sum", frozenset({("service", "merger")}))] > 0

    def gauge(name: str, group: str, stream: str) -> float:
        return got[(name, frozenset({("group", group), ("stream", stream)}))]

    merger = names.group("merger")
    assert gauge("sitrep_consumer_lag", merger, names.results) == 0
    assert gauge("sitrep_pending", merger, names.results) == 0
    for extractor in ("entities", "casualties", "places"):  # nobody read the chunks yet
        assert gauge("sitrep_consumer_lag", names.group(extractor), names.chunks) == len(chunks)


async def test_pending_counts_unacknowledged_entries(redis: Redis, names: Streams) -> None:
    """Entries delivered but not acknowledged move from lag to pending."""
    await ensure_topology(redis, names)
    for i in range(3):
        await redis.xadd(names.chunks, {PAYLOAD_FIELD: f'{{"n": {i}}}'})
    group = names.group("entities")
    first = await metrics.update_group_gauges(redis, [(names.chunks, group)])
    assert first == {group: (3, 0)}
    await _deliver(redis, names.chunks, group)  # read, never acked
    second = await metrics.update_group_gauges(redis, [(names.chunks, group)])
    assert second == {group: (0, 3)}
    assert _value("sitrep_pending", group=group, stream=names.chunks) == 3


async def test_gauge_refresh_survives_a_missing_stream(redis: Redis, names: Streams) -> None:
    """A refresh before the stream exists does not raise, and a later one picks it up
    (services run it as a periodic job, see runtime/service.py)."""
    group = names.group("merger")
    await metrics.update_group_gauges(redis, [(names.results, group)])
    await ensure_topology(redis, names)
    await redis.xadd(names.results, {PAYLOAD_FIELD: b"{}"})
    await metrics.update_group_gauges(redis, [(names.results, group)])
    assert _value("sitrep_consumer_lag", group=group, stream=names.results) == 1
