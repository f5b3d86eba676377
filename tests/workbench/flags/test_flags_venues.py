"""Venues, vehicles and relatives: one record each, and the presence that is only casework."""
from __future__ import annotations

import pytest

from workbench.flags import complicity_flags


@pytest.fixture
def bar(builder):
    """La Herradura, where a victim is seen; its owner has no role in the notes."""
    b = builder
    venue = b.node("Organization", "herradura", name="La Herradura", kind="venue", venue_type="bar")
    b.edge(b.person("v", "victim"), "SEEN_AT", venue)
    owner = b.person("kenny", "unknown", name="Kenny")
    b.edge(owner, "OWNS", venue)
    return b, venue, owner


def _tacoma(b, venue, dates, owner_type="OWNS"):
    official = b.person("vargas", "official", name="Dionisio Vargas", agency="Customs")
    truck = b.node("Vehicle", "CZ-P-20417")
    b.edge(official, owner_type, truck, sentence="CZ-P-20417 is licensed to VARGAS, Dionisio.")
    b.edge(truck, "SEEN_AT", venue, date=dates, sentence="grey Toyota Tacoma CZ-P-20417 parked at the rear")
    return official


def test_a_registered_vehicle_seen_on_three_wednesdays(bar):
    b, venue, _ = bar
    official = _tacoma(b, venue, ["2024-04-10", "2024-04-17", "2024-04-24"])
    result = complicity_flags(b.G).flag(official).result("vehicle_at_venue")
    assert result.count == 1
    assert result.reasons[0].text.startswith("vehicle CZ-P-20417 registered to the official seen at La Herradura "
                                             "on 3 distinct day(s) (2024-04-10, 2024-04-17, 2024-04-24)")
    assert len([e for e in result.evidence if "Tacoma" in e.sentence]) == 3


def test_an_undated_sighting_is_counted_by_its_note_and_shown_without_an_id(bar):
    b, venue, _ = bar
    official = _tacoma(b, venue, [None, "2024-04-17", "2024-04-24"])
    text = complicity_flags(b.G).flag(official).result("vehicle_at_venue").reasons[0].text
    assert "on 3 distinct day(s) (2024-04-17, 2024-04-24, 1 undated note(s))" in text, text


def test_a_sighting_told_in_a_statement_has_no_day_of_its_own(bar):
    """"On Wednesdays a bald man came in a grey pickup": the statement's date is when it was told;
    counted by its note, it never adds a day the vehicle was there."""
    b, venue, _ = bar
    official = _tacoma(b, venue, ["2024-04-10", "2024-04-17"])
    truck = "Vehicle:CZ-P-20417"
    b.edge(truck, "SEEN_AT", venue, date="2024-04-29", method="workbench.arrivals.v1",
           sentence="Every Friday a tall man came in a grey pickup by the side gate.")
    text = complicity_flags(b.G).flag(official).result("vehicle_at_venue").reasons[0].text
    assert "on 3 distinct day(s) (2024-04-10, 2024-04-17, 1 undated note(s))" in text, text


@pytest.mark.parametrize("dates, owner_type", [
    (["2024-04-10"], "OWNS"),                # seen once
    (["2024-04-10", "2024-04-10"], "OWNS"),  # twice the same night
    (["2024-04-10", "2024-04-17"], "DRIVES"),  # a car they drove is not a car registered to them
])
def test_a_vehicle_seen_once_or_only_driven_is_a_near_miss(bar, dates, owner_type):
    b, venue, _ = bar
    official = _tacoma(b, venue, dates, owner_type)
    assert complicity_flags(b.G).flag(official) is None


def test_a_vehicle_at_a_venue_nobody_reports_exploitation_at_does_not_count(builder):
    b = builder
    shop = b.node("Organization", "shop", name="Corner Shop", kind="business")
    official = _tacoma(b, shop, ["2024-04-10", "2024-04-17"])
    assert complicity_flags(b.G).flag(official) is None


