from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from kim.core.domain.audit import entries
from kim.core.forms.audit import AuditFilterForm
from kim.core.views.base import paginate, permission_required, query_without_page


@permission_required("core.audit:read")
def audit_list(request: HttpRequest, municipality: str) -> HttpResponse:
    form = AuditFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    qs = entries(request.municipality, **filters)  # type: ignore[attr-defined]
    return render(request, "core/audit/list.html", {
        "form": form, "page": paginate(request, qs), "query": query_without_page(request),
    })
