"""Reading CSV tables for the statistics commands (pure Python).

- Encoding: UTF-8 (a byte-order mark is dropped); a file that is not UTF-8 is read as
  Windows-1252 / Latin-1, as German spreadsheets save it.
- Separator: comma, semicolon or tab – whichever splits the first line into most fields.
- Rows are numbered as a spreadsheet shows them (the header is row 1); empty lines are
  skipped; every other row must have as many fields as the header (no ragged rows).
- Numbers: ``1234``, German thousands ``1.234``, decimal comma ``1.234,5`` or ``12,5``,
  and a plain decimal point ``12.5`` where it cannot be a thousands separator. ``1.234``
  is read the German way (1234); ``1,234`` is 1.234.

Every problem raises :class:`InputError` with one line naming row and column.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from decimal import Decimal

MAX_BYTES = 20_000_000
_WHOLE = re.compile(r"^(\d{1,3}(\.\d{3})+|\d+)$")  # 1234 or 1.234.567
_GERMAN = re.compile(r"^(\d{1,3}(\.\d{3})+|\d+),(\d+)$")  # 1.234,5 or 12,5
_POINT = re.compile(r"^\d+\.\d+$")  # 12.5 (not a thousands pattern: checked first)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class InputError(ValueError):
    """The file cannot be used; the message is one line naming row and column."""

    def __init__(self, message: str, row: int | None = None, column: str | None = None):
        where = []
        if row is not None:
            where.append(f"row {row}")
        if column is not None:
            where.append(f"column {column!r}")
        self.row, self.column = row, column
        super().__init__(f"{', '.join(where)}: {message}" if where else message)


@dataclass(frozen=True)
class CsvTable:
    header: list[str]
    rows: list[list[str]]  # data rows, cells stripped, as long as the header
    numbers: list[int]  # spreadsheet row number of each data row


def decode(data: bytes) -> str:
    if len(data) > MAX_BYTES:
        raise InputError(f"the file is larger than {MAX_BYTES // 1_000_000} MB")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            text = data.decode("latin-1")
    if "\x00" in text:
        raise InputError("the file is not a text file (it contains NUL bytes)")
    return text


def _delimiter(first_line: str) -> str:
    widths = {d: len(next(csv.reader([first_line], delimiter=d), [])) for d in ",;\t"}
    return max(",;\t", key=lambda d: (widths[d], d == ","))


def read_records(data: bytes) -> list[tuple[int, list[str]]]:
    """(row number, stripped cells) of every non-empty line; all as long as the first."""
    text = decode(data)
    first = next((line for line in text.splitlines() if line.strip()), None)
    if first is None:
        raise InputError("the file is empty")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(first),
                        strict=True)
    records: list[tuple[int, list[str]]] = []
    try:
        for record in reader:
            cells = [c.strip() for c in record]
            if any(cells):
                records.append((reader.line_num, cells))
    except csv.Error as err:
        raise InputError(f"cannot be read as CSV ({err})", row=reader.line_num) from None
    if not records:
        raise InputError("the file is empty")
    width = len(records[0][1])
    for number, cells in records[1:]:
        if len(cells) != width:
            raise InputError(f"has {len(cells)} fields, the first row has {width}", number)
    return records


def read_csv(data: bytes, *, first_label_optional: bool = True) -> CsvTable:
    """The header and data rows of ``data``. Header labels must be non-empty (the first
    may be empty when ``first_label_optional``) and distinct (ignoring case)."""
    (header_row, header), *body = read_records(data)
    seen: dict[str, int] = {}
    for index, label in enumerate(header):
        if _CONTROL.search(label):
            raise InputError("the label contains a control character", header_row,
                             label or f"#{index + 1}")
        if not label and not (index == 0 and first_label_optional):
            raise InputError("has no label", header_row, f"#{index + 1}")
        key = label.casefold()
        if label and key in seen:
            raise InputError(f"appears twice (columns {seen[key] + 1} and {index + 1})",
                             header_row, label)
        seen[key] = index
    return CsvTable(header, [cells for _, cells in body], [number for number, _ in body])


def parse_count(text: str) -> int:
    """A non-negative whole number (German thousands separator allowed)."""
    if not text:
        raise ValueError("is empty")
    if _WHOLE.match(text):
        return int(text.replace(".", ""))
    if text.startswith("-") and parse_number(text[1:]) is not None:
        raise ValueError(f"{text!r} is negative")
    if parse_number(text) is not None:
        raise ValueError(f"{text!r} is not a whole number")
    raise ValueError(f"{text!r} is not a number")


def parse_number(text: str) -> Decimal | None:
    """A number in German or plain notation, optionally negative; None if it is none."""
    sign, digits = ("-", text[1:]) if text.startswith("-") else ("", text)
    if _WHOLE.match(digits):
        return Decimal(sign + digits.replace(".", ""))
    if match := _GERMAN.match(digits):
        return Decimal(f"{sign}{match.group(1).replace('.', '')}.{match.group(3)}")
    if _POINT.match(digits):
        return Decimal(sign + digits)
    return None
