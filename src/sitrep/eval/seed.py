"""Score the whole pure pipeline on the hand-annotated seed article (gold-v1).

Rules follow ``shared/eval/README.md``. Where it leaves a choice:

* several predictions matching one gold item count once; the extras are neither true
  nor false positives (alias folding and resolution are scored elsewhere: places'
  resolution accuracy, entities' duplicate count is reported);
* a prediction that matches only an ``optional`` gold item is ignored;
* casualties are scored on the casualty extractor's document-level output, the same
  (category, count) repeated counting once; a distractor is "hit" when a predicted
  figure's number span overlaps one of the distractor phrases in the article;
* events: a prediction is a true positive when its family agrees and its location's
  resolved name or surface (or a gold alias of that place) is among the gold event's
  locations -- gazetteers spell names differently ("Kryvyy Rih").
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from sitrep.schemas import (
    CasualtiesResult,
    CasualtyMention,
    EntitiesResult,
    EntityMention,
    Event,
    PlaceMention,
    PlacesResult,
)

__all__ = [
    "evaluate_seed",
    "load_gold",
    "score_casualties",
    "score_entities",
    "score_events",
    "score_places",
]

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})


def _norm(s: str) -> str:
    return " ".join(s.translate(_QUOTES).split()).casefold()


def _prf(tp: int, fp: int, n_gold: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / n_gold if n_gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def load_gold(shared_dir: Path) -> dict[str, Any]:
    """The gold annotation; ``shared_dir`` is the shared folder (holding ``eval/``)."""
    return json.loads((shared_dir / "eval" / "seed-gold.json").read_text(encoding="utf-8"))


def _forms(name: str, aliases: Iterable[str]) -> set[str]:
    return {_norm(x) for x in (name, *aliases) if x}


def _match_items(
    preds: Sequence[tuple[str, set[str]]], gold: Sequence[dict[str, Any]]
) -> dict[str, Any]:
    """Match predicted (label, forms) against gold rows by name/alias overlap."""
    gold_forms = [_forms(g["name"], g.get("aliases", [])) for g in gold]
    matched: dict[int, list[int]] = {}
    fps: list[str] = []
    ignored = 0
    for pi, (label, forms) in enumerate(preds):
        hits = [gi for gi, gf in enumerate(gold_forms) if forms & gf]
        required = [gi for gi in hits if not gold[gi].get("optional")]
        if required:
            for gi in required:
                matched.setdefault(gi, []).append(pi)
        elif hits:
            ignored += 1
        else:
            fps.append(label)
    n_gold = sum(1 for g in gold if not g.get("optional"))
    tp = len(matched)
    duplicates = sum(len(v) - 1 for v in matched.values())
    missed = [g["name"] for gi, g in enumerate(gold) if not g.get("optional") and gi not in matched]
    return {
        **_prf(tp, len(fps), n_gold),
        "tp": tp,
        "gold": n_gold,
        "false_positives": sorted(fps),
        "missed": missed,
        "duplicates": duplicates,
        "ignored_optional": ignored,
        "_matched": matched,
    }


def score_entities(pred: Sequence[EntityMention], gold: dict[str, Any]) -> dict[str, Any]:
    """P/R/F1 over canonical entities (one prediction per distinct canonical name)."""
    by_name: dict[str, set[str]] = {}
    for m in pred:
        by_name.setdefault(m.name, set()).update(_forms(m.name, [m.span.text, *m.aliases]))
    items = sorted(by_name.items())
    out = _match_items(items, gold["entities"])
    out.pop("_matched")
    return out


def _haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


def score_places(pred: Sequence[PlaceMention], gold: dict[str, Any]) -> dict[str, Any]:
    """P/R/F1 over distinct resolved places, plus resolution accuracy of the matches.

    Modifiers and metonyms count as found toponyms (the gold lists Moscow and Kyiv,
    metonyms only, as optional). A gold place's resolution is judged on the matching
    prediction of the same name, else its most-mentioned matching prediction.
    """
    groups: dict[str, list[PlaceMention]] = {}
    for m in pred:
        r = m.resolved
        key = f"{r.name}|{r.country}|{r.region}" if r is not None else f"?{_norm(m.surface)}"
        groups.setdefault(key, []).append(m)
    keys = sorted(groups)
    items = []
    for k in keys:
        ms = groups[k]
        name = ms[0].resolved.name if ms[0].resolved is not None else ms[0].surface
        items.append((name, _forms(name, [x.surface for x in ms])))
    out = _match_items(items, gold["places"])
    matched: dict[int, list[int]] = out.pop("_matched")
    checks = {"country": [0, 0], "region": [0, 0], "within_25km": [0, 0]}
    wrong: list[str] = []
    for gi, pis in sorted(matched.items()):
        g = gold["places"][gi]
        gold_name = _norm(g["name"])
        best = max(pis, key=lambda pi: (_norm(items[pi][0]) == gold_name,
                                        len(groups[keys[pi]]), -pi))  # fmt: skip
        r = groups[keys[best]][0].resolved
        ok = True
        checks["country"][1] += 1
        if r is not None and r.country == g["country"]:
            checks["country"][0] += 1
        else:
            ok = False
        if g.get("admin1"):
            checks["region"][1] += 1
            if r is not None and r.region == g["admin1"]:
                checks["region"][0] += 1
            else:
                ok = False
        if g.get("lat") is not None:
            checks["within_25km"][1] += 1
            if r is not None and r.lat is not None and r.lon is not None and (
                _haversine_km(r.lat, r.lon, g["lat"], g["lon"]) <= 25.0
            ):
                checks["within_25km"][0] += 1
            else:
                ok = False
        if not ok:
            got = f"{r.name} {r.country} {r.region} ({r.lat}, {r.lon})" if r else "unresolved"
            wrong.append(f"{g['name']} -> {got}")
    out["resolution"] = {k: round(a / b, 4) if b else 1.0 for k, (a, b) in checks.items()}
    out["resolution_counts"] = {k: f"{a}/{b}" for k, (a, b) in checks.items()}
    out["resolution_errors"] = wrong
    return out


def _distractor_ranges(text: str, phrases: Iterable[str]) -> list[tuple[str, int, int]]:
    out = []
    ntext = text.translate(_QUOTES)
    for ph in phrases:
        for m in re.finditer(re.escape(ph.translate(_QUOTES)), ntext):
            out.append((ph, m.start(), m.end()))
    return out


def score_casualties(
    pred: Sequence[CasualtyMention], gold: dict[str, Any], text: str
) -> dict[str, Any]:
    """Exact (category, count) matches; repeats count once; distractor hits listed."""
    figures: dict[tuple[str, int | None], CasualtyMention] = {}
    for m in sorted(pred, key=lambda m: (m.span.start, m.span.end)):
        figures.setdefault((m.category.value, m.best), m)
    gold_rows = {(g["category"], g["count"]) for g in gold["casualties"]}
    tp = sorted(k for k in figures if k in gold_rows)
    fp = sorted((f"{k[0]} {k[1]}" for k in figures if k not in gold_rows))
    ranges = _distractor_ranges(text, gold.get("casualty_distractors", []))
    hits = sorted(
        {ph for m in pred for ph, a, b in ranges if m.span.start < b and a < m.span.end}
    )
    return {
        **_prf(len(tp), len(fp), len(gold_rows)),
        "exact": f"{len(tp)}/{len(gold_rows)}",
        "false_positives": fp,
        "distractor_hits": hits,
        "distractors": f"{len(hits)}/{len(gold.get('casualty_distractors', []))}",
    }


def score_events(pred: Sequence[Event], gold: dict[str, Any]) -> dict[str, Any]:
    """Family + location matching; predictions matching only optional events are ignored."""
    alias_of: dict[str, set[str]] = {}
    for p in gold["places"]:
        forms = _forms(p["name"], p.get("aliases", []))
        for f in forms:
            alias_of.setdefault(f, set()).update(forms)
    gold_events = gold["events"]
    gold_locs = [
        set().union(*(alias_of.get(_norm(x), {_norm(x)}) for x in g["locations"]))
        for g in gold_events
    ]
    matched: set[int] = set()
    fps: list[str] = []
    detail: list[str] = []
    ignored = 0
    for ev in pred:
        # the resolved name or the surface the text gives ("Kryvyy Rih" / "Kryvyi Rih")
        locs = (
            {_norm(ev.location.name), _norm(ev.location.evidence.text)} if ev.location else set()
        )
        hits = [
            gi for gi, g in enumerate(gold_events)
            if g["type"] == ev.event_type.value and locs & gold_locs[gi]
        ]  # fmt: skip
        required = [gi for gi in hits if not gold_events[gi].get("optional")]
        label = f"{ev.event_type.value}@{ev.location.name if ev.location else '-'} {ev.date}"
        if required:
            matched.update(required)
            detail.append(f"{label} -> {','.join(gold_events[gi]['id'] for gi in required)}")
        elif hits:
            ignored += 1
            detail.append(f"{label} -> optional {gold_events[hits[0]]['id']}")
        else:
            fps.append(label)
    required_ids = [g["id"] for g in gold_events if not g.get("optional")]
    tp_pred = len(pred) - len(fps) - ignored
    n_gold = len(required_ids)
    p = tp_pred / (tp_pred + len(fps)) if tp_pred + len(fps) else 1.0
    r = len(matched) / n_gold if n_gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {
        "precision": round(p, 4),
        "recall": round(r, 4),
        "f1": round(f, 4),
        "tp": len(matched),
        "gold": n_gold,
        "predicted": len(pred),
        "false_positives": fps,
        "missed": [i for gi, i in enumerate(required_ids) if gi not in matched],
        "matches": detail,
    }


def _seed_text(shared_dir: Path, gold: dict[str, Any]) -> str:
    path = shared_dir / gold["document"]
    if not path.exists():  # the repository keeps its own copy of the seed
        path = Path(__file__).resolve().parents[3] / gold["document"]
    return path.read_text(encoding="utf-8")


def _import(module: str, name: str) -> Any:
    try:
        mod = __import__(f"sitrep.core.extract.{module}", fromlist=[name])
    except ImportError:
        return None
    return getattr(mod, name, None)


def evaluate_seed(shared_dir: Path, chunk_size: int = 1200) -> dict[str, Any]:
    """Chunk the seed, run the three extractors and the merger, score each stage.

    A stage whose extractor module is missing is reported under ``skipped``.
    """
    from sitrep.core.chunking import chunk_document  # noqa: PLC0415
    from sitrep.core.merge import build_events, document_view  # noqa: PLC0415

    gold = load_gold(shared_dir)
    text = _seed_text(shared_dir, gold)
    published = dt.date.fromisoformat(gold["published_at"])
    chunks = chunk_document(text, chunk_size=chunk_size, published_at=published)
    skipped: dict[str, str] = {}
    results: list[EntitiesResult | CasualtiesResult | PlacesResult] = []
    for module, func in (
        ("entities", "extract_entities"),
        ("casualties", "extract_casualties"),
        ("places", "extract_places"),
    ):
        fn = _import(module, func)
        if fn is None:
            skipped[module] = f"sitrep.core.extract.{module}.{func} is not available"
            continue
        results.extend(fn(c) for c in chunks)
    view = document_view(results)
    events = build_events(results)
    out: dict[str, Any] = {"chunks": len(chunks), "chunk_size": chunk_size, "skipped": skipped}
    if "entities" not in skipped and view is not None:
        fold = _import("entities", "merge_document_entities")
        ents = fold([r for r in results if isinstance(r, EntitiesResult)]) if fold else list(
            view.entities
        )
        out["entities"] = score_entities(ents, gold)
    if "places" not in skipped and view is not None:
        out["places"] = score_places(view.places, gold)
    if "casualties" not in skipped and view is not None:
        out["casualties"] = score_casualties(view.casualties, gold, text)
    out["events"] = score_events(events, gold)
    out["events"]["list"] = [
        {
            "event_id": e.event_id,
            "type": e.event_type.value,
            "sub_type": e.sub_event_type,
            "date": e.date.isoformat() if e.date else None,
            "date_precision": e.date_precision.value,
            "location": e.location.name if e.location else None,
            "actors": [f"{a.role}:{a.name}" for a in e.actors],
            "fatalities": e.fatalities,
            "injured": e.injured,
        }
        for e in events
    ]
    return out
