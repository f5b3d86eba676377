"""End-to-end ingest benchmark: a generated case of N notes plus its CSV exports, into Neo4j.

Why: an ingest should cost about what its language model costs. This measures, in one run on the
same notes (seed 4242) against a throw-away local Neo4j (own home, free port; the user's data is
never touched):

- the bare model: ``nlp.pipe`` over the notes' texts, one process, model loaded once (the load
  not timed) - the baseline;
- a cold ingest (empty database, empty extraction cache) with 1 process and with N processes
  (``--processes``, default the machine's cores), each as total seconds and as a ratio to the
  baseline (targets: <= 1.5x with 1 process, <= 1.0x with 2), with the peak memory of the
  ingest process and of its largest model worker;
- a second ingest of the same case ("again": every extraction cached, nothing new to write);
- each cold ingest on a server started for it: a server warmed by the run before would flatter
  the second (a cold JVM plans and compiles every write statement while the load waits);
- the CPU seconds each ingest cost: the ingest process with its model workers, and the
  Neo4j server (from ``/proc``, where there is one), and their sum over the cores: no ingest on
  this machine can take less wall time than that floor, however its work is overlapped;
- each ingest once more on its server, now warm (database emptied, cache new): what every ingest
  after the first since ``workbench db start`` costs;
- the hash of the graph after each ingest: it must not depend on the number of processes or the server.

Each measurement is a child process, so peak memory is its own.

Usage: ``python -m bench ingest`` or ``python bench/bench_ingest.py [--sizes 1000 10000] [--processes 2]``.
"""
from __future__ import annotations

import argparse
import hashlib
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


def _peaks() -> tuple[float, float]:
    return (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)


def snapshot_hash(driver) -> str:
    """sha256 of every node and relationship with its properties, minus the ingest time."""
    nodes, _, _ = driver.execute_query(
        "MATCH (n) RETURN labels(n)[0] AS l, n.id AS id, properties(n) AS p ORDER BY l, id", database_="neo4j")
    rels, _, _ = driver.execute_query(
        "MATCH (a)-[r]->(b) RETURN type(r) AS t, r.id AS id, a.id AS a, b.id AS b, properties(r) AS p "
        "ORDER BY t, id", database_="neo4j")
    snap = ([[r["l"], r["id"], {k: v for k, v in r["p"].items() if k != "ingested_at"}] for r in nodes],
            [[r["t"], r["id"], r["a"], r["b"], r["p"]] for r in rels])
    return hashlib.sha256(json.dumps(snap, sort_keys=True, default=str).encode()).hexdigest()[:16]


def bare(folder: Path) -> dict[str, float]:
    """``nlp.pipe`` over the notes' texts, model loaded once; only the pipe is timed."""
    from ingest.nlp import build_nlp
    from ingest.read import read_path
    from workbench.settings import load_settings

    texts = [n.text for n in read_path(folder / "notes") if hasattr(n, "text")]
    nlp = build_nlp(load_settings(env_files=()).spacy_model)
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=64):
        pass
    return {"seconds": time.perf_counter() - started, "notes": len(texts), "peak_mib": _peaks()[0]}


def ingest(home: str, port: int, folder: Path, processes: int, cache: str) -> dict[str, float | str]:
    """One ingest of the case into the database (wiped first when ``cache`` is new)."""
    from ingest.nlp import build_nlp
    from workbench.api import connect
    from workbench.pipeline import extraction_fingerprint, run_ingest
    from workbench.settings import load_settings
    from workbench.store import local

    settings = load_settings({"WORKBENCH_HOME": home, "WORKBENCH_BOLT_PORT": str(port)}, env_files=())
    wb = connect(settings, start=False)  # applies the schema's constraints and indexes
    cache_dir = Path(home) / cache
    if not cache_dir.exists():
        with wb.store.driver.session(database="neo4j") as session:
            session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()
    server = local.running_pid(settings)
    cpu_before, server_before = os.times(), server_cpu(server)
    started = time.perf_counter()
    report, _ = run_ingest(wb.store, [folder / "notes", folder / "exports"], case_id="BENCH", cache_dir=cache_dir,
                           decisions=[], nlp_factory=lambda: build_nlp(settings.spacy_model), processes=processes,
                           fingerprint=extraction_fingerprint(settings.spacy_model))
    total = time.perf_counter() - started
    cpu, server_after = os.times(), server_cpu(server)  # the model workers are reaped by then: counted
    peak, worker = _peaks()
    digest = snapshot_hash(wb.store.driver)
    wb.close()
    return {"total_s": total, "failed": len(report.failed), "relationships": report.load.relationships
            if report.load else 0, "peak_mib": peak, "worker_mib": worker, "graph": digest,
            "cpu_s": sum(cpu[:4]) - sum(cpu_before[:4]), "server_cpu_s": server_after - server_before}


