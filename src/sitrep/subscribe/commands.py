"""Subscriber-facing commands (exports, report, AsyncAPI); registered on the main CLI."""

from __future__ import annotations

import asyncio
import contextlib
import json
import sys
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path
from typing import Annotated, TextIO

import typer

__all__ = ["ExportFormat", "register"]


class ExportFormat(StrEnum):
    JSONL = "jsonl"
    CSV = "csv"
    GEOJSON = "geojson"


Since = Annotated[
    str, typer.Option(help="Only entries after this stream entry id ('-' = from the start).")
]


def _err(message: str) -> None:
    typer.echo(message, err=True)




@contextlib.contextmanager
def _open_out(path: Path | None) -> Iterator[TextIO]:
    if path is None:
        yield sys.stdout
        return
    with path.open("w", encoding="utf-8", newline="") as fh:
        yield fh


def events(
    fmt: Annotated[ExportFormat, typer.Option("--format", help="Output format.")] = ExportFormat.JSONL,
    since: Since = "-",
    follow: Annotated[
        bool, typer.Option("--follow", "-f", help="Keep printing new events (jsonl, csv).")
    ] = False,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="File instead of stdout.")] = None,
) -> None:
    """Export events from the output stream of REDIS_URL as JSON Lines, CSV or GeoJSON."""
    from sitrep.runtime.clients import connect  # noqa: PLC0415

    from sitrep.streams import streams  # noqa: PLC0415

    from . import exports  # noqa: PLC0415
    from .reader import stream_all_events  # noqa: PLC0415

    if follow and fmt is ExportFormat.GEOJSON:
        _err("error: --follow needs a line format (jsonl or csv); GeoJSON is one document")
        raise typer.Exit(2)
    names = streams()
    all_names = _all_partitions()

    async def go(out: TextIO) -> tuple[int, str | None]:
        redis = connect()
        count, last = 0, None
        collected = []
        try:
            if fmt is ExportFormat.CSV:
                exports.write_csv([], out)
            async for entry_id, event in stream_all_events(
                redis, all_names, since=since, follow=follow, on_bad=lambda e: _err(f"skipped: {e}")
            ):
                count, last = count + 1, entry_id
                if fmt is ExportFormat.JSONL:
                    exports.write_jsonl([event], out)
                elif fmt is ExportFormat.CSV:
                    exports.write_csv([event], out, header=False)
                else:
                    collected.append(event)
                if follow:
                    out.flush()
            if fmt is ExportFormat.GEOJSON:
                json.dump(exports.to_geojson(collected), out, ensure_ascii=False)
                out.write("\n")
        finally:
            await redis.aclose()
        return count, last

    with _open_out(output) as out:
        try:
            count, last = asyncio.run(go(out))
        except KeyboardInterrupt:
            return
        except OSError as exc:
            _err(f"error: cannot read {names.events}: {exc}")
            raise typer.Exit(1) from None
    _err(f"{count} events" + (f"; last entry id {last} (resume with --since {last})" if last else ""))


def report(
    output: Annotated[Path, typer.Option("--output", "-o", help="HTML file to write.")] = Path(
        "sitrep-report.html"
    ),
    from_jsonl: Annotated[
        Path | None, typer.Option("--from-jsonl", help="Read events from this JSON Lines file.")
    ] = None,
    since: Since = "-",
    title: Annotated[str, typer.Option(help="Page title.")] = "sitrep events",
) -> None:
    """Write a self-contained HTML report (map + table linked to evidence sentences)."""
    from sitrep.errors import BadMessageError  # noqa: PLC0415

    from .reader import events_from_jsonl  # noqa: PLC0415
    from .report import render_report  # noqa: PLC0415

    if from_jsonl is not None:
        try:
            items = list(events_from_jsonl(from_jsonl))
        except (OSError, BadMessageError) as exc:
            _err(f"error: {exc}")
            raise typer.Exit(1) from None
    else:
        items = asyncio.run(_all_events(since))
    output.write_text(render_report(items, title=title), encoding="utf-8")
    _err(f"{len(items)} events -> {output}")


async def _all_events(since: str) -> list[object]:
    from sitrep.runtime.clients import connect  # noqa: PLC0415

    from .reader import stream_all_events  # noqa: PLC0415

    redis = connect()
    try:
        return [
            e async for _, e in stream_all_events(
                redis, _all_partitions(), since=since, on_bad=lambda e: _err(f"skipped: {e}")
            )
        ]
    finally:
        await redis.aclose()


def _all_partitions() -> list[object]:
    """Every partition's stream names (PARTITIONS, REDIS_CLUSTER, STREAM_PREFIX)."""
    from sitrep.settings import get_settings  # noqa: PLC0415
    from sitrep.streams import partitioned  # noqa: PLC0415

    settings = get_settings()
    return partitioned(settings.stream_prefix, settings.partitions, cluster=settings.redis_cluster)  # type: ignore[return-value]


def asyncapi(
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Default: docs/asyncapi.json.")] = None,
    check: Annotated[bool, typer.Option(help="Exit 1 if the file differs from the code.")] = False,
) -> None:
    """Generate the AsyncAPI 3.0 document of every stream from the services' code."""
    from .asyncapi import DOC_PATH, render_asyncapi  # noqa: PLC0415

    path = output or DOC_PATH
    text = render_asyncapi()
    if check:
        current = path.read_text(encoding="utf-8") if path.exists() else ""
        if current != text:
            _err(f"{path} is out of date: run `sitrep asyncapi`")
            raise typer.Exit(1)
        typer.echo(f"{path} is up to date")
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    typer.echo(str(path))


def register(app: typer.Typer) -> None:
    """Add this package's commands to ``app``."""
    app.command("events")(events)
    app.command("report")(report)
    app.command("asyncapi")(asyncapi)
