"""The ``sitrep`` command line: run the pipeline, serve one service, read events."""

from __future__ import annotations

import asyncio
import datetime as dt
import sys
import time
from contextlib import ExitStack
from pathlib import Path
from typing import Annotated

import orjson
import typer

from sitrep.settings import get_settings

__all__ = ["app", "main"]

app = typer.Typer(
    help="sitrep: news reports in, structured conflict events out, over Redis streams.",
    no_args_is_help=True,
    add_completion=False,
)

Paths = Annotated[list[Path], typer.Argument(help=".txt files, folders, or .jsonl files.")]
PublishedAt = Annotated[
    dt.datetime | None,
    typer.Option(formats=["%Y-%m-%d"], help="Publication date for .txt files without a sidecar."),
]


def _stderr_console():  # type: ignore[no-untyped-def]
    from rich.console import Console  # noqa: PLC0415

    return Console(stderr=True)


def _fail(message: str, code: int = 1) -> typer.Exit:
    _stderr_console().print(f"[bold red]error:[/] {message}")
    return typer.Exit(code)


@app.command()
def run(
    paths: Paths,
    published_at: PublishedAt = None,
    timeout: Annotated[float, typer.Option(help="Seconds to wait for all events.")] = 300.0,
    replicas: Annotated[int, typer.Option(help="Processes per consumer service.")] = 1,
) -> None:
    """Run the whole pipeline on PATHS and print their events as JSON Lines.

    Uses REDIS_URL when set; otherwise starts an embedded Valkey server for the run.
    Each service runs as its own process and they talk only through Redis streams.
    """
    from sitrep.logs import configure_logging  # noqa: PLC0415
    from sitrep.runtime.clients import connect  # noqa: PLC0415
    from sitrep.runtime.embedded import embedded_redis  # noqa: PLC0415
    from sitrep.runtime.local import (  # noqa: PLC0415
        read_events,
        service_processes,
        wait_for_documents,
    )
    from sitrep.services import CONSUMERS  # noqa: PLC0415
    from sitrep.services.producer import publish_documents  # noqa: PLC0415
    from sitrep.sources import iter_documents  # noqa: PLC0415
    from sitrep.streams import partitioned  # noqa: PLC0415

    settings = get_settings()
    configure_logging("WARNING", json=settings.log_json)
    console = _stderr_console()
    started = time.perf_counter()
    with ExitStack() as stack:
        url = settings.redis_url_value()
        if url is None:
            url = stack.enter_context(embedded_redis())
            console.print(f"[dim]REDIS_URL not set: embedded Valkey server at {url}[/]")
        names = partitioned(
            settings.stream_prefix, settings.partitions, cluster=settings.redis_cluster
        )
        procs = stack.enter_context(
            service_processes(
                url, prefix=settings.stream_prefix, replicas=dict.fromkeys(CONSUMERS, replicas)
            )
        )

        async def pipeline() -> tuple[list[dict[str, object]], list[str], set[str]]:
            redis = connect(settings, url=url)
            try:
                docs = iter_documents(
                    paths,
                    published_at=published_at.date() if published_at else None,
                    max_bytes=settings.max_document_bytes,
                )
                produced, refused = await publish_documents(
                    redis, docs, names=names[0], chunk_size=settings.chunk_size
                )
                ids = [p.document_id for p in produced]
                missing = await _wait_with_progress(
                    console, wait_for_documents, redis, names, ids, timeout, procs
                )
                events = await read_events(redis, names, document_ids=ids)
                return events, [str(r) for r in refused], missing
            finally:
                await redis.aclose()

        try:
            events, refused, missing = asyncio.run(pipeline())
        except RuntimeError as exc:
            raise _fail(str(exc)) from None

    for event in events:
        sys.stdout.write(orjson.dumps(event).decode() + "\n")
    sys.stdout.flush()
    elapsed = time.perf_counter() - started
    if sys.stdout.isatty() or sys.stderr.isatty():
        _summary(console, events, elapsed)
    for reason in refused:
        console.print(f"[yellow]refused:[/] {reason}")
    if missing:
        raise _fail(f"timed out after {timeout:.0f}s waiting for documents: {sorted(missing)}")
    if refused:
        raise typer.Exit(1)


async def _wait_with_progress(console, wait, redis, names, ids, timeout, procs):  # type: ignore[no-untyped-def]
    from rich.progress import Progress  # noqa: PLC0415

    if not console.is_terminal:
        return await wait(redis, names, ids, timeout=timeout, procs=procs)
    with Progress(console=console, transient=True) as progress:
        task = progress.add_task("documents merged", total=len(ids))
        return await wait(
            redis, names, ids, timeout=timeout, procs=procs,
            on_progress=lambda n: progress.update(task, completed=n),
        )


