"""Cells and linear relations of a count table.

A table is a set of cells (any hashable key) holding non-negative whole numbers, plus the
linear relations a reader knows to hold among them: ``total = a + b + …`` for row sums,
column sums and grand totals, and any further relation (``persons = households`` for
single persons, ``persons ≥ 2 · households`` for families, ``children ≤ persons``).

A relation may name a cell that is never published (a *latent* cell): the reader knows it
exists and is ≥ 0, nothing more. ``children ≤ persons`` is the same as
``persons = children + adults`` with a latent ``adults``.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Generic, Literal, TypeVar

K = TypeVar("K", bound=Hashable)  # a cell's key: (row, column) or anything hashable
Sense = Literal["==", ">="]


@dataclass(frozen=True)
class Relation(Generic[K]):
    """``sum(coefficient * cell) == 0`` (or ``>= 0``): what a reader knows about the cells.

    Build it with :meth:`total` or :meth:`at_least`; a cell named twice has its
    coefficients added up.
    """

    terms: tuple[tuple[K, int], ...]
    sense: Sense = "=="

    def __post_init__(self) -> None:
        if self.sense not in ("==", ">="):
            raise ValueError(f"unknown sense {self.sense!r}")
        merged: dict[K, int] = {}
        for cell, coefficient in self.terms:
            merged[cell] = merged.get(cell, 0) + coefficient
        object.__setattr__(self, "terms", tuple((c, a) for c, a in merged.items() if a))

    @classmethod
    def total(cls, total: K, members: Iterable[K]) -> Relation[K]:
        """``total == sum(members)``."""
        return cls(((total, 1), *((m, -1) for m in members)))

    @classmethod
    def at_least(cls, big: K, small: Iterable[K], factor: int = 1) -> Relation[K]:
        """``big >= factor * sum(small)`` (e.g. persons ≥ 2 · family households)."""
        return cls(((big, 1), *((s, -factor) for s in small)), ">=")

    @property
    def cells(self) -> tuple[K, ...]:
        return tuple(c for c, _ in self.terms)

    def value(self, values: Mapping[K, int]) -> int:
        return sum(a * values[c] for c, a in self.terms)

    def holds(self, values: Mapping[K, int]) -> bool:
        left = self.value(values)
        return left == 0 if self.sense == "==" else left >= 0

    def __str__(self) -> str:
        left = " + ".join(f"{a}·{c!r}" for c, a in self.terms) or "0"
        return f"{left} {self.sense} 0"


def check_counts(values: Mapping[K, int]) -> None:
    """Every cell a non-negative whole number (``bool`` is not a count)."""
    for cell, value in values.items():
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise ValueError(f"cell {cell!r}: {value!r} is not a non-negative whole number")


def check_relations(values: Mapping[K, int], relations: Iterable[Relation[K]]) -> None:
    """Relations over published cells only must hold for the true values (a relation that
    names a latent cell is checked by the audit's feasibility instead)."""
    for relation in relations:
        if all(c in values for c in relation.cells) and not relation.holds(values):
            raise ValueError(f"relation {relation} does not hold for the values")


def latent_cells(values: Mapping[K, object], relations: Iterable[Relation[K]]) -> list[K]:
    """Cells named by relations but not in ``values``, in first-seen order."""
    seen: dict[K, None] = {}
    for relation in relations:
        for cell in relation.cells:
            if cell not in values:
                seen.setdefault(cell, None)
    return list(seen)


Grid = tuple[int, int]


def grid_relations(n_rows: int, n_cols: int) -> list[Relation[Grid]]:
    """A two-way table with margins: cells ``(i, j)``; row ``n_rows`` holds the column
    totals, column ``n_cols`` the row totals, ``(n_rows, n_cols)`` the grand total."""
    relations: list[Relation[Grid]] = [Relation.total((i, n_cols), [(i, j) for j in range(n_cols)])
                 for i in range(n_rows + 1)]
    relations += [Relation.total((n_rows, j), [(i, j) for i in range(n_rows)])
                  for j in range(n_cols + 1)]
    return relations


def grid_values(cells: Sequence[Sequence[int]]) -> dict[Grid, int]:
    """``cells`` (rows of counts, no margins) with their margins, keyed as in
    :func:`grid_relations`."""
    n_rows = len(cells)
    n_cols = len(cells[0]) if cells else 0
    values: dict[Grid, int] = {}
    for i, row in enumerate(cells):
        if len(row) != n_cols:
            raise ValueError(f"row {i} has {len(row)} cells, expected {n_cols}")
        for j, value in enumerate(row):
            values[(i, j)] = value
        values[(i, n_cols)] = sum(row)
    for j in range(n_cols + 1):
        values[(n_rows, j)] = sum(values[(i, j)] for i in range(n_rows))
    return values
