"""The benchmark harness measures what it claims: valid load, correct arithmetic, a
floor pipeline that really completes every document (no timing assertions)."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
import time
from pathlib import Path

import orjson
import pytest
from redis.asyncio import Redis

from sitrep.bench.cores import payload_costs, pipeline_bound
from sitrep.bench.drive import CpuMeter, Target, _Tracker, _trim
from sitrep.bench.load import LoadGenerator
from sitrep.bench.noop import noop_extractor
from sitrep.bench.report import MERGE_CORE, BenchReport, Row, percentiles
from sitrep.bench.run import BenchOptions, run_bench
from sitrep.core.pipeline import EXTRACT
from sitrep.runtime.embedded import server_binary
from sitrep.schemas import Chunk
from sitrep.streams import EXTRACTORS, Streams, partitioned, route


def test_generated_chunks_are_valid_and_distinct() -> None:
    """Every generated payload is a valid Chunk whose offsets still match its text,
    and documents differ in id and numbers but not in shape."""
    gen = LoadGenerator(variants=4)
    a, b = gen.document(0), gen.document(1)
    assert a.document_id != b.document_id
    chunks_a = [Chunk.model_validate_json(p) for p in a.payloads]
    chunks_b = [Chunk.model_validate_json(p) for p in b.payloads]
    assert [c.seq for c in chunks_a] == list(range(gen.chunk_count))
    assert all(c.end - c.start == len(c.text) or c.offset_map for c in chunks_a)
    assert [len(c.text) for c in chunks_a] == [len(c.text) for c in chunks_b]
    assert any(x.text != y.text for x, y in zip(chunks_a, chunks_b, strict=True))
    assert {c.document_id for c in chunks_a} == {a.document_id}


def test_documents_cover_the_requested_chunks() -> None:
    """Asking for N chunks yields whole documents totalling at least N chunks."""
    gen = LoadGenerator(variants=2)
    docs = list(gen.documents(gen.chunk_count * 3 + 1))
    assert len(docs) == 4
    assert len({d.document_id for d in docs}) == 4


def test_noop_extractor_keeps_the_message_shape() -> None:
    """A no-op result names its extractor's kind and the chunk it answers, with no findings."""
    chunk = Chunk.model_validate_json(LoadGenerator(variants=1).document(0).payloads[0])
    for name in EXTRACTORS:
        result = orjson.loads(noop_extractor(name)(chunk).model_dump_json())
        assert result["kind"] == name
        assert result["chunk"]["chunk_id"] == chunk.chunk_id
        assert not result[name]


def test_percentiles_use_nearest_rank() -> None:
    """p50/p99 of 1..100 are 50 and 99; an empty sample gives no percentiles."""
    values = [float(v) for v in range(100, 0, -1)]
    assert percentiles(values) == {"p50": 50.0, "p95": 95.0, "p99": 99.0}
    assert percentiles([]) == {}


def test_bound_is_the_tighter_of_cpu_and_slowest_core() -> None:
    """Two cores shared by three stages, or one process per stage: the smaller wins."""
    rates = {"a": 1000.0, "b": 1000.0, "c": 1000.0}
    assert pipeline_bound(rates, 2) == pytest.approx(2000 / 3)
    assert pipeline_bound(rates, 8) == pytest.approx(1000)


def test_bound_adds_each_process_cost_and_caps_each_stage() -> None:
    """Extra CPU per chunk adds to a stage's core cost (or stands alone, like the
    server's); a stage of n replicas may use n cores before it caps the pipeline."""
    rates = {"a": 1000.0, "b": 1000.0}
    # 1 ms + 1 ms of cores, 1 ms + 0 ms of transport, 0.5 ms on the server: 3.5 ms per chunk
    extra = {"a": 0.001, "server": 0.0005}
    assert pipeline_bound(rates, 8, extra) == pytest.approx(500)  # stage a: 2 ms, one process
    assert pipeline_bound(rates, 8, extra, {"a": 2}) == pytest.approx(1000)  # now b caps
    assert pipeline_bound(rates, 2, extra, {"a": 2}) == pytest.approx(2 / 0.0035)


def _report(**rows: Row) -> BenchReport:
    report = BenchReport(machine={"nproc": 2, "cpu": "x", "python": "3"}, server="s")
    report.rows = list(rows.values())
    return report


def test_ratios_compare_the_right_rows() -> None:
    """2/1 and 2/1b divide the no-op median by each floor's, with the range over the
    rounds (round i by round i); 4/bound(3) divides the full rate by the bound."""
    report = _report(
        floor=Row("1 floor", chunks_per_s=1000, rounds_chunks_per_s=[900, 1000, 1100]),
        tuned=Row("1b floor, tuned", chunks_per_s=2000, rounds_chunks_per_s=[2000] * 3),
        noop=Row("2 sitrep no-op", chunks_per_s=600, rounds_chunks_per_s=[630, 600, 550]),
        full=Row("4 sitrep full", chunks_per_s=70),
    )
    report.bound = 100
    report.compute_ratios()
    assert report.ratios == {
        "2/1": pytest.approx(0.6),
        "2/1b": pytest.approx(0.3),
        "4/bound(3)": pytest.approx(0.7),
    }
    assert report.ratio_ranges["2/1"] == (pytest.approx(0.5), pytest.approx(0.7))
    assert "| 2/1 | 0.60 | 0.50–0.70 |" in report.markdown()


