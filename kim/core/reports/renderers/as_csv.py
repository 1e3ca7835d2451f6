"""CSV: UTF-8 with BOM (so Excel detects the encoding), comma-separated, decimal point.

The header row holds the column labels in the current language (for people); use JSON
for machine processing with stable keys, XLSX for German Excel. Written by the one
tabular writer (:mod:`kim.core.io.tabular`).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from kim.core.io.tabular import csv_bytes
from kim.core.reports.renderers.tabular import body, header, notes, totals_row
from kim.core.reports.service import ReportResult


def _rows(result: ReportResult) -> Iterator[list[Any]]:
    yield from body(result)
    total = totals_row(result)
    if total is not None:
        yield total
    for note in notes(result):
        yield [note]


def render(result: ReportResult) -> bytes:
    return csv_bytes(header(result), _rows(result))
