"""The Art. 15 access export of a person: a page that says what it contains, and the ZIP
(PDF and JSON, German and the person's language) on POST – audited."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import translation

from kim.core.domain import access_export
from kim.core.http import TenantRequest
from kim.core.modules.registry import modules
from kim.core.views.base import tenant_view
from kim.people.domain.access_export import export_languages
from kim.people.models import Person


@tenant_view("people.access_export:write", obj=Person)
def person_access_export(request: TenantRequest, person: Person) -> HttpResponse:
    languages = export_languages(person)
    if request.method == "POST":
        body = access_export.build(person, request.municipality, languages)
        access_export.record(person, request.municipality, languages)
        response = HttpResponse(body, content_type="application/zip")
        response["Content-Disposition"] = (
            f'attachment; filename="{access_export.filename(request.municipality, person)}"')
        return response
    names = [str(translation.get_language_info(code)["name_local"]) for code in languages]
    return render(request, "people/access_export.html", {
        "person": person, "languages": names,
        "parts": [p.title for p in modules.personal_data_exports()]})
