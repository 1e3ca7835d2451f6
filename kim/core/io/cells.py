"""Cell parsers for declared column types: text, whole numbers, decimals (German and
English notation), dates (ISO and German), flags, choices.

A parser takes the cell's text (stripped, never empty unless the column lets empty
cells through) and returns the value or raises
:class:`~kim.core.io.errors.CellProblem` with a translatable reason.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from kim.core.io.errors import CellProblem, gettext_noop
from kim.core.text import clean_text
from kim.rules.dates import MAX_YEAR, MIN_YEAR

Parser = Callable[[str], Any]
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
# 1234 | 1.234.567 (German grouping) | 1,234,567 (English grouping), then the fraction
_GROUPED = re.compile(r"^\d{1,3}(?:(?P<sep>[.,])\d{3})(?:(?P=sep)\d{3})*$")
_DIGITS = re.compile(r"^\d+$")
_ISO_DAY = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_GERMAN_DAY = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
_ISO_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_GERMAN_MONTH = re.compile(r"^(\d{1,2})\.(\d{4})$")
_YEAR = re.compile(r"^\d{4}$")


def text(limit: int = 200, *, control: bool = False) -> Parser:
    """Text of at most ``limit`` characters, cleaned (kim/core/text.py: NFC, no bidi
    controls or stray zero-width characters); control characters refused unless allowed."""
    def parse(value: str) -> str:
        value = clean_text(value)
        if len(value) > limit:
            raise CellProblem(gettext_noop("is longer than %(limit)s characters"), limit=limit)
        if not control and _CONTROL.search(value):
            raise CellProblem(gettext_noop("contains a control character"))
        return value
    return parse


def _digits(value: str) -> str | None:
    """The digits of a whole number written plainly or grouped (1.234 or 1,234)."""
    if _DIGITS.match(value):
        return value
    if _GROUPED.match(value):
        return value.replace(".", "").replace(",", "")
    return None


def whole(minimum: int = 0, maximum: int | None = None) -> Parser:
    """A whole number in ``minimum``..``maximum``; German grouping ``1.234`` is allowed."""
    def parse(value: str) -> int:
        digits = _digits(value.replace(" ", ""))
        if digits is None or int(digits) < minimum:
            raise CellProblem(gettext_noop("%(value)r is not a whole number ≥ %(minimum)s"),
                              value=value, minimum=minimum)
        if maximum is not None and int(digits) > maximum:
            raise CellProblem(gettext_noop("%(value)s is more than %(maximum)s"),
                              value=value, maximum=maximum)
        return int(digits)
    return parse


def number_text(value: str) -> str | None:
    """``1.234,56``, ``1234,56``, ``1,234.56``, ``1234.56`` → ``1234.56``; None if no number.

    The column is declared a number, so a single separator is the decimal one (German
    first: ``0,5`` is a half, so is ``0.5``); with two kinds, the last one is; a
    separator repeated in groups of three is grouping (``1.234.567``).
    """
    value = value.replace(" ", "").replace("\u202f", "")
    sign = ""
    if value[:1] in "+-":
        sign, value = value[:1], value[1:]
    if not value:
        return None
    if "," in value and "." in value:
        decimal_sep = "," if value.rfind(",") > value.rfind(".") else "."
        whole_part, _, fraction = value.rpartition(decimal_sep)
        digits = _digits(whole_part)
        if digits is None or not _DIGITS.match(fraction):
            return None
        return f"{sign}{digits}.{fraction}"
    for sep in ",.":
        if value.count(sep) == 1:
            whole_part, _, fraction = value.partition(sep)
            if _DIGITS.match(whole_part or "0") and _DIGITS.match(fraction):
                return f"{sign}{whole_part or '0'}.{fraction}"
            return None
        if value.count(sep) > 1:
            digits = _digits(value)
            return f"{sign}{digits}" if digits is not None else None
    return f"{sign}{value}" if _DIGITS.match(value) else None


def decimal(minimum: Decimal | None = None, maximum: Decimal | None = None, *,
            above_minimum: bool = False, max_digits: int = 12) -> Parser:
    """A decimal in German or English notation (see :func:`number_text`)."""
    def parse(value: str) -> Decimal:
        normal = number_text(value)
        try:
            number = Decimal(normal) if normal is not None else None
        except InvalidOperation:
            number = None
        low = minimum is not None and number is not None and (
            number <= minimum if above_minimum else number < minimum)
        if number is None or low:
            if minimum == 0 and above_minimum:
                raise CellProblem(gettext_noop("%(value)r is not a number greater than 0"),
                                  value=value)
            raise CellProblem(gettext_noop("%(value)r is not a number"), value=value)
        before, _, after = (normal or "").lstrip("+-").partition(".")
        if len(before) > max_digits or len(after) > max_digits:
            raise CellProblem(gettext_noop("%(value)s has more than %(digits)s digits before "
                                           "or after the decimal point"),
                              value=value, digits=max_digits)
        if maximum is not None and number > maximum:
            raise CellProblem(gettext_noop("%(value)s is more than %(maximum)s"),
                              value=value, maximum=maximum)
        return number
    return parse


def _make_date(year: str, month: str, day: str, value: str) -> datetime.date:
    try:
        result = datetime.date(int(year), int(month), int(day))
    except ValueError:
        raise CellProblem(gettext_noop("no such date: %(value)r"), value=value) from None
    if not MIN_YEAR <= result.year <= MAX_YEAR:
        raise CellProblem(gettext_noop("the year is not between %(first)s and %(last)s: "
                                       "%(value)r"), first=MIN_YEAR, last=MAX_YEAR, value=value)
    return result


def date(value: str) -> datetime.date:
    """``YYYY-MM-DD`` or ``TT.MM.JJJJ``."""
    match = _ISO_DAY.match(value)
    if match:
        year, month, day = match.groups()
        return _make_date(year, month, day, value)
    match = _GERMAN_DAY.match(value)
    if match:
        day, month, year = match.groups()
        return _make_date(year, month, day, value)
    raise CellProblem(gettext_noop("not a date (YYYY-MM-DD or TT.MM.JJJJ): %(value)r"),
                      value=value)


def partial_date(value: str) -> tuple[datetime.date, str]:
    """A date that may lack its day or month: ``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY``,
    ``TT.MM.JJJJ``, ``MM.JJJJ`` → (date with missing parts as 1, "day"/"month"/"year")."""
    for pattern, order, precision in ((_ISO_DAY, (0, 1, 2), "day"),
                                      (_GERMAN_DAY, (2, 1, 0), "day"),
                                      (_ISO_MONTH, (0, 1), "month"),
                                      (_GERMAN_MONTH, (1, 0), "month")):
        match = pattern.match(value)
        if match:
            parts = [match.group(i + 1) for i in order] + ["1", "1"]
            return _make_date(parts[0], parts[1], parts[2], value), precision
    if _YEAR.match(value):
        return _make_date(value, "1", "1", value), "year"
    raise CellProblem(gettext_noop("not a date (YYYY-MM-DD, YYYY-MM, YYYY or TT.MM.JJJJ): "
                                   "%(value)r"), value=value)


_FLAGS = {"0": False, "1": True, "no": False, "yes": True, "false": False, "true": True,
          "nein": False, "ja": True, "": False}


def flag(value: str) -> bool:
    """0/1, yes/no, ja/nein, true/false; an empty cell is no."""
    try:
        return _FLAGS[value.lower()]
    except KeyError:
        raise CellProblem(gettext_noop("%(value)r is not 0 or 1"), value=value) from None


def choice(allowed: Iterable[str], aliases: Mapping[str, str] | None = None) -> Parser:
    """One of ``allowed`` (case-insensitive), or an alias of one."""
    allowed = list(allowed)
    mapped = dict(aliases or {})

    def parse(value: str) -> str:
        key = mapped.get(value.lower(), value.lower())
        if key not in allowed:
            raise CellProblem(gettext_noop("use one of %(choices)s"),
                              choices=", ".join(allowed))
        return key
    return parse
