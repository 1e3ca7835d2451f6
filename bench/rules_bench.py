"""Benchmark of the rules engine (kim.rules.evaluate), legal-rules.md §1: >= 50 000/s/core.

    python bench/rules_bench.py [-n 200000] [--pool 20000] [--seed 2024]

Generates varied, realistic, fictitious facts deterministically (seeded random): asylum
seekers with and without a decision, tolerated persons, recognised refugees, Ukrainians,
resettled families with children, EU citizens, naturalised persons; partial birth dates;
evaluation dates 2015-2026. It evaluates N facts (cycling through a pool of distinct ones,
including validation and the `upcoming` computation) on one core and prints evaluations
per second with N, the Python version and the machine.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kim.rules import evaluate  # noqa: E402

ASYLUM_COUNTRIES = [
    "SY",
    "AF",
    "IQ",
    "IR",
    "ER",
    "SO",
    "TR",
    "NG",
    "GE",
    "MD",
    "AL",
    "RS",
    "XK",
    "GN",
    "RU",
    "PK",
    "XX",
]
OUTCOMES = [
    "refugee",
    "subsidiary",
    "asylum_granted",
    "deportation_ban",
    "duldung",
    "duldung_discretionary",
    "duldung_unclear_identity",
    "duldung_training",
    "duldung_employment",
    "departure_required",
    "humanitarian_25_5",
]
EU_COUNTRIES = ["PL", "RO", "BG", "IT", "HR", "GR"]


def _day(rng: random.Random, start: date, end: date) -> date:
    return start + timedelta(days=rng.randint(0, max(0, (end - start).days)))


def _birth(rng: random.Random, ref: date) -> str:
    age_years = rng.choice([rng.randint(0, 17), rng.randint(18, 45), rng.randint(46, 75)])
    born = ref - timedelta(days=age_years * 365 + rng.randint(0, 364))
    shape = rng.random()
    if shape < 0.08:
        return f"{born.year:04d}"
    if shape < 0.15:
        return f"{born.year:04d}-{born.month:02d}"
    return born.isoformat()


def _statuses(rng: random.Random, entry: date) -> tuple[list[dict[str, str]], str | None]:
    kind = rng.random()
    if kind < 0.12:
        start = _day(rng, max(entry, date(2022, 2, 24)), date(2024, 12, 31))
        return [{"code": "temporary_protection", "from": start.isoformat()}], None
    if kind < 0.17:
        return [{"code": "admission_23", "from": entry.isoformat()}], None
    if kind < 0.21:
        code = rng.choice(["eu_citizen", "settled", "german"])
        return [{"code": code, "from": entry.isoformat()}], None
    statuses = []
    applied = entry + timedelta(days=rng.randint(0, 20))
    if rng.random() < 0.3:
        statuses.append({"code": "asylum_seeker", "from": entry.isoformat()})
    statuses.append({"code": "gestattung", "from": applied.isoformat()})
    current = applied
    for _ in range(rng.choice([0, 1, 1, 1, 2])):
        current += timedelta(days=rng.randint(60, 900))
        statuses.append({"code": rng.choice(OUTCOMES), "from": current.isoformat()})
    return statuses, applied.isoformat()


def make_facts(rng: random.Random) -> dict[str, Any]:
    entry = _day(rng, date(2014, 1, 1), date(2025, 6, 30))
    statuses, applied = _statuses(rng, entry)
    first = date.fromisoformat(statuses[0]["from"])
    as_of = _day(rng, first, min(first + timedelta(days=2500), date(2026, 12, 31)))
    in_centre = rng.random() < 0.2
    assignment = None if in_centre else (entry + timedelta(days=rng.randint(20, 200)))
    citizenship = (
        rng.choice(EU_COUNTRIES)
        if statuses[0]["code"] == "eu_citizen"
        else "UA"
        if statuses[0]["code"] == "temporary_protection"
        else rng.choice(ASYLUM_COUNTRIES)
    )
    birth = _birth(rng, first)
    return {
        "as_of": as_of.isoformat(),
        "person": {
            "birth_date": birth,
            "citizenships": [citizenship],
            "entry_date": entry.isoformat(),
            "asylum_application_date": applied,
            "assignment_date": assignment and assignment.isoformat(),
            "lives_in_reception_centre": in_centre,
            "unaccompanied_minor": rng.random() < 0.03,
            "analog_benefits_since": None,
            "residence_obligation_exception": rng.random() < 0.1,
            "statuses": statuses,
        },
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("-n", type=int, default=200_000, help="evaluations (default 200000)")
    parser.add_argument("--pool", type=int, default=20_000, help="distinct facts to cycle")
    parser.add_argument("--seed", type=int, default=2024)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    pool = [make_facts(rng) for _ in range(min(args.pool, args.n))]
    for facts in pool:  # warm-up and a check that every generated fact is valid
        evaluate(facts)
    size = len(pool)
    started = time.perf_counter()
    upcoming = 0
    for i in range(args.n):
        upcoming += len(evaluate(pool[i % size])["upcoming"])
    elapsed = time.perf_counter() - started
    print(
        f"rules evaluate: {args.n / elapsed:,.0f} evaluations/s "
        f"(N={args.n}, {size} distinct facts, {upcoming / args.n:.2f} upcoming per result, "
        f"{elapsed:.2f} s, one core)"
    )
    print(
        f"python {platform.python_version()} ({platform.python_implementation()}), "
        f"{platform.platform()}, machine {platform.machine()}, "
        f"processor {platform.processor() or 'unknown'}, cpu count {os.cpu_count()}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