def test_transport_bound_and_breakdown_use_the_no_op_cpu() -> None:
    """The no-op run's CPU per chunk (replicas folded into their stage) is added to the
    cores' cost, then the real payloads' (result encoding shared by the extractors, the
    rest on the merger); the full pipeline's CPU splits into all of these and a rest."""
    report = _report(
        noop=Row(
            "2 sitrep no-op",
            cpu_us_per_chunk={"a": 100.0, "merger": 50.0, "merger#2": 50.0, "server": 300.0},
        ),
        full=Row("4 sitrep full", chunks_per_s=200, cpu_us_per_chunk={"a": 2500.0, "merger": 3000.0}),
    )
    report.core_rates = {"a": 1000.0, MERGE_CORE: 1000.0}
    report.payload_us_per_chunk = {"encode results": 100.0, "validate results on arrival": 400.0}
    report.compute_bounds(cores=2)
    # a: 1.1 ms, merger (2 replicas): 1.1 ms, server 0.3 ms -> 2 / 2.5 ms = 800 chunks/s
    assert report.bound_with_transport == pytest.approx(800)
    # + 0.1 ms on a, + 0.4 ms on the merger -> 2 / 3.0 ms
    assert report.bound_with_payloads == pytest.approx(2 / 0.003)
    report.compute_ratios()
    assert report.ratios["4/bound(3+merge+transport+payloads)"] == pytest.approx(0.3)
    parts = report.full_cpu_breakdown()
    assert parts == {
        "extractor cores": pytest.approx(1000),
        "merge core": pytest.approx(1000),
        "transport (no-op run)": pytest.approx(500),
        "real payloads: encode results": pytest.approx(100),
        "real payloads: validate results on arrival": pytest.approx(400),
        "rest": pytest.approx(2500),
        "measured total": pytest.approx(5500),
    }


def test_payload_costs_are_measured_for_each_step() -> None:
    """Encoding and validating real results and events each get a positive cost."""
    costs = payload_costs(LoadGenerator(variants=2), EXTRACT, seconds=0.2, documents=2)
    assert set(costs) == {
        "encode results", "validate results on arrival", "validate joined results", "encode events",
    }
    assert all(v > 0 for v in costs.values())


def test_unknown_pipeline_names_are_refused() -> None:
    """A typo in --only fails loudly instead of measuring nothing."""
    with pytest.raises(ValueError, match="noopp"):
        BenchOptions(pipelines=("floor", "noopp"))
    with pytest.raises(ValueError, match="rounds"):
        BenchOptions(rounds=0)


def test_cpu_meter_charges_a_busy_process() -> None:
    """A child spinning ~0.3 s between two sleeps is charged about that much CPU over
    that window; a sleeping one almost none."""
    spin = "t = time.process_time()\nwhile time.process_time() - t < 0.3: pass\n"
    busy = subprocess.Popen(
        [sys.executable, "-c", "import time\ntime.sleep(0.8)\n" + spin + "time.sleep(10)"]
    )
    idle = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(10)"])
    try:
        time.sleep(0.5)  # both interpreters have started; busy has not spun yet
        meter = CpuMeter({"busy": busy.pid, "idle": idle.pid})
        meter.start()
        time.sleep(3.0)  # the spin ends long before, even on a loaded machine
        spent = meter.stop()
    finally:
        for proc in (busy, idle):
            proc.kill()
            proc.wait()
    assert 0.25 <= spent["busy"] < 0.6
    assert spent["idle"] < 0.05


async def test_tracker_retires_done_documents_beyond_the_first_poll(
    redis: Redis, names: Streams
) -> None:
    """With 40 of 50 documents complete (their markers in the partition each one routes
    to), one poll retires all 40 (several round trips of the oldest 16) and keeps the
    10 in flight with their publish times."""
    parts = partitioned(names.prefix, 3)
    tracker = _Tracker(redis, Target("t", parts, {}, [], ""))
    docs = [f"d{i:02d}" for i in range(50)]
    for doc in docs:
        tracker.inflight.append((doc, time.perf_counter(), 8))
    for doc in docs[:40]:
        await redis.set(route(parts, doc).emitted_key(doc), 1)
    await tracker.poll()
    assert (tracker.docs_done, tracker.chunks_done) == (40, 320)
    assert [d for d, _, _ in tracker.inflight] == docs[40:]
    assert len(tracker.latencies) == 40


