"""Client construction: hiredis command packing on plain TCP, redis-py's own elsewhere."""

from __future__ import annotations

import pytest
from redis.asyncio import Redis
from redis.asyncio.connection import Connection
from redis.exceptions import DataError

from sitrep.runtime.broker import make_broker
from sitrep.runtime.clients import HiredisPackedConnection, connect, connection_options
from sitrep.settings import Settings

_COMMANDS: list[tuple[object, ...]] = [
    ("SET", "k", "é"),
    ("XADD", "s", "*", "payload", b"x" * 10_000),
    ("EVALSHA", "a" * 40, 2, "k1", "k2", 3, 2.5, b"\x00\xff"),
    ("XINFO GROUPS", "s"),
    (b"SCRIPT LOAD", "return 1"),
    ("SET", "m", memoryview(b"view")),
]


@pytest.mark.parametrize("args", _COMMANDS)
def test_hiredis_packing_matches_redis_py(args: tuple[object, ...]) -> None:
    """Every command packs to the same bytes as redis-py's own (Python) packer."""
    ours = b"".join(HiredisPackedConnection().pack_command(*args))
    theirs = b"".join(Connection().pack_command(*args))
    assert ours == theirs


def test_pipelines_pack_into_one_buffer_equal_to_redis_py() -> None:
    """A pipeline's commands pack to redis-py's bytes, concatenated."""
    ours = HiredisPackedConnection().pack_commands(_COMMANDS)
    assert len(ours) == 1
    assert ours[0] == b"".join(Connection().pack_commands(_COMMANDS))


def test_unpackable_argument_is_refused_like_redis_py() -> None:
    """A bool argument raises redis-py's DataError, as with its own packer."""
    with pytest.raises(DataError):
        HiredisPackedConnection().pack_command("SET", "k", True)


def test_only_plain_tcp_urls_get_the_hiredis_connection() -> None:
    """TLS and unix-socket URLs keep redis-py's connection classes (and so their TLS)."""
    assert connection_options("redis://h:6379/0") == {"connection_class": HiredisPackedConnection}
    assert connection_options("rediss://h:6379/0") == {}
    assert connection_options("unix:///tmp/redis.sock") == {}


@pytest.mark.redis
async def test_services_clients_use_it_and_talk_to_a_real_server(redis_url: str) -> None:
    """connect() and the FastStream broker both pack with hiredis, and commands work."""
    client = connect(Settings(), url=redis_url)
    broker = make_broker(redis_url)
    try:
        assert client.connection_pool.connection_class is HiredisPackedConnection
        await broker.connect()
        broker_client: Redis = broker.config.connection.client  # type: ignore[attr-defined]
        assert broker_client.connection_pool.connection_class is HiredisPackedConnection
        async with client.pipeline(transaction=True) as pipe:
            pipe.set("sitrep-test:clients", "é")
            pipe.get("sitrep-test:clients")
            assert await pipe.execute() == [True, "é".encode()]
    finally:
        await broker.stop()
        await client.aclose()
