"""Every stream, consumer group and Redis key of the pipeline, named in one place.

Topology::

    producer --> {prefix}:chunks --+--> group entities   --> {prefix}:results --> group merger
                                   +--> group casualties --> {prefix}:results      |
                                   +--> group places     --> {prefix}:results      v
                                                                   {prefix}:events (public, plain JSON)
    any service -- undecodable / poison message --> {prefix}:dlq

Partitions (``PARTITIONS`` > 1, or any Redis Cluster): documents are routed by id to
one of N partitions, and every key of partition ``p`` carries the hash tag ``{pN}``
(``sitrep:{p3}:chunks``, ``sitrep:{p3}:results``, ``sitrep:{p3}:events``,
``sitrep:{p3}:join:<doc>`` ...), so a partition lives in one cluster slot: the
extractors' MULTI/EXEC and the merger's Lua scripts never cross slots. With one
partition on a single server the names stay exactly ``sitrep:chunks`` etc.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass

__all__ = [
    "EXTRACTORS",
    "PAYLOAD_FIELD",
    "Streams",
    "partition_of",
    "partitioned",
    "route",
    "streams",
]

#: The stream-entry field that holds the message as plain UTF-8 JSON, on every stream.
PAYLOAD_FIELD = "payload"

#: The extractor services, in the order their results are listed in events.
EXTRACTORS: tuple[str, ...] = ("entities", "casualties", "places")


@dataclass(frozen=True, slots=True)
class Streams:
    """Names derived from one prefix (and optionally one partition), so a test or a
    tenant can use its own namespace and a cluster can spread partitions over nodes."""

    prefix: str = "sitrep"
    partition: int | None = None

    @property
    def _base(self) -> str:
        if self.partition is None:
            return self.prefix
        return f"{self.prefix}:{{p{self.partition}}}"

    @property
    def chunks(self) -> str:
        return f"{self._base}:chunks"

    @property
    def results(self) -> str:
        return f"{self._base}:results"

    @property
    def events(self) -> str:
        """The public output topic (of this partition)."""
        return f"{self._base}:events"

    @property
    def dead_letters(self) -> str:
        """Per partition: a dead letter is written in the same MULTI/EXEC as the ack."""
        return f"{self._base}:dlq"

    @property
    def outcomes(self) -> str:
        """DocumentOutcome records: documents that never completed (partial/failed)."""
        return f"{self._base}:outcomes"

    @property
    def join_deadlines(self) -> str:
        """Sorted set: document id -> unix time after which its join expires."""
        return f"{self._base}:joins:deadlines"

    def group(self, service: str) -> str:
        """Consumer group of a service: replicas of one service share it. A group is
        scoped to its stream, so the name is the same on every partition."""
        return f"{self.prefix}:{service}"

    def join_key(self, document_id: str) -> str:
        """Hash holding the merger's partial join for one document."""
        return f"{self._base}:join:{document_id}"

    def emitted_key(self, document_id: str) -> str:
        """Marker that a document's events were published (dedup of re-publishes)."""
        return f"{self._base}:emitted:{document_id}"


def partition_of(document_id: str, partitions: int) -> int:
    """The partition of a document: CRC32 of its id, stable across processes and
    languages (Python's ``hash`` is salted per process)."""
    if partitions <= 1:
        return 0
    return zlib.crc32(document_id.encode("utf-8")) % partitions


def partitioned(prefix: str, partitions: int = 1, *, cluster: bool = False) -> list[Streams]:
    """The names of every partition. One partition on a single server keeps the
    untagged names; on a cluster even one partition is tagged (single slot)."""
    if partitions <= 1 and not cluster:
        return [Streams(prefix)]
    return [Streams(prefix, p) for p in range(max(1, partitions))]


def route(all_names: list[Streams], document_id: str) -> Streams:
    """The partition's names that ``document_id`` belongs to."""
    return all_names[partition_of(document_id, len(all_names))]


def streams(prefix: str | None = None) -> Streams:
    """The stream names for ``prefix`` (default: the configured one)."""
    if prefix is None:
        from .settings import get_settings  # noqa: PLC0415 - settings are read lazily

        prefix = get_settings().stream_prefix
    return Streams(prefix)
