"""Fixtures of the flag tests: a case builder (``tests.factory.CaseBuilder``) and a mixed case.

The mixed case has one official per rule (each complicit in one way), an investigator who
investigated every suspect and wrote every note about them, and innocent officials.
"""
from __future__ import annotations

from dataclasses import dataclass

import networkx as nx
import pytest

from tests.factory import CaseBuilder


@pytest.fixture
def builder() -> CaseBuilder:
    return CaseBuilder()


@dataclass
class MixedCase:
    G: nx.MultiDiGraph
    authors: dict[str, str]
    complicit: dict[str, str]   # official node -> the rule that must fire
    innocent: list[str]
    investigator: str
    suspects: list[str]


@pytest.fixture
def mixed_case() -> MixedCase:
    b = CaseBuilder()
    flaco = b.person("flaco", "suspect", name="Flaco Reyes")
    marta = b.person("marta", "suspect", name="Marta Ruiz")
    tono = b.person("tono", "suspect", name="Tono Baeza")
    v1, v2 = b.person("v1", "victim", name="Ana Lopez"), b.person("v2", "victim", name="Rosa Cal")
    bar = b.node("Organization", "blue-parrot", name="Blue Parrot Bar", kind="venue", venue_type="bar")
    b.edge(bar, "HARBORED", v1)
    b.edge(v2, "SEEN_AT", bar)
    paid = b.person("cpl", "official", name="Cpl. Juan Cal", agency="Police", rank="Cpl.")
    b.payment(flaco, paid, "pay-1")
    acct = b.node("Account", "12345")
    b.edge(marta, "HOLDS_ACCOUNT", acct)
    b.payment(acct, paid, "pay-2", amount=900.0)
    caller = b.person("imm", "official", name="Luis Pop", agency="Immigration Department")
    p_caller, p_flaco = b.node("Phone", "+5016001111"), b.node("Phone", "+5016002222")
    b.edge(caller, "USES_PHONE", p_caller)
    b.edge(flaco, "USES_PHONE", p_flaco)
    for i, (a, z) in enumerate([(p_caller, p_flaco), (p_flaco, p_caller), (p_caller, p_flaco)]):
        b.call(a, z, f"call-{i}")
    owner = b.person("lab", "official", name="Pedro Chi", agency="Labour Department")
    b.edge(owner, "OWNS", bar)
    tipper = b.person("cus", "official", name="Eva Sho", agency="Customs")
    b.edge(tipper, "TIPPED_OFF", marta, sentence="Eva Sho warned Marta Ruiz before the raid.")
    sharer = b.person("cg", "official", name="Rob Bol", agency="Coast Guard")
    p_shared = b.node("Phone", "+5016003333")
    b.edge(sharer, "USES_PHONE", p_shared)
    b.edge(tono, "USES_PHONE", p_shared)
    cousin = b.person("cc", "official", name="Ivy Tun", agency="Belize City Council", rank="Councillor")
    b.edge(cousin, "RELATED_TO", tono, relation="cousin")
    inv = b.person("inv", "investigator", name="Sgt. Ken Lewis", agency="Police")
    authors: dict[str, str] = {}
    for i, s in enumerate((flaco, marta, tono)):
        b.edge(inv, "INVESTIGATED", s, note=f"inv-note-{i}", relation="interviewed")
        b.edge(inv, "ASSOCIATED_WITH", s, note=f"inv-note-{i}")
        authors[f"inv-note-{i}"] = inv
    quiet = b.person("pc", "official", name="PC Sam Ek", agency="Police")
    once = b.person("bdf", "official", name="Pvt. Joe Bo", agency="BDF")
    b.edge(once, "SEEN_AT", bar)
    mentioned = b.person("mun", "official", name="Al Coc", agency="Ministry of Labour")
    b.edge(mentioned, "ASSOCIATED_WITH", flaco, note="witness-note")
    # every other note was written by the investigator too
    for _, _, data in b.G.edges(data=True):
        for ev in data["evidence"]:
            authors.setdefault(ev["note_id"], inv)
    authors["witness-note"] = "Person:nobody"
    complicit = {paid: "payment", caller: "calls", owner: "venue", tipper: "tip_off",
                 sharer: "shared_identifier", cousin: "family_tie"}
    return MixedCase(b.G, authors, complicit, [quiet, once, mentioned], inv, [flaco, marta, tono])
