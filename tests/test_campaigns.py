"""Operations and campaigns (tipkg.extract.relations.campaigns and queries/operations-campaigns.rq): named
operations with their stated results, named, hashtag and described campaigns, and observances with their yearly
themes, read from real paragraphs of the seeds, and answered by the canned query on a build of the three seeds."""
from __future__ import annotations

from conftest import needs_seeds, query_json
from italic_paragraphs import of_kind, read
from rule_cases import extraction, paragraph_text

UNODC = "United Nations Office on Drugs and Crime"
INTERPOL = "International Criminal Police Organization"
WORLD_DAY = "World Day against Trafficking in Persons"
AWARENESS = "Raising awareness: activities to mark the World Day against Trafficking in Persons"


def outcomes(document: str, number: str, heading: str | None, text: str) -> list[dict]:
    return _described(of_kind(read(document, number, heading, text), "outcome"))


def outcomes_in(relative: str, key: str) -> list[dict]:
    """The outcomes read from paragraph `key` of a real file (under ../shared), the whole document extracted as a
    build does: the paragraph as it is, with its neighbours and headings."""
    paragraph_text(relative, key)
    return _described([a for a in extraction(relative).assertions if a.paragraph == key and a.kind == "outcome"])


def _described(assertions) -> list[dict]:
    out = []
    for a in assertions:
        initiative = a.entity("initiative")
        out.append({"name": initiative.label, "kind": initiative.classes[0],
                    "by": [e.label for e in a.roles.get("conductedBy", [])],
                    "countries": [e.label for e in a.roles.get("country", [])],
                    "year": a.values.get("year"), "figures": a.values.get("figures")})
    return out


def names(*args) -> list[str]:
    return [o["name"] for o in outcomes(*args)]


REPORT_2019 = "seeds/001_aaa57c1388cc9d44.txt"
REPORT_2022 = "seeds/003_84e408440e65b4cf.txt"


# --- operations -----------------------------------------------------------------------------------------------

def test_an_italic_operation_with_its_results_countries_and_year():  # 001:81(a)
    text = ("*Operation Libertad*. A total of 347 potential victims were rescued, and 22 suspected traffickers "
            "arrested, pending national investigations. The cases of trafficking in persons involve labour and sexual "
            "exploitation. The operation was carried out in 13 Caribbean countries in April 2018;")
    [o] = outcomes("001", "81(a)", INTERPOL, text)
    assert (o["name"], o["kind"], o["year"], o["by"]) == ("Operation Libertad", "Operation", "2018", [INTERPOL])
    assert o["figures"] == "347 potential victims rescued; 22 suspected traffickers arrested; 13 Caribbean countries"


def test_an_operation_with_money_seized_in_a_state():  # 001:81(b)
    text = ("*Operation Sawiyan*. A total of 94 potential victims were rescued, and 14 suspected traffickers arrested. "
            "In addition, ransom money totalling $22,000 was seized. The operation was carried out in the Sudan in "
            "August 2018.")
    [o] = outcomes("001", "81(b)", INTERPOL, text)
    assert o["countries"] == ["Sudan"] and o["year"] == "2018"
    assert o["figures"] == ("94 potential victims rescued; 14 suspected traffickers arrested; ransom money totalling "
                            "$22,000 seized")


def test_an_operation_named_after_the_agency_that_runs_it():
    # 003:67 "In March 2021, UNODC participated in both the opening operational phase and closing of the INTERPOL
    # White Sand Operation in the Caribbean, targeting smuggling and trafficking networks active in the Bolivarian
    # Republic of Venezuela, Aruba and Curaçao. ..."
    [o] = outcomes_in(REPORT_2022, "67")
    assert (o["name"], o["kind"], o["by"], o["year"]) == ("White Sand Operation", "Operation", [INTERPOL], "2021")


def test_unnamed_operations_and_a_department_of_operations_are_none():
    # 003:5 "... in Colombia, for example, where a training series ... led to three operations by law enforcement
    # officials and one labour inspection that in turn led to the arrest of 17 suspects and the rescue of 63 victims"
    assert outcomes_in(REPORT_2022, "5") == []
    # 001:68 "The Department of Peace Operations, in line with Security Council resolutions 2331 (2016) and 2388 (2017),
    # supports peacekeeping missions in addressing trafficking in persons ..."
    assert outcomes_in(REPORT_2019, "68") == []


