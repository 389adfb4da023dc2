"""The one place a Redis client is made: single server or Redis Cluster, from settings."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING
from urllib.parse import urlparse

from redis.asyncio import Redis
from redis.asyncio.cluster import RedisCluster
from redis.asyncio.connection import Connection
from redis.utils import HIREDIS_AVAILABLE

from sitrep.settings import Settings, get_settings

if TYPE_CHECKING:
    from typing import Any

__all__ = ["DEFAULT_URL", "HiredisPackedConnection", "connect", "connection_options", "server_url"]

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
