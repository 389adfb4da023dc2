"""Commands of this package, registered on the main CLI by sitrep.cli."""

from __future__ import annotations

import typer

__all__ = ["register"]


def register(app: typer.Typer) -> None:
    """Add this package's commands to ``app``."""
