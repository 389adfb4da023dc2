"""Each extractor's pure core alone, in this process: chunks per second on one core."""

from __future__ import annotations

import time
from collections.abc import Callable

from sitrep.schemas import Chunk

from .load import LoadGenerator

__all__ = ["core_rates", "merge_rate", "pipeline_bound"]


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


def pipeline_bound(rates: dict[str, float], cores: int) -> float:
    """The most chunks/s the full pipeline can reach given its cores: every chunk goes
    through every extractor (CPU: ``cores / sum(1/r)``), and one process of an
    extractor cannot exceed its own core rate (``min(r)``)."""
    if not rates:
        return 0.0
    cpu = cores / sum(1.0 / r for r in rates.values())
    return min(cpu, min(rates.values()))


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
