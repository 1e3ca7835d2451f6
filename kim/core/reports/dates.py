"""Reference dates: the only dates an aggregate-only audience gets a report for.

Disclosure control protects each table on its own. Two tables of consecutive days differ
by what happened on one day – often one person (steering compared the benefit recipients
of 24 and 25 January and learnt one asylum rejection). So an aggregate audience gets
reports only for past month ends, and period reports only for whole months, quarters
and calendar years. Detail audiences (who may see the persons anyway) keep any date.
See kim/core/reports/README.md "Disclosure control over time".
"""

from __future__ import annotations

from datetime import date, timedelta

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from kim.rules.dates import add_months, days_in_month

# How far back the date choice of an aggregate report's form reaches (any older month end
# may still be asked for by URL or command).
CHOICE_YEARS = 15
PERIOD_MONTHS = (1, 3, 12)

NOT_A_REFERENCE_DATE = _(
    "Aggregate reports are available for past month ends only (e.g. 31.01.2019): reports "
    "of any two days could be compared to learn about single persons.")
NOT_A_REFERENCE_PERIOD = _(
    "For aggregate reports a period is a whole month, a calendar quarter or a calendar "
    "year: from the first day of a month to the last day of a month.")


def month_end(day: date) -> date:
    return day.replace(day=days_in_month(day.year, day.month))


def is_month_end(day: date) -> bool:
    return day == month_end(day)


def latest_reference_date(today: date) -> date:
    """The last month end before ``today`` (a month that is over)."""
    return today.replace(day=1) - timedelta(days=1)


def reference_dates(today: date, years: int = CHOICE_YEARS) -> list[date]:
    """Month ends from the latest back ``years`` years, newest first."""
    latest = latest_reference_date(today)
    return [month_end(add_months(latest.replace(day=1), -i)) for i in range(12 * years)]


def period_starts(today: date, years: int = CHOICE_YEARS) -> list[date]:
    return [d.replace(day=1) for d in reference_dates(today, years)]


def is_reference_date(day: date, today: date) -> bool:
    return is_month_end(day) and day < today


def is_reference_period(start: date, end: date) -> bool:
    """A whole month, a calendar quarter or a calendar year, ``end`` its last day."""
    if start.day != 1 or not is_month_end(end) or start > end:
        return False
    months = (end.year - start.year) * 12 + end.month - start.month + 1
    if months == 1:
        return True
    if months == 3:
        return start.month in (1, 4, 7, 10)
    return months == 12 and start.month == 1


def aggregate_date_error(as_of: date, period_start: date | None,
                         today: date) -> tuple[str, Promise] | None:
    """Why an aggregate audience may not have a report for these dates: (field, message),
    or None when it may."""
    if not is_reference_date(as_of, today):
        return "as_of", NOT_A_REFERENCE_DATE
    if period_start is not None and not is_reference_period(period_start, as_of):
        return "period_start", NOT_A_REFERENCE_PERIOD
    return None
