"""The documented ACL users (deploy/redis-acl.conf) load, and each can only touch its own keys."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import redis as sync_redis
from redis.exceptions import NoPermissionError

from sitrep.runtime.faultrun import ServerProcess
from tests.factories import REPO

pytestmark = pytest.mark.redis


@pytest.fixture
def acl_server(tmp_path: Path) -> Iterator[ServerProcess]:
    """A server whose users come from the documented ACL file (passwords filled in)."""
    text = (REPO / "deploy" / "redis-acl.conf").read_text(encoding="utf-8")
    acl = "\n".join(ln for ln in text.splitlines() if ln and not ln.startswith("#"))
    acl = acl.replace("><", ">").replace("-password>", "-pw")
    (tmp_path / "users.acl").write_text(acl + "\n", encoding="utf-8")
    server = ServerProcess(tmp_path, extra=["--aclfile", str(tmp_path / "users.acl")])
    server.start(user="operator", password="operator-pw")
    try:
        yield server
    finally:
        server.stop()


def _as(server: ServerProcess, user: str) -> sync_redis.Redis:
    return sync_redis.Redis(host="127.0.0.1", port=server.port, username=user, password=f"{user}-pw")


def test_each_service_user_is_limited_to_its_streams(acl_server: ServerProcess) -> None:
    """An extractor reads chunks and writes results but cannot write events; the merger
    writes events and join keys; the reader only reads events; default is off."""
    entities, merger, reader = (_as(acl_server, u) for u in ("entities", "merger", "reader"))
    producer = _as(acl_server, "producer")
    producer.xadd("sitrep:chunks", {"payload": "{}"})
    producer.xgroup_create("sitrep:chunks", "sitrep:entities", id="0")
    assert entities.xreadgroup("sitrep:entities", "c", {"sitrep:chunks": ">"})
    with entities.pipeline(transaction=True) as pipe:
        pipe.xadd("sitrep:results", {"payload": "{}"})
        pipe.xack("sitrep:chunks", "sitrep:entities", "0-1")
        pipe.execute()
    with pytest.raises(NoPermissionError):
        entities.xadd("sitrep:events", {"payload": "{}"})
    with pytest.raises(NoPermissionError):
        entities.hset("sitrep:join:x", "a", "b")
    assert merger.eval("redis.call('HSETNX', KEYS[1], 'f', 'v') return 1", 1, "sitrep:join:d") == 1
    merger.xadd("sitrep:events", {"payload": "{}"})
    assert reader.xrange("sitrep:events")
    with pytest.raises(NoPermissionError):
        reader.xrange("sitrep:chunks")
    with pytest.raises(sync_redis.AuthenticationError):
        sync_redis.Redis(host="127.0.0.1", port=acl_server.port).ping()
