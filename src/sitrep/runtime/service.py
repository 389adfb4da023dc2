"""Turn a :class:`Stage` into a runnable FastStream app with logging, health and metrics."""

from __future__ import annotations

import asyncio
import contextlib
import gc
from collections.abc import Awaitable, Callable, Iterable
from pathlib import Path

from faststream import FastStream
from faststream.redis import RedisBroker
from redis.asyncio import Redis
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import RedisError, TimeoutError as RedisTimeoutError

from sitrep.logs import configure_logging, get_logger
from sitrep.settings import Settings, get_settings
from sitrep.streams import Streams, partitioned

from . import metrics
from .broker import make_broker
from .clients import connect, server_url
from .consumer import Stage, consumer_name
from .metrics import topology_groups
from .topology import ensure_topology
from .trim import trim_acknowledged

__all__ = ["HEALTH_MAX_AGE_S", "Periodic", "ServiceApp", "service_app", "wait_for_redis"]

#: A background job of a service: (name, interval in seconds, one tick on a client).
Periodic = tuple[str, float, Callable[[Redis], Awaitable[object]]]

HEARTBEAT_S = 5
GC_YOUNG_THRESHOLD = 10_000
HEALTH_MAX_AGE_S = 30


class ServiceApp:
    """A service's broker and app, kept together so tests can start them in-process."""

    def __init__(self, broker: RedisBroker, app: FastStream, stage: Stage[object]) -> None:
        self.broker, self.app, self.stage = broker, app, stage


def service_app(
    service: str,
    build_stage: Callable[[Settings, Streams], Stage[object]],
    *,
    startup_checks: Iterable[Callable[[], object]] = (),
    settings: Settings | None = None,
    periodic: Iterable[Periodic] = (),
) -> ServiceApp:
    """Wire ``service``: broker from REDIS_URL, its stage, checks that fail loudly at
    start (e.g. an empty gazetteer), a heartbeat file for ``sitrep health``, and
    Prometheus metrics on METRICS_PORT when set."""
    settings = settings or get_settings()
    configure_logging(settings.log_level, json=settings.log_json)
    log = get_logger(f"sitrep.{service}")
    url = server_url(settings)
    broker = make_broker(url, cluster=settings.redis_cluster)
    # One stage per partition (PARTITIONS=1 on one server: exactly today's names).
    all_names = partitioned(
        settings.stream_prefix, settings.partitions, cluster=settings.redis_cluster
    )
    stages = [build_stage(settings, names) for names in all_names]
    for each in stages:
        each.register(broker)
    stage = stages[0]
    beat: list[asyncio.Task[None]] = []
    pairs = [(s.stream, s.group) for s in stages]
    jobs: list[Periodic] = [
        *_trim_jobs(stages, all_names, settings),
        ("group gauges", 5.0, lambda c: metrics.update_group_gauges(c, pairs)),
        *periodic,
    ]

    async def on_startup() -> None:
        for check in startup_checks:
            check()
        client = connect(settings, url=url)
        try:
            # Redis may be restarting: wait with backoff instead of crash-looping.
            await wait_for_redis(client, log)
            for names in all_names:
                await ensure_topology(client, names)
        finally:
            await client.aclose()
        if settings.metrics_port:
            from prometheus_client import start_http_server  # noqa: PLC0415

            start_http_server(settings.metrics_port)

    reclaim_stop = asyncio.Event()
    reclaimers: list[asyncio.Task[None]] = []

    async def after_startup() -> None:
        _freeze_startup_heap()
        reclaim_stop.clear()
        reclaimers.extend(
            asyncio.create_task(_reclaim(settings, url, each, reclaim_stop)) for each in stages
        )
        beat.append(asyncio.create_task(_heartbeat(settings.health_file)))
        beat.extend(asyncio.create_task(_every(settings, url, *job)) for job in jobs)
        log.info(
            "service started",
            service=service,
            consumer=consumer_name(service, settings.consumer_name),
            group=stage.group,
            stream=stage.stream,
        )

    async def on_shutdown() -> None:
        for task in beat:
            task.cancel()
        # Let a reclaimed batch in progress finish and ack (like FastStream's graceful
        # stop of the readers); what is left pending is reclaimed by another replica.
        reclaim_stop.set()
        if reclaimers:
            _, late = await asyncio.wait(reclaimers, timeout=5.0)
            for task in late:
                task.cancel()
        reclaimers.clear()
        with contextlib.suppress(FileNotFoundError):
            settings.health_file.unlink()
        log.info("service stopping", service=service)

    app = FastStream(
        broker,
        logger=log,
        on_startup=[on_startup],
        after_startup=[after_startup],
        on_shutdown=[on_shutdown],
    )
    return ServiceApp(broker, app, stage)


def _trim_jobs(
    stages: list[Stage[object]], all_names: list[Streams], settings: Settings
) -> list[Periodic]:
    """Trim each stage's input stream below what every group reading it has acked."""
    jobs: list[Periodic] = []
    for each, names in zip(stages, all_names, strict=True):
        readers = [g for stream, g in topology_groups(names) if stream == each.stream]

        async def trim(client: Redis, stream: str = each.stream, groups: list[str] = readers) -> int:
            return await trim_acknowledged(client, stream, groups)

        jobs.append((f"trim {each.stream}", settings.trim_interval_s, trim))
    return jobs


async def wait_for_redis(client: Redis, log: object, *, max_wait_s: float = 5.0) -> None:
    """Ping until the server answers, backing off 0.1 s -> ``max_wait_s`` (forever)."""
    delay = 0.1
    while True:
        try:
            await client.ping()
            return
        except (RedisConnectionError, RedisTimeoutError, OSError) as exc:
            log.warning("redis unavailable, retrying", error=type(exc).__name__, retry_in_s=delay)  # type: ignore[attr-defined]
            await asyncio.sleep(delay)
            delay = min(delay * 2, max_wait_s)


async def _every(
    settings: Settings,
    url: str,
    name: str,
    interval_s: float,
    tick: Callable[[Redis], Awaitable[object]],
) -> None:
    """Run ``tick`` every ``interval_s``; a Redis outage only skips ticks."""
    log = get_logger("sitrep.periodic")
    client = connect(settings, url=url)
    try:
        while True:
            await asyncio.sleep(interval_s)
            try:
                result = await tick(client)
            except (RedisError, OSError) as exc:
                log.info("periodic job skipped", job=name, error=type(exc).__name__)
                continue
            if result:
                log.debug("periodic job done", job=name, result=repr(result)[:200])
    finally:
        await client.aclose()


def _freeze_startup_heap() -> None:
    """Exempt what startup built (modules, the gazetteer: ~600k objects in places)
    from garbage collection: a full collection scanning it paused a service for
    ~100 ms now and then, which is what the p99 latency saw. Young collections run
    less often too (pydantic allocates a few containers per message)."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(GC_YOUNG_THRESHOLD, *gc.get_threshold()[1:])


async def _reclaim(settings: Settings, url: str, stage: Stage[object], stop: asyncio.Event) -> None:
    """Run ``stage``'s batch reclaimer on its own client until ``stop``."""
    client = connect(settings, url=url)
    try:
        await stage.reclaim_forever(client, stop)
    finally:
        await client.aclose()


async def _heartbeat(path: Path) -> None:
    while True:
        path.touch()
        await asyncio.sleep(HEARTBEAT_S)
