"""Seed-like load: the seed article's chunks with fresh document ids and varied numbers.

Digits are replaced digit for digit, so every offset (chunk start/end, offset map)
stays valid and each variant is as costly to extract as the original. Payloads are
built from a small pool of pre-varied texts, so generating a million chunks costs
the publisher little CPU (it shares the machine with the pipeline it measures).
"""

from __future__ import annotations

import datetime as dt
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import orjson

from sitrep.core.chunking import chunk_document

__all__ = ["BenchDocument", "LoadGenerator", "seed_path"]

_DIGIT = re.compile(r"\d")
SEED_PUBLISHED = dt.date(2025, 4, 7)


def seed_path() -> Path:
    """The seed article shipped in the repository (``seeds/``)."""
    root = Path(__file__).resolve().parents[3]
    found = sorted((root / "seeds").glob("*.txt"))
    if not found:
        msg = f"no seed article under {root / 'seeds'}"
        raise FileNotFoundError(msg)
    return found[0]


@dataclass(frozen=True, slots=True)
class BenchDocument:
    """One generated document: its id and its chunks as ready-to-XADD JSON payloads."""

    document_id: str
    payloads: tuple[bytes, ...]


class LoadGenerator:
    """Documents shaped like the seed (same chunking, ~1,200-char chunks)."""

    def __init__(
        self, text: str | None = None, *, run_id: str = "b", variants: int = 32, seed: int = 7
    ) -> None:
        text = text if text is not None else seed_path().read_text(encoding="utf-8")
        chunks = chunk_document(text, chunk_size=1200, published_at=SEED_PUBLISHED)
        self.chunk_count = len(chunks)
        self.chunk_chars = [len(c.text) for c in chunks]
        self._templates = [c.model_dump(mode="json") for c in chunks]
        rng = random.Random(seed)
        self._texts = [
            [_DIGIT.sub(lambda _m: str(rng.randrange(10)), t["text"]) for t in self._templates]
            for _ in range(variants)
        ]
        self._run_id = run_id

    def document(self, index: int) -> BenchDocument:
        """The ``index``-th document: deterministic for a given run id and index."""
        document_id = f"{self._run_id}-{index:09d}"
        texts = self._texts[index % len(self._texts)]
        payloads = []
        for template, text in zip(self._templates, texts, strict=True):
            payloads.append(
                orjson.dumps(
                    template
                    | {
                        "document_id": document_id,
                        "chunk_id": f"{document_id}:{template['seq']}",
                        "text": text,
                        "source_id": document_id,
                    }
                )
            )
        return BenchDocument(document_id, tuple(payloads))

    def documents(self, chunks: int, *, start: int = 0) -> Iterator[BenchDocument]:
        """Enough documents for at least ``chunks`` chunks."""
        count = -(-chunks // self.chunk_count)
        for i in range(start, start + count):
            yield self.document(i)