# --- campaigns ------------------------------------------------------------------------------------------------

P001_131 = ("001", "131", AWARENESS,
            "Established in 2010, the Blue Heart Campaign against Human Trafficking is coordinated by UNODC and has so "
            "far been adopted by 18 countries. It seeks to encourage involvement and inspire action to combat the crime "
            "of trafficking in persons. In August 2017, the Government of Mexico and UNODC launched the #AQUIESTOY "
            "*contra la trata de personas* (#HereIAm against human trafficking) campaign, as the Spanish-language "
            "initiative under the umbrella of the Blue Heart Campaign. In 2019, Ecuador became the latest country to "
            "join the #AQUIESTOY campaign.")
AQUIESTOY = "#AQUIESTOY contra la trata de personas (#HereIAm against human trafficking)"


def test_a_campaign_the_gazetteer_knows_with_its_reach():  # 001:131
    blue_heart = [o for o in outcomes(*P001_131) if o["name"] == "Blue Heart Campaign against Human Trafficking"]
    assert blue_heart[0]["year"] == "2010" and blue_heart[0]["by"] == [UNODC]
    assert blue_heart[0]["figures"] == "adopted by 18 countries"


def test_a_hashtag_campaign_named_up_to_the_word_campaign_and_its_short_form():  # 001:131
    found = [o for o in outcomes(*P001_131) if o["name"].startswith("#")]
    assert [(o["name"], o["year"]) for o in found] == [(AQUIESTOY, "2017"), (AQUIESTOY, "2019")]
    assert found[0]["by"] == ["Government of Mexico", UNODC]
    assert "#AQUIESTOY" not in names(*P001_131)  # the later short form is the same campaign


def test_a_campaign_entitled_a_hashtag_and_the_theme_of_the_world_day_in_a_year():
    # 001:126 "The first theme for the World Day in 2016 was “vulnerabilities to trafficking in persons”. ... To promote
    # the World Day, UNODC continued with its multi-year social media campaign entitled “#IGiveHope”. ..."
    found = {o["name"]: o for o in outcomes_in(REPORT_2019, "126")}
    assert found["#IGiveHope"]["by"] == [UNODC]
    assert found[f"{WORLD_DAY} 2016"]["figures"] == "theme: vulnerabilities to trafficking in persons"
    assert WORLD_DAY not in found  # the observance is an event, its 2016 theme the campaign


def test_hashtags_written_together_are_one_campaign():  # 001:128
    text = ("For branding consistency, the campaign started using the hashtags first used for the *Global Report on "
            "Trafficking in Persons 2016*, #EndHumanTrafficking and #HumanTrafficking, on all UNODC digital platforms.")
    assert names("001", "128", AWARENESS, text) == ["#EndHumanTrafficking and #HumanTrafficking"]


P001_129 = ("001", "129", AWARENESS,
            "The social media campaign developed for the 2017 World Day also included a Thunderclap – a coordinated "
            "message launched collectively across Twitter, Facebook and Tumblr – which was released worldwide on the "
            "actual day, thereby creating a record reach of 73 million impressions worldwide. At the same time UNODC, "
            "through the Charidy fundraising platform, organized a fundraising campaign for the United Nations "
            "Voluntary Trust Fund for Victims of Human Trafficking, which reached the original goal set by the "
            "organizers and raised $50,000.")


def test_a_described_campaign_with_the_money_it_raised():  # 001:129
    [o] = [o for o in outcomes(*P001_129) if o["name"].startswith("fundraising")]
    assert o["name"] == ("fundraising campaign for the United Nations Voluntary Trust Fund for Victims of Human "
                         "Trafficking")
    assert (o["by"], o["figures"]) == ([UNODC], "$50,000 raised")


def test_what_a_campaign_included_and_the_campaign_of_the_world_day_of_a_year():  # 001:129
    found = {o["name"]: o for o in outcomes(*P001_129)}
    assert found["Thunderclap"]["figures"] == "reach of 73 million impressions"
    # the World Day is named in full nowhere in this one paragraph: its campaign is named as written
    assert not [n for n in found if n.startswith("social media campaign")]


