"""The one factory of the tests: records, extractions, evidence rows and entity graphs of a small case.

Why one module: every layer's tests need a few records or a small graph, and builders written per
test package drifted apart (three shapes of an evidence row, two ways of adding an entity node).
Fixtures stay in the conftests, which only call these builders with their case's data.

- Records (what resolution gives the store): ``r("Person", name="Carlos Reyes", role="suspect")``,
  ``ev(...)`` (an :class:`Evidence`), ``rel("PAID", a, b, ev(...))``; :func:`case_records` is a
  small case of them and :func:`projected_case` its projection.
- Extractions (what extraction gives resolution): :func:`build_note`, one mention per sentence,
  and :func:`phone`, a phone mention with its key.
- Entity graphs (what projections give analysis, flags and views, shaped as docs/CONTRACTS.md):
  :func:`node`, :func:`edge` and :func:`evidence_row`, and :class:`CaseBuilder` that numbers
  edges and gives each evidence row a note of its own.

>>> b = CaseBuilder()
>>> edge_id = b.edge(b.person("carlos", "suspect", name="Carlos Reyes"), "RECRUITED", b.person("ana", "victim"))
>>> b.G.edges["Person:carlos", "Person:ana", edge_id]["evidence"][0]["sentence"]
'Carlos Reyes recruited ana.'
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import networkx as nx

from graph_schema.records import Evidence, Mention, Note, NodeRecord, Relation, RelRecord, make_id
from graph_schema.types import clean_phone

if TYPE_CHECKING:
    from ingest.results import Extraction

__all__ = ["CaseBuilder", "build_note", "case_records", "edge", "ev", "evidence_row", "node", "phone",
           "projected_case", "r", "rel"]


# -- records ------------------------------------------------------------------------------------

def r(label: str, key: str | None = None, **props: Any) -> NodeRecord:
    """A NodeRecord; the key defaults to make_id(label, name)."""
    key = key or make_id(label, props.get("name", ""))
    return NodeRecord(label=label, key=key, props=props)


def ev(note_id: str = "note-1", sentence: str = "A sentence.", start: int = 0, end: int | None = None,
       method: str = "test", **extra: Any) -> Evidence:
    return Evidence(note_id=note_id, sentence=sentence, start=start,
                    end=len(sentence) if end is None else end, method=method, **extra)


def rel(rel_type: str, source: NodeRecord, target: NodeRecord, *evidence: Evidence, **props: Any) -> RelRecord:
    return RelRecord(type=rel_type, source_label=source.label, source_key=source.key,
                     target_label=target.label, target_key=target.key,
                     evidence=tuple(evidence) or (ev(),), props=props)


def case_records() -> tuple[list[NodeRecord], list[RelRecord]]:
    """A small case: a recruiter, his victim, a complicit sergeant, an investigating corporal."""
    carlos = r("Person", name="Carlos Reyes", role="suspect")
    ana = r("Person", name="Ana Lopez", role="victim")
    sgt = r("Person", name="Mario Castillo", role="official")
    cpl = r("Person", name="Andrea Pook", role="investigator")
    phone_c, phone_s = NodeRecord("Phone", "+5016221234", {}), NodeRecord("Phone", "+5016339876", {})
    call = NodeRecord("Call", "call-1", {"date": "2026-03-14"})
    pay = NodeRecord("Payment", "pay-1", {"amount": 500.0, "currency": "BZD"})
    bar = r("Organization", name="Sunset Bar", kind="venue")
    rels = [
        rel("RECRUITED", carlos, ana, ev(date="2026-03-01")),
        rel("USES_PHONE", carlos, phone_c), rel("USES_PHONE", sgt, phone_s),
        rel("CALLED", phone_c, call), rel("CALL_TO", call, phone_s),
        rel("PAID", carlos, pay), rel("PAID_TO", pay, sgt),
        rel("SEEN_AT", sgt, bar), rel("OWNS", carlos, bar),
        rel("INVESTIGATED", cpl, carlos), rel("ASSOCIATED_WITH", cpl, ana),
    ]
    return [carlos, ana, sgt, cpl, phone_c, phone_s, call, pay, bar], rels


def projected_case() -> tuple[Any, ...]:
    """(G, carlos, ana, sgt, cpl): :func:`case_records` projected to the entity graph."""
    from workbench.project import from_records

    nodes, rels = case_records()
    return (from_records(nodes, rels), *nodes[:4])


# -- extractions --------------------------------------------------------------------------------

Spec = tuple[str, str] | tuple[str, str, dict[str, Any]]


def build_note(note_id: str, *mentions: Spec, relations: tuple[tuple[str, int, int], ...] = (),
               case_id: str | None = "case-1", date: str | None = None) -> Extraction:
    """``build_note("n1", ("Person", "Carlos Reyes"), ("Phone", "622-1234", {"key": "+5016221234"}),
    relations=(("USES_PHONE", 0, 1),))``: mentions are laid out one per sentence."""
    from ingest.results import Extraction

    text, built = "", []
    for spec in mentions:
        label, surface, *rest = spec
        extra = rest[0] if rest else {}
        start = len(text)
        sentence = f"{surface} was named."
        text += sentence + " "
        extra = {"method": "test", **extra}
        built.append(Mention(note_id, label, surface, start, start + len(surface), sentence, **extra))
    rels = tuple(
        Relation(rel_type, built[i].id, built[j].id,
                 Evidence(note_id, text.strip(), built[i].start, built[j].end, "test"))
        for rel_type, i, j in relations
    )
    note = Note(id=note_id, path=f"{note_id}.txt", text=text, case_id=case_id, date=date)
    return Extraction(note, tuple(built), rels)


def phone(number: str) -> tuple[str, str, dict[str, Any]]:
    """A phone mention for :func:`build_note`, keyed by its E.164 form."""
    return ("Phone", number, {"key": clean_phone(number)})


# -- entity graphs ------------------------------------------------------------------------------

def evidence_row(note_id: str, sentence: str, *, start: int = 0, method: str = "test", confidence: float = 0.9,
                 date: str | None = "2024-03-01") -> dict[str, Any]:
    """One evidence row of an entity graph's edge."""
    return {"note_id": note_id, "sentence": sentence, "start": start, "end": start + len(sentence),
            "method": method, "confidence": confidence, "date": date}


