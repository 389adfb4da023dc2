"""Fixtures shared by the suite: a real Redis-protocol server and isolated stream names."""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator, Iterator

import pytest
import structlog
from redis.asyncio import Redis

from sitrep.runtime.embedded import embedded_redis
from sitrep.settings import get_settings
from sitrep.streams import Streams


@pytest.fixture(scope="session")
def redis_url() -> Iterator[str]:
    """A real server: REDIS_URL if the caller set one, else an embedded Valkey process."""
    if url := os.environ.get("SITREP_TEST_REDIS_URL"):
        yield url
        return
    with embedded_redis() as url:
        yield url


@pytest.fixture
def names() -> Streams:
    """Stream names unique to one test, so tests never see each other's entries."""
    return Streams(f"t{uuid.uuid4().hex[:10]}")


@pytest.fixture
async def redis(redis_url: str) -> AsyncIterator[Redis]:
    client = Redis.from_url(redis_url)
    try:
        yield client
    finally:
        await client.aclose()


@pytest.fixture(autouse=True)
def _reset_global_state() -> Iterator[None]:
    """Settings are cached and log context is process-global: reset both per test."""
    get_settings.cache_clear()
    structlog.contextvars.clear_contextvars()
    yield
    get_settings.cache_clear()
    structlog.contextvars.clear_contextvars()
