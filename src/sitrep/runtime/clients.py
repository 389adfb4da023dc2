"""The one place a Redis client is made: single server or Redis Cluster, from settings."""

from __future__ import annotations

from typing import TYPE_CHECKING

from redis.asyncio import Redis
from redis.asyncio.cluster import RedisCluster

from sitrep.settings import Settings, get_settings

if TYPE_CHECKING:
    from typing import Any

__all__ = ["DEFAULT_URL", "connect", "server_url"]

DEFAULT_URL = "redis://localhost:6379/0"


def server_url(settings: Settings | None = None) -> str:
    """REDIS_URL, or a local server's default address."""
    return (settings or get_settings()).redis_url_value() or DEFAULT_URL


def connect(settings: Settings | None = None, *, url: str | None = None, **kwargs: Any) -> Redis:
    """An asyncio client for ``url`` (default: :func:`server_url`); a cluster client
    when REDIS_CLUSTER is set. Callers close it with ``aclose()``."""
    settings = settings or get_settings()
    url = url or server_url(settings)
    if settings.redis_cluster:
        client: Redis = RedisCluster.from_url(url, **kwargs)  # type: ignore[assignment]
        return client
    return Redis.from_url(url, **kwargs)
