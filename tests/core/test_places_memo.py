"""Places extractor, the shortcuts of resolution: per-name readings, the evidence memo,
anchors brought up to date, the support index. Each must give what the plain
computation gives."""

from __future__ import annotations

import copy
import math

from sitrep.core.extract import places as pl
from sitrep.core.gazetteer import fold, load_gazetteer

#: Forty-six US cities with their states (each a confident reading, so an anchor), then a
#: namesake near the last ones: a text past the cap of anchors pass 2 reads.
_CITIES = [
    ("Dayton", "Ohio"), ("Toledo", "Ohio"), ("Akron", "Ohio"), ("Fresno", "California"), ("Tulsa", "Oklahoma"),
    ("Wichita", "Kansas"), ("Omaha", "Nebraska"), ("Boise", "Idaho"), ("Reno", "Nevada"), ("Spokane", "Washington"),
    ("Tacoma", "Washington"), ("Eugene", "Oregon"), ("Salem", "Oregon"), ("Provo", "Utah"), ("Ogden", "Utah"),
    ("Tucson", "Arizona"), ("Mesa", "Arizona"), ("Albuquerque", "New Mexico"), ("Lubbock", "Texas"),
    ("Amarillo", "Texas"), ("Waco", "Texas"), ("Laredo", "Texas"), ("Shreveport", "Louisiana"),
    ("Jackson", "Mississippi"), ("Mobile", "Alabama"), ("Huntsville", "Alabama"), ("Knoxville", "Tennessee"),
    ("Chattanooga", "Tennessee"), ("Savannah", "Georgia"), ("Macon", "Georgia"), ("Tampa", "Florida"),
    ("Orlando", "Florida"), ("Tallahassee", "Florida"), ("Raleigh", "North Carolina"), ("Durham", "North Carolina"),
    ("Richmond", "Virginia"), ("Norfolk", "Virginia"), ("Scranton", "Pennsylvania"), ("Erie", "Pennsylvania"),
    ("Syracuse", "New York"), ("Rochester", "New York"), ("Albany", "New York"), ("Hartford", "Connecticut"),
    ("Worcester", "Massachusetts"), ("Lansing", "Michigan"), ("Flint", "Michigan"),
]
LONG = " ".join(f"Storms hit {c}, {s}." for c, s in _CITIES) + " Later Midland. Then Flint."
LOCAL = ("Police in Paris said the crash on Henry County roads near Springfield and Jackson "
         "closed the highway. Paris officials and Jackson deputies met in Springfield.")


def _cell_scan_support(ctx: pl._Context, i: int, lat: float, lon: float, reg: str, key: str) -> float:
    """Support as first defined: readings of the 1-degree cells one row and two columns
    around, cell by cell, then in the order they were spread."""
    cells: dict[tuple[int, int], list[tuple[float, float, str, float, int]]] = {}
    for blat, cx, cy, _order, blon, bkey, w, bi in sorted(ctx.grid, key=lambda p: p[3]):
        cells.setdefault((cx, cy), []).append((blat, blon, bkey, w, bi))
    near: dict[str, float] = {}
    k = math.cos(math.radians(lat))
    lim = (pl._NEAR_KM / 111.2) ** 2
    la, lo = math.floor(lat), math.floor(lon)
    for x in (la - 1, la, la + 1):
        for y in range(lo - 2, lo + 3):
            for blat, blon, bkey, w, bi in cells.get((x, y), ()):
                if bkey != key and bi != i and w > near.get(bkey, 0.0):
                    if (lat - blat) ** 2 + ((lon - blon) * k) ** 2 < lim:
                        near[bkey] = w
    src = ctx.soft_regions.get(reg, {}) if reg else {}
    in_region = sum(w for kk, w in src.items() if kk != key)
    return pl._NEAR_WEIGHT * min(sum(near.values()), pl._SUPPORT_CAP) + pl._REGION_WEIGHT * min(in_region, pl._SUPPORT_CAP)


def test_support_index_finds_what_the_cell_scan_finds() -> None:
    """Every reading's support from the latitude index equals the cell-by-cell definition, to the bit."""
    g = load_gazetteer()
    ms = pl._Finder(g).find(LOCAL)
    ctx = pl._resolve_text(g, ms, LOCAL)
    assert ctx.grid, "the text's names are spread for pass 2"
    checked = nonzero = 0
    for m in ms:
        key = fold(m.surface)
        for c in m.cands:
            i = c >> 1
            got = pl._support(ctx, i, g.lat[i], g.lon[i], g.region[i], key)
            assert got == _cell_scan_support(ctx, i, g.lat[i], g.lon[i], g.region[i], key)
            checked += 1
            nonzero += got > 0
    assert checked > 20 and nonzero > 0


