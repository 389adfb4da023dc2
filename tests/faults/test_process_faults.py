"""Real `sitrep serve` processes under SIGTERM, a kill -9'd server, and secret URLs."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import orjson
import pytest
import redis as sync_redis

from sitrep.runtime.codec import encode
from sitrep.runtime.faultrun import ServerProcess
from sitrep.streams import Streams
from tests.factories import REPO, make_chunk

pytestmark = [pytest.mark.redis, pytest.mark.slow]


@pytest.fixture
def server(tmp_path: Path) -> Iterator[ServerProcess]:
    """Our own valkey-server (AOF on, fixed port) that a test may kill -9 and restart."""
    proc = ServerProcess(tmp_path)
    proc.start()
    try:
        yield proc
    finally:
        proc.stop()


def _serve(url: str, names: Streams, service: str, tmp: Path, name: str, **env: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(  # noqa: S603
        [sys.executable, "-m", "sitrep.cli", "serve", service],
        env={
            **os.environ, "REDIS_URL": url, "STREAM_PREFIX": names.prefix, "CONSUMER_NAME": name,
            "HEALTH_FILE": str(tmp / f"{name}.alive"), "LOG_JSON": "true", **env,
        },
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, cwd=REPO,
    )


def _wait(predicate, timeout: float, what: str) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if predicate():
                return
        except sync_redis.RedisError:
            pass
        time.sleep(0.05)
    pytest.fail(f"timed out waiting for {what}")


def _publish(client: sync_redis.Redis, names: Streams, texts: list[str]) -> list[str]:
    pipe = client.pipeline(transaction=False)
    chunks = [make_chunk(t, document_id=f"d{abs(hash(t))}") for t in texts]
    for chunk in chunks:
        pipe.xadd(names.chunks, {"payload": encode(chunk)})
    pipe.execute()
    return [c.chunk_id for c in chunks]


def _result_chunk_ids(client: sync_redis.Redis, names: Streams) -> list[str]:
    return [orjson.loads(f[b"payload"])["chunk"]["chunk_id"] for _, f in client.xrange(names.results)]


def test_sigterm_finishes_or_releases_the_batch_and_exits_within_10s(
    server: ServerProcess, tmp_path: Path, names: Streams
) -> None:
    """SIGTERM mid-stream: the process exits 0 within 10 s; every chunk is processed or
    left pending, and a second process picks the rest up: nothing stranded or lost."""
    client = sync_redis.Redis.from_url(server.url)
    proc = _serve(server.url, names, "casualties", tmp_path, "c1", BATCH_SIZE="32")
    ids = _publish(client, names, [f"Police said {i} people were wounded in the clash." for i in range(4000)])
    _wait(lambda: client.xlen(names.results) > 200, 60, "first results")
    sent = time.monotonic()
    proc.send_signal(signal.SIGTERM)
    code = proc.wait(15)
    assert time.monotonic() - sent < 10
    assert code == 0, proc.stdout.read().decode()[-2000:] if proc.stdout else code
    done = set(_result_chunk_ids(client, names))
    assert 0 < len(done) < len(ids), "stopped mid-stream"

    second = _serve(server.url, names, "casualties", tmp_path, "c2", CLAIM_IDLE_MS="500")
    try:
        _wait(lambda: set(_result_chunk_ids(client, names)) >= set(ids), 90, "all chunks")
        _wait(lambda: client.xpending(names.chunks, names.group("casualties"))["pending"] == 0, 10, "acks")
        info = client.xinfo_groups(names.chunks)
        group = next(g for g in info if g["name"].decode() == names.group("casualties"))
        assert group["lag"] == 0
    finally:
        second.send_signal(signal.SIGTERM)
        second.wait(15)


def test_service_survives_a_server_kill_and_skips_nothing(
    server: ServerProcess, tmp_path: Path, names: Streams
) -> None:
    """kill -9 of the server and a restart on the same port (AOF on): the running service
    reconnects, does not exit, and every chunk published before and after gets a result."""
    client = sync_redis.Redis.from_url(server.url)
    proc = _serve(server.url, names, "places", tmp_path, "p1", CLAIM_IDLE_MS="1000", POLL_MS="50")
    try:
        before = _publish(client, names, [f"Shelling hit Kharkiv at {i} am." for i in range(1500)])
        _wait(lambda: client.xlen(names.results) > 100, 60, "first results")
        server.kill()
        time.sleep(1.0)
        server.start()
        client = sync_redis.Redis.from_url(server.url)
        after = _publish(client, names, [f"A drone struck Odesa on day {i}." for i in range(500)])
        _wait(lambda: set(_result_chunk_ids(client, names)) >= set(before + after), 120, "all results")
        _wait(lambda: client.xpending(names.chunks, names.group("places"))["pending"] == 0, 15, "acks")
        assert proc.poll() is None, "service exited instead of reconnecting"
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(15)


def test_credentials_never_appear_in_logs(tmp_path: Path, names: Streams) -> None:
    """A password in REDIS_URL is not printed by FastStream or sitrep, neither at start,
    nor at DEBUG level while working, nor on connection errors or a wrong password."""
    password = "Pw-s3cr3t-9f1c"  # noqa: S105
    server = ServerProcess(tmp_path, password=password)
    server.start()
    try:
        client = sync_redis.Redis.from_url(server.url)
        proc = _serve(server.url, names, "entities", tmp_path, "e1", LOG_LEVEL="DEBUG")
        _publish(client, names, ["Volodymyr Zelensky spoke in Kyiv."])
        _wait(lambda: client.xlen(names.results) == 1, 60, "a result")
        server.kill()  # connection errors get logged
        time.sleep(1.5)
        server.start()
        time.sleep(1.0)
        proc.send_signal(signal.SIGTERM)
        out, _ = proc.communicate(timeout=15)
        wrong = "Wrong-pw-77aa"  # noqa: S105
        bad = _serve(server.url.replace(password, wrong), names, "entities", tmp_path, "e2")
        time.sleep(8)  # import + a few failed attempts
        bad.send_signal(signal.SIGTERM)
        bad_out, _ = bad.communicate(timeout=15)
    finally:
        server.stop()
    logs = out.decode(errors="replace")
    assert "service started" in logs
    assert password not in logs
    assert wrong not in bad_out.decode(errors="replace")
    assert "redis unavailable" in bad_out.decode(errors="replace")


def test_rediss_url_selects_tls_and_the_spec_url_drops_credentials() -> None:
    """rediss:// reaches redis-py as an SSL connection; FastStream's published
    (AsyncAPI) server URL carries no user or password."""
    from redis.asyncio import Redis
    from redis.asyncio.connection import SSLConnection

    from sitrep.runtime.broker import make_broker

    url = "rediss://svc:Pw-s3cr3t@redis.internal:6380/0"
    assert Redis.from_url(url).connection_pool.connection_class is SSLConnection
    broker = make_broker(url)
    spec = repr(broker.specification.url)
    assert "rediss://redis.internal:6380/0" in spec
    assert "s3cr3t" not in spec
    options = broker.config.broker_config.connection._options  # noqa: SLF001
    assert options["connection_class"] is SSLConnection
