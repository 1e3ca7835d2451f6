"""Parsing the date formats people type and spreadsheets contain."""

from __future__ import annotations

import datetime
import re

from kim.people.models.fields import DatePrecision

_ISO = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
_GERMAN = re.compile(r"^(?:(?:(\d{1,2})\.)?(\d{1,2})\.)?(\d{4})$")


class DateFormatError(ValueError):
    pass


def parse_partial_date(text: str) -> tuple[datetime.date, str]:
    """``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY`` or ``TT.MM.JJJJ``/``MM.JJJJ`` →
    (date with missing parts as 1, precision). Raises DateFormatError with the reason."""
    value = text.strip()
    match = _ISO.match(value)
    if match:
        year, month, day = match.groups()
    else:
        match = _GERMAN.match(value)
        if not match:
            raise DateFormatError(f"not a date (YYYY-MM-DD, YYYY-MM, YYYY or TT.MM.JJJJ): {text!r}")
        day, month, year = match.groups()
    precision = DatePrecision.DAY if day else DatePrecision.MONTH if month else DatePrecision.YEAR
    try:
        date = datetime.date(int(year), int(month or 1), int(day or 1))
    except ValueError as exc:
        raise DateFormatError(f"no such date: {text!r}") from exc
    if date.year < 1900:
        raise DateFormatError(f"year before 1900: {text!r}")
    return date, str(precision)


def parse_full_date(text: str) -> datetime.date:
    date, precision = parse_partial_date(text)
    if precision != DatePrecision.DAY:
        raise DateFormatError(f"a full date is needed here: {text!r}")
    return date
