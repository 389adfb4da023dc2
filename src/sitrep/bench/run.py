"""One benchmark run: floor, sitrep no-op, cores, sitrep full, on one server."""

from __future__ import annotations

import asyncio
import dataclasses
import os
import statistics
import tempfile
import uuid
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

from redis.asyncio import Redis

from sitrep.runtime.clients import connection_options

from .cores import core_rates, merge_rate, payload_costs, pipeline_bound
from .drive import (
    CpuMeter,
    RssSampler,
    Target,
    floor_target,
    latency_run,
    server_pid,
    sitrep_target,
    throughput_run,
    wait_ready,
)
from .load import LoadGenerator
from .report import (
    CLUSTER_FULL,
    CLUSTER_NODES,
    CLUSTER_NOOP,
    FLOOR,
    FLOOR_TUNED,
    FULL,
    MERGE_CORE,
    NOOP,
    BenchReport,
    Row,
    machine,
    percentiles,
)

__all__ = ["PIPELINES", "BenchOptions", "run_bench"]

MB = 1024 * 1024
#: What ``--only`` accepts (``cluster`` is not in the default run: it starts its own
#: 3-node cluster). The memory run happens whenever ``memory_chunks`` is set;
#: ``--only memory`` runs it alone.
PIPELINES = ("floor", "floor-tuned", "noop", "cores", "full", "cluster", "memory")
#: Document indexes of the latency runs (throughput rounds use the ones below).
LATENCY_START = 900_000_000


@dataclass(frozen=True)
class BenchOptions:
    """What to measure and how much (``quick()``: seconds, for tests)."""

    chunks: int = 50_000
    full_chunks: int = 4_000
    latency_seconds: float = 10.0
    rate: float | None = None
    batch: int = 64
    window: int = 4_000
    core_seconds: float = 2.0
    memory_chunks: int = 0
    memory_mark: int = 100_000
    merger_replicas: int = 1
    #: Throughput runs of floor, tuned floor and no-op, interleaved; each row reports
    #: the median, so one disturbed run (a shared machine) does not decide a ratio.
    rounds: int = 3
    pipelines: tuple[str, ...] = ("floor", "floor-tuned", "noop", "cores", "full")

    def __post_init__(self) -> None:
        unknown = sorted(set(self.pipelines) - set(PIPELINES))
        if unknown:
            msg = f"unknown pipeline(s) {', '.join(unknown)}; choose from {', '.join(PIPELINES)}"
            raise ValueError(msg)
        if self.rounds < 1:
            msg = "rounds must be at least 1"
            raise ValueError(msg)

    @classmethod
    def quick(cls) -> BenchOptions:
        return cls(
            chunks=400, full_chunks=80, latency_seconds=1.0, core_seconds=0.2, window=400,
            memory_chunks=0, rounds=2,
        )


def _say(log: Callable[[str], object] | None, text: str) -> None:
    if log is not None:
        log(text)


@contextmanager
def _server(url: str | None) -> Iterator[str]:
    if url:
        yield url
        return
    from sitrep.runtime.embedded import embedded_redis  # noqa: PLC0415

    with embedded_redis() as started:
        yield started


