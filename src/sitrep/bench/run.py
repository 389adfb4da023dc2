"""One benchmark run: floor, sitrep no-op, cores, sitrep full, on one server."""

from __future__ import annotations

import asyncio
import os
import uuid
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass

from redis.asyncio import Redis

from .cores import core_rates, merge_rate, pipeline_bound
from .drive import (
    RssSampler,
    Target,
    floor_target,
    latency_run,
    sitrep_target,
    throughput_run,
    wait_ready,
)
from .load import LoadGenerator
from .report import BenchReport, Row, machine, percentiles

__all__ = ["BenchOptions", "run_bench"]

MB = 1024 * 1024


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
    pipelines: tuple[str, ...] = ("floor", "noop", "cores", "full")

    @classmethod
    def quick(cls) -> BenchOptions:
        return cls(
            chunks=400, full_chunks=80, latency_seconds=1.0, core_seconds=0.2, window=400,
            memory_chunks=0,
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
    target: Target,
    gen: LoadGenerator,
    name: str,
    opts: BenchOptions,
    chunks: int,
    log: Callable[[str], object] | None,
) -> Row:
    await wait_ready(redis, target)
    with RssSampler(target.procs) as rss:
        warm = await throughput_run(redis, target, gen, chunks=gen.chunk_count * 2, window=opts.window)
        _say(log, f"{name}: warm ({warm.seconds:.2f}s)")
        tp = await throughput_run(
            redis, target, gen, chunks=chunks, window=opts.window, start_index=1_000
        )
        row = Row(
            name=name,
            chunks=tp.chunks,
            documents=tp.documents,
            events=tp.events,
            seconds=tp.seconds,
            chunks_per_s=tp.chunks / tp.seconds,
            events_per_s=tp.events / tp.seconds,
        )
        _say(log, f"{name}: {row.chunks_per_s:,.0f} chunks/s, {row.events_per_s:,.0f} events/s")
        rate = opts.rate or row.chunks_per_s / 2
        lat = await latency_run(
            redis, target, gen, rate=rate, seconds=opts.latency_seconds, start_index=10_000_000
        )
        row.offered_rate = rate
        row.latency_ms = {k: v * 1000 for k, v in percentiles(lat).items()}
        _say(log, f"{name}: latency at {rate:,.0f} chunks/s: {row.latency_ms}")
        rss.current()
        row.rss_peak_mb = {k: round(v / MB, 1) for k, v in rss.peak.items()}
    return row


async def _memory(
    redis: Redis, url: str, gen: LoadGenerator, opts: BenchOptions, prefix: str
) -> dict[str, object]:
    """Merger RSS after ``memory_mark`` chunks and after ``memory_chunks`` (no-op
    extractors, so a long run is affordable): flat means its state is cleaned up."""
    with sitrep_target(url, prefix, mode="noop", batch=opts.batch) as target:
        await wait_ready(redis, target)
        with RssSampler(target.procs) as rss:
            tp = await throughput_run(
                redis, target, gen, chunks=opts.memory_chunks, window=opts.window,
                mark=opts.memory_mark, sampler=rss, timeout=7200,
            )
            end = rss.current()
    at_mark = tp.rss_at_mark.get("merger", 0)
    at_end = end.get("merger", 0)
    info = await redis.info("memory")
    return {
        "chunks_at_mark": opts.memory_mark,
        "merger_rss_mb_at_mark": round(at_mark / MB, 1),
        "chunks_at_end": tp.chunks,
        "merger_rss_mb_at_end": round(at_end / MB, 1),
        "change_pct": round(100 * (at_end - at_mark) / at_mark, 1) if at_mark else None,
        "server_used_memory_mb": round(int(info["used_memory"]) / MB, 1),
        "chunks_per_s": round(tp.chunks / tp.seconds),
    }


async def _run(url: str, opts: BenchOptions, log: Callable[[str], object] | None) -> BenchReport:
    from sitrep.core.pipeline import EXTRACT  # noqa: PLC0415

    run = uuid.uuid4().hex[:6]
    gen = LoadGenerator(run_id=f"b{run}")
    report = BenchReport(machine=machine(), server=url.split("@")[-1])
    redis = Redis.from_url(url)
    try:
        if "floor" in opts.pipelines:
            with floor_target(url, f"bench{run}:floor", opts.batch) as t:
                report.rows.append(await _measure(redis, t, gen, "1 floor", opts, opts.chunks, log))
        if "noop" in opts.pipelines:
            with sitrep_target(
                url, f"bench{run}:noop", mode="noop", batch=opts.batch, mergers=opts.merger_replicas
            ) as t:
                report.rows.append(
                    await _measure(redis, t, gen, "2 sitrep no-op", opts, opts.chunks, log)
                )
        if "cores" in opts.pipelines:
            report.core_rates = core_rates(gen, EXTRACT, seconds=opts.core_seconds)
            report.bound = pipeline_bound(report.core_rates, os.cpu_count() or 1)
            merge = merge_rate(gen, EXTRACT, seconds=opts.core_seconds)
            report.bound_with_merge = pipeline_bound(
                {**report.core_rates, "merger": merge}, os.cpu_count() or 1
            )
            report.core_rates["merger (build_events)"] = merge
            _say(log, f"cores: {report.core_rates}; bound {report.bound:,.0f}")
        if "full" in opts.pipelines:
            with sitrep_target(
                url, f"bench{run}:full", mode="real", batch=opts.batch, mergers=opts.merger_replicas
            ) as t:
                report.rows.append(
                    await _measure(redis, t, gen, "4 sitrep full", opts, opts.full_chunks, log)
                )
        if opts.memory_chunks:
            report.memory = await _memory(redis, url, gen, opts, f"bench{run}:mem")
            _say(log, f"memory: {report.memory}")
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
