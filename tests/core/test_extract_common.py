"""Helpers every extractor shares: sentence cuts and offsets back into the original."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.core.chunking import chunk_document
from sitrep.core.extract import _common
from sitrep.core.extract._common import chunk_ref, original_offsets, split_sentences
from sitrep.schemas import ChunkRef
from tests.factories import make_chunk, seed_text

# The candidate pattern as first written (a top-level alternation); the shipped one
# starts with a character class so ``re`` scans to candidates in C.
_PLAIN_CANDIDATE = re.compile(r"\n+|[.!?]")


def _plain_split(text: str) -> list[tuple[int, int]]:
    original = _common._CANDIDATE
    _common._CANDIDATE = _PLAIN_CANDIDATE  # type: ignore[assignment]
    try:
        return split_sentences(text)
    finally:
        _common._CANDIDATE = original


_ALPHABET = st.sampled_from(
    [".", "!", "?", "\n", "\n\n", " ", '"', "'", "\u2019", ")", "]", "(", "A", "x", "9",
     "Mr.", "U.S.", "e.g.", "Kyiv", "\t", "\u201c", "_"]
)


@settings(max_examples=600, deadline=None)
@given(st.lists(_ALPHABET, max_size=60).map("".join))
def test_sentence_split_equals_the_plain_alternation(text: str) -> None:
    """The scan-friendly candidate pattern cuts exactly where the plain one does."""
    assert split_sentences(text) == _plain_split(text)


def test_seed_sentences_equal_the_plain_alternation() -> None:
    """On the seed article both patterns give the same sentences."""
    text = seed_text()
    assert len(split_sentences(text)) > 20
    assert split_sentences(text) == _plain_split(text)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ae\u0301\u0308 o\u0300.K\n", min_size=1, max_size=300))
def test_original_offsets_equal_the_chunk_mapping(text: str) -> None:
    """The once-per-chunk mapper gives what ``original_offset`` gives at every index."""
    if not text.strip():
        return
    for chunk in chunk_document(text, chunk_size=60):
        offset = original_offsets(chunk)
        for i in range(len(chunk.text) + 1):
            assert offset(i) == chunk.original_offset(i)


def test_original_offsets_without_breaks_add_the_start() -> None:
    """A chunk whose text was not re-composed maps by its start alone."""
    chunk = make_chunk("Plain text.", start=40)
    offset = original_offsets(chunk)
    assert [offset(i) for i in (0, 5, 11)] == [40, 45, 51]


def test_chunk_ref_copies_every_field_of_the_chunk() -> None:
    """The reference a result carries equals one built from the chunk's fields by name."""
    for chunk in chunk_document("Cafe\u0301 one. Kyi\u0308v two.\n\nThree.", chunk_size=12):
        expected = ChunkRef(**{name: getattr(chunk, name) for name in ChunkRef.model_fields})
        assert chunk_ref(chunk) == expected
        assert chunk_ref(chunk).offset_map == chunk.offset_map
