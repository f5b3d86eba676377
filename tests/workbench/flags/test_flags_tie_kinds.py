"""near_core cites each kind of tie on a hop, not whichever route the graph listed first."""
from __future__ import annotations

from workbench.flags import complicity_flags


def test_a_hop_tied_by_calls_and_money_cites_both(builder):
    b = builder
    boss = b.person("boss", "suspect", name="Marta Ruiz")
    victim = b.person("v", "victim", name="Ana Lopez")
    bar = b.node("Organization", "bar", name="Blue Parrot Bar", kind="venue", venue_type="bar")
    b.edge(boss, "HARBORED", victim)
    b.edge(victim, "SEEN_AT", bar)
    partner = b.person("p", "suspect", name="Tono Baeza")
    p1, p2 = b.node("Phone", "+5016001111"), b.node("Phone", "+5016002222")
    b.edge(boss, "USES_PHONE", p1)
    b.edge(partner, "USES_PHONE", p2)
    b.call(p1, p2, "call-1")
    b.payment(boss, partner, "pay-1", sentence="Western Union receipt: sender Marta Ruiz, receiver Tono Baeza.")
    sgt = b.person("sgt", "official", name="Sgt. Luis Pop", agency="Police", rank="Sgt.")
    b.payment(partner, sgt, "pay-2")
    flag = complicity_flags(b.G).flag(sgt)
    near = [r for r in flag.results if r.rule == "near_core"]
    assert near, flag.rules
    cited = {e.sentence for e in flag.evidence}
    assert "Western Union receipt: sender Marta Ruiz, receiver Tono Baeza." in cited
    assert any("called" in s for s in cited)  # the call between the same two people too


def _two_brokers(b, first: str):
    """A boss reached from an official through two go-betweens: one tied to the official by a
    call and a payment, the other by a payment only; ``first`` is built into the graph first."""
    boss = b.person("boss", "suspect", name="Marta Ruiz")
    victim = b.person("v", "victim", name="Ana Lopez")
    b.edge(boss, "HARBORED", victim)
    sgt = b.person("sgt", "official", name="Sgt. Luis Pop", agency="Police", rank="Sgt.")
    brokers = {}
    for key in sorted(("strong", "weak"), key=lambda k: k != first):
        brokers[key] = b.person(key, "suspect", name=f"Broker {key.title()}")
        b.payment(boss, brokers[key], f"pay-{key}")
        b.payment(brokers[key], sgt, f"bribe-{key}")
    p1, p2 = b.node("Phone", "+5016001111"), b.node("Phone", "+5016002222")
    b.edge(brokers["strong"], "USES_PHONE", p1)
    b.edge(sgt, "USES_PHONE", p2)
    b.call(p1, p2, "call-1")
    return sgt


def test_the_route_named_is_the_better_evidenced_whatever_the_order_of_the_graph():
    """The store returns edges in another order than resolution made them: the path near_core
    names goes through the go-between tied by more kinds of evidence, in both orders."""
    from tests.factory import CaseBuilder

    texts = []
    for first in ("weak", "strong"):
        b = CaseBuilder()
        sgt = _two_brokers(b, first)
        near = complicity_flags(b.G).flag(sgt).result("near_core")
        texts.append(next(r.text for r in near.reasons if "from Marta Ruiz" in r.text))
    assert texts[0] == texts[1] and texts[0].endswith("via suspect Broker Strong"), texts
