"""Gazetteer: admin1 -> ISO 3166-2 mapping, reference points, cache and lookups."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pycountry
import pytest

from sitrep.core.gazetteer import Gazetteer, fold, load_gazetteer
from sitrep.core.gazetteer._admin1_table import ADMIN1
from sitrep.core.gazetteer.build import build_index, cache_path, read_cache, write_cache
from sitrep.core.gazetteer.iso import CityRow, map_admin1
from sitrep.errors import GazetteerError


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer()


def test_every_mapped_code_is_a_real_subdivision_of_the_same_country() -> None:
    """Each ISO code in the admin1 table exists in pycountry and belongs to the GeoNames country."""
    for g, (iso, _name) in ADMIN1.items():
        if not iso:
            continue
        sub = pycountry.subdivisions.get(code=iso)
        assert sub is not None, (g, iso)
        assert sub.country_code == g.split(".")[0], (g, iso)


def test_mapping_is_one_to_one_within_a_country() -> None:
    """No two GeoNames admin1 groups share an ISO code."""
    seen: dict[str, str] = {}
    for g, (iso, _n) in ADMIN1.items():
        if iso:
            assert iso not in seen, (g, seen.get(iso), iso)
            seen[iso] = g


@pytest.mark.parametrize("cc", ["UA", "RU", "US"])
def test_mapping_covers_every_admin1_group_of_key_countries(gaz: Gazetteer, cc: str) -> None:
    """Every populated GeoNames admin1 group of UA, RU and US has an ISO 3166-2 code."""
    groups = {g for g in gaz.data["admin1_map"] if g.startswith(cc + ".")}
    assert groups
    unmapped = sorted(g for g in groups if not gaz.data["admin1_map"][g])
    assert not unmapped


def test_mapping_coverage_overall(gaz: Gazetteer) -> None:
    """Report the share of admin1 groups mapped for all countries (must stay above 85%)."""
    m = gaz.data["admin1_map"]
    with_subdivisions = [g for g in ADMIN1 if pycountry.subdivisions.get(country_code=g.split(".")[0])]
    share = sum(1 for g in with_subdivisions if m.get(g)) / len(with_subdivisions)
    print(f"admin1 mapping coverage: {share:.1%} of {len(with_subdivisions)} groups")
    assert share > 0.85


@pytest.mark.parametrize(
    ("geonames", "iso"),
    [("UA.04", "UA-12"), ("UA.12", "UA-30"), ("UA.21", "UA-59"), ("UA.07", "UA-63"), ("UA.05", "UA-14"),
     ("RU.09", "RU-BEL"), ("RU.41", "RU-KRS"), ("RU.83", "RU-VLA"), ("RU.48", "RU-MOW"), ("RU.47", "RU-MOS"),
     ("US.CA", "US-CA"), ("US.NY", "US-NY"), ("DE.02", "DE-BY")],
)
def test_known_mappings_avoid_the_fips_trap(gaz: Gazetteer, geonames: str, iso: str) -> None:
    """FIPS-style GeoNames codes map by meaning, not by equal-looking numbers (UA.12 is Kyiv city)."""
    assert gaz.data["admin1_map"][geonames] == iso


def test_derivation_uses_names_codes_and_elimination() -> None:
    """map_admin1 pairs groups by admin1 name, alphabetic code identity, city stem and elimination."""
    rows = [
        CityRow("UA", "21", ("Sumy",), 260_000),
        CityRow("UA", "04", ("Dnipro", "Dnipropetrovsk"), 980_000),
        CityRow("US", "TX", ("Houston",), 2_300_000),
        CityRow("RU", "09", ("Belgorod",), 345_000),
        CityRow("RU", "41", ("Kursk",), 440_000),
    ]
    m = map_admin1(rows, {"RU.09": "Belgorod Oblast"})
    assert m["RU.09"].evidence == "name"
    assert m["UA.21"].iso == "UA-59" and m["UA.21"].evidence == "city"
    assert m["UA.04"].iso == "UA-12"
    assert m["US.TX"].iso == "US-TX" and m["US.TX"].evidence == "code"
    assert m["RU.09"].iso == "RU-BEL" and m["RU.41"].iso == "RU-KRS"


def test_cached_index_reads_back_whole(gaz: Gazetteer) -> None:
    """The cached index reads back with every entry (its load time is in `sitrep bench`)."""
    path = cache_path()
    assert path.exists()
    data = read_cache(path)
    assert data is not None and len(data["gid"]) == len(gaz)


def test_check_fails_loudly_on_an_empty_index() -> None:
    """Gazetteer.check raises GazetteerError for an empty index."""
    empty = {k: [] for k in ("gid", "name", "cc", "region", "kind", "lat", "lon", "pop")}
    empty.update(names={}, country_idx={}, admin1_idx={}, continent_idx={}, capital={}, demonyms={},
                 resources="x", admin1_map={})
    with pytest.raises(GazetteerError):
        Gazetteer(empty).check()


def test_loaded_index_passes_check(gaz: Gazetteer) -> None:
    """The real index has hundreds of thousands of entries and passes check()."""
    gaz.check()
    assert len(gaz) > 200_000


def test_cache_round_trip_and_stale_format(tmp_path: Path) -> None:
    """A written cache reads back; a cache of another format version is ignored."""
    data = {"format": "0", "x": [1, 2]}
    assert write_cache(data, tmp_path / "a.marshal")
    assert read_cache(tmp_path / "a.marshal") is None
    assert read_cache(tmp_path / "missing.marshal") is None


def test_small_villages_are_in_the_gazetteer(gaz: Gazetteer) -> None:
    """cities500 brings villages such as Basivka (Sumy Oblast) and towns such as Sudzha."""
    regions = {gaz.region[c.id] for c in gaz.lookup("Basivka")}
    assert "UA-59" in regions
    assert {gaz.region[c.id] for c in gaz.lookup("Sudzha")} == {"RU-KRS"}


def test_every_country_name_and_capital_resolves_to_that_country(gaz: Gazetteer) -> None:
    """Each pycountry name resolves to its country, and each capital to a city of it."""
    from sitrep.core.extract.places import resolve_toponym

    bad: list[str] = []
    for c in pycountry.countries:
        if c.alpha_2 not in gaz.country_idx:
            continue
        # "Congo" is two countries (news mostly means the DRC): alone, or by its capital, it
        # is the country the text supports (test_a_name_of_two_countries_follows_the_text)
        p = resolve_toponym(c.name, "" if c.name != "Congo" else "Brazzaville, Congo")
        if p is None or p.country != c.alpha_2:
            bad.append(f"{c.name}->{p.country if p else None}")
        cap = gaz.capital.get(c.alpha_2)
        if cap is not None:
            name = gaz.name[cap]
            bigger = [x.id for x in gaz.lookup(name) if not x.alt and gaz.pop[x.id] > gaz.pop[cap]]
            if not bigger:  # alone, the capital wins unless a larger namesake exists
                q = resolve_toponym(name)
                if q is None or q.country != c.alpha_2:
                    bad.append(f"capital {name}->{q.country if q else None}")
            q = resolve_toponym(name, f"Officials met in {name}, {gaz.name[gaz.country_idx[c.alpha_2]]}, on Monday.")
            if q is None or q.country != c.alpha_2:
                bad.append(f"capital in context {name}->{q.country if q else None}")
    assert not bad, bad


def test_reference_points_exist_for_countries_and_regions(gaz: Gazetteer) -> None:
    """Countries and admin1 regions carry a reference point inside plausible bounds."""
    ua = gaz.place(gaz.country_idx["UA"])
    assert 44 < ua.lat < 53 and 22 < ua.lon < 41
    bel = gaz.region_place("RU-BEL")
    assert bel is not None and 49.5 < bel.lat < 51.5 and 35 < bel.lon < 39.5


@pytest.mark.timeout(300)
def test_extra_geonames_dump_adds_places(tmp_path: Path) -> None:
    """build_index(extra_geonames_file=...) adds a GeoNames-format village with its ISO region."""
    dump = tmp_path / "RU.txt"
    cols = ["99999901", "Masychevo", "Masychevo", "Masychevo,Масычево", "50.39", "36.67", "P", "PPL", "RU", "",
            "09", "", "", "", "120", "", "180", "Europe/Moscow", "2024-01-01"]
    dump.write_text("\t".join(cols) + "\n" + "bad line\n", encoding="utf-8")
    data = build_index(extra_geonames_file=dump)
    g = Gazetteer(data)
    hits = [c.id for c in g.lookup("Masychevo")]
    assert hits and g.region[hits[0]] == "RU-BEL" and g.cc[hits[0]] == "RU"
    per_region: dict[str, int] = defaultdict(int)
    per_region[g.region[hits[0]]] += 1
    assert per_region["RU-BEL"] == 1


def test_country_points_lie_inside_the_country_area_not_at_a_settlement_mean() -> None:
    """Country reference points come from a conventional country-point table, each near its settlements."""
    from sitrep.core.gazetteer.build import _country_points

    pts = _country_points()
    assert len(pts) >= 200
    for cc in ("US", "RU", "CN", "CA", "BR", "UA"):
        lat, lon = pts[cc]
        assert -90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0
    # a mainland-centre convention: Russia's point lies east of the Urals, not near Moscow
    assert pts["RU"][1] > 60.0


@pytest.mark.parametrize(
    ("city", "country", "region"),
    [("Brest", "Belarus", "BY-BR"), ("Vitebsk", "Belarus", "BY-VI"), ("Kraków", "Poland", "PL-12"),
     ("Poznań", "Poland", "PL-30"), ("Rzeszów", "Poland", "PL-18"), ("Kismayo", "Somalia", "SO-JH"),
     ("Jilib", "Somalia", "SO-JD"), ("Linz", "Austria", "AT-4"), ("Sankt Pölten", "Austria", "AT-3"),
     ("Tabriz", "Iran", "IR-03"), ("Urmia", "Iran", "IR-04"), ("Aalborg", "Denmark", "DK-81"),
     ("Akureyri", "Iceland", "IS-6"), ("Egilsstaðir", "Iceland", "IS-7"),
     ("Ust-Kamenogorsk", "Kazakhstan", "KZ-63"), ("Petropavl", "Kazakhstan", "KZ-59"),
     ("Vang Vieng", "Laos", "LA-VI"), ("Minsk", "Belarus", "BY-HM"),
     ("Hebron", "West Bank", "PS-HBN"), ("Khan Yunis", "Gaza", "PS-KYS"), ("Kragujevac", "Serbia", None),
     ("Taichung", "Taiwan", "TW-TXG"), ("Hsinchu", "Taiwan", None), ("Hualien City", "Taiwan", "TW-HUA"),
     ("Erbil", "Iraq", "IQ-AR"), ("Duhok", "Iraq", "IQ-DA"), ("Sulaymaniyah", "Iraq", "IQ-SU"),
     ("Beersheba", "Israel", "IL-D"), ("Nazareth", "Israel", "IL-Z"), ("Petah Tikva", "Israel", "IL-M"),
     ("Tyre", "Lebanon", "LB-JA"), ("Zahlé", "Lebanon", "LB-BI"), ("Tripoli", "Lebanon", "LB-AS"),
     ("Dammam", "Saudi Arabia", "SA-04"), ("Hurghada", "Egypt", "EG-BA"), ("Patras", "Greece", "GR-G"),
     ("Ioannina", "Greece", "GR-D"), ("Rhodes", "Greece", "GR-L"), ("Manama", "Bahrain", "BH-13"),
     ("Surabaya", "Indonesia", "ID-JI"), ("Bandung", "Indonesia", "ID-JB"), ("Makassar", "Indonesia", "ID-SN"),
     ("Jayapura", "Indonesia", "ID-PA"), ("Pontianak", "Indonesia", "ID-KB"), ("Padang", "Indonesia", "ID-SB"),
     ("Ambon", "Indonesia", "ID-MA"), ("Mataram", "Indonesia", "ID-NB"), ("Pekanbaru", "Indonesia", "ID-RI"),
     ("Neiba", "Dominican Republic", "DO-03"), ("Barahona", "Dominican Republic", "DO-04"),
     ("Higüey", "Dominican Republic", "DO-11"), ("Bonao", "Dominican Republic", "DO-28"),
     # Vietnam's 2025 mergers: each seat in its own ISO province (Da Nang was in Quang Nam)
     ("Da Nang", "Vietnam", "VN-DN"), ("Yên Bái", "Vietnam", "VN-06"), ("Lào Cai", "Vietnam", "VN-02"),
     ("Haiphong", "Vietnam", "VN-HP"), ("Hải Dương", "Vietnam", "VN-61"), ("Hanoi", "Vietnam", "VN-HN"),
     ("Taipei", "Taiwan", "TW-TPE"), ("New Taipei", "Taiwan", "TW-NWT"),
     ("Male", "Maldives", "MV-MLE"), ("Debrecen", "Hungary", "HU-DE")],
)
def test_corrected_admin1_regions(city: str, country: str, region: str | None) -> None:
    """Cities of the hand-corrected GeoNames admin1 groups get the right ISO 3166-2 region,
    or none where GeoNames' unit has no ISO equivalent (never a wrong one)."""
    from sitrep.core.extract.places import resolve_toponym  # noqa: PLC0415

    place = resolve_toponym(city, f"{city}, {country}")
    assert place is not None and place.region == region, (city, place)


