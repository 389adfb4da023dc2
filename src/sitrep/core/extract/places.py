"""Places extractor core: find toponyms in a chunk and resolve them against the gazetteer.

Finding is gazetteer-driven (capitalised word runs, longest match first) with filters
for the usual false friends (person names, titles, sentence-initial common words,
junk alternate names) and patterns that reveal places the gazetteer lacks ("the
village of X", "X, Kursk region, Russia", lists after "towns including", "Main Street").
A place opening an organisation's name ("Dublin City Council") is kept as a modifier;
a word of a full personal name in the text ("Ron McCurry") is a person at every mention.

Resolving weighs population and kind against the context the text itself gives:
countries and regions linked to the name ("X, Ukraine", "Ukraine's Sumy region"),
regions named in the same sentence, then in the chunk. A small place whose every
reading lies outside the region the sentence names is reported as that region with
admin1 precision, never as a namesake elsewhere: a village in the wrong country is
the worst bug this product can have.
"""

from __future__ import annotations

import json
import math
import re
import statistics
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from operator import attrgetter, itemgetter
from typing import Any, TypeVar

from sitrep.core.gazetteer import ARABIC_ARTICLES, Gazetteer, fold, load_gazetteer, resource_version
from sitrep.core.gazetteer.build import COMMA_STATE_ABBREVIATIONS
from sitrep.schemas import Chunk, ExtractorInfo, GeoPrecision, Place, PlaceKind, PlaceMention, PlacesResult

from ._common import chunk_ref, original_offsets, split_sentences

__all__ = ["EXTRACTOR", "extract_places", "refine_with_document", "resolve_toponym"]

#: Stamped on every result: bumped whenever the same text can get a different reading.
VERSION = "0.2.25"

# --- lexical resources (linguistic, not geographic) ----------------------------------

#: Capitalised words that are place names somewhere but almost never in news text.
STOP = frozenset(
    """a an the in on at of to for from by with and or but if as so no not nor yet this that these those
    he she it we they i you his her its our their my your who what when where why how which there here
    mr mrs ms dr sir president prime minister general governor mayor king queen prince princess pope
    commander spokesman spokeswoman spokesperson chief officer secretary senator sen rep lt col
    monday tuesday wednesday thursday friday saturday sunday january february march april may june
    july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec
    today yesterday tomorrow now then last next
    first second third one two three four five six seven eight nine ten many some all most
    new old north south east west northern southern eastern western central upper lower greater
    northeast northwest southeast southwest northeastern northwestern southeastern southwestern
    army navy marine marines police government state ministry council court parliament congress senate university
    school college hospital church airport station street road avenue bridge river lake mount park
    centre center city town village district region province county republic federation union
    kingdom empire forces force armed troops military war peace news agency media press times post
    national international federal democratic people popular liberty hope victory independence
    mobile reading bath obama trump putin zelensky biden god jesus christ lord christian muslim
    jewish catholic islamic islam allah man woman men women child children family home house
    day week month year time morning evening night media company group party team club bank
    however meanwhile although despite during after before since until while because though
    instagram facebook twitter telegram youtube google apple amazon reuters ria tass interfax afp ap
    bbc cnn nato un metro arab arabs latin kurdish tamil overnight elsewhere separately additionally gov
    near outside inside across around along beyond toward towards throughout within via""".split()
)
#: Words before a capitalised name that make it a person ("President Biden").
TITLES = frozenset(
    """president mr mrs ms dr sir governor gov mayor minister general gen commander spokesman spokeswoman
    chancellor king queen prince princess pope senator sen rep lt col capt sgt colonel captain
    lieutenant sergeant premier secretary chairman ambassador judge justice officer director
    chief leader blogger professor prof saint st archbishop bishop father sheikh
    actor actress singer musician coach player author writer artist poet student senior junior sophomore
    freshman deputy trooper investigator attorney lawyer councilman councilwoman commissioner
    superintendent principal teacher pastor reverend rev dean chairwoman manager owner""".split()
)
SETTLEMENT_NOUNS = frozenset(
    "village villages town towns city cities settlement settlements hamlet hamlets suburb suburbs "
    "district districts municipality community communities locality localities outskirts".split()
)
ADMIN_NOUNS = frozenset("region regions oblast oblasts province provinces krai kray governorate "
                        "governorates prefecture state department departments".split())
#: Head nouns of organisation and facility names: a place right before them is a place
#: embedded in the name ("Dublin City Council", "Ohio State University"), not a person.
ORG_HEADS = frozenset(
    """council councilman councilwoman department dept police sheriff office service services commission
    commissioner association agency authority board committee society center centre hospital clinic
    museum library university college school academy institute foundation bank company corporation corp
    inc ltd group party government ministry administration army guard forces fire patrol coalition
    chamber court jail prison senate assembly legislature club times post herald news journal tribune
    gazette press chronicle observer telegraph airport station stadium arena church cathedral mosque
    district regional municipal city county state public high middle elementary""".split()
)
#: Generic nouns that end the name of a street, waterway or landform ("Main Street", "Red River").
FEATURE_NOUNS = frozenset(
    """street st road rd avenue ave drive dr boulevard blvd lane ln highway hwy parkway pkwy square
    river creek lake bay island islands mountain mountains valley canyon township parish borough
    county""".split()
)
SPEECH = frozenset(
    """said says say claimed claims claim insisted insists denied denies announced announces accused
    accuses warned warns told tells wants want sees saw believes believe demanded demands responded
    responds rejected rejects confirmed confirms stated states has had have is was will would could
    should must may might does did sent sends launched launches""".split()
)

_UPPER = "".join(c for c in map(chr, range(0x3000)) if c.isupper())
_CONNECT = frozenset({"of", "de", "la", "le", "del", "du", "da", "do", "upon", "on", "sur", "am", "der", "di", "y",
                      "au", "aux", "des", "les", "en", "à"}  # "Port-au-Prince", "Aix-en-Provence", "Pointe-à-Pitre"
                     | (ARABIC_ARTICLES - {"as", "at"}))  # "Deir ez-Zor"; "as", "at" end names
#: A hyphenated compound's inner lower-case word ("Mar-a-Lago", "Stratford-upon-Avon").
_ELISION_GAPS = frozenset(f"{a}{b}{q}" for a in " -" for b in "dl" for q in "'’")
_JOINED = re.compile(r"-[a-z]{1,4}-|-[dl]['’]")  # "Mar-a-Lago", "Anse-d'Hainault", "Saut-d'Eau"
#: Country and state names that are also given names: before a surname they are a person.
_GIVEN_NAME_PLACES = frozenset({"jordan", "chad", "georgia", "israel", "india", "france", "america"})
_ADDRESS_AFTER = re.compile(r", [A-Z]")
#: Bodies named after their field: "Department of Labor", "Chamber of Commerce".
_FIELD_BODIES = frozenset(("department", "dept", "ministry", "bureau", "chamber", "office", "secretary", "board"))
#: A name that, right before a place's, makes both one other name ("Trump Tower", "Arab Spring").
_NOT_BEFORE_PLACE = frozenset({"trump", "obama", "putin", "zelensky", "biden", "arab"})
#: A compass point before a village under 10,000 people makes both one other name ("West
#: Wing", "North Tower"); before a town ("South Ossett", "North West Bicester") it is the
#: town's part, and a region's own name ("North Kivu") is matched whole before this.
_COMPASS = frozenset({"north", "south", "east", "west"})
#: An Arabic article inside a name, between its words: "Wad al-Nourah", "Tell as-Sultan".
_ARTICLE = "(?:" + "|".join(sorted(ARABIC_ARTICLES, key=lambda a: (-len(a), a))) + ")"
_ARTICLE_JOIN = re.compile(rf" {_ARTICLE}-")
_ARTICLE_AFTER = re.compile(rf" {_ARTICLE}-[A-Z]")
_ARTICLE_BEFORE = re.compile(rf"[A-Z][\w'’]* {_ARTICLE}-$")
_AFTER_DATELINE = re.compile(r"(?:\)|[A-Z]{2}|\d)\s*(?:—|–|--|-)\s+$")
_ARMS_AFTER = re.compile(
    r"\s+(?:[\w-]+\s+)?(?:forces|troops|army|military|soldiers|servicemen|drones?|missiles?|(?:glide\s+)?bombs?|"
    r"shelling|artillery|strikes?|air\s?strikes?|jets?|warplanes?|aircraft|attacks?|offensive|fighters|navy|"
    r"tanks?|units?|occupiers|invaders|shells|rockets|bombers|gunboats|warships|assault)\b", re.IGNORECASE)
_BYLINE = re.compile(
    r"\((?:Additional |Further )?(?:[Rr]eporting|Writing|Editing|Compiled|Research|Translated)(?: and \w+)? by\b[^)\n]{0,200}")
_POSSESSOR = re.compile(r"([A-Z][\w-]*)['’]s ")
_EPITHET_BEFORE = re.compile(r"\b[A-Z][\w.]* of $")
_LIST_BEFORE = re.compile(r"(?:,|\band|\bor)\s*$")
_LIST_AFTER = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?[A-Z]|and\s+[A-Z]|or\s+[A-Z])")
#: After a country's name: it acts ("Israel has kept troops", "Russia said").
_ACTS_AFTER = re.compile(
    r"\s+(?:(?:also|has|have|had|will|would|is|was|again|later|then|now)\s+)?(?:said|says|has|have|had|will|would|"
    r"kept|keeps|launched|launches|struck|strikes|accused|accuses|denied|denies|warned|warns|claimed|claims|"
    r"deployed|sent|fired|bombed|shelled|attacked|deems|insisted|insists)\b")
#: After a name, another one it is joined with: "Uganda| and Congo| have conducted".
_AND_NAME = re.compile(r" and (?:the )?[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,2}")
_POSS_SETTLEMENT = re.compile(
    r"['’]s?\s+(?:[\w-]+\s+){0,2}?(?:city|town|capital|port|village|stronghold|enclave)\b")
#: Before a name shown as a small settlement: "the town of X", "the villages of Y and X" (but
#: not "eastern Congo village": after the name, it may be the country's village).
_SMALL_BEFORE = re.compile(r"\b(?:town|village|hamlet|community|settlement|locality)s?\s+of\s+(?:the\s+)?(?:[\w-]+\s+(?:and|or)\s+|[\w-]+,\s+)?$")
#: Around a name shown as a settlement: "the town of X", "villages of X and", "X township".
_SETTLED_BEFORE = re.compile(
    r"\b(?:town|village|city|settlement|hamlet|township|locality|neighbou?rhood|community|camp|suburb|"
    r"area)s?\s+of\s+(?:the\s+)?(?:[\w-]+\s+(?:and|or)\s+|[\w-]+,\s+)?$")
_SETTLED_AFTER = re.compile(
    r"\s+(?:township|village|town|neighbou?rhood|quarter|suburb|(?:refugee\s+)?camp|territory|commune|"
    r"municipality|tehsil|local government area)\b")
#: "Bagan, a village in Lower Kurram", "El Recreo, a poor neighbourhood of Guayaquil".
_SETTLED_APPOSITION = re.compile(
    r",\s+(?:a|an)\s+(?:[\w-]+\s+){0,2}?(?:village|town|hamlet|settlement|township|locality|"
    r"neighbou?rhood|suburb|community)\s+(?:in|of|near|outside|on|about|north|south|east|west)\b")
#: Between a place and the country or region it is said to be in: "X, a village in Y".
_APPOSITION_IN = re.compile(
    r", an? (?:[\w-]+ ){0,2}?(?:village|town|hamlet|settlement|township|neighbou?rhood|suburb|community|"
    r"locality) in (?:the )?")
#: Subdivisions only one country has, by the country: "X upazila" is in Bangladesh.
_UNIT_COUNTRY = {"upazila": "BD", "upazilla": "BD", "woreda": "ET", "kebele": "ET", "barangay": "PH",
                 "local government area": "NG", "voivodeship": "PL"}
_UNIT_AFTER_COUNTRY = re.compile(
    r"(?: and [A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?)? (" + "|".join(sorted(_UNIT_COUNTRY, key=len, reverse=True)) + r")s?\b",
    re.IGNORECASE)
#: Between a name and the city or region it is a part of: "the Jacarezinho favela in Rio".
_PART_IN = re.compile(
    r"(?: and [A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?)? (?:favela|neighbou?rhood|district|suburb|slum|shanty ?town|"
    r"quarter|refugee camp|camp|upazila|tehsil|township|municipality|commune)s? (?:in|of) (?:the )?")
#: What ends a dateline ("KYIV, Ukraine (Reuters) - "): the next word opens the sentence.
_DASHES = frozenset(("-", "—", "–", "--"))
_SETTLED_AFTER_START = frozenset((" t", " v", " n", " q", " s", " c", " r", " m", " l"))
#: Right before a region's name: "<word> in the ", "<word>, in Mali's central ".
_IN_REGION_BEFORE = re.compile(
    r"(\w),? in (?:the )?(?:(?:north|south|east|west|central)\w* )?(?:[A-Z][\w-]*['’]s )?"
    r"(?:(?:north|south|east|west|central)\w* )?$")
_LIST_INTRO = ("of", "including", "such", "as", "like", "near", "called", "named", "in")
#: Lower-case words some rule looks at; every other lower-case word only separates names,
#: so the tokeniser skips it (most of a text) and adjacency is read from the gap instead.
_COUNTY_NOUNS = frozenset(("county", "counties", "parish", "parishes"))
#: Before a name, a water feature's word ("Lake Victoria" the gazetteer lacks as a name).
_WATER_BEFORE = re.compile(r"\bLake \Z")
_MID_NEW_BEFORE = re.compile(r"[a-z,] New $")  # "of New Guinea", not a headline's "New U.S. Airline"
#: "the Al-Thawra hospital", "the Naivasha market": a building named after a place is read
#: like a lake (``named_after``): a namesake of a country or region the text names, else its region
_BUILDING_BEFORE = re.compile(r"\b(?:the|at|to|from|outside|near) $")  # "at Madina hospital" (Mogadishu's)
_NAMED_FOR_AFTER = re.compile(r" (?:hospital|market|mosque|clinic|school|university|stadium|prison|hotel)\b")
#: ... and so is a district or township ("Kani township" in Sagaing is no Japanese city,
#: "the al-Hali district" of Hodeidah no Chinese village)
_UNIT_AFTER = re.compile(r" (?:township|district|municipality|division|commune|local government area)\b")
#: ... and an area or neighbourhood named like no city ("the Salah al-Din area" of Tripoli is
#: no Iraqi governorate; "the Richmond area" is Richmond's)
_AREA_AFTER = re.compile(r" (?:area|neighbou?rhood|suburb|quarter)\b")
#: After "X in Y": the nouns that show Y is a first-level region ("Kiunga in Lamu county").
_REGION_NOUNS_IN = frozenset("region oblast province governorate state department county".split())
#: A list of capitalised single words right before "counties": "Clarke, Madison and Oconee "
_COUNTY_LIST = re.compile(r"((?:[A-Z][a-z]+(?:, and |, | and | or ))*[A-Z][a-z]+) $")
_LIST_SEP = re.compile(r"[A-Z][a-z]+")
_LOWER_KEPT = _CONNECT | SETTLEMENT_NOUNS | ADMIN_NOUNS | TITLES | _COUNTY_NOUNS | frozenset(_LIST_INTRO) | {"and", "or"}


