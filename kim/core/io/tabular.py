"""The one tabular writer of kim: CSV (with BOM for Excel, or plain for a terminal),
XLSX (openpyxl write-only) and JSON – safe against formula injection.

A text cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is read
as a formula by Excel/LibreOffice ("CSV/formula injection", OWASP). Such text gets a
leading apostrophe: the spreadsheet shows the text instead of evaluating it. Numbers are
returned unchanged (a negative number is not text). Every export, report renderer and
command that writes a table goes through this module.
"""

from __future__ import annotations

import csv
import datetime
import io
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_CONTENT_TYPE = "text/csv; charset=utf-8"


def safe_cell(value: Any) -> Any:
    """Text that a spreadsheet would evaluate gets a leading apostrophe; all else as is."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def _csv_cell(value: Any) -> Any:
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value, "f")
    if value is None:
        return ""
    if isinstance(value, bool | int | float):
        return value
    return safe_cell(str(value))  # lazy translations and the like become text first


def csv_text(headers: Sequence[Any] | None, rows: Iterable[Sequence[Any]], *,
             lineterminator: str = "\n", delimiter: str = ",") -> str:
    """CSV text without BOM (standard output of commands): dates ISO, decimals plain."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator=lineterminator, delimiter=delimiter)
    if headers is not None:
        writer.writerow([_csv_cell(h) for h in headers])
    for row in rows:
        writer.writerow([_csv_cell(v) for v in row])
    return out.getvalue()


def csv_bytes(headers: Sequence[Any] | None, rows: Iterable[Sequence[Any]], *,
              lineterminator: str = "\r\n") -> bytes:
    """A CSV download: UTF-8 with BOM, so Excel detects the encoding."""
    return ("\ufeff" + csv_text(headers, rows, lineterminator=lineterminator)).encode("utf-8")


@dataclass
class SheetSpec:
    """One sheet of an XLSX file: rows (the first one a header if ``bold_header``),
    indices of further rows to set in bold, and the cell whose top-left is frozen."""

    title: str
    rows: Iterable[Sequence[Any]]
    bold_header: bool = True
    bold_rows: set[int] = field(default_factory=set)
    freeze: str | None = "A2"


def _xlsx_cell(sheet: Any, value: Any, bold: bool) -> Any:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    if isinstance(value, Decimal):
        value = float(value)
    elif value is not None and not isinstance(value, bool | int | float | datetime.date):
        value = safe_cell(str(value))
    cell = WriteOnlyCell(sheet, value=value)
    if isinstance(value, str):
        cell.data_type = "s"  # belt and braces beside safe_cell: text, never a formula
    if bold:
        cell.font = Font(bold=True)
    return cell


def xlsx_bytes(sheets: Sequence[SheetSpec]) -> bytes:
    """An XLSX file written in write-only mode (rows go out as they come)."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    for spec in sheets:
        # Excel's rules for sheet names: at most 31 characters, none of []:*?/\
        sheet = book.create_sheet(re.sub(r"[\[\]:*?/\\]", "_", spec.title)[:31] or "Sheet")
        if spec.freeze:
            sheet.freeze_panes = spec.freeze
        for index, row in enumerate(spec.rows):
            bold = (index == 0 and spec.bold_header) or index in spec.bold_rows
            sheet.append([_xlsx_cell(sheet, v, bold) for v in row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def xlsx_table(headers: Sequence[Any], rows: Iterable[Sequence[Any]],
               title: str = "Sheet") -> bytes:
    """One sheet: a bold header row and the rows."""
    def all_rows() -> Iterable[Sequence[Any]]:
        yield [str(h) for h in headers]
        yield from rows
    return xlsx_bytes([SheetSpec(title, all_rows())])


def json_value(value: Any) -> Any:
    """A value as JSON holds it: whole decimals as int, others as float, dates ISO."""
    if isinstance(value, Decimal):
        whole = value == value.to_integral_value() and int(value.as_tuple().exponent) >= 0
        return int(value) if whole else float(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


def json_text(records: Iterable[Mapping[str, Any]], fields: Sequence[str] | None = None) -> str:
    """A JSON array of objects (machine output: no escaping, stable keys)."""
    rows = [{k: json_value(record[k]) for k in (fields or list(record))} for record in records]
    return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
