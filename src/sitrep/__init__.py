"""sitrep: news reports in, normalised conflict events out, over Redis streams."""

from __future__ import annotations

__all__ = ["__version__"]

__version__ = "0.1.0"
