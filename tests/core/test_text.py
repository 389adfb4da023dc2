"""Normalisation keeps offsets that map back to the original text."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.core.chunking import chunk_document
from sitrep.core.text import content_id, normalize
from sitrep.errors import BadDocumentError
from tests.factories import seed_text


def test_curly_quotes_and_nbsp_become_plain_without_moving_offsets() -> None:
    """Length-preserving substitutions leave the offset map empty."""
    clean, breaks = normalize("Russia\u2019s\u00a0\u201cpeace\u201d")
    assert clean == "Russia's \"peace\""
    assert breaks == []


def test_nfc_composition_is_mapped_back() -> None:
    """A decomposed e + accent becomes one character and later offsets still map."""
    text = "Cafe\u0301 in Kyi\u0308v was hit."
    chunks = chunk_document(text, chunk_size=500)
    chunk = chunks[0]
    at = chunk.text.index("Kyïv")
    span = chunk.span(at, at + len("Kyïv"))
    assert text[span.start : span.end] == "Kyi\u0308v"
    assert unicodedata.normalize("NFC", text[span.start : span.end]) == "Kyïv"


def test_document_id_is_derived_from_content() -> None:
    """The same text always gets the same id; different text a different one."""
    a = chunk_document("One sentence here.")[0].document_id
    b = chunk_document("One sentence here.")[0].document_id
    c = chunk_document("Another sentence.")[0].document_id
    assert a == b != c
    assert a == content_id(normalize("One sentence here.")[0])


def test_seed_chunks_slice_the_original_article() -> None:
    """Every chunk's start/end slice the original to the same text modulo normalisation."""
    text = seed_text()
    chunks = chunk_document(text, chunk_size=400)
    assert len(chunks) > 10
    for chunk in chunks:
        assert normalize(text[chunk.start : chunk.end])[0] == chunk.text
        assert len(chunk.text) <= 400
    assert [c.seq for c in chunks] == list(range(len(chunks)))
    assert {c.chunk_count for c in chunks} == {len(chunks)}


def test_chunks_end_on_sentence_boundaries() -> None:
    """A chunk never cuts a sentence that fits in the chunk size."""
    text = " ".join(f"Sentence number {i} ends here." for i in range(50))
    for chunk in chunk_document(text, chunk_size=200):
        assert chunk.text.endswith("ends here.")


@settings(max_examples=400, deadline=None)
@given(st.text(min_size=1, max_size=600).filter(lambda t: t.strip()), st.integers(200, 800))
def test_any_text_chunks_with_valid_offsets(text: str, size: int) -> None:
    """Arbitrary text chunks (or is refused as empty) and each position maps inside the original."""
    if not normalize(text)[0].strip():
        with pytest.raises(BadDocumentError):
            chunk_document(text, chunk_size=size)
        return
    chunks = chunk_document(text, chunk_size=size)
    for chunk in chunks:
        assert 0 <= chunk.start <= chunk.end <= len(text)
        for i in (0, len(chunk.text) // 2, len(chunk.text)):
            assert chunk.start <= chunk.original_offset(i) <= chunk.end
