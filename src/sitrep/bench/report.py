"""The benchmark's results: one row per pipeline, the ratios, the machine."""

from __future__ import annotations

import os
import platform
from dataclasses import asdict, dataclass, field
from pathlib import Path

__all__ = ["BenchReport", "Row", "machine", "percentiles"]


def percentiles(values: list[float], points: tuple[int, ...] = (50, 95, 99)) -> dict[str, float]:
    """Nearest-rank percentiles (in the unit of ``values``); empty -> {}."""
    if not values:
        return {}
    ordered = sorted(values)
    out = {}
    for p in points:
        rank = max(1, -(-p * len(ordered) // 100))
        out[f"p{p}"] = ordered[rank - 1]
    return out


def machine() -> dict[str, str | int]:
    """nproc and the CPU model, as /proc/cpuinfo names it."""
    model = platform.processor() or "unknown"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    return {"nproc": os.cpu_count() or 1, "cpu": model, "python": platform.python_version()}


@dataclass
class Row:
    """One measured pipeline."""

    name: str
    chunks: int = 0
    documents: int = 0
    events: int = 0
    seconds: float = 0.0
    chunks_per_s: float = 0.0
    events_per_s: float = 0.0
    offered_rate: float | None = None
    latency_ms: dict[str, float] = field(default_factory=dict)
    rss_peak_mb: dict[str, float] = field(default_factory=dict)


@dataclass
class BenchReport:
    machine: dict[str, str | int]
    server: str
    rows: list[Row] = field(default_factory=list)
    core_rates: dict[str, float] = field(default_factory=dict)
    bound: float = 0.0
    bound_with_merge: float = 0.0
    ratios: dict[str, float] = field(default_factory=dict)
    memory: dict[str, object] = field(default_factory=dict)

    def row(self, name: str) -> Row | None:
        return next((r for r in self.rows if r.name == name), None)

    def compute_ratios(self) -> None:
        floor, noop, full = self.row("1 floor"), self.row("2 sitrep no-op"), self.row("4 sitrep full")
        if floor and noop and floor.chunks_per_s:
            self.ratios["2/1"] = noop.chunks_per_s / floor.chunks_per_s
        if full and self.bound:
            self.ratios["4/bound(3)"] = full.chunks_per_s / self.bound
        if full and self.bound_with_merge:
            self.ratios["4/bound(3+merge)"] = full.chunks_per_s / self.bound_with_merge

    def as_dict(self) -> dict[str, object]:
        return asdict(self)

    def markdown(self) -> str:
        """The tables the README and docs/BENCHMARKS.md show."""
        m = self.machine
        lines = [
            f"machine: {m['nproc']} cores, {m['cpu']}, Python {m['python']}; server: {self.server}",
            "",
            "| pipeline | chunks | chunks/s | events/s | offered | p50 ms | p95 ms | p99 ms | peak RSS MB |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---|",
        ]
        for r in self.rows:
            lat = r.latency_ms
            rss = ", ".join(f"{k} {v:.0f}" for k, v in r.rss_peak_mb.items())
            offered = f"{r.offered_rate:.0f}/s" if r.offered_rate else ""
            lines.append(
                f"| {r.name} | {r.chunks} | {r.chunks_per_s:,.0f} | {r.events_per_s:,.0f} | {offered} | "
                f"{lat.get('p50', float('nan')):.1f} | {lat.get('p95', float('nan')):.1f} | "
                f"{lat.get('p99', float('nan')):.1f} | {rss} |"
            )
        lines += ["", "| extractor core (one core) | chunks/s |", "|---|---:|"]
        lines += [f"| {k} | {v:,.0f} |" for k, v in self.core_rates.items()]
        lines += [
            f"| bound(3) for {m['nproc']} cores | {self.bound:,.0f} |",
            f"| bound(3 + merge core) for {m['nproc']} cores | {self.bound_with_merge:,.0f} |",
            "",
            "| ratio | value |",
            "|---|---:|",
        ]
        lines += [f"| {k} | {v:.2f} |" for k, v in self.ratios.items()]
        if self.memory:
            lines += ["", "merger memory: " + ", ".join(f"{k}={v}" for k, v in self.memory.items())]
        return "\n".join(lines)
