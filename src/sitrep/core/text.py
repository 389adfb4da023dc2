"""Text normalisation that remembers where every character came from.

Extractors see clean text (NFC, plain spaces and quotes); analysts need offsets into
the article as published. :func:`normalize` returns both the clean text and the
breakpoints of the mapping back, in the form :class:`~sitrep.schemas.Chunk` stores.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

__all__ = ["content_id", "normalize", "split_sentences"]

# Length-preserving substitutions: one code point in, one out, so they never move offsets.
_SUBSTITUTIONS = str.maketrans(
    {
        "\u00a0": " ",  # no-break space
        "\u2007": " ",  # figure space
        "\u202f": " ",  # narrow no-break space
        "\u2009": " ",  # thin space
        "\u200a": " ",  # hair space
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\r": "\n",
        "\t": " ",
        "\u2028": "\n",
        "\u2029": "\n",
    }
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _nfc_with_map(text: str) -> tuple[str, list[tuple[int, int]]]:
    """NFC-normalise ``text`` segment by segment, recording where lengths change."""
    if unicodedata.is_normalized("NFC", text):
        return text, []
    out: list[str] = []
    breaks: list[tuple[int, int]] = []
    n_out = 0
    i = 0
    n = len(text)
    while i < n:
        # A segment is a starter plus the non-starters that may compose with it.
        j = i + 1
        while j < n and (unicodedata.combining(text[j]) or _is_hangul_follow(text[j])):
            j += 1
        seg = unicodedata.normalize("NFC", text[i:j])
        out.append(seg)
        n_out += len(seg)
        if len(seg) != j - i:
            breaks.append((n_out, j))
        i = j
    return "".join(out), breaks


def _is_hangul_follow(ch: str) -> bool:
    # Hangul medial vowels and final consonants compose with the preceding starter.
    return "\u1161" <= ch <= "\u11c2"


def normalize(text: str) -> tuple[str, list[tuple[int, int]]]:
    """Return ``(clean_text, offset_map)``; ``offset_map`` holds (clean index,
    original index) breakpoints and is empty when positions are unchanged."""
    nfc, breaks = _nfc_with_map(text)
    clean = _CONTROL.sub(" ", nfc.translate(_SUBSTITUTIONS))
    return clean, breaks


def content_id(clean_text: str) -> str:
    """A document id derived from its content: the same text always gets the same id."""
    return hashlib.sha256(clean_text.encode("utf-8")).hexdigest()[:16]


# A sentence ends at . ! ? (plus closing quotes/brackets) before whitespace and an
# upper-case letter, digit or opening quote, or at a line break (a run of them is one
# match). Written to start with one character class: ``re`` then skips to candidate
# characters in C, where a top-level alternation is tried at every position (4x slower).
_SENTENCE_END = re.compile(r"""[.!?\n](?:(?<=\n)\n*|[.!?]*['")\]]*(?=\s+['"(\[]?[A-Z0-9]))""")
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr st gen col lt sgt maj capt adm gov sen rep prof jr sr no vs etc inc ltd co "
    "jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n e.g i.e".split()
)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence ``(start, end)`` offsets in ``text``, stripped of surrounding space.

    A rule-based splitter: pysbd is more thorough but ~100x slower and unmaintained,
    and news prose rarely needs more than these rules (abbreviations, line breaks).
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        end = m.end()
        if m.group()[0] != "\n":
            word = text[max(start, text.rfind(" ", start, m.start()) + 1) : m.start()]
            if word.lower().rstrip(".") in _ABBREVIATIONS or (len(word) == 1 and word.isupper()):
                continue
        _append_stripped(text, start, end, spans)
        start = end
    _append_stripped(text, start, len(text), spans)
    return spans


def _append_stripped(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))
