"""Who works on which SDG target (tipkg.extract.relations.sdg): the actor the sentence says works on the target,
or nobody: a target only mentioned is recorded without a contributor, never defaulted to the document's organ.
Paragraphs are copied verbatim from real documents."""
from __future__ import annotations

from italic_paragraphs import of_kind, read
from rule_cases import extraction


def contributions(document: str, number: str, text: str) -> list[tuple[str, str | None]]:
    out = []
    for a in of_kind(read(document, number, None, text), "sdg"):
        contributor = a.roles.get("contributor")
        out.append((a.entity("sdgTarget").key, contributor[0].label if contributor else None))
    return out


# corpus/unga/A_RES_78_4.txt, annex-I.18
PROGRESS_INSUFFICIENT = (
    "Express deep concern that the level of progress and investment to date remain insufficient to meet target 3.8 "
    "of the Sustainable Development Goals, and that at the current pace of progress towards universal health "
    "coverage up to one third of the world’s population will remain underserved by 2030, and in this regard note "
    "with regret that:")
# dev/E_RES_2017_18.txt, PP16
RECALLING_TARGETS = ("Welcoming the adoption by the General Assembly of the 2030 Agenda for Sustainable Development, and "
                     "recalling targets 5.2, 8.7 and 16.2 of the Sustainable Development Goals, which are relevant to the "
                     "implementation of the Global Plan of Action,")


def test_the_subject_that_contributes_to_a_target_works_on_it():
    # seeds/001 (A/74/189), paragraph 45, read from its file as it is: "UNODC continues to contribute to the achievement
    # of target 4.7 of the Sustainable Development Goals through the Education for Justice initiative, ..."
    found = [(a.entity("sdgTarget").key, [e.label for e in a.roles.get("contributor", [])])
             for a in extraction("seeds/001_aaa57c1388cc9d44.txt").assertions if a.kind == "sdg" and a.paragraph == "45"]
    assert found == [("4.7", ["United Nations Office on Drugs and Crime"])]


def test_a_target_nobody_is_said_to_work_on_has_no_contributor_not_the_adopting_organ():
    assert contributions("A/RES/78/4", "annex-I.18", PROGRESS_INSUFFICIENT) == [("3.8", None)]
    assert contributions("E/RES/2017/18", "PP16", RECALLING_TARGETS) == [("5.2", None), ("8.7", None), ("16.2", None)]


# corpus/unga/A_RES_79_233.txt, annex-I.u39: an indicator (9.1.2) in a list of targets
INDICATOR_IN_LIST = ("• Develop resilient, sustainable, safe and smart transit infrastructure to fulfil Sustainable "
                     "Development Goal targets 9.1.2, 9.a and 3.9.")


def test_an_indicator_in_a_list_of_targets_is_no_target():
    assert [t for t, _ in contributions("A/RES/79/233", "annex-I.u39", INDICATOR_IN_LIST)] == ["9.a", "3.9"]


def test_the_actor_an_operative_paragraph_asks_to_work_on_a_target():
    """corpus/unga/A_RES_78_154.txt: OP12 "Encourages Member States to pursue considering target 15.3 ..." (the
    audit found its entity empty); PP5 "Recognizing that ... targets 15.3, 6.1 and 6.6 ..." names no actor."""
    from conftest import CORPUS_TEXTS
    from tipkg.extract import Extractor
    from tipkg.ingest import ingest
    from tipkg.reference import gazetteer

    document = ingest(CORPUS_TEXTS / "A_RES_78_154.txt")
    rows = {(a.paragraph, a.roles["sdgTarget"][0].label, tuple(e.label for e in a.roles.get("contributor", [])))
            for a in Extractor(gazetteer())(document).assertions if a.kind == "sdg"}
    assert ("OP12", "Target 15.3", ("Member States",)) in rows
    assert ("PP5", "Target 15.3", ()) in rows


# corpus/unga/A_RES_79_67.txt, PP6 (audit round 2: "the Regional Centre" was in no gazetteer, the entity left empty)
REGIONAL_CENTRE_WORK = (
    "Welcoming the work by the Regional Centre in support of the achievement of Sustainable Development Goals 5 and 16, "
    "in particular target 5.2 to eliminate all forms of violence against all women and girls, target 5.5 to ensure "
    "women’s full and effective participation and equal opportunities for leadership and target 16.4 to significantly "
    "reduce illicit financial and arms flows,")
# corpus/unga/A_RES_78_215.txt, OP25: a "contribution of" that is no actor's (the promotion of journalists' safety);
# the States a later clause calls upon to collect the data of the target's indicator (16.10.1) work on it
ASKED_ON_INDICATOR = (
    "Recognizes the important contribution of the promotion and protection of the safety of journalists in the "
    "realization of the 2030 Agenda for Sustainable Development and its Sustainable Development Goals, in particular "
    "target 16.10, and calls upon States to strengthen national collection of disaggregated data, analysis and "
    "reporting on the number of verified cases of killing, kidnapping, enforced disappearance, arbitrary detention, "
    "torture and other harmful acts against journalists and associated media personnel, in accordance with "
    "Sustainable Development Goal indicator 16.10.1, and to do their utmost to make these data available to the "
    "relevant entities, in particular the Office of the United Nations High Commissioner for Human Rights and the "
    "United Nations Educational, Scientific and Cultural Organization;")


