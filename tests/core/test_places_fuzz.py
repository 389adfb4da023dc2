"""Fuzzing the places extractor: arbitrary text never raises and spans stay valid."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitrep.core.extract.places import extract_places, refine_with_document
from tests.factories import make_chunk

WORDS = [
    "Kursk", "region", "Belgorod", "Oblast", "the", "village", "of", "in", "Ukraine’s", "Russia's", "Moscow",
    "said", "U.S.", "UK", "EU", "President", "Vladimir", "Putin", "Murom", "Popovka", ",", ".", "and",
    "towns", "including", "District", "Sumy", "Kharkiv", "regions", "‘Grad’", "Paris", "Texas", "-", "’s",
    "Kryvyi", "Rih", "Long", "Beach", "CA", "\n", "é", "İstanbul", "Ōsaka", "ß", "’", "“", "St.",
]


@settings(max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=8)), max_size=40),
    st.integers(min_value=0, max_value=10_000),
)
def test_extract_never_raises_and_spans_are_valid(words: list[str], start: int) -> None:
    """Any text yields a result whose spans slice the chunk text at original offsets."""
    text = " ".join(words)
    res = extract_places(make_chunk(text, start=start))
    for pm in res.places:
        assert start <= pm.span.start <= pm.span.end <= start + len(text)
        assert text[pm.span.start - start : pm.span.end - start] == pm.span.text == pm.surface
        assert len(pm.candidates) <= 3
    refined = refine_with_document([res])
    assert len(refined) == len(res.places)
