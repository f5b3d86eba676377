"""Issue 13: a plate's written description, and vehicles described with no plate."""
from __future__ import annotations

import pytest

from tests.ingest.conftest import found

DESCRIBED = "workbench.vehicle_description.v1"


@pytest.mark.parametrize("text, plate, description", [
    ("CZ-P-20417 - grey Toyota Tacoma 2020 - VARGAS, Dionisio", "CZ-P-20417", "grey Toyota Tacoma 2020"),
    ("Obs: grey Toyota Tacoma CZ-P-20417 parked at rear.", "CZ-P-20417", "grey Toyota Tacoma"),
    ("White Toyota Hiace CY C 18823 dep N.", "CY-C-18823", "White Toyota Hiace"),
])
def test_a_plate_records_the_description_written_next_to_it(nlp, text, plate, description):
    [m] = found(nlp, text, "Vehicle")
    assert (m["key"], m["props"]["description"]) == (plate, description)


def test_a_plate_alone_has_no_description(nlp):
    [m] = found(nlp, "Plate CZ-P-20417 was run at 14:10.", "Vehicle")
    assert "description" not in m["props"]


def test_a_phrase_between_two_plates_describes_neither(nlp):
    ms = found(nlp, "CZ-P-20417 - grey Tacoma - CY-C-18823", "Vehicle")
    assert [m["props"].get("description") for m in ms] == [None, None]


@pytest.mark.parametrize("text, surface", [
    ("On Wednesdays a bald man came in a grey pickup by the kitchen door.", "grey pickup"),
    ("On Wednesdays 'di bald man wid di grey truck' comes in by the back.", "grey truck"),
    ("Los miércoles llega la Tacoma gris.", "Tacoma gris"),
    ("Luego vino una van blanca.", "van blanca"),
    ("The white van left at nine.", "white van"),
])
def test_a_described_vehicle_is_a_keyless_mention(nlp, text, surface):
    [m] = found(nlp, text, "Vehicle")
    assert (m["text"], m["key"], m["method"]) == (surface, None, DESCRIBED)
    assert text[m["start"]:m["end"]] == surface


@pytest.mark.parametrize("text", ["A white man came in.", "He drove a truck.", "The grey one left."])
def test_a_colour_or_a_body_alone_is_no_vehicle(nlp, text):
    assert found(nlp, text, "Vehicle") == []
