"""What the three extractor services have in common: chunk in, one result out."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import structlog
from pydantic import BaseModel, TypeAdapter

from sitrep.logs import get_logger
from sitrep.runtime import metrics
from sitrep.runtime.codec import encode
from sitrep.runtime.consumer import Item, Outcome, Stage, dead_letter
from sitrep.runtime.service import ServiceApp, service_app
from sitrep.schemas import Chunk, DeadLetter
from sitrep.streams import PAYLOAD_FIELD

if TYPE_CHECKING:
    from redis.asyncio import Redis
    from redis.asyncio.client import Pipeline

    from sitrep.settings import Settings
    from sitrep.streams import Streams

__all__ = ["extractor_service"]

_CHUNK = TypeAdapter(Chunk)


def extractor_service(
    name: str,
    extract: Callable[[Chunk], BaseModel],
    *,
    startup_checks: tuple[Callable[[], object], ...] = (),
) -> ServiceApp:
    """An extractor consuming the chunk stream in its own group ``<prefix>:<name>``."""
    log = get_logger(f"sitrep.{name}")

    def build(settings: Settings, names: Streams) -> Stage[Chunk]:
        fn = extract
        if settings.extract_mode == "noop":  # transport-only benchmark (sitrep bench)
            from sitrep.bench.noop import noop_extractor  # noqa: PLC0415

            fn = noop_extractor(name)

        async def work(_: Redis, pipe: Pipeline, items: list[Item[Chunk]]) -> Outcome:
            dead: list[DeadLetter] = []
            for item in items:
                chunk = item.message
                try:
                    result = fn(chunk)
                except Exception as exc:  # a bug must not stall the group: keep the input
                    # ids bound here only: binding them per chunk cost more than no-op work
                    with structlog.contextvars.bound_contextvars(
                        document_id=chunk.document_id, chunk_id=chunk.chunk_id
                    ):
                        log.exception("extractor failed", service=name)
                    dead.append(
                        dead_letter(
                            stream=names.chunks,
                            entry_id=item.entry_id,
                            fields={PAYLOAD_FIELD.encode(): item.payload},
                            service=name,
                            error=exc,
                        )
                    )
                    continue
                pipe.xadd(names.results, {PAYLOAD_FIELD: encode(result)})
            metrics.observe_out(name, names.results, len(items) - len(dead))
            return Outcome(dead)

        return Stage(
            service=name,
            stream=names.chunks,
            group=names.group(name),
            dead_letters=names.dead_letters,
            adapter=_CHUNK,
            work=work,
            settings=settings,
        )

    return service_app(name, build, startup_checks=startup_checks)  # type: ignore[arg-type]
