"""The LP audit: can a reader work out a hidden small count from a published table?

What a reader knows (the *reader-knowledge model*, the same as kim/reports has always
documented for its markers):

- a published number is exact; a published ``0`` is exactly 0 (zeros are never hidden);
- ``"<3"`` (primary suppression) is 1 or 2;
- ``"x"`` (secondary suppression) is at least 3 – it would read ``"<3"`` or ``0``
  otherwise; it has no upper bound of its own;
- a cell a relation names but the table does not publish (latent) is ≥ 0;
- every declared relation holds, all of them at once; every cell is a whole number.

For every ``"<3"`` cell the audit computes the smallest and largest value over all tables
the reader cannot rule out: first with a linear program (GLOP, the LP relaxation, like
τ-ARGUS's and sdcTable's ``attack``), then in whole numbers. The LP bound is rounded
inwards (an LP maximum of 1.5 means 2 is impossible), and when the LP reaches 1 and 2 only
at fractional points, CP-SAT checks that a whole-number table with that value exists. A
cell whose whole-number minimum equals its maximum is *exposed*.

Speed: every LP solution is a table the reader cannot rule out; the values it gives the
other ``"<3"`` cells are recorded, and a cell already seen at 1 and at 2 in whole-number
solutions needs no LP of its own.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Generic

from ortools.linear_solver import linear_solver_pb2, pywraplp
from ortools.sat.python import cp_model

from kim.stats.linear import K, Relation, latent_cells

PRIMARY_MARKER = "<3"
SECONDARY_MARKER = "x"
SMALL = (1, 2)  # what "<3" stands for
HIDDEN_MINIMUM = 3  # what "x" is at least
EPS = 1e-6
# Whole-number checks need finite domains; a published table of a municipality is far
# below this, and a bound can only make the audit stricter (report "exposed" more often).
UNBOUNDED = 10**9

Shown = int | str  # a published cell: its value, "<3" or "x"


def solution_values(solver: pywraplp.Solver) -> list[float]:
    """Every variable's value, by ``Variable.index()`` (one call instead of one each)."""
    response = linear_solver_pb2.MPSolutionResponse()
    solver.FillSolutionResponseProto(response)
    return list(response.variable_value)


class InconsistentTable(ValueError):
    """No table satisfies the published cells and the relations together."""


@dataclass(frozen=True)
class CellRange(Generic[K]):
    """What the reader can say about one ``"<3"`` cell."""

    cell: K
    low: int  # smallest whole value the reader cannot rule out
    high: int  # largest
    lp_low: float  # the LP relaxation's bounds
    lp_high: float

    @property
    def exposed(self) -> bool:
        return self.low == self.high


@dataclass(frozen=True)
class Audit(Generic[K]):
    ranges: tuple[CellRange[K], ...]

    @property
    def exposed(self) -> tuple[K, ...]:
        return tuple(r.cell for r in self.ranges if r.exposed)

    @property
    def safe(self) -> bool:
        return not self.exposed


def reader_bounds(shown: Shown | None) -> tuple[float, float]:
    """The reader's bounds for one cell (``None``: latent)."""
    if shown is None:
        return 0, math.inf
    if shown == PRIMARY_MARKER:
        return SMALL[0], SMALL[1]
    if shown == SECONDARY_MARKER:
        return HIDDEN_MINIMUM, math.inf
    if isinstance(shown, int) and not isinstance(shown, bool) and shown >= 0:
        return shown, shown
    raise ValueError(f"{shown!r} is neither a count nor {PRIMARY_MARKER!r} / "
                     f"{SECONDARY_MARKER!r}")


