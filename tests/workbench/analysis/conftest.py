"""Fixtures for workbench.analysis: published networks (read from ../shared), hand-built cases."""
from __future__ import annotations

import csv
from pathlib import Path

import networkx as nx
import pytest

from tests.factory import edge, evidence_row, node
from tests.shared_data import shared_data


def load_network(name: str, *, directed: bool = False) -> nx.Graph:
    """An edge-list CSV of ../shared/data/networks as a graph; skips the test when the folder is
    not beside the repository (a user's clone), fails under CI."""
    path = shared_data("networks", f"{name}.csv")
    G: nx.Graph = nx.DiGraph() if directed else nx.Graph()
    with path.open(newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            G.add_edge(row["source"], row["target"], weight=float(row.get("weight") or 1))
    return G


@pytest.fixture
def network():
    """Loader fixture: ``network("krebs_911_hijackers")``."""
    return load_network


def rel(G: nx.MultiDiGraph, type_: str, u: str, v: str, *dated: tuple[str, str]) -> None:
    """Add a relationship with one evidence row per (date, sentence), seen from the first date to the last."""
    rows = [evidence_row(f"note-{i}", s, confidence=1.0, date=d) for i, (d, s) in enumerate(dated)]
    dates = [d for d, _ in dated]
    edge(G, u, type_, v, rows, relation=type_, first_seen=min(dates, default=None), last_seen=max(dates, default=None))


@pytest.fixture
def case_graph() -> nx.MultiDiGraph:
    """A small Belize case: a recruiter, a victim, a bar, a paid official, shared phones, notes."""
    G = nx.MultiDiGraph()
    carlos = node(G, "Person", "carlos", name="Carlos Reyes", role="suspect", evidence_count=5)
    rosa = node(G, "Person", "rosa", name="Rosa Diaz", role="suspect", evidence_count=3)
    maria = node(G, "Person", "maria", name="Maria L.", role="victim", evidence_count=2)
    cpl = node(G, "Person", "cpl", name="Cpl. Jonas Pook", role="official", agency="Police",
               evidence_count=2)
    nameless = node(G, "Person", "5016339999", name="+501 633-9999", role="unknown",
                    evidence_count=1)
    phone = node(G, "Phone", "+5016221234", name="+5016221234", evidence_count=3)
    burner = node(G, "Phone", "+5016000000", name="+5016000000", evidence_count=1)
    bar = node(G, "Organization", "blue-parrot", name="Blue Parrot Bar", venue_type="bar",
               evidence_count=4)
    pay = node(G, "Payment", "p1", name="BZD 500 cash", amount=500, currency="BZD",
               channel="cash", date="2024-03-01")
    call = node(G, "Call", "c1", name="call 2024-03-02", date="2024-03-02", kind="voice",
                duration_s=95)
    note = node(G, "Note", "n1", name="interview.txt")
    rel(G, "RECRUITED", carlos, maria, ("2024-02-10", "Carlos recruited Maria in Benque."))
    rel(G, "HARBORED", rosa, maria, ("2024-02-20", "Maria stayed in Rosa's house."))
    rel(G, "OWNS", carlos, bar, ("2024-01-05", "Carlos owns the Blue Parrot."))
    rel(G, "SEEN_AT", maria, bar, ("2024-02-21", "Maria was seen at the Blue Parrot."))
    rel(G, "USES_PHONE", carlos, phone, ("2024-02-01", "Carlos uses 622-1234."))
    rel(G, "USES_PHONE", rosa, phone, ("2024-02-15", "Rosa answered 622-1234."))
    rel(G, "PAID", carlos, pay, ("2024-03-01", "Carlos paid the corporal 500 dollars."))
    rel(G, "PAID_TO", pay, cpl, ("2024-03-01", "Carlos paid the corporal 500 dollars."))
    rel(G, "CALLED", cpl, call, ("2024-03-02", "The corporal called a number ending 0000."))
    rel(G, "CALL_TO", call, burner)
    rel(G, "ASSOCIATED_WITH", nameless, rosa, ("2024-03-03", "A man on 633-9999 asked for Rosa."))
    for person in (carlos, rosa, maria, cpl):
        rel(G, "MENTIONS", note, person)
    return G


@pytest.fixture
def six_cell() -> nx.Graph:
    """Six people: two pairs who know each other only through broker Rico, plus Eli on Rico."""
    return nx.Graph([("Ana", "Ben"), ("Cruz", "Dina"), ("Rico", "Ana"), ("Rico", "Ben"),
                     ("Rico", "Cruz"), ("Rico", "Dina"), ("Rico", "Eli")])
