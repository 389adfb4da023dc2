"""Events for the subscriber tests: hand-made varied ones, and the seed article's real ones."""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

import pytest

from sitrep.schemas import (
    Actor,
    CasualtyCategory,
    CasualtyFigure,
    DatePrecision,
    Event,
    EventLocation,
    EventType,
    GeoPrecision,
    PlaceKind,
    Span,
)
from tests.factories import SEED_PATH, SEED_PUBLISHED


def _span(doc: str, part: str) -> Span:
    start = doc.index(part)
    return Span(start=start, end=start + len(part), text=part)


def make_event(doc: str, sentence: str, **over: Any) -> Event:
    """An Event whose spans slice ``doc``; figures are given as (category, word, value)."""
    sent = _span(doc, sentence)
    figures = [
        CasualtyFigure(category=cat, best=value, evidence=_span(doc, word), sentence=sent)
        for cat, word, value in over.pop("figures", [])
    ]
    place = over.pop("place", None)
    location = None
    if place is not None:
        name, country, region, lat, lon, precision = place
        location = EventLocation(
            name=name, kind=PlaceKind.CITY, country=country, region=region, lat=lat, lon=lon,
            precision=precision, evidence=_span(doc, name),
        )  # fmt: skip
    actors = [Actor(name=n, kind="ARMED_GROUP", role=r) for n, r in over.pop("actors", [])]
    killed = [f.best for f in figures if f.category is CasualtyCategory.KILLED]
    hurt = [f.best for f in figures if f.category is CasualtyCategory.INJURED]
    fields: dict[str, Any] = {
        "event_id": hashlib.sha1(f"{doc}|{sentence}".encode()).hexdigest()[:16],
        "event_type": EventType.EXPLOSIONS_REMOTE_VIOLENCE,
        "sub_event_type": "shelling_artillery_missile_attack",
        "date": dt.date(2024, 3, 2),
        "date_precision": DatePrecision.DAY,
        "location": location,
        "actors": actors,
        "casualties": figures,
        "fatalities": max(killed) if killed else None,
        "injured": max(hurt) if hurt else None,
        "summary": sentence,
        "evidence": sorted([sent, *(f.evidence for f in figures)], key=lambda s: s.start),
        "document_ids": ["doc-invented"],
        "source": "invented wire report",
    }
    fields.update(over)
    return Event(**fields)


INVENTED = (
    "Wire report. Shelling hit Kharkiv overnight, killing 4 people and wounding 11. "
    "Two fishermen went missing off Hodeidah after a naval strike. "
    "Militants seized 7 soldiers near Lima. "
    'A "quoted" <script>alert(1)</script> & co. protest was held somewhere.'
)


@pytest.fixture
def invented_events() -> list[Event]:
    """Four invented events covering figures of every category, a missing location,
    southern/western coordinates and text that needs HTML/CSV escaping."""
    doc = INVENTED
    return [
        make_event(
            doc, "Shelling hit Kharkiv overnight, killing 4 people and wounding 11.",
            figures=[(CasualtyCategory.KILLED, "4", 4), (CasualtyCategory.INJURED, "11", 11)],
            place=("Kharkiv", "UA", "UA-63", 49.98081, 36.25272, GeoPrecision.POINT),
            actors=[("Armed Forces of Russia", "actor1"), ("Civilians", "target")],
        ),
        make_event(
            doc, "Two fishermen went missing off Hodeidah after a naval strike.",
            figures=[(CasualtyCategory.MISSING, "Two", 2)],
            place=("Hodeidah", "YE", None, 14.79781, 42.95452, GeoPrecision.ADMIN1),
            date=None, date_precision=DatePrecision.UNKNOWN,
        ),
        make_event(
            doc, "Militants seized 7 soldiers near Lima.",
            event_type=EventType.BATTLES, sub_event_type="armed_clash",
            figures=[(CasualtyCategory.CAPTURED, "7", 7)],
            place=("Lima", "PE", "PE-LIM", -12.04318, -77.02824, GeoPrecision.POINT),
            actors=[("Militants", "actor1"), ("Soldiers", "actor2")],
        ),
        make_event(
            doc, 'A "quoted" <script>alert(1)</script> & co. protest was held somewhere.',
            event_type=EventType.PROTESTS, sub_event_type="peaceful_protest",
        ),
    ]  # fmt: skip


@pytest.fixture(scope="session")
def seed_events() -> list[Event]:
    """The seed article's events from the pure pipeline (no broker)."""
    try:
        from sitrep.core.pipeline import extract_document  # noqa: PLC0415
        from sitrep.sources import iter_documents  # noqa: PLC0415
    except ImportError as exc:  # an extractor core is missing
        print(f"SKIP reason: pipeline core not importable: {exc}")
        pytest.skip(f"pipeline core not importable: {exc}")
    (doc,) = list(iter_documents([SEED_PATH], published_at=SEED_PUBLISHED))
    assert not isinstance(doc, Exception), doc
    return extract_document(doc)
