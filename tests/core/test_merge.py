"""The merger's join: dedup, completeness, order-free event building.

Also hosts hand-made extractor stand-ins (table-driven) that the event and property
tests reuse, so the merger is tested independently of the real extractors.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence

import pytest

from sitrep.core.chunking import chunk_document
from sitrep.core.merge import build_events, document_view, is_complete, missing_parts
from sitrep.errors import BadMessageError
from sitrep.schemas import (
    CasualtiesResult,
    CasualtyCategory,
    CasualtyMention,
    Chunk,
    ChunkRef,
    EntitiesResult,
    EntityKind,
    EntityMention,
    ExtractorInfo,
    GeoPrecision,
    Place,
    PlaceKind,
    PlaceMention,
    PlacesResult,
)

__all__ = [
    "GAZ",
    "ORGS",
    "hand_results",
]

K, G = PlaceKind, GeoPrecision


def _p(name: str, kind: PlaceKind, cc: str, region: str | None, prec: GeoPrecision,
       lat: float | None = None, lon: float | None = None) -> Place:  # fmt: skip
    return Place(name=name, kind=kind, country=cc, region=region, precision=prec, lat=lat, lon=lon)


#: An invented-news gazetteer: surface -> (resolved place, role).
GAZ: dict[str, tuple[Place, str]] = {
    "Sudan": (_p("Sudan", K.COUNTRY, "SD", None, G.COUNTRY, 15.0, 30.0), "location"),
    "El Fasher": (_p("El Fasher", K.CITY, "SD", "SD-DN", G.POINT, 13.63, 25.35), "location"),
    "North Darfur": (_p("North Darfur", K.ADMIN1, "SD", "SD-DN", G.ADMIN1), "location"),
    "Khartoum": (_p("Khartoum", K.CITY, "SD", "SD-KH", G.POINT, 15.5, 32.56), "location"),
    "Goma": (_p("Goma", K.CITY, "CD", "CD-NK", G.POINT, -1.68, 29.23), "location"),
    "North Kivu": (_p("North Kivu", K.ADMIN1, "CD", "CD-NK", G.ADMIN1), "location"),
    "Kibumba": (_p("Kibumba", K.VILLAGE, "CD", "CD-NK", G.ADMIN1), "location"),
    "Congo": (_p("DR Congo", K.COUNTRY, "CD", None, G.COUNTRY), "location"),
    "Kinshasa": (_p("Kinshasa", K.CITY, "CD", "CD-KN", G.POINT, -4.32, 15.31), "location"),
    "Nairobi": (_p("Nairobi", K.CITY, "KE", "KE-30", G.POINT, -1.29, 36.82), "location"),
    "Kenya": (_p("Kenya", K.COUNTRY, "KE", None, G.COUNTRY), "location"),
    "Kharkiv": (_p("Kharkiv", K.CITY, "UA", "UA-63", G.POINT, 49.99, 36.23), "location"),
    "Kharkiv region": (_p("Kharkiv Oblast", K.ADMIN1, "UA", "UA-63", G.ADMIN1), "location"),
    "Ukraine": (_p("Ukraine", K.COUNTRY, "UA", None, G.COUNTRY), "location"),
    "Russia": (_p("Russia", K.COUNTRY, "RU", None, G.COUNTRY), "location"),
    "Moscow": (_p("Moscow", K.CITY, "RU", "RU-MOW", G.POINT, 55.75, 37.62), "metonym"),
    "Odesa": (_p("Odesa", K.CITY, "UA", "UA-51", G.POINT, 46.48, 30.72), "location"),
    "Gaza City": (_p("Gaza City", K.CITY, "PS", None, G.POINT, 31.5, 34.47), "location"),
    "Israel": (_p("Israel", K.COUNTRY, "IL", None, G.COUNTRY), "location"),
}
#: surface -> (canonical name, kind, country)
ORGS: dict[str, tuple[str, EntityKind, str | None]] = {
    "RSF": ("Rapid Support Forces", EntityKind.ARMED_GROUP, "SD"),
    "Rapid Support Forces": ("Rapid Support Forces", EntityKind.ARMED_GROUP, "SD"),
    "M23": ("M23", EntityKind.ARMED_GROUP, "CD"),
    "M23 rebels": ("M23", EntityKind.ARMED_GROUP, "CD"),
    "Sudanese army": ("Armed Forces of Sudan", EntityKind.ARMED_GROUP, "SD"),
    "police": ("Police Forces of Kenya", EntityKind.ARMED_GROUP, "KE"),
    "Hamas": ("Hamas", EntityKind.ARMED_GROUP, "PS"),
    "Red Cross": ("International Committee of the Red Cross", EntityKind.ORG, None),
}
_WORD_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "nine": 9, "ten": 10}
_CASUALTY = re.compile(
    r"\b(?P<n>\d+|two|three|four|five|six|nine|ten)\s+(?P<who>people|civilians|soldiers|"
    r"children|fighters|protesters)\s+(?:were\s+|had been\s+)?(?:\w+\s+)?"
    r"(?P<cat>killed|injured|wounded|abducted)\b",
    re.IGNORECASE,
)
_INFO = {
    "entities": ExtractorInfo(name="hand-entities", version="t"),
    "casualties": ExtractorInfo(name="hand-casualties", version="t"),
    "places": ExtractorInfo(name="hand-places", version="t", resources={"gaz": "test"}),
}


def _pattern(keys: Sequence[str]) -> re.Pattern[str]:
    alts = "|".join(re.escape(k) for k in sorted(keys, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alts})(?![\w-])")


_GAZ_RE = _pattern(list(GAZ))
_ORG_RE = _pattern(list(ORGS))


def ref(chunk: Chunk) -> ChunkRef:
    """The ChunkRef a result carries (kept local: the tests need no extractor module)."""
    return ChunkRef(
        document_id=chunk.document_id, chunk_id=chunk.chunk_id, seq=chunk.seq,
        chunk_count=chunk.chunk_count, start=chunk.start, end=chunk.end, text=chunk.text,
        published_at=chunk.published_at, source=chunk.source,
    )  # fmt: skip


def places_for(chunk: Chunk, gaz: Mapping[str, tuple[Place, str]] = GAZ) -> PlacesResult:
    pat = _GAZ_RE if gaz is GAZ else _pattern(list(gaz))
    places = [
        PlaceMention(surface=m.group(), span=chunk.span(*m.span()), resolved=gaz[m.group()][0],
                     role=gaz[m.group()][1])  # type: ignore[arg-type]
        for m in pat.finditer(chunk.text)
    ]  # fmt: skip
    return PlacesResult(chunk=ref(chunk), extractor=_INFO["places"], places=places)


def entities_for(chunk: Chunk) -> EntitiesResult:
    ents = []
    for m in _ORG_RE.finditer(chunk.text):
        name, kind, cc = ORGS[m.group()]
        ents.append(EntityMention(name=name, kind=kind, span=chunk.span(*m.span()), country=cc))
    return EntitiesResult(chunk=ref(chunk), extractor=_INFO["entities"], entities=ents)


def casualties_for(chunk: Chunk) -> CasualtiesResult:
    out = []
    for m in _CASUALTY.finditer(chunk.text):
        n = m.group("n").lower()
        cat = {"killed": CasualtyCategory.KILLED, "abducted": CasualtyCategory.MISSING}.get(
            m.group("cat").lower(), CasualtyCategory.INJURED
        )
        s0 = max(chunk.text.rfind(". ", 0, m.start()) + 2, 0)
        s1 = chunk.text.find(".", m.end())
        s1 = len(chunk.text) if s1 < 0 else s1 + 1
        out.append(
            CasualtyMention(
                category=cat, best=int(n) if n.isdigit() else _WORD_NUMBERS[n],
                victim_kind=m.group("who").lower(), span=chunk.span(*m.span("n")),
                sentence=chunk.span(s0, s1),
            )
        )  # fmt: skip
    return CasualtiesResult(chunk=ref(chunk), extractor=_INFO["casualties"], casualties=out)


def hand_results(
    text: str,
    *,
    published: dt.date | None = dt.date(2025, 4, 7),
    chunk_size: int = 1200,
    document_id: str = "doc-hand",
) -> list[EntitiesResult | CasualtiesResult | PlacesResult]:
    """All three results for every chunk of ``text``, from the hand-made stand-ins."""
    chunks = chunk_document(
        text, document_id=document_id, chunk_size=chunk_size, published_at=published
    )
    out: list[EntitiesResult | CasualtiesResult | PlacesResult] = []
    for c in chunks:
        out += [entities_for(c), casualties_for(c), places_for(c)]
    return out


ARTICLE = (
    "Fighters of the Rapid Support Forces shelled El Fasher on Sunday, killing civilians. "
    "Local medics said nine people were killed and 30 civilians wounded in the attack.\n\n"
    "In North Kivu, M23 rebels seized the village of Kibumba on Saturday after the army withdrew.\n\n"  # noqa: E501
    "Thousands of protesters marched in Nairobi on Tuesday against new taxes.\n\n"
    "Talks in Kinshasa aimed to halt strikes on civilian infrastructure."
)


def test_duplicates_and_order_do_not_change_events() -> None:
    """Redelivered and reordered results yield the same events with the same ids."""
    results = hand_results(ARTICLE, chunk_size=120)
    base = build_events(results)
    assert base, "the article reports events"
    shuffled = list(reversed(results)) + results[::2]
    assert [e.model_dump() for e in build_events(shuffled)] == [e.model_dump() for e in base]


def test_completeness_tracks_every_kind_and_chunk() -> None:
    """A document is complete only when all three extractors reported every chunk."""
    results = hand_results(ARTICLE, chunk_size=120)
    count = results[0].chunk.chunk_count
    assert count > 1
    assert is_complete(results)
    assert missing_parts(results) == set()
    partial = [r for r in results if not (r.kind == "places" and r.chunk.seq == 1)]
    assert not is_complete(partial)
    assert missing_parts(partial) == {("places", 1)}
    assert not is_complete([])


def test_results_of_two_documents_are_rejected() -> None:
    """Joining results of different documents is a typed error, not a silent mix."""
    a = hand_results(ARTICLE, document_id="doc-a")
    b = hand_results(ARTICLE, document_id="doc-b")
    with pytest.raises(BadMessageError):
        build_events(a + b)


def test_conflicting_redeliveries_resolve_independently_of_order() -> None:
    """Two different results for one (kind, seq) resolve to the same winner in any order."""
    results = hand_results(ARTICLE)
    places = next(r for r in results if r.kind == "places")
    assert isinstance(places, PlacesResult)
    other = places.model_copy(update={"places": places.places[:1]})
    rest = [r for r in results if r is not places]
    one = build_events([*rest, places, other])
    two = build_events([other, *rest, places])
    assert [e.model_dump() for e in one] == [e.model_dump() for e in two]


def test_json_payloads_are_accepted_and_bad_ones_rejected() -> None:
    """The merger may hand over raw JSON; garbage raises BadMessageError."""
    results = hand_results(ARTICLE)
    as_json = [r.model_dump_json() for r in results]
    assert [e.event_id for e in build_events(as_json)] == [e.event_id for e in build_events(results)]  # noqa: E501
    with pytest.raises(BadMessageError):
        build_events(['{"kind": "nope"}'])


def test_events_carry_provenance() -> None:
    """Every event names its document, publication date, the sorted, distinct extractors
    and the event builder's version."""
    from sitrep.core.events import BUILDER  # noqa: PLC0415

    results = hand_results(ARTICLE, chunk_size=150) * 2
    events = build_events(results)
    names = sorted([*(i.name for i in _INFO.values()), "events"])
    for e in events:
        assert e.document_ids == ["doc-hand"]
        assert e.published_at == dt.date(2025, 4, 7)
        assert [i.name for i in e.extractors] == names
        assert BUILDER in e.extractors and BUILDER.version