def test_a_councillor_whose_wife_holds_shares_in_the_operating_company(bar):
    b, venue, _ = bar
    company = b.node("Organization", "ltd", name="Herradura Enterprises Ltd", kind="business")
    b.edge(company, "OWNS", venue, relation="operator")
    wife = b.person("glenda", "unknown", name="Glenda Cruz")
    b.edge(wife, "OWNS", company, relation="50 of 100 shares")
    official = b.person("cruz", "official", name="Cllr. Rafael Cruz", agency="Orange Walk Town Council")
    b.edge(wife, "RELATED_TO", official, relation="spouse")
    flag = complicity_flags(b.G).flag(official)
    text = flag.result("venue_by_relative").reasons[0].text
    assert text.startswith("the official's spouse Glenda Cruz owns or runs (50 of 100 shares) La Herradura "
                           "(through Herradura Enterprises Ltd), where exploitation is reported")
    assert flag.result("family_tie").reasons[0].text == \
        "family tie (spouse) with Glenda Cruz (exploitation core: owns or runs La Herradura (through " \
        "Herradura Enterprises Ltd), where exploitation is reported)"


def test_an_official_owning_the_venue_through_a_company(bar):
    b, venue, _ = bar
    company = b.node("Organization", "ltd", name="Herradura Enterprises Ltd", kind="business")
    b.edge(company, "OWNS", venue)
    official = b.person("cruz", "official", name="Cllr. Cruz", agency="Town Council")
    b.edge(official, "OWNS", company)
    text = complicity_flags(b.G).flag(official).result("venue").reasons[0].text
    assert text.startswith("owns or runs (through Herradura Enterprises Ltd) venue La Herradura")


def test_a_relative_who_owns_a_plain_business_is_a_near_miss(builder):
    b = builder
    shop = b.node("Organization", "shop", name="Cruz Hardware", kind="business")
    wife = b.person("w", "unknown", name="Glenda")
    b.edge(wife, "OWNS", shop)
    official = b.person("cruz", "official", name="Cllr. Cruz", agency="Town Council")
    b.edge(wife, "RELATED_TO", official, relation="wife")
    assert complicity_flags(b.G).flag(official) is None


def test_an_official_living_in_the_same_village_as_a_suspect_is_not_flagged(bar):
    b, _, owner = bar
    village = b.node("Location", "san-joaquin", name="San Joaquin", kind="village")
    unknown_kind = b.node("Location", "bullet-tree", name="Bullet Tree Falls")  # kind not extracted
    pc = b.person("chi", "official", name="PC Armando Chi", agency="Police")
    for place in (village, unknown_kind):
        b.edge(pc, "LIVES_AT", place)
        b.edge(owner, "LIVES_AT", place)
    assert complicity_flags(b.G).flag(pc) is None
    house = b.node("Location", "12-naranjal", name="12 Naranjal Street", kind="address")
    b.edge(pc, "LIVES_AT", house)
    b.edge(owner, "LIVES_AT", house)
    assert complicity_flags(b.G).flag(pc).rules[0] == "shared_identifier"


def test_raiding_searching_and_logging_a_venue_is_no_presence(bar):
    """Near miss: the sergeant who led the raid, and the constable whose own surveillance logs
    put her opposite the bar on three nights, are not regulars of the bar."""
    b, venue, owner = bar
    sgt = b.person("pech", "investigator", name="Sgt. Pech", agency="Police")
    raid = "Sgt PECH entered La Herradura with the search team."
    b.edge(sgt, "SEEN_AT", venue, note="raid", sentence=raid)
    b.edge(sgt, "INVESTIGATED", venue, note="raid", sentence=raid, relation="search")
    b.edge(sgt, "SEEN_AT", venue, note="scene", date="2024-05-02", sentence="Sgt Pech photographed the rooms.")
    b.edge(sgt, "INVESTIGATED", owner, relation="arrested", first_seen="2024-04-27")
    pc = b.person("arzu", "official", name="PC Arzu", agency="Police")
    b.edge(pc, "SEEN_AT", venue, times=3, note="obs-log")
    report = complicity_flags(b.G, authors={"obs-log": pc})
    assert report.flag(sgt) is None and report.flag(pc) is None
    assert complicity_flags(b.G).flag(pc).rules == ("venue",)  # without authors: a regular
