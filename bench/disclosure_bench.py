"""Benchmark of disclosure control (kim.stats): protect + LP audit of two-way tables.

    python bench/disclosure_bench.py [--sizes 20x10,100x20] [--runs 3] [--seed 2018]

Draws fictitious count tables (about a third zeros or small counts, like municipal
tables by district and group), adds row, column and grand totals and times, on one core:
``protect`` (primary + secondary suppression; method shown: exact MIP or LP heuristic)
and ``audit`` (min and max of every "<3" cell over all tables a reader cannot rule out).
Prints the data size, primary/secondary cells, p50/max over the runs, the Python version
and the machine. Pure Python: no Django, no database.
"""

from __future__ import annotations

import argparse
import platform
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kim.stats.audit import audit  # noqa: E402
from kim.stats.disclosure import protect  # noqa: E402
from kim.stats.linear import grid_relations, grid_values  # noqa: E402

VALUES = (0, 0, 1, 2, 3, 4, 5, 7, 9, 12, 20, 35, 60, 140)


def table(rows: int, cols: int, rng: random.Random) -> list[list[int]]:
    return [[rng.choice(VALUES) for _ in range(cols)] for _ in range(rows)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="20x10,100x20")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=2018)
    args = parser.parse_args()
    print(f"Python {platform.python_version()}, {platform.machine()}, "
          f"{platform.processor() or 'cpu'}; {args.runs} tables per size, seed {args.seed}")
    print(f"{'size':>8} {'cells':>6} {'primary':>8} {'secondary':>10} {'method':>10} "
          f"{'protect p50':>12} {'max':>8} {'audit p50':>10} {'max':>8} {'exposed':>8}")
    for size in args.sizes.split(","):
        rows, cols = (int(n) for n in size.lower().split("x"))
        rng = random.Random(args.seed)
        protect_times, audit_times, primaries, secondaries, methods, exposed = (
            [], [], [], [], set(), 0)
        for _ in range(args.runs):
            values = grid_values(table(rows, cols, rng))
            relations = grid_relations(rows, cols)
            start = time.perf_counter()
            result = protect(values, relations)
            middle = time.perf_counter()
            checked = audit(result.published, relations)
            end = time.perf_counter()
            protect_times.append(middle - start)
            audit_times.append(end - middle)
            primaries.append(len(result.primary))
            secondaries.append(len(result.secondary))
            methods.add(result.method)
            exposed += len(set(checked.exposed) - result.unprotectable)
        print(f"{size:>8} {len(values):>6} {statistics.median(primaries):>8.0f} "
              f"{statistics.median(secondaries):>10.0f} {'/'.join(sorted(methods)):>10} "
              f"{statistics.median(protect_times):>11.2f}s {max(protect_times):>7.2f}s "
              f"{statistics.median(audit_times):>9.2f}s {max(audit_times):>7.2f}s "
              f"{exposed:>8}")


if __name__ == "__main__":
    main()
