"""Prometheus metrics of a service process (served on METRICS_PORT when set)."""

from __future__ import annotations

from prometheus_client import Counter, Histogram

__all__ = ["DEAD_LETTERS", "EVENTS_OUT", "MESSAGES_IN", "PROCESSING", "observe_batch"]

MESSAGES_IN = Counter("sitrep_messages_in_total", "Stream entries consumed", ["service"])
DEAD_LETTERS = Counter("sitrep_dead_letters_total", "Entries sent to the dead-letter stream", ["service"])
EVENTS_OUT = Counter("sitrep_events_out_total", "Events published on the output stream", ["service"])
PROCESSING = Histogram(
    "sitrep_batch_seconds",
    "Time to process one delivered batch, read to ack",
    ["service"],
    buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5),
)


def observe_batch(service: str, entries: int, dead: int, seconds: float) -> None:
    MESSAGES_IN.labels(service).inc(entries)
    if dead:
        DEAD_LETTERS.labels(service).inc(dead)
    PROCESSING.labels(service).observe(seconds)
