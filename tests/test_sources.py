"""Inputs are read from .txt (with sidecar), folders and JSON Lines; bad ones are refused clearly."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from sitrep.errors import BadDocumentError
from sitrep.sources import SourceDocument, decode_text, iter_documents
from tests.factories import REPO


def test_seed_folder_reads_the_sidecar_date() -> None:
    """seeds/ yields the article with published_at from its .meta.json sidecar."""
    docs = list(iter_documents([REPO / "seeds"]))
    assert len(docs) == 1
    doc = docs[0]
    assert isinstance(doc, SourceDocument)
    assert doc.published_at == dt.date(2025, 4, 7)
    assert "Kryvyi Rih" in doc.text


def test_flag_date_overrides_sidecar(tmp_path: Path) -> None:
    """--published-at applies to .txt files."""
    (tmp_path / "a.txt").write_text("Five people were killed.", encoding="utf-8")
    (doc,) = iter_documents([tmp_path / "a.txt"], published_at=dt.date(2024, 1, 2))
    assert isinstance(doc, SourceDocument)
    assert doc.published_at == dt.date(2024, 1, 2)


def test_jsonl_records_and_bad_lines(tmp_path: Path) -> None:
    """Good lines become documents; a bad line becomes an error naming file:line."""
    path = tmp_path / "docs.jsonl"
    path.write_text(
        '{"id": "a1", "text": "Two killed.", "published_at": "2025-01-02", "source": "wire"}\n'
        "not json\n"
        '{"id": "a3", "text": "   "}\n'
        '{"id": "a4", "text": "ok text", "published_at": "yesterday"}\n',
        encoding="utf-8",
    )
    out = list(iter_documents([path]))
    assert isinstance(out[0], SourceDocument)
    assert (out[0].source_id, out[0].source, out[0].published_at) == ("a1", "wire", dt.date(2025, 1, 2))
    assert isinstance(out[1], BadDocumentError) and f"{path}:2" in str(out[1])
    assert isinstance(out[2], BadDocumentError) and "empty" in str(out[2])
    assert isinstance(out[3], BadDocumentError) and "not an ISO date" in str(out[3])


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"   \n\t ", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary"),
        ("caf\u00e9".encode("latin-1"), "not valid UTF-8"),
        (b"<!DOCTYPE html><html><body><p>Hi</p></body></html>", "HTML"),
        (b"x" * 2_000, "exceeds the limit"),
    ],
)
def test_refusals_say_why(data: bytes, reason: str) -> None:
    """Empty, binary, non-UTF-8, HTML and oversized inputs are refused with the reason."""
    with pytest.raises(BadDocumentError, match=reason):
        decode_text(data, "doc.txt", max_bytes=1_000)


def test_missing_path_is_reported_not_raised(tmp_path: Path) -> None:
    """A missing path yields an error and the other inputs are still read."""
    (tmp_path / "ok.txt").write_text("Three were wounded.", encoding="utf-8")
    out = list(iter_documents([tmp_path / "nope.txt", tmp_path / "ok.txt"]))
    assert isinstance(out[0], BadDocumentError)
    assert isinstance(out[1], SourceDocument)
