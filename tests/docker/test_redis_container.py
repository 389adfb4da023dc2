"""The pipeline against Redis running in a container of the locally built image."""

from __future__ import annotations

import asyncio
import os
import re
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from typing import TYPE_CHECKING

import orjson
import pytest
import redis

from sitrep.schemas import Event
from sitrep.streams import PAYLOAD_FIELD, Streams
from tests.factories import SEED_PATH

from .conftest import docker_cli

if TYPE_CHECKING:
    from testcontainers.community.redis import RedisContainer

    from .conftest import DockerImages

pytestmark = [pytest.mark.docker, pytest.mark.slow, pytest.mark.timeout(1800)]


@pytest.fixture(scope="module")
def redis_container(images: DockerImages) -> Iterator[RedisContainer]:
    """Redis from sitrep-redis:bookworm via testcontainers (no reaper: removed here)."""
    try:  # newer testcontainers moved it; older releases only have the old path
        from testcontainers.community.redis import RedisContainer  # noqa: PLC0415
    except ImportError:
        from testcontainers.redis import RedisContainer  # type: ignore[no-redef]  # noqa: PLC0415

    container = RedisContainer(image=images.redis)
    container.start()
    try:
        yield container
    finally:
        container.stop()  # stop() removes the container and its anonymous volume


def _url(container: RedisContainer) -> str:
    host = container.get_container_host_ip()
    return f"redis://{host}:{container.get_exposed_port(6379)}/0"


def _events(client: redis.Redis, names: Streams) -> list[dict[str, object]]:
    rows = client.xrange(names.events, "-", "+")
    return [orjson.loads(fields[PAYLOAD_FIELD.encode()]) for _, fields in rows]


def test_image_runs_redis_with_append_only_persistence(redis_container: RedisContainer) -> None:
    """The local Redis image serves with appendonly on, as a non-root user, and keeps data across a restart."""
    client = redis_container.get_client()
    assert client.config_get("appendonly") == {"appendonly": "yes"}
    key = f"persist-{uuid.uuid4().hex}"
    client.xadd(key, {PAYLOAD_FIELD: "{}"})
    wrapped = redis_container.get_wrapped_container()
    assert docker_cli("exec", wrapped.id, "id", "-un").strip() == "redis"
    wrapped.restart(timeout=10)
    restarted = redis.Redis.from_url(_url(redis_container))
    for _ in range(100):
        try:
            assert restarted.xlen(key) == 1
            break
        except redis.ConnectionError:
            time.sleep(0.1)
    else:
        pytest.fail("Redis did not come back after a restart")


def test_pipeline_services_process_the_seed_through_the_container(
    redis_container: RedisContainer,
) -> None:
    """The four services, as local processes, turn the seed into schema-valid events on the container's Redis."""
    from redis.asyncio import Redis  # noqa: PLC0415

    from sitrep.runtime.local import service_processes, wait_for_documents  # noqa: PLC0415

    url = _url(redis_container)
    names = Streams(f"tc{uuid.uuid4().hex[:8]}")
    env = {"REDIS_URL": url, "STREAM_PREFIX": names.prefix, "LOG_LEVEL": "WARNING"}
    with service_processes(url, prefix=names.prefix) as procs:
        produced = subprocess.run(  # noqa: S603 - our own CLI
            [sys.executable, "-m", "sitrep.cli", "produce", str(SEED_PATH)],
            capture_output=True, text=True, timeout=120, check=False,
            env={**os.environ, **env},
        )
        assert produced.returncode == 0, produced.stderr
        ids = [line.split("\t")[0] for line in produced.stdout.splitlines() if "\t" in line]
        assert ids, produced.stdout

        async def wait() -> set[str]:
            client = Redis.from_url(url)
            try:
                return await wait_for_documents(client, names, ids, timeout=120, procs=procs)
            finally:
                await client.aclose()

        assert asyncio.run(wait()) == set()

    events = _events(redis.Redis.from_url(url), names)
    assert events
    for event in events:
        Event.model_validate(event)
    kryvyi_rih = [e for e in events if _in_kryvyi_rih(e)]
    assert any(e.get("fatalities") == 20 for e in kryvyi_rih), kryvyi_rih


#: Kryvyi Rih / Kryvyy Rih / Kryvyi-Rih: the gazetteer's spelling may differ from the article's.
_KRYVYI_RIH = re.compile(r"\bkryvy\w*[\s-]+rih\b", re.IGNORECASE)


def _in_kryvyi_rih(event: dict[str, object]) -> bool:
    location = event.get("location")
    if not isinstance(location, dict):
        return False
    evidence = location.get("evidence") or {}
    texts = [str(location.get("name", "")), str(evidence.get("text", ""))]
    return any(_KRYVYI_RIH.search(t) for t in texts)

