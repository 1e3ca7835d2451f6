from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from kim.core.views.base import permission_required
from kim.people.forms.imports import ImportForm
from kim.people.importers.columns import COLUMNS
from kim.people.importers.persons import import_persons


@permission_required("people.import:write")
def person_import(request: HttpRequest, municipality: str) -> HttpResponse:
    form = ImportForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        result = import_persons(request.municipality, upload,  # type: ignore[attr-defined]
                                upload.name, dry_run=form.cleaned_data["dry_run"])
    return render(request, "people/import.html",
                  {"form": form, "result": result, "columns": COLUMNS})