def _corpus_rows(file: str) -> set[tuple[str, str, tuple[str, ...]]]:
    from conftest import CORPUS_TEXTS
    from tipkg.extract import Extractor
    from tipkg.ingest import ingest
    from tipkg.reference import gazetteer

    document = ingest(CORPUS_TEXTS / file)
    return {(a.paragraph, a.roles["sdgTarget"][0].label, tuple(e.label for e in a.roles.get("contributor", [])))
            for a in Extractor(gazetteer())(document).assertions if a.kind == "sdg"}


def test_the_actor_whose_work_supports_a_target_works_on_it():
    """"the Regional Centre" resolves to the Centre the resolution is about (its title names it in full)."""
    centre = ("United Nations Regional Centre for Peace and Disarmament in Asia and the Pacific",)
    rows = _corpus_rows("A_RES_79_67.txt")
    assert {("PP6", "Target 5.2", centre), ("PP6", "Target 5.5", centre), ("PP6", "Target 16.4", centre)} <= rows
    assert " ".join(REGIONAL_CENTRE_WORK.split()) in " ".join(
        _paragraph_text("A_RES_79_67.txt", "PP6").split())


# corpus/unga/A_RES_79_153.txt, PP22: "as a contribution to" a target, no actor named
CONTRIBUTION_OF_NO_ACTOR = ("Underscoring the importance of eliminating female genital mutilation as a contribution to "
                            "the implementation of the range of Sustainable Development Goals and targets of the 2030 "
                            "Agenda for Sustainable Development, in particular target 5.3,")
# corpus/unga/A_C.2_80_L.27.txt, OP13: an ask verb after the target, but no actor asked ("encourages the implementation")
ASK_WITHOUT_ACTOR = (
    "Welcomes the extension by the General Assembly, in its resolution 76/202 of 17 December 2021, of the mandate of "
    "the 10-Year Framework of Programmes on Sustainable Consumption and Production Patterns until 31 December 2030, "
    "encourages the implementation of the Framework of Programmes on Sustainable Consumption and Production, in "
    "accordance with target 12.1 of Goal 12, and takes note of the fifth Global Conference of the Sustainable Food "
    "Systems Programme under the 10-Year Framework of Programmes on Sustainable Consumption and Production Patterns, "
    "held in Brasilia, from 27 to 29 May 2025;")


def test_a_contribution_of_no_actor_credits_nobody():
    assert contributions("A/RES/79/153", "PP22", CONTRIBUTION_OF_NO_ACTOR) == [("5.3", None)]
    assert contributions("A/C.2/80/L.27", "OP13", ASK_WITHOUT_ACTOR) == [("12.1", None)]


def test_the_actor_asked_to_act_on_a_targets_indicator_works_on_the_target():
    assert contributions("A/RES/78/215", "OP25", ASKED_ON_INDICATOR) == [("16.10", "States")]


def _paragraph_text(file: str, key: str) -> str:
    from conftest import CORPUS_TEXTS
    from tipkg.ingest import ingest

    return next(p.text for p in ingest(CORPUS_TEXTS / file).paragraphs if p.key == key)


# corpus/unga/A_RES_79_283.txt, PP11 (audit round 3b: listed as SDG target 1.3, social protection)
FOREST_GOAL = ("Recalling the six global forest goals and their associated targets of the United Nations strategic plan "
               "for forests 2017–2030, including target 1.3 of goal 1, which calls for promoting the implementation of "
               "sustainable management of all types of forests, halting deforestation, restoring degraded forests and "
               "substantially increasing afforestation and reforestation globally, and emphasizing the need for "
               "enhanced cooperation at all levels, including within the United Nations system to this end,")
# corpus/unga/A_C.2_80_L.27.txt, OP13 (PDF text joined): "target 12.1 of Goal 12", an SDG target, its Goal in capitals
SDG_GOAL = ("Welcomes the extension by the General Assembly, in its resolution 76/202 of 17 December 2021, of the "
            "mandate of the 10-Year Framework of Programmes on Sustainable Consumption and Production Patterns until "
            "31 December 2030, encourages the implementation of the Framework of Programmes on Sustainable Consumption "
            "and Production, in accordance with target 12.1 of Goal 12, and takes note of the fifth Global Conference "
            "of the Sustainable Food Systems Programme under the 10-Year Framework of Programmes on Sustainable "
            "Consumption and Production Patterns, held in Brasilia, from 27 to 29 May 2025;")


def test_a_target_of_another_frameworks_goal_is_no_sdg_target():
    assert contributions("A/RES/79/283", "PP11", FOREST_GOAL) == []
    assert [t for t, _ in contributions("A/C.2/80/L.27", "OP13", SDG_GOAL)] == ["12.1"]
