"""Queries over the audit log for the viewer."""

from __future__ import annotations

import datetime

from django.db.models import QuerySet

from kim.core.models import AuditEntry, Municipality


def entries(municipality: Municipality, *, action: str = "", model: str = "", actor: str = "",
            date_from: datetime.date | None = None,
            date_to: datetime.date | None = None) -> QuerySet[AuditEntry]:
    qs = AuditEntry.objects.filter(municipality=municipality)
    if action:
        qs = qs.filter(action=action)
    if model:
        qs = qs.filter(model=model)
    if actor:
        qs = qs.filter(actor_name__iexact=actor)
    if date_from:
        qs = qs.filter(timestamp__date__gte=date_from)
    if date_to:
        qs = qs.filter(timestamp__date__lte=date_to)
    return qs.order_by("-timestamp", "-id")
