"""Casualty figures (killed, injured, missing, captured) from one chunk, rule-based.

A number is reported only when it governs victims and is tied to a casualty word in the
same sentence, through one of four shapes (tokens, lower-cased):

* A  ``NUM [adj] VICTIM [, including NUM VICTIM,] [aux/adverbs] TRIGGER``
  ("11 adults and nine children were killed", "a man was killed" -> 1)
* B  ``ACTIVE-VERB [qualifier] NUM [adj VICTIM]`` ("killing five", "wounded 30 others")
* C  ``NUM [adj] TRIGGER-NOUN`` or ``NUM [aux] TRIGGER`` ("57 deaths", "30 wounded")
* D  ``death toll ... (rose to|of|at) NUM`` ("The death toll rose to 57")

Everything else (ages, dates, years, durations, distances, calibres, money, counts of
things) never reaches a casualty because it fails these shapes, and the usual suspects
are also filtered explicitly (unit words after the number, "aged", month names...).

Decisions worth knowing: a singular "a/an/one + victim + trigger" counts as 1; exact
figures leave ``low``/``high`` empty; ``at_least``/``more_than`` put the number in
``low``, ``up_to``/``fewer_than`` in ``high``, ``about`` in neither; a range ("20 to 30",
"between 20 and 30") is ``at_least`` its lower bound (the conservative figure, as ACLED
codes ranges) with both bounds in ``low``/``high``, and so is a list opening on one ("between
10 and 15 pupils and two teachers": at least 12, at most 17, its breakdown at the lower
bound, never 17 exact); vague plurals come
from :data:`sitrep.core.extract.numbers.VAGUE_RANGES` with ``best=None``; "casualties"
alone counts as injured (the wounded-side reading wire copy usually means), and so does
"N killed or wounded" (a casualty figure, never a death toll: fatalities are never inflated);
"and two more in Nabatieh", its verb left out, takes the category of the figure before it;
arrests and detentions are never "captured" (see the note above the captured phrases of
``_STATE``); an age is never a count, alone or in a list ("aged 19, 22 and 31"); a natural
disaster's, an epidemic's or an accident's dead are dropped, never a conflict figure beside
one (see :func:`_disaster_cause`: the cause is read in the figure's whole sentence, and a
vehicle that plunged, fell, collided or capsized is an accident); in a story's first chunk
whose lead is a disaster's (its figure dropped so, no violence named), every figure of a
sentence naming no violence is the disaster's too ("Rescuers were searching for at least six
people still missing"; see :func:`_disaster_story`); "among the dead" is folded into the
toll before it as its breakdown (see :func:`_fold_subsets`); "He died at the scene" is one
killed only right after a sentence telling an attack on one person and no figure (see
:func:`_pronoun_death`); "a police report seen by Reuters said" is given by the report.

Speed (one core, seed-like chunks of ~1,200 characters): see ``python -m
sitrep.core.extract.casualties`` which prints chunks/s; measured 5,300-6,200/s
on a shared 2-core box at load ~2.7 (seed windows of 1,200 characters).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Sequence

from sitrep.core.extract._common import chunk_ref, split_sentences
from sitrep.core.extract.numbers import TEXT2NUM_VERSION, Quantity, parse_quantity
from sitrep.schemas import (
    CasualtiesResult,
    CasualtyCategory,
    CasualtyMention,
    Chunk,
    ExtractorInfo,
    Qualifier,
)

__all__ = ["EXTRACTOR", "chunk_ref", "extract_casualties"]

EXTRACTOR = ExtractorInfo(
    name="casualties", version="0.2.24", resources={"text2num": TEXT2NUM_VERSION}
)

_K, _I, _M, _C = (
    CasualtyCategory.KILLED,
    CasualtyCategory.INJURED,
    CasualtyCategory.MISSING,
    CasualtyCategory.CAPTURED,
)

# --- vocabulary -----------------------------------------------------------------

# Cheap whole-sentence gate: no stem here -> the sentence is skipped untokenised.
# Anchored on word starts and run on lower-cased text: ~8x faster than IGNORECASE.
_GATE_PATTERN = (
    r"\b(?=[akdfbpslmeiwhcutng])(?:kill|dead|die[ds]|death|fatalit|bod(?:y|ies)|perish|slain|"
    r"murder|execut|massacr|lives|life|injur|wound|hurt|hospital|casualt|missing|"
    r"unaccounted|captur|prisoner|pows?\b|captiv|hostage|abduct|kidnap|toll|martyr|lost|neutrali|"
    r"liquidat|succumb|supreme|ultimate|treatment|(?:critical|serious|grave|stable) condition|"
    r"behead|decapitat|taken|bullet|shrapnel|hanged)"
)
_GATE = re.compile(_GATE_PATTERN)
_GATE_ANYCASE = re.compile(_GATE_PATTERN, re.IGNORECASE)
_TOKEN = re.compile(r"[0-9]+(?:[.,][0-9]+)*|[^\W\d_]+(?:['\u2019\-][^\W\d_]+)*|\S")
_NUM_START_WORDS = frozenset(
    "a an half one two three four five six seven eight nine ten eleven twelve thirteen "
    "fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty "
    "seventy eighty ninety hundred thousand several dozens scores hundreds thousands tens "
    "millions".split()
)


def _num_start(t: str) -> bool:
    """Cheap test: could a quantity start with this (lower-case) token?"""
    return t[:1].isdigit() or t in _NUM_START_WORDS or (
        "-" in t and t.split("-", 1)[0] in _NUM_START_WORDS
    )


def _table(spec: dict[str, CasualtyCategory]) -> dict[str, list[tuple[tuple[str, ...], CasualtyCategory]]]:
    """Phrase table keyed by first word, longest phrase first."""
    out: dict[str, list[tuple[tuple[str, ...], CasualtyCategory]]] = {}
    for phrase, cat in spec.items():
        words = tuple(phrase.split())
        out.setdefault(words[0], []).append((words[1:], cat))
    for rows in out.values():
        rows.sort(key=lambda r: -len(r[0]))
    return out


# After the victims (or a bare number): participles, adjectives, intransitive verbs.
_STATE = _table(
    {
        "killed": _K, "dead": _K, "died": _K, "perished": _K, "slain": _K, "murdered": _K,
        "executed": _K, "massacred": _K, "shot dead": _K, "lost their lives": _K,
        "lost his life": _K, "lost her life": _K, "lost their life": _K,
        "injured": _I, "wounded": _I, "hurt": _I, "hospitalised": _I, "hospitalized": _I,
        "treated in hospital": _I, "treated at hospital": _I, "treated in a hospital": _I,
        "treated in hospitals": _I, "treated at a hospital": _I, "treated for injuries": _I,
        "treated for wounds": _I, "taken to hospital": _I, "taken to a hospital": _I,
        "taken to hospitals": _I, "rushed to hospital": _I, "admitted to hospital": _I,
        "in hospital": _I, "suffered injuries": _I, "sustained injuries": _I,
        "suffered wounds": _I, "sustained wounds": _I, "received injuries": _I,
        "missing": _M, "unaccounted for": _M, "went missing": _M, "gone missing": _M,
        "hacked to death": _K, "stabbed to death": _K, "beaten to death": _K, "burned to death": _K,
        "burnt to death": _K, "martyred": _K, "neutralised": _K, "neutralized": _K, "liquidated": _K,
        "embraced martyrdom": _K, "paid the supreme price": _K, "paid the ultimate price": _K,
        "succumbed to their wounds": _K, "succumbed to his wounds": _K, "succumbed to her wounds": _K,
        "succumbed to their injuries": _K, "succumbed to his injuries": _K, "succumbed to her injuries": _K,
        "succumbed": _K, "receiving treatment": _I,
        "beheaded": _K, "decapitated": _K,
        # a survivor's wounds: "Three others escaped with injuries"
        **{f"{v} with {a}{n}": _I
           for v in ("escaped", "survived")
           for a in ("", "minor ", "serious ", "severe ", "light ", "gunshot ", "bullet ")
           for n in ("injuries", "wounds")},
        # "two more were found dead": found so, not found ("the bodies of ..." is its own shape)
        "found dead": _K, "found shot dead": _K, "found murdered": _K, "found slain": _K,
        "found hanged": _K, "found hanging": _K,
        # a bullet's or shrapnel's wound: "a 9-year-old girl was hit in the leg by a stray
        # bullet" (never "hit" alone: by a car, a strike, a ball)
        **{f"{v} {where}by {what}": _I
           for v in ("hit", "struck")
           for where in ("", *(f"in the {b} " for b in (
               "leg", "legs", "arm", "arms", "head", "chest", "back", "stomach", "abdomen",
               "shoulder", "neck", "foot", "feet", "hand", "thigh", "face", "hip")))
           for what in ("a bullet", "a stray bullet", "stray bullets", "bullets", "shrapnel",
                        "a stray round", "stray rounds")},
        # a patient's state: "another two are in critical condition" (injured, not yet dead)
        **{f"in {art}{a} condition": _I
           for art in ("", "a ") for a in ("critical", "serious", "grave", "stable")},
        **{f"{v} {a} {n}": _I
           for v in ("suffered", "sustained", "received")
           for a in ("gunshot", "bullet", "shrapnel", "serious", "minor", "critical", "severe",
                     "multiple", "burn", "head", "life-threatening", "light", "slight")
           for n in ("injuries", "wounds", "injury", "wound")},
        **{f"{v} a {a} {n}": _I
           for v in ("suffered", "sustained", "received")
           for a in ("gunshot", "bullet", "shrapnel", "serious", "minor", "critical", "severe", "head")
           for n in ("injury", "wound")},
        # "captured" is ACLED's side of abductions and forced disappearances: people taken
        # prisoner, captive or hostage by an armed party. Arrests and detentions ("troops
        # detained 14 suspected insurgents", "police arrested 14", "taken into custody",
        # escapees "recaptured") are deliberately absent here and from _ACTIVE: ACLED codes
        # them apart (Strategic developments: Arrests), as a legal act, not a casualty, and
        # wire copy calls every custody by police or army an arrest or detention, so counting
        # them would fill "captured" with law enforcement.
        "captured": _C, "taken prisoner": _C, "taken captive": _C, "taken hostage": _C,
        "held hostage": _C, "held captive": _C, "abducted": _C,
        "kidnapped": _C, "taken into captivity": _C,
        # "about 20 men were taken away", "43 people had been taken": people led off, read
        # only after victims and before the clause ends (see _TAKEN_FOLLOW), never
        # "taken to hospital" or "taken into custody" (an arrest)
        "taken away": _C, "taken": _C,
        # "killed or wounded" is a casualty figure, not a death toll: read like "casualties"
        "killed or wounded": _I, "killed or injured": _I, "dead or wounded": _I,
        "dead or injured": _I, "killed and wounded": _I, "killed and injured": _I,
        "among the dead": _K, "among the killed": _K, "among the fatalities": _K,
        "among the injured": _I, "among the wounded": _I, "among the missing": _M,
    }
)
# Right after the number (and at most two adjectives): nouns that are the casualties.
_NOUN = _table(
    {
        "deaths": _K, "fatalities": _K, "bodies": _K, "casualties": _I, "injuries": _I,
        "pows": _C, "prisoners of war": _C, "hostages": _C, "captives": _C,
    }
)
# Active verbs whose object is the victims.
_ACTIVE = _table(
    {
        "killing": _K, "killed": _K, "kills": _K, "claiming the lives of": _K,
        "claimed the lives of": _K, "took the lives of": _K, "taking the lives of": _K,
        "murdering": _K, "murdered": _K, "executing": _K, "executed": _K, "shot dead": _K,
        "shooting dead": _K,
        "wounding": _I, "wounded": _I, "injuring": _I, "injured": _I, "injures": _I,
        "wounds": _I,
        "capturing": _C, "captured": _C, "captures": _C, "abducting": _C, "abducted": _C,
        "kidnapping": _C, "kidnapped": _C,
        # a headline's present tense: "Militants kill 16 soldiers", "Bandits abduct 43"
        "kill": _K, "wound": _I, "injure": _I, "abduct": _C, "abducts": _C, "kidnap": _C,
        "kidnaps": _C, "martyring": _K, "hacking to death": _K, "stabbing to death": _K,
        "beating to death": _K, "hacked to death": _K, "stabbed to death": _K, "neutralised": _K,
        "neutralized": _K, "neutralising": _K, "neutralizing": _K, "liquidated": _K,
        "liquidating": _K, "beheaded": _K, "beheading": _K, "decapitated": _K,
        "decapitating": _K, "behead": _K,
        # its own losses: "the army said it lost 18 men" (only before victims, see _try_active)
        "lost": _K,
    }
)
#: Who "lost" counts as killed: an armed side's own ("the army said it lost 18 men").
_OWN_LOSSES = frozenset("men soldiers troops servicemen fighters personnel officers marines".split())
#: Base forms read only as a headline's verb, not after "to", "will", "could" ("vowed to kill 10").
_BASE_FORMS = frozenset(("kill", "wound", "injure", "abduct", "kidnap", "behead"))
_NOT_BEFORE_BASE = frozenset("to will would could can may might must not never shall".split())
#: Verbs as often said of drones, mines and cells as of people: read only before or after a
#: victim noun ("neutralised 30 assailants", never "neutralised 25 drones").
_NEEDS_VICTIMS = frozenset(
    "neutralised neutralized neutralising neutralizing liquidated liquidating".split()
)
#: States read only after an auxiliary: "43 people had been taken", "a girl was hit in the leg
#: by a stray bullet", never "a boy hit by shrapnel" (a reduced clause, often of the dead).
_NEEDS_AUX = frozenset(("taken", "hit", "struck"))
_ACTIVE_PARTICIPLES = frozenset(
    "killed wounded injured hurt captured abducted kidnapped murdered executed neutralised neutralized "
    "liquidated beheaded decapitated".split()
)

_PLURAL_VICTIMS = {
    **{w: w for w in (
        "people civilians children adults women men residents soldiers servicemen troops "
        "police policemen militants fighters rebels insurgents gunmen combatants journalists "
        "workers medics paramedics rescuers firefighters students pupils infants babies "
        "teenagers boys girls passengers pilgrims worshippers villagers farmers miners "
        "migrants refugees protesters demonstrators marines sailors guards "
        "volunteers employees pensioners victims citizens pedestrians drivers doctors nurses "
        "officers personnel members crew servicemembers minors "
        "palestinians israelis ukrainians russians syrians iraqis afghans lebanese sudanese "
        "yemenis somalis kurds americans nigerians"
    ).split()},
    **{w: w for w in (
        "sons daughters brothers sisters parents relatives siblings cousins grandchildren "
        "wives husbands traders shepherds herders fishermen worshipers bystanders shoppers "
        "detainees inmates guests vigilantes recruits cadets peacekeepers contractors tourists "
        "customers mourners monks priests clerics nuns teachers officials lawmakers bodyguards "
        "hunters loggers operatives terrorists jihadists extremists bandits kidnappers "
        "attackers assailants raiders herdsmen druze alawites bedouin bedouins labourers laborers "
        "jawans christians muslims yazidis hindus sikhs shias sunnis idps riders motorcyclists occupants "
        "gendarmes activists prisoners nuns"
    ).split()},
    # street victims: "killing a passer-by", "two shopkeepers were wounded"
    **{w: "bystanders" for w in ("passers-by", "passersby")},
    # "One guardsman was wounded", "two militiamen were killed" (these had been no figure)
    **{w: w for w in "guardsmen militiamen tribesmen".split()},
    **{w: "traders" for w in ("shopkeepers", "vendors", "merchants")},
    **{w: w for w in "engineers elders imams pastors judges lawyers staffers leaders chiefs "
       "commanders headmen".split()},
    "persons": "people", "kids": "children", "others": "others", "elderly": "elderly",
    "policewomen": "police", "individuals": "people", "servicewomen": "servicemen",
}
_SINGULAR_VICTIMS = {
    "person": "people", "man": "men", "woman": "women", "child": "children", "boy": "boys",
    "girl": "girls", "civilian": "civilians", "soldier": "soldiers", "officer": "officers",
    "policeman": "police", "policewoman": "police", "resident": "residents",
    "teenager": "teenagers", "baby": "babies", "infant": "infants", "journalist": "journalists",
    "worker": "workers", "serviceman": "servicemen", "servicewoman": "servicemen",
    "fighter": "fighters", "militant": "militants", "medic": "medics", "driver": "drivers",
    "pensioner": "pensioners", "farmer": "farmers", "student": "students",
    "volunteer": "volunteers", "guard": "guards", "paramedic": "paramedics",
    "rescuer": "rescuers", "firefighter": "firefighters", "citizen": "citizens",
    "pedestrian": "pedestrians", "passenger": "passengers", "villager": "villagers",
    "doctor": "doctors", "nurse": "nurses", "adult": "adults", "toddler": "children",
    "girlfriend": "people", "member": "members", "individual": "people",
    "son": "sons", "daughter": "daughters", "wife": "women", "husband": "men",
    "mother": "women", "father": "men", "brother": "brothers", "sister": "sisters",
    "grandson": "grandchildren", "granddaughter": "grandchildren", "nephew": "relatives",
    "niece": "relatives", "cousin": "cousins", "grandmother": "women",
    "grandfather": "men", "trader": "traders", "shepherd": "shepherds",
    "bystander": "bystanders", "vigilante": "vigilantes", "recruit": "recruits",
    "peacekeeper": "peacekeepers", "tourist": "tourists", "teacher": "teachers",
    "official": "officials", "priest": "priests", "jawan": "jawans", "labourer": "labourers",
    "laborer": "labourers", "rider": "riders", "motorcyclist": "motorcyclists", "occupant": "occupants",
    "passer-by": "bystanders", "passerby": "bystanders", "shopkeeper": "traders",
    "vendor": "traders", "merchant": "traders", "shopper": "shoppers", "customer": "customers",
    "worshipper": "worshippers", "worshiper": "worshippers", "pilgrim": "pilgrims",
    "fisherman": "fishermen", "herder": "herders", "herdsman": "herdsmen", "miner": "miners",
    "imam": "imams", "pastor": "pastors", "cleric": "clerics", "engineer": "engineers",
    "contractor": "contractors", "employee": "employees", "elder": "elders", "judge": "judges",
    "lawyer": "lawyers", "mourner": "mourners", "guest": "guests",
    # "shot dead an indigenous leader", "shot dead a village chief"
    "leader": "leaders", "chief": "chiefs", "commander": "commanders",
    # "shot dead a village headman"
    "headman": "headmen",
    # "A protester was killed", "a gendarme was wounded" (these had been no figure)
    "protester": "protesters", "protestor": "protesters", "demonstrator": "demonstrators",
    "activist": "activists", "inmate": "inmates", "prisoner": "prisoners", "detainee": "detainees",
    "migrant": "migrants", "refugee": "refugees", "gendarme": "gendarmes",
    "pupil": "pupils", "monk": "monks", "nun": "nuns", "cadet": "cadets", "sailor": "sailors",
    "marine": "marines", "rebel": "rebels", "insurgent": "insurgents",
    "guardsman": "guardsmen", "militiaman": "militiamen", "tribesman": "tribesmen",
}
#: Possessives that open a second victim in a list: "a woman and her two children".
_POSSESSIVES = frozenset(("his", "her", "their"))
# Two-word victims: modifier + head -> kind.
_COMPOUND_KINDS = {
    ("police", "officers"): "police", ("police", "officer"): "police",
    ("service", "members"): "servicemen", ("service", "member"): "servicemen",
    ("crew", "members"): "crew", ("security", "personnel"): "security forces",
    ("military", "personnel"): "soldiers", ("aid", "workers"): "aid workers",
    ("health", "workers"): "health workers", ("rescue", "workers"): "rescuers",
    ("gang", "members"): "gang members", ("cartel", "members"): "gang members",
    ("militia", "members"): "militiamen",
}
_ADJ_KINDS = {"civilian": "civilians", "military": "soldiers", "child": "children"}
_CIVILIAN_KINDS = frozenset(
    "civilians children adults women elderly babies infants residents pensioners boys girls "
    "teenagers students pupils minors villagers".split()
)

_UNITS = frozenset(
    "hour hours day days week weeks month months year years minute minutes second seconds "
    "decade decades century centuries km kilometre kilometres kilometer kilometers mile miles "
    "metre metres meter meters m mm cm kg kilograms tonne tonnes ton tons percent per "
    "percentage square sq hectares hectare acres acre dollars euros pounds rubles roubles "
    "hryvnias hryvnia shekels billion bn mln times subscribers followers views likes "
    "storeys stories floors calibre caliber degrees mph kph km/h % $ £ € : / °".split()
)
_MONTHS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
_BEFORE_NOT_A_COUNT = frozenset(
    "aged age ages $ £ € us$ usd no not none number no. page article resolution route "
    "highway flight brigade battalion regiment division unit vs".split()
)
#: Before "one" that stands for a noun told before ("the one that killed", "this one").
_ONE_PRONOUN_BEFORE = frozenset("the this that which".split())
_ONE_DID = frozenset("killed kills left leaves claimed wounded injured cost".split())
_YEAR_PREPS = frozenset("in since from until till of by during before after year the".split())
# Between the victims and the trigger: auxiliaries and adverbs only.
_GAP = frozenset(
    "were was are is have has had been being be will would may might reportedly also still "
    "later all both now then initially subsequently seriously critically badly severely "
    "fatally slightly lightly mortally gravely moderately allegedly reported feared believed thought "
    "said confirmed known to who that officially already apparently either likely presumed "
    "presumably since so far , remain remained remains were".split()
)
_AUX = frozenset("were was are is have has had been being be will would may might".split())
_NP_STOP = frozenset(
    "of from in at to after before the a an and or but on by for with as than that which "
    "who this these those its his her their our your my said , . ; : was were is are has "
    "have had been be no not".split()
)
_B_FOLLOW = frozenset(
    "and in on at during as when while near after before including across overnight since "
    "with from by inside outside of , . ; : ) — – - ! ? \" ' ’ ” in the more early late earlier "
    "yesterday today last this".split()
)
_NOT_BEFORE_INCLUDING = frozenset("and but while whereas or as after when".split())
_TOLL_GAP = frozenset(
    "rose risen has had have climbed increased reached stands stood now is was to at of "
    "jumped grew hit mounted rises reaches been further revised up officially currently "
    "from , soared passed surpassed exceeded topped climbing rising stand already".split()
)
#: Determiners of a partitive's whole: "five of the 12 soldiers", "two of his bodyguards".
_PARTITIVE = frozenset("the his her their its those these our".split())
_TOLL_VERBS = frozenset(
    "rose risen has have had climbed increased reached stands stood is was jumped grew hit "
    "mounted rises reaches soared passed surpassed exceeded topped climbing rising".split()
)
_WORD = re.compile(r"\w+")
_TOLL_WHO = frozenset(("people", "civilians", "persons"))
_TOLL_ABOVE = frozenset("passed surpassed exceeded topped".split())
_TOLL_OF = {
    "dead": _K, "deaths": _K, "fatalities": _K, "killed": _K, "victims": _K,
    "injured": _I, "wounded": _I, "casualties": _I, "missing": _M,
}
#: Captives exchanged, freed or rescued, or counted as still held ("55 hostages remain in
#: Gaza"): no capture happened, so no "captured" figure ("rescued 17 kidnapped victims"
#: had been an abduction of 17).
#: A correction's retracted figures: "An earlier version of this article said 12 were killed".
_RETRACTED = re.compile(r"\b(?:an? )?(?:earlier|previous) version\b|\bincorrectly (?:said|stated|reported)\b|"
                        r"\bmisstated\b", re.IGNORECASE)
_EXCHANGE = re.compile(
    r"exchang|swap|releas|freed|return|repatriat|handed over|hand over|handover", re.IGNORECASE
)
_NOT_TAKEN = re.compile(
    r"\brescu(?:ed|ing|es?)\b|\bliberat(?:ed?|es|ing)\b|\bliberation of\b|\bremain(?:s|ed)?\b|"
    r"\bstill (?:hold|held|being held|in captivity)",
    re.IGNORECASE,
)  # captives only: "Rescuers pulled 12 bodies from the rubble" is a toll; a name
# ("the Oromo Liberation Army kidnapped 12 students") frees no one (they had been none)
#: What may follow "taken" or "taken away" read as a capture: the clause's end or who, when
#: or where ("43 people had been taken.", "were taken by gunmen"); never "taken to hospital",
#: "taken into custody", "taken in for questioning".
_TAKEN_FOLLOW = frozenset(
    "by from during when after overnight on at and while , . ; : ) — – \" ” ’ '".split()
)
_TAKEN_BY_LAW = frozenset("police policemen authorities security officers officials".split())


def _taken_ok(s: "_Sentence", g: int, end: int, has_head: bool) -> bool:
    """Whether a "taken [away]" at ``g`` (its phrase ending at ``end``) is people led off."""
    w = s.words
    if w[g] != "taken" or (end - g > 1 and w[g + 1] != "away"):
        return True  # "taken hostage", "taken prisoner": their own phrases
    if not has_head:
        return False  # "20 were taken": bodies, towns or weapons as often as people
    if end < s.n and w[end] not in _TAKEN_FOLLOW:
        return False
    if end + 1 < s.n and w[end] == "by":
        who = w[end + 2] if w[end + 1] == "the" and end + 2 < s.n else w[end + 1]
        return who not in _TAKEN_BY_LAW  # "taken away by police": an arrest
    return True

_QUALIFIERS: list[tuple[tuple[str, ...], Qualifier]] = sorted(
    [
        (("at", "least"), Qualifier.AT_LEAST),
        (("no", "fewer", "than"), Qualifier.AT_LEAST),
        (("no", "less", "than"), Qualifier.AT_LEAST),
        (("a", "minimum", "of"), Qualifier.AT_LEAST),
        (("more", "than"), Qualifier.MORE_THAN),
        (("over",), Qualifier.MORE_THAN),
        (("upwards", "of"), Qualifier.MORE_THAN),
        (("in", "excess", "of"), Qualifier.MORE_THAN),
        (("up", "to"), Qualifier.UP_TO),
        (("as", "many", "as"), Qualifier.UP_TO),
        (("nearly",), Qualifier.FEWER_THAN),
        (("almost",), Qualifier.FEWER_THAN),
        (("fewer", "than"), Qualifier.FEWER_THAN),
        (("less", "than"), Qualifier.FEWER_THAN),
        (("close", "to"), Qualifier.FEWER_THAN),
        (("just", "under"), Qualifier.FEWER_THAN),
        (("about",), Qualifier.ABOUT),
        (("around",), Qualifier.ABOUT),
        (("some",), Qualifier.ABOUT),
        (("roughly",), Qualifier.ABOUT),
        (("approximately",), Qualifier.ABOUT),
        (("an", "estimated"), Qualifier.ABOUT),
        (("estimated",), Qualifier.ABOUT),
        (("approx",), Qualifier.ABOUT),
        (("circa",), Qualifier.ABOUT),
    ],
    key=lambda q: -len(q[0]),
)

# --- claimed_by -----------------------------------------------------------------

_SPEECH = frozenset(
    "said says say reported reports told stated announced claimed claims confirmed added "
    "wrote estimated accused accuses".split()
)
_ROLE_WORDS = frozenset(
    "officials official authorities ministry police military army governor mayor spokesman "
    "spokeswoman spokesperson medics doctors rescuers sources witnesses prosecutors "
    "prosecutor agency service services forces command administration council office head "
    "chief commander president minister media statement officers emergency health "
    "interior defence defense foreign regional local state civil general staff the of "
    "rebels militants insurgents separatists fighters group residents activists monitors "
    "observers hospital hospitals officer source witness resident activist doctor medic "
    "spokesmen security leader leaders worker workers militia junta regime government".split()
)
#: Words that are never the one who gives a figure, only its time: "residents said Monday".
_WHEN_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday today yesterday tonight "
    "earlier later morning afternoon evening night week month year weekend".split()
) | _MONTHS
#: Inside an organisation's name between capitalised words: "Syrian Observatory for Human
#: Rights", "Centre for Research and Security Studies", "Armed Conflict Location & Event".
_NAME_JOINS = frozenset(("for", "of", "and", "&", "on", "de", "du", "des", "la"))
#: Before a name that is where the speaker is, not who: "a health worker at a hospital in
#: Debre Markos said", "officials in Kabul said".
_LOC_PREPS = frozenset(("in", "at", "near", "from"))
_ACCORDING_STOP = frozenset(
    "on in at who that which and but as after when while said to for from with by".split()
)
_ORDINAL_SUFFIX = frozenset(("st", "nd", "rd", "th"))
#: "a police report seen by Reuters said": who saw the document is not who gives the figure.
_SEEN = frozenset("seen obtained reviewed viewed examined".split())
_DOCUMENTS = frozenset(
    "report reports document documents memo memorandum letter note bulletin assessment "
    "dossier cable briefing filing records".split()
)
_PRONOUNS = frozenset("he she they it we i you who which that this".split())
_LEADING_DROP = frozenset(
    "the of earlier later meanwhile separately also but and however on in local".split()
)


@dataclass(slots=True)
class _Part:
    q: Quantity
    kind: str | None
    end: int  # token after the part (head noun or number)
    has_head: bool
    qual: Qualifier | None = None  # a later part's own: "18 fighters and at least 12 civilians"


@dataclass(slots=True)
class _Found:
    category: CasualtyCategory
    parts: list[_Part]
    sub: list[_Part]
    qualifier: Qualifier
    first: int  # token index of the first number
    last: int  # token index after the span
    subset: bool = False  # "among the dead": part of a toll told elsewhere (see _fold_subsets)
    active: bool = False  # told by an active verb before the victims ("killing five")


class _Sentence:
    """Tokens of one sentence (or window); chunk-local offsets are computed on demand."""

    __slots__ = ("_ends", "_starts", "base", "n", "raw", "text", "words")

    def __init__(self, text: str, base: int) -> None:
        self.text = text
        self.base = base
        self.raw: list[str] = _TOKEN.findall(text)
        words = "\x00".join(self.raw).lower().split("\x00")  # one C call, not one per token
        if len(words) != len(self.raw):  # a NUL inside a token: lower token by token
            words = [r.lower() for r in self.raw]
        self.words: list[str] = words
        self.n = len(words)
        self._starts: list[int] | None = None
        self._ends: list[int] | None = None

    def _offsets(self) -> None:
        starts, ends = [], []
        for m in _TOKEN.finditer(self.text):
            starts.append(self.base + m.start())
            ends.append(self.base + m.end())
        self._starts, self._ends = starts, ends

    @property
    def starts(self) -> list[int]:
        if self._starts is None:
            self._offsets()
        return self._starts  # type: ignore[return-value]

    @property
    def ends(self) -> list[int]:
        if self._ends is None:
            self._offsets()
        return self._ends  # type: ignore[return-value]


def _match(table: dict[str, list[tuple[tuple[str, ...], CasualtyCategory]]], words: Sequence[str], k: int) -> tuple[CasualtyCategory, int] | None:
    if k >= len(words):
        return None
    rows = table.get(words[k])
    if not rows:
        return None
    for rest, cat in rows:
        end = k + 1 + len(rest)
        if tuple(words[k + 1 : end]) == rest:
            return cat, end
    return None


def _qualifier_before(words: Sequence[str], i: int) -> tuple[Qualifier | None, int]:
    for phrase, qual in _QUALIFIERS:
        k = len(phrase)
        if i - k >= 0 and tuple(words[i - k : i]) == phrase:
            return qual, i - k
    return None, i


#: Before "from" and the figure a new toll replaces ("raising its toll from 973").
_SUPERSEDED = frozenset("toll raising raised revising revised lowering lowered up down".split())
_CHANGE_VERBS = frozenset("rose risen rising climbed climbing increased jumped grew grown went gone".split())


def _range_before(words: Sequence[str], q: Quantity) -> Quantity | None:
    """The lower bound of a range that ends at ``q``: "20 to 30", "two to three", "between
    20 and 30" (not "20 and 30", a sum of parts)."""
    j = q.start - 1
    if j < 1 or words[j] not in ("to", "and") or q.value is None:
        return None
    for k in range(max(0, j - 3), j):
        p = parse_quantity(words, k)
        if p is not None and p.end == j and p.value is not None and not p.vague and p.value < q.value:
            if words[j] == "and" and (k == 0 or words[k - 1] != "between"):
                return None
            if k >= 2 and words[k - 1] == "from" and (
                    _CHANGE_VERBS.intersection(words[max(0, k - 4) : k - 1]) or "toll" in words[max(0, k - 8) : k]):
                return None  # "the toll rose from 10 to 15" is 15
            return p
    return None


