"""People: titles stripped into props, nicknames, roles, investigators."""
from tests.ingest.conftest import found


def test_rank_is_a_prop_not_part_of_the_name(nlp):
    (person,) = found(nlp, "Sgt. Mario Castillo met the suspect at noon.", "Person")
    assert (person["text"], person["start"], person["end"]) == ("Mario Castillo", 5, 19)
    assert person["props"] == {"role": "official", "rank": "Sgt.", "agency": "Police"}
    assert person["method"].endswith("+officials.jsonl:sgt")


def test_official_title_with_agency(nlp):
    (person,) = found(nlp, "Immigration Officer Luis Chen stamped the passports.", "Person")
    assert (person["text"], person["props"]["rank"], person["props"]["agency"]) == (
        "Luis Chen", "Immigration Officer", "Immigration")


def test_apposition_title(nlp):
    (person,) = found(nlp, "Ana Chen, a customs officer, waved the truck through.", "Person")
    assert (person["text"], person["props"]["role"], person["props"]["agency"]) == ("Ana Chen", "official", "Customs")


def test_nickname_becomes_alias(nlp):
    (person,) = found(nlp, 'Carlos "Flaco" Reyes runs the bar.', "Person")
    assert (person["canonical"], person["props"]["aliases"], person["method"]) == (
        "Carlos Reyes", ["Flaco"], "workbench.person_finder.v1:nickname")


def test_alias_after_name(nlp):
    people = found(nlp, 'Wellington Palacio, alias "Cabo", drove the van.', "Person")
    assert [(p["text"], p["canonical"]) for p in people] == [("Wellington Palacio", "Wellington Palacio"),
                                                             ("Cabo", "Wellington Palacio")]


def test_role_word_before_name(nlp):
    (person,) = found(nlp, "The victim Maria Lopez was 16 years old.", "Person")
    assert (person["text"], person["props"]["role"]) == ("Maria Lopez", "victim")


def test_capitalized_surname_joins_the_name(nlp):
    (person,) = found(nlp, "The van is registered to Hector SALAZAR.", "Person")
    assert (person["text"], person["canonical"]) == ("Hector SALAZAR", "Hector Salazar")


def test_trailing_initial_is_not_part_of_the_name_but_a_middle_initial_is(nlp):
    assert [m["canonical"] for m in found(nlp, "Sofía Jiménez L said she was afraid.", "Person")] == ["Sofía Jiménez"]
    assert [m["canonical"] for m in found(nlp, "We met Maria J. Lopez at the bar.", "Person")
            if not m["props"].get("first_person")] == ["Maria J. Lopez"]


def test_title_after_the_name_without_an_article(nlp):
    """Issue 12: "BAUTISTA, Yolanda, Social Worker" is an official (a social worker of the DHS)."""
    person = next(p for p in found(nlp, "Referral from DHS (BAUTISTA, Yolanda, Social Worker) about the child.", "Person"))
    assert (person["canonical"], person["props"]["role"]) == ("Yolanda Bautista", "official")


def test_title_after_is_a(nlp):
    person = next(p for p in found(nlp, "HR confirms that Dionisio Vargas is a Customs Officer at the border.", "Person")
                  if p["canonical"] == "Dionisio Vargas")
    assert (person["props"]["role"], person["props"]["agency"]) == ("official", "Customs")


def test_the_officer_who_took_a_statement_lends_no_title_to_the_witness(nlp):
    person = next(p for p in found(nlp, "Statement of Belén Ramírez, taken by Sgt. Noe Ortega at the station.", "Person")
                  if p["canonical"] == "Belén Ramírez")
    assert person["props"].get("role") != "official"
