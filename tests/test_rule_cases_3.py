"""The publication, reported-request and lineage rules on real paragraphs, as they are in their files: for each rule a
paragraph where it reads a fact that the paragraph states (checked by reading it) and a paragraph with its cue words
where it rightly reads nothing. The lineage rules read whole documents: their assertions sit on the paragraph or
header line that is their evidence."""
from __future__ import annotations

from rule_cases import extraction, flat, read_by


def read_anywhere(relative: str, rule_id: str) -> list:
    """Everything a whole-document rule read from the file, on any paragraph or header line."""
    return [a for a in extraction(relative).assertions if a.rule == rule_id]


def test_publications_cited_reads_a_note_source_with_its_publisher_and_year():
    # "Robert Muggah, “Haiti’s criminal markets: mapping trends in firearms and drug trafficking” (UNODC, 2023)"
    rows = [flat(a) for a in read_by("dev/S_2025_303.pdf", "annex-I.fn21", "publications.cited")]
    assert rows == [{"publication": ["Haiti’s criminal markets: mapping trends in firearms and drug trafficking"],
                     "publisher": ["United Nations Office on Drugs and Crime"], "year": "2023"}]
    # negative: 'a symposium on "Reducing transport-related emissions ..." (Geneva, 17 November 2015)': a quoted
    # title with a place and a date in parentheses is a meeting held, not a source cited
    assert read_by("corpus/unhk/ECE_TRANS_254.txt", "37", "publications.cited") == []


def test_publications_issued_reads_a_titled_publication_with_its_publisher_and_year():
    # "Financing for Sustainable Development Report 2024 (United Nations publication, 2024)": the whole title, not
    # "Sustainable Development Report 2024"
    rows = [flat(a) for a in read_by("corpus/unga/A_RES_80_128.txt", "fn2", "publications.issued")]
    assert rows == [{"publication": ["Financing for Sustainable Development Report 2024"],
                     "publisher": ["United Nations"], "year": "2024"}]
    # "the United Nations Guide to Model UN, recently published by the Department of Global Communications"
    rows = [flat(a) for a in read_by("corpus/unhk/A_RES_77_336.txt", "OP8", "publications.issued")]
    assert rows == [{"publication": ["United Nations Guide to Model UN"],
                     "publisher": ["Department of Global Communications"]}]
    # negative: "The judgements of the Dispute Tribunal shall be published": judgements, no publication named
    assert read_by("corpus/unhk/A_RES_63_253.txt", "annex-I.6-5", "publications.issued") == []


def test_publications_report_symbol_gives_a_report_symbol_its_author_and_date():
    # "Having considered the report of the Secretary-General of 18 March 2002 (S/2002/278),"
    rows = [flat(a) for a in read_by("corpus/unhk/S_RES_1401_2002.txt", "PP8", "publications.report-symbol")]
    assert rows == [{"publication": ["S/2002/278"], "publisher": ["Secretary-General"], "year": "2002"}]
    # negative: "the subsequent General Assembly resolution Follow-up to the report of the Secretary-General entitled
    # “Our Common Agenda” (A/RES/76/6)": the symbol in parentheses is the resolution's, not the report's
    assert read_by("corpus/unhk/ECE_HBP_213.txt", "annex-I.2-2(e)", "publications.report-symbol") == []


def test_requests_reported_reads_each_ask_a_report_recounts_of_a_resolution():
    # "In resolution 10/3, the Conference called upon UNODC to continue its work related to the Protocol and
    # requested UNODC to prepare, and submit to the Conference of the Parties, ..., a report on ..."
    rows = [flat(a) for a in read_by("seeds/003_84e408440e65b4cf.txt", "9", "requests.reported")]
    conference = ["Conference of the Parties to the United Nations Convention against Transnational Organized Crime"]
    assert [(r["resolution"], r["proponent"], r["verbText"], r["addressee"], r["includes"]) for r in rows] == [
        (["10/3"], conference, "called upon", "UNODC", ["United Nations Office on Drugs and Crime"]),
        (["10/3"], conference, "requested", "UNODC", ["United Nations Office on Drugs and Crime"]),
    ]
    assert rows[0]["action"] == "continue its work related to the Protocol"
    assert rows[1]["action"].startswith(
        "prepare, and submit to the Conference of the Parties, for consideration at its eleventh session, a report on "
        "effective national criminal justice responses")
    assert all(r["reported"] == "true" for r in rows)
    # negative: "the Committee urged all States members of ECE which had not done so, to provide the secretariat with
    # the information requested": the Committee asks in its own meeting; ECOSOC resolution 2015/7, cited before,
    # asked nothing of them
    assert read_by("corpus/unhk/ECE_TRANS_254.txt", "130", "requests.reported") == []


