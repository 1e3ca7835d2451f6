"""Benchmark of the mass-arrival placement (kim.housing.placement.solve), issue 4 item 7:
a bus of 150 persons in 50 households placed at once in < 5 s.

    python bench/placement_bench.py [--households 50] [--persons 150] [--runs 5] [--seed 1]

Generates a Soest-like facility set (Soest 5.5.1.2, fictitious units), partly occupied:
Phase I Waldstraße (93 places in family rooms), Ostenhellweg building + 2 modules × 30
(single men), Schwarzer Weg (60 places: families, single women, vulnerable), ~200 Phase II
places in flats of 2–8 over the districts. Each run draws a new occupancy and bus (families
3–8 persons, single men, a few single women, some vulnerable, 1–2 UMA) and solves it; the
report gives solver wall time p50/max, placed persons, objective and the machine.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import sys
from importlib.metadata import version
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kim.housing.placement import HouseholdNeed, UnitOffer, solve  # noqa: E402
from kim.housing.placement.types import Composition, Phase, TargetUse  # noqa: E402

DISTRICTS = ["Innenstadt", "Soest-Süd", "Soest-West", "Soest-Ost", "Ampen", "Meiningsen"]
AMENITIES = ["school", "kita", "doctor"]
LANGUAGES = ["ar", "fa", "ps", "ti", "ku", "uk", "tr"]
PHASE2_USES: list[TargetUse] = ["families", "mixed", "single_men", "vulnerable"]


def _amenities(rng: random.Random) -> frozenset[str]:
    return frozenset(a for a in AMENITIES if rng.random() < 0.45)


def _langs(rng: random.Random, k: int) -> frozenset[str]:
    return frozenset(rng.sample(LANGUAGES, rng.randint(0, k)))


def facilities(rng: random.Random, occupancy: float) -> list[UnitOffer]:
    """Units with free places after a random occupancy (share of places taken)."""
    units: list[UnitOffer] = []

    def add(
        key: str,
        fac: str,
        phase: Phase,
        use: TargetUse,
        cap: int,
        district: str,
        *,
        single: bool = False,
        accessible: bool = False,
    ) -> None:
        # A one-household unit is either let or free; shared rooms fill bed by bed.
        if single:
            taken = cap if rng.random() < occupancy else 0
        else:
            taken = sum(rng.random() < occupancy for _ in range(cap))
        units.append(
            UnitOffer(
                key,
                fac,
                phase,
                use,
                cap - taken,
                accessible=accessible,
                near=_amenities(rng),
                resident_languages=_langs(rng, 3),
                district=district,
                single_household=single,
            )
        )

    for i, cap in enumerate([6] * 8 + [5] * 6 + [4] * 6 + [3] * 5 + [8]):  # 93 places
        add(
            f"wald-{i:02d}",
            "waldstrasse",
            1,
            "families",
            cap,
            "Innenstadt",
            single=True,
            accessible=i < 3,
        )
    for i, cap in enumerate([2, 2, 3]):  # Ostenhellweg building: 7 places
        add(f"osten-h-{i}", "ostenhellweg", 1, "single_men", cap, "Soest-Ost")
    for m in (1, 2):
        for i in range(10):  # 2 modules × 10 rooms × 3 beds
            add(f"osten-m{m}-{i:02d}", "ostenhellweg", 1, "single_men", 3, "Soest-Ost")
    schwarzer_weg: list[tuple[TargetUse, int]] = [
        *[("families", 6) for _ in range(6)],
        *[("single_women", 4) for _ in range(3)],
        *[("vulnerable", 4) for _ in range(3)],
    ]
    for i, (use, cap) in enumerate(schwarzer_weg):  # 60 places
        add(
            f"schwarz-{i:02d}",
            "schwarzer-weg",
            2,
            use,
            cap,
            "Soest-West",
            single=use != "single_women",
            accessible=use == "vulnerable",
        )
    places, n = 0, 0
    while places < 200:  # Phase II: flats of 2–8 places over the districts
        cap = rng.randint(2, 8)
        use = rng.choices(PHASE2_USES, [6, 2, 2, 1])[0]
        phase: Phase = "flat" if use in ("families", "vulnerable") and rng.random() < 0.3 else 2
        add(
            f"flat-{n:03d}",
            f"phase2-{n // 4:02d}",
            phase,
            use,
            cap,
            rng.choice(DISTRICTS),
            single=use != "single_men",
            accessible=rng.random() < 0.15,
        )
        places, n = places + cap, n + 1
    return units


def bus(rng: random.Random, households: int, persons: int) -> list[HouseholdNeed]:
    uma = rng.randint(1, 2)
    women = max(1, households // 12)
    men = round(households * 0.44)
    families = households - uma - women - men
    family_persons = persons - uma - women - men
    if families < 1 or not 3 * families <= family_persons <= 8 * families:
        raise SystemExit(f"cannot split {persons} persons into {households} households")
    sizes = [3] * families
    while sum(sizes) < family_persons:  # grow random families up to 8 persons
        i = rng.randrange(families)
        sizes[i] += sizes[i] < 8
    out: list[HouseholdNeed] = []
    members: list[tuple[Composition, int]] = [
        *[("uma", 1) for _ in range(uma)],
        *[("single_woman", 1) for _ in range(women)],
        *[("single_man", 1) for _ in range(men)],
    ]
    for i, (comp, size) in enumerate(members + [("family", s) for s in sizes]):
        school_age = comp == "family" and rng.random() < 0.5
        vulnerable = rng.random() < (0.15 if comp == "family" else 0.08)
        out.append(
            HouseholdNeed(
                f"bus-{i:03d}",
                size,
                comp,
                vulnerable=vulnerable,
                needs_accessible=vulnerable and rng.random() < 0.3,
                skips_phase1=school_age or comp == "single_woman",
                languages=_langs(rng, 1) or frozenset({"ar"}),
                wants=frozenset({"school"} if school_age else set())
                | frozenset(a for a in ("kita", "doctor") if rng.random() < 0.25),
            )
        )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--households", type=int, default=50)
    parser.add_argument("--persons", type=int, default=150)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--occupancy", type=float, default=0.45)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--time-limit", type=float, default=30.0)
    args = parser.parse_args()
    times = []
    for run in range(args.runs):
        rng = random.Random(args.seed + run)
        units = facilities(rng, args.occupancy)
        households = bus(rng, args.households, args.persons)
        plan = solve(households, units, time_limit_s=args.time_limit, num_workers=args.workers)
        times.append(plan.wall_time_s)
        unplaced: dict[str, int] = {}
        for u in plan.unplaced:
            unplaced[u.reason.code] = unplaced.get(u.reason.code, 0) + u.size
        print(
            f"run {run + 1}: {len(units)} units, {sum(u.free_places for u in units)} free places;"
            f" placed {plan.placed_persons}/{plan.total_persons} persons, cost {plan.cost},"
            f" objective {plan.objective}, {plan.status}, {plan.wall_time_s:.2f} s;"
            f" unplaced persons by reason {unplaced}"
        )
    print(
        f"solver wall time p50 {statistics.median(times):.2f} s, max {max(times):.2f} s"
        f" ({args.households} households, {args.persons} persons, {args.runs} runs, target < 5 s)"
    )
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()},"
        f" ortools {version('ortools')}, {args.workers} solver worker(s)"
    )


if __name__ == "__main__":
    main()
