"""Start-page card: the next status report of the action plan and the measures that have
no status entry since the last one – the reminder before a reporting date."""

from __future__ import annotations

import datetime
from typing import Any

from django.utils import timezone

from kim.core.http import TenantRequest
from kim.plan.domain.status import latest_entries
from kim.plan.models import Measure, Plan
from kim.rules.dates import add_years

REMIND_DAYS = 28


def report_due(request: TenantRequest) -> dict[str, Any]:
    today = timezone.localdate()
    plan = (Plan.objects.filter(municipality=request.municipality, adopted_on__lte=today)
            .order_by("-adopted_on", "-pk").first())
    if plan is None:
        return {"plan": None}
    due = plan.next_report_on
    reminding = due is not None and due - datetime.timedelta(days=REMIND_DAYS) <= today
    missing: list[Measure] = []
    if reminding and due is not None:
        measures = list(Measure.objects.filter(plan_field__plan=plan))
        entries = latest_entries(measures, today)
        since = add_years(due, -1)
        missing = [m for m in measures
                   if m.pk not in entries or entries[m.pk].reported_on <= since]
    return {"plan": plan, "due": due, "reminding": reminding, "missing": missing[:10],
            "missing_count": len(missing)}
