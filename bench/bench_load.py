"""Benchmark of the Neo4j write path: batched ``UNWIND`` versus one query per row, same data.

Why: the loader's speed comes from batching. This measures, in one run against a throw-away
local Neo4j (its own home and a free port; the user's data is never touched):

- relationships/s writing the same relationship rows one query (and transaction) per row, and
  in ``UNWIND $rows`` batches of 1,000 - the ratio is the batching gain (target >= 10x, and
  >= 10,000 relationships/s);
- the whole loader (nodes, evidence, relationships, statistics) on the same records, into an
  empty database (the first-load path: CREATE, statistics from the batch) at batch sizes of
  1,000 to 10,000, and again on top of it (the merge path: MERGE, statistics re-derived), each as
  a ratio to the raw ``UNWIND`` rate of the same run (target >= 0.6x). The raw write is timed
  before the loaders and again after them, and the faster run is the rate (a JVM keeps getting
  faster as it runs); the loaders are timed after a warm-up load of as many rows as the raw
  write's warm-up runs;
- "own writes": the loader's own first-load statements run bare (per batch of 1,000, one
  transaction: the Evidence nodes, then the relationships with their statistics), timed like the
  raw write; "x own" is a rate over it. The raw write stores one relationship with one property,
  the loader a relationship with its statistics *and* an Evidence node with three indexed keys:
  this line says how much of the gap to raw is the schema's writes and how much the loader's;
- the same batched write with and without the driver's Rust extension (a child process with the
  extension hidden).

Usage: ``python -m bench load`` or ``python bench/bench_load.py [--rels 50000] [--per-row 2000]``.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _records(n_rels: int):
    from graph_schema.records import Evidence, NodeRecord, RelRecord, make_id

    n_people = max(n_rels // 3, 10)
    people = [NodeRecord("Person", make_id("Person", i), {"name": f"Person {i}", "role": "unknown"})
              for i in range(n_people)]
    rels = []
    for i in range(n_rels):
        a, b = people[i % n_people], people[(i * 7 + 1) % n_people]
        if a.key == b.key:
            b = people[(i + 1) % n_people]
        ev = Evidence(f"note-{i // 50}", f"Person {i} met someone.", i, i + 20, "bench", 1.0, None, "2026-01-01")
        rels.append(RelRecord("ASSOCIATED_WITH", "Person", a.key, "Person", b.key, (ev,), {}, discriminator=str(i)))
    return people, rels


def _timed_rel_writes(driver, schema, rels, batch: int) -> float:
    from workbench.store.cypher import write as q

    rows = [{"id": r.id, "source": r.source_key, "target": r.target_key, "props": {}} for r in rels]
    query = q.merge_rels(schema, "ASSOCIATED_WITH", "Person", "Person")
    started = time.perf_counter()
    with driver.session(database="neo4j") as session:
        for i in range(0, len(rows), batch):
            session.execute_write(lambda tx, b=rows[i:i + batch]: tx.run(query, rows=b).consume())
    return time.perf_counter() - started


def _timed_rel_and_evidence_writes(driver, schema, rels, batch: int) -> float:
    """The loader's own first-load statements, bare: per batch, in one transaction, the Evidence
    nodes and then the relationships with their statistics - what the loader must write at the
    least, without its bookkeeping, lanes or flushes."""
    from workbench.store.cypher import write as q
    from workbench.store.loader import _evidence_row, rel_stats, support_of

    evidence, linked = [], []
    for r in rels:
        rows = [_evidence_row(r.id, r.type, ev, None, None) for ev in r.evidence]
        evidence.append(rows)
        linked.append({"id": r.id, "source": r.source_key, "target": r.target_key, "props": {},
                       "stats": rel_stats({row["id"]: support_of(row) for row in rows})})
    create_evidence, create_rels = q.create_evidence(), q.create_rels(schema, "ASSOCIATED_WITH", "Person", "Person")

    def write(tx, i: int) -> None:
        tx.run(q.REUSE_PLAN + create_evidence, rows=[row for rows in evidence[i:i + batch] for row in rows]).consume()
        tx.run(q.REUSE_PLAN + create_rels, rows=linked[i:i + batch]).consume()

    started = time.perf_counter()
    with driver.session(database="neo4j") as session:
        for i in range(0, len(rels), batch):
            session.execute_write(write, i)
    return time.perf_counter() - started


def _only_people(driver, schema, people, rels=(), batch_size: int = 1000) -> None:
    """Empty the database, then load the people (and ``rels``, a warm-up): where every write starts."""
    from workbench.store.loader import load_records

    with driver.session(database="neo4j") as session:
        session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()
    load_records(driver, schema, notes=[], nodes=people, mentions=[], rels=rels, batch_size=batch_size)


def child(port: int, home: str, n_rels: int) -> dict[str, float]:
    """Batched relationship write only (run in a child process, optionally without Rust)."""
    from graph_schema import load_schema
    from workbench.settings import load_settings
    from workbench.store.connection import open_driver

    settings = load_settings({"WORKBENCH_HOME": home, "WORKBENCH_BOLT_PORT": str(port)}, env_files=())
    schema = load_schema()
    people, rels = _records(n_rels)
    with open_driver(settings) as driver:
        _only_people(driver, schema, people)
        seconds = _timed_rel_writes(driver, schema, rels, 1000)
    return {"seconds": seconds, "rate": n_rels / seconds}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rels", type=int, default=50_000)
    parser.add_argument("--per-row", type=int, default=2_000)
    parser.add_argument("--batch-sizes", type=int, nargs="+", default=[1000, 2500, 5000, 10000])
    parser.add_argument("--child", nargs=3, metavar=("PORT", "HOME", "RELS"))
    args, _ = parser.parse_known_args(argv)
    if args.child:
        if "--no-rust" in sys.argv:
            sys.modules["neo4j._rust"] = None  # type: ignore[assignment]
        print(json.dumps(child(int(args.child[0]), args.child[1], int(args.child[2]))))
        return 0
    from graph_schema import load_schema
    from workbench.settings import load_settings
    from workbench.store import local
    from workbench.store.connection import open_driver
    from workbench.store.loader import load_records
    from workbench.store.migrate import migrate

    home = tempfile.mkdtemp(prefix="wb-bench-")
    port = _free_port()
    settings = load_settings({"WORKBENCH_HOME": home, "WORKBENCH_BOLT_PORT": str(port)}, env_files=())
    schema = load_schema()
    local.start(settings)
    try:
        with open_driver(settings) as driver:
            migrate(driver, schema, "neo4j")
            people, rels = _records(args.rels)
            _only_people(driver, schema, people)
            per_row = _timed_rel_writes(driver, schema, rels[:args.per_row], 1)
            _only_people(driver, schema, people)
            batched_same = _timed_rel_writes(driver, schema, rels[:args.per_row], 1000)
            _only_people(driver, schema, people)
            batched = _timed_rel_writes(driver, schema, rels, 1000)
            _only_people(driver, schema, people)
            primitive = _timed_rel_and_evidence_writes(driver, schema, rels, 1000)
            # the loader's warm-up: as many rows as the raw write's two before it
            _only_people(driver, schema, people, rels[:2 * args.per_row])
            loads = []
            for size in args.batch_sizes:
                _only_people(driver, schema, people, batch_size=size)
                started = time.perf_counter()
                load_records(driver, schema, notes=[], nodes=[], mentions=[], rels=rels, batch_size=size)
                loads.append((f"whole loader, empty database, batches of {size}", time.perf_counter() - started))
            started = time.perf_counter()
            load_records(driver, schema, notes=[], nodes=[], mentions=[], rels=rels, batch_size=args.batch_sizes[-1])
            loads.append(("whole loader again on top (merge path)", time.perf_counter() - started))
            # the raw write again on the server the loaders warmed: the faster run counts
            _only_people(driver, schema, people)
            batched_after = _timed_rel_writes(driver, schema, rels, 1000)
            _only_people(driver, schema, people)
            primitive = min(primitive, _timed_rel_and_evidence_writes(driver, schema, rels, 1000))
        rust = {}
        for flag in ("", "--no-rust"):
            out = subprocess.run([sys.executable, str(Path(__file__)), "--child", str(port), home, str(args.rels)]
                                 + ([flag] if flag else []), capture_output=True, text=True, check=True)
            rust[flag or "rust"] = json.loads(out.stdout.strip().splitlines()[-1])
    finally:
        local.stop(settings)
    base, raw, own = args.per_row / per_row, args.rels / min(batched, batched_after), args.rels / primitive
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())} on {os.cpu_count()} cores")
    print(f"{'write':58} {'rels':>7} {'seconds':>8} {'rels/s':>9} {'x per-row':>9} {'x UNWIND':>8} {'x own':>6}")
    for name, n, sec in [("one query per row (baseline)", args.per_row, per_row),
                         ("UNWIND batches of 1000, same rows", args.per_row, batched_same),
                         ("UNWIND batches of 1000, before the loaders", args.rels, batched),
                         ("UNWIND batches of 1000, after them", args.rels, batched_after),
                         ("own writes: relationship + Evidence node, CREATE, 1000", args.rels, primitive),
                         *((name, args.rels, sec) for name, sec in loads),
                         ("UNWIND batches, child process, Rust extension", args.rels, rust["rust"]["seconds"]),
                         ("UNWIND batches, child process, pure Python", args.rels, rust["--no-rust"]["seconds"])]:
        print(f"{name:58} {n:>7} {sec:>8.2f} {n / sec:>9.0f} {n / sec / base:>9.1f} {n / sec / raw:>8.2f} "
              f"{n / sec / own:>6.2f}")
    print(f"peak memory of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    raise SystemExit(main(sys.argv[1:]))
