"""`sitrep eval`: the seed scores and the public geo corpora in one table and one JSON."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from .seed import evaluate_seed

__all__ = ["default_shared_dir", "eval_command", "render_table", "run_eval"]


def default_shared_dir() -> Path:
    """``$SITREP_SHARED_DIR``, else the ``shared`` folder beside the repository."""
    env = os.environ.get("SITREP_SHARED_DIR")
    return Path(env) if env else Path(__file__).resolve().parents[4] / "shared"


def _geo(shared_dir: Path, limit: int | None, console: Console, misses: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    try:
        from .geo import evaluate_corpus  # noqa: PLC0415 - optional, written separately
    except ImportError as exc:
        console.print(f"[yellow]geo evaluation skipped: sitrep.eval.geo unavailable ({exc})")
        return {"skipped": f"sitrep.eval.geo unavailable: {exc}"}
    out: dict[str, Any] = {}
    for kind, name in (("gwn", "GWN.xml"), ("lgl", "lgl.xml")):
        path = shared_dir / "eval" / "geo" / name
        if not path.exists():
            console.print(f"[yellow]geo {kind} skipped: {path} not found")
            out[kind] = {"skipped": f"{path} not found"}
            continue
        out[kind] = evaluate_corpus(path, kind, limit=limit, misses=misses)  # type: ignore[arg-type]
    return out


def _fmt(v: Any) -> str:
    if isinstance(v, float):
        return f"{v:.3f}"
    if isinstance(v, list):
        return ", ".join(map(str, v[:6])) + (f" (+{len(v) - 6})" if len(v) > 6 else "") or "-"
    if isinstance(v, dict):
        return ", ".join(f"{k} {_fmt(x)}" for k, x in v.items())
    return str(v)


def render_table(report: dict[str, Any]) -> Table:
    """One table: a row per scored category, key figures and what went wrong."""
    table = Table(title="sitrep evaluation", show_lines=True)
    for col in ("category", "P", "R", "F1", "details"):
        table.add_column(col, overflow="fold")
    seed = report.get("seed", {})
    for cat in ("entities", "places", "casualties", "events"):
        s = seed.get(cat)
        if s is None:
            table.add_row(f"seed {cat}", "-", "-", "-", seed.get("skipped", {}).get(cat, "skipped"))
            continue
        details = [f"tp {s['tp']}/{s['gold']}" if "tp" in s else ""]
        if cat == "places":
            details.append(f"resolution {_fmt(s['resolution_counts'])}")
            if s["resolution_errors"]:
                details.append(f"wrong: {_fmt(s['resolution_errors'])}")
        if cat == "casualties":
            details.append(f"exact {s['exact']}, distractors hit {s['distractors']}")
        for key in ("missed", "false_positives", "distractor_hits"):
            if s.get(key):
                details.append(f"{key}: {_fmt(s[key])}")
        table.add_row(
            f"seed {cat}", _fmt(s["precision"]), _fmt(s["recall"]), _fmt(s["f1"]),
            "\n".join(d for d in details if d),
        )  # fmt: skip
    geo = report.get("geo", {})
    for kind in ("gwn", "lgl"):
        g = geo.get(kind) if isinstance(geo, dict) else None
        if not isinstance(g, dict) or "skipped" in g:
            reason = (g or {}).get("skipped") if isinstance(g, dict) else None
            table.add_row(f"geo {kind}", "-", "-", "-", reason or geo.get("skipped", "skipped"))
            continue
        finding = g.get("finding") if isinstance(g.get("finding"), dict) else g
        res = g.get("resolution") if isinstance(g.get("resolution"), dict) else {}
        p, r, f = (finding.get(k) for k in ("precision", "recall", "f1"))
        details = [f"articles {g.get('articles', '?')} (finding P/R/F1 on raw text)"]
        scalars = {k: v for k, v in res.items() if isinstance(v, int | float)}
        if scalars:
            details.append("resolution, gold toponyms: " + _fmt(scalars))
        if finding.get("found_with_point"):
            details.append(
                f"end to end (found toponyms, the product's own reading): within_161km "
                f"{_fmt(finding['found_within_161km'])} of {finding['found_with_point']}"
            )
        if isinstance(res.get("failure_classes"), dict):
            details.append("failures: " + _fmt(res["failure_classes"]))
        table.add_row(f"geo {kind}", _fmt(p) if p is not None else "-",
                      _fmt(r) if r is not None else "-", _fmt(f) if f is not None else "-",
                      "\n".join(details))  # fmt: skip
    return table


def run_eval(
    shared_dir: Path,
    *,
    geo_limit: int | None,
    out: Path | None,
    console: Console | None = None,
    misses_out: Path | None = None,
) -> dict[str, Any]:
    """Score the seed and (when available) the geo corpora; print one table; write JSON.

    ``misses_out``: also write every geo resolution error over 161 km, one JSON object a line."""
    console = console or Console()
    report: dict[str, Any] = {"shared_dir": str(shared_dir)}
    if (shared_dir / "eval" / "seed-gold.json").exists():
        report["seed"] = evaluate_seed(shared_dir)
    else:
        console.print(f"[yellow]seed evaluation skipped: {shared_dir}/eval/seed-gold.json missing")
        report["seed"] = {"skipped": {"all": "seed-gold.json missing"}}
    misses: list[dict[str, Any]] | None = [] if misses_out is not None else None
    report["geo"] = _geo(shared_dir, geo_limit, console, misses)
    if misses_out is not None and misses is not None:
        misses_out.write_text("".join(json.dumps(m, ensure_ascii=False) + "\n" for m in misses), encoding="utf-8")
        console.print(f"{len(misses)} resolution errors over 161 km written to {misses_out}")
    console.print(render_table(report))
    if out is not None:
        out.write_text(json.dumps(report, indent=2, default=str), encoding="utf-8")
        console.print(f"report written to {out}")
    return report


def eval_command(
    shared_dir: Annotated[
        Path, typer.Option(help="The shared folder holding eval/ (default: ../shared).")
    ] = default_shared_dir(),
    geo_limit: Annotated[
        int | None, typer.Option(help="Score only the first N articles of each geo corpus.")
    ] = None,
    out: Annotated[Path, typer.Option(help="Where to write the JSON report.")] = Path(
        "eval-report.json"
    ),
    misses: Annotated[
        Path | None,
        typer.Option(help="Debug: write each geo resolution error over 161 km here (JSON Lines)."),
    ] = None,
) -> None:
    """Evaluate extraction quality on the seed gold and the public geo corpora."""
    run_eval(shared_dir, geo_limit=geo_limit, out=out, misses_out=misses)
