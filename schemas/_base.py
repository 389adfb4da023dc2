"""Building blocks shared by every message: the base model, spans and provenance."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, model_validator

__all__ = ["SCHEMA_VERSION", "ExtractorInfo", "Message", "Span"]

#: Major.minor of the wire contract. A consumer rejects (dead-letters) any other major.
SCHEMA_VERSION = "1.0"


class Message(BaseModel):
    """Base of every model that crosses a process boundary.

    Frozen so a message cannot be changed after validation, and ``extra="forbid"``
    so a typo or a field from another version fails loudly instead of vanishing.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")


class Span(Message):
    """A half-open character range ``[start, end)`` into the ORIGINAL document text.

    ``text`` is that slice as the extractors read it, normalised (NFC, plain spaces
    and quotes), so a reader can check it without the article:
    ``normalize(article[start:end]) == text``.
    """

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str

    @model_validator(mode="after")
    def _ordered(self) -> Span:
        if self.end < self.start:
            msg = f"span end {self.end} is before start {self.start}"
            raise ValueError(msg)
        return self


class ExtractorInfo(Message):
    """Which code (and which data) produced a result, stamped for reproducibility."""

    name: str
    version: str
    resources: dict[str, str] = Field(
        default_factory=dict,
        description="Versions of data the extractor depends on, e.g. the gazetteer build.",
    )
