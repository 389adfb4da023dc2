"""Behaviour of the rule-based entity extractor and its document-level folding."""

from __future__ import annotations

import json
import os
import random
import re
from pathlib import Path

import pytest

from sitrep.core.extract import entities as entities_module
from sitrep.core.extract.entities import (
    EXTRACTOR,
    document_aliases,
    extract_entities,
    merge_document_entities,
)
from sitrep.eval.entities_score import score_entities
from sitrep.schemas import Chunk, EntitiesResult, EntityKind, EntityMention
from tests.factories import SHARED, make_chunk, seed_text


def _shared() -> Path:
    return Path(os.environ.get("SITREP_SHARED_DIR", SHARED))


def _gold() -> dict:
    path = _shared() / "eval" / "seed-gold.json"
    if not path.exists():
        pytest.skip(f"gold annotation absent at {path}")
    return json.loads(path.read_text(encoding="utf-8"))


def _sentence_chunks(text: str, document_id: str = "doc-seed") -> list[Chunk]:
    """Sentence-sized chunks carrying their offsets in the original text."""
    parts = [(m.start(), m.group()) for m in re.finditer(r"[^\n]+?(?:[.!?](?=\s)|$)", text, re.M)]
    parts = [(s, p) for s, p in parts if p.strip()]
    return [
        make_chunk(p, document_id=document_id, seq=i, chunk_count=len(parts), start=s)
        for i, (s, p) in enumerate(parts)
    ]


def _entities(text: str) -> list[EntityMention]:
    return extract_entities(make_chunk(text)).entities


def _named(text: str, kind: EntityKind) -> set[str]:
    return {m.name for m in _entities(text) if m.kind is kind}


# --- the seed article ---------------------------------------------------------------


@pytest.mark.parametrize("chunking", ["whole", "sentences"])
def test_seed_entity_f1_meets_target(chunking: str) -> None:
    """Entities folded over the seed article reach F1 >= 0.9 against the gold annotation."""
    gold = _gold()["entities"]
    text = seed_text()
    chunks = [make_chunk(text)] if chunking == "whole" else _sentence_chunks(text)
    merged = merge_document_entities([extract_entities(c) for c in chunks])
    score = score_entities(merged, gold)
    print(f"seed entities ({chunking}):", {k: score[k] for k in ("precision", "recall", "f1")})
    assert score["f1"] >= 0.9, score


def test_document_aliases_list_what_the_fold_gives() -> None:
    """The merger's names and surface forms are those of the folded mentions, in their
    order: name, first span's text, aliases."""
    results = [extract_entities(c) for c in _sentence_chunks(seed_text())]
    folded = merge_document_entities(results)
    assert len(folded) > 5
    assert document_aliases(results) == [
        (m.name, [m.name, m.span.text, *m.aliases]) for m in folded
    ]


def test_seed_places_are_never_people() -> None:
    """No toponym of the seed (gold places, plus spaCy's known misses) is reported as a person."""
    gold = _gold()
    toponyms = {p["name"].casefold() for p in gold["places"]}
    toponyms |= {"kharkiv", "kryvyi rih", "kyiv", "masychevo", "pogrebki", "popovka",
                 "shebekino", "sumy", "mm"}
    text = seed_text()
    for chunks in ([make_chunk(text)], _sentence_chunks(text)):
        people = [m for r in map(extract_entities, chunks) for m in r.entities
                  if m.kind is EntityKind.PERSON]
        assert people
        bad = [m.span.text for m in people if m.span.text.casefold() in toponyms
               or m.name.casefold() in toponyms]
        assert not bad


def test_seed_spans_slice_the_original_document() -> None:
    """Every span of every sentence chunk is the exact slice of the original article."""
    text = seed_text()
    for chunk in _sentence_chunks(text):
        for m in extract_entities(chunk).entities:
            assert text[m.span.start : m.span.end] == m.span.text


# --- people, roles, folding inside a chunk --------------------------------------------------


def test_title_before_name_becomes_role_with_country() -> None:
    """'Kherson regional governor X' gives a person with that role and the region's country."""
    ms = _entities("Kherson regional governor Oleksandr Prokudin said two people died.")
    person = next(m for m in ms if m.kind is EntityKind.PERSON)
    assert person.name == "Oleksandr Prokudin"
    assert person.role == "Kherson regional governor"
    assert person.country == "UA"


