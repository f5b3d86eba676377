"""End-to-end ingest benchmark: a generated case of N notes plus its CSV exports, into Neo4j.

Why: the unit ingests years of notes at once; this measures the whole chain (read, extract,
resolve, load) against a throw-away local Neo4j (own home, free port; the user's data is never
touched), as total time, notes/s and the peak memory of the ingest process, for two sizes so the
growth is visible, then the time of the complicity-flag run on the ingested case (projection,
rules and audit record) and the process's peak after it (the flags hold the projected case), then a second ingest of the same case in a fresh process ("again":
every extraction cached, nothing new to write - what re-ingesting a folder costs, and the peak
memory of resolving and loading without the spaCy model). The baseline measured in the same run
is reading alone (decode + hash), the least any ingest must do. Each run is a child process so
peak memory is its own.

Usage: ``python -m bench ingest`` or ``python bench/bench_ingest.py [--sizes 1000 10000]``.
"""
from __future__ import annotations

import argparse
import json
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


def child(home: str, port: int, folder: Path) -> dict[str, float]:
    from ingest.read import read_path
    from workbench.api import connect
    from workbench.settings import load_settings

    started = time.perf_counter()
    n_read = sum(1 for p in (folder / "notes", folder / "exports") for _ in read_path(p))
    read_s = time.perf_counter() - started
    settings = load_settings({"WORKBENCH_HOME": home, "WORKBENCH_BOLT_PORT": str(port)}, env_files=())
    wb = connect(settings, start=False)  # applies the schema's constraints and indexes
    started = time.perf_counter()
    report = wb.ingest([folder / "notes", folder / "exports"], case_id="BENCH")
    total = time.perf_counter() - started
    ingest_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # before the flags load the graph
    started = time.perf_counter()
    flags = wb.complicity_flags("BENCH")
    flags_s = time.perf_counter() - started
    wb.close()
    return {"files": n_read, "read_s": read_s, "total_s": total, "failed": len(report.failed),
            "flags_s": flags_s, "flagged": len(flags),
            "entities": report.entities_after, "relationships": report.load.relationships if report.load else 0,
            "peak_mib": ingest_peak, "flags_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--child", nargs=3, metavar=("HOME", "PORT", "FOLDER"))
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(child(args.child[0], int(args.child[1]), Path(args.child[2]))))
        return 0
    from ingest.sample import generate_case
    from workbench.settings import load_settings
    from workbench.store import local

    rows = []
    for size in args.sizes:
        home = tempfile.mkdtemp(prefix="wb-bench-ingest-")
        port = _free_port()
        folder = generate_case(Path(home) / "case", seed=4242, n_notes=size)
        settings = load_settings({"WORKBENCH_HOME": home, "WORKBENCH_BOLT_PORT": str(port)}, env_files=())
        local.start(settings)
        try:
            runs = [subprocess.run([sys.executable, str(Path(__file__)), "--child", home, str(port), str(folder)],
                                   capture_output=True, text=True, check=True) for _ in range(2)]
            first, again = (json.loads(run.stdout.strip().splitlines()[-1]) for run in runs)
            rows.append((size, {**first, "again_s": again["total_s"], "again_mib": again["peak_mib"]}))
        finally:
            local.stop(settings)
    print(f"{'notes':>6} {'files':>6} {'total s':>8} {'notes/s':>8} {'x reading':>9} {'entities':>8} "
          f"{'rels':>7} {'peak MiB':>8} {'flags s':>8} {'flags MiB':>9} {'again s':>8} {'again MiB':>9}")
    for size, r in rows:
        print(f"{size:>6} {r['files']:>6} {r['total_s']:>8.1f} {r['files'] / r['total_s']:>8.1f} "
              f"{r['total_s'] / r['read_s']:>9.1f} {r['entities']:>8} {r['relationships']:>7} {r['peak_mib']:>8.0f} "
              f"{r['flags_s']:>8.1f} {r['flags_mib']:>9.0f} {r['again_s']:>8.1f} {r['again_mib']:>9.0f}")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    raise SystemExit(main(sys.argv[1:]))
