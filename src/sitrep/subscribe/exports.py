"""Events -> the flat formats analysts load: JSON Lines, ACLED-like CSV, GeoJSON.

Pure functions (no I/O beyond the text stream they are handed), so the command, the
report and the tests all share one mapping. ``docs/SUBSCRIBERS.md`` documents it.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Iterable
from functools import lru_cache
from typing import Any, TextIO

from sitrep.schemas import CasualtyCategory, Event, GeoPrecision, Span

__all__ = [
    "CSV_COLUMNS",
    "GEO_PRECISION_CODE",
    "coordinates",
    "csv_text",
    "event_row",
    "evidence_sentence",
    "figure",
    "to_feature",
    "to_geojson",
    "write_csv",
    "write_jsonl",
]

#: Column order of the CSV export. ACLED names where the meaning is the same; sitrep's
#: extra figures (injured/missing/captured) and the evidence sentence with its offsets.
CSV_COLUMNS: tuple[str, ...] = (
    "event_id",
    "event_date",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "country",
    "admin1",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "fatalities",
    "injured",
    "missing",
    "captured",
    "source",
    "evidence",
    "evidence_start",
    "evidence_end",
    "country_code",
    "admin1_code",
)

#: sitrep's precision -> ACLED's geo_precision code (1 = the place itself, 2 = a part of
#: a region / near the place, 3 = only the province or larger is known).
GEO_PRECISION_CODE: dict[GeoPrecision, int | None] = {
    GeoPrecision.POINT: 1,
    GeoPrecision.ADMIN2: 2,
    GeoPrecision.ADMIN1: 3,
    GeoPrecision.COUNTRY: 3,
    GeoPrecision.UNKNOWN: None,
}


@lru_cache(maxsize=512)
def _country_name(code: str) -> str:
    import pycountry  # noqa: PLC0415 - heavy import, only when a CSV is written

    found = pycountry.countries.get(alpha_2=code.upper())
    return str(getattr(found, "common_name", None) or found.name) if found else code


@lru_cache(maxsize=2048)
def _subdivision_name(code: str) -> str:
    import pycountry  # noqa: PLC0415

    found = pycountry.subdivisions.get(code=code.upper())
    return str(found.name) if found else code


def figure(event: Event, category: CasualtyCategory) -> int | None:
    """The event's best figure of ``category``: the highest stated best estimate, the
    same rule the merger uses for ``fatalities``/``injured``."""
    if category is CasualtyCategory.KILLED and event.fatalities is not None:
        return event.fatalities
    if category is CasualtyCategory.INJURED and event.injured is not None:
        return event.injured
    values = [c.best for c in event.casualties if c.category is category and c.best is not None]
    return max(values) if values else None


def evidence_sentence(event: Event) -> Span | None:
    """The span of the sentence that triggered the event (``summary``), if listed."""
    for span in event.evidence:
        if span.text == event.summary:
            return span
    for cas in event.casualties:
        if cas.sentence.text == event.summary:
            return cas.sentence
    return None


def coordinates(event: Event) -> tuple[float, float] | None:
    """``(lon, lat)`` when the event has valid WGS84 coordinates, else None."""
    loc = event.location
    if loc is None or loc.lat is None or loc.lon is None:
        return None
    lat, lon = float(loc.lat), float(loc.lon)
    if not (math.isfinite(lat) and math.isfinite(lon)):
        return None
    if not (-90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0):
        return None
    return lon, lat


def _actors(event: Event, role: str) -> str:
    return "; ".join(a.name for a in event.actors if a.role == role)


def event_row(event: Event) -> dict[str, Any]:
    """One CSV row (also the GeoJSON properties). Unknown values are None, never 0:
    ACLED writes 0 fatalities for "none reported", sitrep cannot tell that from "not found"."""
    loc = event.location
    sentence = evidence_sentence(event)
    point = coordinates(event)
    return {
        "event_id": event.event_id,
        "event_date": event.date.isoformat() if event.date else None,
        "event_type": event.event_type.value,
        "sub_event_type": event.sub_event_type,
        "actor1": _actors(event, "actor1") or None,
        "actor2": _actors(event, "actor2") or None,
        "country": _country_name(loc.country) if loc and loc.country else None,
        "admin1": _subdivision_name(loc.region) if loc and loc.region else None,
        "location": loc.name if loc else None,
        "latitude": point[1] if point else None,
        "longitude": point[0] if point else None,
        "geo_precision": GEO_PRECISION_CODE.get(loc.precision) if loc else None,
        "fatalities": figure(event, CasualtyCategory.KILLED),
        "injured": figure(event, CasualtyCategory.INJURED),
        "missing": figure(event, CasualtyCategory.MISSING),
        "captured": figure(event, CasualtyCategory.CAPTURED),
        "source": event.source,
        "evidence": event.summary,
        "evidence_start": sentence.start if sentence else None,
        "evidence_end": sentence.end if sentence else None,
        "country_code": loc.country if loc else None,
        "admin1_code": loc.region if loc else None,
    }


def write_jsonl(events: Iterable[Event], out: TextIO) -> int:
    """Each event as one line of its wire JSON (byte-for-byte the stream payload shape)."""
    n = 0
    for event in events:
        out.write(event.model_dump_json() + "\n")
        n += 1
    return n


def write_csv(events: Iterable[Event], out: TextIO, *, header: bool = True) -> int:
    """RFC 4180 CSV of :data:`CSV_COLUMNS`; empty cell = unknown."""
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    if header:
        writer.writeheader()
    n = 0
    for event in events:
        writer.writerow({k: "" if v is None else v for k, v in event_row(event).items()})
        n += 1
    return n


def csv_text(events: Iterable[Event]) -> str:
    buf = io.StringIO()
    write_csv(events, buf)
    return buf.getvalue()


def to_feature(event: Event) -> dict[str, Any]:
    """An RFC 7946 Feature: a Point ``[lon, lat]``, or ``geometry: null`` when the event
    has no coordinates (kept, so GeoJSON and CSV list the same events)."""
    point = coordinates(event)
    return {
        "type": "Feature",
        "id": event.event_id,
        "geometry": {"type": "Point", "coordinates": [point[0], point[1]]} if point else None,
        "properties": event_row(event),
    }


def to_geojson(events: Iterable[Event]) -> dict[str, Any]:
    """An RFC 7946 FeatureCollection of ``events`` (WGS84, lon/lat order)."""
    return {"type": "FeatureCollection", "features": [to_feature(e) for e in events]}
