"""The workbench: everything downstream of validated records.

Notebooks use this public API::

    import workbench
    wb = workbench.connect()              # local Neo4j (started if needed) or NEO4J_URI
    G = wb.case_graph("BZ-TIP-2026-118")  # entity graph (networkx MultiDiGraph)
    P = wb.person_network("BZ-TIP-2026-118")
    workbench.analysis.key_players(P)

``connect`` is imported lazily so that ``import workbench.analysis`` stays light.
"""
from __future__ import annotations

from typing import Any

__all__ = ["Workbench", "connect", "load_settings"]


def __getattr__(name: str) -> Any:
    if name in {"Workbench", "connect"}:
        from workbench import api

        return getattr(api, name)
    if name == "load_settings":
        from workbench.settings import load_settings

        return load_settings
    raise AttributeError(f"module 'workbench' has no attribute {name!r}")
