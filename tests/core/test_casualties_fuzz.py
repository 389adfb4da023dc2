"""Property tests: the casualties core never crashes and its spans always stay inside the chunk."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitrep.core.extract._common import split_sentences
from sitrep.core.extract.casualties import extract_casualties
from sitrep.errors import SitrepError
from tests.factories import make_chunk, seed_text

_SETTINGS = dict(
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    database=None,
)

_WORDS = (
    "at least more than over up to nearly almost about around some dozens hundreds a few "
    "several handful of one two three eleven twenty-one hundred and thousand 1,200 12 3.5 "
    "2025 45-year-old aged people civilians children adults soldiers troops police man woman "
    "were was have been killed dead died deaths injured wounded hurt treated in hospital "
    "missing unaccounted for captured taken prisoner POWs detained abducted hostage death "
    "toll rose to from including among them , . ; : - ( ) ' \" killing wounding bodies "
    "casualties kilometres hours mm percent $ April said according officials Moscow no"
).split()

_SEED_SENTENCES = [seed_text()[s:e] for s, e in split_sentences(seed_text())]


def _check(text: str, start: int = 0) -> None:
    chunk = make_chunk(text, start=start)
    try:
        result = extract_casualties(chunk)
    except SitrepError:
        return
    for m in result.casualties:
        for span in (m.span, m.sentence):
            assert start <= span.start <= span.end <= start + len(text)
            assert span.text == text[span.start - start : span.end - start]
        assert m.best is None or m.best >= 0
        if m.best is None:
            assert m.low is not None and m.high is not None


@settings(max_examples=3_000, **_SETTINGS)
@given(st.text(max_size=400), st.integers(min_value=0, max_value=10_000))
def test_random_unicode_never_raises(text: str, start: int) -> None:
    """Arbitrary unicode text yields a result whose spans slice the chunk."""
    _check(text, start)


@settings(max_examples=3_500, **_SETTINGS)
@given(st.lists(st.sampled_from(_WORDS), max_size=40), st.integers(0, 5))
def test_casualty_vocabulary_soup_never_raises(words: list[str], start: int) -> None:
    """Numbers-heavy soups of casualty vocabulary never crash the grammar."""
    _check(" ".join(words), start)


@settings(max_examples=3_500, **_SETTINGS)
@given(
    st.sampled_from(_SEED_SENTENCES),
    st.lists(
        st.tuples(
            st.integers(0, 400),
            st.integers(0, 6),
            st.sampled_from(["", " ", "7", "twenty", " killed ", "\n", "é", "at least 3 ",
                             "\u0130", "\ufb01", "\u00df", ",", "."]),
        ),
        max_size=5,
    ),
)
def test_mutated_seed_sentences_never_raise(sentence: str, edits: list[tuple[int, int, str]]) -> None:
    """Seed sentences with random deletions and insertions never crash the extractor."""
    text = sentence
    for at, cut, insert in edits:
        at = min(at, len(text))
        text = text[:at] + insert + text[at + cut :]
    _check(text)
