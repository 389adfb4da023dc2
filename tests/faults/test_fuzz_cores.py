"""Fuzz the chunker and all three extractor cores on the same 10,000 generated documents:
no exception escapes except the typed ones in sitrep.errors, and every chunk and span
stays inside the document."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitrep.core.chunking import chunk_document
from sitrep.core.pipeline import EXTRACT
from sitrep.errors import SitrepError
from tests.factories import seed_text

_SEED = seed_text()
_WORDS = (
    "Kyiv Kharkiv Kryvyi Rih Shebekino Russia Ukraine Gaza Mr. Dr. Gen. Zelensky said "
    "at least 20 eleven nine children killed injured wounded missing captured dead "
    "a drone missile strike shelling attack on Monday 7 April 2025 near in the region "
    "of forces army police protesters rioters clashed , . ; : ! ? ( ) \" ' - — … "
    "1,200 3.5 122-mm 45-year-old U.S. St. km %"
).split()

_fragment = st.one_of(
    st.text(max_size=60),
    st.sampled_from(_WORDS),
    st.integers(0, len(_SEED) - 200).map(lambda i: _SEED[i : i + 200]),
    st.sampled_from(["\n\n", "\u00a0", "\u201c", "\u2019", "\ufeff", "\u200b", "e\u0301", "\r\n", "\x00"]),
)
_document = st.lists(_fragment, max_size=25).map(" ".join)


@settings(
    max_examples=10_000,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(_document, st.sampled_from([200, 400, 1200]))
def test_chunker_and_all_extractors_raise_only_typed_errors(text: str, size: int) -> None:
    """Any text through chunker + entities + casualties + places: typed errors only,
    chunks tile inside the document, every result refers to its chunk."""
    try:
        chunks = chunk_document(text, chunk_size=size)
    except SitrepError:
        return
    # [] happens for control characters only (normalised away); the producer refuses it
    for chunk in chunks:
        assert 0 <= chunk.start <= chunk.end <= len(text)
        for name, extract in EXTRACT.items():
            try:
                result = extract(chunk)
            except SitrepError:
                continue
            assert result.chunk.chunk_id == chunk.chunk_id, name
