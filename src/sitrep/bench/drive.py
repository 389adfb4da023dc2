"""Drive one pipeline (the floor or sitrep's) on one server: publish, track, trim, sample.

Completion of a document is its done marker (``Streams.emitted_key``): sitrep's merger
sets it in the same Lua script that appends the events; the floor's merger likewise.
Only the oldest in-flight documents are polled, so tracking costs the server little.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import subprocess
import sys
import time
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import psutil
from redis.asyncio import Redis

from sitrep.runtime.local import service_processes
from sitrep.streams import EXTRACTORS, Streams, partitioned, route

from .floor import FLOOR_GROUP_PREFIX
from .load import LoadGenerator

__all__ = [
    "CpuMeter",
    "RssSampler",
    "Target",
    "floor_target",
    "latency_run",
    "server_pid",
    "sitrep_target",
    "throughput_run",
]

POLL_OLDEST = 16
#: Completion polls during a throughput run: coarse (a run lasts seconds), so the
#: publisher's polling takes little of the CPU the measured pipeline needs; latency
#: runs poll every 2 ms.
THROUGHPUT_POLL_S = 0.01


@dataclass
class Target:
    """A running pipeline: its names (one per partition), its processes (label ->
    Popen) and its groups."""

    kind: str
    partitions: list[Streams]
    procs: dict[str, subprocess.Popen[bytes]]
    chunk_groups: list[str]
    result_group: str

    def route(self, document_id: str) -> Streams:
        return route(self.partitions, document_id)


@contextmanager
def floor_target(url: str, prefix: str, batch: int, *, tuned: bool = False) -> Iterator[Target]:
    """The plain redis-py pipeline (``tuned``: with sitrep's client techniques, see
    :mod:`sitrep.bench.floor`), one process per role."""
    names = Streams(prefix)
    procs: dict[str, subprocess.Popen[bytes]] = {}
    variant = "tuned" if tuned else "plain"
    try:
        for role, name in [*(("extractor", e) for e in EXTRACTORS), ("merger", "merger")]:
            procs[name] = subprocess.Popen(  # noqa: S603 - our interpreter, our module
                [
                    sys.executable, "-m", "sitrep.bench.floor",
                    role, name, url, prefix, str(batch), variant,
                ]
            )
        yield Target(
            "floor-tuned" if tuned else "floor",
            [names],
            procs,
            [f"{FLOOR_GROUP_PREFIX}:{e}" for e in EXTRACTORS],
            f"{FLOOR_GROUP_PREFIX}:merger",
        )
    finally:
        from sitrep.runtime.local import stop_processes  # noqa: PLC0415

        stop_processes(procs.values())


@contextmanager
def sitrep_target(
    url: str,
    prefix: str,
    *,
    mode: str,
    batch: int,
    mergers: int = 1,
    partitions: int = 1,
    cluster: bool = False,
) -> Iterator[Target]:
    """sitrep's real services (``sitrep serve``), each its own process; ``mergers``
    merger replicas (the merger is stateless: its join lives in Redis); ``partitions``
    hash-tagged partitions, on a Redis Cluster with ``cluster``."""
    env = {
        "EXTRACT_MODE": mode, "BATCH_SIZE": str(batch), "LOG_LEVEL": "WARNING",
        "PARTITIONS": str(partitions), "REDIS_CLUSTER": "true" if cluster else "false",
    }
    all_names = partitioned(prefix, partitions, cluster=cluster)
    with service_processes(
        url, prefix=prefix, env=env, log_level="WARNING", replicas={"merger": mergers}
    ) as procs:
        labelled: dict[str, subprocess.Popen[bytes]] = {}
        for proc in procs:
            label = str(proc.args[-1])  # type: ignore[index]
            n = sum(1 for k in labelled if k.split("#")[0] == label)
            labelled[f"{label}#{n + 1}" if n else label] = proc
        yield Target(
            f"sitrep-{mode}",
            all_names,
            labelled,
            [all_names[0].group(e) for e in EXTRACTORS],
            all_names[0].group("merger"),
        )


class RssSampler:
    """Peak and current resident memory of each process, sampled in the background."""

    def __init__(self, procs: dict[str, subprocess.Popen[bytes]], every: float = 0.2) -> None:
        self._procs = {label: psutil.Process(p.pid) for label, p in procs.items()}
        self.peak: dict[str, int] = dict.fromkeys(procs, 0)
        self._every = every
        self._task: asyncio.Task[None] | None = None

    def current(self) -> dict[str, int]:
        out = {}
        for label, proc in self._procs.items():
            with contextlib.suppress(psutil.Error):
                out[label] = proc.memory_info().rss
                self.peak[label] = max(self.peak[label], out[label])
        return out

    async def _loop(self) -> None:
        while True:
            self.current()
            await asyncio.sleep(self._every)

    def __enter__(self) -> RssSampler:
        self._task = asyncio.get_running_loop().create_task(self._loop())
        return self

    def __exit__(self, *_: object) -> None:
        if self._task:
            self._task.cancel()


class CpuMeter:
    """CPU seconds (user + system) each process spent between :meth:`start` and
    :meth:`stop`: a per-chunk cost that, unlike a rate, does not depend on how busy
    the machine is (a preempted process is not charged while it waits)."""

    def __init__(self, pids: dict[str, int]) -> None:
        self._procs = {}
        for label, pid in pids.items():
            with contextlib.suppress(psutil.Error):
                self._procs[label] = psutil.Process(pid)
        self._start: dict[str, float] = {}
        self.seconds: dict[str, float] = {}

    def _now(self) -> dict[str, float]:
        out = {}
        for label, proc in self._procs.items():
            with contextlib.suppress(psutil.Error):
                t = proc.cpu_times()
                out[label] = t.user + t.system
        return out

    def start(self) -> None:
        self._start = self._now()

    def stop(self) -> dict[str, float]:
        end = self._now()
        self.seconds = {k: end[k] - self._start[k] for k in end if k in self._start}
        return self.seconds


async def server_pid(redis: Redis) -> int | None:
    """The server's process id when it runs on this machine (embedded, or a local
    REDIS_URL), so its CPU is counted too; None for a remote server."""
    try:
        info = await redis.info("server")
    except Exception:  # noqa: BLE001 - a server without INFO server: leave it out
        return None
    pid = info.get("process_id")
    host = redis.connection_pool.connection_kwargs.get("host", "")
    if not pid or host not in {"127.0.0.1", "localhost", "::1"}:
        return None
    try:
        name = psutil.Process(int(pid)).name()
    except psutil.Error:
        return None
    return int(pid) if "redis" in name or "valkey" in name else None


async def wait_ready(redis: Redis, target: Target, timeout: float = 180) -> None:
    """Until every group has a consumer reading (services have started and warmed up)."""
    deadline = time.monotonic() + timeout
    wanted = []
    for names in target.partitions:
        wanted += [(names.chunks, g) for g in target.chunk_groups]
        wanted.append((names.results, target.result_group))
    while time.monotonic() < deadline:
        _check_alive(target)
        ok = True
        for stream, group in wanted:
            try:
                consumers = await redis.xinfo_consumers(stream, group)
            except Exception:  # noqa: BLE001 - stream or group not created yet
                consumers = []
            ok = ok and bool(consumers)
        if ok:
            return
        await asyncio.sleep(0.1)
    msg = f"{target.kind}: services not ready after {timeout:.0f}s"
    raise RuntimeError(msg)


def _check_alive(target: Target) -> None:
    for label, proc in target.procs.items():
        if proc.poll() is not None:
            msg = f"{target.kind}: process {label} exited with code {proc.returncode}"
            raise RuntimeError(msg)


async def _trim(redis: Redis, stream: str, groups: list[str]) -> None:
    """Drop entries every group has acknowledged (keeps the server's memory bounded)."""
    floor_id: tuple[int, int] | None = None
    try:
        infos = await redis.xinfo_groups(stream)
    except Exception:  # noqa: BLE001 - no stream yet
        return
    by_name = {(i["name"].decode() if isinstance(i["name"], bytes) else i["name"]): i for i in infos}
    for group in groups:
        info = by_name.get(group)
        if info is None:
            return
        raw = info["last-delivered-id"]
        if info["pending"]:
            # the entries may be acknowledged between the two calls: no pending minimum then
            # (it had raised on None and silently ended the trimmer for the rest of the run)
            raw = (await redis.xpending(stream, group))["min"] or raw
        if raw is None:
            return
        raw = raw.decode() if isinstance(raw, bytes) else raw
        ms, seq = (int(x) for x in raw.split("-"))
        floor_id = (ms, seq) if floor_id is None else min(floor_id, (ms, seq))
    if floor_id is not None and floor_id > (0, 0):
        await redis.xtrim(stream, minid=f"{floor_id[0]}-{floor_id[1]}", approximate=True)


async def _trimmer(redis: Redis, target: Target) -> None:
    while True:
        for names in target.partitions:
            await _trim(redis, names.chunks, target.chunk_groups)
            await _trim(redis, names.results, [target.result_group])
            await redis.xtrim(names.events, maxlen=1000, approximate=True)
        await asyncio.sleep(0.5)


async def events_added(redis: Redis, target: Target) -> int:
    """Events ever appended to the output stream(s) (unaffected by trimming)."""
    total = 0
    for names in target.partitions:
        try:
            info = await redis.xinfo_stream(names.events)
        except Exception:  # noqa: BLE001 - no event yet
            continue
        total += int(info.get("entries-added", info.get("length", 0)))
    return total


@dataclass
class _Tracker:
    redis: Redis
    target: Target
    inflight: deque[tuple[str, float, int]] = field(default_factory=deque)
    latencies: list[float] = field(default_factory=list)
    chunks_done: int = 0
    docs_done: int = 0

    @property
    def chunks_inflight(self) -> int:
        return sum(n for _, _, n in self.inflight)

    async def poll(self) -> None:
        """Retire the documents completed among the oldest in flight: ``POLL_OLDEST``
        of them per round trip, another round trip only while all of those were done
        (documents complete roughly in publishing order), so that tracking adds a few
        commands per poll to the server it measures, not one per document in flight."""
        done: set[str] = set()
        for start in range(0, len(self.inflight), POLL_OLDEST):
            head = [doc for doc, _, _ in itertools.islice(self.inflight, start, start + POLL_OLDEST)]
            async with self.redis.pipeline(transaction=False) as pipe:
                for doc in head:
                    pipe.exists(self.target.route(doc).emitted_key(doc))
                flags = await pipe.execute()
            done.update(doc for doc, flag in zip(head, flags, strict=True) if flag)
            if not all(flags):
                break
        if not done:
            return
        now = time.perf_counter()
        keep: deque[tuple[str, float, int]] = deque()
        for doc, t_pub, n in self.inflight:
            if doc in done:
                self.latencies.append(now - t_pub)
                self.chunks_done += n
                self.docs_done += 1
            else:
                keep.append((doc, t_pub, n))
        self.inflight = keep


async def _publish(redis: Redis, target: Target, docs: list, tracker: _Tracker) -> None:  # type: ignore[type-arg]
    async with redis.pipeline(transaction=False) as pipe:
        for doc in docs:
            chunks = target.route(doc.document_id).chunks
            for payload in doc.payloads:
                pipe.xadd(chunks, {"payload": payload})
        t_pub = time.perf_counter()
        await pipe.execute()
    for doc in docs:
        tracker.inflight.append((doc.document_id, t_pub, len(doc.payloads)))


@dataclass(frozen=True)
class Throughput:
    chunks: int
    documents: int
    events: int
    seconds: float
    #: (chunks done, RSS per process) every ``mark`` chunks
    rss_at_marks: list[tuple[int, dict[str, int]]]


async def throughput_run(
    redis: Redis,
    target: Target,
    gen: LoadGenerator,
    *,
    chunks: int,
    window: int,
    start_index: int = 0,
    mark: int | None = None,
    sampler: RssSampler | None = None,
    timeout: float = 1800,
    on_progress: Callable[[int], object] | None = None,
) -> Throughput:
    """Publish ``chunks`` (pipelined, at most ``window`` in flight) as fast as the
    pipeline drains them; time until the last document is complete. With ``mark`` and
    ``sampler``, read every process's RSS each time ``mark`` more chunks are done."""
    tracker = _Tracker(redis, target)
    before = await events_added(redis, target)
    rss_marks: list[tuple[int, dict[str, int]]] = []
    trim = asyncio.create_task(_trimmer(redis, target))
    started = time.perf_counter()
    deadline = time.monotonic() + timeout
    try:
        docs = gen.documents(chunks, start=start_index)
        batch: list = []  # type: ignore[type-arg]
        exhausted = False
        while not exhausted or tracker.inflight:
            if time.monotonic() > deadline:
                msg = f"{target.kind}: timed out with {len(tracker.inflight)} documents in flight"
                raise RuntimeError(msg)
            if not exhausted and tracker.chunks_inflight < window:
                batch = [d for _, d in zip(range(16), docs, strict=False)]
                if batch:
                    await _publish(redis, target, batch, tracker)
                    continue
                exhausted = True
            _check_alive(target)
            await tracker.poll()
            if on_progress is not None:
                on_progress(tracker.chunks_done)
            if mark and sampler and tracker.chunks_done >= mark * (len(rss_marks) + 1):
                rss_marks.append((tracker.chunks_done, sampler.current()))
            await asyncio.sleep(THROUGHPUT_POLL_S)
        elapsed = time.perf_counter() - started
    finally:
        trim.cancel()
    after = await events_added(redis, target)
    return Throughput(tracker.chunks_done, tracker.docs_done, after - before, elapsed, rss_marks)


async def latency_run(
    redis: Redis,
    target: Target,
    gen: LoadGenerator,
    *,
    rate: float,
    seconds: float,
    start_index: int,
) -> list[float]:
    """Offer ``rate`` chunks/s (whole documents on a fixed schedule) for ``seconds``;
    return each document's publish -> complete latency in seconds."""
    tracker = _Tracker(redis, target)
    trim = asyncio.create_task(_trimmer(redis, target))
    per_doc = gen.chunk_count / rate
    count = max(1, int(seconds / per_doc))
    t0 = time.perf_counter()
    try:
        for i in range(count):
            due = t0 + i * per_doc
            while (now := time.perf_counter()) < due:
                await tracker.poll()
                await asyncio.sleep(min(0.002, max(0.0, due - now)))
            await _publish(redis, target, [gen.document(start_index + i)], tracker)
        deadline = time.monotonic() + 60
        while tracker.inflight and time.monotonic() < deadline:
            _check_alive(target)
            await tracker.poll()
            await asyncio.sleep(0.002)
    finally:
        trim.cancel()
    return tracker.latencies
