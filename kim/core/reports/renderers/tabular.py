"""Rows as the plain tables CSV and XLSX write: human labels, a totals row, safe text."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _

from kim.core.reports.renderers.safe import safe_cell
from kim.core.reports.renderers.text import suppression_note
from kim.core.reports.service import ReportResult


def plain(value: Any) -> Any:
    """A cell value spreadsheets understand (no lazy strings, Decimal as float)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int | float):
        return value
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, date):
        return value.isoformat()
    return safe_cell(str(value))


def header(result: ReportResult) -> list[str]:
    return [safe_cell(str(c.label)) for c in result.columns]


def body(result: ReportResult) -> Iterator[list[Any]]:
    for row in result.rows:
        yield [plain(row[c.key]) for c in result.columns]


def totals_row(result: ReportResult) -> list[Any] | None:
    """The totals line: "Total" in the first column, column totals below their columns."""
    if not result.totals:
        return None
    cells = [plain(result.totals.get(c.key)) for c in result.columns]
    if result.columns[0].key not in result.totals:
        cells[0] = _("Total")
    return cells


def notes(result: ReportResult) -> list[str]:
    """Explanations printed under the table."""
    return [suppression_note(result.suppressed_cells)] if result.suppressed else []
