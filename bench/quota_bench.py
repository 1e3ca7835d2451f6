"""Benchmark of the Land-wide quota table (product.md §9: ≈ 400 municipalities ≤ 100 ms).

    python bench/quota_bench.py [--municipalities 396] [--runs 50] [--seed 2018]

Generates a fictitious Land (populations, areas, state facilities, stocks) as the two CSV
files of `kim quota keys` and `kim quota compute`, then times, on one core, the whole
path of each command without process start: reading and validating the CSV, the
calculation in Decimal (keys: with the 1.25 cap and its redistribution rounds) and
rendering the JSON output; plus the forecast of the quota page (6 months × 1 500 persons).
Prints p50/p95/max with the data size, the Python version and the machine.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kim.settings.test")

import django  # noqa: E402

django.setup()  # the CLI module imports nothing from Django, but kim.quota is an app

from kim.quota import cli  # noqa: E402
from kim.quota.domain import keys, obligation  # noqa: E402
from kim.quota.domain.forecast import forecast  # noqa: E402


def land(n: int, seed: int) -> tuple[bytes, bytes]:
    rng = random.Random(seed)  # noqa: S311
    rows = [(f"05{i * 2011 + 100000:06d}", f"Gemeinde {i}", int(rng.lognormvariate(10.2, 0.9)),
             rng.randint(15, 400)) for i in range(n)]
    key_csv = "ags,name,population,area_km2\n" + "".join(
        f"{a},{name},{p},{area}\n" for a, name, p, area in rows)
    shares = keys.percent_output([k.share for k in keys.flueag_keys(
        [keys.Municipality(a, name, p, Decimal(area)) for a, name, p, area in rows],
        date(2018, 9, 30))])
    total = 81155
    quota_csv = "ags,name,key_percent,stock,facility_regular_places,facility_reserve_places\n"
    quota_csv += "".join(
        f"{a},{name},{share},{max(0, round(float(share) / 100 * total * rng.uniform(.7, 1.3)))},"
        f"{rng.choice([0] * 15 + [500])},{rng.choice([0] * 15 + [150])}\n"
        for (a, name, _, _), share in zip(rows, shares, strict=True))
    return key_csv.encode(), quota_csv.encode()


def timed(label: str, runs: int, work: Callable[[], object]) -> None:
    work()  # warm-up
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    p95 = times[min(len(times) - 1, int(len(times) * 0.95))]
    print(f"{label:<44} p50 {statistics.median(times):7.1f} ms   p95 {p95:7.1f} ms   "
          f"max {times[-1]:7.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--municipalities", type=int, default=396)
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--seed", type=int, default=2018)
    args = parser.parse_args()
    key_csv, quota_csv = land(args.municipalities, args.seed)
    as_of = date(2018, 9, 30)
    entries = obligation.read(quota_csv)
    table = obligation.compute(entries, as_of)
    capped = sum(k.capped for k in keys.flueag_keys(keys.read(key_csv), as_of))
    print(f"quota bench: {args.municipalities} municipalities ({capped} keys capped), "
          f"{args.runs} runs each; Python {platform.python_version()}, "
          f"{platform.machine()}, {os.cpu_count()} CPUs, {platform.platform()}")
    timed("keys: read CSV + calculate + JSON", args.runs,
          lambda: cli.keys(key_csv, "json"))
    timed("keys: calculation only", args.runs,
          lambda: keys.flueag_keys(keys.read(key_csv), as_of))
    timed("compute: read CSV + calculate + JSON", args.runs,
          lambda: cli.compute(quota_csv, "json", as_of))
    timed("compute: calculation only", args.runs,
          lambda: obligation.compute(entries, as_of))
    timed("forecast: 6 months x 1 500 persons", args.runs,
          lambda: forecast(table, table.rows[0].ags, date(2018, 10, 1), 6, 1500,
                           Decimal("2.5")))
    print("target (product.md §9): Land-wide quota table <= 100 ms")

if __name__ == "__main__":
    main()
