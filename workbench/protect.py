"""The one protection layer: every table, text and flag run the workbench hands out passes here.

Why one module: victims and witnesses were pseudonyms in the views but real names in the tables
(key players, communities, hidden ties, evidence, flags) because each output scrubbed, or forgot
to scrub, on its own. Here one table per case (:func:`case_table`, built by
:func:`workbench.views.pseudonym_table`: who is protected, their pseudonyms, every written form of
their names, their identifying numbers) is applied to whatever leaves: :func:`protect` takes a
string, a DataFrame, a flag run (any dataclass), a list, a dict or a graph, and returns a
protected copy.

Decisions:

- **The case's numbering everywhere.** A table is built per case and, for every case at once,
  merged in case order (a person in several cases keeps the pseudonym of the first): "Victim 3"
  is the same person in ``find``, the evidence table, the report, the views and the key players.
  :func:`attach` puts the table on the graphs the workbench projects, so a view of a
  neighbourhood or of a flag's subgraph numbers its victims as the case does.
- **Structure stays.** Node ids of people are opaque hashes and are kept (a row's ``node`` can be
  passed back to the workbench); the fields of a flag that point into the graph (``official``,
  ``edges``, ``suspects``, ``edge_id``) are kept so ``flag.subgraph(G)`` still works. Every other
  string is scrubbed, identifiers' ids included ("Phone:[phone of Victim 3]").
- **Protection follows a person into another case.** Cases never merge people, so a victim of
  one case whom a second case names ("Santa Xix was seen at the bar") is a person of the second
  case with no role stated there. Her name or her numbers in the second case's outputs expose
  the first case's victim all the same, so a person of a case who has no role in it (none
  stated, none inferred: ``unknown``) and whose full name (folded) another case protects is
  protected in that case too (:func:`carried_over`), as "Protected 1", numbered after the case's
  own victims and witnesses: the other case's role does not travel, only the protection. A role
  the case gives of its own (a suspect, an official) stands: no role moves between cases.
- **Revealing is the caller's decision, and it is audited there** (:mod:`workbench.api`): this
  module only protects.
"""
from __future__ import annotations

import dataclasses
from collections.abc import Collection, Mapping
from typing import Any

import networkx as nx
import pandas as pd

from graph_schema import load_schema
from workbench.views.masking import node_label_of
from workbench.views.pseudonyms import GRAPH_KEY, Pseudonyms, protected_people, pseudonym_table, pseudonymize
from workbench.views.scrub import name_key

__all__ = ["CARRIED", "attach", "carried_over", "case_table", "merge_tables", "protect", "protected_names",
           "unroled_names"]

#: What a person another case protects is called in a case that gives her no role ("Protected 1").
CARRIED = "protected"

#: Dataclass fields that point into the graph: kept as they are.
_STRUCTURE = frozenset({"official", "edges", "suspects", "edge_id", "start", "end", "params"})


def merge_tables(tables: list[Pseudonyms]) -> Pseudonyms:
    """One table from several (cases in order): the first table's entry wins for a node, name or number."""
    mapping: dict[Any, str] = {}
    replacements: dict[str, str] = {}
    numbers: dict[str, str] = {}
    for table in tables:
        for node, pseudonym in table.mapping.items():
            mapping.setdefault(node, pseudonym)
        for key, value in table.replacements.items():
            replacements.setdefault(key, value)
        for key, value in table.numbers.items():
            numbers.setdefault(key, value)
    return Pseudonyms(mapping=mapping, replacements=replacements, numbers=numbers)


def protected_names(G: nx.Graph) -> set[str]:
    """The folded full names of the people ``G`` protects (its victims and witnesses)."""
    return {name_key(str(G.nodes[n].get("name") or "")) for n in protected_people(G)} - {""}


def unroled_names(G: nx.Graph) -> dict[Any, str]:
    """Node -> folded full name, for the people of ``G`` it gives no role (none, or ``unknown``)."""
    people = {label for label, spec in load_schema().nodes.items() if spec.pseudonymize_roles}
    return {node: name_key(str(data.get("name") or "")) for node, data in G.nodes(data=True)
            if data.get("role") in (None, "", "unknown") and node_label_of(node, data) in people
            and name_key(str(data.get("name") or ""))}


