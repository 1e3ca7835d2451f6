"""Incident log per facility: restricted to housing and case work; every display of the
log is recorded as a read in the audit log."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from kim.core.audit.writer import record_read
from kim.core.permissions.check import has_perm
from kim.core.views.base import paginate, permission_required
from kim.housing.forms.stays import IncidentForm
from kim.housing.models import Facility, Incident
from kim.housing.views import form_page


@permission_required("housing.incidents:read")
def incident_list(request: HttpRequest, municipality: str, pk: int) -> HttpResponse:
    facility = get_object_or_404(Facility, pk=pk)
    page = paginate(request, Incident.objects.filter(facility=facility)
                    .select_related("created_by"))
    if page.object_list:
        record_read(facility, ["incidents"], reason="incident log")
    return render(request, "housing/incidents.html", {
        "facility": facility, "page": page,
        "can_write": has_perm(request.user, "housing.incidents:write",
                              request.municipality)})  # type: ignore[attr-defined]


@permission_required("housing.incidents:write")
def incident_add(request: HttpRequest, municipality: str, pk: int) -> HttpResponse:
    facility = get_object_or_404(Facility, pk=pk)
    form = IncidentForm(request.POST or None, instance=Incident(
        municipality_id=facility.municipality_id, facility=facility, created_by=request.user))
    back = reverse("housing:incident_list", kwargs={"municipality": municipality,
                                                    "pk": facility.pk})
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The incident was recorded."))
        return redirect(back)
    return form_page(request, form, title=_("New incident in %(facility)s") % {
        "facility": facility}, cancel_url=back,
        intro=_("Restricted: visible to accommodation management and case work only. "
                "Write only what the work needs."))
