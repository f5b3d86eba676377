"""Surveillance logs and registry lists (issue 13): implicit places and holders made explicit."""
from tests.ingest.conftest import linked

LOG = "SURVEILLANCE 2 - La Herradura - Wed 17/04/24 - PC Arzu 1650\n\n" \
      "20:40 grey Tacoma CZ-P-20417 to the rear again, same bald M, back door.\n21:15 music loud, 14 vehicles in lot.\n"


def test_a_vehicle_in_a_log_entry_is_seen_at_the_watched_venue(nlp):
    assert ("SEEN_AT", "CZ-P-20417", "La Herradura", "workbench.surveillance_log.v1") in linked(nlp, LOG)


def test_an_entry_without_presence_sees_no_one(nlp):
    assert [r for r in linked(nlp, LOG) if r[0] == "SEEN_AT"] == [
        ("SEEN_AT", "CZ-P-20417", "La Herradura", "workbench.surveillance_log.v1")]


def test_a_narrative_is_no_log(nlp):
    assert not [r for r in linked(nlp, "Sgt Sosa arrived at 22:58 with CZ-P-20417.") if r[3].startswith("workbench.surv")]


def test_a_registry_list_ties_the_plate_to_the_person_after_it(nlp):
    text = "SUBJECT: VEHICLE LICENSING CHECKS\n\n3. CZ-P-20417 - grey Toyota Tacoma 2020 - VARGAS, Dionisio, 4th Avenue.\n"
    assert ("OWNS", "VARGAS, Dionisio", "CZ-P-20417", "workbench.table_reader.v1:record-list") in linked(nlp, text)


def test_a_list_in_a_note_about_something_else_ties_nothing(nlp):
    text = "Exhibits seized:\n\n1. CZ-P-20417 - grey Toyota Tacoma - seen near the house of Ana Pop.\n"
    assert not [r for r in linked(nlp, text) if r[0] == "OWNS"]


def test_a_surname_in_capitals_read_as_a_body_is_the_person_watched(nlp):
    text = ("SURV 3 - La Herradura - Wed 24/04/24 - PC 1650 Arzu\n19:50 on post.\n"
            "20:15 Tacoma CZ-P-20417 at the rear, bald M (now known: VARGAS) in by the back door.\n")
    seen = {r[1] for r in linked(nlp, text) if r[0] == "SEEN_AT"}
    assert "VARGAS" in seen


def test_an_acronym_in_an_entry_is_no_person(nlp):
    text = "SURV 3 - La Herradura - Wed 24/04/24 - PC 1650 Arzu\n21:00 QRT patrol passes, no stop.\n"
    assert "QRT" not in {r[1] for r in linked(nlp, text) if r[0] == "SEEN_AT"}


def test_what_an_entry_says_was_absent_is_no_sighting(nlp):
    text = ("SURVEILLANCE 3 - La Herradura - Sat 20/04/24 - PC Arzu 1650\n\n"
            "20:00 on post. Explorer OW-P-08801 present. Tacoma CZ-P-20417 NOT present.\n"
            "21:35 Urvan OW-C-11390 arr from N, driver + 3 F.\n")
    seen = {s for t, s, _, _ in linked(nlp, text) if t == "SEEN_AT"}
    assert seen == {"OW-P-08801", "OW-C-11390"}
