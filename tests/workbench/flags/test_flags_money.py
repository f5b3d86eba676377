"""Money rules on one-record graphs: envelopes, the official's own accounts and phones, relatives."""
from __future__ import annotations

import pytest

from workbench.flags import complicity_flags


@pytest.fixture
def cell(builder):
    """A bar where a victim is harboured, its owner (no role given) and a police sergeant."""
    b = builder
    bar = b.node("Organization", "bar", name="Bar Luna Maya", kind="venue")
    b.edge(bar, "HARBORED", b.person("v", "victim"))
    owner = b.person("chino", "unknown", name="Chino")
    b.edge(owner, "OWNS", bar)
    official = b.person("sosa", "official", name="Sgt. Sosa", agency="Police", rank="Sgt.")
    return b, bar, owner, official


def test_an_envelope_without_an_amount_still_counts(cell):
    b, _, owner, official = cell
    pay = b.payment(owner, official, "env-1", amount=None, form="white envelope",
                    sentence="22:49 at rear door Chino hands Sosa a white envelope.")
    result = complicity_flags(b.G).flag(official).result("payment")
    assert result.count == 1 and result.records[0]["event"] == pay and "amount" not in result.records[0]
    assert result.reasons[0].text.startswith("received an unstated amount (white envelope, cash, 2024-04-02) from Chino")
    assert [e.sentence for e in result.evidence][0] == "22:49 at rear door Chino hands Sosa a white envelope."


@pytest.mark.parametrize("link", ["HOLDS_ACCOUNT", "USES_PHONE"])
def test_a_transfer_to_an_account_or_phone_registered_to_the_official(cell, link):
    b, _, owner, official = cell
    target = b.node("Account" if link == "HOLDS_ACCOUNT" else "Phone", "6672054")
    b.edge(official, link, target)
    b.payment(owner, target, "t1", amount=250.0)
    result = complicity_flags(b.G).flag(official).result("payment")
    assert result.count == 1
    assert link in {b.G.edges[e]["type"] for e in result.edges}


def test_a_payment_from_the_venues_account_to_the_officials_wife(cell):
    b, bar, owner, official = cell
    company_account, her_account = b.node("Account", "21-0044173"), b.node("Account", "0450-118827")
    wife = b.person("glenda", "unknown", name="Glenda")
    b.edge(bar, "HOLDS_ACCOUNT", company_account)
    b.edge(wife, "HOLDS_ACCOUNT", her_account)
    b.edge(official, "RELATED_TO", wife, relation="wife")
    b.payment(company_account, her_account, "so-1", amount=2000.0)
    result = complicity_flags(b.G).flag(official).result("relative_paid")
    assert result.count == 1
    text = result.reasons[0].text
    assert text.startswith("the official's wife Glenda received BZD 2000.0 (cash, 2024-04-02) from ")
    assert "venue Bar Luna Maya, where exploitation is reported" in text
    assert {b.G.edges[e]["type"] for e in result.edges} == {"RELATED_TO", "PAID", "PAID_TO", "HOLDS_ACCOUNT", "OWNS"}


def test_a_wage_paid_to_a_relative_by_an_unrelated_employer_is_no_tie(cell):
    """Near miss: the official's brother is paid a wage by a farm nobody reports exploitation at."""
    b, _, _, official = cell
    farm = b.node("Organization", "farm", name="Green Acres Farm", kind="business")
    brother = b.person("bro", "unknown", name="Tito")
    b.edge(official, "RELATED_TO", brother, relation="brother")
    b.edge(farm, "EMPLOYS", brother)
    b.payment(farm, brother, "wage", amount=400.0, sentence="Green Acres pays Tito a wage of $400.")
    assert complicity_flags(b.G).flag(official) is None


def test_a_payment_from_the_core_to_a_relative_fires(cell):
    b, _, owner, official = cell
    brother = b.person("bro", "unknown", name="Tito")
    b.edge(brother, "RELATED_TO", official, relation="brother")
    b.payment(owner, brother, "p2", amount=300.0)
    flag = complicity_flags(b.G).flag(official)
    assert flag.rules[0] == "relative_paid"
    assert flag.result("relative_paid").suspects == (owner,)


def test_money_received_from_no_one_named_is_read_beside_a_payment_flag(cell):
    b, _, owner, official = cell
    b.payment(owner, official, "env-1", amount=None, form="white envelope", sentence="Chino hands Sosa a white envelope.")
    collected = b.node("Payment", "collected", form="envelope", channel="cash")
    b.edge(collected, "PAID_TO", official, sentence="Ih drink free an ih collect ih envelope.")
    result = complicity_flags(b.G).flag(official).result("payment")
    assert result.count == 1  # the receipt from no one named adds no score of its own
    assert any("the notes do not say from whom" in r.text for r in result.reasons)
    assert "Ih drink free an ih collect ih envelope." in {e.sentence for e in result.evidence}


def test_money_received_from_no_one_named_raises_no_flag_alone(cell):
    b, _, _, official = cell
    collected = b.node("Payment", "collected", form="envelope", channel="cash")
    b.edge(collected, "PAID_TO", official, sentence="Ih collect ih envelope.")
    assert complicity_flags(b.G).flag(official) is None
