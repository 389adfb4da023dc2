"""Every stream, consumer group and Redis key of the pipeline, named in one place.

Topology::

    producer --> {prefix}:chunks --+--> group entities   --> {prefix}:results --> group merger
                                   +--> group casualties --> {prefix}:results      |
                                   +--> group places     --> {prefix}:results      v
                                                                   {prefix}:events (public, plain JSON)
    any service -- undecodable / poison message --> {prefix}:dlq
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["EXTRACTORS", "PAYLOAD_FIELD", "Streams", "streams"]

#: The stream-entry field that holds the message as plain UTF-8 JSON, on every stream.
PAYLOAD_FIELD = "payload"

#: The extractor services, in the order their results are listed in events.
EXTRACTORS: tuple[str, ...] = ("entities", "casualties", "places")


@dataclass(frozen=True, slots=True)
class Streams:
    """Names derived from one prefix, so a test or a tenant can use its own namespace."""

    prefix: str = "sitrep"

    @property
    def chunks(self) -> str:
        return f"{self.prefix}:chunks"

    @property
    def results(self) -> str:
        return f"{self.prefix}:results"

    @property
    def events(self) -> str:
        """The public output topic."""
        return f"{self.prefix}:events"

    @property
    def dead_letters(self) -> str:
        return f"{self.prefix}:dlq"

    def group(self, service: str) -> str:
        """Consumer group of a service: replicas of one service share it."""
        return f"{self.prefix}:{service}"

    def join_key(self, document_id: str) -> str:
        """Hash holding the merger's partial join for one document."""
        return f"{self.prefix}:join:{document_id}"

    def emitted_key(self, document_id: str) -> str:
        """Marker that a document's events were published (dedup of re-publishes)."""
        return f"{self.prefix}:emitted:{document_id}"


def streams(prefix: str | None = None) -> Streams:
    """The stream names for ``prefix`` (default: the configured one)."""
    if prefix is None:
        from .settings import get_settings  # noqa: PLC0415 - settings are read lazily

        prefix = get_settings().stream_prefix
    return Streams(prefix)
