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
