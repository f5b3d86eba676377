"""Roles inferred from relations after resolution (``ingest.roles.infer_roles``): known answers.

The order of the evidence is the point: exploiting beats everything, being exploited beats the
legal process (a trafficked woman who was detained is a victim), the legal process beats being
heard (an interviewed defendant is a suspect), and a stated role is never replaced.
"""
import pytest

from ingest.roles import infer_roles
from tests.factory import r, rel

OFFICER = r("Person", name="Cpl. Juan Pop", role="investigator")
JUDGE = r("Person", name="Richard Story", role="official")


def roles(nodes, rels):
    return {n.props["name"]: (n.props["role"], n.props.get("role_basis")) for n in infer_roles(nodes, rels)}


def person(name, role="unknown"):
    return r("Person", name=name, role=role)


def test_arrested_by_an_officer_is_a_suspect_the_officer_is_not():
    a = person("Carlos Reyes")
    got = roles([OFFICER, a], [rel("INVESTIGATED", OFFICER, a, relation="arrest")])
    assert got["Carlos Reyes"] == ("suspect", "inferred from relations (INVESTIGATED)")
    assert got["Cpl. Juan Pop"] == ("investigator", None)


@pytest.mark.parametrize("rel_type, target", [("ARRESTED_BY", OFFICER), ("SENTENCED_BY", JUDGE)])
def test_the_defendant_of_a_legal_act_is_a_suspect(rel_type, target):
    a = person("Carlos Reyes")
    assert roles([a, target], [rel(rel_type, a, target)])["Carlos Reyes"] == (
        "suspect", f"inferred from relations ({rel_type})")


def test_a_detention_by_someone_who_is_no_officer_is_no_legal_act():
    a, b = person("Carlos Reyes"), person("Maria Lopez")
    assert roles([a, b], [rel("INVESTIGATED", a, b, relation="detain")])["Maria Lopez"][0] == "unknown"


def test_interviewed_is_a_witness():
    a = person("Orlando Pop")
    got = roles([OFFICER, a], [rel("INVESTIGATED", OFFICER, a, methods=["relations.jsonl:statement-from"])])
    assert got["Orlando Pop"][0] == "witness"


def test_an_interviewed_victim_is_still_a_victim():
    boss, victim = person("Carlos Reyes"), person("Estrella")
    got = roles([boss, victim, OFFICER], [rel("RECRUITED", boss, victim),
                                          rel("INVESTIGATED", OFFICER, victim, relation="interview")])
    assert got["Estrella"] == ("victim", "inferred from relations (RECRUITED)")


def test_a_detained_victim_is_still_a_victim():
    boss, victim = person("Carlos Reyes"), person("Estrella")
    got = roles([boss, victim, OFFICER], [rel("HARBORED", boss, victim),
                                          rel("INVESTIGATED", OFFICER, victim, relation="detain")])
    assert got["Estrella"][0] == "victim"


def test_an_interviewed_defendant_is_a_suspect():
    a = person("Carlos Reyes")
    got = roles([OFFICER, a], [rel("INVESTIGATED", OFFICER, a, relation="interview"), rel("ARRESTED_BY", a, OFFICER)])
    assert got["Carlos Reyes"][0] == "suspect"


def test_a_stated_role_is_kept():
    a = person("Ana Pop", role="victim")
    assert roles([a, OFFICER], [rel("ARRESTED_BY", a, OFFICER)])["Ana Pop"] == ("victim", None)


def test_an_interviewed_trafficker_is_a_suspect_not_a_witness():
    """The sample's ring leader "was interviewed by Cpl. Pech": being heard does not outweigh running the bar."""
    boss, worker = person("Noe Matamoros", "witness"), person("Ana")
    assert roles([boss, worker], [rel("EMPLOYS", boss, worker)])["Noe Matamoros"] == (
        "suspect", "inferred from relations (EMPLOYS)")


def test_a_stated_official_keeps_the_role():
    official, worker = person("Sgt. Cal", "official"), person("Ana")
    assert roles([official, worker], [rel("EMPLOYS", official, worker)])["Sgt. Cal"][0] == "official"


def test_a_protected_witness_named_by_code_stays_a_witness_when_moved():
    """"TP-3" is a witness the unit protects by a code: being moved out with the others in the raid
    does not make the cook a victim, while an interviewed witness who was moved does become one."""
    driver = person("Elmer Guerra")
    coded = r("Person", name="TP-3", role="witness", role_basis="stated: a protected witness's code")
    heard = person("Orlando Pop", "witness")
    got = roles([driver, coded, heard], [rel("TRANSPORTED", driver, coded), rel("TRANSPORTED", driver, heard)])
    assert got["TP-3"] == ("witness", "stated: a protected witness's code")
    assert got["Orlando Pop"][0] == "victim"


def test_a_wage_alone_makes_no_victim_and_no_trafficker():
    boss, barman = person("Marcos Guerra"), person("Orlando", "witness")
    got = roles([boss, barman], [rel("EMPLOYS", boss, barman, relation="wage")])
    assert got["Orlando"][0] == "witness" and got["Marcos Guerra"][0] == "unknown"


@pytest.mark.parametrize("kind", [{"relation": "interview"}, {"relation": "arrest"},
                                  {"methods": ["relations.jsonl:statement-from"]}])
def test_issue_12_an_official_who_does_the_casework_is_an_investigator(kind):
    """A labour officer who interviews the workers, or any official who arrests or takes a statement,
    investigates the case like the note's author does."""
    labour, worker = person("Maximiliano Ek", "official"), person("Orlando")
    got = roles([labour, worker], [rel("INVESTIGATED", labour, worker, **kind)])
    assert got["Maximiliano Ek"] == ("investigator", "inferred from relations (INVESTIGATED)")


@pytest.mark.parametrize("kind", [{"relation": "detain"}, {"relation": "stop"}, {"relation": "visit"}])
def test_an_official_who_only_detains_stops_or_visits_stays_an_official(kind):
    """A complicit officer stops a van or detains a girl who ran away too: that is no casework."""
    sergeant, girl = person("Cleveland Neal", "official"), person("L.A.C.")
    got = roles([sergeant, girl], [rel("INVESTIGATED", sergeant, girl, **kind)])
    assert got["Cleveland Neal"] == ("official", None)


def test_an_official_who_exploits_stays_an_official_though_he_interviews():
    sergeant, girl, other = person("Sgt. Cal", "official"), person("Ana"), person("Orlando")
    got = roles([sergeant, girl, other], [rel("RECRUITED", sergeant, girl),
                                          rel("INVESTIGATED", sergeant, other, relation="interview")])
    assert got["Sgt. Cal"] == ("official", None)
