"""Run the whole pipeline on one machine: each service as its own OS process.

``sitrep run`` uses this; so do the end-to-end tests. The services talk only through
Redis streams, exactly as in a deployment.
"""

from __future__ import annotations

import asyncio
import ctypes
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager

import orjson
from redis.asyncio import Redis

from sitrep.streams import PAYLOAD_FIELD, Streams, route

__all__ = ["read_events", "service_processes", "wait_for_documents"]


@contextmanager
def service_processes(
    redis_url: str,
    *,
    prefix: str,
    replicas: dict[str, int] | None = None,
    env: dict[str, str] | None = None,
    log_level: str = "WARNING",
) -> Iterator[list[subprocess.Popen[bytes]]]:
    """Start ``sitrep serve NAME`` processes (``replicas`` per service, default 1 each);
    stop them with SIGTERM (then SIGKILL after 10 s) on exit.

    The children must not outlive their parent: a SIGTERM to the parent unwinds this
    context like Ctrl-C does, and on Linux each child also asks the kernel for a
    SIGTERM should the parent die without unwinding (SIGKILL).
    """
    from sitrep.services import CONSUMERS  # noqa: PLC0415

    counts = {name: 1 for name in CONSUMERS} | (replicas or {})
    child_env = {
        **os.environ,
        "REDIS_URL": redis_url,
        "STREAM_PREFIX": prefix,
        "LOG_LEVEL": log_level,
        **(env or {}),
    }
    procs: list[subprocess.Popen[bytes]] = []
    previous = _raise_on_sigterm()
    try:
        for name, count in counts.items():
            for i in range(count):
                procs.append(
                    subprocess.Popen(  # noqa: S603 - our own interpreter and module
                        [sys.executable, "-m", "sitrep.cli", "serve", name],
                        env={**child_env, "CONSUMER_NAME": f"{name}-{i}-{os.getpid()}",
                             "HEALTH_FILE": f"/tmp/sitrep-{prefix.replace(':', '_')}-{name}-{i}.alive"},  # noqa: S108
                        preexec_fn=_die_with_parent,  # noqa: PLW1509 - no threads are started yet
                    )
                )
        yield procs
    finally:
        stop_processes(procs)
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def _raise_on_sigterm() -> signal.Handlers | None:
    """Turn SIGTERM into SystemExit in the main thread, so ``finally`` blocks run."""
    if threading.current_thread() is not threading.main_thread():
        return None

    def stop(signum: int, _frame: object) -> None:
        raise SystemExit(128 + signum)

    previous = signal.getsignal(signal.SIGTERM)
    signal.signal(signal.SIGTERM, stop)
    return previous  # type: ignore[return-value]


def _die_with_parent() -> None:
    """In the child, before exec: SIGTERM me when my parent dies (Linux prctl)."""
    if sys.platform.startswith("linux"):
        pr_set_pdeathsig = 1
        ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGTERM)


def stop_processes(procs: Iterable[subprocess.Popen[bytes]], timeout: float = 10) -> None:
    procs = [p for p in procs if p.poll() is None]
    for proc in procs:
        proc.send_signal(signal.SIGTERM)
    deadline = time.monotonic() + timeout
    for proc in procs:
        try:
            proc.wait(max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _as_list(names: Streams | Sequence[Streams]) -> list[Streams]:
    """One partition's names or all of them (PARTITIONS > 1)."""
    return [names] if isinstance(names, Streams) else list(names)


async def wait_for_documents(
    redis: Redis,
    names: Streams | Sequence[Streams],
    document_ids: Sequence[str],
    *,
    timeout: float,
    procs: Sequence[subprocess.Popen[bytes]] = (),
    on_progress: Callable[[int], object] | None = None,
) -> set[str]:
    """Wait until every document's events are published; return those still missing.

    Raises RuntimeError if a service process dies meanwhile (its exit code is named).
    """
    every = _as_list(names)
    pending = set(document_ids)
    deadline = time.monotonic() + timeout
    while pending and time.monotonic() < deadline:
        for proc in procs:
            if proc.poll() is not None:
                msg = f"service process {proc.args!r} exited with code {proc.returncode}"
                raise RuntimeError(msg)
        ordered = sorted(pending)
        async with redis.pipeline(transaction=False) as pipe:
            for document_id in ordered:
                pipe.exists(route(every, document_id).emitted_key(document_id))
            flags = await pipe.execute()
        pending.difference_update(d for d, flag in zip(ordered, flags, strict=True) if flag)
        if on_progress is not None:
            on_progress(len(document_ids) - len(pending))
        if pending:
            await asyncio.sleep(0.05)
    return pending


async def read_events(
    redis: Redis,
    names: Streams | Sequence[Streams],
    *,
    document_ids: Iterable[str] | None = None,
    since: str = "-",
) -> list[dict[str, object]]:
    """Every event on the output stream(s) (optionally only those of ``document_ids``),
    partition by partition."""
    wanted = set(document_ids) if document_ids is not None else None
    out: list[dict[str, object]] = []
    for each in _as_list(names):
        start = since
        while True:
            rows = await redis.xrange(each.events, min=start, max="+", count=1000)
            for entry_id, fields in rows:
                event = orjson.loads(fields[PAYLOAD_FIELD.encode()])
                if wanted is None or wanted & set(event.get("document_ids", [])):
                    out.append(event)
                start = "(" + entry_id.decode()
            if len(rows) < 1000:
                break
    return out