def test_apposition_after_surname_gives_role() -> None:
    """A bare surname followed by ', commander of ...' is a person with that role."""
    ms = _entities("Gerasimov, commander of the Northern Fleet, told state television the strike failed.")
    person = next(m for m in ms if m.kind is EntityKind.PERSON)
    assert person.name == "Gerasimov"
    assert person.role is not None and person.role.startswith("commander of")


def test_title_inside_capitalised_run_is_split_from_the_name() -> None:
    """'Kharkiv Mayor Ihor Terekhov' is the person Ihor Terekhov, role 'Kharkiv Mayor'."""
    ms = _entities("Kharkiv Mayor Ihor Terekhov wrote that three people were wounded.")
    person = next(m for m in ms if m.kind is EntityKind.PERSON)
    assert (person.name, person.role) == ("Ihor Terekhov", "Kharkiv Mayor")


def test_a_date_after_a_name_ends_the_name() -> None:
    """'Volodymyr Zelensky on Sunday' is the person; 'Ministry of Defence on Friday' the ministry."""
    ms = _entities("Ukrainian President Volodymyr Zelensky on Sunday called for more pressure.")
    assert [(m.kind, m.name, m.role) for m in ms] == [
        (EntityKind.PERSON, "Volodymyr Zelensky", "Ukrainian President")
    ]
    ms = _entities("The Ministry of Defence on Friday said three drones were downed.")
    assert [m.name for m in ms] == ["Ministry of Defence"]


def test_un_secretary_general() -> None:
    """'UN Secretary-General Antonio Guterres' gives the person, his role and the UN as ORG."""
    ms = _entities("UN Secretary-General Antonio Guterres called for an immediate ceasefire.")
    person = next(m for m in ms if m.kind is EntityKind.PERSON)
    assert person.name == "Antonio Guterres"
    assert person.role == "UN Secretary-General"
    assert person.country is None
    assert "United Nations" in {m.name for m in ms if m.kind is EntityKind.ORG}


def test_honorific_is_evidence_not_role() -> None:
    """'Mr X told' marks X as a person but 'Mr' is not kept as a role."""
    ms = _entities("Mr Netanyahu told reporters that the operation would continue.")
    person = next(m for m in ms if m.kind is EntityKind.PERSON)
    assert person.name == "Netanyahu" and person.role is None


def test_surname_folds_to_full_name_within_chunk() -> None:
    """A later bare surname in the same chunk takes the full name as canonical name."""
    ms = _entities("Prime Minister Keir Starmer visited Kyiv. Starmer said support would last.")
    names = [m.name for m in ms if m.kind is EntityKind.PERSON]
    assert names == ["Keir Starmer", "Keir Starmer"]
    assert "Starmer" in ms[-1].aliases or "Starmer" in [a for m in ms for a in m.aliases]


def test_unknown_single_words_need_evidence() -> None:
    """Lone capitalised village names without a title or verb are not people."""
    text = ("Shelling hit Novoselivka, Pokrovsk and Kurakhove overnight. Troops left Vovchansk "
            "and Hlyboke on Friday. Residents of Malynivka fled towards Izium in August.")
    assert _named(text, EntityKind.PERSON) == set()


def test_months_days_and_sentence_starts_are_not_entities() -> None:
    """Calendar words and capitalised function words produce nothing."""
    text = "Meanwhile, on Monday and Tuesday in March the talks stalled. However, Nothing changed."
    assert _entities(text) == []


# --- organisations and armed groups --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Russian forces advanced near the river.", "Armed Forces of Russia", "RU"),
        ("The might of Moscow's military bears down on them.", "Armed Forces of Russia", "RU"),
        ("Kyiv's troops launched an offensive.", "Armed Forces of Ukraine", "UA"),
        ("Ukraine's Armed Forces have occupied land.", "Armed Forces of Ukraine", "UA"),
        ("French troops withdrew from the base.", "Armed Forces of France", "FR"),
        ("Israeli troops withdrew from Khan Younis.", "Armed Forces of Israel", "IL"),
        ("The Israeli Defense Forces said it struck targets.", "Armed Forces of Israel", "IL"),
        ("Ethiopian federal forces fought near Gondar.", "Armed Forces of Ethiopia", "ET"),
        ("North Korean soldiers were seen in the area.", "Armed Forces of North Korea", "KP"),
        ("Ukraine's air force said it downed drones.", "Armed Forces of Ukraine", "UA"),
    ],
)
def test_country_armed_forces_are_canonicalised(text: str, name: str, country: str) -> None:
    """Any country word before a force noun folds to 'Armed Forces of <country>' with ISO code."""
    groups = [m for m in _entities(text) if m.kind is EntityKind.ARMED_GROUP]
    assert [(m.name, m.country) for m in groups] == [(name, country)]