def test_corrections_name_real_groups_and_codes() -> None:
    """Every corrected group exists in the generated table and every code in pycountry."""
    import pycountry  # noqa: PLC0415

    from sitrep.core.gazetteer._admin1_table import ADMIN1  # noqa: PLC0415
    from sitrep.core.gazetteer.build import ADMIN1_CORRECTIONS  # noqa: PLC0415

    for group, iso in ADMIN1_CORRECTIONS.items():
        assert group in ADMIN1, group
        assert not iso or pycountry.subdivisions.get(code=iso) is not None, iso


def test_hand_tables_name_real_iso_codes() -> None:
    """Every territory twin is a pycountry subdivision and country, every composite
    region's parts are subdivisions of one country, every exonym names a subdivision."""
    import pycountry  # noqa: PLC0415

    from sitrep.core.gazetteer.build import COMPOSITE_REGIONS, ISO_TWINS, REGION_EXONYMS  # noqa: PLC0415

    for sub, cc in ISO_TWINS.items():
        assert pycountry.subdivisions.get(code=sub) is not None, sub
        assert pycountry.countries.get(alpha_2=cc) is not None, cc
    for name, parts in COMPOSITE_REGIONS.items():
        assert all(pycountry.subdivisions.get(code=c) is not None for c in parts), name
        assert len({c.split("-")[0] for c in parts}) == 1, name
    assert all(pycountry.subdivisions.get(code=c) is not None for c in REGION_EXONYMS.values())


