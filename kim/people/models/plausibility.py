"""Plausible dates of a person and of a status record – the one check every input path runs.

``Person.clean()`` and ``LegalStatus.clean()`` call these functions, so forms get them
through model validation; the person import calls them with the row's values merged into
the stored person (dry run and import alike), and so will the API. Migration 0004 adds the
database CHECKs that can express the same rules without "today" (birth from 1900 on, no
person date before the birth, no document expiring before its status starts).

The functions take plain values and return ``{field name: [messages]}``; every message
names the field and the date, in the active language.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping

from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

EARLIEST_BIRTH = datetime.date(1900, 1, 1)
# How far ahead a date may be entered. The district government announces an assignment a
# few weeks ahead (Zuweisungsbescheid), and an arrival, a move or a status that starts on
# the first of next month is recorded when it is known: a month covers every such case,
# while a typing error (2062 for 2026, 9999) is refused.
FUTURE_MARGIN_DAYS = 31
# A residence document may expire in the future, but no German permit is issued for longer
# than ten years (§ 78 AufenthG: the card; settlement permits carry the passport's
# validity, at most ten years too). Twenty years leaves room for odd cases and still
# refuses 9999.
EXPIRY_MAX_YEARS = 20

Errors = dict[str, list[str]]

# The person's own dates that follow the birth (the model's verbose names).
PERSON_DATES = {
    "entry_date": gettext_lazy("entry into Germany"),
    "asylum_application_date": gettext_lazy("asylum application"),
    "assignment_date": gettext_lazy("assignment to the municipality"),
    "analog_benefits_since": gettext_lazy("analogue benefits since"),
    "moved_away_date": gettext_lazy("moved away on"),
    "accommodation_since": gettext_lazy("accommodation since"),
}
STATUS_LABELS = {"valid_from": gettext_lazy("valid from"),
                 "expires_on": gettext_lazy("document expires on")}


def _day(value: datetime.date) -> str:
    return date_format(value, "SHORT_DATE_FORMAT")


def _latest(today: datetime.date) -> datetime.date:
    return today + datetime.timedelta(days=FUTURE_MARGIN_DAYS)


def _years_later(day: datetime.date, years: int) -> datetime.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _add(errors: Errors, field: str, message: str) -> None:
    errors.setdefault(field, []).append(message)


def _not_before_birth(errors: Errors, field: str, label: object, value: datetime.date,
                      birth: datetime.date | None, today: datetime.date) -> None:
    """``value`` lies between the birth and today + FUTURE_MARGIN_DAYS."""
    params = {"field": capfirst(str(label)), "date": _day(value)}
    if birth is not None and value < birth:
        _add(errors, field, _("%(field)s: %(date)s lies before the date of birth "
                              "(%(birth)s).") % {**params, "birth": _day(birth)})
    if value > _latest(today):
        _add(errors, field, _("%(field)s: %(date)s lies more than %(days)s days in the "
                              "future.") % {**params, "days": FUTURE_MARGIN_DAYS})


def birth_date_errors(birth: datetime.date, today: datetime.date) -> list[str]:
    """1900 ≤ birth ≤ today (a partial date is stored as its first possible day)."""
    if birth < EARLIEST_BIRTH:
        return [_("The date of birth (%(date)s) lies before %(first)s.")
                % {"date": _day(birth), "first": _day(EARLIEST_BIRTH)}]
    if birth > today:
        return [_("The date of birth (%(date)s) lies in the future.") % {"date": _day(birth)}]
    return []


def person_date_errors(birth: datetime.date | None, dates: Mapping[str, datetime.date | None],
                       today: datetime.date, *,
                       first_status: datetime.date | None = None) -> Errors:
    """The person's dates: the birth, then every date of PERSON_DATES given in ``dates``
    (None: not recorded). ``first_status``: the start of the person's earliest recorded
    status, which must not lie before the birth either."""
    errors: Errors = {}
    if birth is not None:
        for message in birth_date_errors(birth, today):
            _add(errors, "birth_date", message)
    valid_birth = birth if birth is not None and "birth_date" not in errors else None
    for field, label in PERSON_DATES.items():
        value = dates.get(field)
        if value is not None:
            _not_before_birth(errors, field, label, value, valid_birth, today)
    if valid_birth is not None and first_status is not None and first_status < valid_birth:
        _add(errors, "birth_date", _("The date of birth (%(birth)s) lies after the start of a "
                                     "recorded status (%(start)s).")
             % {"birth": _day(valid_birth), "start": _day(first_status)})
    return errors


def status_date_errors(valid_from: datetime.date | None, expires_on: datetime.date | None,
                       birth: datetime.date | None, today: datetime.date) -> Errors:
    """A status starts between the person's birth and today + FUTURE_MARGIN_DAYS; its
    document expires after the start, at most EXPIRY_MAX_YEARS from today."""
    errors: Errors = {}
    if valid_from is not None:
        _not_before_birth(errors, "valid_from", STATUS_LABELS["valid_from"], valid_from,
                          birth, today)
    if expires_on is not None:
        params = {"field": capfirst(str(STATUS_LABELS["expires_on"])),
                  "date": _day(expires_on)}
        if valid_from is not None and expires_on < valid_from:
            _add(errors, "expires_on", _("%(field)s: %(date)s lies before the start of the "
                                         "status (%(start)s).")
                 % {**params, "start": _day(valid_from)})
        if expires_on > _years_later(today, EXPIRY_MAX_YEARS):
            _add(errors, "expires_on", _("%(field)s: %(date)s lies more than %(years)s years "
                                         "in the future.")
                 % {**params, "years": EXPIRY_MAX_YEARS})
    return errors