def carried_over(G: nx.Graph, elsewhere: Collection[str]) -> dict[Any, str]:
    """Node -> :data:`CARRIED`: the people of one case's ``G`` with no role in it whose full name
    another case protects (``elsewhere``: that case's :func:`protected_names`).

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("Person:x", label="Person", name="SANTA XIX", role="unknown")
    >>> G.add_node("Person:k", label="Person", name="Keyla Salazar", role="suspect")
    >>> carried_over(G, {"santa xix", "keyla salazar"})  # a suspect of this case stays one
    {'Person:x': 'protected'}
    """
    return {node: CARRIED for node, key in unroled_names(G).items() if key in elsewhere}


def case_table(G: nx.MultiDiGraph, case_id: str | None = None, *, elsewhere: Collection[str] = ()) -> Pseudonyms:
    """The protection table of one case's graph, or (``case_id=None``) of every case ``G`` holds,
    each numbered as its own case is. ``elsewhere``: the names other cases protect (for one case;
    every case's graph carries its own), see :func:`carried_over`.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("Person:a", label="Person", name="Ana Cruz", role="victim")
    >>> G.add_node("Person:b", label="Person", name="Rosa Diaz", role="victim")
    >>> G.add_node("Person:s", label="Person", name="Juan Reyes", role="suspect")
    >>> _ = G.add_edge("Person:s", "Person:b", type="RECRUITED", case_ids=["BZ-2"])
    >>> _ = G.add_edge("Person:s", "Person:a", type="RECRUITED", case_ids=["BZ-1"])
    >>> case_table(G).mapping  # each victim is "Victim 1" of her own case
    {'Person:a': 'Victim 1', 'Person:b': 'Victim 1'}
    """
    if case_id is not None:
        return pseudonym_table(G, also=carried_over(G, elsewhere))
    cases = sorted({c for *_, d in G.edges(data=True) for c in d.get("case_ids") or ()})
    parts = {case: G.edge_subgraph([(u, v, k) for u, v, k, d in G.edges(keys=True, data=True)
                                    if case in (d.get("case_ids") or ())]) for case in cases}
    names = {case: protected_names(part) for case, part in parts.items()}
    tables = []
    for case, part in parts.items():
        others = set().union(*(n for other, n in names.items() if other != case))
        tables.append(pseudonym_table(part, also=carried_over(part, others)))
    tables.append(pseudonym_table(G))  # people tied to no case at all
    return merge_tables(tables)


def attach(G: nx.Graph, table: Pseudonyms) -> nx.Graph:
    """``G`` itself, now carrying its case's table (see :mod:`workbench.views.pseudonyms`)."""
    G.graph[GRAPH_KEY] = table
    return G


def protect(value: Any, table: Pseudonyms) -> Any:
    """A protected copy of ``value``: names scrubbed, numbers masked, protected people by pseudonym.

    >>> t = Pseudonyms(mapping={"Person:a": "Victim 1"}, replacements={"ana cruz": "Victim 1"},
    ...                numbers={"5016221234": "[phone of Victim 1]"})
    >>> frame = pd.DataFrame([{"node": "Person:a", "name": "ANA CRUZ", "reasons": {"called +501 622-1234": 1}}])
    >>> protect(frame, t).to_dict("records")
    [{'node': 'Person:a', 'name': 'Victim 1', 'reasons': {'called [phone of Victim 1]': 1}}]
    """
    if isinstance(value, str):
        return table.scrub(value)
    if isinstance(value, pd.DataFrame):
        out = value.copy()
        for column in out.columns:
            if not pd.api.types.is_numeric_dtype(out[column]) or out[column].dtype == object:
                out[column] = [protect(v, table) for v in out[column]]
        return out
    if isinstance(value, pd.Series):
        return pd.Series([protect(v, table) for v in value], index=value.index, name=value.name)
    if isinstance(value, nx.Graph):  # carries the numbering only: no real name in its attributes
        return attach(pseudonymize(value, protection=table)[0], Pseudonyms(mapping=dict(table.mapping)))
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {f.name: protect(getattr(value, f.name), table) for f in dataclasses.fields(value)
                   if f.init and f.name not in _STRUCTURE}
        return dataclasses.replace(value, **changes)
    if isinstance(value, Mapping):
        return {protect(k, table): protect(v, table) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        items = [protect(v, table) for v in value]
        return items if isinstance(value, list) else type(value)(items)
    return value
