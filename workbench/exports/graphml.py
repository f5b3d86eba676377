"""GraphML for yEd, Gephi and Cytoscape: typed keys, the views' colours, sizes and positions, dates."""
from __future__ import annotations

from pathlib import Path

import networkx as nx

from workbench.exports.files import write_file
from workbench.exports.flat import clean_values, day, items, prepared
from workbench.views.style import edge_style
from workbench.views.text import xml_text

__all__ = ["to_graphml"]


def to_graphml(G: nx.Graph, path: str | Path, *, reveal: bool = False, collapse: bool = False, seed: int = 7) -> Path:
    """Write GraphML with typed keys (yEd, Gephi, Cytoscape); read back with ``nx.read_graphml``.

    Keys ``color``, ``r``, ``g``, ``b``, ``size``, ``shape``, ``x``, ``y``, ``start``, ``end``
    carry what GEXF's ``viz`` and time attributes do; ``collapse=True`` folds calls and payments
    into one link per pair first.
    """
    _, F, draw = prepared(G, reveal, collapse, seed)
    out = F.__class__()
    for n, d in F.nodes(data=True):
        out.add_node(xml_text(n), **clean_values({**d, "start": day(d.get("first_seen")) or "",
                                                 "end": day(d.get("last_seen")) or "", **draw[n]}))
    for u, v, k, d in items(F):
        attrs = clean_values({**d, "color": str(edge_style(d.get("type") or None)["color"])})
        if F.is_multigraph():
            out.add_edge(xml_text(u), xml_text(v), key=xml_text(k) if k is not None else None, **attrs)
        else:
            out.add_edge(xml_text(u), xml_text(v), **attrs)
    text = "\n".join(nx.generate_graphml(out, encoding="utf-8", prettyprint=True))
    return write_file(Path(path), text.encode("utf-8"))