def _nationality(raw: str) -> str | None:
    """'Palestinians' -> 'palestinians': capitalised plurals of demonyms."""
    if len(raw) > 4 and raw[0].isupper() and raw[1:].islower() and raw.endswith(("ans", "is")):
        return raw.lower()
    return None


#: What joins the ages of a list or range: "aged 19, 22 and 31", "aged 19 to 52".
_AGE_LIST_JOINS = frozenset(("and", "or", "to", "-", "–", ","))


def _age_list_end(w: Sequence[str], m: int) -> int:
    """The token after a list of ages opened by "aged" at ``m`` ("aged 19, 22 and 31",
    "aged between 19 and 52 [years]"), or ``m`` if no digit follows."""
    n = len(w)
    j = m + 1
    if j < n and w[j] in ("between", "from", "over", "under"):
        j += 1  # "aged between 19 and 52", "aged over 60"
    if j >= n or not w[j].isdigit():
        return m
    j += 1
    while j + 1 < n and w[j] in _AGE_LIST_JOINS and w[j + 1].isdigit():
        j += 2
    if j < n and w[j] == "years":
        j += 1 + (j + 1 < n and w[j + 1] == "old")
    return j


def _not_a_count(s: _Sentence, q: Quantity) -> bool:
    """Ages, dates, years, money, units, percentages, populations, times."""
    w = s.words
    n = s.n
    before = w[q.start - 1] if q.start > 0 else ""
    after = w[q.end] if q.end < n else ""
    if before in _BEFORE_NOT_A_COUNT or before in _MONTHS or after in _MONTHS:
        return True
    if w[q.start] == "one" and q.end == q.start + 1 and before in _ONE_PRONOUN_BEFORE and after in (
            "that", "which") and q.end + 1 < n and w[q.end + 1] in _ONE_DID:
        return True  # "a civil war like the one that killed nearly 400,000": what killed, no victim
    if (after in _UNITS and (after != ":" or q.digits)) or (after == "-" and q.end + 1 < n and w[q.end + 1][:4] in ("year", "day-", "mont", "week", "hour")):
        return True
    if after in ("-", "to", "–") and q.end + 2 < n and w[q.end + 2] in _UNITS:
        return True  # ranges of units: "3 to 79 years old"
    if q.digits:
        if after in _ORDINAL_SUFFIX and s.ends[q.end - 1] == s.starts[q.end]:
            return True  # "the 28th person killed": a rank, not a count
        if before in (".", ":", "/", "-", "#", "\u2116", "+") and s.starts[q.start] == s.ends[q.start - 1]:
            return True
        if after in (":", "/", "%") and q.end < n and s.ends[q.end - 1] == s.starts[q.end]:
            return True
        if q.year_like and (before in _YEAR_PREPS or before == ","):
            return True
        if before == "," and after == "," and q.value is not None and q.value < 120 and q.start >= 2 and (
                w[q.start - 2] in _SINGULAR_VICTIMS or (q.start >= 3 and s.raw[q.start - 2][:1].isupper() and (
                    (s.raw[q.start - 3][:1].isupper() and w[q.start - 3] not in _NP_STOP)
                    or (w[q.start - 3] == "," and q.start >= 4 and w[q.start - 4] in _SINGULAR_VICTIMS)))):
            return True  # an age in apposition: "his brother, 19, were killed", "Ahmed Ali, 34,"
    j = q.start - 1 - (before == "the")
    if j >= 1 and w[j] == "from" and (_SUPERSEDED.intersection(w[max(0, j - 4) : j]) or (
            _CHANGE_VERBS.intersection(w[max(0, j - 4) : j]))):
        return True  # the figure a toll replaced: "raising its toll from 973", "up from the 63 deaths"
    lo = q.start
    while lo >= 3 and w[lo - 1] in _AGE_LIST_JOINS and w[lo - 2][0].isdigit():
        # back over a range or list of ages: "aged between 19 and 52", "aged 19 to 52",
        # "aged 19, 22 and 31" (31 had been a toll)
        lo -= 2
    for j in range(lo - 1, max(-1, lo - 5), -1):
        if w[j] in ("population", "populated", "inhabitants", "aged", "ages", "age"):
            return True
        if w[j] in ("and", ",", ";", "but") or w[j][0].isdigit():
            break
    return False


