"""Implementation (tipkg.extract.relations.implementation and queries/initiative-countries.rq): where initiatives
and activities operate and who leads them, read from real paragraphs of the seeds, and answered by the canned query
on a build of the three seeds."""
from __future__ import annotations

import pytest

import seed_paragraphs as seed
from conftest import needs_seeds, query_json
from seed_paragraphs import read

GLOACT = "Global Action to Prevent and Address Trafficking in Persons and the Smuggling of Migrants"


def works(paragraph: seed.Seed) -> list[tuple[str | None, str, list[str]]]:
    """(initiative, lead, countries) of each implementation read from the paragraph."""
    out = []
    for a in read(paragraph):
        if a.kind == "implementation":
            initiative = a.entity("initiative")
            lead = a.entity("lead")
            out.append((initiative.label if initiative else None, lead and (lead.acronym or lead.label),
                        [e.label for e in a.roles["country"]]))
    return out


def countries(paragraph: seed.Seed) -> set[str]:
    return {c for _, _, found in works(paragraph) for c in found}


# --- the 2019 report (001) -----------------------------------------------------------------------------------------

def test_this_initiative_in_five_countries_led_by_the_section_actor():  # 001:41
    assert works(seed.P001_41) == [(GLOACT, "UNODC", ["Afghanistan", "Bangladesh", "Iran (Islamic Republic of)",
                                                       "Iraq", "Pakistan"])]


def test_engagement_with_states_carries_the_initiative_of_the_sentence_before():  # 001:51
    [(initiative, lead, found)] = works(seed.P001_51)
    assert (initiative, lead) == ("Alliance 8.7", "OHCHR")
    assert found == ["Albania", "Chile", "Madagascar", "Malawi", "Mauritania", "Mexico", "Morocco", "Nigeria", "Peru",
                     "Sri Lanka", "Tunisia", "Uganda", "Viet Nam"]


def test_countries_after_a_colon_including_a_name_with_an_apostrophe():  # 001:55
    [(_, lead, found)] = works(seed.P001_55)
    assert lead == "IOM"
    assert found == ["Belarus", "Brazil", "Lao People's Democratic Republic", "Mali", "Morocco", "South Africa"]


def test_places_within_a_state_are_written_as_they_are_and_the_state_is_not_added():  # 001:60
    [(initiative, lead, found)] = works(seed.P001_60)
    assert lead == "IOM" and initiative == "deploy anti-trafficking experts to crises"
    assert found == ["Cox’s Bazar, Bangladesh", "Democratic Republic of the Congo", "Libya", "north-east Nigeria"]
    places = {e.label: e for a in read(seed.P001_60) if a.kind == "implementation" for e in a.roles["country"]}
    assert places["Cox’s Bazar, Bangladesh"].kind == "place" and places["north-east Nigeria"].kind == "place"


def test_the_subject_leads_activities_at_field_level():  # 001:66
    assert works(seed.P001_66) == [("activities at field level", "DPPA",
                                    ["Central African Republic", "Libya", "Mali", "Myanmar"])]


def test_without_a_named_subject_the_section_actor_leads():  # 001:70, 001:71 (section "Department of Peace Operations")
    assert works(seed.P001_70) == [("specialized police teams", "DPO", ["Central African Republic",
                                    "Democratic Republic of the Congo", "Mali", "South Sudan"])]
    assert works(seed.P001_71) == [("Ongoing activities", "DPO", ["Central African Republic", "South Sudan"])]


def test_programmes_implemented_by_an_organization_and_proposed_projects():  # 001:86
    found = works(seed.P001_86)
    assert ("programme on preventing and combating trafficking in persons", "Council of Europe",
            ["North Macedonia", "Serbia"]) in found
    assert ("anti-trafficking projects", "Council of Europe",
            ["Bosnia and Herzegovina", "North Macedonia", "Serbia"]) in found
    assert "Turkey" not in countries(seed.P001_86) and "Türkiye" not in countries(seed.P001_86)


def test_activities_in_a_country_and_a_government_that_endorsed_their_result():  # 001:40
    found = works(seed.P001_40)
    assert {c for _, lead, cs in found for c in cs if lead == "UNODC"} == {"Ethiopia", "Cabo Verde", "Tunisia"}
    assert ("highly specialized training activity to assist the Tunisian National Committee for combating trafficking "
            "in persons", "UNODC", ["Tunisia"]) in found


@pytest.mark.parametrize("paragraph", [seed.P001_6, seed.P001_81, seed.P001_84, seed.P001_132, seed.P001_131],
                         ids=lambda p: f"{p.document}:{p.number}")
def test_no_country_work_in_replies_operations_regions_nationalities_or_acting_states(paragraph):
    # 6: States that replied to a note verbale; 81: "The operation was carried out in the Sudan"; 84: regions;
    # 132: "Mira Sorvino (United States, actress)"; 131: the Government of Mexico launched, Ecuador joined
    assert works(paragraph) == []


# --- the 2022 UNODC report (003) ----------------------------------------------------------------------------------

def test_an_initiative_written_with_a_country_after_a_dash():  # 003:61
    assert (GLOACT, "UNODC", ["Bangladesh"]) in works(seed.P003_61)


def test_a_country_that_opens_the_sentence():  # 003:60
    assert works(seed.P003_60) == [(GLOACT, "UNODC", ["Pakistan"])]


