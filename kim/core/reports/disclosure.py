"""Disclosure control of report tables – the adapter from rows and totals to kim.stats.

The method (primary "<3" – or "." where the relations alone would give a "<3" away –,
secondary "x", every relation of the table respected together,
an LP audit) lives in kim/stats (see kim/stats/README.md); this module turns a report's
rows and totals into cells and relations and back (pure Python, no Django imports):

- cells: ``(row index, column key)`` for count cells of data rows, ``(TOTALS, key)`` for
  the published column totals;
- relations: every declared row sum (``Column.sum_of``) in each row and, where published,
  in the totals row; every published column total; every relation the report declares
  (kim/core/reports/relations.py);
- derived cells: percentages of a row are hidden ("x") when any count of the row is
  hidden, because a share can give the hidden count back.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from kim.core.reports.relations import RowRelation
from kim.stats import audit as stats_audit
from kim.stats import disclosure as stats_disclosure
from kim.stats.audit import PRIMARY_MARKER, SECONDARY_MARKER, SECRET_MARKER
from kim.stats.linear import Relation

__all__ = ["PRIMARY_MARKER", "SECONDARY_MARKER", "SECRET_MARKER", "TOTALS", "Cell",
           "Protected", "audit", "protect", "table_relations"]

TOTALS = "totals"  # row id of the totals row

# (row index or TOTALS, column key)
Cell = tuple[int | str, str]


@dataclass(frozen=True)
class Protected:
    """A table after disclosure control."""

    rows: list[dict[str, Any]]
    totals: dict[str, Any]
    primary: frozenset[Cell]
    secondary: frozenset[Cell]
    unprotectable: frozenset[Cell] = frozenset()  # see kim.stats.disclosure
    secret: frozenset[Cell] = frozenset()  # primary cells shown "." (see kim.stats)

    @property
    def suppressed(self) -> bool:
        return bool(self.primary or self.secondary)

    @property
    def cells(self) -> list[tuple[Cell, str]]:
        """Every hidden cell with its marker, in a stable order."""
        marked = [(c, SECRET_MARKER if c in self.secret else PRIMARY_MARKER)
                  for c in self.primary]
        marked += [(c, SECONDARY_MARKER) for c in self.secondary]
        return sorted(marked, key=lambda item: (_row_order(item[0][0]), item[0][1]))


def _row_order(row: int | str) -> tuple[int, int]:
    return (1, 0) if row == TOTALS else (0, int(row))


def is_count(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _shown(value: Any) -> bool:
    return is_count(value) or value in (PRIMARY_MARKER, SECONDARY_MARKER, SECRET_MARKER)


def _cells(rows: Sequence[Mapping[str, Any]], totals: Mapping[str, Any],
           count_keys: Sequence[str], keep: Callable[[Any], bool]) -> dict[Cell, Any]:
    """The count cells of a table (data rows, then the totals row) whose value ``keep``s."""
    found: dict[Cell, Any] = {(r, key): row[key] for r, row in enumerate(rows)
                              for key in count_keys if keep(row.get(key))}
    found.update({(TOTALS, key): totals[key] for key in count_keys if keep(totals.get(key))})
    return found


def table_relations(rows: Sequence[Mapping[str, Any]], totals: Mapping[str, Any],
                    count_keys: Sequence[str], row_sums: Mapping[str, Sequence[str]],
                    relations: Sequence[RowRelation] = ()) -> list[Relation[Cell]]:
    """Every relation a reader knows among the cells of this table (published or not:
    a cell without a count is latent – it exists, the reader does not know it)."""
    found: list[Relation[Cell]] = []
    for total_key, parts in row_sums.items():
        for r in range(len(rows)):
            found.append(Relation.total((r, total_key), [(r, p) for p in parts]))
        if all(_shown(totals.get(k)) for k in (total_key, *parts)):
            found.append(Relation.total((TOTALS, total_key), [(TOTALS, p) for p in parts]))
    for key in count_keys:
        if _shown(totals.get(key)) and rows:
            found.append(Relation.total((TOTALS, key), [(r, key) for r in range(len(rows))]))
    for relation in relations:
        found += [relation.relation(r) for r, row in enumerate(rows) if relation.matches(row)]
    return found


def protect(rows: Sequence[Mapping[str, Any]], totals: Mapping[str, Any],
            count_keys: Sequence[str], row_sums: Mapping[str, Sequence[str]] | None = None,
            derived_keys: Sequence[str] = (),
            relations: Sequence[RowRelation] = ()) -> Protected:
    """Apply primary, secondary and derived-cell suppression to a report table.

    ``rows`` are dicts keyed by column; ``totals`` the published column totals (may be
    empty). Values of cells that stay visible are never changed.
    """
    values: dict[Cell, int] = _cells(rows, totals, count_keys, is_count)
    found = table_relations(rows, totals, count_keys, dict(row_sums or {}), relations)
    result = stats_disclosure.protect(values, found)
    primary = result.primary
    secondary = set(result.secondary)
    hidden_rows = {cell[0] for cell in primary | secondary}
    secondary |= {
        (r, key) for r in hidden_rows for key in derived_keys
        if (r == TOTALS and key in totals)
        or (r != TOTALS and rows[int(r)].get(key) is not None)
    }

    def marker(cell: Cell, value: Any) -> Any:
        if cell in result.secret:
            return SECRET_MARKER
        if cell in primary:
            return PRIMARY_MARKER
        if cell in secondary:
            return SECONDARY_MARKER
        return value

    new_rows = [{k: marker((r, k), v) for k, v in row.items()} for r, row in enumerate(rows)]
    new_totals = {k: marker((TOTALS, k), v) for k, v in totals.items()}
    return Protected(new_rows, new_totals, primary, frozenset(secondary),
                     result.unprotectable, result.secret)


def audit(rows: Sequence[Mapping[str, Any]], totals: Mapping[str, Any],
          count_keys: Sequence[str], row_sums: Mapping[str, Sequence[str]] | None = None,
          relations: Sequence[RowRelation] = ()) -> stats_audit.Audit[Cell]:
    """The LP audit of a published (protected) table: what a reader can work out."""
    published: dict[Cell, int | str] = _cells(rows, totals, count_keys, _shown)
    found = table_relations(rows, totals, count_keys, dict(row_sums or {}), relations)
    return stats_audit.audit(published, found)