def server_cpu(pid: int | None) -> float:
    """CPU seconds the server process has used so far (NaN where there is no ``/proc``)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text(encoding="ascii").rsplit(")", 1)[1].split()
    except (OSError, TypeError):
        return float("nan")
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _child(*args: str) -> dict[str, float | str]:
    out = subprocess.run([sys.executable, str(Path(__file__)), "--child", *args], capture_output=True, text=True,
                         check=True, cwd=ROOT)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--processes", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--child", nargs="+")
    args = parser.parse_args(argv)
    if args.child:
        kind, *rest = args.child
        result = bare(Path(rest[0])) if kind == "bare" else ingest(rest[0], int(rest[1]), Path(rest[2]),
                                                                    int(rest[3]), rest[4])
        print(json.dumps(result))
        return 0
    from samplecase import generate_case
    from workbench.settings import load_settings
    from workbench.store import local

    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())} on {os.cpu_count()} cores")
    rows = []
    for size in args.sizes:
        home = tempfile.mkdtemp(prefix="wb-bench-ingest-")
        port = _free_port()
        folder = generate_case(Path(home) / "case", seed=4242, n_notes=size)
        settings = load_settings({"WORKBENCH_HOME": home, "WORKBENCH_BOLT_PORT": str(port)}, env_files=())
        base = _child("bare", str(folder))
        runs, again, warm = {}, {}, {}
        for n in dict.fromkeys([1, args.processes]):
            local.start(settings)  # a server of its own per cold run: its JVM as cold as after `workbench db start`
            try:
                runs[n] = _child("ingest", home, str(port), str(folder), str(n), f"cache-{n}")
                if n == 1:
                    again = _child("ingest", home, str(port), str(folder), "1", "cache-1")
                warm[n] = _child("ingest", home, str(port), str(folder), str(n), f"cache-warm-{n}")
            finally:
                local.stop(settings)
        rows.append((size, base, runs, again, warm))
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    cores = os.cpu_count() or 1
    print(f"{'notes':>6} {'bare pipe s':>11} {'procs':>5} {'server':>6} {'ingest s':>8} {'x bare':>6} "
          f"{'ingest CPU s':>12} {'server CPU s':>12} {'floor s':>7} {'peak MiB':>8} {'worker MiB':>10} {'rels':>6} "
          f"{'graph':>16} {'again s':>7}")
    for size, base, runs, again, warm in rows:
        for n, r, server in [*((n, r, "cold") for n, r in runs.items()), *((n, r, "warm") for n, r in warm.items())]:
            floor = (float(r["cpu_s"]) + float(r["server_cpu_s"])) / cores
            print(f"{size:>6} {base['seconds']:>11.1f} {n:>5} {server:>6} {r['total_s']:>8.1f} "
                  f"{float(r['total_s']) / float(base['seconds']):>6.2f} {r['cpu_s']:>12.1f} {r['server_cpu_s']:>12.1f} "
                  f"{floor:>7.1f} {r['peak_mib']:>8.0f} {r['worker_mib']:>10.0f} {r['relationships']:>6} "
                  f"{r['graph']:>16} {again['total_s']:>7.1f}")
        same = len({r["graph"] for r in [*runs.values(), *warm.values(), again]}) == 1
        print(f"{size:>6} graphs identical for {', '.join(map(str, runs))} processes, warm and again: {same}")
    print(f"floor: (ingest CPU + server CPU) / {cores} cores, the least wall time that work can take here")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    raise SystemExit(main(sys.argv[1:]))
