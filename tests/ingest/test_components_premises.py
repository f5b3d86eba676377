"""Notes about premises (issue 13): who runs a venue or company, and who a search finds inside."""
from tests.ingest.conftest import linked

RAID = ("CASE NO.: X/1\nOFFICER: SGT PECH, Ismael\nSUBJECT: SEARCH AND ARRESTS - LA HERRADURA BAR & ROOMS\n\n"
        "Team: Sgt PECH (i/c), Cpl RAMCLAM.\n\nEntry at 23:30 hrs. Found CHEN WU, Kenneth in the office. "
        "Seven women in the bar and rooms, among them H.Z.M. (22, Honduran).\n"
        "HB-07 liquor licence on the wall: OW-LL-114/2024, licensee \"Glenda Cruz\"\n")


def test_people_a_search_finds_are_seen_at_the_searched_venue(nlp):
    seen = {(r[1], r[2]) for r in linked(nlp, RAID) if r[0] == "SEEN_AT"}
    assert ("CHEN WU, Kenneth", "LA HERRADURA BAR & ROOMS") in seen
    assert ("H.Z.M.", "LA HERRADURA BAR & ROOMS") in seen


def test_the_search_team_is_never_seen_at_the_venue(nlp):
    seen = {r[1] for r in linked(nlp, RAID) if r[0] == "SEEN_AT"}
    assert not {"PECH", "RAMCLAM", "PECH, Ismael"} & seen


def test_the_licensee_owns_the_venue_the_note_is_about(nlp):
    assert ("OWNS", "Glenda Cruz", "LA HERRADURA BAR & ROOMS", "workbench.premises.v1:operator") in linked(nlp, RAID)


def test_a_note_that_is_no_search_puts_no_one_at_the_venue(nlp):
    text = "SUBJECT: CASE OPENING - LA HERRADURA BAR & ROOMS\n\nKenneth Chen Wu was found to own a farm.\n"
    assert not [r for r in linked(nlp, text) if r[3] == "workbench.premises.v1:found"]


def test_an_operating_company_owns_the_subject_venue(nlp):
    text = "SUBJECT: CASE OPENING - SUNSET BAR\n\nRecords:\n- Premises operated by HERRADURA ENTERPRISES LTD.\n"
    assert ("OWNS", "HERRADURA ENTERPRISES LTD", "SUNSET BAR", "workbench.premises.v1:operator") in linked(nlp, text)


def test_registry_holders_own_the_company_named_above(nlp):
    text = ("## Companies Registry\nHERRADURA ENTERPRISES LTD, reg. no. 28114 of 2021.\n"
            "- Directors / shareholders: Kenneth Chen Wu (50 shares); Glenda Cruz (50 shares).\n")
    owns = {(r[1], r[2]) for r in linked(nlp, text) if r[0] == "OWNS"}
    assert {("Kenneth Chen Wu", "HERRADURA ENTERPRISES LTD"), ("Glenda Cruz", "HERRADURA ENTERPRISES LTD")} <= owns


def test_a_holder_list_with_no_company_above_owns_nothing(nlp):
    text = "Interview notes.\n\n- Partners: Kenneth Chen Wu and Glenda Cruz went to the fair.\n"
    assert not [r for r in linked(nlp, text) if r[3] == "workbench.premises.v1:holder"]


def test_a_spouse_named_in_a_declaration_is_a_relative(nlp):
    text = ("Register of councillors: Cllr. Rafael Antonio Cruz, elected 2021. "
            "His Integrity Commission declaration (2023) names his spouse as Glenda Cruz (née Novelo).")
    assert ("RELATED_TO", "Rafael Antonio Cruz", "Glenda Cruz", "relational_nouns.jsonl:family") in linked(nlp, text)


def test_a_person_searched_with_nothing_found_is_not_put_at_the_venue(nlp):
    text = "SUBJECT: SEARCH - SUNSET BAR\n\nCarlos Alvarado was searched by Tzib; nothing was found.\n"
    assert not [r for r in linked(nlp, text) if r[3] == "workbench.premises.v1:found"]


ENTRY = ("ARREST REPORT\nOFFICER: CPL 1187 CHUC, Ernesto\n\nOn Friday the Op LUNA team under command of Insp. WESTBY, "
         "Carla entered Bar Luna Maya, Western Highway, Santa Elena Town, under search warrant no. SI/SW/031/24.\n\n")


def test_people_found_after_the_body_says_the_venue_was_entered_under_warrant_were_there(nlp):
    text = ENTRY + "Only two females were found, both in rear room no. 3: K.M.A. (16 yrs, Honduran) and D.S.R. (17 yrs).\n"
    seen = {r[1] for r in linked(nlp, text) if r[0] == "SEEN_AT" and r[3] == "workbench.premises.v1:found"}
    assert seen == {"K.M.A.", "D.S.R."}


def test_a_venue_named_without_an_entry_under_warrant_is_no_searched_venue(nlp):
    text = ("ARREST REPORT\n\nThe team drove past Bar Luna Maya on the Western Highway.\n\n"
            "Two females were found at the bus stop: K.M.A. and D.S.R.\n")
    assert not [r for r in linked(nlp, text) if r[3] == "workbench.premises.v1:found"]


def test_someone_working_at_a_venue_is_there(nlp):
    text = ("Referral about the child L.A.C., 15, of Trial Farm, believed to be working at LA HERRADURA BAR & ROOMS, "
            "Belize-Corozal Road.")
    assert ("SEEN_AT", "L.A.C.", "LA HERRADURA BAR & ROOMS", "workbench.premises.v1:works-at") in linked(nlp, text)


def test_an_officer_working_at_a_venue_is_not_placed_there(nlp):
    text = "Labour Officer Maximiliano Ek, working at LA HERRADURA BAR & ROOMS that night, recorded the conditions."
    assert not [r for r in linked(nlp, text) if r[3] == "workbench.premises.v1:works-at"]
