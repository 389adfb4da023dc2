"""Property tests: build_events is a function of the SET of results, and its evidence
always points at the original article."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitrep.core.chunking import chunk_document
from sitrep.core.merge import build_events
from sitrep.core.text import normalize
from sitrep.schemas import Event
from tests.core.test_merge import GAZ, casualties_for, entities_for, hand_results, places_for
from tests.factories import SEED_PUBLISHED, seed_text

Results = list[Any]


def _real(module: str, name: str) -> Callable[..., Any] | None:
    try:
        mod = __import__(f"sitrep.core.extract.{module}", fromlist=[name])
    except ImportError:
        return None
    return getattr(mod, name, None)


@lru_cache(maxsize=8)
def seed_results(chunk_size: int) -> tuple[Any, ...]:
    """The seed through the real extractors where they exist, hand stand-ins otherwise."""
    chunks = chunk_document(
        seed_text(), document_id="seed", chunk_size=chunk_size, published_at=SEED_PUBLISHED
    )
    ent = _real("entities", "extract_entities") or entities_for
    cas = _real("casualties", "extract_casualties") or casualties_for
    pla = _real("places", "extract_places") or places_for
    return tuple(r for c in chunks for r in (ent(c), cas(c), pla(c)))


@lru_cache(maxsize=8)
def seed_baseline(chunk_size: int) -> tuple[dict[str, Any], ...]:
    return tuple(e.model_dump() for e in build_events(seed_results(chunk_size)))


def _reordered(data: st.DataObject, results: Sequence[Any]) -> Results:
    perm = data.draw(st.permutations(list(results)))
    dups = data.draw(st.lists(st.sampled_from(list(results)), max_size=len(results)))
    mixed = perm + dups
    return data.draw(st.permutations(mixed))


def _check_evidence(events: Sequence[Event], original: str) -> None:
    for ev in events:
        assert ev.evidence, f"event without evidence: {ev.summary}"
        for span in ev.evidence:
            sliced = normalize(original[span.start : span.end])[0]
            assert sliced == normalize(span.text)[0], (span, sliced)
        assert ev.location is not None
        assert ev.location.evidence in ev.evidence
        assert ev.location.evidence.text.strip()
        for fig in ev.casualties:
            assert fig.evidence in ev.evidence
            assert any(ch.isdigit() or ch.isalpha() for ch in fig.evidence.text)
        assert any(s.text == ev.summary for s in ev.evidence)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), chunk_size=st.sampled_from([250, 600, 1200]))
def test_seed_events_independent_of_order_and_duplicates(
    data: st.DataObject, chunk_size: int
) -> None:
    """Any order and duplication of the seed's results yields identical events and ids."""
    results = seed_results(chunk_size)
    events = build_events(_reordered(data, results))
    assert tuple(e.model_dump() for e in events) == seed_baseline(chunk_size)


def _check_locations_not_invented(events: Sequence[Event], results: Sequence[Any]) -> None:
    resolved = {
        (m.span.start, m.span.end): m.resolved
        for r in results if r.kind == "places" for m in r.places if m.resolved is not None
    }  # fmt: skip
    for ev in events:
        assert ev.location is not None
        r = resolved.get((ev.location.evidence.start, ev.location.evidence.end))
        assert r is not None, ev.location
        got = (ev.location.country, ev.location.region, ev.location.lat, ev.location.lon)
        assert got == (r.country, r.region, r.lat, r.lon)
        assert ev.location.precision == r.precision


def test_seed_evidence_slices_the_original_article() -> None:
    """Every evidence span of every seed event slices the original text to what it claims,
    and every location repeats what the resolver said about the mention it cites."""
    for size in (250, 600, 1200):
        results = seed_results(size)
        events = build_events(results)
        assert events
        _check_evidence(events, seed_text())
        _check_locations_not_invented(events, results)


_PLACES = [p for p, (_place, role) in GAZ.items() if role == "location"]
_TEMPLATES = [
    "Rapid Support Forces shelled {p} on {d}.",
    "Heavy clashes erupted near {p} {d}, officials said.",
    "M23 rebels seized the village of {p} after fighting {d}.",
    "Thousands of protesters marched in {p} on {d}.",
    "A Russian missile strike hit {p} on {d}; nine people were killed.",
    "Medics said {n} civilians were wounded in {p}.",
    "The ceasefire aimed to halt strikes on {p}.",
    "Residents of {p} said the situation was calm.",
    "In {p}, rioters torched cars {d}.",
]
_DATES = ["Friday", "Monday", "yesterday", "last week", "last month", "April 2, 2025", "Sunday"]


@st.composite
def articles(draw: st.DrawFn) -> str:
    n = draw(st.integers(min_value=1, max_value=8))
    lines = []
    for _ in range(n):
        t = draw(st.sampled_from(_TEMPLATES))
        line = t.format(
            p=draw(st.sampled_from(_PLACES)),
            d=draw(st.sampled_from(_DATES)),
            n=draw(st.integers(min_value=2, max_value=90)),
        )
        lines.append(line)
        if draw(st.booleans()):  # repeated captions
            lines.append(line)
    return "\n\n".join(lines)


@settings(max_examples=60, deadline=None)
@given(
    data=st.data(),
    text=articles(),
    chunk_size=st.sampled_from([80, 200, 1200]),
    published=st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2030, 1, 1)),
)
def test_generated_articles_are_order_free_and_grounded(
    data: st.DataObject, text: str, chunk_size: int, published: dt.date
) -> None:
    """On generated articles, reordering/duplication never changes events, ids are unique,
    dates are never after publication, and evidence slices the original text."""
    results = hand_results(text, chunk_size=chunk_size, published=published)
    base = build_events(results)
    again = build_events(_reordered(data, results))
    assert [e.model_dump() for e in again] == [e.model_dump() for e in base]
    ids = [e.event_id for e in base]
    assert len(ids) == len(set(ids))
    for e in base:
        assert e.date is None or e.date <= published
    _check_evidence(base, text)
    _check_locations_not_invented(base, results)
