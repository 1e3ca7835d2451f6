"""Dates for people, in the active language: ``05.03.2024`` in German, ``03/05/2024`` in
English (Django's SHORT_DATE_FORMAT). Python code that puts a date into a message uses
these; templates use the ``date``/``localize`` filters; machine output (JSON, CSV, URLs)
keeps ISO dates."""

from __future__ import annotations

import datetime
import re

from django.utils import timezone
from django.utils.formats import date_format, get_format

_DAY = re.compile(r"[dj][./\- ]?|[./\- ]?[dj]")


def short_date(value: datetime.date | None) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return short_datetime(value)
    return date_format(value, "SHORT_DATE_FORMAT")


def short_datetime(value: datetime.datetime) -> str:
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return date_format(value, "SHORT_DATETIME_FORMAT")


def short_month(value: datetime.date) -> str:
    """The short date without its day: ``03.2024`` in German, ``03/2024`` in English."""
    return date_format(value, _DAY.sub("", str(get_format("SHORT_DATE_FORMAT")), count=1))
