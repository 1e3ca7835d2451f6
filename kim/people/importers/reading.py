"""Reading a person file (CSV with comma or semicolon, or XLSX) into rows of text."""

from __future__ import annotations

import csv
import datetime
import io
from dataclasses import dataclass
from typing import BinaryIO

MAX_ROWS = 200_000


class FileFormatError(ValueError):
    """The file as a whole cannot be read (not the fault of one row)."""


@dataclass
class Table:
    headers: list[str]
    rows: list[list[str]]  # row i is spreadsheet row i + 2 (the header is row 1)


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def read_csv(data: bytes) -> Table:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise FileFormatError("The CSV file is not UTF-8 encoded.") from None
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        lines = [[cell.strip() for cell in row] for row in reader]
    except csv.Error as exc:
        raise FileFormatError(f"The CSV file cannot be read: {exc}") from None
    return _table(lines)


def read_xlsx(data: bytes) -> Table:
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for broken files
        raise FileFormatError(f"The XLSX file cannot be read: {exc.__class__.__name__}") from None
    try:
        sheet = book.worksheets[0]
        lines = [[_cell_text(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    finally:
        book.close()
    return _table(lines)


def _table(lines: list[list[str]]) -> Table:
    while lines and not any(lines[-1]):
        lines.pop()
    if not lines:
        raise FileFormatError("The file is empty.")
    if len(lines) - 1 > MAX_ROWS:
        raise FileFormatError(f"The file has more than {MAX_ROWS} rows; split it.")
    headers = [h.strip() for h in lines[0]]
    return Table(headers, lines[1:])


def read_table(stream: BinaryIO, filename: str) -> Table:
    data = stream.read()
    name = filename.lower()
    if name.endswith(".xlsx"):
        return read_xlsx(data)
    if name.endswith((".csv", ".txt")):
        return read_csv(data)
    raise FileFormatError("Only .csv and .xlsx files can be imported.")
