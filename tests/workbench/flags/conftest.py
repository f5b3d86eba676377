"""A tiny builder of entity graphs shaped as docs/CONTRACTS.md says, and a mixed case.

The mixed case has one official per rule (each complicit in one way), an investigator who
investigated every suspect and wrote every note about them, and innocent officials.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import networkx as nx
import pytest


@dataclass
class CaseBuilder:
    """Builds an entity MultiDiGraph; every edge gets one evidence sentence of its own note."""

    G: nx.MultiDiGraph = field(default_factory=nx.MultiDiGraph)
    count: int = 0

    def node(self, label: str, key: str, **attrs: Any) -> str:
        node_id = f"{label}:{key}"
        attrs.setdefault("name", key)
        self.G.add_node(node_id, label=label, key=key, **attrs)
        return node_id

    def person(self, key: str, role: str, **attrs: Any) -> str:
        return self.node("Person", key, role=role, **attrs)

    def edge(self, u: str, rel: str, v: str, *, note: str | None = None, sentence: str | None = None,
             times: int = 1, date: str | list[str] = "2024-05-01", method: str = "test", **attrs: Any) -> str:
        """One edge; ``times`` evidence rows (each of its own note unless ``note`` is given), dated
        ``date`` (or one date per row)."""
        self.count += 1
        rid = f"rel-{self.count}"
        text = sentence or f"{self.G.nodes[u]['name']} {rel.lower()} {self.G.nodes[v]['name']}."
        dates = date if isinstance(date, list) else [date] * times
        evidence = [{"note_id": note or f"note-{rid}-{i}", "sentence": text, "start": 10 * i,
                     "end": 10 * i + len(text), "method": method, "confidence": 0.9, "date": dates[i]}
                    for i in range(len(dates))]
        times = len(dates)
        self.G.add_edge(u, v, key=rid, type=rel, id=rid, evidence=evidence, evidence_count=times,
                        confidence=0.9, **attrs)
        return rid

    def payment(self, payer: str, payee: str, key: str, amount: float | None = 500.0, form: str | None = None,
                **kw: Any) -> str:
        pay = self.node("Payment", key, amount=amount, currency="BZD" if amount is not None else None,
                        channel="cash", date="2024-04-02", form=form)
        self.edge(payer, "PAID", pay, **kw)
        self.edge(pay, "PAID_TO", payee, **kw)
        return pay

    def call(self, caller: str, callee: str, key: str, at: str | None = None) -> str:
        """A call event; ``at`` ("2024-03-22T21:38") gives its time (and date)."""
        call = self.node("Call", key, date=at[:10] if at else "2024-04-03", at=at, duration_s=60, kind="voice")
        self.edge(caller, "CALLED", call, method="calls_csv")
        self.edge(call, "CALL_TO", callee, method="calls_csv")
        return call


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
