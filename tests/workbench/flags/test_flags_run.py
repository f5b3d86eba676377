"""A whole cell without the word "suspect", its busy investigators, and what each flag rests on."""
from __future__ import annotations

import pytest

from workbench.flags import NEXT_STEPS, WORDING, complicity_flags, to_html, to_markdown


@pytest.fixture
def cell(builder):
    """Recruiter, bar owner, driver and harbourer (no roles); a sergeant paid in envelopes; an
    immigration officer whose phone calls the owner before the raid; investigators who arrest,
    search, log and write everything; a soldier who lives in the harbourer's village."""
    b = builder
    victims = [b.person(f"v{i}", "victim", name=f"V{i}") for i in range(3)]
    bar = b.node("Organization", "bar", name="Bar Luna Maya", kind="venue")
    chino, yesenia = b.person("chino", "unknown", name="Chino"), b.person("yesenia", "unknown", name="Yesenia")
    elmer, chepa = b.person("elmer", "unknown", name="Elmer"), b.person("chepa", "unknown", name="Dona Chepa")
    b.edge(chino, "OWNS", bar)
    b.edge(victims[0], "SEEN_AT", bar)
    b.edge(yesenia, "RECRUITED", victims[0])
    b.edge(elmer, "TRANSPORTED", victims[1])
    b.edge(chepa, "HARBORED", victims[2])
    b.edge(chino, "RELATED_TO", elmer, relation="brother")
    sosa = b.person("sosa", "official", name="Hilberto Sosa", agency="Police", rank="Sgt.")
    for i, day in enumerate(("2024-03-08", "2024-03-15")):
        b.payment(chino, sosa, f"env-{i}", amount=None, form="envelope", note=f"obs-{i}", date=day)
    cocom = b.person("cocom", "official", name="Lester Cocom", agency="Immigration", rank="IO")
    phones = {p: b.node("Phone", n) for p, n in ((chino, "+5016224187"), (cocom, "+5016672054"))}
    for person, phone in phones.items():
        b.edge(person, "USES_PHONE", phone, note="subscriber-returns")
    op = b.node("Operation", "luna", name="Op LUNA", kind="raid", at="2024-03-22T22:15")
    b.edge(op, "TARGETED", bar, note="op-order")
    b.call(phones[cocom], phones[chino], "tip", at="2024-03-22T21:38:12")
    authors = {"obs-0": "Person:gentle", "obs-1": "Person:gentle", "op-order": "Person:westby"}
    westby = b.person("westby", "investigator", name="Carla Westby", agency="Police", rank="Insp.")
    gentle = b.person("gentle", "investigator", name="Shanelle Gentle", agency="Police", rank="PC")
    p_westby = b.node("Phone", "+5016000009")
    b.edge(westby, "USES_PHONE", p_westby)
    for inv in (westby, gentle):
        b.edge(inv, "INVESTIGATED", op, note="op-order", relation="team")
        for person in (chino, yesenia, elmer, chepa):
            b.edge(inv, "ASSOCIATED_WITH", person, times=5, note=f"{inv}-notes")
            authors[f"{inv}-notes"] = inv
    b.edge(westby, "INVESTIGATED", chino, relation="arrested", first_seen="2024-03-22", note="arrest")
    b.edge(westby, "SEEN_AT", bar, note="arrest", date="2024-03-22", sentence="WESTBY entered Bar Luna Maya.")
    b.edge(gentle, "SEEN_AT", bar, note="obs-0", times=2)
    b.call(p_westby, phones[chino], "interview", at="2024-03-25T10:00:00")
    b.edge(b.person("reyes", "official", name="Dorian Reyes", agency="Labour"), "SEEN_AT", bar, date="2024-03-22")
    b.edge(b.person("reyes", "official"), "INVESTIGATED", op, relation="team")
    village = b.node("Location", "btf", name="Bullet Tree Falls", kind="village")
    salazar = b.person("salazar", "official", name="Omar Salazar", agency="BDF", rank="L/Cpl.")
    b.edge(salazar, "LIVES_AT", village)
    b.edge(chepa, "LIVES_AT", village)
    b.edge(salazar, "ASSOCIATED_WITH", chepa)
    return b.G, authors, (sosa, cocom), (westby, gentle, "Person:reyes", salazar)


def test_exactly_the_complicit_officials_are_flagged_first(cell):
    G, authors, complicit, innocent = cell
    report = complicity_flags(G, authors=authors)
    assert set(report.table["node"]) == set(complicit)
    assert {"Person:chino", "Person:yesenia", "Person:elmer", "Person:chepa"} == set(report.core["node"])
    assert not set(innocent) & set(report.core["node"])
    assert report.flag("Person:sosa").rules[0] == "payment"
    assert report.flag("Person:cocom").result("call_before_operation").count == 1
    assert (report.table["wording"] == WORDING).all()


def test_co_mentions_cannot_lift_an_investigator_even_when_allowed(cell):
    G, authors, complicit, innocent = cell
    report = complicity_flags(G, authors=authors, params={"weak_types": (), "self_authored_types": ()})
    order = list(report.table["node"])
    assert set(complicit) <= set(order)
    assert not set(innocent) & set(order)  # near_core alone never flags


def test_each_flag_says_what_it_rests_on_and_what_to_do_next(cell):
    G, authors, _, _ = cell
    report = complicity_flags(G, authors=authors)
    sosa, cocom = report.flag("Person:sosa"), report.flag("Person:cocom")
    assert sosa.support.records == 0 and sosa.support.sentences >= 2
    assert sosa.support.notes == 2 and sosa.support.authors == 1  # two logs by one constable
    assert "payment" in sosa.support.rules and "near_core" not in sosa.support.rules
    assert cocom.support.records >= 2  # the CDR rows are records, not prose
    assert {"CALLED", "CALL_TO", "USES_PHONE", "TARGETED"} <= set(cocom.support.kinds)
    assert all(r.next_step == NEXT_STEPS[r.rule] for r in sosa.results)
    row = report.table.set_index("node").loc["Person:sosa"]
    assert (row["n_notes"], row["n_authors"]) == (2, 1)
    text = to_markdown(report)
    assert "Support: rests on" in text and "next step:" in text
    assert "remittance records for those dates" in to_html(report)
