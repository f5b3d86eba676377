"""The whole graph as one offline sigma.js page: the export for graphs too big for the network view."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import networkx as nx

from workbench.views.sigma import save_sigma

__all__ = ["to_sigma"]


def to_sigma(G: nx.Graph, path: str | Path, *, reveal: bool = False, title: str = "Graph", seed: int = 7,
             **options: Any) -> Path:
    """Write ``views.save_sigma``'s offline page of ``G`` (victims and witnesses pseudonymized
    unless ``reveal``); ``options`` go to ``views.sigma_view``."""
    return save_sigma(G, path, title=title, reveal=reveal, seed=seed, **options)
