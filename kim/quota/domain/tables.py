"""Reading and validating the quota CSV files (pure Python).

CSV in UTF-8 (a BOM is fine), comma or semicolon separated, header row. Rows are numbered
as a spreadsheet shows them (the header is row 1). Every row is checked before anything is
used; all problems are collected with row, column and reason. In a semicolon file a decimal
comma is accepted (``0,267870503``), as German spreadsheets write it.

Messages are English msgids marked with ``gettext_noop`` so that the web UI can show them
translated (``CellError.text(gettext)``) while this module stays free of Django.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

MAX_ROWS = 20_000
MAX_COUNT = 10_000_000  # persons or places of one municipality; Berlin has 3.9 million people
MAX_DECIMALS = 12  # the stored key has 12 decimal places (published keys: 9)
_INT = re.compile(r"^\d+$")
_DEC = re.compile(r"^\d+(\.\d+)?$")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def gettext_noop(message: str) -> str:
    return message


@dataclass(frozen=True)
class CellError:
    row: int  # 0: the file as a whole
    column: str
    message: str  # English msgid with %(name)s placeholders
    params: dict[str, Any] = field(default_factory=dict)

    def text(self, translate: Callable[[str], str] = gettext_noop) -> str:
        return translate(self.message) % self.params if self.params else translate(self.message)

    def __str__(self) -> str:
        where = f"row {self.row}" if self.row else "file"
        if self.column:
            where += f", column {self.column}"
        return f"{where}: {self.text()}"


SHOWN_ERRORS = 20  # in the one-line message; ``errors`` keeps them all


class InputError(ValueError):
    """The file cannot be used; ``errors`` says why, row by row."""

    def __init__(self, errors: list[CellError]) -> None:
        self.errors = errors
        text = "; ".join(str(e) for e in errors[:SHOWN_ERRORS])
        if len(errors) > SHOWN_ERRORS:
            text += f"; … and {len(errors) - SHOWN_ERRORS} more problems"
        super().__init__(text)


class CellProblem(ValueError):
    def __init__(self, message: str, **params: Any) -> None:
        self.message, self.params = message, params
        super().__init__(message)


Parser = Callable[[str, bool], Any]  # (text, decimal comma allowed) -> value


def text(value: str, _comma: bool) -> str:
    if not value:
        raise CellProblem(gettext_noop("is empty"))
    if len(value) > 200:
        raise CellProblem(gettext_noop("is longer than 200 characters"))
    if _CONTROL.search(value):
        raise CellProblem(gettext_noop("contains a control character"))
    return value


def whole(minimum: int) -> Parser:
    def parse(value: str, _comma: bool) -> int:
        if not _INT.match(value) or int(value) < minimum:
            raise CellProblem(gettext_noop("%(value)r is not a whole number ≥ %(minimum)s"),
                              value=value, minimum=minimum)
        if int(value) > MAX_COUNT:
            raise CellProblem(gettext_noop("%(value)s is more than %(maximum)s"),
                              value=value, maximum=MAX_COUNT)
        return int(value)
    return parse


def positive_decimal(value: str, comma: bool) -> Decimal:
    normal = value.replace(",", ".") if comma and "." not in value else value
    if not _DEC.match(normal) or Decimal(normal) <= 0:
        raise CellProblem(gettext_noop("%(value)r is not a number greater than 0"), value=value)
    if len(normal.partition(".")[2]) > MAX_DECIMALS or len(normal.partition(".")[0]) > 12:
        raise CellProblem(gettext_noop("%(value)s has more than 12 digits before or after "
                                       "the decimal point"), value=value)
    return Decimal(normal)


def percent(value: str, comma: bool) -> Decimal:
    number = positive_decimal(value, comma)
    if number > 100:
        raise CellProblem(gettext_noop("%(value)r is more than 100 %%"), value=value)
    return number


_FLAGS = {"0": False, "1": True, "no": False, "yes": True, "false": False, "true": True,
          "nein": False, "ja": True, "": False}


def flag(value: str, _comma: bool) -> bool:
    try:
        return _FLAGS[value.lower()]
    except KeyError:
        raise CellProblem(gettext_noop("%(value)r is not 0 or 1"), value=value) from None


def _decode(data: bytes) -> tuple[list[list[str]], bool]:
    try:
        content = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError([CellError(0, "", gettext_noop("The file is not UTF-8 encoded."))]) \
            from None
    first = content.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    try:
        lines = [[c.strip() for c in row]
                 for row in csv.reader(io.StringIO(content, newline=""), delimiter=delimiter)]
    except csv.Error as exc:
        raise InputError([CellError(0, "", gettext_noop("The CSV file cannot be read: %(why)s"),
                                    {"why": str(exc)})]) from None
    return lines, delimiter == ";"


def read_rows(data: bytes, columns: Sequence[tuple[str, Parser]],
              unique: str = "ags") -> list[dict[str, Any]]:
    """The validated rows (dicts keyed by column, plus ``_row``); raises :class:`InputError`."""
    lines, comma = _decode(data)
    while lines and not any(lines[-1]):
        lines.pop()
    if not lines:
        raise InputError([CellError(0, "", gettext_noop("The file is empty."))])
    header = [h.strip().lower() for h in lines[0]]
    missing = [name for name, _ in columns if name not in header]
    if missing:
        raise InputError([CellError(1, name, gettext_noop("column is missing"))
                          for name in missing])
    twice = [name for name, _ in columns if header.count(name) > 1]
    if twice:  # which one would be meant? Never guess.
        raise InputError([CellError(1, name, gettext_noop("column appears twice"))
                          for name in twice])
    if len(lines) - 1 > MAX_ROWS:
        raise InputError([CellError(0, "", gettext_noop("The file has more than %(max)s rows."),
                                    {"max": MAX_ROWS})])
    index = {name: header.index(name) for name, _ in columns}
    errors: list[CellError] = []
    rows: list[dict[str, Any]] = []
    seen: dict[Any, int] = {}
    for number, cells in enumerate(lines[1:], start=2):
        if not any(cells):
            continue
        row: dict[str, Any] = {"_row": number}
        for name, parse in columns:
            i = index[name]
            try:
                row[name] = parse(cells[i] if i < len(cells) else "", comma)
            except CellProblem as problem:
                errors.append(CellError(number, name, problem.message, problem.params))
        key = row.get(unique)
        if key is not None:
            if key in seen:
                errors.append(CellError(number, unique, gettext_noop(
                    "%(value)s appears twice (first in row %(first)s)"),
                    {"value": key, "first": seen[key]}))
            else:
                seen[key] = number
        rows.append(row)
    if errors:
        raise InputError(errors)
    if not rows:
        raise InputError([CellError(0, "", gettext_noop("The file has no data rows."))])
    return rows