def _read_part(s: _Sentence, j: int) -> _Part | None:
    """``NUM [adj<=3] [VICTIM]`` at token ``j``."""
    if j >= s.n or not _num_start(s.words[j]):
        return None
    q = parse_quantity(s.words, j)
    if q is None:
        return None
    w = s.words
    k = q.end
    if q.vague and k < s.n and w[k] == "of":
        k += 1
    elif k + 2 < s.n and w[k] == "of" and w[k + 1] in _PARTITIVE and not q.article:
        # "five of the 12 soldiers", "three of the passengers": the part, five or three
        # (not in "four of the 14 passengers who died": the 14 died, read at "14")
        inner = _read_part(s, k + 2)
        if inner is not None:
            ok = inner.has_head and not _relative_after(s, inner.end)
            return _Part(q, inner.kind, inner.end, True) if ok else None
        kind = _PLURAL_VICTIMS.get(w[k + 2])
        ok = kind is not None and not _relative_after(s, k + 3)
        return _Part(q, None if kind == "others" else kind, k + 3, True) if ok else None
    m = k
    adjectives = 0
    while m < s.n and adjectives <= 3:
        t = w[m]
        if t[0].isdigit() and m + 2 < s.n and w[m + 1] == "-" and w[m + 2].startswith("year"):
            m += 3  # "a 45-year-old man": the age is part of the noun phrase
            adjectives += 1
            continue
        kind = None
        singular = False
        if t in _PLURAL_VICTIMS:
            kind = _PLURAL_VICTIMS[t]
        elif t in _SINGULAR_VICTIMS:
            kind, singular = _SINGULAR_VICTIMS[t], True
        else:
            kind = _nationality(s.raw[m])
        if kind is not None and m + 1 < s.n and _match(_NOUN, w, m + 1) is not None:
            kind = None  # "civilian deaths": an adjective before a casualty noun
        elif kind is not None and m + 1 < s.n and (t, w[m + 1]) in _COMPOUND_KINDS:
            kind, singular, m = _COMPOUND_KINDS[(t, w[m + 1])], w[m + 1] in _SINGULAR_VICTIMS, m + 1
            t = w[m]
        if kind is not None:
            if m > k:
                kind = _COMPOUND_KINDS.get((w[m - 1], t), kind)
                if kind in ("members", "others", "personnel"):
                    kind = _ADJ_KINDS.get(w[m - 1], kind)
            if q.article and not singular:
                return None
            if singular and q.vague:
                return None
            if kind == "others":
                kind = None
            return _Part(q, kind, m + 1, True)
        if t in _NP_STOP or t in _UNITS or t in _STATE or t in _NOUN or not t[0].isalpha():
            break
        if _num_start(t) and parse_quantity(w, m) is not None:
            break
        m += 1
        adjectives += 1
    if q.article:
        return None
    return _Part(q, None, q.end, False)


#: After "<figure>, a military official": who gives the figure, not one more victim.
_SOURCE_VERBS = frozenset("said says told confirmed added reported stated".split())


def _read_parts(s: _Sentence, j: int) -> tuple[list[_Part], int] | None:
    """Coordinated parts: ``11 adults and nine children``."""
    first = _read_part(s, j)
    if first is None:
        return None
    parts = [first]
    k = first.end
    w = s.words
    while first.has_head and k < s.n and w[k] in (",", "and"):
        k2 = k + 1
        if w[k] == "," and k2 < s.n and w[k2] == "and":
            k2 += 1
        qual = None
        for phrase, q in _QUALIFIERS:  # "18 fighters and at least 12 civilians"
            if tuple(w[k2 : k2 + len(phrase)]) == phrase and k2 + len(phrase) < s.n and _num_start(
                    w[k2 + len(phrase)]):
                qual, k2 = q, k2 + len(phrase)
                break
        nxt = _read_part(s, k2)
        if nxt is not None and qual is not None:
            nxt.qual = qual
        if nxt is None and k2 < s.n and w[k2] in _POSSESSIVES:
            nxt = _possessed(s, k2)
        if (nxt is None and w[k] == "and" and k2 + 1 < s.n and w[k2] == "the"
                and (one := _SINGULAR_VICTIMS.get(w[k2 + 1])) is not None
                and (k2 + 2 == s.n or w[k2 + 2] in _AFTER_NAME or w[k2 + 2] in _AUX)):
            # "killing five passengers and the driver" (six; it had been five), not
            # "... and the gunman fled"
            nxt = _Part(Quantity(k2, k2 + 1, 1), one, k2 + 2, True)
        if nxt is None and w[k] == "and" and k2 + 1 < s.n and len(s.raw[k2]) > 1 and s.raw[k2].isupper() and (
                w[k2 + 1] in _AUX):
            k = k2 + 1  # "30 and 50 soldiers and VDP were killed": a force's acronym, uncounted
            break
        if nxt is None or not nxt.has_head or nxt.q.vague or parts[-1].q.vague:
            break
        if w[k] == "," and nxt.end < s.n and w[nxt.end] in _SOURCE_VERBS:
            break  # "killing at least seven soldiers, a military official said": the source
        if w[k] == "," and nxt.q.article and _says_later(s, nxt):
            break  # "killed at least six soldiers, a military officer, Captain Mohamed Ali, told
            # Reuters", "wounding 11 others, a local official and a hospital source said" (7, 12)
        parts.append(nxt)
        k = nxt.end
    return parts, k


