"""Parsing the date formats people type and spreadsheets contain."""

from __future__ import annotations

import datetime
import re

from django.utils.translation import gettext_noop

from kim.people.models.fields import DatePrecision

_ISO = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
_GERMAN = re.compile(r"^(?:(?:(\d{1,2})\.)?(\d{1,2})\.)?(\d{4})$")


class DateFormatError(ValueError):
    """Why a text is not a date: an English message id and its parameters (imports show
    it translated through kim.core.io's CellError; ``str()`` gives the English text)."""

    def __init__(self, msgid: str, **params: object) -> None:
        super().__init__(msgid % params)
        self.msgid, self.params = msgid, params


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
            raise DateFormatError(gettext_noop(
                "not a date (YYYY-MM-DD, YYYY-MM, YYYY or TT.MM.JJJJ): %(value)r"), value=text)
        day, month, year = match.groups()
    precision = DatePrecision.DAY if day else DatePrecision.MONTH if month else DatePrecision.YEAR
    try:
        date = datetime.date(int(year), int(month or 1), int(day or 1))
    except ValueError as exc:
        raise DateFormatError(gettext_noop("no such date: %(value)r"), value=text) from exc
    if date.year < 1900:
        raise DateFormatError(gettext_noop("year before 1900: %(value)r"), value=text)
    return date, str(precision)


def parse_full_date(text: str) -> datetime.date:
    date, precision = parse_partial_date(text)
    if precision != DatePrecision.DAY:
        raise DateFormatError(gettext_noop("a full date is needed here: %(value)r"),
                              value=text)
    return date
