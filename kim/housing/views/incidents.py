"""Incident log per facility: restricted to housing and case work; every display of the
log is recorded as a read in the audit log."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils.translation import gettext as _

from kim.core.audit.writer import record_read
from kim.core.http import TenantRequest
from kim.core.permissions.check import has_perm
from kim.core.views.base import form_page, paginate, tenant_url, tenant_view
from kim.housing.forms.stays import IncidentForm
from kim.housing.models import Facility, Incident


@tenant_view("housing.incidents:read", obj=Facility, list_view=True)
def incident_list(request: TenantRequest, facility: Facility) -> HttpResponse:
    page = paginate(request, Incident.objects.filter(facility=facility)
                    .select_related("created_by"))
    if page.object_list:
        record_read(facility, ["incidents"], reason="incident log")
    return render(request, "housing/incidents.html", {
        "facility": facility, "page": page,
        "can_write": has_perm(request.user, "housing.incidents:write",
                              request.municipality)})


@tenant_view("housing.incidents:write", obj=Facility)
def incident_add(request: TenantRequest, facility: Facility) -> HttpResponse:
    form = IncidentForm(request.POST or None, instance=Incident(
        municipality_id=facility.municipality_id, facility=facility, created_by=request.user))
    back = tenant_url(request, "housing:incident_list", pk=facility.pk)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The incident was recorded."))
        return HttpResponseRedirect(back)
    return form_page(request, form, title=_("New incident in %(facility)s") % {
        "facility": facility}, cancel_url=back,
        intro=_("Restricted: visible to accommodation management and case work only. "
                "Write only what the work needs."))
