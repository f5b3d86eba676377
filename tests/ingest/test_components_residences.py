"""Residences in the forms records give them (issue 12): a home set off after the name."""
from tests.ingest.conftest import linked

METHOD = "workbench.residences.v1:comma-of-place"


def _homes(nlp, text):
    return {(r[1], r[2]) for r in linked(nlp, text) if r[0] == "LIVES_AT" and r[3] == METHOD}


def test_a_remand_list_gives_the_home_after_the_age(nlp):
    text = "3. GUERRA, Elmer Rolando, 31, Benque Viejo del Carmen - 2 counts trafficking in persons.\n"
    assert ("GUERRA, Elmer Rolando", "Benque Viejo del Carmen") in _homes(nlp, text)


def test_descriptors_between_the_name_and_of_place(nlp):
    text = "Statement of L/Cpl. Omar Salazar, Belize Defence Force, 29 years, of Bullet Tree Falls, Cayo District."
    assert ("Omar Salazar", "Bullet Tree Falls") in _homes(nlp, text)


def test_a_registry_line_gives_the_street_and_town(nlp):
    text = "3. CZ-P-20417 - grey Toyota Tacoma 2020 - VARGAS, Dionisio, 4th Avenue, Corozal Town. Insurance seen."
    assert ("VARGAS, Dionisio", "Corozal Town") in _homes(nlp, text)


def test_a_bare_name_and_place_in_prose_is_no_home(nlp):
    assert not _homes(nlp, "According to Pedro Pop, Orange Walk was quiet that night.")


RETURNS = ("| Number | Carrier | Registered subscriber | Address on file |\n|---|---|---|---|\n"
           "| +501 667 2054 | Smart | COCOM LESTER | Benque Viejo del Carmen |\n")


def test_a_table_s_address_column_is_where_the_row_s_person_lives(nlp):
    rels = linked(nlp, RETURNS)
    assert ("LIVES_AT", "COCOM LESTER", "Benque Viejo del Carmen", "workbench.residences.v1:address-column") in rels


def test_a_table_without_an_address_column_gives_no_home(nlp):
    text = RETURNS.replace("Address on file", "Branch office")
    assert not [r for r in linked(nlp, text) if r[0] == "LIVES_AT"]
