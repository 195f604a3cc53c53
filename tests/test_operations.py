"""Law-enforcement operations reports describe without a name (tipkg.extract.relations.operations): what was done,
by whom, with what results, read from real paragraphs of S/2025/303 (UNODC report on Haiti to the Security Council),
and the operations a resolution or a generality names, which are none."""
from __future__ import annotations

from pathlib import Path

from seed_paragraphs import extractor
from tipkg.model import Document, DocumentMetadata, Paragraph

REPORT = DocumentMetadata(symbol="S/2025/303", issuing_body="Security Council", kind="letter")


def operations(number: str, text: str, metadata: DocumentMetadata = REPORT, kind: str = "numbered") -> list[dict]:
    paragraph = Paragraph(number, kind, number, text, 0, len(text), 0, None)
    document = Document("S-2025-303", Path("S_2025_303.txt"), text, metadata, [], [paragraph], "")
    out = []
    for a in extractor()(document).assertions:
        if a.rule == "operations.described":
            out.append({"name": a.roles["initiative"][0].label, "by": [e.label for e in a.roles.get("conductedBy", [])],
                        "figures": a.values.get("figures"), "year": a.values.get("year")})
    return out


P10 = (  # S/2025/303, annex, paragraph 10
    'There are disturbing signs of increasingly brazen attacks by criminal groups in and outside the '
    'capital, most recently in the town of Mirebalais. On 31 March 2025, heavily armed members of the Viv '
    'Ansanm coalition launched a violent assault on Mirebalais.¹⁰ Led by the Baz Taliban and 400 Mawozo '
    'groups, the attack involved the killing and wounding of civilians and destructions of homes and '
    'vehicles. Vigilante groups, alongside the Haitian National Police, were unable to push back the '
    'attackers. The assailants overran the police station, the National Old-Age Insurance Office (Office '
    'national d’assurance-vieillesse – ONA) and NATCOM S.A., forcing officers to retreat, before storming '
    'the civil prison and freeing approximately 516 inmates. The attack came shortly after a police raid '
    'in the border town of Belladère, which led to several arrests and confiscation of firearms.¹¹ '
    'Inmates reportedly involved in drug and arms trafficking at Belladère were incarcerated in the '
    'Mirebalais prison.¹²')

P15 = (  # S/2025/303, annex, paragraph 15
    'There has also been a rise in armed robberies targeting commercial vessels.¹⁷ Before the reporting '
    'period, but important, for it concerns maritime criminality, on 4 April 2024, the cargo ship Magalie '
    'departed from the port of Varreux carrying a shipment of rice. The ship was intercepted by armed '
    'members of 5 Segond and the Baz Taliban who stole approximately 10,000 sacks of rice and kidnapped '
    'the crew and passengers. The Haitian National Police conducted an operation on 6 April, recovering '
    'the vessel after a five-hour gun battle that resulted in injuries to two officers and the deaths of '
    'several criminals. Despite regaining control of the ship, the hostages remained in captivity.¹⁸')

P26 = (  # S/2025/303, annex, paragraph 26
    'The Government of the Dominican Republic also achieved a significant breakthrough against arms '
    'smuggling with the dismantling of a transnational network based in Baní, Peravia Province, on 22 '
    'March 2025. 33 The operation, led by the Attorney General’s Office and the Specialized Prosecutor’s '
    'Office Against Illicit Arms Trafficking, uncovered a scheme in which mulas (couriers) transported '
    'weapons in concealed compartments within suitcases and personal luggage from the United States to '
    'the Dominican Republic. According to the Dominican authorities, the network was under surveillance '
    'for months and reportedly had ties to organized criminal groups in Haiti. The operation resulted in '
    'multiple arrests and the seizure of firearms and ammunition, with authorities pledging to pursue '
    'additional leads in order to dismantle the supply chain.')

P38 = (  # S/2025/303, annex, paragraph 38
    'The arrests in both Haiti and The Bahamas reflect heightened scrutiny of illicit financial flows in '
    'the region. Law enforcement agencies are working to determine whether these cases are part of a '
    'larger, coordinated operation involving internationally connected criminal organizations. '
    'Intelligence-sharing between financial crime units, customs agencies and law enforcement authorities '
    'in Haiti, The Bahamas and the United States will be critical in dismantling the financial networks '
    'underpinning criminal activity.')

P39 = (  # S/2025/303, annex, paragraph 39
    'Haitian law enforcement agencies have stepped up efforts to intercept a range of illicit goods, from '
    'contraband to narcotics, as criminal networks grow more sophisticated (see figure IV). The cases '
    'presented below do not involve weapons or drugs, but it is important to note that the same networks, '
    'the same routes and the same people are involved in these trades. They generate large sums of money '
    'from the trafficking of legal, illegally imported products. These sums are then used to finance the '
    'purchase of illicit products. In January 2025, the Haitian National Police Land Border Police Unit '
    '(Police Frontalière d’Haïti – POLIFRONT) conducted a targeted operation that uncovered five trucks '
    'illegally transporting frozen meat from the Dominican Republic. The interception took place on '
    'Gérald Bataille Road, near the communes of Delmas and Tabarre. POLIFRONT units secured the vehicles '
    'and handed them over to the Customs Anti-Smuggling Brigade, which oversaw their transfer to a '
    'customs warehouse. The General Customs Administration reported seizing more than 8 million gourdes '
    '(approximately $61,000) in connection with the operation – a substantial haul in the fight against '
    'cross-border smuggling.')

