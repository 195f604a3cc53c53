"""Real paragraphs of the seed documents, copied with their numbers and the heading of their section, for the unit
tests of the relation rules; and a one-paragraph document to read each of them in, so that a test needs neither the
seeds folder nor a build.

    001  Improving the coordination of efforts against trafficking in persons, report of the Secretary-General (2019)
    003  Activities of UNODC on the Trafficking in Persons Protocol, report to the Conference of the Parties (2022)
    004  Economic and Social Council resolution 2021/25
and two paragraphs of General Assembly resolutions of the corpus (A/RES/80/157, A/RES/78/219), where the rules must
read only what a paragraph welcomes or notes.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from tipkg.extract import Extractor
from tipkg.model import Assertion, Document, DocumentMetadata, Paragraph, Section
from tipkg.reference import gazetteer

METADATA = {
    "001": DocumentMetadata(title="Improving the coordination of efforts against trafficking in persons",
                            issuing_body="General Assembly", kind="report"),
    "003": DocumentMetadata(title="Activities of the United Nations Office on Drugs and Crime to promote and support "
                                  "the implementation of the Protocol to Prevent, Suppress and Punish Trafficking in "
                                  "Persons, Especially Women and Children, supplementing the United Nations Convention "
                                  "against Transnational Organized Crime",
                            issuing_body="Conference of the Parties to the United Nations Convention against "
                                         "Transnational Organized Crime", kind="report"),
    "004": DocumentMetadata(symbol="E/RES/2021/25",
                            title="Implementation of the United Nations Global Plan of Action to Combat Trafficking "
                                  "in Persons",
                            issuing_body="Economic and Social Council", kind="resolution", resolution_number="2021/25",
                            adoption_date="2021-07-22"),
    "A/RES/80/157": DocumentMetadata(symbol="A/RES/80/157",
                                     title="Agriculture development, food security and nutrition",
                                     issuing_body="General Assembly", kind="resolution", resolution_number="80/157"),
    "S/RES/2653 (2022)": DocumentMetadata(symbol="S/RES/2653 (2022)", title="Resolution 2653 (2022)",
                                          issuing_body="Security Council", kind="resolution",
                                          resolution_number="2653 (2022)"),
    "A/RES/78/219": DocumentMetadata(symbol="A/RES/78/219",
                                     title="Situation of human rights of Rohingya Muslims and other minorities in "
                                           "Myanmar",
                                     issuing_body="General Assembly", kind="resolution", resolution_number="78/219"),
}


@dataclass(frozen=True)
class Seed:
    """A paragraph of a seed or corpus document: the document, the paragraph's number, its section heading, its
    text."""

    document: str
    number: str
    heading: str | None
    text: str


@lru_cache(maxsize=1)
def extractor() -> Extractor:
    return Extractor(gazetteer())


def read(seed: Seed) -> list[Assertion]:
    """Every assertion the rules read from the paragraph, in a document of its own with its section heading."""
    kind = {"OP": "operative", "PP": "preambular"}.get(seed.number[:2], "numbered")
    text = seed.text
    sections = [Section("s1", None, 3, seed.heading, None, 0, len(text))] if seed.heading else []
    paragraph = Paragraph(seed.number, kind, seed.number, text, 0, len(text), 0, "s1" if seed.heading else None)
    document = Document(f"seed-{seed.document}", Path(f"{seed.document}.txt"), text, METADATA[seed.document], sections,
                        [paragraph], "")
    return extractor()(document).assertions


P001_6 = Seed("001", "6",
    "Measures reported by Member States, including to prevent and reduce the risk of becoming a victim of "
    "trafficking in persons",
    "A request for information on national measures to prevent, address and combat trafficking in persons was "
    "circulated by UNODC in the form of a note verbale. As at 15 April 2019, the following Member States had "
    "replied to that request: Algeria, Armenia, Austria, Belarus, Bolivia (Plurinational State of), Brunei "
    "Darussalam, Bulgaria, China, Colombia, Croatia, Cuba, Czechia, Denmark, Egypt, Estonia, Finland, Germany, "
    "Guinea, Hungary, Iraq, Ireland, Israel, Italy, Kuwait, Liechtenstein, Lithuania, Malaysia, Malta, Mexico, "
    "Myanmar, Portugal, Qatar, Republic of Moldova, Romania, Sierra Leone, Slovakia, Sri Lanka, Sweden, "
    "Switzerland, Tajikistan, Togo, United Arab Emirates, United Kingdom of Great Britain and Northern Ireland, "
    "United States of America and Uruguay.")
P001_12 = Seed("001", "12", "Prevention",
    "A large number of Member States reported having undertaken national awareness-raising campaigns on "
    "trafficking in persons. Those campaigns took many different forms such as e-learning modules, seminars, "
    "social network campaigns, billboards and posters, documentaries, art and photo exhibitions and television "
    "broadcasts related to countering trafficking in persons. Other Member States reported joining or utilizing "
    "the Blue Heart Campaign against Human Trafficking. Many countries also reported having created different "
    "events to mark the World Day against Trafficking in Persons (30 July), through a variety of initiatives "
    "including films, light shows and seminars. Many of the activities took place in cooperation with the private"
    " sector, civil society and other international and regional organizations.")
P001_31 = Seed("001", "31", "Partnerships",
    "Many Member States reported having actively engaged in partnerships with the private sector, civil society, "
    "the media, and international and regional organizations. Additionally, States reported on the importance of "
    "regional platforms and cooperation in the fight against trafficking in persons, supported by the signing of "
    "memorandums of understanding between countries.")
P001_40 = Seed("001", "40", "United Nations Office on Drugs and Crime",
    "During the reporting period, UNODC provided technical assistance to Member States across all regions. In "
    "addition, the Office provided capacity-building assistance at the national level to 79 countries, while 7 "
    "Member States were supported in the review and amendment of national legislation to counter trafficking in "
    "persons. More than 7,000 criminal justice practitioners and relevant stakeholders received specialized "
    "training and briefings through more than 361 technical assistance activities. They included a legislative "
    "drafting workshop organized in view of the amendment of the legislation on trafficking in persons in "
    "Ethiopia. In addition, a national plan of action against trafficking in persons was drafted and endorsed by "
    "the Government of Cabo Verde as a result of a training activity organized in 2018. In the same year, UNODC "
    "also organized a highly specialized training activity in Tunisia to assist the Tunisian National Committee "
    "for combating trafficking in persons in developing and finalizing the national action plan against "
    "trafficking in persons.")
P001_41 = Seed("001", "41", "United Nations Office on Drugs and Crime",
    "In December 2018, UNODC, in partnership with the European Union, launched the new four-year Global Action to"
    " Prevent and Address Trafficking in Persons and the Smuggling of Migrants. This initiative is being "
    "implemented in partnership with the International Organization for Migration (IOM) in five countries: "
    "Afghanistan, Bangladesh, Iran (Islamic Republic of), Iraq and Pakistan.")
P001_44 = Seed("001", "44", "United Nations Office on Drugs and Crime",
    "UNODC continued to work closely with other international and regional organizations, relevant national "
    "governmental institutions and civil society organizations. Accordingly, UNODC cooperated closely with the "
    "relevant regional mechanisms and organizations that address trafficking in persons, including the "
    "Organization for Security and Cooperation in Europe (OSCE), the Council of Europe, the League of Arab States"
    " and the Bali Process on People Smuggling, Trafficking in Persons and Related Transnational Crime. In 2018, "
    "UNODC and OSCE signed a joint plan of action to address and counter trafficking in persons and the smuggling"
    " of migrants.")
P001_47 = Seed("001", "47", "United Nations Office on Drugs and Crime",
    "At the inter-agency level, UNODC acts as coordinator of the Inter-Agency Coordination Group against "
    "Trafficking in Persons and is a member of several inter-agency groups and mechanisms, including the United "
    "Nations Network on Migration, the Alliance 8.7 and the Global Protection Cluster.")
P001_49 = Seed("001", "49", "Office of the United Nations High Commissioner for Human Rights",
    "OHCHR continues to rely heavily on partnerships to maximize the impact of their interventions and thus "
    "established and reinforced partnerships over the last few years with United Nations entities as well as "
    "regional organizations.")
P001_50 = Seed("001", "50", "Office of the United Nations High Commissioner for Human Rights",
    "OHCHR and the International Civil Aviation Organization have been cooperating to produce material to assist "
    "airlines in identifying and reporting the victims of human trafficking, both on board flights and at "
    "airports, to the authorities. To that end, a set of guidelines for operators and regulators to train cabin "
    "crew on identifying and responding to trafficking in persons were jointly developed in 2018 and published in"
    " the six official languages of the United Nations.")
P001_51 = Seed("001", "51", "Office of the United Nations High Commissioner for Human Rights",
    "OHCHR is working closely with the International Labour Organization (ILO) in the framework of Alliance 8.7, "
    "which is aimed at accelerating actions to tackle modern slavery, trafficking, forced labour and child "
    "labour. Engagement with Member States is under way, in particular with Albania, Chile, Madagascar, Malawi, "
    "Mauritania, Mexico, Morocco, Nigeria, Peru, Sri Lanka, Tunisia, Uganda and Viet Nam.")
P001_52 = Seed("001", "52", "Office of the United Nations High Commissioner for Human Rights",
    "OHCHR is part of the working group of the Inter-agency Coordination Group against Trafficking in Persons "
    "together with UNODC, scaling up interventions and impact of the Group activities to offer a coordinated "
    "response to trafficking in persons. The two entities, together with the World Health Organization, are "
    "currently working to develop a framework on the criminal, health and human rights implications of "
    "trafficking in persons for the purpose of organ removal and trafficking in organs.")
P001_53 = Seed("001", "53", "International Organization for Migration",
    "In partnership with Governments, the United Nations system, international and non-governmental "
    "organizations, the private sector and development partners, the anti-trafficking responses of IOM encompass "
    "all aspects of the United Nations Global Plan of Action to Combat Trafficking in Persons: prevention, "
    "protection, prosecution and partnerships.")
P001_55 = Seed("001", "55", "International Organization for Migration",
    "Within the framework of the Global Action to Prevent and Address Trafficking in Persons and Smuggling of "
    "Migrants – jointly with the European Union, UNODC and the United Nations Children's Fund (UNICEF) – IOM "
    "implemented a granting facility for civil society partners in six countries: Belarus, Brazil, Lao People's "
    "Democratic Republic, Mali, Morocco and South Africa. This facility allows these partners to provide "
    "comprehensive protection and assistance services to vulnerable migrants, including victims of trafficking. "
    "To date, over 400 individuals have been assisted through this facility.")
P001_58 = Seed("001", "58", "International Organization for Migration",
    "IOM continued to work with the private sector to ensure that the risk of trafficking in persons within "
    "business operations and supply chains was prevented and addressed, and that victims were protected. This is "
    "achieved through advocacy and advisory services to companies on adherence to international guidance and "
    "principles; data and analytics to support risk-based due diligence; and direct assistance to workers "
    "impacted by exploitative employment practices, including victims of trafficking.")
P001_60 = Seed("001", "60", "International Organization for Migration",
    "IOM continues to train and deploy its anti-trafficking experts to crises such as those in Cox’s Bazar, "
    "Bangladesh; the Democratic Republic of the Congo; Libya; and north-east Nigeria. Meanwhile, IOM data "
    "collection tools help the Organization and its humanitarian partners to identify at-risk groups among "
    "crisis-affected populations in order to reduce the risk of trafficking and exploitation and provide direct "
    "assistance to those groups and identified victims.")
P001_62 = Seed("001", "62", "International Organization for Migration",
    "In support of the 2030 Agenda for Sustainable Development, IOM plays a key role in Alliance 8.7, a global "
    "partnership established to assist Member States to achieve target 8.7 of the Sustainable Development Goals, "
    "which focuses on the eradication of forced labour, all forms of child labour, trafficking in persons and "
    "modern slavery. In 2018, IOM launched the Alliance 8.7 Action Group on Migration, together with UNICEF, "
    "while providing continuous support to the Alliance 8.7 secretariat, the Delta 8.7 knowledge platform, and "
    "the Alliance’s broader membership.")
P001_66 = Seed("001", "66", "Department of Political and Peacebuilding Affairs",
    "The Department of Political and Peacebuilding Affairs, including through the Panel of Experts to which it "
    "provides Secretariat support, has also enhanced measures and activities to increase and support prevention "
    "efforts in the countries of origin, transit and destination of trafficking in persons, with a special focus "
    "on the demand and supply chains that foster all forms of trafficking and the goods and services produced as "
    "a result of trafficking in persons, implementing activities at field level in the Central African Republic, "
    "Libya, Mali and Myanmar.")
P001_67 = Seed("001", "67", "Department of Political and Peacebuilding Affairs",
    "Cooperation has also been established with UNODC, OHCHR, the European Union, the International Criminal "
    "Police Organization (INTERPOL) and national Governments to support the development of best practices at the "
    "regional and national levels, with a particular emphasis on protecting human rights and pre-empting the "
    "worsening of the situation in many conflict and post-conflict scenarios.")
P001_68 = Seed("001", "68", "Department of Peace Operations",
    "The Department of Peace Operations, in line with Security Council resolutions 2331 (2016) and 2388 (2017), "
    "supports peacekeeping missions in addressing trafficking in persons in areas affected by armed conflicts and"
    " post-conflict situations, in a coordinated effort with other United Nations agencies, including UNODC, the "
    "Office of the United Nations High Commissioner for Refugees (UNHCR) or the Counter-Terrorism Committee "
    "Executive Directorate, and partners including INTERPOL.")
P001_70 = Seed("001", "70", "Department of Peace Operations",
    "With that aim in mind, the Police Division is strengthening the capacity of police components in "
    "peacebuilding and peacekeeping missions by deploying specialized police teams on serious and organized crime"
    " and on sexual gender-based violence. This new modality of deployment will provide specific police expertise"
    " on serious crimes, including trafficking in persons. The Police Division has also been working in close "
    "cooperation with UNODC and INTERPOL on finding synergies to better address trafficking in persons in "
    "conflict situations. Existing capacity-building efforts include programmes to strengthen the capacities and "
    "capabilities of law enforcement agencies in the host State by creating the necessary conditions to "
    "effectively counter serious and organized crime in mission areas. To that end, specialized police teams are "
    "currently deployed in existing missions of the Department of Peace Operations in the Central African "
    "Republic, the Democratic Republic of Congo, Mali and South Sudan.")
P001_71 = Seed("001", "71", "Department of Peace Operations",
    "Ongoing activities in the Central African Republic and South Sudan are aimed at improving the support "
    "provided to relevant law enforcement agencies on this serious matter.")
P001_75 = Seed("001", "75", "United Nations Entity for Gender Equality and the Empowerment of Women",
    "UN-Women also collaborates with the Counter-Terrorism Committee Executive Directorate, as per Security "
    "Council resolutions 2242 (2015) and 2395 (2017), to ensure that counter-terrorism strategies are gender "
    "sensitive and human rights compliant. They are encouraged to consult women and women's organizations and "
    "undertake and gather gender-sensitive research and data collection on drivers of radicalization to terrorism"
    " for women, and the impacts of counter-terrorism strategies on women's human rights and women's "
    "organizations. This collaboration also encourages the Executive Directorate and UN-Women to examine the "
    "nexus between conflict-related sexual violence, terrorism and transnational and organized crime, including "
    "trafficking in persons, during the country assessment and follow-up missions, as well as while carrying out "
    "research and data collection.")
P001_76 = Seed("001", "76", "United Nations Entity for Gender Equality and the Empowerment of Women",
    "As part of the Spotlight Initiative, in collaboration with other United Nations agencies, including UNODC "
    "and ILO, UN-Women works on the \"Safe and Fair\" programme, which is aimed at preventing trafficking in Asia "
    "by empowering migrant women and ensuring safe and fair labour migration for all women in the Association of "
    "Southeast Asian Nations region. The programme has three specific objectives: (a) establishing "
    "gender-sensitive labour migration governance frameworks; (b) mitigating the vulnerabilities of female "
    "migrant workers to violence and trafficking and ensuring access to coordinated and responsive quality "
    "services; and (c) improving data, knowledge and attitudes on the rights and contributions of female migrant "
    "workers.")
P001_77 = Seed("001", "77", "United Nations Entity for Gender Equality and the Empowerment of Women",
    "Additionally, UN-Women, in partnership with UNODC, is working on a programme in the Greater Mekong subregion"
    " on preventing and mitigating the impacts of terrorism, trafficking and transnational crime through the "
    "empowerment of women. The programme is aimed at ensuring that at-risk border communities increase resilience"
    " to trafficking in persons, with a particular focus on women. The work includes:")
P001_81 = Seed("001", "81", "International Criminal Police Organization",
    "The trafficking unit provides operational support to counter trafficking in persons through the organization"
    " of operations. The last two operations coordinated by the unit were the following:")
P001_84 = Seed("001", "84", "International Criminal Police Organization",
    "In 2018, 11 capacity-building activities were developed with the aim of enhancing the ability of law "
    "enforcement to effectively manage investigations involving trafficking in persons. In 2018, a total of 342 "
    "officers were trained in countries in Central, South and South-East Asia; West and Central Africa; the "
    "Middle East and North Africa; Latin America; and South-East Europe.")
P001_86 = Seed("001", "86", "Council of Europe",
    "The Council of Europe offers Member States and other stakeholders guidance and support for achieving targets"
    " 5.2, 8.7 and 16.2 of the Sustainable Development Goals, both through the provision of recommendations "
    "resulting from the monitoring by the Group of Experts on Action against Trafficking in Human Beings and "
    "through capacity-building and technical cooperation activities. The programmes currently being implemented "
    "by the Council of Europe include one on preventing and combating trafficking in persons in North Macedonia "
    "and Serbia. The programme is part of the European Union and the Council of Europe programmatic framework "
    "called “Horizontal facility for the Western Balkans and Turkey”, which support the national authorities by "
    "addressing legislation, policy and practice in several areas, including preventing and combating trafficking"
    " in persons for the purpose of labour exploitation. In addition to the provision of training and guidance to"
    " labour inspectors, round tables involving businesses and trade unions were organized in North Macedonia and"
    " Serbia in May 2018. Their objective was to increase awareness and facilitate dialogue on the importance of "
    "engaging the private sector in preventing and combating trafficking in persons for the purpose of labour "
    "exploitation. For the second phase of the horizontal facility programme, anti-trafficking projects have been"
    " proposed for Bosnia and Herzegovina, North Macedonia and Serbia, and it is planned to continue implementing"
    " activities targeting the private sector.")
P001_94 = Seed("001", "94", "Organization for Security and Cooperation in Europe",
    "Furthermore, pursuant to Security Council resolution 2388 (2017), in which it called upon the United Nations"
    " system organizations to enhance transparency in their procurement and supply chains, in 2018, OSCE took "
    "action to map OSCE procurement practices for the purposes of strengthening protections against trafficking "
    "in persons in its own supply chains by partnering with leading academic institutions in this field. To "
    "develop common guidelines with the United Nations system, OSCE has made the expansion of this project within"
    " the Inter-Agency Coordination Group against Trafficking in Persons one of its priorities in 2019.")
P001_105 = Seed("001", "105", "Activities of the Inter-Agency Coordination Group against Trafficking in Persons",
    "During the reporting period, the Group was chaired by UNODC in 2016, OHCHR in 2017, UNICEF in 2018 and "
    "jointly by OSCE and UN-Women in 2019.")
P001_129 = Seed("001", "129", "Raising awareness: activities to mark the World Day against Trafficking in Persons",
    "The social media campaign developed for the 2017 World Day also included a Thunderclap – a coordinated "
    "message launched collectively across Twitter, Facebook and Tumblr – which was released worldwide on the "
    "actual day, thereby creating a record reach of 73 million impressions worldwide. At the same time UNODC, "
    "through the Charidy fundraising platform, organized a fundraising campaign for the United Nations Voluntary "
    "Trust Fund for Victims of Human Trafficking, which reached the original goal set by the organizers and "
    "raised $50,000.")
P001_131 = Seed("001", "131", "Raising awareness: activities to mark the World Day against Trafficking in Persons",
    "Established in 2010, the Blue Heart Campaign against Human Trafficking is coordinated by UNODC and has so "
    "far been adopted by 18 countries. It seeks to encourage involvement and inspire action to combat the crime "
    "of trafficking in persons. In August 2017, the Government of Mexico and UNODC launched the #AQUIESTOY contra"
    " la trata de personas (#HereIAm against human trafficking) campaign, as the Spanish-language initiative "
    "under the umbrella of the Blue Heart Campaign. In 2019, Ecuador became the latest country to join the "
    "#AQUIESTOY campaign.")
P001_132 = Seed("001", "132", "Raising awareness: activities to mark the World Day against Trafficking in Persons",
    "Finally, UNODC works with goodwill ambassadors at both the national and global levels to raise awareness "
    "around human trafficking and the Blue Heart Campaign. Nobel laureate Nadia Murad Basee Taha (Iraq, human "
    "rights activist, human trafficking survivor), Mira Sorvino (United States, actress), and Ozark Henry "
    "(Belgium, singer and performing artist) are all regularly involved with UNODC headquarters and field offices"
    " at events and with the media.")
P003_16 = Seed("003", "16", "Commission on Crime Prevention and Criminal Justice",
    "To promote the Trafficking in Persons Protocol and share promising implementation practices, UNODC "
    "co-organized and contributed to several expert briefings in the margins of the session, including events "
    "entitled \"Addressing increased protection and assistance needs of refugees and displaced persons vulnerable "
    "to trafficking in persons in Jordan and Lebanon\"; \"Strengthening the capacity of criminal justice "
    "practitioners in the Americas to combat human trafficking in the context of migration flows: how to "
    "incorporate international standards in the national response\"; and \"Enhancing capacities of the security and"
    " criminal justice sector to Human Trafficking in Latin America and the Caribbean: a multisectoral response”.")
P003_26 = Seed("003", "26", "General Assembly",
    "UNODC contributed significantly to the preparation of the third appraisal of the United Nations Global Plan "
    "of Action to Combat Trafficking in Persons, held in November 2021, including supporting its co-facilitators "
    "with the provision of expert advice. As co-Chair of the Inter-Agency Coordination Group against Trafficking "
    "in Persons in 2021 with the Office of the United Nations High Commissioner for Refugees (UNHCR), UNODC also "
    "led the preparation of a joint submission by the Group on the appraisal, proposing key action-oriented "
    "recommendations to Member States to enhance effective responses to priority issues concerning trafficking in"
    " persons.")
P003_27 = Seed("003", "27", "General Assembly",
    "UNODC supported and participated in the first International Migration Review Forum, held from 17 to 20 May "
    "2022, including jointly hosting with the International Organization for Migration (IOM) a formal round table"
    " that addressed, among other objectives of the Global Compact for Safe, Orderly and Regular Migration, "
    "preventing, combating and eradicating trafficking in persons in the context of international migration. The "
    "Office also convened a side event on behalf of the Inter-Agency Coordination Group against Trafficking in "
    "Persons on an issue brief on addressing vulnerability to trafficking in persons. UNODC also contributed "
    "substantive recommendations regarding trafficking in persons for the Progress Declaration of the Forum, "
    "which was unanimously adopted by all Member States.")
P003_30 = Seed("003", "30", "Participation in inter-agency and regional coordination and cooperation mechanisms",
    "UNODC collaborates closely with other intergovernmental organizations, both within and outside the United "
    "Nations system, and is active at both the international and regional levels. The Office has signed several "
    "memorandums of understanding with organizations with key mandates and expertise in preventing and combating "
    "trafficking in persons. The Office also extensively engaged with relevant civil society organizations and "
    "academia to advance anti-trafficking strategies, and continued to contribute to international and regional "
    "forums, including the twenty-first conference of the Alliance against Trafficking in Persons, held by the "
    "Organization for Security and Cooperation in Europe (OSCE).")
P003_41 = Seed("003", "41", "Cooperation with regional organizations and processes",
    "In Europe, UNODC collaborated closely with OSCE, the European Union and the Council of Europe. UNODC is a "
    "member of the Alliance Expert Coordination Team, led by OSCE, and actively participates in its annual "
    "meetings, as well as the related annual conference of the Alliance against Trafficking in Persons.")
P003_42 = Seed("003", "42", "Cooperation with regional organizations and processes",
    "In Latin America, UNODC participated in the protection cluster for Response for Venezuelans, the regional "
    "coordination platform for migrants and refugees from the Bolivarian Republic of Venezuela, led regionally by"
    " IOM and UNHCR.")
P003_43 = Seed("003", "43", "Cooperation with regional organizations and processes",
    "In the Asia-Pacific region, UNODC continued to contribute to the Bali Process on People Smuggling, "
    "Trafficking in Persons and Related Transnational Crime. Along with 48 other members, UNODC actively "
    "participated in high-level policy dialogue and practical capacity-building activities, including through the"
    " Regional Support Office, its working groups and the Task Force on Planning and Preparedness. In April 2021,"
    " UNODC and the Regional Office for South-East Asia and the Pacific, in partnership with the Regional Support"
    " Office of the Bali Process, published a new research brief on corruption as a facilitator of smuggling of "
    "migrants and trafficking in persons in the Bali Process region with a focus on South-East Asia. The report "
    "identified ways in which corruption was prevalent in a range of contexts, from the recruitment and initial "
    "interactions with victims of trafficking, to enabling movement through immigration controls at land, sea or "
    "air borders, and to impeding criminal justice proceedings.")
P003_44 = Seed("003", "44", "Cooperation with regional organizations and processes",
    "In West Africa, to strengthen collaboration and build a platform for cooperation between the members of the "
    "Economic community of West African States to combat transnational organized crime in the region, UNODC "
    "organized a peer exchange activity for law enforcement agents from Côte d'Ivoire and Nigeria working on "
    "trafficking in persons and in illicit drugs. The week-long activity, held from 8 to 12 November 2021, was "
    "part of a project entitled \"Organized crime: West African response to trafficking\". More effective "
    "cooperation between Côte d'Ivoire and Nigeria is expected for arrests, extradition and recovery of proceeds "
    "of crime, such as through the establishment of a platform for effective cooperation, including in the area "
    "of trafficking in persons.")
P003_45 = Seed("003", "45", "Cooperation with regional organizations and processes",
    "In Southern Africa, during the reporting period, UNODC partnered with the Southern African Development "
    "Community (SADC) in three key areas: in the collection of data on trafficking in persons to inform "
    "evidence-based policies for Member States; in forming partnerships for the investigation and prosecution of "
    "cases of trafficking in persons and migrant smuggling, including support of intelligence-led operations "
    "through the Southern African Regional Police Chiefs Cooperation Organization and the International Criminal "
    "Police Organization (INTERPOL); and in convening and strengthening professional networks of prosecutors, "
    "immigration officials, judges and magistrates with the aim of sharing knowledge and experiences. UNODC and "
    "SADC also convened joint meetings at the regional level to ensure that the issues, which were mainly "
    "transnational in nature, were addressed in a coherent and collaborative manner.")
P003_52 = Seed("003", "52", "Development of knowledge, normative and policy guidance and tools",
    "UNODC, in partnership with the Supreme Court of Thailand, translated the Evidential Issues in Trafficking in"
    " Person Cases: Case Digest into Thai and launched it on 30 October 2020, following the training of 35 Thai "
    "judges.")
P003_57 = Seed("003", "57", "Legislative assistance and development of national strategy and coordination",
    "UNODC continued to provide assistance to the Dominican Republic to revise its law on trafficking in persons."
    " The law has been revised in coordination with the Ministry of Foreign Affairs and is currently being "
    "reviewed by the Office of the Attorney General.")
P003_58 = Seed("003", "58", "Legislative assistance and development of national strategy and coordination",
    "During the reporting period, UNODC field offices, with expert support from UNODC headquarters, provided "
    "legislative assistance to draft trafficking laws in the Comoros, India and “Somaliland”.")
P003_59 = Seed("003", "59", "Legislative assistance and development of national strategy and coordination",
    "In June 2021, UNODC, under its Global Action against Trafficking in Persons and the Smuggling of Migrants "
    "initiative, organized a workshop on the legal and judicial requirements for the protection of victims of "
    "trafficking in persons in Cairo, where investigative and trial judges from Iraq exchanged experience and "
    "challenges with Egyptian judges on victim protection. The workshop led to the development of a guidance note"
    " for adoption by judges in Iraq, detailing application of legal provisions for protection to be offered to "
    "trafficked victims in court.")
P003_60 = Seed("003", "60", "Legislative assistance and development of national strategy and coordination",
    "In Pakistan, UNODC, under its Global Action against Trafficking in Persons and the Smuggling of Migrants "
    "initiative, began work in December 2020 with the Federal Investigation Agency to revise and update the "
    "National Action Plan to Combat Human Trafficking and Migrant Smuggling, covering the period 2021–2025. Three"
    " consultative meetings were held to review the plan, which was launched in July 2021.")
P003_61 = Seed("003", "61", "Strengthening criminal justice responses",
    "Under Global Action against Trafficking in Persons and the Smuggling of Migrants – Bangladesh, UNODC "
    "provided support to the seven newly established specialized anti-trafficking in persons tribunals in the "
    "country. The process began with technical assessment visits to the anti-trafficking in persons tribunals in "
    "Dhaka and Chattogram, in October 2021 and January 2022, respectively, to determine the substantive and "
    "logistical support needed by the courts, and ways in which the project could help to make the tribunals more"
    " efficient and victim-friendly. Bespoke training was carried out in March 2022 for all judges of the seven "
    "tribunals, as well as judges of the prevention of women and children repression tribunals, which also handle"
    " trafficking cases. Under the same initiative, UNODC provided training to prosecutors working on trafficking"
    " in persons cases in the dedicated tribunals and other courts.")
P003_65 = Seed("003", "65", "Promoting international cooperation",
    "The Transforming Alerts into Criminal Justice Responses to Combat Trafficking in Persons within Migration "
    "Flows regional initiative supported a bilateral meeting of focal points for the application of a protocol "
    "for the investigation and prosecution of trafficking in persons between Ecuador and Peru. The meeting was "
    "held on 30 September and 1 October 2021 and gathered representatives of the judiciary, supreme court judges,"
    " prosecutors and law enforcement officers from the two countries. As a result, Ecuador and Peru signed an "
    "inter-institutional cooperation framework agreement that enhanced liaison of national coordination "
    "mechanisms, law enforcement agencies and specialized prosecutors from Ecuador and Peru with the "
    "Ibero-American Network of Specialized Prosecutors against Trafficking in Persons and the Smuggling of "
    "Migrants.")
P003_66 = Seed("003", "66", "Promoting international cooperation",
    "In Central Asia, the UNODC Regional Adviser on Trafficking in Persons and Smuggling of Migrants provided key"
    " mentoring support for State officials, including for the Prosecutor General’s Office of Kyrgyzstan on "
    "evidence collection in its trafficking in persons case with Turkey and Italy (23 April 2021), and, in "
    "Uzbekistan, for investigators at the regional office of the Ministry of the Interior on collection of "
    "evidence for a case of trafficking in persons for sexual exploitation in Turkey (23 June 2021).")
P003_69 = Seed("003", "69", "Promoting international cooperation",
    "Also in 2021, a three-year investigation supported by INTERPOL and UNODC concluded with police in Colombia "
    "arresting six individuals suspected of the trafficking and sexual exploitation of Colombian and Venezuelan "
    "women. UNODC played a critical role in supporting the investigation by facilitating intelligence exchange "
    "and coordinating police and judicial actions, including victim hearings.")
P003_73 = Seed("003", "73", "Data collection and research",
    "In the first quarter of 2022, the UNODC Global Action against Trafficking in Persons and the Smuggling of "
    "Migrants initiative launched a strengths, weaknesses, opportunities and threats analysis of the impact of "
    "the situation in Afghanistan on trafficking in persons and the smuggling of migrants in neighbouring "
    "countries. The final report contained specific recommendations for immediate and mid-term responses to the "
    "situation.")
P003_74 = Seed("003", "74", "Crime prevention and awareness-raising",
    "In June 2021, UNODC and the International Centre for the Prevention of Crime organized \"DataJam Against "
    "Exploitation\", an online competition to develop technology-based solutions to identify and protect victims "
    "of human trafficking and support prosecutions of the crime which included entries from university students "
    "and recent graduates from 19 higher education institutions. The winning entry was a web-based application "
    "that could support police investigations into human trafficking rings by analysing thousands of "
    "advertisements to find indicators of trafficking, organizing the relevant information and making it easily "
    "available to police investigators.")
P003_77 = Seed("003", "77", "Protection and support of victims",
    "Under the Transforming Alerts into Criminal Justice Responses to Combat Trafficking in Persons within "
    "Migration Flows regional initiative, five countries took action to strengthen existing national referral "
    "mechanisms: Brazil produced a booklet on its national trafficking in persons institutional framework, "
    "including hotlines and referral mechanisms, and international cooperation procedures; Colombia launched a "
    "strengthened mechanism for the identification and referral of cases of human trafficking for forced labour; "
    "Ecuador continued to develop standard operating procedures for referrals; Peru developed a manual of "
    "operating procedures for the identification and referral of cases of human trafficking, and continued to "
    "update its Intersectoral Protocol for the Prevention and Prosecution of the Crime and the Protection, Care "
    "and Reintegration of Victims of Trafficking of Persons; and Aruba established a Humanitarian Organizations "
    "Platform.")
P003_78 = Seed("003", "78", "Protection and support of victims",
    "In 2021, UNODC partnered with authorities in Jordan and Lebanon to address the protection and assistance "
    "needs of refugees and displaced people in those countries, including through workshops on the identification"
    " of victims of trafficking among refugees and ways of responding to the crime. The workshops brought "
    "together law enforcement officers, labour inspectors, representatives from social services, the healthcare "
    "sector and non-governmental organizations from the Irbid Governate.")
P004_OP6 = Seed("004", "OP6", None,
    "Requests the United Nations Office on Drugs and Crime to continue, in close cooperation and collaboration "
    "with Member States, to collect, in a balanced, reliable and comprehensive manner, information on patterns, "
    "forms and flows of trafficking in persons at the national, regional and international levels for use in the "
    "Global Report on Trafficking in Persons and to share best practices and lessons learned from the various "
    "initiatives and mechanisms;")
P004_PP10 = Seed("004", "PP10", None,
    "Emphasizing the role of the United Nations Office on Drugs and Crime in the implementation of the Global "
    "Plan of Action, including as coordinator of the Inter-Agency Coordination Group against Trafficking in "
    "Persons, and welcoming the holding of the co-chairmanship of the Inter-Agency Coordination Group against "
    "Trafficking in Persons by the United Nations Office on Drugs and Crime and the Office of the United Nations "
    "High Commissioner for Refugees in 2021,")

# two paragraphs of the corpus (General Assembly resolutions)
RES_80_157_PP27 = Seed("A/RES/80/157", "PP27", None,
    "Taking note of the realization of the Global Family Farming Forum, co‑organized by the Food and Agriculture "
    "Organization of the United Nations and the International Fund for Agricultural Development from 15 to 18 "
    "October 2024, welcoming the respective commitments made by Governments to support family farming and "
    "implement the Decade through inclusive efforts, including the adoption by 16 Governments of national action "
    "plans for family farming,²⁹ and looking forward to the convening of the second International Conference on "
    "Agrarian Reform and Rural Development (ICARRD+20), in Cartagena, Colombia, from 24 to 28 February 2026,")
RES_78_219_PP23 = Seed("A/RES/78/219", "PP23", None,
    "Welcoming the ASEAN Leaders’ review of and decision on the implementation of the five-point consensus, adopted "
    "in Jakarta on 5 September 2023, that decides to maintain the five-point consensus as the main reference to "
    "address the political crisis in Myanmar which should be implemented in its entirety,")
# corpus/unhk/S_RES_2653_2022.txt, the thirteenth preambular paragraph
RES_2653_PP13 = Seed("S/RES/2653 (2022)", "PP13", None,
    'Welcoming the launch of technical programmes by the United Nations Office on Drugs and Crime (UNODC) to assist'
    ' national authorities to promote border and ports control, trace illicit financial flows, collaborate across '
    'borders to combat transnational crime, corruption, and drug and arms trafficking, including through the UNODC-'
    'World Customs Organization (WCO) Container Control Programme in Haiti and border management programmes, and '
    'further welcoming the Caribbean Community’s (CARICOM) regional roadmap to combat the trafficking of firearms,')
