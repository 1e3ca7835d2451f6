"""The LP audit: can a reader work out a hidden small count from a published table?

What a reader knows (the *reader-knowledge model*, the same as kim/core/reports has always
documented for its markers):

- a published number is exact; a published ``0`` is exactly 0 (zeros are never hidden);
- ``"<3"`` (primary suppression) is 1 or 2;
- ``"x"`` (secondary suppression) is at least 3 – it would read ``"<3"`` or ``0``
  otherwise; it has no upper bound of its own;
- ``"."`` (secret) is at least 1: a small cell that the relations alone would give away
  as ``"<3"`` (``"<3"`` family members with ``"<3"`` households can only be 2 in 1);
- a cell a relation names but the table does not publish (latent) is ≥ 0;
- every declared relation holds, all of them at once; every cell is a whole number.

For every ``"<3"`` cell the audit computes the smallest and largest value over all tables
the reader cannot rule out: first with a linear program (GLOP, the LP relaxation, like
τ-ARGUS's and sdcTable's ``attack``), then in whole numbers. The LP bound is rounded
inwards (an LP maximum of 1.5 means 2 is impossible), and when the LP reaches 1 and 2 only
at fractional points, CP-SAT checks that a whole-number table with that value exists. A
cell whose whole-number minimum equals its maximum is *exposed*. A ``"."`` cell is
exposed when only one whole value remains for it (LP minimum and maximum, then CP-SAT).

Speed: every LP solution is a table the reader cannot rule out; the values it gives the
other ``"<3"`` cells are recorded, and a cell already seen at 1 and at 2 in whole-number
solutions needs no LP of its own.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Generic

from ortools.linear_solver import linear_solver_pb2, pywraplp
from ortools.sat.python import cp_model

from kim.stats.linear import K, Relation, latent_cells

PRIMARY_MARKER = "<3"
SECONDARY_MARKER = "x"
# "." (the official statistics sign for "secret"): a small cell that the relations alone
# would give away even as "<3" (e.g. "<3" family members with "<3" households is 2 in 1).
# It carries no small-number hint: the reader knows only that it is at least 1.
SECRET_MARKER = "."
SMALL = (1, 2)  # what "<3" stands for
HIDDEN_MINIMUM = 3  # what "x" is at least
SECRET_MINIMUM = 1  # what "." is at least (zeros are never hidden)
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
    if shown == SECRET_MARKER:
        return SECRET_MINIMUM, math.inf
    if isinstance(shown, int) and not isinstance(shown, bool) and shown >= 0:
        return shown, shown
    raise ValueError(f"{shown!r} is neither a count nor {PRIMARY_MARKER!r} / "
                     f"{SECONDARY_MARKER!r} / {SECRET_MARKER!r}")


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

    def above(self, cell: K, at_least: int) -> bool:
        """Can ``cell`` be ``at_least`` or more (in the LP)? (No maximum: a "." cell may
        be unbounded, and GLOP is not asked about unbounded problems.)"""
        var = self.var[cell]
        low = var.lb()
        var.SetLb(at_least)
        try:
            self.objective.Clear()
            self.objective.SetCoefficient(var, 1)
            self.objective.SetMinimization()
            return bool(self.solver.Solve() == pywraplp.Solver.OPTIMAL)
        finally:
            var.SetLb(low)

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

    def whole_values(self, cell: K, low: int, high: float) -> set[int]:
        """Two whole values of ``cell`` within [low, high] that some table gives it (one
        if only one exists, none if CP-SAT ran out of time)."""
        found: set[int] = set()
        for value in range(low, low + 2):  # the two smallest candidates first
            if value <= high and self.possible(cell, value):
                found.add(value)
        if len(found) < 2:
            self.model.clear_assumptions()
            flag = self.model.new_bool_var("")
            self.model.add(self.var[cell] >= low + 2).only_enforce_if(flag)
            self.model.add_assumption(flag)
            solver = cp_model.CpSolver()
            solver.parameters.num_workers = 1
            solver.parameters.max_deterministic_time = 10.0
            if solver.solve(self.model) in (cp_model.OPTIMAL, cp_model.FEASIBLE):
                found.add(int(solver.value(self.var[cell])))
        return found


def _secret_range(cell: K, lp: ReaderLP[K], record: Callable[[], None], seen: set[int],
                  reader_cp: Callable[[], ReaderCP[K]]) -> CellRange[K]:
    """A ``"."`` cell (at least 1, no upper bound) is safe when two whole values remain:
    the LP minimum, whether the LP allows one more, then CP-SAT for two whole values.
    ``high`` is the largest value found, not the maximum."""
    lp_low = lp.extreme(cell, maximize=False)
    record()
    first = math.ceil(lp_low - EPS)
    if len(seen) < 2 and not lp.above(cell, first + 1):
        return CellRange(cell, first, first, lp_low, lp_low)
    if len(seen) < 2:
        seen = seen | reader_cp().whole_values(cell, first, math.inf)
    low = min(seen, default=first)
    return CellRange(cell, low, max(seen, default=low), lp_low, math.inf)


def audit(published: Mapping[K, Shown], relations: Sequence[Relation[K]]) -> Audit[K]:
    """Ranges of the ``"<3"`` cells of ``published`` under ``relations``.

    Raises :class:`InconsistentTable` when the published cells contradict the relations.
    """
    targets = [c for c, v in published.items() if v in (PRIMARY_MARKER, SECRET_MARKER)]
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
        if published[cell] == SECRET_MARKER:
            ranges.append(_secret_range(cell, lp, record, seen_whole[cell],
                                        lambda: ReaderCP(published, relations)))
            continue
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
