"""The places extractor service: chunk stream -> places results (see sitrep.core.extract.places)."""

from __future__ import annotations

from sitrep.core.extract.places import extract_places

from ._extractor import extractor_service

__all__ = ["app", "broker", "service"]

service = extractor_service("places", extract_places)
broker, app = service.broker, service.app
