"""The benchmark harness measures what it claims: valid load, correct arithmetic, a
floor pipeline that really completes every document (no timing assertions)."""

from __future__ import annotations

import dataclasses

import orjson
import pytest

from sitrep.bench.cores import pipeline_bound
from sitrep.bench.load import LoadGenerator
from sitrep.bench.noop import noop_extractor
from sitrep.bench.report import BenchReport, Row, percentiles
from sitrep.bench.run import BenchOptions, run_bench
from sitrep.schemas import Chunk
from sitrep.streams import EXTRACTORS


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


def test_ratios_compare_the_right_rows() -> None:
    """2/1 divides the no-op rate by the floor's; 4/bound(3) the full rate by the bound."""
    report = BenchReport(machine={"nproc": 2, "cpu": "x", "python": "3"}, server="s")
    report.rows = [
        Row("1 floor", chunks_per_s=1000),
        Row("2 sitrep no-op", chunks_per_s=600),
        Row("4 sitrep full", chunks_per_s=70),
    ]
    report.bound = 100
    report.compute_ratios()
    assert report.ratios == {"2/1": pytest.approx(0.6), "4/bound(3)": pytest.approx(0.7)}
    assert "| 2/1 | 0.60 |" in report.markdown()


@pytest.mark.timeout(180)
def test_quick_floor_run_completes_every_document(redis_url: str) -> None:
    """A quick floor run processes every published chunk into one event per document,
    and reports latency percentiles and a memory figure for each process."""
    opts = dataclasses.replace(BenchOptions.quick(), pipelines=("floor",))
    report = run_bench(opts, url=redis_url)
    (row,) = report.rows
    assert row.chunks >= opts.chunks
    assert row.events == row.documents
    assert set(row.latency_ms) == {"p50", "p95", "p99"}
    assert set(row.rss_peak_mb) == {*EXTRACTORS, "merger"}
    assert all(v > 0 for v in row.rss_peak_mb.values())
