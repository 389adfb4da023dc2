"""Turn one document's joined extractor findings into ACLED-style events.

Pure and deterministic: every choice below depends only on the document's text and
mentions in document order, so any delivery order of the same results gives the same
events. The rules are general news-prose rules (no article-specific tuning):

* **Typing** (:func:`find_triggers`): trigger phrases per ACLED family and sub type.
  Captures of places ("seized the village", "retaken by") are
  ``strategic_developments/territory_change`` -- news reports of a seizure rarely
  describe the fighting, and when they do the fighting words ("clashes", "battles")
  produce a ``battles`` event (in the same sentence, at the same place, the capture is that
  battle's: "recaptured the town ... after heavy fighting" is one, a government's regaining
  territory when the verb says it took back). Triggers under negation, hypothesis or intent
  ("had not fallen to", "an effort to seize", "halt strikes", "fighting could not be
  paused") are ignored. Coordinated triggers of one family ("shelling and drone
  attacks") are one event typed by the first.
* **Dates** (:func:`resolve_date`): the date phrase nearest the trigger in its clause,
  resolved against ``published_at``; never after it. Without one the event gets
  ``published_at`` with precision ``month`` ("reported recently").
* **Location**: the most specific non-metonym place near the trigger, else in its
  sentence, else (only when the sentence points back: "there", "the village") in the
  neighbouring sentences, else the document focus for concrete incidents (casualties
  or an explicit day). Countries count as locations only after a locative preposition
  ("in Ukraine"); "Russia said" is an actor. "towns in X" is the region X when X reads
  as a city but the same-named region is a candidate reading. Events with no location
  are dropped.
* **Merging**: events of one family at the same place with compatible dates and
  actors are one event; a region- or country-level event is absorbed by a finer event
  of the same family inside it ("pounding towns in Belgorod" + "shelling of
  Shebekino").
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import hashlib
import re
import sys
import re._constants as _sre
import re._parser as _sre_parser
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache, partial
from operator import attrgetter

from sitrep.core.extract._common import original_offsets
from sitrep.core.text import split_sentences
from sitrep.schemas import (
    Actor,
    CasualtyCategory,
    CasualtyFigure,
    CasualtyMention,
    ChunkRef,
    DatePrecision,
    EntityKind,
    EntityMention,
    Event,
    EventLocation,
    EventType,
    ExtractorInfo,
    GeoPrecision,
    PlaceKind,
    PlaceMention,
    Span,
)

__all__ = [
    "BUILDER",
    "DocumentView",
    "ResolvedDate",
    "Trigger",
    "assemble_events",
    "event_id",
    "find_triggers",
    "resolve_date",
]

#: The event builder's own stamp beside the extractors' on every event: event building
#: changes as often as they do, and an analyst must be able to tell which one built it.
BUILDER = ExtractorInfo(name="events", version="0.3.62")

# --- typing -------------------------------------------------------------------

_F = EventType
_SHELL = "shelling_artillery_missile_attack"
_AIR = "air_drone_strike"

_DEMONYM_TO_ISO: dict[str, str] = {
    "afghan": "AF", "albanian": "AL", "algerian": "DZ", "american": "US", "armenian": "AM",
    "azerbaijani": "AZ", "belarusian": "BY", "british": "GB", "burkinabe": "BF",
    "burmese": "MM", "cameroonian": "CM", "chadian": "TD", "chinese": "CN",
    "colombian": "CO", "congolese": "CD", "egyptian": "EG", "eritrean": "ER",
    "ethiopian": "ET", "french": "FR", "georgian": "GE", "german": "DE", "haitian": "HT",
    "indian": "IN", "indonesian": "ID", "iranian": "IR", "iraqi": "IQ", "israeli": "IL",
    "jordanian": "JO", "kenyan": "KE", "lebanese": "LB", "libyan": "LY", "malian": "ML",
    "mexican": "MX", "moroccan": "MA", "mozambican": "MZ", "nigerian": "NG",
    "nigerien": "NE", "pakistani": "PK", "palestinian": "PS", "filipino": "PH",
    "philippine": "PH", "polish": "PL", "russian": "RU", "rwandan": "RW", "saudi": "SA",
    "somali": "SO", "sudanese": "SD", "syrian": "SY", "turkish": "TR", "ukrainian": "UA",
    "venezuelan": "VE", "yemeni": "YE", "emirati": "AE", "qatari": "QA", "thai": "TH",
    "north korean": "KP", "south korean": "KR", "south sudanese": "SS",
}  # fmt: skip
_SHORT_COUNTRY: dict[str, str] = {
    "RU": "Russia", "US": "United States", "GB": "United Kingdom", "IR": "Iran",
    "SY": "Syria", "KR": "South Korea", "KP": "North Korea", "VE": "Venezuela",
    "CD": "DR Congo", "MD": "Moldova", "VN": "Vietnam", "PS": "Palestine", "TW": "Taiwan",
    "TZ": "Tanzania", "BO": "Bolivia", "LA": "Laos",
}  # fmt: skip
_DEMONYM = r"(?:" + "|".join(sorted(_DEMONYM_TO_ISO, key=len, reverse=True)) + r")"

# (family, sub type, pattern). Order matters only for overlapping matches: earlier wins.
_TRIGGER_TABLE: tuple[tuple[EventType, str, str], ...] = (
    # "A suicide car bomber rammed a military convoy" (it had been no trigger, and a battle)
    (_F.EXPLOSIONS_REMOTE_VIOLENCE, "suicide_bomb",
     r"suicide (?:(?:car |truck |vehicle |motorcycle )?bomb(?:ing|er)?s?|attacks?)"),
    (_F.EXPLOSIONS_REMOTE_VIOLENCE, "remote_explosive_landmine_ied",
     r"(?:roadside|car|truck|motorcycle|motorbike|bicycle) bomb(?:s|ings?)?|land ?mines?|IEDs?|"
     r"improvised explosive devices?|explosive devices?|bombs? (?:blast|exploded|went off)|"
     r"bombs? (?:planted|hidden|placed|attached|strapped)"),
    (_F.EXPLOSIONS_REMOTE_VIOLENCE, "grenade", r"grenade (?:attacks?|blasts?)"),
    (_F.EXPLOSIONS_REMOTE_VIOLENCE, _AIR,
     r"(?:air|drone|aerial|uav)[ -]?(?:strikes?|attacks?|raids?|bombing)|airstrikes?|"
     r"air raids?|bombing raids?|drones? (?:[\w-]+ ){0,5}?(?:struck|hit|attacked|slammed|killed|wounded|injured)|"
     r"(?:guided |glide |aerial |guided aerial )bombs? (?:struck|hit|slammed|killed|wounded|injured|dropped)|"
     # "A fighter jet dropped two bombs on a monastery in the village of Ywa Thit", "a military
     # aircraft bombed a busy market in Ulang town" (they had been no event, or an attack on civilians)
     r"dropped (?:[\w-]+ ){0,3}?(?:bombs?|explosives?) (?:on|onto|over)|"
     r"(?:aircraft|warplanes?|planes?|jets?|helicopters?|gunships?) (?:[\w-]+ ){0,2}?bombed|"
     # "Israeli warplanes struck Hodeidah port ..., reporting that two port workers were killed", "the
     # army said its air force had carried out strikes on RSF positions in and around Nyala, killing
     # 'dozens of mercenaries'" (they had been attacks on civilians, read off the killing)
     r"(?:aircraft|warplanes?|war planes?|fighter (?:jets?|planes?)|jets?|helicopter gunships?|gunships?|bombers?) "
     r"(?:[\w-]+ ){0,2}?(?:struck|hit|pounded|strafed|raided|targeted|attacked)|"
     r"air forces? (?:[\w']+ ){0,3}?(?:carried out|conducted|launched) (?:[\w-]+ ){0,2}?(?:strikes?|raids?|attacks?|sorties)"),
    (_F.EXPLOSIONS_REMOTE_VIOLENCE, _SHELL,
     r"(?:cruise |ballistic )?(?:missile|rocket|artillery|mortar)s? "
     r"(?:strikes?|attacks?|fire|barrages?|salvos?|shelling)|"
     r"shell(?:ing|ed)|bombard(?:ed|ment|ing)|pound(?:ed|ing)|"
     r"(?:missiles?|rockets?|shells?) (?:struck|hit|slammed into|landed|killed|wounded|injured)|"
     # "two rockets were launched towards Metula", "fired three missiles at Haifa": fire told
     # without a hit is still the shelling ACLED codes (it had been no event)
     r"(?:missiles?|rockets?|mortars?|shells?|projectiles?) (?:were |was |had been |have been )?"
     r"(?:launched|fired) (?:at|towards?|into)|"
     r"(?:launched|fired) (?:[\w-]+ ){0,3}?(?:missiles?|rockets?|mortars?|projectiles?) (?:at|towards?|into)|"
     r"missiles? and (?:[\w-]+ ){1,2}(?:attacks?|strikes?|barrages?)|"
     rf"{_DEMONYM} strikes?|"
     # a strike that harms is no walkout: "Another strike killed six", "one strike hit the school"
     r"strikes? (?:also )?(?:hit|struck|killed|wounded|injured|destroyed|flattened|levell?ed|targeted|slammed)|"
     r"strikes? on (?:the|a|an) "),  # "U.S. strikes on the Ras Isa fuel port" (a walkout is "on Monday")
    (_F.EXPLOSIONS_REMOTE_VIOLENCE, "remote_explosive_landmine_ied", r"bombings?"),  # after the air raids'

    (_F.VIOLENCE_AGAINST_CIVILIANS, "abduction_forced_disappearance",
     r"abduct(?:ed|ion|s)|kidnapp(?:ed|ing)|kidnaps?"),
    (_F.VIOLENCE_AGAINST_CIVILIANS, "sexual_violence", r"raped|sexual violence"),
    (_F.VIOLENCE_AGAINST_CIVILIANS, "attack",
     r"massacred?|massacres|executed|executions?|attacks? on civilians|"
     r"attacked civilians|killed civilians|(?:shot|stabbed|hacked) (?:dead|to death)|lynched|"
     r"behead(?:ed|ing|s)"),  # "insurgents beheaded four civilians in the village of Mucojo" (it had been no event)
    (_F.RIOTS, "mob_violence", r"mobs?|lynch mob"),
    (_F.RIOTS, "violent_demonstration", r"riot(?:s|ers|ing|ed)?"),
    (_F.PROTESTS, "peaceful_protest",
     r"protest(?:s|ers|ors|ed|ing)?|demonstrat(?:ors|ions?|ed)|rall(?:y|ies|ied)|sit-ins?|"
     r"marched"),
    (_F.BATTLES, "armed_clash",
     r"(?:gun ?)?battles?|battl(?:ed|ing)|clash(?:es|ed)?|fighting|fought|firefights?|skirmish(?:es)?|"
     r"gun ?fights?|gun-fights?|shoot-?outs?|"
     r"ambush(?:ed|es)?|exchanges? of fire"),
    (_F.STRATEGIC_DEVELOPMENTS, "territory_change",
     r"seiz(?:e|ed|es|ing|ure of)|captur(?:e|ed|es|ing)|retak(?:en|es|ing)|retook|"
     r"recaptur(?:ed|es|ing|e)|regain(?:ed|s|ing)|(?:took|taken|take|taking) (?:full )?control of"
     # "thrashed Orlando Pirates 3-0 ... to take control of their semi-final": a match's, no territory
     r"(?! (?:the |their |its |his |her |a |this )?(?:[\w'-]+ ){0,4}?(?:match(?:es)?|ties?|series|lead|games?|"
     r"semi-?finals?|quarter-?finals?|finals?|contests?|race|title|standings|leg|rubber|round)\b)|"
     r"clawed back|liberat(?:ed|ion of)|fell to|fallen to|overr(?:an|un)"),
)  # fmt: skip
# Trigger and date scans are the merger's hot path: each pattern is tried only where one
# of its first words occurs (see _WordIndexed), not scanned over every sentence.


def _lowered(pattern: str) -> re.Pattern[str]:
    if re.search(r"\\[BDSWAZ]", pattern):
        msg = f"cannot lower-case a pattern with an upper-case escape: {pattern[:60]}"
        raise ValueError(msg)
    return re.compile(re.sub(r"\(\?p<", "(?P<", pattern.lower()))


class _Unbounded(Exception):
    """The pattern's first words are not a small finite set."""


_MAX_HEADS = 50_000
# Words of lower-cased ASCII, as bytes: other bytes (punctuation, any non-ASCII) split
# words, digits read "0". A superset of the text's \w+ words that are ASCII, so no
# first word a pattern needs is missed; extra words only cost a failed match.
_ASCII_WORDS = bytes(
    (b if chr(b).isalpha() or b == ord("_") else ord("0") if chr(b).isdigit() else ord(" "))
    if b < 128 else ord(" ")
    for b in range(256)
)
_DIGIT = re.compile(r"\d")
_DIGITS = re.compile(r"\d+")
_WORD = re.compile(r"\w+")


def _numeric_words(text: str) -> list[tuple[int, str]]:
    """``(start, word)`` of the words of ``text`` that hold a digit."""
    out: list[tuple[int, str]] = []
    done = 0
    for m in _DIGITS.finditer(text):
        start = m.start()
        if start < done:
            continue  # another digit run of the same word
        while start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_"):
            start -= 1
        word = _WORD.match(text, start).group()  # type: ignore[union-attr]
        done = start + len(word)
        out.append((start, word))
    return out


def _first_words(pattern: str) -> frozenset[str] | None:
    """Every first word (``\\w+`` run, digits written ``0``) a match of ``pattern`` can
    start with; None unless that is a small finite set of whole words."""
    parsed = _sre_parser.parse(pattern)
    if not parsed.data or parsed.data[0] != (_sre.AT, _sre.AT_BOUNDARY):
        return None  # could start inside a word
    try:
        states = _extend(parsed, {("", False)})
    except _Unbounded:
        return None
    if any(not word or not closed for word, closed in states):
        return None  # could start off a word, or end inside one
    return frozenset(word for word, _ in states)


def _first_prefixes(pattern: str) -> tuple[str, ...] | None:
    """The literal text some match must start with, for each way a match can start, when
    the first word may run on (no closing boundary, so :func:`_first_words` gives None):
    a lower-cased text holding none of them cannot match. None when a match can start
    with no letter or with a digit class (written ``0``, not a literal)."""
    try:
        states = _extend(_sre_parser.parse(pattern), {("", False)})
    except _Unbounded:
        return None
    words = {word for word, _ in states}
    if not words or any(not w or "0" in w for w in words):
        return None
    return tuple(sorted(words))


def _extend(
    seq: _sre_parser.SubPattern | list[tuple[object, object]], states: set[tuple[str, bool]]
) -> set[tuple[str, bool]]:
    """``states`` (first word so far, whether it has ended) after matching ``seq``.
    Anchors other than word boundaries only narrow matches, so they are skipped."""
    for op, arg in seq:
        if all(closed for _, closed in states):
            return states
        if op is _sre.AT:
            if arg is _sre.AT_BOUNDARY:  # a word ends here (or none has begun)
                states = {(w, closed or bool(w)) for w, closed in states}
            continue
        if op is _sre.LITERAL:
            states = _step(states, (chr(arg),))
        elif op is _sre.IN:
            states = _step(states, _class_chars(arg))
        elif op is _sre.BRANCH:
            states = set().union(*(_extend(alt, states) for alt in arg[1]))
        elif op is _sre.SUBPATTERN:
            states = _extend(arg[3], states)
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT):
            low, high, body = arg
            out, cur = (set(states) if low == 0 else set()), states
            for k in range(1, high + 1):
                cur = _extend(body, cur)
                if k >= low:
                    if cur <= out:
                        break  # a fixed point: more repeats add no first word
                    out |= cur
                if k > 8:
                    raise _Unbounded
            states = out
        else:
            raise _Unbounded
        if len(states) > _MAX_HEADS:
            raise _Unbounded
    return states


def _class_chars(items: list[tuple[object, object]]) -> tuple[str, ...]:
    chars: list[str] = []
    for op, arg in items:
        if op is _sre.LITERAL:
            chars.append(chr(arg))  # type: ignore[arg-type]
        elif op is _sre.RANGE and arg[1] - arg[0] < 64:  # type: ignore[index,operator]
            chars.extend(chr(c) for c in range(arg[0], arg[1] + 1))  # type: ignore[index,operator]
        elif op is _sre.CATEGORY and arg is _sre.CATEGORY_DIGIT:
            chars.append("0")
        elif op is _sre.CATEGORY and arg is _sre.CATEGORY_SPACE:
            chars.append(" ")
        else:
            raise _Unbounded
    return tuple(chars)


def _step(states: set[tuple[str, bool]], chars: Sequence[str]) -> set[tuple[str, bool]]:
    out: set[tuple[str, bool]] = set()
    for word, closed in states:
        if closed:
            out.add((word, True))
            continue
        for ch in chars:
            if ch.isdigit():
                out.add((word + "0", False))
            elif ch.isalnum() or ch == "_":
                out.add((word + ch, False))
            else:
                out.add((word, True))
    return out


def _word_starts(text: str, word: str) -> list[int]:
    """Where ``word`` starts a word of ``text``."""
    out, i, n = [], text.find(word), len(word)
    while i >= 0:
        if i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_"):
            out.append(i)
        i = text.find(word, i + n)
    return out


class _WordIndexed:
    """Several patterns, each tried only where one of its possible first words starts.

    :meth:`scan` gives what a case-insensitive ``pattern.finditer(text)`` gives for each
    pattern in turn, but a sentence without any first word costs one C-level word split
    and a set test instead of a full regex scan per pattern (case-insensitive
    alternations are slow in ``re``). Patterns run lower-cased over lower-cased text
    (as the old one-pass pre-check did); text whose length changes when lower-cased
    gets the plain case-insensitive scans. A pattern whose first words are not a
    small finite set (see :func:`_first_words`) is always scanned in full.
    """

    def __init__(self, patterns: Sequence[str]) -> None:
        self.folded = tuple(re.compile(p, re.IGNORECASE) for p in patterns)
        self.lowered = tuple(_lowered(p) for p in patterns)
        heads: dict[str, list[int]] = {}
        always: list[int] = []
        for i, p in enumerate(self.lowered):
            words = _first_words(p.pattern)
            if words is None:
                always.append(i)
                continue
            for w in words:
                heads.setdefault(w, []).append(i)
        self.heads = {w.encode(): tuple(ix) for w, ix in heads.items()}
        # head -> (the str to find, its rows) for the heads without a digit
        self.words = {w.encode(): (w, tuple(ix)) for w, ix in heads.items() if "0" not in w}
        self.always = tuple(always)
        self.numeric_rows = frozenset(i for w, ix in heads.items() if "0" in w for i in ix)

    def scan(
        self, text: str, low: str | None = None, words: frozenset[bytes] | None = None
    ) -> list[tuple[int, re.Match[str]]]:
        """``(pattern index, match)`` in pattern order, each pattern's matches in order.

        ``low`` and ``words`` are ``text.lower()`` and, for ASCII text, its words (see
        :class:`_Sentence`) when the caller has them already.
        """
        if low is None:
            low = text.lower()
        if len(low) != len(text):
            return [(i, m) for i, p in enumerate(self.folded) for m in p.finditer(text)]
        heads = self.heads
        found = heads.keys() & (
            low.encode().translate(_ASCII_WORDS).split() if words is None else words
        )
        numeric_rows = self.numeric_rows
        numeric = bool(numeric_rows) and not low.isascii() and _DIGIT.search(low) is not None
        if not found and not self.always and not numeric:
            return []
        starts: dict[int, list[int]] = {i: [] for i in self.always} if self.always else {}
        numeric_hit = numeric  # \d also matches non-ASCII digits: every numeric row may
        plain = self.words
        for w in found:
            hit = plain.get(w)
            if hit is None:  # a head with a digit: placed by _numeric_words below
                numeric_hit = True
                continue
            at = _word_starts(low, hit[0])
            for i in hit[1]:
                if i in starts:
                    starts[i].extend(at)
                else:
                    starts[i] = list(at)
        if numeric_hit:
            rows = numeric_rows if numeric else frozenset(
                i for w in found if w not in plain for i in heads[w]
            )
            for at, word in _numeric_words(low):
                for i in heads.get(_DIGIT.sub("0", word).encode(), ()):
                    if i in rows:
                        starts.setdefault(i, []).append(at)
        return self._matches(low, starts)

    def scan_spans(
        self, low: str, words: Sequence[bytes], spans: Sequence[tuple[int, int]]
    ) -> list[list[tuple[int, re.Match[str]]]]:
        """:meth:`scan` of each ``low[a:b]`` for ``(a, b)`` in ``spans``, from one word split
        of the whole lower-cased ``low``: what a text holds no first word of costs nothing.

        ``words`` are ``low``'s (see :data:`_ASCII_WORDS`), which must be :func:`_plain`
        (the words then settle every pattern), and a span must not start or end inside
        a word (sentences do not), so the words of a span are the text's words in it.
        """
        if self.always or self.numeric_rows:
            msg = "scan_spans needs patterns that all start with a word of letters"
            raise ValueError(msg)
        out: list[list[tuple[int, re.Match[str]]]] = [[] for _ in spans]
        found = self.words.keys() & words
        if not found:
            return out
        firsts = [a for a, _ in spans]
        per_span: dict[int, dict[int, list[int]]] = {}
        right = bisect.bisect_right
        for w in found:
            word, rows = self.words[w]
            for at in _word_starts(low, word):
                k = right(firsts, at) - 1
                starts = per_span.get(k)
                if starts is None:
                    starts = per_span[k] = {}
                for i in rows:
                    if i in starts:
                        starts[i].append(at)
                    else:
                        starts[i] = [at]
        for k, found_at in per_span.items():
            a, b = spans[k]
            local = {i: [at - a for at in ats] for i, ats in found_at.items()} if a else found_at
            out[k] = self._matches(low[a:b], local)
        return out

    def _matches(self, low: str, starts: dict[int, list[int]]) -> list[tuple[int, re.Match[str]]]:
        """Each pattern's matches in ``low`` from the positions where it may start."""
        out: list[tuple[int, re.Match[str]]] = []
        for i in sorted(starts):
            pattern = self.lowered[i]
            if i in self.always:
                out.extend((i, m) for m in pattern.finditer(low))
                continue
            end = 0
            positions = starts[i]
            if len(positions) > 1:
                positions.sort()
            for pos in positions:
                if pos < end:
                    continue
                m = pattern.match(low, pos)
                if m is not None:
                    out.append((i, m))
                    end = max(m.end(), pos + 1)
        return out


_TRIGGER_SCAN = _WordIndexed([rf"\b(?:{pat})\b" for _, _, pat in _TRIGGER_TABLE])


def _may_hold(words: frozenset[bytes], text: str) -> bool:
    """False only when ``text`` has none of ``words`` (lower-case ASCII) as a whole word.

    Exact for ASCII text; other text always may (case-insensitive patterns also match
    some non-ASCII letters, such as the Kelvin sign for "k").
    """
    if not text.isascii():
        return True
    return not words.isdisjoint(text.lower().encode().translate(_ASCII_WORDS).split())


def _window_may_hold(sent: _Sentence, words: frozenset[bytes], lo: int, hi: int) -> bool:
    """:func:`_may_hold` for ``sent.text[lo:hi]``, settled by the sentence's words when
    neither end cuts a word (a cut word's ends are words of the window only)."""
    own = sent.words()
    if own is not None and words.isdisjoint(own):
        text = sent.text
        n = len(text)
        if not (0 < lo < n and _is_word_char(text[lo - 1]) and _is_word_char(text[lo])) and not (
            0 < hi < n and _is_word_char(text[hi - 1]) and _is_word_char(text[hi])
        ):
            return False
    return _may_hold(words, sent.text[lo:hi])


class _CaseFree:
    """A case-insensitive pattern searched as its lower-cased twin in lower-cased text
    (``re`` is several times slower with IGNORECASE); text whose length changes when
    lower-cased is searched with the original."""

    def __init__(self, pattern: str) -> None:
        self.folded = re.compile(pattern, re.IGNORECASE)
        self.lowered = _lowered(pattern)
        words = _first_words(self.lowered.pattern)
        self.first_words = None if words is None else frozenset(w.encode() for w in words)
        self.prefixes = _first_prefixes(self.lowered.pattern) if words is None else None

    def search(
        self, text: str, pos: int = 0, endpos: int | None = None, low: str | None = None
    ) -> re.Match[str] | None:
        """Like ``folded.search``; ``low`` is ``text.lower()`` when the caller has it."""
        end = len(text) if endpos is None else endpos
        if self.first_words is not None and not _may_hold(
            self.first_words, text if pos == 0 and end == len(text) else text[pos:end]
        ):
            return None  # none of the words a match must start with
        if low is None:
            low = text.lower()
        if len(low) != len(text):
            return self.folded.search(text, pos, end)
        if self.prefixes is not None:
            window = low if pos == 0 and end == len(low) else low[pos:end]
            if not any(p in window for p in self.prefixes):
                return None  # every match starts with one of these literals
        return self.lowered.search(low, pos, end)

    def in_sentence(self, sent: _Sentence) -> re.Match[str] | None:
        """:meth:`search` over the whole sentence, from the words and lower-cased text
        :class:`_Sentence` holds."""
        words = sent.words()
        if words is None:
            return self.search(sent.text)
        if self.first_words is not None and self.first_words.isdisjoint(words):
            return None
        low: str = sent.low  # type: ignore[assignment]
        if self.prefixes is not None and not any(p in low for p in self.prefixes):
            return None
        return self.lowered.search(low)


class _AsciiCaseFree:
    """A case-insensitive pattern run as its lower-cased twin over lower-cased text when
    the text is ASCII, else as itself. For ASCII text both give the same matches at the
    same offsets; ``re`` is several times slower with IGNORECASE over an alternation
    (the demonym list), and a pattern that opens with ``\\b`` gets no prefix scan."""

    def __init__(self, pattern: str) -> None:
        self.folded = re.compile(pattern, re.IGNORECASE)
        self.lowered = _lowered(pattern)

    # ``low``: ``text.lower()`` when the caller has it (a sentence's, read once)
    def search(
        self, text: str, pos: int = 0, endpos: int = sys.maxsize, low: str | None = None
    ) -> re.Match[str] | None:
        if text.isascii():
            return self.lowered.search(text.lower() if low is None else low, pos, endpos)
        return self.folded.search(text, pos, endpos)

    def match(
        self, text: str, pos: int = 0, endpos: int = sys.maxsize, low: str | None = None
    ) -> re.Match[str] | None:
        if text.isascii():
            return self.lowered.match(text.lower() if low is None else low, pos, endpos)
        return self.folded.match(text, pos, endpos)

    def finditer(
        self, text: str, pos: int = 0, endpos: int = sys.maxsize, low: str | None = None
    ) -> Iterator[re.Match[str]]:
        if text.isascii():
            return self.lowered.finditer(text.lower() if low is None else low, pos, endpos)
        return self.folded.finditer(text, pos, endpos)


