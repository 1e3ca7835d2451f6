"""The statistics commands, file in and JSON (or CSV) out – no Django, no database.

``kim disclosure protect FILE`` (kim/core/management/commands/disclosure.py) and
``kim monitoring segregation|check-table FILE`` (kim/monitoring) call these functions; a
problem raises :class:`InputError` with one line naming row and column, and nothing is
printed as a result then.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Sequence
from typing import Any

from kim.stats import disclosure, segregation, tables
from kim.stats.audit import SECONDARY_MARKER, SECRET_MARKER
from kim.stats.csvio import InputError, parse_count, read_csv, read_records
from kim.stats.linear import grid_relations, grid_values

TOTAL_LABEL = "Gesamt"
MAX_CELLS = 5_000  # 250 × 20: protect + audit about 10 s (kim/stats/README.md)
SEGREGATION_FIELDS = ("unit", "minority", "total")

__all__ = ["InputError", "check_format", "check_table", "protect", "render_csv",
           "render_json", "segregation_indices"]


def check_format(fmt: str, allowed: Sequence[str]) -> None:
    if fmt not in allowed:
        raise InputError(f"unknown format {fmt!r}; choose one of {', '.join(allowed)}")


def render_json(result: object) -> str:
    return json.dumps(result, ensure_ascii=False, indent=2) + "\n"


def render_csv(result: dict[str, list[Any]], cell: Callable[[Any], Any] = lambda v: v) -> str:
    """The protected table as CSV; ``cell`` guards text against formula injection."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([cell(v) for v in result["header"]])
    writer.writerows([[cell(v) for v in row] for row in result["rows"]])
    return out.getvalue()


# --- kim disclosure protect -----------------------------------------------------------

def protect(data: bytes) -> dict[str, list[Any]]:
    """``{"header": [label, col…, "Gesamt"], "rows": [[label, v…, total], …, ["Gesamt",
    …]]}`` with each v an integer, "<3" or "x" – the contract of issue 12. A small cell
    that the totals alone would give away (reports show it as ".", "at least 1") is
    written "x" here: "x" promises even less (any value from 0), so the audit still holds."""
    table = read_csv(data)
    if len(table.rows) * (len(table.header) - 1) > MAX_CELLS:
        raise InputError(f"the table has {len(table.rows) * (len(table.header) - 1)} cells; "
                         f"at most {MAX_CELLS} are supported")
    columns, labels, cells = tables.read_table(table, parse_count, totals=False)
    n_rows, n_cols = len(cells), len(columns)
    result = disclosure.protect(grid_values(cells), grid_relations(n_rows, n_cols))
    shown = {cell: SECONDARY_MARKER if value == SECRET_MARKER else value
             for cell, value in result.published.items()}
    rows: list[list[Any]] = [
        [label, *(shown[(i, j)] for j in range(n_cols + 1))]
        for i, label in enumerate([*labels, TOTAL_LABEL])]
    return {"header": [table.header[0], *columns, TOTAL_LABEL], "rows": rows}


# --- kim monitoring segregation ---------------------------------------------------------

def segregation_indices(data: bytes) -> dict[str, int | float]:
    """``{"units", "minority", "total", "dissimilarity", "isolation", "exposure"}``."""
    records = read_records(data)
    if len(records[0][1]) != len(SEGREGATION_FIELDS):
        raise InputError(f"has {len(records[0][1])} fields; expected "
                         f"{','.join(SEGREGATION_FIELDS)}", records[0][0])
    order = list(range(len(SEGREGATION_FIELDS)))
    first = [c.casefold() for c in records[0][1]]
    if sorted(first) == sorted(SEGREGATION_FIELDS):
        order = [first.index(name) for name in SEGREGATION_FIELDS]
        records = records[1:]
    elif not _numeric(records[0][1][1:]):
        raise InputError(f"expected the header {','.join(SEGREGATION_FIELDS)} (or data "
                         f"rows only), found {','.join(records[0][1])}", records[0][0])
    if not records:
        raise InputError("the file has no units below the header")
    units: list[segregation.Unit] = []
    seen: dict[str, int] = {}
    for number, row in records:
        name, values = row[order[0]], []
        if not name:
            raise InputError("has no unit name", number, "unit")
        if name.casefold() in seen:
            raise InputError(f"unit {name!r} appears twice (first in row "
                             f"{seen[name.casefold()]})", number, "unit")
        seen[name.casefold()] = number
        for field in SEGREGATION_FIELDS[1:]:
            try:
                values.append(parse_count(row[order[SEGREGATION_FIELDS.index(field)]]))
            except ValueError as err:
                raise InputError(str(err), number, field) from None
        unit = segregation.Unit(name, values[0], values[1])
        try:
            segregation.check_unit(unit)
        except ValueError as err:
            raise InputError(str(err), number, "total" if unit.total == 0 else "minority") \
                from None
        units.append(unit)
    try:
        return segregation.indices(units).rounded()
    except ValueError as err:
        raise InputError(str(err)) from None


def _numeric(texts: Sequence[str]) -> bool:
    try:
        for text in texts:
            parse_count(text)
    except ValueError:
        return False
    return True


# --- kim monitoring check-table ----------------------------------------------------------

def check_table(data: bytes) -> dict[str, object]:
    """``{"consistent": bool, "findings": [{"kind", "label", "published", "computed"}]}``."""
    columns, labels, cells = tables.read_table(read_csv(data), tables.parse_cell)
    return tables.check(columns, labels, cells).as_dict()