P44 = (  # S/2025/303, annex, paragraph 44
    'Trafficking in persons and smuggling remain acute challenges, intersecting with border security and '
    'organized crime throughout the region. A high-profile case of trafficking in persons emerged on 29 '
    'January 2025, when the Haitian National Police raided a nightclub in Tabarre following reports of '
    'sexual exploitation of women and girls. The club’s owner, a Dominican national known as “La '
    'Patrona,” was arrested. Victims were found in inhumane conditions, deprived of food and water and '
    'showing signs of physical abuse linked to sexual exploitation. The investigation began in the '
    'Dominican Republic after a minor escaped to Santo Domingo and alerted authorities. A joint operation '
    'involving Dominican and Haitian law enforcement, with support from the International Criminal Police '
    'Organization (INTERPOL), led to an international arrest warrant, arrests and the release of the '
    'victims.⁴⁴')

P45 = (  # S/2025/303, annex, paragraph 45
    'Smuggling operations involving Haitian nationals have also drawn increased attention. In March 2025, '
    'Dominican authorities investigated several cases of smuggling of persons. In one incident, the '
    'Dominican army arrested a Dominican citizen in Santiago Rodríguez for transporting 19 Haitians – 9 '
    'men, 8 women and 2 minors – in an irregular situation. Military patrols in Valverde detained six '
    'Haitians without a legal stay arrangement, travelling on two motorcycles, while a separate '
    'operation, but for the same reason, in Los Llanos de Bulla led to the arrest of three men and three '
    'women⁴⁵ in an irregular situation. In March 2025, the General Directorate of Migration brought to '
    'justice 17 individuals for trafficking in persons, migrant smuggling, document forgery and identity '
    'theft.⁴⁶')

P47 = (  # S/2025/303, annex, paragraph 47
    'Deportations of Haitians from the Dominican Republic have surged. In January 2025, the General '
    'Directorate of Migration arrested seven individuals for attempting to smuggle undocumented people '
    'into the Dominican Republic. The Legal Department of the General Directorate of Migration, working '
    'with the Public Prosecutor’s Office, secured preventive measures against three suspects in Baní, '
    'three in Azua and one in Pedernales for violating immigration laws and the Dominican Penal Code. In '
    'February 2025, the General Directorate of Migration conducted 266 operations and deported 31,204 '
    'Haitians.⁴⁸ A further 255 operations in March resulted in 26,659 deportations – bringing the total '
    'number of expulsions over the past five months to 151,883.49')


def test_a_police_raid_in_a_place_and_what_it_led_to():
    [op] = operations("10", P10)
    assert op["name"] == "police raid in the border town of Belladère"
    assert op["figures"] == "several arrests and confiscation of firearms" and op["by"] == []  # nobody named


def test_an_operation_the_police_conducted_on_a_date():
    [op] = operations("15", P15)
    assert (op["name"], op["by"]) == ("operation on 6 April", ["Haitian National Police"])
    assert op["figures"] == "injuries to two officers and the deaths of several criminals"


def test_a_dismantling_and_the_operation_led_by_two_offices_in_the_next_sentences():
    [op] = operations("26", P26)
    assert op["name"] == "dismantling of a transnational network based in Baní"
    assert op["by"] == ["Attorney General’s Office", "Specialized Prosecutor’s Office Against Illicit Arms Trafficking"]
    assert op["figures"] == "multiple arrests and the seizure of firearms and ammunition" and op["year"] == "2025"


def test_a_raid_by_the_police_and_a_joint_operation_with_support_from_interpol():
    found = {op["name"]: op for op in operations("44", P44)}
    assert found["raid on a nightclub in Tabarre"]["by"] == ["Haitian National Police"]
    # "involving X and Y" names who took part (the conductedBy column), not the operation: its name leaves them out
    joint = found["joint operation"]
    assert joint["by"] == ["Dominican law enforcement", "Haitian law enforcement",
                           "International Criminal Police Organization"]
    assert joint["figures"] == "an international arrest warrant, arrests and the release of the victims"