def test_near_answers_follow_the_anchors_as_they_come() -> None:
    """A remembered "not near" is brought up to date by the anchors that came after it."""
    g = load_gazetteer()
    ms = pl._Finder(g).find(LOCAL)
    ctx = pl._resolve_text(g, ms, LOCAL)
    assert ctx.anchor_points and ctx.near_memo
    for (i, key), (near, _read) in ctx.near_memo.items():
        assert near == pl._near_anchor(g.lat[i], g.lon[i], key, ctx.anchor_points)


def test_pass_two_reads_the_first_anchors_only() -> None:
    """Past the cap, pass 2 reads the first anchors; an answer it was not given in pass 1 is
    read from them (a namesake near the cut-off anchors is not near)."""
    g = load_gazetteer()
    ms = pl._Finder(g).find(LONG)
    seen: list[int] = []
    spread = pl._spread_readings

    def spy(g_: object, ms_: list[pl._Mention], ctx: pl._Context) -> None:
        seen.append(len(ctx.anchor_set))
        spread(g_, ms_, ctx)  # type: ignore[arg-type]

    pl._spread_readings = spy  # type: ignore[assignment]
    try:
        ctx = pl._resolve_text(g, ms, LONG)
    finally:
        pl._spread_readings = spread
    assert seen and seen[0] > pl._MAX_ANCHORS
    assert len(ctx.anchors) == pl._MAX_ANCHORS
    kept = ctx.anchor_points
    for (i, key), (near, read) in ctx.near_memo.items():
        if read != pl._NEVER:  # asked in pass 2: answered from the kept anchors
            assert near == pl._near_anchor(g.lat[i], g.lon[i], key, kept)


def test_same_evidence_in_another_sentence_reads_as_if_resolved_afresh() -> None:
    """Mentions the memo answered from another sentence get what resolving them now gives."""
    g = load_gazetteer()
    text = ("Shelling hit Kursk region. Troops left Sudzha in Kursk region. Belgorod was quiet. "
            "Moscow said Sudzha was taken. Drones flew over Belgorod and Moscow.")
    ms = pl._Finder(g).find(text)
    ctx = pl._resolve_text(g, ms, text)
    by_name: dict[tuple[object, ...], list[pl._Mention]] = {}
    for m in ms:
        if m.cands and m.kind == "gaz":
            rd = pl._mention_readings(g, m)
            sig = (fold(m.surface), m.link_cc, m.link_region, m.admin_hint, pl._evidence(rd, m, ctx, fold(m.surface)))
            by_name.setdefault(sig, []).append(m)
    shared = [grp for grp in by_name.values() if len({m.sent for m in grp}) > 1]
    assert shared, "some name recurs in sentences that say the same about it"
    for grp in shared:
        fresh = []
        for m in grp:
            f = copy.copy(m)
            pl._resolve(g, f, ctx)
            fresh.append((f.scored, f.resolved, f.runners, f.strength))
        assert all(x == fresh[0] for x in fresh)


def test_readings_keep_the_populous_reading_first_on_a_tie() -> None:
    """Rows are ordered most populous first, so a stable sort by score keeps that tie-break."""
    g = load_gazetteer()
    cands = tuple(g.names[fold("Moscow")])
    rd = pl._readings(g, fold("Moscow"), cands)
    order = [(-g.pop[c >> 1], c) for c, *_ in rd.rows]
    assert order == sorted(order) and len(rd.rows) == len(cands)
    assert pl._readings(g, fold("Moscow"), cands) is rd  # once per name


def test_word_table_answers_like_the_lexicons() -> None:
    """A word's cached answers are the lexicon tests and gazetteer lookups they stand for."""
    g = load_gazetteer()
    words = pl._words(g)
    for text in ("Kursk", "President", "Council", "Street", "region", "Ukrainian", "North", "Vladimir", "NATO"):
        w = words.get(text)
        low = text.lower()
        assert (w.low, w.key) == (low, fold(text))
        assert w.ids == g.names.get(fold(text))
        assert (w.stop, w.title, w.org_head, w.feature, w.admin) == (
            low in pl.STOP, low in pl.TITLES, low in pl.ORG_HEADS, low in pl.FEATURE_NOUNS, low in pl.ADMIN_NOUNS)
        assert w.dem == g.demonyms.get(low)
        assert w.profile == pl._NameProfile.of(g, g.names.get(fold(text), ()))
    assert words.get("Kursk") is words.get("Kursk")