_SAYS_WITHIN = 10  # tokens from a part to its speech verb: ", a local official and a hospital source in Gao said"
_SOURCE_NOUNS = frozenset("source sources officer official spokesman spokeswoman witness resident doctor medic".split())


def _says_later(s: _Sentence, part: _Part) -> bool:
    """Whether a part named by its role ("a military officer") is the one who speaks: a speech
    verb follows within a few words, with no number or casualty verb between."""
    w = s.words
    if w[part.end - 1] not in _ROLE_WORDS and w[part.end - 1] not in _SOURCE_NOUNS:
        return False
    for t in range(part.end, min(s.n, part.end + _SAYS_WITHIN)):
        if w[t] in _SOURCE_VERBS:
            return True
        if (_num_start(w[t]) and w[t] not in ("a", "an")) or w[t] in _ACTIVE or w[t] in _AUX:
            return False
    return False


def _possessed(s: _Sentence, j: int) -> _Part | None:
    """``his|her|their [NUM] VICTIM`` at token ``j``: "her two children", "his son" (one),
    "her 12-year-old son" (one: the number is an age)."""
    w = s.words
    k = j + 1
    if k + 2 < s.n and w[k][0].isdigit() and w[k + 1] == "-" and w[k + 2].startswith("year"):
        k += 3
    else:
        nxt = _read_part(s, k)
        if nxt is not None:
            return nxt if nxt.has_head else None
    if k < s.n and (kind := _SINGULAR_VICTIMS.get(w[k])) is not None:
        return _Part(Quantity(j, j + 1, 1), kind, k + 1, True)
    return None


#: A victim told as one person: "killing him", "killing the driver", "wounding her husband".
_ONE_PRONOUNS = frozenset(("him", "her"))


def _read_one(s: _Sentence, k: int) -> tuple[list[_Part], int] | None:
    """One victim and any told with him after a verb: "killing him along with his two sons"
    (three), "killing the driver", "wounding her husband" (one)."""
    w = s.words
    if k >= s.n:
        return None
    first: _Part | None = None
    if (w[k] in _POSSESSIVES or w[k] == "its") and k + 1 < s.n and w[k + 1] not in _NP_STOP:
        first = _possessed(s, k)
    elif w[k] in _ONE_PRONOUNS:
        first = _Part(Quantity(k, k + 1, 1), "people", k + 1, True)
    elif w[k] == "the" and k + 1 < s.n and (kind := _SINGULAR_VICTIMS.get(w[k + 1])) is not None and not (
            k + 2 < s.n and w[k + 2] in ("of", "'s", "’s")):
        first = _Part(Quantity(k, k + 1, 1), kind, k + 2, True)
    if first is None:
        return None
    parts, m = [first], first.end
    if m + 2 < s.n and w[m] == "along" and w[m + 1] == "with":
        m += 2
    elif m + 1 < s.n and w[m] == "and":
        m += 1
    else:
        return parts, m
    nxt = _possessed(s, m) if w[m] in _POSSESSIVES else _read_part(s, m)
    if nxt is not None and nxt.has_head and not nxt.q.vague:
        parts.append(nxt)
        m = nxt.end
    return parts, m


_NAME_PARTICLES = frozenset("al el bin ibn abu abdul de da van von der ben".split())
#: What may follow a victim's name: "killed John Smith, a British aid worker, in Jos".
_AFTER_NAME = frozenset(", . ; in on at and near while as during after outside last late early ( — –".split())


def _name_end(s: _Sentence, k: int) -> int | None:
    """The token after a person's name of two or more capitalised words at ``k``, or None
    for anything that is not one: a single word ("captured Bakhmut"), an acronym, a time,
    or a capitalised modifier before a noun ("killed Islamic State fighters")."""
    raw, w = s.raw, s.words
    j, capitalised = k, 0
    while j < s.n and j - k < 6:
        t = raw[j]
        if t[:1].isupper() and t[1:2].islower() and not t.endswith(("'s", "’s")):
            capitalised += 1
        elif not (capitalised and (w[j] in _NAME_PARTICLES or w[j].startswith(("al-", "el-")))):
            break
        j += 1
    if capitalised < 2 or w[k] in _WHEN_WORDS or w[j - 1] in _NAME_PARTICLES:
        return None
    return j if j >= s.n or w[j] in _AFTER_NAME else None


def _read_named(s: _Sentence, k: int) -> tuple[list[_Part], int] | None:
    """Victims told by name after a killing verb: "Gunmen killed John Smith" is one killed,
    "killing Ali Hassan and Omar Farah" two (each had been no figure, so the event had none)."""
    end = _name_end(s, k)
    if end is None:
        return None
    parts = [_Part(Quantity(k, end, 1), "people", end, True)]
    if end + 1 < s.n and s.words[end] == "and" and (nxt := _name_end(s, end + 1)) is not None:
        parts.append(_Part(Quantity(end + 1, nxt, 1), "people", nxt, True))
    return parts, parts[-1].end


#: Livestock a strike kills are no casualties ("killed 3 cows").
_ANIMALS = frozenset(
    "animals cows goats camels donkeys horses dogs cats chickens pigs mules bulls buffaloes "
    "cattle sheep livestock fish birds poultry".split()
)


def _generic_victims(s: _Sentence, q: Quantity, follow: frozenset[str] | None) -> _Part | None:
    """``NUM [adj<=2] PLURAL-NOUN`` for a noun no victim table names ("9 traders"), read
    only where a casualty verb governs the number. ``follow``: what may come next (None:
    anything; the caller checks the casualty word itself)."""
    if q.article or (q.value is not None and q.value < 2):
        return None
    w, raw = s.words, s.raw
    for m in range(q.end, min(q.end + 3, s.n)):
        t = w[m]
        if not (t.isalpha() and raw[m].islower()) or t in _NP_STOP or t in _UNITS or (
            t in _MONTHS or t in _STATE or t in _ACTIVE or t in _GAP
        ) or _match(_NOUN, w, m) is not None:  # "four prisoners were found hanged", never
            # "four prisoners of war" (captives)
            return None
        if len(t) > 3 and t.endswith("s") and not t.endswith(("ss", "ous", "ics")) and (
                t not in _ANIMALS):
            nxt = w[m + 1] if m + 1 < s.n else "."
            if follow is not None and nxt not in follow:
                return None
            return _Part(q, t, m + 1, True)
    return None


def _of_them(s: _Sentence, j: int) -> _Part | None:
    """``NUM of them|whom [were|are] VICTIM`` at token ``j``: a sub-part of the figure before."""
    w = s.words
    if j >= s.n or not _num_start(w[j]):
        return None
    q = parse_quantity(w, j)
    if q is None or q.vague or q.value is None or q.end + 2 >= s.n or w[q.end] != "of" or w[q.end + 1] not in ("them", "whom"):
        return None
    m = q.end + 2
    if w[m] in ("were", "are", "was", "is") and m + 1 < s.n:
        m += 1
    kind = _PLURAL_VICTIMS.get(w[m]) or _SINGULAR_VICTIMS.get(w[m])
    if kind is None or kind == "others":
        return None
    return _Part(q, kind, m + 1, True)


def _read_including(s: _Sentence, k: int) -> tuple[list[_Part], int]:
    """``[,] including|among them NUM VICTIM [and NUM VICTIM] [,]`` -> sub-parts."""
    w = s.words
    j = k
    skipped = 0
    while j < s.n and skipped < 4 and w[j][0].isalpha() and w[j] not in _NOT_BEFORE_INCLUDING:
        if w[j] == "including" or (w[j] == "among" and j + 1 < s.n and w[j + 1] in ("them", "whom", "those")):
            break
        if _match(_STATE, w, j) is not None:
            return [], k  # "21 people were killed, including...": the verb comes first, and its including after it
        j += 1
        skipped += 1
    if j < s.n and w[j] in (",", "(", "—", "–"):
        j += 1
    of_them = _of_them(s, j)  # "nine people were killed, six of them children"
    if of_them is not None:
        return [of_them], of_them.end
    if j < s.n and w[j] == "including":
        j += 1
    elif j + 1 < s.n and w[j] == "among" and w[j + 1] in ("them", "whom", "those"):
        j += 2
        if j < s.n and w[j] in ("were", "are"):
            j += 1
    else:
        return [], k
    got = _read_parts(s, j)
    if got is None or not got[0][0].has_head:
        return [], k
    parts, j = got
    if j < s.n and w[j] in (",", ")", "—", "–"):
        j += 1
    return parts, j


def _relative_after(s: _Sentence, k: int) -> bool:
    return k < s.n and s.words[k] in ("who", "that", "which")


_MODIFIER_MAX = 10  # ", most of them members of the Alawite minority,"


def _skip_modifier(s: _Sentence, k: int) -> int:
    """Past a short phrase between the victims and their verb: "nine members of one family
    were killed", "six people, all members of the same family, were killed". Only words:
    a number inside ("five of the 12") or a verb ("who were wounded") leaves ``k``."""
    w = s.words
    if k < s.n and w[k] == "aged":  # "three men aged 19, 22 and 31 were shot dead"
        return _age_list_end(w, k)
    if k >= s.n or w[k] not in ("of", ",", "from", "who", "with", "for"):
        return k
    # "six labourers from Punjab were shot dead", "two worshippers who tried to escape were
    # shot dead", "three aid workers with the World Food Programme (WFP) were killed", "a
    # driver for a medical charity was killed"
    of = w[k] in ("of", "from", "who", "with", "for")
    m, stop = k + 1, min(s.n, k + 1 + _MODIFIER_MAX)
    while m < stop:
        t = w[m]
        if t[0].isdigit() and m + 2 < s.n and w[m + 1] == "-" and w[m + 2].startswith("year"):
            m += 3  # "six people, including a 16-year-old, were kidnapped"
            continue
        if t.isdigit() and m + 1 < s.n and w[m + 1] in _ORDINAL_SUFFIX:
            m += 2  # a unit's number: "two soldiers with the 12th Brigade were killed"
            continue
        if t == "aged" and (end := _age_list_end(w, m)) > m:
            m = end  # their ages: "the three men, aged 19, 22 and 31, were killed"
            continue
        if t == "(" and m > k + 1:  # a name's acronym in brackets: "(WFP)", "(MSF)"
            close = next((j for j in range(m + 1, min(s.n, m + 5)) if w[j] == ")"), None)
            if close is None or close == m + 1 or not all(
                    w[j].isalpha() for j in range(m + 1, close)):
                return k
            stop = min(s.n, stop + close - m + 1)  # the acronym is no word of the phrase
            m = close + 1
            continue
        if of and (t in _AUX or _match(_STATE, w, m) is not None):
            return m if m > k + 1 else k
        if not of and t == ",":
            return m + 1 if m > k + 1 else k
        if not (t.isalpha() or t == "'s" or ("-" in t and t.replace("-", "").isalpha())
                or (t[-2:] in ("'s", "\u2019s") and t[:-2].isalpha())) or (  # "members of the New People's Army"
                _match(_STATE, w, m) is not None) or t in _AUX or (
                _num_start(t) and t not in ("one", "a", "an")):
            return k
        m += 1
    return k


def _skip_gap(s: _Sentence, k: int, limit: int = 7) -> tuple[int, bool]:
    aux = False
    stop = min(s.n, k + limit)
    w = s.words
    while k < stop and w[k] in _GAP and _match(_STATE, w, k) is None:
        aux = aux or w[k] in _AUX
        k += 1
    return k, aux


_PERFECT = frozenset(("has", "have", "had"))
_PASSIVE_AUX = frozenset("been being were was is are be".split())


def _perfect_active(s: _Sentence, lo: int, g: int) -> bool:
    """``has|have|had`` + participle between ``lo`` and the verb at ``g``, no "been": the
    figure before it did the killing ("the two forces have killed hundreds")."""
    gap = s.words[lo:g]
    return s.words[g] in _ACTIVE_PARTICIPLES and not _PASSIVE_AUX.intersection(gap) and bool(
        _PERFECT.intersection(gap)
    )


def _starts_np(s: _Sentence, k: int) -> bool:
    if k >= s.n:
        return False
    t = s.words[k]
    return t in ("a", "an", "the", "his", "her", "their", "its", "dozens", "hundreds") or bool(
        _num_start(t) and parse_quantity(s.words, k) is not None
    )


_INCLUDE = frozenset(("include", "includes", "included"))
_DEAD_NOUNS = frozenset(("dead", "killed", "victims", "fatalities", "toll"))


def _included_dead(s: _Sentence, i: int) -> _Found | None:
    """``the dead include PARTS``: parts of the dead (a subset, see _fold_subsets), up to a
    ", and" that opens another clause: "The 23 dead include four women and three children,
    and 41 others were wounded" is 23 killed and 41 injured (it had been 48 injured)."""
    got = _read_parts(s, i)
    if got is None or not got[0][0].has_head:
        return None
    parts = got[0][:1]
    for p in got[0][1:]:
        if "," in s.words[parts[-1].end : p.q.start] and p.end < s.n and (
                s.words[p.end] in _AUX or _match(_STATE, s.words, p.end) is not None):
            break  # ", and 41 others were wounded": a clause of its own
        parts.append(p)
    if _not_a_count(s, parts[0].q) or any(p.q.vague for p in parts):
        return None
    return _Found(_K, parts, [], Qualifier.EXACT, i, parts[-1].end, subset=True)


