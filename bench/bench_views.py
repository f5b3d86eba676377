"""Benchmark of the network views: HTML size, build time and browser render time by graph size.

Why: performance-anchors 2.4 says vis-network is smooth to a few thousand nodes with physics
off and a precomputed layout; this checks our pages against that. For 100, 1,000 and 5,000
nodes (a seeded scale-free entity graph with one evidence sentence per edge) it measures:

- ``build s``: Python time of ``network_html`` (pseudonymize, reduce, layout, data, page), and
  ``cpu s`` the same in CPU time (``time.process_time``), which other work on the machine
  disturbs much less;
- ``KB``: page size (vis-network inlined is about 690 KB of it);
- ``draw ms``: in the page, ``new vis.Network`` to the first ``afterDrawing``;
- ``load ms``: in the page, navigation start to the first ``afterDrawing`` (parse + draw);
- ``chromium s``: wall clock of the whole headless Chromium run (start-up included).

5,000 nodes are measured twice: with the default reduction (1,500 shown) and forced whole
(``max_nodes=5000``). Ratios are against the 100-node row of the same run. Headless Chromium
runs with ``--virtual-time-budget``; in-page times are Chromium's ``performance.now()``.
Each figure is the median of ``REPEATS`` runs (the first build of a process, which also reads
vis-network and the schema, is a warm-up and not counted): on a shared two-core machine a
single run varies by a factor of two.

A last row measures the map page (``views.map_html``) on the 1,000-node graph with places and
sightings added: build, size and the page's own draw time.

A second table prices the protection layer: the same 1,000- and 5,000-node builds with victims
and witnesses pseudonymized (the default) and with ``reveal=True`` (no protection), interleaved,
the fastest CPU time of seven each, and their ratio (issue 15 asks for views + protection within
+25% of the views alone). On a loaded machine even these move by 10-20%; for an exact figure run
one build of each under ``valgrind --tool=callgrind`` and compare the instruction counts.

Usage (from the repository root)::

    python bench/bench_views.py            # or: python -m bench views
"""
from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from workbench.views import network_html  # noqa: E402
from workbench.views.headless import render_in_browser  # noqa: E402

REPEATS = 3
TOWNS = ["Corozal Town", "Orange Walk Town", "Belize City", "San Ignacio", "Benque Viejo del Carmen", "Dangriga",
         "Punta Gorda", "Chetumal", "Melchor de Mencos", "Santa Elena Border"]

LABELS = ["Person"] * 6 + ["Phone", "Organization", "Location", "Payment"]
ROLES = ["suspect", "victim", "witness", "official", "unknown"]
TYPES = {"Person": "ASSOCIATED_WITH", "Phone": "USES_PHONE", "Organization": "SEEN_AT", "Location": "LIVES_AT",
         "Payment": "PAID"}


def entity_graph(n: int, seed: int = 42) -> nx.MultiDiGraph:
    """Seeded scale-free entity graph shaped like a projection (labels, roles, evidence)."""
    rng = random.Random(seed)
    base = nx.barabasi_albert_graph(n, 2, seed=seed)
    G = nx.MultiDiGraph()
    for i in base:
        label = rng.choice(LABELS)
        G.add_node(f"{label}:{i:06d}", label=label, name=f"{label} {i}", role=rng.choice(ROLES) if label == "Person" else None,
                   evidence_count=rng.randint(1, 9))
    ids = list(G)
    for j, (u, v) in enumerate(base.edges()):
        a, b = ids[u], ids[v]
        kind = TYPES[b.split(":")[0]]
        G.add_edge(a, b, key=f"r{j}", id=f"r{j}", type=kind, evidence_count=rng.randint(1, 6),
                   evidence=[{"note_id": f"n{j % 997}", "sentence": f"{G.nodes[a]['name']} and {G.nodes[b]['name']} were seen together.",
                              "confidence": 0.8, "date": "2024-05-01"}])
    return G


def measure(G: nx.MultiDiGraph, **kwargs: object) -> dict[str, float]:
    builds, cpus, loads = [], [], []
    for _ in range(REPEATS):
        started, cpu = time.perf_counter(), time.process_time()
        page = network_html(G, **kwargs)
        builds.append(time.perf_counter() - started)
        cpus.append(time.process_time() - cpu)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "view.html"
        path.write_text(page, encoding="utf-8")
        for _ in range(REPEATS):
            loads.append(render_in_browser(path, budget_ms=60000, timeout=300))
    med = lambda key: statistics.median(float(r.status.get(key, "nan")) for r in loads)  # noqa: E731
    return {"shown": float(loads[0].status.get("nodes", "nan")), "build": statistics.median(builds),
            "cpu": statistics.median(cpus),
            "kb": len(page.encode("utf-8")) / 1024, "draw": med("network-ms"), "load": med("render-ms"),
            "wall": statistics.median(r.seconds for r in loads)}


