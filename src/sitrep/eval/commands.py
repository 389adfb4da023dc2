"""`sitrep eval`: wired here so the CLI module stays small."""

from __future__ import annotations

import typer

__all__ = ["register"]


def register(app: typer.Typer) -> None:
    from .report import eval_command  # noqa: PLC0415

    app.command("eval")(eval_command)
