"""Geoparsing evaluation on GeoWebNews (GWN.xml) and LGL (lgl.xml), Gritta et al. 2019 metrics.

Two measures, so results compare with the literature:

1. resolution with gold toponyms given: share of errors within 161 km (100 miles),
   exact GeoNames id match where gold has one, mean/median error and the AUC of the
   log error curve (``mean(ln(1+err_km)) / ln(20039)``: 0 is perfect, 1 is antipodal;
   a missing answer counts as the maximum error);
2. toponym finding from raw text: precision/recall/F1 over spans, a prediction being
   correct when it overlaps a gold toponym. For GWN the gold set is the toponyms with
   coordinates or a GeoNames id; predictions that overlap an annotation outside that
   set (Literal_Expression, Non_Toponym...) count neither way.

Run: ``python -m sitrep.eval.geo ../shared/eval/geo/GWN.xml gwn``.
"""

from __future__ import annotations

import json
import math
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from sitrep.core.extract.places import extract_places, resolve_toponym
from sitrep.schemas import Chunk, Place

__all__ = ["GoldToponym", "evaluate_corpus", "haversine_km", "parse_corpus"]

MAX_ERROR_KM = 20039.0
_EXCLUDED_GWN = {"Literal_Expression", "Non_Lit_Expression", "Non_Toponym"}


@dataclass(frozen=True, slots=True)
class GoldToponym:
    start: int
    end: int
    phrase: str
    kind: str  # GWN type, "" for LGL
    geonames_id: int | None
    lat: float | None
    lon: float | None
    scored: bool  # counted in finding recall (GWN: has a point; LGL: always)


@dataclass(frozen=True, slots=True)
class Article:
    id: str
    text: str
    toponyms: tuple[GoldToponym, ...]


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


def _f(x: str | None) -> float | None:
    try:
        return float(x) if x not in (None, "") else None
    except ValueError:
        return None


def _i(x: str | None) -> int | None:
    try:
        return int(x) if x not in (None, "") else None
    except ValueError:
        return None


def parse_corpus(path: Path, kind: Literal["gwn", "lgl"]) -> list[Article]:
    """Articles with their gold toponyms; offsets index ``Article.text``."""
    root = ET.parse(path).getroot()
    out: list[Article] = []
    for n, art in enumerate(root.iter("article")):
        text = art.findtext("text") or ""
        tops: list[GoldToponym] = []
        for t in art.iter("toponym"):
            start, end = _i(t.findtext("start")), _i(t.findtext("end"))
            if start is None or end is None:
                continue
            if kind == "gwn":
                typ = t.findtext("type") or ""
                gid, lat, lon = _i(t.findtext("geonamesID")), _f(t.findtext("latitude")), _f(t.findtext("longitude"))
                phrase = t.findtext("extractedName") or text[start:end]
                scored = lat is not None and typ not in _EXCLUDED_GWN
            else:
                typ = ""
                gt = t.find("gaztag")
                gid = _i(gt.get("geonameid")) if gt is not None else None
                lat = _f(gt.findtext("lat")) if gt is not None else None
                lon = _f(gt.findtext("lon")) if gt is not None else None
                phrase = t.findtext("phrase") or text[start:end]
                scored = True
            tops.append(GoldToponym(start, end, phrase, typ, gid, lat, lon, scored))
        out.append(Article(art.get("docid") or art.get("file") or str(n), text, tuple(tops)))
    return out


def _miss(kind: str, article: str, t: GoldToponym, p: Place | None, err: float) -> dict[str, Any]:
    """One resolution error: the gold toponym and what the resolver read instead."""
    ours = None if p is None else {
        "name": p.name, "kind": p.kind.value, "country": p.country, "region": p.region,
        "lat": p.lat, "lon": p.lon, "precision": p.precision.value, "geonames_id": p.geonames_id,
    }
    return {"corpus": kind, "article": article, "start": t.start, "phrase": t.phrase, "type": t.kind,
            "gold": {"lat": t.lat, "lon": t.lon, "geonames_id": t.geonames_id}, "ours": ours,
            "error_km": round(err, 1)}


def _auc(errors: list[float]) -> float:
    if not errors:
        return 0.0
    top = math.log1p(MAX_ERROR_KM)
    return sum(math.log1p(min(e, MAX_ERROR_KM)) for e in errors) / (len(errors) * top)


