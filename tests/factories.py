"""Build schema objects for tests without a producer or a broker."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sitrep.schemas import Chunk

REPO = Path(__file__).resolve().parents[1]
SEED_PATH = REPO / "seeds" / "000_c08e94568eae7eaf.txt"
SEED_PUBLISHED = dt.date(2025, 4, 7)
SHARED = REPO.parent / "shared"


def seed_text() -> str:
    return SEED_PATH.read_text(encoding="utf-8")


def make_chunk(
    text: str,
    *,
    document_id: str = "doc-test",
    seq: int = 0,
    chunk_count: int = 1,
    start: int = 0,
    published_at: dt.date | None = SEED_PUBLISHED,
) -> Chunk:
    """A one-off chunk whose offsets are relative to ``start`` in a notional document."""
    return Chunk(
        document_id=document_id,
        chunk_id=f"{document_id}:{seq}",
        seq=seq,
        chunk_count=chunk_count,
        text=text,
        start=start,
        end=start + len(text),
        published_at=published_at,
    )
