"""Turn a :class:`Stage` into a runnable FastStream app with logging, health and metrics."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable, Iterable
from pathlib import Path

from faststream import FastStream
from faststream.redis import RedisBroker
from redis.asyncio import Redis

from sitrep.logs import configure_logging, get_logger
from sitrep.settings import Settings, get_settings
from sitrep.streams import Streams, streams

from .broker import make_broker
from .consumer import Stage
from .topology import ensure_topology

__all__ = ["HEALTH_MAX_AGE_S", "ServiceApp", "service_app"]

HEARTBEAT_S = 5
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
) -> ServiceApp:
    """Wire ``service``: broker from REDIS_URL, its stage, checks that fail loudly at
    start (e.g. an empty gazetteer), a heartbeat file for ``sitrep health``, and
    Prometheus metrics on METRICS_PORT when set."""
    settings = settings or get_settings()
    configure_logging(settings.log_level, json=settings.log_json)
    log = get_logger(f"sitrep.{service}")
    url = settings.redis_url_value() or "redis://localhost:6379/0"
    broker = make_broker(url)
    stage_names = streams(settings.stream_prefix)
    stage = build_stage(settings, stage_names)
    stage.register(broker)
    beat: list[asyncio.Task[None]] = []

    async def on_startup() -> None:
        for check in startup_checks:
            check()
        client = Redis.from_url(url)
        try:
            await ensure_topology(client, stage_names)
        finally:
            await client.aclose()
        if settings.metrics_port:
            from prometheus_client import start_http_server  # noqa: PLC0415

            start_http_server(settings.metrics_port)

    async def after_startup() -> None:
        beat.append(asyncio.create_task(_heartbeat(settings.health_file)))
        log.info("service started", service=service, group=stage.group, stream=stage.stream)

    async def on_shutdown() -> None:
        for task in beat:
            task.cancel()
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


async def _heartbeat(path: Path) -> None:
    while True:
        path.touch()
        await asyncio.sleep(HEARTBEAT_S)
