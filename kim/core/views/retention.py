"""Retention periods of personal data and the deletion log (``kim retention run``)."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from kim.core.domain import retention
from kim.core.http import TenantRequest
from kim.core.permissions.check import has_perm
from kim.core.views.base import paginate, tenant_view


@tenant_view("core.retention:read", list_view=True)
def retention_overview(request: TenantRequest) -> HttpResponse:
    today = timezone.localdate()
    may_change = has_perm(request.user, "core.retention:write", request.municipality)
    rules = [{"rule": rule, "years": years, "cutoff": cutoff}
             for rule, years, cutoff in retention.cutoffs(request.municipality, today)]
    labels = retention.rule_labels()
    page = paginate(request, retention.log(request.municipality))
    entries = [{"entry": e, "label": labels.get(e.rule, e.rule)} for e in page.object_list]
    return render(request, "core/retention.html", {
        "rules": rules, "page": page, "entries": entries, "may_change": may_change})
