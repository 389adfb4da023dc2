"""Property tests: the entity extractor never crashes and its spans always slice the text."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitrep.core.extract.entities import extract_entities, merge_document_entities
from tests.factories import make_chunk, seed_text

_SENTENCES = [s for s in re.split(r"(?<=[.!?])\s+|\n+", seed_text()) if s.strip()]
_SETTINGS = settings(
    max_examples=1600, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


def _check(text: str, start: int) -> None:
    chunk = make_chunk(text, start=start)
    result = extract_entities(chunk)
    for m in result.entities:
        assert start <= m.span.start <= m.span.end <= start + len(text)
        assert text[m.span.start - start : m.span.end - start] == m.span.text
        assert m.name
    merge_document_entities([result])


@_SETTINGS
@given(text=st.text(max_size=600), start=st.integers(min_value=0, max_value=10_000))
def test_arbitrary_unicode_never_breaks(text: str, start: int) -> None:
    """Any unicode string gives a result whose spans slice the chunk."""
    _check(text, start)


_mutation = st.tuples(
    st.sampled_from(_SENTENCES),
    st.integers(min_value=0, max_value=400),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=8),
    st.sampled_from(["keep", "upper", "lower", "title", "swapcase", "noquote"]),
)


@_SETTINGS
@given(parts=st.lists(_mutation, min_size=1, max_size=4))
def test_mutated_seed_sentences_never_break(parts: list[tuple[str, int, str, str]]) -> None:
    """Seed sentences with spliced noise and case changes still give valid spans."""
    pieces = []
    for sentence, at, noise, case in parts:
        at = min(at, len(sentence))
        s = sentence[:at] + noise + sentence[at:]
        if case == "noquote":
            s = s.replace("’", "").replace("‘", "")
        elif case != "keep":
            s = getattr(s, case)()
        pieces.append(s)
    _check(" ".join(pieces), 17)
