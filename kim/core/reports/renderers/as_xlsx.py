"""XLSX: one sheet with the table, one with what the table is (the tabular writer,
:mod:`kim.core.io.tabular`, in write-only mode)."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from kim.core.io.tabular import SheetSpec, xlsx_bytes
from kim.core.reports.renderers.tabular import body, header, notes, totals_row
from kim.core.reports.service import ReportResult


def render(result: ReportResult) -> bytes:
    rows: list[list[Any]] = [header(result), *body(result)]
    bold: set[int] = set()
    total = totals_row(result)
    if total is not None:
        bold.add(len(rows))
        rows.append(total)
    rows += [[note] for note in notes(result)]
    info = [
        [_("Report"), str(result.report.title)],
        [_("Municipality"), result.municipality_name],
        [_("As of"), date_format(result.as_of, "SHORT_DATE_FORMAT")],
        [_("Generated"), date_format(timezone.localtime(result.generated_at),
                                     "SHORT_DATETIME_FORMAT")],
    ]
    return xlsx_bytes([
        SheetSpec(result.report.name, rows, bold_rows=bold),
        SheetSpec(_("Info"), info, bold_header=False, freeze=None),
    ])
