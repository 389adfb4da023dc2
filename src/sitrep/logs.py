"""structlog setup shared by every service: JSON off a terminal, readable on one."""

from __future__ import annotations

import logging
import sys

import structlog

__all__ = ["bind_message", "configure_logging", "get_logger"]


def configure_logging(level: str = "INFO", *, json: bool | None = None) -> None:
    """Configure structlog and stdlib logging (FastStream logs through stdlib) once.

    Logs go to stderr so that stdout stays machine-readable (``sitrep run`` prints
    events as JSON Lines there).
    """
    if json is None:
        json = not sys.stderr.isatty()
    shared: list[structlog.typing.Processor] = [
        structlog.contextvars.merge_contextvars,
        structlog.stdlib.add_log_level,
        structlog.stdlib.add_logger_name,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
        structlog.processors.StackInfoRenderer(),
    ]
    renderer: structlog.typing.Processor
    if json:
        # Tracebacks as data, without local variables: they would copy whole payloads
        # (and possibly secrets) into the logs.
        shared.append(
            structlog.processors.ExceptionRenderer(
                structlog.tracebacks.ExceptionDictTransformer(show_locals=False)
            )
        )
        renderer = structlog.processors.JSONRenderer()
    else:
        renderer = structlog.dev.ConsoleRenderer()

    structlog.configure(
        processors=[*shared, structlog.stdlib.ProcessorFormatter.wrap_for_formatter],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger,
        cache_logger_on_first_use=True,
    )
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(
        structlog.stdlib.ProcessorFormatter(foreign_pre_chain=shared, processors=[
            structlog.stdlib.ProcessorFormatter.remove_processors_meta,
            renderer,
        ])
    )
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)


def get_logger(name: str = "sitrep") -> structlog.stdlib.BoundLogger:
    return structlog.stdlib.get_logger(name)


def bind_message(*, document_id: str | None, chunk_id: str | None, **extra: object) -> None:
    """Bind the ids of the message being handled to every log line until cleared."""
    structlog.contextvars.bind_contextvars(document_id=document_id, chunk_id=chunk_id, **extra)
