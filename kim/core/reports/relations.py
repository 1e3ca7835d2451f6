"""Linear relations among a report's cells beyond its row sums and column totals.

Disclosure control must know everything a reader knows: a row sum declared with
``Column.sum_of`` and the column totals are relations already; a report declares any
further one here, e.g. in [Soest] Tab. 7 single persons are one-person households
(persons = households in each category) and families have two or more members
(persons ≥ 2 · households)::

    Report(..., relations=(
        RowRelation("placeable", ("placeable_households",),
                    where=(("members_code", "singles"),)),
        RowRelation("placeable", ("placeable_households",), sense=">=", factor=2,
                    where=(("members_code", "families"),)),
    ))

A relation holds in every row whose dimension columns match ``where`` (all rows when
empty); it is not applied to the totals row (a relation of some rows does not hold for
their sum with the others – and one that holds in every row the audit derives for the
totals itself).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from kim.stats.linear import Relation, Sense


@dataclass(frozen=True)
class RowRelation:
    """``lhs == factor · sum(rhs)`` (or ``>=``) in each matching row."""

    lhs: str
    rhs: tuple[str, ...]
    sense: Sense = "=="
    factor: int = 1
    where: tuple[tuple[str, str], ...] = ()  # (text column, value) pairs

    def matches(self, row: Mapping[str, Any]) -> bool:
        return all(row.get(key) == value for key, value in self.where)

    def relation(self, row: int | str) -> Relation[tuple[int | str, str]]:
        cells = [((row, self.lhs), 1), *(((row, key), -self.factor) for key in self.rhs)]
        return Relation(tuple(cells), self.sense)

    def problem(self, counts: Sequence[str], dimensions: Sequence[str]) -> str | None:
        """Why this declaration is wrong for a report with these columns (None: fine)."""
        if self.sense not in ("==", ">=") or self.factor < 1:
            return "sense must be '==' or '>=' and factor at least 1"
        if not self.rhs or not {self.lhs, *self.rhs} <= set(counts) or self.lhs in self.rhs:
            return f"{self.lhs!r} and {self.rhs!r} must be distinct count columns"
        if not {key for key, _ in self.where} <= set(dimensions):
            return f"where {self.where!r} must name text columns"
        return None
