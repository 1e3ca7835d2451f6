"""CSV: UTF-8 with BOM (so Excel detects the encoding), comma-separated, decimal point.

The header row holds the column labels in the current language (for people); use JSON
for machine processing with stable keys, XLSX for German Excel.
"""

from __future__ import annotations

import csv
import io

from kim.core.reports.renderers.tabular import body, header, notes, totals_row
from kim.core.reports.service import ReportResult


def render(result: ReportResult) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header(result))
    writer.writerows(body(result))
    total = totals_row(result)
    if total is not None:
        writer.writerow(total)
    for note in notes(result):
        writer.writerow([note])
    return out.getvalue().encode("utf-8-sig")