class ReaderLP(Generic[K]):
    """The reader's polytope as a GLOP model, kept for many objectives (warm starts)."""

    def __init__(self, published: Mapping[K, Shown], relations: Sequence[Relation[K]]) -> None:
        solver = pywraplp.Solver.CreateSolver("GLOP")
        if solver is None:  # pragma: no cover - GLOP ships with ortools
            raise RuntimeError("the GLOP solver is not available")
        self.solver = solver
        inf = solver.infinity()
        self.cells = [*published, *latent_cells(published, relations)]
        self.var: dict[K, pywraplp.Variable] = {}  # created in order: index = position
        for cell in self.cells:
            low, high = reader_bounds(published.get(cell))
            self.var[cell] = solver.NumVar(low, inf if high == math.inf else high, "")
        for relation in relations:
            constraint = solver.Constraint(0, 0 if relation.sense == "==" else inf)
            for cell, a in relation.terms:
                constraint.SetCoefficient(self.var[cell], a)
        self.objective = solver.Objective()

    def extreme(self, cell: K, maximize: bool) -> float:
        """The LP minimum or maximum of ``cell``; the solution stays readable."""
        self.objective.Clear()
        self.objective.SetCoefficient(self.var[cell], 1)
        if maximize:
            self.objective.SetMaximization()
        else:
            self.objective.SetMinimization()
        status = self.solver.Solve()
        if status == pywraplp.Solver.INFEASIBLE:
            raise InconsistentTable("no table satisfies the published cells and relations")
        if status != pywraplp.Solver.OPTIMAL:  # pragma: no cover - bounded by the markers
            raise RuntimeError(f"LP status {status} for cell {cell!r}")
        return float(self.var[cell].solution_value())

    def check_feasible(self) -> None:
        self.objective.Clear()
        if self.solver.Solve() == pywraplp.Solver.INFEASIBLE:
            raise InconsistentTable("no table satisfies the published cells and relations")

    def solution(self) -> tuple[dict[K, float], bool]:
        """The current LP solution: values of all cells, and whether all are whole."""
        values = solution_values(self.solver)
        whole = all(abs(v - round(v)) < EPS for v in values)
        return dict(zip(self.var, values, strict=True)), whole


class ReaderCP(Generic[K]):
    """The reader's knowledge in whole numbers (CP-SAT): does a table with ``cell = value``
    exist?"""

    def __init__(self, published: Mapping[K, Shown], relations: Sequence[Relation[K]]) -> None:
        model = cp_model.CpModel()
        self.var: dict[K, cp_model.IntVar] = {}
        for cell in [*published, *latent_cells(published, relations)]:
            low, high = reader_bounds(published.get(cell))
            self.var[cell] = model.new_int_var(int(low), UNBOUNDED if high == math.inf
                                             else int(high), "")
        for relation in relations:
            expression = sum(a * self.var[c] for c, a in relation.terms)
            model.add(expression == 0 if relation.sense == "==" else expression >= 0)
        self.model = model

    def possible(self, cell: K, value: int) -> bool:
        self.model.clear_assumptions()
        flag = self.model.new_bool_var("")
        self.model.add(self.var[cell] == value).only_enforce_if(flag)
        self.model.add_assumption(flag)
        solver = cp_model.CpSolver()
        solver.parameters.num_workers = 1  # deterministic, and the machine is shared
        solver.parameters.max_deterministic_time = 10.0
        status = solver.solve(self.model)
        # UNKNOWN (out of time) counts as "not possible": the audit errs on the safe side.
        return status in (cp_model.OPTIMAL, cp_model.FEASIBLE)


def audit(published: Mapping[K, Shown], relations: Sequence[Relation[K]]) -> Audit[K]:
    """Ranges of the ``"<3"`` cells of ``published`` under ``relations``.

    Raises :class:`InconsistentTable` when the published cells contradict the relations.
    """
    targets = [c for c, v in published.items() if v == PRIMARY_MARKER]
    lp = ReaderLP(published, relations)
    seen_lp: dict[K, set[float]] = {c: set() for c in targets}
    seen_whole: dict[K, set[int]] = {c: set() for c in targets}

    def record() -> None:
        solution, whole = lp.solution()
        for cell in targets:
            seen_lp[cell].add(solution[cell])
            if whole:
                seen_whole[cell].add(round(solution[cell]))

    if not targets:
        lp.check_feasible()
        return Audit(())
    cp: ReaderCP[K] | None = None
    ranges = []
    for cell in targets:
        if seen_whole[cell] >= set(SMALL):
            ranges.append(CellRange(cell, SMALL[0], SMALL[1], SMALL[0], SMALL[1]))
            continue
        if min(seen_lp[cell], default=math.inf) <= SMALL[0] + EPS:
            lp_low: float = SMALL[0]
        else:
            lp_low = lp.extreme(cell, maximize=False)
            record()
        if max(seen_lp[cell], default=-math.inf) >= SMALL[1] - EPS:
            lp_high: float = SMALL[1]
        else:
            lp_high = lp.extreme(cell, maximize=True)
            record()
        # Inwards to whole numbers, then whole-number witnesses for the two ends.
        possible = [v for v in SMALL if math.ceil(lp_low - EPS) <= v <= math.floor(lp_high + EPS)]
        whole = []
        for value in possible:
            if value in seen_whole[cell]:
                whole.append(value)
                continue
            if cp is None:
                cp = ReaderCP(published, relations)
            if cp.possible(cell, value):
                whole.append(value)
        if not whole:  # only when CP-SAT ran out of time: keep the LP view, flag it
            whole = [possible[0] if possible else round(lp_low)]
        ranges.append(CellRange(cell, min(whole), max(whole), lp_low, lp_high))
    return Audit(tuple(ranges))