async def _measure(
    redis: Redis,
    targets: dict[str, Target],
    gen: LoadGenerator,
    opts: BenchOptions,
    chunks: int,
    log: Callable[[str], object] | None,
    servers: dict[str, int] | None = None,
) -> list[Row]:
    """Throughput of every target, ``opts.rounds`` times interleaved (A B C A B C ...),
    then each one's latency at half its median rate. CPU per chunk is summed over the
    rounds (``servers``: label -> pid of the server processes, default the one behind
    ``redis`` when local); RSS is the peak over the whole measurement."""
    for target in targets.values():
        await wait_ready(redis, target)
    if servers is None:
        pid = await server_pid(redis)
        servers = {"server": pid} if pid else {}
    meters, samplers, rows = {}, {}, {}
    for name, target in targets.items():
        pids = {label: p.pid for label, p in target.procs.items()}
        meters[name] = CpuMeter({**pids, **servers, "driver": os.getpid()})
        samplers[name] = RssSampler(target.procs).__enter__()
        rows[name] = Row(name=name)
    try:
        for name, target in targets.items():
            warm = await throughput_run(
                redis, target, gen, chunks=gen.chunk_count * 2, window=opts.window
            )
            _say(log, f"{name}: warm ({warm.seconds:.2f}s)")
        docs_per_run = -(-chunks // gen.chunk_count)
        spent: dict[str, dict[str, float]] = {name: {} for name in targets}
        for r in range(opts.rounds):
            for name, target in targets.items():
                meters[name].start()
                tp = await throughput_run(
                    redis, target, gen, chunks=chunks, window=opts.window,
                    start_index=1_000 + r * docs_per_run,
                )
                for label, seconds in meters[name].stop().items():
                    spent[name][label] = spent[name].get(label, 0.0) + seconds
                row = rows[name]
                row.chunks += tp.chunks
                row.documents += tp.documents
                row.events += tp.events
                row.seconds += tp.seconds
                row.rounds_chunks_per_s.append(tp.chunks / tp.seconds)
                _say(
                    log,
                    f"{name} round {r + 1}/{opts.rounds}: {tp.chunks / tp.seconds:,.0f} chunks/s, "
                    f"{tp.events / tp.seconds:,.0f} events/s (load {os.getloadavg()[0]:.2f})",
                )
        for name, row in rows.items():
            row.chunks_per_s = statistics.median(row.rounds_chunks_per_s)
            row.events_per_s = row.events / row.seconds if row.seconds else 0.0
            row.cpu_us_per_chunk = {
                k: round(v * 1e6 / row.chunks, 1) for k, v in spent[name].items()
            }
            _say(
                log,
                f"{name}: median {row.chunks_per_s:,.0f} chunks/s, {row.cpu_us_total:,.0f} µs "
                f"CPU per chunk ({row.busy_cores:.2f} cores busy)",
            )
        for name, target in targets.items():
            row = rows[name]
            rate = opts.rate or row.chunks_per_s / 2
            lat = await latency_run(
                redis, target, gen, rate=rate, seconds=opts.latency_seconds,
                start_index=LATENCY_START,
            )
            row.offered_rate = rate
            row.latency_ms = {k: v * 1000 for k, v in percentiles(lat).items()}
            _say(log, f"{name}: latency at {rate:,.0f} chunks/s: {row.latency_ms}")
    finally:
        for name, sampler in samplers.items():
            sampler.current()
            sampler.__exit__()
            rows[name].rss_peak_mb = {k: round(v / MB, 1) for k, v in sampler.peak.items()}
    return list(rows.values())


async def _cluster(
    opts: BenchOptions, gen: LoadGenerator, run: str, log: Callable[[str], object] | None
) -> list[Row]:
    """The no-op and the full pipeline on an embedded Redis Cluster of CLUSTER_NODES
    nodes with as many partitions (one round each): what partitioning costs here, and
    the per-partition rate docs/SCALING.md projects from."""
    from redis.asyncio.cluster import RedisCluster  # noqa: PLC0415

    from sitrep.runtime.embedded import embedded_cluster  # noqa: PLC0415

    rows: list[Row] = []
    with tempfile.TemporaryDirectory() as tmp, embedded_cluster(Path(tmp), CLUSTER_NODES) as c:
        client = RedisCluster.from_url(c.url)
        servers = {f"server{i + 1}": pid for i, pid in enumerate(c.pids)}
        try:
            for mode, name, chunks in (
                ("noop", CLUSTER_NOOP, opts.chunks),
                ("real", CLUSTER_FULL, opts.full_chunks),
            ):
                with sitrep_target(
                    c.url, f"bench{run}:c{mode}", mode=mode, batch=opts.batch,
                    partitions=CLUSTER_NODES, cluster=True,
                ) as target:
                    rows += await _measure(
                        client,  # type: ignore[arg-type]
                        {name: target}, gen, dataclasses.replace(opts, rounds=1), chunks, log,
                        servers=servers,
                    )
        finally:
            await client.aclose()
    return rows


async def _memory(
    redis: Redis, url: str, gen: LoadGenerator, opts: BenchOptions, prefix: str
) -> dict[str, object]:
    """Merger RSS every ``memory_mark`` chunks up to ``memory_chunks`` (no-op
    extractors, so a long run is affordable): flat means its state is cleaned up.
    ``change_pct`` compares the last reading with the first (the target: within
    ±10 % from 100k to 1M chunks); ``spread_pct`` is the range of all readings."""
    with sitrep_target(url, prefix, mode="noop", batch=opts.batch) as target:
        await wait_ready(redis, target)
        with RssSampler(target.procs) as rss:
            tp = await throughput_run(
                redis, target, gen, chunks=opts.memory_chunks, window=opts.window,
                mark=opts.memory_mark, sampler=rss, timeout=7200,
            )
            end = rss.current()
    readings = [(n, r.get("merger", 0)) for n, r in tp.rss_at_marks]
    if not readings or readings[-1][0] < tp.chunks:
        readings.append((tp.chunks, end.get("merger", 0)))
    first, last = readings[0][1], readings[-1][1]
    values = [v for _, v in readings]
    info = await redis.info("memory")
    return {
        "merger_rss_mb": {n: round(v / MB, 1) for n, v in readings},
        "chunks_at_first": readings[0][0],
        "chunks_at_end": tp.chunks,
        "change_pct": round(100 * (last - first) / first, 1) if first else None,
        "spread_pct": round(100 * (max(values) - min(values)) / first, 1) if first else None,
        "server_used_memory_mb": round(int(info["used_memory"]) / MB, 1),
        "chunks_per_s": round(tp.chunks / tp.seconds),
    }


async def _run(url: str, opts: BenchOptions, log: Callable[[str], object] | None) -> BenchReport:
    from sitrep.core.pipeline import EXTRACT  # noqa: PLC0415

    run = uuid.uuid4().hex[:6]
    gen = LoadGenerator(run_id=f"b{run}")
    report = BenchReport(machine=machine(), server=url.split("@")[-1])
    report.load_average["before"] = round(os.getloadavg()[0], 2)
    cores = os.cpu_count() or 1
    redis = Redis.from_url(url, **connection_options(url))
    try:
        with ExitStack() as stack:
            targets: dict[str, Target] = {}
            if "floor" in opts.pipelines:
                targets[FLOOR] = stack.enter_context(
                    floor_target(url, f"bench{run}:floor", opts.batch)
                )
            if "floor-tuned" in opts.pipelines:
                targets[FLOOR_TUNED] = stack.enter_context(
                    floor_target(url, f"bench{run}:tuned", opts.batch, tuned=True)
                )
            if "noop" in opts.pipelines:
                targets[NOOP] = stack.enter_context(
                    sitrep_target(
                        url, f"bench{run}:noop", mode="noop", batch=opts.batch,
                        mergers=opts.merger_replicas,
                    )
                )
            if targets:
                report.rows.extend(await _measure(redis, targets, gen, opts, opts.chunks, log))
        if "cores" in opts.pipelines:
            report.core_rates = core_rates(gen, EXTRACT, seconds=opts.core_seconds)
            report.bound = pipeline_bound(report.core_rates, cores)
            merge = merge_rate(gen, EXTRACT, seconds=opts.core_seconds)
            report.bound_with_merge = pipeline_bound({**report.core_rates, "merger": merge}, cores)
            report.core_rates[MERGE_CORE] = merge
            report.payload_us_per_chunk = payload_costs(gen, EXTRACT, seconds=opts.core_seconds)
            _say(log, f"cores: {report.core_rates}; bound {report.bound:,.0f}")
            _say(log, f"real payloads, µs per chunk: {report.payload_us_per_chunk}")
        if "full" in opts.pipelines:
            with sitrep_target(
                url, f"bench{run}:full", mode="real", batch=opts.batch, mergers=opts.merger_replicas
            ) as t:
                report.rows.extend(
                    await _measure(
                        redis, {FULL: t}, gen, dataclasses.replace(opts, rounds=1),
                        opts.full_chunks, log,
                    )
                )
        if "cluster" in opts.pipelines:
            report.rows.extend(await _cluster(opts, gen, run, log))
        if opts.memory_chunks:
            report.memory = await _memory(redis, url, gen, opts, f"bench{run}:mem")
            _say(log, f"memory: {report.memory}")
        report.load_average["after"] = round(os.getloadavg()[0], 2)
        report.compute_bounds(cores)
        report.compute_ratios()
        return report
    finally:
        await redis.aclose()


def run_bench(
    opts: BenchOptions, *, url: str | None = None, log: Callable[[str], object] | None = None
) -> BenchReport:
    """Run every requested measurement on one server (``url``, else an embedded Valkey)."""
    with ExitStack() as stack:
        server = stack.enter_context(_server(url))
        return asyncio.run(_run(server, opts, log))