def _try_number(s: _Sentence, i: int) -> _Found | None:
    """Shapes A and C, anchored on the number at token ``i``."""
    if i >= 2 and s.words[i - 1] in _INCLUDE and any(t in _DEAD_NOUNS for t in s.words[max(0, i - 4) : i - 1]):
        return _included_dead(s, i)
    b = i - (i >= 1 and s.words[i - 1] in _QUOTE_TOKENS)  # 'the bodies of "seven Christians"'
    if (b >= 2 and s.words[b - 1] == "of" and s.words[b - 2] == "bodies") or (
            i >= 3 and s.words[i - 1] in _PARTITIVE and s.words[i - 2] == "of" and s.words[i - 3] == "bodies"):
        # "the bodies of six men were found", "the bodies of the three men": six, three dead
        got = _read_parts(s, i)
        if got is not None and got[0][0].has_head and not _not_a_count(s, got[0][0].q):
            return _Found(_K, got[0], [], Qualifier.EXACT, i, got[0][-1].end)
    if i >= 3 and s.words[i - 1] in _PARTITIVE and s.words[i - 2] == "of" and (
            (outer := parse_quantity(s.words, i - 3)) is not None and outer.end == i - 2) and not (
            (part := _read_part(s, i)) is not None and _relative_after(s, part.end)):
        return None  # "five of the 12 soldiers were killed": five were, read at "five"
    got = _read_parts(s, i)
    if got is None:
        return None
    parts, k = got
    head = parts[0]
    if _not_a_count(s, head.q):
        return None
    w = s.words
    if head.has_head:
        sub, k = _read_including(s, k)
        g, aux = _skip_gap(s, _skip_modifier(s, k))
        hit = _match(_STATE, w, g)
        if hit is None:
            if _taken_captive(s, i, k):  # "took 12 soldiers prisoner"
                return _Found(_C, parts, [], Qualifier.EXACT, i, parts[-1].end)
            return None
        cat, end = hit
        if (not aux and w[g] in _ACTIVE_PARTICIPLES and _starts_np(s, end)) or _perfect_active(s, k, g):
            return None  # "3 gunmen killed 5 people": the victims follow the verb
        if not _taken_ok(s, g, end, True) or (w[g] in _NEEDS_AUX and not aux):
            return None
        if not sub:
            sub, _ = _read_including(s, end)
        return _Found(cat, parts, sub, Qualifier.EXACT, i, parts[-1].end, subset=w[g] == "among")
    if head.q.article or (head.q.year_like and not head.q.digits):
        return None
    # C-noun: NUM [adj<=2] deaths
    for m in range(head.q.end, min(head.q.end + 3, s.n)):
        hit = _match(_NOUN, w, m)
        if hit is not None:
            kind = _ADJ_KINDS.get(w[m - 1]) if m > head.q.end else None
            if m > head.q.end + 1 and kind is None:
                break
            cat = hit[0]
            if cat is _C:
                # "three hostages were killed", "left 26 hostages dead", "killed four
                # hostages": the captives' deaths (they had been counted as captured)
                g, aux = _skip_gap(s, _skip_modifier(s, hit[1]))  # "26 hostages, most of them soldiers, were killed"
                state = _match(_STATE, w, g)
                if state is not None and state[0] in (_K, _I) and not _perfect_active(s, hit[1], g) and (
                        aux or w[g] not in _ACTIVE_PARTICIPLES or not _starts_np(s, state[1])):
                    cat, kind = state[0], "hostages"
                elif (verb := _verb_before(s, i)) is not None:
                    cat, kind = verb, "hostages"
            part = _Part(head.q, kind, hit[1], True)
            return _Found(cat, [part], [], Qualifier.EXACT, i, m + 1)
        t = w[m]
        if t in _NP_STOP or t in _UNITS or not t[0].isalpha():
            break
    if head.q.year_like:
        return None
    generic = _generic_victims(s, head.q, None)
    if generic is not None and _taken_captive(s, i, generic.end):
        # "took two hikers hostage"
        return _Found(_C, [generic], [], Qualifier.EXACT, i, generic.end)
    if generic is not None:  # "nine traders were killed"; never "2 villages were captured"
        g, aux = _skip_gap(s, generic.end)
        hit = _match(_STATE, w, g)
        if hit is not None and hit[0] in (_K, _I) and (aux or not _starts_np(s, hit[1])) and (
                not _perfect_active(s, generic.end, g)) and w[g] not in _NEEDS_VICTIMS and (
                aux or w[g] not in _NEEDS_AUX):
            return _Found(hit[0], [generic], [], Qualifier.EXACT, i, generic.end)
    after = head.q.end
    if after + 1 < s.n and w[after] == "more" and w[after + 1] != "than":
        after += 1  # "two more were killed"
    g, aux = _skip_gap(s, after)
    hit = _match(_STATE, w, g)
    if hit is None or w[g] in _NEEDS_VICTIMS or (hit[1] < s.n and w[hit[1]] in _ANIMALS) or (
            not _taken_ok(s, g, hit[1], False)) or (w[g] in _NEEDS_AUX and w[g] != "taken" and not aux):
        return None  # "25 were neutralised": drones as often as fighters; "200 dead fish"
    if (w[g] in _ACTIVE_PARTICIPLES and g == after and _starts_np(s, hit[1])) or (
            _perfect_active(s, after, g)):
        return None
    return _Found(hit[0], [head], [], Qualifier.EXACT, i, after)


_CAPTIVE_AFTER = frozenset("prisoner prisoners captive captives hostage hostages".split())
_TAKE = frozenset("took take takes taking taken".split())


def _taken_captive(s: _Sentence, i: int, k: int) -> bool:
    """``took [qualifier] NUM VICTIM prisoner|captive|hostage``: the victims end at ``k``."""
    w = s.words
    _, j = _qualifier_before(w, i)
    return k < s.n and w[k] in _CAPTIVE_AFTER and j > 0 and w[j - 1] in _TAKE


def _own_subject(w: Sequence[str], i: int) -> bool:
    """"it / they / we [had] lost": the speaker's own losses."""
    j = i - 1
    if j >= 0 and w[j] in ("had", "has", "have"):
        j -= 1
    return j >= 0 and w[j] in ("it", "they", "we")


def _verb_before(s: _Sentence, i: int) -> CasualtyCategory | None:
    """The killing or wounding verb right before the figure at ``i`` ("killed four",
    "executing at least two"), if any."""
    w = s.words
    for j in range(i - 1, max(-1, i - 4), -1):
        hit = _match(_ACTIVE, w, j)
        if hit is not None and hit[1] <= i:
            if w[j] in _BASE_FORMS and j > 0 and w[j - 1] in _NOT_BEFORE_BASE:
                return None  # "vowed to kill 10 hostages"
            return hit[0] if hit[0] in (_K, _I) else None
        if w[j] not in ("at", "least", "more", "than", "about", "nearly", "some", "around", "almost", "up", "to", "all"):
            return None
    return None


#: "The attacker was shot dead", "police killed the gunman": one of the attacking side,
#: whom ACLED counts among the fatalities (these had been no figure at all).
_ONE_ATTACKER = frozenset(("attacker", "gunman", "assailant", "shooter", "bomber", "lone", "suicide"))
_ATTACKER_HEADS = frozenset(("attacker", "gunman", "assailant", "shooter", "bomber"))


def _try_the_attacker(s: _Sentence, i: int) -> _Found | None:
    """``the [lone|suicide] attacker`` killed: by a verb before it, or a state after it."""
    w = s.words
    j = i + 1
    while j < s.n and w[j] in ("lone", "suicide"):
        j += 1
    if j >= s.n or w[j] not in _ATTACKER_HEADS:
        return None
    part = _Part(Quantity(i, i + 1, 1), "attackers", j + 1, True)
    for back in (1, 2):  # "police killed the gunman", "police shot dead the attacker"
        hit = _match(_ACTIVE, w, i - back) if i >= back else None
        if hit is not None and hit[1] == i and hit[0] is _K:
            return _Found(_K, [part], [], Qualifier.EXACT, i, j + 1)
    g, aux = _skip_gap(s, j + 1)
    hit = _match(_STATE, w, g)
    if hit is not None and hit[0] is _K and (aux or w[g] not in _ACTIVE_PARTICIPLES or not _starts_np(s, hit[1])):
        return _Found(_K, [part], [], Qualifier.EXACT, i, j + 1)  # "the attacker was shot dead"
    return None


#: What may stand between a figure and the capture verb sharing its victims.
_SHARED_JOINS = frozenset((",", "and", "also"))


def _shared_victims(s: _Sentence, i: int, prev: _Found | None, head: _Part) -> _Part | None:
    """A capture verb's bare number right after a figure of people, coordinated with it:
    "killing two militants and capturing four" (four militants). Alone ("seized the town
    and captured six") or before a thing ("captured four rifles") it is no figure."""
    if prev is None or head.q.year_like:
        return None
    w = s.words
    between = w[prev.last : i]
    if not 1 <= len(between) <= 3 or not _SHARED_JOINS.issuperset(between):
        return None
    if head.q.end < s.n and w[head.q.end] not in _B_FOLLOW:
        return None
    last = prev.parts[-1]
    kind = last.kind if len(prev.parts) == 1 and last.has_head else None
    return _Part(head.q, kind, head.q.end, False)


def _try_active(s: _Sentence, i: int, prev: _Found | None = None) -> _Found | None:
    """Shape B at an active verb: ``killing at least five``; ``prev``, the sentence's
    figure before, lends its victims to a bare number captured after it."""
    hit = _match(_ACTIVE, s.words, i)
    if hit is None:
        return None
    cat, j = hit
    w = s.words
    if w[i] in _BASE_FORMS and ((i > 0 and w[i - 1] in _NOT_BEFORE_BASE) or ";" in w):
        # "vowed to kill 10 hostages": no killing; "Militants kill 16 soldiers in ...;
        # separatists attack a bus in Balochistan": a headline of two stories, told below
        return None
    k = j
    if k + 1 < s.n and w[k] in _QUOTE_TOKENS:
        k += 1  # 'units "neutralised" about 30 assailants'
    if k + 1 < s.n and w[k] == "all" and _num_start(w[k + 1]):
        k += 1  # "killing all 298 people on board"
    if k + 1 < s.n and w[k] == "another" and _num_start(w[k + 1]):
        k += 1  # "and wounded another 30"
    elif k + 3 < s.n and w[k] == "a" and w[k + 1] == "family" and w[k + 2] == "of" and _num_start(w[k + 3]):
        k += 3  # "killed a family of seven"
    elif k + 2 < s.n and w[k] in ("a", "an") and w[k + 1] in ("further", "additional") and _num_start(w[k + 2]):
        k += 2  # "wounding a further seven"
    for phrase, _ in _QUALIFIERS:
        if tuple(w[k : k + len(phrase)]) == phrase:
            k += len(phrase)
            break
    if k + 1 < s.n and w[k] == "between":
        lower = parse_quantity(w, k + 1)
        if lower is None or lower.end >= s.n or w[lower.end] != "and":
            return None
        k = lower.end + 1  # the upper bound governs the victims; _range_before reads the lower
    elif k < s.n and (lower := parse_quantity(w, k)) is not None and lower.end + 1 < s.n and w[lower.end] == "to" and (
            parse_quantity(w, lower.end + 1) is not None):
        k = lower.end + 1  # "killed 2 to 3 civilians"
    got = _read_parts(s, k)
    if got is None and w[i] != "lost":
        got = _read_one(s, k)
    if got is None and cat in (_K, _I) and w[i] != "lost":
        got = _read_named(s, k)
    if got is None:
        return None
    parts, end = got
    head = parts[0]
    if _not_a_count(s, head.q) or (w[i] in _NEEDS_VICTIMS and not head.has_head):
        return None
    if w[i] == "lost" and (not head.has_head or head.kind not in _OWN_LOSSES or not _own_subject(w, i)):
        # "lost 18 tanks", "lost 2,700 people annually", and the other side's claim ("Moscow
        # claimed Ukraine had lost 1,300 servicemen"): only "it lost 18 men" is a toll
        return None
    if not head.has_head and cat is _C:
        shared = _shared_victims(s, i, prev, head)
        if shared is None:
            return None  # "captured 12" alone: as often towns or tanks as people
        parts, end = [shared], shared.end
    elif not head.has_head:
        if head.q.year_like:
            return None
        nxt = w[head.q.end] if head.q.end < s.n else "."
        if nxt not in _B_FOLLOW:
            generic = _generic_victims(s, head.q, _B_FOLLOW)  # "killing 9 traders, police said"
            if generic is None:
                return None
            parts, end = [generic], generic.end
    sub, _ = _read_including(s, end)
    return _Found(cat, parts, sub, Qualifier.EXACT, k, parts[-1].end, active=True)


_QUOTE_TOKENS = frozenset(('"', "”", "“", "'", "’"))
_LIVES_VERBS = frozenset("claimed claiming claims claim took taking takes cost costing costs".split())


def _try_lives(s: _Sentence, i: int) -> _Found | None:
    """``claimed|took|cost [qualifier] NUM [adj] lives``: "the bombing claimed 35 lives"."""
    w = s.words
    k = i + 1
    for phrase, _ in _QUALIFIERS:
        if tuple(w[k : k + len(phrase)]) == phrase:
            k += len(phrase)
            break
    if k >= s.n or not _num_start(w[k]) or (q := parse_quantity(w, k)) is None or q.article:
        return None
    for m in (q.end, q.end + 1):
        if m < s.n and w[m] == "lives":
            if _not_a_count(s, q) or (m > q.end and not w[q.end].isalpha()):
                return None
            return _Found(_K, [_Part(q, None, m + 1, True)], [], Qualifier.EXACT, k, m + 1)
    return None


_AMONG_PLACE_PREPS = frozenset(("in", "from", "at", "of"))
_AMONG_PLACE_MAX = 8  # "Among the dead in Sunday's attack on the market were ..."
_AMONG_OF = {"dead": _K, "killed": _K, "fatalities": _K, "victims": _K, "injured": _I,
             "wounded": _I, "missing": _M}


