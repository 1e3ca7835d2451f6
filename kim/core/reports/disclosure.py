"""Statistical disclosure control for count tables (pure Python, no Django imports).

Rules (product.md §2.9):

- **Primary suppression**: every count cell (totals included) with the value 1 or 2 is
  hidden and shown as ``PRIMARY_MARKER`` ("<3"). 0 stays 0 – an empty cell says nothing
  about a person.
- **Secondary suppression**: a published total is an equation ``total = a + b + …``. A
  reader knows each "<3" is 1 or 2 and each "x" at least 3, so an equation can pin a
  hidden cell down: one hidden cell alone, or seven "<3" cells that must add up to 7.
  For every equation that pins a hidden cell (``exposes``) we also hide the smallest
  non-zero visible part, or, if there is none, the total itself; repeated until no
  equation pins anything. Secondary cells show ``SECONDARY_MARKER`` ("x") so a reader can
  tell "small number" from "hidden to protect another cell". Zeros are never hidden.
- **Derived cells**: percentages of a row are hidden ("x") when any count of the row is
  hidden, because a share can give the hidden count back.

The equations of a table ("lines") are its published row sums (a column declared as the
sum of other columns) and its published column totals. Each line is audited on its own
(interval reasoning per equation); combining several equations at once is not audited –
that would need a linear-programming audit of the whole table. A line that consists only
of small counts (e.g. "<3" + "<3" = "<3", which must be 1 + 1 = 2) cannot be protected by
hiding more of it; such lines stay as they are (every cell already reads "<3").
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

PRIMARY_MARKER = "<3"
SECONDARY_MARKER = "x"
SMALL_VALUES = frozenset({1, 2})
INF = float("inf")
TOTALS = "totals"  # row id of the totals row

# (row index or TOTALS, column key)
Cell = tuple[int | str, str]


@dataclass(frozen=True)
class Line:
    """One published equation: ``total == sum(members)``."""

    members: tuple[Cell, ...]
    total: Cell

    @property
    def cells(self) -> tuple[Cell, ...]:
        return (*self.members, self.total)


@dataclass(frozen=True)
class Protected:
    """A table after disclosure control."""

    rows: list[dict[str, Any]]
    totals: dict[str, Any]
    primary: frozenset[Cell]
    secondary: frozenset[Cell]

    @property
    def suppressed(self) -> bool:
        return bool(self.primary or self.secondary)

    @property
    def cells(self) -> list[tuple[Cell, str]]:
        """Every hidden cell with its marker, in a stable order."""
        marked = [(c, PRIMARY_MARKER) for c in self.primary]
        marked += [(c, SECONDARY_MARKER) for c in self.secondary]
        return sorted(marked, key=lambda item: (_row_order(item[0][0]), item[0][1]))


def _row_order(row: int | str) -> tuple[int, int]:
    return (1, 0) if row == TOTALS else (0, int(row))


def is_count(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def table_lines(n_rows: int, count_keys: Sequence[str], row_sums: Mapping[str, Sequence[str]],
                totals: Mapping[str, Any]) -> list[Line]:
    """The equations a table publishes.

    ``row_sums`` maps a count column to the columns it is the row sum of; ``totals`` holds
    the column totals (the sum of each count column over all rows).
    """
    lines: list[Line] = []
    row_ids: list[int | str] = list(range(n_rows))
    for total_key, parts in row_sums.items():
        for r in row_ids:
            lines.append(Line(tuple((r, p) for p in parts), (r, total_key)))
        if total_key in totals and all(p in totals for p in parts):
            lines.append(Line(tuple((TOTALS, p) for p in parts), (TOTALS, total_key)))
    for key in count_keys:
        if key in totals and n_rows:
            lines.append(Line(tuple((r, key) for r in row_ids), (TOTALS, key)))
    return lines


def suppress(values: Mapping[Cell, int], lines: Iterable[Line]) -> tuple[set[Cell], set[Cell]]:
    """Primary and secondary cells for count ``values`` under the equations ``lines``.

    Cells of a line that are not in ``values`` (no count there) are ignored.
    """
    primary = {cell for cell, value in values.items() if value in SMALL_VALUES}
    secondary: set[Cell] = set()
    usable = []
    for line in lines:
        members = tuple(c for c in line.members if c in values)
        if line.total in values and members:
            usable.append(Line(members, line.total))
    changed = True
    while changed:  # terminates: ``secondary`` only grows and is bounded by ``values``
        changed = False
        for line in usable:
            if not exposes(line, values, primary, secondary):
                continue
            extra = _next_cell(line, values, primary | secondary)
            if extra is not None:
                secondary.add(extra)
                changed = True
    return primary, secondary


def bounds(cell: Cell, values: Mapping[Cell, int], primary: set[Cell]) -> tuple[float, float]:
    """What a reader knows about a hidden cell: "<3" is 1 or 2; "x" is at least 3 (it
    would read "<3" otherwise, and zeros are never hidden)."""
    if cell in primary:
        return 1, 2
    return (3 if values[cell] >= 3 else 0), INF


def exposes(line: Line, values: Mapping[Cell, int], primary: set[Cell],
            secondary: set[Cell]) -> bool:
    """Does this one equation pin a hidden cell of it down to a single value?

    The equation is ``sum(hidden members) - hidden total = K`` with ``K`` known from the
    visible cells; each hidden cell ranges over its ``bounds``. A cell is exposed when the
    other cells' ranges leave it exactly one value. (One hidden cell alone is always
    exposed; so are e.g. seven "<3" cells that must add up to 7.)
    """
    hidden = primary | secondary
    terms = [(c, 1) for c in line.members if c in hidden]
    if line.total in hidden:
        terms.append((line.total, -1))
    if not terms:
        return False
    known = (0 if line.total in hidden else values[line.total]) - sum(
        values[c] for c in line.members if c not in hidden)
    ranges = [bounds(c, values, primary) for c, _ in terms]
    # Each term a*x over its range, as (low, high).
    spans = [(lo, hi) if a == 1 else (-hi, -lo) for (_, a), (lo, hi) in zip(terms, ranges,
                                                                              strict=True)]
    for i, ((_, a), (lo, hi)) in enumerate(zip(terms, ranges, strict=True)):
        # a*x = known - (sum of the other terms); summed directly, as inf - inf is nan
        rest_lo = sum(s[0] for j, s in enumerate(spans) if j != i)
        rest_hi = sum(s[1] for j, s in enumerate(spans) if j != i)
        ax_lo, ax_hi = known - rest_hi, known - rest_lo
        x_lo, x_hi = (ax_lo, ax_hi) if a == 1 else (-ax_hi, -ax_lo)
        if max(lo, x_lo) == min(hi, x_hi):
            return True
    return False


def _next_cell(line: Line, values: Mapping[Cell, int], hidden: set[Cell]) -> Cell | None:
    """The cell to hide next in an exposing line: the smallest non-zero visible part (it
    loses the least information; ties keep table order), else the total. Zeros stay
    visible; a line of small counts only (e.g. 1 + 1 = "<3") cannot be helped."""
    non_zero = [c for c in line.members if c not in hidden and values[c] != 0]
    if non_zero:
        return min(non_zero, key=lambda c: values[c])
    if line.total not in hidden and values[line.total] != 0:
        return line.total
    return None


def protect(rows: Sequence[Mapping[str, Any]], totals: Mapping[str, Any],
            count_keys: Sequence[str], row_sums: Mapping[str, Sequence[str]] | None = None,
            derived_keys: Sequence[str] = ()) -> Protected:
    """Apply primary, secondary and derived-cell suppression to a report table.

    ``rows`` are dicts keyed by column; ``totals`` the published column totals (may be
    empty). Values of cells that stay visible are never changed.
    """
    row_sums = dict(row_sums or {})
    values: dict[Cell, int] = {}
    for r, row in enumerate(rows):
        for key in count_keys:
            if is_count(row.get(key)):
                values[(r, key)] = row[key]
    for key in count_keys:
        if is_count(totals.get(key)):
            values[(TOTALS, key)] = totals[key]

    primary, secondary = suppress(values, table_lines(len(rows), count_keys, row_sums, totals))
    hidden_rows = {cell[0] for cell in primary | secondary}
    derived = {(r, key) for r in hidden_rows for key in derived_keys}
    secondary |= {
        c for c in derived
        if (c[0] == TOTALS and c[1] in totals)
        or (c[0] != TOTALS and rows[int(c[0])].get(c[1]) is not None)
    }

    def marker(cell: Cell, value: Any) -> Any:
        if cell in primary:
            return PRIMARY_MARKER
        if cell in secondary:
            return SECONDARY_MARKER
        return value

    new_rows = [{k: marker((r, k), v) for k, v in row.items()} for r, row in enumerate(rows)]
    new_totals = {k: marker((TOTALS, k), v) for k, v in totals.items()}
    return Protected(new_rows, new_totals, frozenset(primary), frozenset(secondary))
