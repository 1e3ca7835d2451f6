"""A volunteer's Art. 15 access export: a page that says what it contains, the ZIP (PDF
and JSON, German and English) on POST – audited."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import translation

from kim.core.domain import access_export
from kim.core.http import TenantRequest
from kim.core.views.base import tenant_view
from kim.volunteers.domain.access_export import subject
from kim.volunteers.models import Volunteer

LANGUAGES = ["de", "en"]


@tenant_view("volunteers.pool:write", obj=Volunteer)
def volunteer_access_export(request: TenantRequest, volunteer: Volunteer) -> HttpResponse:
    if request.method == "POST":
        body = access_export.build(volunteer, request.municipality, LANGUAGES,
                                   subject(volunteer))
        access_export.record(volunteer, request.municipality, LANGUAGES, subject(volunteer))
        response = HttpResponse(body, content_type="application/zip")
        name = access_export.filename(request.municipality, volunteer, subject(volunteer))
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response
    names = [str(translation.get_language_info(code)["name_local"]) for code in LANGUAGES]
    return render(request, "volunteers/access_export.html",
                  {"volunteer": volunteer, "languages": names})