def test_officials_from_states_and_assistance_to_a_state():  # 003:44, 003:57, 003:58
    assert works(seed.P003_44) == [("peer exchange activity for law enforcement agents", "UNODC",
                                    ["Côte d'Ivoire", "Nigeria"])]
    assert countries(seed.P003_57) == {"Dominican Republic"}
    assert works(seed.P003_58) == [("legislative assistance to draft trafficking laws", "UNODC", ["Comoros", "India"])]


def test_a_city_alone_only_where_no_country_is_named():  # 003:59
    assert countries(seed.P003_59) == {"Cairo", "Iraq"}


def test_a_state_where_exploitation_took_place_is_not_where_the_work_is():  # 003:66
    assert countries(seed.P003_66) == {"Kyrgyzstan", "Uzbekistan"}


def test_states_acting_under_an_initiative():  # 003:77
    assert works(seed.P003_77) == [("Transforming Alerts into Criminal Justice Responses to Combat Trafficking in "
                                    "Persons within Migration Flows", "UNODC",
                                    ["Brazil", "Colombia", "Ecuador", "Peru", "Aruba"])]


def test_partnered_with_authorities_in_states():  # 003:78
    assert countries(seed.P003_78) == {"Jordan", "Lebanon"}


@pytest.mark.parametrize("paragraph", [seed.P003_16, seed.P003_73, seed.P003_65],
                         ids=lambda p: f"{p.document}:{p.number}")
def test_no_country_work_in_quoted_titles_situations_or_meetings(paragraph):
    # 16: events entitled "... in Jordan and Lebanon"; 73: "the situation in Afghanistan"; 65: a bilateral meeting
    assert works(paragraph) == []


# --- resolutions -----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("paragraph", [seed.P004_OP6, seed.RES_78_219_PP23], ids=lambda p: f"{p.document}:{p.number}")
def test_no_country_work_in_requests_or_venues_of_resolutions(paragraph):
    # "Requests UNODC to continue ... at the national, regional and international levels"; "adopted in Jakarta",
    # "the political crisis in Myanmar"
    assert works(paragraph) == []


def test_in_a_resolution_the_object_of_welcoming_does_not_lead_the_work_named_beside_it():
    # "... the UNODC-World Customs Organization (WCO) Container Control Programme in Haiti ..., and further welcoming
    # the Caribbean Community's (CARICOM) regional roadmap": CARICOM is what is welcomed, not the programme's lead
    assert works(seed.RES_2653_PP13) == [("Container Control Programme in Haiti", None, ["Haiti"])]


# --- the canned query on a build of the three seeds ----------------------------------------------------------------

@needs_seeds
def test_initiative_countries_query_gives_initiative_lead_and_country(seed_store):
    rows = query_json(seed_store, "initiative-countries")
    assert rows and list(rows[0])[:6] == ["initiative", "lead", "country", "document", "lead_acronym", "paragraphs"]
    gloact = {r["country"] for r in rows if r["initiative"] == GLOACT and r["lead_acronym"] == "UNODC"
              and r["document"].startswith("001")}
    assert gloact == {"Afghanistan", "Bangladesh", "Iran (Islamic Republic of)", "Iraq", "Pakistan"}
    by_iom = {r["country"] for r in rows if r["lead_acronym"] == "IOM"}
    assert {"Cox’s Bazar, Bangladesh", "north-east Nigeria"} <= by_iom
    assert not any(r["country"] == "Sudan" for r in rows)


@needs_seeds
def test_initiative_countries_query_filters_by_country_code(seed_store):
    rows = query_json(seed_store, "initiative-countries", "country=IRQ")
    assert rows and {r["country"] for r in rows} == {"Iraq"}
    assert {r["document"][:3] for r in rows} == {"001", "003"}


def test_a_mission_deployed_operates_in_the_state_its_sentence_places_it():
    """corpus/unhk/S_2024_711.txt (a report of the Secretary-General on Haiti), read as it is: paragraph 35
    ("... to address the political crisis in Haiti and welcome the initial deployment of the Multinational Security
    Support Mission, led by Kenya") places the mission in Haiti, not in Kenya that leads it; paragraph 5 (Haitian
    interlocutors asked to accelerate its deployment, no State placed) gives no row."""
    from conftest import SHARED
    from tipkg.extract import Extractor
    from tipkg.ingest import ingest
    from tipkg.reference import gazetteer

    document = ingest(SHARED / "corpus" / "unhk" / "S_2024_711.txt")
    deployed = [(a.paragraph, a.roles["initiative"][0].label, [c.label for c in a.roles["country"]])
                for a in Extractor(gazetteer())(document).assertions if a.rule == "implementation.deployment"]
    assert deployed == [("35", "Multinational Security Support Mission", ["Haiti"])]


def test_a_state_in_a_missions_name_or_a_clause_is_no_place_of_work():
    """implementation.places: the States in "the United Nations Operation in Côte d’Ivoire (UNOCI) (4); the United
    Nations Stabilization Mission in Haiti ..." (a count of allegations per mission) and in "the Committee on Missing
    Persons in Cyprus" are parts of names; "training programmes and ... (UNIDIR) will continue to be maintained" is a
    clause, not a work's name."""
    from rule_cases import read_by
    assert read_by("corpus/unhk/A_71_818.txt", "annex-IV.4-2", "implementation.places") == []
    assert read_by("corpus/unhk/S_2024_966.txt", "15", "implementation.places") == []
    assert read_by("corpus/unhk/A_51_950.txt", "125", "implementation.places") == []
