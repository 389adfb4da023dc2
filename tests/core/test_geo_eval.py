"""Geo evaluation harness: corpus parsing, metrics and a smoke run on the real corpora."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from sitrep.eval.geo import evaluate_corpus, haversine_km, parse_corpus
from tests.factories import SHARED

GWN_XML = """<?xml version="1.0" ?>
<articles><article file="0"><title>t</title><link>l</link>
<text>Troops left Kharkiv, Ukraine. Officials in Paris spoke.</text>
<toponyms>
<toponym><extractedName>Kharkiv</extractedName><normalisedName/><type>Literal</type><modifierType/>
<nonLocational>No</nonLocational><start>12</start><end>19</end><geonamesID>706483</geonamesID>
<latitude>49.98</latitude><longitude>36.25</longitude></toponym>
<toponym><extractedName>Ukraine</extractedName><normalisedName/><type>Literal</type><modifierType/>
<nonLocational>No</nonLocational><start>21</start><end>28</end><geonamesID>690791</geonamesID>
<latitude>49.0</latitude><longitude>32.0</longitude></toponym>
<toponym><extractedName>Officials</extractedName><normalisedName/><type>Non_Toponym</type><modifierType/>
<nonLocational>Yes</nonLocational><start>30</start><end>39</end></toponym>
<toponym><extractedName>Paris</extractedName><normalisedName/><type>Literal</type><modifierType/>
<nonLocational>No</nonLocational><start>43</start><end>48</end><geonamesID/>
<latitude>48.85</latitude><longitude>2.35</longitude></toponym>
</toponyms></article></articles>"""

LGL_XML = """<?xml version="1.0" encoding="utf-8"?>
<articles><article docid="1"><title>t</title>
<text><![CDATA[Fire in Alexandria, Louisiana. Nobody hurt.]]></text>
<toponyms count="2">
<toponym><start>8</start><end>18</end><phrase>Alexandria</phrase>
<gaztag geonameid="4314550"><name>Alexandria</name><lat>31.3113</lat><lon>-92.4451</lon></gaztag></toponym>
<toponym><start>20</start><end>29</end><phrase>Louisiana</phrase>
<gaztag geonameid="4331987"><name>Louisiana</name><lat>31.0</lat><lon>-92.0</lon></gaztag></toponym>
</toponyms></article></articles>"""


def test_haversine_known_distance() -> None:
    """Kyiv-Kharkiv is about 410 km great-circle."""
    assert 400 < haversine_km(50.45, 30.52, 49.99, 36.23) < 420


def test_parse_gwn_marks_scored_toponyms(tmp_path: Path) -> None:
    """GWN parsing keeps offsets and scores only toponyms with coordinates and a literal type."""
    p = tmp_path / "g.xml"
    p.write_text(GWN_XML, encoding="utf-8")
    arts = parse_corpus(p, "gwn")
    tops = arts[0].toponyms
    assert [t.phrase for t in tops if t.scored] == ["Kharkiv", "Ukraine", "Paris"]
    assert arts[0].text[tops[0].start : tops[0].end] == "Kharkiv"


def test_evaluate_small_corpora(tmp_path: Path) -> None:
    """evaluate_corpus returns resolution and finding figures that reflect the tiny corpora."""
    g = tmp_path / "g.xml"
    g.write_text(GWN_XML, encoding="utf-8")
    r = evaluate_corpus(g, "gwn")
    assert r["resolution"]["toponyms"] == 3
    assert r["resolution"]["within_161km"] >= 2 / 3
    assert r["finding"]["recall"] == 1.0 and r["finding"]["predicted_fp"] == 0
    lg = tmp_path / "l.xml"
    lg.write_text(LGL_XML, encoding="utf-8")
    r2 = evaluate_corpus(lg, "lgl")
    assert r2["resolution"]["within_161km"] == 1.0
    assert r2["resolution"]["geonames_id_match"] == 0.5  # Louisiana is an admin1 point, not its id
    assert 0 <= r2["resolution"]["auc"] < 0.3


@pytest.mark.parametrize(("name", "kind"), [("GWN.xml", "gwn"), ("lgl.xml", "lgl")])
def test_real_corpus_smoke(name: str, kind: str) -> None:
    """On the first 30 articles of each corpus the harness runs and beats the naive baseline share."""
    root = Path(os.environ.get("SITREP_SHARED_DIR", SHARED))
    path = root / "eval" / "geo" / name
    if not path.exists():
        pytest.skip(f"corpus not found at {path}")
    r = evaluate_corpus(path, kind, limit=30)  # type: ignore[arg-type]
    print(kind, r["resolution"]["within_161km"], r["finding"]["f1"])
    assert r["articles"] == 30
    assert r["resolution"]["within_161km"] > 0.35
    assert r["finding"]["f1"] > 0.4


def test_misses_listing_leaves_the_figures_alone(tmp_path: Path) -> None:
    """The debug listing records each error over 161 km and the figures stay what they are without it."""
    g = tmp_path / "g.xml"
    g.write_text(GWN_XML, encoding="utf-8")
    misses: list[dict[str, object]] = []
    with_list = evaluate_corpus(g, "gwn", misses=misses)
    assert with_list == evaluate_corpus(g, "gwn")
    wrong = round((1 - with_list["resolution"]["within_161km"]) * with_list["resolution"]["toponyms"])
    assert len(misses) == wrong
    assert all(m["error_km"] > 161 and "gold" in m and "ours" in m for m in misses)