def _try_among(s: _Sentence, i: int) -> _Found | None:
    """``among the dead|those killed were PARTS``: "Among the dead were two police officers
    and a mother and her two children" (5 killed, part of a toll; see _fold_subsets)."""
    w = s.words
    if i + 3 >= s.n or w[i + 1] not in ("the", "those") or (cat := _AMONG_OF.get(w[i + 2])) is None:
        return None
    k = i + 3
    if k + 1 < s.n and w[k] in _AMONG_PLACE_PREPS:  # "Among the dead in the raid were ..."
        k = next((j for j in range(k + 1, min(k + _AMONG_PLACE_MAX, s.n))
                  if w[j] in ("were", "was", "are", "is") or w[j] in (",", ";", ":", ".")), k)
    if k < s.n and w[k] in ("were", "was", "are", "is"):
        k += 1
    else:
        return None
    got = _read_parts(s, k)
    if got is None or not got[0][0].has_head:
        got = _read_one(s, k) if k < s.n and w[k] != "the" else None  # "Among the dead was his son"
        if got is None:
            return None
    parts, _ = got
    if _not_a_count(s, parts[0].q) or parts[0].q.vague:
        return None
    return _Found(cat, parts, [], Qualifier.EXACT, parts[0].q.start, parts[-1].end, subset=True)


_LATER = frozenset("later subsequently since afterwards eventually then have has had".split())
_DIED = frozenset(("died", "succumbed"))


def _try_later_died(s: _Sentence, i: int, prev: _Found) -> _Found | None:
    """``..., NUM of whom|them [later] died``: some of the wounded just told died of their
    wounds. "wounding five passengers, two of whom later died in hospital" is 5 injured and
    2 killed (the 2 had been no figure). The injured figure stays as stated, so the two
    figures each match their own words."""
    w = s.words
    if prev.category is not _I or i < prev.last:
        return None
    q = parse_quantity(w, i)
    if q is None or q.vague or q.value is None or q.end + 2 >= s.n:
        return None
    if w[q.end] != "of" or w[q.end + 1] not in ("whom", "them"):
        return None
    m = q.end + 2
    while m < s.n and w[m] in _LATER:
        m += 1
    if m >= s.n or w[m] not in _DIED:
        return None
    told = sum(p.q.value or 0 for p in prev.parts)
    if told and q.value > told:
        return None
    kind = next((p.kind for p in prev.parts if p.kind), None)
    return _Found(_K, [_Part(q, kind, m + 1, True)], [], Qualifier.EXACT, q.start, m + 1)


def _try_toll(s: _Sentence, i: int) -> _Found | None:
    """Shape D: ``death toll rose to 57``, ``the number of dead reached 30``."""
    w = s.words
    if w[i] == "toll":
        cat: CasualtyCategory = _K
        if i > 0 and w[i - 1] in ("injury", "injured"):
            cat = _I
        j = i + 1
    elif w[i] == "number" and i + 2 < s.n and w[i + 1] == "of" and (
            w[i + 2] in _TOLL_OF or (w[i + 2] in _TOLL_WHO and i + 3 < s.n and w[i + 3] in _TOLL_OF)):
        # "the number of dead", "the number of people killed"
        who = w[i + 2] in _TOLL_WHO
        cat, j = _TOLL_OF[w[i + 2 + who]], i + 3 + who
        if j < s.n and w[j] in _TOLL_WHO:
            j += 1
    else:
        return None
    if j < s.n and w[j] in ("from", "in", "after", "following"):
        # "the death toll from Sunday's attack has risen to 43": past the phrase to its verb
        j = next((m for m in range(j + 1, min(s.n, j + 8)) if w[m] in _TOLL_VERBS), j)
    above = False
    stop = min(s.n, j + 9)
    while j < stop:
        if _num_start(w[j]) and w[j] not in ("a", "an"):
            q = parse_quantity(w, j)
            if q is not None:
                if q.end + 1 < s.n and w[q.end] == "to" and j > 0 and w[j - 1] == "from":
                    q2 = parse_quantity(w, q.end + 1) if _num_start(w[q.end + 1]) else None
                    if q2 is not None:
                        q = q2
                if _not_a_count(s, q):
                    return None
                qual = Qualifier.MORE_THAN if above else Qualifier.EXACT
                sub, _ = _read_including(s, q.end)  # "rose to 45, including 12 women and 9 children"
                return _Found(cat, [_Part(q, None, q.end, False)], sub, qual, q.start, q.end)
        if w[j] in _TOLL_ABOVE:
            above = True
        if w[j] in _QUOTE_TOKENS:  # 'the death toll was "at least 50"': the figure quoted
            j += 1
            continue
        if w[j] not in _TOLL_GAP and _qualifier_before(w, j + 1)[0] is None:
            if not any(w[j] in p for p, _ in _QUALIFIERS):
                return None
        j += 1
    return None


#: What may follow "and two more" whose verb is the figure's before it: a place or a time.
_ELIDED_FOLLOW = frozenset(
    "in at near on outside inside across elsewhere nearby during , . ; )".split()
)


#: Before a bare figure's own day or place (a capitalised word) in an elided clause.
_ELIDED_WHEN_WHERE = frozenset(("on", "in", "at", "near"))


def _try_elided(s: _Sentence, i: int, prev: _Found) -> _Found | None:
    """``... and NUM more | another NUM [VICTIM] in ...`` right after a figure, its verb
    left out: "Strikes killed three people in Tyre and two more in Nabatieh" (2 killed);
    a vague NUM is its range ("and dozens more in the second": dozens killed)."""
    w = s.words
    _, j = _qualifier_before(w, i)
    if j < 1 or w[j - 1] != "and" or not prev.last <= j - 1 <= prev.last + 10:
        return None
    for t in w[prev.last : j - 1]:
        if (_num_start(t) and t not in ("a", "an")) or (
                t.endswith("ed") and _match(_STATE, (t,), 0) is None):
            return None  # "killed three people and damaged two houses, and two more in ..."
    if w[i] == "another":
        q = parse_quantity(w, i + 1) if i + 1 < s.n and _num_start(w[i + 1]) else None
        end = q.end if q is not None else 0
    else:
        q = parse_quantity(w, i)
        end = q.end + 1 if q is not None and q.end < s.n and w[q.end] == "more" else 0
        if q is not None and not end and not q.vague and q.end + 1 < s.n and (
                w[q.end] in _ELIDED_WHEN_WHERE and s.raw[q.end + 1][:1].isupper()) and (
                prev.parts[-1].q.value is not None and not prev.parts[-1].q.vague):
            # "34 people were killed on Saturday and 22 on Sunday", "three in Tyre and two in
            # Nabatieh": a bare figure with its own day or place, the verb the figure's before
            end = q.end
    if q is None or not end or q.article or q.year_like or _not_a_count(s, q):
        return None
    if q.vague and w[i] == "another":
        return None  # "another several" is no English; "and dozens more in the second" is read
    part = _read_part(s, q.start)
    if part is not None and part.has_head and part.end >= end:
        end = part.end
    else:
        part = _Part(q, None, end, False)
    if end >= s.n or w[end] not in _ELIDED_FOLLOW:
        return None  # "and two more were arrested", "and two more trucks were hit"
    return _Found(prev.category, [part], [], Qualifier.EXACT, q.start, end)


def _claims(s: _Sentence) -> list[tuple[int, str, bool]]:
    """(chunk offset, who, trailing) for each attribution in the sentence; a trailing one
    (", a hospital official said") gives the figures before it."""
    out: list[tuple[int, str, bool]] = []
    w, raw = s.words, s.raw

    def name_ok(t: int) -> bool:
        wt = w[t]
        if raw[t][:1].isupper() or wt in _ROLE_WORDS:
            return True
        if wt[-2:] in ("'s", "\u2019s"):  # "the regional prosecutor's office"
            return wt[:-2] in _ROLE_WORDS
        # a unit's ordinal: "the 47th Brigade" is tokenised "47", "th"; a group's "3R" is "3", "R"
        return (wt.isdigit() and t + 1 < s.n and (w[t + 1] in _ORDINAL_SUFFIX or (
            raw[t + 1][:1].isupper() and s.ends[t] == s.starts[t + 1]))) or (
            wt in _ORDINAL_SUFFIX and t > 0 and w[t - 1].isdigit()
        )

    def _name_start(t: int) -> int:
        """The first token of the name or role words ending before ``t``; a joining word
        between capitalised words stays inside ("Observatory for Human Rights")."""
        lo = t
        while lo > 0 and t - lo < 8:
            if name_ok(lo - 1) and w[lo - 1] not in _WHEN_WORDS:
                lo -= 1
            elif lo >= 2 and lo < t and w[lo - 1] in _NAME_JOINS and raw[lo - 2][:1].isupper() and (
                    raw[lo][:1].isupper()):
                lo -= 1
            else:
                break
        return lo

    def _speaker_before_place(p: int) -> tuple[int, int]:
        """Back from the preposition at ``p`` over ``PREP [a|the] NAME`` links to the role
        words that open them: (start, end) of the speaker, empty if there is none."""
        for _ in range(3):
            lo = _name_start(p)
            if lo == p:
                return p, p
            b = lo - 1 - (lo > 0 and w[lo - 1] in ("a", "an", "the"))
            if b >= 1 and w[b] in _LOC_PREPS:
                p = b  # "at a hospital in Debre Markos": one more place phrase back
                continue
            return lo, p
        return p, p

    def clean(lo: int, hi: int) -> str | None:
        while lo < hi and (w[lo] in _LEADING_DROP or w[lo] in _WHEN_WORDS or w[lo] in ("a", "an")):
            lo += 1
        while hi > lo and (w[hi - 1] in ("of", "the") or w[hi - 1] in _NAME_JOINS or w[hi - 1] in _WHEN_WORDS):
            hi -= 1
        if hi <= lo or any(w[t] in _PRONOUNS for t in range(lo, hi)):
            return None
        # the text as written ("47th", "prosecutor's office"), not tokens joined by spaces
        return s.text[s.starts[lo] - s.base : s.ends[hi - 1] - s.base]

    for t in range(s.n):
        wt = w[t]
        if t > 0 and w[t - 1] in ("a", "an", "the") and wt in ("estimated", "reported"):
            continue  # "an estimated 500 fighters": a qualifier, not an attribution
        if wt in _SPEECH or (wt in ("cited", "quoted") and t + 3 < s.n and w[t + 2] == "as"):
            lo = _name_start(t)
            if lo < t and lo >= 3 and w[lo - 1] == "by" and w[lo - 2] in _SEEN:
                # "a police report seen by Reuters said": the report gives it, not Reuters
                t_end = lo = lo - 2
                while lo > 0 and t_end - lo < 6 and (name_ok(lo - 1) or w[lo - 1] in _DOCUMENTS) and (
                        w[lo - 1] not in _WHEN_WORDS):
                    lo -= 1
            elif lo < t and lo >= 2 and w[lo - 1] in _LOC_PREPS:
                # "officials in Kabul said", "a health worker at a hospital in Debre
                # Markos said": the name is where; who speaks opens the phrase before it
                lo, t_end = _speaker_before_place(lo - 1)
            else:
                t_end = t
            who = clean(lo, t_end) if lo < t_end else None
            b = lo - 1 - (lo > 0 and w[lo - 1] in ("a", "an", "the"))
            trailing = who is not None and b >= 0 and w[b] == ","
            if who is None and wt in _SPEECH and wt != "told":  # "told AFP": who heard it
                hi = t + 1
                while hi < s.n and hi - t < 8 and (name_ok(hi) or (
                        w[hi] in _NAME_JOINS and hi > t + 1 and raw[hi - 1][:1].isupper()
                        and hi + 1 < s.n and raw[hi + 1][:1].isupper())):
                    if w[hi] in _WHEN_WORDS:
                        break  # "said Monday": when, never who
                    hi += 1
                who = clean(t + 1, hi)
            if who:
                out.append((s.starts[t], who, trailing))
        elif (wt == "according" and t + 1 < s.n and w[t + 1] == "to") or (
            wt == "by" and t > 0 and w[t - 1] == "quoted"
        ):
            lo = t + (2 if wt == "according" else 1)
            hi = lo
            while hi < s.n and hi - lo < 10 and (
                    (w[hi][0].isalpha() and w[hi] not in _ACCORDING_STOP) or (
                        w[hi] in _NAME_JOINS and hi > lo and raw[hi - 1][:1].isupper()
                        and hi + 1 < s.n and raw[hi + 1][:1].isupper())):
                hi += 1
            if hi - 1 > lo and w[hi - 1] in _SEEN and hi < s.n and w[hi] == "by":
                hi -= 1  # "according to a police report seen by Reuters"
            who = clean(lo, hi)
            if who:
                out.append((s.starts[t], who, False))
    return out


#: Heads general enough that a list after them names their members, not more victims.
_GENERAL_HEADS = frozenset(("people", "persons", "men", "women", "civilians", "villagers", "residents",
                            "individuals", "victims"))


def _apposition(s: _Sentence, parts: list[_Part]) -> bool:
    """Whether the parts after the first, set off by a comma, sum to it under a general
    head: "two men, a farmer and his son" (but "a soldier, a policeman and a civilian"
    lists three)."""
    first = parts[0]
    return (first.kind in _GENERAL_HEADS and first.has_head and first.q.value is not None
            and first.end < s.n and s.words[first.end] == ","
            and not any(p.q.vague or p.q.value is None for p in parts[1:])
            and sum(p.q.value or 0 for p in parts[1:]) == first.q.value)


