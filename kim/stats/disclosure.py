"""Statistical disclosure control of count tables with any linear relations.

- **Primary suppression**: every cell (margins included) of 1 or 2 is shown ``"<3"``.
  Zeros are never hidden.
- **Secondary suppression**: further cells (value ≥ 3) are shown ``"x"`` so that no
  ``"<3"`` cell can be worked out from all published cells and all relations *together*
  (kim.stats.audit decides that, with the reader-knowledge model documented there).

How secondary cells are chosen (the idea of Fischetti & Salazar's and Castro's
LP-based methods, as used by τ-ARGUS; sdcTable's SIMPLEHEURISTIC instead re-attacks and
adds cells per constraint): a ``"<3"`` cell with true value 1 is protected exactly when
some table the reader cannot rule out gives it 2 (and vice versa) – a *witness*. Each
witness differs from the true table in a few cells; those must be hidden.

1. *Heuristic* (any size): for each primary cell, a linear program (GLOP) finds the
   witness that changes the fewest and smallest visible cells (cost per unit of change:
   1 + value / (sum + 1), already hidden cells are free); its changed cells are hidden.
   Witnesses found earlier stay valid, so a cell they already move to its other value is
   skipped. Then each secondary cell is tried back in view, largest first, and kept
   visible if every witness that used it can be rerouted through hidden cells only.
   Finally the audit runs; a cell still exposed (an LP witness that is not a whole-number
   table) gets a whole-number witness from a small MIP.
2. *Exact* (small tables): one mixed-integer program (SCIP) with a witness per primary
   cell and a yes/no variable per candidate cell, minimising the number of secondary
   cells, then their total value – the heuristic's answer is the starting point and the
   fallback.

A primary cell that stays exposed even with every non-zero cell hidden – given away by
the relations and its own "1 or 2" alone, e.g. a line whose cells and total are all small
(``<3 + <3 = <3`` must be ``1 + 1 = 2``) or ``"<3"`` family members with ``"<3"``
households (2 in 1) – is shown ``"."`` (secret: at least 1, no small-number hint) and
protected like the others: its witness is a table in which it is larger.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Generic

from ortools.linear_solver import pywraplp

from kim.stats.audit import (
    EPS,
    HIDDEN_MINIMUM,
    PRIMARY_MARKER,
    SECONDARY_MARKER,
    SECRET_MARKER,
    SECRET_MINIMUM,
    SMALL,
    Shown,
    audit,
    solution_values,
)
from kim.stats.linear import K, Relation, check_counts, check_relations, latent_cells

# Exact model size limit: (primary cells) × (cells), e.g. a 6 × 4 table with margins and
# ten small cells, or Tab. 7 (80 cells) with five. Report pages run this on every aggregate
# request: on Tab. 7-shaped tables it keeps protect below 0.5 s (at 600: up to 2.7 s for
# 3 % fewer secondary cells).
EXACT_LIMIT = 400
EXACT_NODES = 300  # branch-and-bound nodes: a deterministic limit


@dataclass(frozen=True)
class Protection(Generic[K]):
    """A protected table: ``published`` maps every cell to its value, "<3" or "x"."""

    published: dict[K, Shown]
    primary: frozenset[K]  # every cell of 1 or 2: shown "<3", or "." if in ``secret``
    secondary: frozenset[K]
    unprotectable: frozenset[K]  # exposed all the same (empty unless a solver gave up)
    method: str  # "none" (nothing to hide), "heuristic" or "exact"
    secret: frozenset[K] = frozenset()  # primary cells shown "."


def publish(values: Mapping[K, int], primary: set[K] | frozenset[K],
            secondary: set[K] | frozenset[K],
            secret: set[K] | frozenset[K] = frozenset()) -> dict[K, Shown]:
    return {c: SECRET_MARKER if c in secret else PRIMARY_MARKER if c in primary
            else SECONDARY_MARKER if c in secondary else v for c, v in values.items()}


def protect(values: Mapping[K, int], relations: Sequence[Relation[K]], *,
            exact_limit: int = EXACT_LIMIT) -> Protection[K]:
    """Primary and secondary suppression of ``values`` (true counts) under ``relations``.

    Raises ValueError if a value is not a count or a relation does not hold.
    """
    check_counts(values)
    check_relations(values, relations)
    primary = frozenset(c for c, v in values.items() if v in SMALL)
    if not primary:
        audit(values, relations)  # relations with latent cells must be satisfiable too
        return Protection(dict(values), primary, frozenset(), frozenset(), "none")
    secret: frozenset[K] = frozenset()
    while True:  # cells the relations give away even as "<3" are shown "." instead
        selection = _Selection(values, relations, primary, secret)
        secondary, unprotectable = selection.heuristic()
        if unprotectable <= secret:
            break
        secret |= unprotectable
    method = "heuristic"
    targets = [p for p in selection.order if p not in unprotectable]
    if targets and len(targets) * len(selection.cells) <= exact_limit:
        exact = selection.exact(targets, fixed=frozenset(), hint=secondary)
        if exact is not None and selection.cost(exact) <= selection.cost(secondary):
            selection.repair(exact, unprotectable)
            if selection.cost(exact) <= selection.cost(secondary):
                secondary, method = exact, "exact"
    return Protection(publish(values, primary, secondary, secret), primary,
                      frozenset(secondary), frozenset(unprotectable), method, secret)


class _Selection(Generic[K]):
    """The choice of secondary cells for one table."""

    def __init__(self, values: Mapping[K, int], relations: Sequence[Relation[K]],
                 primary: frozenset[K], secret: frozenset[K] = frozenset()) -> None:
        self.values = values
        self.relations = relations
        self.primary = primary
        self.secret = secret
        self.latent = latent_cells(values, relations)
        self.cells = [*values, *self.latent]
        self.candidates = [c for c, v in values.items() if v >= HIDDEN_MINIMUM]
        self.scale = sum(values[c] for c in self.candidates) + 1
        # How far the exact model lets a hidden cell rise in a witness: a plain table
        # needs 1 (a witness moves the small cell by 1), a relation "p ≥ 2·h" needs 2.
        self.slack = 2 * max((abs(a) for r in relations for _, a in r.terms), default=1)
        uses = dict.fromkeys(primary, 0)
        for relation in relations:
            for cell in relation.cells:
                if cell in uses:
                    uses[cell] += 1
        position = {c: i for i, c in enumerate(values)}
        # Cells in many relations first (margins), then table order: deterministic.
        self.order = sorted(primary, key=lambda c: (-uses[c], position[c]))

    def cost(self, cells: set[K] | frozenset[K]) -> int:
        """Number of cells first, then their total value (the exact model's objective)."""
        return sum(self.scale + self.values[c] for c in cells)

    def other(self, cell: K) -> int:
        """The value a witness gives a primary cell (a "." cell: at least this)."""
        if cell in self.secret:
            return self.values[cell] + 1
        return SMALL[0] + SMALL[1] - self.values[cell]

    def bounds(self, cell: K) -> tuple[float, float]:
        """What a reader knows of a primary cell."""
        if cell in self.secret:
            return SECRET_MINIMUM, math.inf
        return SMALL[0], SMALL[1]

    def witness_bounds(self, cell: K) -> tuple[float, float]:
        """A primary cell's range in a witness for it."""
        if cell in self.secret:
            return self.other(cell), math.inf
        return self.other(cell), self.other(cell)

    def reaches(self, cell: K, value: float) -> bool:
        """Does ``value`` in a witness give primary ``cell`` its other value?"""
        low, high = self.witness_bounds(cell)
        return low - EPS <= value <= high + EPS

    # --- heuristic -----------------------------------------------------------------

    def heuristic(self) -> tuple[set[K], set[K]]:
        lp = _WitnessLP(self)
        hidden: set[K] = set()
        unprotectable: set[K] = set()
        cover: dict[K, frozenset[K]] = {}  # primary -> cells its witness changes
        for cell in self.order:
            if cell in cover:
                continue
            found = lp.witness(cell)
            if found is None:
                unprotectable.add(cell)
                continue
            new, moved, reached = found
            hidden |= new
            lp.hide(new)
            for other in reached:
                cover.setdefault(other, moved)
            cover[cell] = moved
        self._prune(lp, hidden, cover)
        self.repair(hidden, unprotectable)
        return hidden, unprotectable

    def _prune(self, lp: _WitnessLP[K], hidden: set[K],
               cover: dict[K, frozenset[K]]) -> None:
        """Show a secondary cell again if every witness through it can do without it."""
        for cell in sorted(hidden, key=lambda c: (-self.values[c], str(c))):
            lp.show(cell)
            rerouted: dict[K, frozenset[K]] = {}
            for target in [p for p, changed in cover.items() if cell in changed]:
                found = lp.witness(target, free_only=True)
                if found is None:
                    break
                rerouted[target] = found[1]
            else:
                hidden.discard(cell)
                cover.update(rerouted)
                continue
            lp.hide({cell})

    def repair(self, hidden: set[K], unprotectable: set[K]) -> None:
        """Whole-number witnesses where an LP witness was fractional."""
        while True:
            published = publish(self.values, self.primary, hidden, self.secret)
            exposed = [c for c in audit(published, self.relations).exposed
                       if c not in unprotectable]
            if not exposed:
                return
            cell = exposed[0]
            more = self.exact([cell], fixed=frozenset(hidden), hint=set(), integral=True)
            if more is None:  # infeasible, or no answer within the node limit
                everything = publish(self.values, self.primary, set(self.candidates),
                                     self.secret)
                if cell in audit(everything, self.relations).exposed:
                    unprotectable.add(cell)
                else:  # last resort, never seen in the tests: hide every candidate
                    hidden |= set(self.candidates)
            else:
                hidden |= more

    # --- exact ---------------------------------------------------------------------

    def exact(self, targets: Sequence[K], fixed: frozenset[K], hint: set[K],
              integral: bool = False) -> set[K] | None:
        """Fewest (then smallest) cells besides ``fixed`` (hidden already) that give every
        target a witness – a whole-number one with ``integral``. A mixed-integer program
        (SCIP, deterministic: a node limit, no time limit); None: no answer found."""
        solver = pywraplp.Solver.CreateSolver("SCIP")
        if solver is None:  # pragma: no cover - SCIP ships with ortools
            return None
        solver.SuppressOutput()
        solver.SetSolverSpecificParametersAsString(f"limits/totalnodes = {EXACT_NODES}\n")
        inf = solver.infinity()
        free = [c for c in self.candidates if c not in fixed]
        hide = {c: solver.BoolVar("") for c in free}
        witnesses: list[dict[K, pywraplp.Variable]] = []
        for target in targets:
            y: dict[K, pywraplp.Variable] = {}
            for cell in self.cells:
                value = self.values.get(cell)
                low, high = ((0, inf) if value is None else self.bounds(cell)
                             if value in SMALL else (value, value) if value < HIDDEN_MINIMUM
                             else (HIDDEN_MINIMUM, inf) if cell in fixed or cell in hide
                             else (value, value))
                if cell == target:
                    low, high = self.witness_bounds(cell)
                var = y[cell] = (solver.IntVar(low, high, "") if integral
                                 else solver.NumVar(low, high, ""))
                if value is not None and cell in hide:  # moves only if hidden
                    solver.Add(var - value <= self.slack * hide[cell])
                    solver.Add(value - var <= (value - HIDDEN_MINIMUM) * hide[cell])
            for relation in self.relations:
                expression = sum(a * y[c] for c, a in relation.terms)
                solver.Add(expression == 0 if relation.sense == "==" else expression >= 0)
            witnesses.append(y)
        objective = solver.Objective()
        for cell, var in hide.items():
            objective.SetCoefficient(var, self.scale + self.values[cell])
        objective.SetMinimization()
        if hint:
            solver.SetHint(list(hide.values()), [float(c in hint) for c in hide])
        if solver.Solve() not in (pywraplp.Solver.OPTIMAL, pywraplp.Solver.FEASIBLE):
            return None
        # Only cells a witness really changes (an answer cut off by the node limit may hide
        # cells for nothing).
        return {c for c in free
                if any(abs(y[c].solution_value() - self.values[c]) > EPS for y in witnesses)}


class _WitnessLP(Generic[K]):
    """GLOP model of a table the reader cannot rule out, near the true one: a candidate
    cell is ``value + up - down`` (``down ≤ value - 3``) with a cost on ``up + down``
    unless hidden; a small cell is a variable in [1, 2], a latent one ≥ 0, a zero 0."""

    def __init__(self, selection: _Selection[K]) -> None:
        solver = pywraplp.Solver.CreateSolver("GLOP")
        if solver is None:  # pragma: no cover - GLOP ships with ortools
            raise RuntimeError("the GLOP solver is not available")
        self.solver, self.selection = solver, selection
        inf = solver.infinity()
        values = selection.values
        self.small: dict[K, Any] = {}  # cell -> variable (small and latent cells)
        self.moves: dict[K, tuple[Any, Any]] = {}
        for cell in selection.cells:
            value = values.get(cell)
            if value is None:
                self.small[cell] = solver.NumVar(0, inf, "")
            elif value in SMALL:
                low, high = selection.bounds(cell)
                self.small[cell] = solver.NumVar(low, high, "")
            elif value >= HIDDEN_MINIMUM:
                self.moves[cell] = (solver.NumVar(0, inf, ""),
                                    solver.NumVar(0, value - HIDDEN_MINIMUM, ""))
        for relation in selection.relations:
            constant = 0
            terms: list[tuple[Any, int]] = []
            for cell, a in relation.terms:
                if cell in self.small:
                    terms.append((self.small[cell], a))
                else:
                    constant += a * values[cell]
                    if cell in self.moves:
                        up, down = self.moves[cell]
                        terms += [(up, a), (down, -a)]
            # sum(terms) + constant (== or >=) 0
            constraint = solver.Constraint(-constant,
                                           -constant if relation.sense == "==" else inf)
            for var, coefficient in terms:
                constraint.SetCoefficient(var, coefficient)
        self.objective = solver.Objective()
        self.objective.SetMinimization()
        # Positions of the variables in a solution
        self.move_index = {c: (up.index(), down.index()) for c, (up, down) in self.moves.items()}
        self.small_index = {c: var.index() for c, var in self.small.items()}
        self.hidden: set[K] = set()
        for cell in self.moves:
            self.show(cell)

    def show(self, cell: K) -> None:
        self.hidden.discard(cell)
        weight = 1 + self.selection.values[cell] / self.selection.scale
        for var in self.moves[cell]:
            self.objective.SetCoefficient(var, weight)

    def hide(self, cells: set[K] | frozenset[K]) -> None:
        self.hidden |= cells
        for cell in cells:
            for var in self.moves[cell]:
                self.objective.SetCoefficient(var, 0)

    def witness(self, target: K, free_only: bool = False,
                ) -> tuple[frozenset[K], frozenset[K], list[K]] | None:
        """The cheapest witness for ``target``: (visible cells it changes, all cells it
        changes, primary cells it moves to their other value) – None if there is none
        (with ``free_only``: none that changes hidden cells only)."""
        var = self.small[target]
        low, high = self.selection.witness_bounds(target)
        var.SetBounds(low, high)
        try:
            status = self.solver.Solve()
            if status != pywraplp.Solver.OPTIMAL:
                return None
            if free_only and self.objective.Value() > EPS:
                return None
            solution = solution_values(self.solver)
            moved = frozenset(c for c, (up, down) in self.move_index.items()
                              if solution[up] + solution[down] > EPS)
            new = moved - self.hidden
            reached = [p for p in self.selection.primary
                       if self.selection.reaches(p, solution[self.small_index[p]])]
            return new, moved, reached
        finally:
            low, high = self.selection.bounds(target)
            var.SetBounds(low, high)
