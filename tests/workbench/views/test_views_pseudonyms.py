"""Victims and witnesses are pseudonyms everywhere unless reveal=True is passed."""
from __future__ import annotations

import networkx as nx

from workbench.views import network_html, pseudonym_table, pseudonymize

REAL = ["Maria Lopez", "Ana Cruz", "Jose Pena", "Mari"]


def test_numbering_is_stable_and_sorted_by_node_id(case):
    _, mapping = pseudonymize(case)
    assert mapping == {"Person:v1": "Victim 1", "Person:v2": "Victim 2", "Person:w1": "Witness 1"}
    shuffled = nx.MultiDiGraph()
    shuffled.add_nodes_from(reversed(list(case.nodes(data=True))))
    shuffled.add_edges_from(case.edges(keys=True, data=True))
    assert pseudonymize(shuffled)[1] == mapping


def test_names_replaced_in_sentences_but_shared_surname_kept(case):
    H, _ = pseudonymize(case)
    sentences = [e["sentence"] for _, _, d in H.edges(data=True) for e in d["evidence"]]
    assert "Carlos Reyes recruited Victim 2 in Chetumal." in sentences
    assert "Victim 2 said Carlos promised her a job." in sentences  # alias
    assert "Luis Lopez drove Victim 2 to the Blue Parrot Bar." in sentences  # suspect keeps his surname
    assert "Witness 1 saw Victim 1 at the bar." in sentences
    assert "aliases" not in H.nodes["Person:v2"]
    assert case.nodes["Person:v2"]["name"] == "Maria Lopez"  # input untouched


def test_view_hides_real_names_unless_revealed(case):
    hidden = network_html(case)
    for name in REAL:
        assert name not in hidden
    assert "Victim 2" in hidden
    shown = network_html(case, reveal=True)
    assert "Maria Lopez" in shown and "Victim 2" not in shown


def test_highlight_by_real_name_does_not_leak(case, data_of):
    data = data_of(network_html(case, highlight=["Maria Lopez"]))
    assert data["highlight"] == ["Person:v2"]
    assert "Maria" not in str(data)


def test_shared_first_name_among_victims_is_withheld():
    G = nx.Graph()
    G.add_node("Person:1", label="Person", name="Rosa Cruz", role="victim")
    G.add_node("Person:2", label="Person", name="Rosa Diaz", role="victim")
    assert pseudonym_table(G).scrub("Rosa arrived.") == "[name withheld] arrived."