def _to_mention(chunk: Chunk, s: _Sentence, found: _Found, sent: tuple[int, int], claims: list[tuple[int, str, bool]]) -> CasualtyMention | None:
    parts = found.parts
    qual, _ = _qualifier_before(s.words, parts[0].q.start)
    if qual is None:
        qual = found.qualifier
    if parts[0].q.vague:
        parts = parts[:1]
    first = parts[0]
    breakdown: dict[str, int] = {}
    best: int | None
    low = high = None
    span_from = first.q.start
    if first.q.vague:
        best, low, high, qual = None, first.q.low, first.q.high, Qualifier.VAGUE
        kind = first.kind
    elif len(parts) > 1 and _apposition(s, parts):
        # "one man, a 45-year-old shepherd", "two people, a woman and a child": the parts
        # after the comma say who the first count is (they had been added to it, 2 and 4)
        best, kind = first.q.value, first.kind
        for p in parts[1:]:
            key = p.kind or "others"
            breakdown[key] = breakdown.get(key, 0) + (p.q.value or 0)
        if len(breakdown) == 1:
            breakdown = {}
    elif len(parts) > 1:
        values = [p.q.value or 0 for p in parts]
        best = sum(values)
        for p in parts:
            key = p.kind or "others"
            breakdown[key] = breakdown.get(key, 0) + (p.q.value or 0)
        kinds = {p.kind for p in parts}
        kind = "civilians" if kinds <= _CIVILIAN_KINDS else "people"
        own = {p.qual for p in parts[1:] if p.qual is not None}
        if qual is Qualifier.EXACT or qual is None:
            # a part's bound bounds the sum: "18 fighters and at least 12 civilians" is at
            # least 30; "and about 12", "and up to 12" make it about 30
            if own & {Qualifier.AT_LEAST, Qualifier.MORE_THAN}:
                qual = Qualifier.AT_LEAST if Qualifier.AT_LEAST in own else Qualifier.MORE_THAN
            elif own:
                qual = Qualifier.ABOUT
        if any(p.q.approx for p in parts) and qual is Qualifier.EXACT:
            qual = Qualifier.ABOUT
        lower = _range_before(s.words, first.q)
        if lower is not None and best is not None and lower.value is not None and first.q.value is not None:
            # a range in the first part: "between 10 and 15 pupils and two teachers" is the
            # module's range, at least 12 (10 + 2), at most 17, its parts at their lower
            # bound (it had been 17 exact, the upper bound read as the count)
            spread = first.q.value - lower.value
            key = first.kind or "others"
            breakdown[key] -= spread
            qual, low, high, best = Qualifier.AT_LEAST, best - spread, best, best - spread
            span_from = lower.start
    else:
        best = first.q.value
        kind = first.kind
        if first.q.approx and qual is Qualifier.EXACT:
            qual = Qualifier.ABOUT
        lower = _range_before(s.words, first.q)
        if lower is not None and best is not None:
            qual, low, high, best = Qualifier.AT_LEAST, lower.value, best, lower.value
            span_from = lower.start
    if best is not None and found.sub and not breakdown:
        sub = {}
        for p in found.sub:
            if p.q.vague or p.q.value is None or p.kind is None:
                sub = {}
                break
            sub[p.kind] = sub.get(p.kind, 0) + p.q.value
        if sub and sum(sub.values()) <= best:
            breakdown = sub
    if best is not None and high is None:
        if qual in (Qualifier.AT_LEAST, Qualifier.MORE_THAN):
            low = best
        elif qual in (Qualifier.UP_TO, Qualifier.FEWER_THAN):
            high = best
    start = s.starts[min(parts[0].q.start, span_from)]
    end = s.ends[max(parts[-1].end, found.last) - 1]
    claimed = None
    if claims:
        anchor = s.starts[parts[0].q.start]
        # the first trailing attribution after the figure ("Two soldiers were killed, an army
        # officer said, and four wounded, a hospital official said"), else the nearest
        after = [c for c in claims if c[2] and c[0] > anchor]
        claimed = min(after)[1] if after else min(claims, key=lambda c: abs(c[0] - anchor))[1]
    return CasualtyMention(
        category=found.category,
        best=best,
        low=low,
        high=high,
        qualifier=qual,
        victim_kind=kind,
        breakdown=breakdown,
        claimed_by=claimed,
        span=chunk.span(start, end),
        sentence=chunk.span(sent[0], sent[1]),
    )


_WINDOW = 100  # characters either side of a casualty word that can hold its figure


def _windows(text: str, sent: tuple[int, int], hits: list[int]) -> list[tuple[int, int]]:
    """Stretches of the sentence around its casualty words, snapped to spaces.

    Tokenising only these (not whole sentences) keeps the core above 5,000 chunks/s.
    """
    out: list[tuple[int, int]] = []
    for hit in hits:
        lo, hi = max(sent[0], hit - _WINDOW), min(sent[1], hit + _WINDOW)
        if lo > sent[0]:
            space = text.find(" ", lo, hit)
            lo = space + 1 if space >= 0 else lo
        if hi < sent[1]:
            space = text.rfind(" ", hit, hi)
            hi = space if space > hit else hi
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(hi, out[-1][1]))
        else:
            out.append((lo, hi))
    return out


def _sentence_mentions(
    chunk: Chunk, sent: tuple[int, int], window: tuple[int, int]
) -> tuple[list[tuple[CasualtyMention, bool]], bool]:
    """The window's figures, each with whether it is a subset ("among the dead"), and
    whether a figure was dropped as a disaster's (see :func:`_disaster_cause`)."""
    s = _Sentence(chunk.text[window[0] : window[1]], window[0])
    used: set[int] = set()
    found: list[_Found] = []
    w = s.words
    for i in range(s.n):
        t = w[i]
        got: _Found | None = None
        if t in _ACTIVE:
            got = _try_active(s, i, found[-1] if found else None)
        if got is None and t in _LIVES_VERBS:
            got = _try_lives(s, i)
        if got is None and t in ("toll", "number"):
            got = _try_toll(s, i)
        if got is None and t == "among":
            got = _try_among(s, i)
        if got is None and i not in used and _num_start(t):
            if i == 0 or w[i - 1] not in ("no", "not", "none"):
                got = _try_number(s, i)
            if got is None and found:
                got = _try_later_died(s, i, found[-1])
        if got is None and t == "the" and i + 1 < s.n and w[i + 1] in _ONE_ATTACKER:
            got = _try_the_attacker(s, i)
        if got is None and i == 0 and t in _POSSESSIVES and window[0] == sent[0]:
            got = _try_possessed(s)
        if got is None and found and i not in used and (t == "another" or _num_start(t)):
            got = _try_elided(s, i, found[-1])
        if got is None:
            continue
        starts = {k for p in (*got.parts, *got.sub) for k in range(p.q.start, p.q.end)}
        if starts & used:
            continue
        used |= starts
        found.append(got)
    if not found:
        return [], False
    text = chunk.text[sent[0] : sent[1]]
    if _RETRACTED.search(text):
        return [], False  # "Correction: An earlier version of this article said 12 people were killed"
    exchange = _EXCHANGE.search(text) is not None
    not_taken = exchange or (any(f.category is _C for f in found) and _NOT_TAKEN.search(text) is not None)
    full = s if window == sent else _Sentence(text, sent[0])
    claims = _claims(full)
    shift = _token_shift(chunk.text, sent, window, s, full)
    out = []
    disaster = False
    for f in found:
        if (not_taken and f.category is _C) or (exchange and f.category is _K and "bodies" in w):
            continue
        if f.category is not _C and _disaster_cause(full.words, f.first + shift, f.last + shift, f.active):
            disaster = True
            continue  # "An earthquake struck ..., killing more than 3,600 people": no conflict's
        m = _to_mention(chunk, s, f, sent, claims)
        if m is not None:
            out.append((m, f.subset))
    if disaster and out and not _names_violence(text.lower()):
        # the sentence's other figures are the same disaster's: "A flash flood swept through
        # ..., killing at least nine people and leaving 12 others missing" (the 12 had stayed)
        out = [(m, sub) for m, sub in out if m.category is _C]
    return out, disaster


def _token_shift(text: str, sent: tuple[int, int], window: tuple[int, int], s: _Sentence,
                 full: _Sentence) -> int:
    """How many of the whole sentence's tokens come before the window's first."""
    if full is s or window[0] == sent[0]:
        return 0
    if text[window[0] - 1].isspace():  # a window opens at a space: no token straddles it
        return len(_TOKEN.findall(text, sent[0], window[0]))
    return bisect.bisect_left(full.starts, s.starts[0])


def _try_possessed(s: _Sentence) -> _Found | None:
    """A sentence opening on one victim by a possessive: "His 17-year-old nephew was slightly
    injured", "Their two sons were killed" (these had been no figure)."""
    part = _possessed(s, 0)
    if part is None or _not_a_count(s, part.q):
        return None
    g, aux = _skip_gap(s, _skip_modifier(s, part.end))
    hit = _match(_STATE, s.words, g)
    if hit is None or not _taken_ok(s, g, hit[1], True) or (s.words[g] in _NEEDS_AUX and not aux):
        return None
    if (not aux and s.words[g] in _ACTIVE_PARTICIPLES and _starts_np(s, hit[1])) or (
            _perfect_active(s, part.end, g)):
        return None  # "His son killed two people"
    return _Found(hit[0], [part], [], Qualifier.EXACT, 0, part.end)


#: One named person attacked: "gunmen opened fire on Abdulloh Samae, 54, ..."
_ATTACK_ON = (
    ("opened", "fire", "on"), ("opened", "fire", "at"), ("fired", "on"), ("fired", "at"),
    ("shot", "at"), ("gunned", "down"), ("shot",), ("stabbed",), ("attacked",), ("ambushed",),
    ("hacked",), ("assaulted",),
)
_HE = frozenset(("he", "she"))


def _attacked_one(p: _Sentence) -> bool:
    """Whether the sentence tells an attack on one person, named ("opened fire on Abdulloh
    Samae") or by role ("shot a village headman")."""
    w, raw = p.words, p.raw
    for k in range(p.n):
        if w[k] not in ("opened", "fired", "shot", "gunned", "stabbed", "attacked", "ambushed",
                        "hacked", "assaulted"):
            continue
        for phrase in _ATTACK_ON:
            j = k + len(phrase)
            if tuple(w[k:j]) != phrase or j + 1 >= p.n:
                continue
            if all(raw[t][:1].isupper() and raw[t].isalpha() and w[t] not in _WHEN_WORDS
                   and w[t] not in _NP_STOP for t in (j, j + 1)):
                return True  # a first and a last name
            if w[j] in ("a", "an", "the"):
                for t in range(j + 1, min(p.n, j + 4)):
                    if w[t] in _SINGULAR_VICTIMS:
                        return True
                    if w[t] in _NP_STOP or not w[t].isalpha():
                        break
    return False


def _pronoun_death(chunk: Chunk, sent: tuple[int, int], prev: tuple[int, int]) -> CasualtyMention | None:
    """"He died at the scene." right after a sentence telling an attack on one person (and
    no figure): that person's death, one killed (it had been none). Only "he|she" opening
    the sentence, only a death, only with such a sentence before it."""
    s = _Sentence(chunk.text[sent[0] : sent[1]], sent[0])
    if s.n < 2 or s.words[0] not in _HE:
        return None
    g, aux = _skip_gap(s, 1)
    hit = _match(_STATE, s.words, g)
    if hit is None or hit[0] is not _K or (not aux and s.words[g] in _ACTIVE_PARTICIPLES):
        return None  # "He killed ...", "He was wounded"
    if not _attacked_one(_Sentence(chunk.text[prev[0] : prev[1]], prev[0])):
        return None
    found = _Found(_K, [_Part(Quantity(0, 1, 1), "people", 1, True)], [], Qualifier.EXACT, 0, 1)
    return _to_mention(chunk, s, found, sent, _claims(s))


# --- natural disasters -----------------------------------------------------------------

#: What kills in a natural disaster, an epidemic or an accident: no conflict's casualties
#: (ACLED codes none). "storm" only after a determiner or adjective ("Fighters storm a
#: village, killing 10" is an attack); "crash" only after a vehicle ("a suicide bomber
#: crashed his car" is an attack); fire never (as often gunfire, arson or "opened fire" as a
#: blaze); "outbreak" never alone ("the outbreak of fighting"), only its disease.
_DISASTERS = frozenset(
    "earthquake earthquakes quake quakes tremor aftershock aftershocks tsunami flood floods "
    "flooding floodwaters landslide landslides landslip mudslide mudslides cyclone hurricane "
    "typhoon tornado tornadoes blizzard avalanche avalanches wildfire wildfires bushfire "
    "bushfires heatwave eruption lightning downpours rains monsoon accident accidents "
    "collision collisions derailment "
    # a crowd's: "killed ... in a crush at the entrance of the main stadium", "a stampede at a
    # food distribution" (it had been an attack on civilians)
    "crush crushes stampede stampedes "
    # epidemics: "Angola's cholera outbreak has killed 612", "11 people died of cholera"
    "cholera ebola measles malaria dengue covid covid-19 coronavirus pandemic epidemic "
    "diphtheria meningitis typhoid mpox anthrax disease diseases".split()
)
_STORMS = frozenset(("storm", "storms"))
_STORM_BEFORE = frozenset(
    "a the tropical winter severe heavy powerful deadly violent dust snow sand this that".split()
)
_CRASHES = frozenset(("crash", "crashes"))
_CRASH_BEFORE = frozenset(
    "car bus plane helicopter road train traffic air truck lorry minibus boat vehicle".split()
)
#: A road, rail or water accident: a vehicle that plunged, fell, collided, overturned...
#: ("a bus plunged about 150 metres into a ravine", "two buses collided near Uyuni", "a bus
#: fell into a ravine"), the verb read only with its vehicle a few words before it.
_VEHICLES = frozenset(
    "car cars bus buses minibus minibuses coach truck trucks lorry lorries van vans tanker "
    "train trains plane planes aircraft jet helicopter boat boats ferry ferries vessel ship "
    "canoe vehicle vehicles motorcycle taxi".split()
)
_ACCIDENT_VERBS = frozenset(
    "plunged plunges plunging fell falls falling collided collide collides colliding "
    "overturned overturns overturning veered veers skidded capsized capsizes capsizing sank "
    "sinks derailed crashed crashes crashing toppled swerved".split()
)
#: Words of violence: a clause with one (before the disaster word is reached) is a conflict's
#: ("Air strikes ... killed 25, despite a ceasefire declared after last month's earthquake").
_VIOLENCE = frozenset(
    "attack attacks attacked attacker attackers strike strikes airstrike airstrikes "
    "bombardment shelling shell shells shelled bomb bombs bombing bombings bomber bombers "
    "blast blasts explosion explosions explosive explosives ied ieds mine mines landmine "
    "rocket rockets missile missiles mortar mortars artillery drone drones gun guns gunmen "
    "gunman gunfire shot shooting shootings fighting fighters clash clashes clashed battle "
    "battles militants militant insurgents insurgent rebels rebel jihadists terrorists "
    "bandits army troops soldiers military militia militiamen war raid raids ambush ambushed "
    "massacre offensive assault combat hostilities grenade grenades police forces "
    "gang gangs killers sniper snipers "
    # who kills and how, outside the armed forces: "two people were stabbed to death"
    "assailant assailants raiders kidnappers abductors abducted kidnapped stabbed stabbing "
    "hacked beheaded executed murdered murder massacred lynched machete machetes knife arson "
    "torched riot riots rioters violence insurgency conflict".split()
)
_DISASTER_CLAUSE_STOP = frozenset(("but", "while", "whereas", "despite", ";", "although"))
_DISASTER_BACK = 30  # tokens back to a disaster word: "A wildfire fanned by strong winds tore
# through mountain villages in ... province over the weekend, killing two firefighters"


