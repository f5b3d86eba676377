"""Names and places in the forms real texts write them (issue 12): one sentence each, with near misses."""
import pytest

from tests.ingest.conftest import found


def people(nlp, text):
    return [(p["text"], p["canonical"], p["props"].get("role")) for p in found(nlp, text, "Person")]


def test_surname_first_in_capitals_is_read_in_order(nlp):
    assert ("GUERRA, Marcos Antonio", "Marcos Antonio Guerra", None) in people(
        nlp, "Present on the premises: GUERRA, Marcos Antonio behind the counter.")


def test_rank_and_badge_before_a_surname_first_name(nlp):
    (person,) = found(nlp, "OFFICER: CPL 1187 CHUC, Ernesto", "Person")
    assert (person["canonical"], person["props"]["rank"], person["props"]["role"]) == ("Ernesto Chuc", "Cpl.", "official")


def test_a_place_after_a_capitalized_word_and_comma_is_no_given_name(nlp):
    assert not [p for p in people(nlp, "Report sent from ATIPU, Belmopan on Monday.") if "Belmopan" in p[1]]


def test_badge_number_between_rank_and_name(nlp):
    (person,) = found(nlp, "At 22:31 hrs PC 2290 GENTLE arrested the doorman.", "Person")
    assert (person["canonical"], person["props"]["rank"]) == ("Gentle", "PC")


def test_initials_are_a_protected_person(nlp):
    assert ("K.M.A.", "K.M.A.", "victim") in people(nlp, "Two females were found: K.M.A. (16 yrs, Honduran).")


def test_common_abbreviations_are_no_initials(nlp):
    assert not [p for p in people(nlp, "He was taken to the U.S. at 5 P.M. on Monday.") if p[0] in {"U.S.", "P.M."}]


def test_witness_code_with_a_witness_word(nlp):
    assert ("TP-3", "TP-3", "witness") in people(nlp, "The declarant is the protected witness TP-3.")


def test_exhibit_code_is_no_witness(nlp):
    assert not [p for p in people(nlp, "The phone was bagged as exhibit HB-03 at the station.") if p[0] == "HB-03"]


def test_a_spanish_function_word_is_no_person(nlp):
    assert not [p for p in people(nlp, "Tengo miedo por mi mamá en Poptún.") if p[0] == "Tengo"]


@pytest.mark.parametrize("sentence, name, rank", [
    ("Acting Assistant Attorney General Loretta King announced the plea.", "Loretta King", "Attorney General"),
    ("U.S. Magistrate Judge Edwin Torres ordered him detained.", "Edwin Torres", "Judge"),
    ("Special Agent in Charge Anthony Mangione said the arrests matter.", "Anthony Mangione", "Special Agent"),
])
def test_titles_of_other_jurisdictions_stay_out_of_the_name(nlp, sentence, name, rank):
    person = next(p for p in found(nlp, sentence, "Person") if p["canonical"] == name)
    assert (person["props"]["role"], person["props"]["rank"]) == ("official", rank)


def test_justice_in_a_body_name_is_no_judge(nlp):
    orgs = [o["text"] for o in found(nlp, "The case was prosecuted by the Department of Justice in Atlanta.", "Organization")]
    assert "Department of Justice" in orgs


def test_a_heading_is_no_person(nlp):
    assert not people(nlp, "Member of Human Trafficking Ring Pleads Guilty\n\nThe defendant admitted the human trafficking.")


def test_acronym_defined_in_parentheses_is_its_long_form(nlp):
    orgs = {o["text"]: o["canonical"] for o in found(
        nlp, "Agents of U.S. Immigration and Customs Enforcement (ICE) arrested him. ICE said so.", "Organization")}
    assert orgs["U.S. Immigration and Customs Enforcement"] == "U.S. Immigration and Customs Enforcement"
    assert orgs["ICE"] == "U.S. Immigration and Customs Enforcement"


def test_dateline_is_a_place_and_not_a_first_name(nlp):
    text = "WASHINGTON - Raul Cortes-Meza, 21, pleaded guilty today."
    assert "WASHINGTON" in [p["text"] for p in found(nlp, text, "Location")]
    assert ("Raul Cortes-Meza", "Raul Cortes-Meza") in [p[:2] for p in people(nlp, text)]


def test_form_heading_in_capitals_is_no_dateline(nlp):
    assert "OBSERVATION LOG" not in [p["text"] for p in found(nlp, "OBSERVATION LOG - Bar Luna Maya, 08/03/24", "Location")]


def test_judicial_district_is_one_place(nlp):
    places = [p["text"] for p in found(nlp, "He was sentenced in the Northern District of Georgia on Monday.", "Location")]
    assert "Northern District of Georgia" in places


def test_every_alias_after_aka(nlp):
    texts = [p["text"] for p in found(nlp, "Efrain Granados, aka Chavito and Cepillo, was arrested.", "Person")]
    assert {"Chavito", "Cepillo"} <= set(texts)


def test_nationality_before_a_noun_is_no_place_or_body(nlp):
    text = "Three Guatemalan migrants worked on the farm."
    assert not [m for m in found(nlp, text) if m["text"].startswith("Guatemalan")]


def test_a_vehicle_model_after_a_colour_is_no_person(nlp):
    assert not [p for p in people(nlp, "A silver Frontier CY-P-07741 was parked in front.") if "Frontier" in p[0]]


def test_a_sentence_opening_spanish_word_is_no_person(nlp):
    assert not [p for p in people(nlp, "Redacta la presente la agente de la unidad en Belmopan.") if p[0] == "Redacta"]


@pytest.mark.parametrize("text", ["The Caller gave no name.", "Prisoner Handset Samsung was seized."])
def test_record_words_are_no_person(nlp, text):
    assert not people(nlp, text)


@pytest.mark.parametrize("text, word", [
    ("Assistant Attorney General Ralph F. Boyd, Jr. announced the plea.", "Jr"),
    ("Several Minors were found at the farm on Monday night.", "Several Minors"),
    ("The leader, a Mexican National, was arrested in Atlanta.", "Mexican National"),
])
def test_suffixes_quantities_and_nationalities_are_no_person(nlp, text, word):
    assert not [m for m in found(nlp, text) if m["text"] == word and m["label"] in {"Person", "Organization"}]


def test_a_name_someone_is_called_by_is_a_person(nlp):
    doc = nlp("On Sundays a man came whom La Jefa called Sarge. In Chetumal a man they call El Güero kept us.")
    called = {m["text"] for m in doc._.wb_mentions if m["method"].endswith(":called")}
    assert {"Sarge", "El Güero"} <= called


def test_calling_a_person_by_phone_is_no_nickname_and_stays_a_call(nlp):
    doc = nlp("Pedro called Maria on Monday. On Sundays a man came whom La Jefa called Sarge.")
    assert not [m for m in doc._.wb_mentions if m["method"].endswith(":called") and m["text"] == "Maria"]
    calls = [r for r in doc._.wb_relations if r["type"] == "CALLED"]
    assert len(calls) == 1
