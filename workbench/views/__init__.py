"""Views of projected graphs: offline network pages, a map, pseudonyms, reductions, sigma, timelines.

Public API (notebooks import from here)::

    from workbench.views import network_html, save_view, show, map_html, save_map, sigma_view, save_sigma
"""
from workbench.views.events import collapse_events
from workbench.views.map import map_html, save_map
from workbench.views.network import network_html, resolve_node, save_view, show
from workbench.views.pseudonyms import Pseudonyms, pseudonym_table, pseudonymize
from workbench.views.reduce import Reduction, reduce_graph
from workbench.views.sigma import save_sigma, sigma_view
from workbench.views.style import community_colors, edge_style, kind_color, legend, node_style, style_table, view_style
from workbench.views.text import csv_cell, visible_controls, xml_text
from workbench.views.timeline_chart import timeline_chart

__all__ = [
    "Pseudonyms", "Reduction", "collapse_events", "community_colors", "csv_cell", "edge_style", "kind_color", "legend",
    "map_html", "network_html", "node_style", "pseudonym_table", "pseudonymize", "reduce_graph", "resolve_node",
    "save_map", "save_sigma", "save_view", "show", "sigma_view", "style_table", "timeline_chart", "view_style",
    "visible_controls", "xml_text",
]
