"""The loaded gazetteer: name lookup and entry -> :class:`Place` conversion."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sitrep.errors import GazetteerError
from sitrep.schemas import GeoPrecision, Place, PlaceKind

from ._text import fold
from .build import build_index, cache_path, read_cache, write_cache

__all__ = ["Candidate", "Gazetteer", "load_gazetteer"]

_KIND = {"continent": PlaceKind.CONTINENT, "country": PlaceKind.COUNTRY, "admin1": PlaceKind.ADMIN1,
         "admin2": PlaceKind.ADMIN2, "county": PlaceKind.ADMIN2}
#: "county": a second-level region with no point of its own (the UK's), at its nation's point
_PREC = {"continent": GeoPrecision.COUNTRY, "country": GeoPrecision.COUNTRY, "admin1": GeoPrecision.ADMIN1,
         "admin2": GeoPrecision.ADMIN2, "county": GeoPrecision.ADMIN1}


@dataclass(frozen=True, slots=True)
class Candidate:
    """One gazetteer reading of a name; ``alt`` when only an alternate name matched."""

    id: int
    alt: bool


class Gazetteer:
    """Columns of entries plus a folded-name index; read-only after construction."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data
        self.gid: list[int] = data["gid"]
        self.name: list[str] = data["name"]
        self.cc: list[str] = data["cc"]
        self.region: list[str] = data["region"]
        self.kind: list[str] = data["kind"]
        self.lat: list[float] = data["lat"]
        self.lon: list[float] = data["lon"]
        self.pop: list[int] = data["pop"]
        self.names: dict[str, list[int]] = data["names"]
        self.country_idx: dict[str, int] = data["country_idx"]
        self.admin1_idx: dict[str, int] = data["admin1_idx"]
        self.continent_idx: dict[str, int] = data["continent_idx"]
        self.capital: dict[str, int] = data["capital"]
        self.demonyms: dict[str, str] = data["demonyms"]
        self.resources: str = data["resources"]
        self.capital_ids = frozenset(self.capital.values())
        self.capital_gids = frozenset(self.gid[i] for i in self.capital_ids)
        #: Folded word-prefixes of multi-word names ("new", "new york" for "new york city"):
        #: the text matcher extends a candidate n-gram only while it can still become a name.
        self.name_prefixes = frozenset(_word_prefixes(self.names))
        #: First words of multi-word demonyms ("sri" for "sri lankan").
        self.demonym_first = frozenset(d.split()[0] for d in self.demonyms if " " in d)
        self._places: dict[tuple[int, float], Place] = {}
        #: What extractors derive from this index per name (each bounds its own table): it
        #: depends on the index alone, so it lives and dies with it.
        self.memo: dict[str, Any] = {}

    def __len__(self) -> int:
        return len(self.gid)

    def check(self) -> None:
        """Fail loudly when the index is unusable (services call this at start)."""
        if len(self.gid) < 1000 or not self.names or len(self.country_idx) < 200:
            raise GazetteerError(f"gazetteer index is missing or empty ({len(self.gid)} entries)")

    def lookup(self, name: str) -> list[Candidate]:
        """Readings of ``name`` (folded), primary-name matches before alternate-name ones."""
        return [Candidate(c >> 1, bool(c & 1)) for c in self.names.get(fold(name), ())]

    def lookup_key(self, key: str) -> list[int]:
        """Raw encoded ids (``id*2 + alt``) of an already folded key: the hot path."""
        return self.names.get(key, [])

    def place(self, i: int, score: float = 0.0) -> Place:
        """The :class:`Place` of entry ``i`` with ``score`` (cached: Places are immutable)."""
        score = round(score, 3)
        hit = self._places.get((i, score))
        if hit is not None:
            return hit
        k = self.kind[i]
        pop = self.pop[i]
        kind = _KIND.get(k)
        if kind is None:
            kind = PlaceKind.CITY if pop >= 100_000 else PlaceKind.TOWN if pop >= 10_000 else PlaceKind.VILLAGE
        p = Place.model_construct(
            name=self.name[i], kind=kind, country=self.cc[i] or None, region=self.region[i] or None,
            lat=self.lat[i], lon=self.lon[i], precision=_PREC.get(k, GeoPrecision.POINT),
            geonames_id=self.gid[i] or None, population=pop or None, score=round(score, 3),
        )
        if len(self._places) > 200_000:
            self._places.clear()
        self._places[(i, score)] = p
        return p

    def region_place(self, iso: str, score: float = 0.0) -> Place | None:
        """The admin1 entry for an ISO 3166-2 code, as a Place with admin1 precision."""
        i = self.admin1_idx.get(iso)
        return None if i is None else self.place(i, score)

    def country_place(self, cc: str, score: float = 0.0) -> Place | None:
        i = self.country_idx.get(cc)
        return None if i is None else self.place(i, score)


def _word_prefixes(names: dict[str, list[int]]) -> set[str]:
    out: set[str] = set()
    for key in names:
        i = key.find(" ")
        while i != -1:
            out.add(key[:i])
            i = key.find(" ", i + 1)
    return out


_lock = threading.Lock()
_cached: Gazetteer | None = None


def load_gazetteer(path: Path | None = None) -> Gazetteer:
    """The process-wide gazetteer: read the cached index, building and caching it on first use."""
    global _cached
    if _cached is not None and path is None:
        return _cached
    with _lock:
        if _cached is not None and path is None:
            return _cached
        p = path or cache_path()
        data = read_cache(p)
        if data is None:
            data = build_index()
            write_cache(data, p)
        g = Gazetteer(data)
        if path is None:
            _cached = g
        return g