def evaluate_corpus(
    path: Path, kind: Literal["gwn", "lgl"], limit: int | None = None, misses: list[dict[str, Any]] | None = None
) -> dict[str, Any]:
    """Resolution (gold toponyms given) and finding (raw text) figures as a JSON-able dict.

    ``misses``, when given, receives one record per resolution error over 161 km (a debug
    listing for error analysis; it changes none of the figures)."""
    arts = parse_corpus(Path(path), kind)
    if limit is not None:
        arts = arts[:limit]
    errors: list[float] = []
    id_total = id_hits = 0
    failures: Counter[str] = Counter()
    worst: list[tuple[float, str, str]] = []
    tp = fp = fn = 0
    e2e: list[float] = []
    tp_nomod = fp_nomod = 0
    for art in arts:
        for t in art.toponyms:
            if t.lat is None or t.lon is None or (kind == "gwn" and t.kind in _EXCLUDED_GWN):
                continue
            p = resolve_toponym(t.phrase, art.text)
            if p is None or p.lat is None or p.lon is None:
                err = MAX_ERROR_KM
                failures["unresolved"] += 1
            else:
                err = haversine_km(t.lat, t.lon, p.lat, p.lon)
                if err > 161:
                    failures[f"wrong {p.kind.value}"] += 1
            errors.append(err)
            if err > 161:
                worst.append((err, t.phrase, f"{p.name}/{p.country}" if p else "-"))
                if misses is not None:
                    misses.append(_miss(kind, art.id, t, p, err))
            if t.geonames_id is not None:
                id_total += 1
                id_hits += int(p is not None and p.geonames_id == t.geonames_id)
        # finding
        chunk = Chunk(document_id=f"eval-{art.id}", chunk_id=f"eval-{art.id}:0", seq=0, chunk_count=1,
                      text=art.text, start=0, end=len(art.text))
        preds = extract_places(chunk).places
        gold = [t for t in art.toponyms if t.scored]
        other = [t for t in art.toponyms if not t.scored]
        matched: set[int] = set()
        for pm in preds:
            s, e = pm.span.start, pm.span.end
            hit = [k for k, t in enumerate(gold) if s < t.end and t.start < e]
            if hit:
                tp += 1
                tp_nomod += pm.role != "modifier"
                matched.update(hit)
            elif not any(s < t.end and t.start < e for t in other):
                fp += 1
                fp_nomod += pm.role != "modifier"
        fn += len(gold) - len(matched)
        # end to end: where the product itself puts the gold toponyms it found
        for t in gold:
            if t.lat is None or t.lon is None:
                continue
            found = next((pm.resolved for pm in preds if pm.span.start < t.end and t.start < pm.span.end
                          and pm.resolved is not None and pm.resolved.lat is not None), None)
            if found is not None:
                e2e.append(haversine_km(t.lat, t.lon, found.lat, found.lon))  # type: ignore[arg-type]
    n = len(errors)
    within = sum(1 for e in errors if e <= 161)
    ordered = sorted(errors)
    prec = tp / (tp + fp) if tp + fp else 0.0
    gold_total = sum(1 for a in arts for t in a.toponyms if t.scored)
    rec = (gold_total - fn) / gold_total if gold_total else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    prec_nm = tp_nomod / (tp_nomod + fp_nomod) if tp_nomod + fp_nomod else 0.0
    return {
        "corpus": kind,
        "articles": len(arts),
        "resolution": {
            "toponyms": n,
            "within_161km": round(within / n, 4) if n else 0.0,
            "auc": round(_auc(errors), 4),
            "mean_error_km": round(sum(errors) / n, 1) if n else 0.0,
            "median_error_km": round(ordered[n // 2], 1) if n else 0.0,
            "geonames_id_match": round(id_hits / id_total, 4) if id_total else None,
            "geonames_id_total": id_total,
            "failure_classes": dict(failures.most_common(8)),
            "worst_examples": [f"{p} -> {r} ({e:.0f} km)" for e, p, r in sorted(worst, reverse=True)[:15]],
        },
        "finding": {
            "gold": gold_total,
            "predicted_tp": tp,
            "predicted_fp": fp,
            "precision": round(prec, 4),
            "recall": round(rec, 4),
            "f1": round(f1, 4),
            "precision_without_modifiers": round(prec_nm, 4),
            "found_with_point": len(e2e),
            "found_within_161km": round(sum(1 for e in e2e if e <= 161) / len(e2e), 4) if e2e else 0.0,
        },
    }


def main(argv: list[str] | None = None) -> int:
    """CLI: ``python -m sitrep.eval.geo PATH gwn|lgl [LIMIT]`` prints the JSON figures."""
    args = argv if argv is not None else sys.argv[1:]
    limit = int(args[2]) if len(args) > 2 else None
    print(json.dumps(evaluate_corpus(Path(args[0]), args[1], limit), indent=2))  # type: ignore[arg-type]
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