def test_extractor_stamps_count_once_per_distinct_content() -> None:
    """Equal stamps decoded from separate payloads count once; another version counts apart."""
    results = hand_results(ARTICLE, chunk_size=150)
    view = document_view([r.model_dump_json() for r in results])
    assert view is not None
    assert sorted(i.name for i in view.extractors) == sorted(i.name for i in _INFO.values())
    first = results[0]
    newer = first.model_copy(
        update={"extractor": first.extractor.model_copy(update={"version": "9.9.9"})}
    )
    mixed = document_view([newer, *results[1:]])
    assert mixed is not None
    assert len(mixed.extractors) == len(_INFO) + 1
    assert {i.version for i in mixed.extractors if i.name == first.extractor.name} == {
        first.extractor.version, "9.9.9"
    }


def test_document_view_is_in_document_order() -> None:
    """The joined view lists chunks by seq and mentions by position, whatever the input order."""
    results = hand_results(ARTICLE, chunk_size=120)
    view = document_view(list(reversed(results)))
    assert view is not None
    assert [c.seq for c in view.chunks] == list(range(len(view.chunks)))
    starts = [p.span.start for p in view.places]
    assert starts == sorted(starts)


def test_empty_input_builds_nothing() -> None:
    """No results means no events (and no error)."""
    assert build_events([]) == []