# Intent, negation and hypothesis just before a trigger: not a report of an event.
_PRE_SUPPRESS = _CaseFree(
    r"\b(?:not|no|never|without|halt|stop|end|pause|prevent(?:ing)?|avoid(?:ing)?|ban|"
    r"rather than|effort to|attempts? to|trying to|tried to|try to|aim(?:s|ed)? to|"
    r"plan(?:s|ned)? to|seek(?:s|ing)? to|sought to|would|could|might|may|will|"
    r"threat(?:en(?:ed|s)?)? to|if|unless|fears? of|risk of|calls? for|call(?:ed)? for|"
    r"rescued|rescuing|freed|freeing|released|releasing|reunited)\s+"
    r"(?:(?:a|an|the|further|new|more|any|fresh|to|be|have|been|its|their|his|her|\d+|all)\s+){0,2}$"
)  # "rescued 28 kidnapped victims": no abduction
_POST_SUPPRESS = re.compile(
    r"^\s+(?:could|would|will|must|should|might|cannot|can't|can|may)\b", re.IGNORECASE
)
_COORDINATION = re.compile(r"^[\s,;]*(?:and|or|while|as well as|along with|plus)?[\s,]*$")
_PARTICIPLE = re.compile(r"\b(?:while|by|when|whilst)\s+$", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(
    r"\s[\u2013\u2014-]\s|;|:|\((?=\w)|,\s*(?:though|although|but|while|whereas|as)\b|\bthough\b"
)
_TERRITORY_NOUN = _CaseFree(
    r"\b(?:village|town|city|settlement|territor(?:y|ies)|land|area|region|district|hamlet|"
    r"positions?|base|airport|hill|stronghold|outskirts|province|capital|port)s?\b"
)
_PROTEST_CONTEXT = _CaseFree(r"\b(?:protest|demonstrat|rall(?:y|ies|ied)|marched)")
_VIOLENT_PROTEST = re.compile(
    r"\b(?:hurl(?:ed|ing)|threw (?:stones|rocks|petrol)|torched|set fire|looted|vandali[sz]ed|"
    r"clashed with (?:police|security)|violent)\b",
    re.IGNORECASE,
)
_INTERVENTION = re.compile(
    r"\b(?:tear ?gas|water cannons?|dispersed|rubber bullets|arrested|detained|baton)\b", re.I
)
_EXCESSIVE = re.compile(
    r"\b(?:(?:shot|killed|opened fire on|fired (?:live rounds )?(?:on|at)) (?:\w+ ){0,2}"
    r"(?:protesters|demonstrators|marchers))\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Trigger:
    """An event phrase at ``[start, end)`` of a sentence, with its ACLED typing."""

    start: int
    end: int
    family: EventType
    sub_type: str


#: A battle or fight of votes, courts, markets or disease: no clash of armed sides ("a hard-fought
#: re-election battle", "a legal battle", "the battle against cholera", "the battle for votes").
_FIGURATIVE_BEFORE = re.compile(
    r"\b(?:(?:re-?)?elect(?:ion|oral)s?|campaign|primary|runoff|legal|court(?:room)?|judicial|"
    r"constitutional|legislative|parliamentary|political|custody|divorce|inheritance|ratings|"
    r"bidding|takeover|boardroom|proxy|shareholder|budget|price|tariff|trade|patent|copyright|"
    r"regulatory|diplomatic|policy|ideological|culture|cultural|propaganda|media|public relations|"
    r"relegation|title|championship|playoff|uphill|lifelong)"
    r"[\s-]+(?:\w+[\s-]+)?$",
    re.IGNORECASE,
)
_FOE = (
    r"(?:the\s+|a\s+|an\s+|its\s+|their\s+|his\s+|her\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:cholera|cancer|disease|illness|virus|covid|pandemic|epidemic|outbreak|malaria|ebola|measles|"
    r"dengue|polio|tuberculosis|hiv|aids|infection|obesity|addiction|poverty|hunger|famine|"
    r"inflation|unemployment|corruption|climate|drought|floods?|fires?|blazes?|flames|wildfires?|"
    r"infernos?|misinformation|disinformation|pollution|heat)\b"
)
_FIGURATIVE_AFTER = re.compile(
    rf"^\s+(?:(?:against|with|over)\s+{_FOE}|"
    r"for\s+(?:\w+\s+)?(?:votes?|voters|the\s+(?:nomination|presidency|premiership|leadership|"
    r"seat|title|crown|championship|cup|league|white house|senate|house|governorship|mayoralty)|"
    r"re-?election|office|custody|survival\s+in)\b|"
    # a group's cause, not a clash: "the main insurgent group fighting for autonomy in ... Yala"
    r"for\s+(?:\w+\s+){0,2}?(?:autonomy|independence|secession|self-determination|self-rule|statehood|"
    r"liberation|a\s+homeland|(?:an\s+)?independent\s+state|(?:a\s+)?separate\s+state)\b)",
    re.IGNORECASE,
)
_FIGURATIVE_OBJECT = re.compile(rf"^\s+{_FOE}", re.IGNORECASE)  # "battled the blaze", "fighting the fire"


#: Before a battle word: fighting of before, or the cause of a displacement, not an incident.
_BYGONE_BEFORE = re.compile(
    r"\b(?:(?:earlier|previous|past|prior|former|years of|months of|decades of)|(?:displaced|uprooted|"
    r"driven out|forced out|fled|fleeing|escaped|escaping)\s+(?:by|from)(?:\s+(?:the|earlier|recent|heavy))?)\s+$",
    re.IGNORECASE,
)


def _figurative(text: str, start: int, end: int) -> bool:
    """Whether a battle word at ``[start, end)`` names no clash of armed sides."""
    word = text[start:end].lower()
    if not word.startswith(("battl", "fight", "fought", "clash")):
        return False
    if word == "fought" and re.search(r"(?:\w-|\bhard\s)$",
                                      text[max(0, start - 12) : start], re.IGNORECASE):
        return True  # "a hard-fought race": a word of the noun, the battle its own if any
    after = text[end : end + 60]
    if _FIGURATIVE_AFTER.match(after):
        return True
    if _BYGONE_BEFORE.search(text, max(0, start - 30), start):
        return True  # "families displaced by earlier fighting were sheltering": no incident told
    if word.startswith(("battled", "battling", "fighting", "fought")) and _FIGURATIVE_OBJECT.match(after):
        return True
    return bool(word.startswith(("battle", "fight")) and _FIGURATIVE_BEFORE.search(text[max(0, start - 40) : start]))


#: A protest word that shows or recovers, not protests: "demonstrated their position", "was
#: demonstrated by our decision", "rallied from an early ten point team deficit", "stocks rallied".
_NO_PROTEST = re.compile(
    r"demonstrated\s+(?:their|his|her|its|our|my|your|the|a|an|that|how|what|why|this|these|those|by|to|"
    r"remarkable|great|strong|clear|real|true|considerable)\b"
    # "chefs ... demonstrated Passover recipes": a transitive "demonstrated" shows something
    r"|demonstrated\s+(?!(?:against|in|on|outside|at|for|near|across|through|along|around|before|after|peacefully|"
    r"again|there|here|yesterday|today|tonight|overnight|daily|weekly|monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday|and|or|last|this|early|late|over|throughout|since|until|while|when|as|with|without|from|"
    r"inside|outside|alongside|nationwide|across|demanding|calling|chanting|carrying|waving|holding|marching|"
    r"in front)\b)[a-z]"
    r"|rallied\s+(?:from|back|late|to\s+(?:win|beat|victory|tie|force|take|claim|edge|draw|level))\b"
)
#: A criminal case told in the sentence: a fight in it is a brawl with a shop's staff or the
#: police, no clash of armed sides.
_CHARGED = re.compile(r"\b(?:charged with|resisting arrest|shoplift\w*|booked into|arrested (?:for|on charges))\b",
                      re.IGNORECASE)
#: Before a capture word used as an adjective: a sentence's start, an article or a number.
_ADJECTIVE_BEFORE = re.compile(r"\b(?:the|a|an|his|her|their|its|two|three|four|five|several|some|many)\s+$",
                               re.IGNORECASE)
#: What an "executed" that kills no one carries out, and the words of a court's execution
#: (ACLED codes no judicial one): a warrant, an order or a plan; a sentence, death row.
_WARRANT_AFTER = re.compile(
    r"\s+(?:a|an|the|two|three|several|\d+)?\s*(?:[\w-]+\s+){0,2}?(?:warrants?|orders?|plans?|contracts?|deals?|"
    r"trades?|agreements?|documents?|transactions?|moves?|strateg(?:y|ies)|plays?|manoeuvres?|maneuvers?)\b",
    re.IGNORECASE,
)
_JUDICIAL = re.compile(
    r"\b(?:court|courts|judge|sentenced?|death row|death sentence|lethal injection|clemency|stay of|"
    r"delay (?:his|her|the|their)?\s*execution|governor (?:granted|denied))\b",
    re.IGNORECASE,
)


def _suppressed(text: str, start: int, end: int) -> bool:
    return bool(
        _PRE_SUPPRESS.search(text[max(0, start - 40) : start])
        or _POST_SUPPRESS.match(text[end : end + 12])
        or _WARNING_AFTER.match(text, end)
    )


#: A warning or shelter named after a strike word: "set off air raid sirens in ... Metula", "an
#: air raid shelter", "a missile alert": no strike.
_WARNING_AFTER = re.compile(r"[\s-]+(?:sirens?|alarms?|alerts?|warnings?|shelters?|drills?)\b", re.IGNORECASE)


#: After a capture verb: the takers left again, so no territory changed hands.
_WITHDRAWING = re.compile(
    r"[^;]{0,160}?\b(?:before|then|later|and|after which)\s+(?:\w+\s+){0,2}?"
    r"(?:withdr[ae]w\w*|withdrawing|retreat(?:ed|ing)|pull(?:ed|ing)\s+(?:out|back))\b",
    re.IGNORECASE,
)


#: After "overran": a post of troops, whose overrunning is fighting ("overran a military base").
_OVERRAN_POST = re.compile(
    r"\s+(?:a|an|the|their|its|two|three|several)\s+(?:[\w'-]+\s+){0,2}?(?:military|army|police|gendarmerie)?\s*"
    r"(?:bases?|posts?|outposts?|camps?|barracks|garrisons?|positions?|checkpoints?)\b",
    re.IGNORECASE,
)


#: Who or what fights a war: a clash or capture word with none of these in its sentence, and
#: no actor, is of politics, sport, courts or crime ("Kelly also has clashed with Trump's
#: son-in-law", "Ultimate fighting star", "flood fighting effort", "fought to build a new
#: school", "capturing the Best in Show award", "inmates captured in the Nebraska Sandhills").
_FORCES = (
    r"troops|forces|army|armies|military|militaries|soldiers?|servicem[ae]n|militants?|rebels?|"
    r"fighters?|insurgents?|insurgency|jihadists?|jihad|militias?|militiam[ae]n|gunmen|guerrill?as?|"
    r"separatists?|paramilitar(?:y|ies)|commandos?|marines|navy|junta|terrorists?|extremists?|"
    r"mercenar(?:y|ies)|combatants|warlords?|coalition|defen[cs]e ministry|ministry of defen[cs]e|"
    r"tanks?|artillery|drones?|missiles?|rockets?|mortars?|front ?lines?|offensive|counter-?offensive|"
    r"battlefield|invasion|invad\w+|occupied|occupation|ceasefire|truce|siege|besieged|stronghold|"
    r"bastion|airstrikes?|air strikes?|shelling|bombard\w*"
)
_FORCE_CONTEXT = _CaseFree(rf"\b(?:{_FORCES})\b")
#: A clash's context may also be the police's or violence's own ("fought running battles with
#: police", "a clash that killed two").
_ARMED_CONTEXT = _CaseFree(
    rf"\b(?:{_FORCES}|police|policem[ae]n|gendarmes?|gendarmerie|gangs?|gangsters|cartels?|"
    r"weapons?|guns?|gunfire|gunshots?|rifles?|machetes?|grenades?|shots|shooting|bombs?|explosi\w+|"
    r"kill(?:s|ed|ing)?|slain|martyr(?:s|ed)?|dead|deaths?|died|wounded|injured|casualties|riots?)\b"
)
#: Battle words that are fighting whatever the sentence: no context is asked of them.
_ARMED_ALWAYS = re.compile(r"gun|fire|shoot|ambush|exchange|skirmish", re.IGNORECASE)
#: Fighting told as such: "Fighting broke out in Sudzha", "Heavy fighting has been reported",
#: "Clashes erupted in North Kivu" (war news, however few words it spends on who fought).
_FIGHTING_TOLD = re.compile(
    r"\s+(?:(?:has|have|had)\s+(?:also\s+)?)?(?:been\s+)?(?:broke|broken|break|erupt\w*|rag\w+|"
    r"continu\w+|intensif\w+|spread\w*|flar\w+|resum\w+|reported|escalat\w+)\b",
    re.IGNORECASE,
)
_FIGHTING_AT = re.compile(r"\s+(?:in|near|around|across|along|outside|at)\s+(?:the\s+)?", re.IGNORECASE)
_FIGHTING_KIND = re.compile(
    r"\b(?:heavy|fierce|intense|renewed|fresh|sporadic|deadly|bloody|armed|street|running)\s+$", re.IGNORECASE
)


def _unarmed(sents: Sequence[_Sentence], sent: _Sentence, trig: Trigger) -> bool:
    """Whether a clash or capture word tells no armed event: neither its sentence nor the
    one before names an armed side, weapon or harm, and it is not fighting told as such
    (the event had been a battle or territory change of politics, sport or crime)."""
    if trig.family is _F.BATTLES:
        context = _ARMED_CONTEXT
        if _ARMED_ALWAYS.search(sent.text, trig.start, trig.end) or _FIGHTING_KIND.search(
                sent.text, max(0, trig.start - 20), trig.start) or _FIGHTING_TOLD.match(sent.text, trig.end):
            return False
        if (at := _FIGHTING_AT.match(sent.text, trig.end)) is not None and any(
                at.end() <= sent.rel(p.span) <= at.end() + 20 for p in sent.places):
            return False  # "Clashes in Sudan left the capital divided"
    elif trig.family is _F.STRATEGIC_DEVELOPMENTS:
        context = _FORCE_CONTEXT
    else:
        return False
    told = (sent, sents[sent.index - 1]) if sent.index else (sent,)
    return not any(context.search(s.text, low=s.low) for s in told)


#: What a seizure takes that is no territory: arms, drugs, money, vehicles.
_GOODS_AFTER = re.compile(
    r"\s+(?:(?:an?|the|some|about|nearly|more than|over|\d[\d,.]*|[\w-]+)\s+){0,3}?(?:assault\s+)?"
    r"(?:rifles?|weapons?|guns?|firearms?|pistols?|ammunition|rounds|magazines|cartridges|drugs?|narcotics|"
    r"cocaine|heroin|methamphetamine|fentanyl|marijuana|cannabis|cash|money|vehicles?|trucks?|cars?|boats?|"
    r"tons?|tonnes?|kilos?|kilograms?|pounds|packages|shipments?|cargo|contraband)\b",
    re.IGNORECASE,
)


def _territorial(text: str, start: int, end: int, place_offsets: Sequence[int]) -> bool:
    """A capture verb is a territory change only when a place or territory is its object
    ("seized the village"), or its subject in the passive ("Sudzha ... was retaken")."""
    after, before = text[end : end + 60], text[max(0, start - 90) : start]
    if _GOODS_AFTER.match(after):
        return False  # "Troops seized 30 assault rifles, ... 6,000 rounds of ammunition": a haul
    passive = re.search(r"\b(?:was|were|been|being|is|are)\s+(?:\w+\s+)?$", before)
    if passive and not re.match(r"\s+by\b", after):
        # "Two inmates ... were recaptured in the nearby town of Pasaje": what was taken is the
        # subject; a place after it is where (it had been a territory change at Pasaje)
        return bool(_TERRITORY_NOUN.search(before)) or any(start - 90 <= o < start for o in place_offsets)
    if _TERRITORY_NOUN.search(after) or any(end <= o < end + 60 for o in place_offsets):
        return True
    passive = re.search(r"\b(?:was|were|been|being|is|are|had|has)\s+(?:\w+\s+)?$", before)
    if passive or re.match(r"\s+by\b", text[end : end + 5]) or "fall" in text[start:end]:
        return bool(_TERRITORY_NOUN.search(before)) or any(
            start - 90 <= o < start for o in place_offsets
        )
    return False


def find_triggers(text: str, place_offsets: Sequence[int] = ()) -> list[Trigger]:
    """Typed event phrases in one sentence, suppressed and coordinated.

    ``place_offsets`` (starts of place mentions in ``text``) help decide whether a
    capture verb is about territory.
    """
    hits = _TRIGGER_SCAN.scan(text)
    return _typed_triggers(text, hits, place_offsets) if hits else []


def _typed_triggers(
    text: str,
    hits: list[tuple[int, re.Match[str]]],
    place_offsets: Sequence[int],
    low: str | None = None,
) -> list[Trigger]:
    """:func:`find_triggers` from the trigger scan's hits (``low``: ``text.lower()``)."""
    found: list[Trigger] = []
    taken: list[tuple[int, int]] = []
    for row, m in hits:  # table order: earlier rows win overlaps
        family, sub, _ = _TRIGGER_TABLE[row]
        s, e = m.span()
        if any(s < te and ts < e for ts, te in taken):
            continue
        if _suppressed(text, s, e):
            continue
        if family is _F.BATTLES and _figurative(text, s, e):
            continue
        if family is _F.BATTLES and text[s:e].lower().startswith(("fight", "fought")) and _CHARGED.search(text):
            continue  # "A Berea man was charged with second-degree robbery ... after fighting with Walmart employees"
        if family is _F.PROTESTS and _NO_PROTEST.match(text[s:e].lower() + text[e : e + 40].lower()):
            continue  # "chefs ... demonstrated Passover recipes", "rallied from an early ten point deficit"
        if family is _F.VIOLENCE_AGAINST_CIVILIANS and text[s:e].lower().startswith("execut") and (
                _WARRANT_AFTER.match(text, e) or _JUDICIAL.search(text)):
            continue  # "agents executed a search warrant", "Killer asks Ohio court to delay execution"
        if family is _F.STRATEGIC_DEVELOPMENTS and not _territorial(text, s, e, place_offsets):
            continue
        if family is _F.STRATEGIC_DEVELOPMENTS and text[s:e].endswith("ed") and (
                not text[:s].strip() or _ADJECTIVE_BEFORE.search(text, max(0, s - 14), s)):
            continue  # "Captured Confederates later said ...", "the captured soldiers": a participle, no capture told
        if family is _F.STRATEGIC_DEVELOPMENTS and text[s:e].lower().startswith("overr") and _OVERRAN_POST.match(text, e):
            # "overran a military base in ... Djibo ..., killing at least 50 soldiers, and held parts
            # of the town for several hours": an assault on troops, a battle (it had been a territory change)
            family, sub = _F.BATTLES, "armed_clash"
        if family is _F.STRATEGIC_DEVELOPMENTS and _WITHDRAWING.match(text, e):
            # "overran the base ... before withdrawing towards the border": a raid, no territory held
            family, sub = _F.BATTLES, "armed_clash"
        taken.append((s, e))
        found.append(Trigger(s, e, family, sub))
    found.sort(key=lambda t: (t.start, t.end))
    found = _contextualise(text, found, low)
    merged: list[Trigger] = []
    for trig in found:
        prev = merged[-1] if merged else None
        if (
            prev is not None
            and prev.family is trig.family
            and (
                _COORDINATION.match(text[prev.end : trig.start])
                or (_PARTICIPLE.search(text[max(0, trig.start - 8) : trig.start])
                    and text[trig.start : trig.end].endswith("ing"))
            )
        ):
            # "shelling and drone attacks", "... while seizing land": one event
            continue
        merged.append(trig)
    return merged


def _contextualise(text: str, triggers: list[Trigger], low: str | None = None) -> list[Trigger]:
    """Protest context re-types clashes and violence; intervention refines protests."""
    context = _PROTEST_CONTEXT.search(text, low=low)
    if not any(t.family in (_F.PROTESTS, _F.RIOTS) for t in triggers) and not context:
        return triggers
    violent = bool(_VIOLENT_PROTEST.search(text))
    out: list[Trigger] = []
    for t in triggers:
        if t.family is _F.BATTLES and context:
            continue  # protesters "clashed with police" is a riot, not a battle
        if t.family is _F.PROTESTS:
            if violent:
                t = Trigger(t.start, t.end, _F.RIOTS, "violent_demonstration")
            elif _EXCESSIVE.search(text):
                t = Trigger(t.start, t.end, _F.PROTESTS, "excessive_force_against_protesters")
            elif _INTERVENTION.search(text):
                t = Trigger(t.start, t.end, _F.PROTESTS, "protest_with_intervention")
        out.append(t)
    if violent and not any(t.family in (_F.PROTESTS, _F.RIOTS) for t in out):
        if context is not None:
            out.append(Trigger(context.start(), context.end(), _F.RIOTS, "violent_demonstration"))
            out.sort(key=lambda t: (t.start, t.end))
    return out


# --- dates --------------------------------------------------------------------

_MONTHS = {
    m: i
    for i, names in enumerate(
        (
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for m in names
}  # fmt: skip
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTH_RE = r"(?P<mon>january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?"  # noqa: E501
_YEAR = r"(?:,?\s+(?P<year>\d{4}))?"
_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
_DATE_TABLE: tuple[tuple[str, str], ...] = (
        ("mdy", rf"\b{_MONTH_RE}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b{_YEAR}"),
        ("dmy", rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH_RE}{_YEAR}\b"),
        ("iso", r"\b(?P<year>\d{4})-(?P<m>\d{2})-(?P<day>\d{2})\b"),
        # "in June", "early June", "in mid-June", "mid-June"
        ("month", rf"\b(?:(?:in|since|during|early|late)\s+(?:(?:early|late)\s+|mid-?\s*)?|mid-?\s*){_MONTH_RE}{_YEAR}\b"),
        ("weekday", r"\b(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"),
        ("yesterday", r"\byesterday\b"),
        ("last_night", r"\blast night\b"),
        ("today", r"\b(?:today|this morning|this afternoon|this evening|tonight)\b"),
        ("days_ago", r"\b(?P<n>\d|one|two|three|four|five|six|seven) days ago\b"),
        ("last_week", r"\blast week\b"),
        ("this_week", r"\b(?:this week|earlier this week)\b"),
        ("last_month", r"\blast month\b"),
        ("this_month", r"\b(?:this month|earlier this month)\b"),
        ("month_last_year", rf"\b(?:in|since|during|early|late|mid-?)\s+{_MONTH_RE}\s+last year\b"),
        ("last_year", r"\blast year\b"),
        ("weekend", r"\b(?:over|at|during|on) the weekend\b|\b(?:this|last) weekend\b"),
        ("weeks_ago", r"\b(?P<n>\d|a|one|two|three|four) weeks? ago\b"),
        ("last_month_name", rf"(?<!the )\blast\s+{_MONTH_RE}(?!\w)"),  # "Last November, gunmen killed 15"
)  # fmt: skip
_DATE_SCAN = _WordIndexed([pat for _, pat in _DATE_TABLE])


@dataclass(frozen=True, slots=True)
class ResolvedDate:
    """An event date; ``explicit`` is False for the published-date fallback."""

    date: dt.date | None
    precision: DatePrecision
    explicit: bool
    span: tuple[int, int] | None = None
    told: bool = False  # only the day it was said ("residents said on Sunday")


@lru_cache(maxsize=1024)  # frozen, so one per publication date can be shared
def _fallback(published: dt.date | None) -> ResolvedDate:
    if published is None:
        return ResolvedDate(None, DatePrecision.UNKNOWN, explicit=False)
    return ResolvedDate(published, DatePrecision.MONTH, explicit=False)


def _past(month: int, day: int, year: int | None, published: dt.date) -> dt.date | None:
    """The date with ``year`` or, without one, the latest such date not after ``published``."""
    try:
        if year is not None:
            return dt.date(year, month, day)
        cand = dt.date(published.year, month, day)
        return cand if cand <= published else dt.date(published.year - 1, month, day)
    except ValueError:
        return None


#: Words naming a day of the week a feast or a remembered day: "Palm Sunday", "Good Friday".
_FEAST_BEFORE = ("palm ", "easter ", "good ", "holy ", "bloody ", "black ", "ash ", "maundy ")


def _resolve_match(  # noqa: PLR0911
    kind: str, m: re.Match[str], pub: dt.date, shift: int = 0
) -> ResolvedDate | None:
    g = m.groupdict()
    day_p, span = DatePrecision.DAY, (m.start() - shift, m.end() - shift)
    if kind in ("mdy", "dmy", "iso"):
        month = int(g["m"]) if kind == "iso" else _MONTHS[g["mon"].lower().rstrip(".")]
        year = int(g["year"]) if g.get("year") else None
        d = _past(month, int(g["day"]), year, pub)
        return None if d is None or d > pub else ResolvedDate(d, day_p, True, span)
    if kind == "month":
        month = _MONTHS[g["mon"].lower().rstrip(".")]
        year = int(g["year"]) if g.get("year") else None
        d = _past(month, 1, year, pub.replace(day=1))
        return None if d is None or d > pub else ResolvedDate(d, DatePrecision.MONTH, True, span)
    if kind == "weekday":
        if m.string[max(0, m.start() - 8) : m.start()].lower().endswith(_FEAST_BEFORE):
            return None  # "a Palm Sunday missile strike on April 13": a feast, not the last Sunday
        back = (pub.weekday() - _WEEKDAYS.index(g["wd"].lower())) % 7
        return ResolvedDate(pub - dt.timedelta(days=back), day_p, True, span)
    if kind in ("yesterday", "last_night"):
        return ResolvedDate(pub - dt.timedelta(days=1), day_p, True, span)
    if kind == "today":
        return ResolvedDate(pub, day_p, True, span)
    if kind == "days_ago":
        n = int(g["n"]) if g["n"].isdigit() else _NUMBER_WORDS[g["n"].lower()]
        return ResolvedDate(pub - dt.timedelta(days=n), day_p, True, span)
    monday = pub - dt.timedelta(days=pub.weekday())
    if kind == "last_week":
        return ResolvedDate(monday - dt.timedelta(days=7), DatePrecision.WEEK, True, span)
    if kind == "this_week":
        return ResolvedDate(monday, DatePrecision.WEEK, True, span)
    first = pub.replace(day=1)
    if kind == "last_month":
        prev = (first - dt.timedelta(days=1)).replace(day=1)
        return ResolvedDate(prev, DatePrecision.MONTH, True, span)
    if kind == "this_month":
        return ResolvedDate(first, DatePrecision.MONTH, True, span)
    if kind == "last_year":
        return ResolvedDate(dt.date(pub.year - 1, 1, 1), DatePrecision.YEAR, True, span)
    if kind == "month_last_year":  # "In November last year"
        month = _MONTHS[g["mon"].lower().rstrip(".")]
        return ResolvedDate(dt.date(pub.year - 1, month, 1), DatePrecision.MONTH, True, span)
    if kind == "weekend":  # the weekend before publication (that day's, if it is one)
        saturday = pub - dt.timedelta(days=(pub.weekday() - 5) % 7)
        return ResolvedDate(saturday, DatePrecision.WEEK, True, span)
    if kind == "last_month_name":  # the latest such month before the publication's
        month = _MONTHS[g["mon"].lower().rstrip(".")]
        year = pub.year if month < pub.month else pub.year - 1
        return ResolvedDate(dt.date(year, month, 1), DatePrecision.MONTH, True, span)
    if kind == "weeks_ago":
        n = 1 if g["n"] in ("a", "one") else int(g["n"]) if g["n"].isdigit() else _NUMBER_WORDS[g["n"].lower()]
        return ResolvedDate(pub - dt.timedelta(weeks=n), DatePrecision.WEEK, True, span)
    return None


def resolve_date(text: str, published: dt.date | None, anchor: int | None = None) -> ResolvedDate:
    """The date ``text`` gives for an event, relative to ``published``.

    With several date phrases, the one nearest ``anchor`` (the trigger) wins. A
    weekday means the latest such day not after publication ("on Monday" in a Monday
    article is that day). Results are never after ``published``.
    """
    if published is None:
        return _fallback(None)
    return _pick_date(_DATE_SCAN.scan(text), published, anchor, text=text)


#: Right before a date phrase: the date of the telling ("said on Sunday", "told AFP late on
#: Monday"), read only when the sentence gives no other ("... killed 23 people, residents
#: said on Sunday" had dated the strike Sunday, though the next words say Friday).
_SAID_BEFORE = re.compile(
    r"\b(?:(?:said|says|announced|reported|confirmed|added|wrote|stated|"
    # "JNIM claimed responsibility in a statement on Sunday": the claim's day, not the attack's
    r"claim(?:ed|s)(?:\s+(?:full\s+)?(?:responsibility|credit))?)"
    r"(?:\s+in\s+an?\s+(?:[\w-]+\s+){0,2}?"
    r"(?:statement|post|briefing|interview|message|video|report|update)"
    # "said in a statement read on state television on Saturday": the reading's day too
    r"(?:\s+(?:read|broadcast|aired|posted|published|issued|released|carried|shown|sent)(?:\s+(?:online|out))?"
    r"(?:\s+(?:on|by|in|to|via|over)\s+(?:[\w.&-]+\s+){0,2}?[\w.&-]+)?)?)?"
    r"|told\s+(?:[\w.&-]+\s+){0,2}?[\w.&-]+)"
    r"\s+(?:late\s+|early\s+)?(?:on\s+)?$",
    re.IGNORECASE,
)  # the scan's text is lower-cased: "told AFP" is "told afp" (the old "told [A-Z]" never matched)
_SAID_WINDOW = 60
#: Right before a date phrase: the start of a period ("since 15 April 2023"), not an event's day.
_SINCE_BEFORE = re.compile(r"\bsince\s+$", re.IGNORECASE)
_DATELINE_BEFORE = re.compile(r"\s*[A-Z][A-Z .'/-]{2,40}(?:,\s*[A-Z][\w .']{1,30})?,\s*")
_DATELINE_AFTER_DATE = re.compile(r"\s*(?:\([^)]{1,30}\))?\s*[-\u2013\u2014:]")


def _is_dateline(m: re.Match[str], text: str | None = None) -> bool:
    """A date in a wire dateline, "KYIV, June 9 (Reuters) -", opening ``text`` (the
    original of the lower-cased text the scan matched)."""
    text = m.string if text is None else text
    return _DATELINE_BEFORE.fullmatch(text, 0, m.start()) is not None and (
        _DATELINE_AFTER_DATE.match(text, m.end()) is not None
    )


def _dateline_date(sents: Sequence[_Sentence], published: dt.date | None) -> dt.date | None:
    """The filing date of a wire dateline in the first sentences: weekdays count back from
    it ("KYIV, June 9 (Reuters) - ... on Sunday" is June 8 in a paper of June 10)."""
    if published is None:
        return None
    for sent in sents[:3]:
        for row, m in _DATE_SCAN.scan(sent.text):
            kind = _DATE_TABLE[row][0]
            if kind in ("mdy", "dmy") and _is_dateline(m, sent.text):
                r = _resolve_match(kind, m, published)
                return r.date if r is not None else None
    return None


def _pick_date(
    hits: Sequence[tuple[int, re.Match[str]]], published: dt.date, anchor: int | None,
    shift: int = 0, text: str | None = None,
) -> ResolvedDate:
    """:func:`resolve_date` from the date scan's hits; spans and ``anchor`` are relative
    to ``shift`` (hits of a whole sentence read for one of its segments)."""
    found: list[ResolvedDate] = []
    said: list[ResolvedDate] = []  # "residents said on Sunday": when it was told
    since: list[ResolvedDate] = []  # "since September 2024": read only when nothing else dates it
    claimed: list[tuple[int, int]] = []
    for row, m in hits:
        kind = _DATE_TABLE[row][0]
        if any(m.start() < e and s < m.end() for s, e in claimed):
            continue
        if kind == "mdy" and m.group("mon").lower() == "may" and not m.group("year"):
            continue  # "may 4" is too often the modal verb
        if kind in ("mdy", "dmy") and _is_dateline(m, text):
            claimed.append(m.span())
            continue  # "KYIV, June 9 (Reuters) -": when it was filed (see _candidates)
        r = _resolve_match(kind, m, published, shift)
        if r is not None:
            claimed.append(m.span())
            if m.string.startswith("since", m.start()) or (
                    _SINCE_BEFORE.search(m.string, max(0, m.start() - 8), m.start())):
                since.append(r)  # "besieged the city since September 2024": a period's start
                continue
            told = _SAID_BEFORE.search(m.string, max(0, m.start() - _SAID_WINDOW), m.start()) is not None
            (said if told else found).append(r)
    if not found and said:
        found = [dataclasses.replace(r, told=True) for r in said]
    if not found:
        found = since
    if not found:
        return _fallback(published)
    if anchor is None:
        return min(found, key=lambda r: r.span or (0, 0))

    def distance(r: ResolvedDate) -> tuple[int, int]:
        s, e = r.span or (0, 0)
        return min(abs(anchor - s), abs(anchor - e)), s

    return min(found, key=distance)


# --- document view --------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DocumentView:
    """One document's joined findings, sorted in document order (see :mod:`merge`)."""

    document_id: str
    chunks: tuple[ChunkRef, ...]
    entities: tuple[EntityMention, ...]
    places: tuple[PlaceMention, ...]
    casualties: tuple[CasualtyMention, ...]
    extractors: tuple[ExtractorInfo, ...]


@dataclass(slots=True)
class _Sentence:
    index: int
    chunk: ChunkRef
    local_start: int
    text: str
    start: int  # original offsets
    end: int
    low: str | None = None  # text.lower(); None: lower-cased here (see _sentences)
    places: list[PlaceMention] = field(default_factory=list)
    entities: list[EntityMention] = field(default_factory=list)
    casualties: list[CasualtyMention] = field(default_factory=list)  # an incident's figures
    background: list[CasualtyMention] = field(default_factory=list)  # a war's or period's
    #: the trigger scan's hits when the document pass settled them (see _sentences)
    trigger_hits: list[tuple[int, re.Match[str]]] | None = None
    triggers: list[Trigger] | None = None
    generic: list[Trigger] | None = None  # _generic_triggers, read once
    date_hits: list[tuple[int, re.Match[str]]] | None = None  # the date scan, read once
    location_candidates: list[PlaceMention] | None = None
    place_facts: list[_PlaceFacts] | None = None  # _place_facts, read once
    actor_cues: list[_ActorCue] | None = None  # entity cues (see _entity_cues), read once
    whole: Span | None = None  # the sentence's own span, built once
    _words: frozenset[bytes] | bool | None = False  # see words(); False: not read yet
    _separate: bool | None = None  # see separate(); None: not read yet
    _earlier: re.Match[str] | None | bool = False  # see earlier(); False: not read yet

    def __post_init__(self) -> None:
        if self.low is None:
            self.low = self.text.lower()

    def words(self) -> frozenset[bytes] | None:
        """The sentence's words as :func:`_words` reads them (once)."""
        if self._words is False:
            self._words = _words(self.text, self.low)  # type: ignore[arg-type]
        return self._words  # type: ignore[return-value]

    def separate(self) -> bool:
        """Whether the sentence says it tells another incident (:data:`_SEPARATE`), read once:
        the story loop and the grouping ask it of the same sentence many times."""
        if self._separate is None:
            self._separate = _SEPARATE.match(self.text) is not None
        return self._separate

    def earlier(self) -> re.Match[str] | None:
        """Where the sentence turns to an earlier incident (:data:`_EARLIER_INCIDENT`), read
        once: the story loop asks it of a sentence, of the one before and of those after."""
        if self._earlier is False:
            self._earlier = _EARLIER_INCIDENT.search(self.text)
        return self._earlier  # type: ignore[return-value]

    def rel(self, span: Span) -> int:
        return span.start - self.start

    def span(self, a: int, b: int) -> Span:
        return _chunk_span(self.chunk, self.local_start + a, self.local_start + b)


#: The only non-ASCII characters ``re`` matches to ASCII letters under IGNORECASE.
_FOLDS_TO_ASCII = ("\u0130", "\u0131", "\u017f", "\u212a")


def _plain(text: str, low: str) -> bool:
    """Whether the ASCII words of ``low`` (see :data:`_ASCII_WORDS`) settle "no first word,
    no match" for every case-insensitive pattern of ASCII letters, IGNORECASE ones
    included: not when lower-casing changes the length or a character folds to an
    ASCII letter ("\u212a" is "k")."""
    return text.isascii() or (
        len(low) == len(text) and not any(c in text for c in _FOLDS_TO_ASCII)
    )


def _words(text: str, low: str) -> frozenset[bytes] | None:
    """The words a scan splits ``low`` (``text.lower()``) into (:meth:`_WordIndexed.scan`);
    None unless :func:`_plain`."""
    if not _plain(text, low):
        return None
    return frozenset(low.encode().translate(_ASCII_WORDS).split())


def _chunk_span(chunk: ChunkRef, a: int, b: int) -> Span:
    """Original-document span of chunk-local ``[a, b)``, clamped to the chunk."""
    n = len(chunk.text)
    return chunk.span(min(a, n), min(b, n))


#: A clock time's "a.m." or "p.m." before the day it is of: "at about 1 a.m. Saturday" is one
#: sentence (its day had been a sentence of its own, and the strike dated by the lead's "said Monday").
_CLOCK_ENDS = ("a.m.", "p.m.")
_DAY_START = re.compile(
    "(?:" + "|".join(sorted((w.capitalize() for w in (*_WEEKDAYS, *_MONTHS)), key=len, reverse=True)) + r"|GMT|UTC)\b"
)


def _clock_end(text: str, a: int, b: int) -> bool:
    return b - a > 4 and text[b - 4 : b].lower() in _CLOCK_ENDS and not text[b - 5].isalnum()


def _clock_times_joined(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    if ".m." not in text and ".M." not in text:
        return spans
    out: list[tuple[int, int]] = []
    for a, b in spans:
        if out and _clock_end(text, *out[-1]) and _DAY_START.match(text, a):
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def _sentences(doc: DocumentView) -> list[_Sentence]:
    """The document's sentences with their mentions, and with their trigger scans and
    attack verbs settled by one pass over each chunk: most sentences name no event."""
    out: list[_Sentence] = []
    for chunk in doc.chunks:
        text = chunk.text
        offset = original_offsets(chunk)
        low = text.lower()
        spans = _clock_times_joined(text, split_sentences(text))  # offsets within the text: no clamping
        # a sentence's lower-casing is its slice of the chunk's (sentences end at spaces,
        # so no final sigma reads across them: a sigma at all takes the slow way)
        plain = _plain(text, low) and "\u03a3" not in text
        if not plain:
            for a, b in spans:
                out.append(_Sentence(len(out), chunk, a, text[a:b], offset(a), offset(b)))
            continue
        words = low.encode().translate(_ASCII_WORDS).split()
        hits = _TRIGGER_SCAN.scan_spans(low, words, spans)
        no_attack = _GENERIC_HEADS.isdisjoint(words)
        for (a, b), h in zip(spans, hits, strict=True):
            sent = _Sentence(len(out), chunk, a, text[a:b], offset(a), offset(b), low[a:b])
            sent.trigger_hits = h
            if no_attack:
                sent.generic = []
            out.append(sent)
    starts = [s.start for s in out]
    ends = [s.end for s in out]

    def locate(at: Sequence[int]) -> list[_Sentence | None]:
        """The sentence holding each offset: a walk for ascending offsets (mentions come
        in document order), a binary search when one goes back."""
        found: list[_Sentence | None] = []
        i, last, n = -1, -1, len(starts)
        for a in at:
            if a < last:
                i = bisect.bisect_right(starts, a) - 1
            while i + 1 < n and starts[i + 1] <= a:
                i += 1
            last = a
            found.append(out[i] if i >= 0 and a < ends[i] else None)
        return found

    for p, s in zip(doc.places, locate([p.span.start for p in doc.places]), strict=True):
        if s is not None:
            s.places.append(p)
    for e, s in zip(doc.entities, locate([e.span.start for e in doc.entities]), strict=True):
        if s is not None:
            s.entities.append(e)
    cas_at = [
        c.sentence.start if c.span.start < c.sentence.start else c.span.start
        for c in doc.casualties
    ]
    for c, s in zip(doc.casualties, locate(cas_at), strict=True):
        if s is not None:
            s.casualties.append(c)
    published = next((c.published_at for c in doc.chunks if c.published_at), None)
    for s in out:
        if s.casualties:
            _set_background_aside(s, published)
    return out


# --- tolls of a whole war or period ------------------------------------------------
# "Violence in Burkina Faso has killed more than 20,000 people since 2015": a figure
# stated as background. It is a true casualty statement (the casualty extractor reports
# it), but no incident's toll: one had been attached to a bombing that killed a police
# officer ("five decades of conflict that killed some 450,000"), or made an event.

_MONTH_NAMES = (
    "january|february|march|april|may|june|july|august|september|october|november|december"
)
#: What makes a clause a period's or a war's toll. "since" counts unless what follows is
#: the incident itself ("since the attack", "since Sunday").
_PERIOD = re.compile(
    r"\bsince\b(?!\s+(?:the\s+|this\s+|last\s+|early\s+|late\s+)?(?:attacks?|strikes?|bombings?|blasts?|"
    r"explosions?|raids?|shelling|assault|incident|ambush|massacre|shooting|fire|morning|dawn|"
    r"(?:mid)?night|midday|noon|evening|yesterday|monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday|week|weekend)\b)"
    r"|\b(?:decades?|years|months) of (?:war|conflict|fighting|violence|insurgency|unrest|civil war)\b"
    r"|\b(?:this|last|the past|the previous) (?:year|decade)\b|\bso far this\b|\bto date\b"
    # "Earlier in the year, fighting in Catatumbo killed more than 80": a time before the story's
    r"|\b(?:earlier|previously|before that) (?:in|this) (?:the )?year\b"
    r"|\bin (?:the )?(?:first|past|last) (?:\w+ )?(?:weeks|months|years|half|quarter)\b"
    rf"|\bbetween (?:{_MONTH_NAMES})(?: (?:19|20)\d\d)? and (?:{_MONTH_NAMES})\b"
    # "killed at least 1,200 people ... between 1978 and 1982": years gone by
    r"|\bbetween (?:early |late |mid-?)?(?:19|20)\d\d and (?:early |late |mid-?)?(?:19|20)\d\d\b"
    r"|\bfrom (?:19|20)\d\d (?:to|until|through) (?:19|20)\d\d\b"
    # "2024 was the deadliest year in nearly a decade, with more than 1,600 people killed": a year's
    r"|\b(?:19|20)\d\d (?:was|is|has been|had been|became|saw|remains)\b"
    r"|\b(?:deadliest|bloodiest|most violent|worst) (?:year|month|decade)s?\b"
    r"|\b(?:in|during|throughout) (?:19|20)\d\d\b|\bin a decade\b|\bon all fronts\b"
    # "during the 2023-2024 war", "in the first year of the siege": a war's or a stretch of it
    r"|\b(?:19|20)\d\d ?[-\u2013/] ?(?:19|20)?\d\d\b"
    r"|\b(?:during|throughout|over the course of) the (?:[\w-]+ ){0,3}?(?:wars?|conflict|invasion|insurgency|"
    r"siege|occupation|uprising|civil war|genocide)\b"
    r"|\bin (?:the )?(?:first|opening|past|last|early) (?:\w+ )?(?:years?|months?|weeks?|days) of\b"
    r"|\b(?:over|in|during) the (?:same|past|last|previous) (?:period|\w+ (?:weeks|months|years|days)|week|month|year|decade)\b"
    # "A 2022 truck bombing at the ministry killed 120": an incident of a past year, told as background
    r"|\b(?:an?|the|\w+['\u2019]s) (?:19|20)\d\d (?:[\w-]+ ){0,3}?(?:attacks?|bombings?|strikes?|air ?strikes?|raids?|"
    r"massacres?|ambush(?:es)?|assaults?|blasts?|explosions?|shootings?|killings?|clashes|offensive|invasion|war|"
    r"uprising|siege|coup)\b"
    # "more than 14,000 civilians have been killed in the war": the war's toll, not an incident's
    # "In all, at least 11 people were killed in the incidents recorded in this roundup": several incidents' sum
    r"|\bin (?:the|these|those|all the) (?:[\w-]+ )?incidents\b"
    r"|\b(?:killed|died|dead|deaths|lives) (?:in|during|since|over the course of) (?:the|this) (?:[\w-]+ ){0,2}?"
    r"(?:war|conflict|invasion|insurgency)\b(?! zones?\b)",
    re.IGNORECASE,
)
#: "The war in Yemen, which began in 2014, has killed": a war as the subject of a toll.
_WAR_TOLL = re.compile(
    r"\b(?:war|conflict|insurgency|invasion|civil war|crisis|offensive|campaign)\b(?:[^.;]{0,100}?\b(?:has|have)\s+"
    r"(?:now\s+|so far\s+|already\s+)?|\s+(?:that|which)\s+(?:[\w-]+\s+){0,5}?(?:had\s+)?"
    # "South Sudan's civil war, which began in 2013, killed an estimated 400,000 people"
    r"|,\s+(?:which|that)\s+[^,;.]{0,60},\s+(?:had\s+)?)(?:killed|left|claimed|cost)\b",
    re.IGNORECASE,
)  # "a civil war that killed around 400,000", "an offensive that the government says killed 7,000"
#: "Fighting between the two factions has killed more than 1,800", "The violence has left 1,800
#: dead": an ongoing process's running toll, unless the sentence gives it a recent day
#: ("Fighting in the town has killed 20 soldiers since Sunday").
_PROCESS_TOLL = re.compile(
    r"\b(?:fighting|violence|bloodshed)(?:\s+[\w'-]+){0,8}?\s+(?:has|have)\s+(?:now\s+|so far\s+|already\s+)?"
    r"(?:killed|left|claimed|cost)\b",
    re.IGNORECASE,
)
_RECENT_SINCE = re.compile(
    r"\bsince (?:last night|yesterday|(?:early |late )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b",
    re.IGNORECASE,
)
_GOES_ON = re.compile(r"\s*(?:\w+ing|with|which|who|that|bringing|taking|raising|and|(?:in|during) which)\b",
                      re.IGNORECASE)  # "the 1982 Plan de Sanchez massacre, in which 256 people were killed"
#: "since early March, when violence ... killed some 1,500": the clause tells the period's start.
_SINCE_WHEN = re.compile(r"\bsince (?:early |late |mid-?)?[\w.]+(?: \d{1,2})?(?:,? (?:19|20)\d\d)?\s*$", re.IGNORECASE)
_WHEN = re.compile(r"\s*when\b", re.IGNORECASE)
_ASIDE = re.compile(r"\s*(?:including|among them|among whom|most of them|many of them|mostly|all of them|in which)\b",
                    re.IGNORECASE)
_CLAUSE_END = re.compile(r"(?<!\d),|,(?!\d)|[;:()\u2013\u2014]|\s-\s")  # (not a thousands comma: "56,000")
#: A figure joined to the one before it ("54,927, with 126,227 wounded") shares its scope.
_JOINED_FIGURE = re.compile(r"^[\s,]*(?:with|and|as well as|plus|while)?\s*(?:another\s+|some\s+)?$",
                            re.IGNORECASE)


def _clause_around(text: str, a: int, b: int) -> tuple[int, int]:
    """The comma-clause holding ``text[a:b]``, with the one before it when it goes on
    from it (", killing at least 250", ", with more than 1,600 people killed")."""
    ends = [m.end() for m in _CLAUSE_END.finditer(text, 0, a)]
    lo = ends.pop() if ends else 0
    while lo and (_GOES_ON.match(text, lo) or (
            _WHEN.match(text, lo) and _SINCE_WHEN.search(text, max(0, lo - 40), lo - 1))):
        lo = ends.pop() if ends else 0
    m = _CLAUSE_END.search(text, b)
    while m is not None and m.group() == "," and _ASIDE.match(text, m.end()):
        # an aside on the victims, or a relative one, goes on to the rest of the clause: "at least
        # 280 people, including dozens of civilians, had been killed ... since the ceasefire took
        # effect", "Cattle raids, in which children are often taken, kill hundreds ... each year"
        shut = _CLAUSE_END.search(text, m.end())
        if shut is None or shut.group() != ",":
            break
        m = _CLAUSE_END.search(text, shut.end())
    return lo, m.start() if m else len(text)


_SUPERLATIVE_BEFORE = re.compile(
    r"\b(?:deadliest|worst|bloodiest|largest|biggest|heaviest|latest|first|single|earlier|later)\b(?:\s+[\w-]+){0,3}\s+$",
    re.IGNORECASE,
)


def _period_in(text: str, lo: int, hi: int) -> bool:
    """A period's sign in ``text[lo:hi]``, but not one that ranks the incident ("the
    deadliest attack since 2019", "the worst this year")."""
    return any(
        _SUPERLATIVE_BEFORE.search(text, max(lo, m.start() - 40), m.start()) is None
        for m in _PERIOD.finditer(text, lo, hi)
    )


#: Words one of which every _PERIOD or _WAR_TOLL match holds: most sentences hold none,
#: and substring tests cost far less than the patterns.
_PERIOD_HINTS = ("incidents", "since", "decade", "year", "month", "week", "so far", "to date", "between", "fronts",
                 "period", "in 1", "in 2", "during 1", "during 2", "throughout", "war", "conflict",
                 "insurgen", "invasion", "crisis", "offensive", "campaign", " days", "half", "quarter",
                 "a 19", "a 20", "the 19", "the 20", "s 19", "s 20", "fighting", "violence", "bloodshed")


def _may_be_period(sent: _Sentence) -> bool:
    low = sent.low or ""
    return any(h in low for h in _PERIOD_HINTS)


_FRONTED = re.compile(r"\W*(?:since|in|during|throughout|over|between|so far|earlier|previously)\b", re.IGNORECASE)


def _fronted_period(text: str) -> bool:
    """A period the sentence opens on scopes all of it: "Since the start of the full-scale
    invasion, the UN ... has verified more than 14,000 civilian deaths", "In 2020, a similar
    attack killed 30" (the figure's own clause had shown no period)."""
    if _FRONTED.match(text) is None:
        return False
    m = _CLAUSE_END.search(text)
    return m is not None and m.start() <= 80 and _period_in(text, 0, m.start())


def _process_tolls(text: str) -> list[re.Match[str]]:
    """:data:`_PROCESS_TOLL` matches, none where the sentence gives the toll a recent day."""
    found = list(_PROCESS_TOLL.finditer(text))
    if found and (_RECENT_DAY.search(text) or _RECENT_SINCE.search(text)):
        return []
    return found


# --- a conflict told as background ---------------------------------------------------
# "Fighting between federal forces and Fano militiamen has spread across Amhara", "..., where
# federal forces have been fighting Fano militiamen": the state of a war, told in the present
# perfect or progressive or over years, no incident (ACLED codes incidents). With no figure
# and no day of its own such a clause is no event (it had been a battle of the publication's
# month); "Fighting broke out in Sudzha", "Clashes erupted in X" tell incidents and stay.
_ONGOING = re.compile(
    r"\b(?:has|have|had)\s+(?:\w+ly\s+|now\s+|long\s+|since\s+|also\s+|already\s+)?(?:"
    r"spread|raged|continued|persisted|dragged on|simmered|festered|gripped|engulfed|plagued|ravaged|wracked|"
    r"racked|devastated|torn|flared (?:on and off|repeatedly|intermittently)|"
    r"been (?:fighting|battling|clashing|waging|locked|at war|raging|going on|ongoing|continuing|"
    r"under way|underway|simmering|spreading|escalating))\b"
    r"|\b(?:continues|continue|rages|persists|persist|drags on|simmers|grips|engulfs|plagues|ravages)\b"
    r"(?!\s+(?:on|into|through|until|till)\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"the night|the day|the morning|the evening)\b)"
    r"|\bfor (?:more than |over |nearly |almost |about |some |the (?:past|last) )?(?:a |an |two |three |four |five |"
    r"several |many |\d+ )?(?:years?|months|decades?)\b"
    # "Clashes between ... herders and ... farmers ... have killed thousands of people over the years"
    r"|\b(?:over|in|during) (?:the|recent) (?:past |last )?(?:few |several |many )?(?:years|decades)\b"
    # "The group ... says it is fighting army-allied forces and militias inside the city": a stance
    r"|\b(?:says?|said|claims?|claimed)\s+(?:that\s+)?(?:it|they)\s+(?:is|are|was|were)\s+(?:only\s+)?fighting\b"
    # "Cattle raids ... kill hundreds of people in South Sudan each year", "a place where the military
    # still battles remnants of the Shining Path": what happens habitually
    r"|\b(?:each|every|a|per)\s+(?:year|month|week)\b|\bannually\b|\bstill\s+(?:battles|fights|clashes)\b"
    # "The battle of Long Tan became a symbol of Australia's involvement in the Vietnam War": a named battle remembered
    r"|\bthe\s+battle\s+(?:of|for)\s+[\w-]+(?:\s+[\w-]+)?\s+(?:became|was|is|remains|has\s+become|marked)\b"
    # '"The young men are fighting with guns bought with coffee money," said Pastor ...': a quote's present
    r"|[\"\u201c](?:[^\"\u201d]{0,80}?\s)?(?:is|are)\s+(?:still\s+)?fighting\b"
    # "two of the criminal gangs fighting for control of drug trafficking routes": a rivalry
    r"|\b(?:fighting|battling|vying|competing|warring)\s+(?:for|over)\s+(?:the\s+)?(?:control|territory|dominance|supremacy|turf)\b"
    r"|\b(?:long-running|years-long|decades-long|months-long|protracted|ongoing)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:conflict|war|insurgency|fighting|violence|rebellion|clashes)\b",
    re.IGNORECASE,
)
#: A present perfect (``has escalated``) tells a trend, no incident, when it spans a whole
#: region: "Clashes have intensified across Amhara" ("Heavy fighting has been reported in
#: Sudzha" is a report of one).
_PERFECT = re.compile(r"\b(?:has|have)\s+(?:\w+ly\s+|now\s+|also\s+)?(?:been\s+)?\w+(?:ed|en|wn)\b", re.I)
_WIDE = re.compile(
    r"\b(?:across|throughout|all over)\s+(?:the\s+|much\s+of\s+|large\s+parts\s+of\s+)?[\w-]+"
    r"|\bin (?:the|that|this) (?:region|country|area|province|state)\b|\b(?:parts|much) of\b",
    re.IGNORECASE,
)
#: A spell of hours or days: a recent episode, however it is told.
_RECENT_SPELL = re.compile(
    r"\bfor (?:more than |over |nearly |almost |about |some |the (?:past|last) )?(?:a |an |two |three |four |five |"
    r"several |\d+ |a few )?(?:hours?|days?|nights?)\b|\bin recent days\b|\bsince (?:dawn|daybreak|the morning)\b",
    re.IGNORECASE,
)
_ONGOING_HINTS = ("has ", "have ", "had ", "continu", "rage", "persist", "drag", "simmer", "grip", "engulf",
                  "plague", "ravage", "for ", "long", "ongoing", "protracted", "years", "decades", "fighting",
                  "battling", "vying", "competing", "warring", "each ", "every ", "a year", "per ", "annually",
                  "still ", "battle of", "battle for")


def _ongoing(text: str, low: str, a: int, b: int) -> bool:
    """Whether the clause around ``text[a:b]`` (a trigger) tells a conflict's state, not an
    incident: see :data:`_ONGOING`."""
    if not any(h in low for h in _ONGOING_HINTS):
        return False
    lo, hi = _clause_around(text, a, b)
    if _RECENT_SPELL.search(text, lo, hi):
        return False  # "Fighting has raged in Sudzha for three days": a recent episode
    if _ONGOING.search(text, lo, hi):
        return True
    return bool(_PERFECT.search(text, lo, hi) and _WIDE.search(text, lo, hi))


#: The origin of a war told as background: what follows is no incident of the story.
_WAR_ORIGIN_HINTS = ("triggered", "sparked", "began", "started", "erupted", "broke out", "ignited", "set off")
_WAR_ORIGIN_VERBS = "|".join(h.replace(" ", r"\s+") for h in _WAR_ORIGIN_HINTS)
_WAR_ORIGIN = re.compile(
    # "The conflict in the North-West and South-West regions erupted in 2017, when separatists declared ..."
    r"\b(?:war|conflict|crisis|insurgency|uprising|rebellion)(?:\s+(?:in|of|between|and|the|[A-Z][\w'-]*)){0,6}?\s+(?:was\s+|were\s+)?"
    rf"(?:{_WAR_ORIGIN_VERBS})\s+(?:in\s+(?P<year>(?:19|20)\d\d),?\s+)?(?:by|with|after|when|following)\b",
    re.IGNORECASE,
)
#: A battle told as the backdrop of the sentence's incident: "Shelling ... killed fourteen
#: people ..., as fighting intensified around the last major city in Darfur held by the army"
#: (it had been a battle in Darfur beside the shelling).
_BACKDROP_VERBS = "intensified|escalated|raged|continued|spread|mounted|grew|worsened|flared|dragged on"
_BACKDROP = re.compile(
    r"\bas\s+(?:the\s+)?(?:heavy\s+|fierce\s+|intense\s+)?(?P<t>fighting|clashes|battles?|violence)\s+"
    rf"(?:{_BACKDROP_VERBS})\b",
    re.IGNORECASE,
)
_BACKDROP_WORDS = re.compile(rf"\b(?:{_BACKDROP_VERBS.replace(' on', '')})\b")


def _incidents(sent: _Sentence, triggers: list[Trigger], published: dt.date | None) -> list[Trigger]:
    """``triggers`` but those telling no incident: a battle told as the backdrop of another
    (:data:`_BACKDROP`), what follows a war's origin told undated (:data:`_WAR_ORIGIN`), and
    a conflict's state (:func:`_ongoing`) in a sentence with no figure and no day of its own:
    "Fighting ... has spread across Amhara"."""
    if not triggers:
        return triggers
    low = sent.low or sent.text.lower()
    if " as " in low and _BACKDROP_WORDS.search(low):
        triggers = [t for t in triggers if not any(m.start("t") == t.start for m in _BACKDROP.finditer(sent.text))]
    if any(w in low for w in _WAR_ORIGIN_HINTS) and (origin := _WAR_ORIGIN.search(sent.text)) is not None and (
            (origin.group("year") and published is not None and int(origin.group("year")) < published.year)
            or not _segment_date(sent, (0, len(sent.text)), published, origin.end()).explicit):
        # "The war was triggered by the Hamas-led attack on southern Israel in which about 1,200
        # people were killed": the war's origin, told undated, is no incident of the story
        triggers = [t for t in triggers if t.start < origin.start()]
    if any(c.best is not None for c in sent.casualties) or sent.separate():
        return triggers  # (a vague toll, "thousands", is no incident's figure of its own)
    if "abuses" in low or "atrocities" in low or "violations" in low or "crimes" in low:
        # "HRW said in a report last month that both jihadists and government-aligned forces had
        # committed abuses against civilians ..., including summary executions": a report's
        # findings over time, dated by the report, no incident (it had been one at Kaya)
        triggers = [t for t in triggers if not _ABUSES.search(sent.text, *_clause_around(sent.text, t.start, t.end))]
    return [t for t in triggers if not (
        _ongoing(sent.text, sent.low or "", t.start, t.end)
        and not _segment_date(sent, (0, len(sent.text)), published, t.start).explicit)]


_ABUSES = re.compile(
    r"\b(?:committed|committing|commit|perpetrated|carried out)\s+(?:[\w-]+\s+){0,2}?(?:abuses|atrocities|"
    r"violations|war crimes|crimes against humanity)\b",
    re.IGNORECASE,
)


#: A time of a named year: "over Christmas 2023", "in the summer of 2022", "in early 2021",
#: "March 2021". Of a year before the publication's, a figure of its clause is that time's toll.
_YEAR_TIME = re.compile(
    rf"\b(?:(?:christmas|easter|ramadan|eid|new year['\u2019]?s?(?: eve| day)?|summer|winter|spring|autumn|"
    rf"{_MONTH_NAMES})(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?,?\s+(?:of\s+)?|(?:in|over|during|throughout|by|until|before)\s+"
    r"(?:early\s+|late\s+|mid-?)?)(?P<year>(?:19|20)\d\d)\b(?![-\u2013/]\d)",
    re.IGNORECASE,
)
_YEAR_DIGITS = re.compile(r"\b(?:19|20)\d\d\b")


def _past_years(text: str, published: dt.date | None) -> list[tuple[int, int]]:
    """Spans of :data:`_YEAR_TIME` phrases of a year before ``published``'s."""
    if published is None or _YEAR_DIGITS.search(text) is None:
        return []
    return [m.span() for m in _YEAR_TIME.finditer(text) if int(m.group("year")) < published.year]


#: A stretch of past years: "between 1978 and 1982", "from 2011 to 2016".
_YEAR_SPAN = re.compile(
    r"\b(?:between|from) (?:19|20)\d\d (?:and|to|until|through) (?P<end>(?:19|20)\d\d)\b", re.IGNORECASE)
#: What ends the predicate a stretch of years closing the sentence scopes ("..., a state where
#: 1,000 were killed between 2011 and 2024": the figures before "where" are not that stretch's).
_SCOPE_BREAK = re.compile(
    r";|\b(?:where|which|who|whom|whose|that|when|while|as|but|after|before|since)\b", re.IGNORECASE)


def _range_scoped(text: str, published: dt.date | None, a: int, b: int) -> bool:
    """Whether ``text[a:b]`` (a figure or an event phrase) is of a stretch of past years the
    sentence tells: "troops under his command killed at least 1,200 people, raped dozens of
    women ... in the northern department of Quiche, between 1978 and 1982" (its clause shows no
    period; it had been an event of the publication's month), or one the sentence opens on."""
    if published is None or ("between " not in text and "from " not in text):
        return False
    for m in _YEAR_SPAN.finditer(text):
        if int(m.group("end")) >= published.year:
            continue
        if m.start() >= b and _SCOPE_BREAK.search(text, b, m.start()) is None:
            return True
        if m.end() <= a and m.start() <= 12 and _SCOPE_BREAK.search(text, m.end(), a) is None:
            return True
    return False


def _set_background_aside(sent: _Sentence, published: dt.date | None = None) -> None:
    """Move the sentence's background figures from ``casualties`` to ``background``."""
    text = sent.text
    past = _past_years(text, published)
    if not past and not _may_be_period(sent):
        return  # most sentences: no sign of a period or a war's toll at all
    process = _process_tolls(text)
    if not past and _PERIOD.search(text) is None and _WAR_TOLL.search(text) is None and not process:
        return
    keep: list[CasualtyMention] = []
    prev_end, prev_bg = 0, False
    fronted = _fronted_period(text)
    if past and not fronted and _FRONTED.match(text) is not None:
        # "In March 2021, jihadists killed 141 people": the opening clause's time scopes it all
        m = _CLAUSE_END.search(text)
        fronted = m is not None and m.start() <= 80 and any(e <= m.start() for _, e in past)
    for c in sent.casualties:
        a, b = max(0, sent.rel(c.span)), max(0, c.span.end - sent.start)
        lo, hi = _clause_around(text, a, b)
        bg = (
            fronted
            or any(lo <= ps and pe <= hi for ps, pe in past)
            or _period_in(text, lo, hi)
            or _range_scoped(text, published, a, b)
            or any(a - m.end() <= 40 for m in _WAR_TOLL.finditer(text, 0, a))
            or any(m.end() <= a and a - m.end() <= 40 for m in process)
            or (prev_bg and _JOINED_FIGURE.match(text[prev_end:a]) is not None)
        )
        (sent.background if bg else keep).append(c)
        prev_end, prev_bg = b, bg
    sent.casualties = keep


# --- locations and actors ----------------------------------------------------------

_KIND_RANK = {
    PlaceKind.DISTRICT: 0, PlaceKind.VILLAGE: 0, PlaceKind.TOWN: 0, PlaceKind.CITY: 0,
    PlaceKind.OTHER: 1, PlaceKind.ADMIN2: 2, PlaceKind.ADMIN1: 3, PlaceKind.COUNTRY: 4,
    PlaceKind.CONTINENT: 5,
}  # fmt: skip
_PRECISION_RANK = {
    GeoPrecision.POINT: 0, GeoPrecision.ADMIN2: 1, GeoPrecision.ADMIN1: 2,
    GeoPrecision.COUNTRY: 3, GeoPrecision.UNKNOWN: 4,
}  # fmt: skip
_LOCATIVE = _AsciiCaseFree(
    r"\b(?:in|into|inside|across|throughout|within|near|of|at|on|towards?)\s+(?:the\s+)?"
    r"(?:(?:north|south|east|west|central|mid)[\w-]*\s+)?$"  # "in northern Iraq"
)
_SPEECH_AFTER = re.compile(
    r"^\s+(?:(?:has |had )?(?:said|says|say|claimed|claims|denied|denies|announced|insisted|"
    r"accused|warned|demanded|launched|fired|attacked|shelled|struck))\b",
    re.IGNORECASE,
)
_STATE_VERB_AFTER = re.compile(
    r"^\s+(?:has|had|is|was|did|does|will|would|continued|continues)\b", re.IGNORECASE
)
_POSSESSIVE_AFTER = re.compile(r"^'s?\b")
_OWNS_NEXT = re.compile(r"^'s?\s+(?:\w+\s+){0,2}$")  # "Russia's [latest] recapture"
_MILITARY_AFTER = re.compile(
    r"^'s?\s+(?:\w+\s+)?(?:troops|forces|army|military|soldiers|armed forces|navy|air force)\b",
    re.IGNORECASE,
)
#: A sentence that opens on the event told before: "The strike killed 12", "The attack left".
#: Also a recap by its day: "Sunday's strike, which killed 21 people, was the deadliest this year".
#: A clause that tells another incident than its sentence's others: "while residents said a
#: separate drone strike had killed nine civilians" (matched up to its trigger).
#: Right before a trigger told as one more incident: "..., while another strike on a tent near
#: Khan Yunis killed five": what the next sentences tell is the story's, not this one's.
_ANOTHER_BEFORE = re.compile(r"\b(?:another|a\s+second|a\s+further|a\s+third)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
_SEPARATE_CLAUSE = re.compile(r"\b(?:a|another)\s+separate\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
_SAME_EVENT = re.compile(
    r"\s*(?:The|This|That|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Yesterday)['\u2019]s"
    r"(?: (?:night|morning|evening|overnight))?) (?:latest |overnight |morning |deadly )?"
    r"(?:(?!(?:first|second|third|other|another|earlier|previous|separate|last|next|new)\b)[\w-]+ )?(?:strike|attack|"
    r"blast|explosion|shelling|bombing|raid|assault|barrage|bombardment)s?(?:,? (?:which|that))? (?:has |had )?"
    r"(?:killed|left|wounded|injured|claimed)\b"
)
#: A sentence that says it tells another incident ("In a related development, troops killed
#: 15 bandits", "In a separate operation"): its figures are not the story's before it.
_SEPARATE = re.compile(
    r"\W*(?:in (?:a|another) (?:separate|related|different|similar|second) (?:\w+ )?"
    r"(?:development|incident|operation|attack|raid|strike|clash|case)|separately|elsewhere|"
    r"meanwhile|in another (?:incident|attack|development)|"
    r"[^.;]{0,80}?\b(?:said|says|reported|announced|added|stated) separately)\b",
    re.IGNORECASE,
)
#: "Saturday's attack came days after a bombing on Wednesday": what follows "after" is an
#: earlier incident, not the story's (its day and figures had become the story's).
_EARLIER_INCIDENT = re.compile(
    r"\b(?:came|comes|coming|follows|followed|following|happened|occurred|took\s+place)\s+(?:just\s+|only\s+|barely\s+)?"
    r"(?:(?:a|an|one|two|three|four|five|six|several|a few|\d+)\s+)?(?:days?|weeks?|months?|hours?)\s+after\b"
    r"|\b(?:came|comes)\s+(?:just\s+|only\s+|shortly\s+)?after\b"
    r"|,\s+(?:just\s+|only\s+|barely\s+)?(?:hours|a\s+day|days)\s+after\b"  # "..., hours after insurgents shot dead"
    # "..., barely one week after a similar attack in neighbouring Ruwi community left 52 people dead"
    r"|,\s+(?:just\s+|only\s+|barely\s+|less\s+than\s+|more\s+than\s+)?(?:a|an|one|two|three|four|five|six|several|a\s+few|\d+)\s+"
    r"(?:days?|weeks?|months?)\s+after\b",
    re.IGNORECASE,
)
_TITLE_AFTER = re.compile(r"\b(?:after|following|days after|hours after|in response to|in retaliation for)\s", re.IGNORECASE)
#: A sentence opening on the story's event by its day: "Saturday's attack came days after ...".
_DAY_RECAP = re.compile(
    r"\W*(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)['\u2019]s (?:[\w-]+ ){0,2}?"
    r"(?:strike|attack|blast|explosion|shelling|bombing|raid|assault|ambush|barrage|bombardment|killings?|"
    r"massacre|violence|clash(?:es)?)s?\b",
    re.IGNORECASE,
)
#: A sentence opening on one of several strikes by its ordinal: "The second strike killed three".
_ORDINAL_PART = re.compile(
    r"\W*(?:(?:the|a) (?P<n>first|second|third|fourth|fifth|final|last|other)|(?P<a>another)) "
    r"(?:[\w-]+ ){0,2}?(?:strikes?|airstrikes?|attacks?|blasts?|explosions?|bombs?|bombings?|missiles?|drones?|"
    r"shells?|rockets?|raids?)\b",
    re.IGNORECASE,
)
#: The next sentence dates the event just told: "The attacks took place on Saturday night".
#: A victim's later death: "died on Monday of wounds suffered when ...".
_DIED_OF_WOUNDS = re.compile(
    r"\b(?:died|succumbed)\b(?:\s+[\w,]+){0,4}?\s+(?:of|from|to)\s+(?:his|her|their|the)?\s*(?:wounds|injuries)\b",
    re.IGNORECASE,
)


def _death_day(text: str, date: ResolvedDate) -> bool:
    """Whether the day is a wounded victim's death, told in the sentence ("A third police
    officer died on Monday of wounds suffered when drones hit a police station"), not the
    incident's: the next sentence's "The attack took place late on Sunday" dates it."""
    if not date.explicit or date.span is None:
        return False
    m = _DIED_OF_WOUNDS.search(text)
    return m is not None and m.start() <= date.span[0] < m.end() + 20


_TOOK_PLACE = re.compile(
    r"^\W*(?:The|This|That|These|Those) (?:\w+ )?(?:attacks?|strikes?|raids?|bombings?|blasts?|explosions?|"
    r"shelling|assaults?|ambush|incident|killings?|massacre|clashes|fighting|airstrikes?|air strikes?|jet|"
    r"drones?|missiles?) (?:\w+ )?(?:took place|happened|occurred|was carried out|were carried out|struck|hit|"
    r"began|started)\b"
)
#: A toll raised later in the story ("the number of dead has risen to 11", "the death toll
#: climbed to 19"): the last event's, however far after it (it had been dropped beyond three
#: sentences).
_TOLL_UPDATE = re.compile(
    r"\b(?:(?:death )?toll|number of (?:dead|deaths|people killed|victims|injured|wounded)|dead|wounded|injured)\b"
    r"[^.;]{0,40}?\b(?:has |had |have )?(?:risen|rose|climbed|increased|jumped|grown|grew|reached|now stands|stood)\b",
    re.IGNORECASE,
)
_ANAPHOR = _AsciiCaseFree(
    r"\b(?:there|nearby|the (?:village|town|city|area|region|district|settlement|province))\b"
)
_CIVILIAN_WORDS = _CaseFree(
    r"\b(?:civilians?|residential|children|residents|villagers|women|passers-by)\b"
)
assert _CIVILIAN_WORDS.first_words is not None
_CIVILIAN_HEADS = _CIVILIAN_WORDS.first_words
_CIVILIAN_KINDS = frozenset(
    "civilians civilian children child people residents adults women villagers".split()
)


def _kind(p: PlaceMention) -> PlaceKind | None:
    return p.resolved.kind if p.resolved is not None else None


def _region_fallback(p: PlaceMention) -> bool:
    """A settlement the gazetteer lacks, resolved to its region only: the text names
    something finer than ``resolved`` ("Popovka" -> Belgorod Oblast)."""
    r = p.resolved
    if r is None or r.kind not in (PlaceKind.ADMIN1, PlaceKind.ADMIN2):
        return False
    return _names_other(p.surface, r.name)


@lru_cache(maxsize=4096)
def _names_other(surface: str, name: str) -> bool:
    """Neither name contains the other (case, spaces, punctuation and a compass word's form
    aside: "North Darfur" is GeoNames' "Northern Darfur", no village of it)."""
    folded = _fold(surface)
    return bool(folded) and folded not in _fold(name) and _fold(name) not in folded


_COMPASS_FORM = re.compile(r"\b(north|south|east|west)(?:ern)\b")


@lru_cache(maxsize=4096)
def _fold(s: str) -> str:
    return "".join(ch for ch in _COMPASS_FORM.sub(r"\1", s.casefold()) if ch.isalnum())


def _is_country_level(p: PlaceMention) -> bool:
    return _kind(p) in (PlaceKind.COUNTRY, PlaceKind.CONTINENT)


@dataclass(slots=True)
class _PlaceFacts:
    """What the text around one place of a sentence says of it, read once per sentence
    (location candidates, actor cues and ranking all ask)."""

    place: PlaceMention
    pos: int  # sent.rel(place.span)
    after: str  # the 40 characters after it
    #: a state speaking or acting: 'Moscow said', 'Kyiv's troops', 'Russia has'
    state: bool
    #: not where something happened: a state acting, or a country's possessive ("Russia's
    #: neighbouring Kursk region")
    metonym: bool
    possessive: bool  # "'s" follows
    #: country-level and no locative before it ("positions in northern Iraq" is where)
    bare_country: bool


def _place_facts(sent: _Sentence) -> list[_PlaceFacts]:
    """:class:`_PlaceFacts` of each of ``sent.places``, in order (read once)."""
    if sent.place_facts is None:
        sent.place_facts = [_facts_of(sent, p) for p in sent.places]
    return sent.place_facts


def _facts_of(sent: _Sentence, p: PlaceMention) -> _PlaceFacts:
    pos = sent.rel(p.span)
    end = pos + len(p.span.text)
    after = sent.text[end : end + 40]
    possessive = _POSSESSIVE_AFTER.match(after) is not None
    kind = _kind(p)
    if p.role == "metonym":
        state = metonym = True
    elif kind not in (PlaceKind.COUNTRY, PlaceKind.CITY, None):
        state = metonym = False
    else:
        state = bool(_SPEECH_AFTER.match(after) or _MILITARY_AFTER.match(after)) or (
            kind is PlaceKind.COUNTRY and _STATE_VERB_AFTER.match(after) is not None
        )  # "Russia has ..." is the state acting; "Kharkiv was retaken" is a place
        metonym = state or (kind is not None and possessive)
    bare = kind in (PlaceKind.COUNTRY, PlaceKind.CONTINENT) and not _LOCATIVE.search(
        sent.text[max(0, pos - 20) : max(0, pos)]
    )
    return _PlaceFacts(p, pos, after, state, metonym, possessive, bare)


#: After a country: its frontier, which says where something is near, not where it was
#: ("mosque attack near Mali border" in Niger had made an event in Mali).
_BORDER_AFTER = re.compile(r"(?:-[A-Z][\w'-]*)?\s+(?:border|frontier)\b", re.IGNORECASE)


def _location_candidates(sent: _Sentence) -> list[PlaceMention]:
    """Places of the sentence that may be where something happened (read once)."""
    if sent.location_candidates is None:
        found = [
            f for f in _place_facts(sent)
            if f.place.role == "location" and not f.metonym and not f.bare_country
            and not f.after.startswith("-based")  # "the Abuja-based SBM Intelligence"
            and not (_kind(f.place) is PlaceKind.COUNTRY and _BORDER_AFTER.match(f.after))
        ]  # fmt: skip
        # a road named by its ends ("the Imphal-Dimapur highway in Kangpokpi district") or a
        # place someone came from ("a man from Hebron"): only when nothing else is named
        aside = [f for f in found if _ROAD_AFTER.match(f.after) or _FROM_BEFORE.search(sent.text, max(0, f.pos - _FROM_WINDOW), f.pos)]
        kept = [f for f in found if f not in aside] or found
        # "U.S. air strikes on the Red Sea port city of Hodeidah": the descriptor names Hodeidah
        starts = {f.pos for f in kept}
        kept = [f for f in kept if not ((m := _DESCRIBES.match(f.after)) is not None
                                        and f.pos + len(f.place.surface) + m.end() in starts)]
        sent.location_candidates = [f.place for f in kept]
    return sent.location_candidates


#: After a place that describes the next settlement: "Red Sea port city of", "Gaza city of"
#: ("the Sahar district of Saada province" is Sahar's).
_DESCRIBES = re.compile(
    r"\s+(?:[\w-]+\s+){0,2}?(?:city|town|village|port)\s+of\s+"
    r"(?:the\s+)?", re.IGNORECASE)
#: After a place that names a road, by its ends or alone: "Imphal-Dimapur highway" (either
#: end), "the Kabul road".
_ROAD_AFTER = re.compile(r"^(?:-[A-Z][\w'-]*\s+|\s+)(?:national\s+)?(?:highway|road|expressway|motorway)\b")
#: Before a place someone came from: "a man from Hebron", "six men from the eastern Punjab
#: province" (the victims' home, not where they were shot: it had placed a killing near Kalat,
#: Balochistan, in Punjab).
_FROM_BEFORE = re.compile(
    r"\bfrom\s+(?:the\s+)?(?:(?:north|south|east|west|central)[\w-]*\s+|neighbou?ring\s+|nearby\s+)?"
    r"(?:(?:town|city|village|province|region|district|state)\s+of\s+)?$",
    re.IGNORECASE,
)
_FROM_WINDOW = 40


_CLAUSE_SPLIT = re.compile(
    r",\s+(?!(?:which|who|whom|whose|where|that|when)\b)|\s[\u2013\u2014-]\s|;|:"
)


def _same_clause(sent: _Sentence, a: int, b: int) -> bool:
    """No clause break between positions ``a`` and ``b`` (relative clauses stay with
    their antecedent: "the town of Sudzha, which was retaken")."""
    lo, hi = min(a, b), max(a, b)
    return _CLAUSE_SPLIT.search(sent.text, lo, hi) is None


#: Between an event phrase and the place it happened: "strike on the centre of Sumy",
#: "shelled El Fasher", "clashes near".
_TRIGGER_OBJECT = re.compile(
    r"\s*(?:(?:[\w-]+\s+){0,3}?(?:on|in|at|near|against|into|over|across|outside|inside|"
    r"around)\s+)?(?:the\s+)?(?:(?:centre|center|outskirts|heart|edge|suburbs?|streets?|(?:north|south|"
    r"east|west)\w*\s+part|part)\s+of\s+(?:the\s+)?)?",
    re.IGNORECASE,
)


def _rank(
    p: PlaceMention, anchor: int, sent: _Sentence, trig_end: int | None = None
) -> tuple[int, int, int, int, float, int, int]:
    """A dateline's place last, then the place the trigger's own phrase names ("strike on
    the centre of Sumy"), then places in the trigger's clause, then the most specific kind,
    then nearest the trigger (objects and "in X" follow it, so places after it are
    preferred), then gazetteer precision."""
    r = p.resolved
    kind_rank = _KIND_RANK.get(r.kind, 1) if r is not None else 1
    if _region_fallback(p):
        kind_rank = 0
    prec = _PRECISION_RANK.get(r.precision, 4) if r is not None else 4
    pos = sent.rel(p.span)
    d = pos - anchor
    clause = 0 if _same_clause(sent, pos, anchor) else 1
    named = 1
    if trig_end is not None and trig_end <= pos:
        # a settlement the phrase names; a region it names yields to finer places in it
        # only ("raid in Jenin kills four as Tulkarm operation ..." is Jenin's)
        m = _TRIGGER_OBJECT.match(sent.text, trig_end, pos)
        if m is not None and m.end() == pos:
            named = 0 if kind_rank <= _KIND_RANK[PlaceKind.CITY] or not any(
                q is not p and q.resolved is not None and r is not None and r.region
                and q.resolved.region == r.region for q in _location_candidates(sent)) else 1
    return _is_dateline_place(sent, p), named, clause, kind_rank, d if d >= 0 else -1.5 * d, prec, p.span.start


def _is_dateline_place(sent: _Sentence, p: PlaceMention) -> int:
    """1 for the place of a dateline opening the sentence ("BAMAKO, Mali (Reuters) -")."""
    pos = sent.rel(p.span)
    return int(pos <= 1 and _DATELINE_AFTER.match(sent.text, pos + len(p.surface)) is not None)


#: After a dateline's place: "BAMAKO, Mali (Reuters) - ", "BEIRUT (AP) — ", "KYIV: ". The
#: dateline says where the report was filed; any other place of the sentence says better
#: where it happened (a camp in Mali's Segou region, not Bamako).
_DATELINE_AFTER = re.compile(r"(?:,\s*[A-Z][\w.' ]{1,40})?\s*(?:\([^)]{1,40}\))?\s*(?:[-—–]{1,2}|:)\s")


def _focus(sentences: Sequence[_Sentence]) -> PlaceMention | None:
    """The document's most-mentioned sub-national place (ties: first mentioned)."""
    counts: Counter[str] = Counter()
    first: dict[str, PlaceMention] = {}
    filed: set[str] = set()  # places only ever told as the dateline's
    for s in sentences:
        for p in _location_candidates(s):
            if p.resolved is None or _KIND_RANK.get(p.resolved.kind, 1) >= 4:
                continue
            key = _place_key(p)
            if key not in counts and _is_dateline_place(s, p):
                filed.add(key)
            elif not _is_dateline_place(s, p):
                filed.discard(key)
            counts[key] += 1
            first.setdefault(key, p)
    if not counts:
        return None
    # "BANGKOK (AP) - A Myanmar military air strike ... in the central Sagaing region": where the
    # report was filed is the focus only when nothing else is told (it had placed the title there)
    best = max(counts, key=lambda k: (k not in filed, counts[k], -first[k].span.start))
    return first[best]


def _place_key(p: PlaceMention) -> str:
    r = p.resolved
    if r is None:
        return f"surface:{p.surface.casefold()}"
    if _region_fallback(p):
        return f"{_fold(p.surface)}|{r.country}|{r.region}|named"
    if r.geonames_id is not None:
        return f"gn:{r.geonames_id}"
    return f"{r.name.casefold()}|{r.country}|{r.region}|{r.kind}"


@lru_cache(maxsize=512)
def _country_name(iso: str) -> str:
    if iso in _SHORT_COUNTRY:
        return _SHORT_COUNTRY[iso]
    import pycountry  # noqa: PLC0415 - loaded only when a non-listed country appears

    c = pycountry.countries.get(alpha_2=iso)
    return getattr(c, "common_name", None) or (c.name if c is not None else iso)


#: Words of a match: two of them in a sentence with no figure and no attackers tell sport.
_SPORT_WORDS = re.compile(
    r"\b(?:FC|goals?|match(?:es)?|league|derby|striker|midfielder|kick-off|penalty|scored|champions|cup|tournament|"
    r"wickets?|innings|fans|coach|season|whistle|win|victory|defeat|draw)\b",
)


def _sport_told(sent: _Sentence) -> bool:
    found = {m.group().lower() for m in _SPORT_WORDS.finditer(sent.text)}
    return len(found) >= 2 and _ATTACKERS.in_sentence(sent) is None


#: A trial told in the sentence: the killing it tells is the case's, long past.
_COURT_CASE = _CaseFree(
    r"\b(?:jailed for|sentenced to|found guilty|court heard|court was told|told the court|told the jury|"
    r"pleaded guilty|pleaded not guilty|was acquitted|were acquitted)\b"
)
#: A drill: what its troops "capture" or "strike" is make-believe.
_EXERCISE = _CaseFree(
    r"\b(?:military|joint|naval|air|live-fire|army|training|command-post|field|combat)\s+(?:exercises?|drills?|manoeuvres|maneuvers)\b"
    r"|\bwar\s+games\b|\bmock\b|\bsimulated\b"
)


def _state_only(a: Actor) -> bool:
    """An actor read from a country's name alone (:func:`_state_actor`)."""
    return a.name.startswith("Armed Forces of ")


def _state_actor(iso: str, role: str, evidence: Span | None) -> Actor:
    return Actor(
        name=f"Armed Forces of {_country_name(iso)}",
        kind=EntityKind.ARMED_GROUP.value,
        role=role,  # type: ignore[arg-type]
        country=iso,
        evidence=evidence,
    )


_BETWEEN = _AsciiCaseFree(
    rf"\bbetween\s+(?P<a>{_DEMONYM})\s+and\s+(?P<b>{_DEMONYM})\s+(?:troops|forces|soldiers|army|"
    r"armies|units|militaries|fighters)\b"
)
#: Between a demonym and the trigger: a side that is no state's ("Haitian gang attack",
#: "Nigerian bandit raid"; the attack had been the Haitian armed forces').
_NON_STATE = re.compile(
    r"\b(?:gangs?|rebels?|militants?|jihadists?|separatists?|insurgents?|militias?|bandits?|cartels?|"
    r"islamists?|extremists?|opposition|protesters?|mobs?|settlers?|guerrillas?|terrorists?|tribal|ethnic|"
    r"herders?|vigilantes?|pirates?)\b",
    re.IGNORECASE,
)
_DEMONYM_BEFORE = _AsciiCaseFree(rf"\b(?P<d>{_DEMONYM})(?:[- ](?:\w+)){{0,2}}[- ]$")
_DEMONYM_FORCES = _AsciiCaseFree(
    rf"\b(?P<d>{_DEMONYM})\s+(?:\w+\s+)?(?:troops|forces|soldiers|army|military|units|navy|"
    r"air force|drones?|missiles?|jets?|warplanes?)\b"
)
_DEMONYM_START = _AsciiCaseFree(rf"(?P<d>{_DEMONYM})\b")
_PASSIVE_BY = re.compile(r"\s+(?:\w+\s+){0,2}?by\s+")
# Whole words the patterns above cannot match without: a cheap test skips their scans.
_DEMONYM_WORDS = frozenset(d.split()[0].encode() for d in _DEMONYM_TO_ISO)
_BETWEEN_WORDS = frozenset((b"between",))




@dataclass(frozen=True, slots=True)
class _ActorCue:
    """A possible actor at ``pos``; its Actor is built only if this cue is chosen."""

    pos: int
    build: Callable[[], Actor]

    @property
    def actor(self) -> Actor:
        return self.build()


def _demonym_actor(sent: _Sentence, iso: str, a: int, b: int) -> Actor:
    return _state_actor(iso, "actor1", sent.span(a, b))


def _bare_demonym(sent: _Sentence, e: EntityMention) -> bool:
    """'Russian' tagged as an armed group but modifying something else ("Russian
    energy infrastructure") is no actor."""
    if e.span.text.casefold() not in _DEMONYM_TO_ISO:
        return False
    end = sent.rel(e.span) + len(e.span.text)
    return not _DEMONYM_FORCES.match(sent.text, sent.rel(e.span), end + 40, low=sent.low)


def _entity_cues(sent: _Sentence) -> list[_ActorCue]:
    """The sentence's armed groups as actor cues, in order (read once)."""
    if sent.actor_cues is None:
        sent.actor_cues = [
            _ActorCue(sent.rel(e.span), partial(
                Actor, name=e.name, kind=e.kind.value, role="actor1", country=e.country,
                evidence=e.span,
            ))
            for e in sent.entities
            if e.kind is EntityKind.ARMED_GROUP and not _bare_demonym(sent, e)
        ]  # fmt: skip
    return sent.actor_cues


def _actor_cues(sent: _Sentence, lo: int, hi: int) -> list[_ActorCue]:
    """Who could be acting in ``sent.text[lo:hi]``: armed groups, states, demonyms."""
    cues = [c for c in _entity_cues(sent) if lo <= c.pos < hi]
    for f in _place_facts(sent):
        pos, p = f.pos, f.place
        if not lo <= pos < hi or p.resolved is None or p.resolved.country is None:
            continue
        if p.role == "modifier":
            continue  # "Russian energy infrastructure"; "Russian forces" is matched below
        if f.state or (f.bare_country and not f.possessive) or (
            f.possessive and _OWNS_NEXT.match(f.after[: hi - pos - len(p.span.text)])
        ):
            cues.append(_ActorCue(pos, partial(_state_actor, p.resolved.country, "actor1", p.span)))
    if _window_may_hold(sent, _DEMONYM_WORDS, lo, hi):
        for m in _DEMONYM_FORCES.finditer(sent.text, lo, hi, low=sent.low):
            iso = _DEMONYM_TO_ISO[m.group("d").lower()]
            build = partial(_demonym_actor, sent, iso, *m.span("d"))
            cues.append(_ActorCue(m.start(), build))
    return cues


def _actors(sent: _Sentence, trig: Trigger, seg: tuple[int, int]) -> list[Actor]:
    text = sent.text
    between = _window_may_hold(sent, _BETWEEN_WORDS, *seg)
    if between and (m := _BETWEEN.search(text, seg[0], seg[1], low=sent.low)) is not None:
        a = _state_actor(_DEMONYM_TO_ISO[m.group("a").lower()], "actor1", sent.span(*m.span("a")))
        b = _state_actor(_DEMONYM_TO_ISO[m.group("b").lower()], "actor2", sent.span(*m.span("b")))
        return [a, b] if a.name != b.name else [a]
    if between and (pair := _between_cues(sent, trig, seg)):
        return pair
    # Passive: "retaken by Russia's armed forces"
    by = _PASSIVE_BY.match(text[trig.end : trig.end + 30])
    if by is not None:
        after = trig.end + by.end()
        cues = [c for c in _actor_cues(sent, after, min(seg[1], after + 40)) if c.pos >= after]
        if cues:
            return [min(cues, key=lambda c: c.pos).actor]
    # Adjective: "Russian missile strike"
    base = max(seg[0], trig.start - 30)
    if _window_may_hold(sent, _DEMONYM_WORDS, base, trig.start) and (
        m := _DEMONYM_BEFORE.search(text[base : trig.start])
    ) is not None and not _NON_STATE.search(text, base + m.end("d"), trig.start):  # not "Haitian gang attack"
        iso = _DEMONYM_TO_ISO[m.group("d").lower()]
        return [_state_actor(iso, "actor1", sent.span(base + m.start("d"), base + m.end("d")))]
    if (m := _DEMONYM_START.match(text[trig.start : trig.end])) is not None:
        iso = _DEMONYM_TO_ISO[m.group("d").lower()]
        return [_state_actor(iso, "actor1", sent.span(trig.start, trig.start + m.end("d")))]
    # Subject: the nearest actor before the trigger in its clause
    clause = seg[0]
    for m in _CLAUSE_BREAK.finditer(text, seg[0], trig.start):
        clause = m.end()
    cues = [c for c in _actor_cues(sent, clause, trig.start) if c.pos < trig.start and not _aside(text, c.pos, trig.start)
            and (trig.family is _F.EXPLOSIONS_REMOTE_VIOLENCE or not _SPEAKS.search(text, c.pos, trig.start))]
    # ("Burkina Faso army says 12 soldiers killed in attack": the army tells it; but "The Israeli
    # military said an aircraft struck" tells its own strike)
    if not cues:
        return []
    nearest = max(cues, key=lambda c: c.pos)  # (on a tie the entity's cue, listed first)
    last = nearest.actor
    if trig.family is _F.BATTLES:
        # "ELN rebels and FARC dissidents fought ...": both subjects are the two sides
        before = [c for c in cues if c.pos < nearest.pos]
        first = max(before, key=lambda c: c.pos).actor if before else None
        if first is not None and first.evidence is not None and first.name != last.name and _JOINED_SIDES.match(
                text, sent.rel(first.evidence) + len(first.evidence.text), nearest.pos):
            return [first, last.model_copy(update={"role": "actor2"})]
    return [last]


#: Between a subject and the trigger: the subject tells the event, it does not act in it.
#: (Not one that tells its own act: "the U.S. military's Africa Command said it had conducted an air
#: strike", "The Syrian army command says it has regained".)
_SPEAKS = re.compile(r"\b(?:says|said|say|claims|claimed|reports|reported|announces|announced|confirms|confirmed|"
                     r"denies|denied|accuses|accused|blames|blamed)\b"
                     r"(?![^.;\"\u201c]{0,80}?\b(?:it|they|its|their|we|our)\b)",
                     re.IGNORECASE)
#: What may stand between two sides joined by "and": "ELN rebels and FARC dissidents",
#: "the army and the paramilitary RSF" (at most two words either side of the "and").
_JOINED_SIDES = re.compile(r"(?:\s+[\w-]+){0,2}\s+and\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)


def _between_cues(sent: _Sentence, trig: Trigger, seg: tuple[int, int]) -> list[Actor]:
    """The sides of "clashes between the Sudanese army and the paramilitary Rapid Support
    Forces": the first two actors after a "between" that follows the trigger in its
    clause, joined by "and" (or the first alone)."""
    text = sent.text
    m = _BETWEEN_AFTER.search(text, trig.end, min(seg[1], trig.end + 40))
    if m is None:
        return []
    end = seg[1]
    if (brk := _CLAUSE_BREAK.search(text, m.end(), end)) is not None:
        end = brk.start()
    sides: dict[str, tuple[int, Actor]] = {}
    for c in sorted(_actor_cues(sent, m.end(), end), key=lambda c: c.pos):
        if len(sides) < 2 and (actor := c.actor).name not in sides:
            sides[actor.name] = (c.pos, actor)  # an army is often cued twice (entity, demonym)
    if not sides:
        return []
    (_, a), *rest = sides.values()
    if not rest or a.evidence is None or not _JOINED_SIDES.match(
            text, sent.rel(a.evidence) + len(a.evidence.text), rest[0][0]):
        return [a]  # "between the RSF and residents": one armed side
    return [a, rest[0][1].model_copy(update={"role": "actor2"})]


_BETWEEN_AFTER = re.compile(r"\bbetween\s", re.IGNORECASE)


#: A comma clause that opens on one of these is an aside: "In Rakhine, where the Arakan Army
#: controls 14 of the state's 17 townships, an air strike ...".
_ASIDE_OPEN = re.compile(
    r"\s*(?:where|which|who|whom|whose|when|while|whereas|although|though|because|since|after|as|"
    r"once|until|if|despite)\b",
    re.IGNORECASE,
)


def _aside(text: str, pos: int, trig: int) -> bool:
    """Whether the cue at ``pos`` lies in an aside closed before the trigger at ``trig``
    (its subject is the aside's verb's, not the trigger's)."""
    close = text.find(",", pos, trig)
    if close < 0:
        return False
    open_ = text.rfind(",", 0, pos)
    return _ASIDE_OPEN.match(text, open_ + 1 if open_ >= 0 else 0) is not None and open_ >= 0


# --- assembly ---------------------------------------------------------------------


@dataclass(slots=True)
class _Candidate:
    family: EventType
    sub_type: str
    order: tuple[int, int]  # (sentence index, trigger start): document order
    sentence: _Sentence
    location: PlaceMention
    date: ResolvedDate
    actors: list[Actor]
    casualties: list[CasualtyMention]
    evidence: list[Span]
    civilian_context: Span | None
    #: (order, sentence) of the earliest candidate merged in: the event's summary
    lead: tuple[tuple[int, int], _Sentence] | None = None
    #: told as an earlier, other incident ("came days after a bombing that killed five"): merges with none
    apart: bool = False
    #: figures of each of several strikes told one by one ("The first strike ..., killing seven.
    #: The second strike killed three"): they add up (see _add_part)
    parts: list[list[CasualtyMention]] = field(default_factory=list)
    own: int = 0  # how many of ``casualties`` its own trigger told
    plural: bool = False  # its trigger is plural ("air strikes hit ..."): its figures may be a total
    #: groups that claimed it ("Islamic State claimed responsibility"): its actor1 if the
    #: event, once merged, has none (see _credit_claim)
    claimed: list[Actor] = field(default_factory=list)
    #: a total's dead its incidents told one by one leave untold (see _split_aggregates)
    remainder: int | None = None
    #: its day is another clause's of its sentence: its own words tell none (see _group)
    borrowed_day: bool = False
    #: told as "a separate drone strike": another incident than its sentence's other clauses
    #: (see _told_apart_later)
    separate_clause: bool = False

    def add_part(self, figures: Sequence[CasualtyMention], ordinal: str) -> None:
        """Add the figures of one of the event's strikes, told by its ordinal; an event told
        by one strike ("An air strike killed seven ... A second strike killed three") is the first."""
        if not self.parts and ordinal != "first" and not self.plural:
            self.parts.append(self.casualties[: self.own])
        self.parts.append(list(figures))

    def first_told(self) -> tuple[tuple[int, int], _Sentence]:
        return self.lead or (self.order, self.sentence)


#: A figure told by the means right after it: "killing 17 civilians in an air strike".
_BY_MEANS_BEFORE = re.compile(r"\b(?:in|by|with)\s+(?:an?|the|their|its|two|three|several)\s+(?:[\w-]+\s+){0,2}$")


def _means_clause(text: str, triggers: Sequence[Trigger], k: int) -> int | None:
    """Where the clause of trigger ``k`` opens when a figure before it is told by it as the
    means ("..., medics said, while the RSF accused the army of killing 17 civilians in an
    air strike on Nyala"): the 17 is the air strike's, not the shelling's before it."""
    t = triggers[k]
    prev_end = triggers[k - 1].end
    if not _BY_MEANS_BEFORE.search(text, max(prev_end, t.start - 40), t.start):
        return None
    ends = [m.end() for m in _CLAUSE_END.finditer(text, prev_end, t.start)]
    return ends[-1] if ends else None


def _own_range(text: str, triggers: Sequence[Trigger], k: int) -> tuple[int, int]:
    """The figures' share of trigger ``k``: from it (the first, from the sentence's start)
    to the next trigger, or to the clause of the next told by it as its means."""
    lo = 0
    if k:
        lo = triggers[k].start
        if (cut := _means_clause(text, triggers, k)) is not None:
            lo = cut
    hi = len(text)
    if k + 1 < len(triggers):
        hi = triggers[k + 1].start
        if (cut := _means_clause(text, triggers, k + 1)) is not None:
            hi = cut
    return lo, hi


def _segments(triggers: Sequence[Trigger], n: int) -> list[tuple[int, int]]:
    """Each trigger owns the text from the previous trigger's end to the next's start."""
    out = []
    for i, _t in enumerate(triggers):
        lo = triggers[i - 1].end if i else 0
        hi = triggers[i + 1].start if i + 1 < len(triggers) else n
        out.append((lo, hi))
    return out


_SETTLEMENTS_IN = _AsciiCaseFree(
    r"\b(?:towns|villages|cities|settlements|communities|localities|hamlets|areas)\s+"
    r"(?:\w+\s+)?in\s+(?:the\s+)?$"
)
_SETTLEMENT_KINDS = frozenset((PlaceKind.CITY, PlaceKind.TOWN, PlaceKind.VILLAGE))


def _regional_reading(sent: _Sentence, p: PlaceMention) -> PlaceMention:
    """"towns in Belgorod": what holds towns is a region, so a city read where its
    same-named region is a candidate reading ("Belgorod" -> Belgorod Oblast) becomes that
    region. A region-level event is then absorbed by a finer one inside it (_group)."""
    r = p.resolved
    if r is None or r.kind not in _SETTLEMENT_KINDS or not r.region:
        return p
    pos = p.span.start - sent.start
    if not _SETTLEMENTS_IN.search(sent.text, max(0, pos - 40), max(0, pos), low=sent.low):
        return p
    surface = _fold(p.surface)
    region = next(
        (c for c in p.candidates
         if c.kind in (PlaceKind.ADMIN1, PlaceKind.ADMIN2) and c.region == r.region
         and surface and surface in _fold(c.name)),
        None,
    )  # fmt: skip
    if region is None:
        return p
    rest = [r, *(c for c in p.candidates if c is not region)]
    return p.model_copy(update={"resolved": region, "candidates": rest})


def _choose_location(
    sents: Sequence[_Sentence], sent: _Sentence, trig: Trigger, seg: tuple[int, int]
) -> PlaceMention | None:
    cands = _location_candidates(sent)
    in_seg = [p for p in cands if seg[0] <= sent.rel(p.span) < seg[1]]
    pool = in_seg or cands
    far = [p for p in pool if _far_reference(sent, p)]
    if far:
        # "on the northern edge of the city, about 230 km (140 miles) west of the capital Sanaa":
        # a place far from where it happened says only how far (it had been the strike's place)
        pool = [p for p in pool if p not in far]
        cands = [p for p in cands if p not in far]
    if len(pool) > 1:
        # a reference point yields to a settlement the sentence names: "residents of Navolato,
        # a municipality about 30 kilometers west of Culiacan, found the bodies" (it had been
        # Culiacan); "a tent in the al-Mawasi area west of Khan Younis" keeps Khan Younis
        refs = [p for p in pool if _REFERENCE_BEFORE.search(sent.text, max(0, sent.rel(p.span) - 30), sent.rel(p.span))]
        if refs and any(p.resolved is not None and p.resolved.kind in _SETTLEMENT_KINDS
                        and 0 < refs[0].span.start - p.span.end <= 80 for p in pool if p not in refs):
            pool = [p for p in pool if p not in refs]  # the place told first, then its reference point
    if pool:
        best = pool[0] if len(pool) == 1 else min(
            pool, key=lambda p: _rank(p, trig.start, sent, trig.end)
        )
        if _is_dateline_place(sent, best) and best.resolved is not None:
            # "BEIRUT, June 16 (AFP) - Clashes ... and a roadside bomb have left at least 11 people
            # dead in Syria": the report is filed in one country, its sentence puts the event in
            # another; a place of that other country is where (it had been a battle at Beirut, Lebanon)
            abroad = [p for p in cands if p.resolved is not None and p.resolved.country != best.resolved.country
                      and not _is_dateline_place(sent, p)]
            if abroad:
                best = min(abroad, key=lambda p: _rank(p, trig.start, sent, trig.end))
        return _regional_reading(sent, best)
    if not _ANAPHOR.search(sent.text, low=sent.low):
        return None
    countries = {p.resolved.country for p in sent.places if p.resolved is not None}
    for j in (sent.index - 1, sent.index + 1):
        if not 0 <= j < len(sents):
            continue
        near = [
            p for p in _location_candidates(sents[j])
            if not countries or (p.resolved is not None and p.resolved.country in countries)
        ]  # fmt: skip
        if near:
            # the antecedent of "there" is usually the neighbour's topic: its first
            # sub-national place
            sub = [p for p in near if not _is_country_level(p)] or near
            # not the dateline ("PORT SUDAN, June 9 (Reuters) - Shelling ... in El Fasher":
            # "the city" after it is El Fasher)
            nb = sents[j]
            return min(sub, key=lambda p: (_is_dateline_place(nb, p), p.span.start))
    return None


#: Days before publication beyond which an incident told after the lead, with no story of the
#: article's own before it, is background (see _candidates).
_BACKGROUND_DAYS = 30
#: A year naming the incident a trigger tells: "the 2016 Brussels bombings", "the March 2016
#: suicide bombings" (see _candidates).
_YEAR_BEFORE = re.compile(r"\b((?:19|20)\d\d)(?:['\u2019]s)?\s+(?:[\w-]+\s+){0,2}$")


def _without_other_clause(
    sent: _Sentence, trig: Trigger, loc: PlaceMention | None, cas: list[CasualtyMention]
) -> list[CasualtyMention]:
    """A clause after a semicolon about another place is its own: "Russian drone attack on
    Kharkiv kills four; Kryvyi Rih toll rises to 20" gives Kharkiv four (it had been 20)."""
    cut = sent.text.find(";", trig.end)
    if cut < 0 or loc is None or loc.resolved is None:
        return cas
    here = _place_key(loc)
    if not any(sent.rel(p.span) > cut and p.role == "location" and p.resolved is not None
               and _place_key(p) != here and not _contains(p, loc) for p in sent.places):
        return cas
    return _told_before(sent, cas, cut)


def _told_before(sent: _Sentence, cas: list[CasualtyMention], cut: int) -> list[CasualtyMention]:
    """``cas`` but the figures of ``sent`` told at or after ``cut`` (another incident's)."""
    return [c for c in cas if c.sentence.start != sent.start or sent.rel(c.span) < cut]


_TITLE_CLAUSE_BREAK = re.compile(r",\s|;\s|\s[-\u2013\u2014]\s")


def _title_clause_figures(sent: _Sentence, trig: Trigger, cas: list[CasualtyMention]) -> list[CasualtyMention]:
    """A title's clauses are headlines of their own: "Thirteen soldiers killed in jihadist
    attack in northern Benin, roadside bomb kills two in Togo" gives the bomb none of the
    other clause's 13 (a clause with a killing or attack word of its own keeps its figures)."""
    text = sent.text
    cuts = [0, *(m.end() for m in _TITLE_CLAUSE_BREAK.finditer(text)), len(text) + 1]
    if len(cuts) == 2:
        return cas
    def clause(pos: int) -> tuple[int, int]:
        i = bisect.bisect_right(cuts, pos) - 1
        return cuts[i], cuts[i + 1]
    mine = clause(trig.start)
    kept = []
    for c in cas:
        if c.sentence.start != sent.start or c.span.start < sent.start:
            kept.append(c)
            continue
        lo, hi = clause(sent.rel(c.span))
        if (lo, hi) != mine and _GENERIC_ATTACK.search(text, lo, hi):
            continue
        kept.append(c)
    return kept


def _attached_casualties(
    sents: Sequence[_Sentence], sent: _Sentence, seg: tuple[int, int], own_triggers: bool,
    date: ResolvedDate, published: dt.date | None, *, follow: bool = True,
) -> list[CasualtyMention]:
    """Figures in the trigger's clause and, if ``follow``, in up to three following sentences
    that continue the story (no new event phrase of their own, no other date: "The war began
    when Hamas-led militants attacked southern Israel on Oct. 7, 2023, killing some 1,200
    people" had given a strike on a Gaza shelter that toll)."""
    out = [c for c in sent.casualties if seg[0] <= sent.rel(c.span) < seg[1] or not own_triggers]
    if not follow:
        return out
    # three sentences that tell figures, within six: a sentence that tells none ("Among the
    # victims were a pregnant woman ...", a quote split at its stop) is no step away from the
    # story, unless three in a row leave it ('... so we are at 14 dead," Katuho told ... Three
    # people were wounded and taken to the general hospital in Oicha' had left the raid
    # without its three wounded, four sentences after it)
    tolls = quiet = 0
    for j in range(sent.index + 1, min(len(sents), sent.index + 1 + _FOLLOWING_SENTENCES)):
        nxt = sents[j]
        if tolls == _FOLLOWING_TOLLS or quiet == _FOLLOWING_TOLLS:
            break
        if _opens_event(nxt) or nxt.separate() or (
                _TOLL_UPDATE.search(nxt.text) and _location_candidates(nxt)):
            break  # "The death toll in Manbij rose to 15": that place's event's (see _candidates)
        if nxt.casualties and _elsewhere_region(nxt, sent):
            break  # "In Guerrero, six bodies were found ... outside Chilpancingo": another state's dead
        if published is not None and (_YEAR_DIGITS.search(nxt.text) or _LATER_OPENING.match(nxt.text)) and (
                _past_then(nxt, published) or (_LATER_OPENING.match(nxt.text) and _past_then(sents[j - 1], published))):
            break  # "In November 2014, al-Shabab fighters ... A week later, 36 quarry workers were killed
            # nearby": the past, whose figures the story's kidnapping had taken
        if (earlier := nxt.earlier()) is not None:
            # "The violence comes weeks after separatists hijacked a train ... The military said
            # 26 hostages ... were killed": the story has gone back to an earlier incident
            out.extend(c for c in nxt.casualties if nxt.rel(c.span) < earlier.start())
            break
        if nxt.casualties and date.date is not None:
            told = _segment_date(nxt, (0, len(nxt.text)), published, 0)
            if told.explicit and told.date is not None and abs((told.date - date.date).days) > _STORY_DAYS:
                # a toll given days later is the same story's; one of 2023 is not, nor what goes
                # on from it ("... were killed along the coast in early March. The Observatory put
                # that toll at more than 1,500" had given a depot blast that killed four 1,500)
                break
        tolls, quiet = (tolls + 1, 0) if nxt.casualties else (tolls, quiet + 1)
        out.extend(nxt.casualties)
    return out


_FOLLOWING_SENTENCES = 6
_FOLLOWING_TOLLS = 3


#: "... were killed before drones ... struck": right before a trigger, what followed the dead told
#: before it (see _candidates).
_BEFORE_TRIGGER = re.compile(r"\b(?:killed|dead|died|wounded|injured)\b[^.;:]{0,80}?\sbefore\s+(?:the\s+|a\s+|an\s+)?$",
                             re.IGNORECASE)


#: A stretch of days or an area a toll sums over: "over the weekend", "since Friday", "this
#: week", "across the Gaza Strip" (several incidents' dead, no one incident's).
_SPELL = re.compile(
    r"\b(?:over|during|in) the (?:weekend|past (?:few |several |two |three )?(?:days|week)|"
    r"last (?:few |several |two |three )?days)\b|\bsince (?:last )?(?:early |late )?"
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|\b(?:earlier )?this week\b|"
    r"\bin the past (?:\w+ )?(?:days|week|24 hours)\b|\b(?:across|throughout|all over)\b",
    re.IGNORECASE,
)


def _without_spell_totals(sent: _Sentence, trig: Trigger, cas: list[CasualtyMention]) -> list[CasualtyMention]:
    """The trigger's figures without those of another clause of its sentence that sums a
    stretch of days or an area ("A suicide car bomber rammed a military convoy ..., killing 13
    soldiers, as a wave of attacks over the weekend left at least 25 people dead": the bombing's
    13, not the weekend's 25; it had been 25), while a figure of its own is left."""
    text = sent.text
    if not _SPELL.search(text):
        return cas
    mine = _clause_around(text, trig.start, trig.end)
    spell = set()
    for c in cas:
        if c.sentence.start != sent.start or c.span.start < sent.start:
            continue
        lo, hi = _clause_around(text, sent.rel(c.span), c.span.end - sent.start)
        if (lo, hi) != mine and not lo <= trig.start < hi and _SPELL.search(text, lo, hi):
            spell.add(id(c))
    kept = [c for c in cas if id(c) not in spell]
    own = [c for c in kept if c.sentence.start == sent.start and c.category is CasualtyCategory.KILLED]
    return kept if spell and own else cas


#: A killing word of the attacks-on-civilians row that names no victims of its own kind.
_SHOT_DEAD = re.compile(r"(?:shot|stabbed|hacked) (?:dead|to death)")


def _armed_victims(cas: Sequence[CasualtyMention], sent: _Sentence, own: tuple[int, int]) -> bool:
    """Whether the trigger's own figures (those of its clause in ``sent``) all count armed
    men: soldiers, police, fighters (no civilian among them)."""
    mine = [c for c in cas if c.sentence.start != sent.start or own[0] <= sent.rel(c.span) < own[1]]
    mine = [c for c in mine if c.category in (CasualtyCategory.KILLED, CasualtyCategory.INJURED)]
    if not mine or not any(c.sentence.start == sent.start for c in mine):
        return False
    for c in mine:
        kinds = [k.lower() for k in c.breakdown] or [(c.victim_kind or "").lower()]
        if not all(k in _ARMED_VICTIMS for k in kinds):
            return False
    return True


def _triggers_of(sent: _Sentence) -> list[Trigger]:
    if sent.triggers is None:
        hits = sent.trigger_hits
        if hits is None:
            hits = _TRIGGER_SCAN.scan(sent.text, sent.low)
        sent.triggers = _typed_triggers(
            sent.text, hits, [p.span.start - sent.start for p in sent.places], sent.low
        ) if hits else []  # fmt: skip
    return sent.triggers


# --- attacks and killings no specific phrase names ---------------------------------
# "Gunmen attacked a market, killing nine traders": no weapon or clash word, yet an
# event. Read only in sentences without a specific trigger, and only where the sentence
# itself reports casualties or names an attacker; typed by who the victims or targets are.
_GENERIC_ATTACK = _CaseFree(
    r"\b(?:attack(?:ed|ing|s)?|raid(?:ed|ing|s)?|storm(?:ed|ing)|opened fire|open fire|"
    r"gunned down|kill(?:ed|ing|s)|neutrali[sz](?:ed|ing|es))\b"
)  # "Troops neutralised more than 50 militants": the army's word for killing them
assert _GENERIC_ATTACK.first_words is not None
_GENERIC_HEADS = _GENERIC_ATTACK.first_words
_NOT_AN_ATTACK_AFTER = re.compile(r"^[\s-]*(?:helicopters?|dogs?|submarines?|aircraft)\b", re.I)
_NOT_AN_ATTACK_BEFORE = re.compile(
    r"\b(?:heart|panic|asthma|cyber|verbal|personal|bee|shark|dog|bear|animal|wolf)[\s-]*$", re.I
)
#: Natural and accidental deaths: a killing they cause is no conflict event.
_NON_CONFLICT = _CaseFree(
    r"\b(?:earthquakes?|quakes?|floods?|flooding|storms?|hurricanes?|cyclones?|typhoons?|"
    r"tornado(?:es)?|landslides?|mudslides?|avalanches?|accidents?|crash(?:ed|es)?|collisions?|"
    r"derail(?:ed|ment)|disease|outbreaks?|cholera|epidemic|pandemic|heatwaves?|wildfires?|"
    r"lightning|drown(?:ed|ing)|overdoses?|stampedes?|accidental(?:ly)?|house fires?|blazes?|"
    r"killed in (?:a |the )?(?:\w+ )?fire)\b"
)
#: Courts, arrests and anniversaries: a killing told as a case or a memory, not as news of it.
_RETOLD = _CaseFree(
    r"\b(?:trials?|convicted|sentenced|guilty|charged|accused of|court|jury|pleaded|indicted|"
    r"arrested|allegedly|years ago|anniversary)\b"
)
_RECENT_DAY = re.compile(
    r"\b(?:on|late|early) (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|\byesterday\b|"
    r"\blast night\b|\bovernight\b|\bearlier today\b",
    re.IGNORECASE,
)
_NOUN_FORMS = frozenset(("attack", "attacks", "raid", "raids", "kills"))
_ATTACKERS = _CaseFree(
    r"\b(?:gunmen|militants?|attackers?|assailants?|bandits?|insurgents?|jihadists?|rebels?|"
    r"fighters?|extremists?|terrorists?|troops|soldiers|forces|army|militias?|paramilitar(?:y|ies))\b"
)
#: Victims or targets that make an attack a clash between armed sides (ACLED "battles").
_ARMED_VICTIMS = frozenset(
    "soldiers troops servicemen militants fighters rebels insurgents gunmen combatants police "
    "officers guards marines sailors personnel attackers jihadists extremists terrorists "
    "security forces militiamen bandits kidnappers operatives vigilantes jawans assailants gendarmes".split()
) | {"gang members"}  # "attacked a gendarmerie post in Bali ..., killing two gendarmes" (it had been an attack on civilians)
#: A toll of a whole war ("the conflict has killed tens of thousands since 2023"): background.
_AGGREGATE_BEFORE = re.compile(
    r"\b(?:war|conflict|fighting|violence|crisis|insurgency|unrest|hostilities|invasion|"
    r"offensive|campaign|siege|bombardment)s?(?:\s+[\w-]+){0,5}\s+$",
    re.IGNORECASE,
)
_CUMULATIVE = re.compile(r"\b(?:so far|to date|in total|altogether)\b", re.IGNORECASE)
_ARMED_TARGET = re.compile(
    r"^\W+(?:\w+\W+){0,3}?(?:(?:army|military|police|security|gendarmerie) (?:base|post|station|"
    r"checkpoint|convoy|patrol|positions?|barracks|outpost|detachment)s?|bases?|checkpoints?|convoys?|"
    r"patrols?|positions|barracks|outposts?|detachments?|troops|soldiers|army|police)\b"
    # "killing six worshippers, police said": the source, no target
    r"(?!\s+(?:\w+\s+)?(?:said|say|says|told|reported|confirmed|added|spokes(?:man|woman|person)))",
    re.IGNORECASE,
)


#: Arms, armed men and attacks: what gives a killing or a fight a violent reading.
_ARMED_CUE = _CaseFree(
    r"\b(?:gun\w*|shot|shots|shoot\w*|bullets?|rifles?|firearms?|weapons?|bombs?|explosi\w+|grenades?|"
    r"rockets?|missiles?|mortars?|shell(?:s|ing|ed)?|drones?|artillery|machetes?|knife|knives|stabb\w+|"
    r"armed|militar\w+|strikes?|opened fire|open fire|fired (?:on|at|into|upon)|under fire|crossfire|"
    r"set (?:on )?fire|torch\w*|beheaded|hacked|hit a mine|struck a mine|"
    r"attack\w*|raid(?:ed|ing|s)?|storm(?:ed|ing)|gunned down|ambush\w*)\b"
)
#: A killing told in the passive with its cause: "were killed when a bus plunged into a ravine",
#: "were killed on Sunday after their boat capsized". The cause says whether it was violence.
_PASSIVE_CAUSE = re.compile(
    r"\b(?:was|were|been|being|is|are|got)\s+(?:\w+\s+){0,2}?killed\b(?P<mid>[^.;]{0,60}?)"
    r"\b(?:when|after)\s+(?P<cause>[^.;]*)",
    re.IGNORECASE,
)
_CAUSE_END = re.compile(r",\s+(?:\w+\s+){0,4}?(?:said|say|says|told|reported|according)\b", re.IGNORECASE)


def _peaceful_cause(sent: _Sentence, s: int) -> bool:
    """Whether the killing word at ``s`` is told in the passive with a cause that has no
    attacker, arms or attack in it ("Seventeen people were killed ... when a bus plunged
    ... into a ravine", "were killed on Sunday when flames engulfed their truck")."""
    text = sent.text
    for m in _PASSIVE_CAUSE.finditer(text, max(0, s - 40)):
        if not (m.start() <= s < m.start("mid")):
            continue
        a = m.start("cause")
        end = _CAUSE_END.search(text, a)
        b = end.start() if end is not None else m.end("cause")
        return not (_ATTACKERS.search(text, a, b) or _ARMED_CUE.search(text, a, b) or any(
            e.kind is EntityKind.ARMED_GROUP and a <= sent.rel(e.span) < b for e in sent.entities))
    return False


def _generic_triggers(sent: _Sentence) -> list[Trigger]:
    """Attack and killing verbs of a sentence that has no specific trigger (see above)."""
    if sent.generic is None:
        sent.generic = _find_generic_triggers(sent)
    return sent.generic


def _find_generic_triggers(sent: _Sentence) -> list[Trigger]:
    words = sent.words()
    if words is not None and _GENERIC_HEADS.isdisjoint(words):
        return []  # no attack or killing verb: nothing below can match
    if (
        _triggers_of(sent)
        or _NON_CONFLICT.in_sentence(sent)
        or (_RETOLD.in_sentence(sent) and not _RECENT_DAY.search(sent.text))
    ):
        return []  # a case or a memory, unless the sentence dates it this week ("... on
        # Sunday, and police arrested two suspects", "Soldiers allegedly killed 12 on Sunday")
    text = sent.text
    attacker = sent.casualties or _ATTACKERS.in_sentence(sent) or any(
        e.kind is EntityKind.ARMED_GROUP for e in sent.entities
    )
    if not attacker:
        return []
    out: list[Trigger] = []  # one event: "attacked ..., killing ..." is one attack
    armed = any(
        (c.victim_kind or "").lower() in _ARMED_VICTIMS
        or any(k.lower() in _ARMED_VICTIMS for k in c.breakdown)
        for c in sent.casualties
    )
    for m in _GENERIC_ATTACK.lowered.finditer(sent.low) if text.isascii() else (
        _GENERIC_ATTACK.folded.finditer(text)
    ):
        s, e = m.span()
        if _suppressed(text, s, e) or _NOT_AN_ATTACK_AFTER.match(text[e : e + 16]) or (
            _NOT_AN_ATTACK_BEFORE.search(text[max(0, s - 10) : s])
        ):
            continue
        word = text[s:e].lower()
        if word.startswith("kill") and _peaceful_cause(sent, s):
            continue  # "were killed when a bus plunged into a ravine": an accident, no attack
        if word in _NOUN_FORMS and not sent.casualties:
            continue  # "the Ben Guerdane attack": a name for an event told elsewhere
        if word.startswith(("kill", "neutrali")) and (
            not sent.casualties  # "killed" with no figure: too often words, not deaths
            or _AGGREGATE_BEFORE.search(text[max(0, s - 50) : s])
            or _CUMULATIVE.search(text)
        ):
            continue
        target = bool(_ARMED_TARGET.search(text[e : e + 60]))
        if out and not _OTHER_CLAUSE.search(text, out[-1].end, s):
            # "fighters killed five SDF members in an attack on a checkpoint": one event, a
            # clash (it had been two, an attack on civilians and a battle, each with the five)
            if target and out[-1].family is not _F.BATTLES:
                out[-1] = Trigger(out[-1].start, out[-1].end, _F.BATTLES, "armed_clash")
            continue
        if armed or target:
            out.append(Trigger(s, e, _F.BATTLES, "armed_clash"))
        else:
            out.append(Trigger(s, e, _F.VIOLENCE_AGAINST_CIVILIANS, "attack"))
    return out


#: Bodies found: "residents ... found the bodies of five men dumped beside an irrigation canal".
_BODIES_FOUND = re.compile(
    r"\b(?:found|discovered|recovered|dumped|left|lying)\b[^.;:]{0,40}?\bbod(?:y|ies)\b"
    r"|\bbod(?:y|ies)\b[^.;:]{0,60}?\b(?:were|was|have been|had been)\s+(?:found|discovered|recovered|dumped|left)\b"
)
#: The signs of a killing on them, in their sentence or the next: "had been shot in the head
#: and had their hands bound", "with gunshot wounds", "bullet-riddled".
_VIOLENT_DEATH = re.compile(
    r"\b(?:gunshot|bullet\w*|shot|bound|blindfolded|tortur\w+|decapitated|beheaded|dismembered|executed|"
    r"stabbed|strangled|mutilated|hacked|machete|signs of violence)\b"
)


def _bodies_told(sent: _Sentence) -> re.Match[str] | None:
    """Where the sentence tells bodies found, with a figure of dead (a discovery opens its own
    story: its five had been added to the firefight told before it)."""
    low = sent.low or sent.text.lower()
    if "bod" not in low or not any(c.category is CasualtyCategory.KILLED for c in sent.casualties):
        return None
    return _BODIES_FOUND.search(low)


def _body_triggers(sents: Sequence[_Sentence], sent: _Sentence) -> list[Trigger]:
    """A discovery of bodies with the signs of a killing is an attack on civilians (ACLED's
    coding): it had been no event, with no attack word."""
    m = _bodies_told(sent)
    if m is None or _NON_CONFLICT.in_sentence(sent) or _RETOLD.in_sentence(sent):
        return []
    low = sent.low or sent.text.lower()
    nxt = sents[sent.index + 1] if sent.index + 1 < len(sents) else None
    if not (_VIOLENT_DEATH.search(low) or (nxt is not None and _VIOLENT_DEATH.search(nxt.low or nxt.text.lower()))):
        return []
    return [Trigger(m.start(), m.end(), _F.VIOLENCE_AGAINST_CIVILIANS, "attack")]


_BATTLE_WORDS = ("battl",)  # "fighting", "clashes": armed in news unless told otherwise


def _armed_sentence(sent: _Sentence) -> bool:
    """Whether the sentence names armed men, arms, an attack or the dead."""
    return bool(
        _ATTACKERS.in_sentence(sent) or _ARMED_CUE.in_sentence(sent)
        or any(e.kind is EntityKind.ARMED_GROUP for e in sent.entities)
        or any(c.category is CasualtyCategory.KILLED for c in sent.casualties)
    )


def _unarmed_battle(sent: _Sentence, t: Trigger) -> bool:
    """A battle word with no armed side, arm or dead in its sentence ("a hard-fought battle")."""
    return t.family is _F.BATTLES and sent.low.startswith(_BATTLE_WORDS, t.start) and not (  # type: ignore[union-attr]
        _armed_sentence(sent))


def _violent(sent: _Sentence) -> bool:
    """Whether the sentence tells violence by its own words: an event phrase other than a
    protest or an unarmed battle word, or a killing with armed men, arms or an attack."""
    triggers = _triggers_of(sent)
    if any(t.family is not _F.PROTESTS and not _unarmed_battle(sent, t) for t in triggers):
        return True
    return bool(_generic_triggers(sent)) and bool(
        _ATTACKERS.in_sentence(sent) or _ARMED_CUE.in_sentence(sent)
        or any(e.kind is EntityKind.ARMED_GROUP for e in sent.entities))


def _quiet_peaceful(sents: Sequence[_Sentence]) -> None:
    """A document no sentence of which tells violence has no clash in a bare battle word ("faces
    a hard-fought battle next year"), and, when it tells an accident or a disaster (a road crash,
    a wildfire), no attack in a bare killing ("Bus plunges into ravine, killing 17"): an event
    needs a violent reading, not a contest or a death alone."""
    if any(_violent(s) for s in sents):
        return
    disaster = any(_NON_CONFLICT.in_sentence(s) for s in sents)
    for s in sents:
        if disaster:
            s.generic = []
        if s.triggers:
            s.triggers = [t for t in s.triggers if not _unarmed_battle(s, t)]


#: Between two attack verbs: the second is another incident ("..., while in Colombia").
_OTHER_CLAUSE = re.compile(r";|,?\s+(?:while|whereas|meanwhile)\b|,\s+and\s+(?:in|on|at|near)\b", re.IGNORECASE)


def _opens_event(sent: _Sentence) -> bool:
    """A sentence with an event phrase of its own, not one continuing the last story: a
    specific trigger, or an attack/killing verb with a place of its own."""
    return bool(_triggers_of(sent)) or bool(
        (_generic_triggers(sent) or _bodies_told(sent)) and _location_candidates(sent)
    )


def _elsewhere(sent: _Sentence, loc: PlaceMention | None) -> bool:
    """Whether the sentence names places, none of them ``loc`` or in its region."""
    if loc is None or loc.resolved is None:
        return False
    region = loc.resolved.region
    places = [p for p in _location_candidates(sent) if not _is_dateline_place(sent, p)]
    return bool(places) and not any(
        _place_key(p) == _place_key(loc) or (region is not None and p.resolved is not None and p.resolved.region == region)
        for p in places)


def _elsewhere_region(nxt: _Sentence, sent: _Sentence) -> bool:
    """Whether ``nxt`` names places, all in other regions than every place of ``sent``."""
    mine = {p.resolved.region for p in _location_candidates(sent) if p.resolved is not None and p.resolved.region}
    theirs = [p for p in _location_candidates(nxt) if not _is_dateline_place(nxt, p)]
    return bool(mine) and bool(theirs) and all(
        p.resolved is not None and p.resolved.region and p.resolved.region not in mine for p in theirs)


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _segment_date(
    sent: _Sentence, seg: tuple[int, int], published: dt.date | None, anchor: int
) -> ResolvedDate:
    """The date of the trigger at ``anchor``: its segment's date, else its sentence's.

    Same result as :func:`resolve_date` on the segment then on the sentence, but the
    sentence is scanned once for all its triggers. A segment's own scan is needed only
    when a date phrase touches its ends or an end splits a word (then word boundaries
    differ between the slice and the sentence).
    """
    if published is None:
        return _fallback(None)
    if sent.date_hits is None:
        sent.date_hits = _DATE_SCAN.scan(sent.text, sent.low, sent.words())
    text, hits = sent.text, sent.date_hits
    lo, hi = seg
    if lo == 0 and hi == len(text):
        return _pick_date(hits, published, anchor, text=text)
    cut = (0 < lo < len(text) and _is_word_char(text[lo - 1]) and _is_word_char(text[lo])) or (
        0 < hi < len(text) and _is_word_char(text[hi - 1]) and _is_word_char(text[hi])
    )
    inside = [h for h in hits if lo < h[1].start() and h[1].end() < hi]
    if cut or any(
        not (m.end() <= lo or m.start() >= hi or (lo < m.start() and m.end() < hi))
        for _, m in hits
    ):
        date = resolve_date(text[lo:hi], published, anchor - lo)
    else:
        date = _pick_date(inside, published, anchor - lo, shift=lo, text=text)
    return date if date.explicit else _pick_date(hits, published, anchor, text=text)


#: A sentence opening on a past time by its year: "In September 2022,", "In 2019,", "On March 3, 2021,".
_PAST_YEAR_OPENING = re.compile(
    rf"\W*(?:in|on|during|by|since)\s+(?:(?:early|late|mid-?)\s*)?(?:(?:{_MONTH_NAMES})\s+(?:\d{{1,2}},?\s+)?)?"
    r"((?:19|20)\d\d)\b(?![-\u2013/]\d)",
    re.IGNORECASE,
)
#: A sentence set earlier in the year than the story: "Earlier this year", "Earlier in the year".
_EARLIER_IN_YEAR = re.compile(r"\W*(?:earlier|previously)\s+(?:this|in\s+the)\s+year\b", re.IGNORECASE)


#: A sentence opening on a time counted from the one before: "A week later", "Two days later".
_LATER_OPENING = re.compile(
    r"\W*(?:(?:a|one|two|three|four|five|six|several|a few|\d+)\s+(?:hours?|days?|weeks?|months?|years?)\s+later"
    r"|the\s+(?:next|following)\s+(?:day|week|month|year|morning|night))\b",
    re.IGNORECASE,
)


#: What a date more than a month before publication is written with: a month, a year, "last year".
_MAY_BE_PAST = re.compile(rf"(?:19|20)\d\d|\b(?:{_MONTH_NAMES}|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b|last (?:year|month)")


def _past_then(sent: _Sentence, published: dt.date) -> bool:
    """Whether the sentence is dated more than :data:`_BACKGROUND_DAYS` before ``published``."""
    then = _segment_date(sent, (0, len(sent.text)), published, 0)
    return then.explicit and not then.told and then.date is not None and (
        (published - then.date).days > _BACKGROUND_DAYS + (31 if then.precision is DatePrecision.MONTH else 0))


def _candidates(doc: DocumentView, sents: list[_Sentence], published: dt.date | None) -> list[_Candidate]:
    focus: PlaceMention | None = None
    focus_done = False
    out: list[_Candidate] = []
    last_story = -10  # index of the last sentence that opened an event
    lead_index = next((s.index for s in sents if not _is_title(s)), 0)
    past_told = -10  # index of the last sentence dated more than _BACKGROUND_DAYS before publication
    for sent in sents:
        # (the date scan is read only where it can tell: a figure's sentence, or a month's or year's)
        own_day = _segment_date(sent, (0, len(sent.text)), published, 0) if published is not None and (
            sent.casualties or _MAY_BE_PAST.search(sent.low or sent.text.lower())) else None
        if own_day is not None and own_day.explicit and not own_day.told:
            if _past_then(sent, published):  # type: ignore[arg-type]
                past_told = sent.index
            else:
                past_told = -10
        elif sent.index - past_told <= 3 and sent.casualties and not _location_candidates(sent) and not sent.separate():
            # "... near Long Tan, ... on the afternoon of 18 August 1966. Over about three and a half hours
            # ... Eighteen Australians were killed and 24 wounded": undated, placeless, the past goes on
            # (it had been an attack of this week in Townsville, 245 killed)
            continue
        if sent.index and published is not None and _LATER_OPENING.match(sent.text) and _past_then(
                sents[sent.index - 1], published) and not (
                own_day or _segment_date(sent, (0, len(sent.text)), published, 0)).explicit:
            # "In November 2014, al-Shabab fighters ... killed 28 passengers ... A week later, 36
            # quarry workers were killed nearby": the past goes on (its 36 had joined this week's
            # abduction near Lafey, the story told before)
            continue
        triggers = _triggers_of(sent)
        if out and (not out[-1].date.explicit or out[-1].date.told) and (
                recap := _DAY_RECAP.match(sent.text)) is not None and not sent.separate():
            # "A car bomb exploded ... in Mogadishu, killing six. Saturday's attack came days
            # after ...": the story's day (it had been the earlier bombing's Wednesday)
            day = _segment_date(sent, (0, len(sent.text)), published, 0)
            if day.explicit and day.span is not None and day.span[0] < recap.end():
                out[-1].date = dataclasses.replace(day, told=False)
        if out:
            _credit_claim(out, sents, sent, published)
            if sent.index - out[-1].sentence.index == 1 and _TOOK_PLACE.match(sent.text):
                _place_told_after(out[-1], sent)
        earlier = sent.earlier() if out else None
        # "Sunday's missile strike, which killed 21 people, ...": a recap of the event told
        # before, whatever its own event phrase, unless its day is another
        same = bool(out and sent.casualties) and _SAME_EVENT.match(sent.text) is not None
        if out and sent.casualties and (
                not triggers and (same or _TOLL_UPDATE.search(sent.text))
                or same and all(t.family is out[-1].family for t in triggers)) and not (
                _location_candidates(sent)) and not sent.separate() and (not same or _dates_compatible(
                out[-1].date, _segment_date(sent, (0, len(sent.text)), published, 0))):
            # "The strike killed 12 people", paragraphs after the strike: its figures, not a
            # new attack (three sentences after it, the figures attach anyway)
            out[-1].casualties.extend(c for c in sent.casualties if c not in out[-1].casualties)
            continue
        toll = _TOLL_UPDATE.search(sent.text) if out and sent.casualties and not sent.separate() else None
        if toll is not None and all(toll.start() <= t.start < toll.end() for t in triggers):
            # "The death toll from the Manbij bombing rose to 15": the toll of the event told at
            # that place before (it had been a second bombing there, dated by the update's day)
            keys = {_place_key(p) for p in _location_candidates(sent)}
            host = next((c for c in reversed(out) if keys <= {_place_key(c.location)}
                         and all(t.family is c.family for t in triggers)), None) if keys else None
            if host is not None:
                host.casualties.extend(c for c in sent.casualties if c not in host.casualties)
                continue
        if triggers and out and sent.casualties and _CLAIMED_KILL.search(sent.text) and all(
                _SUPPORTING.search(sent.text, max(0, t.start - 30), t.start) for t in triggers):
            # "The junta said on state television that 'more than 100 terrorists were neutralised'
            # in a counter-offensive supported by air strikes": the strikes backed the fighting
            # told before, whose claim this is (it had been an air strike of its own, F=100)
            triggers = []
        if not triggers and out and sent.casualties and _CLAIMED_KILL.search(sent.text) and all(
                _place_key(p) == _place_key(out[-1].location) or _contains(p, out[-1].location)
                or _contains(out[-1].location, p) for p in _location_candidates(sent)) and not sent.separate():
            # "Al-Shabaab claimed responsibility ..., saying it had killed 27 'apostate soldiers'":
            # the attackers' claim of the event told before (it had been a battle of its own)
            out[-1].casualties.extend(c for c in sent.casualties if c not in out[-1].casualties)
            continue
        if triggers and not sent.casualties and _may_be_period(sent) and _PERIOD.search(sent.text) is not None:
            # "more than 1,000 strikes on Yemen since March 15, killing at least 250",
            # "Since January, fighting ... has displaced 60,000": a period's, no one event
            triggers = [t for t in triggers if not _period_in(sent.text, *_clause_around(sent.text, t.start, t.end))]
        if triggers:
            # "troops ... killed at least 1,200 people ... between 1978 and 1982": those years' incidents
            triggers = [t for t in triggers if not _range_scoped(sent.text, published, t.start, t.end)]
        if triggers:
            triggers = _incidents(sent, triggers, published)
        if triggers and not sent.casualties and sent.background:
            # "Fighting between the two factions has killed more than 1,800": the subject of a
            # running toll is no event (it had been a battle of its own)
            tolls = [*_WAR_TOLL.finditer(sent.text), *_process_tolls(sent.text)]
            triggers = [t for t in triggers if not any(m.start() <= t.start < m.end() for m in tolls)]
        if len(triggers) > 1 and any(t.family is _F.PROTESTS for t in triggers):
            # "a bomb exploded near a political rally, killing five": the rally is where, not a
            # second event (it had taken the five as a peaceful protest's)
            triggers = [t for t in triggers if t.family is not _F.PROTESTS or not any(
                o.family is not _F.PROTESTS and o.end <= t.start and _same_clause(sent, o.end, t.start)
                for o in triggers)]
        generic_used = False
        if triggers:
            last_story = sent.index
        elif (generic := _incidents(sent, _generic_triggers(sent), published)) and (
            _location_candidates(sent) or sent.index - last_story > 3 or sent.separate()
        ):  # without a place of its own, a killing right after a story continues it
            triggers, last_story = generic, sent.index
            generic_used = True
        elif (found := _incidents(sent, _body_triggers(sents, sent), published)) and _location_candidates(sent):
            triggers, last_story = found, sent.index
            generic_used = True
        if earlier is None and len(triggers) > 1 and _is_title(sent):
            # "Israeli strike kills two in south Lebanon after rocket fire at Metula": a title's
            # event told after "after" is the earlier incident the story answers
            earlier = _TITLE_AFTER.search(sent.text, triggers[0].end, triggers[-1].start)
        segs = _segments(triggers, len(sent.text))
        for k, (trig, seg) in enumerate(zip(triggers, segs, strict=True)):
            date = _segment_date(sent, seg, published, trig.start)
            date = _night_end(sents, sent, date)
            loc = _choose_location(sents, sent, trig, seg)
            sep = _SEPARATE_CLAUSE.search(sent.text, seg[0], trig.start)
            if sep is not None and loc is not None and sent.rel(loc.span) < sep.start() and (
                    loc.resolved is not None):
                # "... had killed 43 Fano fighters around the town of Debre Markos, while residents
                # said a separate drone strike had killed nine civilians in a minibus": not at the
                # other clause's place; in its country, as far as this sentence tells (it had been
                # a drone strike at Debre Markos)
                iso = loc.resolved.country
                loc = next((p for p in sent.places if _is_country_level(p) and p.resolved is not None
                            and p.resolved.country == iso), loc)
            # "... came days after a bombing on Wednesday that killed five": an earlier incident
            other = earlier is not None and trig.start >= earlier.end()
            if other and date.span is not None and date.span[0] < earlier.start():  # type: ignore[union-attr]
                date = _fallback(published)  # "Saturday's" is the story's day, not the earlier one's
            if not date.explicit and out and sent.index and not sent.separate() and (
                    earlier_before := (prev := sents[sent.index - 1]).earlier()) is not None:
                # "The violence comes weeks after Baloch separatists hijacked the Jaffar Express
                # ... in March. The military said 26 hostages ... were killed": the earlier
                # incident told on, on its day (it had been the story's, with 26 dead)
                then = _segment_date(prev, (earlier_before.end(), len(prev.text)), published, earlier_before.end())
                if then.explicit and not then.told:
                    date = then
            if (not date.explicit or date.told or (not (k and sep is not None) and _death_day(sent.text, date))) and sent.index + 1 < len(sents) and (
                    _TOOK_PLACE.search(sents[sent.index + 1].text)):
                # "Bandits killed six ... The attacks took place on Saturday night", "killed 23
                # people, residents said on Sunday. The strike hit the monastery ... on Friday"
                then = _segment_date(sents[sent.index + 1], (0, len(sents[sent.index + 1].text)), published, 0)
                if then.explicit and not then.told:
                    date = then
            if (not date.explicit or date.told) and sent.index + 1 < len(sents) and not _is_title(sent):
                # "killed 17 people ... in Dansadau. Residents said the assailants stormed the
                # community at about 5pm on Sunday": the next sentences of the story give its day
                for nxt in sents[sent.index + 1 : sent.index + 3]:
                    if _triggers_of(nxt) or nxt.separate() or (_generic_triggers(nxt) and _elsewhere(nxt, loc)):
                        break  # "... In the West Bank, two were killed in a raid on Tammun on Sunday night":
                        # another place's story and day (it had dated a strike in Deir al-Balah)
                    if _TOLL_UPDATE.search(nxt.text):
                        continue  # "By Friday the death toll had risen to six": the update's day, not the incident's
                    if not (nxt.casualties or _generic_triggers(nxt) or _RETELLING.match(nxt.text)):
                        continue  # not the story's violence ("delegations are due to meet on Wednesday"),
                        # nor its actors told again ("... local sources said on Monday. The militants
                        # entered the village of Mucojo ... on Friday night": Friday, it had been Monday)
                    then = _segment_date(nxt, (0, len(nxt.text)), published, 0)
                    if then.explicit and not then.told and then.precision is DatePrecision.DAY and (
                            published is None or then.date is None or 0 <= (published - then.date).days <= 7):
                        date = then
                        break
            if not date.explicit and _is_title(sent) and (lead := _lead_day(
                    sents, sent, (trig.start if k else 0, triggers[k + 1].start if k + 1 < len(triggers) else len(sent.text)),
                    published)) is not None:
                # "Police raid ... leaves seven dead" above "... left seven people dead on Monday":
                # the lead's day, told of the title's own figure (it had been the month)
                date = lead
            if not date.explicit and sent.index and _RESPONSE.match(sent.text):
                # "Late on Sunday, two rockets were launched towards Metula ... Israel responded
                # with artillery shelling ...": the response is of the day told just before
                for prev in sents[max(0, sent.index - 2) : sent.index][::-1]:
                    then = _segment_date(prev, (0, len(prev.text)), published, 0)
                    if then.explicit:  # the nearest day told ("... No injuries were reported.")
                        if not then.told and then.precision is DatePrecision.DAY:
                            date = then
                        break
            if not date.explicit and out and out[-1].family is trig.family and out[-1].date.explicit and (
                    sent.index - out[-1].sentence.index <= 2) and not sent.separate() and not other:
                # "Israeli air strikes killed 27 ... on Thursday. ... Another strike killed six
                # people in Khan Younis": the story's day (it had been the publication's month)
                date = out[-1].date
            # a figure belongs to the trigger before it only ("strike on Kharkiv killed nine
            # people, while drones hit Odesa": Odesa's segment holds the nine too)
            own = _own_range(sent.text, triggers, k)
            story = out[-1].date if out else None
            # an undated story's day, or one only told, is about the publication's
            story_day = None if story is None else story.date if story.explicit and not story.told else published
            if story is not None and date.explicit and (
                    not date.told) and (loc is None or date.precision is not DatePrecision.DAY or (
                    story_day is not None and date.date is not None and date.date.year < story_day.year)) and (
                    _long_before(date, story_day)):
                # "In May, an air strike killed 9 people at a nearby fuel station", "Last November,
                # gunmen killed 15 villagers in the area", after a story dated this week: a past
                # incident told as background, no event of the story (it had been one, at its place;
                # "In August 2023, fighting in Finote Selam killed 26" after an undated strike too)
                continue
            if published is not None and (
                    (year := _YEAR_BEFORE.search(sent.text, max(0, trig.start - 30), trig.start))
                    or (year := _PAST_YEAR_OPENING.match(sent.text))) and int(year.group(1)) < published.year:
                # (and "In September 2022, security forces opened fire on protesters after Friday
                # prayers in ... Zahedan": a sentence set in a past year, whatever weekday it names)
                # "sentences man to 20 years over 2016 Brussels bombings network": an incident of
                # a past year, named by it (it had been a suicide bombing of the court's Friday)
                continue
            if story is None and published is not None and date.explicit and not date.told and date.date is not None and (
                    sent.index > lead_index) and ((date.precision is not DatePrecision.DAY and _long_before(date, published))
                                                  or (published - date.date).days > _BACKGROUND_DAYS):
                # "In March, jihadists killed 44 worshippers at a mosque in Fambita" in a story of
                # a parade, "The suicide bombers struck ... on March 22, 2016" in one of a court's
                # sentence: a past incident told as background, whatever the story is
                continue
            if story_day is not None and date.explicit and not date.told and date.date is not None and (
                    story_day - date.date).days > _BACKGROUND_DAYS:
                # "The city of Sumy is still mourning the victims of a Palm Sunday missile strike on
                # April 13 that killed 35", in a story of June 12: an incident of two months before,
                # told as background, is no event of the story (it had been one, at its day)
                continue
            if story is not None and _EARLIER_IN_YEAR.match(sent.text) and not (
                    date.explicit and date.precision is DatePrecision.DAY):
                # "Earlier this year, two teachers were killed when gunmen attacked a bus in Mandera
                # town": a past incident of the year told as background (it had been an April event)
                continue
            # "..., as the army reported a separate deadly clash with dissident rebels": what the
            # next sentences tell is the story's, not the other incident's (its "Two officers were
            # killed" had gone to the clash)
            aside = bool(k) and (sep is not None or _ANOTHER_BEFORE.search(sent.text, max(0, trig.start - 40), trig.start) is not None)
            cas = _attached_casualties(sents, sent, own, len(triggers) > 1, date, published, follow=not aside)
            cas = _without_spell_totals(sent, trig, cas)
            if len(triggers) == 1 and _is_title(sent):
                cas = _title_clause_figures(sent, trig, cas)
            cas = _without_other_clause(sent, trig, loc, cas)
            if (before_then := sent.earlier()) is not None and before_then.start() > trig.end:
                # "killing 11 people ..., barely one week after a similar attack in neighbouring Ruwi
                # community left 52 people dead": the earlier incident's dead are not this one's
                cas = _told_before(sent, cas, before_then.start())
            within_story = False
            if k == 0 and out and cas and sent.index - out[-1].sentence.index <= 1 and not sent.separate() and (
                    not other) and (before := _BEFORE_TRIGGER.search(sent.text, 0, trig.start)) is not None:
                # "Militants stormed an army base in Djibo on Saturday. Security sources said at
                # least 25 soldiers were killed before drones from the air force struck the
                # attackers' retreating columns": the dead told before "before" are the story's,
                # and the strike is of its day (it had taken the 25, dated by the publication). The
                # story goes on after it: what the next sentences tell ("JNIM ... said its fighters
                # had killed more than 100 soldiers") is the story's too
                prior = [c for c in cas if c.sentence.start == sent.start and sent.rel(c.span) < before.start()]
                if prior:
                    later = [c for c in cas if c.sentence.start != sent.start]
                    out[-1].casualties.extend(c for c in (*prior, *later) if c not in out[-1].casualties)
                    cas = [c for c in cas if c not in prior and c not in later]
                    own_day = _segment_date(sent, (0, len(sent.text)), published, 0)
                    if out[-1].date.explicit and not (own_day.explicit and not own_day.told):
                        date = out[-1].date
                    within_story = True
            if (cut := _own_incident_start(sent, trig, loc)):
                cas = [c for c in cas if c.sentence.start != sent.start or sent.rel(c.span) >= cut]
            # "... attacked a police station in ... Cauca with explosive-laden drones ... At least six
            # drones dropped explosives on the building": the weapon of the story told, whatever
            # the story's type (it had been a drone strike of its own, taking the attackers' claim)
            weapon_told = sent.low.startswith("dropped", trig.start)  # type: ignore[union-attr]
            if loc is None and out and (out[-1].family is trig.family or weapon_told) and (
                    sent.index - out[-1].sentence.index <= 2 or (
                        # "... He said around a dozen people were missing and believed to have been
                        # abducted", five sentences into the story it goes on telling (it had been
                        # an abduction of its own at the Beni dateline)
                        sent.index - out[-1].sentence.index <= _FOLLOWING_SENTENCES and not date.explicit
                        and (_GOES_ON_TELLING.match(sent.text) or _RETELLING.match(sent.text)))) and (
                    _dates_compatible(out[-1].date, date)) and not sent.separate() and not other:
                # "The shells struck the Abu Shouk camp ...", right after the shelling of El
                # Fasher: the same event goes on (it had been a second one, at the dateline),
                # and its day is the event's ("stormed the community at about 5pm on Sunday")
                if (part := _ORDINAL_PART.match(sent.text)) is not None and cas and part.end() > trig.start:
                    out[-1].add_part(cas, (part.group("n") or part.group("a")).lower())
                out[-1].casualties.extend(c for c in cas if c not in out[-1].casualties)
                if date.explicit and not date.told and (not out[-1].date.explicit or out[-1].date.told):
                    out[-1].date = date
                continue
            if loc is None and out and _DEFINITE_TARGET.match(sent.text, trig.end) and not sent.separate() and not other and (
                    host := next((c for c in reversed(out) if c.family is trig.family
                                  and sent.index - c.sentence.index <= _FOLLOWING_SENTENCES), None)) is not None and (
                    _dates_compatible(host.date, date) or not (date.explicit and not date.told)):
                # "Al Shabaab said ... that its fighters had killed 47 soldiers and briefly overrun
                # the base": the story's base, however far back it was told (it had been a battle of
                # its own at the Mogadishu dateline)
                host.casualties.extend(c for c in cas if c not in host.casualties)
                host.actors.extend(a for a in _actors(sent, trig, seg) if a not in host.actors)
                continue
            if loc is None and out and sent.index - out[-1].sentence.index <= 1 and not sent.separate() and (
                    sep is None):
                # "... retook the town of Moqokori. The government said 40 fighters were killed
                # in the fighting": where the story just was (it had been the dateline's Mogadishu)
                loc = out[-1].location
            if loc is None and (cas or date.precision is DatePrecision.DAY):
                if not focus_done:
                    focus, focus_done = _focus(sents), True
                loc = focus
            if loc is None:
                continue
            actors = _actors(sent, trig, seg)
            if not any(c.category is CasualtyCategory.KILLED and c.best for c in cas) and _sport_told(sent):
                continue  # "Shakhtar Donetsk bombarded the Zorya Luhansk goal", "Yala City FC will face
                # Pattani FC ... a fierce clash": a match, with no dead and no armed men
            if _COURT_CASE.in_sentence(sent) is not None:
                continue  # "A 23-year-old man who 'executed' a teenager ... has been jailed for life", "...
                # had been ambushed as he walked home ..., the court was told": a trial's, no incident
            if _EXERCISE.in_sentence(sent) is not None:
                continue  # "a joint military exercise, during which soldiers 'captured' a mock base"
            if (not actors or (trig.family is _F.BATTLES and all(_state_only(a) for a in actors))) and _unarmed(
                    sents, sent, trig):
                # "Kelly also has clashed with Trump's son-in-law", "carbon capture project"; and
                # countries with nothing armed about them are teams ("Afghanistan crush Pakistan
                # in Sharjah clash")
                continue
            if (frame := _REPORTED_RETELLING.match(sent.text)) is not None and frame.end() > trig.start:
                # "The Sudan Doctors Network said in a statement that the drone hit ...": who
                # reports the strike is not who struck (it had been the Sudanese army's strike)
                actors = [a for a in actors if a.evidence is None or sent.rel(a.evidence) >= frame.start("weapon")]
            if sent.whole is None:
                sent.whole = sent.span(0, len(sent.text))
            evidence = [sent.whole, loc.span]
            civil = _civilian_context(sent, (max(seg[0], cut), seg[1]))
            sub_type = trig.sub_type
            if out and out[-1].family is trig.family and sent.low.startswith("strike", trig.start) and (  # type: ignore[union-attr]
                    sent.index - out[-1].sentence.index <= 2):
                sub_type = out[-1].sub_type  # "air strikes killed 27 ... Another strike killed six": an air strike
            family = trig.family
            if generic_used and out and out[-1].family is _F.EXPLOSIONS_REMOTE_VIOLENCE and (
                    out[-1].sub_type in (_AIR, _SHELL)) and sent.index - out[-1].sentence.index <= 3 and (
                    (bare := _BARE_STRIKE.search(sent.text, seg[0], trig.start)) is not None) and (
                    _CLAUSE_BREAK.search(sent.text, bare.end(), trig.start) is None):
                # "U.S. air strikes on Hodeidah killed 13 ... earlier strikes on Saturday on
                # Bani Hushaish killed two": the story's strikes (it had been an attack on civilians)
                family, sub_type = out[-1].family, out[-1].sub_type
            word = sent.low[trig.start : trig.end]  # type: ignore[index]
            if family is _F.VIOLENCE_AGAINST_CIVILIANS and sub_type == "attack" and civil is None and (
                    _SHOT_DEAD.fullmatch(word)) and _armed_victims(cas, sent, own):
                # "where a police officer was shot dead", "shot dead two soldiers": an attack on
                # armed forces is a battle in ACLED's terms, not violence against civilians
                family, sub_type = _F.BATTLES, "armed_clash"
            if family is _F.BATTLES and word.startswith("ambush") and _unarmed_victims(cas, sent, own):
                # "gunmen ... ambushed a public bus and killed six passengers": an attack on
                # civilians, in ACLED's terms (it had been a battle)
                family, sub_type = _F.VIOLENCE_AGAINST_CIVILIANS, "attack"
            cand = _Candidate(family, sub_type, (sent.index, trig.start), sent, loc, date,
                              actors, cas, evidence, civil, apart=other, own=len(cas),
                              plural=word.endswith("s") and not word.endswith("ss"))  # fmt: skip
            cand.separate_clause = sep is not None
            if k and date.explicit and published is not None and not resolve_date(
                    sent.text[own[0] : own[1]], published).explicit:
                cand.borrowed_day = True  # "killed three people in Kharkiv on Sunday, while a drone ... on Odesa"
            if k == 0 and out and not other and not sent.separate() and _retells(sent, out[-1], cand):
                # "... killed 12 farmers near the town of Bama. The farmers were attacked on Sunday
                # ... in the village of Mallam Karamti": the story told again at a finer place (it
                # had been a second attack, each with the 12)
                _retold(out[-1], cand)
                continue
            if within_story or (aside and out and out[-1].sentence is sent):
                # the story stays the last told (see "before" above), and so past a lead's clause
                # told as another incident: "..., as a separate drone attack wounded three police
                # officers" is not what the next sentences go on with (it had taken the ELN's
                # claimed nine dissidents)
                out.insert(len(out) - 1, cand)
                continue
            out.append(cand)
    return out


#: A sentence opening on the story just told, by its event or its people: "The farmers were
#: attacked on Sunday", "The clashes began on Saturday", "In Syria, the gunmen attacked".
_RETELLING = re.compile(
    r"\W*(?:(?:in|on)\s+[\w' -]{1,30},\s+)?(?:the|these|those)\s+"
    r"(?!(?:first|second|third|other|another|earlier|previous|separate|last|next|new|same|latest)\b)"
    r"(?:[\w-]+\s+){0,2}?(?:attacks?|clash(?:es)?|fighting|battles?|ambush|raids?|assault|violence|gunmen|"
    r"strikes?|airstrikes?|shelling|bombing|blast|explosion|vehicle|truck|bus|minibus|car|"
    r"militants|attackers|assailants|fighters|insurgents|jihadists|bandits|rebels|victims|farmers|villagers|"
    r"worshippers|passengers|convoy|patrol)\b",
    re.IGNORECASE,
)
#: The story's weapon told again in a report of it: "The Sudan Doctors Network said in a statement
#: that the drone hit the Naivasha market in the south of the city".
_REPORTED_RETELLING = re.compile(
    r"[^.;\"\u201c]{0,80}?\b(?:said|says|reported|told)\b[^.;\"\u201c]{0,40}?\bthat(?P<weapon>\s+the\s+)"
    r"(?:[\w-]+\s+)?(?:drones?|(?:air\s?)?strikes?|airstrikes?|missiles?|shells?|bombs?|rockets?|blast|explosion|"
    r"attack|raid|bombing|aircraft|warplanes?|jets?|planes?|helicopters?)\s",
    re.IGNORECASE,
)
#: A distance and a bearing before a place: "about 230 km (140 miles) west of the capital ".
_FAR_FROM_BEFORE = re.compile(
    r"\b(?P<n>\d[\d,]*)\s*(?P<u>km|kilomet(?:er|re)s?|miles?|mi)\b(?:\s*\([^)]{0,30}\))?\s+"
    r"(?:(?:north|south|east|west)[\w-]*\s+of|from|away\s+from)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)


def _far_reference(sent: _Sentence, p: PlaceMention) -> bool:
    """Whether the place is told as 50 km (30 miles) or more from where it happened."""
    pos = sent.rel(p.span)
    m = _FAR_FROM_BEFORE.search(sent.text, max(0, pos - 60), pos)
    if m is None:
        return False
    n = int(m.group("n").replace(",", ""))
    return n >= (30 if m.group("u").lower().startswith("mi") else 50)


_REFERENCE_BEFORE = re.compile(r"\b(?:north|south|east|west)(?:[\w-]*)\s+of\s+(?:the\s+)?(?:town\s+of\s+|city\s+of\s+)?$",
                               re.IGNORECASE)


_FIGHT_RETOLD = re.compile(r"\W*the\s+(?:[\w-]+\s+)?(?:fighting|clash(?:es)?|violence|unrest)\b", re.IGNORECASE)


#: A sentence that goes on with the story's teller or people: "He said ...", "They were ...".
_GOES_ON_TELLING = re.compile(r"\W*(?:he|she|they|it|we)\s+(?:said|says|added|told|were|was|had|have)\b", re.IGNORECASE)
#: After a trigger, the story's own target by a definite noun: "overrun the base", "stormed the village".
_DEFINITE_TARGET = re.compile(
    r"\s+(?:the|that)\s+(?:(?:military|army|police|main|same)\s+)?(?:base|camp|post|outpost|garrison|barracks|"
    r"checkpoint|village|town|positions?|convoy|patrol)\b(?!\s+(?:of|in|at|near|outside)\b)",
    re.IGNORECASE,
)
#: A sentence opening on the story's attack by a definite noun: "The attack began early on
#: Saturday with a suicide car bomb at the gate of the base".
_ATTACK_RETOLD = re.compile(r"\W*(?:the|that|this)\s+(?:[\w-]+\s+)?(?:attack|assault|raid|ambush|offensive)\b",
                            re.IGNORECASE)
#: The story's attack named as the figures' cause: "... were killed and 41 wounded in the
#: overnight attack on Sumy" (a drone strike's dead, not an attack on civilians of its own).
_IN_THE_ATTACK = re.compile(r"\b(?:in|during|by)\s+(?:the|that|this)\s+(?:[\w-]+\s+)?(?:attack|assault|raid)\b",
                            re.IGNORECASE)
_ASSAULT_FAMILIES = frozenset((_F.BATTLES, _F.EXPLOSIONS_REMOTE_VIOLENCE, _F.VIOLENCE_AGAINST_CIVILIANS))


def _retells(sent: _Sentence, host: _Candidate, cand: _Candidate) -> bool:
    """Whether ``cand`` tells ``host`` again (:data:`_RETELLING`, right after it): the same
    family, region, days and attacker."""
    if sent.index - host.sentence.index > 2 or host.apart or (
            _RETELLING.match(sent.text) is None and _REPORTED_RETELLING.match(sent.text) is None
            and not _names_victims(sent, host)):
        return False
    if cand.family is not host.family and not (
            {cand.family, host.family} <= {_F.RIOTS, _F.BATTLES} and _FIGHT_RETOLD.match(sent.text)) and not (
            {cand.family, host.family} <= _ASSAULT_FAMILIES and (
                _ATTACK_RETOLD.match(sent.text) or _IN_THE_ATTACK.search(sent.text))):
        # ("The attack began early on Saturday with a suicide car bomb at the gate of the base": the
        # assault's own bomb, not a second event with the assault's dead)
        return False  # "... killed in riot at Ecuador prison. The fighting broke out at about 9 a.m."
    a1, b1 = _actor1(host), _actor1(cand)
    if a1 and b1 and a1 != b1:
        return False
    h, c = host.location.resolved, cand.location.resolved
    if h is not None and c is not None and h.country == c.country and _names_victims(sent, host) and (
            _dates_compatible(host.date, cand.date) or _in_span(cand.date, host.date)):
        # "... shot dead two soldiers in Intan Jaya regency. The two soldiers ... were ambushed on
        # Saturday ... near Sugapa": the story's own dead told again at its place, whatever region
        # the story named first (it had been a second event, and the toll on the region's)
        return True
    # a story placed at its dateline ("N'DJAMENA ... attacked an army base on an island in Lake
    # Chad") is told again at its place ("overran the base at Barkaram"): its region says nothing
    dateline = host.location in host.sentence.places and bool(_is_dateline_place(host.sentence, host.location))
    if h is None or c is None or h.country != c.country or not (
            (h.region is not None and h.region == c.region) or _contains(host.location, cand.location) or dateline):
        return False
    return _dates_compatible(host.date, cand.date) or _in_span(cand.date, host.date) or _in_span(host.date, cand.date)


#: A sentence opening on a counted group: "The two soldiers, a corporal and a private, were ...".
_COUNTED_OPENING = re.compile(r"\W*the\s+(?P<n>\d+|[a-z]+)\s+(?:[\w-]+\s+)?(?P<kind>[a-z-]+)\b", re.IGNORECASE)


def _lead_day(sents: Sequence[_Sentence], title: _Sentence, own: tuple[int, int],
              published: dt.date | None) -> ResolvedDate | None:
    """The day of a title's lead sentence, when the lead tells the title's own figure (the
    same count of the same category) and dates it this week."""
    figures = {(c.category, c.best) for c in title.casualties if own[0] <= title.rel(c.span) < own[1]}
    lead = next((s for s in sents[title.index + 1 :] if not _is_title(s)), None)
    if not figures or lead is None or not any((c.category, c.best) in figures for c in lead.casualties):
        return None
    then = _night_end(sents, lead, _segment_date(lead, (0, len(lead.text)), published, 0))
    if then.explicit and not then.told and then.precision is DatePrecision.DAY and (
            published is None or then.date is None or 0 <= (published - then.date).days <= 7):
        return then
    return None


_WD = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
#: A night told by the two days it spans: "overnight Friday to Saturday", "the night of Friday to Saturday".
_NIGHT_OF = re.compile(
    rf"\b(?:overnight(?:\s+(?:from|on))?|(?:on\s+|during\s+)?the\s+night\s+(?:of|from|between))\s+(?P<a>{_WD})"
    rf"(?:\s+night)?\s+(?:to|into|and)\s+(?P<b>{_WD})\b", re.IGNORECASE)
#: A clock time after midnight and before day: "at about 2 a.m.", "shortly after midnight", "at dawn".
_SMALL_HOURS = re.compile(
    r"\b(?:(?:at|around|about|by|until|till)\s+(?:about\s+|around\s+)?(?:[1-5](?:[:.][0-5]\d)?\s*a\.?\s?m\b|"
    r"0[0-5][:.]?[0-5]\d\b|dawn\b)|(?:shortly|just|soon)\s+after\s+midnight\b|before\s+dawn\b)",
    re.IGNORECASE)


def _night_end(sents: Sequence[_Sentence], sent: _Sentence, date: ResolvedDate) -> ResolvedDate:
    """A night told by its two days is dated, as "last night" is, by the evening it began
    ("overnight Friday to Saturday": Friday), unless its story tells a time after midnight
    ("... at about 2 a.m."): then by the morning it ended (Saturday)."""
    if not date.explicit or date.span is None or date.date is None or date.precision is not DatePrecision.DAY:
        return date
    m = next((m for m in _NIGHT_OF.finditer(sent.text) if m.start("a") <= date.span[0] < m.end()), None)
    if m is None:
        return date
    later = [sent] + [s for s in sents[sent.index + 1 : sent.index + 2] if not s.separate()]
    if not any(_SMALL_HOURS.search(s.text) for s in later):
        return date
    a, b = _WEEKDAYS.index(m["a"].lower()), _WEEKDAYS.index(m["b"].lower())
    if date.span[0] != m.start("a") or (b - a) % 7 != 1:
        return date  # the later day is the one read already, or the days do not follow
    return dataclasses.replace(date, date=date.date + dt.timedelta(days=1))


#: A sentence opening on a side's answer to what the sentence before told.
_RESPONSE = re.compile(
    r"\W*(?:[\w.'-]+\s+){1,4}?(?:responded|retaliated|hit back|struck back|fired back)\b", re.IGNORECASE)
_AND_COUNT = re.compile(
    r"\band\s+(?:at\s+least\s+|some\s+|about\s+|another\s+)?(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|"
    r"nine|ten|eleven|twelve|a\s+dozen|dozens|scores)\s+[a-z]", re.IGNORECASE)


def _own_incident_start(sent: _Sentence, trig: Trigger, loc: PlaceMention | None) -> int:
    """Where the trigger's own incident begins in its sentence: after another incident told
    before it in another region, coordinated by a count of the trigger's own victims ("killed
    three villagers in a night raid in Kenya's coastal Lamu county and four police officers in a
    roadside bomb attack in Mandera county": the villagers are Lamu's, not the Mandera bombing's)."""
    if loc is None or loc.resolved is None or loc.resolved.region is None or (
            loc.span.start - sent.start < trig.start or not sent.start <= loc.span.start < sent.start + len(sent.text)):
        return 0
    for p in _location_candidates(sent):
        pos = p.span.start - sent.start
        if not (0 <= pos < trig.start) or p.resolved is None or p.resolved.region in (None, loc.resolved.region):
            continue
        if (m := _AND_COUNT.search(sent.text, p.span.end - sent.start, trig.start)) is not None:
            return m.start()
    return 0


def _names_victims(sent: _Sentence, host: _Candidate) -> bool:
    """Whether ``sent`` opens on the host's dead by their count and kind ("The two soldiers"
    after "killed two soldiers")."""
    m = _COUNTED_OPENING.match(sent.text)
    if m is None:
        return False
    n = m["n"].lower()
    count = int(n) if n.isdigit() else _NUMBER_WORDS.get(n)
    kind = m["kind"].lower()
    return count is not None and any(
        f.best == count and (f.victim_kind or "").lower() in (kind, kind.rstrip("s"), kind + "s")
        for f in host.casualties if f.category is CasualtyCategory.KILLED
    )


def _place_rank(p: PlaceMention) -> int:
    """How coarse a place is (:data:`_KIND_RANK`); a settlement read as its region only is a
    settlement's."""
    return 0 if _region_fallback(p) else _KIND_RANK.get(_kind(p), 1)  # type: ignore[arg-type]


def _place_told_after(host: _Candidate, sent: _Sentence) -> None:
    """"A suicide bomber rammed ... a police checkpoint in northwestern Pakistan ... The attack
    took place on the outskirts of Bannu": the next sentence's town places a country- or
    region-level event (it had stayed in Pakistan)."""
    here = host.location
    rank = _place_rank(here)
    if rank < 3 or here.resolved is None:
        return
    finer = next((p for p in sent.places if p.role == "location" and p.resolved is not None
                  and p.resolved.country == here.resolved.country
                  and (here.resolved.region is None or p.resolved.region == here.resolved.region)
                  and _KIND_RANK.get(p.resolved.kind, 1) < rank), None)
    if finer is not None:
        host.location = finer
        host.evidence.append(finer.span)


def _retold(host: _Candidate, cand: _Candidate) -> None:
    """Fold the retelling into the story: its figures, its finer day, and its place when that
    is finer or the story's was a reference point ("in the desert east of Homs")."""
    h, c = host.location, cand.location
    hr, cr = _place_rank(h), _place_rank(c)
    sent = host.sentence
    pos = h.span.start - sent.start
    reference = 0 <= pos <= len(sent.text) and (_REFERENCE_BEFORE.search(sent.text, max(0, pos - 30), pos) is not None
                                                or (h in sent.places and bool(_is_dateline_place(sent, h))))
    lead = host.first_told()
    _absorb(host, cand)
    host.lead = lead
    if cr < hr or reference:
        host.location = c


# --- who claimed the attack --------------------------------------------------------
# "Gunmen attacked a church in Gwoza ... Islamic State claimed responsibility": the group
# that claims the event told is its actor1 when the text names no other (ACLED codes the
# claimant). Not a claim denied or yet to come ("No group claimed", "has not claimed"), nor
# one of other incidents ("has claimed similar attacks", "a bombing last year").
_CLAIM = re.compile(
    r"\b(?:claim(?:ed|s|ing)?|t(?:ook|akes?|aken|aking)|accept(?:ed|s)?|admitted)\s+(?:full\s+)?(?:responsibility|credit)\b"
    r"|\bclaim(?:ed|s|ing)?\s+(?:the|this|that|these|those|both|its|\w+['\u2019]s)\s+(?:[\w'-]+\s+){0,2}?(?:attacks?|"
    r"bombings?|killings?|ambush(?:es)?|raids?|assaults?|strikes?|blasts?|explosions?|massacres?|shootings?|"
    r"operations?|kidnappings?|abductions?)\b"
    r"|\b(?:said|says|saying|admitted)\s+(?:that\s+)?(?:it|they|its fighters|its men)\s+(?:was|were|had been)\s+behind\b",
    re.IGNORECASE,
)
_CLAIMED_BY = re.compile(r"\b(?:was|were|has been|have been|had been)\s+(?:later\s+)?claimed\s+by\s+", re.IGNORECASE)
#: Between the group and its claim: a claim denied, doubted or yet to come.
_NO_CLAIM = re.compile(
    r"\b(?:not|never|no|yet|denied|denies|deny|rejected|would|could|may|might|often|frequently|"
    r"repeatedly|regularly|previously|usually|typically)\b|n['\u2019]t\b",
    re.IGNORECASE,
)
#: In the claim's clause: other incidents than the one told.
_OTHER_CLAIMED = re.compile(
    r"\b(?:previous|earlier|similar|past|other|prior|several|many|numerous|dozens|scores|hundreds|frequent|"
    r"regular|repeated|recent|series|string|spate|wave|most|number of|in the past|before)\b",
    re.IGNORECASE,
)
#: Someone else named as the attacker: "Police blamed Boko Haram".
_BLAMED = re.compile(
    r"\b(?:blam(?:ed|es|ing)|accus(?:ed|es|ing)|attribut(?:ed|es|ing)|suspect(?:ed|s)?|carried out by|"
    r"perpetrated by|(?:was|were|is|are) behind|responsible)\b",
    re.IGNORECASE,
)
_CLAIM_HINTS = ("claim", "responsib", "credit", "behind")
#: How many sentences after the event told its claim may come.
_CLAIM_SENTENCES = 6


def _claimant(sent: _Sentence) -> tuple[_ActorCue, re.Match[str]] | None:
    """The armed group the sentence says claimed an attack, with its claim."""
    low = sent.low or ""
    if not any(h in low for h in _CLAIM_HINTS) or not _entity_cues(sent):
        return None
    text = sent.text
    for m in _CLAIMED_BY.finditer(text):
        after = [c for c in _entity_cues(sent) if m.end() <= c.pos <= m.end() + 12]
        if after:
            return after[0], m
    for m in _CLAIM.finditer(text):
        clause = 0
        for b in _CLAUSE_BREAK.finditer(text, 0, m.start()):
            clause = b.end()
        before = [c for c in _entity_cues(sent) if clause <= c.pos < m.start()]
        if not before:
            continue
        cue = max(before, key=lambda c: c.pos)
        if _NO_CLAIM.search(text, cue.pos, m.start()):
            continue
        return cue, m
    return None


def _credit_claim(out: list[_Candidate], sents: Sequence[_Sentence], sent: _Sentence,
                  published: dt.date | None) -> None:
    """Make the group claiming the event told before its actor1 (see :data:`_CLAIM`)."""
    found = _claimant(sent)
    if found is None or sent.separate():
        return
    cue, m = found
    text = sent.text
    end = _CLAUSE_END.search(text, m.end())
    tail = text[m.start() : end.start() if end else len(text)]
    if _OTHER_CLAIMED.search(tail):
        return  # "has claimed similar attacks in the area"
    both = re.search(r"\b(?:both|the two)\b", tail, re.IGNORECASE) is not None
    told = [c for c in out if sent.index - c.sentence.index <= _CLAIM_SENTENCES]
    targets = told[-2:] if both else [c for c in told if not c.apart][-1:]
    date = _segment_date(sent, (0, len(text)), published, m.start())
    places = _location_candidates(sent)
    actor = cue.actor
    for c in targets:
        if _actor1(c) is not None or (date.explicit and not date.told and not _dates_compatible(c.date, date)):
            continue  # the text names its attacker; or the claim is of another day's
        if any(_place_key(p) != _place_key(c.location) and not _contains(p, c.location)
               and not _contains(c.location, p) for p in places):
            continue  # "claimed responsibility for a bombing in Maiduguri": elsewhere
        if any(_BLAMED.search(s.text) and any(e.kind is EntityKind.ARMED_GROUP and e.name != actor.name
                                              for e in s.entities)
               for s in sents[c.sentence.index : sent.index + 1]):
            continue  # "Police blamed Boko Haram": another group named as the attacker
        c.claimed.append(actor)


#: A bare "strikes", no walkout's ("general strike", "on strike", "strike by workers").
_BARE_STRIKE = re.compile(
    r"(?<!hunger )(?<!general )(?<!labour )(?<!labor )(?<!national )(?<!nationwide )(?<!workers' )(?<!on )"
    r"\bstrikes?\b(?! by (?:workers|unions|teachers|doctors|drivers|staff))",
    re.IGNORECASE,
)


def _long_before(date: ResolvedDate, story: dt.date | None) -> bool:
    """Whether all the days ``date`` may mean lie more than a week before ``story``."""
    if story is None or date.date is None:
        return False
    end = date.date
    if date.precision is DatePrecision.WEEK:
        end += dt.timedelta(days=6)
    elif date.precision is DatePrecision.MONTH:
        if (end.year, end.month) < (story.year, story.month):
            return True  # "since early March, when violence ... killed some 1,500", after a story of April 3
        end = (end.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
    elif date.precision is DatePrecision.YEAR:
        end = end.replace(month=12, day=31)
    return (story - end).days > _STORY_DAYS


def _actor1(c: _Candidate) -> str | None:
    return next((a.name for a in c.actors if a.role == "actor1"), None)


_TOLD_AFTER_DAYS = 3  # how long after an event a report of "said on Monday" still tells it
#: How far from a story's day a dated sentence may lie and still tell that story (a toll
#: raised the next day does; "on Oct. 7, 2023", "Last November" are background).
_STORY_DAYS = 7


def _dates_compatible(a: ResolvedDate, b: ResolvedDate) -> bool:
    """Two explicit dates must agree; an explicit one must be near an undated mention's
    publication date ("In October 2017, a truck bombing in Mogadishu killed 587" had been
    merged into that day's bombing, and given it its date)."""
    if a.explicit and b.explicit:
        if a.told != b.told and a.date is not None and b.date is not None:
            # "killed 15 people ..., police said on Monday" then "stormed Kairu village late on
            # Sunday": told the day after it happened (they had been two raids)
            told, then = (a, b) if a.told else (b, a)
            return 0 <= (told.date - then.date).days <= _TOLD_AFTER_DAYS  # type: ignore[operator]
        return (a.date, a.precision) == (b.date, b.precision)
    if not a.explicit and not b.explicit:
        return True
    told, undated = (a, b) if a.explicit else (b, a)
    if told.date is None or undated.date is None:
        return True
    days = abs((told.date - undated.date).days)
    if told.precision is DatePrecision.YEAR:
        return told.date.year == undated.date.year
    if told.precision is DatePrecision.MONTH:
        return days <= 31 or (told.date.year, told.date.month) == (undated.date.year, undated.date.month)
    return days <= 14


def _compatible(a: _Candidate, b: _Candidate) -> bool:
    a1, b1 = _actor1(a), _actor1(b)
    if a.sentence is not b.sentence and (a.sentence.separate() or b.sentence.separate()):
        return False  # "In a related development, troops killed 15 bandits in Tsafe": its own event
    if (a.apart or b.apart) and a.sentence.text[:100] != b.sentence.text[:100]:
        return False  # "Saturday's attack came days after a bombing that killed five": another
        # (but the earlier incident told twice, by a caption and the text, is one: "came just
        # 24 hours after Moscow said its troops had seized ... Basivka" had made two events)
    return (
        a.family is b.family
        and _dates_compatible(a.date, b.date)
        and (not a1 or not b1 or a1 == b1)
    )


#: The weapon a strike word names: an air or drone strike, or artillery, rockets and missiles.
_AIR_WORD = re.compile(r"(?:air|drone|aerial|uav)\b|airstrike")
_SHELL_WORD = re.compile(r"(?:artillery|mortar|shell|rocket|missile|cruise|ballistic)")


def _weapon(c: _Candidate) -> str | None:
    """The weapon the candidate's own trigger names, if it names one ("drone strike",
    "artillery shelling"; not a bare "Israeli strike")."""
    if c.family is not _F.EXPLOSIONS_REMOTE_VIOLENCE:
        return None
    low = c.sentence.low[c.order[1]:] if c.sentence.low is not None else c.sentence.text[c.order[1]:].lower()
    return "air" if _AIR_WORD.match(low) else "shell" if _SHELL_WORD.match(low) else None


def _same_weapon(a: _Candidate, b: _Candidate) -> bool:
    """No two weapons: a drone strike "in southern Lebanon" is not the artillery shelling of a
    border village told later (it had been, and its dead that shelling's). Read for a strike
    placed only by its country: a region's strikes ("drone strikes while pounding towns in
    Belgorod with artillery") are more often a summary of those told at its towns."""
    wa, wb = _weapon(a), _weapon(b)
    return wa is None or wb is None or wa == wb


_CONTAINER_KINDS = frozenset((PlaceKind.ADMIN1, PlaceKind.ADMIN2, PlaceKind.COUNTRY, PlaceKind.CITY))


def _contains(coarse: PlaceMention, fine: PlaceMention) -> bool:
    c, f = coarse.resolved, fine.resolved
    if c is None or f is None or _region_fallback(coarse):
        return False
    if c.kind is PlaceKind.CITY:
        # "strike on Kharkiv ... The missile hit the city's Kyivskyi district": the district
        # the places extractor placed at that city (it had been a second, undated event)
        return f.kind is PlaceKind.DISTRICT and (f.region, f.lat, f.lon) == (c.region, c.lat, c.lon)
    fine_rank = _place_rank(fine)
    if fine_rank >= _KIND_RANK.get(c.kind, 1):
        return False
    if c.kind in (PlaceKind.ADMIN1, PlaceKind.ADMIN2):
        return c.region is not None and c.region == f.region
    if c.kind is PlaceKind.COUNTRY:
        return c.country is not None and c.country == f.country
    return False


def _absorb(into: _Candidate, other: _Candidate) -> None:
    if other.date.explicit and (not into.date.explicit or (into.date.told and not other.date.told)) or (
        other.date.explicit
        and into.date.explicit
        and _PRECISION_ORDER[other.date.precision] < _PRECISION_ORDER[into.date.precision]
    ):
        into.date = other.date
    into.lead = min(into.first_told(), other.first_told(), key=lambda t: t[0])
    part = _ORDINAL_PART.match(other.sentence.text)
    if part is not None and other.own and part.end() > other.order[1] and other.order > into.order:
        # "A second strike killed three people at a clinic nearby": its own figures add up
        into.add_part(other.casualties[: other.own], (part.group("n") or part.group("a")).lower())
    into.parts.extend(other.parts)
    into.casualties.extend(other.casualties)
    into.evidence.extend(other.evidence)
    into.civilian_context = into.civilian_context or other.civilian_context
    into.claimed.extend(other.claimed)
    # who acted, as the absorbed telling names it ("Myanmar junta air strike kills 11" above the
    # village's strike: the junta is its actor1; it had been lost with the title's event)
    into.actors.extend(a for a in other.actors if a not in into.actors)


_PRECISION_ORDER = {
    DatePrecision.DAY: 0, DatePrecision.WEEK: 1, DatePrecision.MONTH: 2,
    DatePrecision.YEAR: 3, DatePrecision.UNKNOWN: 4,
}  # fmt: skip


#: A title: a line of its own with no closing stop (a headline, a live blog's "07:05 - Three
#: killed in Kharkiv"); the sentences after it, up to the next title, are its lead.
_TITLE_WORDS = 20
_LEAD_SENTENCES = 3


def _is_title(sent: _Sentence) -> bool:
    if sent.text.rstrip()[-1:] in ".!?…\"”" or len(sent.text.split()) > _TITLE_WORDS:
        return False
    text, a = sent.chunk.text, sent.local_start
    end = a + len(sent.text)
    return (a == 0 or text[a - 1] == "\n") and (text.startswith("\n", end) or (
        end == len(text.rstrip()) and sent.chunk.seq + 1 < sent.chunk.chunk_count))  # its lead in the next chunk


def _shares_figure(a: _Candidate, b: _Candidate) -> bool:
    told = {(f.category, f.best) for f in a.casualties if f.best is not None}
    return any((f.category, f.best) in told for f in b.casualties)


def _same_region(a: _Candidate, b: _Candidate) -> bool:
    ra, rb = a.location.resolved, b.location.resolved
    return ra is not None and rb is not None and ra.region is not None and ra.region == rb.region


def _titles_into_leads(cands: list[_Candidate], sents: Sequence[_Sentence]) -> list[_Candidate]:
    """A title's event is the one its lead tells: it joins the first event of its lead of
    the same family or figure, country and date ("Israeli strikes kill at least 27 in Gaza"
    above "Israeli air strikes killed at least 27 Palestinians across the Gaza Strip", a
    live blog's "Three killed in Kharkiv" above the mayor's account, had been two events)."""
    titles = {c.sentence.index for c in cands if _is_title(c.sentence)}
    if not titles:
        return cands
    out: list[_Candidate] = []
    for h in cands:
        i = h.sentence.index
        if i not in titles:
            out.append(h)
            continue
        end = next((j for j in range(i + 1, len(sents)) if not _is_title(sents[j])), len(sents))
        hc = h.location.resolved.country if h.location.resolved else None
        leads = [c for c in cands if end <= c.sentence.index < end + _LEAD_SENTENCES
                 and not any(t in titles for t in range(end, c.sentence.index + 1))
                 and (c.family is h.family or _shares_figure(h, c) or _same_region(h, c))
                 and _dates_compatible(c.date, h.date)
                 and (hc is None or c.location.resolved is None or c.location.resolved.country == hc)]
        leads.sort(key=lambda c: c.order)  # told order (an aside clause's candidate sits before its story)
        lead = next(iter(leads), None)
        if lead is not None and lead.family is not h.family:
            # "Ethiopian army says it killed 43 Fano fighters; residents say drone strike killed
            # nine civilians" above a lead telling the fighting first: the title's strike is the
            # lead's strike with its figure (it had joined the fighting, giving it the nine civilians)
            lead = next((c for c in leads if c.family is h.family and _shares_figure(h, c)), lead)
        if lead is not None and _place_key(h.location) != _place_key(lead.location) and not (
                _contains(h.location, lead.location) or _contains(lead.location, h.location)) and any(
                _place_key(p) == _place_key(lead.location) for p in _location_candidates(h.sentence)):
            # "Two gendarmes killed in Bali, four young men shot dead in Kumbo" above the Bali
            # attack: the title's Kumbo clause is another incident, the lead's toll left to the lead
            # (it had joined the Bali attack, giving it 4)
            h.casualties = [f for f in h.casualties if f.best not in _killed_told(lead)]
            lead = None
        if lead is None:
            # "RSF shelling kills 14 in El Fasher camp as drone strike hits El Obeid market": the
            # title's other clause is told in full further down ("In a separate attack, a drone
            # strike hit a crowded market in El Obeid ... on Saturday"; it had been its own event)
            # (and "civilians killed in Niger market raid" is the Banibangou market attack told
            # below: a title clause with no figure of its own, another assault word, an undated day)
            lead = next((c for c in cands if c.sentence.index >= end and (
                            c.family is h.family or ({c.family, h.family} <= _ASSAULT_FAMILIES and not _killed_told(h)))
                         and (_place_key(c.location) == _place_key(h.location) or _contains(h.location, c.location))
                         and (h.date.date is None or c.date.date is None or (c.family is not h.family and not h.date.explicit)
                              or abs((h.date.date - c.date.date).days) <= 1)), None)  # (a title's day is its lead's)
            if lead is not None:
                told = lead.first_told()
                _absorb(lead, h)
                lead.lead = told  # its summary is the sentence telling it in full, not the title's clause
                continue
        if lead is None:
            out.append(h)
        else:
            _absorb(lead, h)
    return out


#: A capture's verb that says the side took back what it had lost: the government's, in ACLED's
#: reading ("recaptured the town of Adan Yabaal"), as rebels "seize" or "overrun".
_REGAINED = re.compile(r"re(?:captur|tak|took|gain)|clawed back|liberat")


def _captures_fought(cands: list[_Candidate]) -> list[_Candidate]:
    """A capture told with its fighting in one sentence, at one place and day ("recaptured the
    town of Adan Yabaal ... after heavy fighting ..., adding that more than 70 militants had
    been killed") is one battle over territory, not a territory change beside a clash."""
    out: list[_Candidate] = []
    for c in cands:
        if c.family is _F.STRATEGIC_DEVELOPMENTS and c.sub_type == "territory_change":
            fight = next((b for b in cands if b.family is _F.BATTLES and b.sentence is c.sentence
                          and (_place_key(b.location) == _place_key(c.location) or _contains(b.location, c.location)
                               or _same_region(b, c))
                          and _dates_compatible(b.date, c.date)), None)
            if fight is not None:
                low = c.sentence.low or ""
                regained = _REGAINED.match(low, c.order[1]) is not None
                if regained:  # a seizure by others stays a clash: which side is a state is not read here
                    fight.sub_type = "government_regains_territory"
                fight.actors.extend(a for a in c.actors if a not in fight.actors)
                if c.order < fight.order:
                    fight.lead = min(fight.first_told(), c.first_told(), key=lambda t: t[0])
                fight.evidence.extend(c.evidence)
                fight.casualties.extend(f for f in c.casualties if f not in fight.casualties)
                if _contains(fight.location, c.location) or (_region_fallback(fight.location) and _same_region(fight, c)):
                    fight.location = c.location  # the town taken, not its region
                continue
        out.append(c)
    return out


def _told_in_full(g: _Candidate, h: _Candidate) -> bool:
    """Whether ``h``, within ``g``'s area, tells in full the earlier incident ``g`` named in
    passing ("..., hours after suspected insurgents shot dead a village headman in
    neighbouring Pattani", then "Late on Sunday, two gunmen ... in Nong Chik district")."""
    gr, hr = g.location.resolved, h.location.resolved
    return (g.apart and not h.apart and g.family is h.family
            and g.order < h.order and _dates_compatible(g.date, h.date)
            and gr is not None and hr is not None and gr.country == hr.country
            and gr.region is not None and gr.region == hr.region
            and (not _actor1(g) or not _actor1(h) or _actor1(g) == _actor1(h)))


def _told_apart_later(g: _Candidate, h: _Candidate) -> bool:
    """Whether ``h``, told later in its own sentence, tells in full the incident a lead's clause
    ``g`` named as "a separate" one: same family and weapon, ``g``'s own dead among ``h``'s, days
    apart at most ("... while residents said a separate drone strike had killed nine civilians in a
    minibus" then "In a separate incident on Saturday, a drone struck a minibus on the road between
    Mota and Bichena ..., killing nine passengers": one strike, at Mota; it had been two, the lead's
    at the other clause's Debre Markos)."""
    if not g.separate_clause or g.sentence.index > _LEAD_SENTENCES or h.sentence.index <= g.sentence.index or (
            h.separate_clause or h.apart or g.family is not h.family or not _same_weapon(g, h)):
        return False
    # its own figures, killed or wounded: "as a separate drone attack wounded three police officers"
    # is "On Monday, an explosives-laden drone struck the police station in El Tarra, ..., wounding
    # three officers"
    own = {(f.category, f.best) for f in g.casualties[: g.own] if f.best is not None
           and f.category in (CasualtyCategory.KILLED, CasualtyCategory.INJURED)}
    if not own or not own <= {(f.category, f.best) for f in h.casualties if f.best is not None}:
        return False
    if g.borrowed_day or g.date.told or not g.date.explicit:
        a, b = g.date.date, h.date.date
        return a is None or b is None or abs((a - b).days) <= _STORY_DAYS
    return _dates_compatible(g.date, h.date)


def _summary_of(g: _Candidate, c: _Candidate) -> bool:
    """Whether ``g``, a lead's clause dated only by another clause, sums ``c`` told in full later
    at the same place: same family and weapon, the same dead, a day apart ("Russian glide bombs
    killed three people in Kharkiv on Sunday, while an overnight drone attack on Odesa killed one
    person" then "In Odesa, a drone hit a high-rise building overnight into Monday, killing one
    person": one strike, Monday's; they had been two)."""
    if not g.borrowed_day or g.sentence.index > _LEAD_SENTENCES or c.sentence is g.sentence or (
            g.family is not c.family or not _same_weapon(g, c) or c.sentence.separate() or c.apart):
        return False
    if g.date.date is None or c.date.date is None or abs((g.date.date - c.date.date).days) > 1:
        return False
    a1, b1 = _actor1(g), _actor1(c)
    killed = _killed_told(g)
    return (not a1 or not b1 or a1 == b1) and bool(killed) and killed <= _killed_told(c)


def _group(cands: list[_Candidate]) -> list[_Candidate]:
    """Merge same-place events, then let finer events absorb coarser ones within them."""
    cands = _captures_fought(cands)
    told: list[_Candidate] = []
    for c in cands:
        full = next((h for h in cands if _told_in_full(c, h) or _told_apart_later(c, h)), None)
        if full is None:
            told.append(c)
        else:
            _absorb(full, c)  # named in passing, told in full later: one event, at the later place
    cands = told
    groups: list[_Candidate] = []
    by_place: dict[str, list[_Candidate]] = {}
    for c in cands:  # document order
        same_place = by_place.setdefault(_place_key(c.location), [])
        host = next((g for g in same_place if _compatible(g, c) or _summary_of(g, c) or _recap_of(g, c)), None)
        if host is None:
            groups.append(c)
            same_place.append(c)
        else:
            _absorb(host, c)
            if host.borrowed_day and not c.borrowed_day and c.date.explicit:
                host.date, host.borrowed_day = c.date, False  # the day told of the strike itself
    kept: list[_Candidate] = []
    for g in groups:
        r = g.location.resolved
        if r is None or r.kind not in _CONTAINER_KINDS:
            kept.append(g)  # contains nothing (see _contains)
            continue
        if _several_incidents(g) and _event_fatalities(g):
            # "have left at least 11 people dead in Syria since Friday": a total of the incidents
            # told after it, no finer one's toll (see _split_aggregates; it had given a bombing
            # that killed three near Busayrah the 11)
            kept.append(g)
            continue
        finer = [
            h for h in groups
            if h is not g and _contains(g.location, h.location)
            and _compatible(g, h) and (r.kind is not PlaceKind.COUNTRY or _same_weapon(g, h))
        ]  # fmt: skip
        host = min(finer, key=lambda h: h.order) if finer else None
        if host is None or not _killed_told(host):
            # "... rose to 14 on Monday" (the lead, placed by its country) beside "Fighters of the
            # ADF raided the village of Kalunguta ... so we are at 14 dead": the toll is the
            # event's that already carries it, not the figureless one the story tells next ("The
            # attackers also abducted at least six people, according to the military
            # administrator of Beni territory" had taken the 14, counted twice)
            host = next((h for h in groups if h is not g and h.family is g.family and _carries_toll(h, g)
                         and _contains(g.location, h.location)), host)
        if host is not None:
            _absorb(host, g)
        else:
            kept.append(g)
    return kept


def _recap_of(g: _Candidate, c: _Candidate) -> bool:
    """Whether ``c``, at ``g``'s place, retells ``g``'s toll under another assault word: "At
    least nine people were killed and 41 wounded in the overnight attack on Sumy", a closing
    recap of the drone strike (it had been an attack on civilians of its own, the nine twice)."""
    if g.family is c.family or not {g.family, c.family} <= _ASSAULT_FAMILIES or c.apart or g.apart:
        return False
    if c.sentence.separate() or not (_dates_compatible(g.date, c.date) or (
            g.borrowed_day and g.date.date is not None and c.date.date is not None
            and abs((c.date.date - g.date.date).days) <= 1)):
        return False  # (a lead clause dated by its sentence's other clause, "overnight", is a day off at most)
    a1, b1 = _actor1(g), _actor1(c)
    return (not a1 or not b1 or a1 == b1) and bool(_killed_told(c)) and _killed_told(c) <= _killed_told(g)


def _killed_told(c: _Candidate) -> set[int]:
    return {f.best for f in c.casualties if f.category is CasualtyCategory.KILLED and f.best is not None}


def _carries_toll(h: _Candidate, g: _Candidate) -> bool:
    """Whether ``h`` already carries ``g``'s toll: a killed figure of both, told days apart at most."""
    if not (_killed_told(h) & _killed_told(g)) or h.sentence.separate() or g.sentence.separate() or h.apart:
        return False
    a, b = h.date.date, g.date.date
    return a is None or b is None or abs((a - b).days) <= _TOLD_AFTER_DAYS


def _detail(c: CasualtyMention) -> int:
    return len(c.breakdown) * 4 + (c.victim_kind is not None) * 2 + (c.claimed_by is not None)


def _dedup_casualties(items: Sequence[CasualtyMention]) -> list[CasualtyMention]:
    """The same figure repeated (headline, captions, recaps) counts once: the mention
    that says most about it (breakdown, victims, source) wins, else the first."""
    seen: dict[tuple[object, ...], CasualtyMention] = {}
    for c in sorted(items, key=lambda c: (c.span.start, c.span.end)):
        key = (c.category, c.best) if c.best is not None else (c.category, c.low, c.high)
        if key not in seen or _detail(c) > _detail(seen[key]):
            seen[key] = c
    return sorted(seen.values(), key=lambda c: (c.span.start, c.span.end))


def _actor_key(a: Actor) -> str:
    """One key per actor: a state's forces by their country, whatever the name of it the
    telling gave ("Armed Forces of Burma" from the lexicon, "of Myanmar" from the gazetteer)."""
    return f"state:{a.country}" if a.country and a.name.startswith("Armed Forces of ") else a.name


def _dedup_actors(actors: Sequence[Actor]) -> list[Actor]:
    by_key: dict[tuple[str, str], Actor] = {}
    for a in sorted(actors, key=lambda a: (a.evidence.start if a.evidence else -1, a.name)):
        by_key.setdefault((a.role, _actor_key(a)), a)
    ordered = sorted(by_key.values(), key=lambda a: (("actor1", "actor2", "target").index(a.role)
                                                     if a.role in ("actor1", "actor2", "target")
                                                     else 3, a.name))  # fmt: skip
    # one actor1: the first-evidenced; another state named actor1 elsewhere stays actor2
    out: list[Actor] = []
    has1 = False
    for a in ordered:
        if a.role == "actor1":
            if has1:
                a = a.model_copy(update={"role": "actor2"})
            has1 = True
        if all((a.role, _actor_key(a)) != (b.role, _actor_key(b)) for b in out) and not (
                a.role == "actor2" and any(b.role == "actor1" and _actor_key(b) == _actor_key(a) for b in out)):
            out.append(a)  # (a side demoted to actor2 is never the actor1 again)
    return out


def event_id(
    document_id: str,
    family: str,
    sub_type: str,
    location_key: str,
    date: dt.date | None,
    precision: str,
    actor1: str | None = None,
) -> str:
    """Content-derived id: the same document and event always hash alike.

    ``actor1`` only separates two events that differ in nothing else.
    """
    day = date.isoformat() if date else ""
    parts = [document_id, family, sub_type, location_key, day, precision]
    if actor1:
        parts.append(actor1)
    raw = "|".join(parts)
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:32]


def _location(p: PlaceMention) -> EventLocation:
    r = p.resolved
    if r is None:
        return EventLocation(name=p.surface, kind=PlaceKind.OTHER, country=None, region=None,
                             precision=GeoPrecision.UNKNOWN, evidence=p.span)  # fmt: skip
    if _region_fallback(p):
        # keep the name the text gives; the coordinates stay the region's, and say so
        return EventLocation(
            name=p.surface, kind=PlaceKind.OTHER, country=r.country, region=r.region,
            lat=r.lat, lon=r.lon, precision=r.precision, geonames_id=None, evidence=p.span,
        )  # fmt: skip
    return EventLocation(
        name=r.name, kind=r.kind, country=r.country, region=r.region, lat=r.lat, lon=r.lon,
        precision=r.precision, geonames_id=r.geonames_id, evidence=p.span,
    )  # fmt: skip


def _figure(c: CasualtyMention) -> CasualtyFigure:
    return CasualtyFigure(
        category=c.category, victim_kind=c.victim_kind, best=c.best, low=c.low, high=c.high,
        qualifier=c.qualifier, breakdown=dict(c.breakdown), claimed_by=c.claimed_by,
        evidence=c.span, sentence=c.sentence,
    )  # fmt: skip


_SPOKE = re.compile(r"\s+(?:said|say|says|told|reported|described|recalled)\b", re.IGNORECASE)


def _civilian_context(sent: _Sentence, seg: tuple[int, int]) -> Span | None:
    """A civilian word of the trigger's clause that shows who was hit ("civilians",
    "residential"), never a source ("residents said")."""
    pos = seg[0]
    if not _window_may_hold(sent, _CIVILIAN_HEADS, pos, seg[1]):
        return None
    while (m := _CIVILIAN_WORDS.search(sent.text, pos, seg[1], low=sent.low)) is not None:
        if not _SPOKE.match(sent.text, m.end()):
            return sent.span(*m.span())
        pos = m.end()
    return None


#: Victims no one takes for fighters.
_UNARMED_KINDS = frozenset(
    "civilians passengers villagers residents travellers travelers traders farmers herders worshippers women "
    "children students pilgrims miners drivers".split()
)


def _unarmed_victims(cas: Sequence[CasualtyMention], sent: _Sentence, own: tuple[int, int]) -> bool:
    """Whether the trigger's own figures in ``sent`` all count unmistakable civilians."""
    mine = [c for c in cas if c.sentence.start == sent.start and own[0] <= sent.rel(c.span) < own[1]
            and c.category in (CasualtyCategory.KILLED, CasualtyCategory.INJURED)]
    return bool(mine) and all(
        all(k.lower() in _UNARMED_KINDS for k in (c.breakdown or {(c.victim_kind or ""): 0})) for c in mine)


def _civilian_victims(cas: Sequence[CasualtyMention]) -> Span | None:
    """The figure that shows the victims were civilians, if any."""
    for c in cas:
        if (c.victim_kind or "").lower() in _CIVILIAN_KINDS or any(
            k.lower() in _CIVILIAN_KINDS for k in c.breakdown
        ):
            return c.span
    return None


#: "X said it had killed", "claimed to have killed": the killer's own count.
_CLAIMED_KILL = re.compile(
    # "said on Sunday it had killed 19", "claimed the group had killed \"over 40\" soldiers"
    # ("Yemen's Houthis say they killed 40 government troops", a headline's present, had been no claim)
    # "said in a statement released through its Az-Zallaqa media arm on Saturday that it had
    # killed 73 soldiers" (it had been no claim, and the toll 73 over the sources' "at least 50")
    r"\b(?:said|says|say|saying|claimed|claims|announced)(?:\s+(?:late\s+|early\s+)?on\s+\w+day(?:\s+(?:morning|afternoon|evening|night))?|"
    r"\s+in\s+a\s+statement\s+(?:released|issued|posted|published|carried|shared)\s+[^,.;:\"\u201c]{0,60}?(?=\s+that\b)|"
    r"\s+in\s+a\s+statement|"
    # "The 3R claimed on social media that its fighters had killed \"more than 20 soldiers and
    # Russians\"" (it had been no claim, and 20 summed with the UN source's nine)
    r"\s+(?:on|via|through)\s+(?:social\s+media|telegram|twitter|facebook|x)(?=\s+that\b)|"
    r"\s+(?:on|in|via|through)\s+(?:a|an|its|their)\s+[^,.;:\"\u201c]{0,40}?(?=\s+that\b)){0,2}"  # "on a website it uses"
    r"\s+(?:that\s+)?(?:it|they|its (?:fighters|forces|men|troops|soldiers|members)|the (?:group|militia|movement|rebels)|"
    # the army's own words of its troops' kills: "said in a statement on Sunday that troops had
    # counter-attacked and \"killed more than 40 terrorists\"" (a side's claim of its foes' dead)
    r"(?<=that )(?:the\s+)?(?:troops|soldiers|army|military|security forces|forces|police))"
    # "The SPLA-IO said its forces repulsed an army attack on their positions in Ayod County ...
    # and killed 45 government soldiers" (the act told first had made it no claim)
    # "Russia's defence ministry said on Friday it had struck a restaurant in the city ..., killing
    # \"up to 85\" servicemen" (it had been no claim, and an attack on civilians of its own with 85)
    r"\s+(?:had\s+|have\s+|has\s+)?(?:[^.;\"\u201c]{0,120}?(?:\s+and|,)\s+)?[\"\u201c]?(?:killed|kill|killing)\b|"
    r"\bclaim(?:ed|s)?\s+to\s+have\s+killed\b|"
    r"\bclaim(?:ed|s|ing)?\s+(?:responsibility|the attack|the killings?|the ambush)\b[^.;]{0,30}?\bsaying\b"
    # a state's own media or army of its forces' kills, however the act is told first: "State
    # television MRTV said the air force had attacked a terrorist training camp ... and killed more
    # than 30 members of the PDF" (it had been no claim, and the toll 30 beside residents' 18)
    r"|\b(?:state(?:-run|-owned|-controlled)?\s+(?:television|tv|media|radio|news\s+agency|broadcaster|"
    r"newspaper)(?:\s+[\w-]+)?|(?:the\s+)?(?:army|military|junta|defen[cs]e\s+ministry|ministry\s+of\s+defen[cs]e))"
    r"\s+(?:said|says|say|reported|announced)(?:\s+(?:on\s+)?\w+day)?\s+(?:that\s+)?(?:the\s+|its\s+)?"
    r"(?:air\s+force|army|military|troops|soldiers|security\s+forces|forces|navy)\s+(?:had\s+|have\s+|has\s+)?"
    r"(?:[^.;]{0,80}?\s+and\s+)?[\"\u201c]?(?:killed|kill)\b"
    # a side's quoted word of its foes' dead, however done: "The junta said on state television
    # that \"more than 100 terrorists were neutralised\"" (it had been no claim)
    r"|\b(?:said|says|claimed|announced)(?:\s+[^,.;:\"\u201c]{0,60}?)?\s+that\s+[\"\u201c]"
    r"(?=[^\"\u201d.;]{0,40}?\b(?:terrorists|militants|jihadists|bandits|insurgents|rebels|assailants|attackers)"
    r"\s+(?:were|had\s+been|have\s+been)\s+(?:neutrali[sz]ed|eliminated|killed)\b)"
    # a force's headline count of its foes: "Nigerian army says over 50 jihadists killed", "Police say
    # 18 Maoists killed in Chhattisgarh gunfight" (they had been summed with the sources' count)
    r"|\b(?:army|military|police|troops|forces|junta|ministry)\s+(?:says?|said|claims?|claimed)\s+"
    r"(?=(?:over\s+|more\s+than\s+|at\s+least\s+|nearly\s+|about\s+|some\s+|up\s+to\s+)?[\w,]+\s+(?:[\w-]+\s+){0,2}?"
    r"(?:terrorists|militants|jihadists|bandits|insurgents|rebels|maoists|fighters|gunmen|extremists|separatists|"
    r"attackers|assailants)\s+(?:were\s+|had\s+been\s+|have\s+been\s+)?(?:killed|neutrali[sz]ed|eliminated|dead)\b)",
    re.IGNORECASE,
)  # also "The Pakistani Taliban claimed the attack, saying 20 soldiers had been killed"


#: Strikes told as another operation's support: "a counter-offensive supported by air strikes".
_SUPPORTING = re.compile(r"\b(?:supported|backed|aided|assisted|covered)\s+by\s+(?:\w+\s+)?$", re.IGNORECASE)


#: Victim kinds that are the attacking side's own dead.
_ATTACKER_KINDS = frozenset(
    "militants fighters rebels insurgents gunmen jihadists terrorists attackers assailants bandits "
    "extremists operatives kidnappers bombers raiders".split()
) | {"gang members"}


def _fatalities(killed: Sequence[CasualtyMention]) -> int | None:
    """ACLED's fatalities: the largest count of each side, summed ("killing two soldiers.
    Security forces killed one of the attackers" is 3; it had been 2, the larger figure)."""
    if not killed:
        return None
    totals = [f.best for f in killed if f.best is not None and _told_as_total(f)]
    if totals and len(totals) < len(killed):
        # "killing five SDF members ... Two of the attackers were also killed ..., putting the
        # total toll at seven": the total counts both sides (it had been 7 + 2)
        if max(totals) >= max(f.best for f in killed):  # type: ignore[type-var]
            return max(totals)  # type: ignore[type-var]
        return _fatalities([f for f in killed if not _told_as_total(f)])
    theirs: list[int] = []
    ours: list[int] = []
    #: per total of "people" told with a breakdown of some of them ("at least 22 people, including
    #: five soldiers and three civilians"): how many it leaves untold (see below)
    untold: dict[int, int] = {}
    for f in killed:
        if (f.victim_kind or "").lower() in _ATTACKER_KINDS:
            theirs.append(f.best)  # type: ignore[arg-type]
            continue
        # a total of both sides splits into its sides: "Three policemen, two attackers killed"
        # above the two figures told apart had been 5 + 2
        attackers = sum(n for kind, n in f.breakdown.items() if kind.lower() in _ATTACKER_KINDS)
        if attackers >= f.best:  # type: ignore[operator]
            theirs.append(f.best)  # type: ignore[arg-type]
            continue
        if attackers:
            theirs.append(attackers)
        ours.append(f.best - attackers)  # type: ignore[operator]
        if not attackers and f.breakdown and (f.victim_kind or "people").lower() in _ANYONE:
            rest = f.best - sum(f.breakdown.values())  # type: ignore[operator]
            untold[ours[-1]] = max(untold.get(ours[-1], 0), rest)
    if ours and theirs and max(theirs) <= untold.get(max(ours), 0):
        # "... killed at least 22 people, including five soldiers and three civilians. Fourteen
        # fighters ... were also killed": the 14 fit in the 22 the breakdown leaves untold, and
        # a total of "people" counts everyone (it had been 36; summing would inflate)
        return max(ours)
    return (max(ours) if ours else 0) + (max(theirs) if theirs else 0)


#: Before a figure that sums a toll: "putting the total toll at seven", "a total of 12".
_TOTAL_BEFORE = re.compile(
    r"\b(?:total(?:\s+(?:death\s+)?toll)?\s+(?:at|to|of)|in\s+total|overall\s+(?:death\s+)?toll\s+(?:at|to))\s+"
    r"(?:at\s+least\s+|some\s+)?$",
    re.IGNORECASE,
)


def _told_as_total(f: CasualtyMention) -> bool:
    before = f.sentence.text[: max(0, f.span.start - f.sentence.start)]
    return _TOTAL_BEFORE.search(before[-40:]) is not None


#: Victim kinds of a total that counts everyone killed, of whichever side.
_ANYONE = frozenset(("people", "persons", "dead"))


def _attackers_dead(f: CasualtyMention) -> bool:
    """Whether the figure counts the attacking side's dead (see :func:`_fatalities`)."""
    return (f.victim_kind or "").lower() in _ATTACKER_KINDS


def _perpetrator_claim(f: CasualtyMention) -> bool:
    """Whether the figure is the attackers' claim of what they killed: the claim's own words
    name who counts ("The TTP claimed the attack and said it had killed 14 soldiers" is the
    TTP's, whether or not the figure's source was read)."""
    at = f.span.start - f.sentence.start
    return any(end <= at + 1 and at - end <= 45 for end in _claim_ends(f.sentence.text))


@lru_cache(maxsize=4096)
def _claim_ends(text: str) -> tuple[int, ...]:
    """Where each claim of killing ends in a sentence: read once per sentence, not once per
    figure and per pass (the scan had been a quarter of the merger's time)."""
    return tuple(m.end() for m in _CLAIMED_KILL.finditer(text))


def _summed(c: _Candidate, fatalities: int | None) -> int | None:
    """The fatalities of an event told strike by strike: its parts' sum, unless a figure of
    all of them is larger ("strikes killed 10 ... The first killed seven, the second three")."""
    total = 0
    for part in c.parts:
        killed = [f for f in part if f.category is CasualtyCategory.KILLED and f.best is not None
                  and not _perpetrator_claim(f)]
        total += _fatalities(_dedup_casualties(killed)) or 0
    return max(fatalities or 0, total) if total else fatalities


def _event_fatalities(c: _Candidate) -> int | None:
    """The event's fatalities from all its killed figures (claims, sides and parts weighed)."""
    killed = [f for f in c.casualties if f.category is CasualtyCategory.KILLED and f.best is not None]
    claims = {id(f) for f in killed if _perpetrator_claim(f)}
    # the same figure told as a claim ("Army says it killed over 50 militants") and as a
    # report ("Troops neutralised more than 50 militants ..., the army said") is the report
    told = {(f.best, _attackers_dead(f)) for f in killed if id(f) not in claims}
    killed = [f for f in _dedup_casualties([f for f in killed
                                            if id(f) not in claims or (f.best, _attackers_dead(f)) not in told])]
    sides = {_attackers_dead(f) for f in killed if not _perpetrator_claim(f)}
    # "the rebels said they had killed 40 soldiers" beside the army's 10: the side that did
    # the killing is no count of that side's dead (ACLED takes the conservative figure), nor of
    # its foes' beside a toll told by others ("security sources" gave "around a dozen soldiers";
    # the army "said in a statement that troops had ... 'killed more than 40 terrorists'" is the
    # army's claim: 12, not 52). A count told as fact ("Troops neutralised more than 50
    # militants ..., the army said") is no claim, and stays beside the soldiers.
    killed = [f for f in killed if not _perpetrator_claim(f) or not sides]
    return _summed(c, _fatalities(killed))


# --- a toll of several incidents told one by one --------------------------------------
# "Air strikes killed at least 25 people in the Sagaing region and Rakhine state over the
# weekend" and then 16 in a Sagaing village and 9 in a Rakhine market; "strikes killed 32
# across the Gaza Strip on Monday" and then six in Deir al-Balah: the first figure sums the
# incidents told after it. ACLED codes the incidents; summed beside them it counts each
# death twice. A total over several regions names no one place for what it leaves untold:
# with its parts told it is no event. Nor is a total over a stretch of days or across one
# area ("across the Gaza Strip on Sunday night and Monday, including 17 people shot near an
# aid site in Rafah", "at least 11 people dead in Syria since Friday", "over the weekend"):
# several incidents' dead, no one incident's, told beyond its parts by no one (it had kept, at
# that area, the dead its parts leave untold: 31 - 9 = 22 in "the Gaza Strip"). Only a total
# of one day across one area with no parts of its own ("killed at least 32 Palestinians across
# the Gaza Strip on Monday") or of one incident ("The attack killed 15 people in all") keeps,
# at its place, what its parts do not account for.
_AGGREGATE_WORDS = re.compile(
    rf"{_SPELL.pattern}|\b(?:in total|altogether|in all|combined)\b",
    re.IGNORECASE,
)
#: Between two regions of one list: "Sagaing region and western Rakhine state", "Sinaloa, Michoacan and".
_REGION_JOIN = re.compile(
    r"[\s,]*(?:(?:state|region|province|governorate|department|oblast|district|county)s?\b[\s,]*)?"
    r"(?:,|\band\b|&)\s*(?:the\s+)?(?:(?:north|south|east|west|central)[\w-]*\s+)?",
    re.IGNORECASE,
)


def _aggregate_regions(c: _Candidate) -> frozenset[str] | None:
    """The regions a total of the candidate's sentence spans: those of a list of places in
    several regions that holds the event's place; empty when the sentence spans one area
    by its words ("across", "over the weekend"); None when it tells one incident."""
    sent, r = c.sentence, c.location.resolved
    if r is None:
        return None
    places = [p for p in _location_candidates(sent) if not _is_dateline_place(sent, p)
              and p.resolved is not None and p.resolved.region]
    run: list[PlaceMention] = []
    for p in places:
        if run and _REGION_JOIN.fullmatch(sent.text, sent.rel(run[-1].span) + len(run[-1].span.text),
                                          sent.rel(p.span)) is not None:
            run.append(p)
            continue
        if len({q.resolved.region for q in run}) >= 2 and any(q.span == c.location.span for q in run):  # type: ignore[union-attr]
            break
        run = [p]
    regions = frozenset(q.resolved.region for q in run)  # type: ignore[union-attr, misc]
    if len(regions) >= 2 and any(q.span == c.location.span for q in run):
        return regions
    return frozenset() if _total_words(c, _AGGREGATE_WORDS) is not None else None


def _total_words(c: _Candidate, words: re.Pattern[str]) -> re.Match[str] | None:
    """``words`` in the clause of one of the candidate's killed figures in its sentence (in
    the sentence, when it holds none): "killing 13 soldiers, as a wave of attacks over the
    weekend left at least 25 people dead" sums no weekend in the bombing's 13 (it had been a
    total, cut by the weekend's other incidents to 7)."""
    sent, text = c.sentence, c.sentence.text
    mine = [f for f in c.casualties if f.sentence.start == sent.start and f.span.start >= sent.start
            and f.category is CasualtyCategory.KILLED]
    if not mine:
        return words.search(text)
    for f in mine:
        lo, hi = _clause_around(text, sent.rel(f.span), f.span.end - sent.start)
        if (m := words.search(text, lo, hi)) is not None:
            return m
    return None


_AREA_WORD = re.compile(r"(?:across|throughout|all over)$", re.IGNORECASE)
_INCLUDING = re.compile(r",\s+including\b", re.IGNORECASE)


def _several_incidents(c: _Candidate) -> bool:
    """Whether the candidate's total sums several incidents: over a stretch of days ("over
    the weekend", "since Friday"), or across an area with its parts told after "including"
    ("across the Gaza Strip ..., including 17 people shot near an aid site in Rafah")."""
    m = _total_words(c, _SPELL)
    if m is None:
        return False
    return not _AREA_WORD.match(m.group()) or _INCLUDING.search(c.sentence.text, m.end()) is not None


#: The start of a stretch of days a total covers: "since Friday".
_SINCE_DAY = re.compile(r"\bsince (?:last )?(?:early |late )?(?P<wd>monday|tuesday|wednesday|thursday|friday|"
                        r"saturday|sunday)\b", re.IGNORECASE)


def _in_spell(part: ResolvedDate, total: _Candidate, published: dt.date | None) -> bool:
    """Whether a part's day lies within the days a total covers: "since Friday" is Friday to
    the report's day; else see :func:`_in_span`."""
    since = _total_words(total, _SINCE_DAY)
    if since is not None and published is not None and part.date is not None and part.explicit:
        back = (published.weekday() - _WEEKDAYS.index(since["wd"].lower())) % 7
        return published - dt.timedelta(days=back) <= part.date <= published
    return _in_span(part, total.date)


def _in_span(part: ResolvedDate, total: ResolvedDate) -> bool:
    """Whether a part's day lies within the days a total covers ("over the weekend": Friday
    night to the week's end)."""
    if part.date is None or total.date is None or not total.explicit:
        return False
    if total.precision is DatePrecision.DAY:
        return part.date == total.date
    if total.precision is DatePrecision.WEEK:
        return -1 <= (part.date - total.date).days <= 6
    return _dates_compatible(total, part)


def _in_area(part: _Candidate, total: _Candidate, regions: frozenset[str]) -> bool:
    p, t = part.location.resolved, total.location.resolved
    if p is None or t is None or p.country != t.country:
        return False
    if regions:
        return p.region in regions
    if _place_key(part.location) == _place_key(total.location) or _contains(total.location, part.location):
        return True
    return t.region is None and t.kind in (PlaceKind.ADMIN1, PlaceKind.ADMIN2, PlaceKind.COUNTRY)  # "the Gaza Strip"


def _split_aggregates(groups: list[_Candidate], published: dt.date | None = None) -> list[_Candidate]:
    """Totals of incidents told one by one (see above): dropped, or cut to what is left."""
    fat = {id(g): _event_fatalities(g) or 0 for g in groups}
    spans = {id(g): _aggregate_regions(g) for g in groups}
    drop: set[int] = set()
    for g in groups:
        regions = spans[id(g)]
        if regions is None or not fat[id(g)]:
            continue
        parts = [h for h in groups if h is not g and fat[id(h)] and spans[id(h)] is None
                 and _in_spell(h.date, g, published) and _in_area(h, g, regions)]
        if not parts:
            continue
        rest = fat[id(g)] - sum(fat[id(h)] for h in parts)
        if regions or rest <= 0 or _several_incidents(g):
            drop.add(id(g))
            # "Clashes ..., a roadside bomb ... and a string of killings ... have left at least 11
            # people dead in Syria since Friday": the clashes the total names are those its parts
            # tell (they had been a figureless battle in "Syria" beside the one in Sweida)
            drop.update(id(h) for h in groups if h is not g and not fat[id(h)] and h.sentence is g.sentence
                        and any(q.family is h.family and (_place_key(q.location) == _place_key(h.location)
                                                          or _contains(h.location, q.location)) for q in parts))
        else:
            g.remainder = rest
    return [g for g in groups if id(g) not in drop]


def _finish(doc: DocumentView, c: _Candidate, *, unverified: bool = False, disambiguate: bool = False) -> Event:
    """The event of ``c``; with ``unverified`` (see :func:`_unverified_claims`), no fatalities."""
    first = doc.chunks[0]
    cas = _dedup_casualties(c.casualties)
    actors = list(c.actors)
    if c.family in (_F.EXPLOSIONS_REMOTE_VIOLENCE, _F.VIOLENCE_AGAINST_CIVILIANS):
        victims = c.civilian_context or _civilian_victims(cas)
        if victims is None and c.family is _F.VIOLENCE_AGAINST_CIVILIANS and cas:
            victims = cas[0].span  # unarmed victims by this family's definition ("traders")
        if victims is not None:
            country = c.location.resolved.country if c.location.resolved else None
            actors.append(Actor(name="Civilians", kind="civilians", role="target",
                                country=country, evidence=victims))  # fmt: skip
    if c.claimed and not any(a.role == "actor1" for a in actors):
        actors.append(c.claimed[0])  # no one else named as the attacker: the claimant
    actors = _dedup_actors(actors)
    hurt = [f.best for f in cas if f.category is CasualtyCategory.INJURED and f.best is not None]
    spans = list(c.evidence)
    spans += [a.evidence for a in actors if a.evidence is not None]
    for f in cas:
        spans += [f.span, f.sentence]
    evidence = sorted({(s.start, s.end, s.text): s for s in spans}.values(),
                      key=lambda s: (s.start, s.end, s.text))  # fmt: skip
    eid = event_id(
        doc.document_id, c.family.value, c.sub_type, _place_key(c.location),
        c.date.date, c.date.precision.value, _actor1(c) if disambiguate else None,
    )  # fmt: skip
    return Event(
        event_id=eid,
        event_type=c.family,
        sub_event_type=c.sub_type,
        date=c.date.date,
        date_precision=c.date.precision,
        location=_location(c.location),
        actors=actors,
        casualties=[_figure(f) for f in cas],
        fatalities=None if unverified else _event_fatalities(c) if c.remainder is None else c.remainder or None,
        injured=max(hurt) if hurt else None,
        summary=c.first_told()[1].text,
        evidence=evidence,
        document_ids=[doc.document_id],
        source=first.source,
        source_id=first.source_id,
        published_at=next((ch.published_at for ch in doc.chunks if ch.published_at), None),
        extractors=sorted((*doc.extractors, BUILDER), key=_info_name),
    )


_info_name = attrgetter("name")


#: The text's word that a claim is unchecked: "The army did not comment on the claim, which
#: could not be independently verified", "a claim AFP could not verify".
_UNVERIFIED = re.compile(
    r"\b(?:could|can|has|have|had|was|were)\s+not\s+(?:be(?:en)?\s+)?(?:independently\s+)?(?:verif|confirm)\w*"
    r"|\bdid\s+not\s+(?:immediately\s+)?(?:comment|respond)\s+(?:on|to)\s+the\s+claims?\b|\bunverified\b"
    r"|\b(?:impossible|not\s+possible)\s+to\s+(?:independently\s+)?verify\b",
    re.IGNORECASE,
)


def _sentence_index(sents: Sequence[_Sentence], pos: int) -> int | None:
    """The index of the sentence holding original offset ``pos`` (sentences are in order)."""
    i = bisect.bisect_right(sents, pos, key=lambda s: s.start) - 1
    return i if i >= 0 and pos < sents[i].end else None


def _unverified_claims(c: _Candidate, sents: Sequence[_Sentence]) -> bool:
    """Whether the event's only killed figures are a side's claims of its kills that the
    text, in the claim's sentence or the two next, flags unverified: ACLED records no such count
    ("The SPLA-IO said its forces ... killed 45 government soldiers. The army did not comment
    on the claim, which could not be independently verified", told after a sentence more on
    the spoils in the article, had been F=45; now none, the
    claim kept among the casualties). A claim told plainly stays the event's count."""
    killed = [f for f in c.casualties if f.category is CasualtyCategory.KILLED and f.best is not None]
    if not killed or not all(_perpetrator_claim(f) for f in killed):
        return False
    for f in killed:
        i = _sentence_index(sents, f.span.start)
        if i is None or not any(_UNVERIFIED.search(s.text) for s in sents[i : i + 3]):
            return False
    return True


#: A death toll this large is one incident's only with a recent day of its own (see below).
_MASS_TOLL = 1000


def _drop_undated_mass_tolls(c: _Candidate, sents: Sequence[_Sentence], published: dt.date | None) -> None:
    """Drop killed figures of 1,000 or more whose sentence dates them to no day of the week
    before publication: single incidents that large are rare and always dated, while wars',
    insurgencies' and years' totals are told undated ("a truce that ended more than a year of
    hostilities in which more than 4,000 people were killed", "an Islamist insurgency ...
    that has killed more than 40,000"; each had been an event's fatalities)."""
    big = [f for f in c.casualties if f.category is CasualtyCategory.KILLED and (f.best or 0) >= _MASS_TOLL]
    if not big or published is None:
        return
    for f in big:
        i = _sentence_index(sents, f.span.start)
        sent = sents[i] if i is not None else None
        day = _segment_date(sent, (0, len(sent.text)), published, sent.rel(f.span)) if sent is not None else None
        if day is None or not (day.explicit and not day.told and day.precision is DatePrecision.DAY
                               and day.date is not None and 0 <= (published - day.date).days <= 7):
            c.casualties = [x for x in c.casualties if x is not f]


def assemble_events(doc: DocumentView) -> list[Event]:
    """All events ``doc`` reports, in document order of their first trigger."""
    if not doc.chunks:
        return []
    sents = _sentences(doc)
    _quiet_peaceful(sents)
    published = next((c.published_at for c in doc.chunks if c.published_at), None)
    published = _dateline_date(sents, published) or published  # the story's day, read once
    groups = _split_aggregates(_group(_titles_into_leads(_candidates(doc, sents, published), sents)), published)
    events: dict[str, Event] = {}
    for g in sorted(groups, key=lambda g: g.order):
        _drop_undated_mass_tolls(g, sents, published)
        unverified = _unverified_claims(g, sents)
        ev = _finish(doc, g, unverified=unverified)
        if ev.event_id in events:
            ev = _finish(doc, g, unverified=unverified, disambiguate=True)
        events.setdefault(ev.event_id, ev)
    return list(events.values())
