"""Places: the gazetteer (with kind), venues (with venue_type), LOCATED_IN."""
import pytest

from tests.ingest.conftest import found, linked


@pytest.mark.parametrize("place, kind", [
    ("Orange Walk Town", "town"), ("Cayo District", "district"), ("Ambergris Caye", "caye"),
    ("Chetumal", "town"), ("Melchor de Mencos", "town"), ("Sarteneja", "village"),
    ("Santa Elena border", "border_crossing"), ("Guatemala", "country"),
])
def test_gazetteer(nlp, place, kind):
    (loc,) = found(nlp, f"The girls were taken to {place} at night.", "Location")
    assert (loc["start"], loc["end"], loc["props"]["kind"]) == (24, 24 + len(place), kind)
    assert loc["method"].startswith("places.jsonl:")


def test_border_town_after_border_word(nlp):
    (loc,) = found(nlp, "He crossed the border at Benque Viejo.", "Location")
    assert (loc["canonical"], loc["props"]["kind"]) == ("Benque Viejo Border", "border_crossing")


def test_venue_located_in_town(nlp):
    text = "She worked at the Sunset Bar in Orange Walk Town."
    (venue,) = found(nlp, text, "Organization")
    assert (venue["text"], venue["props"], venue["method"]) == (
        "Sunset Bar", {"kind": "venue", "venue_type": "bar"}, "venues.jsonl:name-then-venue-word")
    assert ("LOCATED_IN", "Sunset Bar", "Orange Walk Town", "workbench.place_matcher.v1:located-in") in linked(nlp, text)


def test_venue_word_first(nlp):
    (venue,) = found(nlp, "They met at Cantina El Gallo on Friday.", "Organization")
    assert (venue["text"], venue["props"]["venue_type"]) == ("Cantina El Gallo", "cantina")


def test_a_business_named_by_its_owner_is_one_venue(nlp):
    """"Tun's Hardware & Supermarket": the possessive and both words of trade are its name."""
    (venue,) = found(nlp, "TUN, Alvaro, of Tun's Hardware & Supermarket, Corozal Town.", "Organization")
    assert (venue["text"], venue["props"]["venue_type"]) == ("Tun's Hardware & Supermarket", "supermarket")


def test_an_office_named_by_a_possessive_is_no_business(nlp):
    """"the County State's Attorney's Office" is a body's name, not a shop of the attorney's."""
    assert not [m for m in found(nlp, "Support came from the Kent County State's Attorney's Office and others.", "Organization")
                if m["method"].endswith("possessive-name-then-venue-words")]


def test_address_with_town(nlp):
    (loc,) = [m for m in found(nlp, "She was kept at 36 Santa Ana Street, San Ignacio.", "Location")
              if m["props"]["kind"] == "address"]
    assert (loc["canonical"], loc["props"]["kind"]) == ("36 Santa Ana Street, San Ignacio", "address")


def test_a_record_noun_before_a_venue_is_not_part_of_its_name(nlp):
    """Issue 13: "Surveillance of El Rancho Cantina" names the cantina, not a venue called "Surveillance of ..."."""
    venues = [m["text"] for m in found(nlp, "Surveillance of El Rancho Cantina on Friday night.", "Organization")]
    assert venues == ["El Rancho Cantina"]


def test_a_name_before_a_known_place_is_a_place_in_it(nlp):
    text = "I am H.Z.M., 22 years old, from El Progreso, Yoro, Honduras."
    places = {m["text"] for m in found(nlp, text, "Location")}
    assert {"El Progreso", "Yoro", "Honduras"} <= places
    assert "El Progreso" not in {m["text"] for m in found(nlp, text, "Person")}


def test_an_agency_before_a_place_stays_an_agency(nlp):
    text = "The case was investigated by Homeland Security Investigations, Houston, and the Belize Police."
    assert "Homeland Security Investigations" not in {m["text"] for m in found(nlp, text, "Location")}


def test_a_place_takes_no_honorific(nlp):
    text = "Yo conocí a la señora Yesenia en enero por Facebook."
    assert "Yesenia" in {m["text"] for m in found(nlp, text, "Person")}
    assert not [m for m in found(nlp, text) if m["text"] in ("la", "Yesenia") and m["label"] == "Location"]
