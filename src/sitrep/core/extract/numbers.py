"""Read an English quantity (digits, number words or a vague plural) off a token list.

Exact number words go through ``text2num`` (only the short candidate phrase, never the
whole text). Vague plurals never do: "hundreds" is a range, not 100, so they come from
:data:`VAGUE_RANGES`, the documented table below.

=========================  =========  =========  ====================================
phrase                     low        high       why
=========================  =========  =========  ====================================
a couple (of)              2          3          "a couple" is two, loosely
a few                      2          5
a handful (of)             3          5
several                    3          9          more than a few, fewer than a dozen
a few dozen                24         60         two to five dozen
several dozen              36         108        three to nine dozen (not "several" = 3-9)
a few hundred              200        500
several hundred            300        999
a few thousand             2,000      5,000
several thousand           3,000      9,999
dozens (of)                24         99         two dozen at least; 100+ is "hundreds"
scores (of)                40         199        two scores at least
hundreds (of)              200        999
thousands (of)             2,000      9,999
tens of thousands          20,000     99,999
hundreds of thousands      200,000    999,999
millions (of)              2,000,000  9,999,999
=========================  =========  =========  ====================================

"a dozen" (12), "half a dozen" (6) and "N dozen" (12*N) are approximate single
figures (qualifier ``about``), not ranges. "many", "numerous" and "a number of" carry no
magnitude and are not read as quantities at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from typing import Sequence

from text_to_num import text2num

__all__ = ["TEXT2NUM_VERSION", "VAGUE_RANGES", "Quantity", "parse_quantity"]

try:
    TEXT2NUM_VERSION = version("text2num")
except PackageNotFoundError:  # pragma: no cover - declared dependency
    TEXT2NUM_VERSION = "unknown"

#: Vague quantity phrase (lower-case tokens) -> (low, high). Longest phrases first.
VAGUE_RANGES: dict[tuple[str, ...], tuple[int, int]] = {
    ("tens", "of", "thousands"): (20_000, 99_999),
    ("hundreds", "of", "thousands"): (200_000, 999_999),
    ("a", "few", "dozen"): (24, 60),
    ("several", "dozen"): (36, 108),
    ("a", "few", "hundred"): (200, 500),
    ("several", "hundred"): (300, 999),
    ("a", "few", "thousand"): (2_000, 5_000),
    ("several", "thousand"): (3_000, 9_999),
    ("a", "couple"): (2, 3),
    ("a", "few"): (2, 5),
    ("a", "handful"): (3, 5),
    ("several",): (3, 9),
    ("dozens",): (24, 99),
    ("scores",): (40, 199),
    ("hundreds",): (200, 999),
    ("thousands",): (2_000, 9_999),
    ("millions",): (2_000_000, 9_999_999),
}
_VAGUE_FIRST = frozenset(k[0] for k in VAGUE_RANGES)
#: First word -> its phrases, longest first (the table's order).
_VAGUE_BY_FIRST: dict[str, list[tuple[tuple[str, ...], tuple[int, int]]]] = {}
for _phrase, _range in VAGUE_RANGES.items():
    _VAGUE_BY_FIRST.setdefault(_phrase[0], []).append((_phrase, _range))

_UNITS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
).split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000}
NUMBER_WORDS = frozenset(_UNITS) | frozenset(_TENS) | frozenset(_SCALES)

_INT = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+|[0-9]{1,9}")
_DECIMAL = re.compile(r"[0-9]{1,6}\.[0-9]{1,3}")
_YEAR = re.compile(r"(?:19|20)[0-9]{2}")


@dataclass(frozen=True, slots=True)
class Quantity:
    """A parsed quantity spanning tokens ``[start, end)``.

    ``value`` is None for vague ranges. ``article`` marks a bare "a"/"an" (one, but only
    before a singular noun); ``approx`` marks "a dozen"-style round figures; ``year_like``
    marks a bare four-digit 1900-2099 (probably a year).
    """

    start: int
    end: int
    value: int | None
    low: int | None = None
    high: int | None = None
    vague: bool = False
    approx: bool = False
    article: bool = False
    year_like: bool = False
    digits: bool = False


def _is_number_word(token: str) -> bool:
    if token in NUMBER_WORDS:
        return True
    if "-" in token:
        return all(part in NUMBER_WORDS for part in token.split("-"))
    return False


def _dozen(words: Sequence[str], start: int, j: int, factor: int) -> Quantity | None:
    """``factor`` dozen at ``words[j]`` (``j`` points at "dozen")."""
    if j < len(words) and words[j] == "dozen":
        return Quantity(start, j + 1, 12 * factor, approx=True)
    return None


def _words_value(words: Sequence[str], i: int) -> tuple[int, int] | None:
    """(value, end) of a run of number words starting at ``i`` (``a``/``an`` + scale ok)."""
    run: list[str] = []
    j = i
    n = len(words)
    if words[j] in ("a", "an") and j + 1 < n and words[j + 1] in _SCALES:
        run.append("one")
        j += 1
    while j < n:
        w = words[j]
        if _is_number_word(w):
            run.append(w.replace("-", " "))
            j += 1
        elif (
            w == "and"
            and run
            and run[-1] in ("hundred", "thousand", "million")
            and j + 1 < n
            and _is_number_word(words[j + 1])
            and words[j + 1] not in _SCALES
        ):
            run.append("and")
            j += 1
        else:
            break
    if not run or len(run) > 12:
        return None
    try:
        value = text2num(" ".join(run), "en")
    except (ValueError, TypeError, IndexError, KeyError, AssertionError):
        return None
    if not isinstance(value, int) or value < 0:
        return None
    return value, j


def parse_quantity(words: Sequence[str], i: int) -> Quantity | None:  # noqa: C901, PLR0911
    """The quantity starting at token ``i`` of ``words`` (lower-case tokens), or None."""
    n = len(words)
    w = words[i]
    # vague plurals: a fixed table, never text2num
    if w in _VAGUE_FIRST:
        for phrase, (low, high) in _VAGUE_BY_FIRST[w]:
            k = len(phrase)
            if tuple(words[i : i + k]) == phrase:
                return Quantity(i, i + k, None, low=low, high=high, vague=True)
    if w == "half" and i + 2 < n and words[i + 1] == "a" and words[i + 2] == "dozen":
        return Quantity(i, i + 3, 6, approx=True)
    if w in ("a", "an"):
        if i + 1 < n and words[i + 1] == "dozen":
            return Quantity(i, i + 2, 12, approx=True)
        if i + 1 < n and words[i + 1] in _SCALES:
            parsed = _words_value(words, i)
            if parsed is not None:
                return Quantity(i, parsed[1], parsed[0])
        return Quantity(i, i + 1, 1, article=True)
    if w[0].isdigit():
        scale_at = i + 1
        if _INT.fullmatch(w):
            base: float = int(w.replace(",", ""))
        elif _DECIMAL.fullmatch(w) and scale_at < n and words[scale_at] in ("thousand", "million"):
            base = float(w)
        else:
            return None
        if scale_at < n and words[scale_at] in ("thousand", "million"):
            return Quantity(i, scale_at + 1, int(base * _SCALES[words[scale_at]]), digits=True)
        dozen = _dozen(words, i, scale_at, int(base))
        if dozen is not None:
            return dozen
        return Quantity(
            i, i + 1, int(base), digits=True, year_like=bool(_YEAR.fullmatch(w))
        )
    if _is_number_word(w):
        parsed = _words_value(words, i)
        if parsed is None:
            return None
        value, end = parsed
        dozen = _dozen(words, i, end, value)
        if dozen is not None:
            return dozen
        return Quantity(i, end, value)
    return None
