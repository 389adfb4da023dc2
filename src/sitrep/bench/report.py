"""The benchmark's results: one row per pipeline, the ratios, the machine."""

from __future__ import annotations

import os
import platform
from dataclasses import asdict, dataclass, field
from pathlib import Path

import orjson

from .cores import pipeline_bound

__all__ = [
    "CLUSTER_FULL",
    "CLUSTER_NODES",
    "CLUSTER_NOOP",
    "FLOOR",
    "FLOOR_TUNED",
    "FULL",
    "MERGE_CORE",
    "NOOP",
    "BenchReport",
    "Row",
    "machine",
    "percentiles",
]

FLOOR, FLOOR_TUNED, NOOP, FULL = "1 floor", "1b floor, tuned", "2 sitrep no-op", "4 sitrep full"
CLUSTER_NODES = 3
CLUSTER_NOOP = f"5 sitrep no-op, cluster ({CLUSTER_NODES} nodes, {CLUSTER_NODES} partitions)"
CLUSTER_FULL = f"6 sitrep full, cluster ({CLUSTER_NODES} nodes, {CLUSTER_NODES} partitions)"
MERGE_CORE = "merger (build_events)"


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
    """One measured pipeline (its throughput figures summed over its rounds)."""

    name: str
    chunks: int = 0
    documents: int = 0
    events: int = 0
    seconds: float = 0.0
    #: the median of the rounds' rates (one round: that round's)
    chunks_per_s: float = 0.0
    events_per_s: float = 0.0
    rounds_chunks_per_s: list[float] = field(default_factory=list)
    offered_rate: float | None = None
    latency_ms: dict[str, float] = field(default_factory=dict)
    rss_peak_mb: dict[str, float] = field(default_factory=dict)
    #: CPU (user + system) per chunk of the throughput runs, per process; ``server``
    #: is the Redis server (when local), ``driver`` the benchmark's publisher.
    cpu_us_per_chunk: dict[str, float] = field(default_factory=dict)

    @property
    def cpu_us_total(self) -> float:
        return sum(self.cpu_us_per_chunk.values())

    @property
    def busy_cores(self) -> float:
        """Cores in use on average during the throughput runs (CPU per chunk x rate)."""
        return self.cpu_us_total * self.chunks / self.seconds / 1e6 if self.seconds else 0.0


