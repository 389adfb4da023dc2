"""The casualties extractor service: chunk stream -> casualties results (see sitrep.core.extract.casualties)."""

from __future__ import annotations

from sitrep.core.extract.casualties import extract_casualties

from ._extractor import extractor_service

__all__ = ["app", "broker", "service"]

service = extractor_service("casualties", extract_casualties)
broker, app = service.broker, service.app
