"""The five services, one module each; installed as ``sitrep.services``.

Each module only connects streams to the pure core in ``sitrep.core``:

- ``producer``   documents -> chunk stream (a library + CLI, not a consumer)
- ``entities``   chunk stream -> results stream (group ``<prefix>:entities``)
- ``casualties`` chunk stream -> results stream (group ``<prefix>:casualties``)
- ``places``     chunk stream -> results stream (group ``<prefix>:places``)
- ``merger``     results stream -> public events stream (group ``<prefix>:merger``)

Run one with ``sitrep serve NAME``; start several processes of one to scale it out.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sitrep.runtime.service import ServiceApp

__all__ = ["CONSUMERS", "load"]

CONSUMERS = ("entities", "casualties", "places", "merger")


def load(name: str) -> ServiceApp:
    """Import a consumer service module and return its wired app."""
    if name not in CONSUMERS:
        msg = f"unknown service {name!r}; choose one of {', '.join(CONSUMERS)}"
        raise ValueError(msg)
    module = importlib.import_module(f"{__name__}.{name}")
    service: ServiceApp = module.service
    return service
