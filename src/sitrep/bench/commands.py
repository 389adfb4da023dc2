"""Commands of this package, registered on the main CLI by sitrep.cli."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

__all__ = ["register"]


def register(app: typer.Typer) -> None:
    """Add this package's commands to ``app``."""

    @app.command()
    def bench(
        chunks: Annotated[int, typer.Option(help="Chunks for the floor and no-op runs.")] = 50_000,
        full_chunks: Annotated[int, typer.Option(help="Chunks for the full pipeline.")] = 4_000,
        rate: Annotated[
            float | None, typer.Option(help="Offered chunks/s for latency (default: half the max).")
        ] = None,
        latency_seconds: Annotated[float, typer.Option(help="Length of each latency run.")] = 10.0,
        batch: Annotated[int, typer.Option(help="XREADGROUP COUNT / BATCH_SIZE.")] = 64,
        merger_replicas: Annotated[int, typer.Option(help="Merger processes (stateless).")] = 1,
        memory_chunks: Annotated[
            int, typer.Option(help="Also run the merger-memory test to this many chunks (0: skip).")
        ] = 0,
        memory_mark: Annotated[int, typer.Option(help="First RSS reading of that test.")] = 100_000,
        rounds: Annotated[
            int, typer.Option(help="Interleaved throughput runs of 1, 1b and 2 (median reported).")
        ] = 3,
        only: Annotated[
            str,
            typer.Option(
                help="Comma list of floor,floor-tuned,noop,cores,full,cluster,memory "
                "(memory needs --memory-chunks)."
            ),
        ] = "floor,floor-tuned,noop,cores,full",
        quick: Annotated[bool, typer.Option(help="Tiny sizes (seconds), for tests.")] = False,
        json_out: Annotated[Path | None, typer.Option("--json", help="Write the report here.")] = None,
    ) -> None:
        """Measure the raw Redis floor, sitrep with no-op extractors, each extractor core,
        and the full pipeline, in ONE run on one server (REDIS_URL, else embedded Valkey)."""
        import dataclasses  # noqa: PLC0415

        from sitrep.settings import get_settings  # noqa: PLC0415

        from .run import BenchOptions, run_bench  # noqa: PLC0415

        sizes = {} if quick else {
            "chunks": chunks, "full_chunks": full_chunks, "latency_seconds": latency_seconds,
            "memory_chunks": memory_chunks, "memory_mark": memory_mark, "rounds": rounds,
        }
        try:
            opts = dataclasses.replace(
                BenchOptions.quick() if quick else BenchOptions(),
                **sizes,
                rate=rate,
                batch=batch,
                merger_replicas=merger_replicas,
                pipelines=tuple(p.strip() for p in only.split(",") if p.strip()),
            )
        except ValueError as exc:
            raise typer.BadParameter(str(exc), param_hint="--only/--rounds") from None
        report = run_bench(
            opts, url=get_settings().redis_url_value(), log=lambda s: typer.echo(s, err=True)
        )
        typer.echo(report.markdown())
        if json_out:
            json_out.write_bytes(report.to_json())