_DIGEST = """
import hashlib, marshal
from sitrep.core.gazetteer.build import build_index
d = build_index()
print(hashlib.sha256(marshal.dumps({k: d[k] for k in sorted(d) if k != "resources"})).hexdigest())
"""


def test_index_build_is_the_same_under_any_hash_seed() -> None:
    """Two builds with different PYTHONHASHSEED give the same index: set order once
    changed entry numbers, and with them which of two tied readings won (Moscow city
    vs Moscow Oblast for a name placed by context)."""
    import os  # noqa: PLC0415
    import subprocess  # noqa: PLC0415
    import sys  # noqa: PLC0415

    procs = [
        subprocess.Popen([sys.executable, "-c", _DIGEST], stdout=subprocess.PIPE, text=True,
                         env={**os.environ, "PYTHONHASHSEED": seed})
        for seed in ("1", "2")
    ]
    digests = [p.communicate(timeout=300)[0].strip() for p in procs]
    assert all(p.returncode == 0 for p in procs)
    assert len(digests[0]) == 64 and digests[0] == digests[1]


@pytest.mark.parametrize(("county", "town"), [("Derbyshire", "Derby"), ("Yorkshire", "York"),
                                              ("Pembrokeshire", "Pembroke"), ("County Armagh", "Armagh")])
