"""The council's views of the plan: what changed since the last report, and the PDF
status report."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from kim.core.forms.dates import date_param
from kim.core.http import TenantRequest
from kim.core.views.base import tenant_view
from kim.plan.domain import council
from kim.plan.domain.status import changes
from kim.plan.models import Plan
from kim.rules.dates import add_years

READ = "plan.plans:read"


@tenant_view(READ, obj=Plan)
def plan_changes(request: TenantRequest, plan: Plan) -> HttpResponse:
    day = date_param(request, "on", timezone.localdate())
    since = date_param(request, "since", add_years(day, -1))
    return render(request, "plan/changes.html", {
        "plan": plan, "day": day, "since": since, "changes": changes(plan, since, day)})


@tenant_view(READ, obj=Plan)
def plan_pdf(request: TenantRequest, plan: Plan) -> HttpResponse:
    day = date_param(request, "on", timezone.localdate())
    since = date_param(request, "since", add_years(day, -1))
    response = HttpResponse(council.pdf(plan, day, since), content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="status-report-{plan.pk}-{day.isoformat()}.pdf"')
    return response
