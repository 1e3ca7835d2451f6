"""XLSX via openpyxl: one sheet with the table, one with what the table is."""

from __future__ import annotations

import io
from typing import Any

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from kim.core.reports.renderers.safe import safe_cell
from kim.core.reports.renderers.tabular import body, header, notes, totals_row
from kim.core.reports.service import ReportResult

BOLD = Font(bold=True)


def _append(sheet: Any, values: list[Any], bold: bool = False) -> None:
    sheet.append(values)
    for cell in sheet[sheet.max_row]:
        if isinstance(cell.value, str):
            # Belt and braces beside safe_cell: text is stored as text, never a formula.
            cell.data_type = "s"
        if bold:
            cell.font = BOLD


def render(result: ReportResult) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = result.report.name[:31]
    _append(sheet, header(result), bold=True)
    for row in body(result):
        _append(sheet, row)
    total = totals_row(result)
    if total is not None:
        _append(sheet, total, bold=True)
    for note in notes(result):
        _append(sheet, [note])
    sheet.freeze_panes = "A2"

    info = book.create_sheet(_("Info")[:31])
    for label, value in (
        (_("Report"), str(result.report.title)),
        (_("Municipality"), result.municipality_name),
        (_("As of"), date_format(result.as_of, "SHORT_DATE_FORMAT")),
        (_("Generated"), date_format(timezone.localtime(result.generated_at),
                                      "SHORT_DATETIME_FORMAT")),
    ):
        _append(info, [safe_cell(label), safe_cell(value)])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
