"""The FastStream broker every service shares: plain-JSON entries, ids bound to logs."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

import structlog
from faststream import BaseMiddleware
from faststream.redis import RedisBroker, RedisClusterBroker
from faststream.redis.parser.message import MessageFormat

from sitrep.logs import get_logger

from .clients import connection_options

if TYPE_CHECKING:
    from faststream._internal.basic_types import AsyncFuncAny
    from faststream.message import StreamMessage

__all__ = ["RawEntries", "make_broker"]


class RawEntries(MessageFormat):
    """Leave stream entries undecoded: sitrep decodes and validates each entry itself.

    FastStream's default format JSON-decodes a whole batch up front and fails the
    batch on one undecodable entry (leaving it pending forever); sitrep instead
    dead-letters that one entry with its reason, and decodes each payload once.
    """

    @classmethod
    async def encode(cls, **_: Any) -> bytes:  # type: ignore[override]
        msg = "sitrep publishes with XADD pipelines (see runtime.consumer), not FastStream"
        raise NotImplementedError(msg)

    @classmethod
    def parse(cls, data: Any) -> tuple[bytes, dict[str, Any]]:
        return b"null", {}


class BindIdsMiddleware(BaseMiddleware):
    """Bind the stream and entry ids of a delivery to every log line.

    The document/chunk ids are bound by :meth:`Stage.handle` once it has decoded the
    entries: parsing every payload here only for the log context doubled the JSON
    work of the hot path.
    """

    async def consume_scope(self, call_next: AsyncFuncAny, msg: StreamMessage[Any]) -> Any:
        raw = msg.raw_message
        with structlog.contextvars.bound_contextvars(
            stream=raw.get("channel"),
            entry_ids=[i.decode() for i in raw.get("message_ids", [])],
        ):
            return await call_next(msg)


def make_broker(url: str, *, cluster: bool = False) -> RedisBroker:
    """A broker on ``url`` (a Redis Cluster with ``cluster``) whose subscribers hand
    sitrep the raw entries."""
    options: dict[str, Any] = {} if cluster else {"retry_on_timeout": True, **connection_options(url)}
    kind = RedisClusterBroker if cluster else RedisBroker
    return kind(
        url,
        message_format=RawEntries,
        middlewares=(BindIdsMiddleware,),
        logger=get_logger("sitrep.broker"),
        # FastStream's own "Received"/"Processed" lines per batch go to DEBUG: sitrep
        # logs one richer line per unit of work (consumer.py) with the message ids.
        log_level=logging.DEBUG,
        health_check_interval=10,
        # Handlers take the raw delivery: FastStream's injection resolves context
        # parameters (the client, the message) in a worker thread on every batch.
        apply_types=False,
        # On SIGTERM, wait this long for the in-flight batch to finish and ack, so a
        # stopping service exits within 10 s and strands nothing it had started.
        graceful_timeout=8.0,
        **options,
    )
