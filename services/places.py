"""The places extractor service: chunk stream -> places results (see sitrep.core.extract.places)."""

from __future__ import annotations

from sitrep.core.extract.places import extract_places
from sitrep.core.gazetteer import load_gazetteer

from ._extractor import extractor_service

__all__ = ["app", "broker", "service"]


def _gazetteer_ready() -> None:
    """Refuse to start on a missing or empty index: resolving nothing would look like
    "no places" downstream instead of an outage."""
    load_gazetteer().check()


service = extractor_service("places", extract_places, startup_checks=(_gazetteer_ready,))
broker, app = service.broker, service.app
