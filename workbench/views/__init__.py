"""Views of projected graphs: offline network pages, pseudonyms, reductions, sigma, timelines.

Public API (notebooks import from here)::

    from workbench.views import network_html, save_view, show, pseudonymize, sigma_view, timeline_chart
"""
from workbench.views.network import network_html, resolve_node, save_view, show
from workbench.views.pseudonyms import Pseudonyms, pseudonym_table, pseudonymize
from workbench.views.reduce import Reduction, reduce_graph
from workbench.views.sigma import sigma_view
from workbench.views.style import community_colors, edge_style, kind_color, legend, node_style
from workbench.views.timeline_chart import timeline_chart

__all__ = [
    "Pseudonyms", "Reduction", "community_colors", "edge_style", "kind_color", "legend", "network_html",
    "node_style", "pseudonym_table", "pseudonymize", "reduce_graph", "resolve_node", "save_view", "show",
    "sigma_view", "timeline_chart",
]
