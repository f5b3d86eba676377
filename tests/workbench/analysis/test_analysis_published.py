"""Known answers from published covert networks (../shared/data/networks/README.md)."""
from __future__ import annotations

import statistics

import networkx as nx
import pytest

from workbench.analysis import (betweenness, centralization, closeness, core_number, degree,
                                density, eigenvector, key_players, pagerank)

CAVIAR_CENTRALIZATION = [0.79, 0.79, 0.79, 0.67, 0.67, 0.60, 0.64, 0.44, 0.27, 0.27, 0.25]


def top(values: dict) -> object:
    return max(values, key=values.get)


@pytest.mark.parametrize("source", ["networkx", "csv"])
def test_florentine_medici_is_the_broker(source, network):
    G = nx.florentine_families_graph() if source == "networkx" else network("florentine_families")
    bc = betweenness(G)
    assert bc["Medici"] == pytest.approx(0.522, abs=5e-4)
    assert bc["Guadagni"] == pytest.approx(0.255, abs=5e-4)
    assert bc["Strozzi"] == pytest.approx(0.103, abs=5e-4)
    assert top(bc) == top(degree(G)) == "Medici"


@pytest.mark.parametrize("measure", [degree, betweenness])
def test_karate_leaders_are_nodes_0_and_33(measure):
    values = measure(nx.karate_club_graph())
    assert set(sorted(values, key=values.get)[-2:]) == {0, 33}


def test_krebs_atta_ranks_first(network):
    G = network("krebs_911_hijackers")
    deg, bc, cc = degree(G), betweenness(G), closeness(G)
    assert top(deg) == top(bc) == top(cc) == "Mohamed Atta"
    assert bc["Mohamed Atta"] == pytest.approx(0.587, abs=5e-4)
    assert statistics.mean(cc.values()) == pytest.approx(0.349, abs=5e-4)
    assert [round(deg[n], 3) for n in ("Mohamed Atta", "Marwan Al-Shehhi", "Hani Hanjour")] == [
        0.361, 0.295, 0.213]
    assert sum(v > 0.10 for v in bc.values()) == 6
    assert key_players(G).loc[0, "node"] == "Mohamed Atta"


def test_mexico_trafficking_density_and_centralization(network):
    G = network("mexico_trafficking")
    assert (G.number_of_nodes(), G.number_of_edges()) == (34, 225)
    assert density(G) == pytest.approx(0.401, abs=5e-4)
    assert centralization(G) == pytest.approx(0.4432, abs=5e-5)
    bc = betweenness(G)
    order = sorted(bc, key=bc.get, reverse=True)
    assert [order.index(f"Funcionario {i}") + 1 for i in (1, 2)] == [15, 12]


def test_caviar_decentralizes_under_pressure(network):
    values = [centralization(network(f"caviar_phase{i:02d}", directed=True))
              for i in range(1, 12)]
    assert values == pytest.approx(CAVIAR_CENTRALIZATION, abs=5e-3)
    assert values[0] > values[7] > values[-1]


@pytest.mark.parametrize("phase", [1, 2, 3, 4, 5, 6, 7, 8, 10])
def test_caviar_n1_leads_while_the_network_is_centralized(network, phase):
    G = network(f"caviar_phase{phase:02d}", directed=True)
    assert top(degree(G)) == top(betweenness(G)) == "n1"


MEASURES = [betweenness, closeness, pagerank, core_number, eigenvector]


@pytest.mark.parametrize("name", ["krebs_911_hijackers", "mexico_trafficking", "florentine_families"])
@pytest.mark.parametrize("measure", MEASURES, ids=lambda f: f.__name__)
def test_igraph_backend_gives_networkx_values(network, name, measure):
    G = network(name)
    small, big = measure(G), measure(G, igraph_threshold=0)
    assert big == pytest.approx(small, abs=1e-4)


def test_krebs_key_player_set_fragments_more_than_top_central(network):
    """Computed here, not published: removing 3 chosen people splits the 9/11 network far more
    (F 0.55) than removing the top 3 by degree (0.07) or betweenness (0.16)."""
    from workbench.analysis import disruption_plan

    plan = disruption_plan(network("krebs_911_hijackers"), 3).set_index("strategy")
    kpp = plan.loc["key players (greedy + swap)", "fragmentation"]
    assert kpp > 0.5 > 2 * plan.loc["top betweenness", "fragmentation"]
    assert kpp > plan.loc["top degree", "fragmentation"]
