"""Benchmark of ingest.resolve on a seeded synthetic case of 5k, 20k and 50k mentions.

Why: resolution must stay near-linear as a unit loads years of notes. Times are printed as
ratios against a baseline measured in the same run (folding every mention's text once, the
least any resolution must do), plus the number of name pairs compared, so the figures compare
across machines; peak memory is the process's maximum resident set.

Usage (from the repository root)::

    python bench/bench_resolve.py                 # 5k, 20k, 50k mentions
    python bench/bench_resolve.py --sizes 100000  # one larger run
"""
from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from graph_schema.types import fold_name  # noqa: E402
from ingest.resolve import resolve  # noqa: E402
from tests.ingest.resolve.resolve_synthetic import synthetic_case  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark (``argv`` as on the command line; ``python -m bench resolve`` passes [])."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[5_000, 20_000, 50_000])
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)
    print(f"{'mentions':>9} {'resolve s':>10} {'baseline s':>11} {'ratio':>7} {'pairs':>8} "
          f"{'persons':>8} {'cands':>6} {'rels':>7}")
    for size in args.sizes:
        case = synthetic_case(size, seed=args.seed)
        texts = [m.text for ex in case for m in ex.mentions]
        started = time.perf_counter()
        for text in texts:
            fold_name(text)
        baseline = time.perf_counter() - started
        started = time.perf_counter()
        result = resolve(case)
        took = time.perf_counter() - started
        s = result.stats
        print(f"{s['mentions']:>9} {took:>10.2f} {baseline:>11.3f} {took / baseline:>7.1f} "
              f"{s.get('pairs_compared', 0):>8} {s.get('entities_Person', 0):>8} {s.get('candidates', 0):>6} "
              f"{s['rels']:>7}", flush=True)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory: {peak_mb:.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
