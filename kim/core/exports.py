"""List exports (CSV/XLSX) as HTTP downloads; the cells are written by the one tabular
writer, :mod:`kim.core.io.tabular` (formula-safe: text starting with ``=``, ``+``, ``-``,
``@``, a tab or a carriage return gets a leading apostrophe; numbers unchanged)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from django.http import HttpResponse

from kim.core.io.tabular import (
    CSV_CONTENT_TYPE,
    FORMULA_PREFIXES,
    XLSX_CONTENT_TYPE,
    csv_bytes,
    safe_cell,
    xlsx_table,
)

__all__ = ["FORMATS", "FORMULA_PREFIXES", "safe_cell", "table_response"]
FORMATS = ("csv", "xlsx")


def table_response(filename: str, fmt: str, headers: Sequence[str],
                   rows: Iterable[Sequence[Any]]) -> HttpResponse:
    """A download of ``rows`` (fetched now, inside the tenant scope) as CSV or XLSX."""
    if fmt == "xlsx":
        body, content_type = xlsx_table(headers, rows, title=filename), XLSX_CONTENT_TYPE
    else:
        body, content_type = csv_bytes(headers, rows, lineterminator="\r\n"), CSV_CONTENT_TYPE
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response