def test_requests_reported_passive_reads_who_acted_as_a_resolution_requested():
    # "As requested by the General Assembly in its resolution 72/195, UNODC coordinated the first meeting of the
    # principal Inter-Agency Coordination Group against Trafficking in Persons, held in London on 2 May 2018."
    rows = [flat(a) for a in read_by("seeds/001_aaa57c1388cc9d44.txt", "108", "requests.reported-passive")]
    assert rows == [{"resolution": ["72/195"], "proponent": ["General Assembly"], "verb": ["request"],
                     "includes": ["United Nations Office on Drugs and Crime"], "verbText": "requested",
                     "addressee": "UNODC",
                     "action": "coordinated the first meeting of the principal Inter-Agency Coordination Group against "
                               "Trafficking in Persons, held in London on 2 May 2018",
                     "reported": "true"}]
    # negative: "an independent assessment was conducted ... as requested in resolution 2540 (2020)": what was asked
    # for is named, not who was asked
    assert read_by("corpus/unhk/S_2021_763.txt", "41", "requests.reported-passive") == []


def test_requests_resolution_link_links_a_recalled_resolution_and_a_reports_mandate():
    # "Recalling also the adoption, by its resolution 56/6 of 9 November 2001, of the Global Agenda for Dialogue ..."
    rows = [flat(a) for a in read_by("corpus/unga/A_RES_80_205.txt", "PP6", "requests.resolution-link")]
    assert rows == [{"source": ["80/205"], "linkVerb": ["recall"], "target": ["56/6"], "verbText": "Recalling"}]
    # "The present report has been prepared pursuant to General Assembly resolution 72/195"
    rows = [flat(a) for a in read_by("seeds/001_aaa57c1388cc9d44.txt", "summary", "requests.resolution-link")]
    assert [(r["linkVerb"], r["target"]) for r in rows] == [(["pursuant to"], ["72/195"])]
    # negative: "Requests the President of the General Assembly to conduct consultations ... regarding a possible
    # update of the programme of activities as contained in resolution 69/16": the paragraph asks, it recalls nothing
    assert read_by("corpus/unga/A_RES_79_193.txt", "OP3", "requests.resolution-link") == []


def test_lineage_amendment_links_an_amendment_to_the_draft_it_amends():
    # header line "Brazil:* amendment to draft resolution A/80/L.22"
    rows = [flat(a) for a in read_by("corpus/unga/A_80_L.29.txt", "header-9", "lineage.amendment")]
    assert rows == [{"linkFrom": ["A/80/L.29"], "linkTo": ["A/80/L.22"], "relation": "amends"}]
    # header line "United States of America: amendment to revised draft resolution A/C.3/80/L.3/Rev.1"
    rows = [flat(a) for a in read_by("corpus/unga/A_C.3_80_L.57.txt", "header-10", "lineage.amendment")]
    assert rows == [{"linkFrom": ["A/C.3/80/L.57"], "linkTo": ["A/C.3/80/L.3/Rev.1"], "relation": "amends"}]
    # and the document is an amendment, not a draft of its own (its "asks" are the draft's, being amended)
    from rule_cases import extraction
    assert extraction("corpus/unga/A_C.3_80_L.57.txt").document.metadata.kind == "amendment"
    # negative: "...:* amendment to draft resolution 23 recommended by the Third Committee in its report contained in
    # document A/80/545": the draft has no symbol of its own, and the amendment does not amend the report
    assert read_by("corpus/unga/A_80_L.40.txt", "header-9", "lineage.amendment") == []
    assert read_anywhere("corpus/unga/A_80_L.40.txt", "lineage.amendment") == []


