from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render

from kim.core.hardening import upload_limit
from kim.core.http import TenantRequest
from kim.core.views.base import tenant_view
from kim.people.forms.imports import MAX_UPLOAD_MB, ImportForm
from kim.people.importers.columns import COLUMNS
from kim.people.importers.persons import import_persons


@upload_limit(MAX_UPLOAD_MB * 1024 * 1024)
@tenant_view("people.import:write")
def person_import(request: TenantRequest) -> HttpResponse:
    form = ImportForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        result = import_persons(request.municipality, upload, upload.name,
                                dry_run=form.cleaned_data["dry_run"])
    return render(request, "people/import.html",
                  {"form": form, "result": result, "columns": COLUMNS})
