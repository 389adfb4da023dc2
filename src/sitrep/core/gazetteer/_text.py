"""Name folding shared by the index builder and the text matcher.

Both sides must fold identically, or a name in the text never meets its key.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["ARABIC_ARTICLES", "fold", "is_latin_name"]

#: The Arabic article as the press romanises it, assimilated or not ("al-", "el-",
#: "ash-Sham", "Deir ez-Zor", "Ras ul-Ain"): the index keys a name without it and the
#: finder joins a name across it, from this one list.
ARABIC_ARTICLES = frozenset("al el ad ar as ash at az an ed er es et ez ul ud".split())

_APOS = str.maketrans({"’": "", "'": "", "‘": "", "ʼ": "", "`": "", "ʻ": "", "´": ""})
_SEP = re.compile(r"[\s\-‐‑–—_/.,]+")
# Letters that NFKD does not decompose but that English text writes plainly.
_EXTRA = str.maketrans({"ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ß": "ss",
                        "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ı": "i", "þ": "th", "ð": "d"})


@lru_cache(maxsize=200_000)
def fold(name: str) -> str:
    """Lower-case, strip accents and apostrophes, turn hyphens/dots into single spaces."""
    s = name.translate(_APOS).translate(_EXTRA)
    if not s.isascii():
        s = "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))
    return _SEP.sub(" ", s).strip().lower()


def is_latin_name(name: str) -> bool:
    """True for a capitalised Latin-script name (alternate names in other scripts never match English text)."""
    if not name or not name[0].isupper() or any(c.isdigit() for c in name):
        return False
    for c in name:
        if c.isascii():
            continue
        if unicodedata.category(c).startswith("L") and "LATIN" not in unicodedata.name(c, ""):
            return False
    return True
