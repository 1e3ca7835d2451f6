"""Course figures other modules may show (``KimModule.figures``)."""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import Q

from kim.education.models import Course, Referral


def enrolled(municipality: Any, day: datetime.date) -> int:
    """Persons enrolled in a course on ``day`` (not interrupted, not ended)."""
    return (Referral.objects.filter(municipality=municipality, start__lte=day)
            .filter(Q(end=None) | Q(end__gte=day))
            .filter(Q(ended_on=None) | Q(ended_on__gt=day))
            .filter(Q(interrupted_on=None) | Q(interrupted_on__gt=day))
            .values("person").distinct().count())


def running(municipality: Any, day: datetime.date) -> int:
    """Courses that have started and not ended on ``day``."""
    return (Course.objects.filter(municipality=municipality, start__lte=day)
            .filter(Q(end=None) | Q(end__gte=day)).count())
