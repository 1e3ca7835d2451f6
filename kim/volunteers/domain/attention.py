"""What needs the coordinator's attention: certificates of good conduct that expire soon
(or have expired) and requests waiting too long for a volunteer."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from kim.core.domain.settings import settings_on
from kim.core.models import Municipality
from kim.volunteers.domain.policy import (
    CERTIFICATE_REMINDER_DAYS,
    CERTIFICATE_YEARS,
    REQUEST_WAIT_DAYS,
)
from kim.volunteers.models import Request, Volunteer


@dataclass(frozen=True)
class Expiring:
    volunteer: Volunteer
    until: datetime.date


def expiring_certificates(municipality: Municipality, today: datetime.date) -> list[Expiring]:
    """Active volunteers whose certificate ends within the reminder period or has ended,
    soonest first."""
    values = settings_on(municipality, [CERTIFICATE_YEARS, CERTIFICATE_REMINDER_DAYS], today)
    years, days = values[CERTIFICATE_YEARS], values[CERTIFICATE_REMINDER_DAYS]
    horizon = today + datetime.timedelta(days=days)
    rows = []
    for v in Volunteer.objects.filter(left_on=None).exclude(certificate_seen_on=None):
        until = v.certificate_until(years)
        if until is not None and until <= horizon:
            rows.append(Expiring(v, until))
    return sorted(rows, key=lambda e: (e.until, e.volunteer.pk))


def waiting_requests(municipality: Municipality, today: datetime.date) -> QuerySet[Request]:
    days = settings_on(municipality, [REQUEST_WAIT_DAYS], today)[REQUEST_WAIT_DAYS]
    return Request.objects.filter(status=Request.Status.OPEN,
                                  created_on__lte=today - datetime.timedelta(days=days))


def card(request: Any) -> dict[str, Any]:
    today = timezone.localdate()
    municipality = request.municipality
    return {"expiring": expiring_certificates(municipality, today)[:10],
            "waiting": waiting_requests(municipality, today).count(),
            "open": Request.objects.filter(status=Request.Status.OPEN).count()}
