"""Where documents come from: .txt files (with optional sidecar), folders, JSON Lines.

Every refusal is a :class:`BadDocumentError` naming the file (and line) and the reason,
so one bad input never hides or stops the others.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import orjson

from sitrep.errors import BadDocumentError

__all__ = ["SourceDocument", "decode_text", "iter_documents"]

_HTML = re.compile(rb"<\s*(html|body|head|div|p|!doctype)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class SourceDocument:
    """A document as read, before normalisation. ``origin`` says where, for errors."""

    text: str
    origin: str
    published_at: dt.date | None = None
    source: str | None = None
    source_id: str | None = None


def decode_text(data: bytes, origin: str, *, max_bytes: int) -> str:
    """Bytes -> text, refusing what would yield garbage events."""
    if len(data) > max_bytes:
        msg = f"{origin}: {len(data):,} bytes exceeds the limit of {max_bytes:,} (MAX_DOCUMENT_BYTES)"
        raise BadDocumentError(msg)
    if b"\x00" in data[:8192]:
        msg = f"{origin}: looks binary (NUL bytes); expected UTF-8 text"
        raise BadDocumentError(msg)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        msg = f"{origin}: not valid UTF-8 (byte {exc.start}: {data[exc.start:exc.start + 4]!r}); re-encode it as UTF-8"
        raise BadDocumentError(msg) from None
    if _HTML.search(data[:4096]):
        msg = f"{origin}: looks like HTML; extract the article text first (offsets must refer to the text)"
        raise BadDocumentError(msg)
    if not text.strip():
        msg = f"{origin}: document is empty or whitespace only"
        raise BadDocumentError(msg)
    return text


def _parse_date(value: object, origin: str) -> dt.date | None:
    if value in (None, ""):
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        msg = f"{origin}: published_at {value!r} is not an ISO date (YYYY-MM-DD)"
        raise BadDocumentError(msg) from None


def _read_txt(path: Path, published_at: dt.date | None, max_bytes: int) -> SourceDocument:
    origin = str(path)
    size = path.stat().st_size
    if size > max_bytes:  # refuse before reading a huge file into memory
        msg = f"{origin}: {size:,} bytes exceeds the limit of {max_bytes:,} (MAX_DOCUMENT_BYTES)"
        raise BadDocumentError(msg)
    text = decode_text(path.read_bytes(), origin, max_bytes=max_bytes)
    meta: dict[str, object] = {}
    sidecar = path.with_suffix(".meta.json")
    if sidecar.exists():
        try:
            meta = orjson.loads(sidecar.read_bytes())
        except orjson.JSONDecodeError as exc:
            msg = f"{sidecar}: sidecar is not JSON: {exc}"
            raise BadDocumentError(msg) from None
    return SourceDocument(
        text=text,
        origin=origin,
        published_at=published_at or _parse_date(meta.get("published_at"), str(sidecar)),
        source=str(meta.get("source") or path.name),
        source_id=str(meta["id"]) if meta.get("id") else path.stem,
    )


def _read_jsonl(path: Path, max_bytes: int) -> Iterator[SourceDocument | BadDocumentError]:
    with path.open("rb") as handle:
        for n, line in enumerate(handle, 1):
            origin = f"{path}:{n}"
            if not line.strip():
                continue
            try:
                record = orjson.loads(line)
                if not isinstance(record, dict) or not isinstance(record.get("text"), str):
                    msg = f"{origin}: expected an object with a string 'text'"
                    raise BadDocumentError(msg)
                text = decode_text(record["text"].encode("utf-8"), origin, max_bytes=max_bytes)
                yield SourceDocument(
                    text=text,
                    origin=origin,
                    published_at=_parse_date(record.get("published_at"), origin),
                    source=record.get("source"),
                    source_id=str(record["id"]) if record.get("id") is not None else None,
                )
            except orjson.JSONDecodeError as exc:
                yield BadDocumentError(f"{origin}: not JSON: {exc}")
            except BadDocumentError as exc:
                yield exc


def iter_documents(
    paths: list[Path], *, published_at: dt.date | None = None, max_bytes: int = 5_000_000
) -> Iterator[SourceDocument | BadDocumentError]:
    """Documents from files and folders (recursively: *.txt, *.jsonl), sorted by path.

    Yields a :class:`BadDocumentError` in place of each document that cannot be read,
    so the caller reports it and goes on.
    """
    for path in paths:
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.suffix in {".txt", ".jsonl"})
        elif path.exists():
            files = [path]
        else:
            yield BadDocumentError(f"{path}: no such file or directory")
            continue
        for file in files:
            if file.suffix == ".jsonl":
                yield from _read_jsonl(file, max_bytes)
                continue
            try:
                yield _read_txt(file, published_at, max_bytes)
            except BadDocumentError as exc:
                yield exc
