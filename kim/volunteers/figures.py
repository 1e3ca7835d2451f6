"""Volunteer figures other modules may show (``KimModule.figures``)."""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import Q

from kim.volunteers.models import Match, Request, Volunteer


def active_volunteers(municipality: Any, day: datetime.date) -> int:
    return (Volunteer.objects.filter(municipality=municipality, joined_on__lte=day)
            .filter(Q(left_on=None) | Q(left_on__gt=day)).count())


def active_assignments(municipality: Any, day: datetime.date) -> int:
    return (Match.objects.filter(municipality=municipality, started_on__lte=day)
            .filter(Q(ended_on=None) | Q(ended_on__gt=day)).count())


def open_requests(municipality: Any, day: datetime.date) -> int:
    """Requests waiting for a volunteer now (the state is current, not dated)."""
    return Request.objects.filter(municipality=municipality,
                                  status=Request.Status.OPEN).count()
