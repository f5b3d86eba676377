"""Benchmark: complicity_flags on a large synthetic entity graph (10k notes' worth by default).

Why a ratio: DESIGN.md asks for speed as a ratio against a baseline measured in the same run, so
the figure survives a slower or busier machine. The baseline is one full pass over every edge's
data (the least any whole-graph analysis must do); the report gives seconds and the ratio.

Shape (per note: ~2 nodes, ~10 edges): people with roles (suspects, victims, witnesses, officials,
investigators), phones, accounts, vehicles, addresses, venues, Payment and Call events, and the
CONTRACTS.md edge attributes (type, id, evidence list, evidence_count). Officials are given
payments, calls, venues and tip-offs at random; investigators investigate many suspects.

Usage: python bench/bench_flags.py [--notes 10000] [--seed 0] [--repeat 3]
"""
from __future__ import annotations

import argparse
import json
import random
import time
from collections import Counter
from collections.abc import Callable
from typing import Any

import networkx as nx

from workbench.flags import complicity_flags

ROLES = [("suspect", 0.12), ("victim", 0.3), ("witness", 0.15), ("official", 0.05), ("investigator", 0.01)]


def _edge(G: nx.MultiDiGraph, rng: random.Random, u: str, rel: str, v: str, note_count: int) -> None:
    rid = f"rel-{G.graph['next_edge']}"  # number_of_edges() is O(n) on a MultiDiGraph
    G.graph["next_edge"] += 1
    evidence = [{"note_id": f"note-{rng.randrange(note_count)}", "sentence": f"{u} {rel} {v}.",
                 "start": 0, "end": 20, "method": "bench", "confidence": 0.8, "date": "2024-01-01"}
                for _ in range(rng.choice((1, 1, 2)))]
    G.add_edge(u, v, key=rid, type=rel, id=rid, evidence=evidence, evidence_count=len(evidence))


def _nodes(G: nx.MultiDiGraph, rng: random.Random, notes: int) -> dict[str, list[str]]:
    counts = {"Person": int(0.6 * notes), "Phone": int(0.3 * notes), "Account": notes // 12,
              "Vehicle": notes // 25, "Location": notes // 8, "Organization": notes // 25,
              "Payment": int(0.3 * notes), "Call": int(0.5 * notes)}
    by_label: dict[str, list[str]] = {}
    for label, n in counts.items():
        for i in range(n):
            node = f"{label}:{i}"
            attrs: dict[str, Any] = {"label": label, "key": str(i), "name": f"{label} {i}"}
            if label == "Person":
                r, acc = rng.random(), 0.0
                attrs["role"] = "unknown"
                for role, share in ROLES:
                    acc += share
                    if r < acc:
                        attrs["role"] = role
                        break
            elif label == "Location":
                attrs["kind"] = "address" if rng.random() < 0.8 else "town"
            elif label == "Payment":
                attrs.update(amount=float(rng.randrange(50, 5000)), currency="BZD", channel="cash")
            G.add_node(node, **attrs)
            by_label.setdefault(label, []).append(node)
    for role, _ in [*ROLES, ("unknown", 0)]:
        by_label[role] = [n for n in by_label["Person"] if G.nodes[n]["role"] == role]
    return by_label


def build(notes: int = 10_000, seed: int = 0) -> nx.MultiDiGraph:
    """A synthetic case of ``notes`` notes' worth: ~2 nodes and ~10 edges per note."""
    rng = random.Random(seed)
    G = nx.MultiDiGraph(next_edge=0)
    n = _nodes(G, rng, notes)
    payers = n["Person"] + n["Account"][:50]
    pick: Callable[[str], str] = lambda key: rng.choice(n[key])  # noqa: E731
    add = lambda u, rel, v: _edge(G, rng, u, rel, v, notes)  # noqa: E731
    for phone in n["Phone"]:
        add(pick("Person"), "USES_PHONE", phone)
    for account in n["Account"]:
        add(pick("Person"), "HOLDS_ACCOUNT", account)
    for pay in n["Payment"]:
        add(rng.choice(payers), "PAID", pay)
        add(pay, "PAID_TO", pick("Person"))
    for call in n["Call"]:
        add(pick("Phone"), "CALLED", call)
        add(call, "CALL_TO", pick("Phone"))
    for venue in n["Organization"]:
        add(pick("suspect"), "OWNS", venue)
        for _ in range(5):
            add(venue, rng.choice(("HARBORED", "EMPLOYS")), pick("victim"))
    plan = [("ASSOCIATED_WITH", "Person", "Person", 4.8), ("SEEN_AT", "Person", "Organization", 1.0),
            ("LIVES_AT", "Person", "Location", 0.5), ("RECRUITED", "suspect", "victim", 0.3),
            ("TRANSPORTED", "suspect", "victim", 0.2), ("THREATENED", "suspect", "victim", 0.15),
            ("RELATED_TO", "Person", "Person", 0.2), ("DRIVES", "Person", "Vehicle", 0.08),
            ("INVESTIGATED", "investigator", "suspect", 0.5), ("TIPPED_OFF", "official", "suspect", 0.005)]
    for rel, src, dst, per_note in plan:
        for _ in range(int(per_note * notes)):
            add(pick(src), rel, pick(dst))
    return G


def _time(fn: Callable[[], Any], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--notes", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    start = time.perf_counter()
    G = build(args.notes, args.seed)
    built = time.perf_counter() - start
    baseline = _time(lambda: Counter(d["type"] for _, _, d in G.edges(data=True)), args.repeat)
    flags_s = _time(lambda: complicity_flags(G), args.repeat)
    report = complicity_flags(G)
    print(json.dumps({
        "notes": args.notes, "nodes": G.number_of_nodes(), "edges": G.number_of_edges(),
        "officials": sum(1 for _, a in G.nodes(data=True) if a.get("role") in ("official", "investigator")),
        "flagged": len(report.flags), "build_s": round(built, 3), "baseline_edge_pass_s": round(baseline, 4),
        "complicity_flags_s": round(flags_s, 3), "ratio_to_baseline": round(flags_s / baseline, 1),
    }, indent=2))


if __name__ == "__main__":
    main()
