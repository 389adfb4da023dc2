"""Each extractor's pure core alone, in this process: chunks per second on one core."""

from __future__ import annotations

import time
from collections.abc import Callable

from sitrep.schemas import Chunk

from .load import LoadGenerator

__all__ = ["core_rates", "merge_rate", "payload_costs", "pipeline_bound"]


def core_rates(
    gen: LoadGenerator,
    extractors: dict[str, Callable[[Chunk], object]],
    *,
    seconds: float = 2.0,
    documents: int = 16,
) -> dict[str, float]:
    """Chunks/s of each core on seed-like chunks (varied numbers), after one warm-up call."""
    chunks = [
        Chunk.model_validate_json(p) for i in range(documents) for p in gen.document(i).payloads
    ]
    rates = {}
    for name, fn in extractors.items():
        fn(chunks[0])  # lazy caches (gazetteer, compiled patterns) load outside the timing
        done, started = 0, time.perf_counter()
        while (elapsed := time.perf_counter() - started) < seconds or done < len(chunks):
            for chunk in chunks:
                fn(chunk)
            done += len(chunks)
        rates[name] = done / elapsed
    return rates


def pipeline_bound(
    rates: dict[str, float],
    cores: int,
    extra_s: dict[str, float] | None = None,
    replicas: dict[str, int] | None = None,
) -> float:
    """The most chunks/s the full pipeline can reach given its cores.

    Each stage ``p`` costs ``c_p`` CPU seconds per chunk: ``1 / r_p`` for a pure core
    of rate ``r_p``, plus ``extra_s[p]`` (e.g. its transport CPU per chunk measured in
    the no-op run; a stage with no core, like the server, is extra only). All stages
    share the cores (``cores / sum(c)``), and a stage of ``n`` processes
    (``replicas``, default 1) cannot exceed ``n`` cores (``min(n / c_p)``). Without
    ``extra_s`` this is the issue's bound(3): the cores' work alone, as if moving
    chunks were free."""
    extra, counts = extra_s or {}, replicas or {}
    costs = {p: 1.0 / r for p, r in rates.items() if r > 0}
    for p, seconds in extra.items():
        costs[p] = costs.get(p, 0.0) + seconds
    costs = {p: c for p, c in costs.items() if c > 0}
    if not costs:
        return 0.0
    return min(cores / sum(costs.values()), min(counts.get(p, 1) / c for p, c in costs.items()))


def merge_rate(
    gen: LoadGenerator,
    extractors: dict[str, Callable[[Chunk], object]],
    *,
    seconds: float = 2.0,
    documents: int = 8,
) -> float:
    """Chunks/s of the merger's pure core (``build_events`` on a document's results):
    the merger runs it once per completed document, on every chunk's three results."""
    from sitrep.core.merge import build_events  # noqa: PLC0415

    docs = []
    for i in range(documents):
        chunks = [Chunk.model_validate_json(p) for p in gen.document(i).payloads]
        docs.append([fn(c) for c in chunks for fn in extractors.values()])
    build_events(docs[0])  # type: ignore[arg-type]
    done, started = 0, time.perf_counter()
    while (elapsed := time.perf_counter() - started) < seconds or done == 0:
        for results in docs:
            build_events(results)  # type: ignore[arg-type]
            done += gen.chunk_count
    return done / elapsed


def payload_costs(
    gen: LoadGenerator,
    extractors: dict[str, Callable[[Chunk], object]],
    *,
    seconds: float = 1.0,
    documents: int = 8,
) -> dict[str, float]:
    """CPU µs per chunk, in this process, of what the services do with REAL results
    that the no-op run does not pay (its results are empty): the extractors encode
    each result, the merger validates each one on arrival and the joined list again
    when the document completes (it keeps no state between batches), and encodes the
    events. Part of the full pipeline's cost that is neither a core nor the no-op
    transport."""
    from pydantic import TypeAdapter  # noqa: PLC0415

    from sitrep.core.merge import build_events  # noqa: PLC0415
    from sitrep.runtime.codec import decode_payload, encode  # noqa: PLC0415
    from sitrep.schemas import ExtractorResult  # noqa: PLC0415

    one: TypeAdapter[ExtractorResult] = TypeAdapter(ExtractorResult)
    joined: TypeAdapter[list[ExtractorResult]] = TypeAdapter(list[ExtractorResult])
    docs = []
    for i in range(documents):
        chunks = [Chunk.model_validate_json(p) for p in gen.document(i).payloads]
        docs.append([fn(c) for c in chunks for fn in extractors.values()])
    encoded = [[encode(r) for r in d] for d in docs]  # type: ignore[arg-type]
    events = [build_events(d) for d in docs]  # type: ignore[arg-type]
    steps: dict[str, Callable[[], object]] = {
        "encode results": lambda: [[encode(r) for r in d] for d in docs],  # type: ignore[arg-type]
        "validate results on arrival": lambda: [
            [decode_payload(b, one) for b in d] for d in encoded
        ],
        "validate joined results": lambda: [
            joined.validate_json(b"[" + b",".join(d) + b"]") for d in encoded
        ],
        "encode events": lambda: [[encode(e) for e in es] for es in events],
    }
    n_chunks = documents * gen.chunk_count
    costs = {}
    for name, step in steps.items():
        step()
        # the fastest of several passes: these are short, so one pause (a collection,
        # another process) would otherwise decide the figure
        best, deadline = float("inf"), time.perf_counter() + seconds / len(steps)
        while best == float("inf") or time.perf_counter() < deadline:
            started = time.perf_counter()
            step()
            best = min(best, time.perf_counter() - started)
        costs[name] = best / n_chunks * 1e6
    return costs