def test_coordinated_demonyms_share_the_force_noun() -> None:
    """'between Russian and Ukrainian troops' names both armed forces."""
    names = _named("Battles between Russian and Ukrainian troops continued.", EntityKind.ARMED_GROUP)
    assert names == {"Armed Forces of Russia", "Armed Forces of Ukraine"}


def test_military_as_modifier_is_not_an_actor() -> None:
    """'Russian military bloggers' are not the Russian armed forces."""
    assert _named("Russian military bloggers reported battles.", EntityKind.ARMED_GROUP) == set()


def test_invented_conflict_sentences() -> None:
    """Groups, organisations and acronyms in varied news sentences are found and typed."""
    hamas = _entities("Hamas fighters attacked an army post near Gaza City on Tuesday.")
    assert ("Hamas", EntityKind.ARMED_GROUP) in {(m.name, m.kind) for m in hamas}
    rsf = _entities("Clashes between the Sudanese Rapid Support Forces (RSF) and the army "
                    "killed 40 people, according to the Syrian Observatory for Human Rights.")
    kinds = {(m.name, m.kind) for m in rsf}
    assert ("Rapid Support Forces", EntityKind.ARMED_GROUP) in kinds
    assert ("Syrian Observatory for Human Rights", EntityKind.ORG) in kinds
    assert any("RSF" in m.aliases or m.span.text == "RSF" for m in rsf)
    assert all(m.kind is not EntityKind.PERSON for m in rsf)
    hez = _entities("Lebanon's Hezbollah said it fired rockets, while the IDF struck Nabatieh.")
    assert {m.name for m in hez} >= {"Hezbollah", "Armed Forces of Israel"}


def test_a_groups_full_name_is_its_short_name() -> None:
    """"the National Liberation Army (ELN)" is the ELN (it had been a "Liberation Army" beside
    it), and the Revolutionary Armed Forces of Colombia the FARC; a longer name stays its own."""
    ms = _entities("Clashes between the National Liberation Army (ELN) guerrillas and the Revolutionary Armed "
                   "Forces of Colombia killed six. The Ta'ang National Liberation Army attacked a post.")
    groups = [(m.name, m.country) for m in ms if m.kind is EntityKind.ARMED_GROUP]
    assert list(dict.fromkeys(groups)) == [("ELN", "CO"), ("FARC", "CO"), ("Ta'ang National Liberation Army", "MM")]
    # a name opening on a possessive (it had been "Defence Force", "Liberation Army")
    ms = _entities("Fighters from a local People's Defence Force clashed with troops, and the People's Liberation "
                   "Army held drills.")
    assert [(m.name, m.country) for m in ms if m.kind is EntityKind.ARMED_GROUP] == [
        ("People's Defence Force", "MM"), ("People's Liberation Army", "CN")]


def test_named_unit_with_lowercase_noun() -> None:
    """'Chechnya's Akhmat special forces' is an armed group named 'Akhmat special forces'."""
    ms = _entities("He commands Chechnya's Akhmat special forces in the south.")
    group = next(m for m in ms if m.kind is EntityKind.ARMED_GROUP)
    assert group.name == "Akhmat special forces"
    assert "Akhmat" in group.aliases


def test_a_units_number_is_part_of_its_name() -> None:
    """'the 47th Mechanised Brigade' had been 'Mechanised Brigade', which names no unit."""
    ms = _entities(
        "Ukraine's 47th Mechanised Brigade said it held the line. The 3rd Assault Brigade "
        "said the same, as did Russia's 810th Naval Infantry Brigade."
    )
    groups = {m.name: m.country for m in ms if m.kind is EntityKind.ARMED_GROUP}
    assert groups == {
        "47th Mechanised Brigade": "UA",
        "3rd Assault Brigade": None,
        "810th Naval Infantry Brigade": "RU",
    }


