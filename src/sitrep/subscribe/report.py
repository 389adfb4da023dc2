"""A self-contained HTML report: a map of the events and a table whose every number
links to the sentence it was read from.

One file, inline CSS and SVG, no script and no network: it opens from a mail
attachment or an air-gapped laptop. Pure: events in, HTML text out.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from html import escape

from sitrep.schemas import CasualtyCategory, CasualtyFigure, Event

from .exports import coordinates, event_row, evidence_sentence, figure

__all__ = ["FIGURE_COLUMNS", "render_report"]

#: Table column -> casualty category whose figure it shows (and links to).
FIGURE_COLUMNS: dict[str, CasualtyCategory] = {
    "fatalities": CasualtyCategory.KILLED,
    "injured": CasualtyCategory.INJURED,
    "missing": CasualtyCategory.MISSING,
    "captured": CasualtyCategory.CAPTURED,
}

_COLOURS = {
    "battles": "#c0392b",
    "explosions_remote_violence": "#d35400",
    "violence_against_civilians": "#8e44ad",
    "protests": "#2980b9",
    "riots": "#16a085",
    "strategic_developments": "#7f8c8d",
}

_CSS = """
body{font:14px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:0;color:#1d2733;background:#f6f7f9}
header{background:#1d2733;color:#fff;padding:14px 24px}header h1{margin:0;font-size:20px}
header p{margin:4px 0 0;color:#c9d1db}main{padding:12px 24px 40vh}
section{background:#fff;border:1px solid #dde2e8;border-radius:6px;margin:0 0 16px;padding:12px 16px}
h2{font-size:16px;margin:0 0 8px}
svg.map{width:100%;max-width:900px;height:auto;background:#eef3f8;border:1px solid #cfd8e3}
svg .grid{stroke:#cfd8e3;stroke-width:1}svg .gl{font-size:10px;fill:#6b7a8c}
svg .pt{stroke:#fff;stroke-width:1.5;fill-opacity:.85}svg .lbl{font-size:12px;fill:#1d2733;paint-order:stroke;stroke:#eef3f8;stroke-width:3}
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #e3e7ec;padding:5px 8px;text-align:left;vertical-align:top}
th{background:#f0f3f6;font-weight:600}td.num{text-align:right;font-variant-numeric:tabular-nums;font-weight:600}
td.num a{color:#b03a2e}tr:target{background:#fff6d6}
blockquote{margin:8px 0;padding:8px 12px;border-left:4px solid #b03a2e;background:#fafbfc}
blockquote:target{background:#fff6d6;border-left-color:#e67e22}
blockquote .where{display:block;color:#6b7a8c;font-size:12px;margin-top:4px}
mark{background:#ffe08a;padding:0 2px}.swatch{display:inline-block;width:10px;height:10px;border-radius:50%;margin-right:4px}
.legend span{margin-right:12px;white-space:nowrap}.muted{color:#6b7a8c}
"""


def _anchor(index: int, category: CasualtyCategory | None = None) -> str:
    return f"ev-{index}" if category is None else f"ev-{index}-{category.value}"


def _backing_figure(event: Event, category: CasualtyCategory, value: int) -> CasualtyFigure | None:
    """The stated figure a table number came from (the merger takes the best estimate)."""
    return next((c for c in event.casualties if c.category is category and c.best == value), None)


def _quote(text: str, base: int, mark: tuple[int, int] | None) -> str:
    """``text`` (which starts at document offset ``base``) with ``mark`` highlighted."""
    if mark is None:
        return escape(text)
    start, end = mark[0] - base, mark[1] - base
    if not (0 <= start <= end <= len(text)):
        return escape(text)
    return f"{escape(text[:start])}<mark>{escape(text[start:end])}</mark>{escape(text[end:])}"


def _nice_step(extent: float) -> float:
    raw = extent / 5
    power = 10 ** math.floor(math.log10(raw))
    return next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)


def _map_svg(events: Sequence[Event]) -> str:
    """An equirectangular plot zoomed to the events' bounding box, with a labelled
    graticule so the reader can place it without a basemap."""
    located = [(i, e, p) for i, e in enumerate(events, 1) if (p := coordinates(e)) is not None]
    width, height, margin = 900, 460, 40
    if not located:
        return (
            f'<svg class="map" viewBox="0 0 {width} 120" role="img" aria-label="no coordinates">'
            f'<text x="20" y="60" class="gl">No event has coordinates.</text></svg>'
        )
    lons = [p[0] for _, _, p in located]
    lats = [p[1] for _, _, p in located]
    pad_lon = max((max(lons) - min(lons)) * 0.15, 0.5)
    pad_lat = max((max(lats) - min(lats)) * 0.15, 0.5)
    west, east = max(min(lons) - pad_lon, -180.0), min(max(lons) + pad_lon, 180.0)
    south, north = max(min(lats) - pad_lat, -90.0), min(max(lats) + pad_lat, 90.0)
    kx = math.cos(math.radians((north + south) / 2)) or 1e-6  # keep shapes near the centre
    scale = min((width - 2 * margin) / ((east - west) * kx), (height - 2 * margin) / (north - south))

    left = margin + (width - 2 * margin - (east - west) * kx * scale) / 2  # centre the plot
    top = margin + (height - 2 * margin - (north - south) * scale) / 2
    right, bottom = width - left, height - top

    def xy(lon: float, lat: float) -> tuple[float, float]:
        return left + (lon - west) * kx * scale, top + (north - lat) * scale

    parts = [
        f'<svg class="map" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'role="img" aria-label="Map of {len(located)} located events">',
    ]
    step = _nice_step(max(east - west, north - south))
    lon = math.ceil(west / step) * step
    while lon <= east:
        x, _ = xy(lon, north)
        parts.append(f'<line class="grid" x1="{x:.1f}" y1="{top:.1f}" x2="{x:.1f}" y2="{bottom:.1f}"/>')
        parts.append(f'<text class="gl" x="{x + 2:.1f}" y="{bottom + 14:.1f}">{lon:g}°</text>')
        lon += step
    lat = math.ceil(south / step) * step
    while lat <= north:
        _, y = xy(west, lat)
        parts.append(f'<line class="grid" x1="{left:.1f}" y1="{y:.1f}" x2="{right:.1f}" y2="{y:.1f}"/>')
        parts.append(f'<text class="gl" x="{left - 30:.1f}" y="{y - 2:.1f}">{lat:g}°</text>')
        lat += step
    placed: list[tuple[float, float, float, float]] = []
    for members, (x, y) in _clusters(located, xy):
        killed = sum(figure(e, CasualtyCategory.KILLED) or 0 for _, e in members)
        radius = 5 + min(math.sqrt(killed), 20)
        colour = _COLOURS.get(members[0][1].event_type.value, "#34495e")
        names = dict.fromkeys(e.location.name for _, e in members if e.location)
        label = " ".join(f"#{i}" for i, _ in members) + " " + " / ".join(names)
        lx, ly = _place_label(x, y, radius, len(label) * 6.6, placed, width, height)
        first = members[0][0]
        parts.append(
            f'<a href="#row-{first}"><circle class="pt" data-events="{" ".join(str(i) for i, _ in members)}" '
            f'cx="{x:.1f}" cy="{y:.1f}" r="{radius:.1f}" fill="{colour}"><title>{escape(label)}</title></circle>'
            f'<text class="lbl" x="{lx:.1f}" y="{ly:.1f}">{escape(label)}</text></a>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _clusters(
    located: list[tuple[int, Event, tuple[float, float]]],
    xy: Callable[[float, float], tuple[float, float]],
) -> list[tuple[list[tuple[int, Event]], tuple[float, float]]]:
    """Events closer than a few pixels share one marker (same town, several events)."""
    out: list[tuple[list[tuple[int, Event]], tuple[float, float]]] = []
    for i, event, (lon, lat) in located:
        x, y = xy(lon, lat)
        for members, (cx, cy) in out:
            if abs(cx - x) < 6 and abs(cy - y) < 6:
                members.append((i, event))
                break
        else:
            out.append(([(i, event)], (x, y)))
    return out


def _place_label(
    x: float, y: float, r: float, w: float,
    placed: list[tuple[float, float, float, float]], width: int, height: int,
) -> tuple[float, float]:
    """Greedy label placement: the first candidate box that overlaps no earlier label."""
    h = 14.0
    candidates = [(x + r + 3, y + 4), (x - r - 3 - w, y + 4), (x - w / 2, y - r - 4),
                  (x - w / 2, y + r + 13)]  # fmt: skip
    candidates += [(x + r + 3, y + 4 + k * h * sign) for k in range(1, 6) for sign in (1, -1)]
    for lx, ly in candidates:
        box = (lx, ly - h + 3, lx + w, ly + 3)
        inside = box[0] >= 0 and box[2] <= width and box[1] >= 0 and box[3] <= height
        if inside and not any(
            box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3] for b in placed
        ):
            placed.append(box)
            return lx, ly
    placed.append((x + r + 3, y - h + 7, x + r + 3 + w, y + 7))
    return x + r + 3, y + 4


def _legend(events: Sequence[Event]) -> str:
    kinds = sorted({e.event_type.value for e in events})
    return '<p class="legend">' + "".join(
        f'<span><i class="swatch" style="background:{_COLOURS.get(k, "#34495e")}"></i>{escape(k)}</span>'
        for k in kinds
    ) + ' <span class="muted">circle size grows with fatalities</span></p>'


def _cell(value: object) -> str:
    return "" if value is None else escape(str(value))


def _rows_and_quotes(events: Sequence[Event]) -> tuple[str, str]:
    rows, quotes = [], []
    for i, event in enumerate(events, 1):
        row = event_row(event)
        sentence = evidence_sentence(event)
        base = sentence.start if sentence else 0
        where = (
            f"characters {sentence.start}–{sentence.end}" if sentence else "offsets not listed"
        )
        quotes.append(
            f'<blockquote id="{_anchor(i)}" data-start="{_cell(row["evidence_start"])}" '
            f'data-end="{_cell(row["evidence_end"])}"><b>#{i}</b> “{_quote(event.summary, base, None)}”'
            f'<span class="where">{where} of {escape(", ".join(event.document_ids))}</span></blockquote>'
        )
        cells = []
        for column, category in FIGURE_COLUMNS.items():
            value = row[column]
            if value is None:
                cells.append('<td class="num"></td>')
                continue
            backing = _backing_figure(event, category, value)
            target = _anchor(i, category) if backing else _anchor(i)
            cells.append(f'<td class="num" data-col="{column}"><a href="#{target}">{value}</a></td>')
            if backing:
                s = backing.sentence
                quotes.append(
                    f'<blockquote id="{target}" data-start="{s.start}" data-end="{s.end}">'
                    f"<b>#{i} {escape(column)} = {value}</b>: “"
                    f"{_quote(s.text, s.start, (backing.evidence.start, backing.evidence.end))}”"
                    f'<span class="where">sentence at characters {s.start}–{s.end}; figure '
                    f"“{escape(backing.evidence.text)}” at {backing.evidence.start}–"
                    f"{backing.evidence.end} ({escape(backing.qualifier.value)})</span></blockquote>"
                )
        place = ", ".join(str(v) for v in (row["location"], row["admin1"], row["country"]) if v)
        actors = "; ".join(
            f"{escape(a.name)} <span class='muted'>({escape(a.role)})</span>" for a in event.actors
        )
        rows.append(
            f'<tr id="row-{i}" data-event-id="{escape(event.event_id)}"><td>{i}</td>'
            f"<td>{_cell(row['event_date'])}</td>"
            f"<td>{escape(event.event_type.value)}<br><span class='muted'>{escape(event.sub_event_type)}</span></td>"
            f"<td>{escape(place)}</td><td>{actors}</td>{''.join(cells)}"
            f'<td><a href="#{_anchor(i)}">sentence</a></td></tr>'
        )
    return "".join(rows), "".join(quotes)


def render_report(events: Sequence[Event], *, title: str = "sitrep events") -> str:
    """The whole page for ``events`` (order kept: row ``#n`` is the n-th event)."""
    rows, quotes = _rows_and_quotes(events)
    located = sum(1 for e in events if coordinates(e) is not None)
    totals = {
        col: sum(v for e in events if (v := figure(e, cat)) is not None)
        for col, cat in FIGURE_COLUMNS.items()
    }
    summary = ", ".join(f"{n} {col}" for col, n in totals.items())
    head = "".join(f"<th>{h}</th>" for h in (
        "#", "date", "type", "location", "actors", "fatalities", "injured", "missing",
        "captured", "evidence",
    ))  # fmt: skip
    return (
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        f"<title>{escape(title)}</title><style>{_CSS}</style></head><body>"
        f"<header><h1>{escape(title)}</h1><p id=\"summary\">{len(events)} events, "
        f"{located} on the map; {escape(summary)}</p></header><main>"
        f'<section id="map"><h2>Map</h2>{_map_svg(events)}{_legend(events)}</section>'
        f'<section id="events"><h2>Events</h2><table id="events-table"><thead><tr>{head}</tr></thead>'
        f"<tbody>{rows}</tbody></table></section>"
        f'<section id="evidence"><h2>Evidence</h2><p class="muted">Each number in the table links '
        f"here: the sentence it was read from, with the figure marked and its character offsets "
        f"in the original article.</p>{quotes}</section>"
        "</main></body></html>\n"
    )
