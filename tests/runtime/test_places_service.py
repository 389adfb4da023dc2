"""The places service refuses to start without a usable gazetteer."""

from __future__ import annotations

import pytest

from sitrep.core.gazetteer.index import Gazetteer
from sitrep.errors import GazetteerError


def test_places_service_startup_check_fails_loudly_on_an_empty_index(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """An empty index raises GazetteerError from the service's startup check."""
    from sitrep.services import places

    empty = Gazetteer.__new__(Gazetteer)
    for attr in ("gid", "names", "country_idx"):
        object.__setattr__(empty, attr, type(getattr(places.load_gazetteer(), attr))())
    monkeypatch.setattr(places, "load_gazetteer", lambda: empty)
    with pytest.raises(GazetteerError, match="missing or empty"):
        places._gazetteer_ready()


def test_places_service_startup_check_passes_on_the_real_index() -> None:
    """The shipped index passes the same check."""
    from sitrep.services import places

    places._gazetteer_ready()