def test_org_keyword_runs_and_possessor_country() -> None:
    """'Russia's Defence Ministry' is an ORG located by its possessor; agencies are canonical."""
    ms = _entities("Russia's Defence Ministry said so, the state RIA news agency reported, citing TASS.")
    orgs = {m.name: m.country for m in ms if m.kind is EntityKind.ORG}
    assert orgs == {"Defence Ministry": "RU", "RIA Novosti": "RU", "TASS": "RU"}


def test_weapons_need_context_when_ambiguous() -> None:
    """'Patriot' is a weapon before 'missiles' but not in 'a Patriot fan'; HIMARS always is."""
    assert _named("Kyiv received Patriot missiles and HIMARS.", EntityKind.WEAPON) == {"Patriot", "HIMARS"}
    assert _named("He was a Patriot fan from Boston.", EntityKind.WEAPON) == set()


# --- spans and offsets ----------------------------------------------------------------------


def test_spans_use_document_offsets_and_offset_map() -> None:
    """Spans map back to the original document even when normalisation shifted lengths."""
    original = "Intro. “Cafe\u0301” owner said. Mayor Ihor Terekhov said ‘fine’."
    # normalised chunk text: NFC composition removes one code point after 'Cafe'
    normalised = "Intro. \"Café\" owner said. Mayor Ihor Terekhov said 'fine'."
    start = 7
    chunk_text = normalised[start:]
    shift_at = chunk_text.index("é") + 1
    chunk = Chunk(
        document_id="d", chunk_id="d:0", seq=0, chunk_count=1, text=chunk_text,
        start=start, end=len(original), offset_map=[(0, start), (shift_at, start + shift_at + 1)],
    )
    person = next(m for m in extract_entities(chunk).entities if m.kind is EntityKind.PERSON)
    assert original[person.span.start : person.span.end] == "Ihor Terekhov"


def test_result_carries_extractor_and_chunk_ref() -> None:
    """The result names the extractor and the chunk it came from."""
    chunk = make_chunk("Kremlin spokesman Dmitry Peskov said no.", seq=2, chunk_count=5, start=40)
    result = extract_entities(chunk)
    assert isinstance(result, EntitiesResult)
    assert result.extractor == EXTRACTOR and EXTRACTOR.name == "entities"
    assert (result.chunk.chunk_id, result.chunk.start, result.chunk.seq) == ("doc-test:2", 40, 2)
    assert result.entities[0].span.start >= 40


def test_extraction_is_deterministic() -> None:
    """The same chunk always gives the same result."""
    chunk = make_chunk(seed_text())
    assert extract_entities(chunk) == extract_entities(chunk)


def _clear_word_caches() -> None:
    entities_module._WORDS.clear()
    entities_module._SHAPED.clear()
    entities_module._ROLE_COUNTRY.clear()


def test_word_caches_do_not_change_results(monkeypatch: pytest.MonkeyPatch) -> None:
    """Cold, warm and constantly overflowing word caches give the same entities."""
    chunks = _sentence_chunks(seed_text())
    _clear_word_caches()
    cold = [extract_entities(c) for c in chunks]
    warm = [extract_entities(c) for c in chunks]
    monkeypatch.setattr(entities_module, "_WORDS_MAX", 8)
    _clear_word_caches()
    tiny = [extract_entities(c) for c in chunks]
    assert cold == warm == tiny
    assert sum(len(r.entities) for r in cold) > 20


def test_word_caches_stay_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    """Unseen words never grow the memo tables past their bound."""
    monkeypatch.setattr(entities_module, "_WORDS_MAX", 50)
    _clear_word_caches()
    words = " ".join(f"Zq{i:04d}ov said. Yq{i:04d} governor Xq{i:04d}enko said." for i in range(300))
    extract_entities(make_chunk(words))
    for table in (entities_module._WORDS, entities_module._SHAPED, entities_module._ROLE_COUNTRY):
        assert 0 < len(table) <= 50


# --- document-level folding ------------------------------------------------------------------


def _doc(texts: list[str]) -> list[EntitiesResult]:
    out, pos = [], 0
    for i, t in enumerate(texts):
        out.append(extract_entities(make_chunk(t, seq=i, chunk_count=len(texts), start=pos)))
        pos += len(t) + 1
    return out


