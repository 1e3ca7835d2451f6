from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render

from kim.core.domain.audit import entries
from kim.core.forms.audit import AuditFilterForm
from kim.core.http import TenantRequest
from kim.core.views.base import paginate, query_without_page, tenant_view


@tenant_view("core.audit:read", list_view=True)
def audit_list(request: TenantRequest) -> HttpResponse:
    form = AuditFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    qs = entries(request.municipality, **filters)
    return render(request, "core/audit/list.html", {
        "form": form, "page": paginate(request, qs), "query": query_without_page(request),
    })
