"""The pure export mapping: ACLED-like CSV columns and RFC 7946 GeoJSON, no Redis."""

from __future__ import annotations

import csv
import io
import json

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

from sitrep.core.text import normalize
from sitrep.schemas import CasualtyCategory, Event, GeoPrecision
from sitrep.subscribe.exports import (
    CSV_COLUMNS,
    coordinates,
    csv_text,
    event_row,
    to_geojson,
    write_jsonl,
)
from tests.factories import seed_text
from tests.subscribe.conftest import INVENTED, make_event

ACLED_NAMES = (
    "event_date", "event_type", "sub_event_type", "actor1", "actor2", "country", "admin1",
    "location", "latitude", "longitude", "geo_precision", "fatalities",
)  # fmt: skip

_POSITION = {
    "type": "array",
    "minItems": 2,
    "maxItems": 3,
    "prefixItems": [
        {"type": "number", "minimum": -180, "maximum": 180},  # longitude first (RFC 7946 3.1.1)
        {"type": "number", "minimum": -90, "maximum": 90},
    ],
    "items": {"type": "number"},
}
#: RFC 7946 FeatureCollection / Feature / Point (the only geometry sitrep emits), strict.
GEOJSON_SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "required": ["type", "features"],
    "properties": {
        "type": {"const": "FeatureCollection"},
        "bbox": {"type": "array", "minItems": 4, "items": {"type": "number"}},
        "features": {"type": "array", "items": {"$ref": "#/$defs/Feature"}},
    },
    "not": {"anyOf": [{"required": ["coordinates"]}, {"required": ["geometry"]},
                      {"required": ["properties"]}]},  # fmt: skip
    "$defs": {
        "Feature": {
            "type": "object",
            "required": ["type", "geometry", "properties"],
            "properties": {
                "type": {"const": "Feature"},
                "id": {"type": ["string", "number"]},
                "geometry": {"oneOf": [{"type": "null"}, {"$ref": "#/$defs/Point"}]},
                "properties": {"type": ["object", "null"]},
            },
            "not": {"anyOf": [{"required": ["features"]}, {"required": ["coordinates"]}]},
        },
        "Point": {
            "type": "object",
            "required": ["type", "coordinates"],
            "properties": {"type": {"const": "Point"}, "coordinates": _POSITION},
        },
    },
}


def _rows(events: list[Event]) -> tuple[list[str], list[dict[str, str]]]:
    reader = csv.DictReader(io.StringIO(csv_text(events), newline=""))
    rows = list(reader)
    return list(reader.fieldnames or []), rows


def test_csv_header_has_the_acled_and_sitrep_columns(invented_events: list[Event]) -> None:
    """The CSV header lists the ACLED-named columns plus injured/missing/captured and the evidence."""
    header, rows = _rows(invented_events)
    assert header == list(CSV_COLUMNS)
    for name in (*ACLED_NAMES, "event_id", "injured", "missing", "captured", "source",
                 "evidence", "evidence_start", "evidence_end"):  # fmt: skip
        assert name in header
    assert len(rows) == len(invented_events)


def test_csv_values_map_from_the_event(invented_events: list[Event]) -> None:
    """Each cell comes from the event: figures per category, actors by role, names of ISO codes."""
    _, rows = _rows(invented_events)
    shelling, missing, seized, protest = rows
    assert (shelling["fatalities"], shelling["injured"]) == ("4", "11")
    assert shelling["actor1"] == "Armed Forces of Russia" and shelling["actor2"] == ""
    assert shelling["country"] == "Ukraine" and shelling["country_code"] == "UA"
    assert "Kharkiv" in shelling["admin1"] and shelling["admin1_code"] == "UA-63"
    assert (shelling["latitude"], shelling["longitude"]) == ("49.98081", "36.25272")
    assert shelling["geo_precision"] == "1" and missing["geo_precision"] == "3"
    assert missing["missing"] == "2" and missing["event_date"] == ""
    assert seized["captured"] == "7" and seized["actor2"] == "Soldiers"
    assert seized["event_type"] == "battles" and seized["sub_event_type"] == "armed_clash"
    assert protest["location"] == protest["latitude"] == protest["country"] == ""


def test_unknown_figures_are_empty_not_zero(invented_events: list[Event]) -> None:
    """A figure the article does not give is an empty cell, never 0 (which would claim 'none')."""
    _, rows = _rows(invented_events)
    for row, event in zip(rows, invented_events, strict=True):
        for column, category in (("fatalities", CasualtyCategory.KILLED),
                                 ("missing", CasualtyCategory.MISSING)):  # fmt: skip
            stated = [c for c in event.casualties if c.category is category]
            assert (row[column] == "") == (not stated)


