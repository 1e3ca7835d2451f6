"""The audit log of a municipality: list with filters, CSV/XLSX export.

Entries about the people kim serves show their details only to readers who may read that
data (kim/core/audit/privacy.py); the export follows the same rule and is itself logged.
"""

from __future__ import annotations

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from kim.core.audit.writer import write
from kim.core.domain.audit import (
    Presenter,
    entries,
    export_headers,
    export_rows,
    kinds_in_log,
    users_for_filter,
)
from kim.core.exports import FORMATS, table_response
from kim.core.forms.audit import AuditFilterForm
from kim.core.http import TenantRequest
from kim.core.lists import Column, Listing
from kim.core.views.base import tenant_view

# Sorting only: the export is the audit log's own (details by permission, itself logged).
AUDIT = Listing("audit", [
    Column("time", _("Time"), sort="timestamp"),
    Column("user", _("User"), sort="actor_name"),
    Column("action", _("Action"), sort="action"),
    Column("object", _("Object")),
    Column("changes", _("Changes")),
], default="-time")


@tenant_view("core.audit:read", list_view=True)
def audit_list(request: TenantRequest) -> HttpResponse:
    form = AuditFilterForm(request.GET or None, kinds=kinds_in_log(request.municipality),
                           users=users_for_filter(request.municipality))
    filters = form.cleaned_data if form.is_valid() else {}
    presenter = Presenter(request.user, request.municipality)
    qs = AUDIT.sorted(entries(request.municipality, **filters, hidden=presenter.hidden),
                      *AUDIT.ordering(request))
    fmt = request.GET.get("format")
    if fmt:
        if fmt not in FORMATS:
            raise Http404("No such format")
        response = table_response(f"audit_{request.municipality.slug}", fmt, export_headers(),
                                  export_rows(qs, presenter))
        write("export", model="core.auditentry",
              changes={"format": fmt, "filters": {k: str(v) for k, v in filters.items() if v},
                       "details": not presenter.hidden})
        return response
    table = AUDIT.run(request, qs, caption=_("Who did what, when"))
    return render(request, "core/audit/list.html", {
        "form": form, "table": table, "rows": presenter.present(table.rows)})