def node(G: nx.MultiDiGraph, label: str, key: str, **attrs: Any) -> str:
    """Add an entity node; its id is ``Label:key`` and its name defaults to the key."""
    node_id = f"{label}:{key}"
    attrs.setdefault("name", key)
    G.add_node(node_id, label=label, key=key, **attrs)
    return node_id


def edge(G: nx.MultiDiGraph, u: str, type_: str, v: str, evidence: Iterable[dict[str, Any]] = (), *,
         key: str | None = None, **attrs: Any) -> str:
    """Add a relationship with its evidence rows; its id (and key) defaults to ``type:u:v``, its
    ``evidence_count`` to the rows (at least one), its ``confidence`` to the rows' highest (or 1.0)."""
    rows = list(evidence)
    key = key or f"{type_}:{u}:{v}"
    attrs.setdefault("evidence_count", max(1, len(rows)))
    attrs.setdefault("confidence", max((row["confidence"] for row in rows), default=1.0))
    G.add_edge(u, v, key=key, type=type_, id=key, evidence=rows, **attrs)
    return key


@dataclass
class CaseBuilder:
    """Builds an entity MultiDiGraph; every edge gets one evidence sentence of its own note."""

    G: nx.MultiDiGraph = field(default_factory=nx.MultiDiGraph)
    count: int = 0

    def node(self, label: str, key: str, **attrs: Any) -> str:
        return node(self.G, label, key, **attrs)

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
        rows = [evidence_row(note or f"note-{rid}-{i}", text, start=10 * i, method=method, date=day)
                for i, day in enumerate(dates)]
        return edge(self.G, u, rel, v, rows, key=rid, evidence_count=len(rows), confidence=0.9, **attrs)

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
