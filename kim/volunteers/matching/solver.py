"""Optimal volunteer ↔ request matching as a min-cost maximum flow (OR-Tools).

Network: source → volunteer → request → sink. A request arc (capacity 1) exists only for
pairs that meet every hard constraint (``index.py``); its cost is minus the pair's points.
Each volunteer gets one source arc per free assignment, the n-th (counting the ones they
already have) costing ``weights.load_cost(n)``: the costs grow, so the flow uses a
volunteer's cheap assignments first and the total load cost is exactly the sum of
``load_cost`` over each volunteer's assignments (convex cost → load balance). Each request
has one arc to the sink (capacity 1).

``solve_max_flow_with_min_cost`` first maximises the flow – the number of matched
requests – and among all maximum flows takes one of least cost: the lexicographic
objective of issue 14 ("first the number of matched requests, then the score") exactly,
without a big-M weight. Integral capacities give an integral optimal flow.

Determinism: volunteers and requests are sorted by key before the network is built, so
the same input in any order gives the same plan.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from datetime import date

import numpy as np
from ortools.graph.python import min_cost_flow  # type: ignore[import-untyped]

from .explain import unmatched_reasons
from .index import Index, Ints
from .rules import assess, load_item
from .types import (
    DEFAULT_WEIGHTS,
    Key,
    Match,
    Request,
    Result,
    ScoreItem,
    Unmatched,
    Volunteer,
    Weights,
    key_order,
)


class MatchingError(ValueError):
    """Invalid input (duplicate keys) or a solver failure."""


def _check_keys(kind: str, keys: Sequence[Key]) -> None:
    seen: set[Key] = set()
    for key in keys:
        if key in seen:
            raise MatchingError(f"duplicate {kind} id {key!r}")
        seen.add(key)


def _source_arcs(free: Ints, load: Ints, degree: Ints, weights: Weights) -> tuple[Ints, ...]:
    """(volunteer row, cost) of the source arcs: one per usable free assignment, with
    growing load cost. A volunteer never takes more than the requests they could serve."""
    units = np.minimum(free, degree)
    rows = np.repeat(np.arange(units.size, dtype=np.int64), units)
    starts = np.repeat(np.cumsum(units) - units, units)
    nth = np.arange(rows.size, dtype=np.int64) - starts  # 0 for the first new assignment
    return rows, weights.load_step * (load[rows] + nth)


def _solve(index: Index, requests: Sequence[Request]) -> list[tuple[int, int]]:
    """(volunteer row, request row) pairs of a maximum flow of minimum cost."""
    n_vol, n_req = index.size, len(requests)
    tails: list[Ints] = []
    heads: list[Ints] = []
    costs: list[Ints] = []
    degree = np.zeros(n_vol, dtype=np.int64)
    has_free = index.free > 0
    for row, request in enumerate(requests):
        rows = np.flatnonzero(index.eligible(request) & has_free).astype(np.int64)
        if rows.size:
            tails.append(1 + rows)
            heads.append(np.full(rows.size, 1 + n_vol + row, dtype=np.int64))
            costs.append(-index.points(request, rows))
            degree[rows] += 1
    if not tails:
        return []
    pair_tails = np.concatenate(tails)
    pair_heads = np.concatenate(heads)
    source_rows, source_costs = _source_arcs(index.free, index.load, degree, index.weights)
    sink = 1 + n_vol + n_req
    served = np.unique(pair_heads)
    all_tails = np.concatenate([pair_tails, np.zeros(source_rows.size, np.int64), served])
    all_heads = np.concatenate([pair_heads, 1 + source_rows, np.full(served.size, sink)])
    all_costs = np.concatenate(
        [np.concatenate(costs), source_costs, np.zeros(served.size, np.int64)]
    )
    flow = min_cost_flow.SimpleMinCostFlow()
    arcs = flow.add_arcs_with_capacity_and_unit_cost(
        all_tails.astype(np.int32),
        all_heads.astype(np.int32),
        np.ones(all_tails.size, dtype=np.int64),
        all_costs.astype(np.int64),
    )
    flow.set_node_supply(0, n_req)
    flow.set_node_supply(sink, -n_req)
    status = flow.solve_max_flow_with_min_cost()
    if status != flow.OPTIMAL:
        raise MatchingError(f"min-cost flow failed: {status}")
    used = np.asarray(flow.flows(arcs[: pair_tails.size])) > 0
    return [
        (int(t) - 1, int(h) - 1 - n_vol)
        for t, h in zip(pair_tails[used], pair_heads[used], strict=True)
    ]


def match(
    volunteers: Sequence[Volunteer],
    requests: Sequence[Request],
    weights: Weights = DEFAULT_WEIGHTS,
    *,
    on: date | None = None,
) -> Result:
    """The optimal matching: as many requests as possible, then the highest total score
    (pair points minus load costs). ``on`` is the day certificates must be valid on
    (default today). Every request ends up in ``matches`` or ``unmatched``, with reasons,
    in the order given."""
    started = time.perf_counter()
    day = on or date.today()
    _check_keys("volunteer", [v.key for v in volunteers])
    _check_keys("request", [r.key for r in requests])
    vs = sorted(volunteers, key=lambda v: key_order(v.key))
    rs = sorted(requests, key=lambda r: key_order(r.key))
    index = Index(vs, rs, day, weights)
    pairs = _solve(index, rs)

    by_volunteer: dict[int, list[int]] = {}
    for vrow, rrow in sorted(pairs):
        by_volunteer.setdefault(vrow, []).append(rrow)
    found: dict[Key, Match] = {}
    flow_points = 0
    for vrow, rrows in by_volunteer.items():
        volunteer = vs[vrow]
        for nth, rrow in enumerate(rrows, start=1):
            request = rs[rrow]
            points, items, reasons = assess(volunteer, request, weights)
            flow_points += int(index.points(request, np.array([vrow]))[0])
            load, load_reason = load_item(volunteer, volunteer.load + nth, weights)
            breakdown: tuple[ScoreItem, ...] = (*items, load) if load.points else items
            found[request.key] = Match(
                request.key,
                volunteer.key,
                points + load.points,
                breakdown,
                (*reasons, load_reason),
            )
    rule_points = sum(i.points for m in found.values() for i in m.breakdown if i.code != "load")
    if flow_points != rule_points:  # a bug, never an input problem: say so loudly
        raise MatchingError("internal error: index and rules disagree on the points")
    matches = tuple(found[r.key] for r in requests if r.key in found)
    unmatched = tuple(
        Unmatched(r.key, unmatched_reasons(r, index)) for r in requests if r.key not in found
    )
    return Result(
        matches=matches,
        unmatched=unmatched,
        score=sum(m.score for m in matches),
        wall_time_s=round(time.perf_counter() - started, 4),
    )
