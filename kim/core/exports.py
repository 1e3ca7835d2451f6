"""List exports (CSV/XLSX) shared by every list of kim, safe against formula injection.

A text cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is read
as a formula by Excel/LibreOffice ("CSV/formula injection", OWASP). Such text gets a
leading apostrophe: the spreadsheet shows the text instead of evaluating it. Numbers are
returned unchanged (a negative number is not text).
"""

from __future__ import annotations

import csv
import datetime
import io
from collections.abc import Iterable, Sequence
from typing import Any

from django.http import HttpResponse

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
FORMATS = ("csv", "xlsx")


def safe_cell(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def _csv(headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([safe_cell(str(h)) for h in headers])
    for row in rows:
        writer.writerow([safe_cell(v.isoformat() if isinstance(v, datetime.date) else v)
                         for v in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")  # BOM: Excel detects UTF-8


def _xlsx(headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> bytes:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append([str(h) for h in headers])
    for row in rows:
        sheet.append([safe_cell(v) for v in row])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def table_response(filename: str, fmt: str, headers: Sequence[str],
                   rows: Iterable[Sequence[Any]]) -> HttpResponse:
    """A download of ``rows`` (fetched now, inside the tenant scope) as CSV or XLSX."""
    if fmt == "xlsx":
        body = _xlsx(headers, rows)
        content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    else:
        body = _csv(headers, rows)
        content_type = "text/csv; charset=utf-8"
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response
