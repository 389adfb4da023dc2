"""The whole pipeline on a real server, each service its own process, streams only."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from typing import Any

import pytest
from redis.asyncio import Redis

from sitrep.core.text import normalize
from sitrep.runtime.local import read_events, service_processes, wait_for_documents
from sitrep.services.producer import publish_documents
from sitrep.sources import iter_documents
from sitrep.streams import Streams
from tests.factories import REPO, seed_text

pytestmark = [pytest.mark.redis, pytest.mark.slow]


async def _run_seed(
    redis: Redis, redis_url: str, names: Streams, *, replicas: int = 1, publish_times: int = 1
) -> list[dict[str, Any]]:
    from sitrep.services import CONSUMERS

    with service_processes(
        redis_url, prefix=names.prefix, replicas=dict.fromkeys(CONSUMERS, replicas)
    ) as procs:
        ids: list[str] = []
        for _ in range(publish_times):
            produced, refused = await publish_documents(
                redis, iter_documents([REPO / "seeds"]), names=names, chunk_size=1200
            )
            assert not refused
            ids = [p.document_id for p in produced]
        missing = await wait_for_documents(redis, names, ids, timeout=120, procs=procs)
        assert not missing
        # let any duplicate deliveries drain before counting
        await _wait_drained(redis, names)
        return await read_events(redis, names)


async def _wait_drained(redis: Redis, names: Streams) -> None:
    import asyncio

    for _ in range(200):
        info = {g["name"].decode(): g for g in await redis.xinfo_groups(names.results)}
        chunks = {g["name"].decode(): g for g in await redis.xinfo_groups(names.chunks)}
        lag = [g.get("lag") or 0 for g in (*info.values(), *chunks.values())]
        pending = [g["pending"] for g in (*info.values(), *chunks.values())]
        if not any(lag) and not any(pending):
            return
        await asyncio.sleep(0.1)
    pytest.fail("consumer groups did not drain")


async def test_seed_events_come_out_with_traceable_figures(
    redis: Redis, redis_url: str, names: Streams
) -> None:
    """The Kryvyi Rih strike comes out with 20 killed, 33 injured, UA/UA-12, and its
    evidence spans slice the original article to the sentences that say so."""
    events = await _run_seed(redis, redis_url, names)
    article = seed_text()
    kr = [e for e in events if (e.get("location") or {}).get("evidence", {}).get("text") == "Kryvyi Rih"]
    assert kr, f"no Kryvyi Rih event among {[e.get('location') for e in events]}"
    strike = next(e for e in kr if e["fatalities"] == 20)
    assert strike["injured"] == 33
    assert strike["location"]["country"] == "UA"
    assert strike["location"]["region"] == "UA-12"
    assert strike["event_type"] == "explosions_remote_violence"
    def sliced(span: dict[str, Any]) -> str:
        return normalize(article[span["start"] : span["end"]])[0]

    for figure in strike["casualties"]:
        assert sliced(figure["evidence"]) == figure["evidence"]["text"]
        assert sliced(figure["sentence"]) == figure["sentence"]["text"]
    killed = next(c for c in strike["casualties"] if c["category"] == "killed")
    assert "11 adults and nine children were killed" in killed["sentence"]["text"]
    for span in strike["evidence"]:
        assert sliced(span) == span["text"]
    assert all(e["schema_version"] == "1.0" for e in events)
    assert len({e["event_id"] for e in events}) == len(events)


async def test_publishing_twice_yields_no_duplicate_events(
    redis: Redis, redis_url: str, names: Streams
) -> None:
    """The same document published twice produces one set of events."""
    once = await _run_seed(redis, redis_url, Streams(names.prefix + "a"))
    twice = await _run_seed(redis, redis_url, Streams(names.prefix + "b"), publish_times=2)
    assert sorted(e["event_id"] for e in twice) == sorted(e["event_id"] for e in once)


async def test_two_replicas_of_each_service_give_the_same_events(
    redis: Redis, redis_url: str, names: Streams
) -> None:
    """Two replicas of every extractor and of the merger emit exactly the single-replica set."""
    single = await _run_seed(redis, redis_url, Streams(names.prefix + "s"))
    double = await _run_seed(redis, redis_url, Streams(names.prefix + "d"), replicas=2)
    key = lambda e: e["event_id"]  # noqa: E731
    assert sorted(double, key=key) == sorted(single, key=key)


def _cli_run(env: dict[str, str]) -> list[dict[str, Any]]:
    proc = subprocess.run(
        [sys.executable, "-m", "sitrep.cli", "run", str(REPO / "seeds")],
        capture_output=True,
        text=True,
        timeout=240,
        env=env,
        check=False,
        cwd=REPO,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    return [json.loads(line) for line in proc.stdout.splitlines()]


def test_cli_run_embedded_and_external_server_agree(redis_url: str, names: Streams) -> None:
    """`sitrep run seeds/` with no REDIS_URL (embedded server) and with REDIS_URL give the
    same event ids and content."""
    base = {k: v for k, v in os.environ.items() if k != "REDIS_URL"}
    embedded = _cli_run(base)
    external = _cli_run({**base, "REDIS_URL": redis_url, "STREAM_PREFIX": names.prefix})
    assert embedded, "no events printed"
    assert sorted(embedded, key=lambda e: e["event_id"]) == sorted(
        external, key=lambda e: e["event_id"]
    )


def _serving(prefix: str) -> list[int]:
    """Pids of `sitrep serve` processes started with STREAM_PREFIX=prefix."""
    from pathlib import Path

    pids = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            cmd = (proc / "cmdline").read_bytes()
            env = (proc / "environ").read_bytes()
        except OSError:
            continue
        if b"serve" in cmd and f"STREAM_PREFIX={prefix}\0".encode() in env:
            pids.append(int(proc.name))
    return pids


@pytest.mark.parametrize("signal_name", ["SIGTERM", "SIGKILL"])
def test_services_do_not_outlive_sitrep_run(
    redis_url: str, names: Streams, signal_name: str
) -> None:
    """Stopping `sitrep run` (SIGTERM) or killing it (SIGKILL) stops its service processes."""
    import signal
    import time

    if not sys.platform.startswith("linux"):
        pytest.skip("reads /proc and relies on Linux's parent-death signal")
    env = {**os.environ, "REDIS_URL": redis_url, "STREAM_PREFIX": names.prefix}
    parent = subprocess.Popen(
        [sys.executable, "-m", "sitrep.cli", "run", str(REPO / "seeds"), "--timeout", "120"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 30
        while len(_serving(names.prefix)) < 4 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert len(_serving(names.prefix)) == 4, "services did not start"
        parent.send_signal(getattr(signal, signal_name))
        parent.wait(30)
        deadline = time.monotonic() + 15
        while _serving(names.prefix) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert _serving(names.prefix) == []
    finally:
        parent.kill()
        for pid in _serving(names.prefix):
            os.kill(pid, signal.SIGKILL)