def test_a_uk_county_named_after_its_county_town_is_at_that_town(gaz: Gazetteer, county: str, town: str) -> None:
    """No package gives UK county points; one named after its town is there, not at
    England's middle (Yorkshire 190 km off); the others stay at their nation's point."""
    def gb(name: str, kind: str) -> int:
        return next(c >> 1 for c in gaz.names[fold(name)] if gaz.cc[c >> 1] == "GB" and gaz.kind[c >> 1] == kind)

    c, t = gb(county, "county"), gb(town, "city")
    assert (gaz.lat[c], gaz.lon[c]) == (gaz.lat[t], gaz.lon[t]) and gaz.region[c] == gaz.region[t]
    kent, england = gb("Kent", "county"), gaz.admin1_idx["GB-ENG"]
    assert (gaz.lat[kent], gaz.lon[kent]) == (gaz.lat[england], gaz.lon[england])


def test_philippine_provinces_are_readings_of_their_region() -> None:
    """ISO's first level in the Philippines is regions; "Lanao del Sur" had been cut into a
    village "Lanao" and "Sur", a town in Oman."""
    from sitrep.core.extract.places import extract_places  # noqa: PLC0415
    from tests.factories import make_chunk  # noqa: PLC0415

    got = {pm.surface: pm.resolved for pm in extract_places(make_chunk(
        "In Marawi, the lakeside city in Lanao del Sur, police arrested a man. Soldiers killed three "
        "rebels in Zamboanga del Norte province.")).places}
    assert got["Lanao del Sur"].region == "PH-14"  # type: ignore[union-attr]
    assert got["Zamboanga del Norte"].region == "PH-09"  # type: ignore[union-attr]


def test_burkina_provinces_are_readings_of_their_region() -> None:
    """ISO's first level in Burkina Faso is 13 regions, its provinces the second: "Soum
    province" had fallen back to the country (its only reading a village in Senegal)."""
    from sitrep.core.extract.places import extract_places  # noqa: PLC0415
    from tests.factories import make_chunk  # noqa: PLC0415

    got = {pm.surface: pm.resolved for pm in extract_places(make_chunk(
        "OUAGADOUGOU (Reuters) - Jihadists attacked Djibo, a town of some 60,000 people in Soum province, "
        "and army posts in Yatenga province.")).places}
    assert got["Soum"].region == "BF-12"  # type: ignore[union-attr]
    assert got["Yatenga"].region == "BF-10"  # type: ignore[union-attr]
