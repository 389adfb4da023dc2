"""The one place a Redis client is made: single server or Redis Cluster, from settings."""

from __future__ import annotations

import weakref
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING
from urllib.parse import urlparse

from redis.asyncio import Redis
from redis.asyncio.cluster import RedisCluster
from redis.asyncio.connection import Connection, ConnectionPool
from redis.exceptions import AskError
from redis.utils import HIREDIS_AVAILABLE

from sitrep.settings import Settings, get_settings

if TYPE_CHECKING:
    from typing import Any

    from redis.asyncio.client import Pipeline

__all__ = [
    "DEFAULT_URL",
    "HiredisPackedConnection",
    "connect",
    "connection_options",
    "server_url",
    "transaction",
]

DEFAULT_URL = "redis://localhost:6379/0"


class HiredisPackedConnection(Connection):
    """redis-py's asyncio connection, packing commands with hiredis (C).

    redis-py's synchronous client packs with hiredis when it is installed; its asyncio
    client always uses the pure-Python packer, which encoded every argument of every
    pipelined EVALSHA/XADD one Python call at a time: the largest CPU item of the
    merger. This is the sync client's own serializer on the asyncio connection."""

    def __init__(self, **kwargs: Any) -> None:
        from redis.connection import HiredisRespSerializer  # noqa: PLC0415

        super().__init__(**kwargs)
        self._hiredis_pack = HiredisRespSerializer().pack

    def pack_command(self, *args: Any) -> list[bytes]:
        return self._hiredis_pack(*args)  # type: ignore[no-any-return]

    def pack_commands(self, commands: Iterable[Iterable[Any]]) -> list[bytes]:
        pack = self._hiredis_pack
        return [b"".join(part for args in commands for part in pack(*args))]


def connection_options(url: str) -> dict[str, Any]:
    """Client options for ``url``: the hiredis packer on plain TCP (``redis://``) when
    hiredis is installed; TLS and unix-socket URLs keep redis-py's own connections."""
    if HIREDIS_AVAILABLE and urlparse(url).scheme == "redis":
        return {"connection_class": HiredisPackedConnection}
    return {}


def server_url(settings: Settings | None = None) -> str:
    """REDIS_URL, or a local server's default address."""
    return (settings or get_settings()).redis_url_value() or DEFAULT_URL


def connect(settings: Settings | None = None, *, url: str | None = None, **kwargs: Any) -> Redis:
    """An asyncio client for ``url`` (default: :func:`server_url`); a cluster client
    when REDIS_CLUSTER is set. Callers close it with ``aclose()``."""
    settings = settings or get_settings()
    url = url or server_url(settings)
    if settings.redis_cluster:
        # RedisCluster makes its own connections (it ignores connection_class).
        client: Redis = RedisCluster.from_url(url, **kwargs)  # type: ignore[assignment]
        return client
    return Redis.from_url(url, **{**connection_options(url), **kwargs})


#: Per cluster client: node name -> a plain client of that node (see transaction()).
_NODE_CLIENTS: weakref.WeakKeyDictionary[RedisCluster, dict[str, Redis]] = (
    weakref.WeakKeyDictionary()
)


@asynccontextmanager
async def transaction(redis: Redis, key: str) -> AsyncIterator[Pipeline]:
    """A MULTI/EXEC pipeline for commands on ``key``'s slot.

    On one server: ``redis.pipeline(transaction=True)``. On a Redis Cluster, the
    commands go through a plain client of the node that serves the slot: redis-py's
    asyncio cluster pipeline in transaction mode runs every queued command in a new
    thread with its own event loop (to find its slot), which cost ~0.4 ms per queued
    command, ten times the rest of an extractor's work. All of a partition's keys
    share one slot, so one node takes the whole transaction; if the slot moved (a
    reshard), the commands fail with MOVED, nothing is acknowledged, the cluster
    client's slot map is refreshed and the batch is redelivered."""
    if not isinstance(redis, RedisCluster):
        async with redis.pipeline(transaction=True) as pipe:
            yield pipe
        return
    node = redis.get_node_from_key(key)
    clients = _NODE_CLIENTS.setdefault(redis, {})
    client = clients.get(node.name)
    if client is None:
        kind = node.connection_class
        if kind is Connection and HIREDIS_AVAILABLE:
            kind = HiredisPackedConnection
        client = clients[node.name] = Redis(
            connection_pool=ConnectionPool(connection_class=kind, **node.connection_kwargs)
        )
    try:
        async with client.pipeline(transaction=True) as pipe:
            yield pipe
    except AskError:  # MOVED too (a subclass): the slot lives elsewhere now
        await redis.nodes_manager.initialize()
        raise