def test_evidence_offsets_slice_the_document(invented_events: list[Event]) -> None:
    """evidence_start/evidence_end locate the evidence sentence in the original document."""
    _, rows = _rows(invented_events)
    for row in rows:
        start, end = int(row["evidence_start"]), int(row["evidence_end"])
        assert INVENTED[start:end] == row["evidence"]


def test_csv_round_trips_quotes_commas_and_newlines() -> None:
    """Cells with quotes, commas and line breaks survive a CSV reader unchanged."""
    doc = 'He said: "we, the people\nwill march" today.'
    event = make_event(doc, doc)
    _, (row,) = _rows([event])
    assert row["evidence"] == doc


def test_seed_events_offsets_slice_the_article(seed_events: list[Event]) -> None:
    """On the real pipeline output, every evidence offset pair slices the seed article to the
    evidence sentence (which is the normalised text: NFC, plain quotes)."""
    text = seed_text()
    _, rows = _rows(seed_events)
    assert rows, "the seed article yields events"
    for row in rows:
        if row["evidence_start"]:
            piece = text[int(row["evidence_start"]) : int(row["evidence_end"])]
            assert normalize(piece)[0] == row["evidence"]


def test_geojson_is_a_valid_rfc7946_feature_collection(invented_events: list[Event]) -> None:
    """The export validates against RFC 7946 and is strict JSON (no NaN), one feature per event."""
    collection = json.loads(json.dumps(to_geojson(invented_events), allow_nan=False))
    jsonschema.validate(collection, GEOJSON_SCHEMA)
    assert [f["id"] for f in collection["features"]] == [e.event_id for e in invented_events]


def test_geojson_points_are_lon_lat_and_unlocated_events_have_null_geometry(
    invented_events: list[Event],
) -> None:
    """Coordinates are [longitude, latitude]; an event without coordinates keeps a null geometry."""
    features = to_geojson(invented_events)["features"]
    for feature, event in zip(features, invented_events, strict=True):
        if event.location is None:
            assert feature["geometry"] is None
            continue
        lon, lat = feature["geometry"]["coordinates"]
        assert (lon, lat) == (event.location.lon, event.location.lat)
        assert feature["properties"]["longitude"] == lon
    lima = features[2]["geometry"]["coordinates"]
    assert lima[0] < -70 and lima[1] < 0  # western + southern hemisphere kept their signs


def test_seed_geojson_is_valid(seed_events: list[Event]) -> None:
    """The seed article's events export as valid GeoJSON with the points inside Ukraine/Russia's lon range."""
    collection = to_geojson(seed_events)
    jsonschema.validate(collection, GEOJSON_SCHEMA)
    points = [f["geometry"]["coordinates"] for f in collection["features"] if f["geometry"]]
    assert points
    assert all(20 < lon < 60 and 40 < lat < 60 for lon, lat in points)


@given(
    lat=st.floats(allow_nan=True, allow_infinity=True, width=32),
    lon=st.floats(allow_nan=True, allow_infinity=True, width=32),
)
def test_any_coordinates_give_valid_geojson(lat: float, lon: float) -> None:
    """Out-of-range or non-finite coordinates become a null geometry, never invalid GeoJSON."""
    doc = "Clashes were reported in Somewhere."
    event = make_event(doc, doc, place=("Somewhere", None, None, lat, lon, GeoPrecision.POINT))
    collection = json.loads(json.dumps(to_geojson([event]), allow_nan=False))
    jsonschema.validate(collection, GEOJSON_SCHEMA)
    valid = -90 <= lat <= 90 and -180 <= lon <= 180
    assert (collection["features"][0]["geometry"] is not None) == valid
    assert (coordinates(event) is not None) == valid


def test_jsonl_lines_are_the_wire_events(invented_events: list[Event]) -> None:
    """Each JSONL line validates back to the same Event."""
    buf = io.StringIO()
    assert write_jsonl(invented_events, buf) == len(invented_events)
    lines = buf.getvalue().splitlines()
    assert [Event.model_validate_json(line) for line in lines] == invented_events


@pytest.mark.parametrize("precision", list(GeoPrecision))
def test_geo_precision_codes_follow_acled(precision: GeoPrecision) -> None:
    """geo_precision is ACLED's 1 (the place) .. 3 (region or wider), empty when unknown."""
    doc = "Fighting in Somewhere."
    event = make_event(doc, doc, place=("Somewhere", "UA", None, 48.0, 37.0, precision))
    code = event_row(event)["geo_precision"]
    expected = {"point": 1, "admin2": 2, "admin1": 3, "country": 3, "unknown": None}
    assert code == expected[precision.value]