def with_places(G: nx.MultiDiGraph, seed: int = 42) -> nx.MultiDiGraph:
    """``G`` plus the towns of ``TOWNS`` and dated sightings of its people there (for the map)."""
    rng = random.Random(seed)
    H = G.copy()
    for i, town in enumerate(TOWNS):
        H.add_node(f"Location:t{i}", label="Location", name=town)
    for j, n in enumerate([n for n, d in G.nodes(data=True) if d.get("label") == "Person"]):
        for k in range(3):
            day = f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            H.add_edge(n, f"Location:t{rng.randrange(len(TOWNS))}", key=f"s{j}.{k}", type="SEEN_AT",
                       first_seen=day, last_seen=day)
    return H


def measure_map(G: nx.MultiDiGraph) -> dict[str, float]:
    from workbench.views.map import map_html

    map_html(G)  # warm-up: the gazetteer is read once per process
    builds = []
    for _ in range(REPEATS):
        started = time.perf_counter()
        page = map_html(G)
        builds.append(time.perf_counter() - started)
    loads = [render_in_browser(page, budget_ms=20000) for _ in range(REPEATS)]
    return {"build": statistics.median(builds), "kb": len(page.encode("utf-8")) / 1024,
            "moves": float(loads[0].status.get("moves", "nan")), "wall": statistics.median(r.seconds for r in loads)}


def protection_table(repeats: int = 7) -> None:
    """Build CPU with protection (the default) against ``reveal=True``: the same graphs, the two
    builds interleaved, the fastest of ``repeats`` each (the least disturbed by the other work on a
    shared machine, which slows the copying protected build more than the other)."""
    print(f"\n{'nodes':<16}{'protected s':>12}{'revealed s':>11}{'ratio':>7}")
    for name, n, kwargs in (("1,000", 1000, {}), ("5,000 (reduced)", 5000, {}),
                            ("5,000 (whole)", 5000, {"max_nodes": 5000})):
        G = entity_graph(n)
        times: dict[bool, list[float]] = {False: [], True: []}
        for _ in range(repeats):
            for reveal in (False, True):
                cpu = time.process_time()
                network_html(G, reveal=reveal, **kwargs)
                times[reveal].append(time.process_time() - cpu)
        shown, revealed = min(times[False]), min(times[True])
        print(f"{name:<16}{shown:>12.2f}{revealed:>11.2f}{shown / revealed:>7.2f}")


def main(argv: list[str]) -> None:
    network_html(entity_graph(100))  # warm-up: vis-network, the schema, the layout's tables
    runs = [("100", entity_graph(100), {}), ("1,000", entity_graph(1000), {}),
            ("5,000 (reduced)", entity_graph(5000), {}), ("5,000 (whole)", entity_graph(5000), {"max_nodes": 5000})]
    rows = []
    for name, G, kwargs in runs:
        rows.append((name, G.number_of_edges(), measure(G, **kwargs)))
    base = rows[0][2]
    print(f"{'nodes':<16}{'edges':>7}{'shown':>7}{'build s':>9}{'cpu s':>7}{'KB':>8}{'draw ms':>9}{'load ms':>9}"
          f"{'chromium s':>11}{'draw x':>8}{'KB x':>7}")
    for name, edges, m in rows:
        print(f"{name:<16}{edges:>7}{m['shown']:>7.0f}{m['build']:>9.2f}{m['cpu']:>7.2f}{m['kb']:>8.0f}{m['draw']:>9.0f}"
              f"{m['load']:>9.0f}{m['wall']:>11.2f}{m['draw'] / base['draw']:>8.1f}{m['kb'] / base['kb']:>7.1f}")
    protection_table()
    try:
        from workbench.views import map as _map  # noqa: F401  (older checkouts have no map page)
    except ImportError:
        return
    m = measure_map(with_places(entity_graph(1000)))
    print(f"{'map (1,000)':<16}{'':>7}{m['moves']:>7.0f}{m['build']:>9.2f}{'':>7}{m['kb']:>8.0f}{'':>9}{'':>9}"
          f"{m['wall']:>11.2f}")


if __name__ == "__main__":
    main(sys.argv[1:])