def test_lineage_mandate_reads_a_requested_report_with_its_due_session_and_year():
    # "Requests the Group of Scientific and Technical Experts to report on its work to the General Assembly at its
    # eighty-fourth session, ..." (the eighty-fourth session opens in 2029)
    rows = [flat(a) for a in read_by("corpus/unga/A_RES_80_53.txt", "OP10", "lineage.mandate")]
    assert rows == [{"resolution": ["80/53"], "verb": ["request"], "deliverable": "report",
                     "addressedTo": "the Group of Scientific and Technical Experts",
                     "ask": "report on its work to the General Assembly at its eighty-fourth session, with a view to "
                            "making a possible decision on the extension of the activities of the Group",
                     "verbText": "Requests", "paragraphNumber": "10", "dueSession": "eighty-fourth session",
                     "due": "2029"}]
    # negative: "Encourages States to implement the recommendations contained in the report of the Group of
    # Governmental Experts ...": an ask that names a report in passing asks for no report
    assert read_by("corpus/unga/A_RES_78_46.txt", "OP6", "lineage.mandate") == []


def test_lineage_pursuant_links_a_report_to_the_resolution_it_answers():
    # "The present report is submitted pursuant to paragraph 9 of Security Council resolution 2692 (2023) ..."
    rows = [flat(a) for a in read_by("dev/S_2025_303.pdf", "annex-I.1", "lineage.pursuant")]
    assert rows == [{"linkFrom": ["S/2025/303"], "linkTo": ["2692 (2023)"], "relation": "submittedPursuantTo"}]
    # negative: "The present report, submitted pursuant to the statement of the President of the Security Council
    # dated 16 December 2014 (S/PRST/2014/27), ..., including those pertaining to resolutions 2320 (2016), ...": it
    # answers a presidential statement; the resolutions it names later are no mandate of it
    assert read_by("corpus/unhk/S_2021_763.txt", "1", "lineage.pursuant") == []
    assert read_anywhere("corpus/unhk/S_2021_763.txt", "lineage.pursuant") == []


def test_lineage_series_links_a_resolution_to_the_earlier_one_entitled_with_its_own_title():
    # A/RES/76/219 "Eradicating rural poverty to implement the 2030 Agenda for Sustainable Development": "Recalling
    # its resolutions 73/244 ..., 74/237 ... and 75/232 of 21 December 2020, entitled “Eradicating rural poverty to
    # implement the 2030 Agenda for Sustainable Development”,": all three are of its series, not only the one written
    # right before "entitled"
    rows = [flat(a) for a in read_by("corpus/unhk/A_RES_76_219.txt", "PP1", "lineage.series")]
    assert rows == [{"linkFrom": ["76/219"], "linkTo": [earlier], "relation": "continuesSeries"}
                    for earlier in ("73/244", "74/237", "75/232")]
    # negative: A/RES/80/158 (permanent sovereignty over natural resources): "Bearing in mind its resolution 70/1 of
    # 25 September 2015, entitled “Transforming our world: the 2030 Agenda for Sustainable Development”": another series
    assert read_by("corpus/unga/A_RES_80_158.txt", "PP6", "lineage.series") == []
    assert read_anywhere("corpus/unga/A_RES_80_158.txt", "lineage.series") == []


def test_lineage_takes_note_links_a_resolution_to_the_report_it_welcomes_and_that_report_to_its_mandate():
    # "Welcoming the report of the Secretary-General submitted pursuant to resolution 79/240 of 24 December 2024,
    # containing possible options ...,⁹" with footnote 9 "A/80/93."
    rows = [flat(a) for a in read_by("corpus/unga/A_RES_80_53.txt", "PP6", "lineage.takes-note")]
    assert rows == [{"linkFrom": ["80/53"], "linkTo": ["A/80/93"], "relation": "takesNoteOf"},
                    {"linkFrom": ["A/80/93"], "linkTo": ["79/240"], "relation": "submittedPursuantTo"}]
    # negative: "Having considered the report of the Secretary-General of 18 March 2002 (S/2002/278),": a report
    # considered is not taken note of
    assert read_by("corpus/unhk/S_RES_1401_2002.txt", "PP8", "lineage.takes-note") == []
