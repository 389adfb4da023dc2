"""Places extractor core: find toponyms in a chunk and resolve them against the gazetteer.

Finding is gazetteer-driven (capitalised word runs, longest match first) with filters
for the usual false friends (person names, titles, sentence-initial common words,
junk alternate names) and patterns that reveal places the gazetteer lacks ("the
village of X", "X, Kursk region, Russia", lists after "towns including").

Resolving weighs population and kind against the context the text itself gives:
countries and regions linked to the name ("X, Ukraine", "Ukraine's Sumy region"),
regions named in the same sentence, then in the chunk. A small place whose every
reading lies outside the region the sentence names is reported as that region with
admin1 precision, never as a namesake elsewhere: a village in the wrong country is
the worst bug this product can have.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from sitrep.core.gazetteer import Gazetteer, fold, load_gazetteer, resource_version
from sitrep.schemas import Chunk, ExtractorInfo, GeoPrecision, Place, PlaceKind, PlaceMention, PlacesResult

from ._common import chunk_ref, split_sentences

__all__ = ["EXTRACTOR", "extract_places", "refine_with_document", "resolve_toponym"]

VERSION = "0.1.0"

# --- lexical resources (linguistic, not geographic) ----------------------------------

#: Capitalised words that are place names somewhere but almost never in news text.
STOP = frozenset(
    """a an the in on at of to for from by with and or but if as so no not nor yet this that these those
    he she it we they i you his her its our their my your who what when where why how which there here
    mr mrs ms dr sir president prime minister general governor mayor king queen prince princess pope
    commander spokesman spokeswoman spokesperson chief officer secretary senator sen rep lt col
    monday tuesday wednesday thursday friday saturday sunday january february march april may june
    july august september october november december today yesterday tomorrow now then last next
    first second third one two three four five six seven eight nine ten many some all most
    new old north south east west northern southern eastern western central upper lower greater
    army navy police government state ministry council court parliament congress senate university
    school college hospital church airport station street road avenue bridge river lake mount park
    centre center city town village district region province county republic federation union
    kingdom empire forces force armed troops military war peace news agency media press times post
    national international federal democratic people popular liberty hope victory independence
    mobile reading bath obama trump putin zelensky biden god jesus christ lord christian muslim
    jewish catholic islamic islam allah man woman men women child children family home house
    day week month year time morning evening night media company group party team club bank
    however meanwhile although despite during after before since until while because though
    instagram facebook twitter telegram youtube google apple amazon reuters ria tass interfax afp ap
    bbc cnn nato un""".split()
)
#: Words before a capitalised name that make it a person ("President Biden").
TITLES = frozenset(
    """president mr mrs ms dr sir governor mayor minister general gen commander spokesman spokeswoman
    chancellor king queen prince princess pope senator sen rep lt col capt sgt colonel captain
    lieutenant sergeant premier secretary chairman ambassador judge justice officer director
    chief leader blogger professor prof saint st archbishop bishop father sheikh""".split()
)
SETTLEMENT_NOUNS = frozenset(
    "village villages town towns city cities settlement settlements hamlet hamlets suburb suburbs "
    "district districts municipality community communities locality localities outskirts".split()
)
ADMIN_NOUNS = frozenset("region regions oblast oblasts province provinces krai kray governorate "
                        "governorates prefecture state".split())
SPEECH = frozenset(
    """said says say claimed claims claim insisted insists denied denies announced announces accused
    accuses warned warns told tells wants want sees saw believes believe demanded demands responded
    responds rejected rejects confirmed confirms stated states has had have is was will would could
    should must may might does did sent sends launched launches""".split()
)

_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[^\W\d_][\w]*(?:['\u2019\u2018][^\W\d_]+)?")
_POSS = re.compile(r"['’]s?$")
_WORD_AFTER = re.compile(r"\s*([\w-]+)")
_WORD_BEFORE = re.compile(r"([\w.]+)[\s,]*$")
_CONNECT = frozenset({"of", "de", "la", "le", "del", "du", "da", "do", "al", "el", "upon", "on", "sur", "am", "an", "der", "di", "y"})
_MAX_NGRAM = 5


def _info() -> ExtractorInfo:
    g = load_gazetteer()
    return ExtractorInfo(
        name="places",
        version=VERSION,
        resources={"gazetteer": resource_version(), "gazetteer_entries": str(len(g))},
    )


class _LazyInfo:
    """``EXTRACTOR`` without loading the gazetteer at import time."""

    _value: ExtractorInfo | None = None

    def get(self) -> ExtractorInfo:
        if self._value is None:
            self._value = _info()
        return self._value


_INFO = _LazyInfo()


def __getattr__(name: str) -> ExtractorInfo:
    if name == "EXTRACTOR":
        return _INFO.get()
    raise AttributeError(name)


# --- finding -------------------------------------------------------------------------


@dataclass(slots=True)
class _Mention:
    start: int
    end: int
    surface: str
    cands: list[int]  # encoded id*2+alt
    sent: int
    kind: str = "gaz"  # gaz | demonym | inferred | district
    role: str = "location"
    link_cc: str | None = None  # country linked by pattern ("X, Ukraine", "Ukraine's X")
    link_region: str | None = None  # region linked by pattern ("X, Kursk region")
    admin_hint: bool = False  # followed by "region"/"oblast": the admin1 reading
    strength: int = 0  # 3 pattern-linked, 2 region named in the sentence, 1 weaker context
    resolved: Place | None = None
    runners: list[Place] = field(default_factory=list)


@dataclass(slots=True)
class _Tok:
    start: int
    end: int
    text: str
    cap: bool
    poss: bool


def _tokens(text: str) -> list[_Tok]:
    out: list[_Tok] = []
    for m in _TOKEN.finditer(text):
        s = m.group(0)
        poss = False
        if len(s) > 2 and s[-2] in "'’‘" and s[-1] in "sS":
            s = s[:-2]
            poss = True
        elif s[-1] in "'’‘":
            s = s[:-1]
            poss = True
        out.append(_Tok(m.start(), m.start() + len(s), s, s[0].isupper(), poss))
    return out


def _sentence_ranges(text: str) -> list[tuple[int, int]]:
    return split_sentences(text) or [(0, len(text))]


class _Finder:
    """Scan one text and produce raw mentions with the patterns that link them."""

    def __init__(self, g: Gazetteer) -> None:
        self.g = g

    def find(self, text: str) -> list[_Mention]:
        g = self.g
        toks = _tokens(text)
        sents = _sentence_ranges(text)
        sent_of: list[int] = []
        si = 0
        sent_starts: set[int] = set()
        for t in toks:
            while si + 1 < len(sents) and t.start >= sents[si][1]:
                si += 1
            sent_of.append(si)
        prev_sent = -1
        for k, t in enumerate(toks):
            if sent_of[k] != prev_sent:
                sent_starts.add(k)
                prev_sent = sent_of[k]
        out: list[_Mention] = []
        n = len(toks)
        k = 0
        used = [False] * n
        while k < n:
            t = toks[k]
            if not t.cap:
                k += 1
                continue
            best: tuple[int, list[int]] | None = None
            # longest n-gram of capitalised tokens (connectors allowed inside, same sentence)
            j = k
            last_cap = k
            while j < n and j - k < _MAX_NGRAM and sent_of[j] == sent_of[k]:
                tj = toks[j]
                if j > k:
                    gap = text[toks[j - 1].end : tj.start]
                    if gap not in (" ", "-", "- ", " -") or toks[j - 1].poss:
                        break
                    if not tj.cap and tj.text.lower() not in _CONNECT:
                        break
                if tj.cap:
                    last_cap = j
                    key = fold(text[t.start : tj.end])
                    ids = g.names.get(key)
                    if ids:
                        best = (j, ids)
                j += 1
                if toks[j - 1].poss:
                    break
            if best is None:
                k += 1
                continue
            j_end, ids = best
            del last_cap
            m = _Mention(t.start, toks[j_end].end, text[t.start : toks[j_end].end], list(ids), sent_of[k])
            m.kind = "gaz"
            if self._keep(text, toks, k, j_end, m, sent_starts):
                out.append(m)
                for x in range(k, j_end + 1):
                    used[x] = True
            k = j_end + 1
        self._demonyms(toks, out, used, sent_of)
        self._inferred(text, toks, out, used, sent_of)
        self._repeat(toks, out, used, sent_of)
        self._links(text, out)
        out.sort(key=lambda m: m.start)
        return out

    # -- filters ------------------------------------------------------------------------
    def _keep(self, text: str, toks: list[_Tok], k: int, j: int, m: _Mention, sent_starts: set[int]) -> bool:
        g = self.g
        single = j == k
        key = fold(m.surface)
        big = False  # a reading that is a country/admin1/continent or a large city
        strong_primary = False
        for c in m.cands:
            i = c >> 1
            kind = g.kind[i]
            alt = c & 1
            if kind in ("country", "continent"):
                if alt and not (m.surface.isupper() or "." in m.surface or not single):
                    if not (m.surface[0].isupper() and len(m.surface) > 4):
                        continue
                big = True
                strong_primary = True
            elif kind == "admin1":
                if not alt:
                    big = True
                    strong_primary = True
            elif not alt:
                strong_primary = True
                if g.pop[i] >= 100_000:
                    big = True
            elif g.pop[i] >= 100_000 and not single:
                big = True
        if not strong_primary:
            # alternate names only: accept multi-word or sizeable, never short single words
            ok = any(
                (not single and g.pop[c >> 1] >= 1000) or (len(key) > 4 and g.pop[c >> 1] >= 20_000)
                for c in m.cands
            )
            if not ok:
                return False
        if single and key in STOP:
            return False
        if not any(g.kind[c >> 1] in ("country", "continent") for c in m.cands):
            before = text[m.start - 1 : m.start] if m.start else ""
            after = text[m.end : m.end + 1]
            if before in "‘“\"'" and before and after in "’”\"'" and after:
                return False  # 'Grad', "Iskander": quoted names are weapons or operations
        if m.surface.isupper() and len(m.surface) > 1 and not any(
            g.kind[c >> 1] in ("country", "continent") for c in m.cands
        ):
            return False  # "NATO", "RIA": acronyms are organisations unless they name a country
        prev_tok = toks[k - 1] if k > 0 else None
        next_tok = toks[j + 1] if j + 1 < len(toks) else None
        gap_next = text[toks[j].end : next_tok.start] if next_tok else ""
        gap_prev = text[prev_tok.end : toks[k].start] if prev_tok else ""
        is_state = any(g.kind[c >> 1] in ("country", "continent") for c in m.cands)
        if prev_tok and prev_tok.cap and prev_tok.text.lower() in TITLES and gap_prev == " ":
            return False  # "President Jordan", "Mayor Kingston"
        if not is_state:
            # part of a longer capitalised name: "Vladimir Putin", "Donald Trump"
            if next_tok and next_tok.cap and gap_next == " " and not toks[j].poss and next_tok.text.lower() not in ADMIN_NOUNS:
                if fold(next_tok.text) not in g.names or next_tok.text.lower() in STOP:
                    return False
            if prev_tok and prev_tok.cap and gap_prev == " " and not prev_tok.poss and k not in sent_starts:
                pl = prev_tok.text.lower()
                if pl in TITLES or (fold(prev_tok.text) not in g.names and pl not in STOP):
                    return False
            if prev_tok and prev_tok.text.lower() in TITLES and gap_prev.strip() == "":
                return False
            if k in sent_starts and single and not big:
                # sentence-initial common words: need a place-like continuation
                if not (gap_next.startswith(",") or (next_tok and next_tok.text.lower() in ADMIN_NOUNS)):
                    return False
        return True

    # -- demonyms -----------------------------------------------------------------------
    def _demonyms(self, toks: list[_Tok], out: list[_Mention], used: list[bool], sent_of: list[int]) -> None:
        dem = self.g.demonyms
        for k, t in enumerate(toks):
            if used[k] or not t.cap:
                continue
            code = dem.get(t.text.lower())
            if code is None:
                continue
            if code.startswith("@"):
                i = self.g.continent_idx.get(code[1:])
            else:
                i = self.g.country_idx.get(code)
            if i is None:
                continue
            m = _Mention(t.start, t.end, t.text, [i * 2], sent_of[k], kind="demonym", role="modifier")
            out.append(m)
            used[k] = True

    # -- places the gazetteer lacks -----------------------------------------------------
    def _inferred(self, text: str, toks: list[_Tok], out: list[_Mention], used: list[bool], sent_of: list[int]) -> None:
        by_start = {m.start: m for m in out}
        n = len(toks)

        def unknown_run(k: int) -> int | None:
            """End index of a capitalised single/multi-token run at k that is no known word."""
            if k >= n or used[k] or not toks[k].cap or toks[k].text.lower() in STOP:
                return None
            if toks[k].text.isupper() and len(toks[k].text) > 1:
                return None
            j = k
            while (j + 1 < n and toks[j + 1].cap and not used[j + 1] and text[toks[j].end : toks[j + 1].start] in (" ", "-")
                   and not toks[j].poss and toks[j + 1].text.lower() not in STOP and j - k < 2):
                j += 1
            return j

        def add(k: int, j: int, kind: str = "inferred") -> _Mention:
            m = _Mention(toks[k].start, toks[j].end, text[toks[k].start : toks[j].end], [], sent_of[k], kind=kind)
            key = fold(m.surface)
            m.cands = list(self.g.names.get(key, []))
            out.append(m)
            by_start[m.start] = m
            for x in range(k, j + 1):
                used[x] = True
            return m

        for k, t in enumerate(toks):
            low = t.text.lower()
            # "X District" (a city district): the name before a district noun
            if low in ("district", "raion", "rayon", "borough", "neighbourhood", "neighborhood") and t.cap and k > 0:
                s = k - 1
                if not used[s] and toks[s].cap and toks[s].text.lower() not in STOP and text[toks[s].end : t.start] == " ":
                    add(s, k, kind="district")
                continue
            # "the village of X", "settlements of X and Y", "towns including X, Y and Z"
            if low in SETTLEMENT_NOUNS and not t.cap:
                k2 = k + 1
                while k2 < n and toks[k2].text.lower() in ("of", "including", "such", "as", "like", "near", "called", "named", "in") and k2 - k <= 2:
                    k2 += 1
                self._list_from(k2, toks, text, unknown_run, add, by_start, used)
        # "X, Kursk region" / "X, Ukraine" addresses: an unknown run right before a known region/country
        end_index = {t.end: k for k, t in enumerate(toks)}
        for m in list(out):
            if m.kind == "demonym":
                continue
            head = text[max(0, m.start - 40) : m.start]
            if not head.endswith(", "):
                continue
            # find the token that ends right before ", "
            k = end_index.get(m.start - 2)
            if k is None:
                continue
            s = k
            while s > 0 and toks[s - 1].cap and text[toks[s - 1].end : toks[s].start] in (" ", "-") and not used[s - 1] and k - s < 2:
                s -= 1
            if used[s] or not toks[s].cap or toks[s].text.lower() in STOP:
                continue
            kinds = {self.g.kind[c >> 1] for c in m.cands}
            if not (kinds & {"admin1", "country"}) or m.end < len(text) and text[m.end : m.end + 1] in "'’":
                continue
            if s > 0 and toks[s - 1].text.lower() in TITLES:
                continue
            if s > 0 and toks[s - 1].cap and text[toks[s - 1].end : toks[s].start] == " ":
                continue
            add(s, k)

    def _repeat(self, toks: list[_Tok], out: list[_Mention], used: list[bool], sent_of: list[int]) -> None:
        """A name shown to be a place once ("the village of X") is a place at every mention."""
        names = {m.surface: m for m in out if m.kind == "inferred" and " " not in m.surface}
        if not names:
            return
        for k, t in enumerate(toks):
            if used[k] or not t.cap:
                continue
            src = names.get(t.text)
            if src is not None:
                out.append(_Mention(t.start, t.end, t.text, list(src.cands), sent_of[k], kind="inferred"))
                used[k] = True

    def _list_from(self, k: int, toks: list[_Tok], text: str, unknown_run, add, by_start, used) -> None:  # type: ignore[no-untyped-def]
        n = len(toks)
        while k < n:
            t = toks[k]
            if used[k]:
                m = by_start.get(t.start)
                j = k
                while j + 1 < n and used[j + 1] and toks[j + 1].start < (m.end if m else t.end):
                    j += 1
            else:
                jr = unknown_run(k)
                if jr is None:
                    return
                add(k, jr)
                j = jr
            nxt = j + 1
            if nxt >= n:
                return
            gap = text[toks[j].end : toks[nxt].start]
            if gap.strip() == "," and toks[nxt].cap:
                k = nxt
            elif gap.strip() in ("", ",") and toks[nxt].text in ("and", "or") and nxt + 1 < n:
                k = nxt + 1
            else:
                return

    # -- pattern links ------------------------------------------------------------------
    def _links(self, text: str, out: list[_Mention]) -> None:
        g = self.g
        out.sort(key=lambda m: m.start)
        for a, m in enumerate(out):
            after = _WORD_AFTER.match(text, m.end)
            w = after.group(1).lower() if after else ""
            if w in ADMIN_NOUNS or w == "regional":
                m.admin_hint = True
                _add_admin_readings(g, m)
            if a + 1 < len(out):
                nx = out[a + 1]
                gap = text[m.end : nx.start]
                if gap.strip() == "," or gap == " ":
                    # "X, Ukraine" / "X, Kursk region" / "X, Kursk region, Russia"
                    self._link_from(m, nx, out, a + 1, text)
            # "Ukraine's Sumy region", "Ukraine's northeastern Sumy region"
            if a > 0:
                pv = out[a - 1]
                gap = text[pv.end : m.start]
                if re.fullmatch(r"['’‘]s?\s+(?:[a-z-]+\s+){0,2}", gap):
                    cc = _country_of(g, pv)
                    if cc and m.link_cc is None:
                        m.link_cc = cc
            if m.admin_hint and w in ("regions", "oblasts", "provinces") and a > 0:
                # "Sumy and Kharkiv regions": the name before "and" is a region too
                pv = out[a - 1]
                if re.fullmatch(r"\s+and\s+|,\s*", text[pv.end : m.start]):
                    pv.admin_hint = True
                    _add_admin_readings(g, pv)

    def _link_from(self, m: _Mention, nx: _Mention, out: list[_Mention], b: int, text: str) -> None:
        g = self.g
        if nx.kind == "demonym":
            return
        if text[nx.end : nx.end + 1] in "'’":
            return  # "Zelensky, Ukraine's president" is no address
        cc = _country_of(g, nx)
        if cc:
            m.link_cc = m.link_cc or cc
            return
        region = _region_of(g, nx, text)
        if region:
            m.link_region = region
            m.link_cc = region.split("-")[0]
            return
        # "X, Kharkiv, Ukraine": a city between the name and the country
        if b + 1 < len(out):
            nn = out[b + 1]
            if text[nx.end : nn.start].strip() == ",":
                cc2 = _country_of(g, nn)
                if cc2:
                    m.link_cc = cc2
                    nx.link_cc = nx.link_cc or cc2
                    for c in nx.cands:
                        i = c >> 1
                        if g.cc[i] == cc2 and g.kind[i] == "city" and g.pop[i] >= 20_000:
                            m.link_region = g.region[i] or None
                            break


def _add_admin_readings(g: Gazetteer, m: _Mention) -> None:
    """Before "region"/"oblast", also offer the admin1 entries named "<surface> region"."""
    key = fold(m.surface)
    for suffix in (" region", " oblast", " province"):
        for c in g.names.get(key + suffix, ()):
            if g.kind[c >> 1] == "admin1" and (c & ~1) not in m.cands and c not in m.cands:
                m.cands.append(c & ~1)


def _country_of(g: Gazetteer, m: _Mention) -> str | None:
    """The country a mention names outright (a country name or alias), else None."""
    for c in m.cands:
        i = c >> 1
        if g.kind[i] == "country":
            return g.cc[i]
    return None


def _region_of(g: Gazetteer, m: _Mention, text: str) -> str | None:
    """The ISO region a mention names as a region ("Kursk region", "Belgorod Oblast")."""
    if not m.admin_hint:
        regs = {g.region[c >> 1] for c in m.cands if g.kind[c >> 1] == "admin1"}
        if any(g.kind[c >> 1] == "city" and not c & 1 and g.region[c >> 1] in regs and g.pop[c >> 1] >= 100_000
               for c in m.cands):
            return None  # "Moscow", "Berlin": a city-region's bare name names the city
    for c in m.cands:
        i = c >> 1
        if g.kind[i] == "admin1" and (not (c & 1) or m.admin_hint):
            return g.region[i]
    return None


# --- resolving -----------------------------------------------------------------------


@dataclass(slots=True)
class _Context:
    """Countries and regions a text names outright, by sentence and for the whole text."""

    sent_regions: dict[int, list[str]]
    sent_countries: dict[int, Counter[str]]
    regions: Counter[str]
    countries: Counter[str]
    sent_weak: dict[int, list[str]] = field(default_factory=dict)  # bare names that are also regions


def _context(g: Gazetteer, ms: list[_Mention], text: str) -> _Context:
    sr: dict[int, list[str]] = defaultdict(list)
    weak: dict[int, list[str]] = defaultdict(list)
    sc: dict[int, Counter[str]] = defaultdict(Counter)
    regions: Counter[str] = Counter()
    countries: Counter[str] = Counter()
    for m in ms:
        if m.kind == "demonym":
            i = m.cands[0] >> 1
            if g.kind[i] == "country":
                sc[m.sent][g.cc[i]] += 1
                countries[g.cc[i]] += 1
            continue
        cc = _country_of(g, m)
        if cc:
            sc[m.sent][cc] += 2
            countries[cc] += 2
            continue
        reg = _region_of(g, m, text)
        if reg:
            sr[m.sent].append(reg)
            regions[reg] += 2
            countries[reg.split("-")[0]] += 1
            sc[m.sent][reg.split("-")[0]] += 1
        elif m.cands:
            # a bare name that is also a region's name ("Belgorod"): weak region evidence
            for c in m.cands:
                i = c >> 1
                if g.kind[i] == "admin1":
                    regions[g.region[i]] += 1
                    weak[m.sent].append(g.region[i])
                    break
    return _Context(sr, sc, regions, countries, weak)


def _prior(g: Gazetteer, c: int) -> float:
    i = c >> 1
    kind = g.kind[i]
    if kind == "country":
        return 6.0
    if kind == "continent":
        return 5.0
    pop = g.pop[i]
    base = math.log10(pop + 10) * 0.6  # 0.6 .. ~4.4
    if kind == "admin1":
        base = 3.0 + (0.0 if not (c & 1) else -1.6)
    elif i in g.capital_ids:
        base += 1.5
    if c & 1 and kind != "admin1":
        base -= 1.0
    return base


def _squash(x: float) -> float:
    return round(1.0 / (1.0 + math.exp(-(x - 4.0) / 1.5)), 3)


def _fallback_region(g: Gazetteer, m: _Mention, ctx: _Context) -> str | None:
    """The region the sentence (else the text) names, for a place the gazetteer cannot place."""
    if m.link_region:
        return m.link_region
    regs = ctx.sent_regions.get(m.sent)
    if regs:
        if m.link_cc:
            same = [r for r in regs if r.startswith(m.link_cc + "-")]
            if same:
                return Counter(same).most_common(1)[0][0]
            return None
        return Counter(regs).most_common(1)[0][0]
    if ctx.regions:
        top = sorted(ctx.regions.items(), key=lambda kv: (-kv[1], kv[0]))
        for r, _n in top:
            if m.link_cc is None or r.startswith(m.link_cc + "-"):
                return r
    return None


def _resolve(g: Gazetteer, m: _Mention, ctx: _Context) -> None:
    sent_regions = ctx.sent_regions.get(m.sent, [])
    sent_countries = ctx.sent_countries.get(m.sent, Counter())
    scored: list[tuple[float, int]] = []
    for c in m.cands:
        i = c >> 1
        kind = g.kind[i]
        s = _prior(g, c)
        cc = g.cc[i]
        reg = g.region[i]
        if m.admin_hint:
            s += 4.0 if kind == "admin1" else -2.0
        elif kind == "admin1" and c & 1:
            pass
        if m.link_region and reg == m.link_region:
            s += 6.0
        elif m.link_cc:
            s += 5.0 if cc == m.link_cc else -4.0
        if kind in ("city", "admin1"):
            if reg and reg in sent_regions:
                s += 3.0
            elif reg and reg in ctx.sent_weak.get(m.sent, ()):
                s += 2.0
            elif reg and ctx.regions.get(reg):
                s += 1.5
            if cc and sent_countries.get(cc):
                s += 1.5
            elif cc and ctx.countries.get(cc):
                s += 0.8
        scored.append((s, c))
    scored.sort(key=lambda t: (-t[0], t[1]))
    if m.kind == "demonym":
        i = m.cands[0] >> 1
        m.resolved = g.place(i, _squash(8.0))
        return
    # a place the gazetteer lacks, or a small place none of whose readings lies in the
    # region the text names: report the region, never a namesake elsewhere
    if scored:
        best_s, best = scored[0]
        bi = best >> 1
        bkind = g.kind[bi]
        small = bkind == "city" and g.pop[bi] < 200_000 and bi not in g.capital_ids
        regs_here = sent_regions or ([m.link_region] if m.link_region else [])
        if m.kind == "district":
            small = False
        if small and regs_here and g.region[bi] not in regs_here and not (m.link_cc and m.link_cc == g.cc[bi] and not m.link_region):
            reg = _fallback_region(g, m, ctx)
            if reg and reg != g.region[bi]:
                p = g.region_place(reg, _squash(best_s))
                if p is not None:
                    m.strength = 3 if m.link_region else 2
                    m.resolved = p
                    m.runners = _runners(g, scored, p)
                    return
        if m.kind == "district" and bkind != "city":
            scored = []
        else:
            m.resolved = g.place(bi, _squash(best_s))
            m.runners = _runners(g, scored[1:], m.resolved)
            if (m.link_cc and g.cc[bi] == m.link_cc) or (m.link_region and g.region[bi] == m.link_region):
                m.strength = 3
            elif g.region[bi] and g.region[bi] in sent_regions:
                m.strength = 2
            else:
                m.strength = 1
            if m.kind == "gaz" and bi in g.capital_ids and m.role == "location":
                m.role = "location"
            return
    # nothing in the gazetteer: the region (or country) the text supports
    reg = _fallback_region(g, m, ctx)
    if m.kind == "district" and reg is None and m.link_region:
        reg = m.link_region
    if reg:
        p = g.region_place(reg, _squash(3.5))
        if p is not None:
            if m.kind == "district":
                p = Place.model_construct(**{**p.__dict__, "name": m.surface, "kind": PlaceKind.DISTRICT,
                                             "precision": GeoPrecision.ADMIN1, "geonames_id": None,
                                             "population": None})
            m.resolved = p
            return
    if m.link_cc:
        m.resolved = g.country_place(m.link_cc, _squash(3.0))


def _runners(g: Gazetteer, scored: list[tuple[float, int]], best: Place) -> list[Place]:
    """Up to 3 runner-up readings, one per (country, region), other countries first."""
    out: list[Place] = []
    seen = {(best.country, best.region, best.name)}
    for s, c in scored:
        i = c >> 1
        key = (g.cc[i] or None, g.region[i] or None, g.name[i])
        if key in seen:
            continue
        seen.add(key)
        out.append(g.place(i, _squash(s)))
        if len(out) == 3:
            break
    return out


_METONYM_NEXT = re.compile(r"['’]s?\b|\s+(\w+)")


def _roles(g: Gazetteer, m: _Mention, text: str) -> None:
    if m.kind == "demonym" or m.resolved is None:
        return
    p = m.resolved
    if p.kind not in (PlaceKind.CITY, PlaceKind.TOWN) or p.geonames_id is None:
        return
    is_capital = p.geonames_id in g.capital_gids
    if not is_capital:
        return
    tail = text[m.end : m.end + 30]
    if tail[:1] in ("'", "’"):
        m.role = "metonym"
        return
    mt = re.match(r"\s+(\w+)", tail)
    if mt and mt.group(1).lower() in SPEECH:
        m.role = "metonym"


def _one_sense(ms: list[_Mention]) -> None:
    """Same name, same place within one text: copy the best-supported reading."""
    groups: dict[str, list[_Mention]] = defaultdict(list)
    for m in ms:
        if m.kind != "demonym" and m.resolved is not None:
            groups[fold(m.surface)].append(m)
    for grp in groups.values():
        if len(grp) < 2:
            continue
        best = max(grp, key=lambda m: (m.strength, m.resolved.score if m.resolved else 0, -m.start))
        for m in grp:
            if m is best or m.resolved is None or m.admin_hint != best.admin_hint:
                continue
            if m.strength >= best.strength:
                continue
            if (m.resolved.country, m.resolved.region) != (best.resolved.country, best.resolved.region) and (
                m.link_cc is None and m.link_region is None
            ):
                m.resolved = best.resolved
                m.runners = best.runners


def _bare_region(g: Gazetteer, ms: list[_Mention], ctx: _Context) -> None:
    """A bare "Kursk" in a text that also says "Kursk region" means the region."""
    explicit = {m.resolved.region for m in ms if m.admin_hint and m.resolved is not None and m.resolved.kind == PlaceKind.ADMIN1}
    if not explicit:
        return
    for m in ms:
        if m.admin_hint or m.link_cc or m.resolved is None or m.kind != "gaz":
            continue
        if m.resolved.kind == PlaceKind.ADMIN1:
            continue
        for c in m.cands:
            i = c >> 1
            if g.kind[i] == "admin1" and g.region[i] in explicit and m.resolved.region == g.region[i]:
                old = m.resolved
                m.resolved = g.place(i, old.score)
                m.runners = [old, *[r for r in m.runners if r != old]][:3]
                break


def _cooccurrence(g: Gazetteer, ms: list[_Mention], ctx: _Context) -> None:
    """A place the gazetteer lacks, with no region named in its sentence, takes the region
    of the places resolved beside it ("from Popovka ... down to the village of Prilesye")."""
    by_sent: dict[int, list[_Mention]] = defaultdict(list)
    for m in ms:
        by_sent[m.sent].append(m)
    for m in ms:
        if m.cands or m.kind not in ("inferred",) or m.link_region or ctx.sent_regions.get(m.sent):
            continue
        near: Counter[str] = Counter()
        for o in by_sent[m.sent]:
            r = o.resolved
            if o is m or r is None or not r.region or o.kind == "demonym":
                continue
            if r.kind == PlaceKind.ADMIN1 and fold(r.name).startswith(fold(o.surface)):
                continue  # a bare region name ("Belgorod-Kursk border") says nothing about neighbours
            near[r.region] += 1
        if near:
            reg = sorted(near.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
            if m.link_cc and not reg.startswith(m.link_cc + "-"):
                continue
            p = g.region_place(reg, m.resolved.score if m.resolved else _squash(3.5))
            if p is not None:
                m.resolved = p


def _analyse(g: Gazetteer, text: str) -> list[_Mention]:
    ms = _Finder(g).find(text)
    ctx = _context(g, ms, text)
    for m in ms:
        _resolve(g, m, ctx)
        _roles(g, m, text)
    _bare_region(g, ms, ctx)
    _one_sense(ms)
    _cooccurrence(g, ms, ctx)
    return [m for m in ms if m.resolved is not None or m.kind != "inferred"]


def _to_mentions(chunk: Chunk, ms: list[_Mention]) -> list[PlaceMention]:
    out: list[PlaceMention] = []
    for m in ms:
        span = chunk.span(m.start, m.end)
        out.append(PlaceMention.model_construct(surface=m.surface, span=span, resolved=m.resolved,
                                                candidates=m.runners, role=m.role))
    return out


def extract_places(chunk: Chunk) -> PlacesResult:
    """Toponyms of one chunk with their best reading and up to 3 runner-ups. Pure and deterministic."""
    g = load_gazetteer()
    ms = _analyse(g, chunk.text)
    return PlacesResult(chunk=chunk_ref(chunk), extractor=_INFO.get(), places=_to_mentions(chunk, ms))


def resolve_toponym(name: str, context: str | Sequence[str] = "") -> Place | None:
    """Resolve a given toponym (gold span) using ``context`` text (e.g. the whole article).

    Used by the geo evaluation, where the toponym is known and only resolution is measured.
    """
    g = load_gazetteer()
    text = context if isinstance(context, str) else " ".join(context)
    key = fold(name)
    cands = list(g.names.get(key, []))
    dem = g.demonyms.get(name.lower())
    if dem and not any(g.kind[c >> 1] in ("country", "continent") for c in cands):
        if dem:
            i = g.continent_idx.get(dem[1:]) if dem.startswith("@") else g.country_idx.get(dem)
            return g.place(i) if i is not None else None
    if text and key:
        hit = _analysed(g, text).get(key)
        if hit is not None:
            return hit
    ctx_ms = _ctx_cache(g, text)
    ctx = ctx_ms[1]
    m = _Mention(0, len(name), name, cands, sent=-1)
    _resolve(g, m, ctx)
    return m.resolved


_CTX_CACHE: dict[int, tuple[str, _Context]] = {}
_ANALYSED: dict[str, dict[str, Place]] = {}


def _analysed(g: Gazetteer, text: str) -> dict[str, Place]:
    """Folded surface -> reading of its first mention, for a whole context text (memoised)."""
    hit = _ANALYSED.get(text)
    if hit is None:
        hit = {}
        for m in _analyse(g, text):
            if m.resolved is not None and (m.link_cc or m.link_region):
                hit.setdefault(fold(m.surface), m.resolved)  # only pattern-linked readings
        if len(_ANALYSED) > 16:
            _ANALYSED.clear()
        _ANALYSED[text] = hit
    return hit


def _ctx_cache(g: Gazetteer, text: str) -> tuple[str, _Context]:
    h = hash(text)
    hit = _CTX_CACHE.get(h)
    if hit is not None and hit[0] == text:
        return hit
    ms = _Finder(g).find(text) if text else []
    ctx = _context(g, ms, text)
    # resolved cities add their countries/regions (weakly) so co-occurring places help
    for m in ms:
        if m.kind == "gaz" and m.cands and not _country_of(g, m):
            _resolve(g, m, ctx)
            if m.resolved is not None and m.resolved.region and (m.resolved.score or 0) > 0.6:
                ctx.regions[m.resolved.region] += 1
                ctx.countries[m.resolved.country or ""] += 1
    if len(_CTX_CACHE) > 64:
        _CTX_CACHE.clear()
    _CTX_CACHE[h] = (text, ctx)
    return text, ctx


# --- document level ------------------------------------------------------------------


def refine_with_document(results: Sequence[PlacesResult]) -> list[PlaceMention]:
    """Re-rank every chunk's readings with the whole document's regions and countries.

    Deterministic whatever the order of ``results``: they are sorted by document and
    position first. Same surface, same place across the document; a reading in a region
    or country the document names elsewhere beats a namesake outside it.
    """
    rs = sorted(results, key=lambda r: (r.chunk.document_id, r.chunk.seq, r.chunk.start))
    regions: Counter[str] = Counter()
    countries: Counter[str] = Counter()
    for r in rs:
        for pm in r.places:
            p = pm.resolved
            if p is None:
                continue
            if p.kind == PlaceKind.ADMIN1 and p.region:
                if _looks_admin(pm.surface) or fold(p.name).startswith(fold(pm.surface)):
                    regions[p.region] += 2  # the text names the region itself
                else:
                    regions[p.region] += 1  # a place reported at region level
            if p.kind == PlaceKind.COUNTRY and p.country:
                countries[p.country] += 1
    explicit = {k for k, v in regions.items() if v >= 2}
    mentions = [pm for r in rs for pm in r.places]
    out: list[PlaceMention] = []
    best_by_surface: dict[str, PlaceMention] = {}
    for pm in mentions:
        new = _rerank(pm, regions, countries, explicit)
        out.append(new)
        key = fold(pm.surface)
        cur = best_by_surface.get(key)
        if new.resolved is not None and (
            cur is None or cur.resolved is None
            or _doc_score(new.resolved, regions, countries, explicit) > _doc_score(cur.resolved, regions, countries, explicit)
        ):
            best_by_surface[key] = new
    final: list[PlaceMention] = []
    for pm in out:
        b = best_by_surface.get(fold(pm.surface))
        p = pm.resolved
        if (b is not None and b is not pm and p is not None and b.resolved is not None and pm.role == b.role
                and p.kind in (PlaceKind.ADMIN1, PlaceKind.CITY, PlaceKind.TOWN, PlaceKind.VILLAGE)
                and b.resolved.kind == p.kind and (p.country, p.region) != (b.resolved.country, b.resolved.region)):
            pm = pm.model_copy(update={"resolved": b.resolved, "candidates": b.candidates})
        final.append(pm)
    return final


def _looks_admin(surface: str) -> bool:
    low = surface.lower()
    return any(w in low.split() for w in ADMIN_NOUNS) or low.endswith((" oblast", " region", " province"))


def _doc_score(x: Place, regions: Counter[str], countries: Counter[str], explicit: set[str]) -> float:
    s = x.score
    if x.region and x.region in explicit:
        s += 0.3 + 0.02 * min(regions[x.region], 10)
    elif x.country and countries.get(x.country):
        s += 0.1
    return s


def _rerank(pm: PlaceMention, regions: Counter[str], countries: Counter[str], explicit: set[str]) -> PlaceMention:
    p = pm.resolved
    if p is None or pm.role == "modifier" or p.kind in (PlaceKind.COUNTRY, PlaceKind.CONTINENT):
        return pm
    options = [p, *pm.candidates]
    best = max(options, key=lambda x: (_doc_score(x, regions, countries, explicit), x.name, x.region or ""))
    # a fallback region reading in the wrong region: move to the document's main region
    if p.precision == GeoPrecision.ADMIN1 and p.kind != PlaceKind.ADMIN1 or (
        p.kind == PlaceKind.ADMIN1 and fold(pm.surface) != fold(p.name) and not _looks_admin(pm.surface)
        and p.region not in explicit and explicit
    ):
        same = sorted((r for r in explicit if p.country and r.startswith(p.country + "-")), key=lambda r: (-regions[r], r))
        if same and p.region not in explicit:
            g = load_gazetteer()
            alt = g.region_place(same[0], p.score)
            if alt is not None:
                return pm.model_copy(update={"resolved": alt, "candidates": [p, *pm.candidates][:3]})
    if best is p:
        return pm
    rest = [x for x in options if x is not best][:3]
    return pm.model_copy(update={"resolved": best, "candidates": rest})
