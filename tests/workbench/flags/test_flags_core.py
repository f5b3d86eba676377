"""The exploitation core without the word "suspect": one record per basis, each with a near miss."""
from __future__ import annotations

import pytest

from workbench.flags import complicity_flags, exploitation_core
from workbench.flags.config import merged_params


def core_of(G, **params):
    return exploitation_core(G, params=merged_params(params))


@pytest.mark.parametrize("rel, fragment", [
    ("RECRUITED", "recruited a victim"),
    ("TRANSPORTED", "transported a victim"),
    ("HARBORED", "harboured a victim"),
    ("THREATENED", "threatened a victim"),
    ("EMPLOYS", "employs a victim"),
])
def test_what_exploiters_do_puts_them_in_the_core(builder, rel, fragment):
    b = builder
    who, victim = b.person("x", "unknown", name="Rita"), b.person("v", "victim", name="Ana Lopez")
    b.edge(who, rel, victim)
    member = core_of(b.G)[who]
    assert member.text == fragment and member.direct
    assert "Ana Lopez" not in member.text  # victims are never named in a basis


def test_employing_someone_who_is_no_victim_is_no_basis(builder):
    b = builder
    boss, cook = b.person("x", "unknown"), b.person("c", "unknown")
    b.edge(boss, "EMPLOYS", cook)
    assert core_of(b.G) == {}


def test_officers_moving_a_rescued_victim_are_never_core(builder):
    b = builder
    pc = b.person("pc", "investigator", name="PC Gentle", agency="Police")
    worker = b.person("sw", "unknown", name="Ms Bodden", agency="Department of Human Services", rank="Social Worker")
    clerk = b.person("cl", "official", name="Io Cal")
    victim = b.person("v", "victim")
    b.edge(pc, "TRANSPORTED", victim, sentence="PC Gentle drove the girls to the shelter.")
    b.edge(clerk, "HARBORED", victim)
    b.edge(worker, "HARBORED", victim)
    assert core_of(b.G) == {}


def test_a_victim_is_never_core(builder):
    b = builder
    v1, v2 = b.person("v1", "victim"), b.person("v2", "victim")
    b.edge(v1, "RECRUITED", v2)
    pay = b.payment(v2, v1, "p1")
    assert pay and core_of(b.G) == {}


def test_owner_of_a_venue_where_victims_are_held_through_a_company(builder):
    b = builder
    bar = b.node("Organization", "bar", name="La Herradura", kind="venue")
    company = b.node("Organization", "ltd", name="Herradura Ltd", kind="business")
    b.edge(bar, "HARBORED", b.person("v", "victim"))
    owner = b.person("g", "unknown", name="Glenda")
    b.edge(owner, "OWNS", company, relation="50 of 100 shares")
    b.edge(company, "OWNS", bar, relation="operator")
    member = core_of(b.G)[owner]
    assert member.text == "owns or runs La Herradura (through Herradura Ltd), where exploitation is reported"
    assert {b.G.edges[e]["type"] for e in member.edges} == {"OWNS", "HARBORED"}


def test_owning_a_police_station_where_a_victim_was_seen_is_no_basis(builder):
    b = builder
    station = b.node("Organization", "stn", name="Belmopan Police Station", kind="venue", venue_type="station")
    b.edge(b.person("v", "victim"), "SEEN_AT", station)
    b.edge(b.person("x", "unknown"), "OWNS", station)
    assert core_of(b.G) == {}


def test_collecting_money_from_a_victim_through_a_wallet(builder):
    b = builder
    victim, boss = b.person("v", "victim"), b.person("j", "unknown", name="La Jefa")
    wallet_v, wallet_j = b.node("Account", "6631984"), b.node("Account", "6274410")
    b.edge(victim, "HOLDS_ACCOUNT", wallet_v)
    b.edge(boss, "HOLDS_ACCOUNT", wallet_j)
    b.payment(wallet_v, wallet_j, "multa", amount=100.0)
    assert core_of(b.G)[boss].text == "collects money from a victim"


@pytest.mark.parametrize("make", [
    lambda b, s, o: b.edge(o, "INVESTIGATED", s, relation="arrested"),
    lambda b, s, o: b.edge(s, "ARRESTED_BY", o),
    lambda b, s, o: b.edge(o, "INVESTIGATED", s, relation="charged; remanded"),
])
def test_arrested_or_charged_whatever_edge_carries_it(builder, make):
    b = builder
    suspect, officer = b.person("s", "unknown", name="Chino"), b.person("o", "investigator", name="Cpl Chuc")
    make(b, suspect, officer)
    core = core_of(b.G)
    assert set(core) == {suspect}  # never the officer who made the arrest
    assert "investigative record" in core[suspect].text


def test_interviewing_a_witness_is_no_arrest(builder):
    b = builder
    b.edge(b.person("o", "investigator"), "INVESTIGATED", b.person("w", "unknown"), relation="interviewed")
    assert core_of(b.G) == {}


def test_close_network_is_one_hop_and_keeps_stated_roles_out(builder):
    b = builder
    driver, victim = b.person("r", "unknown", name="Ruben Ku"), b.person("v", "victim")
    b.edge(driver, "TRANSPORTED", victim)
    brother = b.person("j", "witness", name="Julio Ku")        # the mechanic brother, a witness
    cousin = b.person("c", "unknown", name="Tono Ku")
    phone = b.node("Phone", "+5016129037")
    sharer = b.person("x", "unknown", name="Pepe")
    b.edge(driver, "RELATED_TO", brother, relation="brother")
    b.edge(cousin, "RELATED_TO", driver, relation="cousin")
    b.edge(driver, "USES_PHONE", phone)
    b.edge(sharer, "USES_PHONE", phone)
    b.edge(b.person("far", "unknown"), "RELATED_TO", cousin, relation="son")  # two hops out
    core = core_of(b.G)
    assert set(core) == {driver, cousin, sharer}
    assert core[cousin].text == "cousin of core member Ruben Ku" and not core[cousin].direct
    assert core[sharer].text == "shares phone +5016129037 with core member Ruben Ku"
    assert set(core_of(b.G, core_from_graph=False)) == set()


def test_flags_measure_officials_against_the_computed_core(builder):
    """No role says suspect; the recruiter pays the official and the flag quotes her basis."""
    b = builder
    recruiter = b.person("y", "unknown", name="Yesenia")
    b.edge(recruiter, "RECRUITED", b.person("v", "victim", name="Y.L.P."))
    official = b.person("o", "official", name="Sgt. Sosa", agency="Police", rank="Sgt.")
    b.payment(recruiter, official, "env", amount=None, form="envelope")
    report = complicity_flags(b.G)
    reason = report.flag(official).result("payment").reasons[0].text
    assert reason == "received an unstated amount (envelope, cash, 2024-04-02) from Yesenia " \
                     "(exploitation core: recruited a victim)"
    assert report.core[["name", "basis", "direct"]].values.tolist() == [["Yesenia", "recruited a victim", True]]
    assert complicity_flags(b.G, params={"core_from_graph": False}).flags == []


def test_a_co_defendant_of_a_core_member_is_close_network(builder):
    b = builder
    boss = b.person("k", "unknown", name="Kenny")
    b.edge(boss, "HARBORED", b.person("v", "victim"))
    partner = b.person("m", "unknown", name="Marleny")
    b.edge(partner, "ACTED_WITH", boss, sentence="Kenny and Marleny were charged together.")
    assert core_of(b.G)[partner].text == "acted with core member Kenny"
