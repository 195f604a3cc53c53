"""Mentions (tipkg.extract.mentions): where a paragraph names a State, organization, body, resolution or
document, resolved to one node per real thing.

The seeds are read through MentionFinder with the reference gazetteer. Where a seed lacks a written form,
a paragraph copied from the corpus (with its symbol and number) is ingested from a temporary file.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import CORPUS_TEXTS, needs_corpus, query_json, run_tipkg
from tipkg.ingest import ingest
from tipkg.model import Mention

# --- paragraphs copied from the corpus --------------------------------------------------------------

# A/RES/79/330, operative paragraph 10
ERZURUM_DECLARATION = ("10. Takes note of the Erzurum Declaration adopted at the sixth Economic Cooperation "
                       "Organization ministerial meeting on tourism, held in Erzurum, Türkiye, on 26 April 2025;")
# A/80/L.23, operative paragraph 107
WORLD_HUMANITARIAN_SUMMIT = ("107. Takes note of the World Humanitarian Summit, held in Istanbul, Turkey, on 23 and "
                             "24 May 2016, and of the report of the Secretary-General on the outcome of the World "
                             "Humanitarian Summit;")
# A/C.2/80/L.58, preambular paragraph (end of it)
CYBERCRIME_SIGNING = ("Welcoming the adoption by General Assembly resolution 79/243 of 24 December 2024 of United "
                      "Nations Convention against Cybercrime, emphasizing the importance of the Signing ceremony "
                      "held in Hanoi, Viet Nam, on 25 and 26 October 2025,")
# A/C.3/80/L.26, operative paragraph 1
SELF_DETERMINATION = ("1. Reaffirms the right of the Palestinian people to self-determination, including the right "
                      "to their independent State of Palestine;")
# A/RES/78/218, operative paragraph 18
DPRK_HUMAN_RIGHTS = ("18. Strongly urges the Government of the Democratic People’s Republic of Korea to respect, "
                     "protect and fulfil all human rights and fundamental freedoms and, in this regard:")


def mentions_of_text(finder, folder: Path, text: str) -> list[Mention]:
    path = folder / "paragraph.txt"
    path.write_text(text + "\n", encoding="utf-8")
    return finder.find(ingest(path))


def by_surface(mentions: list[Mention]) -> dict[str, Mention]:
    return {m.surface: m for m in mentions}


def keys_of(mentions: list[Mention], kind: str) -> list[str]:
    return [m.entity.key for m in mentions if m.entity.kind == kind]


# --- States ---------------------------------------------------------------------------------------

def test_every_state_that_replied_in_paragraph_6_is_found(report_2019, seed_mentions):
    # 6. ... As at 15 April 2019, the following Member States had replied to that request: Algeria, Armenia,
    # Austria, Belarus, Bolivia (Plurinational State of), ... United States of America and Uruguay.
    text = report_2019.paragraph("6").text
    *names, last_two = text.split("replied to that request:")[1].strip(" .").split(", ")
    listed = names + last_two.split(" and ")
    states = [m for m in seed_mentions["001"]["6"] if m.entity.kind == "state"]
    assert sorted(m.surface for m in states) == sorted(listed)
    assert len({m.entity.key for m in states}) == 45
    found = {m.surface: m.entity.key for m in states}
    assert found["Bolivia (Plurinational State of)"] == "BOL"
    assert found["United Kingdom of Great Britain and Northern Ireland"] == "GBR"
    assert found["Republic of Moldova"] == "MDA"
    assert found["Czechia"] == "CZE"


@pytest.mark.parametrize("seed, key, surface, state", [
    ("001", "70", "Democratic Republic of Congo", "COD"),
    ("001", "41", "Iran (Islamic Republic of)", "IRN"),
    ("001", "55", "Lao People's Democratic Republic", "LAO"),
])
def test_state_variant_in_seed_resolves_to_its_iso_code(seed_mentions, seed, key, surface, state):
    assert by_surface(seed_mentions[seed][key])[surface].entity.key == state


@pytest.mark.parametrize("text, surface, state", [
    (ERZURUM_DECLARATION, "Türkiye", "TUR"),
    (WORLD_HUMANITARIAN_SUMMIT, "Turkey", "TUR"),
    (CYBERCRIME_SIGNING, "Viet Nam", "VNM"),
    (SELF_DETERMINATION, "State of Palestine", "PSE"),
], ids=["Türkiye", "Turkey", "Viet Nam", "State of Palestine"])
def test_state_variant_in_corpus_paragraph_resolves_to_its_iso_code(finder, tmp_path, text, surface, state):
    mention = by_surface(mentions_of_text(finder, tmp_path, text))[surface]
    assert (mention.entity.kind, mention.entity.key) == ("state", state)


def test_democratic_peoples_republic_of_korea_is_not_the_republic_of_korea(finder, tmp_path):
    mentions = mentions_of_text(finder, tmp_path, DPRK_HUMAN_RIGHTS)
    assert "KOR" not in keys_of(mentions, "state") + keys_of(mentions, "government")
    assert keys_of(mentions, "government") == ["PRK"]


def test_government_of_mexico_is_a_government_mention(seed_mentions):
    # 131. ... In August 2017, the Government of Mexico and UNODC launched ...
    mention = by_surface(seed_mentions["001"]["131"])["Government of Mexico"]
    assert (mention.entity.kind, mention.entity.key) == ("government", "MEX")
    assert "MEX" not in keys_of(seed_mentions["001"]["131"], "state")


# --- organizations: names and acronyms ------------------------------------------------------------

def test_name_and_acronym_of_unodc_give_one_node(seed_mentions):
    # 1. ... published by the United Nations Office on Drugs and Crime (UNODC) ...
    found = by_surface(seed_mentions["001"]["1"])
    assert found["United Nations Office on Drugs and Crime"].entity == found["UNODC"].entity
    assert found["UNODC"].entity.key == "UNODC"
    assert found["UNODC"].rule == "gazetteer:acronym"


def test_hyphenated_and_apostrophe_names_are_found(seed_mentions):
    # 73. UN-Women works to strengthen the normative framework ...
    assert by_surface(seed_mentions["001"]["73"])["UN-Women"].entity.key == "UN-WOMEN"
    # 55. ... jointly with the European Union, UNODC and the United Nations Children's Fund (UNICEF) ...
    assert by_surface(seed_mentions["001"]["55"])["United Nations Children's Fund"].entity.key == "UNICEF"


def test_interpol_acronym_is_found(seed_mentions):
    # 80. Created in 2000, the INTERPOL expert group on trafficking in persons ...
    assert by_surface(seed_mentions["001"]["80"])["INTERPOL"].entity.key == "INTERPOL"


def test_inter_agency_written_in_lower_case_is_still_icat(seed_mentions):
    # 52. OHCHR is part of the working group of the Inter-agency Coordination Group against Trafficking in
    # Persons together with UNODC, scaling up interventions and impact of the Group activities ...
    keys = [m.entity.key for m in seed_mentions["001"]["52"]]
    assert "ICAT-WG" in keys and "ICAT" in keys


# --- resolutions and documents --------------------------------------------------------------------

def resolution(mentions: list[Mention], written: str) -> Mention:
    found = [m for m in mentions if m.entity.kind == "resolution" and m.surface == written]
    assert found, f"no resolution {written!r} among {[m.surface for m in mentions]}"
    return found[0]


@pytest.mark.parametrize("seed, key, written, symbol, body, year", [
    ("001", "1", "72/195", "A/RES/72/195", "GA", None),
    ("001", "64", "2388 (2017)", "S/RES/2388 (2017)", "SC", "2017"),
    ("001", "104", "2006/27", "E/RES/2006/27", "ECOSOC", "2006"),
    ("003", "4", "10/3", "CTOC/COP/RES/10/3", "COP-UNTOC", None),
], ids=["GA 72/195", "SC 2388 (2017)", "ECOSOC 2006/27", "COP 10/3"])
def test_resolution_number_gives_symbol_and_adopting_body(seed_mentions, seed, key, written, symbol, body, year):
    entity = resolution(seed_mentions[seed][key], written).entity
    assert entity.key == symbol
    assert entity.detail("body") == body
    assert entity.detail("year") == year


def test_list_of_security_council_resolutions_gives_each(seed_mentions):
    # 64. ... pursuant to resolutions 1267 (1999), 1989 (2011), 2253 (2015) and 2368 (2017) ...
    symbols = {m.entity.key: m.entity.detail("body") for m in seed_mentions["001"]["64"]
               if m.entity.kind == "resolution"}
    for number in ("1267 (1999)", "1989 (2011)", "2253 (2015)", "2368 (2017)"):
        assert symbols[f"S/RES/{number}"] == "SC"


@pytest.mark.parametrize("key, symbol", [
    ("10", "CTOC/COP/WG.4/2021/2"), ("18", "A/CONF.234/11"), ("28", "S/2022/63"),
])
def test_document_symbol_becomes_a_document_mention(seed_mentions, key, symbol):
    found = [m for m in seed_mentions["003"][key] if m.entity.kind == "document" and m.entity.key == symbol]
    assert found and found[0].surface == symbol


def test_resolution_symbols_are_not_taken_for_documents(seed_mentions):
    for by_paragraph in seed_mentions.values():
        for mentions in by_paragraph.values():
            assert not [m for m in mentions if m.entity.kind == "document" and "/RES/" in m.entity.key]


# --- short forms resolved in context --------------------------------------------------------------

@pytest.mark.parametrize("seed, key, short, expected", [
    ("001", "43", "The Office", "UNODC"),   # section III.B.1, United Nations Office on Drugs and Crime
    ("001", "48", "the Office", "OHCHR"),   # "The Office of the ... (OHCHR) promotes ... the Office"
    ("001", "105", "the Group", "ICAT"),    # section IV, Activities of the Inter-Agency Coordination Group
    ("001", "87", "the Council", "COE"),    # "the Council of Europe joined ... the Council"
    ("003", "4", "the Conference", "COP-UNTOC"),  # "acknowledged by the Conference at its tenth session"
], ids=["Office=UNODC", "Office=OHCHR", "Group=ICAT", "Council=COE", "Conference=COP"])
def test_short_form_resolves_to_the_entity_in_context(seed_mentions, seed, key, short, expected):
    found = [m for m in seed_mentions[seed][key] if m.surface == short]
    assert found, f"{short!r} not resolved in paragraph {key}"
    assert {m.entity.key for m in found} == {expected}
    assert all(m.rule.startswith("coref:") for m in found)


def test_the_group_of_interpol_is_not_icat(seed_mentions):
    # 80. Created in 2000, the INTERPOL expert group on trafficking in persons supports the work of the
    # trafficking unit. The group is an international network ... In 2018, the Group was opened to the
    # private sector ...
    assert "ICAT" not in {m.entity.key for m in seed_mentions["001"]["80"]}


@needs_corpus
def test_inter_agency_coordination_group_on_antimicrobial_resistance_is_not_icat(finder):
    document = ingest(CORPUS_TEXTS / "A_RES_78_269.txt")
    mentions = finder.find(document)
    paragraph = next(p.key for p in document.paragraphs
                     if "Inter-Agency Coordination Group on Antimicrobial Resistance" in p.text)
    keys = {m.entity.key for m in mentions if m.paragraph == paragraph}
    assert "ICAT" not in keys
    assert "IACG-AMR" in keys
    assert "ICAT" not in {m.entity.key for m in mentions}


# --- a name alone is not a relation ---------------------------------------------------------------

def test_names_known_only_to_the_gazetteer_yield_no_assertion(tmp_path):
    documents = tmp_path / "documents"
    documents.mkdir()
    (documents / "names.txt").write_text("UNODC, OSCE and Japan are named in this paragraph.\n")
    store = tmp_path / "store"
    built = run_tipkg("build", "--documents", documents, "--store", store)
    assert built.returncode == 0, built.stderr
    dump = (store / "current" / "dumps" / "tipkg.nq").read_text()
    # the names were read ...
    for iri in ("/org/UNODC>", "/org/OSCE>", "/state/JPN>"):
        assert iri in dump
    # ... and nothing was asserted about them
    assert "/assertion/" not in dump
    assert query_json(store, "icat-chairs") == []
    assert query_json(store, "icat-members") == []
