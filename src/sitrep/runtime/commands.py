"""Operations commands (``sitrep dlq list|replay``), registered on the main CLI by sitrep.cli."""

from __future__ import annotations

import asyncio
import sys
from typing import Annotated

import orjson
import typer

__all__ = ["register"]


def _names():  # type: ignore[no-untyped-def]
    from sitrep.settings import get_settings  # noqa: PLC0415
    from sitrep.streams import partitioned  # noqa: PLC0415

    s = get_settings()
    return s, partitioned(s.stream_prefix, s.partitions, cluster=s.redis_cluster)


def _row(item) -> dict[str, object]:  # type: ignore[no-untyped-def]
    letter = item.letter
    if letter is None:
        return {"id": item.entry_id, "dlq": item.dlq, "reason": "unreadable dead letter"}
    return {
        "id": item.entry_id,
        "service": letter.service,
        "reason": letter.reason,
        "document": letter.document_id,
        "chunk": letter.chunk_id,
        "stream": letter.stream,
        "deliveries": letter.delivery_count,
        "failed_at": letter.failed_at.isoformat(),
    }


def register(app: typer.Typer) -> None:
    """Add the ``dlq`` command group to ``app``."""
    dlq = typer.Typer(help="Inspect and re-drive dead letters.", no_args_is_help=True)
    app.add_typer(dlq, name="dlq")

    @dlq.command("list")
    def list_(
        as_json: Annotated[bool, typer.Option("--json", help="JSON Lines, not a table.")] = False,
        limit: Annotated[int | None, typer.Option(help="At most this many.")] = None,
    ) -> None:
        """Show dead letters: id, service, reason, document."""
        from sitrep.runtime.clients import connect  # noqa: PLC0415

        from .dlq import list_letters  # noqa: PLC0415

        settings, all_names = _names()

        async def go():  # type: ignore[no-untyped-def]
            redis = connect(settings)
            try:
                return await list_letters(redis, all_names, limit=limit)
            finally:
                await redis.aclose()

        rows = [_row(item) for item in asyncio.run(go())]
        if as_json or not sys.stdout.isatty():
            for row in rows:
                sys.stdout.write(orjson.dumps(row).decode() + "\n")
            return
        from rich.console import Console  # noqa: PLC0415
        from rich.table import Table  # noqa: PLC0415

        table = Table(title=f"{len(rows)} dead letters")
        for column in ("id", "service", "reason", "document"):
            table.add_column(column, overflow="fold")
        for row in rows:
            table.add_row(*(str(row.get(c) or "") for c in ("id", "service", "reason", "document")))
        Console().print(table)

    @dlq.command("replay")
    def replay(
        ids: Annotated[list[str] | None, typer.Option("--id", help="Dead-letter entry id (repeatable).")] = None,
        all_: Annotated[bool, typer.Option("--all", help="Replay every dead letter.")] = False,
    ) -> None:
        """Re-publish dead letters' original payloads to their streams and delete them."""
        from sitrep.runtime.clients import connect  # noqa: PLC0415

        from .dlq import list_letters, replay_letters  # noqa: PLC0415

        if not ids and not all_:
            typer.echo("error: give --id ID (repeatable) or --all", err=True)
            raise typer.Exit(2)
        settings, all_names = _names()

        async def go() -> tuple[int, list[str]]:
            redis = connect(settings)
            try:
                letters = await list_letters(redis, all_names)
                wanted = letters if all_ else [x for x in letters if x.entry_id in set(ids or [])]
                unknown = sorted(set(ids or []) - {x.entry_id for x in letters})
                done = await replay_letters(redis, wanted)
                for item, new_id in done:
                    typer.echo(f"replayed\t{item.entry_id}\t-> {item.letter.stream} {new_id}")  # type: ignore[union-attr]
                return len(done), unknown
            finally:
                await redis.aclose()

        count, unknown = asyncio.run(go())
        for entry_id in unknown:
            typer.echo(f"error: no dead letter {entry_id}", err=True)
        typer.echo(f"{count} dead letters replayed", err=True)
        if unknown:
            raise typer.Exit(1)
