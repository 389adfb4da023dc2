"""Helpers every extractor shares, so all of them cut sentences and stamp chunks alike.

Keep these signatures stable: the entities, casualties and places cores import them.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable

from sitrep.schemas import Chunk, ChunkRef
from sitrep.schemas.documents import Located

__all__ = ["chunk_ref", "original_offsets", "split_sentences"]


def chunk_ref(chunk: Chunk) -> ChunkRef:
    """The :class:`ChunkRef` a result carries, read field by field from ``chunk``
    (validated from its attributes: faster than passing each field as a keyword)."""
    return _CHUNK_REF.validate_python(chunk, from_attributes=True)  # type: ignore[no-any-return]


_CHUNK_REF = ChunkRef.__pydantic_validator__


def original_offsets(located: Located) -> Callable[[int], int]:
    """``located.original_offset`` with the breakpoint keys listed once, not once per call:
    an extractor maps two offsets per finding, so the per-call list adds up."""
    base, breaks = located.start, located.offset_map
    if not breaks:
        return lambda i: base + i
    keys = [b[0] for b in breaks]
    right = bisect.bisect_right

    def offset(i: int) -> int:
        at = right(keys, i) - 1
        if at < 0:
            return base + i
        chunk_at, orig_at = breaks[at]
        return orig_at + (i - chunk_at)

    return offset


# A line break always ends a sentence (captions and headlines carry no full stop);
# ., ! or ? (plus closing quotes/brackets) end one when whitespace and a capital,
# digit or opening quote follow. The candidate pattern opens with one character class
# (a run of line breaks is one match) so ``re`` skips to candidates in C; a top-level
# alternation is tried at every position instead.
_CANDIDATE = re.compile(r"[\n.!?](?:(?<=\n)\n*)?")
_AFTER_STOP = re.compile(r"[\"'\u2019\u201d)\]]*[ \t\f\v\r]+(?=[\"'\u2018\u201c(\[]*[^\W_a-z])")
_LAST_WORD = re.compile(r"([^\W\d_][\w]*)\.$")
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr st gen col lt sgt capt maj gov sen rep prof jr sr no vs rev cpl pte adm "
    "lt.col brig cmdr u.s u.k e.g i.e approx est fig inc ltd co corp jan feb mar apr jun jul "
    "aug sep sept oct nov dec".split()
)


def _is_abbreviation(text: str, boundary_start: int) -> bool:
    """True when the full stop before ``boundary_start`` closes an abbreviation or initial."""
    head = text[max(0, boundary_start - 12) : boundary_start]
    if not head.endswith("."):
        return False
    match = _LAST_WORD.search(head)
    if match is None:
        return False
    word = match.group(1)
    return len(word) == 1 or word.lower() in _ABBREVIATIONS


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Half-open ``(start, end)`` ranges of the sentences in ``text``, whitespace trimmed.

    Deliberately rule-based (no model) so it costs microseconds per chunk.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _CANDIDATE.finditer(text):
        if match.group(0)[0] == "\n":
            spans.append((start, match.start()))
            start = match.end()
            continue
        after = _AFTER_STOP.match(text, match.end())
        if after is None or _is_abbreviation(text, match.end()):
            continue
        # keep the full stop and any closing quotes with their sentence
        quotes = after.group(0)
        cut = match.end() + len(quotes) - len(quotes.lstrip("\"'\u2019\u201d)]"))
        spans.append((start, cut))
        start = after.end()
    spans.append((start, len(text)))
    out: list[tuple[int, int]] = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out