def test_a_described_operation_is_one_of_its_report_paragraph_not_of_every_document():
    # two reports' "joint operation" (or "operation on 6 April") are two operations: the key carries the document and
    # the paragraph; the label is the description
    def keys(doc_id: str, number: str, text: str) -> dict[str, str]:
        paragraph = Paragraph(number, "numbered", number, text, 0, len(text), 0, None)
        document = Document(doc_id, Path(f"{doc_id}.txt"), text, REPORT, [], [paragraph], "")
        return {a.roles["initiative"][0].label: a.roles["initiative"][0].key
                for a in extractor()(document).assertions if a.rule == "operations.described"}

    here, there = keys("S-2025-303", "44", P44), keys("S-2026-1", "44", P44)
    assert here["joint operation"] != there["joint operation"]
    assert keys("S-2025-303", "15", P15)["operation on 6 April"] != keys("S-2025-303", "16", P15)["operation on 6 April"]


def test_patrols_and_a_separate_operation_each_with_its_own_results():
    found = {op["name"]: op["figures"] for op in operations("45", P45)}
    # "Smuggling operations involving Haitian nationals": criminals' operations are none
    assert found == {"military patrols in Valverde": "detained six Haitians",
                     "separate operation in Los Llanos de Bulla":
                         "the arrest of three men and three women in an irregular situation"}


def test_operations_counted_by_the_agency_that_conducted_them():
    [op] = operations("47", P47)
    assert (op["name"], op["by"]) == ("General Directorate of Migration operations", ["General Directorate of Migration"])
    assert op["figures"].startswith("deported 31,204 Haitians; 266 operations")


def test_a_criminal_operation_that_may_exist_is_none():
    assert operations("38", P38) == []


def test_a_resolution_and_a_footnote_describe_no_operation():
    resolution = DocumentMetadata(symbol="A/RES/70/179", issuing_body="General Assembly", kind="resolution")
    assert operations("OP1", P10, resolution, "operative") == []
    assert operations("fn11", P10, REPORT, "footnote") == []


def test_an_agency_reporting_on_the_operation_later_in_the_paragraph_took_part_in_it():
    [op] = operations("39", P39)
    assert op["name"] == ("targeted operation that uncovered five trucks illegally transporting frozen meat from the "
                          "Dominican Republic")
    assert op["by"] == ["Haitian National Police Land Border Police Unit", "General Customs Administration"]


# A/HRC/RES/57/20, a preambular paragraph (corpus unhk), read here as report prose: repression is no operation
CRACKDOWN = ("Gravely concerned at the continued significant deterioration of the situation of human rights in the "
             "Russian Federation, in particular at reports of the extrajudicial killing of government critics, severe "
             "restrictions on the rights to freedoms of opinion and expression, peaceful assembly and association, both "
             "online and offline, to silence dissent, anti-war expression and other peaceful activities vital for the "
             "functioning of a democratic society, resulting in an unabating systematic crackdown by the Russian "
             "authorities on civil society organizations and representatives, human rights defenders, particularly "
             "women human rights defenders, who face specific sexual and gender-based violence and threats, "
             "independent media outlets, journalists, media workers, Indigenous Peoples, persons in vulnerable "
             "situations, children and their families, persons belonging to minorities, lawyers, political opposition "
             "representatives, and other individuals exercising their human rights,")


def test_a_crackdown_on_civil_society_is_no_operation():
    assert operations("u1", CRACKDOWN, REPORT, "unnumbered") == []


P25 = (  # S/2025/303, annex, paragraph 25
    'Dominican authorities have increased measures against trafficking networks. In Elías Piña, a key '
    'border zone, security forces raided a commercial establishment, and a private residence linked to '
    'arms trafficking. One employee was arrested, and the owners of a transportation company with ties to'
    ' the United States were placed under preventive detention. Shipping documents showed that the '
    'intercepted weapons were intended for a resident of Belladère, Haiti, suspected of being a key '
    'figure in the cross-border trade. Additional investigations revealed that one of the suspects was an'
    ' inspector at the Directorate for the Control of Alcoholic Beverages (COBA) under the Ministry of '
    'Interior and Police of the Dominican Republic. The suspect was arrested on 28 February 2025 and was '
    'reportedly responsible for receiving the shipment in the Dominican Republic before its transit to '
    'Haiti.³¹ On 15 March 2025, the Haitian National Police arrested two individuals at Cap-Haïtien '
    'International Airport connected to the shipment.³²')
# seed 003 (UNODC activities on the Protocol, 2022), paragraph 7: results of an initiative, no operation
SEED003_7 = ("As a result of the Transforming Alerts into Criminal Justice Responses to Combat Trafficking in Persons "
             "within Migration Flows regional initiative to strengthen the criminal justice response to human trafficking "
             "among mixed migration flows across South America and the Caribbean, 12 investigations were initiated into "
             "trafficking in persons and 22 victims were rescued in 2021.")


def test_a_result_written_as_a_passive_in_the_next_sentence_belongs_to_the_raid_before():
    [op] = operations("25", P25)
    assert (op["name"], op["by"]) == ("raid on a commercial establishment", ["security forces"])
    # the next sentence's "One employee was arrested"; not the arrests of later sentences, which are their own
    assert op["figures"] == "one employee arrested"
    assert operations("7", SEED003_7) == []