@dataclass
class BenchReport:
    machine: dict[str, str | int]
    server: str
    rows: list[Row] = field(default_factory=list)
    core_rates: dict[str, float] = field(default_factory=dict)
    bound: float = 0.0
    bound_with_merge: float = 0.0
    #: bound(3 + merge core) with every process's CPU per chunk of the no-op run
    #: (transport: services, server, publisher) added: what 4 could reach if the
    #: full pipeline cost exactly its cores plus the no-op transport.
    bound_with_transport: float = 0.0
    #: CPU µs per chunk of real (non-empty) results and events, measured in-process
    #: (``cores.payload_costs``): what the full pipeline pays beyond cores + no-op.
    payload_us_per_chunk: dict[str, float] = field(default_factory=dict)
    #: bound_with_transport with those payload costs added too (extractors encode,
    #: the merger validates and encodes): every measured cost but the server's extra
    #: work on larger payloads.
    bound_with_payloads: float = 0.0
    ratios: dict[str, float] = field(default_factory=dict)
    #: (lowest, highest) of a ratio over the rounds (round i of 2 / round i of 1)
    ratio_ranges: dict[str, tuple[float, float]] = field(default_factory=dict)
    memory: dict[str, object] = field(default_factory=dict)
    load_average: dict[str, float] = field(default_factory=dict)

    def row(self, name: str) -> Row | None:
        return next((r for r in self.rows if r.name == name), None)

    def compute_bounds(self, cores: int) -> None:
        """bound(3 + merge core + transport [+ payloads]): the cores' CPU per chunk plus
        each process's CPU per chunk in the no-op run [plus the real payloads' costs:
        encoding results shared by the extractors, validating them and encoding events
        on the merger]. Left at 0 without the cores and the no-op run."""
        noop = self.row(NOOP)
        rates = {k: v for k, v in self.core_rates.items() if k != MERGE_CORE}
        merge = self.core_rates.get(MERGE_CORE)
        if noop is None or not noop.cpu_us_per_chunk or not rates or merge is None:
            return
        extra: dict[str, float] = {}
        replicas: dict[str, int] = {}
        for label, us in noop.cpu_us_per_chunk.items():
            stage = label.split("#")[0]  # merger#2 is a replica of the merger
            extra[stage] = extra.get(stage, 0.0) + us / 1e6
            replicas[stage] = replicas.get(stage, 0) + 1
        all_rates = {**rates, "merger": merge}
        self.bound_with_transport = pipeline_bound(all_rates, cores, extra, replicas)
        if not self.payload_us_per_chunk:
            return
        payload = dict(self.payload_us_per_chunk)
        per_extractor = payload.pop("encode results", 0.0) / 1e6 / len(rates)
        for name in rates:
            extra[name] = extra.get(name, 0.0) + per_extractor
        extra["merger"] = extra.get("merger", 0.0) + sum(payload.values()) / 1e6
        self.bound_with_payloads = pipeline_bound(all_rates, cores, extra, replicas)

    def compute_ratios(self) -> None:
        noop, full = self.row(NOOP), self.row(FULL)
        for key, name in (("2/1", FLOOR), ("2/1b", FLOOR_TUNED)):
            floor = self.row(name)
            if floor and noop and floor.chunks_per_s:
                self.ratios[key] = noop.chunks_per_s / floor.chunks_per_s
                per_round = [
                    n / f
                    for n, f in zip(noop.rounds_chunks_per_s, floor.rounds_chunks_per_s, strict=False)
                    if f
                ]
                if len(per_round) > 1:
                    self.ratio_ranges[key] = (min(per_round), max(per_round))
        if full:
            for key, bound in (
                ("4/bound(3)", self.bound),
                ("4/bound(3+merge)", self.bound_with_merge),
                ("4/bound(3+merge+transport)", self.bound_with_transport),
                ("4/bound(3+merge+transport+payloads)", self.bound_with_payloads),
            ):
                if bound:
                    self.ratios[key] = full.chunks_per_s / bound

    def full_cpu_breakdown(self) -> dict[str, float]:
        """Where the full pipeline's CPU per chunk goes (µs): the extractor cores and
        the merge core (1/r of each, run 3), the no-op pipeline's transport (run 2),
        and what remains (real results are larger to encode, move and validate than
        empty ones). Empty without runs 2, 3 and 4."""
        noop, full = self.row(NOOP), self.row(FULL)
        rates = {k: v for k, v in self.core_rates.items() if k != MERGE_CORE}
        merge = self.core_rates.get(MERGE_CORE)
        if not (noop and full and full.cpu_us_per_chunk and rates and merge):
            return {}
        cores = sum(1e6 / r for r in rates.values())
        parts = {
            "extractor cores": cores,
            "merge core": 1e6 / merge,
            "transport (no-op run)": noop.cpu_us_total,
            **{f"real payloads: {k}": v for k, v in self.payload_us_per_chunk.items()},
        }
        parts["rest"] = full.cpu_us_total - sum(parts.values())
        parts["measured total"] = full.cpu_us_total
        return parts

    def _cpu_table(self) -> list[str]:
        """CPU per chunk of every process, and how many cores that kept busy."""
        rows = [r for r in self.rows if r.cpu_us_per_chunk]
        if not rows:
            return []
        labels = list(dict.fromkeys(k for r in rows for k in r.cpu_us_per_chunk))
        lines = [
            "",
            "| CPU µs per chunk | " + " | ".join(labels) + " | total | busy cores |",
            "|---|" + "---:|" * (len(labels) + 2),
        ]
        for r in rows:
            cells = [f"{r.cpu_us_per_chunk[k]:,.0f}" if k in r.cpu_us_per_chunk else "" for k in labels]
            lines.append(
                f"| {r.name} | " + " | ".join(cells)
                + f" | {r.cpu_us_total:,.0f} | {r.busy_cores:.2f} |"
            )
        return lines

    def _full_table(self) -> list[str]:
        parts = self.full_cpu_breakdown()
        if not parts:
            return []
        total = parts["measured total"]
        lines = ["", "| full pipeline, CPU µs per chunk | µs | share |", "|---|---:|---:|"]
        lines += [f"| {k} | {v:,.0f} | {100 * v / total:.0f} % |" for k, v in parts.items()]
        return lines

    def as_dict(self) -> dict[str, object]:
        return asdict(self)

    def to_json(self) -> bytes:
        """The report as indented JSON (``--json``); numeric keys become strings."""
        return orjson.dumps(self.as_dict(), option=orjson.OPT_INDENT_2 | orjson.OPT_NON_STR_KEYS)

    def markdown(self) -> str:
        """The tables the README and docs/BENCHMARKS.md show (sections that were run)."""
        m = self.machine
        load = ", ".join(f"{k} {v:.2f}" for k, v in self.load_average.items())
        lines = [
            f"machine: {m['nproc']} cores, {m['cpu']}, Python {m['python']}; server: {self.server}"
            + (f"; load average (1 min) {load}" if load else ""),
        ]
        if self.rows:
            lines += self._rows_table() + self._cpu_table()
        if self.core_rates:
            lines += ["", "| core (one core) | chunks/s |", "|---|---:|"]
            lines += [f"| {k} | {v:,.0f} |" for k, v in self.core_rates.items()]
            lines += [
                f"| bound(3) for {m['nproc']} cores | {self.bound:,.0f} |",
                f"| bound(3 + merge core) for {m['nproc']} cores | {self.bound_with_merge:,.0f} |",
                f"| bound(3 + merge core + no-op transport CPU) for {m['nproc']} cores "
                f"| {self.bound_with_transport:,.0f} |",
                f"| bound(3 + merge core + no-op transport + real payloads) for {m['nproc']} "
                f"cores | {self.bound_with_payloads:,.0f} |",
            ]
        lines += self._full_table()
        if self.ratios:
            lines += ["", "| ratio | value | rounds |", "|---|---:|---|"]
            for k, v in self.ratios.items():
                lo_hi = self.ratio_ranges.get(k)
                span = f"{lo_hi[0]:.2f}–{lo_hi[1]:.2f}" if lo_hi else ""
                lines.append(f"| {k} | {v:.2f} | {span} |")
        for name in (CLUSTER_NOOP, CLUSTER_FULL):
            if (row := self.row(name)) is not None:
                lines += ["", f"{name}: {row.chunks_per_s / CLUSTER_NODES:,.0f} chunks/s per partition"]
        if self.memory:
            mem = dict(self.memory)
            series = mem.pop("merger_rss_mb", {})
            lines += [
                "",
                "merger RSS MB by chunks done: "
                + ", ".join(f"{int(n):,}: {v}" for n, v in dict(series).items()),  # type: ignore[call-overload]
                ", ".join(f"{k}={v}" for k, v in mem.items()),
            ]
        return "\n".join(lines)

    def _rows_table(self) -> list[str]:
        lines = [
            "",
            "| pipeline | chunks | chunks/s | rounds chunks/s | events/s | offered "
            "| p50 ms | p95 ms | p99 ms | peak RSS MB |",
            "|---|---:|---:|---|---:|---:|---:|---:|---:|---|",
        ]
        for r in self.rows:
            lat = r.latency_ms
            rss = ", ".join(f"{k} {v:.0f}" for k, v in r.rss_peak_mb.items())
            offered = f"{r.offered_rate:.0f}/s" if r.offered_rate else ""
            rounds = ", ".join(f"{v:,.0f}" for v in r.rounds_chunks_per_s)
            lines.append(
                f"| {r.name} | {r.chunks} | {r.chunks_per_s:,.0f} | {rounds} | "
                f"{r.events_per_s:,.0f} | {offered} | "
                f"{lat.get('p50', float('nan')):.1f} | {lat.get('p95', float('nan')):.1f} | "
                f"{lat.get('p99', float('nan')):.1f} | {rss} |"
            )
        return lines