def _summary(console, events: list[dict[str, object]], elapsed: float) -> None:  # type: ignore[no-untyped-def]
    from rich.table import Table  # noqa: PLC0415

    table = Table(title=f"{len(events)} events in {elapsed:.2f}s")
    for column in ("date", "type", "location", "country", "region", "killed", "injured"):
        table.add_column(column)
    for e in events:
        loc = e.get("location") or {}
        assert isinstance(loc, dict)
        table.add_row(
            str(e.get("date")),
            f"{e.get('event_type')}/{e.get('sub_event_type')}",
            str(loc.get("name", "")),
            str(loc.get("country", "")),
            str(loc.get("region", "")),
            str(e.get("fatalities") if e.get("fatalities") is not None else ""),
            str(e.get("injured") if e.get("injured") is not None else ""),
        )
    console.print(table)


@app.command()
def produce(paths: Paths, published_at: PublishedAt = None) -> None:
    """Publish documents to the chunk stream of REDIS_URL (default redis://localhost:6379)."""
    from sitrep.runtime.clients import connect  # noqa: PLC0415

    from sitrep.logs import configure_logging  # noqa: PLC0415
    from sitrep.services.producer import publish_documents  # noqa: PLC0415
    from sitrep.sources import iter_documents  # noqa: PLC0415
    from sitrep.streams import streams  # noqa: PLC0415

    settings = get_settings()
    configure_logging(settings.log_level, json=settings.log_json)

    async def go() -> tuple[int, int]:
        redis = connect(settings)
        try:
            docs = iter_documents(
                paths,
                published_at=published_at.date() if published_at else None,
                max_bytes=settings.max_document_bytes,
            )
            produced, refused = await publish_documents(
                redis, docs, names=streams(), chunk_size=settings.chunk_size
            )
        finally:
            await redis.aclose()
        for p in produced:
            typer.echo(f"{p.document_id}\t{p.chunk_count} chunks\t{p.origin}")
        for r in refused:
            typer.echo(f"refused\t{r}", err=True)
        return len(produced), len(refused)

    _, refused = asyncio.run(go())
    if refused:
        raise typer.Exit(1)


@app.command()
def serve(name: Annotated[str, typer.Argument(help="entities | casualties | places | merger")]) -> None:
    """Run one consumer service until SIGTERM/SIGINT (scale out by starting more)."""
    from sitrep import services  # noqa: PLC0415

    try:
        service = services.load(name)
    except ValueError as exc:
        raise _fail(str(exc), 2) from None
    asyncio.run(service.app.run())


@app.command()
def health(
    max_age: Annotated[float, typer.Option(help="Seconds since the last heartbeat.")] = 30.0,
) -> None:
    """Exit 0 if the service in this container/host beat recently (compose healthcheck)."""
    path = get_settings().health_file
    try:
        age = time.time() - path.stat().st_mtime
    except FileNotFoundError:
        raise _fail(f"no heartbeat at {path}: service not running") from None
    if age > max_age:
        raise _fail(f"last heartbeat {age:.0f}s ago (> {max_age:.0f}s)")
    typer.echo(f"ok: heartbeat {age:.1f}s ago")


@app.command()
def extract(
    path: Annotated[Path, typer.Argument(help="One .txt document.")],
    published_at: PublishedAt = None,
) -> None:
    """Run the pure core on one document (no broker) and print its events as JSON Lines."""
    from sitrep.core.pipeline import extract_document  # noqa: PLC0415
    from sitrep.errors import BadDocumentError  # noqa: PLC0415
    from sitrep.sources import iter_documents  # noqa: PLC0415

    settings = get_settings()
    for doc in iter_documents(
        [path],
        published_at=published_at.date() if published_at else None,
        max_bytes=settings.max_document_bytes,
    ):
        if isinstance(doc, BadDocumentError):
            raise _fail(str(doc))
        for event in extract_document(doc, chunk_size=settings.chunk_size):
            sys.stdout.write(event.model_dump_json() + "\n")


@app.command()
def schemas() -> None:
    """Regenerate the JSON Schema files in schemas/ from the pydantic models."""
    from sitrep.schemas._generate import write_all  # noqa: PLC0415

    for written in write_all():
        typer.echo(str(written))


def _register_commands() -> None:
    """Commands that live with their feature (evaluation, subscribers, operations)."""
    from sitrep.bench.commands import register as register_bench  # noqa: PLC0415
    from sitrep.eval.commands import register as register_eval  # noqa: PLC0415
    from sitrep.runtime.commands import register as register_ops  # noqa: PLC0415
    from sitrep.subscribe.commands import register as register_subscribe  # noqa: PLC0415

    for register in (register_eval, register_subscribe, register_ops, register_bench):
        register(app)


def main() -> None:
    _register_commands()
    app()


if __name__ == "__main__":
    main()