def _disaster_word(w: Sequence[str], k: int) -> bool:
    t = w[k]
    if t[-2:] in ("'s", "\u2019s"):
        t = t[:-2]  # "the quake's death toll"
    if t in _DISASTERS:
        return not (k + 1 < len(w) and w[k + 1] == "-")  # "quake-hit" is a place, not a cause
    if t in _STORMS:
        return k > 0 and w[k - 1] in _STORM_BEFORE
    if t in _CRASHES:
        return k > 0 and w[k - 1] in _CRASH_BEFORE
    if t in _ACCIDENT_VERBS:  # "a bus plunged", "two buses collided", "the ferry capsized"
        for j in range(k - 1, max(-1, k - 5), -1):
            if w[j] in _VEHICLES:
                return not (j + 1 < len(w) and w[j + 1] == "bomb")  # "a car bomb": an attack
            if w[j] in _VIOLENCE or w[j] in (",", ";", "by"):
                return False
    return False


#: Words of time, not cause, between a figure and a disaster: "killed 20 militants after the
#: floods receded" is no disaster's toll.
_DISASTER_TIME = frozenset("after before since following amid despite".split())


#: Victims who are armed, and whose vehicles may be ("military truck"): neither is violence
#: by itself when the sentence tells an accident as the cause.
_ARMED_VICTIMS = frozenset("soldiers soldier troops police policemen officers servicemen militants fighters".split())
_FORCE_OWNED = frozenset(("military", "army", "police"))


def _owned_vehicle(w: Sequence[str], k: int) -> bool:
    """Whether ``w[k]`` only says whose vehicle the next word is: "military truck"."""
    return w[k] in _FORCE_OWNED and k + 1 < len(w) and w[k + 1] in _VEHICLES


def _armed_victims_only(w: Sequence[str], first: int, last: int) -> bool:
    return all(w[k] not in _VIOLENCE or w[k] in _ARMED_VICTIMS for k in range(first, min(len(w), last)))


def _accident_after(w: Sequence[str], last: int) -> bool:
    """"... when their (military) truck overturned": an accident verb after its vehicle,
    told as the cause ("when", "after"), within the figure's clause."""
    n = len(w)
    for k in range(last, min(n, last + 14)):
        if w[k] in ("when", "as") and any(w[j] in _ACCIDENT_VERBS and _disaster_word(w, j)
                                          for j in range(k + 1, min(n, k + 7))):
            return True
        if w[k] in _VIOLENCE and not _owned_vehicle(w, k):
            return False
        if w[k] in (";", ".") or w[k] in _DISASTER_CLAUSE_STOP:
            return False
    return False


_MINE_HIT = frozenset("hit hitting struck striking triggered triggering stepped detonated".split())


def _disaster_cause(w: Sequence[str], first: int, last: int, active: bool) -> bool:
    """Whether the figure at tokens ``first``..``last`` of the whole sentence ``w`` counts a
    natural disaster's, an epidemic's or an accident's dead or injured: a disaster word before
    it as its cause ("A 7.7-magnitude earthquake struck ..., killing more than 3,600", "Floods
    killed 20", "the quake's death toll rose to 3,600", "two buses collided near Uyuni,
    killing 37") or after it ("were killed in the earthquake", "died in a road accident",
    "died of cholera", "died when a bus fell into a ravine"), with no word of violence nearer,
    nor in the figure ("20 militants"), nor in the rest of the disaster's clause ("killed
    when their truck overturned after hitting a landmine"). A conflict's figure beside a
    disaster stays ("Air strikes killed 25 ... after last month's earthquake", "Gunmen killed
    five people in the quake-hit town", "the army said it killed 20 militants after the
    floods")."""
    n = len(w)
    if any(w[k] in _VIOLENCE for k in range(first, min(n, last))) and not (
            _armed_victims_only(w, first, last) and _accident_after(w, last)):
        return False  # "20 militants"; but "six soldiers were killed ... when their truck overturned"
    for k in range(first - 1, max(-1, first - _DISASTER_BACK), -1):
        t = w[k]
        if t in _VIOLENCE:
            return False
        if t in _DISASTER_CLAUSE_STOP or (t == "and" and not active):
            break  # "Floods hit the north, and five people were killed ...": read what follows
        if _disaster_word(w, k):
            return True
    for k in range(last, min(n, last + 12)):  # "killed in|by|during the [adj] earthquake"
        t = w[k]
        if _owned_vehicle(w, k):
            continue  # "their military truck overturned": whose truck, no violence
        if t in _VIOLENCE or t in _DISASTER_CLAUSE_STOP or t in _DISASTER_TIME or t in (",", ".", ";"):
            return False
        if _disaster_word(w, k):
            for j in range(k + 1, min(n, k + 12)):  # the rest of its clause
                if w[j] in _VIOLENCE and (w[j] not in ("mine", "mines") or w[j - 2] in _MINE_HIT):
                    return False  # "after hitting a landmine", never "at a jade mine"
                if w[j] in _DISASTER_CLAUSE_STOP or w[j] in (",", ".", ";"):
                    break
            return True
    return False


_VIOLENCE_RE = re.compile(r"\b(?:" + "|".join(sorted(_VIOLENCE, key=len, reverse=True)) + r")\b")
#: A force that only tells the figure: "..., police said", "police commander Colonel Erick
#: Holguin told reporters", "according to the army".
_FORCE_SAYS = re.compile(
    r"\b(?:police|army|military|forces|troops)\b(?=(?:\s+[\w'\u2019.-]+){0,4}?\s+"
    r"(?:said|says|told|reported|confirmed|added|stated)\b)|"
    r"(?<=according to )(?:the )?(?:police|army|military)\b"
)
#: Another story in the same copy: never a disaster's, whatever its lead.
_ANOTHER_STORY = re.compile(r"\b(?:separate|separately|meanwhile|elsewhere)\b")


def _names_violence(text: str) -> bool:
    """Whether the (lower-cased) sentence names any violence, a force that only tells the
    figure aside ("..., police said")."""
    if _VIOLENCE_RE.search(text) is None:
        return False
    return _VIOLENCE_RE.search(_FORCE_SAYS.sub(" ", text)) is not None


def _lead(text: str, sentences: list[tuple[int, int]]) -> int | None:
    """The index of a story's lead sentence in its first chunk: the first sentence, or the
    one after a headline (a first sentence with no full stop)."""
    if not sentences:
        return None
    a, b = sentences[0]
    if text[a:b].rstrip("\"'\u2019\u201d)]")[-1:] in (".", "!", "?"):
        return 0
    return 1 if len(sentences) > 1 else None


def _disaster_story(text: str, sentences: list[tuple[int, int]], disaster_sents: set[int],
                    where: list[int]) -> bool:
    """Whether the story (this its first chunk) is led by a natural disaster, an epidemic or an
    accident: its lead sentence (see :func:`_lead`) names no violence, tells no figure that
    stood, and had a figure dropped as the disaster's, it or the headline before it ("A
    magnitude 6.8 earthquake struck ..., killing at least 14 people"). A lead that only names
    a disaster ("Heavy rains flooded camps in Gaza") leads no such story: the figures after
    it may be a conflict's."""
    lead = _lead(text, sentences)
    if lead is None or lead in where or not (lead in disaster_sents or (lead == 1 and 0 in disaster_sents)):
        return False
    a, b = sentences[lead]
    return not _names_violence(text[a:b].lower())


def _fold_subsets(mentions: list[CasualtyMention], subsets: set[int]) -> list[CasualtyMention]:
    """A subset ("Four children and two women were among the dead", "Among the dead were two
    police officers") is part of the toll told before it, never a toll of its own: it goes
    into the nearest earlier figure of its category at least as large, as that figure's
    breakdown if it has none (it had been a second figure an event could add). Without such
    a figure (the toll told elsewhere, or not at all) it stays, the dead it names."""
    if not subsets:
        return mentions
    out: list[CasualtyMention] = []
    for m in mentions:
        if id(m) not in subsets or m.best is None:
            out.append(m)
            continue
        target = next((k for k in range(len(out) - 1, -1, -1)
                       if out[k].category is m.category and (out[k].best or out[k].high) is not None
                       and id(out[k]) not in subsets and out[k].span.start < m.span.start), None)
        if target is None or (out[target].best or out[target].high) < m.best:  # type: ignore[operator]
            out.append(m)
            continue
        t = out[target]
        if t.best is None:
            continue  # "Dozens were killed ... Among the dead were five children"
        parts = dict(m.breakdown) or ({m.victim_kind: m.best} if m.victim_kind else {})
        if not t.breakdown and parts and sum(parts.values()) <= t.best:  # type: ignore[operator]
            out[target] = t.model_copy(update={"breakdown": parts})
    return out


def _fact_key(m: CasualtyMention) -> tuple[object, ...]:
    return (m.category, m.best, m.low, m.high, tuple(sorted(m.breakdown.items())))


def extract_casualties(chunk: Chunk) -> CasualtiesResult:
    """Every casualty figure the chunk states; a sentence repeated word for word (a caption)
    states its figures once. The same figure in another sentence, or twice in one, is kept:
    "three were killed in Mogadishu ... 3 militants were killed in Duhok" are two facts (the
    second had been dropped as a repeat); the merger counts a repeat within one event once."""
    mentions: list[CasualtyMention] = []
    text = chunk.text
    lowered = text.lower()
    if len(lowered) == len(text):
        hits = [m.start() for m in _GATE.finditer(lowered)]
    else:  # lower() changed lengths (rare scripts): positions must stay aligned
        hits = [m.start() for m in _GATE_ANYCASE.finditer(text)]
    if hits:
        seen: set[tuple[object, ...]] = set()
        subsets: set[int] = set()
        sentences = split_sentences(text)
        where: list[int] = []  # each mention's sentence
        disaster_sents: set[int] = set()  # sentences with a figure dropped as a disaster's
        for idx, sent in enumerate(sentences):
            lo = bisect.bisect_left(hits, sent[0])
            hi = bisect.bisect_left(hits, sent[1], lo)
            if lo == hi:
                continue
            said = None  # the sentence's words (spacing, stops aside), once it states a figure
            told: dict[tuple[object, ...], int] = {}  # how often this sentence told each fact
            got: list[tuple[CasualtyMention, bool]] = []
            for window in _windows(text, sent, hits[lo:hi]):
                more, disaster = _sentence_mentions(chunk, sent, window)
                got.extend(more)
                if disaster:
                    disaster_sents.add(idx)
            if not got and idx > 0 and text[sent[0] : sent[0] + 3] in ("He ", "She") and (
                    not where or where[-1] != idx - 1):
                one = _pronoun_death(chunk, sent, sentences[idx - 1])
                if one is not None:
                    got.append((one, False))
            if got:
                for m, subset in got:
                    if said is None:
                        said = " ".join(_WORD.findall(text[sent[0] : sent[1]].lower()))
                    fact = _fact_key(m)
                    told[fact] = nth = told.get(fact, 0) + 1
                    if m.span.text.lower() in _ONE_PRONOUNS:
                        nth = 1  # "he killed her ... he killed her": one victim told twice
                    # the n-th telling of a fact in these words: "killed two people, and ...
                    # killed two more" are two (the second had been dropped as a repeat)
                    key = (*fact, said, nth)
                    if key not in seen:
                        seen.add(key)
                        mentions.append(m)
                        where.append(idx)
                        if subset:
                            subsets.add(id(m))
        if mentions and chunk.seq == 0 and _disaster_story(text, sentences, disaster_sents, where):
            # a story led by a disaster: its figures that name no violence are the disaster's
            keep = []
            for m, idx in zip(mentions, where, strict=True):
                told = text[sentences[idx][0] : sentences[idx][1]].lower()
                if m.category is _C or _names_violence(told) or _ANOTHER_STORY.search(told):
                    keep.append(m)
            mentions = keep
        mentions = _fold_subsets(mentions, subsets)
    return CasualtiesResult(chunk=chunk_ref(chunk), extractor=EXTRACTOR, casualties=mentions)


def _benchmark(n: int = 5_000) -> float:  # pragma: no cover - manual measurement
    """Chunks per second on ~1,200-character windows of the seed article."""
    import time
    from pathlib import Path

    seed = (Path(__file__).resolve().parents[4] / "seeds" / "000_c08e94568eae7eaf.txt").read_text(
        encoding="utf-8"
    )
    chunks = []
    for k, off in enumerate(range(0, len(seed) - 1200, 600)):
        piece = seed[off : off + 1200]
        chunks.append(
            Chunk(document_id="bench", chunk_id=f"bench:{k}", seq=k, chunk_count=k + 1,
                  text=piece, start=off, end=off + len(piece))
        )
    t0 = time.perf_counter()
    for i in range(n):
        extract_casualties(chunks[i % len(chunks)])
    return n / (time.perf_counter() - t0)


if __name__ == "__main__":  # pragma: no cover
    print(f"{_benchmark():,.0f} chunks/s")