def test_merge_folds_surnames_and_transliterations_across_chunks() -> None:
    """A later 'Syrsky' or 'Syrskyi's' folds into the earlier full 'Oleksandr Syrskyi'."""
    results = _doc([
        "Commander-in-chief Oleksandr Syrskyi visited the front.",
        "Syrsky said the situation was difficult.",
        "Troops loyal to Syrskyi's staff regrouped, Syrskyi said.",
    ])
    people = [m for m in merge_document_entities(results) if m.kind is EntityKind.PERSON]
    assert [m.name for m in people] == ["Oleksandr Syrskyi"]
    assert {"Syrsky", "Syrskyi"} <= set(people[0].aliases)


def test_merge_keeps_the_most_informative_role_and_country() -> None:
    """The folded person keeps the longest role and the country the text gave."""
    results = _doc([
        "Gladkov said the town was shelled.",
        "Belgorod regional governor Vyacheslav Gladkov said two people were hurt.",
    ])
    person = next(m for m in merge_document_entities(results) if m.kind is EntityKind.PERSON)
    assert (person.name, person.role, person.country) == (
        "Vyacheslav Gladkov", "Belgorod regional governor", "RU")


def test_merge_links_role_only_mentions_when_the_text_does() -> None:
    """'the Ukrainian President' folds into the person named with that role; unlinked ones drop."""
    linked = _doc(["Ukrainian President Volodymyr Zelensky spoke.", "The Ukrainian President added more."])
    merged = merge_document_entities(linked)
    assert [m.name for m in merged if m.kind is EntityKind.PERSON] == ["Volodymyr Zelensky"]
    unlinked = _doc(["The French President said little."])
    assert merge_document_entities(unlinked) == []
    kept = merge_document_entities(unlinked, keep_unlinked_roles=True)
    assert [m.name for m in kept] == ["President of France"]


def test_merge_is_independent_of_result_order() -> None:
    """Shuffling the chunk results gives the same merged list."""
    results = [extract_entities(c) for c in _sentence_chunks(seed_text())]
    expected = merge_document_entities(results)
    rng = random.Random(7)
    for _ in range(5):
        shuffled = results[:]
        rng.shuffle(shuffled)
        assert merge_document_entities(shuffled) == expected


def test_merge_groups_armed_forces_aliases() -> None:
    """All surface forms of one country's forces end up as aliases of one entity."""
    results = _doc(["Russian forces attacked.", "Moscow's troops withdrew.", "Russia's army regrouped."])
    merged = merge_document_entities(results)
    assert len(merged) == 1
    assert merged[0].name == "Armed Forces of Russia"
    assert {"Russian forces", "Moscow's troops", "Russia's army"} <= set(merged[0].aliases)


# --- scoring helper ---------------------------------------------------------------------------


def test_score_entities_matches_aliases_and_ignores_optional() -> None:
    """Alias matches count, optional gold rows neither reward nor penalise, misses lower recall."""
    gold = [
        {"name": "Vladimir Putin", "type": "PERSON", "aliases": ["Putin"]},
        {"name": "NATO", "type": "ORG", "aliases": []},
        {"name": "Grad", "type": "WEAPON", "aliases": [], "optional": True},
    ]
    ms = _entities("Putin said the Grad rockets were fired, the Kremlin said.")
    score = score_entities(ms, gold)
    assert score["recall"] == 0.5
    assert score["false_positives"] == ["Kremlin"]
    assert score["missed"] == ["NATO"]


@pytest.mark.parametrize(
    ("text", "groups"),
    [("Suspected jihadists killed at least 32 soldiers.", []),
     ("Unidentified gunmen killed five people.", []),
     ("Suspected Islamist militants attacked the village.", []),
     ("Suspected Boko Haram fighters raided the town.", ["Boko Haram"]),
     ("Islamic State fighters attacked a checkpoint.", ["Islamic State"])],
)
def test_words_that_describe_fighters_name_no_group(text: str, groups: list[str]) -> None:
    """"Suspected jihadists" had been an armed group called "Suspected"."""
    got = [e.name for e in extract_entities(make_chunk(text)).entities if e.kind == EntityKind.ARMED_GROUP]
    assert got == groups


def test_words_that_describe_fighters_name_no_group_either() -> None:
    """"Hooded gunmen", "Separatist fighters" had been armed groups "Hooded", "Separatist"."""
    ms = _entities("Hooded gunmen killed four people. Separatist fighters attacked a school.")
    assert not [m for m in ms if m.kind is EntityKind.ARMED_GROUP]