@pytest.mark.timeout(180)
def test_quick_floor_runs_complete_every_document(redis_url: str) -> None:
    """Quick runs of both floors, interleaved over two rounds, process every published
    chunk into one event per document and report latency percentiles, CPU per chunk
    (the server's included) and a memory figure for each process."""
    opts = dataclasses.replace(BenchOptions.quick(), pipelines=("floor", "floor-tuned"))
    report = run_bench(opts, url=redis_url)
    assert [r.name for r in report.rows] == ["1 floor", "1b floor, tuned"]
    for row in report.rows:
        assert row.chunks >= opts.chunks * opts.rounds
        assert len(row.rounds_chunks_per_s) == opts.rounds
        assert row.events == row.documents
        assert set(row.latency_ms) == {"p50", "p95", "p99"}
        assert set(row.rss_peak_mb) == {*EXTRACTORS, "merger"}
        assert all(v > 0 for v in row.rss_peak_mb.values())
        assert {*EXTRACTORS, "merger", "server", "driver"} <= set(row.cpu_us_per_chunk)
        assert row.cpu_us_total > 0


@pytest.mark.timeout(300)
def test_quick_bench_command_runs_every_pipeline(redis_url: str, tmp_path: Path) -> None:
    """`sitrep bench --quick` measures floors, no-op, cores and full end to end: the
    no-op pipeline completes documents without events, the full one emits events, and
    every ratio and bound the report promises is there."""
    out = tmp_path / "bench.json"
    done = subprocess.run(  # noqa: S603 - our own CLI
        [sys.executable, "-m", "sitrep.cli", "bench", "--quick", "--json", str(out)],
        env={**os.environ, "REDIS_URL": redis_url},
        capture_output=True, text=True, timeout=280, check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    report = orjson.loads(out.read_bytes())
    rows = {r["name"]: r for r in report["rows"]}
    assert list(rows) == ["1 floor", "1b floor, tuned", "2 sitrep no-op", "4 sitrep full"]
    assert rows["2 sitrep no-op"]["documents"] > 0
    assert rows["2 sitrep no-op"]["events"] == 0
    assert rows["4 sitrep full"]["events"] > 0
    assert set(report["ratios"]) == {
        "2/1", "2/1b", "4/bound(3)", "4/bound(3+merge)", "4/bound(3+merge+transport)",
        "4/bound(3+merge+transport+payloads)",
    }
    assert 0 < report["bound_with_payloads"] < report["bound_with_transport"]
    assert report["bound_with_transport"] < report["bound_with_merge"] <= report["bound"]
    assert set(report["load_average"]) == {"before", "after"}
    assert "| full pipeline, CPU µs per chunk |" in done.stdout


@pytest.mark.timeout(300)
def test_quick_cluster_run_completes_every_document() -> None:
    """On an embedded 3-node cluster with 3 partitions, the no-op run completes every
    document without events and the full run emits events; each node's CPU is counted."""
    if not (server_binary().parent / "valkey-cli").exists():  # pragma: no cover
        pytest.skip(f"valkey-cli not shipped beside {server_binary()}")
    opts = dataclasses.replace(BenchOptions.quick(), pipelines=("cluster",))
    report = run_bench(opts)
    noop, full = report.rows
    assert noop.name.startswith("5 sitrep no-op, cluster")
    assert noop.documents >= opts.chunks // 8
    assert noop.events == 0
    assert full.events > 0
    assert {"server1", "server2", "server3"} <= set(full.cpu_us_per_chunk)
    assert "chunks/s per partition" in report.markdown()


@pytest.mark.timeout(180)
def test_memory_run_reads_the_merger_every_mark(redis_url: str) -> None:
    """The memory run reads the merger's RSS every mark up to the end, compares the
    last reading with the first, and the report still writes as JSON."""
    opts = dataclasses.replace(
        BenchOptions.quick(), pipelines=("memory",), memory_chunks=800, memory_mark=200
    )
    report = run_bench(opts, url=redis_url)
    memory = report.memory
    series = memory["merger_rss_mb"]
    assert orjson.loads(report.to_json())["memory"]["chunks_at_end"] == memory["chunks_at_end"]
    assert isinstance(series, dict)
    assert list(series) == sorted(series)
    assert len(series) >= 4
    assert all(v > 0 for v in series.values())
    assert memory["chunks_at_end"] >= 800
    assert isinstance(memory["change_pct"], float)


async def test_trim_survives_entries_acknowledged_while_it_reads(redis: Redis, names: Streams) -> None:
    """The group reported pending entries, but they were acknowledged before XPENDING ran
    (its minimum is then None): the trim falls back to the last delivered id instead of
    raising, which had ended the bench's trimmer task for the rest of the run."""
    stream = names.prefix + ":trim"
    for i in range(5):
        await redis.xadd(stream, {"i": i})
    await redis.xgroup_create(stream, "g", id="0")
    read = await redis.xreadgroup("g", "c", {stream: ">"}, count=5)
    ids = [mid for mid, _ in read[0][1]]
    real_xpending = redis.xpending

    async def acked_meanwhile(name: str, group: str) -> dict[str, object]:
        await redis.xack(name, group, *ids)
        return await real_xpending(name, group)

    redis.xpending = acked_meanwhile  # type: ignore[method-assign]
    try:
        await _trim(redis, stream, ["g"])
    finally:
        redis.xpending = real_xpending  # type: ignore[method-assign]
    assert await redis.xlen(stream) <= 5
