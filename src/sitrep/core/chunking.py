"""Split a document into sentence-aligned chunks that remember their original offsets."""

from __future__ import annotations

import bisect
import datetime as dt

from sitrep.errors import BadDocumentError
from sitrep.schemas import Chunk

from .text import content_id, normalize, split_sentences

__all__ = ["chunk_document"]


def chunk_document(
    text: str,
    *,
    document_id: str | None = None,
    chunk_size: int = 1200,
    published_at: dt.date | None = None,
    source: str | None = None,
    source_id: str | None = None,
) -> list[Chunk]:
    """Normalise ``text`` and cut it into chunks of whole sentences of about
    ``chunk_size`` characters (a longer sentence is cut at a space).

    ``document_id`` defaults to :func:`content_id` of the normalised text, so
    publishing the same article twice yields the same chunks and ids.
    """
    if not text.strip():
        msg = "document is empty or whitespace only"
        raise BadDocumentError(msg)
    clean, breaks = normalize(text)
    doc_id = document_id or content_id(clean)
    pieces = _pack(clean, split_sentences(clean), chunk_size)
    if not pieces:
        msg = "document has no text once control characters are removed"
        raise BadDocumentError(msg)
    clean_keys = [b[0] for b in breaks]

    def to_original(i: int) -> int:
        at = bisect.bisect_right(clean_keys, i) - 1
        return i if at < 0 else breaks[at][1] + (i - breaks[at][0])

    chunks = []
    for seq, (start, end) in enumerate(pieces):
        lo, hi = bisect.bisect_right(clean_keys, start), bisect.bisect_right(clean_keys, end)
        chunks.append(
            Chunk(
                document_id=doc_id,
                chunk_id=f"{doc_id}:{seq}",
                seq=seq,
                chunk_count=len(pieces),
                text=clean[start:end],
                start=to_original(start),
                end=to_original(end),
                offset_map=[(c - start, o) for c, o in breaks[lo:hi]],
                published_at=published_at,
                source=source,
                source_id=source_id,
            )
        )
    return chunks


def _pack(text: str, sentences: list[tuple[int, int]], size: int) -> list[tuple[int, int]]:
    """Greedily group consecutive sentences into pieces of at most ``size`` characters."""
    pieces: list[tuple[int, int]] = []
    cur_start: int | None = None
    cur_end = 0
    for s_start, s_end in _cut_long(text, sentences, size):
        if cur_start is not None and s_end - cur_start > size:
            pieces.append((cur_start, cur_end))
            cur_start = None
        if cur_start is None:
            cur_start = s_start
        cur_end = s_end
    if cur_start is not None:
        pieces.append((cur_start, cur_end))
    return pieces


def _cut_long(text: str, sentences: list[tuple[int, int]], size: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in sentences:
        while end - start > size:
            cut = text.rfind(" ", start + size // 2, start + size)
            cut = cut if cut > start else start + size
            out.append((start, cut))
            start = cut
            while start < end and text[start].isspace():
                start += 1
        if end > start:
            out.append((start, end))
    return out
