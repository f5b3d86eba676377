"""Network analysis for investigators: plain networkx graphs in, plain data out.

Every function takes an entity graph (``MultiDiGraph``), a person network or any plain networkx
graph, never modifies it, and returns a dict, list or pandas DataFrame (see docs/CONTRACTS.md).
"""
from workbench.analysis.brokers import articulation_points, bridges, constraint, effective_size
from workbench.analysis.centrality import (betweenness, closeness, core_number, degree,
                                           eigenvector, pagerank, weighted_degree)
from workbench.analysis.communities import community_map, louvain, modularity
from workbench.analysis.disruption import disruption_plan, fragmentation, key_player_set
from workbench.analysis.keyplayers import key_players
from workbench.analysis.paths import k_shortest_paths, path_frame, shortest_path
from workbench.analysis.simple import node_info, to_igraph, to_simple
from workbench.analysis.structure import centralization, density, summary
from workbench.analysis.ties import hidden_ties, leads, shared_phones
from workbench.analysis.timeline import activity, first_last_seen, timeline

__all__ = [
    "activity", "articulation_points", "betweenness", "bridges", "centralization", "closeness",
    "community_map", "constraint", "core_number", "degree", "density", "disruption_plan",
    "effective_size", "eigenvector", "first_last_seen", "fragmentation", "hidden_ties",
    "k_shortest_paths", "key_player_set", "key_players", "leads", "louvain", "modularity",
    "node_info", "pagerank", "path_frame", "shared_phones", "shortest_path", "summary",
    "timeline", "to_igraph", "to_simple", "weighted_degree",
]
