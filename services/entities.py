"""The entities extractor service: chunk stream -> entities results (see sitrep.core.extract.entities)."""

from __future__ import annotations

from sitrep.core.extract.entities import extract_entities

from ._extractor import extractor_service

__all__ = ["app", "broker", "service"]

service = extractor_service("entities", extract_entities)
broker, app = service.broker, service.app