def test_a_social_media_package_and_the_theme_chosen_for_a_year():
    # 001:130 "For the theme of the World Day in 2018, UNODC chose “responding to the trafficking of children and young
    # people”, ... To reach a worldwide audience, UNODC developed a social media package – containing sample messages,
    # visuals, videos and GIFs – that was translated into French, Portuguese, Russian, and Spanish and shared ..."
    found = {o["name"]: o for o in outcomes_in(REPORT_2019, "130")}
    assert found[f"{WORLD_DAY} 2018"]["year"] == "2018" and found[f"{WORLD_DAY} 2018"]["by"] == [UNODC]
    assert found["social media package"]["by"] == [UNODC]


def test_generic_campaigns_and_a_marked_day_are_no_campaign():
    # 001:12 "... national awareness-raising campaigns ... social network campaigns, ... Other Member States reported
    # joining or utilizing the Blue Heart Campaign against Human Trafficking. Many countries also reported having
    # created different events to mark the World Day against Trafficking in Persons (30 July), ..."
    assert [o["name"] for o in outcomes_in(REPORT_2019, "12")] == ["Blue Heart Campaign against Human Trafficking"]


def test_a_quoted_name_before_campaign():
    # 003:75 "During the reporting period, UNODC launched the "Women Can" campaign under the framework of the Global
    # Action against in Persons and the Smuggling of Migrants Women's Network. The campaign provided profiles ..."
    assert [(o["name"], o["by"]) for o in outcomes_in(REPORT_2022, "75")] == [
        ("Women Can", [UNODC])]


def test_an_observance_a_resolution_invites_states_to_observe_is_no_campaign():  # 004:OP5
    text = ("Invites all Member States, relevant agencies of the United Nations system and other international "
            "organizations, as well as civil society, to continue to actively observe the annual World Day against "
            "Trafficking in Persons;")
    assert names("004", "OP5", None, text) == []


# --- the canned query -------------------------------------------------------------------------------------------

@needs_seeds
def test_operations_campaigns_query_answers_the_contract_on_the_three_seeds(seed_store):
    rows = query_json(seed_store, "operations-campaigns")
    assert rows and all(set(r) >= {"name", "kind", "entity", "year", "figures", "document"} for r in rows)
    libertad = [r for r in rows if r["name"] == "Operation Libertad"]
    assert [(r["kind"], r["entity"], r["year"]) for r in libertad] == [("Operation", "INTERPOL", "2018")]
    assert libertad[0]["figures"].startswith("347 potential victims rescued")
    assert {"White Sand Operation", "Women Can", "#IGiveHope", f"{WORLD_DAY} 2017"} <= {r["name"] for r in rows}


@needs_seeds
def test_operations_campaigns_query_filters_by_kind(seed_store):
    rows = query_json(seed_store, "operations-campaigns", "kind=Operation")
    assert {r["name"] for r in rows} == {"Operation Libertad", "Operation Sawiyan", "White Sand Operation"}


def test_a_hashtag_that_names_an_initiative_a_platform_or_a_title_is_no_campaign():
    """campaigns.hashtag: "#IGiveHope" (a social media campaign, seed 001 paragraph 126) is one; "the #UN4Kharkiv
    Initiative", "the #eSkills4Girls initiative of the Group of 20", "the #Housing2030 online platform" and the report
    "#Housing2030: Effective policies for affordable housing ..." are not."""
    from rule_cases import flat, read_by
    assert [flat(a)["initiative"] for a in read_by("seeds/001_aaa57c1388cc9d44.txt", "126", "campaigns.hashtag")] == [
        ["#IGiveHope"]]
    for path, key in [("corpus/unhk/ECE_HBP_213.txt", "annex-I.83"), ("corpus/unhk/E_RES_2020_13.txt", "PP12"),
                      ("corpus/unhk/ECE_HBP_208.txt", "annex-I.10")]:
        assert read_by(path, key, "campaigns.hashtag") == [], (path, key)
