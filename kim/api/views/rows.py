"""Bulk writes through a module's import (kim/core/io): the request body is the file
(CSV or XLSX) or JSON rows keyed by the import's column keys; the import's row errors
become problem details (``row``, ``column``, and ``index`` for JSON rows)."""

from __future__ import annotations

import csv
import io
from collections.abc import Collection
from typing import Any

from django.utils.translation import gettext as _
from rest_framework.parsers import BaseParser
from rest_framework.request import Request

from kim.api import problems

MAX_ROWS_JSON = 50_000
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class FileParser(BaseParser):
    """The body as bytes (CSV or XLSX): the import framework reads and limits it."""

    media_type = "*/*"

    def parse(self, stream: Any, media_type: str | None = None,
              parser_context: Any = None) -> bytes:
        return stream.read() if stream is not None else b""


def csv_of(rows: Any, keys: Collection[str]) -> bytes:
    """JSON rows as the CSV file the import reads; unknown keys and nested values are
    row errors."""
    errors = []
    if not isinstance(rows, list) or not rows:
        raise problems.Invalid([{"field": "rows", "message": _("Send at least one row.")}])
    header: list[str] = []
    for index, row in enumerate(rows, start=2):
        if not isinstance(row, dict):
            errors.append({"row": index, "column": "", "message": _("Send an object.")})
            continue
        for key, value in row.items():
            if key not in keys:
                errors.append({"row": index, "column": str(key),
                               "message": _("Unknown column.")})
            elif isinstance(value, dict | list):
                errors.append({"row": index, "column": key,
                               "message": _("Send a text, number or boolean.")})
            elif key not in header:
                header.append(key)
    if errors:
        raise problems.Invalid(errors[:100])
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    for row in rows:
        writer.writerow(["" if row.get(k) is None else
                         ("1" if row[k] is True else "0" if row[k] is False else str(row[k]))
                         for k in header])
    return out.getvalue().encode()


def uploaded(request: Request, keys: Collection[str]) -> tuple[bytes, str, bool]:
    """(file content, file name, sent as JSON rows?) of a bulk request."""
    content_type = request.content_type.split(";")[0].strip()
    if content_type == "application/json":
        data = request.data
        if not isinstance(data, dict) or set(data) - {"rows"}:
            raise problems.Invalid([{"field": "rows",
                                     "message": _("Send an object with rows.")}])
        return csv_of(data.get("rows"), keys), "api.csv", True
    raw = request.data if isinstance(request.data, bytes) else b""
    return raw, "api.xlsx" if content_type == XLSX else "api.csv", False


def row_problems(errors: list[Any], json_rows: bool) -> problems.Invalid:
    """The import's errors as the import page shows them; nothing was written."""
    return problems.Invalid(
        [{"row": e.row, "column": e.column, "message": e.translated,
          **({"index": e.row - 2} if json_rows and e.row > 1 else {})}
         for e in errors[:1000]],
        _("%(n)d problems: nothing was imported.") % {"n": len(errors)})
