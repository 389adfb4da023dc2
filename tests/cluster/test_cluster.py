"""Partitioned streams on a real 3-node Redis Cluster give the same events as one server."""

from __future__ import annotations

import random
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from redis.asyncio import Redis
from redis.asyncio.cluster import ClusterPipeline, RedisCluster

from sitrep.runtime.clients import transaction
from sitrep.runtime.embedded import embedded_cluster, server_binary
from sitrep.sources import SourceDocument
from sitrep.streams import Streams, partition_of, partitioned
from tests.factories import SEED_PUBLISHED, seed_text

from .drive import run_pipeline

pytestmark = pytest.mark.timeout(300)


def _documents() -> list[SourceDocument]:
    """The seed article and a few variants with other numbers (digit for digit)."""
    text = seed_text()
    docs = [SourceDocument(text, "seed", SEED_PUBLISHED)]
    for i in range(5):
        rng = random.Random(i)
        varied = re.sub(r"\d", lambda _m: str(rng.randrange(10)), text)
        docs.append(SourceDocument(f"Dispatch {i}.\n{varied}", f"gen-{i}", SEED_PUBLISHED))
    return docs


@pytest.fixture(scope="module")
def cluster_url(tmp_path_factory: pytest.TempPathFactory) -> Any:
    if not (server_binary().parent / "valkey-cli").exists():  # pragma: no cover
        pytest.skip(f"valkey-cli not shipped beside {server_binary()}")
    tmp = Path(tmp_path_factory.mktemp("cluster"))
    with embedded_cluster(tmp) as cluster:
        yield cluster.url
    shutil.rmtree(tmp, ignore_errors=True)


def test_one_partition_keeps_todays_names() -> None:
    """With one partition on one server every name is exactly the unpartitioned one."""
    (only,) = partitioned("sitrep", 1)
    assert (only.chunks, only.results, only.events, only.dead_letters) == (
        "sitrep:chunks", "sitrep:results", "sitrep:events", "sitrep:dlq",
    )
    assert only.join_key("d") == "sitrep:join:d" and only.emitted_key("d") == "sitrep:emitted:d"


async def test_partition_keys_share_one_slot(cluster_url: str) -> None:
    """Every key of a partition hashes to one cluster slot, and partitions spread."""
    redis = RedisCluster.from_url(cluster_url)
    try:
        slots = []
        for names in partitioned("sitrep", 3):
            keys = [names.chunks, names.results, names.events, names.dead_letters,
                    names.join_key("abc"), names.emitted_key("abc")]
            assert len({redis.keyslot(k) for k in keys}) == 1
            slots.append(redis.keyslot(names.chunks))
        assert len(set(slots)) == 3
    finally:
        await redis.aclose()


def test_routing_is_stable_and_spread() -> None:
    """A document always maps to the same partition, and ids spread over all of them."""
    ids = [f"doc-{i}" for i in range(300)]
    first = [partition_of(d, 4) for d in ids]
    assert first == [partition_of(d, 4) for d in ids]
    assert set(first) == {0, 1, 2, 3}
    assert all(partition_of(d, 1) == 0 for d in ids)


async def test_cluster_gives_the_same_events_as_one_server(
    cluster_url: str, redis: Redis, names: Streams, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The seed and generated documents yield identical events on 3 partitions of a
    3-node cluster and on one unpartitioned server."""
    docs = _documents()
    single = await run_pipeline(
        redis, docs, prefix=names.prefix, partitions=1, cluster=False, monkeypatch=monkeypatch
    )
    client = RedisCluster.from_url(cluster_url)
    try:
        clustered = await run_pipeline(
            client, docs, prefix=names.prefix, partitions=3, cluster=True, monkeypatch=monkeypatch
        )
        used = {partition_of(e["document_ids"][0], 3) for e in clustered.values()}
    finally:
        await client.aclose()
    assert single, "the single-server run produced no events"
    assert len({e["document_ids"][0] for e in single.values()}) == len(docs)
    assert clustered == single
    assert len(used) > 1, "all documents landed in one partition; routing is not spreading"


def test_sitrep_run_on_the_cluster_matches_one_server(
    cluster_url: str, redis_url: str, names: Streams
) -> None:
    """`sitrep run seeds/` with its services as processes on a 3-node cluster
    (REDIS_CLUSTER, 3 partitions) prints the same events as on one server."""
    import json
    import os
    import subprocess
    import sys

    from tests.factories import REPO

    def run(**env: str) -> list[dict[str, Any]]:
        proc = subprocess.run(
            [sys.executable, "-m", "sitrep.cli", "run", str(REPO / "seeds")],
            capture_output=True,
            text=True,
            timeout=240,
            check=False,
            env={**os.environ, "STREAM_PREFIX": names.prefix, **env},
        )
        assert proc.returncode == 0, proc.stderr[-3000:]
        return sorted((json.loads(line) for line in proc.stdout.splitlines()), key=lambda e: e["event_id"])

    single = run(REDIS_URL=redis_url)
    clustered = run(REDIS_URL=cluster_url, REDIS_CLUSTER="true", PARTITIONS="3")
    assert single, "no events on one server"
    assert clustered == single


async def test_stage_transactions_go_to_the_node_of_their_slot(cluster_url: str) -> None:
    """A partition's MULTI/EXEC runs on the node serving its slot through one plain
    client per node (not redis-py's cluster transaction pipeline), and applies."""
    cluster = RedisCluster.from_url(cluster_url)
    try:
        await cluster.initialize()
        names = partitioned("txn", 3, cluster=True)
        for each in names:
            async with transaction(cluster, each.chunks) as pipe:
                assert not isinstance(pipe, ClusterPipeline)
                pipe.xadd(each.chunks, {"payload": b"{}"})
                pipe.set(each.emitted_key("d"), 1)
                assert len(await pipe.execute()) == 2
            assert await cluster.xlen(each.chunks) == 1
            node = cluster.get_node_from_key(each.chunks)
            async with transaction(cluster, each.results) as pipe:
                client = pipe.connection_pool.connection_kwargs  # type: ignore[attr-defined]
                assert (client["host"], client["port"]) == (node.host, node.port)
    finally:
        await cluster.aclose()
