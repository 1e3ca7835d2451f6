"""Today's date for tests, read when a test runs – never at import.

A module constant ``TODAY = timezone.localdate()`` goes stale when a run crosses midnight
in Europe/Berlin (23:00 UTC): the code under test then lives on the next day and the
assertions on the previous one.
"""

from __future__ import annotations

import datetime

from django.utils import timezone


def today() -> datetime.date:
    return timezone.localdate()


def days_ago(days: int) -> datetime.date:
    return today() - datetime.timedelta(days=days)


def last_month_end() -> datetime.date:
    return today().replace(day=1) - datetime.timedelta(days=1)
