"""One behaviour per test: each rule fires on its complicit official, with the evidence it used."""
from __future__ import annotations

import pytest

from workbench.flags import WORDING, complicity_flags
from workbench.flags.context import evidence_of


def test_paid_by_suspect_is_flagged_with_payment_evidence(mixed_case):
    report = complicity_flags(mixed_case.G, authors=mixed_case.authors)
    flag = report.flag("Person:cpl")
    result = flag.result("payment")
    assert result.count == 2
    assert {r["event"] for r in result.records} == {"Payment:pay-1", "Payment:pay-2"}
    assert {r["direction"] for r in result.records} == {"received"}
    assert {r["amount"] for r in result.records} == {500.0, 900.0}
    assert set(result.suspects) == {"Person:flaco", "Person:marta"}  # marta through her account
    types = {mixed_case.G.edges[e]["type"] for e in result.edges}
    assert types == {"PAID", "PAID_TO", "HOLDS_ACCOUNT"}
    assert {e.note_id for e in result.evidence} == {
        ev["note_id"] for e in result.edges for ev in mixed_case.G.edges[e]["evidence"]}


def test_calls_with_a_suspects_phone_are_counted(mixed_case):
    result = complicity_flags(mixed_case.G).flag("Person:imm").result("calls")
    assert result.count == 3
    assert sorted(r["direction"] for r in result.records) == ["from", "to", "to"]
    assert "3 call(s)/message(s) with suspect Flaco Reyes (2 made by the official, 1 received)" in result.reasons[0].text


def test_owner_of_bar_where_victims_are_harboured_is_flagged(mixed_case):
    result = complicity_flags(mixed_case.G).flag("Person:lab").result("venue")
    assert result.count == 1
    text = result.reasons[0].text
    assert "owns or runs venue Blue Parrot Bar" in text and "2 victim(s)" in text
    assert "Ana Lopez" not in text  # victims are never named in reasons
    assert {mixed_case.G.edges[e]["type"] for e in result.edges} == {"OWNS", "HARBORED", "SEEN_AT"}


def test_regular_presence_needs_two_sightings(builder):
    b = builder
    bar = b.node("Organization", "bar", name="Bar")
    b.edge(bar, "HARBORED", b.person("v", "victim"))
    once, twice = b.person("a", "official", agency="Police"), b.person("b", "official", agency="Police")
    b.edge(once, "SEEN_AT", bar)
    b.edge(twice, "SEEN_AT", bar, times=2)
    report = complicity_flags(b.G)
    assert report.flag("Person:a") is None
    assert report.flag("Person:b").result("venue").reasons[0].text.startswith("seen at (2 times)")


def test_tip_off_is_flagged(mixed_case):
    flag = complicity_flags(mixed_case.G).flag("Person:cus")
    result = flag.result("tip_off")
    assert result.count == 1 and result.suspects == ("Person:marta",)
    assert [e.sentence for e in result.evidence] == ["Eva Sho warned Marta Ruiz before the raid."]


@pytest.mark.parametrize("official, rule, fragment", [
    ("Person:cg", "shared_identifier", "shares a phone (+5016003333) with suspect Tono Baeza"),
    ("Person:cc", "family_tie", "family tie (cousin) with suspect Tono Baeza"),
])
def test_shared_phone_and_family_tie_are_flagged(mixed_case, official, rule, fragment):
    result = complicity_flags(mixed_case.G).flag(official).result(rule)
    assert result.reasons[0].text == fragment


def test_town_is_not_a_shared_address(builder):
    b = builder
    town = b.node("Location", "orange-walk", name="Orange Walk", kind="town")
    official, suspect = b.person("o", "official", agency="Police"), b.person("s", "suspect")
    b.edge(official, "LIVES_AT", town)
    b.edge(suspect, "LIVES_AT", town)
    assert complicity_flags(b.G).flag("Person:o") is None


def test_investigator_who_investigated_everyone_is_not_flagged(mixed_case):
    report = complicity_flags(mixed_case.G, authors=mixed_case.authors)
    assert report.flag(mixed_case.investigator) is None
    assert mixed_case.investigator not in set(report.table["node"])


def test_co_mentions_are_no_path_to_the_core(mixed_case):
    """Being named in one sentence with suspects is too weak a tie to count, even without the
    authors map (an officer is named beside the suspects in every arrest report); and even when
    an analyst lets co-mentions count, near_core only supports a flag another rule raised."""
    assert complicity_flags(mixed_case.G).flag(mixed_case.investigator) is None
    params = {"weak_types": ()}
    assert complicity_flags(mixed_case.G, params=params).flag(mixed_case.investigator) is None
    alone = complicity_flags(mixed_case.G, params=params, rules=["near_core"])
    assert alone.flags == []


def test_every_complicit_official_ranks_above_every_innocent_one(mixed_case):
    report = complicity_flags(mixed_case.G, authors=mixed_case.authors)
    order = list(report.table["node"])
    for official, rule in mixed_case.complicit.items():
        assert rule in report.flag(official).rules
    worst_complicit = max(order.index(o) for o in mixed_case.complicit)
    flagged_innocent = [order.index(o) for o in mixed_case.innocent if o in order]
    assert all(worst_complicit < i for i in flagged_innocent)
    assert set(order) <= set(mixed_case.complicit) | set(mixed_case.innocent)
    assert (report.table["wording"] == WORDING).all()
    assert (report.table["score"] > 0).all()
    assert list(report.table["score"]) == sorted(report.table["score"], reverse=True)


def test_evidence_sentences_are_exactly_those_on_the_edges_used(mixed_case):
    G = mixed_case.G
    for flag in complicity_flags(G, authors=mixed_case.authors).flags:
        for result in flag.results:
            expected = {(G.edges[e]["id"], ev["note_id"], ev["start"]) for e in result.edges
                        for ev in G.edges[e]["evidence"]}
            got = {(e.edge_id, e.note_id, e.start) for e in result.evidence}
            assert got == expected, (flag.official, result.rule)
            assert result.evidence == evidence_of(G, result.edges)


def test_subgraph_holds_official_suspects_and_used_edges(mixed_case):
    flag = complicity_flags(mixed_case.G).flag("Person:cpl")
    sub = flag.subgraph(mixed_case.G)
    assert {"Person:cpl", "Person:flaco", "Person:marta"} <= set(sub)
    assert set(sub.edges(keys=True)) == set(flag.edges)


def test_caller_given_suspects_and_rule_subset(builder):
    b = builder
    official, other = b.person("o", "official", agency="Customs"), b.person("x", "unknown")
    b.edge(official, "RELATED_TO", other, relation="brother")
    assert complicity_flags(b.G).flag("Person:o") is None
    report = complicity_flags(b.G, suspects=["Person:x"], rules=["family_tie"])
    assert report.flags[0].rules == ("family_tie",)
    with pytest.raises(KeyError):
        complicity_flags(b.G, rules=["no_such_rule"])


def test_weights_are_parameters(mixed_case):
    base = complicity_flags(mixed_case.G, rules=["tip_off"]).flag("Person:cus").score
    heavier = complicity_flags(mixed_case.G, rules=["tip_off"], params={"weight.tip_off": 6.0})
    assert heavier.flag("Person:cus").score == 2 * base
    with pytest.raises(KeyError):
        complicity_flags(mixed_case.G, params={"kk": 3})
