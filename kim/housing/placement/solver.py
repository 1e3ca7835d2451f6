"""Mass-arrival placement: all households at once with OR-Tools CP-SAT.

Model: a boolean x[h,u] only for pairs the hard rules allow (rules.exclusions); each
household in at most one unit; Σ size ≤ free places per unit; a single-household unit
takes at most one household. Objective (lexicographic, folded into one integer):
maximise placed persons first, then minimise the soft costs (rules.assess) — ``big`` is
larger than any possible cost sum, so no preference can cost a person a place.

Determinism: inputs are sorted by key, the seed is fixed and, by default, one worker
runs (a parallel portfolio may return another of several equally good plans).
"""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence

from ortools.sat.python import cp_model

from .rules import assess, exclusions, unplaced_reason
from .types import (
    DEFAULT_WEIGHTS,
    Assignment,
    CostItem,
    HouseholdNeed,
    Plan,
    Reason,
    UnitOffer,
    Unplaced,
    Weights,
)

Assessed = tuple[int, tuple[CostItem, ...], tuple[Reason, ...]]


class PlacementError(ValueError):
    """Invalid input: duplicate keys or a fixed pair that breaks a hard rule."""


def _check_keys(households: Sequence[HouseholdNeed], units: Sequence[UnitOffer]) -> None:
    for kind, keys in (
        ("household", [h.key for h in households]),
        ("unit", [u.key for u in units]),
    ):
        seen: set[str] = set()
        for key in keys:
            if key in seen:
                raise PlacementError(f"duplicate {kind} key {key!r}")
            seen.add(key)


def solve(
    households: Sequence[HouseholdNeed],
    units: Sequence[UnitOffer],
    weights: Weights = DEFAULT_WEIGHTS,
    *,
    fixed: Mapping[str, str] | None = None,
    time_limit_s: float = 10.0,
    num_workers: int = 1,
    seed: int = 0,
) -> Plan:
    """Optimal assignment of all ``households`` to ``units``.

    ``fixed`` pins household key → unit key (e.g. a reviewer's manual choice before
    re-optimising the rest); a pin that breaks a hard rule raises PlacementError.
    """
    started = time.perf_counter()
    _check_keys(households, units)
    hs = sorted(households, key=lambda h: h.key)
    us = sorted(units, key=lambda u: u.key)
    unit_by_key = {u.key: u for u in us}
    fixed = dict(fixed or {})
    for hkey, ukey in sorted(fixed.items()):
        household = next((h for h in hs if h.key == hkey), None)
        if household is None or ukey not in unit_by_key:
            raise PlacementError(f"fixed pair {hkey!r} → {ukey!r}: unknown key")
        broken = exclusions(household, unit_by_key[ukey])
        if broken:
            raise PlacementError(f"fixed pair {hkey!r} → {ukey!r} breaks {broken[0].code}")

    assessed: dict[tuple[str, str], Assessed] = {}
    for h in hs:
        for u in us:
            if not exclusions(h, u) and fixed.get(h.key, u.key) == u.key:
                assessed[h.key, u.key] = assess(h, u, weights)
    total_persons = sum(h.size for h in hs)
    # Any plan's cost is at most the sum of each household's worst allowed pair.
    worst = {h.key: 0 for h in hs}
    for (hkey, _), (cost, _, _) in assessed.items():
        worst[hkey] = max(worst[hkey], cost)
    big = sum(worst.values()) + 1

    model = cp_model.CpModel()
    x = {pair: model.new_bool_var(f"x[{pair[0]},{pair[1]}]") for pair in assessed}
    by_household: dict[str, list[cp_model.IntVar]] = {h.key: [] for h in hs}
    by_unit: dict[str, list[tuple[int, cp_model.IntVar]]] = {u.key: [] for u in us}
    size = {h.key: h.size for h in hs}
    for (hkey, ukey), var in x.items():
        by_household[hkey].append(var)
        by_unit[ukey].append((size[hkey], var))
    for hkey, vars_ in by_household.items():
        if vars_:
            model.add_at_most_one(vars_)
        if hkey in fixed:
            model.add(sum(vars_) == 1)
    for u in us:
        if by_unit[u.key]:
            model.add(sum(s * v for s, v in by_unit[u.key]) <= u.free_places)
            if u.single_household:
                model.add_at_most_one(v for _, v in by_unit[u.key])
    model.maximize(
        sum((big * size[hkey] - assessed[hkey, ukey][0]) * var for (hkey, ukey), var in x.items())
    )

    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = time_limit_s
    solver.parameters.num_workers = num_workers
    solver.parameters.random_seed = seed
    status = solver.solve(model) if x else cp_model.OPTIMAL
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        # Pins that overfill a unit (INFEASIBLE), or no plan found within the time limit
        # (UNKNOWN; not seen in practice: leaving everyone unplaced is always feasible).
        raise PlacementError(f"no plan: solver status {solver.status_name(status)}")

    assignments: list[Assignment] = []
    placed: set[str] = set()
    for (hkey, ukey), var in x.items():
        if solver.value(var):
            cost, breakdown, reasons = assessed[hkey, ukey]
            unit = unit_by_key[ukey]
            assignments.append(
                Assignment(hkey, ukey, unit.facility_key, size[hkey], cost, breakdown, reasons)
            )
            placed.add(hkey)
    unplaced = [Unplaced(h.key, h.size, unplaced_reason(h, us)) for h in hs if h.key not in placed]
    placed_persons = sum(a.size for a in assignments)
    cost = sum(a.cost for a in assignments)
    return Plan(
        assignments=tuple(assignments),
        unplaced=tuple(unplaced),
        placed_persons=placed_persons,
        total_persons=total_persons,
        cost=cost,
        objective=big * placed_persons - cost,
        status=("OPTIMAL" if status == cp_model.OPTIMAL else "FEASIBLE") if x else "EMPTY",
        wall_time_s=round(time.perf_counter() - started, 4),
    )


def check_assignments(
    pairs: Mapping[str, str], households: Sequence[HouseholdNeed], units: Sequence[UnitOffer]
) -> list[tuple[str, Reason]]:
    """Re-check a reviewed plan (household key → unit key) against current free places
    just before it is written; returns (household or unit key, violated rule), empty if ok."""
    hmap = {h.key: h for h in households}
    umap = {u.key: u for u in units}
    problems: list[tuple[str, Reason]] = []
    load: dict[str, list[HouseholdNeed]] = {}
    for hkey, ukey in sorted(pairs.items()):
        if hkey not in hmap or ukey not in umap:
            problems.append((hkey, Reason("unknown_key", {"household": hkey, "unit": ukey})))
            continue
        problems += [(hkey, r) for r in exclusions(hmap[hkey], umap[ukey])]
        load.setdefault(ukey, []).append(hmap[hkey])
    for ukey, members in sorted(load.items()):
        unit = umap[ukey]
        persons = sum(h.size for h in members)
        if persons > unit.free_places:
            problems.append(
                (ukey, Reason("over_capacity", {"free": unit.free_places, "size": persons}))
            )
        if unit.single_household and len(members) > 1:
            problems.append((ukey, Reason("single_household_shared")))
    return problems
