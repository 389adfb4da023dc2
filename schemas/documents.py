"""What the producer publishes: one message per chunk of a source document."""

from __future__ import annotations

import bisect
import datetime as dt
from typing import Literal

from pydantic import Field, model_validator

from ._base import SCHEMA_VERSION, Message, Span

__all__ = ["Chunk", "Located", "OffsetBreak"]

#: ``(index in chunk.text, index in the original document)``: where the mapping restarts.
OffsetBreak = tuple[int, int]


class Located(Message):
    """Text that knows where it sits in the original document.

    Normalisation can change lengths (NFC composes characters), so ``offset_map``
    lists the breakpoints of a piecewise mapping from positions in ``text`` back to
    positions in the original; :meth:`span` applies it so every published span
    slices the original article.
    """

    text: str
    start: int = Field(ge=0, description="Offset of the text in the original document.")
    end: int = Field(ge=0, description="End offset (exclusive) in the original document.")
    offset_map: list[OffsetBreak] = Field(
        default_factory=list,
        description="Breakpoints (index in text, original index); empty means start + i.",
    )

    def original_offset(self, index: int) -> int:
        """Map a position in ``text`` to a position in the original document."""
        if not self.offset_map:
            return self.start + index
        keys = [b[0] for b in self.offset_map]
        at = bisect.bisect_right(keys, index) - 1
        if at < 0:
            return self.start + index
        chunk_at, orig_at = self.offset_map[at]
        return orig_at + (index - chunk_at)

    def span(self, start: int, end: int) -> Span:
        """A :class:`Span` in original-document coordinates for ``text[start:end]``."""
        # Breakpoints sit just after each length change, so mapping the end
        # position itself lands after a composed character's last original code point.
        o_start, o_end = self.original_offset(start), self.original_offset(end)
        return Span(start=o_start, end=o_end, text=self.text[start:end])


class Chunk(Located):
    """A sentence-aligned piece of a normalised document.

    ``text`` is the normalised text (NFC, plain spaces and quotes); ``start``/``end``
    locate it in the ORIGINAL document, and every extractor turns its findings into
    original-document spans with :meth:`span`.
    """

    schema_version: Literal["1.0"] = SCHEMA_VERSION
    document_id: str = Field(description="Content-derived id: same text -> same id.")
    chunk_id: str = Field(description="'<document_id>:<seq>'.")
    seq: int = Field(ge=0, description="0-based position of the chunk in its document.")
    chunk_count: int = Field(ge=1, description="How many chunks the document has.")
    published_at: dt.date | None = None
    source: str | None = None
    source_id: str | None = Field(default=None, description="The id the source gave (JSONL 'id').")

    @model_validator(mode="after")
    def _consistent(self) -> Chunk:
        if self.seq >= self.chunk_count:
            msg = f"seq {self.seq} out of range for chunk_count {self.chunk_count}"
            raise ValueError(msg)
        if self.end < self.start:
            msg = f"chunk end {self.end} is before start {self.start}"
            raise ValueError(msg)
        return self