def _alternation(words: frozenset[str]) -> str:
    """A regex matching exactly ``words``, factored as a trie: Python's engine tries a flat
    alternation branch by branch at every position, a trie fails on the first letter."""
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:  # type: ignore[type-arg]
        alts = [re.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(trie)


_TOKEN = re.compile(
    r"\b(?=[" + _UPPER + "".join(sorted({w[0] for w in _LOWER_KEPT})) + r"])"
    r"(?:(?:[A-Z]\.){2,}|[" + _UPPER + r"]\w*(?:['’‘][^\W\d_]+)?|" + _alternation(_LOWER_KEPT) + r"(?!\w)(?!['’‘]\w))"
)
#: After a name, what only a person takes: a verb of saying or an age ("Hughes said", "Shelton, 33,").
_PERSON_AFTER = re.compile(
    r"(?: (?:said|says|told|added|explained|noted|recalled|testified|wrote)\b|, \d{1,3},|, an? \d{1,3}-year-old\b"
    r"| [\"“][A-Z][^\"”\n]{1,30}[\"”] [A-Z])")  # a nickname: Joaquin "El Chapo" Guzman
#: ... and the surname after one
_NICKNAME_BEFORE = re.compile(r"\b[A-Z][\w'’-]+ [\"“][A-Z][^\"”\n]{1,30}[\"”] $")
#: Words of STOP that may still open a street or feature name ("North Main Street", "Lake Shore Drive").
_FEATURE_WORDS_OK = frozenset(
    "north south east west northern southern eastern western new old upper lower first second third "
    "central lake mount river park".split()
)
_DISTRICT_NOUNS = frozenset(("district", "raion", "rayon", "borough", "neighbourhood", "neighborhood"))
_INFERRED_CUES = _DISTRICT_NOUNS | FEATURE_NOUNS | SETTLEMENT_NOUNS | _COUNTY_NOUNS
_YEAR_BEFORE = re.compile(r"\b(?:19|20)\d\d,? $")
_DATELINE_AFTER = re.compile(r"\s*(?:,|\(|—|–|-|:|\x97)")  # \x97: a cp1252 em dash read as Latin-1
_PERSON_BEFORE = re.compile(r"\b(?:told|asked|thanked)\s$")
#: a relative's name in apposition: "his mother, Fatima", "her son Jordan"
_KIN_BEFORE = re.compile(
    r"\b(?:his|her|their|my|our) (?:late )?(?:(?:grand|step)?(?:mother|father|son|daughter)|wife|husband|brother"
    r"|sister|uncle|aunt|cousin|nephew|niece|fianc[eé]e?|partner|girlfriend|boyfriend),? $")
#: one of people listed with a person: "Romans, Sakai and the parolee died"
_WITH_PERSON_AFTER = re.compile(
    r"(?:, [A-Z][\w'’-]+)*,? and (?:the|his|her|their) (?:parolee|suspect|gunman|gunmen|shooter|victim|officer|driver|passenger|nurse"
    r"|wife|husband|mother|father|son|daughter)\b")
#: A locative preposition right before a name: "officers in Columbus said" is no person.
_PLACE_BEFORE = re.compile(r"\b(?:in|near|outside|across|from|around|of|Near|Outside|In)\s$")
_ACRONYM_PLURAL = re.compile(r"[A-Z]{2,}s")  # "HAPs", "NGOs": acronyms, not Haps in Brabant
_CONTRACTION = re.compile(r"['’](?:ll|re|ve|d|m|t)$", re.IGNORECASE)
_MODEL_AFTER = re.compile(r"-(?:[A-Z]\d*|\d+[A-Z]*)\b(?!['’-])")
_NUMBER_AFTER = re.compile(r" \d+(?![\d,.]* ?(?:km|kilomet|mi\b|miles|m\b))")
_POSS_GAP = re.compile(r"['’‘]s?\s+(?:[a-z-]+\s+){0,2}")
_AND_GAP = re.compile(r"\s+and\s+|,\s*")
#: Between a demonym and a name: "the Lebanese city of Tripoli", "the Russian border town
#: of Shebekino"; not "the Russian-held town of": who holds a place says nothing of its country
_DEMONYM_OF_GAP = re.compile(
    r"\s+(?:[a-z-]+\s+){0,2}(?:city|town|village|port|capital|settlement|hamlet|municipality)\s+of\s+")
_FIRM_AFTER = re.compile(r" & [A-Z]")
_FIRM_BEFORE = re.compile(r"[A-Z]\w* & $")
_LETTER = re.compile(r"[^\W\d_]")
_POSS = re.compile(r"['’]s?$")
_WORD_AFTER = re.compile(r"\s*([\w-]+)")
#: ", Pa." / ", Mass." right after a place (see COMMA_STATE_ABBREVIATIONS)
_COMMA_STATE = re.compile(
    r", (" + "|".join(re.escape(a) for a in COMMA_STATE_ABBREVIATIONS) + r")(?![\w.])")
_WORD_BEFORE = re.compile(r"([\w.]+)[\s,]*$")
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
    county_hint: bool = False  # followed by "county"/"counties": the county reading
    settled: bool = False  # shown as a settlement: "the town of X", "X township"
    small: bool = False  # shown as a small one before it: "the town of X", "the community of X"
    in_country: bool = False  # "X in Niger", "X, South Sudan, on Friday" (no list): its country
    across: bool = False  # "near the border with X": named, but no evidence for the text's places
    #: named after a place, as a lake, a building or a unit is ("Lake X", "the X hospital",
    #: "X township"): only a namesake in a country or region the text names is a reading
    named_after: bool = False
    frames: tuple[str, ...] = ()  # regions named as ones in its clause ("in the Belgorod region")
    strength: int = 0  # 3 pattern-linked, 2 region named in the sentence, 1 weaker context
    scored: list[tuple[float, int]] = field(default_factory=list)  # (raw score, encoded id), best first
    rd: _Readings | None = None  # what scoring needs of the name's readings (set on first need)
    resolved: Place | None = None
    runners: list[Place] = field(default_factory=list)


@dataclass(slots=True)
class _Tok:
    start: int
    end: int
    text: str
    cap: bool
    poss: bool
    w: _Word | None = None  # what the rules ask about the text (with a finder's word table)


def _tokens(text: str, words: _Words | None = None) -> list[_Tok]:
    """Capitalised words and the few lower-case words the rules read, in text order;
    with ``words``, each carries its :class:`_Word`."""
    out: list[_Tok] = []
    append = out.append
    for m in _TOKEN.finditer(text):
        s = m.group(0)
        start = m.start()
        if len(s) > 2 and s[-2] in "'’‘" and s[-1] in "sS":
            s = s[:-2]
            append(_Tok(start, start + len(s), s, s[0].isupper(), True, words.get(s) if words else None))
        else:
            append(_Tok(start, m.end(), s, s[0].isupper(), False, words.get(s) if words else None))
    return out


def _adjacent(text: str, toks: list[_Tok], k: int) -> bool:
    """No skipped word between token ``k`` and the kept token before it."""
    if k == 0:
        return True
    prev = toks[k - 1]
    return _LETTER.search(text, prev.end + 2 if prev.poss else prev.end, toks[k].start) is None


def _hyphen_part(t: _Tok) -> bool:
    """A capitalised word (not an initial or acronym) joined by a hyphen to a name."""
    return t.cap and len(t.text) >= 3 and not t.text.isupper()


_LONG_WORD = re.compile(r"[^\W\d_][\w'’-]{3,}")


def _title_case(text: str, a: int, b: int) -> bool:
    """A headline's line: a line of its own, without a full stop, nearly every longer word
    capitalised and not all of it in capitals (not a sentence naming many people)."""
    if text[a:b].rstrip().endswith(".") or (text[b:].strip() and "\n" not in text[b : b + 3]):
        return False
    words = _LONG_WORD.findall(text, a, b)
    if len(words) < 4 or b - a > 200:
        return False
    caps = sum(1 for w in words if w[0].isupper())
    return caps >= 0.85 * len(words) and caps > sum(1 for w in words if w.isupper())


def _sentence_ranges(text: str) -> list[tuple[int, int]]:
    return split_sentences(text) or [(0, len(text))]


@cache
def _name_lexicon() -> tuple[frozenset[str], frozenset[str]]:
    """Given names and well-known organisation names from the entities lexicon, so both
    extractors agree that "Vladimir Kozlov" is a person and "White House" no village."""
    raw = _lexicon()
    orgs = {k for t in ("known_orgs", "news_agencies", "known_armed_groups") for k in raw[t]}
    return frozenset(raw["given_names"]), frozenset(orgs)


@cache
def _lexicon() -> dict[str, Any]:
    return json.loads(resources.files("sitrep").joinpath("data/entity_lexicon.json").read_text("utf-8"))  # type: ignore[no-any-return]


@cache
def _org_countries() -> dict[str, str]:
    """Well-known organisation -> the country the lexicon gives it."""
    raw = _lexicon()
    return {k: v["country"] for t in ("known_orgs", "news_agencies", "known_armed_groups")
            for k, v in raw[t].items() if v.get("country")}


@lru_cache(maxsize=4)
def _org_words(orgs: frozenset[str]) -> dict[str, tuple[tuple[str, int], ...]]:
    """Word -> (name, offset of the word in it) for every several-word organisation name."""
    out: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for name in orgs:
        for w in re.finditer(r"[^\W\d_][\w'’-]*", name):
            if w.start() or w.end() < len(name):
                out[w.group()].append((name, w.start()))
    return {w: tuple(v) for w, v in out.items()}


@dataclass(frozen=True, slots=True)
class _NameProfile:
    """Summary of a name's gazetteer readings, as the finding filters ask about them."""

    state_primary: bool  # a country or continent by its main name
    state_alt: bool  # a country or continent by an alternate name
    admin1_primary: bool
    other_primary_pop: int  # largest population of a main-name reading below admin1, -1 if none
    other_alt_pop: int  # the same for alternate-name readings
    max_pop: int
    sizeable: bool  # a main-name region, or a town of 10,000 or more
    primary_pop: int  # largest population of a main-name reading below country level

    @staticmethod
    def of(g: Gazetteer, cands: Sequence[int]) -> _NameProfile:
        state_primary = state_alt = admin1_primary = sizeable = False
        other_primary_pop = other_alt_pop = -1
        max_pop = primary_pop = 0
        for c in cands:
            i = c >> 1
            kind = g.kind[i]
            pop = g.pop[i]
            alt = c & 1
            max_pop = max(max_pop, pop)
            if not alt and kind not in ("country", "continent"):
                primary_pop = max(primary_pop, pop)
            if not alt and (kind != "city" or pop >= 10_000):
                sizeable = True
            if kind in ("country", "continent"):
                if alt:
                    state_alt = True
                else:
                    state_primary = True
            elif kind == "admin1":
                admin1_primary = admin1_primary or not alt
            elif alt:
                other_alt_pop = max(other_alt_pop, pop)
            else:
                other_primary_pop = max(other_primary_pop, pop)
        return _NameProfile(state_primary, state_alt, admin1_primary, other_primary_pop, other_alt_pop, max_pop, sizeable,
                            primary_pop)


_T = TypeVar("_T")


def _memoised(g: Gazetteer, table: str, limit: int, key: Hashable, make: Callable[[], _T]) -> _T:
    """``make()`` memoised in the gazetteer's ``table`` (cleared past ``limit`` entries):
    what depends on the gazetteer alone, for names that recur in every text."""
    memo: dict[Hashable, _T] = g.memo.setdefault(table, {})
    hit = memo.get(key)
    if hit is None:
        if len(memo) > limit:
            memo.clear()
        hit = memo[key] = make()
    return hit


def _profile(g: Gazetteer, key: str) -> _NameProfile:
    """What the readings of a folded name are (memoised per gazetteer, bounded)."""
    return _memoised(g, "places.profiles", 200_000, key,
                     lambda: _NameProfile.of(g, g.names.get(key, ())))


@dataclass(frozen=True, slots=True, eq=False)
class _Word:
    """What the finder's rules ask about a token's text: its lexicon classes, its folded
    name, readings and profile. The same in every text, so answered once per word."""

    low: str
    key: str
    ids: list[int] | None  # readings of the word alone (the index's own list: read only)
    prefix: bool  # the word begins some longer name
    stop: bool
    title: bool
    org_head: bool
    feature: bool
    admin: bool  # a region noun ("region", "oblast")
    cue: bool  # a noun a rule for places the gazetteer lacks starts from
    given: bool  # a given name
    dem: str | None  # the country ("@" continent) the word is the demonym of
    dem_first: bool  # the first word of a two-word demonym ("Sri", "North")
    profile: _NameProfile
    place: bool  # names a state, region or city of 100,000+ on its own, or a people
    big: bool  # a country, continent or first-level region by its own name


class _Words:
    """A gazetteer's table of :class:`_Word`, filled as words are met (bounded)."""

    def __init__(self, g: Gazetteer) -> None:
        self.g = g
        self.table: dict[str, _Word] = {}
        self.given = _name_lexicon()[0]

    def get(self, text: str) -> _Word:
        w = self.table.get(text)
        if w is None:
            if len(self.table) > 20_000:
                self.table.clear()
            w = self.table[text] = self._make(text)
        return w

    def _make(self, text: str) -> _Word:
        g = self.g
        low = text.lower()
        key = fold(text)
        p = _profile(g, key)
        given = text in self.given
        place = False
        if not given:
            if (text.isupper() and len(text) > 1) or key in g.demonyms:
                place = True
            else:
                for c in g.names.get(key, ()):
                    i = c >> 1
                    if not c & 1 and (g.kind[i] in ("country", "continent", "admin1") or g.pop[i] >= 100_000):
                        place = True
                        break
        return _Word(low, key, g.names.get(key), key in g.name_prefixes, low in STOP, low in TITLES,
                     low in ORG_HEADS, low in FEATURE_NOUNS, low in ADMIN_NOUNS, low in _INFERRED_CUES, given,
                     g.demonyms.get(low), low in g.demonym_first, p, place, p.state_primary or p.admin1_primary)


def _words(g: Gazetteer) -> _Words:
    """The gazetteer's word table."""
    w = g.memo.get("places.words")
    if w is None:
        w = g.memo["places.words"] = _Words(g)
    return w  # type: ignore[no-any-return]


class _Finder:
    """Scan one text and produce raw mentions with the patterns that link them."""

    def __init__(self, g: Gazetteer) -> None:
        self.g = g
        self.given, self.known_orgs = _name_lexicon()
        self.org_words = _org_words(self.known_orgs)
        self.words = _words(g)

    def find(self, text: str) -> list[_Mention]:
        g = self.g
        toks = _tokens(text, self.words)
        sents = _sentence_ranges(text)
        sent_of: list[int] = []
        sent_starts: set[int] = set()
        si = -1
        last = len(sents) - 1
        sent_end = -1
        for k, t in enumerate(toks):
            if t.start >= sent_end and si < last:
                while si < last and t.start >= sent_end:
                    si += 1
                    sent_end = sents[si][1]
                # first word of its sentence (no skipped lower-case word before it)
                if _LETTER.search(text, sents[si][0], t.start) is None:
                    sent_starts.add(k)
            sent_of.append(si)
            if t.start and text[t.start - 1] in "“\"‘" and (t.start < 2 or not text[t.start - 2].isalnum()):
                sent_starts.add(k)  # '“Is there any hope?”': a quotation opens a sentence
            elif k and t.start > 2 and text[t.start - 2] in "—–-" and _AFTER_DATELINE.search(text, max(0, t.start - 16), t.start):
                sent_starts.add(k)  # "PORT-AU-PRINCE, Haiti (AP) — Gang members killed"
        self._text = text
        self.person_words = self._person_words(text, toks)
        self._mid_caps: set[str] | None = None
        # "Russian Missile Strike Kills 12 In Kharkiv As Talks Stall": in a title-case line
        # a capital says nothing of a longer name, so a sizeable place is read on its own
        self._headlines = {si for si, (a, b) in enumerate(sents) if _title_case(text, a, b)}
        out: list[_Mention] = []
        n = len(toks)
        k = 0
        used = [False] * n
        names = g.names
        prefixes = g.name_prefixes
        while k < n:
            t = toks[k]
            if not t.cap:
                k += 1
                continue
            w = t.w
            if not w.ids and (t.poss or not w.prefix):  # type: ignore[union-attr]
                k += 1  # neither a name nor the start of one: most capitalised words
                continue
            best: tuple[int, list[int], str] | None = None
            # longest n-gram of capitalised tokens (connectors allowed inside, same sentence),
            # extended only while it is still the beginning of some gazetteer name
            sk = sent_of[k]
            j = k
            while True:
                tj = toks[j]
                if j == k:
                    key, ids, more = w.key, w.ids, w.prefix  # type: ignore[union-attr]
                else:
                    key = fold(text[t.start : tj.end])
                    ids = names.get(key) if tj.cap else None
                    more = key in prefixes
                if ids and not (j > k and tj.text == "Department" and text.startswith(" of ", tj.end)):
                    best = (j, ids, key)  # but "Ohio Department of Health" is a body of Ohio
                # a possessive ends a name, unless one goes on through it: "Cox's Bazar"
                if not more or (tj.poss and key + "s" not in prefixes):
                    break
                j += 1
                if j >= n or j - k >= _MAX_NGRAM:
                    break
                nx = toks[j]
                gap = text[tj.end : nx.start]
                if tj.poss:
                    if not (gap[:1] in "'’" and gap[1:] in ("s ", "s") and nx.cap):
                        break
                elif gap in (" ", "-", "- ", " -") or gap in _ELISION_GAPS:  # "Côte d'Ivoire", "Saut-d'Eau"
                    if sent_of[j] != sk:
                        break
                elif not (gap in (".", ". ") and len(tj.text) <= 2 and tj.cap):
                    break  # only an abbreviation's dot may sit inside a name: "St. Louis", "W.Va"
                if not nx.cap and nx.w.low not in _CONNECT and nx.w.low != "and":  # type: ignore[union-attr]
                    break  # "and" only inside a name the gazetteer has: "Sistan and Baluchestan"
            if best is None:
                k += 1
                continue
            j_end, ids, key = best
            if j_end == k and w.dem is not None and not _ADDRESS_AFTER.match(text, t.end):  # type: ignore[union-attr]
                k += 1  # "the English city of", "Canadian winters": the demonym (below), not a
                continue  # village in Indiana or Texas; "Canadian, Texas" is the town
            if j_end + 1 < n and toks[j_end + 1].cap and toks[j_end + 1].w.feature and (  # type: ignore[union-attr]
                    text[toks[j_end].end : toks[j_end + 1].start] == " ") and not toks[j_end].poss:
                k = j_end + 1  # "Neches River", "Main Street": the feature, found below
                continue
            m = _Mention(t.start, toks[j_end].end, text[t.start : toks[j_end].end], list(ids), sent_of[k])
            if self._keep(text, toks, k, j_end, m, sent_starts, key):
                out.append(m)
                for x in range(k, j_end + 1):
                    used[x] = True
            k = j_end + 1
        self._demonyms(toks, out, used, sent_of)
        self._inferred(text, toks, out, used, sent_of)
        for m in out:
            lo = max(0, m.start - 40)
            if (text.find(" of ", lo, m.start) >= 0 and _SETTLED_BEFORE.search(text, lo, m.start)) or (
                    text[m.end:m.end + 2] in _SETTLED_AFTER_START) and _SETTLED_AFTER.match(text, m.end) or (
                    text[m.end:m.end + 1] == "," and _SETTLED_APPOSITION.match(text, m.end)):
                m.settled = True
                m.small = _SMALL_BEFORE.search(text, lo, m.start) is not None
        self._repeat(toks, out, used, sent_of)
        out = [m for m in out if m.kind != "inferred" or m.surface not in self.known_orgs]  # "Hezbollah"
        if "by " in text:
            # "(Reporting by Alexandra Valencia in Quito; Editing by Martin Petty)": people,
            # but for where they filed from
            spans = [b.span() for b in _BYLINE.finditer(text)]
            if spans:
                out = [m for m in out if not any(a <= m.start < b for a, b in spans) or text.endswith(" in ", 0, m.start)]
        self._comma_states(text, out)
        self._links(text, out)
        out.sort(key=_START)
        return out

    # -- filters ------------------------------------------------------------------------
    def _person_words(self, text: str, toks: list[_Tok]) -> set[str]:
        """Words of full personal names in the text ("Ron McCurry", "Mayor Ryan Bingham"):
        the same word alone later ("McCurry said") is that person, not a namesake village.

        Capitalised runs are cut at common, title, organisation and feature words; a part
        of two or more words (or one after a title) that is no gazetteer name gives its
        words that are no sizeable place ("Jordan Dyer" gives "Dyer"). The part right
        before an organisation noun names the organisation ("Gwinnett Medical Center")."""
        words: set[str] = set()
        n = len(toks)
        k = 0
        while k < n:
            if not toks[k].cap:
                k += 1
                continue
            j = k
            while j + 1 < n and toks[j + 1].cap and not toks[j].poss and (
                text[toks[j].end : toks[j + 1].start] == " "
                or (len(toks[j].text) == 1 and text[toks[j].end : toks[j + 1].start] == ". ")
            ):
                j += 1
            if j == k:
                k += 1
                continue  # a lone word names no person here
            run = toks[k : j + 1]
            k = j + 1
            titled = False
            part: list[_Tok] = []
            for t in [*run, None]:
                w = t.w if t is not None else None
                if w is None or w.stop or w.title or w.org_head or w.feature:
                    org = w is not None and (w.org_head or w.feature)
                    if (len(part) >= 2 or (titled and part)) and not org and not (
                            len(part) > 1 and fold(text[part[0].start : part[-1].end]) in self.g.names):
                        if len(part) >= 3 and part[0].w.given and len(part[1].text) == 1:  # type: ignore[union-attr]
                            # "Matthew D. Flores": after a given name and an initial, any name is a surname
                            words.update(x.text for x in part[2:])
                        elif len(part) >= 2 and part[0].w.given:  # type: ignore[union-attr]
                            # "Abraham Lincoln": after a given name even a city's name is a surname
                            words.update(x.text for x in part[1:] if not x.w.big)  # type: ignore[union-attr]
                        words.update(x.text for n_, x in enumerate(part) if len(x.text) > 1 and not x.w.place  # type: ignore[union-attr]
                                     and not (n_ == 0 and x.w.profile.sizeable))  # type: ignore[union-attr]
                    part = []
                    titled = w is not None and w.title
                else:
                    part.append(t)
        return words

    def _dateline(self, text: str, m: _Mention, k: int, sent_starts: set[int]) -> bool:
        """"CHARLESTON, W.Va. (AP) —", "BEIRUT:", "March 15, 2009 NEWARK --": an upper-case
        place opening a line or sentence, or right after a date's year."""
        return ((k in sent_starts or _YEAR_BEFORE.search(text, max(0, m.start - 8), m.start) is not None)
                and len(m.surface) >= 4 and m.surface.isupper()
                and _DATELINE_AFTER.match(text, m.end) is not None and any(not c & 1 for c in m.cands))

    def _modifies(self, text: str, toks: list[_Tok], k: int) -> bool:
        """A big place before other capitalised words names them after itself ("Houston
        Rockets", "Cambridge Analytica") unless the words act as a person ("Tyler Perry said")."""
        n = len(toks)
        j = k
        while j + 1 < n and toks[j + 1].cap and text[toks[j].end : toks[j + 1].start] == " " and not toks[j].poss:
            j += 1
        return not toks[k - 1].w.given and _PERSON_AFTER.match(text, toks[j].end) is None  # type: ignore[union-attr]

    def _in_known_org(self, text: str, m: _Mention, first_too: bool, cc: str | None = None) -> bool:
        """Whether the mention lies in a well-known organisation's name written around it
        (as its first words only if ``first_too``, or if the organisation is of another
        country than ``cc``: "Sudan People's Liberation Army" is South Sudan's)."""
        names = self.org_words.get(m.surface.split(" ", 1)[0])
        if names is None:
            return False
        for name, at in names:
            a = m.start - at
            if (at or first_too or (cc and _org_countries().get(name, cc) != cc)) and a >= 0 and (
                    m.end <= a + len(name) and text[a : a + len(name)].lower() == name.lower()):
                return True  # "the Sinaloa cartel" too
        return False

    def _org_follows(self, toks: list[_Tok], k: int, text: str) -> bool:
        """An organisation or facility noun among the capitalised words from ``k`` on."""
        n = len(toks)
        for x in range(k, min(n, k + 4)):
            if x > k:
                gap = text[toks[x - 1].end : toks[x].start]
                if gap != " " and not (toks[x - 1].poss and len(gap) == 3 and gap[-1] == " "):
                    return False  # "Attorney General's Office" carries on past a possessive
            if not toks[x].cap:
                return False
            if toks[x].w.org_head:  # type: ignore[union-attr]
                return True
        return False

    def _keep(self, text: str, toks: list[_Tok], k: int, j: int, m: _Mention, sent_starts: set[int], key: str) -> bool:
        """Whether the gazetteer name ``m`` (tokens ``k``..``j``, folded ``key``) is a place here."""
        single = j == k
        surface = m.surface
        p = toks[k].w.profile if single else _profile(self.g, key)  # type: ignore[union-attr]
        alt_state_ok = p.state_alt and (
            surface.isupper() or "." in surface or not single or (surface[0].isupper() and len(surface) > 4))
        is_state = p.state_primary or p.state_alt
        strong_primary = p.state_primary or alt_state_ok or p.admin1_primary or p.other_primary_pop >= 0
        # a reading that is a country/admin1/continent or a large city
        big = (p.state_primary or alt_state_ok or p.admin1_primary or p.other_primary_pop >= 100_000
               or (not single and p.other_alt_pop >= 100_000))
        if not strong_primary and not (
                (not single and p.max_pop >= 1000) or (len(key) > 4 and p.max_pop >= 20_000)):
            return False  # alternate names only: accept multi-word or sizeable, never short single words
        if text.endswith("New ", max(0, m.start - 4), m.start) and _MID_NEW_BEFORE.search(text, max(0, m.start - 8), m.start):
            return False  # "the western half of New Guinea island" (the gazetteer lacks it) is not Guinea
        if single and not p.sizeable and _BODY_FOR_BEFORE.search(text, max(0, m.start - 24), m.start):
            return False  # "the Centre for Research and Security Studies": no village Research
        if single and not big and _INSTITUTION_AFTER.match(text, m.end) and (
                f := _FIELDS_BEFORE.search(text, max(0, m.start - 24), m.start)) and fold(f.group(1)) not in self.g.names:
            return False  # "the Pinelake Health and Rehab center": no town in Jordan
        if single and (key in STOP or key in ORG_HEADS or _CONTRACTION.search(surface)) and not (
                key in _COMPASS_NAMES and p.admin1_primary and _REGION_NOUN_AFTER.match(text, m.end)):
            return False  # "Chamber of Commerce", "I'll"; but "Cameroon's Southwest region" is one
        if single and toks[k].w.given and j + 1 < len(toks) and (nx := toks[j + 1]).cap and (  # type: ignore[union-attr]
                text[toks[j].end:nx.start] == " ") and not (
                nx.w.place or nx.w.stop or nx.w.title or nx.w.org_head or nx.w.feature or nx.w.admin  # type: ignore[union-attr]
                or nx.w.dem or nx.w.profile.sizeable) and _PERSON_FOLLOWS.match(text, nx.end):  # type: ignore[union-attr]
            return False  # a given name: "said Chad Miller, a logistics coordinator"
        if m.start > 3 and text[m.start - 1] == " " and text[m.start - 2] in "tdhTDH" and p.max_pop < 20_000 and (
                _ORDINAL_BEFORE.search(text, max(0, m.start - 12), m.start)):
            return False  # a unit: "the 33rd Front of the FARC dissidents" (a village in Italy), "13th Terrace"
        if single and text.endswith(_OF_TAILS, max(0, m.start - 8), m.start) and (  # most names: no regex
                _NAME_OF_BEFORE.search(text, max(0, m.start - 30), m.start) or (
                    p.max_pop < 20_000 and not (p.state_primary or p.admin1_primary)
                    and _NAME_OF_THE_BEFORE.search(text, max(0, m.start - 30), m.start)
                    and not _NAME_GOES_ON.match(text, m.end))):
            # the end of a longer name: "Defensoria del Pueblo" (Pueblo, Colorado), "Volunteers
            # for the Defence of the Homeland" (Homeland, California)
            return False
        if not single and toks[k].w.low in ("the", "a", "an") and all(  # type: ignore[union-attr]
                toks[x].w.stop for x in range(k + 1, j + 1)):  # type: ignore[union-attr]
            return False  # "The City Council": a common noun phrase, not "The Hague"
        if not is_state:
            before = text[m.start - 1 : m.start] if m.start else ""
            after = text[m.end : m.end + 1]
            if before in "‘“\"'" and before and after in "’”\"'" and after:
                return False  # 'Grad', "Iskander": quoted names are weapons or operations
            if (surface.isupper() or _ACRONYM_PLURAL.fullmatch(surface)) and len(surface) > 1 and not self._dateline(text, m, k, sent_starts) and not (
                    "." in surface and p.admin1_primary):
                return False  # "NATO", "RIA": acronyms are organisations unless they name a country
        prev_tok = toks[k - 1] if k > 0 else None
        next_tok = toks[j + 1] if j + 1 < len(toks) else None
        gap_next = text[toks[j].end : next_tok.start] if next_tok else ""
        if single and key in _GIVEN_NAME_PLACES and next_tok is not None and gap_next == " " and not toks[j].poss:
            nw = next_tok.w
            if (next_tok.cap and not nw.ids and not nw.prefix and not nw.stop and not nw.org_head  # type: ignore[union-attr]
                    and not nw.feature and not nw.admin and next_tok.text.isalpha()  # type: ignore[union-attr]
                    and not next_tok.text.isupper() and len(next_tok.text) > 2 and not (
                        j + 2 < len(toks) and toks[j + 2].cap and text[next_tok.end : toks[j + 2].start] == " ")):
                return False  # "Jordan Bardella", "Chad Daybell": a person, not the country
        gap_prev = text[prev_tok.end : toks[k].start] if prev_tok else ""
        if prev_tok and prev_tok.cap and prev_tok.w.title and gap_prev in (" ", ". "):  # type: ignore[union-attr]
            return False  # "President Jordan", "Mayor Kingston"
        if (single and not big and p.max_pop < 10_000 and next_tok is not None and next_tok.text == "of"
                and gap_next == " " and j + 2 < len(toks) and toks[j + 2].cap
                and text[next_tok.end : toks[j + 2].start] == " "):
            return False  # "Line of Control", "Bay of Pigs": a longer name, not a village Line
        if not big and k >= 2 and prev_tok and prev_tok.text == "of" and gap_prev == " ":
            head = toks[k - 2]
            if head.cap and head.text.lower() in _FIELD_BODIES and text[head.end : prev_tok.start] == " ":
                # "Department of Job and Family Services", "Chamber of Commerce": the body's
                # field, no village; but "City of Edwardsville", "Foundation of Boone County"
                return False
        if single and not big and toks[k].w.low in _BODY_HEADS and text.startswith(" of ", m.end):  # type: ignore[union-attr]
            return False  # "The Confederation of Indigenous Nationalities": a body, no town in Saskatchewan
        if self._in_known_org(text, m, p.max_pop < 50_000 and not is_state,
                              next((self.g.cc[c >> 1] for c in m.cands if self.g.kind[c >> 1] == "country"), None)):
            # "Alliance of Sahel States", "National Unity Government", "Times of Israel"; a
            # city opening a name is still named by it ("Washington Post", which the corpora count)
            return False
        if not is_state:
            if m.surface in self.known_orgs:
                return False  # "White House", "Kremlin": the organisation, not a namesake village
            if single and not (p.state_primary or p.primary_pop >= 1_000_000) and (
                    m.surface in self.person_words
                    or (_PERSON_AFTER.match(text, m.end) and not _PLACE_BEFORE.search(text, max(0, m.start - 8), m.start))
                    or _PERSON_BEFORE.search(text, max(0, m.start - 12), m.start)
                    or _KIN_BEFORE.search(text, max(0, m.start - 32), m.start)
                    or _WITH_PERSON_AFTER.match(text, m.end)
                    or _NICKNAME_BEFORE.search(text, max(0, m.start - 50), m.start)
                    or _FIRM_AFTER.match(text, m.end) or _FIRM_BEFORE.search(text, max(0, m.start - 30), m.start)):
                # "Ron McCurry ... McCurry", "Shelton, 33,", "Hughes said", "Long & Foster";
                # but a metropolis may speak for its government: "Moscow said"
                return False
            # part of a longer capitalised name: "Vladimir Putin", "Donald Trump"; but a place
            # that opens an organisation's name is a place: "Dublin City Council"
            headline = p.sizeable and m.sent in self._headlines
            if next_tok and next_tok.cap and gap_next == " " and not toks[j].poss and not next_tok.w.admin and not headline:  # type: ignore[union-attr]
                # a region, or a town of 10,000 or more: villages named like common words
                # ("Superior", "Metro") open organisation names far more often than they are in them
                if single and prev_tok and prev_tok.cap and gap_prev == " " and prev_tok.w.ids and any(  # type: ignore[union-attr]
                        self.g.kind[c >> 1] == "country" for c in prev_tok.w.ids) and self._org_follows(toks, j + 1, text):  # type: ignore[union-attr]
                    return False  # "the Korea Forest Service": a body's name, not Forest in Brussels
                if (self._org_follows(toks, j + 1, text) or (big and self._modifies(text, toks, j + 1))) and (
                        not single or p.sizeable):
                    m.role = "modifier"
                elif not next_tok.w.big or next_tok.w.stop:  # type: ignore[union-attr]
                    return False
            if (prev_tok and prev_tok.cap and _JOINED.fullmatch(gap_prev)) or (
                    next_tok and next_tok.cap and _JOINED.fullmatch(gap_next)):
                return False  # "Mar-a-Lago" (the gazetteer lacks it): not "Lago", a village in Portugal
            if _ARTICLE_AFTER.match(text, m.end) or _ARTICLE_BEFORE.search(text, max(0, m.start - 40), m.start):
                return False  # "Tell as-Sultan" (the gazetteer lacks it): not "Sultan" in Washington
            if prev_tok and gap_prev == " " and not big and (prev_tok.w.low in _NOT_BEFORE_PLACE or (  # type: ignore[union-attr]
                    prev_tok.w.low in _COMPASS and not p.sizeable and key not in MACRO_REGIONS)):  # type: ignore[union-attr]
                return False  # "Trump Tower", "West Wing": a building, not "Wing" in England
            if gap_prev == "-" and prev_tok and _hyphen_part(prev_tok) and not prev_tok.w.profile.sizeable:  # type: ignore[union-attr]
                return False  # "Wal-Mart", "News-Leader" (but "D-Iowa City", "Belgorod-Kursk")
            if gap_next == "-" and next_tok and _hyphen_part(next_tok) and not next_tok.w.profile.sizeable:  # type: ignore[union-attr]
                return False
            if single and not big and _NUMBER_AFTER.match(text, m.end):
                return False  # "Section 2AA", "Pack 167"
            if single and not big and _MODEL_AFTER.match(text, m.end):
                return False  # "four Iskander-M ballistic missiles": a weapon's model, no Iskandar
            if prev_tok and prev_tok.cap and not prev_tok.poss and k not in sent_starts and not headline and (
                    gap_prev == " " or (gap_prev == ". " and len(prev_tok.text) == 1)):  # "Pattie A. Clay"
                pw = prev_tok.w
                if pw.title or (not pw.stop and not pw.big):  # type: ignore[union-attr]
                    return False
            if prev_tok and prev_tok.w.title and gap_prev.strip() in ("", "'s", "’s"):  # type: ignore[union-attr]
                return False  # "General Ross"; "under President's Rule" (no village in Texas)
            if k in sent_starts and single and not big:
                # sentence-initial common words: need a place-like continuation, or the
                # same word capitalised inside a sentence elsewhere in the text
                # ("Decatur, Ga.", "Kursk region", "Decatur city officials")
                noun_after = next_tok is not None and (
                    next_tok.w.admin or next_tok.text in SETTLEMENT_NOUNS)  # type: ignore[union-attr]
                comma_name = gap_next.startswith(",") and next_tok is not None and next_tok.cap
                if not (((noun_after or comma_name) and _adjacent(text, toks, j + 1))
                        or m.surface in self._mid_sentence_caps(toks, sent_starts)
                        or (m.surface.upper() != m.surface and m.surface.upper() in text[: m.start])  # "MIDDLETOWN — Middletown High"
                        or self._dateline(text, m, k, sent_starts)):
                    return False
        return True

    # -- demonyms -----------------------------------------------------------------------
    def _demonyms(self, toks: list[_Tok], out: list[_Mention], used: list[bool], sent_of: list[int]) -> None:
        dem = self.g.demonyms
        n = len(toks)
        for k, t in enumerate(toks):
            if used[k] or not t.cap:
                continue
            w = t.w
            if w.dem is None and not w.dem_first:  # type: ignore[union-attr]
                continue
            end = k
            code = None
            if (w.dem_first and k + 1 < n and toks[k + 1].cap and not used[k + 1] and not t.poss  # type: ignore[union-attr]
                    and self._gap(toks, k) == " "):
                code = dem.get(f"{t.text} {toks[k + 1].text}".lower())  # "Sri Lankan", "North Korean"
                end = k + 1 if code else k
            if code is None:
                code = w.dem  # type: ignore[union-attr]
            if code is None:
                continue
            if code.startswith("@"):
                i = self.g.continent_idx.get(code[1:])
            else:
                i = self.g.country_idx.get(code)
            if i is None:
                continue
            e = toks[end].end
            m = _Mention(t.start, e, self._text[t.start : e], [i * 2], sent_of[k], kind="demonym", role="modifier")
            out.append(m)
            used[k] = used[end] = True

    def _mid_sentence_caps(self, toks: list[_Tok], sent_starts: set[int]) -> set[str]:
        """Capitalised words seen inside a sentence (computed on first need)."""
        if self._mid_caps is None:
            self._mid_caps = {t.text for k, t in enumerate(toks) if t.cap and k not in sent_starts}
        return self._mid_caps

    def _gap(self, toks: list[_Tok], k: int) -> str:
        return self._text[toks[k].end : toks[k + 1].start]

    # -- places the gazetteer lacks -----------------------------------------------------
    def _inferred(self, text: str, toks: list[_Tok], out: list[_Mention], used: list[bool], sent_of: list[int]) -> None:
        by_start = {m.start: m for m in out}
        n = len(toks)

        def unknown_run(k: int) -> int | None:
            """End index of a capitalised single/multi-token run at k that is no known word."""
            if k >= n or used[k] or not toks[k].cap or toks[k].w.stop:  # type: ignore[union-attr]
                return None
            if toks[k].text.isupper() and len(toks[k].text) > 1:
                return None
            j = k
            while j + 1 < n and not toks[j].poss and j - k < 3:
                nx = j + 1
                if not toks[nx].cap and nx + 1 < n and toks[nx + 1].cap and _ARTICLE_JOIN.fullmatch(
                        text, toks[j].end, toks[nx + 1].start):
                    nx += 1  # "Wad al-Nourah", "Deir al-Balah": the article joins one name
                elif not _ARTICLE_JOIN.fullmatch(text, toks[j].end, toks[nx].start) and not (
                        toks[nx].cap and text[toks[j].end : toks[nx].start] in (" ", "-")):
                    break
                if not toks[nx].cap or used[nx] or toks[nx].w.stop:  # type: ignore[union-attr]
                    break
                j = nx
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
            if not t.w.cue:  # type: ignore[union-attr]
                continue
            low = t.w.low  # type: ignore[union-attr]
            if not t.cap and low in _COUNTY_NOUNS:
                # "Clarke and Oconee counties": names the gazetteer knows only as "X County"
                head = text[max(0, t.start - 160) : t.start]
                lm = _COUNTY_LIST.search(head)
                if lm is not None:
                    tok_at = {tok.start: x for x, tok in enumerate(toks)}
                    base = t.start - len(head) + lm.start(1)
                    for nm in _LIST_SEP.finditer(lm.group(1)):
                        st = base + nm.start()
                        kk = tok_at.get(st)
                        if kk is None or used[kk] or toks[kk].end != st + len(nm.group(0)):
                            continue
                        key = fold(nm.group(0))
                        cands = [c for suf in (" county", " parish") for c in self.g.names.get(key + suf, ())
                                 if self.g.kind[c >> 1] == "admin2"]
                        if cands and key not in STOP:
                            add(kk, kk).cands = cands
                continue
            # "X District" (a city district): the name before a district noun
            if low in _DISTRICT_NOUNS and t.cap and k > 0:
                s = k - 1
                if (not used[s] and toks[s].cap and toks[s].text.lower() not in STOP and text[toks[s].end : t.start] == " "
                        and not (s > 0 and toks[s - 1].cap and text[toks[s - 1].end : toks[s].start] == " ")
                        and not (k + 1 < len(toks) and toks[k + 1].cap and text[t.end : toks[k + 1].start] == " ")):
                    add(s, k, kind="district")  # not "Water Management District", "District Court"
                continue
            # "Main Street", "Red River", "Readington Township": a name before a feature noun
            if t.cap and low in FEATURE_NOUNS and k > 0 and not used[k]:
                s = k
                while (s > 0 and k - s < 3 and toks[s - 1].cap and not used[s - 1] and not toks[s - 1].poss
                       and text[toks[s - 1].end : toks[s].start] == " "
                       and (toks[s - 1].text.lower() not in STOP or toks[s - 1].text.lower() in _FEATURE_WORDS_OK)):
                    s -= 1
                if s < k and not toks[s].text.isupper() and text[toks[s].start : toks[k].end] not in self.known_orgs:
                    add(s, k, kind="feature")  # not "Downing Street", the government
                continue
            # "the village of X", "settlements of X and Y", "towns including X, Y and Z"
            if low in SETTLEMENT_NOUNS and not t.cap:
                k2 = k + 1
                while k2 < n and toks[k2].text.lower() in _LIST_INTRO and k2 - k <= 2 and _adjacent(text, toks, k2):
                    k2 += 1
                if k2 < n and text[toks[k2 - 1].end : toks[k2].start].isspace():
                    self._list_from(k2, toks, text, unknown_run, add, by_start, used)
        # "X, Kursk region" / "X, Ukraine" addresses: an unknown run right before a known region/country
        end_index: dict[int, int] | None = None
        for m in list(out):
            if m.kind == "demonym" or m.start < 2 or text[m.start - 2 : m.start] != ", ":
                continue
            # find the token that ends right before ", "
            if end_index is None:
                end_index = {t.end: k for k, t in enumerate(toks)}
            k = end_index.get(m.start - 2)
            if k is None:
                continue
            s = k
            while s > 0 and toks[s - 1].cap and text[toks[s - 1].end : toks[s].start] in (" ", "-") and not used[s - 1] and k - s < 2:
                s -= 1
            if used[s] or not toks[s].cap or any(toks[x].text.lower() in STOP for x in range(s, k + 1)):
                continue  # (nor "Later Monday, Borno police spokesman ... said")
            kinds = {self.g.kind[c >> 1] for c in m.cands}
            if not (kinds & {"admin1", "country"}) or m.end < len(text) and text[m.end : m.end + 1] in "'’":
                continue
            if s > 0 and toks[s - 1].text.lower() in TITLES and _adjacent(text, toks, s):
                continue
            if s > 0 and toks[s - 1].cap and text[toks[s - 1].end : toks[s].start] == " ":
                continue
            add(s, k)
        # "Huliaipole in the Zaporizhzhia region", "Tyotkino in Russia's Kursk region": an
        # unknown run right before "in [the | X's] <name> region" is a place of that region
        for m in list(out):
            if m.kind == "demonym" or not (" " in m.surface and _looks_admin(m.surface)) and (
                    (after := _WORD_AFTER.match(text, m.end)) is None or after.group(1).lower() not in ADMIN_NOUNS):
                continue  # "... in the Zaporizhzhia region", "... in Zaporizhzhia Oblast"
            hit = _IN_REGION_BEFORE.search(text, max(0, m.start - 40), m.start)
            if hit is None:
                continue
            if end_index is None:
                end_index = {t.end: k for k, t in enumerate(toks)}
            k = end_index.get(hit.end(1))
            if k is None:
                continue
            s = _name_start(toks, text, k)
            if unknown_run(s) != k or any(toks[x].text in self.person_words for x in range(s, k + 1)):
                continue
            if s > 0 and ((toks[s - 1].text.lower() in TITLES and _adjacent(text, toks, s)) or (
                    toks[s - 1].cap and text[toks[s - 1].end : toks[s].start] == " ")):
                continue
            if (s == 0 or sent_of[s - 1] != sent_of[s] or text[max(0, toks[s].start - 3) : toks[s].start].strip() in _DASHES
                    ) and fold(text[toks[s].start : toks[k].end]) not in self.g.names:
                continue  # "Officials in the Kharkiv region": a sentence's first word (after a dateline's dash too), no name
            readings = [*m.cands, *_admin_readings(self.g, fold(m.surface))]
            region = _region_of(self.g, readings, True)
            owner = _POSSESSOR.search(hit.group(0))
            if owner is not None:  # "in Rwanda's Western Province": Rwanda's, not Sri Lanka's
                ccs = {self.g.cc[c >> 1] for c in self.g.names.get(fold(owner.group(1)), ()) if self.g.kind[c >> 1] == "country"}
                region = next((self.g.region[c >> 1] for c in readings if self.g.kind[c >> 1] == "admin1"
                               and self.g.cc[c >> 1] in ccs), region)
            found = add(s, k)
            if region:  # the region the text puts it in, as "X, Kursk region" would
                found.link_region, found.link_cc = region, region.split("-")[0]
        # "Wapenamanda, a town in the province's lowlands": an unknown run the text calls a
        # settlement is one (the gazetteer lacks it; it had been no place at all)
        if "," in text:
            for hit in _SETTLED_APPOSITION.finditer(text):
                if end_index is None:
                    end_index = {t.end: k for k, t in enumerate(toks)}
                k = end_index.get(hit.start())
                if k is None or used[k]:
                    continue
                s = _name_start(toks, text, k, used)  # "Yohmor al-Shqif, a village in ..."
                if unknown_run(s) != k or any(toks[x].text in self.person_words or toks[x].w.given  # type: ignore[union-attr]
                                             for x in range(s, k + 1)):
                    continue
                if s > 0 and toks[s - 1].text.lower() in TITLES and _adjacent(text, toks, s):
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
    def _comma_states(self, text: str, out: list[_Mention]) -> None:
        """"Harrisburg, Pa.", "Springfield, Mass.": after a place and a comma these are
        the state (whatever else was read there: "Pa" the town in Burkina Faso)."""
        if ", " not in text:
            return
        ends = {m.end: m for m in out if m.kind != "demonym"}
        for hit in _COMMA_STATE.finditer(text):
            place = ends.get(hit.start())
            i = self.g.admin1_idx.get(COMMA_STATE_ABBREVIATIONS[hit.group(1)])
            if place is None or i is None:
                continue
            s, e = hit.start(1), hit.end(1)
            out[:] = [m for m in out if m.end <= s or m.start >= e]
            out.append(_Mention(s, e, text[s:e], [i * 2], place.sent))  # _links sorts

    def _links(self, text: str, out: list[_Mention]) -> None:
        g = self.g
        out.sort(key=_START)
        for a, m in enumerate(out):
            if _WATER_BEFORE.search(text, max(0, m.start - 6), m.start) or (
                    _NAMED_FOR_AFTER.match(text, m.end) and _BUILDING_BEFORE.search(text, max(0, m.start - 8), m.start)) or (
                    _UNIT_AFTER.match(text, m.end)) or (_AREA_AFTER.match(text, m.end) and not any(
                    g.kind[c >> 1] == "city" and g.pop[c >> 1] >= _PROMINENT_POP for c in m.cands)):
                m.named_after = True
            if (unit := _UNIT_AFTER_COUNTRY.match(text, m.end)) and m.link_cc is None:
                # "Ramgarh and Matiranga upazilas": a unit only one country has says which
                # (Ramgarh had been a town of India in a story of Khagrachari)
                m.link_cc, m.in_country = _UNIT_COUNTRY[unit.group(1).lower()], True
            after = _WORD_AFTER.match(text, m.end)
            w = after.group(1).lower() if after else ""
            if w in ADMIN_NOUNS or w == "regional" or (w == "governor" and any(
                    g.kind[c >> 1] == "admin1" for c in m.cands)):
                m.admin_hint = True  # ("Belgorod governor Vyacheslav Gladkov": the region)
                _add_admin_readings(g, m)
            if a + 1 < len(out):
                nx = out[a + 1]
                gap = text[m.end : nx.start]
                if gap.strip() == "," or gap == " ":
                    # "X, Ukraine" / "X, Kursk region" / "X, Kursk region, Russia"
                    self._link_from(m, nx, out, a + 1, text)
                    if (m.link_cc and gap.strip() == "," and _country_of(g, nx) and not _LIST_BEFORE.search(text, 0, m.start)
                            and not _LIST_AFTER.match(text, nx.end)):
                        m.in_country = True  # "Nasir, South Sudan, on Friday", not "Crockett, Palestine and Lufkin"
                elif ((in_gap := gap == " in " or (gap[:3] == ", a" and _APPOSITION_IN.fullmatch(gap)))
                      and m.link_cc is None and nx.kind != "demonym" and (cc := _country_of(g, nx))
                      and not _EPITHET_BEFORE.search(text, max(0, m.start - 30), m.start)):
                    # "the village of Banibangou in Niger", not "St. Gregory of Narek in Vatican"
                    m.link_cc, m.in_country = cc, True
                elif (gap in (", in ", ", on the ") and m.link_cc is None and nx.kind != "demonym"
                      and (_CITY_PART_AFTER.match(text, nx.end) or text.startswith(" island", nx.end))
                      and (region := _region_of(g, nx.cands, False) or _city_region(g, nx.cands))):
                    # "in Santa Cruz, in Rio's far west zone", "in Santa Cruz, on the Galapagos
                    # island of the same name": that city's or region's (both had been Bolivia's
                    # Santa Cruz department)
                    m.link_region, m.link_cc = region, region.split("-")[0]
                elif _PART_IN.fullmatch(gap) and m.link_cc is None and nx.kind != "demonym" and (
                        (region := _city_region(g, nx.cands) or _region_of(g, nx.cands, nx.admin_hint))
                        or (cc := _address_country(g, out, a + 1, text))):
                    # "the Jacarezinho favela in Rio de Janeiro", "the Daraj neighbourhood of Gaza
                    # City": a part of that city or region (Jacarezinho had been the town in Parana);
                    # "Ramgarh and Matiranga upazilas in Khagrachari, Bangladesh": of that country
                    # (Ramgarh had been a town of India)
                    if region:
                        m.link_region, m.link_cc = region, region.split("-")[0]
                    else:
                        m.link_cc, m.in_country = cc, True
                elif (in_gap and m.link_cc is None and m.link_region is None and nx.kind != "demonym"
                      and (na := _WORD_AFTER.match(text, nx.end)) and na.group(1) in _REGION_NOUNS_IN
                      and (region := _region_of(g, nx.cands, True))):
                    # "near Kiunga in Lamu county", "Riyadh, a village in Kirkuk province": the
                    # region says where (Kiunga had been the town of Papua New Guinea, Riyadh
                    # the Saudi capital)
                    m.link_region, m.link_cc = region, region.split("-")[0]
            # "Ukraine's Sumy region", "Ukraine's northeastern Sumy region"
            if a > 0:
                pv = out[a - 1]
                gap = text[pv.end : m.start]
                if gap and gap[0] in "'’‘" and _POSS_GAP.fullmatch(gap):
                    cc = _country_of(g, pv)
                    if cc and m.link_cc is None:
                        m.link_cc = cc
                elif pv.kind == "demonym" and m.link_cc is None and _DEMONYM_OF_GAP.fullmatch(gap):
                    m.link_cc = _country_of(g, pv)  # None for a continent's ("the European city of")
            if m.admin_hint and w in ("regions", "oblasts", "provinces") and a > 0:
                # "Sumy and Kharkiv regions", "Russia's Kursk, Belgorod and Bryansk regions":
                # the names before "and", back along the list, are regions too
                b, nx = a - 1, m
                while b >= 0 and (_AND_GAP.fullmatch(text, out[b].end, nx.start) or (
                        nx is not m and text[out[b].end:nx.start] == ", ")):
                    out[b].admin_hint = True
                    _add_admin_readings(g, out[b])
                    b, nx = b - 1, out[b]
            if w in _COUNTY_NOUNS and after is not None and after.group(1).islower() and not (
                    w in ("counties", "parishes") and (a == 0 or not _AND_GAP.fullmatch(text, out[a - 1].end, m.start))
                    and _profile(g, fold(m.surface)).admin1_primary):
                # "Clarke County" the gazetteer lacks as a name, or "Clarke, Madison and
                # Oconee counties": the county readings, back along the list (but "Indiana
                # counties" are the state's, not Indiana County, Pennsylvania)
                b = a
                while True:
                    cur = out[b]
                    if not _add_county_readings(g, cur):
                        break
                    if b == 0 or w in ("county", "parish") or not _AND_GAP.fullmatch(text, out[b - 1].end, cur.start):
                        break
                    b -= 1

    def _link_from(self, m: _Mention, nx: _Mention, out: list[_Mention], b: int, text: str) -> None:
        g = self.g
        if nx.kind == "demonym":
            return
        if text.startswith(("'", "’"), nx.end) and not _POSS_SETTLEMENT.match(text, nx.end):
            return  # "Zelensky, Ukraine's president" is no address (a name at the text's end is),
            # but "Tripoli, Lebanon's second city" is
        cc = _country_of(g, nx)
        if cc:
            if not _ACTS_AFTER.match(text, nx.end):  # "In Kharkiv, Russia struck ...": no address
                m.link_cc = m.link_cc or cc
            return
        region = _region_of(g, nx.cands, nx.admin_hint)
        if region and any(g.kind[c >> 1] == "admin1" and not c & 1 for c in m.cands) and not any(
                g.region[c >> 1] == region for c in m.cands):
            # "Missouri, New York, North Carolina": a list of states, not an address; the
            # next name is a state too ("New York" the state, not the city)
            if any(g.kind[c >> 1] == "admin1" and not c & 1 for c in nx.cands):
                nx.admin_hint = True
            return
        if region:
            m.link_region = region
            m.link_cc = region.split("-")[0]
            if text[m.end : nx.start].strip() == "," and any(
                    g.kind[c >> 1] == "city" and g.region[c >> 1] == region for c in nx.cands):
                # "Rego Park, New York": after a place, a name its region shares with a
                # city of that region is the region
                nx.admin_hint = True
                nx.link_region, nx.link_cc = region, m.link_cc
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


def _name_start(toks: list[_Tok], text: str, k: int, used: list[bool] | None = None) -> int:
    """The first token of the capitalised name of up to three words ending at token ``k``,
    articles joined ("Ras al-Ain", "Yohmor al-Shqif"); not past a token ``used`` already."""
    s = k
    while s > 0 and k - s < 3:
        if toks[s - 1].cap and (used is None or not used[s - 1]) and (
                text[toks[s - 1].end : toks[s].start] in (" ", "-")
                or _ARTICLE_JOIN.fullmatch(text, toks[s - 1].end, toks[s].start)):
            s -= 1
        elif s > 1 and not toks[s - 1].cap and toks[s - 2].cap and (used is None or not used[s - 2]) and (
                _ARTICLE_JOIN.fullmatch(text, toks[s - 2].end, toks[s].start)):
            s -= 2
        else:
            break
    return s


def _address_country(g: Gazetteer, out: list[_Mention], b: int, text: str) -> str | None:
    """The country of the place at ``out[b]``: one it names, the one after it ("Khagrachari,
    Bangladesh"), or the only one of its readings."""
    nx = out[b]
    cc = _country_of(g, nx)
    if cc is None and b + 1 < len(out) and text[nx.end : out[b + 1].start].strip() == ",":
        cc = _country_of(g, out[b + 1])
    if cc is None and len(ccs := {g.cc[c >> 1] for c in nx.cands}) == 1:
        cc = next(iter(ccs)) or None
    return cc


def _add_county_readings(g: Gazetteer, m: _Mention) -> bool:
    """Before "county"/"counties", prefer the counties named "<surface> County" (or Parish)."""
    key = fold(m.surface)
    added = [c & ~1 for suffix in (" county", " parish") for c in g.names.get(key + suffix, ())
             if g.kind[c >> 1] == "admin2"]
    if not added or m.kind == "demonym":
        return False
    m.county_hint = True
    m.cands.extend(c for c in added if c not in m.cands and (c | 1) not in m.cands)
    return True


def _add_admin_readings(g: Gazetteer, m: _Mention) -> None:
    """Before "region"/"oblast", also offer the admin1 entries named "<surface> region"."""
    for c in _admin_readings(g, fold(m.surface)):
        if (c & ~1) not in m.cands and c not in m.cands:
            m.cands.append(c & ~1)


def _admin_readings(g: Gazetteer, key: str) -> tuple[int, ...]:
    """Encoded admin1 readings of "<key> region", "<key> oblast", "<key> province", in that
    order (memoised per gazetteer, bounded)."""
    return _memoised(g, "places.admin", 50_000, key, lambda: tuple(
        c for suffix in (" region", " oblast", " province")
        for c in g.names.get(key + suffix, ()) if g.kind[c >> 1] == "admin1"))


def _country_of(g: Gazetteer, m: _Mention) -> str | None:
    """The country a mention names outright (a country name or alias), else None; None too
    for a name of two countries ("Congo"), which links nothing."""
    found = None
    for c in m.cands:
        i = c >> 1
        if g.kind[i] == "country":
            if found is not None and g.cc[i] != found and not c & 1:
                return None
            found = found or g.cc[i]
    return found



#: A town this populous that shares its region's name is what the bare name means.
_REGION_CITY_POP = 1_000


#: A part of a city after its possessive: "Rio's far west zone", "Kabul's western outskirts".
_CITY_PART_AFTER = re.compile(
    r"['’]s?\s+(?:[\w-]+\s+){0,3}?(?:zone|districts?|suburbs?|outskirts|neighbou?rhoods?|area|quarter)\b")


def _city_region(g: Gazetteer, cands: Sequence[int]) -> str | None:
    """The region of a name's most populous city reading, if it is a city of 100,000 or more."""
    best = max((c >> 1 for c in cands if g.kind[c >> 1] == "city" and g.region[c >> 1]), key=g.pop.__getitem__, default=None)
    return g.region[best] if best is not None and g.pop[best] >= _PROMINENT_POP else None


def _region_of(g: Gazetteer, cands: Sequence[int], admin_hint: bool) -> str | None:
    """The ISO region a name names as a region ("Kursk region", "Belgorod Oblast"), given
    its readings and whether "region"/"oblast" follows it."""
    if not admin_hint:
        # the country, not the region code: GeoNames and ISO 3166-2 cut some countries
        # differently (GeoNames puts Rafah city in "Gaza Strip", ISO has Rafah governorate)
        ccs = {g.cc[c >> 1] for c in cands if g.kind[c >> 1] == "admin1"}
        if any(g.kind[c >> 1] == "city" and not c & 1 and g.cc[c >> 1] in ccs and g.pop[c >> 1] >= 100_000
               for c in cands):
            return None  # "Moscow", "Rafah": a bare name shared with a city of the region's country names the city
        top = max((g.pop[c >> 1] for c in cands if g.kind[c >> 1] == "admin1" and not c & 1), default=0)
        if any(g.kind[c >> 1] == "city" and not c & 1 and g.pop[c >> 1] >= max(top, 100_000) for c in cands):
            return None  # "Charlotte": a city more populous than any region of the name, not Charlotte Parish
    # several regions share the name ("Maryland": the state, a county of Liberia): the most populous
    best = max((c for c in cands if g.kind[c >> 1] == "admin1" and (not (c & 1) or admin_hint)),
               key=lambda c: (g.pop[c >> 1], -c), default=None)
    if best is None:
        return None
    reg = g.region[best >> 1]
    if not admin_hint and any(g.kind[c >> 1] == "city" and not c & 1 and g.region[c >> 1] == reg
                              and g.pop[c >> 1] >= _REGION_CITY_POP for c in cands):
        return None  # "Nelson": the town, not New Zealand's Nelson Region it is the seat of
    return reg


# --- resolving -----------------------------------------------------------------------


@dataclass(slots=True)
class _Context:
    """Countries and regions a text names outright, by sentence and for the whole text."""

    sent_regions: dict[int, list[str]]
    sent_countries: dict[int, Counter[str]]
    regions: Counter[str]
    countries: Counter[str]
    #: countries a sentence names as the one acting ("Israel has kept troops", "Russia
    #: said"): the country of its actor, not of its places (see ``_story_country``)
    sent_actors: dict[int, Counter[str]] = field(default_factory=dict)
    #: sentence -> region -> folded surfaces that name it: a name is no evidence for itself
    sent_region_keys: dict[int, dict[str, set[str]]] = field(default_factory=dict)
    sent_weak: dict[int, list[tuple[str, str]]] = field(default_factory=dict)  # (region, surface) of bare names that are also regions
    sent_weak_names: dict[int, dict[str, set[str]]] = field(default_factory=dict)  # the same: region -> surfaces
    #: regions a sentence names as regions ("the Belgorod region", "Kursk Oblast"): what a
    #: small place of the sentence that has no reading there falls back to
    framed_at: dict[int, list[tuple[str, int]]] = field(default_factory=dict)  # (region, where named)
    #: countries named outright (their names, demonyms), by folded surface: what a stray
    #: namesake abroad is weighed against
    named: dict[str, set[str]] = field(default_factory=dict)
    #: code -> folded surfaces that gave it evidence: a name must not vote for its own reading
    #: ("Georgia" x5 is no evidence for the country Georgia)
    sources: dict[str, Counter[str]] = field(default_factory=dict)
    #: (lat, lon, folded surface, region) of places resolved with confidence in the text
    anchors: list[tuple[float, float, str, str]] = field(default_factory=list)
    #: every name's settlement/county readings, by latitude: (lat, 1-degree cell row, cell
    #: column, order of spreading, lon, folded surface, weight, entry), and their latitudes
    grid: list[tuple[float, int, int, int, float, str, float, int]] = field(default_factory=list)
    grid_lats: list[float] = field(default_factory=list)
    soft_regions: dict[str, dict[str, float]] = field(default_factory=dict)  # region -> surface -> weight
    #: (entry, folded surface) -> support / near an anchor: the same for every mention of a name
    support_memo: dict[tuple[int, str], float] = field(default_factory=dict)
    #: (entry, folded surface) -> (near an anchor, how many of ``anchor_points`` were read):
    #: anchors only come, so a "no" is brought up to date by reading the new ones
    near_memo: dict[tuple[int, str], tuple[bool, int]] = field(default_factory=dict)
    #: the entries read since the last anchor came, while over _MAX_ANCHORS: what pass 2
    #: keeps of pass 1's answers once the anchors are cut to _MAX_ANCHORS
    near_fresh: set[tuple[int, str]] = field(default_factory=set)
    #: distinct anchors, and how many of them each folded surface gave: a name's readings
    #: change with the anchors of other names only
    anchor_set: set[tuple[float, float, str, str]] = field(default_factory=set)
    anchor_points: list[tuple[float, float, str, str]] = field(default_factory=list)  # the same, in order
    anchor_keys: Counter[str] = field(default_factory=Counter)
    #: the settlement the text is about (named most often among confident readings), if any
    focus: Place | None = None
    #: region evidence that came from datelines ("BEIRUT (Reuters) -"): where the reporter
    #: files from, no region for a place the gazetteer cannot place
    dateline_regions: Counter[str] = field(default_factory=Counter)
    dateline_sent_regions: set[tuple[int, str]] = field(default_factory=set)  # (sentence, region)
    #: folded names pass 1 read as the first-level region they name (not as a city of it)
    read_as_region: set[str] = field(default_factory=set)

    def add(self, counter: Counter[str], code: str, n: int, key: str) -> None:
        counter[code] = counter.get(code, 0) + n
        src = self.sources.get(code)
        if src is None:
            src = self.sources[code] = Counter()
        src[key] = src.get(key, 0) + n

    def other(self, counter: Counter[str], code: str, key: str) -> int:
        """Evidence for ``code`` from names other than ``key`` and its longer or shorter forms."""
        n = counter.get(code, 0)
        if n:
            src = self.sources.get(code)
            if src:
                n -= src.get(key, 0)
        return n


def _plural_demonym(g: Gazetteer, key: str) -> bool:
    """"latvians", "americans": the plural of a demonym the gazetteer has."""
    return key.endswith("s") and key[:-1] in g.demonyms


#: Before a name, words that put it across a border from the sentence's places.
_ACROSS_BEFORE = re.compile(r"\b(?:border|frontier|boundary) with (?:the )?(?:[\w-]+['’]s )?\Z")
#: Where a sentence's clause ends: a region named as one frames its own clause only.
_CLAUSE_CUT = re.compile(r", (?:and|while|but|whereas|as) |; ")
#: Before a region named as one: where people came from, not where the sentence happens.
_FROM_BEFORE = re.compile(r"\b(?:from|hailing from|natives? of) (?:the )?(?:[\w-]+ )?\Z", re.IGNORECASE)


def _context(g: Gazetteer, ms: list[_Mention], text: str) -> _Context:
    sr: dict[int, list[str]] = defaultdict(list)
    weak: dict[int, list[tuple[str, str]]] = defaultdict(list)
    sc: dict[int, Counter[str]] = defaultdict(Counter)
    ctx = _Context(sr, sc, Counter(), Counter(), sent_weak=weak)
    two: list[tuple[_Mention, str]] = []
    for m in ms:
        key = fold(m.surface)
        m.across = m.across or _ACROSS_BEFORE.search(text, max(0, m.start - 40), m.start) is not None or (
            _joined_modifier(m, text))  # "the Rwanda-backed M23"
        if m.across or m.named_after:  # (nor is a lake's name: "Lake Victoria" is no Australian state)
            # "pushed into Rafah, near the border with Egypt's North Sinai province": the
            # country across a border is named, but is no evidence for where the text's
            # places are (Rafah had been Egypt's)
            if m.kind != "demonym" and (cc := _mention_readings(g, m).country):
                ctx.named.setdefault(cc, set()).add(key)
            continue
        if _filed_from(m, text):
            before, n = Counter(ctx.regions), len(sr.get(m.sent, ()))
            _context_one(g, ctx, m, key, text)
            ctx.dateline_regions.update(ctx.regions - before)
            ctx.dateline_sent_regions.update((m.sent, r) for r in sr.get(m.sent, ())[n:])
            continue
        if m.kind != "demonym" and _mention_readings(g, m).countries > 1:
            two.append((m, key))  # "Congo": counted once the rest says which of the two
            continue
        _context_one(g, ctx, m, key, text)
    for m, key in two:
        _context_one(g, ctx, m, key, text)
    if ctx.framed_at:
        cuts = [c.start() for c in _CLAUSE_CUT.finditer(text)]
        for m in ms:
            if at := ctx.framed_at.get(m.sent):
                # "shelled Dobropillia and Chasiv Yar, and drones struck villages in the
                # Dnipropetrovsk region": the region frames its own clause only
                m.frames = tuple(r for r, pos in at if bisect_left(cuts, min(pos, m.start)) == bisect_left(cuts, max(pos, m.start)))
    return ctx


def _likelier_country(g: Gazetteer, ctx: _Context, rd: _Readings, key: str) -> str | None:
    """Of a name of two countries ("Congo"), the one the text's other places are in (Goma,
    "Congolese"), else the more populous: counting the first of the two had made "GOMA,
    Congo" a story of the Republic of the Congo, and Sake, North Kivu, that country."""
    best, top = None, -1
    for _c, _i, kind, cc, _reg, _prior_s, _mode in rd.rows:  # most populous first
        if kind != "country" or not cc:
            continue
        got = ctx.other(ctx.countries, cc, key) + sum(
            n for r, n in ctx.regions.items() if r.startswith(cc + "-") and ctx.other(ctx.regions, r, key) > 0)
        if got > top:
            best, top = cc, got
    return best


def _filed_from(m: _Mention, text: str) -> bool:
    """A dateline's place ("BEIRUT (Reuters) -"): where the reporter files from."""
    return len(m.surface) >= 4 and m.surface.isupper() and _DATELINE_AFTER.match(text, m.end) is not None


def _context_one(g: Gazetteer, ctx: _Context, m: _Mention, key: str, text: str) -> None:
    """Count one mention's country and region as evidence, for the text and for its sentence."""
    sent = m.sent
    sr, sc, weak = ctx.sent_regions, ctx.sent_countries, ctx.sent_weak
    regions, countries = ctx.regions, ctx.countries
    add = ctx.add
    if m.kind == "demonym":
        i = m.cands[0] >> 1
        # a plural names people, who travel ("the Latvians" climbing in Georgia): it
        # says nothing of where the text happens; an adjective ("Georgian police") does
        if g.kind[i] == "country" and not _plural_demonym(g, key) and not _ARMS_AFTER.match(text, m.end):
            # "Russian glide bombs hit Pokrovsk": who fires, not where (Pokrovsk had
            # been the Yakutian town, not Donetsk oblast's)
            cc = g.cc[i]
            counts = sc[sent]
            counts[cc] = counts.get(cc, 0) + 1
            add(countries, cc, 1, key)
            ctx.named.setdefault(cc, set()).add(key)
        return
    rd = _mention_readings(g, m)
    cc = rd.country if rd.countries < 2 else _likelier_country(g, ctx, rd, key)
    if cc:
        if not any(g.kind[c >> 1] == "city" and not c & 1 for c in m.cands):
            ctx.named.setdefault(cc, set()).add(key)  # not "Lebanon" (also a town in Pennsylvania)
        counts = sc[sent]
        counts[cc] = counts.get(cc, 0) + 2
        if _ACTS_AFTER.match(text, m.end) or ((joined := _AND_NAME.match(text, m.end)) and (
                _ACTS_AFTER.match(text, joined.end()))):
            # "Uganda and Congo have conducted joint operations": both act (Uganda alone had
            # been the story's country, and Masisi, a town of North Kivu, Ugandan)
            acts = ctx.sent_actors.setdefault(sent, Counter())
            acts[cc] += 2
        add(countries, cc, 2, key)
        # "Georgia": also weak evidence for a same-named region elsewhere
        for reg in rd.main_admin1:
            add(regions, reg, 1, key)
        return
    # a name shown as a settlement ("the Bel Air neighbourhood") names no region of its name
    reg = rd.region_hinted if m.admin_hint else None if m.settled else rd.region_bare
    named_here = ({m.link_cc: 1} if m.link_cc else None) or sc.get(sent) or countries
    if reg and (m.admin_hint or key in _COMPASS_NAMES or len(m.cands) > 1) and named_here and (
            reg.split("-")[0] not in named_here):
        # "In Yemen, ... the Al Jawf governorate": the governorate of the country the
        # sentence (else the text before it) names, not Saudi Arabia's Al Jawf Region;
        # "the governor of the North-West region" after Cameroon is Cameroon's
        # ("Rwanda's Western Province" is no Sri Lankan one; "In the North-West" after
        # Nigeria is no South African province, for Funtua beside it)
        reg = next((g.region[c >> 1] for c in m.cands if g.kind[c >> 1] == "admin1"
                    and g.cc[c >> 1] in named_here and g.region[c >> 1]),
                   None if key in _COMPASS_NAMES else reg)
    if reg:
        sr[sent].append(reg)
        ctx.sent_region_keys.setdefault(sent, {}).setdefault(reg, set()).add(key)
        if (m.admin_hint or _looks_admin(m.surface)) and not _FROM_BEFORE.search(text, max(0, m.start - 30), m.start) and not (
                reg[:3] == "US-" and m.surface.endswith(" State")):  # "Mississippi State" plays, it frames nothing
            # "labourers from Punjab province near Turbat": no frame for Turbat (it had
            # been put in Punjab, not Balochistan)
            ctx.framed_at.setdefault(sent, []).append((reg, m.start))
        add(regions, reg, 2, key)
        cc = reg.split("-")[0]
        add(countries, cc, 1, key)
        counts = sc[sent]
        counts[cc] = counts.get(cc, 0) + 1
    elif m.cands:
        if rd.county_region:  # "Edgar County" names one state as surely as "Illinois"
            add(regions, rd.county_region, 2, key)
            add(countries, "US", 1, key)
            return
        # a bare name that is also a region's name ("Belgorod"): weak region evidence
        if rd.first_admin1 is not None:
            add(regions, rd.first_admin1, 1, key)
            weak[sent].append((rd.first_admin1, key))
            ctx.sent_weak_names.setdefault(sent, {}).setdefault(rd.first_admin1, set()).add(key)


#: Seas, oceans and world regions news names ("Middle East", "Atlantic"). The gazetteer has
#: no point for them, only villages that share the name: left unresolved, never a village.
MACRO_REGIONS = frozenset(fold(x) for x in (
    "Middle East", "Near East", "Far East", "Atlantic", "Pacific", "Mediterranean", "Caribbean",
    "Arctic", "Antarctic", "Indian Ocean", "Atlantic Ocean", "Pacific Ocean", "Arctic Ocean",
    "Black Sea", "Red Sea", "Caspian", "Baltic", "Balkans", "Caucasus", "Sahel", "Sahara",
    "Andes", "Alps", "Himalayas", "Himalaya", "Rockies", "Rocky Mountains", "Pyrenees", "Carpathians",
    "Hindu Kush", "Urals", "Ural Mountains",
    "Maghreb", "Levant", "Gulf", "Persian Gulf", "Arabian Peninsula", "Korean Peninsula",
    "Horn of Africa", "North Africa", "West Africa", "East Africa", "Southern Africa",
    "Central Africa", "Sub-Saharan Africa", "Central Asia", "South Asia", "Southeast Asia",
    "East Asia", "Asia-Pacific", "Asia Pacific", "Indo-Pacific", "Central America",
    "Scandinavia", "Western Europe", "Eastern Europe", "Central Europe", "Northern Europe",
    "Southern Europe", "Midwest", "Pacific Northwest", "New England", "Gulf Coast",
    "East Coast", "West Coast", "Deep South", "Great Plains", "Great Lakes", "Appalachia",
))


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
    elif kind == "admin2":  # "Walker County": a county name is never a village's
        base = 3.5 + (0.0 if not (c & 1) else -1.0)
    elif kind == "county":  # "Hampshire": above a village, below a city, until context says
        base = 3.3
    elif i in g.capital_ids and not c & 1:
        base += 1.5  # by its own name only: "Ariel" (a West Bank settlement) is no Jerusalem
    if c & 1 and kind != "admin1":
        base -= 1.0
    return base


_first = itemgetter(0)
_START = attrgetter("start")


def _squash(x: float) -> float:
    """A raw score as a 0..1 confidence (memoised: scores are sums of a few constants)."""
    y = _SQUASHED.get(x)
    if y is None:
        if len(_SQUASHED) > 20_000:
            _SQUASHED.clear()
        y = _SQUASHED[x] = round(1.0 / (1.0 + math.exp(-(x - 4.0) / 1.5)), 3)
    return y


_SQUASHED: dict[float, float] = {}


def _fallback_region(g: Gazetteer, m: _Mention, ctx: _Context) -> str | None:
    """The region the sentence (else the text) names, for a place the gazetteer cannot place."""
    if m.link_region:
        return m.link_region
    if m.admin_hint:
        return None  # a first-level region ("Zabol province") lies in no other: its country
    here = _named_in(ctx, m.sent)
    # the country it falls back to without a region (see _resolve)
    cc = m.link_cc or (_story_country(ctx, m.sent) if m.kind == "inferred" else None) or (
        here[0] if len(here) == 1 else None) or _main_country(ctx)
    # a dateline's region is where the reporter files from: no region for the story's
    # places ("BEIRUT (Reuters) - Israeli strikes hit the southern towns of Khiam and Bint
    # Jbeil" had put Khiam in Beirut, "CAIRO (Reuters) - Shelling by Sudan's RSF on El
    # Fasher and the nearby Abu Shouk camp" Abu Shouk in Cairo)
    filed = ctx.dateline_sent_regions if cc else ()
    regs = ctx.sent_regions.get(m.sent)
    if regs and filed:
        regs = [r for r in regs if (m.sent, r) not in filed]
    if regs:
        # not a region the name itself is ("the Bel Air neighbourhood" read off the
        # Seychelles' Bel Air district)
        own = fold(m.surface)
        keys = ctx.sent_region_keys.get(m.sent, {})
        regs = [r for r in regs if keys.get(r, ()) != {own}] or None
    if not regs and (weak := ctx.sent_weak.get(m.sent)):
        # a bare name of a region in the sentence ("In Sagaing, a jet bombed ... Kani
        # township": not Rakhine, which the text names more)
        own = fold(m.surface)
        regs = [r for r, k in weak if k != own and (cc is None or r.startswith(cc + "-"))
                and (m.sent, r) not in filed and k in ctx.read_as_region] or None
    if not regs and m.sent > 0 and not m.link_cc and m.kind == "inferred":
        # the story's last region: "... in the province of Latakia. The monitor said 40 were
        # killed in the village of Mukhtariya" is in Latakia, not in the dateline's Beirut
        regs = ctx.sent_regions.get(m.sent - 1) or (
            ctx.sent_regions.get(m.sent - 2) if not ctx.sent_countries.get(m.sent - 1) else None)
        if regs and here:  # "In Georgia, protesters marched on Rustaveli Avenue": not Yerevan's
            regs = [r for r in regs if r.split("-")[0] in here]
    if regs:
        if m.link_cc:
            same = [r for r in regs if r.startswith(m.link_cc + "-")]
            if same:
                return Counter(same).most_common(1)[0][0]
            return None
        return Counter(regs).most_common(1)[0][0]
    if ctx.regions:
        # within the country the story (else the sentence, else the text) is about: one stray
        # reading elsewhere is no lead
        top = sorted(ctx.regions.items(), key=lambda kv: (-kv[1], kv[0]))
        for r, n in top:
            if cc is None or (r.startswith(cc + "-") and n > ctx.dateline_regions.get(r, 0)):
                return r  # (a region only datelines gave is no lead within the country)
    return None


def _clearly_about(ctx: _Context) -> str | None:
    """The country the text is about when its evidence is strong (4 or more, from 3 names
    or more: not "Lebanon" alone, a Pennsylvania county) and at least twice any other's."""
    top = ctx.countries.most_common(2)
    if not top or not top[0][0] or top[0][1] < 4 or (len(top) > 1 and top[1][1] * 2 > top[0][1]):
        return None
    return top[0][0] if len(ctx.sources.get(top[0][0], ())) >= 3 else None


def _named_in(ctx: _Context, sent: int) -> list[str]:
    """The countries a sentence names outright (a name counts 2, a demonym or region 1)."""
    return [cc for cc, n in ctx.sent_countries.get(sent, _NO_COUNTS).items() if n >= 2]


def _place_counts(ctx: _Context, sent: int) -> Counter[str]:
    """The sentence's country evidence, less the countries acting in it ("Israel has kept
    troops ... the town of Khiam" says nothing of where Khiam is)."""
    counts = ctx.sent_countries.get(sent, _NO_COUNTS) if sent >= 0 else _NO_COUNTS
    return counts - ctx.sent_actors[sent] if sent in ctx.sent_actors else counts


def _story_country(ctx: _Context, sent: int) -> str | None:
    """The country the sentence of a place shown as one ("the village of X"), else the one
    before it, names most (a roundup's "In Syria, ..." under a Beirut dateline), if one leads."""
    for k in (sent, sent - 1):
        top = _place_counts(ctx, k).most_common(2)
        if top and top[0][0] and top[0][1] >= 2 and (len(top) == 1 or top[0][1] > top[1][1]):
            return top[0][0]  # named, not only a demonym's ("Irish pub", "Indian Lake Road")
    return None


def _main_country(ctx: _Context) -> str | None:
    """The country with the most evidence in the text, if one leads."""
    top = ctx.countries.most_common(2)
    if not top or (len(top) > 1 and top[0][1] == top[1][1]) or not top[0][0]:
        return None
    return top[0][0]


#: How context scores a reading: a country (only the foreign-region test), a region or
#: settlement the text's regions and countries lift (a city also by anchors), or neither.
_BY_COUNTRY, _BY_CONTEXT, _BY_CONTEXT_NEAR, _FIXED = 0, 1, 2, 3
#: One reading as scoring reads it: (encoded id, entry, kind, country, region, prior, mode).
_Row = tuple[int, int, str, str, str, float, int]


@dataclass(frozen=True, slots=True, eq=False)  # compared by identity: one per name and candidates
class _Readings:
    """A name's readings with everything scoring needs that the gazetteer and the name alone
    fix (priors, kinds, which readings context or support can lift): the same for every
    mention of the name in every text, so computed once per name, not once per mention."""

    rows: tuple[_Row, ...]  # most populous first (then by id): a stable sort by score keeps that tie-break
    support: tuple[int, ...]  # positions in ``rows`` of the readings support can lift
    macro: bool  # a sea or world region with no continent reading: left unresolved
    country: str | None  # the country the name names outright (its first country reading)
    country_named: bool  # a country among several readings
    region_named: bool  # the main name of a country, or of a region no city of it shares
    admin_regs: frozenset[str]  # regions of main-name admin1 readings
    city_regs: frozenset[str]  # regions of main-name city readings
    admin_ccs: tuple[str, ...]  # countries of main-name admin1 readings
    reg_set: frozenset[str]  # regions of the readings
    cc_set: frozenset[str]  # countries of the readings context scores
    near_ok: bool  # a settlement reading that anchors can lift
    where: dict[int, tuple[str | None, str | None, str]]  # encoded id -> (country, region, name)
    region_bare: str | None  # the region the name names by itself (:func:`_region_of`)
    region_hinted: str | None  # the same before "region"/"oblast"
    county_region: str | None  # the one state its county readings are in, if one
    first_admin1: str | None  # region of its first admin1 reading
    main_admin1: tuple[str, ...]  # regions of its main-name admin1 readings, in order
    #: encoded id -> (lat, cell row, cell column, lon, weight, entry, region) of its settlement
    #: and county readings, each weighted by how little a chance match says
    spread: dict[int, tuple[float, int, int, float, float, int, str]]
    #: per row: a settlement dwarfed by a prominent namesake (:data:`_PROMINENT_POP`)
    dwarfed: tuple[bool, ...]
    #: (admin hint, county hint, linked region, linked country) -> each row's prior and
    #: pattern bonuses: most mentions share the few combinations
    linked: dict[tuple[bool, bool, str | None, str | None], tuple[float, ...]]
    countries: int = 1  # how many countries the name is ("Congo": two)
    #: regions that are a city's own subdivision (Kyiv City) beside another region of the
    #: name (Kyiv oblast): after "oblast" or "region" the name is the other one
    units: frozenset[str] = frozenset()

    @staticmethod
    def of(g: Gazetteer, key: str, cands: tuple[int, ...]) -> _Readings:
        kinds, ccs, regions, pops = g.kind, g.cc, g.region, g.pop
        has_country = main_country = False
        country = None
        admin_regs: set[str] = set()
        city_regs: set[str] = set()
        admin_ccs: list[str] = []
        for c in cands:
            kind = kinds[c >> 1]
            if kind == "country":
                has_country = True
                main_country = main_country or not c & 1
                country = country or ccs[c >> 1]
            elif not c & 1:
                if kind == "admin1":
                    admin_regs.add(regions[c >> 1])
                    admin_ccs.append(ccs[c >> 1])
                elif kind == "city":
                    city_regs.add(regions[c >> 1])
        country_named = has_country and len(cands) > 1
        rows: list[_Row] = []
        support: list[int] = []
        regs: dict[str, None] = {}
        cc_set: dict[str, None] = {}
        near_ok = False
        for c in sorted(cands, key=lambda c: (-pops[c >> 1], c)):
            i = c >> 1
            kind, pop, cc, reg = kinds[i], pops[i], ccs[i], regions[i]
            weak_town = country_named and kind == "city" and pop < 100_000
            if kind == "country":
                mode = _BY_COUNTRY
            elif kind == "continent" or weak_town:
                mode = _FIXED
            else:
                mode = _BY_CONTEXT_NEAR if kind == "city" else _BY_CONTEXT
                near_ok = near_ok or kind == "city"
                if cc:
                    cc_set[cc] = None
            if kind in ("city", "admin2") and not (c & 1 and g.gid[i]) and not weak_town:
                support.append(len(rows))
            rows.append((c, i, kind, cc, reg, _prior(g, c), mode))
            if reg:
                regs[reg] = None
        return _Readings(
            tuple(rows), tuple(support), key in MACRO_REGIONS and not any(kinds[c >> 1] == "continent" for c in cands),
            country, country_named, main_country or bool(admin_regs - city_regs),
            frozenset(admin_regs), frozenset(city_regs), tuple(admin_ccs), frozenset(regs), frozenset(cc_set),
            near_ok, {c: (ccs[c >> 1] or None, regions[c >> 1] or None, g.name[c >> 1]) for c in cands},
            _region_of(g, cands, False), _region_of(g, cands, True),
            counties.pop() if len(counties := {regions[c >> 1] for c in cands if kinds[c >> 1] == "admin2"}) == 1 else None,
            next((regions[c >> 1] for c in cands if kinds[c >> 1] == "admin1"), None),
            tuple(regions[c >> 1] for c in cands if kinds[c >> 1] == "admin1" and not c & 1),
            _spread_points(g, cands), _dwarfed(g, rows), {},
            countries=sum(1 for c in cands if kinds[c >> 1] == "country" and not c & 1),
            units=frozenset(regions[c >> 1] for c in cands if kinds[c >> 1] == "city" and not c & 1
                            and pops[c >> 1] >= 500_000 and regions[c >> 1] in admin_regs)
            if len(admin_regs) > 1 else frozenset())

    def bases(self, admin_hint: bool, county_hint: bool, link_region: str | None, link_cc: str | None) -> tuple[float, ...]:
        """Each row's prior plus what the name's own patterns add ("X region", "X, Ukraine")."""
        hit = self.linked.get((admin_hint, county_hint, link_region, link_cc))
        if hit is not None:
            return hit
        out = []
        units = self.units
        for _c, _i, kind, cc, reg, s, _mode in self.rows:
            if admin_hint:
                s += (4.0 if reg not in units else 1.0) if kind == "admin1" else -2.0
            elif county_hint:
                s += 4.0 if kind == "admin2" else -2.0
            if link_region and reg == link_region:
                s += 6.0
            elif link_cc:  # "Kansas, Illinois": the state of Kansas is in the country, not the region
                s += (2.0 if link_region else 5.0) if cc == link_cc else -4.0
            out.append(s)
        hit = self.linked[(admin_hint, county_hint, link_region, link_cc)] = tuple(out)
        return hit


#: A settlement this populous, or a capital, is what a bare mention of its name usually means:
#: that the text names the country of a namesake under 1/_DWARF_RATIO of its size, or one
#: region among several others, lifts the namesake only by _DWARF_DAMP as much ("London" in
#: a text that names the US and Los Angeles is not London, California). A region the text is
#: mostly about, and the sentence's own regions, count in full (Paris, Illinois, in local news).
_PROMINENT_POP = 100_000
_DWARF_RATIO = 50
_DWARF_DAMP = 0.25


def _dwarfed(g: Gazetteer, rows: list[_Row]) -> tuple[bool, ...]:
    top = max((g.pop[i] for c, i, kind, *_ in rows if kind == "city" and not c & 1
               and (g.pop[i] >= _PROMINENT_POP or i in g.capital_ids)), default=0)
    if not top:
        return (False,) * len(rows)
    return tuple(kind == "city" and g.pop[i] * _DWARF_RATIO < top for _c, i, kind, *_ in rows)


def _spread_points(g: Gazetteer, cands: tuple[int, ...]) -> dict[int, tuple[float, int, int, float, float, int, str]]:
    """A name's settlement and county readings as :func:`_spread_readings` lays them out:
    ambiguous names (many readings) and tiny places support less."""
    pts = [c for c in cands if g.kind[c >> 1] in ("city", "admin2")]
    out = {}
    if pts:
        base = min(1.0, _AMBIGUITY / len(pts))
        for c in pts:
            i = c >> 1
            w = base if g.pop[i] >= _SMALL_POP or g.kind[i] == "admin2" else base * _SMALL_WEIGHT
            lat, lon = g.lat[i], g.lon[i]
            out[c] = (lat, math.floor(lat), math.floor(lon), lon, w, i, g.region[i])
    return out


def _readings(g: Gazetteer, key: str, cands: tuple[int, ...]) -> _Readings:
    """:class:`_Readings` of a folded name and its candidates, memoised per gazetteer (bounded)."""
    return _memoised(g, "places.readings", 5_000, (key, cands), lambda: _Readings.of(g, key, cands))


def _mention_readings(g: Gazetteer, m: _Mention) -> _Readings:
    """The mention's :class:`_Readings`, kept on it (its candidates are final once found)."""
    rd = m.rd
    if rd is None:
        rd = m.rd = _readings(g, fold(m.surface), tuple(m.cands))
    return rd


_NO_COUNTS: Counter[str] = Counter()


def _lift(scored: list[tuple[float, int]], k: int) -> int:
    """Put reading ``k`` first (a rule overrules the scores) and return it, the new top."""
    scored.insert(0, scored.pop(k))
    return scored[0][1]


def _resolve(g: Gazetteer, m: _Mention, ctx: _Context) -> bool:
    """Score a mention's readings and set its reading, runner-ups and strength.

    True when the result read the whole list of regions the sentence names (a small
    place reported as one of them, or a name the gazetteer cannot place)."""
    if m.kind == "demonym":
        # a demonym's one reading is its country or continent at a fixed score
        m.resolved = g.place(m.cands[0] >> 1, _squash(8.0))
        return False
    rd = _mention_readings(g, m)
    if rd.macro:
        m.resolved, m.runners = None, []
        return False
    key = fold(m.surface)
    sent_regions = ctx.sent_regions.get(m.sent, ())
    sent_region_keys = ctx.sent_region_keys.get(m.sent, {})
    sent_countries = ctx.sent_countries.get(m.sent, _NO_COUNTS)
    sent_weak = ctx.sent_weak_names.get(m.sent)
    anchors = ctx.anchor_points
    many_anchors = len(ctx.anchors) > _MAX_ANCHORS
    other = ctx.other
    # evidence from other names for any country at all: a country nobody else names is
    # less likely than a same-named region of a country the text is about ("Georgia")
    # a name that is a country's ("China", "US") is that country, not a village of its name
    # that context happens to favour: small settlements get no context bonus then
    foreign = bool(rd.admin_ccs) and len(m.cands) > 1 and not m.link_cc and any(
        other(ctx.countries, cc, key) > 0 for cc in rd.admin_ccs)
    reg_bonus: dict[str, float] = {}  # per region and per country: the same for every reading
    cc_bonus: dict[str, float] = {}
    near_memo = ctx.near_memo
    region_total = sum(ctx.regions.values())
    diffuse: set[str] = set()
    scored: list[tuple[float, int]] = []
    append = scored.append
    settled_town = m.small and rd.country_named and any(r[2] == "city" for r in rd.rows)
    for (c, i, _kind, cc, reg, _prior_s, mode), s, dwarfed in zip(
            rd.rows, rd.bases(m.admin_hint, m.county_hint, m.link_region, m.link_cc), rd.dwarfed):
        if settled_town:
            if mode == _BY_COUNTRY:
                continue  # "the community of Costa Rica, south of Culiacan": a town, never the country
            if mode == _FIXED and _kind == "city":
                mode = _BY_CONTEXT_NEAR  # and its towns are read by the text like any other's
        if mode == _BY_COUNTRY:
            if foreign:
                s += 1.0 if other(ctx.countries, cc, key) > 0 else -1.5
            elif rd.countries > 1 and (other(ctx.countries, cc, key) > 0 or any(
                    r.startswith(cc + "-") for r in ctx.regions if other(ctx.regions, r, key) > 0)):
                s += 1.0  # "Congo": the one of the two the text's other places are in (Brazzaville)
        elif mode != _FIXED:
            if reg:
                b = reg_bonus.get(reg)
                if b is None:
                    if reg in sent_regions and not (
                            m.admin_hint and len(ks := sent_region_keys[reg]) == 1 and key in ks):
                        b = 3.0  # but "the Al Jawf governorate" is no evidence for one Al Jawf
                    elif sent_weak and (ks := sent_weak.get(reg)) and (len(ks) > 1 or key not in ks):
                        b = 2.0  # another bare name in the sentence is this region's
                    else:
                        n = other(ctx.regions, reg, key)
                        b = 1.5 + 0.5 * min(n, 4) if n > 0 else 0.0
                        if n > 0 and n * 2 < region_total:
                            diffuse.add(reg)  # one region among others the text names (_DWARF_DAMP)
                    reg_bonus[reg] = b
                s += b * _DWARF_DAMP if dwarfed and reg in diffuse else b
            if cc:
                b = cc_bonus.get(cc)
                if b is None:
                    if sent_countries.get(cc):
                        b = 2.0
                    else:
                        n = other(ctx.countries, cc, key)
                        b = 0.8 + 0.2 * min(n, 5) if n > 0 else 0.0
                    cc_bonus[cc] = b
                s += b * _DWARF_DAMP if dwarfed else b
            if anchors and mode == _BY_CONTEXT_NEAR:
                e = near_memo.get((i, key))
                if e is None or (not e[0] and e[1] < len(anchors)):
                    e = near_memo[(i, key)] = (
                        _near_anchor(g.lat[i], g.lon[i], key, anchors[e[1] :] if e else anchors), len(anchors))
                if many_anchors:
                    ctx.near_fresh.add((i, key))
                if e[0]:
                    s += 2.0
        append((s, c))
    if ctx.grid and len(scored) > 1 and not rd.region_named and rd.support and not (m.admin_hint and rd.admin_regs):
        # (never past the region a name is told as: "In Donetsk region, ... near Pokrovsk,
        # Myrnohrad" had become Donetsk city, the towns' support lifting it)
        # support only matters for readings it can lift to the top; it never lifts a reading
        # by another place's alternate name ("Florida" for a village), nor a town over the
        # state or country a name is the main name of ("California", "Montana")
        floor = max(scored)[0] - _MAX_SUPPORT
        support_memo = ctx.support_memo
        rows = rd.rows
        for n in rd.support:
            s, c = scored[n]
            if s > floor:
                i = c >> 1
                sup = support_memo.get((i, key))
                if sup is None:
                    sup = support_memo[(i, key)] = _support(ctx, i, g.lat[i], g.lon[i], rows[n][4], key)
                scored[n] = (s + sup, c)
    # rows are most populous first, and the sort is stable: a tie goes to the populous reading
    scored.sort(key=_first, reverse=True)
    kinds, ccs, regions, pops = g.kind, g.cc, g.region, g.pop
    admin_regs, city_regs = rd.admin_regs, rd.city_regs
    country_named = rd.country_named
    top = scored[0][1] if scored else 0
    if top & 1 and len(scored) > 1 and kinds[top >> 1] == "city" and pops[top >> 1] < _STRAY_POP:
        # a region by its own name over a small town of it by another name ("Mexico's
        # Sinaloa" is the state, not Sinaloa de Leyva, which is also called Sinaloa)
        k = next((k for k, (_s, c) in enumerate(scored) if not c & 1 and kinds[c >> 1] == "admin1"
                  and regions[c >> 1] == regions[top >> 1]), 0)
        if k:
            top = _lift(scored, k)
    if top & 1 and len(scored) > 1:
        # a capital by its own name, its country named in the text, over another place's
        # alternate name ("New Delhi accused ..., a charge Islamabad denies" in a story on
        # Kashmir is Pakistan's capital, not Anantnag, whose old name it is)
        k = next((k for k, (_s, c) in enumerate(scored) if not c & 1 and (c >> 1) in g.capital_ids
                  and other(ctx.countries, ccs[c >> 1], key) > 0), 0)
        if k:
            top = _lift(scored, k)
    if len(scored) > 1 and kinds[top >> 1] == "city" and regions[top >> 1]:
        # a village beside a city of its name in the same region is no reading of the name
        # once the text's other places lift it ("Zaporizhzhia", a village of 656 beside the
        # city of 710,000 known by that spelling, near Orikhiv and Enerhodar)
        reg, floor = regions[top >> 1], max(pops[top >> 1], 1) * _CITY_OVER_VILLAGE
        k = max((k for k, (_s, c) in enumerate(scored) if kinds[c >> 1] == "city" and regions[c >> 1] == reg),
                key=lambda k: pops[scored[k][1] >> 1])
        if k and pops[scored[k][1] >> 1] >= max(floor, 100_000):
            top = _lift(scored, k)
    if scored and top & 1 and kinds[top >> 1] == "city" and not m.link_cc and sent_countries.get(ccs[top >> 1], 0) < 2:
        # by another name only, abroad, while its sentence names a country that has a reading
        # by this very name: that one ("Trinidad and Tobago police in San Fernando" in a story
        # about Apure is not San Fernando de Apure)
        k = next((k for k, (_s, c) in enumerate(scored) if not c & 1 and sent_countries.get(ccs[c >> 1], 0) >= 2
                  and pops[c >> 1] * 10 >= pops[top >> 1]), None)  # not "Fly to Petersburg" (Illinois, 2,000)
        if k is not None:
            top = _lift(scored, k)
    if scored and kinds[top >> 1] == "city" and admin_regs and not (m.link_cc or m.link_region):
        if ((top & 1 and regions[top >> 1] in admin_regs and pops[top >> 1] < 100_000)
                or (pops[top >> 1] < 10_000 and any(r.startswith(ccs[top >> 1] + "-") for r in admin_regs - city_regs))):
            # "Montana", "Kansas": the state by its main name, not a town of it that has the
            # name as an alias, nor a village elsewhere that shares it ("Kansas, Illinois"
            # would say so); a metropolis keeps its name: "New York" is the city
            k = next(k for k, (_s, c) in enumerate(scored) if kinds[c >> 1] == "admin1" and not c & 1
                     and ccs[c >> 1] == ccs[top >> 1])
            _lift(scored, k)
        elif top & 1 and pops[top >> 1] < 100_000 and ccs[top >> 1] in rd.admin_ccs:
            # a town elsewhere in the state's country that has the name as an alias: the best
            # reading by the main name ("Florida" is not Valle Vista, California; "Washington"
            # is not Reisterstown, Maryland)
            k = next((k for k, (_s, c) in enumerate(scored) if not c & 1), None)
            if k is not None:
                _lift(scored, k)
    if country_named and scored and g.kind[scored[0][1] >> 1] == "city" and not (
            m.link_region or m.admin_hint or (m.link_cc and m.link_cc == g.cc[scored[0][1] >> 1])):
        # a country's own name ("Mexico") is the country, not a city that context favours
        k = next((k for k, (_s, c) in enumerate(scored) if g.kind[c >> 1] == "country" and not c & 1), None)
        if k is not None:
            _lift(scored, k)
    if m.in_country and m.link_cc and scored and not any(ccs[c >> 1] == m.link_cc for _s, c in scored) and all(
            kinds[c >> 1] == "city" and pops[c >> 1] < 100_000 for _s, c in scored):
        # "Nasir, South Sudan": the text says the country, and no reading is in it (Nasir had
        # been a village in Turkey, then Khartoum's Nasir Extension): that country
        scored = []
    if key in _COMPASS_NAMES:
        # "North-West", "South-East": regions of many countries (South Africa, Botswana,
        # Cameroon), and Nigeria's geopolitical zones, which none is: only a reading in a
        # country the text names counts ("Nigeria's North-West" had been ZA-NW)
        scored = [x for x in scored if ccs[x[1] >> 1] == m.link_cc or other(ctx.countries, ccs[x[1] >> 1], key) > 0]
        if not scored:  # the country the text is about, at country precision
            cc = m.link_cc or _main_country(ctx)
            m.scored, m.runners = [], []
            m.resolved = g.country_place(cc, _squash(3.0)) if cc else None
            return False
    if m.named_after and scored and not _in_evidence(ctx, ccs[scored[0][1] >> 1], regions[scored[0][1] >> 1], key):
        # "Lake Victoria" in a story about Uganda is not the Australian state: a lake is
        # named after a place only of a country or region the text is about ("Lake
        # Hartwell" in Georgia is by Hartwell); else the text's country (a text that names
        # no country at all keeps the name's readings: "camps in Cox's Bazar district"; but a
        # city the text placed elsewhere is evidence: "the Naivasha market" of El Fasher is no
        # Naivasha in Kenya)
        scored = [x for x in scored if _in_evidence(ctx, ccs[x[1] >> 1], regions[x[1] >> 1], key)] or (
            scored if not (ctx.countries or ctx.regions or any(
                k != key and not r.startswith(ccs[scored[0][1] >> 1]) for _a, _b, k, r in ctx.anchors)) else [])
    if m.link_region and scored and not m.admin_hint and not any(regions[c >> 1] == m.link_region for _s, c in scored):
        # told as part of a city or region that none of its readings is in ("in Santa Cruz, in
        # Rio's far west zone"): that region, not a namesake elsewhere
        scored = []
    if m.admin_hint and scored and ctx.countries and not m.link_cc and all(
            kinds[c >> 1] == "city" and other(ctx.countries, ccs[c >> 1], key) <= 0 for _s, c in scored):
        # told as a region ("Zabol province"), it has only town readings, in countries the
        # text never names: a region the gazetteer spells otherwise (Afghanistan's Zabul),
        # not Iran's town of Zabol; the text's region or country
        scored = []
    if scored and not (m.link_cc or m.link_region) and all(
            kinds[c >> 1] == "city" and pops[c >> 1] < _HAMLET_POP and ccs[c >> 1] not in ctx.named
            and other(ctx.countries, ccs[c >> 1], key) <= 0 for _s, c in scored) and _clearly_about(ctx):
        # only hamlets, in countries the text neither names nor places anything in, while it
        # is clearly about another: a place of that country the gazetteer lacks
        # ("the killing of 500 people in Moura" in a story on Mali is no Portuguese village)
        scored = []
    m.scored = scored
    # a place the gazetteer lacks, or a small place none of whose readings lies in the
    # region the text names: report the region, never a namesake elsewhere
    if scored:
        best_s, best = scored[0]
        bi = best >> 1
        bkind = g.kind[bi]
        # only a region named as one ("in the Belgorod region"): a bare state or region name
        # in a sentence that also names a town elsewhere ("DeKalb ... Wisconsin") is no frame
        regs_here = list(m.frames) or ([m.link_region] if m.link_region else [])
        small = bkind == "city" and bi not in g.capital_ids and g.pop[bi] < 200_000
        if not regs_here and small and len(scored) == 1 and g.pop[bi] < _HAMLET_POP and m.sent > 0 and not (
                m.link_cc or m.link_region) and other(ctx.regions, g.region[bi], key) == 0:
            # a hamlet's one reading in a region the text names nowhere, right after a sentence
            # that names another region of its country as one: "... in a village in the central
            # Sagaing region ... A fighter jet dropped two bombs on Nyaung Pin Thar village in
            # Tabayin township" is in Sagaing, not at a namesake near Yangon
            regs_here = [r for r, _at in ctx.framed_at.get(m.sent - 1, ())
                         if r.startswith(g.cc[bi] + "-") and r != g.region[bi]]
        if (not small and bkind == "city" and bi not in g.capital_ids and g.pop[bi] < 1_000_000
                and other(ctx.countries, g.cc[bi], key) == 0):
            frame = [r for r in regs_here if not r.startswith(g.cc[bi] + "-")]  # named as regions only:
            # a bare "Delta" (Police Department) beside Vancouver frames nothing
            if frame:
                small, regs_here = True, frame
        # ("Palma in Mozambique's Cabo Delgado province" is not Palma de Mallorca: a city of
        # a country nothing else in the text is in, beside a region named as one elsewhere)
        read = False
        if m.kind == "district" or (small and any(g.kind[c >> 1] == "admin1" and not c & 1 for c in m.cands)):
            small = False  # a name that is itself a region's ("in Al Bayda and in the Al Jawf governorate")
        if small and regs_here and g.region[bi] not in regs_here and not (
                m.link_cc and m.link_cc == g.cc[bi] and not m.link_region) and not (
                not best & 1 and sent_countries.get(g.cc[bi], 0) >= 2
                and not any(r.startswith(g.cc[bi] + "-") for r in regs_here)):
            # (but a town of another country the sentence names is no place of the region it
            # names: "crossed into Chad through the border town of Adre, while others
            # have fled south to Renk in South Sudan's Upper Nile state" had put Adre in Upper Nile)
            reg = _fallback_region(g, m, ctx)
            if reg and reg != g.region[bi]:
                p = g.region_place(reg, _squash(best_s))
                if p is not None:
                    m.strength = 3 if m.link_region else 2
                    m.resolved = p
                    m.runners = _runners(g, rd, scored, p)
                    return True
            read = True
        if m.kind == "district" and bkind != "city":
            scored = []
        elif (bkind == "city" and best & 1 and g.pop[bi] < _STRAY_POP
              and not (m.link_cc or m.link_region) and bi not in g.capital_ids
              and all(g.kind[c >> 1] == "city" and g.cc[c >> 1] not in ctx.named
                      and other(ctx.countries, g.cc[c >> 1], key) == 0 for _s, c in scored)
              and any(keys - {key} for keys in ctx.named.values())):
            # a small place by another name, every reading in a country the text never names
            # nor places anything in, while it names another outright: "Tawbya" in a text about
            # Yemen is not a Burmese village (Taw Pyar) by another name, "Guma local government
            # area" in Benue no Goma in the Philippines; the text's region or country (by its
            # main name a village stays: "switching to Middlestown" in Yorkshire is no Portugal)
            scored = []
        elif (m.settled and bkind in _SETTLED_KINDS and (bkind != "city" or g.pop[bi] < (
                _FRAMED_ALT_POP if best & 1 else _FRAMED_POP))
              and bi not in g.capital_ids and not (m.link_cc or m.link_region)
              and g.cc[bi] not in ctx.named and other(ctx.countries, g.cc[bi], key) == 0
              and (frame := _frame_country(ctx, m.sent) or (
                  None if _in_evidence(ctx, g.cc[bi], g.region[bi], key) else _unframed_main(g, ctx, m.sent))) is not None
              and frame != g.cc[bi] and not any(g.cc[c >> 1] == frame for _s, c in scored)):
            # a place shown as a settlement, in a sentence (or after one) about another
            # country, and nothing else in the text is in this one: "In Sudan, the RSF attacked the town of Tawila" had
            # been a village in Yemen, "In Burkina Faso ... the town of Sole" Cholet in France;
            # the text's region or country, at the precision it supports, as sure as a
            # region its sentence names: the name elsewhere in the text takes it ("in
            # Mambasa territory, Ituri province" then no highlight's "Mambasa" is Mombasa)
            scored, m.strength = [], 2
        elif (m.small and bkind == "city" and g.pop[bi] < _TOWN_POP and bi not in g.capital_ids
              and not (m.link_cc or m.link_region) and not _place_counts(ctx, m.sent)
              and (frame := _clearly_about(ctx)) is not None
              and all(g.cc[c >> 1] != frame and g.cc[c >> 1] not in ctx.named
                      and other(ctx.countries, g.cc[c >> 1], key) == 0 for _s, c in scored)):
            # a city the text calls a town or village, in a country it never names nor places
            # anything in, in a sentence that names none while the text is clearly about
            # another: "the militants stormed the town of Palma" in a story of Cabo Delgado is
            # no Palma de Mallorca; the text's region or country
            scored, m.strength = [], 2
        elif (bkind == "city" and g.pop[bi] < (_LONE_ALT_POP if best & 1 else _FRAMED_POP)
              and bi not in g.capital_ids and not (m.link_cc or m.link_region)
              and sent_countries.get(frame := _frame_country(ctx, m.sent) or "", 0) >= 2 and _surely_named(g, ctx, frame)
              and all(g.kind[c >> 1] == "city" and g.cc[c >> 1] != frame and g.cc[c >> 1] not in ctx.named
                      and other(ctx.countries, g.cc[c >> 1], key) == 0
                      and g.pop[c >> 1] < (_LONE_ALT_POP if c & 1 else _FRAMED_POP) for _s, c in scored)):
            # every reading a small place in a country the text never names nor places
            # anything else in, while the sentence names its own country outright (by a name
            # no town or state shares: not "The Jordan resident ... in Robbinsdale", "Lake
            # Hartwell ... northeast Georgia"): "Pakistani
            # troops clashed with militants in the Tirah valley ... a bomb went off in Bara"
            # had been Tirat Karmel in Israel and Bara in Nigeria; the sentence's country
            scored = []
        else:
            m.resolved = g.place(bi, _squash(best_s))
            m.runners = _runners(g, rd, scored[1:], m.resolved)
            if (m.link_cc and g.cc[bi] == m.link_cc) or (m.link_region and g.region[bi] == m.link_region):
                m.strength = 3
            elif g.region[bi] and g.region[bi] in sent_regions:
                m.strength = 2
            else:
                m.strength = 1
            return read
    # nothing in the gazetteer: the region (or country) the text supports
    reg = _fallback_region(g, m, ctx)
    if m.kind == "district" and reg is None and m.link_region:
        reg = m.link_region
    f = ctx.focus
    story = m.link_cc or (_story_country(ctx, m.sent) if m.kind == "inferred" else None)
    here = _named_in(ctx, m.sent)
    if f is not None and m.kind != "district" and not m.settled and not m.admin_hint and (reg is None or reg == f.region) and (
            story is None or story == f.country) and (not here or f.country in here):
        # (not the text's main town when the sentence names another country: "In Georgia,
        # protesters marched on Rustaveli Avenue" had been put in Yerevan; nor for another
        # settlement: "the village of Makumo ... in Mambasa territory" is not in Djugu)
        m.resolved = Place.model_construct(**{**f.__dict__, "precision": GeoPrecision.ADMIN2, "score": _squash(3.5)})
        return True
    if reg:
        p = g.region_place(reg, _squash(3.5))
        if p is not None:
            near = [(a, b) for a, b, _k, r in ctx.anchors if r == reg]
            if near:
                # the region, at the middle of the places the text names in it: a street or
                # hall of a text about northern Virginia is nearer them than the state's centre
                p = Place.model_construct(**{**p.__dict__, "lat": statistics.median(a for a, _b in near),
                                             "lon": statistics.median(b for _a, b in near)})
            if m.kind == "district":
                p = Place.model_construct(**{**p.__dict__, "name": m.surface, "kind": PlaceKind.DISTRICT,
                                             "precision": GeoPrecision.ADMIN1, "geonames_id": None,
                                             "population": None})
            m.resolved = p
            return True
    cc = story or (here[0] if len(here) == 1 else None) or _main_country(ctx)
    if cc:
        m.resolved = g.country_place(cc, _squash(3.0))
    return True


def _unframed_main(g: Gazetteer, ctx: _Context, sent: int) -> str | None:
    """The text's main country, for a sentence that (with the one before) names no
    country at all, when the text names it by a name nothing else is called by: "Fighting
    erupted in Bagan, a village in Lower Kurram" in a story about Pakistan is no Russian
    village."""
    if any(_place_counts(ctx, k) for k in (sent, sent - 1)):
        return None
    cc = _main_country(ctx)
    if not cc or ctx.countries[cc] < 2:
        return None
    # by its own name, not only a demonym ("English" beside Tipperary town says no country)
    return cc if _surely_named(g, ctx, cc, by_demonym=False) else None


def _surely_named(g: Gazetteer, ctx: _Context, cc: str, *, by_demonym: bool = True) -> bool:
    """Whether the text names the country by a name (or, if ``by_demonym``, a demonym)
    nothing else is called by."""
    demonyms = g.demonyms
    return any(key in demonyms or all(g.kind[c >> 1] == "country" for c in g.names.get(key, ()) if not c & 1)
               for key in ctx.named.get(cc, ()) if by_demonym or key not in demonyms)


def _in_evidence(ctx: _Context, cc: str, reg: str, key: str) -> bool:
    """Whether the text, other than by ``key`` itself, names this country or region."""
    return bool(ctx.other(ctx.countries, cc, key) or (reg and ctx.other(ctx.regions, reg, key)))


#: A body's head noun and "for"/"of" before a word of its name ("Centre for Research").
_BODY_FOR_BEFORE = re.compile(
    r"\b(?:Centre|Center|Institute|Council|Committee|Commission|Foundation|Association|Society|Campaign|"
    r"Fund|Alliance|Coalition|Movement|Federation|League|Network|Office|Bureau|Agency|Department|"
    r"Ministry|School|College|University|Academy|Board|Forum) (?:for|of) (?:the )?$")
_REGION_NOUN_AFTER = re.compile(r" (?:region|province)\b")
#: The end of an institution's name of two fields: "the Pinelake Health and Rehab center"
_FIELDS_BEFORE = re.compile(r"\b([A-Z][a-z]+) (?:and|&) $")
_INSTITUTION_AFTER = re.compile(r" (?:center|centre|clinic|hospital|home|facility)\b")
_COMPASS_NAMES = frozenset(
    f"{a}{sep}{b}" for a in ("north", "south") for b in ("east", "west", "central", "south")
    for sep in (" ", "")) | frozenset(("north central", "south south"))
#: A city this many times the size of a namesake village in its region is the name's reading.
_CITY_OVER_VILLAGE = 100
#: Places this small, read by another name only, are no lead abroad (see ``_resolve``).
_STRAY_POP = 20_000
#: Settlements this small abroad, by any name, yield to the country a text names (``_resolve``).
_HAMLET_POP = 10_000
#: Places below these (by main name / another name only) abroad, in a country nothing else
#: of the text is in, yield to the country the sentence is about (see ``_frame_country``).
_FRAMED_POP, _FRAMED_ALT_POP = 20_000, 10_000_000  # by another name, even a city ("Mambasa" is no Mombasa)
#: Readings by another name below this, abroad, yield to the country their sentence names.
_LONE_ALT_POP = 30_000
#: Readings a place shown as a settlement may have and still yield so: a small town, or a
#: region of any size ("the Bel Air neighbourhood" of Port-au-Prince is no district of the
#: Seychelles, "the Salah al-Din neighbourhood of Tripoli" no Iraqi governorate).
_SETTLED_KINDS = frozenset(("city", "admin1", "admin2"))
_TOWN_POP = 1_000_000  # a city shown as a town or village the text's country lacks: not this city


#: A capitalised word and a Romance "of" before a name: "Defensoria del Pueblo", "Banco de la
#: Nacion" (a place's own longer name, "San Jose del Guaviare", matched whole before this).
_NAME_OF_BEFORE = re.compile(r"\b[A-Z][\w'’-]+ (?:del|de la|de los|de las|des|du|della|do|da) $")
#: After a given name and a surname: what follows a person ("Chad Miller, a coordinator", "... said").
_PERSON_FOLLOWS = re.compile(r"(?:,\s+(?:a|an|the|who|whose|\d)\b|\s+(?:said|says|told|added|who)\b)")
_NAME_OF_THE_BEFORE = re.compile(r"\b[A-Z][\w'’-]+ of the $")
#: The last words either pattern above needs: a cheap test before reading them.
_OF_TAILS = (" del ", " de la ", " de los ", " de las ", " des ", " du ", " della ", " do ", " da ", " of the ")
#: ... unless the name goes on ("of the Grovetown Department", "of the Ochamchire district").
_NAME_GOES_ON = re.compile(r" (?:[A-Z]|(?:district|region|province|county|municipality|state|governorate|oblast)s?\b)")
_ORDINAL_BEFORE = re.compile(r"\b\d+(?:st|nd|rd|th) $", re.IGNORECASE)


def _frame_country(ctx: _Context, sent: int) -> str | None:
    """The country the sentence, else the one before it, names most (its name counts
    twice, a demonym or region once), if one leads and the sentence names it or a region
    of it."""
    for k in (sent, sent - 1):
        top = _place_counts(ctx, k).most_common(2)
        if top and top[0][0] and (len(top) == 1 or top[0][1] > top[1][1]) and (
                top[0][1] >= 2 or any(r.startswith(top[0][0] + "-") for r in ctx.sent_regions.get(k, ()))):
            return top[0][0]
        if top:
            return None  # the sentence names countries, none of them leads
    return None
#: Anchors pass 2 reads (the first ones pass 1 found).
_MAX_ANCHORS = 40
_NEVER = 1 << 62  # a near_memo answer no later anchor brings up to date

#: Spatial coherence of a text's names: another name with a reading within this distance
#: of a candidate supports it (news names places near each other: "Paris ... Henry County").
_NEAR_KM = 60.0
_NEAR_WEIGHT = 3.0  # score per supporting name, up to _SUPPORT_CAP names
_REGION_WEIGHT = 0.5  # the same, for another name with a reading in the candidate's region
_SUPPORT_CAP = 3.0
#: A name with more readings than this supports each of them less: a coincidence is likelier.
_AMBIGUITY = 8
#: Settlements under this size (and postal places without a population) support less:
#: person names and common words often match one of them by chance.
_SMALL_POP = 1000
_SMALL_WEIGHT = 0.25
#: Readings whose raw score leads every reading elsewhere by this much are confident: their
#: region and country become evidence for the text's other names.
_CONFIDENT_LEAD = 0.5
#: The most support a reading can get: pass 2 leaves readings that lead by more alone.
_MAX_SUPPORT = (_NEAR_WEIGHT + _REGION_WEIGHT) * _SUPPORT_CAP


def _lead(g: Gazetteer, m: _Mention) -> float:
    """Raw score lead of the best reading over the best one in another region."""
    scored = m.scored
    if not scored:
        return 0.0
    ccs, regions = g.cc, g.region
    s0, c0 = scored[0]
    top_cc, top_reg = ccs[c0 >> 1], regions[c0 >> 1]
    for s, c in scored:
        if ccs[c >> 1] != top_cc or regions[c >> 1] != top_reg:
            return s0 - s
    return s0


def _support(ctx: _Context, i: int, lat: float, lon: float, reg: str, key: str) -> float:
    """Score from the text's other names that have a reading near entry ``i`` or in its
    region; the same entry by another name ("Dublin City" for Dublin) is no evidence.

    Near means within _NEAR_KM among the readings of the 1-degree cells one row and two
    columns around the entry's; readings are taken in the order of those cells, then of
    spreading (a name counts with its heaviest near reading)."""
    k = math.cos(math.radians(lat))
    lim = (_NEAR_KM / 111.2) ** 2
    la, lo = math.floor(lat), math.floor(lon)
    lats = ctx.grid_lats
    found = []
    for n in range(bisect_left(lats, lat - _NEAR_LAT), bisect_right(lats, lat + _NEAR_LAT)):
        blat, cx, cy, order, blon, bkey, w, bi = ctx.grid[n]
        if bkey != key and bi != i and la - 1 <= cx <= la + 1 and lo - 2 <= cy <= lo + 2:
            dlat = lat - blat
            dlon = (lon - blon) * k
            if dlat * dlat + dlon * dlon < lim:
                found.append((cx, cy, order, bkey, w))
    near: dict[str, float] = {}
    if found:
        found.sort()
        for _cx, _cy, _order, bkey, w in found:
            if w > near.get(bkey, 0.0):
                near[bkey] = w
    in_region = 0.0
    src = ctx.soft_regions.get(reg) if reg else None
    if src:
        in_region = sum(w for kk, w in src.items() if kk != key)
    return (_NEAR_WEIGHT * min(sum(near.values()), _SUPPORT_CAP)
            + _REGION_WEIGHT * min(in_region, _SUPPORT_CAP))


#: Half the latitude band a near reading lies in (_NEAR_KM is 0.54 degrees), with a margin.
_NEAR_LAT = 0.55


def _spread_readings(g: Gazetteer, ms: list[_Mention], ctx: _Context) -> None:
    """Index every name's settlement and county readings by latitude and by region, each
    weighted by how little a chance match says (ambiguous names, tiny places)."""
    grid: list[tuple[float, int, int, int, float, str, float, int]] = []
    ctx.soft_regions = {}
    seen: set[str] = set()
    for m in ms:
        if m.kind == "demonym" or not m.scored:
            continue
        key = fold(m.surface)
        rd = _mention_readings(g, m)
        if key in seen or rd.country:
            continue
        seen.add(key)
        spread = rd.spread
        pts = [pt for _s, c in m.scored if (pt := spread.get(c)) is not None]
        if len(pts) != len(spread):  # readings shared from a namesake with other candidates
            pts = list(_spread_points(g, tuple(c for _s, c in m.scored)).values())
        if not pts:
            continue
        regs: dict[str, float] = {}
        for lat, cx, cy, lon, w, i, r in pts:
            grid.append((lat, cx, cy, len(grid), lon, key, w, i))
            if r and w > regs.get(r, 0.0):
                regs[r] = w
        for r, w in regs.items():
            ctx.soft_regions.setdefault(r, {})[key] = w
    grid.sort()
    ctx.grid = grid
    ctx.grid_lats = [p[0] for p in grid]


def _near_anchor(lat: float, lon: float, key: str, anchors: list[tuple[float, float, str, str]]) -> bool:
    """Within ~150 km of a place another name in the text resolved to with confidence."""
    k = math.cos(math.radians(lat))
    for alat, alon, akey, _reg in anchors:
        dlat = lat - alat
        if -1.4 < dlat < 1.4 and akey != key:
            dlon = (lon - alon) * k
            if dlat * dlat + dlon * dlon < 1.8:  # (1.35 degrees ~ 150 km)^2
                return True
    return False


def _runners(g: Gazetteer, rd: _Readings, scored: list[tuple[float, int]], best: Place) -> list[Place]:
    """Up to 3 runner-up readings, one per (country, region, name), best first."""
    out: list[Place] = []
    seen = {(best.country, best.region, best.name)}
    where = rd.where
    for s, c in scored:
        key = where[c]
        if key in seen:
            continue
        seen.add(key)
        out.append(g.place(c >> 1, _squash(s)))
        if len(out) == 3:
            break
    return out


#: A part of the city after its possessive: "Mogadishu's Hodan district", "Beirut's southern
#: suburbs", "Kyiv's Boryspil airport" (a place, where "Moscow's concern" is a government).
_PART_AFTER_POSS = re.compile(
    r"['’]s?\s+(?:(?:[A-Z][\w'’-]*|northern|southern|eastern|western|central|old|main)\s+){0,3}"
    r"(?:districts?|neighbou?rhoods?|suburbs?|outskirts|centre|center|airport|port|area|quarter|"
    r"streets?|square|camp|hospital|market)\b"
)
_METONYM_NEXT = re.compile(r"['’]s?\b|\s+(\w+)")


#: A place joined to a participle that makes it a modifier: "the Rwanda-backed M23", "a
#: Russia-held area" (not where anything happened, nor who acted). "-based" stays a place:
#: "a Pakistan-based group" is evidence the text is about Pakistan (events skip it as a place).
_JOINED_MODIFIER = re.compile(
    r"-(?:backed|led|allied|aligned|funded|trained|supported|sponsored|linked|controlled|held|run|"
    r"occupied|brokered|mediated|administered|annexed)\b")


def _joined_modifier(m: _Mention, text: str) -> bool:
    """Whether the mention is joined to a participle that makes it a modifier (:data:`_JOINED_MODIFIER`)."""
    return text.startswith("-", m.end) and _JOINED_MODIFIER.match(text, m.end) is not None


def _roles(g: Gazetteer, m: _Mention, text: str) -> None:
    if m.kind == "demonym" or m.resolved is None:
        return
    if _joined_modifier(m, text):
        m.role = "modifier"
        return
    p = m.resolved
    if p.kind not in (PlaceKind.CITY, PlaceKind.TOWN) or p.geonames_id is None:
        return
    is_capital = p.geonames_id in g.capital_gids
    if not is_capital:
        return
    tail = text[m.end : m.end + 30]
    if tail[:1] in ("'", "’"):
        if not _PART_AFTER_POSS.match(text, m.end):
            m.role = "metonym"  # "Moscow's concern"; but "Mogadishu's Hodan district" is there
        return
    mt = re.match(r"\s+(\w+)", tail)
    if mt and mt.group(1).lower() in SPEECH:
        m.role = "metonym"


def _one_sense(ms: list[_Mention], ctx: _Context) -> None:
    """Same name, same place within one text: copy the best-supported reading, but not
    over a reading in the country the mention's own sentence names ("Tripoli, Lebanon's
    second city ... in Libya, clashes in Tripoli" are two cities)."""
    groups: dict[str, list[_Mention]] = defaultdict(list)
    for m in ms:
        if m.kind != "demonym" and m.resolved is not None:
            groups[fold(m.surface)].append(m)
    main: str | None | bool = False  # read once, when needed
    for grp in groups.values():
        if len(grp) < 2:
            continue
        best = max(grp, key=lambda m: (m.strength, m.resolved.score if m.resolved else 0, -m.start))
        for m in grp:
            if m is best or m.resolved is None:
                continue
            if m.admin_hint != best.admin_hint and not (
                    best.admin_hint and best.resolved.kind is PlaceKind.ADMIN1 and m.scored and m.scored[0][1] & 1):
                continue  # "Kursk region ... Kursk" are the region and the city, but a bare "Bengo"
                # after "Bengo province" is the province, not Cacuaco, a city once called Bengo
            if m.strength >= best.strength:
                continue
            own = m.resolved.country
            if own != best.resolved.country and m.resolved.kind is PlaceKind.CITY and (
                    m.resolved.population or 0) >= 20_000 and m.scored and not m.scored[0][1] & 1:
                if main is False:
                    main = _main_country(ctx)
                if own == main:
                    continue  # a city of the text's country stands ("In the northern city of
                    # Tripoli, protesters rallied", in a Lebanese story that goes on to "Libya's
                    # capital Tripoli", had become the Libyan one)
            if (m.resolved.country, m.resolved.region) != (best.resolved.country, best.resolved.region) and (
                m.link_cc is None and m.link_region is None
            ) and not (own != best.resolved.country and own and ctx.sent_countries.get(m.sent, _NO_COUNTS).get(own, 0) >= 2
                       and not ctx.sent_countries.get(m.sent, _NO_COUNTS).get(best.resolved.country or "", 0)
                       and m.scored and not m.scored[0][1] & 1 and (m.resolved.population or 0) >= 20_000
                       and m.resolved.kind in (PlaceKind.CITY, PlaceKind.TOWN)):
                m.resolved = best.resolved
                m.runners = best.runners


#: Words that make a name the city, whatever the text says of the region: "the centre of
#: Sumy", "the city of Kursk", "Kursk's mayor".
_CITY_BEFORE = re.compile(
    r"\b(?:centre|center|heart|streets?|outskirts|suburbs?|downtown|city|town|residents|"
    r"mayor)\s+of\s+(?:the\s+)?$|\bdowntown\s+$",
    re.IGNORECASE,
)
_CITY_AFTER = re.compile(r"(?:['’]s)?\s+(?:city\b|mayor\b|city\s+council\b)", re.IGNORECASE)


_CITY_OF = re.compile(r"\b(?:city|town)\s+of\s+(?:the\s+)?$", re.IGNORECASE)


def _city_named(g: Gazetteer, ms: list[_Mention], text: str) -> None:
    """"the Syrian city of Sweida", "In Zaporizhzhia city": the most populous city of the
    name in the reading's region (they had been the province, and a village of 656)."""
    for m in ms:
        r = m.resolved
        if r is None or m.kind != "gaz" or not (
                _CITY_OF.search(text, max(0, m.start - 40), m.start) or _CITY_AFTER.match(text, m.end)):
            continue
        best = max((c >> 1 for c in m.cands if g.kind[c >> 1] == "city" and g.cc[c >> 1] == r.country
                    and (g.region[c >> 1] or None) == r.region), key=lambda i: (g.pop[i], -i), default=None)
        if best is None or (r.kind != PlaceKind.ADMIN1 and (r.population or 0) >= g.pop[best]):
            continue
        if r.geonames_id is not None and r.geonames_id == g.place(best).geonames_id:
            continue
        m.resolved = g.place(best, r.score)
        m.runners = [r, *[x for x in m.runners if x != r]][:3]


_DISTRICT_AFTER = re.compile(r"(?:\s+and\s+[A-Z][\w'’-]*)?\s+(districts?|neighbou?rhoods?|quarters?|suburbs?)\b")
#: "the city's Kyivskyi district": the city is the one told before, maybe sentences back.
_THE_CITYS = re.compile(r"\b(?:the|that) city['’]s\s+(?:\w+\s+)?$", re.IGNORECASE)
#: A neighbourhood this big elsewhere is that city, not a part of the one told before.
_NEIGHBOURHOOD_POP = 100_000


_CITY_OF_BEFORE = re.compile(r"\bcity\s+of\s+$")


def _city_districts(ms: list[_Mention], text: str) -> None:
    """"In the city of Odesa, a missile hit ... the Kyivskyi district": a district of the
    city its sentence names, not a namesake district of another city (it had been Donetsk's
    Kyivskyi, Kharkiv's Shevchenkivskyi Kyiv's); "the city's Kyivskyi district", the city
    of an earlier sentence (it had been Poltava's), as is "the Daraj neighbourhood" two
    sentences after Gaza City (it had been a village in Libya); at the city, district precision."""
    for k, m in enumerate(ms):
        r = m.resolved
        after = _DISTRICT_AFTER.match(text, m.end) if m.kind != "demonym" else None
        if after is None:
            continue
        part = not after.group(1).startswith("district")
        if r is not None and part and r.kind is PlaceKind.ADMIN1 and fold(r.name) != fold(m.surface):
            r = None  # a fallback to the text's region: the city's part all the same
            if not part:
                continue
        elif r.kind not in (PlaceKind.CITY, PlaceKind.TOWN, *((PlaceKind.VILLAGE,) if part else ())) or (
                part and (r.population or 0) >= _NEIGHBOURHOOD_POP):
            continue
        back = 2 if part else 10**6 if _THE_CITYS.search(text, max(0, m.start - 30), m.start) else 0
        if not back and r is not None and not any(o is not m and o.resolved is not None and o.resolved.region == r.region
                                                  for o in ms):
            # "Kharkiv Mayor Ihor Terekhov said ... drones hit ... the Kyivskyi district", after a
            # sentence on Kharkiv: the district's one reading is in a region the text names
            # nowhere (Donetsk's Kyivskyi), so the city just told is its city
            back = 1
        host = next((o.resolved for o in reversed(ms[:k]) if m.sent - back <= o.sent <= m.sent and o.resolved is not None
                     and (r is None or part or o.resolved.country == r.country)  # (not Moscow, told in between)
                     and ((o.resolved.kind == PlaceKind.CITY and (o.resolved.population or 0) >= 100_000)
                          # "In the southern city of Kherson, ... shelled the Dniprovskyi district": a city
                          # told as one (the gazetteer's Kherson is a town of 66,000; the district had been Kyiv's)
                          or (o.resolved.kind in (PlaceKind.CITY, PlaceKind.TOWN)
                              and _CITY_OF_BEFORE.search(text, max(0, o.start - 30), o.start) is not None))), None)
        if host is None or (r is not None and (host.region == r.region or (not part and host.country != r.country))):
            continue  # (nor abroad: "a border village in Kailahun district" stays in Sierra Leone)
        m.resolved = Place.model_construct(**{**host.__dict__, "name": m.surface, "kind": PlaceKind.DISTRICT,
                                              "precision": GeoPrecision.ADMIN2, "geonames_id": None,
                                              "population": None})
        m.runners = [r, *[x for x in m.runners if x != r]][:3] if r is not None else m.runners


def _beside_city(ms: list[_Mention], k: int, text: str) -> bool:
    """Whether ``ms[k]`` is listed with a city: "residential areas of Kharkiv and Zaporizhzhia"
    are two cities, though the text goes on to "In Zaporizhzhia region"."""
    for j in (k - 1, k + 1):
        if 0 <= j < len(ms):
            o = ms[j]
            a, b = (o.end, ms[k].start) if j < k else (ms[k].end, o.start)
            if a <= b and _AND_GAP.fullmatch(text, a, b) and o.resolved is not None and (
                    o.resolved.kind == PlaceKind.CITY and not o.admin_hint):
                return True
    return False


def _bare_region(g: Gazetteer, ms: list[_Mention], ctx: _Context, text: str) -> None:
    """A bare "Kursk" in a text that also says "Kursk region" means the region, unless
    the text says the city ("the centre of Sumy")."""
    explicit = {m.resolved.region for m in ms if m.admin_hint and m.resolved is not None and m.resolved.kind == PlaceKind.ADMIN1}
    if not explicit:
        return
    for k, m in enumerate(ms):
        if m.admin_hint or m.link_cc or m.resolved is None or m.kind != "gaz" or m.resolved.kind == PlaceKind.ADMIN1:
            continue
        region = m.resolved.region
        if region not in explicit or _beside_city(ms, k, text):
            continue
        i = next((c >> 1 for c in m.cands if g.kind[c >> 1] == "admin1" and g.region[c >> 1] == region), None)
        if i is None or _CITY_BEFORE.search(text, max(0, m.start - 30), m.start) or _CITY_AFTER.match(text, m.end):
            continue
        old = m.resolved
        m.resolved = g.place(i, old.score)
        m.runners = [old, *[r for r in m.runners if r != old]][:3]


def _cooccurrence(g: Gazetteer, ms: list[_Mention], ctx: _Context, text: str) -> None:
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
            if _filed_from(o, text):
                continue  # a dateline's region is no neighbour ("BEIRUT (Reuters) - ... Khiam")
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


_COHERENCE_MARGIN = 3.5  # how far behind its best a reading still counts for a name


def _coherence(g: Gazetteer, ms: list[_Mention]) -> None:
    """Names read in countries no other name of the text could be in move together to a
    region they could share: "Georgia ... Savannah" (with or without "Atlanta") is the US
    state and Savannah, Georgia, not the Caucasus and Ghana's Savannah Region.

    A name is *unsettled* when no other name has a reading in its reading's country within
    :data:`_COHERENCE_MARGIN` of that name's best. A region gets a vote from every name read
    in it and from every unsettled name with a close reading in it; an unsettled name moves
    to its close reading in the region with most votes, if another name votes for it and
    the reading has at least a tenth of the population of the one it replaces. Readings
    by an alternate name and pattern-linked mentions are left alone."""
    close: dict[str, list[tuple[float, int]]] = {}
    rows: list[tuple[str, _Mention]] = []
    for m in ms:
        if m.resolved is None or not m.scored or m.kind == "demonym":
            continue
        key = fold(m.surface)
        top = m.scored[0][0]
        close.setdefault(key, [sc for sc in m.scored if top - sc[0] <= _COHERENCE_MARGIN])
        rows.append((key, m))
    if len(close) < 2:
        return
    countries = {k: {g.cc[c >> 1] for _s, c in v} for k, v in close.items()}
    unsettled = {
        key for key, m in rows
        if len(m.scored) > 1 and not (m.link_cc or m.link_region or m.admin_hint or m.county_hint)
        and not any(m.resolved.country in cs for k, cs in countries.items() if k != key)
    }  # fmt: skip
    if not unsettled:
        return
    votes: dict[str, set[str]] = defaultdict(set)
    for key, m in rows:
        if m.resolved.region:
            votes[m.resolved.region].add(key)
    for key in unsettled:
        for _s, c in close[key]:
            if g.region[c >> 1] and not c & 1:
                votes[g.region[c >> 1]].add(key)
    for key, m in rows:
        if key not in unsettled:
            continue
        floor = g.pop[m.scored[0][1] >> 1] // 10  # never London to London, Ontario
        options = [(len(votes[g.region[c >> 1]]), s_, c) for s_, c in close[key][1:]
                   if not c & 1 and g.region[c >> 1] and votes[g.region[c >> 1]] - {key}
                   and g.pop[c >> 1] >= floor]
        if not options:
            continue
        _n, s_, c = max(options, key=lambda o: (o[0], o[1]))
        reg = g.region[c >> 1]
        m.resolved = g.place(c >> 1, _squash(s_))
        m.runners = [r for r in m.runners if r.region != reg][:3]


def _analyse(g: Gazetteer, text: str) -> list[_Mention]:
    ms = _Finder(g).find(text)
    ctx = _resolve_text(g, ms, text)
    for m in ms:
        if not m.cands or m.kind == "demonym":
            _resolve(g, m, ctx)  # after pass 1: the text's focus and regions are known
        _roles(g, m, text)
    _bare_region(g, ms, ctx, text)
    _city_named(g, ms, text)
    _city_districts(ms, text)
    _coherence(g, ms)
    _one_sense(ms, ctx)
    _cooccurrence(g, ms, ctx, text)
    _known_as(ms, text)
    _country_lists(g, ms, text)
    return [m for m in ms if (m.resolved is not None or m.kind != "inferred") and not (
        m.role == "modifier" and _stray_modifier(g, m, ctx, text))]


_LIST_GAP = re.compile(r",\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+")


def _country_lists(g: Gazetteer, ms: list[_Mention], text: str) -> None:
    """A name listed among countries that has a country reading is that country ("Lake
    Chad, which borders Chad, Niger, Nigeria and Cameroon" had read Niger as Nigeria's
    Niger State)."""
    def is_country(m: _Mention) -> bool:
        return m.resolved is not None and m.resolved.kind is PlaceKind.COUNTRY and m.kind != "demonym"

    for k, m in enumerate(ms):
        if m.kind == "demonym" or m.resolved is None or m.resolved.kind is PlaceKind.COUNTRY:
            continue
        country = next((c for c in m.cands if g.kind[c >> 1] == "country" and not c & 1), None)
        if country is None:
            continue
        before = k > 0 and is_country(ms[k - 1]) and _LIST_GAP.fullmatch(text, ms[k - 1].end, m.start)
        after = k + 1 < len(ms) and is_country(ms[k + 1]) and _LIST_GAP.fullmatch(text, m.end, ms[k + 1].start)
        if before and after or (before and k > 1 and is_country(ms[k - 2])) or (
                after and k + 2 < len(ms) and is_country(ms[k + 2])):
            m.resolved = g.place(country >> 1, m.resolved.score)
            m.runners = [r for r in m.runners if r.kind is not PlaceKind.COUNTRY]


#: Between a place and another name of it: "Limbe, known as Victoria until 1982".
_KNOWN_AS = re.compile(r",?\s+(?:(?:also|formerly|once|previously|then)\s+)?(?:known|called)\s+as\s+|\s+\((?:formerly|once)\s+")


def _known_as(ms: list[_Mention], text: str) -> None:
    """A name given as another name of the place before it is that place (Limbe's old
    name Victoria had been the Australian state)."""
    for prev, m in zip(ms, ms[1:]):
        if (prev.resolved is not None and prev.kind != "demonym" and m.kind != "demonym"
                and _KNOWN_AS.fullmatch(text, prev.end, m.start)):
            m.resolved, m.runners = prev.resolved, prev.runners


def _stray_modifier(g: Gazetteer, m: _Mention, ctx: _Context, text: str) -> bool:
    """A name before a word the gazetteer does not know ("Adan Yabaal"), read in a country
    the text never names while it is about another it names: one name the gazetteer
    lacks, no place (a Somali town had been Yemen's Aden governorate)."""
    p = m.resolved
    if p is None or not p.country or p.kind in (PlaceKind.COUNTRY, PlaceKind.CONTINENT):
        return False
    nxt = _NEXT_WORD.match(text, m.end)
    if nxt is None:
        return False
    if (low := nxt.group(1).lower()) in ORG_HEADS or (
            (low in STOP or fold(low) in g.names) and not (m.role == "modifier" and _opens_org(text, m.end))):
        return False  # "Gainesville Police" stays; "Moro Islamic Liberation Front" opens a body's name
    main = _main_country(ctx)
    return main is not None and main != p.country and main in ctx.named and p.country not in ctx.named and (
        ctx.other(ctx.countries, p.country, fold(m.surface)) <= 0)


_NEXT_WORD = re.compile(r" ([A-Z][\w-]*)\b(?!['’])")
_NEXT_CAPS = re.compile(r"(?: [A-Z][\w-]*){1,4}")
#: Head nouns of armed groups' and movements' names, with the organisations' own.
_BODY_HEADS = ORG_HEADS | frozenset(
    "front movement liberation alliance brigade brigades battalion militia union congress federation "
    "confederation league army".split())


def _opens_org(text: str, end: int) -> bool:
    """Whether the (up to four) capitalised words after ``end`` hold a body's head noun."""
    run = _NEXT_CAPS.match(text, end)
    return run is not None and any(w.lower() in _BODY_HEADS for w in run.group(0).split())


_RESULT = PlacesResult.__pydantic_validator__


def extract_places(chunk: Chunk) -> PlacesResult:
    """Toponyms of one chunk with their best reading and up to 3 runner-ups. Pure and deterministic."""
    g = load_gazetteer()
    ms = _analyse(g, chunk.text)
    # one validation of plain dicts (Places passed as instances are only type-checked):
    # pydantic-core builds every mention and span in C, faster than a model per mention
    offset = original_offsets(chunk)
    text = chunk.text
    return _RESULT.validate_python({  # type: ignore[no-any-return]
        "chunk": chunk_ref(chunk), "extractor": _INFO.get(),
        "places": [{"surface": m.surface, "role": m.role, "resolved": m.resolved, "candidates": m.runners,
                    "span": {"start": offset(m.start), "end": offset(m.end), "text": text[m.start : m.end]}}
                   for m in ms],
    })


def resolve_toponym(name: str, context: str | Sequence[str] = "") -> Place | None:
    """Resolve a given toponym (gold span) using ``context`` text (e.g. the whole article).

    Used by the geo evaluation, where the toponym is known and only resolution is measured.
    """
    g = load_gazetteer()
    text = context if isinstance(context, str) else " ".join(context)
    key = fold(name)
    state = COMMA_STATE_ABBREVIATIONS.get(name.strip())
    if state in g.admin1_idx:  # given as a toponym, "Pa." is the state, never the word
        return g.place(g.admin1_idx[state])
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
    if not cands and key not in MACRO_REGIONS:
        inner = _inner_name(g, name, ctx)
        if inner is not None:
            return inner
    m = _Mention(0, len(name), name, cands, sent=-1)
    _resolve(g, m, ctx)
    return m.resolved


def _inner_name(g: Gazetteer, name: str, ctx: _Context) -> Place | None:
    """A name the gazetteer lacks that contains one it knows ("Bank of Mexico", "Cavan
    Institute", "Nazi Germany"): that place, when it is a country or first-level region,
    or a settlement the text's other places support."""
    words = name.replace("-", " ").split()
    best: Place | None = None
    for n in range(len(words) - 1, 0, -1):
        for a in range(0, len(words) - n + 1):
            sub = " ".join(words[a : a + n])
            key = fold(sub)
            if not sub[:1].isupper() or key in STOP:
                continue
            cands = g.names.get(key)
            if not cands:
                dem = g.demonyms.get(key) if a == 0 else None  # "Russian Embassy", not "Central American"
                if dem and not dem.startswith("@") and dem in g.country_idx:
                    return g.place(g.country_idx[dem], _squash(3.0))
                continue
            m = _Mention(0, len(sub), sub, list(cands), sent=-1)
            _resolve(g, m, ctx)
            r = m.resolved
            if r is None or not m.scored or (m.scored[0][1] & 1 and r.kind != PlaceKind.COUNTRY):
                continue  # by an alternate name only ("Inn" for Innsbruck): too weak inside a name
            if r.kind in (PlaceKind.COUNTRY, PlaceKind.ADMIN1):
                return r
            if r.kind in (PlaceKind.CITY, PlaceKind.TOWN, PlaceKind.VILLAGE, PlaceKind.ADMIN2) and (
                    (r.population or 0) >= 100_000 or (r.region and ctx.other(ctx.regions, r.region, key) > 0)):
                best = best or r
        if best is not None:
            return best
    return None


_CTX_CACHE: dict[int, tuple[str, _Context]] = {}
_ANALYSED: dict[str, dict[str, Place]] = {}


def _analysed(g: Gazetteer, text: str) -> dict[str, Place]:
    """Folded surface -> reading of its first mention, for a whole context text (memoised)."""
    hit = _ANALYSED.get(text)
    if hit is None:
        hit = {}
        for m in _analyse(g, text):
            if m.resolved is not None and (m.link_cc or m.link_region or m.county_hint):
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
    ctx = _resolve_text(g, ms, text)
    if len(_CTX_CACHE) > 64:
        _CTX_CACHE.clear()
    _CTX_CACHE[h] = (text, ctx)
    return text, ctx


def _resolve_text(g: Gazetteer, ms: list[_Mention], text: str) -> _Context:
    """Resolve every mention of a text in two passes and return the context used.

    Pass 1 reads the countries and regions the text names outright. Its confident readings
    (a clear lead over every namesake elsewhere) then add their regions and countries as
    evidence, become distance anchors, and name the settlement the text is about (its
    focus: where a street or building the gazetteer lacks most likely is). Every name's
    readings are spread on a grid, and pass 2 rewards readings that other names of the
    text have readings near ("Paris ... Henry County": Paris, Tennessee)."""
    ctx = _context(g, ms, text)
    memo: dict[tuple[object, ...], tuple[object, ...]] = {}
    found: list[tuple[str, Place]] = []
    for m in ms:
        if not m.cands or m.kind == "demonym":
            continue
        _resolve_memo(g, m, ctx, memo)
        if m.kind != "gaz" or m.across or _mention_readings(g, m).country:
            continue
        r = m.resolved
        lead = _lead(g, m)
        if r is not None and r.region and ((r.score or 0) > 0.6 or (lead >= _CONFIDENT_LEAD and (r.population or 0) >= _SMALL_POP)):
            # read by an alternate name ("Dublin City"): the evidence is the entry's own
            # name's, or a name's variants would vouch for each other
            best = m.scored[0][1]
            key = fold(g.name[best >> 1]) if best & 1 else fold(m.surface)
            found.append((key, r))
            if _filed_from(m, text):
                ctx.dateline_regions[r.region] += 1
            margin = r.score - max((x.score for x in m.runners if x.region != r.region), default=0.0)
            if r.kind in (PlaceKind.CITY, PlaceKind.TOWN, PlaceKind.VILLAGE) and (margin >= 0.15 or lead >= _CONFIDENT_LEAD):
                anchor = (r.lat, r.lon, key, r.region)
                ctx.anchors.append(anchor)
                ctx.near_fresh.clear()
                if anchor not in ctx.anchor_set:
                    ctx.anchor_set.add(anchor)
                    ctx.anchor_points.append(anchor)
                    ctx.anchor_keys[key] += 1
    ctx.read_as_region = {fold(m.surface) for m in ms if m.resolved is not None and m.resolved.kind is PlaceKind.ADMIN1}
    for key, r in found:
        ctx.add(ctx.regions, r.region, 1, key)
        ctx.add(ctx.countries, r.country or "", 1, key)
    if len(ctx.anchors) > _MAX_ANCHORS:
        # pass 2 reads the first _MAX_ANCHORS anchors, but keeps what pass 1 last read
        # with them all (the answers given since the last anchor came)
        del ctx.anchors[_MAX_ANCHORS:]
        ctx.near_memo = {k: (ctx.near_memo[k][0], _NEVER) for k in ctx.near_fresh}
    ctx.anchor_points = list(dict.fromkeys(ctx.anchors))
    towns = Counter(key for key, r in found if r.kind in (PlaceKind.CITY, PlaceKind.TOWN, PlaceKind.VILLAGE))
    if towns:
        (top, n), *rest = towns.most_common(2)
        if n >= 2 and (not rest or rest[0][1] < n):
            ctx.focus = next(r for key, r in found if key == top)
    if not found and len({fold(m.surface) for m in ms if m.cands}) < 2:
        return ctx  # nothing new to weigh: pass 1 stands
    _spread_readings(g, ms, ctx)
    memo.clear()
    for m in ms:
        if m.kind == "gaz" and (len(m.scored) > 1 and not _mention_readings(g, m).country and _lead(g, m) < _MAX_SUPPORT or (
                m.cands and not m.scored)):
            # (and a name none of whose readings held, which fell back to the text's region:
            # with pass 1's regions only, "the al-Hali district" of Hodeidah had been in
            # Washington state, whose name the text used for the US government)
            _resolve_memo(g, m, ctx, memo)
    return ctx


def _resolve_memo(g: Gazetteer, m: _Mention, ctx: _Context, memo: dict[tuple[object, ...], tuple[object, ...]]) -> None:
    """:func:`_resolve`, once per name and sentence context: names repeat within a text.

    A mention first takes the reading of an earlier one of its name in the same sentence
    (or in another sentence that names no place outright); otherwise the reading of an
    earlier one whose sentence gives the same evidence about this name's readings, with
    the same anchors of other names, which is what resolving it afresh gives."""
    s = m.sent
    key = fold(m.surface)
    # all a settlement's sentence adds
    frame = (_frame_country(ctx, s) or _unframed_main(g, ctx, s)) if m.settled else None
    sig = (key, m.kind, m.settled, m.small, m.link_cc, m.in_country, m.link_region, m.admin_hint, m.county_hint, tuple(m.cands), frame, m.frames,
           s if (s in ctx.sent_regions or s in ctx.sent_countries or s in ctx.sent_weak) else None)
    hit = memo.get(sig)
    if hit is None:
        rd = _mention_readings(g, m)
        if m.kind == "district":
            version = len(ctx.anchors)  # its fallback reads every anchor
        else:
            version = len(ctx.anchor_set) - ctx.anchor_keys.get(key, 0) if rd.near_ok else 0
        same = (key, m.kind, m.settled, m.small, m.link_cc, m.in_country, m.link_region, m.admin_hint, m.county_hint, m.frames, rd,
                _evidence(rd, m, ctx, key), version, frame,
                _fallback_evidence(ctx, s) if not m.cands or m.kind == "inferred" else None)
        regions = (tuple(ctx.sent_regions.get(s, ())), m.frames)
        e = memo.get(same)
        if e is None or (e[4] is not None and e[4] != regions):
            read = _resolve(g, m, ctx)
            e = memo[same] = (m.scored, m.resolved, m.runners, m.strength, regions if read else None)
        hit = memo[sig] = e[:4]
    m.scored, m.resolved, m.runners, m.strength = hit  # type: ignore[assignment]


def _fallback_evidence(ctx: _Context, s: int) -> tuple[object, ...]:
    """What a place the gazetteer lacks reads of its sentence beyond :func:`_evidence`: the
    countries it names outright and the ones acting in it."""
    return (frozenset(_named_in(ctx, s)),
            tuple(sorted(ctx.sent_actors[s].items())) if s in ctx.sent_actors else ())


def _evidence(rd: _Readings, m: _Mention, ctx: _Context, key: str) -> tuple[object, ...]:
    """What :func:`_resolve` reads of a mention's sentence for its name's readings: which of
    their regions the sentence names (outright or as another name's bare name), which of
    their countries, and whether it names any region (the list itself only matters where a
    small place falls back to it: :func:`_resolve` says when)."""
    s = m.sent
    regions = ctx.sent_regions.get(s, ())
    weak = ctx.sent_weak.get(s, ())
    countries = ctx.sent_countries.get(s)
    mine = rd.reg_set
    if regions and m.admin_hint:
        by_key = ctx.sent_region_keys.get(s, {})
        regions = [r for r in regions if len(ks := by_key.get(r, ())) != 1 or key not in ks]
    return (mine.intersection(regions) if regions else _NONE,
            frozenset(r for r, k in weak if k != key and r in mine) if weak else _NONE,
            rd.cc_set.intersection(countries) if countries else _NONE,  # counts are never 0
            bool(regions))


_NONE: frozenset[str] = frozenset()


# --- document level ------------------------------------------------------------------


def refine_with_document(results: Sequence[PlacesResult], people: Iterable[str] = ()) -> list[PlaceMention]:
    """Re-rank every chunk's readings with the whole document's regions and countries.

    Deterministic whatever the order of ``results``: they are sorted by document and
    position first. Same surface, same place across the document; a reading in a region
    or country the document names elsewhere beats a namesake outside it. ``people`` are
    the document's persons' full names: their surnames read alone as a town or village
    are that person (each chunk is read alone, so "Robert Stewart, 45," in one chunk had
    left "Stewart's ex-wife" in the next a village in Minnesota).
    """
    rs = sorted(results, key=lambda r: (r.chunk.document_id, r.chunk.seq, r.chunk.start))
    regions: Counter[str] = Counter()
    countries: Counter[str] = Counter()
    surnames = {name.rsplit(" ", 1)[1] for name in people if " " in name}
    kept = [[pm for pm in r.places if not (pm.surface in surnames and pm.resolved is not None
                                            and pm.resolved.kind in _SMALL_KINDS)] for r in rs]
    mentions = [pm for ps in kept for pm in ps]
    chunk_of = [n for n, ps in enumerate(kept) for _pm in ps]
    for pm in mentions:
        p = pm.resolved
        if p is None:
            continue
        if p.kind == PlaceKind.ADMIN1 and p.region:
            if _looks_admin(pm.surface) or fold(p.name).startswith(fold(pm.surface)):
                regions[p.region] += 2  # the text names the region itself
            else:
                regions[p.region] += 1  # a place reported at region level
        if p.kind == PlaceKind.COUNTRY and p.country and pm.role != "modifier":
            countries[p.country] += 1  # not "Russian" in "Russian glide bombs hit Pokrovsk"
    doc = _DocScores(regions, countries, {k for k, v in regions.items() if v >= 2})
    # regions the document's own readings (not fallbacks) put places in: a fallback into
    # one of them stays ("Kfar Roummane, near the southern city of Nabatieh" is in Nabatieh
    # governorate, though the text names North Lebanon's Tripoli more)
    doc.placed = Counter(pm.resolved.region for pm in mentions if pm.resolved is not None and pm.resolved.region
                         and pm.resolved.precision is not GeoPrecision.ADMIN1)
    out: list[PlaceMention] = []
    best_by_surface: dict[str, tuple[PlaceMention, int]] = {}
    for pm, n in zip(mentions, chunk_of, strict=True):
        new = _rerank(pm, doc)
        out.append(new)
        key = fold(pm.surface)
        cur = best_by_surface.get(key)
        if new.resolved is not None and (
            cur is None or cur[0].resolved is None or doc.score(new.resolved) > doc.score(cur[0].resolved)
        ):
            best_by_surface[key] = (new, n)
    placed_in: dict[str, set[str]] = defaultdict(set)  # country -> names the document places in it
    for pm in out:
        if pm.resolved is not None and pm.resolved.country:
            placed_in[pm.resolved.country].add(fold(pm.surface))
    final: list[PlaceMention] = []
    for pm, n in zip(out, chunk_of, strict=True):
        key = fold(pm.surface)
        b, bn = best_by_surface.get(key, (None, -1))
        p = pm.resolved
        if (b is not None and b is not pm and p is not None and b.resolved is not None and pm.role == b.role
                and p.kind in (PlaceKind.CITY, PlaceKind.TOWN, PlaceKind.VILLAGE)
                and b.resolved.kind in (PlaceKind.ADMIN1, PlaceKind.COUNTRY) and p.country != b.resolved.country
                and not placed_in[p.country or ""] - {key}):
            # the name's other mention was framed into this document's country ("in Mambasa
            # territory, Ituri province"): a city abroad nothing else is in is no reading of
            # it in another chunk either (the next chunk's "Mambasa axis" had been Mombasa)
            final.append(pm.model_copy(update={"resolved": b.resolved, "candidates": b.candidates}))
            continue
        if (b is not None and b is not pm and p is not None and b.resolved is not None and pm.role == b.role
                and p.kind is PlaceKind.COUNTRY and fold(p.name) != key and b.resolved.kind is not PlaceKind.COUNTRY
                and fold(b.resolved.name).startswith(key)):
            # a chunk that could only fall back to a country for a name another chunk read as
            # itself: "voters in the North West and South West" late in a Cameroon story, in
            # a chunk that never names Cameroon, had been South Africa
            final.append(pm.model_copy(update={"resolved": b.resolved, "candidates": b.candidates}))
            continue
        if b is not None and p is not None and b.resolved is not None and p.country != b.resolved.country and (
                bn == n or p.score >= _FIRM):
            # the chunk read them as two places ("Tripoli, Lebanon's ... in Libya, Tripoli"),
            # or this one firmly: a name's other mention is no reason to move it abroad
            b = None
        if (b is not None and b is not pm and p is not None and b.resolved is not None and pm.role == b.role
                and p.kind in (PlaceKind.ADMIN1, PlaceKind.CITY, PlaceKind.TOWN, PlaceKind.VILLAGE)
                and b.resolved.kind == p.kind and (p.country, p.region) != (b.resolved.country, b.resolved.region)):
            pm = pm.model_copy(update={"resolved": b.resolved, "candidates": b.candidates})
        final.append(pm)
    return final


_SMALL_KINDS = frozenset((PlaceKind.TOWN, PlaceKind.VILLAGE))


@lru_cache(maxsize=8192)
def _looks_admin(surface: str) -> bool:
    low = surface.lower()
    return not ADMIN_NOUNS.isdisjoint(low.split()) or low.endswith((" oblast", " region", " province"))


class _DocScores:
    """A document's region and country counts, and each reading's rank under them
    (memoised per reading object: the same Places recur in every chunk's results)."""

    def __init__(self, regions: Counter[str], countries: Counter[str], explicit: set[str]) -> None:
        self.regions, self.countries, self.explicit = regions, countries, explicit
        self.placed: Counter[str] = Counter()
        self._memo: dict[int, tuple[float, str, str]] = {}
        self._kept: list[Place] = []  # the ranked Places stay alive, so their ids stay theirs

    def rank(self, x: Place) -> tuple[float, str, str]:
        """(document score, name, region): the larger, the better the reading."""
        hit = self._memo.get(id(x))
        if hit is None:
            s = x.score
            if x.region and x.region in self.explicit:
                s += 0.3 + 0.02 * min(self.regions[x.region], 10)
            elif x.country and self.countries.get(x.country):
                s += 0.1
            hit = self._memo[id(x)] = (s, x.name, x.region or "")
            self._kept.append(x)
        return hit

    def score(self, x: Place) -> float:
        return self.rank(x)[0]


#: A chunk's reading this confident (see ``_squash``) is not moved to another country by
#: the document's regions (_SURE), nor by another mention of its name (_FIRM).
_SURE, _FIRM = 0.95, 0.85


def _names_region(key: str, region: str | None) -> bool:
    """Whether ``key`` is a gazetteer name of the first-level region ``region`` itself."""
    g = load_gazetteer()
    return any(g.kind[c >> 1] == "admin1" and g.region[c >> 1] == region for c in g.names.get(key, ()))


def _rerank(pm: PlaceMention, doc: _DocScores) -> PlaceMention:
    p = pm.resolved
    if p is None or pm.role == "modifier" or p.kind in (PlaceKind.COUNTRY, PlaceKind.CONTINENT, PlaceKind.DISTRICT):
        return pm  # a district was read in its city's sentence
    if p.geonames_id in load_gazetteer().capital_gids and doc.countries.get(p.country or ""):
        return pm  # a capital in a country the document names stays (Islamabad, not Anantnag)
    options = [p, *pm.candidates]
    if p.kind == PlaceKind.ADMIN1:
        # a region stays a region: "the Donetsk region" beside "the Rostov region" had
        # become the town of Donetsk in Rostov oblast
        options = [x for x in options if x.kind == PlaceKind.ADMIN1]
    best = max(options, key=doc.rank)
    if (p.population or 0) >= 20_000 and (best.population or 0) * 10 < (p.population or 0):
        best = p  # a town is not re-read as a tiny namesake, in a region named elsewhere
        # ("Guanajuato's Celaya" beside "Chiapas" had become a village of 708 in Chiapas) or
        # in its own (Zaporizhzhia city had become a village of 656 near it)
    if best.country != p.country and p.score >= _SURE:
        best = p  # a sure reading keeps its country: another chunk's region is no reason
        # to move it abroad (Donetsk beside "the Rostov region" had become a Rostov town)
    explicit, regions = doc.explicit, doc.regions
    # a fallback region reading in the wrong region: move to the document's main region
    # (not a region read by its own name in another spelling: "South Kordofan" is GeoNames'
    # "Southern Kordofan", and had been moved to the West Kordofan the text also names; nor
    # a province read by its name: "Surigao del Sur" had been moved to the Davao Region)
    if p.precision == GeoPrecision.ADMIN1 and p.kind != PlaceKind.ADMIN1 and fold(p.name) != fold(pm.surface) or (
        p.kind == PlaceKind.ADMIN1 and fold(pm.surface) != fold(p.name) and not _looks_admin(pm.surface)
        and p.region not in explicit and explicit and not _names_region(fold(pm.surface), p.region)
    ):
        same = sorted((r for r in explicit if p.country and r.startswith(p.country + "-")), key=lambda r: (-regions[r], r))
        if same and p.region not in explicit and not doc.placed.get(p.region or ""):
            g = load_gazetteer()
            alt = g.region_place(same[0], p.score)
            if alt is not None:
                return pm.model_copy(update={"resolved": alt, "candidates": [p, *pm.candidates][:3]})
    if best is p:
        return pm
    rest = [x for x in options if x is not best][:3]
    return pm.model_copy(update={"resolved": best, "candidates": rest})
