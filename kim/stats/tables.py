"""Consistency of published tables: do the cells add up to the totals?

Published tables are sometimes inconsistent ([Soest] Tab. 6: row totals that do not match
their cells). A table has row labels in its first column, column labels in its header,
optionally a total row and a total column – labelled ``gesamt``, ``total``, ``summe`` or
``insgesamt`` (any case; a trailing colon is ignored). Checked:

- every row (the total row included) against the total column: ``kind="row"``;
- every column (the total column included) against the total row: ``kind="column"``.

A cell that is not a number but a publication marker (``x``, ``<3``, ``.``, ``…``, ``/``:
hidden or unknown) leaves its row and column unchecked; ``-``, ``–`` and ``—`` are 0 (the
German statistical convention for "nothing"). Comparisons are exact (decimal numbers).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal, TypeVar

from kim.stats.csvio import CsvTable, InputError, parse_number

TOTAL_LABELS = frozenset({"gesamt", "total", "summe", "insgesamt"})
ZERO_MARKERS = frozenset({"-", "–", "—"})
UNKNOWN_MARKERS = frozenset({"x", "<3", ".", "…", "...", "/"})

Cell = Decimal | None  # None: a marker, value unknown
T = TypeVar("T")


@dataclass(frozen=True)
class Finding:
    kind: Literal["row", "column"]
    label: str
    published: Decimal
    computed: Decimal

    def as_dict(self) -> dict[str, str | int | float]:
        return {"kind": self.kind, "label": self.label, "published": number(self.published),
                "computed": number(self.computed)}


@dataclass(frozen=True)
class TableCheck:
    findings: tuple[Finding, ...]
    total_row: str | None
    total_column: str | None

    @property
    def consistent(self) -> bool:
        return not self.findings

    def as_dict(self) -> dict[str, object]:
        return {"consistent": self.consistent,
                "findings": [f.as_dict() for f in self.findings]}


def number(value: Decimal) -> int | float:
    """JSON number: whole values as integers."""
    return int(value) if value == value.to_integral_value() else float(value)


def is_total(label: str) -> bool:
    return label.strip().rstrip(":").strip().casefold() in TOTAL_LABELS


def parse_cell(text: str) -> Cell:
    if text in ZERO_MARKERS:
        return Decimal(0)
    if text.casefold() in UNKNOWN_MARKERS:
        return None
    if not text:
        raise ValueError("is empty (write 0 or - for nothing)")
    value = parse_number(text)
    if value is None:
        raise ValueError(f"{text!r} is not a number")
    return value


def read_table(table: CsvTable, parse: Callable[[str], T],
               totals: bool = True) -> tuple[list[str], list[str], list[list[T]]]:
    """(column labels, row labels, cells parsed by ``parse``) of a CSV table whose first
    column holds row labels; InputError naming the cell. ``totals=False``: a row or
    column labelled as a total is refused (the table must come without margins)."""
    if len(table.header) < 2:
        raise InputError("the header needs a label column and at least one more column",
                         row=1)
    if not table.rows:
        raise InputError("the file has no rows below the header")
    columns = table.header[1:]
    if not totals and (found := [c for c in columns if is_total(c)]):
        raise InputError("looks like a total column; give the cells without totals",
                         row=1, column=found[0])
    labels: list[str] = []
    cells: list[list[T]] = []
    seen: dict[str, int] = {}
    for row_number, row in zip(table.numbers, table.rows, strict=True):
        label = row[0]
        if not label:
            raise InputError("has no label in the first column", row_number)
        if not totals and is_total(label):
            raise InputError(f"{label!r} looks like a total row; give the cells without "
                             "totals", row_number)
        if label.casefold() in seen:
            raise InputError(f"label {label!r} appears twice (first in row "
                             f"{seen[label.casefold()]})", row_number)
        seen[label.casefold()] = row_number
        parsed: list[T] = []
        for column, text in zip(columns, row[1:], strict=True):
            try:
                parsed.append(parse(text))
            except ValueError as err:
                raise InputError(str(err), row_number, column) from None
        labels.append(label)
        cells.append(parsed)
    return columns, labels, cells


def _single_total(labels: Sequence[str], what: str) -> int | None:
    found = [i for i, label in enumerate(labels) if is_total(label)]
    if len(found) > 1:
        raise InputError(f"two total {what}s: {labels[found[0]]!r} and {labels[found[1]]!r}")
    return found[0] if found else None


def check(columns: Sequence[str], labels: Sequence[str],
          cells: Sequence[Sequence[Cell]]) -> TableCheck:
    total_col = _single_total(columns, "column")
    total_row = _single_total(labels, "row")
    findings: list[Finding] = []
    if total_col is not None:
        for label, row in zip(labels, cells, strict=True):
            finding = _compare("row", label, row[total_col],
                               [v for j, v in enumerate(row) if j != total_col])
            findings += [finding] if finding else []
    if total_row is not None:
        for j, column in enumerate(columns):
            finding = _compare("column", column, cells[total_row][j],
                               [row[j] for i, row in enumerate(cells) if i != total_row])
            findings += [finding] if finding else []
    return TableCheck(tuple(findings),
                      labels[total_row] if total_row is not None else None,
                      columns[total_col] if total_col is not None else None)


def _compare(kind: Literal["row", "column"], label: str, published: Cell,
             parts: Sequence[Cell]) -> Finding | None:
    known = [p for p in parts if p is not None]
    if published is None or len(known) < len(parts):
        return None  # a hidden or unknown cell: nothing to compare
    computed = sum(known, Decimal(0))
    return None if computed == published else Finding(kind, label, published, computed)
